"""Lists: ``<ul>`` and ``<ol>``, one string per item."""

from __future__ import annotations


from lxml import etree

from dwparse.body.cursor import Cursor
from dwparse.body.nodes import has_media
from dwparse.model import ListBlock

__all__ = ["GIVES", "TAGS", "read"]

TAGS = ("ul", "ol")
GIVES = (ListBlock,)


def read(cursor: Cursor, element: etree._Element) -> int:
    """A list of ``<li>`` items; declines text or elements outside the items,
    and media inside them (such a list is kept whole)."""
    stray_text = (element.text or "").strip() or any((child.tail or "").strip() for child in element)
    if stray_text or not len(element) or any(child.tag != "li" for child in element) or has_media(element):
        return 0
    items, html = [], None
    for item in element:
        if len(item):
            text, builder = cursor.plain(item)
            html = html or cursor.source_if_linked(builder, element)
        else:
            text = cursor.text(item)
        items.append(text)
    cursor.add(ListBlock(element.tag == "ol", tuple(items), html))
    return 1
