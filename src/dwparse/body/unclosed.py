"""Constructs that, never closed, would hide the rest of the body.

A comment ``<!--`` without its ``-->`` runs to the end of the input in
HTML, and so does the content of a ``<script>``, ``<style>``,
``<noscript>``, ``<template>`` or ``<svg>`` whose end tag never comes; what
they hold is not shown. In an archive file that is a cut or a mangled
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
_HIDING_START = re.compile(r"<(script|style|noscript|template|svg)(?=[\s/>])[^<>]*>", re.IGNORECASE)


def opened_for_good(source: Source, html: str, start: int) -> str:
    """``html`` with a comment or hiding element that is never closed blanked
    out (it and what comes after it are read as HTML); an ``html-malformed``
    problem says so. ``start`` is the offset of ``html`` in ``source.text``."""
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


def _unclosed_comment(html: str) -> Optional[int]:
    """Where a ``<!--`` that nothing closes starts (``<!-->`` and ``<!--->`` are closed)."""
    position = 0
    while (opening := html.find("<!--", position)) >= 0:
        if html.startswith((">", "->"), opening + 4):
            position = opening + 4
            continue
        closing = html.find("-->", opening + 4)
        if closing < 0:
            return opening
        position = closing + 3
    return None


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
