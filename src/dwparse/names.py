"""Splitting a line of names (a time line's authors, a ``作者：`` line) into names.

Shared by the readers of :mod:`dwparse.body.timeline` and
:mod:`dwparse.body.credit` and by the time line's writer in
:mod:`dwparse.markup`, which must split its own output the same way.
"""

from __future__ import annotations

import re

from dwparse.format import CLOSE_PARENS, NAME_SEPARATORS, OPEN_PARENS

__all__ = ["clean_name", "split_names"]

_NAME_SPLIT = re.compile("[" + NAME_SEPARATORS + "]")
# Spaces and invisible characters trimmed from names.
_BLANK = " \t\n\r\f\v\u00a0\u3000\u200b\u200c\u200d\u2060\ufeff"


def split_names(text: str) -> list[str]:
    """Names separated by ``,`` ``，`` ``、`` ``;`` ``；`` or line breaks, each
    trimmed, empty ones left out, repeats removed.

    Separators inside parentheses do not split: ``苗子（摘编、编译）`` is one name;
    a line break always does.
    """
    if _NAME_SPLIT.search(text) is None:  # one name (the common byline)
        name = text.strip(_BLANK)
        return [name] if name else []
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


# What a byline holds besides names (FORMAT.md, "The real archive"): the
# feed's placeholder before a name, a label, notes in parentheses or after a space.
_PLACEHOLDER = re.compile(r"^(?:null\s+)+")
_LABEL = re.compile(r"^[^\s:：（()）]{1,8}[:：]\s*")
_NOTE = re.compile(r"\s*[（(][^（()）]*[）)]\s*")
_TRAILING_NOTE = re.compile(r"\s+(?:综合报[道导]|綜合報導|综合|綜合|摘编|摘編|编译|編譯|报道|報導|报导)$")
_SPACES = re.compile(r"\s+")


def clean_name(name: str) -> str:
    """A byline's name without the feed's ``null``, a label (``采访记者：``),
    notes (``（摘编）``, ``（发自香港）``, `` 综合报导``), with its inner
    whitespace collapsed; ``""`` when nothing of a name is left."""
    name = name.strip(_BLANK)
    if not name.isprintable() or "  " in name:  # (whitespace but single spaces is not printable)
        name = _SPACES.sub(" ", name)
    if name == "null":
        return ""
    # (Each pattern asked only where it can match: most names hold none of these.)
    if "null" in name:
        name = _PLACEHOLDER.sub("", name)
    if ":" in name or "：" in name:
        name = _LABEL.sub("", name)
    if "(" in name or "（" in name:
        name = _NOTE.sub(" ", name)
    if " " in name:
        name = _TRAILING_NOTE.sub("", name)
    name = name.strip()
    return "" if name == "null" else name
