"""Quotes: ``<blockquote>``."""

from __future__ import annotations

from typing import Optional

from lxml import etree

from dwparse.body.cursor import Cursor
from dwparse.body.html import outer_html, text_html
from dwparse.body.nodes import has_media
from dwparse.model import Quote
from dwparse.writers import writes

__all__ = ["TAGS", "read", "write"]

TAGS = ("blockquote",)


def read(cursor: Cursor, element: etree._Element) -> bool:
    """A ``<blockquote>``; declines one holding media (it is kept whole)."""
    if has_media(element):
        return False
    cursor.pos += 1
    text = cursor.text(element)
    if text or len(element):
        cursor.add(Quote(text, outer_html(element)))
    return True


@writes("quote")
def write(block: Quote, language: Optional[str]) -> str:
    """The source HTML, or the text in a ``<blockquote>``."""
    return block.html if block.html is not None else f"<blockquote>{text_html(block.text)}</blockquote>"
