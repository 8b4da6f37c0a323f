"""The header comment: epoch forms and what is wrong with them."""

from __future__ import annotations

from datetime import datetime, timezone

import pytest

import dwparse
from dwparse.header import epoch_to_datetime

TAIL = "[t](https://www.dw.com/zh/x/a-1)\n---\n\n<div><i><br>2024-07-28T11:07:48Z</i></div><p>x</p>"


def codes(article: dwparse.Article) -> list[str]:
    return [problem.code for problem in article.problems]


@pytest.mark.parametrize(
    "header",
    ["<!--1722165425000-->", "<!-- 1722165425000 -->", "  <!--1722165425000-->  ", "<!--1722165425-->"],
)
def test_epoch_forms(header: str) -> None:
    article = dwparse.parse(f"{header}\n{TAIL}")
    assert article.archived_at == datetime(2024, 7, 28, 11, 17, 5, tzinfo=timezone.utc)
    assert article.problems == ()


def test_milliseconds_are_kept() -> None:
    article = dwparse.parse(f"<!--1722165425123-->\n{TAIL}")
    assert article.archived_at == datetime(2024, 7, 28, 11, 17, 5, 123000, tzinfo=timezone.utc)
    assert article.to_dict()["archived_at"] == "2024-07-28T11:17:05.123000+00:00"


@pytest.mark.parametrize(
    ("header", "code"),
    [
        ("<!--abc-->", "header-invalid"),
        ("<!---->", "header-invalid"),
        ("<!--12 34-->", "header-invalid"),
        ("<!---5-->", "header-out-of-range"),
        ("<!--1234567890123456789012345-->", "header-out-of-range"),
        ("<!--" + "9" * 5000 + "-->", "header-out-of-range"),
    ],
)
def test_bad_headers(header: str, code: str) -> None:
    article = dwparse.parse(f"{header}\n{TAIL}")
    assert article.archived_at is None
    assert codes(article)[0] == code
    assert (article.problems[0].line, article.problems[0].column) == (1, 1)
    assert article.title == "t"


def test_missing_header_reads_the_title_on_line_one() -> None:
    article = dwparse.parse(TAIL)
    assert codes(article) == ["header-missing"]
    assert article.title == "t" and article.article_id == 1


def test_epoch_boundaries() -> None:
    assert epoch_to_datetime(0) == datetime(1970, 1, 1, tzinfo=timezone.utc)
    assert epoch_to_datetime(9_999_999_999, seconds=True) == datetime(2286, 11, 20, 17, 46, 39, tzinfo=timezone.utc)
    assert epoch_to_datetime(10_000_000_000) == datetime(1970, 4, 26, 17, 46, 40, tzinfo=timezone.utc)
    assert epoch_to_datetime(-1) is None
    assert epoch_to_datetime(10**30) is None


def test_unclosed_comment_is_reported_but_read() -> None:
    article = dwparse.parse(f"<!--1722165425000\n{TAIL}")
    assert [(p.code, p.line, p.column) for p in article.problems] == [("header-invalid", 1, 1)]
    assert article.archived_at == datetime(2024, 7, 28, 11, 17, 5, tzinfo=timezone.utc)


@pytest.mark.parametrize(
    ("written", "expected"),
    [
        ("999999999", datetime(1970, 1, 12, 13, 46, 39, 999000, tzinfo=timezone.utc)),  # 9 digits: ms
        ("1722165425", datetime(2024, 7, 28, 11, 17, 5, tzinfo=timezone.utc)),  # 10 digits: s
        ("01722165425", datetime(1970, 1, 20, 22, 22, 45, 425000, tzinfo=timezone.utc)),  # 11: ms
        ("1", datetime(1970, 1, 1, 0, 0, 0, 1000, tzinfo=timezone.utc)),
    ],
)
def test_only_ten_digits_are_seconds(written: str, expected: datetime) -> None:
    article = dwparse.parse(f"<!--{written}-->\n{TAIL}")
    assert article.archived_at == expected
    assert dwparse.parse(article.to_markdown()).archived_at == expected
