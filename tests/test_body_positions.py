"""Problems found while reading the body point at the element that caused them."""

from __future__ import annotations

import pytest

import dwparse

HEAD = "<!--1747745800000-->\n[标题](https://www.dw.com/zh/x/a-1)\n---\n\n"


def at(text: str, problem: dwparse.Problem) -> str:
    """What stands at the problem's line and column of ``text``."""
    line = text.split("\n")[problem.line - 1]
    return line[problem.column - 1 :]


@pytest.mark.parametrize(
    ("body", "code", "starts"),
    [
        ("<p>正文</p>", "date-missing", "<p>正文"),
        ("  \n\t<p>正文</p>", "date-missing", "<p>正文"),
        ("正文<p>x</p>", "date-missing", "正文"),
        ("<p>a</p>\n<div><i>x</i></div>", "date-missing", "<p>a"),
        ("<p>一</p><div><i>作者<br></i></div>", "date-missing", "<p>一"),
        ("<div class='x'>\n<i>作者<br></i></div><p>x</p>", "date-missing", "<div class='x'>"),
        ("<div><i>作者<br>2025-13-45T00:00:00Z</i></div><p>x</p>", "date-invalid", "2025-13-45T00:00:00Z"),
        ("<div>\n  <i>不是时间</i></div><p>x</p>", "date-invalid", "不是时间"),
        ("<!-- <i> --><DIV><I>2025&#45;99</I></DIV><p>x</p>", "date-invalid", "<I>2025&#45;99"),
    ],
)
def test_time_line_problems_point_at_their_element(body: str, code: str, starts: str) -> None:
    text = HEAD + body
    problems = [problem for problem in dwparse.parse(text).problems if problem.code == code]
    assert len(problems) == 1
    assert at(text, problems[0]).startswith(starts)
