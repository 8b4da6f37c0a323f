"""An independent reading of an archive file's visible text, for "nothing is lost".

It shares no code with dwparse: the body is read by the standard library's
``html.parser``, the title line by a plain regular expression. Each
whitespace-separated word of visible text must then appear in some string of
the parsed article (its JSON, without the ``html`` keys of raw blocks, which
hold any text verbatim).

The few characters dwparse drops by design are dropped here too, and only
these: the gallery and credit labels (``相关图集``, ``图像来源`` and their
traditional forms) with the colons beside them, the publication time (read
into ``published_at``), the separators between the author names of the time
line (read into ``authors``), and control characters.

An ``embed`` block has no text of its own: its ``html`` holds the element as
written, so the visible text of that HTML counts as kept.
"""

from __future__ import annotations

import html
from collections import Counter
import re
from html.parser import HTMLParser
from typing import Any, Iterator

from dateutil.parser import isoparse

_LINK_LINE = re.compile(r"\[(.*)\]\((.*)\)")
# CommonMark escapes ASCII punctuation only: "\\中" is a backslash and 中.
_MARKDOWN_ESCAPE = re.compile(r"\\([!-/:-@\[-`{-~])")
_LABELS = ("相关图集", "相關圖集", "图像来源", "圖片來源")
_CONTROL = re.compile("[\x00-\x08\x0b\x0c\x0e-\x1f\x7f-\x9f]")
_NONCHARACTER = re.compile("[\ud800-\udfff\ufffe\uffff]")
# CR LF, LF, or a CR alone: a line end (in the body, whitespace either way).
_LINE_END = re.compile("\r?\n|\r")
# An end tag with attributes ends where HTML5 ends it (a quote opens a value
# only after "="; the standard library's parser ends it at the first ">"):
# it is written without them (see _plain_end_tags).
_END_TAG_WITH_ATTRIBUTES = re.compile(r"</([A-Za-z][^\s/>]*)[\s/]")
_TAG_NAME = re.compile("[A-Za-z][A-Za-z0-9-]*")
_BOGUS_COMMENT = re.compile(r"<!\[(?!CDATA\[)[^>]*>?")
_VOID = {"area", "base", "br", "col", "embed", "hr", "img", "input", "link", "meta", "source", "track", "wbr"}
_HIDDEN = {"script", "style", "template", "noscript"}
_SKIPPED_KEYS = {"html"}


class _Text(HTMLParser):
    """Text pieces; an end tag that closes nothing joins its neighbours (as in HTML).

    The content of ``<iframe>``, ``<xmp>``, ``<noembed>`` and ``<noframes>``
    is raw text, tags and references as written, as in HTML.
    """

    CDATA_CONTENT_ELEMENTS = ("script", "style", "iframe", "xmp", "noembed", "noframes")

    def __init__(self) -> None:
        super().__init__(convert_charrefs=True)
        self.pieces: list[str] = []
        self.hidden = 0
        self.svg = 0  # inside <svg>, only <text> is visible
        self.svg_text = 0
        self.open: list[str] = []
        self.join = False  # text, stray end tags, text: one piece

    def handle_starttag(self, tag: str, attrs: Any) -> None:
        if tag in _HIDDEN:
            self.hidden += 1
        elif tag == "svg":
            self.svg += 1
        elif tag == "text" and self.svg:
            self.svg_text += 1
        if tag not in _VOID:
            self.open.append(tag)
        self.join = False

    def handle_endtag(self, tag: str) -> None:
        if tag in _HIDDEN and self.hidden:
            self.hidden -= 1
        elif tag == "svg" and self.svg:
            self.svg -= 1
        elif tag == "text" and self.svg_text:
            self.svg_text -= 1
        if tag in self.open:
            while self.open.pop() != tag:
                pass
            self.join = False

    def handle_data(self, data: str) -> None:
        if self.hidden or (self.svg and not self.svg_text):
            return
        if self.join and self.pieces:
            self.pieces[-1] += data
        else:
            self.pieces.append(data)
        self.join = True


