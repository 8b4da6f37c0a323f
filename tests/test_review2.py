"""Regressions of the second reliability review (#18), one test each."""

from __future__ import annotations

import pytest

import dwparse

HEAD = "<!--1747745800000-->\n[标题](https://www.dw.com/zh/x/a-1)\n---\n\n"
DATE = "<div><i><br>2025-05-20T12:56:04.930Z</i></div>"


@pytest.mark.parametrize(
    "body",
    [
        '<p><a href="https://www.dw.com/zh/x/a-1?maca=">TITLE</a></p><p>LAST</p><p><em>© 2024年德国之声</em></p>',
        "<p><a href='https://www.dw.com/zh/x/a-1?maca='>TITLE</a></p><p>LAST</p><p><em>© 2024年德国之声</em></p>",
        '<p><a href="x=">TITLE</a><a href="y==">B</a></p><p>LAST</p><p><em>© 2024年德国之声</em></p>',
        '<p><a title="a" href="data:x;base64,AA==">TITLE</a></p><p>LAST</p><p><em>© 2024年德国之声</em></p>',
    ],
)
def test_a_value_ending_in_an_equals_sign_loses_nothing(body: str) -> None:
    article = dwparse.parse(HEAD + DATE + body)
    assert article.problems == ()
    assert "TITLE" in article.text and "LAST" in article.text and article.copyright == "© 2024年德国之声"
    assert article.links and article.links[0].text == "TITLE"


def test_a_quote_never_closed_is_still_reported() -> None:
    article = dwparse.parse(HEAD + DATE + '<p><a href="x>A</a></p><p>LAST</p>')
    assert [problem.code for problem in article.problems] == ["html-malformed"]
    assert "LAST" in article.text


def _seed_like() -> dict[str, object]:
    article = dwparse.parse(HEAD + "<div><i>德正<br>2025-05-20T12:56:04.930Z</i></div><p>正文</p><h3>小标题</h3>")
    return article.to_dict()


@pytest.mark.parametrize(
    ("change", "named"),
    [
        ({"published_at": "0001-01-01T00:00:00+01:00"}, "OverflowError"),
        ({"archived_at": "9999-12-31T23:59:59-01:00"}, "OverflowError"),
        ({"content_type": "bogus"}, "Article.content_type"),
        ({"authors": [""]}, "Article.authors"),
        ({"authors": ["德正", "德正"]}, "Article.authors"),
        ({"problems": [{"code": "Bad Code", "message": "", "line": 1, "column": 1}]}, "Problem.code"),
        ({"problems": [{"code": "x", "message": "", "line": 0, "column": 1}]}, "Problem.line"),
    ],
)
def test_from_dict_refuses_what_the_schema_refuses_with_a_value_error(change: dict[str, object], named: str) -> None:
    with pytest.raises(ValueError, match=named):
        dwparse.Article.from_dict({**_seed_like(), **change})


def test_from_dict_refuses_a_heading_level_out_of_range() -> None:
    data = _seed_like()
    data["blocks"][1]["level"] = 99  # type: ignore[index]
    with pytest.raises(ValueError, match="Heading.level"):
        dwparse.Article.from_dict(data)
