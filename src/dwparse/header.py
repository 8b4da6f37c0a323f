"""Line 1: the header comment ``<!--EPOCH-->``, the moment the item was archived."""

from __future__ import annotations

import re
from datetime import datetime, timedelta
from typing import NamedTuple, Optional

from dwparse.format import EPOCH
from dwparse.source import Source, quote

__all__ = ["EPOCH", "Header", "epoch_to_datetime", "read_header"]

_INTEGER = re.compile(r"[+-]?[0-9]+")
# The header line as the archive writes it: 13 digits of milliseconds.
_COMMON_HEADER = re.compile(r"<!--([0-9]{13})-->\n")
_MAX_DIGITS = 20


class Header(NamedTuple):
    """What the header line says, and where the title line starts."""

    archived_at: Optional[datetime]
    title_start: int
    found: bool


def skip_blank_lines(text: str, pos: int) -> int:
    """The offset of the first line at or after ``pos`` that is not blank."""
    while True:
        end = text.find("\n", pos)
        line = text[pos:] if end < 0 else text[pos:end]
        if line.strip() or end < 0:
            return pos
        pos = end + 1


def epoch_to_datetime(value: int, *, seconds: bool = False) -> Optional[datetime]:
    """A header epoch, in milliseconds (or ``seconds``), as UTC time.

    ``None`` for a negative value or one outside the range of dates.
    """
    if value < 0:
        return None
    milliseconds = value * 1000 if seconds else value
    try:
        return EPOCH + timedelta(milliseconds=milliseconds)
    except OverflowError:
        return None


def read_header(source: Source) -> Header:
    """Read the header comment at the start of ``source``.

    Returns ``archived_at`` (or ``None``) and the offset where the title line
    starts. Without a header comment the offset is that of the first
    non-blank line, which the title reader then reads.
    """
    text = source.text
    common = _COMMON_HEADER.match(text)
    if common is not None:  # the archive's own line, read at once
        return Header(EPOCH + timedelta(milliseconds=int(common[1])), common.end(), True)
    start = skip_blank_lines(text, 0)
    while text[start : start + 1] in (" ", "\t"):
        start += 1
    if not text.startswith("<!--", start):
        if not source.blank:
            source.report("header-missing", "no <!--EPOCH--> header comment on the first line", start)
        return Header(None, start, False)
    line_end = text.find("\n", start)
    if line_end < 0:
        line_end = len(text)
    next_line = line_end + 1 if line_end < len(text) else line_end
    line = text[start:line_end].rstrip()
    if len(line) >= 7 and line.endswith("-->"):
        # The whole line is the header, even if "-->" stands inside it too.
        body, after, closed = line[4:-3], next_line, True
    else:
        close = text.find("-->", start + 4, line_end)
        closed = close >= 0
        if closed:
            body, after = text[start + 4 : close], close + 3
        else:
            body, after = line[4:], next_line
            source.report("header-invalid", f"header comment not closed: {quote(line)}", start)
    value = body.strip()
    if _INTEGER.fullmatch(value) is None:
        if closed:
            source.report("header-invalid", f"header comment is not an epoch: {quote(value)}", start)
        return Header(None, after, True)
    digits = value.lstrip("+-")
    # Exactly 10 digits as written: seconds (the contract's rule); else milliseconds.
    archived_at = None if len(digits) > _MAX_DIGITS else epoch_to_datetime(int(value), seconds=len(digits) == 10)
    if archived_at is None:
        source.report("header-out-of-range", f"header epoch out of range: {quote(value)}", start)
    return Header(archived_at, after, True)
