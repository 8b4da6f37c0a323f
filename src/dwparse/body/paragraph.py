"""Paragraphs: a ``<p>`` (or bare text and inline elements between blocks)
and its inline runs.

A paragraph's text decides what block it is: a titled gallery (all bold,
with the gallery label), a copyright line, a notice, a credit, a heading
(all bold), or a plain paragraph (:func:`classify`, which asks those
constructs' modules). A ``<p>`` that holds block-level elements or
an image is declined: the raw rule keeps it whole.
"""

from __future__ import annotations

from html import escape
from typing import Optional

import attrs
from lxml import etree

from dwparse.body import gallery
from dwparse.body.copyright import copyright_of
from dwparse.body.credit import credit_of
from dwparse.body.cursor import Cursor
from dwparse.body.heading import is_heading_text
from dwparse.body.html import Node, outer_html
from dwparse.body.notice import notice_of
from dwparse.body.text import TextBuilder
from dwparse.format import EM_TAGS, INLINE_TAGS, STRONG_TAGS
from dwparse.model import Block, Copyright, Credit, Heading, Inline, Notice, Paragraph, Raw, TextRun

__all__ = ["TAGS", "classify", "read", "read_inline"]

TAGS = ("p",)
_FORMATTING_TAGS = STRONG_TAGS | EM_TAGS
# Blocks that keep their source HTML when links or topics stand in them.
_KEPT_WHOLE = (Heading, Credit, Copyright, Notice)


def read(cursor: Cursor, element: etree._Element) -> bool:
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
        cursor.pos += 1
        text = cursor.rules.normalized(inner.text or "").strip(" ")
        if text and not text.isspace() and not (strong and _gallery(cursor, element, text)):
            cursor.add(classify((TextRun(text, strong, em),)))
        return True
    builder = cursor.builder(runs=True)
    builder.container(element)
    if builder.block_tag is not None or builder.has_image:
        return False
    cursor.pos += 1
    _add(cursor, builder, element)
    return True


def _gallery(
    cursor: Cursor, element: etree._Element, text: str, inlines: Optional[tuple[Inline, ...]] = None
) -> bool:
    """Read the pictures after a whole-bold paragraph ``text`` that is a
    gallery's label and title (the cursor past it); ``inlines``, if given,
    must be all bold (asked only once the label is found)."""
    title = gallery.title_of(text)
    if title is None or (inlines is not None and not _all_bold(inlines)) or not gallery.starts_with_label(element):
        return False
    gallery.read_pictures(cursor, title)
    return True


def read_inline(cursor: Cursor, first: Node) -> bool:
    """Bare text and inline elements between blocks: one paragraph (a raw
    block if media or block elements stand inside them)."""
    group = [first]
    cursor.pos += 1
    while (node := cursor.peek()) is not None and (isinstance(node, str) or node.tag in INLINE_TAGS):
        group.append(node)
        cursor.pos += 1
    builder = _fed(cursor.builder(runs=True), group)
    if builder.block_tag is None and not builder.has_image:
        _add(cursor, builder, None)
        return True
    builder = _fed(cursor.builder(runs=False), group)  # read again, as raw
    cursor.keep(builder)
    html = "".join(escape(node, quote=False) if isinstance(node, str) else outer_html(node) for node in group)
    cursor.add(Raw(html, builder.plain()))
    return True


def _fed(builder: TextBuilder, group: list[Node]) -> TextBuilder:
    for node in group:
        if isinstance(node, str):
            builder.text(0, node)
        else:
            builder.element(node)
    return builder


def _add(cursor: Cursor, builder: TextBuilder, element: Optional[etree._Element]) -> None:
    inlines = builder.inlines()
    if not inlines or all(isinstance(run, TextRun) and run.text.isspace() for run in inlines):
        return  # nothing visible: <p>&nbsp;</p>
    text = inlines[0].text if len(inlines) == 1 else "".join(run.text for run in inlines)
    if element is not None and _gallery(cursor, element, text, inlines):
        return
    cursor.keep(builder)
    block = classify(inlines, text)
    if element is not None and (
        (builder.targets and isinstance(block, _KEPT_WHOLE)) or (builder.nested and isinstance(block, Paragraph))
    ):
        # Links or topics inside a heading, credit, copyright or notice, or
        # one inside another: keep the source, so that they are written back.
        block = attrs.evolve(block, html=outer_html(element))
    cursor.add(block)


def _all_bold(inlines: tuple[Inline, ...]) -> bool:
    """Whether every run with visible text is bold (links and topics are not)."""
    return all(isinstance(run, TextRun) and (run.strong or not run.text.strip(" \n")) for run in inlines)


def classify(inlines: tuple[Inline, ...], text: Optional[str] = None) -> Block:
    """The block a paragraph of these runs is (``text``: theirs, joined, if known)."""
    if text is None:
        text = inlines[0].text if len(inlines) == 1 else "".join(run.text for run in inlines)
    special = copyright_of(text) or notice_of(text)
    if special is not None:
        return special
    # All-italic in parentheses: a credit; all-bold: a heading. Links, topics
    # and runs of whitespace only do not count.
    all_em = all_strong = True
    visible = False
    for run in inlines:
        if not isinstance(run, TextRun):
            return Paragraph(text, inlines)
        if run.text.strip(" \n"):
            visible = True
            all_em = all_em and run.em
            all_strong = all_strong and run.strong
    if not visible:
        return Paragraph(text, inlines)
    credit = credit_of(text, italic=all_em)
    if credit is not None:
        return credit
    if all_strong and is_heading_text(text):
        return Heading(text, 2)
    return Paragraph(text, inlines)
