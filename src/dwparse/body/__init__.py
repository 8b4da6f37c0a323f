"""The body: one lxml parse, then its top-level nodes read in order into blocks.

One module per construct, each with its reader:
:mod:`~dwparse.body.timeline` (time and authors),
:mod:`~dwparse.body.lead_image`, :mod:`~dwparse.body.paragraph`,
:mod:`~dwparse.body.heading`, :mod:`~dwparse.body.image`,
:mod:`~dwparse.body.gallery`, :mod:`~dwparse.body.lists`,
:mod:`~dwparse.body.quote`, :mod:`~dwparse.body.credit`,
:mod:`~dwparse.body.copyright`, :mod:`~dwparse.body.notice`,
:mod:`~dwparse.body.embed` and :mod:`~dwparse.body.raw`; the order in which
they are tried is the table in :mod:`~dwparse.body.rules`, and a paragraph's
kinds the table in :mod:`~dwparse.body.paragraph`. The writers are the block
classes' own (:mod:`dwparse.model.blocks`).
"""

from __future__ import annotations

from datetime import datetime
from typing import NamedTuple, Optional

from dwparse.body import lead_image
from dwparse.body.credit import author_line, author_line_names, credit_people
from dwparse.body.cursor import Cursor
from dwparse.body.html import parse_nodes
from dwparse.body.rules import read_node, read_opening
from dwparse.body.text import TextRules
from dwparse.model import Block, Credit, Image, Link, Paragraph, Topic
from dwparse.source import Source

__all__ = ["Body", "read_body"]


class Body(NamedTuple):
    """What the body yields, before it becomes an :class:`~dwparse.Article`."""

    published_at: Optional[datetime]
    byline: Optional[str]
    authors: tuple[str, ...]
    lead_image: Optional[Image]
    blocks: tuple[Block, ...]
    links: tuple[Link, ...]
    topics: tuple[Topic, ...]


_EMPTY = Body(None, None, (), None, (), (), ())


def read_body(source: Source, start: int) -> Body:
    """Read the body, which starts at offset ``start`` of ``source.text``."""
    html = source.text[start:]
    if not html or html.isspace():
        if not source.blank:
            source.report("body-missing", "no body after the title", len(source.text))
        return _EMPTY
    cursor = Cursor(source, start, parse_nodes(source, html, start), TextRules.for_body(html, source.latin1))
    read_opening(cursor)
    count = len(cursor.nodes)
    while cursor.pos < count:
        read_node(cursor)
    blocks = lead_image.without_repeat(cursor.blocks, cursor.lead_image)
    return Body(
        cursor.published_at,
        cursor.byline,
        _authors(cursor.authors, blocks),
        cursor.lead_image,
        blocks,
        tuple(cursor.found.links),
        tuple(cursor.found.topics.values()),
    )


def _authors(line_authors: tuple[str, ...], blocks: tuple[Block, ...]) -> tuple[str, ...]:
    """The time line's authors, then those of ``作者：`` lines, each once."""
    authors = dict.fromkeys(line_authors)
    for block in blocks:
        kind = type(block)
        if kind is Paragraph:
            if "作者" in block.text[:3]:  # an author line starts so (after a parenthesis at most)
                authors.update(dict.fromkeys(author_line(block.text)))
        elif kind is Credit:
            authors.update(dict.fromkeys(credit_people(block.text)))
            authors.update(dict.fromkeys(author_line_names(block.text)))
    return tuple(authors)
