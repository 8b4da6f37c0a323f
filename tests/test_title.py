"""The link title line, its URL and the underline."""

from __future__ import annotations

import pytest

import dwparse
from dwparse.markup import escape_title
from dwparse.title import unescape_title
from dwparse.urls import dw_address, link_target

BODY = "\n<div><i><br>2024-07-28T11:07:48Z</i></div><p>x</p>"


def parse_title(line: str, underline: str = "------") -> dwparse.Article:
    return dwparse.parse(f"<!--1722165425000-->\n{line}\n{underline}\n{BODY}")


@pytest.mark.parametrize(
    ("raw", "title"),
    [
        ("A &amp; B &quot;C&quot; &#39;D&#39;", "A & B \"C\" 'D'"),
        (r"\[视频\]标题\*", "[视频]标题*"),
        ("[视频]德国大选", "[视频]德国大选"),
        ("德国大选[图集]", "德国大选[图集]"),
        ("全角：标点，“引号”！", "全角：标点，“引号”！"),
        ("&#" + "9" * 5000 + ";", "\ufffd"),
    ],
)
def test_title_text(raw: str, title: str) -> None:
    article = parse_title(f"[{raw}](https://www.dw.com/zh/x/a-69790970)")
    assert article.title == title
    assert article.problems == ()


def test_title_escaping_inverts() -> None:
    for title in ["a [b] c", "x \\ y", "A &amp; B", "[视频]标题", "*bold*"]:
        assert unescape_title(escape_title(title)) == title


@pytest.mark.parametrize(
    ("url", "article_id", "content_type", "language"),
    [
        ("https://www.dw.com/zh/%E7%BE%8E/a-69790970", 69790970, "article", "zh"),
        ("https://www.dw.com/zh-hant/標題/a-1", 1, "article", "zh-hant"),
        ("https://www.dw.com/zh/slug-(1)/video-2", 2, "video", "zh"),
        ("https://www.dw.com/zh/slug%28x%29/audio-3", 3, "audio", "zh"),
        ("https://www.dw.com/zh/x/av-4", 4, "media", "zh"),
        ("https://www.dw.com/zh/x/g-5", 5, "gallery", "zh"),
        ("https://www.dw.com/zh/x/live-6", 6, "liveblog", "zh"),
        ("https://www.dw.com/zh/x/s-7", 7, None, "zh"),
        ("http://www.dw.com/de/x/a-8?maca=zh-rss-chinese", 8, "article", "de"),
        ("https://www.dw.com/zh/x/a-9#top", 9, "article", "zh"),
    ],
)
def test_url_parts(url: str, article_id: int, content_type: str, language: str) -> None:
    article = parse_title(f"[t]({url})")
    assert (article.url, article.article_id, article.content_type, article.language) == (
        url,
        article_id,
        content_type,
        language,
    )
    assert article.problems == ()


def test_raw_parentheses_in_url_and_trailing_spaces() -> None:
    article = parse_title("[t](https://www.dw.com/zh/a(b)c/a-12)   ")
    assert article.url == "https://www.dw.com/zh/a(b)c/a-12"
    assert article.article_id == 12


@pytest.mark.parametrize("underline", ["---", "=====", "-" * 80, "  ---  "])
def test_underlines(underline: str) -> None:
    assert parse_title("[t](https://www.dw.com/zh/x/a-1)", underline).problems == ()


def test_missing_underline() -> None:
    text = "<!--1722165425000-->\n[t](https://www.dw.com/zh/x/a-1)\n<div><i><br>2024-07-28T11:07:48Z</i></div><p>x</p>"
    article = dwparse.parse(text)
    assert [(p.code, p.line, p.column) for p in article.problems] == [("underline-missing", 3, 1)]
    assert article.text == "x"


@pytest.mark.parametrize(
    ("line", "code", "title"),
    [
        ("[t](https://www.dw.com/zh/x/a-1", "title-malformed", "t"),
        ("[只有标题", "title-malformed", "只有标题"),
        ("[t](https://example.com/)", "url-unrecognized", "t"),
    ],
)
def test_bad_title_lines(line: str, code: str, title: str) -> None:
    article = parse_title(line)
    assert [p.code for p in article.problems] == [code]
    assert article.title == title


def test_link_targets() -> None:
    assert link_target("https://api.dw.com/api/detail/article/68011916") == (68011916, "article")
    assert link_target("https://api.dw.com/api/detail/video/1") == (1, "video")
    assert link_target("https://www.dw.com/zh/x/a-5") == (5, "article")
    assert link_target("https://www.dw.com/zh/x/av-5?maca=1") == (5, "media")
    assert link_target("https://example.com/a-5") == (None, None)
    assert link_target("https://[bad") == (None, None)
    assert link_target(None) == (None, None)
    assert dw_address("https://www.dw.com/zh/x/a-" + "1" * 40) == ("zh", None, None)


@pytest.mark.parametrize(
    ("url", "item_id"),
    [
        ("https://www.dw.com/zh/走线美国人数暴涨%20他们为何急着润?/a-69635934", 69635934),
        ("https://www.dw.com/zh/谁?/a-5?maca=zh-rss", 5),
        ("https://www.dw.com/zh/x/a-1?maca=zh-rss&next=/a-9", 1),
        ("https://www.dw.com/zh/x?q=1", None),
    ],
)
def test_a_raw_question_mark_in_the_slug_keeps_the_id(url: str, item_id: int | None) -> None:
    assert dw_address(url).item_id == item_id
