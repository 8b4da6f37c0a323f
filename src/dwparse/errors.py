"""Problem codes and the exception raised in strict mode."""

from __future__ import annotations

from dwparse.model import Problem

__all__ = ["CODES", "ParseError"]

#: Every problem code dwparse reports, with what it means. Codes are stable:
#: a code is never renamed or reused for something else.
CODES: dict[str, str] = {
    "empty-input": "the input holds nothing but whitespace",
    "invalid-utf8": "bytes that are not UTF-8 were replaced by U+FFFD",
    "legacy-encoding": "the bytes are not UTF-8 but GB18030 (GBK) or Big5, and were decoded as such",
    "control-character": "control characters were removed",
    "invalid-character": "lone surrogates or non-characters were replaced by U+FFFD",
    "not-archive-format": "neither a header comment nor a link title: not an archive file",
    "header-missing": "the file does not start with the <!--EPOCH--> header comment",
    "header-invalid": "the header comment does not hold an integer",
    "header-out-of-range": "the header's epoch is negative or too large for a date",
    "title-missing": "no [TITLE](URL) line after the header",
    "title-malformed": "the title line starts like a link but is not a complete one",
    "url-unrecognized": "the title's URL has no {kind}-{id} last path segment",
    "underline-missing": "no line of dashes or equals signs under the title",
    "body-missing": "nothing after the title",
    "body-truncated": "the body ends inside a tag or an open element",
    "html-malformed": "the body's HTML is broken (as reported by lxml's parser)",
    "date-missing": "the body does not start with the <div><i>TIME</i></div> time",
    "date-invalid": "the publication time is not an ISO 8601 time",
}


class ParseError(ValueError):
    """Raised by ``parse(..., strict=True)`` for the first problem in the input.

    ``code``, ``line`` and ``column`` are those of the :class:`Problem`;
    ``problem`` is the problem itself.
    """

    __module__ = "dwparse"

    def __init__(self, problem: Problem) -> None:
        super().__init__(f"{problem.message} (line {problem.line}, column {problem.column})")
        self.problem = problem
        self.code = problem.code
        self.line = problem.line
        self.column = problem.column

    def __reduce__(self) -> tuple[type[ParseError], tuple[Problem]]:
        return (type(self), (self.problem,))
