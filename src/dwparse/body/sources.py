"""What a closing credit line names: its sources, and the people of a byline
or reporter credit (FORMAT.md, "The real archive", credit lines).

``（路透社、彭博社、《商报》）``, ``(路透社）``, ``（路透社等）``, a note
``（综合报道）`` (no source), a label ``（来源：德国外交部网页）``, ``（据法新社）``,
a byline with its sources ``张筠青/王凡（路透社等）``, a reporter credit
``（德国之声记者Julian Ryall、通讯员子齐等报道）`` (its source is 德国之声).
"""

from __future__ import annotations

import re
from typing import NamedTuple, Optional

from dwparse.format import AGENCY_NAMES
from dwparse.names import clean_name

__all__ = ["CreditLine", "credit_line", "is_source", "labelled_sources", "sources_of"]


class CreditLine(NamedTuple):
    """The sources a credit line names, in order, and its people."""

    sources: tuple[str, ...]
    names: tuple[str, ...]


# NAMES（INNER） or （INNER）: one group of parentheses at the end, either width.
_LINE = re.compile(r"(?P<before>[^（()）]*?)\s*[（(](?P<inner>[^（()）]+)[）)]\s*")
_SENTENCE_END = re.compile("[。！？!?]")
# Between groups of parentheses, "（法新社）（美联社）": a separator.
_GROUPS_APART = re.compile(r"[）)]\s*[（(]")
# A label before names in an italic credit: "作者：张三".
_NAME_LABEL = re.compile(r"^\s*[^\s:：]{1,6}[:：]")
_SEPARATORS = re.compile("[、，,/;；]")
_LABEL = re.compile(r"^(?:消息|资料|資料)?(?:来源|來源|出处|出處)\s*[:：]\s*|^(?:据|據)\s*")
_NOTE = re.compile("(?:等)?(?:综合|綜合)?(?:报道|报导|報導|報道)$|^(?:综合|綜合)$")
_REPORTER = re.compile(r"^(?P<outlet>德国之声|德國之聲)(?:中文网|中文網)?(?:记者|記者)\s*(?P<names>.+?)(?:等)?(?:报道|报导|報導|報道)$")
_ROLE = re.compile("^(?:通讯员|通訊員|记者|記者|特约记者|特約記者)")
_CJK = re.compile("[\u3400-\u9fff]")
# What the names of sources end with: agencies, papers, broadcasters, institutions.
_SOURCE_END = re.compile(
    "(?:社|报|報|网|網|台|站|部|局|署|会|會|院|所|厅|廳|处|處|组织|組織|闻|聞|通讯|通訊|媒体|媒體|公司|"
    "电视|電視|广播|廣播|网页|網頁|政府|大学|大學|中心|杂志|雜誌|周刊|週刊|刊|在线|線上|推特|X|"
    "[新聞闻社报報台网網]\\w{1,4}版)$"  # an edition: 天空新聞澳洲版
)
_LATIN_SOURCE = re.compile(r"[A-Za-z][A-Za-z0-9&.'\- ]{0,40}")
# Two or three capitalised words are a person's name, unless one names an outlet.
_LATIN_PERSON = re.compile(r"[A-Z][a-z]+(?: [A-Z][a-z]+){1,2}")
_OUTLET_WORD = re.compile(r"\b(?:News|Times|Post|Journal|Press|Agency|Radio|Herald|Tribune|Guardian|Review|Daily|Weekly|Online|Zeitung|Welle)\b")
_MIXED_SOURCE = re.compile(r"[A-Za-z]{1,8}[\u3400-\u9fff]{1,6}|[\u3400-\u9fff]{1,8}[0-9A-Za-z]{1,6}")
# A byline before the parentheses: names joined by "/" (or one short name).
_BYLINE_NAME = re.compile(r"[\u3400-\u9fff·]{2,6}|[A-Z][A-Za-z.'\-]*(?: [A-Z][A-Za-z.'\-]*){0,3}")
_LONGEST_SOURCE = 30


def is_source(name: str) -> bool:
    """Whether ``name`` reads as a source: an agency, a paper (also in
    ``《》``), a broadcaster, an institution, a code such as ``AFP``."""
    if not name or len(name) > _LONGEST_SOURCE or _SENTENCE_END.search(name):
        return False
    if "《" in name or _SOURCE_END.search(name) or name.lower() in AGENCY_NAMES:
        return True
    if _LATIN_PERSON.fullmatch(name) is not None and _OUTLET_WORD.search(name) is None:
        return False  # "Dang Yuan": a person's name
    return _LATIN_SOURCE.fullmatch(name) is not None or _MIXED_SOURCE.fullmatch(name) is not None


