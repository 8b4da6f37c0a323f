"""The ordered table of the body's rules, and the dispatch it gives.

Each rule reads one construct: given the cursor and the element at it, it
either reads it (moving the cursor past what it read, adding blocks) and
says ``True``, or declines. For each element, the rules that name its tag are
tried in the order of :data:`RULES`; :func:`dwparse.body.raw.read`, last,
takes whatever all others declined. Bare text and inline elements between
blocks are one paragraph.
"""

from __future__ import annotations

from typing import Callable

from lxml import etree

from dwparse.body import embed, gallery, heading, image, lists, paragraph, quote, raw
from dwparse.body.cursor import Cursor
from dwparse.format import INLINE_TAGS

__all__ = ["RULES", "read_node"]

Rule = Callable[[Cursor, etree._Element], bool]

#: (tags, rule), in the order they are tried.
RULES: tuple[tuple[tuple[str, ...], Rule], ...] = (
    (embed.TAGS, embed.read),
    (gallery.TAGS, gallery.read),
    (image.TAGS, image.read),
    (heading.TAGS, heading.read),
    (lists.TAGS, lists.read),
    (quote.TAGS, quote.read),
    (paragraph.TAGS, paragraph.read),
)

_BY_TAG: dict[str, tuple[Rule, ...]] = {}
for _tags, _rule in RULES:
    for _tag in _tags:
        _BY_TAG[_tag] = _BY_TAG.get(_tag, ()) + (_rule,)
del _tags, _rule, _tag


def read_node(cursor: Cursor) -> None:
    """Read the node at the cursor, with the first rule that takes it."""
    node = cursor.peek()
    if isinstance(node, str) or node.tag in INLINE_TAGS:  # type: ignore[union-attr]
        paragraph.read_inline(cursor, node)  # type: ignore[arg-type]
        return
    for rule in _BY_TAG.get(node.tag, ()):  # type: ignore[union-attr]
        if rule(cursor, node):  # type: ignore[arg-type]
            return
    raw.read(cursor, node)  # type: ignore[arg-type]
