"""Checks that answer the common case with a few passes in C give what the
slower, plain form of the same question gives."""

from __future__ import annotations

from hypothesis import given
from hypothesis import strategies as st

from dwparse import names
from dwparse.body.text import TextRules
from dwparse.source import _BAD_CHARS, _all_read


def test_each_character_is_told_read_or_not() -> None:
    """Every character of the Basic Multilingual Plane, and some beyond,
    alone and among Chinese text: clean exactly when the regex finds nothing."""
    for code in [*range(0x10000), 0x1F600, 0x10FFFF]:
        char = chr(code)
        for text in (char, f"德国之声{char}中文网<p>"):
            expected = _BAD_CHARS.search(text) is None
            assert _all_read(text, decoded=False) is expected, hex(code)
            if not 0xD800 <= code <= 0xDFFF:  # UTF-8 decoding gives no lone surrogate
                assert _all_read(text, decoded=True) is expected, hex(code)


@given(st.lists(st.integers(0, 0x10FFFF)).map(lambda codes: "".join(map(chr, codes))))
def test_any_text_is_told_read_or_not(text: str) -> None:
    """Any code points, lone surrogates too."""
    assert _all_read(text, decoded=False) is (_BAD_CHARS.search(text) is None)


_BODY_PIECES = ["<p>", "</p>", "正文", " ", "  ", "\n", "\t", "\f", "\r", "&nbsp;", "&#1;", "&amp;", "&", "!", "<![CDATA[", "\u00a0", "\u3000"]


@given(st.lists(st.sampled_from(_BODY_PIECES), max_size=12))
def test_text_rules_are_those_of_the_plain_searches(pieces: list[str]) -> None:
    html = "".join(pieces)
    rules = TextRules.for_body(html)
    body = html.rstrip()
    controls = "&#" in body
    collapse = any(mark in body for mark in ("  ", "\n", "\t", "\r", "\f", "<![CDATA[")) or controls
    spaces = any(mark in body for mark in ("\u00a0", "\u3000", "&nbsp;"))
    assert (rules.controls, rules.collapse, rules.spaces) == (controls, collapse, spaces)


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
