"""Credit lines ``（法新社、美联社）`` and ``作者：…`` lines: agencies and authors.

A credit is a paragraph in parentheses: all italic, or not italic but naming
nothing but agencies. Agencies are names ending in 社 and the codes DW uses
(``RTR``, ``AFP``, ``dpa``, ...). An ``作者：`` label inside a credit, or a
paragraph that is just such a line, names authors.
"""

from __future__ import annotations

import re
from typing import Optional

from dwparse.timeline import AUTHOR_LABEL, split_names

__all__ = ["author_line_names", "credit_sources", "is_agency", "is_author_line"]

_SEPARATORS = re.compile(r"[、，,/;；]")
# Agencies whose names do not end in 社, lower case.
_AGENCY_NAMES = frozenset(
    "afp ap dpa epd kna rtr reuters bloomberg efe epa ansa kyodo yonhap xinhua upi sid ddp "
    "bbc cnn dw "
    "路透 彭博 德国之声 德國之聲 美联 美聯 法新 德新 新华 新華 共同 韩联 韓聯 中央".split()
)
_OPEN_PARENS = "（("
_CLOSE_PARENS = "）)"
# A sentence inside the parentheses makes an editorial note, not a credit.
_SENTENCE_ENDS = frozenset("。！？!?")
# The next label after the names, with the word it labels: " 编辑：".
_NEXT_LABEL = re.compile(r"(?:^|\s)\S*[:：]")
# A paragraph longer than this is running text, not an author line.
_AUTHOR_LINE_LIMIT = 80


def is_agency(name: str) -> bool:
    """Whether ``name`` names a news agency (``…社`` or a known code such as ``AFP``)."""
    return name.endswith("社") or name.lower() in _AGENCY_NAMES


def credit_sources(text: str, *, italic: bool) -> Optional[tuple[str, ...]]:
    """The agencies of the credit line ``text``, or ``None`` when it is not one.

    ``text`` must stand in parentheses (either kind, even mixed). An ``italic``
    line is a credit unless it holds a sentence; its agencies are the parts
    that name one, not authors or notes. A line that is not italic is a
    credit only when every name in it is an agency.
    """
    if len(text) < 2 or text[0] not in _OPEN_PARENS or text[-1] not in _CLOSE_PARENS:
        return None
    inner = text[1:-1]
    if any(char in _SENTENCE_ENDS for char in inner):
        return None
    names: dict[str, None] = {}
    for part in _SEPARATORS.split(inner):
        for name in part.split():
            if is_agency(name) and ":" not in name and "：" not in name:
                names[name] = None
            elif not italic:
                return None
    if not italic and not names:
        return None
    return tuple(names)


def author_line_names(text: str) -> tuple[str, ...]:
    """The authors an ``作者：…`` label in ``text`` names: the names after it
    (up to the next label, such as ``编辑：``) that are not agencies.

    ``text`` is a credit's text, or a paragraph's (which counts only when it
    is nothing but such a line).
    """
    match = AUTHOR_LABEL.search(text)
    if match is None:
        return ()
    rest = text[match.end() :]
    if text[:1] in _OPEN_PARENS and text[-1:] in _CLOSE_PARENS:
        rest = rest[:-1]
    names = []
    for name in split_names(rest):
        label = _NEXT_LABEL.search(name)
        if label is not None:  # "王明 编辑：李华": the names end at the next label
            name = name[: label.start()].strip()
        if name and not is_agency(name):
            names.append(name)
        if label is not None:
            break
    return tuple(names)


def is_author_line(text: str) -> bool:
    """Whether the paragraph ``text`` is nothing but ``作者：NAMES``, maybe in parentheses."""
    if len(text) > _AUTHOR_LINE_LIMIT or any(char in _SENTENCE_ENDS for char in text):
        return False
    start = 1 if text[:1] in _OPEN_PARENS else 0
    return AUTHOR_LABEL.match(text, start) is not None
