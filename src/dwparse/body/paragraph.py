"""Paragraphs: a ``<p>`` (or bare text and inline elements between blocks)
and its inline runs.

A paragraph's text and style decide what block it is: the rows of
:data:`KINDS` are asked in order (a copyright line, a notice, a credit, a
heading), and a paragraph is what none of them takes. A whole-bold ``<p>``
with the gallery label is read by the gallery rule before this one. A
``<p>`` that holds block-level elements or an image is declined: the raw
rule keeps it whole.
"""

from __future__ import annotations

from html import escape
from typing import Callable, NamedTuple, Optional, Union

import attrs
from lxml import etree

from dwparse.body.copyright import copyright_of
from dwparse.body.credit import CREDIT_MARKS, credit_of
from dwparse.body.cursor import Cursor
from dwparse.body.heading import heading_of
from dwparse.body.html import Node, outer_html
from dwparse.body.nodes import STYLES, Style, style_of
from dwparse.body.notice import follows_promotion, notice_of
from dwparse.body.text import TextBuilder
from dwparse.format import CLOSE_PARENS, EM_TAGS, INLINE_TAGS, NOTICE_FIRSTS, STRONG_TAGS
from dwparse.model import Block, Copyright, Credit, Heading, Inline, Notice, Paragraph, Raw, TextRun

__all__ = ["GIVES", "KINDS", "Kind", "TAGS", "classify", "read", "read_inline"]


class Kind(NamedTuple):
    """A row of the paragraph kinds: what a paragraph's text and style may make it."""

    name: str
    gives: type[Block]
    #: ``of(text, style)``: the block (or blocks: a credit and the copyright
    #: in one paragraph), or ``None``; ``style`` is ``None`` when links or
    #: topics stand in the paragraph (or nothing is visible).
    of: Callable[[str, Optional[Style]], Union[Block, tuple[Block, ...], None]]
    #: What every paragraph ``of`` takes shows, so that one showing none of
    #: it is not offered: its first character among ``firsts``, its last
    #: among ``lasts``, one of ``holds`` in its text, or (``bold``) all of it
    #: bold. A row that names none of these is offered every paragraph.
    firsts: frozenset[str] = frozenset()
    lasts: frozenset[str] = frozenset()
    holds: tuple[str, ...] = ()
    bold: bool = False


#: The paragraph kinds, in the order they are asked; a paragraph none takes
#: is a :class:`~dwparse.Paragraph`.
KINDS: tuple[Kind, ...] = (
    Kind("copyright", Copyright, copyright_of, firsts=frozenset("©")),
    Kind("notice", Notice, notice_of, firsts=NOTICE_FIRSTS),
    Kind("credit", Credit, credit_of, lasts=frozenset(CLOSE_PARENS), holds=CREDIT_MARKS),
    Kind("heading", Heading, heading_of, bold=True),
)
_KIND_READERS = tuple(kind.of for kind in KINDS)
# What a paragraph must show to be offered to any kind (none: offered to all).
_FIRSTS = frozenset().union(*(kind.firsts for kind in KINDS))
_LASTS = frozenset().union(*(kind.lasts for kind in KINDS))
_HOLDS = tuple(dict.fromkeys(mark for kind in KINDS for mark in kind.holds))
_BOLD = any(kind.bold for kind in KINDS)
_EVERY_PARAGRAPH = any(not (kind.firsts or kind.lasts or kind.holds or kind.bold) for kind in KINDS)
TAGS = ("p",)
GIVES: tuple[type[Block], ...] = (Paragraph, *(kind.gives for kind in KINDS))
_FORMATTING_TAGS = STRONG_TAGS | EM_TAGS


