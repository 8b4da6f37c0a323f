"""The JSON shape: one converter for every attrs class of the model, each
way (the schema is :mod:`dwparse.schema`).

Nothing here imports the model: a class's JSON keys are its attrs fields
(those taking part in equality), with its ``TYPE`` word first where it has
one, so :mod:`dwparse.model` can call in without an import circle. Reading
back (:func:`from_jsonable`) follows the fields' type hints; a union of
classes is told apart by the ``"type"`` word.
"""

from __future__ import annotations

import re
import typing
from datetime import datetime, timezone
from typing import Any, Callable, Literal, Optional, Union

import attrs

__all__ = ["article_from_dict", "article_to_dict", "from_jsonable", "to_jsonable"]


def to_jsonable(value: Any, leave_out: frozenset[str] = frozenset()) -> Any:
    """``value`` as JSON-ready data: attrs classes become dicts (with their
    ``"type"`` first where the class has one), tuples lists, datetimes ISO 8601.
    Fields marked ``eq=False`` (source HTML kept for rendering) are left out,
    and so are fields named in ``leave_out``.

    Each attrs class is converted by a function written for it from its
    fields, once (:func:`_converter`).
    """
    kind = type(value)
    by_type = _CONVERTERS.get(leave_out)
    convert = by_type.get(kind) if by_type is not None else None
    if convert is not None:
        return convert(value)
    if attrs.has(kind):
        convert = _CONVERTERS.setdefault(leave_out, {})[kind] = _converter(kind, leave_out)
        return convert(value)
    if kind is tuple:
        return [to_jsonable(item, leave_out) for item in value]
    if kind is datetime:
        return value.isoformat()
    return value


def _converter(kind: type, leave_out: frozenset[str]) -> Callable[[Any], dict[str, Any]]:
    """The function that converts an instance of the attrs class ``kind``:
    one dict display of its JSON fields (see :func:`_shape`), each read as its
    type hint says (plain values as they are, the rest through
    :func:`to_jsonable`)."""
    word, names = _shape(kind)
    hints = _hints(kind)
    items = [f"'type': {word!r}"] if word is not None else []
    items += [f"{name!r}: {_expression(hints[name], 'value.' + name)}" for name in names if name not in leave_out]
    source = "def convert(value):\n    return {" + ", ".join(items) + "}\n"
    by_type = _CONVERTERS.setdefault(leave_out, {})

    def _any(item: Any) -> Any:  # (a converter made already, found by the type alone)
        convert = by_type.get(type(item))
        return convert(item) if convert is not None else to_jsonable(item, leave_out)

    namespace: dict[str, Any] = {"_any": _any}
    exec(compile(source, f"<dwparse.jsonshape converter of {kind.__name__}>", "exec"), namespace)  # noqa: S102
    return namespace["convert"]  # type: ignore[no-any-return]


def _expression(hint: Any, reference: str) -> str:
    """The Python expression giving the JSON value of the field ``reference``."""
    if _is_plain(hint):
        return reference
    if typing.get_origin(hint) is tuple and _is_plain(typing.get_args(hint)[0]):
        return f"list({reference})"
    if typing.get_origin(hint) is tuple:
        return f"[_any(item) for item in {reference}]"
    return f"_any({reference})"


def _is_plain(hint: Any) -> bool:
    """Whether values of ``hint`` are JSON as they are: ``str``, ``int``,
    ``bool``, a ``Literal`` of them, or an optional of one of those."""
    if typing.get_origin(hint) is Union:
        return all(option is type(None) or _is_plain(option) for option in typing.get_args(hint))
    return hint in (str, int, bool) or typing.get_origin(hint) is Literal


# The converters made, by the field names they leave out, then by class.
_CONVERTERS: dict[frozenset[str], dict[type, Callable[[Any], Any]]] = {}


def _shape(kind: type) -> tuple[Optional[str], tuple[str, ...]]:
    """An attrs class's ``"type"`` word (or ``None``) and the names of its JSON fields."""
    shape = _SHAPES.get(kind)
    if shape is None:
        shape = _SHAPES[kind] = getattr(kind, "TYPE", None), tuple(field.name for field in attrs.fields(kind) if field.eq)
    return shape


_SHAPES: dict[type, tuple[Optional[str], tuple[str, ...]]] = {}


def article_to_dict(article: Any, *, inlines: bool = True) -> dict[str, Any]:
    """The contract's JSON shape of an :class:`~dwparse.Article`:
    ``schema_version`` first, then its fields, with the derived keys
    (``Article.DERIVED``: ``sources``, ``copyright``, ``text``) before ``problems``; without paragraphs'
    ``inlines`` if ``inlines`` is false."""
    body = to_jsonable(article, frozenset() if inlines else _NO_INLINES)
    problems = body.pop("problems")
    out = {"schema_version": article.SCHEMA_VERSION, **body}
    for name in article.DERIVED:  # sources, copyright, text
        out[name] = to_jsonable(getattr(article, name))
    out["problems"] = problems
    return out


_NO_INLINES = frozenset({"inlines"})


def article_from_dict(cls: type, data: Any) -> Any:
    """An article of class ``cls`` from :func:`article_to_dict`'s shape.

    Every key of the shape must be there with a value of its type; the
    derived keys (``sources``, ``copyright``, ``text``) and others (a command
    line's ``"path"``) are not read.

    :raises ValueError: if ``data`` is not a dict of that shape (schema 3, or 2).
    """
    version = data.get("schema_version") if isinstance(data, dict) else type(data).__name__
    readable = (cls.SCHEMA_VERSION, *_UPGRADES)  # type: ignore[attr-defined]
    if not isinstance(data, dict) or type(version) is not int or version not in readable:
        raise ValueError(f"not an article of schema_version {cls.SCHEMA_VERSION}: schema_version {version!r}")  # type: ignore[attr-defined]
    try:
        if version != cls.SCHEMA_VERSION:  # type: ignore[attr-defined]
            data = _UPGRADES[version](data)
        return from_jsonable(cls, data)
    except (KeyError, TypeError, ValueError, AttributeError, RecursionError, OverflowError) as error:
        detail = f"{type(error).__name__}: {error}" if not isinstance(error, ValueError) else str(error)
        raise ValueError(f"not an article of schema_version {version}: {detail}") from error


