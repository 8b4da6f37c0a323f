"""Visible text and inline runs of an element tree, read without recursion.

A :class:`Flow` walks elements with :func:`lxml.etree.iterwalk` (so depth
costs no Python stack), normalises whitespace as it goes (runs of ASCII
whitespace become one space, ``<br>`` a ``"\\n"``, both ends trimmed) and
produces either inline runs (paragraphs) or plain text (everything else).
Every ``<a>`` and topic ``<span>`` it meets is recorded in the shared
:class:`Collected` lists, so document order of links and topics comes free.
"""

from __future__ import annotations

import re
from typing import Any, Optional

from lxml import etree

from dwparse.model import Inline, Link, LinkRun, TextRun, Topic, TopicRun
from dwparse.urls import link_target

__all__ = ["BLOCK_TAGS", "EM_TAGS", "INLINE_TAGS", "STRONG_TAGS", "Collected", "Flow", "plain_text"]

_WHITESPACE = re.compile(r"[ \t\n\r\f]+")
# Control characters that a character reference such as &#5; can produce.
_CONTROL = re.compile("[\x00-\x08\x0b\x0e-\x1f\x7f-\x9f]")
_TOPIC_ID = re.compile(r"[0-9]{1,18}")

#: Elements that may stand inside a paragraph and keep it a paragraph.
INLINE_TAGS = frozenset(
    "a abbr b bdi bdo big br cite code del dfn em font i ins kbd label mark nobr q rp rt ruby s "
    "samp small span strike strong sub sup svg time tt u var wbr".split()
)
#: Elements whose content is never visible text.
_HIDDEN_TAGS = frozenset({"svg", "script", "style", "template", "noscript", "head"})
#: Elements that start a new line of text in plain text.
BLOCK_TAGS = frozenset(
    "address article aside blockquote caption dd details dialog div dl dt fieldset figcaption "
    "figure footer form h1 h2 h3 h4 h5 h6 header hr li main nav ol p pre section summary table "
    "tbody tfoot thead tr ul".split()
)
_CELL_TAGS = frozenset({"td", "th"})
# Inline elements read directly by Flow.container when they have no children.
_SHALLOW_TAGS = frozenset("a b big br em font i small span strong sub sup u".split())
#: Elements that make text bold, and italic.
STRONG_TAGS = frozenset({"strong", "b"})
EM_TAGS = frozenset({"em", "i"})

# Keys of text atoms: 0-3 encode (strong, em); links and topics get keys from 4.
_STRONG = 1
_EM = 2
_SPECIAL = 4


class Collected:
    """What all flows of one body share: links and topics met, in document
    order, and what the body's text needs.

    ``controls``: character references may have put control characters into
    the text (the body holds ``&#``); they are removed. ``collapse``: some
    text may hold whitespace to collapse; when false (a one-line body without
    double spaces, the common case) text is taken as it is.
    """

    __slots__ = ("links", "topics", "controls", "collapse")

    def __init__(self, *, controls: bool = True, collapse: bool = True) -> None:
        self.links: list[Link] = []
        self.topics: dict[int, Topic] = {}
        self.controls = controls
        self.collapse = collapse or controls

    @classmethod
    def for_body(cls, html: str) -> Collected:
        """The settings that fit the body ``html``."""
        # Whitespace after the last tag is trimmed anyway, so it does not count.
        html = html.rstrip()
        collapse = "  " in html or "\n" in html or "\t" in html or "\r" in html or "\f" in html
        return cls(controls="&#" in html, collapse=collapse)

    def mark(self) -> tuple[int, int]:
        """Where the lists stand now, to :meth:`forget` what is recorded after."""
        return len(self.links), len(self.topics)

    def forget(self, mark: tuple[int, int]) -> None:
        """Drop links and topics recorded since ``mark`` (their element is read again)."""
        del self.links[mark[0] :]
        for topic_id in list(self.topics)[mark[1] :]:
            del self.topics[topic_id]

    def normalized(self, text: str) -> str:
        """``text`` with controls removed and whitespace collapsed, as needed."""
        if self.controls:
            text = _CONTROL.sub("", text)
        if self.collapse:
            text = _WHITESPACE.sub(" ", text)
        return text


