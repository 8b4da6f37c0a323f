"""Visible text and inline runs of an element tree, read without recursion.

A :class:`TextBuilder` walks elements with :func:`lxml.etree.iterwalk` (so
depth costs no Python stack), normalises whitespace as it goes (runs of ASCII
whitespace become one space, ``<br>`` a ``"\\n"``, both ends trimmed) and gives
either inline runs (paragraphs) or plain text (everything else). Every ``<a>``
and topic ``<span>`` it meets goes into its own :class:`~dwparse.body.references.References`, which the
reader keeps with the block it builds, or drops with it: nothing to undo.
"""

from __future__ import annotations

import re
from typing import Any, Optional

from lxml import etree

from dwparse.format import (
    BLOCK_TAGS, CELL_TAGS, CONTROLS, EM_TAGS, HIDDEN_TAGS, INLINE_TAGS, MAX_LINK_TEXT, MAX_TOPIC_NAME, STRONG_TAGS,
)  # fmt: skip
from dwparse.body.references import References, Target, run_of, target_run
from dwparse.model import Inline, Link, TextRun, Topic

__all__ = ["TextBuilder", "TextRules"]

_WHITESPACE = re.compile("[ \t\n\r\f\u00a0\u3000]+")
_CONTROL = re.compile(f"[{CONTROLS}]")
# HTML elements that end an <svg> in HTML (its "breakout" tags), and HTML's
# block and table elements (which libxml2, recovering from broken markup, may
# also leave inside an <svg>): met inside an <svg> of the tree, they and what
# follows in it are shown.
_SVG_BREAKOUT = BLOCK_TAGS | CELL_TAGS | frozenset(
    "b big body br center code em embed head i img listing menu meta nobr ruby s small span strike strong "
    "sub sup tt u var".split()
)
# Inline elements read directly by TextBuilder.container when they have no children.
_SHALLOW_TAGS = frozenset("a b big br em font i small span strong sub sup u".split())

# Keys of text pieces: 0-3 encode (strong, em); links and topics get keys from 4.
_STRONG = 1
_EM = 2
_TARGET = 4


class TextRules:
    """How the text of one body is cleaned.

    ``controls``: character references may have put control characters into
    the text (the body holds ``&#``); they are removed. ``collapse``: some
    text may hold whitespace to collapse; when false (a one-line body without
    double spaces, the common case) text is taken as it is. ``spaces``: the
    body holds no-break or ideographic spaces (or ``&nbsp;``): a text that
    holds one is collapsed even so. ``changes``: any of them, else
    :meth:`normalized` gives every text as it is (and need not be asked).
    """

    __slots__ = ("controls", "collapse", "spaces", "changes")

    def __init__(self, *, controls: bool = True, collapse: bool = True, spaces: bool = True) -> None:
        self.controls = controls
        self.collapse = collapse or controls
        self.spaces = spaces
        self.changes = self.collapse or spaces

    @classmethod
    def for_body(cls, html: str, latin1: Optional[bytes] = None) -> TextRules:
        """The rules that fit the body ``html``. ``latin1``: the characters of
        the whole input that Latin-1 holds (``Source.latin1``), searched
        instead of ``html`` where they can say (some ten times shorter than a
        Chinese body; what the header and title lines add can only ask for
        a normalisation that changes nothing)."""
        # Whitespace after the last tag is trimmed anyway, so it does not count.
        # (Searches for one character first: they are the fastest, and "!"
        # and "&" are rare in a body.)
        html = html.rstrip()
        if latin1 is None:
            latin1 = html.encode("latin-1", "ignore")
        collapse = "\n" in html or b"\t" in latin1 or b"\r" in latin1 or b"\f" in latin1 or b"  " in latin1
        collapse = collapse or (b"!" in latin1 and b"<![CDATA[" in latin1)  # its markers may be blanked out (dwparse.body.html)
        amp = b"&" in latin1
        spaces = b"\xa0" in latin1 or "\u3000" in html or (amp and b"&nbsp;" in latin1)
        return cls(controls=amp and b"&#" in latin1, collapse=collapse, spaces=spaces)

    def normalized(self, text: str) -> str:
        """``text`` with controls removed and whitespace collapsed, as needed."""
        if self.controls:
            text = _CONTROL.sub("", text)
        if (
            self.collapse
            and ("  " in text or "\n" in text or "\t" in text or "\r" in text or "\f" in text)
            or self.spaces
            and ("\u00a0" in text or "\u3000" in text)
        ):
            text = _WHITESPACE.sub(" ", text)
        return text


