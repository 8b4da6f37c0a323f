"""Subheadings: ``<h2>``-``<h4>``, or a paragraph whose whole content is bold."""

from __future__ import annotations


from lxml import etree

from dwparse.body.credit import author_line
from dwparse.body.cursor import Cursor
from dwparse.body.html import outer_html
from dwparse.body.nodes import has_media
from dwparse.format import INTERVIEWER
from dwparse.model import Heading

__all__ = ["TAGS", "is_heading_text", "read"]

TAGS = ("h2", "h3", "h4")


def read(cursor: Cursor, element: etree._Element) -> bool:
    """An ``<h2>``-``<h4>``; declines one holding media (it is kept whole)."""
    if has_media(element):
        return False
    cursor.pos += 1
    if len(element):
        text, builder = cursor.plain(element)
        html = outer_html(element) if builder.found else None  # links or topics: keep them
    else:
        text, html = cursor.text(element), None
    if text and not text.isspace():
        cursor.add(Heading(text, int(element.tag[1]), html))
    return True


def is_heading_text(text: str) -> bool:
    """Whether an all-bold paragraph's ``text`` is a heading: not an
    interviewer's question (``德国之声：…``) nor an author line."""
    return INTERVIEWER.match(text) is None and not author_line(text)