def _from_2(data: dict[str, Any]) -> dict[str, Any]:
    """A schema 2 article in the shape of schema 3: no ``byline``, notices of no ``kind``."""
    upgraded = {**data, "byline": None}
    blocks = data.get("blocks")
    if isinstance(blocks, list):
        upgraded["blocks"] = [
            {"type": "notice", "kind": None, **block} if isinstance(block, dict) and block.get("type") == "notice" else block
            for block in blocks
        ]
    return upgraded


#: The older schema versions read, each with what makes it the current shape.
_UPGRADES = {2: _from_2}


def from_jsonable(hint: Any, value: Any) -> Any:
    """``value`` (JSON-ready data) read back as the type ``hint`` says: an
    attrs class (every JSON field present), a tuple (from a list), an
    optional or a union of classes with ``TYPE`` words, an aware datetime
    (converted to UTC), or a plain ``str``, ``int`` or ``bool``.

    A paragraph written without ``inlines`` gets one plain run of its text.

    :raises ValueError: (or ``TypeError``, ``KeyError``) where ``value`` does not fit.
    """
    origin = typing.get_origin(hint)
    if origin is Union:
        options = [option for option in typing.get_args(hint) if option is not type(None)]
        if value is None:
            if len(options) < len(typing.get_args(hint)):
                return None
            raise TypeError("null where a value is needed")
        if len(options) > 1:  # told apart by the "type" word
            word = value["type"] if isinstance(value, dict) else None
            options = [option for option in options if getattr(option, "TYPE", None) == word]
            if not options:
                raise ValueError(f"unknown type {word!r}")
        return from_jsonable(options[0], value)
    if origin is tuple:
        if type(value) is not list:
            raise TypeError(f"expected a list, got {type(value).__name__}")
        item = typing.get_args(hint)[0]
        return tuple(from_jsonable(item, element) for element in value)
    if origin is Literal:
        if value not in typing.get_args(hint):
            raise ValueError(f"{value!r} is not one of {typing.get_args(hint)}")
        return value
    if hint is datetime:
        moment = datetime.fromisoformat(_check(str, value))
        if moment.tzinfo is None:
            raise ValueError(f"a time without zone: {value!r}")
        return moment.astimezone(timezone.utc)
    if isinstance(hint, type) and attrs.has(hint):
        if not isinstance(value, dict):
            raise TypeError(f"expected an object, got {type(value).__name__}")
        hints = _hints(hint)
        fields = {}
        for name in _shape(hint)[1]:
            if name not in value and name == "inlines":  # left out with inlines=False
                text = _check(str, value["text"])
                fields[name] = from_jsonable(hints[name], [{"type": "text", "text": text, "strong": False, "em": False}] if text else [])
            elif name not in value:
                raise KeyError(f"{hint.__name__} without {name!r}")
            else:
                try:
                    fields[name] = from_jsonable(hints[name], value[name])
                except OverflowError as error:  # a time out of the range of dates: name the key
                    raise ValueError(f"{hint.__name__}.{name} {value[name]!r}: {error}") from error
                _within(hint, name, value[name])
        return hint(**fields)
    return _check(hint, value)


def _within(kind: type, name: str, value: Any) -> None:
    """Check ``value`` against the JSON Schema keywords of the field's
    metadata (those the shipped schema holds), so that what the schema
    rejects is refused here too, with the key named."""
    schema = _SCHEMAS.get((kind, name))
    if schema is None:
        field = attrs.fields_dict(kind)[name]
        schema = _SCHEMAS[(kind, name)] = field.metadata.get("schema", {})
    if not schema or value is None:
        return
    problem = None
    if "enum" in schema and value not in schema["enum"]:
        problem = f"is not one of {schema['enum']}"
    elif "minimum" in schema and value < schema["minimum"] or "maximum" in schema and value > schema["maximum"]:
        problem = f"is out of [{schema.get('minimum')}, {schema.get('maximum')}]"
    elif "pattern" in schema and re.search(schema["pattern"], value) is None:
        problem = f"does not match {schema['pattern']}"
    elif schema.get("uniqueItems") and len(set(value)) < len(value):
        problem = "repeats an item"
    elif schema.get("items", {}).get("minLength") and any(len(item) < schema["items"]["minLength"] for item in value):
        problem = "holds an empty item"
    if problem is not None:
        raise ValueError(f"{kind.__name__}.{name} {value!r} {problem}")


_SCHEMAS: dict[tuple[type, str], dict[str, Any]] = {}


def _check(kind: Any, value: Any) -> Any:
    """``value`` if it is exactly of the plain type ``kind`` (``str``, ``int``, ``bool``)."""
    if kind in (str, int, bool) and type(value) is not kind:
        raise TypeError(f"expected {kind.__name__}, got {type(value).__name__}")
    return value


def _hints(kind: type) -> dict[str, Any]:
    """The resolved type hints of an attrs class's fields, once."""
    hints = _HINTS.get(kind)
    if hints is None:
        hints = _HINTS[kind] = typing.get_type_hints(kind)
    return hints


_HINTS: dict[type, dict[str, Any]] = {}
