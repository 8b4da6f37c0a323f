"""The JSON shape: one converter for every attrs class of the model, and the schema.

Nothing here imports the model: a class's JSON keys are its attrs fields
(those taking part in equality), with its ``TYPE`` word first where it has
one, so :mod:`dwparse.model` can call in without an import circle.
"""

from __future__ import annotations

import json
from datetime import datetime
from importlib import resources
from typing import Any, Optional

import attrs

__all__ = ["article_to_dict", "json_schema", "to_jsonable"]


def to_jsonable(value: Any) -> Any:
    """``value`` as JSON-ready data: attrs classes become dicts (with their
    ``"type"`` first where the class has one), tuples lists, datetimes ISO 8601.
    Fields marked ``eq=False`` (source HTML kept for rendering) are left out.
    """
    kind = type(value)
    shape = _SHAPES.get(kind)
    if shape is None:
        if not attrs.has(kind):
            if kind is tuple:
                return [to_jsonable(item) for item in value]
            if kind is datetime:
                return value.isoformat()
            return value
        shape = _SHAPES[kind] = _shape(kind)
    word, names = shape
    out: dict[str, Any] = {"type": word} if word is not None else {}
    for name in names:
        item = getattr(value, name)
        out[name] = item if type(item) in _PLAIN else to_jsonable(item)
    return out


def _shape(kind: type) -> tuple[Optional[str], tuple[str, ...]]:
    """An attrs class's ``"type"`` word (or ``None``) and the names of its JSON fields."""
    return getattr(kind, "TYPE", None), tuple(field.name for field in attrs.fields(kind) if field.eq)


_SHAPES: dict[type, tuple[Optional[str], tuple[str, ...]]] = {}
_PLAIN = frozenset({str, int, bool, type(None)})


def article_to_dict(article: Any) -> dict[str, Any]:
    """The contract's JSON shape of an :class:`~dwparse.Article`:
    ``schema_version`` first, then its fields, with the derived ``sources``,
    ``copyright`` and ``text`` before ``problems``."""
    body = to_jsonable(article)
    problems = body.pop("problems")
    return {
        "schema_version": article.SCHEMA_VERSION,
        **body,
        "sources": list(article.sources),
        "copyright": article.copyright,
        "text": article.text,
        "problems": problems,
    }


def json_schema() -> dict[str, Any]:
    """The JSON Schema (draft 2020-12) of :meth:`Article.to_dict`'s output.

    A fresh copy each call, read from ``schema.json`` shipped in the package.
    """
    return json.loads(_SCHEMA)  # type: ignore[no-any-return]


_SCHEMA = (resources.files("dwparse") / "schema.json").read_text(encoding="utf-8")
