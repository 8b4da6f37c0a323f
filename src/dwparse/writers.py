"""Where :meth:`~dwparse.Article.to_markdown` finds its writers.

Each construct module of :mod:`dwparse.body` registers the writer of its block
type (and :mod:`dwparse.render` the article's), so that writing dispatches on
the block's ``TYPE`` without importing any reader: this module imports nothing
of dwparse.
"""

from __future__ import annotations

from typing import Any, Callable, TypeVar

__all__ = ["write_block", "writer", "writes"]

Writer = Callable[..., str]
_W = TypeVar("_W", bound=Writer)
_WRITERS: dict[str, Writer] = {}


def writes(name: str) -> Callable[[_W], _W]:
    """Register the decorated function as the writer of ``name`` (a block ``TYPE``)."""

    def register(function: _W) -> _W:
        _WRITERS[name] = function
        return function

    return register


def writer(name: str) -> Writer:
    """The writer registered for ``name``."""
    return _WRITERS[name]


def write_block(block: Any, language: Any) -> str:
    """The archive HTML of ``block``."""
    return _WRITERS[block.TYPE](block, language)
