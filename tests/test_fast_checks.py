"""Checks that answer the common case with a few passes in C give what the
slower, plain form of the same question gives."""

from __future__ import annotations

import re
from datetime import datetime, timezone
from typing import Any

import pytest
from hypothesis import given
from hypothesis import strategies as st

import dwparse
from conftest import FIXTURES, ROOT
from dwparse import header, names, title
from dwparse.body.text import TextRules
from dwparse.body.timeline import parse_time
from dwparse.format import CONTROLS
from dwparse.source import Source, _read_latin1


# The plain form of the question: one character class of what the parser never reads.
_BAD_CHARS = re.compile(f"[{CONTROLS}\x0c\ud800-\udfff\ufffe\uffff]")


def test_each_character_is_told_read_or_not() -> None:
    """Every character of the Basic Multilingual Plane but the surrogates,
    and some beyond, alone and among Chinese text: clean exactly when the
    regex finds nothing."""
    for code in [*range(0xD800), *range(0xE000, 0x10000), 0x1F600, 0x10FFFF]:
        char = chr(code)
        for text in (char, f"德国之声{char}中文网<p>"):
            assert (_read_latin1(text) is not None) is (_BAD_CHARS.search(text) is None), hex(code)


@given(st.lists(st.integers(0, 0x10FFFF)).map(lambda codes: "".join(map(chr, codes))))
def test_any_text_is_cleaned_as_the_regex_says(text: str) -> None:
    """Any code points, lone surrogates too: the text is kept as it is
    exactly when the regex finds nothing to clean (a CR may become a LF)."""
    for data in (text, text.encode("utf-8", "surrogatepass")):
        source = Source.from_input(data)
        if text.startswith("\ufeff") or "\r" in text:
            continue  # a BOM is left out, a CR may become a LF
        if isinstance(data, str):
            clean = _BAD_CHARS.search(text) is None
        else:  # bytes: lone surrogates are not UTF-8
            clean = _BAD_CHARS.search(data.decode("utf-8", "replace")) is None and not any(
                0xD800 <= ord(char) <= 0xDFFF for char in text
            )
        assert (source.text == text and not source.problems) is clean
        assert source.utf8 is None or source.utf8 == source.text.encode("utf-8")


_BODY_PIECES = ["<p>", "</p>", "正文", " ", "  ", "\n", "\t", "\f", "\r", "&nbsp;", "&#1;", "&amp;", "&", "!", "<![CDATA[", "\u00a0", "\u3000"]


@given(st.lists(st.sampled_from(_BODY_PIECES), max_size=12), st.lists(st.sampled_from(_BODY_PIECES), max_size=4))
def test_text_rules_normalise_as_the_plain_searches_say(pieces: list[str], title: list[str]) -> None:
    """The rules found in the Latin-1 characters of the whole input (the
    title's too) ask for every normalisation the plain searches of the body
    ask for, and give the same text for each piece of the body."""
    html = "".join(pieces)
    body = html.rstrip()
    controls = "&#" in body
    plain = TextRules(
        controls=controls,
        collapse=any(mark in body for mark in ("  ", "\n", "\t", "\r", "\f", "<![CDATA[")) or controls,
        spaces=any(mark in body for mark in ("\u00a0", "\u3000", "&nbsp;")),
    )
    latin1 = ("".join(title) + "\n" + html).encode("latin-1", "ignore")
    for rules in (TextRules.for_body(html), TextRules.for_body(html, latin1)):
        assert rules.controls >= plain.controls and rules.collapse >= plain.collapse and rules.spaces >= plain.spaces
        for index in range(len(body)):  # (the spaces after the body's last tag are trimmed anyway)
            text = body[index:].replace("&#1;", "")  # a body's texts hold no control but from references
            assert rules.normalized(text) == plain.normalized(text)


_NAME_PIECES = ["null", " ", "\u3000", "张三", "Li", ":", "：", "记者", "（", "）", "(", ")", "摘编", "综合报导", "编译", "\n", "a"]


@given(st.lists(st.sampled_from(_NAME_PIECES), max_size=10))
def test_clean_name_asks_only_the_patterns_that_can_match(pieces: list[str]) -> None:
    """``clean_name`` skips a pattern whose mark is not in the name: the
    same as applying every pattern."""
    name = "".join(pieces)
    plain = names._SPACES.sub(" ", name.strip(names._BLANK))
    if plain != "null":
        plain = names._LABEL.sub("", names._PLACEHOLDER.sub("", plain))
        plain = names._TRAILING_NOTE.sub("", names._NOTE.sub(" ", plain)).strip()
    assert names.clean_name(name) == ("" if plain == "null" else plain)