class TextBuilder:
    """Pieces of text of a run of nodes, whitespace normalised as they come.

    ``runs=True`` keeps formatting, links and topics as separate pieces (for
    paragraphs); ``runs=False`` gives plain text with block-level elements on
    lines of their own. ``listed`` are the topics the body has listed
    already; the links and topics met are gathered in ``found`` (``None``
    while there are none).
    """

    __slots__ = (
        "pieces", "space", "targets", "rules", "runs", "block_tag", "has_image", "found", "listed", "nested",
        "svg_depth", "hidden_svgs",
    )  # fmt: skip

    def __init__(self, rules: TextRules, listed: dict[int, Topic], *, runs: bool) -> None:
        self.pieces: list[list[Any]] = []  # [key, text]
        self.space = True  # the next leading space is dropped
        self.targets: list[Target] = []
        self.rules = rules
        self.runs = runs
        self.block_tag: Optional[str] = None  # first non-inline tag met, with runs=True
        self.has_image = False
        self.found: Optional[References] = None  # made when a link or topic is met
        self.listed = listed
        self.nested = False  # a link or topic inside another (runs=True): runs cannot say so
        self.svg_depth = 1  # hidden <svg> elements around the SVG <text> being read
        self.hidden_svgs = 0  # how many of the hidden elements open are <svg>s

    # -- feeding -------------------------------------------------------------

    def text(self, key: int, text: Optional[str]) -> None:
        """Add a piece of text under ``key``."""
        if not text:
            return
        rules = self.rules
        if rules.changes:
            text = rules.normalized(text)
            if not text:  # only control characters from character references
                return
        if self.space and text[0] == " ":
            text = text[1:]
            if not text:
                return
        self.pieces.append([key, text])
        self.space = text[-1] == " "

    def newline(self, key: int) -> None:
        """A hard line break (``<br>``): spaces before it are dropped."""
        pieces = self.pieces
        if pieces and pieces[-1][1].endswith(" "):
            pieces[-1][1] = pieces[-1][1][:-1]
        pieces.append([key, "\n"])
        self.space = True

    def soft_break(self, key: int, separator: str = "\n") -> None:
        """A line break between block-level elements; none at the start or twice."""
        pieces = self.pieces
        if not pieces:
            return
        last = pieces[-1][1]
        if separator == "\n":
            if not last.endswith("\n"):
                self.newline(key)
        elif not (last.endswith(" ") or last.endswith("\n")):
            pieces.append([key, " "])
            self.space = True

    def container(self, root: etree._Element) -> None:
        """Add the content of ``root``, whose own tag adds no formatting (``p``, ``li``, ...).

        The common case, children that are plain inline elements without
        children of their own, is read directly; anything else by :meth:`element`.
        """
        children = list(root)  # (each element and its tag read once)
        tags = [child.tag for child in children]
        for child, tag in zip(children, tags):
            if len(child) or tag not in _SHALLOW_TAGS:
                self.element(root)
                return
        runs = self.runs
        text = self.text
        text(0, root.text)
        for child, tag in zip(children, tags):
            if tag == "br":
                self.newline(0)
            elif tag != "a" and tag != "span":
                text(_STRONG if tag in STRONG_TAGS else _EM if tag in EM_TAGS else 0, child.text)
            else:
                target = target_run(child, tag)
                if target is None:  # a span that is not a topic
                    text(0, child.text)
                else:
                    start = len(self.pieces)
                    text(self._target_key(target) if runs else 0, child.text)
                    self._record(start, target)
            text(0, child.tail)

    def element(self, root: etree._Element) -> None:
        """Add the text of ``root`` and everything in it (not its tail)."""
        runs = self.runs
        strong = em = hidden = 0
        current = 0  # key of the link or topic run being read (runs=True)
        current_element = None
        open_targets: list[tuple[etree._Element, int, Target]] = []
        key = 0
        svg_text: Optional[etree._Element] = None  # an SVG <text>: visible inside a hidden <svg>
        for event, element in etree.iterwalk(root, events=("start", "end")):
            tag = element.tag
            if not isinstance(tag, str):  # comments, processing instructions
                if event == "end" and element is not root:
                    self.text(key, element.tail)
                continue
            if event == "start":
                if hidden or svg_text is not None or tag in HIDDEN_TAGS:  # rare: see _hidden_start
                    hidden, svg_text, done = self._hidden_start(element, key, hidden, svg_text)
                    if done:
                        continue
                target = target_run(element, tag)
                if target is not None:
                    open_targets.append((element, len(self.pieces), target))
                    if runs and not current:
                        current, current_element = self._target_key(target), element
                    elif runs:
                        self.nested = True
                if tag in STRONG_TAGS:
                    strong += 1
                elif tag in EM_TAGS:
                    em += 1
                else:
                    self._start(tag, key, element is root)
                key = current or (_STRONG if strong else 0) | (_EM if em else 0)
                self.text(key, element.text)
                continue
            if hidden or svg_text is not None:  # rare: see _hidden_end
                if element is svg_text:
                    self.hidden_svgs = self.svg_depth  # back inside the hidden <svg>s
                elif hidden and tag == "svg":
                    self.hidden_svgs -= 1
                hidden, svg_text, shown = _hidden_end(element, hidden, svg_text, self.svg_depth)
                if not shown:
                    continue
            else:
                if tag in STRONG_TAGS:
                    strong -= 1
                elif tag in EM_TAGS:
                    em -= 1
                elif not runs and tag in BLOCK_TAGS:
                    self.soft_break(key)
                if open_targets and open_targets[-1][0] is element:
                    _, start, target = open_targets.pop()
                    self._record(start, target)
                if element is current_element:
                    current, current_element = 0, None
            key = current or (_STRONG if strong else 0) | (_EM if em else 0)
            if element is not root:
                self.text(key, element.tail)

    def _hidden_start(
        self,
        element: etree._Element,
        key: int,
        hidden: int,
        svg_text: Optional[etree._Element],
    ) -> tuple[int, Optional[etree._Element], bool]:
        """The start of ``element`` in :meth:`element` while hidden, inside an
        SVG ``<text>``, or at a hidden tag: the rare case.

        ``hidden`` counts the hidden elements open (:attr:`hidden_svgs` of
        them are ``<svg>``), ``svg_text`` is the SVG ``<text>`` being read, if any.
        Returns them updated, and whether the element is dealt with (else it
        is read as any other).
        """
        tag = element.tag
        if hidden and self.hidden_svgs == hidden and tag in _SVG_BREAKOUT:
            hidden = 0  # HTML inside <svg>s: broken markup, shown (as HTML ends every <svg>)
        elif hidden:
            if tag == "text" and svg_text is None and self.hidden_svgs == hidden:
                svg_text, self.svg_depth, hidden = element, hidden, 0  # <svg><svg><text> too
                self.text(key, element.text)
            else:
                hidden += tag in HIDDEN_TAGS
                self.hidden_svgs += tag == "svg"
            return hidden, svg_text, True
        if tag in HIDDEN_TAGS:
            self.hidden_svgs = tag == "svg"
            return 1, svg_text, True
        if svg_text is not None:  # <tspan> and the like
            self.text(key, element.text)
            return hidden, svg_text, True
        return hidden, svg_text, False

    def _start(self, tag: str, key: int, is_root: bool) -> None:
        """What the start of an element other than formatting means."""
        if tag == "br":
            self.newline(key)
        elif tag == "img":
            self.has_image = True
        elif self.runs:
            if self.block_tag is None and tag not in INLINE_TAGS and not is_root:
                self.block_tag = tag
        elif tag in BLOCK_TAGS:
            self.soft_break(key)
        elif tag in CELL_TAGS:
            self.soft_break(key, " ")

    # -- links and topics ------------------------------------------------------

    def _target_key(self, run: Target) -> int:
        self.targets.append(run)
        key = _TARGET + len(self.targets) - 1
        self.pieces.append([key, ""])
        return key

    def _record(self, start: int, target: Target) -> None:
        found = self.found
        if found is None:
            found = self.found = References()
        if target[0] == "span":
            topic_id = target[1]
            if topic_id in found.topics or topic_id in self.listed:
                return  # listed already: do not join its text again (nested spans)
            found.topics[topic_id] = Topic(self._name(start, MAX_TOPIC_NAME), topic_id, target[2])
        else:
            found.links.append(Link(self._name(start, MAX_LINK_TEXT), *target[1:]))

    def _name(self, start: int, limit: int) -> str:
        """The text from piece ``start`` on, cut at ``limit`` characters: the
        cost and size of nested links and topics stay linear (the pieces are
        indexed from ``start``, never walked from the first)."""
        parts = []
        size = 0
        pieces = self.pieces
        for index in range(start, len(pieces)):
            text = pieces[index][1]
            parts.append(text)
            size += len(text)
            if size > 2 * limit:
                break
        return "".join(parts).strip(" \n")[:limit]

    # -- results ---------------------------------------------------------------

    def _trimmed(self) -> list[list[Any]]:
        pieces = self.pieces
        for piece in pieces:
            piece[1] = piece[1].lstrip(" \n")
            if piece[1]:
                break
        for piece in reversed(pieces):
            piece[1] = piece[1].rstrip(" \n")
            if piece[1]:
                break
        return pieces

    def plain(self) -> str:
        """The visible text."""
        return "".join(piece[1] for piece in self._trimmed())

    def inlines(self) -> tuple[Inline, ...]:
        """The inline runs: adjacent pieces of one key merged."""
        runs: list[Inline] = []
        pieces = self._trimmed()
        count = len(pieces)
        start = 0
        while start < count:
            key = pieces[start][0]
            end = start + 1
            while end < count and pieces[end][0] == key:
                end += 1
            text = pieces[start][1] if end == start + 1 else "".join([piece[1] for piece in pieces[start:end]])
            if key >= _TARGET:
                runs.append(run_of(self.targets[key - _TARGET], text))
            elif text:
                runs.append(TextRun(text, bool(key & _STRONG), bool(key & _EM)))
            start = end
        return tuple(runs)


def _hidden_end(
    element: etree._Element, hidden: int, svg_text: Optional[etree._Element], depth: int
) -> tuple[int, Optional[etree._Element], bool]:
    """The end of ``element`` in :meth:`TextBuilder.element` while hidden or
    inside an SVG ``<text>`` (the rare case): ``hidden`` and ``svg_text``
    updated, and whether the tail of ``element`` is shown. ``depth``: the
    hidden ``<svg>`` elements around the ``<text>``."""
    if hidden:
        hidden -= element.tag in HIDDEN_TAGS
        return hidden, svg_text, not hidden
    if element is svg_text:
        return depth, None, False  # back inside the hidden <svg>
    return hidden, svg_text, True  # inside an SVG <text>: <tspan> and the like
