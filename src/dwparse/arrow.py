"""Arrow schemas for analysis: of the command's JSON lines
(:func:`arrow_schema`), and of its Parquet tables (:func:`table_schemas`).

:func:`arrow_schema` is not written by hand: it is the JSON Schema of
:mod:`dwparse.schema` (itself generated from the model) turned into Arrow
types, key by key. A string of ``"format": "date-time"`` is a UTC timestamp,
an integer ``int64``, an array a list, an object a struct of its properties
in their order; a union of objects (the blocks, the inline runs) is one
struct of all their keys, each key of one type, so that every block of a
line fits it and keys a block has not are null. pyarrow is imported only
when a schema is asked for: it is the optional extra ``dwparse[parquet]``;
:mod:`dwparse.tables` too (it derives the tables' columns as it is imported).
"""

from __future__ import annotations

from typing import TYPE_CHECKING, Any

from dwparse.schema import json_schema

if TYPE_CHECKING:
    import pyarrow

__all__ = ["arrow_schema", "table_schemas"]

Schema = dict[str, Any]
#: The Arrow type name of each JSON Schema type (timestamps aside).
_TYPES = {"string": "string", "integer": "int64", "boolean": "bool_"}


def arrow_schema() -> pyarrow.Schema:
    """The Arrow schema of one JSON line of the command's output
    (``{"path": ..., **article.to_dict()}``), derived from
    :func:`dwparse.json_schema`. With it pyarrow reads any such file
    whatever its lines hold (clean lines first, damaged ones far below)::

        pyarrow.json.read_json(
            "out.jsonl",
            parse_options=pyarrow.json.ParseOptions(explicit_schema=dwparse.arrow_schema()),
        )

    Times are ``timestamp[us, tz=UTC]``, integers ``int64``; ``blocks`` is a
    list of one struct with the keys of every block type (``inlines`` the
    same for the runs), null where a block has not the key. Its metadata
    holds ``dwparse_version`` and ``schema_version``, as the Parquet files'.

    :raises ImportError: without pyarrow (``pip install 'dwparse[parquet]'``).
    """
    from dwparse.tables import file_metadata, needs_pyarrow

    pa = needs_pyarrow("dwparse.arrow_schema()")
    schema = json_schema()
    converter = _Converter(pa, schema["$defs"])
    fields = [pa.field(name, converter.of(part, name)) for name, part in schema["properties"].items()]
    return pa.schema(fields, metadata=file_metadata())


def table_schemas() -> dict[str, pyarrow.Schema]:
    """The Arrow schema of each Parquet table of ``--format parquet``, by
    table name (``"articles"``, ``"blocks"``, ``"pictures"``, ``"links"``,
    ``"topics"``, ``"problems"``), in the order they are written; each with
    the metadata every file of the table has: ``dwparse_version`` and
    ``schema_version``.

    :raises ImportError: without pyarrow (``pip install 'dwparse[parquet]'``).
    """
    from dwparse.tables import schemas

    return schemas()


class _Converter:
    """JSON Schema to Arrow types, with the schema's ``$defs`` at hand."""

    def __init__(self, pa: Any, defs: dict[str, Schema]) -> None:
        self.pa = pa
        self.defs = defs

    def of(self, schema: Schema, where: str, seen: tuple[str, ...] = ()) -> Any:
        """The Arrow type of a JSON Schema; ``where`` names it in errors,
        ``seen`` holds the ``$defs`` being read (one that holds itself has
        no Arrow type)."""
        pa = self.pa
        if "$ref" in schema:
            name = schema["$ref"].rpartition("/")[2]
            if name in seen:
                raise TypeError(f"no Arrow type for {where}: {name} holds itself")
            return self.of(self.defs[name], where, (*seen, name))
        options = [option for option in schema.get("oneOf", ()) if option != {"type": "null"}]
        if len(options) == 1:
            return self.of(options[0], where, seen)
        if options:
            return self._union(options, where, seen)
        kind = _json_type(schema, where)
        if kind == "array":
            return pa.list_(self.of(schema["items"], f"{where}[]", seen))
        if kind == "object":
            properties = schema["properties"].items()
            return pa.struct([pa.field(name, self.of(part, f"{where}.{name}", seen)) for name, part in properties])
        if kind == "string" and schema.get("format") == "date-time":
            return pa.timestamp("us", tz="UTC")
        return getattr(pa, _TYPES[kind])()

    def _union(self, options: list[Schema], where: str, seen: tuple[str, ...]) -> Any:
        """One struct for a union of objects: the fields of each, in order
        of first appearance; a key two of them have must have one type."""
        fields: dict[str, Any] = {}
        for option in options:
            struct = self.of(option, where, seen)
            if not self.pa.types.is_struct(struct):
                raise TypeError(f"no Arrow type for {where}: a union of {struct} and objects")
            for field in struct:
                if fields.setdefault(field.name, field).type != field.type:
                    raise TypeError(f"no Arrow type for {where}.{field.name}: {fields[field.name].type} and {field.type}")
        return self.pa.struct(list(fields.values()))


def _json_type(schema: Schema, where: str) -> str:
    """The JSON type a schema allows besides null: its ``type``, or that of
    its ``const`` or ``enum`` values."""
    kinds = schema.get("type")
    if kinds is None:
        values = [schema["const"]] if "const" in schema else schema.get("enum", [])
        names = {bool: "boolean", int: "integer", str: "string"}
        kinds = sorted({names.get(type(value), "?") for value in values if value is not None})
    options = [kind for kind in ([kinds] if isinstance(kinds, str) else kinds) if kind != "null"]
    if len(options) != 1 or options[0] not in (*_TYPES, "array", "object"):
        raise TypeError(f"no Arrow type for {where}: {schema}")
    return str(options[0])
