"""Bodies cut off: the checks for a body that ends inside a tag, right
after a start tag, inside a paragraph, or inside an element never closed.

The last check walks back over the body's last tags in Python; it runs only
when the end tags the body ends with do not close, one for one, the elements
lxml's tree has open at its end (a valid body passes that test at once).
"""

from __future__ import annotations

import re
from typing import Optional

from lxml import etree

from dwparse.body.unclosed import HIDING_TAGS
from dwparse.format import HTML_SPACES, TAG_PATTERN, VOID_TAGS
from dwparse.source import Source, quote

__all__ = ["check_truncation", "closed_at_end", "content_end", "ends_plainly"]

_START_TAG = re.compile(r"<([A-Za-z][A-Za-z0-9-]*)")
_END_TAG = re.compile(r"</[A-Za-z][A-Za-z0-9-]*\s*>")
_OPEN_P = re.compile(r"<p[\s>/]", re.IGNORECASE)
# How far back the check for elements left open at the end looks, in tags.
_END_TAGS_LOOKED_AT = 64
# Elements whose end tag HTML lets one leave out.
_OPTIONAL_END_TAGS = frozenset("li dt dd p rb rt rtc rp optgroup option colgroup caption thead tbody tfoot tr td th".split())
# Elements never closed that are not reported as a cut: void ones, those
# whose end tag may be left out, and those reported as never closed instead
# (dwparse.body.unclosed).
_NOT_A_CUT = VOID_TAGS | _OPTIONAL_END_TAGS | HIDING_TAGS


def check_truncation(source: Source, html: str, start: int, root: Optional[etree._Element]) -> None:
    """Report a body that was cut off: it ends inside a tag, right after a
    start tag, inside a paragraph, or inside an element never closed. ``root``
    is lxml's tree of ``html`` unchanged (``None`` if it was changed): when
    the end tags the body ends with close every element open at its end
    there, the last check (the costly one) is not needed."""
    body = html.rstrip()
    if body.endswith("-->") and (end := _before_comments(body, len(body))) >= 0:
        body = body[:end]  # what a comment at the end holds is not cut
    cut = _cut_in_tag(body, len(body))
    if cut is not None:
        source.report("body-truncated", cut[0], start + cut[1])
        return
    if root is not None and closed_at_end(root, body, len(body)):
        return  # the common case: a valid body (a "<p" in a script's text is not a paragraph)
    last_end_p = body.rfind("</p>")
    open_p = None
    for open_p in _OPEN_P.finditer(body, max(last_end_p, 0)):
        pass
    if open_p is not None and last_end_p < open_p.start():
        source.report(
            "body-truncated", f"the body ends inside a paragraph: {quote(body[-30:])}", start + len(body)
        )
        return
    unclosed = _unclosed_at_end(body)
    if unclosed is not None:
        source.report(
            "body-truncated", f"the body ends inside <{unclosed}>: {quote(body[-30:])}", start + len(body)
        )


def ends_plainly(html: str, end: int) -> bool:
    """Whether ``html[:end]`` (``end``: :func:`content_end`) ends in neither a
    comment nor a tag cut off or just opened: then only an element left open
    can make :func:`check_truncation` report it, which a parse can tell."""
    return not html.endswith("-->", 0, end) and _cut_in_tag(html, end) is None


def content_end(html: str) -> int:
    """``len(html.rstrip())``, without copying ``html`` for the few spaces
    that usually end it."""
    end = len(html)
    for _ in range(8):
        if not end or not html[end - 1].isspace():
            return end
        end -= 1
    return len(html.rstrip())


def _cut_in_tag(html: str, end: int) -> Optional[tuple[str, int]]:
    """What is wrong, and where, when ``html[:end]`` ends inside a tag or
    right after a start tag (of an element that is not void); else ``None``."""
    last_open = html.rfind("<", 0, end)
    last_close = html.rfind(">", 0, end)
    if last_open > last_close:
        return f"the body ends inside a tag: {quote(html[last_open:end])}", last_open
    if last_close < 0 or last_close != end - 1:
        return None
    tag = html[last_open:end]
    match = _START_TAG.match(tag)
    if match and match[1].lower() not in VOID_TAGS and not tag.endswith("/>"):
        return f"the body ends right after {quote(tag)}", last_open
    return None


def closed_at_end(root: etree._Element, html: str, end: int) -> bool:
    """Whether ``html[:end]`` ends with the end tags of exactly the elements
    that lxml's tree has open at its end (the last element at each level,
    with no text after it), but those whose end tag may be left out inside
    one closed: then nothing was left open."""
    element = root[-1] if len(root) else None
    if element is None or element.tag != "body":
        return False
    open_at_end: list[str] = []
    while len(element):
        if len(open_at_end) == _END_TAGS_LOOKED_AT:
            return False  # deep nesting at the end: the walk back decides (lxml's ancestors cost as deep as they are)
        element = element[-1]
        if element.tail and not element.tail.isspace():
            break
        if element.tag not in VOID_TAGS:
            open_at_end.append(element.tag)
    end = _before_comments(html, end)
    for level, tag in enumerate(open_at_end):  # read from the end: the outermost first
        begin = html.rfind("</", 0, end)
        if begin < 0 or _END_TAG.fullmatch(html, begin, end) is None or html[begin + 2 : end - 1].strip().lower() != tag:
            # The end tag of the element around closed one whose end tag may be left out (<div><p>x</div>).
            return level > 0 and tag in _OPTIONAL_END_TAGS
        end = _before_comments(html, begin)
    return True


def _before_comments(body: str, end: int) -> int:
    """Where what ``body[:end]`` ends with starts, once spaces and comments
    are left out (-1 for a comment without its start)."""
    while True:
        while end and body[end - 1] in HTML_SPACES:
            end -= 1
        if not body.endswith("-->", 0, end):
            return end
        end = body.rfind("<!--", 0, end - 3)
        if end < 0:
            return -1


def _unclosed_at_end(body: str) -> Optional[str]:
    """The name of an element still open where ``body`` ends, looking back
    over its last :data:`_END_TAGS_LOOKED_AT` tags; ``None`` if all are closed.

    Going back from the end, end tags wait for their start tags. A start tag
    met while nothing waits opened an element the body never closed: the body
    was cut off. (While end tags wait, an element left open inside another,
    ``<p>a<b>b</p>``, was closed with it.) Misnested tags match anywhere in
    what waits; elements whose end tag HTML lets one leave out (``li``,
    ``td``, ...) never count.
    """
    waiting: list[str] = []
    position = len(body)
    for _ in range(_END_TAGS_LOOKED_AT):
        position = body.rfind("<", 0, position)
        if position < 0:
            return None
        tag = TAG_PATTERN.match(body, position)
        if tag is None:
            continue
        name = tag[2].lower()
        if tag[1]:
            waiting.append(name)
        elif name in waiting:
            del waiting[len(waiting) - 1 - waiting[::-1].index(name)]
        elif not waiting and name not in _NOT_A_CUT and not tag[0].endswith("/>"):
            return name  # (with end tags waiting, one of them closed it)
    return None
