"""Building small archive files for unit tests."""

from __future__ import annotations

import pytest

import dwparse

HEAD = "<!--1722165425000-->\n[标题](https://www.dw.com/zh/x/a-1)\n------\n\n"
DATE = "<div><i><br>2024-07-28T11:07:48.781Z</i></div>"


def article(body: str, *, date: bool = True) -> dwparse.Article:
    """Parse a file with a clean header and title around ``body``."""
    return dwparse.parse(HEAD + (DATE if date else "") + body)


def codes(parsed: dwparse.Article) -> list[str]:
    return [problem.code for problem in parsed.problems]


def run_cli(capsys: pytest.CaptureFixture[str], *argv: str) -> tuple[int, str, str]:
    """The command line's exit status (also of a usage error), standard output and standard error."""
    from dwparse.cli import main

    try:
        status = main(list(argv))
    except SystemExit as exit:  # a usage error
        status = int(exit.code or 0)
    captured = capsys.readouterr()
    return status, captured.out, captured.err