def visible_words(text: str) -> list[str]:
    """The words of visible text in an archive file, as a reader sees them."""
    text = text.lstrip("\ufeff")  # a byte order mark, or two (one in the bytes, one in the text)
    text = _NONCHARACTER.sub("\ufffd", _CONTROL.sub("", text))
    lines = _LINE_END.split(text)
    words: list[str] = []
    after_title = False
    in_head = True  # before the first line of body
    body_lines = []
    header_seen = False  # only the first line of the head is the header
    for line in lines:
        stripped = line.strip()
        if in_head and not header_seen and stripped.startswith("<!--"):  # the header line
            header_seen = True
            if stripped.endswith("-->") or "-->" not in stripped[4:]:
                continue  # whole, or never closed: all of the line is the header
            stripped = stripped[4:].split("-->", 1)[1].strip()  # the title may follow on the line
            line = stripped
        if in_head and stripped.startswith("["):
            match = _LINK_LINE.fullmatch(stripped)
            # A title line, whole or broken: its text and its URL.
            title, url = (match[1], match[2]) if match else (stripped[1:], "")
            if not match and "](" in title:
                title, url = title.rsplit("](", 1)
            title = html.unescape(_MARKDOWN_ESCAPE.sub(r"\1", title.rstrip("]")))
            words.extend(title.split())
            words.extend(url.split())
            after_title, in_head = True, False  # one title line at most
            continue
        if after_title and stripped and set(stripped) <= {"-"} | {"="}:
            after_title = False
            continue
        if stripped:
            after_title = in_head = False
        body_lines.append(line)
    body = _TIME_LINE.sub(_names_apart, "\n".join(body_lines), count=1)
    reader = _Text()
    # "<![" other than CDATA opens a bogus comment up to ">" (HTML5); the
    # standard library's parser rejects it, so drop it first.
    reader.feed(_plain_end_tags(_BOGUS_COMMENT.sub("", body)))
    # A tag cut off by the end of the file is not text (browsers drop it too).
    if not reader.rawdata.lstrip().startswith("<"):
        reader.close()
    for piece in reader.pieces:
        words.extend(piece.split())
    result = []
    for word in words:
        for label in _LABELS:
            word = word.replace(label, " ")
        for part in word.split():
            part = _without_label_ends(part.strip(":："))
            if part and not _is_time(part) and not _is_label_fragment(part):
                result.append(part)
    return result


def _without_label_ends(word: str) -> str:
    """``word`` without a piece of a label that markup split off at its end
    or start (``…人群图像<span>来源：…``): the label is not text."""
    for label in _LABELS:
        for size in range(len(label) - 1, 0, -1):
            if word.endswith(label[:size]):
                word = word[:-size]
            if word.startswith(label[-size:]):
                word = word[size:]
    return word.strip(":：")


# The time line at the start of the body, and the separators of its names.
# (Also a line cut short, or whose </i> a mutation broke, or after stray end
# tags, comments or a byte order mark that a moved header line left.)
_TIME_LINE = re.compile(
    r"\A((?:\s|\ufeff|<!--.*?-->|</[^<>]*>)*)<div>((?:\s|</[^<>]*>)*)<i>(.*?)(?=</div>|\Z)", re.DOTALL | re.IGNORECASE
)
_NAME_SEPARATORS = re.compile("[,，、;；]")
_BR = re.compile(r"<br\s*/?>", re.IGNORECASE)


def _names_apart(match: re.Match[str]) -> str:
    """The time line with spaces for the separators of its names (before its
    last ``<br>``, or its last space; the time after it may hold a comma)."""
    breaks = list(_BR.finditer(match[3]))
    if breaks:
        last = breaks[-1]
        names, br, time = match[3][: last.start()], last[0], match[3][last.end() :]
    else:  # NAMES TIME
        names, br, time = match[3].rpartition(" ")
    return match[1] + "<div>" + match[2] + "<i>" + _NAME_SEPARATORS.sub(" ", names) + br + time


def _plain_end_tags(html: str) -> str:
    """``html`` with each end tag that has attributes written ``</name>`` (or
    left out, if its name is no tag name), ended as HTML5 ends it."""
    pieces = []
    position = 0
    while (match := _END_TAG_WITH_ATTRIBUTES.search(html, position)) is not None:
        end = _tag_end(html, match.end())
        if end < 0:
            break  # cut off: left as it is
        name = match[1]
        pieces.append(html[position : match.start()] + (f"</{name}>" if _TAG_NAME.fullmatch(name) else ""))
        position = end + 1
    return "".join(pieces) + html[position:]


def _tag_end(html: str, position: int) -> int:
    """Where the ``>`` ending a tag is, scanning its attributes from
    ``position`` (a quote opens a value only right after ``=``); -1 if none."""
    after_equals = False
    while position < len(html):
        char = html[position]
        if char == ">":
            return position
        if after_equals and char in "\"'":
            closing = html.find(char, position + 1)
            if closing < 0:
                return -1
            position, after_equals = closing + 1, False
            continue
        if char == "=":
            after_equals = True
        elif not char.isspace():
            after_equals = False
        position += 1
    return -1


def _html_text(markup: str) -> str:
    reader = _Text()
    reader.feed(markup)
    reader.close()
    return " ".join(reader.pieces)


