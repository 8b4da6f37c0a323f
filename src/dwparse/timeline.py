"""The time line ``<div><i>AUTHORS<br>TIME</i></div>``: publication time and authors.

The seed's line names no one (``<div><i><br>TIME</i></div>``); most files of
the real feed name one or more authors before the ``<br>``. :func:`read_time_line`
splits the line's text at its last ``<br>``: the time after it, the names
before. :func:`split_names` is shared with ``作者：…`` lines (see
:mod:`dwparse.credits`).
"""

from __future__ import annotations

import re
from datetime import datetime, timezone
from typing import NamedTuple, Optional

from dateutil.parser import isoparse

__all__ = ["AUTHOR_LABEL", "NAME_SEPARATORS", "TimeLine", "parse_time", "read_time_line", "split_names"]

#: Characters that separate the names of several authors (a line break too).
NAME_SEPARATORS = ",，、;；\n"
_NAME_SPLIT = re.compile("[" + NAME_SEPARATORS + "]")
#: The label before the names of an ``作者：…`` line (the time line may carry it too).
AUTHOR_LABEL = re.compile(r"作者[ \t]*[:：][ \t]*")
# Spaces and invisible characters trimmed from names.
_BLANK = " \t\n\r\f\v\u00a0\u3000\u200b\u200c\u200d\u2060\ufeff"
# The date a time in "NAME TIME" (a line without <br>) must start with.
_DATE = re.compile(r"[0-9]{4}-[0-9]{2}-[0-9]{2}")
_OPEN = "（("
_CLOSE = "）)"
_UTC = timezone.utc
_COMMON_TIME = re.compile(r"([0-9]{4})-([0-9]{2})-([0-9]{2})T([0-9]{2}):([0-9]{2}):([0-9]{2})(?:\.([0-9]{1,6}))?Z")


def parse_time(text: str) -> Optional[datetime]:
    """An ISO 8601 time as an aware UTC datetime (no zone means UTC), or ``None``."""
    common = _COMMON_TIME.fullmatch(text)
    try:
        if common is not None:  # the archive's own form, read without dateutil
            year, month, day, hour, minute, second = (int(common[index]) for index in range(1, 7))
            microsecond = int((common[7] or "0").ljust(6, "0"))
            return datetime(year, month, day, hour, minute, second, microsecond, tzinfo=_UTC)
        value = isoparse(text)
        if value.tzinfo is None:
            return value.replace(tzinfo=_UTC)
        return value.astimezone(_UTC)
    except (ValueError, OverflowError):
        return None


def split_names(text: str) -> list[str]:
    """Names separated by ``,`` ``，`` ``、`` ``;`` ``；`` or line breaks, each
    trimmed, empty ones left out, repeats removed.

    Separators inside parentheses do not split: ``苗子（摘编、编译）`` is one name;
    a line break always does.
    """
    if not any(char in text for char in _OPEN):
        parts = _NAME_SPLIT.split(text)
    else:
        parts = []
        depth = start = 0
        for index, char in enumerate(text):
            if char in _OPEN:
                depth += 1
            elif char in _CLOSE:
                depth = max(depth - 1, 0)
            elif char == "\n" or (depth == 0 and char in NAME_SEPARATORS):
                parts.append(text[start:index])
                start = index + 1
        parts.append(text[start:])
    return list(dict.fromkeys(name for part in parts if (name := part.strip(_BLANK))))


class TimeLine(NamedTuple):
    """What the time line says: its authors, its time text, and that time."""

    authors: tuple[str, ...]
    time_text: str
    published_at: Optional[datetime]


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
    return TimeLine(tuple(split_names("\n".join(names))), time_text, published_at)