def _sources(inner: str) -> Optional[list[str]]:
    """The parts of ``inner`` (no label, no note), each without a trailing
    ``等``; ``None`` unless every part is a source."""
    parts: list[str] = []
    for part in _SEPARATORS.split(inner):
        part = part.strip()
        words = part.split()
        if len(words) > 1 and all(_CJK.search(word) for word in words):
            parts.extend(words)  # "路透社 美联社": Chinese names apart by a space
        elif part:
            parts.append(part)
    parts = [part[:-1] if part.endswith("等") and len(part) > 1 else part for part in parts]
    return parts if all(is_source(part) for part in parts) else None


def _italic_sources(inner: str) -> list[str]:
    """The sources among the parts of an italic line that also names people
    (``路透社、法新社 作者：张三``): whole parts that are sources, and Chinese
    words that are, in parts that are not (Latin words there are names)."""
    sources = []
    for part in _SEPARATORS.split(inner):
        label = _NAME_LABEL.match(part)
        part = part[label.end() :] if label else part.strip()
        if label is None and is_source(part.removesuffix("等")):
            sources.append(part.removesuffix("等"))
            continue
        words = (word.removesuffix("等") for word in part.split())
        sources.extend(word for word in words if _CJK.search(word) and is_source(word))
    return sources


def sources_of(inner: str) -> Optional[tuple[str, ...]]:
    """The sources what stands in a pair of parentheses names, read as a line
    that is not italic (a label and a note left out): ``None`` unless every
    part is a source, ``()`` for a note alone."""
    inner = _NOTE.sub("", _LABEL.sub("", inner.strip())).strip()
    if not inner:
        return ()
    sources = _sources(inner)
    return tuple(dict.fromkeys(sources)) if sources is not None else None


def _byline(before: str) -> Optional[tuple[str, ...]]:
    """The names of a byline before the parentheses: ``李澄欣/张慈/邹宗翰``."""
    names = [name.strip() for name in before.split("/") if name.strip()]
    if not names or not all(_BYLINE_NAME.fullmatch(name) for name in names):
        return None
    if len(names) == 1 and "/" not in before and not _CJK.search(names[0]):
        return None  # one Latin word before a group is text, not a byline
    return tuple(names)


def credit_line(text: str, *, italic: bool) -> Optional[CreditLine]:
    """The sources and people of the credit line ``text``, or ``None`` when
    it is not one. An ``italic`` line may hold parts that are no source (an
    author, say); a line that is not italic must name sources only, or be a
    note, a reporter credit or a labelled source."""
    match = _LINE.fullmatch(_GROUPS_APART.sub("、", text))
    if match is None or _SENTENCE_END.search(text):
        return None
    names: tuple[str, ...] = ()
    if match["before"]:
        byline = _byline(match["before"])
        if byline is None:
            return None
        names = byline
    inner = match["inner"].strip()
    reporter = _REPORTER.match(inner)
    if reporter is not None:
        people = (clean_name(_ROLE.sub("", part.strip())) for part in _SEPARATORS.split(reporter["names"]))
        return CreditLine((reporter["outlet"],), names + tuple(name for name in people if name))
    sources = sources_of(inner)  # () for a note: （综合报道）
    if sources is None:
        if not italic or names:
            return None
        sources = tuple(dict.fromkeys(_italic_sources(_NOTE.sub("", _LABEL.sub("", inner)).strip())))
    return CreditLine(sources, names)


# A line of labels without parentheses: "翻译：达扬 责编：叶宣 来源：德新社，法新社，路透社".
_LABELLED = re.compile(
    r"(?:[^\s:：（()）]{1,4}[:：]\s*[^\s:：（()）]{1,12}\s+){0,3}(?:来源|來源|消息来源|资料来源)[:：]\s*(?P<sources>[^:：（()）]+)"
)


def labelled_sources(text: str) -> Optional[tuple[str, ...]]:
    """The sources of a closing line of labels that ends in a source label
    (``翻译：达扬 责编：叶宣 来源：德新社，法新社``), or ``None``."""
    match = _LABELLED.fullmatch(text)
    if match is None or _SENTENCE_END.search(text):
        return None
    return sources_of(match["sources"]) or None
