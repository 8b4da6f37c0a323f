"""Subheadings: ``<h2>``-``<h4>``, or a paragraph whose whole content is bold."""

from __future__ import annotations


from typing import Optional

from lxml import etree

from dwparse.body.credit import author_line
from dwparse.body.cursor import Cursor
from dwparse.body.nodes import Style, has_media
from dwparse.format import INTERVIEWER, URL_LINE
from dwparse.model import Heading

__all__ = ["GIVES", "TAGS", "heading_of", "read"]

TAGS = ("h2", "h3", "h4")
GIVES = (Heading,)


def read(cursor: Cursor, element: etree._Element) -> int:
    """An ``<h2>``-``<h4>``; declines one holding media (it is kept whole)."""
    if has_media(element):
        return 0
    if len(element):
        text, builder = cursor.plain(element)
        html = cursor.source_if_linked(builder, element)
    else:
        text, html = cursor.text(element), None
    if text and not text.isspace():
        cursor.add(Heading(text, int(element.tag[1]), html))
    return 1


def heading_of(text: str, style: Optional[Style]) -> Optional[Heading]:
    """The heading (level 2) a paragraph of plain runs, all bold, is; not a
    sentence (ending in ``。`` or ``！``), a URL, a label (ending in a colon),
    an interviewer's question (``德国之声：…``) nor an author line."""
    if style is None or not style.bold or text.endswith(_NOT_HEADING_ENDS) or URL_LINE.fullmatch(text) is not None:
        return None
    if INTERVIEWER.match(text) is not None or author_line(text):
        return None
    return Heading(text, 2)


# What whole-bold text ends with when it is a sentence or a label, not a heading.
_NOT_HEADING_ENDS = ("。", "！", ":", "：")
