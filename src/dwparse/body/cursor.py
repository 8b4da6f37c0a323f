"""The reading state of one body: its top-level nodes, where reading stands,
and what it has given so far."""

from __future__ import annotations

import itertools
import re
from datetime import datetime
from typing import Optional

from lxml import etree

from dwparse.body.html import Node, outer_html
from dwparse.body.references import References
from dwparse.body.text import TextBuilder, TextRules
from dwparse.format import HIDDEN_TAGS
from dwparse.model import Block, Image
from dwparse.source import Source

__all__ = ["Cursor"]


class Cursor:
    """The top-level nodes of a body, read front to back.

    Readers (the rows of :mod:`dwparse.body.rules`) look at :meth:`peek`,
    :meth:`add` blocks and say how many nodes they consumed; the dispatcher
    moves :attr:`pos`. The opening rules set :attr:`published_at`,
    :attr:`byline`, :attr:`authors` and :attr:`lead_image`. Text is read with :meth:`text` (its links and topics
    kept at once) or with a :meth:`builder` whose references are kept only
    with the block built from it (:meth:`keep`).
    """

    __slots__ = ("source", "start", "nodes", "pos", "rules", "found", "blocks", "published_at", "byline", "authors", "lead_image")

    def __init__(self, source: Source, start: int, nodes: list[Node], rules: TextRules) -> None:
        self.source = source
        self.start = start  # offset of the body in source.text
        self.nodes = nodes
        self.pos = 0
        self.rules = rules
        self.found = References()
        self.blocks: list[Block] = []
        self.published_at: Optional[datetime] = None
        self.byline: Optional[str] = None
        self.authors: tuple[str, ...] = ()
        self.lead_image: Optional[Image] = None

    def peek(self, ahead: int = 0) -> Optional[Node]:
        """The node ``ahead`` nodes after :attr:`pos`, or ``None`` past the end."""
        at = self.pos + ahead
        return self.nodes[at] if at < len(self.nodes) else None

    def offset(self, node: Optional[Node]) -> int:
        """Where ``node`` starts in ``source.text``, for a problem it causes:
        its start tag, or its first visible character; the body's start
        where that cannot be told."""
        if node is None:
            return self.start
        if isinstance(node, str):
            found: Optional[int] = self.source.text.find(node.strip()[:40], self.start) if node.strip() else -1
        else:
            found = start_offset(self.source.text, self.start, node)
        return found if found is not None and found >= 0 else self.start

    def add(self, block: Block) -> None:
        """Add a block."""
        self.blocks.append(block)

    def builder(self, *, runs: bool) -> TextBuilder:
        """A text builder for this body: runs for paragraphs, else plain text."""
        return TextBuilder(self.rules, self.found.topics, runs=runs)

    def keep(self, builder: TextBuilder) -> None:
        """Keep the links and topics ``builder`` met."""
        if builder.found:
            self.found.add(builder.found)

    def source_if_linked(self, builder: Optional[TextBuilder], *elements: etree._Element) -> Optional[str]:
        """The source HTML of ``elements`` if ``builder``, reading them, met
        links or topics not listed before, else ``None``.

        The one place of the rule by which a block that is not a paragraph
        keeps its source (its ``html``, outside equality and the JSON): the
        JSON says where a paragraph's links stand, but not where those of a
        heading, caption, list or quote do, so only the source can write them
        back (:meth:`~dwparse.Article.to_markdown`).
        """
        if builder is None or not builder.found:
            return None
        return "".join(outer_html(element) for element in elements)

    def text(self, element: etree._Element) -> str:
        """The visible text of ``element``, block-level children on their own
        lines; its links and topics are kept."""
        tag = element.tag
        if not len(element) and tag not in HIDDEN_TAGS and tag not in ("a", "span"):
            return self.rules.normalized(element.text or "").strip(" \n")
        return self.plain(element)[0]

    def plain(self, element: etree._Element, *, keep: bool = True) -> tuple[str, TextBuilder]:
        """The visible text of ``element`` and the builder that read it
        (whose references are kept unless ``keep`` is false)."""
        builder = self.builder(runs=False)
        if element.tag in ("a", "span") or element.tag in HIDDEN_TAGS:
            builder.element(element)
        else:  # formatting does not matter in plain text
            builder.container(element)
        if keep:
            self.keep(builder)
        return builder.plain(), builder


def start_offset(text: str, start: int, element: etree._Element) -> Optional[int]:
    """Where ``element``'s start tag stands in ``text`` (the body from offset
    ``start`` on), or ``None``: the n-th ``<tag`` of the body for the n-th
    element of that tag in the tree, tags in comments left out.

    Asked only when a problem is reported, so clean files pay nothing. lxml
    keeps no offsets; this holds wherever each such start tag made one
    element (a tag implied by the parser, or in a script, does not).
    """
    tag = element.tag
    if not isinstance(tag, str):
        return None
    index = next(number for number, other in enumerate(element.getroottree().iter(tag)) if other is element)
    pattern = re.compile(f"<!--.*?(?:-->|\\Z)|<({re.escape(tag)})(?=[\\s/>])", re.IGNORECASE | re.DOTALL)
    tags = (match.start() for match in pattern.finditer(text, start) if match[1])  # comments skipped
    return next(itertools.islice(tags, index, None), None)
