"""Anything else, kept whole: its HTML and its visible text.

The last rule: it reads whatever the others declined. An element without
visible text that holds one player and nothing else is that player's embed.
"""

from __future__ import annotations


from lxml import etree

from dwparse.body.cursor import Cursor
from dwparse.body.embed import embed_of
from dwparse.body.html import outer_html
from dwparse.format import EMBEDDED_TAGS
from dwparse.model import Embed, Raw

__all__ = ["GIVES", "read"]

GIVES = (Raw, Embed)


def read(cursor: Cursor, element: etree._Element) -> int:
    """Any element; an empty one (``<div></div>``, a bare ``<hr>``) gives nothing."""
    text = cursor.text(element)
    if not text and len(element):  # a wrapper around one player is that player
        html = outer_html(element)
        cursor.add(embed_of(element, html) or Raw(html, text))
    elif text or len(element) or element.attrib or (element.text or "").strip() or element.tag in EMBEDDED_TAGS:
        if element.tag != "hr" or element.attrib:  # a bare top-level <hr> is dropped, like <br>
            cursor.add(Raw(outer_html(element), text))
    return 1
