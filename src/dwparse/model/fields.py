"""What a model class declares about its fields beyond their types, read by
everything derived from the model.

A field's attrs ``metadata`` (built with :func:`meta`) says how it appears
in the JSON Schema (:mod:`dwparse.schema`) and in the Parquet blocks table
(:mod:`dwparse.tables`); its type hint says the rest. The source HTML a
block keeps for writing (:func:`source_html`) takes no part in either.
"""

from __future__ import annotations

from typing import Any, Callable, Optional

import attrs

__all__ = ["MISSING", "meta", "reducer", "source_html"]

#: Metadata keys. ``schema``: JSON Schema keywords added to the field's own
#: (``{"minimum": 2}``, a ``description``). ``column``: the Parquet column's
#: name (for an image, the prefix of its columns), or ``None`` for no column.
#: ``arrow``: the column's Arrow type where the type hint is not enough
#: (``"int8"``; ``"count"``: a list as its length). ``omittable``: the key may
#: be left out of the JSON (``inlines`` with ``inlines=False``).
MISSING: Any = object()


def meta(
    *,
    schema: Optional[dict[str, Any]] = None,
    column: Any = MISSING,
    arrow: Optional[str] = None,
    omittable: bool = False,
) -> dict[str, Any]:
    """The metadata of a model field (see :data:`MISSING` for the keys)."""
    out: dict[str, Any] = {}
    if schema:
        out["schema"] = schema
    if column is not MISSING:
        out["column"] = column
    if arrow is not None:
        out["arrow"] = arrow
    if omittable:
        out["omittable"] = True
    return out


def source_html() -> Any:
    """The ``html`` field of blocks that keep their source fragment for
    :meth:`~dwparse.Article.to_markdown`: not part of equality, repr or the JSON."""
    return attrs.field(default=None, eq=False, repr=False)


def reducer(cls: type) -> Callable[[Any], tuple[type, tuple[object, ...]]]:
    """A ``__reduce__`` for ``cls`` that pickles through ``__init__``.

    attrs pickles slotted classes through ``__getstate__``/``__setstate__``,
    setting one field at a time; rebuilding through ``__init__`` is about
    twice as fast, which matters when :func:`dwparse.parse_many` sends
    articles between processes.
    """
    names = tuple(field.name for field in attrs.fields(cls))

    def __reduce__(self: Any) -> tuple[type, tuple[object, ...]]:
        return cls, tuple(getattr(self, name) for name in names)

    return __reduce__
