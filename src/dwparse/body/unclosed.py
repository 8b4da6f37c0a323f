"""Constructs that, never closed, would hide the rest of the body.

A comment ``<!--`` without its ``-->`` runs to the end of the input in
HTML, and so does the content of a ``<script>``, ``<style>``,
``<noscript>``, ``<template>`` or ``<svg>`` whose end tag never comes; what
they hold is not shown. A quoted attribute value whose quote never closes
takes the rest of the input into the tag. In an archive file that is a cut or a mangled
tag, and what follows is the article's text. :func:`opened_for_good` finds
such openers, one after another, blanks each out (same length, so that
positions hold), so that what follows is read as HTML, and reports it.

:func:`foreign_cdata_as_text` does the like for CDATA sections inside
``<math>`` or ``<svg>``, whose text libxml2 would hide as a comment, and
:func:`heads_in_svg_shown` for a ``<head>`` inside ``<svg>``, which a
browser reads as the end of the ``<svg>`` and libxml2 drops.
"""

from __future__ import annotations

import re
from typing import Optional

from dwparse.format import HTML_SPACES
from dwparse.source import Source

__all__ = [
    "HIDING_TAGS", "foreign_cdata_as_text", "heads_in_svg_shown", "in_declaration", "opened_for_good", "unclosed_quote",
]  # fmt: skip

#: Elements whose content is not shown, looked for when never closed.
HIDING_TAGS = frozenset({"script", "style", "noscript", "template", "svg"})
# A quick test for an opener of one of them (most bodies have none).
_MAY_HIDE = re.compile("<(?:[sS][cC][rR]|[sS][tT][yY]|[sS][vV][gG]|[nN][oO][sS]|[tT][eE][mM])")
_HIDING_START = re.compile(r"<(script|style|noscript|template|svg)(?=[\s/>])[^<>]*>", re.IGNORECASE)
# Elements whose content is raw text: a "<!--" there is text.
_RAW_TEXT_START = re.compile(r"<(script|style|iframe|xmp|noembed|noframes|textarea|title)(?=[\s/>])", re.IGNORECASE)
# Constructs never closed that are blanked out, one after another (each a
# linear search): more than a broken file holds.
_MAX_UNCLOSED = 16


def opened_for_good(source: Source, html: str, start: int) -> str:
    """``html`` with a comment or hiding element that is never closed blanked
    out (it and what comes after it are read as HTML), and a quote of an
    attribute value that is never closed blanked out (the tag then ends at
    its next ``>``); an ``html-malformed`` problem says so for each. ``start``
    is the offset of ``html`` in ``source.text``.

    Called for every body: each test is a few searches in C unless the body
    holds what it looks for.
    """
    quote = unclosed_quote(html)
    if quote is not None:
        source.report("html-malformed", "a quoted attribute value never closed: the tag ends at its next >", start + quote)
        html = html[:quote] + " " + html[quote + 1 :]
    for _ in range(_MAX_UNCLOSED):  # one after another: <!--x…<!--y…, <script><!-- cut off
        found = _unclosed_comment(html) if "<!--" in html else None
        tag = _unclosed_element(html, found if found is not None else len(html)) if _MAY_HIDE.search(html) else None
        if tag is not None:
            at, end, name = tag.start(), tag.end(), f"<{tag[1].lower()}>"
        elif found is not None:
            at, end, name = found, found + 4, "comment <!--"
        else:
            break
        source.report("html-malformed", f"{name} never closed: what follows it is read as text", start + at)
        html = html[:at] + " " * (end - at) + html[end:]
    return html


def unclosed_quote(html: str) -> Optional[int]:
    """Where the quote of an attribute value that never closes is.

    Such a quote has no other after it: it is the last of its kind. So only
    the last ``"`` and the last ``'`` are looked at: an opening quote stands
    right after ``=`` (spaces between) inside a tag. With no ``>`` after it,
    the body was cut in the tag, which is reported as that.
    """
    for mark in "\"'":
        last = html.rfind(mark)
        before = last - 1
        while before >= 0 and html[before] in HTML_SPACES:
            before -= 1
        if before < 0 or html[before] != "=" or html.rfind("<", 0, before) < html.rfind(">", 0, before):
            continue
        if html.find(">", last) >= 0 and not _closes_a_value(html, html.rfind("<", 0, before), last):
            return last
    return None


def _closes_a_value(html: str, tag: int, quote: int) -> bool:
    """Whether the quote at ``quote`` closes a value opened earlier in the
    tag that starts at ``tag`` (``href="…?maca="``): the quotes of the tag are
    read in order, a value opening at a quote after ``=``."""
    inside = ""
    at = tag
    while True:
        at = min((found for mark in (inside or "\"'") if (found := html.find(mark, at + 1, quote + 1)) >= 0), default=-1)
        if at < 0 or at == quote:
            return bool(inside) and at == quote
        if inside:
            inside = ""
            continue
        before = at - 1
        while before > tag and html[before] in HTML_SPACES:
            before -= 1
        if html[before] == "=":
            inside = html[at]


def _unclosed_comment(html: str) -> Optional[int]:
    """Where a ``<!--`` that nothing closes starts (``<!-->`` and ``<!--->`` are
    closed; one inside the raw text of an ``<iframe>`` or ``<script>`` is
    text), in linear time."""
    position = raw_from = 0
    last_close = html.rfind("-->")  # past it, no "<!--" is closed: no search to the end for each
    while (opening := html.find("<!--", position)) >= 0:
        if html.startswith((">", "->"), opening + 4):
            position = opening + 4
            continue
        if last_close >= opening + 4:
            position = html.find("-->", opening + 4) + 3
            continue
        raw_end = _raw_text_end(html, raw_from, opening)
        if raw_end is None:
            return opening
        if raw_end < 0:
            return None  # raw text to the end of the body: no comment after it
        position = raw_from = raw_end
    return None


