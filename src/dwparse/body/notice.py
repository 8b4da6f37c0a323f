"""Notices: boilerplate that is not article text, and which kind it is.

A paragraph is a notice by what it says, whatever its markup
(:data:`dwparse.format.NOTICE`, a group per kind); so is the feed service's footer
``<div>获取更多RSS：…</div>``. A URL line right after a promotion is one of its
subscription lines. A notice's links are not the article's: they are not
listed in ``links``.
"""

from __future__ import annotations

from typing import Optional

from lxml import etree

from dwparse.body.cursor import Cursor
from dwparse.body.nodes import Style
from dwparse.format import NOTICE, NOTICE_FIRSTS, URL_LINE
from dwparse.model import Block, Notice

__all__ = ["GIVES", "TAGS", "follows_promotion", "notice_of", "read"]

TAGS = ("div",)
GIVES = (Notice,)
# Notices are short: a long paragraph that quotes one is article text.
_LONGEST = 200


def notice_of(text: str, style: Optional[Style] = None) -> Optional[Notice]:
    """The notice a paragraph's ``text`` is (whatever its style), or ``None``."""
    if not text or text[0] not in NOTICE_FIRSTS or len(text) > _LONGEST:
        return None
    match = NOTICE.match(text)
    if match is None:
        return None
    return Notice(match.lastgroup.replace("_", "-"), text)  # type: ignore[arg-type, union-attr]


def follows_promotion(block: Block, text: str, previous: Optional[Block]) -> Block:
    """``block``, or a promotion when it is a URL line right after one (a
    subscription line: ``Feed-URL:``, then its address)."""
    if isinstance(previous, Notice) and previous.kind == "promotion" and URL_LINE.fullmatch(text) is not None:
        return Notice("promotion", text)
    return block


def read(cursor: Cursor, element: etree._Element) -> int:
    """The feed service's footer ``<div>获取更多RSS：<br><a …>…</a>…</div>``."""
    head = (element.text or "").lstrip()
    if not head.startswith(("获取更多RSS", "獲取更多RSS")):
        return 0
    text = cursor.plain(element, keep=False)[0]
    cursor.add(Notice("feed", text))
    return 1
