"""The ordered table of the body's rules, and the dispatch it gives.

Every construct of the body is a row: a :class:`Rule` names the construct,
the tags it reads (``"#text"`` for bare text) and the block types it gives.
Its reader looks at the node at the cursor (and those after it) and says how
many nodes it consumed, ``0`` to decline; the dispatcher moves the cursor.

The table runs in three phases:

- :data:`OPENING`: the time line, then the lead image, once each at the
  start of the body;
- :data:`RULES`: for each node, the rules that name its tag, in order;
- :data:`FALLBACK`: the raw rule, which takes whatever all others declined.

Whether a paragraph's text makes it a copyright line, a notice, a credit or a
heading is the second table, :data:`dwparse.body.paragraph.KINDS`.
"""

from __future__ import annotations

from typing import Any, Callable, NamedTuple, Optional

from dwparse.body import embed, gallery, heading, image, lead_image, lists, notice, paragraph, quote, raw, timeline
from dwparse.body.cursor import Cursor
from dwparse.format import INLINE_TAGS
from dwparse.model import Block

__all__ = ["FALLBACK", "OPENING", "RULES", "Rule", "read_node", "read_opening"]

#: The tag key of bare text between elements.
TEXT = "#text"


class Rule(NamedTuple):
    """One row of the table: a construct and its reader."""

    name: str
    #: The tags of the nodes it reads; ``()``: any node.
    tags: tuple[str, ...]
    #: The block types it may give (the opening rules give none).
    gives: tuple[type[Block], ...]
    #: ``read(cursor, node)``: how many nodes it consumed from the cursor on,
    #: 0 to decline. ``node`` is the node at the cursor: an element of one of
    #: ``tags``, a string for ``"#text"``, ``None`` at the end of the body
    #: for an opening rule.
    read: Callable[[Cursor, Any], int]
    #: The tags it may read in an element without element children (a leaf:
    #: most ``<p>``); ``None``: all of ``tags``. The dispatcher does not ask
    #: a rule for a leaf it cannot take.
    leaves: Optional[tuple[str, ...]] = None
    #: The tags it reads only in an element whose own first text is blank
    #: (a ``<p>`` that is an image or all bold); the dispatcher does not ask
    #: it for one whose text shows.
    blank_text: tuple[str, ...] = ()


#: At the start of the body, in order, each tried once.
OPENING: tuple[Rule, ...] = (
    Rule("timeline", ("div",), (), timeline.read),
    Rule("lead_image", (), (), lead_image.read),
)

#: Between blocks, in the order they are tried.
RULES: tuple[Rule, ...] = (
    Rule("feed footer", notice.TAGS, notice.GIVES, notice.read),
    Rule("embed", embed.TAGS, embed.GIVES, embed.read),
    Rule("gallery", gallery.TAGS, gallery.GIVES, gallery.read, gallery.LEAVES, gallery.BLANK_TEXT),
    Rule("image", image.TAGS, image.GIVES, image.read, image.LEAVES, image.BLANK_TEXT),
    Rule("heading", heading.TAGS, heading.GIVES, heading.read),
    Rule("list", lists.TAGS, lists.GIVES, lists.read),
    Rule("quote", quote.TAGS, quote.GIVES, quote.read),
    Rule("paragraph", paragraph.TAGS, paragraph.GIVES, paragraph.read),
    Rule("inline", (TEXT, *sorted(INLINE_TAGS)), paragraph.GIVES, paragraph.read_inline),
)

#: Whatever the rules declined.
FALLBACK = Rule("raw", (), raw.GIVES, raw.read)

# The readers to ask for a node, by tag: for an element with element
# children (and bare text), for one without (a leaf), and for one with
# element children whose first text shows.
_BY_TAG: dict[object, tuple[Callable[[Cursor, Any], int], ...]] = {}
_BY_LEAF: dict[object, tuple[Callable[[Cursor, Any], int], ...]] = {}
_BY_TEXT: dict[object, tuple[Callable[[Cursor, Any], int], ...]] = {}
for _rule in RULES:
    for _tag in _rule.tags:
        _BY_TAG[_tag] = _BY_TAG.get(_tag, ()) + (_rule.read,)
        if _rule.leaves is None or _tag in _rule.leaves:
            _BY_LEAF[_tag] = _BY_LEAF.get(_tag, ()) + (_rule.read,)
        if _tag not in _rule.blank_text:
            _BY_TEXT[_tag] = _BY_TEXT.get(_tag, ()) + (_rule.read,)
del _rule, _tag
# The tags for which some rule needs a blank first text.
_BLANK_TEXT_TAGS = frozenset(tag for tag, readers in _BY_TAG.items() if _BY_TEXT.get(tag, ()) != readers)


def read_opening(cursor: Cursor) -> None:
    """Read the opening constructs, moving the cursor past what they consumed."""
    for rule in OPENING:
        cursor.pos += rule.read(cursor, cursor.peek())


def read_node(cursor: Cursor) -> None:
    """Read the node at the cursor with the first rule that takes it, and move past it."""
    node = cursor.nodes[cursor.pos]
    if isinstance(node, str):
        readers = _BY_TAG[TEXT]
    elif not len(node):
        readers = _BY_LEAF.get(node.tag, ())
    elif (tag := node.tag) in _BLANK_TEXT_TAGS and (text := node.text) and not text.isspace():
        readers = _BY_TEXT.get(tag, ())
    else:
        readers = _BY_TAG.get(tag, ())
    for read in readers:
        consumed = read(cursor, node)
        if consumed:
            cursor.pos += consumed
            return
    cursor.pos += FALLBACK.read(cursor, node)