def _is_label_fragment(word: str) -> bool:
    """A piece of a label that markup split (``<h3>相关图<span>集：…``)."""
    return any(label.startswith(word) or label.endswith(word) for label in _LABELS)


def _is_time(word: str) -> bool:
    if not word[:4].isdigit():
        return False
    try:
        isoparse(word)
    except (ValueError, OverflowError):
        return False
    return True


def _strings(value: Any, key: str = "") -> Iterator[str]:
    if isinstance(value, dict):
        if value.get("type") == "embed":
            yield _html_text(value["html"])
        for name, item in value.items():
            if name not in _SKIPPED_KEYS:
                yield from _strings(item, name)
    elif isinstance(value, list):
        for item in value:
            yield from _strings(item, key)
    elif isinstance(value, str):
        yield value


_TAGS = re.compile(r"<[^<>]*>")
_INVISIBLE = re.compile("[\ufeff\ufffd]")
_ISO_TIME = re.compile(r"[0-9]{4}-[0-9]{2}-[0-9]{2}T[0-9:.]+(?:Z|[+-][0-9:]+)?")


def lost_words(text: str, data: dict[str, Any]) -> list[str]:
    """Words of ``text`` that appear in no string of the article dict ``data``.

    Where broken markup makes the two readings draw a block boundary in
    different places, a word of one reading is two of the other; so a word
    also counts as kept when it appears in the article's strings run
    together without whitespace, and a word holding the title line's
    Markdown (``…萎缩](https://…``) when each piece between ``[]()`` does,
    and one holding a colon when it appears without colons (a gallery
    picture's ``TITLE：TEXT`` is kept as title and text).
    Pieces of a time that markup split (``2</p>024-…``) count as the time
    when the article has a ``published_at``.
    """
    # U+FEFF is invisible (lxml drops it at the start of the body); parsers
    # differ on what replaces a reference to a control character (nothing or
    # U+FFFD): neither counts.
    strings = list(_strings({k: v for k, v in data.items() if k != "problems"}))
    haystack = _INVISIBLE.sub("", "\x00".join(strings))
    run_together = _WHITESPACE.sub("", haystack.replace("\x00", ""))
    # A gallery picture's "TITLE：TEXT" is kept as title and text, without the colon.
    without_colons = run_together.replace(":", "").replace("：", "")
    times = _ISO_TIME.findall(_TAGS.sub("", _CONTROL.sub("", text))) if data.get("published_at") else []

    def kept(word: str) -> bool:
        if word in haystack or word in run_together or any(word in time for time in times):
            return True
        if word.replace(":", "").replace("：", "") in without_colons:
            return True
        pieces = [piece for piece in _TITLE_SYNTAX.split(word) if piece]
        return len(pieces) > 1 and all(piece in run_together for piece in pieces)

    words = (_INVISIBLE.sub("", word) for word in visible_words(text))
    return [word for word in words if word and not kept(word)]


_WHITESPACE = re.compile(r"\s+")
_TITLE_SYNTAX = re.compile(r"[\[\]()]+")


# Labels, and the Markdown of the title line and its underline.
_LABEL_CHARACTERS = set("".join(_LABELS) + ":：" + "[]()\\-=")
_TIME_CHARACTERS = set("0123456789-T:.Z+")


def lost_characters(text: str, data: dict[str, Any]) -> dict[str, int]:
    """Visible characters of ``text`` missing from ``data``, counted.

    Coarser than :func:`lost_words` but blind to how markup splits text, for
    inputs whose broken markup two HTML parsers may tree differently. Label
    and title-line syntax characters (and time characters when there is a
    ``published_at``) may be missing: a mutation can split a label or a time,
    or break the title line in ways the two readings take differently. The
    caption of a lead image repeated in the body is expected once.
    """
    seen = Counter(char for word in visible_words(text) for char in _INVISIBLE.sub("", word))
    kept = Counter(
        _INVISIBLE.sub("", "".join(_strings({k: v for k, v in data.items() if k != "problems"})))
    )
    lead = data.get("lead_image") or {}
    if lead.get("caption") and _TAGS.sub("", _CONTROL.sub("", text)).count(lead["caption"]) > 1:
        # The body may repeat the lead image with its caption; the repeat is
        # dropped, so its caption is seen once more than it is kept.
        seen -= Counter((lead.get("caption") or "") + (lead.get("credit") or ""))
    allowed = _LABEL_CHARACTERS | (_TIME_CHARACTERS if data.get("published_at") else set())
    return {char: count for char, count in (seen - kept).items() if char not in allowed}
