"""The time line ``<div><i>AUTHORS<br>TIME</i></div>``: publication time and authors.

The seed's line names no one (``<div><i><br>TIME</i></div>``); most files of
the real feed name one or more authors before the ``<br>``. The line's text is
split at its ``<br>`` elements: the last part that is not empty is the time,
the parts before it name the authors (:func:`dwparse.names.split_names`, shared with
``作者：…`` lines in :mod:`dwparse.body.credit`).
"""

from __future__ import annotations

import re
from datetime import datetime, timezone
from typing import NamedTuple, Optional

from dateutil.parser import isoparse
from lxml import etree

from dwparse.body.cursor import Cursor
from dwparse.body.gallery import is_picture
from dwparse.body.html import Node, outer_html
from dwparse.body.nodes import only_child
from dwparse.body.text import TextRules
from dwparse.format import INLINE_TAGS, MEDIA_TAGS
from dwparse.names import clean_name, split_names
from dwparse.model import Raw
from dwparse.source import quote

__all__ = ["TimeLine", "parse_time", "read", "read_time_line"]

# The date a time in "NAME TIME" (a line without <br>) must start with.
_DATE = re.compile(r"[0-9]{4}-[0-9]{2}-[0-9]{2}")
_UTC = timezone.utc
# The whole date a time starts with, extended or basic: 2024-07-28, 20240728.
_FULL_DATE = re.compile(r"[0-9]{4}(?:-[0-9]{2}-[0-9]{2}|[0-9]{4})(?![0-9])")
_COMMON_TIME = re.compile(r"([0-9]{4})-([0-9]{2})-([0-9]{2})T([0-9]{2}):([0-9]{2}):([0-9]{2})(?:\.([0-9]{1,6}))?Z")
# What the time line may hold: inline elements with visible text.
_LINE_TAGS = INLINE_TAGS - MEDIA_TAGS - {"svg"}


def parse_time(text: str) -> Optional[datetime]:
    """An ISO 8601 time as an aware UTC datetime (no zone means UTC), or
    ``None``; it must name a whole day at least (``2025-05`` is not a time)."""
    common = _COMMON_TIME.fullmatch(text)
    if common is None and _FULL_DATE.match(text) is None:
        return None  # "2025" or "2025-05": no day, a time cut short
    if common is not None:
        try:  # the archive's own form, read in C (Python 3.11 and newer read its "Z")
            return datetime.fromisoformat(text)
        except ValueError:
            pass  # Python 3.10, or a day that does not exist: read below
    try:
        if common is not None:  # the archive's own form, read without dateutil
            fraction = common[7]
            microsecond = int(fraction.ljust(6, "0")) if fraction else 0
            year, month, day, hour, minute, second = map(int, common.group(1, 2, 3, 4, 5, 6))
            return datetime(year, month, day, hour, minute, second, microsecond, tzinfo=_UTC)
        value = isoparse(text)
        if value.tzinfo is None:
            return value.replace(tzinfo=_UTC)
        return value.astimezone(_UTC)
    except (ValueError, OverflowError):
        return None


class TimeLine(NamedTuple):
    """What the time line says: its authors, its time text, that time, and
    its byline (the text before the time, as written; ``None`` if empty)."""

    authors: tuple[str, ...]
    time_text: str
    published_at: Optional[datetime]
    byline: Optional[str] = None


def read_time_line(segments: list[str]) -> TimeLine:
    """Read the time line from its text ``segments``: the normalised text
    between its ``<br>`` elements (one segment when there is none).

    The last segment that is not empty is the time, those before it name the
    authors. When it is not a time but the line ends in a ``<br>``, the line
    names authors and holds no time. A line without any ``<br>`` whose text
    is not a time may still be ``NAME TIME``.
    """
    filled = [segment for segment in segments if segment]
    time_text = filled[-1] if filled else ""
    published_at = parse_time(time_text) if time_text else None
    names = filled[:-1]
    if published_at is None:
        if len(segments) > 1 and not segments[-1]:  # AUTHORS<br>, no time
            names, time_text = filled, ""
        elif len(segments) == 1:
            parts = time_text.rsplit(maxsplit=1)
            last = parts[-1] if parts else ""
            if len(parts) == 2 and _DATE.match(last) and (moment := parse_time(last)) is not None:
                names, time_text, published_at = [parts[0]], last, moment
    byline = "\n".join(names)
    authors = dict.fromkeys(name for name in map(clean_name, split_names(byline)) if name)
    return TimeLine(tuple(authors), time_text, published_at, byline or None)


def read(cursor: Cursor, node: Optional[Node]) -> int:
    """Read the time line at the start of the body (``node``) into the
    cursor's :attr:`~Cursor.published_at` and :attr:`~Cursor.authors`."""
    italic = None
    if node is not None and not isinstance(node, str) and node.tag == "div":
        italic = only_child(node, "i")
    breaks = italic is not None and all(child.tag == "br" and not len(child) for child in italic)  # the common line
    if node is None or isinstance(node, str) or italic is None or not (breaks or _is_line_of_text(italic)):
        if not _is_feed_item(cursor):
            cursor.source.report("date-missing", "no <div><i>TIME</i></div> at the start of the body", cursor.offset(node))
        return 0
    if not breaks and next(italic.iter("a", "span"), None) is not None:
        cursor.plain(italic)  # lists its links and topics
    line = read_time_line(_segments(italic, cursor.rules, breaks))
    text = line.time_text
    if line.published_at is None:
        if text:
            line_start = cursor.offset(italic)
            offset = cursor.source.text.find(text, line_start)
            cursor.source.report("date-invalid", f"not an ISO 8601 time: {quote(text)}", offset if offset >= 0 else line_start)
            cursor.add(Raw(outer_html(node), cursor.plain(italic, keep=False)[0]))
        else:
            cursor.source.report("date-missing", "the time line holds no time", cursor.offset(node))
    cursor.published_at, cursor.authors, cursor.byline = line.published_at, line.authors, line.byline
    return 1


def _is_feed_item(cursor: Cursor) -> bool:
    """Whether the body is one of the feed's items that have no time line:
    a video item (``<p>DESCRIPTION</p><video …>``) or a picture-gallery item
    (picture ``<div>``s only)."""
    first = cursor.peek()
    if is_picture(first):
        return True
    leading = [cursor.peek(ahead) for ahead in range(3)]
    return any(not isinstance(node, str) and node is not None and node.tag == "video" for node in leading)


def _is_line_of_text(element: etree._Element) -> bool:
    """Whether ``element`` holds nothing but text and inline elements other than media."""
    return all(inner.tag in _LINE_TAGS for inner in element.iterdescendants())


def _segments(italic: etree._Element, rules: TextRules, breaks: bool) -> list[str]:
    """The text of ``italic`` between its ``<br>`` elements, normalised and
    trimmed (``breaks``: it holds nothing but text and ``<br>``s)."""
    if breaks:
        return [rules.normalized(part or "").strip() for part in (italic.text, *(child.tail for child in italic))]
    pieces: list[list[str]] = [[]]
    for event, node in etree.iterwalk(italic, events=("start", "end")):
        if event == "start":
            if node.tag == "br":
                pieces.append([])
            elif node.text:
                pieces[-1].append(node.text)
        elif node is not italic and node.tail:
            pieces[-1].append(node.tail)
    return [rules.normalized("".join(piece)).strip() for piece in pieces]