def _raw_text_end(html: str, begin: int, position: int) -> Optional[int]:
    """Where the end tag is of the raw-text element (starting at ``begin`` or
    later) whose content holds ``position`` (-1: it never ends), or ``None``
    when no such element holds it."""
    while (match := _RAW_TEXT_START.search(html, begin, position)) is not None:
        end = re.compile(f"</{match[1]}", re.IGNORECASE).search(html, match.end())
        if end is None or end.start() > position:
            return -1 if end is None else end.start()
        begin = end.end()
    return None


def _unclosed_element(html: str, before: int) -> Optional[re.Match[str]]:
    """The first start tag of a hiding element, before offset ``before``,
    whose end tag never comes after it, and which is not raw text itself
    (in linear time: only the last end tag of each name is looked up, and
    raw text only for the one found)."""
    last_end: dict[str, int] = {}  # where the last end tag of each name starts (-1: none)
    lowered = ""
    raw_until = 0  # raw text found so far runs up to here
    for match in _HIDING_START.finditer(html, 0, before):
        name = match[1].lower()
        if match[0].endswith("/>") and name == "svg" or in_declaration(html, match.start()):
            continue  # <svg/>: closed; <!x <template> y>: in a bogus comment
        if name not in last_end:
            lowered = lowered or html.lower()
            last_end[name] = lowered.rfind(f"</{name}")
        if last_end[name] >= match.end() or match.start() < raw_until:
            continue
        raw_end = _raw_text_end(html, raw_until, match.start())  # (in an <iframe> or <textarea>, it is text)
        if raw_end is None:
            return match
        if raw_end < 0:
            return None  # raw text to the end of the body
        raw_until = raw_end
    return None


def foreign_cdata_as_text(source: Source, html: str, start: int) -> str:
    """``html`` with the markers of each CDATA section inside ``<math>`` or
    ``<svg>`` blanked out (same length): there a browser shows its text,
    which libxml2 would drop as a comment. Elsewhere, as in HTML, it stays
    a comment; so does one whose text holds ``<`` or ``&``. One never closed
    there runs to the end of the body in a browser: its marker is blanked
    and an ``html-malformed`` problem reported. In linear time: one pass over
    the sections and the ``<math>`` and ``<svg>`` tags."""
    pieces = []
    last = position = 0
    open_count = {"math": 0, "svg": 0}
    tags = _FOREIGN_TAG.finditer(html)
    tag = next(tags, None)
    while (opening := html.find("<![CDATA[", position)) >= 0:
        closing = html.find("]]>", opening + 9)
        while tag is not None and tag.start() < opening:  # the tags before this section
            if tag.start() >= position:  # (not those inside the one before)
                name = tag[2].lower()
                if tag[1]:
                    open_count[name] = max(open_count[name] - 1, 0)
                elif not tag[0].endswith("/>"):
                    open_count[name] += 1
            tag = next(tags, None)
        if closing < 0:
            if open_count["math"] or open_count["svg"]:
                source.report("html-malformed", "a CDATA section never closed: what follows it is read as HTML", start + opening)
                pieces.append(html[last:opening] + " " * 9)
                last = opening + 9
            break
        text = html[opening + 9 : closing]
        if (open_count["math"] or open_count["svg"]) and "<" not in text and "&" not in text:
            pieces.append(html[last:opening] + " " * 9 + text + "   ")
            last = closing + 3
        position = closing + 3
    return "".join(pieces) + html[last:] if pieces else html


_FOREIGN_TAG = re.compile(r"<(/?)(math|svg)(?=[\s/>])[^<>]*>?", re.IGNORECASE)


def in_declaration(html: str, at: int) -> bool:
    """Whether offset ``at`` is inside a ``<!…>``, ``<?…>`` or ``</…>`` not
    starting with a letter (a bogus comment, which ends at the first ``>``)
    opened after the last ``>`` before it. Looks back no further than that ``>``."""
    after = html.rfind(">", 0, at) + 1
    if html.find("<!", after, at) >= 0 or html.find("<?", after, at) >= 0:
        return True
    slash = html.find("</", after, at)
    while slash >= 0:
        first = html[slash + 2 : slash + 3]  # "</<svg>": a bogus comment; "</p": an end tag
        if first and not ("a" <= first.lower() <= "z" or first == ">"):
            return True
        slash = html.find("</", slash + 2, at)
    return False


def heads_in_svg_shown(html: str) -> str:
    """``html`` with each ``<head>`` or ``</head>`` tag inside ``<svg>`` read
    as ``<span>`` (same length). A browser ends the ``<svg>`` there and shows
    what follows; libxml2 drops the tag and leaves the text inside the
    ``<svg>``, hidden. A ``<span>`` there is read as breaking out of it."""
    if _MAY_HEAD.search(html) is None:
        return html
    pieces = []
    last = depth = 0
    for match in _SVG_OR_HEAD.finditer(html):
        if match[2].lower() == "svg":
            if not match[1]:
                depth += not match[0].endswith("/>")
            else:
                depth = max(depth - 1, 0)
        elif depth:
            name = match.start(2)
            pieces.append(html[last:name] + "span")
            last = name + 4
            depth = 0 if not match[1] else depth  # a <head> ends every <svg> open
    return "".join(pieces) + html[last:] if pieces else html


_MAY_HEAD = re.compile("<[hH][eE][aA][dD]")
_SVG_OR_HEAD = re.compile(r"<(/?)(svg|head)(?=[\s/>])[^<>]*>?", re.IGNORECASE)