# -- the header and title lines as the archive writes them, read at once

_NEVER = re.compile(r"(?!)")


def _both_ways(text: str, monkeypatch: pytest.MonkeyPatch) -> tuple[dict[str, Any], dict[str, Any]]:
    fast = dwparse.parse(text).to_dict()
    with monkeypatch.context() as patch:
        patch.setattr(header, "_COMMON_HEADER", _NEVER)
        patch.setattr(title, "_COMMON_TITLE", _NEVER)
        general = dwparse.parse(text).to_dict()
    return dict(fast), dict(general)


_TITLE_PIECES = ["标题", "[", "]", "](", ")", "(", "\\[", "\\]", "&amp;", "&quot;", "&#10;", " ", "  ", "\u3000", "\\", "*", "a"]
_URLS = [
    "https://www.dw.com/zh/标题/a-70000001", "https://www.dw.com/zh/%E6%A0%87/a-1", "https://www.dw.com/zh/x/av-2",
    "https://www.dw.com/zh/x/g-3", "https://www.dw.com/zh/x/video-4", "https://www.dw.com/zh/x/y", "https://www.dw.com/zh",
    "https://www.dw.com/zh/x/a-5?maca=zh", "https://www.dw.com/zh/他们为何急着润?/a-69635934", "https://www.dw.com/zh/a b/a-6",
]  # fmt: skip


@given(
    epoch=st.sampled_from(["1722165425000", "1722165425", "0000000000000", "99999999999999", "-1722165425000", " 1722165425000"]),
    words=st.lists(st.sampled_from(_TITLE_PIECES), max_size=6),
    url=st.sampled_from(_URLS),
    underline=st.sampled_from(["------", "---", "-", "===", " ---", "--- ", ""]),
    gap=st.sampled_from(["\n\n", "\n", "\n\n\n", "\n \n", "\r\n\r\n"]),
    body=st.sampled_from(["<div><i><br>2024-07-28T11:07:48Z</i></div><p>正文</p>", " <p>正文</p>", "<p>正文</p>", ""]),
)
def test_common_lines_read_as_the_general_reading(
    epoch: str, words: list[str], url: str, underline: str, gap: str, body: str
) -> None:
    text = f"<!--{epoch}-->\n[{''.join(words)}]({url})\n{underline}{gap}{body}"
    with pytest.MonkeyPatch.context() as monkeypatch:
        fast, general = _both_ways(text, monkeypatch)
    assert fast == general


def test_files_read_as_the_general_reading(monkeypatch: pytest.MonkeyPatch) -> None:
    paths = [*sorted(FIXTURES.glob("*.md")), *sorted((ROOT / "examples").glob("*.md"))]
    for path in paths:
        fast, general = _both_ways(path.read_bytes().decode("utf-8", "replace"), monkeypatch)
        assert fast == general, path.name


@given(
    st.tuples(
        st.integers(0, 9999), st.integers(0, 99), st.integers(0, 99), st.integers(0, 99), st.integers(0, 99),
        st.integers(0, 99), st.none() | st.text("0123456789", min_size=1, max_size=6),
    )
)
def test_the_archive_time_is_read_as_its_fields_say(fields: tuple[int, int, int, int, int, int, str | None]) -> None:
    """``parse_time`` reads the archive's own form (``2024-07-28T11:07:48.781Z``)
    in C where Python can: the same moment as its fields give, or ``None``
    for a day or time that does not exist."""
    year, month, day, hour, minute, second, fraction = fields
    text = f"{year:04}-{month:02}-{day:02}T{hour:02}:{minute:02}:{second:02}" + (f".{fraction}" if fraction else "") + "Z"
    try:
        expected: datetime | None = datetime(
            year, month, day, hour, minute, second, int(fraction.ljust(6, "0")) if fraction else 0, tzinfo=timezone.utc
        )
    except ValueError:
        expected = None
    assert parse_time(text) == expected


def test_one_bom_is_left_out_of_str_and_bytes_alike() -> None:
    """Found by a differential check: bytes lost two BOMs, a str one."""
    text = "\ufeff\ufeff<!--1722165425000-->\n[t](https://www.dw.com/zh/x/a-1)\n---\n\n<p>正文</p>"
    assert dwparse.parse(text) == dwparse.parse(text.encode("utf-8"))
    assert dwparse.parse(text).problems == dwparse.parse(text.encode("utf-8")).problems
