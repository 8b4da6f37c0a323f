"""Quotes: ``<blockquote>``."""

from __future__ import annotations


from lxml import etree

from dwparse.body.cursor import Cursor
from dwparse.body.nodes import has_media
from dwparse.model import Quote

__all__ = ["GIVES", "TAGS", "read"]

TAGS = ("blockquote",)
GIVES = (Quote,)


def read(cursor: Cursor, element: etree._Element) -> int:
    """A ``<blockquote>``; declines one holding media (it is kept whole)."""
    if has_media(element):
        return 0
    if len(element):
        text, builder = cursor.plain(element)
        cursor.add(Quote(text, cursor.source_if_linked(builder, element)))
    elif text := cursor.text(element):
        cursor.add(Quote(text))
    return 1
