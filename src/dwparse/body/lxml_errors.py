"""lxml's error log of a body, reported as problems.

libxml2 logs what it found broken while parsing the body; each entry
becomes an ``html-malformed`` problem (at most :data:`_MAX_HTML_PROBLEMS`),
placed at the end tag itself where libxml2's column is approximate. The
feed's own stray ``</small>`` of a video item is not damage.
"""

from __future__ import annotations

import re
from typing import Optional

from lxml import etree

from dwparse.format import TAG_PATTERN, VOID_TAGS
from dwparse.source import Source, line_bounds, quote

__all__ = ["report_html_errors"]

_MAX_HTML_PROBLEMS = 20
_UNEXPECTED_END_TAG = re.compile(r"Unexpected end tag : (\S+)")


def report_html_errors(
    source: Source, html: str, start: int, errors: etree._ListErrorLog, byte_columns: bool
) -> None:
    unexpected: Optional[dict[str, list[int]]] = None
    for count, entry in enumerate(errors):
        if count == _MAX_HTML_PROBLEMS:
            source.report(
                "html-malformed", f"{len(errors) - count} more HTML errors not listed", len(source.text)
            )
            return
        message = entry.message.strip()
        offset = None
        end_tag = _UNEXPECTED_END_TAG.fullmatch(message)
        if end_tag is not None:
            # lxml's columns are approximate: find the end tag itself.
            if unexpected is None:
                unexpected = _unexpected_end_tags(html)
            found = unexpected.get(end_tag[1].lower())
            if found:
                offset = found.pop(0)
                closing = html.find(">", offset)
                if _FEED_VIDEO_END.match(html, offset) is not None:
                    continue  # the feed's own stray </small> of a video item: not damage
                message = f"unexpected end tag {quote(html[offset : closing + 1])}"
        if offset is None:
            offset = _entry_offset(html, entry, byte_columns)
        source.report("html-malformed", message, start + offset)


# A video item of the feed: <p>DESCRIPTION</small></p><video …> (FORMAT.md,
# "The real archive"): the stray </small> is the feed's, in every such item.
_FEED_VIDEO_END = re.compile(r"</small>\s*</p>\s*<video[\s>]", re.IGNORECASE)


def _entry_offset(html: str, entry: etree._LogEntry, byte_columns: bool) -> int:
    """The offset in ``html`` of a log entry's line and column."""
    line_start, line_end = line_bounds(html, int(entry.line))
    column = max(int(entry.column), 1)
    if byte_columns:
        column = len(html[line_start:line_end].encode("utf-8")[: column - 1].decode("utf-8", "ignore")) + 1
    return min(line_start + column - 1, line_end)


def _unexpected_end_tags(html: str) -> dict[str, list[int]]:
    """Offsets of end tags that close no open element, by tag name.

    A simple open-element stack, run only when lxml reported such a tag.
    """
    stack: list[str] = []
    open_count: dict[str, int] = {}
    found: dict[str, list[int]] = {}
    for match in TAG_PATTERN.finditer(html):
        name = match[2].lower()
        if match[1]:
            if open_count.get(name):
                while True:
                    top = stack.pop()
                    open_count[top] -= 1
                    if top == name:
                        break
            else:
                found.setdefault(name, []).append(match.start())
        elif name not in VOID_TAGS and not match[0].endswith("/>"):
            stack.append(name)
            open_count[name] = open_count.get(name, 0) + 1
    return found
