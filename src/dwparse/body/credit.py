"""Credits ``（法新社、美联社）`` and ``作者：…`` lines: agencies and authors.

A credit is a paragraph in parentheses: all italic, or not italic but naming
nothing but known agencies. Agencies are names ending in 社 and the codes DW
uses (``RTR``, ``AFP``, ``dpa``, ...). A credit may also name an author,
inside its parentheses (``（作者：长平，法新社）``) or beside them
(``（法新社）作者：长平``); a paragraph that is just ``作者：NAMES`` names
authors too (:func:`author_line_names`).
"""

from __future__ import annotations

import re
from typing import Optional, Union

from dwparse.names import split_names
from dwparse.format import AGENCY_NAMES, AUTHOR_LABEL, CLOSE_PARENS, OPEN_PARENS
from dwparse.body.nodes import Style
from dwparse.body.sources import credit_line, labelled_sources, sources_of
from dwparse.model import Copyright, Credit

__all__ = ["CREDIT_MARKS", "author_line", "author_line_names", "credit_of", "credit_people", "credit_sources", "is_agency"]

# A sentence inside the parentheses makes an editorial note, not a credit.
_SENTENCE_END = re.compile("[。！？!?]")
# The next label after the names, with the word it labels: " 编辑：", "｜编辑：".
_NEXT_LABEL = re.compile(r"(?:^|[\s|｜/／·•\-–—])[^\s|｜/／·•\-–—]*[:：]")
_NAME_TRIM = " |｜/／·•-–—"
# Parentheses at the end of an author's name that name agencies: "长平（法新社）".
_TRAILING_GROUP = re.compile(r"[（(]([^（()）]*)[）)]$")
# An author line in a paragraph is short, and its names look like names.
_AUTHOR_LINE_LIMIT = 60
_LONGEST_NAME = 30
_CJK_RUN = re.compile(r"[\u3400-\u9fff]{7,}")


#: What a credit not ending in parentheses holds: an author label, a
#: copyright after it, a label of sources (``来源：``).
CREDIT_MARKS = ("作者", "©", "源")


def credit_of(text: str, style: Optional[Style]) -> Union[Credit, tuple[Credit, Copyright], None]:
    """The credit block of a paragraph's ``text`` in plain runs of ``style``,
    or ``None`` when it is not one; with the copyright line when one follows
    it in the same paragraph (``（法新社）  © 2024年德国之声…``). A credit ends
    in parentheses or holds one of :data:`CREDIT_MARKS`."""
    if style is None or not text:
        return None
    if text[-1] not in CLOSE_PARENS and "作者" not in text:
        if "©" in text and text[0] in OPEN_PARENS:
            head, _, rest = text.partition("©")
            credit = credit_of(head.rstrip(), style)
            if isinstance(credit, Credit):
                return credit, Copyright("©" + rest)
        elif "源" in text and (labelled := labelled_sources(text)) is not None:
            return Credit(text, labelled)
        return None
    sources = credit_sources(text, italic=style.italic)
    return Credit(text, sources) if sources is not None else None


def credit_people(text: str) -> tuple[str, ...]:
    """The people a credit line names: a byline before its parentheses
    (``张筠青/王凡（路透社等）``) or a reporter credit inside them."""
    line = credit_line(text, italic=True)
    return line.names if line is not None else ()


def is_agency(name: str) -> bool:
    """Whether ``name`` names a news agency (``…社`` or a known code such as ``AFP``)."""
    return name.endswith("社") or name.lower() in AGENCY_NAMES


def credit_sources(text: str, *, italic: bool) -> Optional[tuple[str, ...]]:
    """The sources of the credit line ``text``, or ``None`` when it is not one.

    ``text`` ends in parentheses (either kind, even mixed), maybe after a
    byline; what it may say is :func:`dwparse.body.sources.credit_line`'s.
    A line with an ``作者：`` label may hold its agencies in parentheses
    before or after it.
    """
    if _SENTENCE_END.search(text) is not None:
        return None
    label = AUTHOR_LABEL.search(text)
    if label is not None and _depth(text[: label.start()]) == 0:  # a label outside parentheses
        before = text[: label.start()].strip()
        if not before:  # 作者：…（法新社）
            group = _TRAILING_GROUP.search(text, label.end())
            return sources_of(group[1]) if group is not None else None
        if _in_parentheses(before):  # （法新社）作者：…
            return sources_of(before[1:-1])
        return None
    line = credit_line(text, italic=italic)
    return line.sources if line is not None else None


def author_line_names(text: str) -> tuple[str, ...]:
    """The authors an ``作者：…`` label in ``text`` names: the names after it,
    up to the next label (``编辑：``), without agencies.

    ``text`` is a credit's text, or a paragraph's that is nothing but such a
    line (see :func:`author_line`).
    """
    match = AUTHOR_LABEL.search(text)
    if match is None:
        return ()
    rest = text[match.end() :]
    if rest and rest[-1] in CLOSE_PARENS and _depth(rest) < 0:  # the credit's own closing parenthesis
        rest = rest[:-1]
    names = []
    for name in split_names(rest):
        label = _NEXT_LABEL.search(name)
        if label is not None:  # "王明 编辑：李华": the names end at the next label
            name = name[: label.start()].strip(_NAME_TRIM)
        group = _TRAILING_GROUP.search(name)
        if group is not None and sources_of(group[1]):
            name = name[: group.start()].strip()
        if name and not is_agency(name):
            names.append(name)
        if label is not None:
            break
    return tuple(names)


def author_line(text: str) -> tuple[str, ...]:
    """The authors of a paragraph ``text`` that is nothing but ``作者：NAMES``,
    maybe in parentheses (short, no sentence, names of a name's length); else ``()``."""
    start = 1 if text and text[0] in OPEN_PARENS else 0
    if text[start : start + 2] != "作者" or len(text) > _AUTHOR_LINE_LIMIT or _SENTENCE_END.search(text):
        return ()
    if AUTHOR_LABEL.match(text, start) is None:
        return ()
    names = author_line_names(text)
    if all(len(name) <= _LONGEST_NAME and not _CJK_RUN.search(name) for name in names):
        return names
    return ()


def _in_parentheses(text: str) -> bool:
    return len(text) >= 2 and text[0] in OPEN_PARENS and text[-1] in CLOSE_PARENS


def _depth(text: str) -> int:
    return sum(char in OPEN_PARENS for char in text) - sum(char in CLOSE_PARENS for char in text)
