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
