"""The JSON Schema of :meth:`Article.to_dict`, generated from the model.

Each attrs class of the model is one ``$defs`` entry, named by its class in
snake case (``image_block``, ``gallery_item``, ``text_run``); its properties
are its JSON fields (those taking part in equality), typed by their hints,
with the keywords of their ``schema`` metadata added; a class with a
``TYPE`` word has ``"type": {"const": TYPE}``. The unions :data:`~dwparse.Block`
and :data:`~dwparse.Inline` are ``block`` and ``inline``.

``src/dwparse/schema.json`` is this schema written out for readers outside
Python; a test checks that it is equal to the generated one
(:func:`schema_text`), and
``PYTHONPATH=src python -c "import dwparse.schema as s; print(s.schema_text(), end='')" > src/dwparse/schema.json``
writes it anew.
"""

from __future__ import annotations

import copy
import json
import re
import typing
from datetime import datetime
from functools import lru_cache
from typing import Any, Literal, Union

import attrs

from dwparse.model import BLOCK_TYPES, Article, Inline

__all__ = ["json_schema", "schema_text"]

_PLAIN = {str: "string", int: "integer", bool: "boolean", datetime: "string"}
_UNIONS = {frozenset(BLOCK_TYPES): "block", frozenset(typing.get_args(Inline)): "inline"}
Schema = dict[str, Any]


def json_schema() -> Schema:
    """The JSON Schema (draft 2020-12) of :meth:`Article.to_dict`'s output,
    generated from the model; a fresh copy each call."""
    return copy.deepcopy(_generated())


@lru_cache(maxsize=1)
def _generated() -> Schema:
    defs: dict[str, Schema] = {}
    article = _object(Article, defs)
    properties = {
        "path": {"type": "string", "description": "the file the article was read from; only in the command line's JSON lines"},
        "schema_version": {"const": Article.SCHEMA_VERSION},
    }
    fields = dict(article["properties"])
    problems = fields.pop("problems")
    properties.update(fields)
    hints = {name: typing.get_type_hints(getattr(Article, name).fget)["return"] for name in Article.DERIVED}
    properties.update({name: _of_hint(hint, defs) for name, hint in hints.items()})
    properties["problems"] = problems
    return {
        "$schema": "https://json-schema.org/draft/2020-12/schema",
        "$id": f"urn:dwparse:article:{Article.SCHEMA_VERSION}",
        "title": f"dwparse article, schema_version {Article.SCHEMA_VERSION}",
        "description": "The output of dwparse.Article.to_dict() (and to_json()).",
        "type": "object",
        "properties": properties,
        "required": [name for name in properties if name != "path"],
        "additionalProperties": False,
        "$defs": dict(sorted(defs.items())),
    }


def _name(kind: type) -> str:
    return re.sub(r"(?<!^)(?=[A-Z])", "_", kind.__name__).lower()


def _ref(kind: type, defs: dict[str, Schema]) -> Schema:
    name = _name(kind)
    if name not in defs:
        defs[name] = {}  # taken: a class that holds itself is not read twice
        defs[name] = _object(kind, defs)
    return {"$ref": f"#/$defs/{name}"}


def _object(kind: type, defs: dict[str, Schema]) -> Schema:
    """The schema of an attrs class: its JSON fields, each required unless omittable."""
    hints = typing.get_type_hints(kind)
    word = getattr(kind, "TYPE", None)
    properties: Schema = {"type": {"const": word}} if word is not None else {}
    required = ["type"] if word is not None else []
    for field in attrs.fields(kind):
        if not field.eq:  # the source HTML kept for writing
            continue
        properties[field.name] = {**_of_hint(hints[field.name], defs), **field.metadata.get("schema", {})}
        if not field.metadata.get("omittable"):
            required.append(field.name)
    summary = (kind.__doc__ or "").strip().split("\n\n")[0]
    return {
        "type": "object",
        "description": " ".join(summary.split()),
        "properties": properties,
        "required": required,
        "additionalProperties": False,
    }


def _of_hint(hint: Any, defs: dict[str, Schema]) -> Schema:
    """The schema of a field's type hint."""
    origin = typing.get_origin(hint)
    if origin is tuple:
        return {"type": "array", "items": _of_hint(typing.get_args(hint)[0], defs)}
    if origin is Union:
        options = [option for option in typing.get_args(hint) if option is not type(None)]
        nullable = len(options) < len(typing.get_args(hint))
        if len(options) > 1:
            union = _UNIONS[frozenset(options)]
            if union not in defs:
                defs[union] = {"oneOf": [_ref(option, defs) for option in options]}
            inner: Schema = {"$ref": f"#/$defs/{union}"}
        else:
            inner = _of_hint(options[0], defs)
        if not nullable:
            return inner
        if set(inner) == {"type"}:
            return {"type": [inner["type"], "null"]}
        if set(inner) == {"enum"}:
            return {"enum": [*inner["enum"], None]}
        return {"oneOf": [inner, {"type": "null"}]}
    if origin is Literal:
        return {"enum": list(typing.get_args(hint))}
    if hint in _PLAIN:
        return {"type": _PLAIN[hint]}
    if attrs.has(hint):
        return _ref(hint, defs)
    raise TypeError(f"no JSON Schema for the type {hint!r}")


def schema_text() -> str:
    """The generated schema as ``schema.json`` holds it: indented JSON, UTF-8 text."""
    return json.dumps(_generated(), ensure_ascii=False, indent=2) + "\n"
