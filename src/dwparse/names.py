"""Splitting a line of names (a time line's authors, a ``作者：`` line) into names.

Shared by the readers of :mod:`dwparse.body.timeline` and
:mod:`dwparse.body.credit` and by the time line's writer in
:mod:`dwparse.markup`, which must split its own output the same way.
"""

from __future__ import annotations

import re

from dwparse.format import CLOSE_PARENS, NAME_SEPARATORS, OPEN_PARENS

__all__ = ["split_names"]

_NAME_SPLIT = re.compile("[" + NAME_SEPARATORS + "]")
# Spaces and invisible characters trimmed from names.
_BLANK = " \t\n\r\f\v\u00a0\u3000\u200b\u200c\u200d\u2060\ufeff"


def split_names(text: str) -> list[str]:
    """Names separated by ``,`` ``，`` ``、`` ``;`` ``；`` or line breaks, each
    trimmed, empty ones left out, repeats removed.

    Separators inside parentheses do not split: ``苗子（摘编、编译）`` is one name;
    a line break always does.
    """
    if not any(char in text for char in OPEN_PARENS):
        parts = _NAME_SPLIT.split(text)
    else:
        parts = []
        depth = start = 0
        for index, char in enumerate(text):
            if char in OPEN_PARENS:
                depth += 1
            elif char in CLOSE_PARENS:
                depth = max(depth - 1, 0)
            elif char == "\n" or (depth == 0 and char in NAME_SEPARATORS):
                parts.append(text[start:index])
                start = index + 1
        parts.append(text[start:])
    return list(dict.fromkeys(name for part in parts if (name := part.strip(_BLANK))))
