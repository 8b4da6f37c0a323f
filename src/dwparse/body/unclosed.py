"""Constructs that, never closed, would hide the rest of the body.

A comment ``<!--`` without its ``-->`` runs to the end of the input in
HTML, and so does the content of a ``<script>``, ``<style>``,
``<noscript>``, ``<template>`` or ``<svg>`` whose end tag never comes; what
they hold is not shown. A quoted attribute value whose quote never closes
takes the rest of the input into the tag. In an archive file that is a cut or a mangled
tag, and what follows is the article's text. :func:`opened_for_good` finds
the first such opener, blanks it out (same length, so that positions hold),
so that what follows is read as HTML, and reports it.
"""

from __future__ import annotations

import re
from typing import Optional

from dwparse.source import Source

__all__ = ["HIDING_TAGS", "opened_for_good"]

#: Elements whose content is not shown, looked for when never closed.
HIDING_TAGS = frozenset({"script", "style", "noscript", "template", "svg"})
_RAW_TEXT = ("script", "style", "iframe", "xmp", "noembed", "noframes", "textarea", "title")
_TAG_START = re.compile(r"<[A-Za-z][^\s/>]*")
_HIDING_START = re.compile(r"<(script|style|noscript|template|svg)(?=[\s/>])[^<>]*>", re.IGNORECASE)


def opened_for_good(source: Source, html: str, start: int) -> str:
    """``html`` with a comment or hiding element that is never closed blanked
    out (it and what comes after it are read as HTML), and a quote of an
    attribute value that is never closed blanked out (the tag then ends at
    its next ``>``); an ``html-malformed`` problem says so for each. ``start``
    is the offset of ``html`` in ``source.text``."""
    quote = _unclosed_quote(html) if html.count('"') % 2 or html.count("'") % 2 else None
    if quote is not None:
        source.report("html-malformed", "a quoted attribute value never closed: the tag ends at its next >", start + quote)
        html = html[:quote] + " " + html[quote + 1 :]
    found = _unclosed_comment(html)
    tag = _unclosed_element(html, found if found is not None else len(html))
    if tag is not None:
        at, end, name = tag.start(), tag.end(), f"<{tag[1].lower()}>"
    elif found is not None:
        at, end, name = found, found + 4, "comment <!--"
    else:
        return html
    source.report("html-malformed", f"{name} never closed: what follows it is read as text", start + at)
    return html[:at] + " " * (end - at) + html[end:]


def _unclosed_quote(html: str) -> Optional[int]:
    """Where the quote of an attribute value that never closes is (a quote
    opens a value only right after ``=``, as in HTML5), in linear time."""
    position = 0
    while (tag := _TAG_START.search(html, position)) is not None:
        position = tag.end()
        after_equals = False
        while position < len(html) and html[position] != ">":
            char = html[position]
            if after_equals and char in "\"'":
                closing = html.find(char, position + 1)
                if closing < 0:  # (with no ">" after it, the body was cut in the tag: reported as that)
                    return position if html.find(">", position) >= 0 else None
                position = closing
                after_equals = False
            elif char == "=":
                after_equals = True
            elif not char.isspace():
                after_equals = False
            position += 1
    return None


def _unclosed_comment(html: str) -> Optional[int]:
    """Where a ``<!--`` that nothing closes starts (``<!-->`` and ``<!--->`` are
    closed; one inside the raw text of an ``<iframe>`` or ``<script>`` is text)."""
    position = 0
    while (opening := html.find("<!--", position)) >= 0:
        if html.startswith((">", "->"), opening + 4) or _in_raw_text(html, opening):
            position = opening + 4
            continue
        closing = html.find("-->", opening + 4)
        if closing < 0:
            return opening
        position = closing + 3
    return None


def _in_raw_text(html: str, position: int) -> bool:
    """Whether ``position`` is inside the content of a raw-text element
    (started before it, not ended between)."""
    lowered = html[:position].lower()
    for name in _RAW_TEXT:
        opening = lowered.rfind(f"<{name}")
        if opening >= 0 and lowered.find(f"</{name}", opening) < 0:
            return True
    return False


def _unclosed_element(html: str, before: int) -> Optional[re.Match[str]]:
    """The first start tag of a hiding element, before offset ``before``,
    whose end tag never comes after it (in linear time: only the last end
    tag of each name is looked up)."""
    last_end: dict[str, int] = {}  # where the last end tag of each name starts (-1: none)
    lowered = ""
    for match in _HIDING_START.finditer(html, 0, before):
        name = match[1].lower()
        if match[0].endswith("/>") and name == "svg":
            continue  # <svg/>: closed
        if name not in last_end:
            lowered = lowered or html.lower()
            last_end[name] = lowered.rfind(f"</{name}")
        if last_end[name] < match.end():
            return match
    return None