def read(cursor: Cursor, element: etree._Element) -> int:
    """A ``<p>``; declines one holding block-level elements or an image."""
    # The common cases, read directly: text only, or one formatting element.
    strong = em = False
    if not len(element):
        inner: Optional[etree._Element] = element
    elif (
        len(element) == 1
        and not len(element[0])
        and element[0].tag in _FORMATTING_TAGS
        and not (element.text or "").strip()
        and not (element[0].tail or "").strip()
    ):
        inner = element[0]
        strong, em = inner.tag in STRONG_TAGS, inner.tag in EM_TAGS
    else:
        inner = None
    if inner is not None:
        text = inner.text or ""
        if cursor.rules.changes:
            text = cursor.rules.normalized(text)
        text = text.strip(" ")
        if text and not text.isspace():
            runs = (TextRun(text, strong, em),)
            if _may_be_a_kind(text, STYLES[em, strong]) or (cursor.blocks and type(cursor.blocks[-1]) is Notice):
                _added(cursor, classify(runs, text), text)
            else:
                cursor.blocks.append(Paragraph(text, runs))  # the common case
        return 1
    builder = cursor.builder(runs=True)
    builder.container(element)
    if builder.block_tag is not None or builder.has_image:
        return 0
    _add(cursor, builder, element)
    return 1


def read_inline(cursor: Cursor, first: Node) -> int:
    """Bare text and inline elements between blocks: one paragraph (a raw
    block if media or block elements stand inside them)."""
    group = [first]
    while (node := cursor.peek(len(group))) is not None and (isinstance(node, str) or node.tag in INLINE_TAGS):
        group.append(node)
    builder = _fed(cursor.builder(runs=True), group)
    if builder.block_tag is None and not builder.has_image:
        _add(cursor, builder, None)
        return len(group)
    builder = _fed(cursor.builder(runs=False), group)  # read again, as raw
    cursor.keep(builder)
    html = "".join(escape(node, quote=False) if isinstance(node, str) else outer_html(node) for node in group)
    cursor.add(Raw(html, builder.plain()))
    return len(group)


def _fed(builder: TextBuilder, group: list[Node]) -> TextBuilder:
    for node in group:
        if isinstance(node, str):
            builder.text(0, node)
        else:
            builder.element(node)
    return builder


def _add(cursor: Cursor, builder: TextBuilder, element: Optional[etree._Element]) -> None:
    inlines = builder.inlines()
    text = inlines[0].text if len(inlines) == 1 else "".join([run.text for run in inlines])
    if not inlines or (text.isspace() or not text) and all(type(run) is TextRun for run in inlines):
        return  # nothing visible: <p>&nbsp;</p>
    block = classify(inlines, text)
    if isinstance(block, Notice):
        _added(cursor, block, text)  # a notice's links are not the article's
        return
    cursor.keep(builder)
    if element is None or isinstance(block, tuple):
        pass
    elif isinstance(block, Paragraph):  # a link and a topic one inside the other: runs cannot say so
        block = attrs.evolve(block, html=outer_html(element)) if builder.nested else block
    elif (html := cursor.source_if_linked(builder, element)) is not None:  # a heading, credit, ... with links
        block = attrs.evolve(block, html=html)  # type: ignore[arg-type]
    _added(cursor, block, text)


def _added(cursor: Cursor, block: Union[Block, tuple[Block, ...]], text: str) -> None:
    """Add ``block``: a promotion's subscription line if it follows one."""
    if isinstance(block, tuple):
        cursor.blocks.extend(block)
        return
    if cursor.blocks and type(cursor.blocks[-1]) is Notice:  # (only a notice can be followed so)
        block = follows_promotion(block, text, cursor.blocks[-1])
    cursor.blocks.append(block)


def classify(inlines: tuple[Inline, ...], text: Optional[str] = None) -> Union[Block, tuple[Block, ...]]:
    """The block a paragraph of these runs is: the first of :data:`KINDS`
    that takes it, else a paragraph (``text``: the runs', joined, if known)."""
    if text is None:
        text = inlines[0].text if len(inlines) == 1 else "".join(run.text for run in inlines)
    style = style_of(inlines)
    if not _may_be_a_kind(text, style):
        return Paragraph(text, inlines)  # the common case
    for of in _KIND_READERS:
        block = of(text, style)
        if block is not None:
            return block
    return Paragraph(text, inlines)


def _may_be_a_kind(text: str, style: Optional[Style]) -> bool:
    """Whether a paragraph of ``text`` and ``style`` shows what some row of
    :data:`KINDS` needs to take it."""
    if _EVERY_PARAGRAPH or not text or text[0] in _FIRSTS or text[-1] in _LASTS or (_BOLD and style and style.bold):
        return True
    for mark in _HOLDS:
        if mark in text:
            return True
    return False
