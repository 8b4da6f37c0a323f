"""The lead image: the image right after the time line, with its caption.

Empty paragraphs before it do not count. The body may repeat the lead image
as its first image; that repeat is dropped (:func:`without_repeat`).
"""

from __future__ import annotations

from typing import Optional

from dwparse.body.cursor import Cursor
from dwparse.body.html import Node
from dwparse.body.image import captioned, is_image
from dwparse.model import Block, Gallery, Image, ImageBlock

__all__ = ["read", "without_repeat"]


def read(cursor: Cursor, node: Optional[Node]) -> int:
    """The lead image, if the body has one where it stands (``node``, or
    after empty paragraphs and images without a source or caption, which are
    dropped anyway)."""
    skipped = 0
    while node is not None:
        if _is_empty_paragraph(node):
            skipped += 1
        elif is_image(node):
            cursor.lead_image, consumed = captioned(cursor, node, skipped)
            skipped += consumed
            if cursor.lead_image is not None:
                break  # else <img src="">: no image, the next may be the lead
        else:
            break
        node = cursor.peek(skipped)
    return skipped


def _is_empty_paragraph(node: Node) -> bool:
    """A ``<p>`` with nothing in it but whitespace."""
    return not isinstance(node, str) and node.tag == "p" and not len(node) and not (node.text or "").strip()


def without_repeat(blocks: list[Block], lead: Optional[Image]) -> tuple[Block, ...]:
    """``blocks`` without the first image if it repeats ``lead`` (before any gallery)."""
    if lead is None:
        return tuple(blocks)
    for index, block in enumerate(blocks):
        if isinstance(block, Gallery):
            break
        if isinstance(block, ImageBlock):
            if block.image.repeats(lead):
                return tuple(blocks[:index] + blocks[index + 1 :])
            break
    return tuple(blocks)