def _target(element: etree._Element, tag: str) -> Optional[Inline]:
    """A link or topic run (without text) for ``<a>`` or a topic ``<span>``."""
    if tag == "a":
        href = element.get("href")
        target_id, target_type = link_target(href)
        return LinkRun("", href, element.get("rel"), target_id, target_type)
    if tag == "span":
        topic_id = topic_id_of(element)
        if topic_id is not None:
            return TopicRun("", topic_id, element.get("data-type"))
    return None


def topic_id_of(element: etree._Element) -> Optional[int]:
    """The topic id of a DW topic ``<span data-id=ID data-type=...>``, else ``None``."""
    data_id = element.get("data-id")
    if data_id is None or element.get("data-type") is None:
        return None
    data_id = data_id.strip()
    return int(data_id) if _TOPIC_ID.fullmatch(data_id) else None


class Flow:
    """Text atoms of a run of nodes, whitespace normalised as they come.

    ``runs=True`` keeps formatting, links and topics as separate atoms
    (for paragraphs); ``runs=False`` yields plain text with block-level
    elements on lines of their own.
    """

    __slots__ = ("atoms", "space", "specials", "collected", "runs", "foreign", "images")

    def __init__(self, collected: Collected, *, runs: bool) -> None:
        self.atoms: list[list[Any]] = []  # [key, text]
        self.space = True  # the next leading space is dropped
        self.specials: list[Inline] = []
        self.collected = collected
        self.runs = runs
        self.foreign: Optional[str] = None  # first non-inline tag met, with runs=True
        self.images: list[etree._Element] = []

    # -- feeding -------------------------------------------------------------

    def text(self, key: int, text: Optional[str]) -> None:
        """Add a piece of text under ``key``."""
        if not text:
            return
        text = self.collected.normalized(text)
        if not text:  # only control characters from character references
            return
        if self.space and text[0] == " ":
            text = text[1:]
            if not text:
                return
        self.atoms.append([key, text])
        self.space = text[-1] == " "

    def newline(self, key: int) -> None:
        """A hard line break (``<br>``): spaces before it are dropped."""
        atoms = self.atoms
        if atoms and atoms[-1][1].endswith(" "):
            atoms[-1][1] = atoms[-1][1][:-1]
        atoms.append([key, "\n"])
        self.space = True

    def soft_break(self, key: int, separator: str = "\n") -> None:
        """A line break between block-level elements; none at the start or twice."""
        atoms = self.atoms
        if not atoms:
            return
        last = atoms[-1][1]
        if separator == "\n":
            if not last.endswith("\n"):
                self.newline(key)
        elif not (last.endswith(" ") or last.endswith("\n")):
            atoms.append([key, " "])
            self.space = True

    def container(self, root: etree._Element) -> None:
        """Add the content of ``root``, whose own tag adds no formatting (``p``, ``li``, ...).

        The common case, children that are plain inline elements without
        children of their own, is read directly; anything else by :meth:`element`.
        """
        for child in root:
            if len(child) or child.tag not in _SHALLOW_TAGS:
                self.element(root)
                return
        runs = self.runs
        text = self.text
        text(0, root.text)
        for child in root:
            tag = child.tag
            if tag == "br":
                self.newline(0)
            elif tag != "a" and tag != "span":
                text(_STRONG if tag in STRONG_TAGS else _EM if tag in EM_TAGS else 0, child.text)
            else:
                target = _target(child, tag)
                if target is None:  # a span that is not a topic
                    text(0, child.text)
                else:
                    start = len(self.atoms)
                    text(self._special(target) if runs else 0, child.text)
                    self._record(child, start, target)
            text(0, child.tail)

    def element(self, root: etree._Element) -> None:
        """Add the text of ``root`` and everything in it (not its tail)."""
        runs = self.runs
        strong = em = hidden = 0
        special = 0  # key of the link or topic run being read (runs=True)
        special_element = None
        open_targets: list[tuple[etree._Element, int, Inline]] = []
        key = 0
        for event, element in etree.iterwalk(root, events=("start", "end")):
            tag = element.tag
            if not isinstance(tag, str):  # comments, processing instructions
                if event == "end" and element is not root:
                    self.text(key, element.tail)
                continue
            if event == "start":
                if hidden:
                    hidden += tag in _HIDDEN_TAGS
                    continue
                if tag in _HIDDEN_TAGS:
                    hidden = 1
                    continue
                target = _target(element, tag)
                if target is not None:
                    open_targets.append((element, len(self.atoms), target))
                    if runs and not special:
                        special, special_element = self._special(target), element
                if tag in STRONG_TAGS:
                    strong += 1
                elif tag in EM_TAGS:
                    em += 1
                elif tag == "br":
                    self.newline(key)
                elif tag == "img":
                    self.images.append(element)
                elif runs:
                    if self.foreign is None and tag not in INLINE_TAGS and element is not root:
                        self.foreign = tag
                elif tag in BLOCK_TAGS:
                    self.soft_break(key)
                elif tag in _CELL_TAGS:
                    self.soft_break(key, " ")
                key = special or (_STRONG if strong else 0) | (_EM if em else 0)
                self.text(key, element.text)
                continue
            if hidden:
                hidden -= tag in _HIDDEN_TAGS
                if hidden:
                    continue
            else:
                if tag in STRONG_TAGS:
                    strong -= 1
                elif tag in EM_TAGS:
                    em -= 1
                elif not runs and tag in BLOCK_TAGS:
                    self.soft_break(key)
                if open_targets and open_targets[-1][0] is element:
                    self._record(*open_targets.pop())
                if element is special_element:
                    special, special_element = 0, None
            key = special or (_STRONG if strong else 0) | (_EM if em else 0)
            if element is not root:
                self.text(key, element.tail)

    # -- links and topics ------------------------------------------------------

    def _special(self, run: Inline) -> int:
        self.specials.append(run)
        key = _SPECIAL + len(self.specials) - 1
        self.atoms.append([key, ""])
        return key

    def _record(self, element: etree._Element, start: int, target: Inline) -> None:
        collected = self.collected
        if isinstance(target, TopicRun) and target.topic_id in collected.topics:
            return  # listed already: do not join its text again (nested spans)
        text = "".join(atom[1] for atom in self.atoms[start:]).strip(" \n")
        if isinstance(target, LinkRun):
            collected.links.append(
                Link(text, target.href, target.rel, target.target_id, target.target_type)
            )
        elif isinstance(target, TopicRun) and target.topic_id not in collected.topics:
            collected.topics[target.topic_id] = Topic(text, target.topic_id, target.topic_type)

    # -- results ---------------------------------------------------------------

    def _trimmed(self) -> list[list[Any]]:
        atoms = self.atoms
        for atom in atoms:
            atom[1] = atom[1].lstrip(" \n")
            if atom[1]:
                break
        for atom in reversed(atoms):
            atom[1] = atom[1].rstrip(" \n")
            if atom[1]:
                break
        return atoms

    def plain(self) -> str:
        """The visible text."""
        return "".join(atom[1] for atom in self._trimmed())

    def inlines(self) -> tuple[Inline, ...]:
        """The inline runs: adjacent atoms of one key merged."""
        runs: list[Inline] = []
        atoms = self._trimmed()
        count = len(atoms)
        start = 0
        while start < count:
            key = atoms[start][0]
            end = start + 1
            while end < count and atoms[end][0] == key:
                end += 1
            text = atoms[start][1] if end == start + 1 else "".join(atom[1] for atom in atoms[start:end])
            if key >= _SPECIAL:
                runs.append(_with_text(self.specials[key - _SPECIAL], text))
            elif text:
                runs.append(TextRun(text, bool(key & _STRONG), bool(key & _EM)))
            start = end
        return tuple(runs)


def _with_text(run: Inline, text: str) -> Inline:
    if isinstance(run, LinkRun):
        return LinkRun(text, run.href, run.rel, run.target_id, run.target_type)
    return TopicRun(text, run.topic_id, run.topic_type)  # type: ignore[union-attr]


def plain_text(element: etree._Element, collected: Collected) -> str:
    """The visible text of ``element``, block-level children on their own lines."""
    tag = element.tag
    if not len(element) and tag not in _HIDDEN_TAGS and tag not in ("a", "span"):
        return collected.normalized(element.text or "").strip(" \n")
    flow = Flow(collected, runs=False)
    if tag in ("a", "span") or tag in _HIDDEN_TAGS:
        flow.element(element)
    else:  # formatting does not matter in plain text
        flow.container(element)
    return flow.plain()
