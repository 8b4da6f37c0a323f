"""Line 2 and 3: the link title ``[TITLE](URL)`` and its setext underline."""

from __future__ import annotations

import html
import re
from typing import NamedTuple, Optional

from dwparse.header import skip_blank_lines
from dwparse.source import Source, quote
from dwparse.urls import dw_address

__all__ = ["TitleLine", "read_title", "unescape_title"]

_MARKDOWN_ESCAPE = re.compile(r"\\([!-/:-@\[-`{-~])")
# Numeric character references too long for int(): replaced before unescaping.
_HUGE_CHARREF = re.compile(r"&#(?:[0-9]{8,}|[xX][0-9a-fA-F]{7,});?")
_LINE_BREAKS = re.compile(r"[\t\n\v\f\r\x85\u2028\u2029]")
_CONTROLS = re.compile("[\x00-\x08\x0e-\x1f\x7f-\x9f]")
# Runs of spaces, no-break spaces (U+00A0) and ideographic spaces (U+3000): one space.
_SPACES = re.compile("[ \t\u00a0\u3000]+")
_UNDERLINE = re.compile(r"[ \t]*(?:-+|=+)[ \t\r]*")
# The title line, underline and blank line as the archive writes them, and
# the body's first character: what the general reading below gives at once.
# (Lazy: the first "](" the rest of the line can follow is the last "](" of
# the line, as the URL holds no parenthesis; no backtracking over the URL.)
_COMMON_TITLE = re.compile(r"\[([^\n]*?)\]\((https://www\.dw\.com/[^\s()]*)\)\n-+\n\n(?=\S)")


class TitleLine(NamedTuple):
    """What the title line says, and where the body starts."""

    title: Optional[str]
    url: Optional[str]
    article_id: Optional[int]
    content_type: Optional[str]
    language: Optional[str]
    body_start: int


def unescape_title(raw: str) -> str:
    """Link text as shown: Markdown escapes removed, then entities decoded."""
    text = _MARKDOWN_ESCAPE.sub(_escaped, raw) if "\\" in raw else raw
    if "&" in text:
        text = html.unescape(_HUGE_CHARREF.sub("\ufffd", text))
        # References to line breaks or controls (&#10;): a title is one line.
        text = _CONTROLS.sub("", _LINE_BREAKS.sub(" ", text))
    if "  " in text or "\t" in text or "\u00a0" in text or "\u3000" in text:
        text = _SPACES.sub(" ", text)
    return text.strip(" ")


def _escaped(match: re.Match[str]) -> str:
    """The character a Markdown escape stands for (a function, not ``r"\1"``,
    whose template ``re`` reads again on each call)."""
    return match[1]


def read_title(source: Source, start: int, *, had_header: bool) -> TitleLine:
    """Read the link title line at ``start`` and the underline after it."""
    text = source.text
    common = _COMMON_TITLE.match(text, start)
    if common is not None:  # the archive's own lines, read at once
        url = common[2]
        language, content_type, article_id = dw_address(url)
        if article_id is not None:
            return TitleLine(unescape_title(common[1]), url, article_id, content_type, language, common.end())
    start = skip_blank_lines(text, start)
    end = text.find("\n", start)
    if end < 0:
        end = len(text)
    line = text[start:end].rstrip()
    if not line.startswith("["):
        if not source.blank:
            found = f"found {quote(line)}" if line.strip() else "found the end of the file"
            source.report("title-missing", f"no [TITLE](URL) line, {found}", start)
            if not had_header:
                source.report("not-archive-format", "neither header comment nor link title", start)
        return TitleLine(None, None, None, None, None, start)

    separator = line.rfind("](")
    if separator > 0 and line.endswith(")"):
        raw_title, url = line[1:separator], line[separator + 2 : -1].strip()
    else:
        source.report("title-malformed", f"incomplete link title {quote(line)}", start)
        if separator > 0:
            raw_title, url = line[1:separator], line[separator + 2 :].rstrip(")").strip()
        else:
            raw_title, url = line[1:].rstrip("]"), ""
    title = unescape_title(raw_title)

    language = content_type = article_id = None
    if url:
        language, content_type, article_id = dw_address(url)
        if article_id is None:
            source.report("url-unrecognized", f"no {{kind}}-{{id}} at the end of {quote(url)}", start + separator + 2)

    after = end + 1 if end < len(text) else end
    underline_end = text.find("\n", after)
    if underline_end < 0:
        underline_end = len(text)
    if after < len(text) and _UNDERLINE.fullmatch(text, after, underline_end):
        after = underline_end + 1 if underline_end < len(text) else underline_end
    else:
        source.report("underline-missing", "no line of dashes under the title", after)
    return TitleLine(title, url or None, article_id, content_type, language, skip_blank_lines(text, after))
