"""Helpers for the model's frozen attrs classes, kept apart so that
:mod:`dwparse.model` holds nothing but the classes."""

from __future__ import annotations

from typing import Any, Callable

import attrs

__all__ = ["reducer", "source_html"]


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
