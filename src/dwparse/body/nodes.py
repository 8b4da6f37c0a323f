"""Small questions about elements that several readers ask."""

from __future__ import annotations

from typing import NamedTuple, Optional

from lxml import etree

from dwparse.format import MEDIA_TAGS
from dwparse.model import Inline, TextRun

__all__ = ["STYLES", "Style", "classes", "has_media", "media_count", "only_child", "style_of"]


def classes(element: etree._Element) -> list[str]:
    """The words of ``element``'s ``class`` attribute."""
    return (element.get("class") or "").split()


def only_child(element: etree._Element, tag: str) -> Optional[etree._Element]:
    """The only child element of ``element`` if it is a ``tag`` and no text stands beside it."""
    if len(element) != 1:
        return None
    child = element[0]
    if child.tag != tag or (element.text and element.text.strip()) or (child.tail and child.tail.strip()):
        return None  # (the tag first: reading a text costs more)
    return child


def has_media(element: etree._Element) -> bool:
    """Whether ``element`` is or holds an image, a player or other media."""
    if not len(element):  # the common case: a leaf
        return element.tag in MEDIA_TAGS
    return next(element.iter(*MEDIA_TAGS), None) is not None


def media_count(element: etree._Element) -> int:
    """How many media elements ``element`` is or holds."""
    return sum(1 for _ in element.iter(*MEDIA_TAGS))


class Style(NamedTuple):
    """How a paragraph's visible text is set: all italic, all bold."""

    italic: bool
    bold: bool


def style_of(inlines: tuple[Inline, ...]) -> Optional[Style]:
    """The style of a paragraph's runs; ``None`` when a link or topic stands
    in them or nothing is visible. Runs of whitespace only do not count."""
    if len(inlines) == 1 and type(run := inlines[0]) is TextRun:  # the common case
        return STYLES[run.em, run.strong] if run.text.strip(" \n") else None
    italic = bold = True
    visible = False
    for run in inlines:
        if not isinstance(run, TextRun):
            return None
        if run.text.strip(" \n"):
            visible = True
            italic = italic and run.em
            bold = bold and run.strong
    return STYLES[italic, bold] if visible else None


#: The four styles, by ``(italic, bold)``.
STYLES = {(italic, bold): Style(italic, bold) for italic in (False, True) for bold in (False, True)}
