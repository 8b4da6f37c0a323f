"""The links and topic tags met in some text, and the runs they start."""

from __future__ import annotations

import re
from typing import Any, Optional

from lxml import etree

from dwparse.model import Inline, Link, LinkRun, Topic, TopicRun
from dwparse.urls import link_target

__all__ = ["References", "Target", "run_of", "target_run", "topic_id_of"]

_TOPIC_ID = re.compile(r"[0-9]{1,18}")


class References:
    """The links and topic tags met in some text, in document order (topics
    once per id)."""

    __slots__ = ("links", "topics")

    def __init__(self) -> None:
        self.links: list[Link] = []
        self.topics: dict[int, Topic] = {}

    def __bool__(self) -> bool:
        return bool(self.links or self.topics)

    def add(self, other: References) -> None:
        """Keep ``other``'s links and topics after these (topics not yet listed)."""
        self.links.extend(other.links)
        for topic_id, topic in other.topics.items():
            self.topics.setdefault(topic_id, topic)


def topic_id_of(element: etree._Element) -> Optional[int]:
    """The topic id of a DW topic ``<span data-id=ID data-type=...>``, else ``None``."""
    data_id = element.get("data-id")
    if data_id is None or element.get("data-type") in (None, "IMAGE"):
        return None  # an image placeholder is no topic
    data_id = data_id.strip()
    return int(data_id) if _TOPIC_ID.fullmatch(data_id) else None


#: A link or topic met, before its text is known: ``("a", href, rel,
#: target_id, target_type)`` or ``("span", topic_id, topic_type)`` (a plain
#: tuple: most become one run and one link, made once their text is read).
Target = tuple[Any, ...]


def target_run(element: etree._Element, tag: str) -> Optional[Target]:
    """The :data:`Target` of ``<a>`` or a topic ``<span>``, else ``None``."""
    if tag == "a":
        href = element.get("href")
        target_id, target_type = link_target(href)
        return ("a", href, element.get("rel"), target_id, target_type)
    if tag == "span":
        topic_id = topic_id_of(element)
        if topic_id is not None:
            return ("span", topic_id, element.get("data-type"))
    return None


def run_of(target: Target, text: str) -> Inline:
    """The inline run of ``target`` with ``text``."""
    if target[0] == "a":
        return LinkRun(text, *target[1:])
    return TopicRun(text, *target[1:])
