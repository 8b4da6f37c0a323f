"""The input text: decoding, cleaning, and positions for problems.

:class:`Source` holds the decoded input (``original``, which line and column
numbers refer to) and the cleaned text that the parser reads (``text``:
control characters removed, lone surrogates and non-characters replaced). It
also collects the problems found along the way; their line and column are
computed only when a problem is reported.
"""

from __future__ import annotations

import re
from bisect import bisect_right
from typing import Optional, Union

from dwparse.format import CONTROLS
from dwparse.model import Problem

__all__ = ["Source", "line_bounds", "quote"]

# Characters the parser never reads: C0 controls but tab, LF and CR; DEL and C1
# controls (removed); lone surrogates and the non-characters U+FFFE, U+FFFF
# (replaced by U+FFFD). Whether a text holds any: _read_latin1.
_REPLACED = re.compile("[\ud800-\udfff\ufffe\uffff]")
_REMOVED_RUN = re.compile(f"[{CONTROLS}\x0c]+")
_BOM = "\ufeff"
# UTF-8 errors in at least one of this many non-ASCII bytes, and at least
# this many errors: a legacy encoding.
_LEGACY_SHARE = 4
_LEGACY_EVIDENCE = 8
# Characters common in Chinese news, in both scripts: which legacy reading is right.
_COMMON_HANZI = "的一是在不了有和人中大为上国以说时要就出会也对年这們们這個个德之聲声新聞闻"
# A carriage return not followed by a line feed: a line end of its own.
_LONE_CR = re.compile("\r(?!\n)")
_QUOTE_LIMIT = 40


def quote(fragment: str) -> str:
    """``fragment`` shortened and quoted for a problem message."""
    if len(fragment) > _QUOTE_LIMIT:
        fragment = fragment[: _QUOTE_LIMIT - 1] + "…"
    return repr(fragment)


class Source:
    """The text being parsed and the problems found in it."""

    __slots__ = ("original", "text", "utf8", "latin1", "blank", "problems", "_kept_before", "_removed_through")

    def __init__(
        self,
        original: str,
        text: str,
        removed: list[tuple[int, int]],
        utf8: Optional[bytes] = None,
        latin1: Optional[bytes] = None,
    ) -> None:
        self.original = original
        self.text = text
        #: ``text`` in UTF-8 when the input gave it at no cost (for lxml), else ``None``.
        self.utf8 = utf8
        #: The characters of ``text`` that Latin-1 holds, in Latin-1, when the
        #: check for controls made them, else ``None`` (what the body holds
        #: besides Chinese text: spaces, references; see TextRules.for_body).
        self.latin1 = latin1
        #: Nothing but whitespace (checked once, without copying the text).
        self.blank = not text or text.isspace()
        self.problems: list[Problem] = []
        # For each run of removed characters (start and end in ``original``,
        # ascending): how many characters were kept before it, and how many
        # were removed up to its end.
        self._kept_before: list[int] = []
        self._removed_through: list[int] = []
        total = 0
        for start, end in removed:
            self._kept_before.append(start - total)
            total += end - start
            self._removed_through.append(total)

    @classmethod
    def from_input(cls, data: Union[str, bytes]) -> Source:
        """Decode and clean ``data``, reporting what had to change."""
        pending: list[tuple[str, str, int]] = []
        utf8: Optional[bytes] = None
        if isinstance(data, bytes):
            original, utf8 = _decode(data, pending)
        elif isinstance(data, str):
            original = data[1:] if data.startswith(_BOM) else data
            try:  # (a lone surrogate cannot be encoded: it is replaced below)
                utf8 = original.encode("utf-8")
            except UnicodeEncodeError:
                pass
        else:
            raise TypeError(f"parse() takes str or bytes, not {type(data).__name__}")
        if "\r" in original:  # CR-only line ends count as line ends (same length: offsets stay)
            original, utf8 = _LONE_CR.sub("\n", original), None
        latin1 = _read_latin1(original) if utf8 is not None or isinstance(data, bytes) else None
        if latin1 is not None:
            source = cls(original, original, [], utf8, latin1)
        else:
            source = _clean(original, pending)
        for code, message, offset in pending:
            source.report_original(code, message, offset)
        return source

    # -- positions -------------------------------------------------------------

    def original_offset(self, offset: int) -> int:
        """The offset in ``original`` of the character at ``offset`` in ``text``."""
        # Every run that starts where no more than ``offset`` characters were
        # kept lies before that character.
        runs = bisect_right(self._kept_before, offset)
        return offset + self._removed_through[runs - 1] if runs else offset

    def position(self, original_offset: int) -> tuple[int, int]:
        """1-based (line, column) of an offset in ``original``."""
        original = self.original
        original_offset = max(0, min(original_offset, len(original)))
        line = original.count("\n", 0, original_offset) + 1
        column = original_offset - (original.rfind("\n", 0, original_offset) + 1) + 1
        return line, column

    # -- problems --------------------------------------------------------------

    def report(self, code: str, message: str, offset: int) -> None:
        """Record a problem at ``offset`` in the cleaned ``text``."""
        self.report_original(code, message, self.original_offset(offset))

    def report_original(self, code: str, message: str, original_offset: int) -> None:
        """Record a problem at ``original_offset`` in ``original``."""
        line, column = self.position(original_offset)
        self.problems.append(Problem(code, message, line, column))

    def sorted_problems(self) -> tuple[Problem, ...]:
        """The problems in input order."""
        return tuple(sorted(self.problems, key=_problem_key))


def _read_latin1(text: str) -> Optional[bytes]:
    """The characters of ``text`` that Latin-1 holds, in Latin-1, if
    ``text`` (which holds no lone surrogate) holds none of the other
    characters the parser never reads (:data:`_REPLACED`,
    :data:`_REMOVED_RUN`), else ``None``. Told by a few passes in C (a regex
    reads each character in turn, several times slower): the controls are
    the characters Latin-1 holds but does not show; then U+FFFE and U+FFFF."""
    if "\ufffe" in text or "\uffff" in text:
        return None
    latin1 = text.encode("latin-1", "ignore")
    return None if latin1.translate(None, _SHOWN_LATIN1) else latin1


# The Latin-1 characters the parser reads (tab, line feed and carriage return,
# printable ASCII, U+00A0-U+00FF): every other one is a control.
_SHOWN_LATIN1 = b"\t\n\r" + bytes(range(0x20, 0x7F)) + bytes(range(0xA0, 0x100))


def line_bounds(text: str, line: int) -> tuple[int, int]:
    """Start and end offsets of the 1-based ``line`` of ``text`` (the last line if past it)."""
    start = 0
    for _ in range(max(line, 1) - 1):
        found = text.find("\n", start)
        if found < 0:
            break
        start = found + 1
    end = text.find("\n", start)
    return start, len(text) if end < 0 else end


def _problem_key(problem: Problem) -> tuple[int, int]:
    return problem.line, problem.column


def _decode(data: bytes, pending: list[tuple[str, str, int]]) -> tuple[str, Optional[bytes]]:
    """The text of ``data`` (BOM left out), and its UTF-8 bytes when they
    are ``data``'s (else ``None``)."""
    if data.startswith(b"\xef\xbb\xbf"):
        data = data[3:]
    try:
        text = data.decode("utf-8")
    except UnicodeDecodeError as error:
        return _decode_by_part(data, error, pending), None
    return text, data  # (one BOM is left out, as of a str: a second is text)


def _decode_by_part(data: bytes, error: UnicodeDecodeError, pending: list[tuple[str, str, int]]) -> str:
    """``data``, which is not all UTF-8, decoded part by part: a line, or what
    stands between two ``<`` (no byte of a UTF-8, GB18030 or Big5 character is
    ``<`` or a line feed). The parts that are UTF-8 stay UTF-8; the others are
    read in a legacy encoding when, together, they give the evidence for one,
    else as UTF-8 with U+FFFD for the bad bytes."""
    parts = _PARTS.split(data)
    texts: list[Optional[str]] = []
    for part in parts:
        try:
            texts.append(part.decode("utf-8"))
        except UnicodeDecodeError:
            texts.append(None)
    bad = b"".join(part for part, text in zip(parts, texts) if text is None)
    legacy = _legacy_decode(bad, bad.decode("utf-8", "replace"))
    codec = _CODECS[legacy[1]] if legacy is not None else None
    first = texts.index(None)
    offset = sum(len(text or "") for text in texts[:first])
    mixed = any(text is not None and not part.isascii() for part, text in zip(parts, texts))  # UTF-8 text beside
    for index, part in enumerate(parts):
        if texts[index] is None:
            texts[index] = part.decode(codec, "replace") if codec else part.decode("utf-8", "replace")
    if legacy is not None:
        where = "some bytes are" if mixed else "the bytes are"
        pending.append(("legacy-encoding", f"{where} not UTF-8 but {legacy[1]}; decoded as {legacy[1]}", offset))
    else:
        offset = len(data[: error.start].decode("utf-8"))
        pending.append(("invalid-utf8", f"bytes {data[error.start : error.end]!r} are not UTF-8; replaced by U+FFFD", offset))
    return "".join(text or "" for text in texts)


# What decoding by part splits at: before each "<", after each line feed.
_PARTS = re.compile(rb"(?=<)|(?<=\n)")
_CODECS = {"GB18030": "gb18030", "Big5": "big5"}


def _legacy_decode(data: bytes, as_utf8: str) -> Optional[tuple[str, str]]:
    """``data`` decoded as GB18030 or Big5, with the name, when UTF-8 reads
    much of it as errors and one of those reads all of it; else ``None``.

    A UTF-8 file with a stray byte or two stays UTF-8. Where both read the
    bytes, the one giving more common Chinese characters wins.
    """
    non_ascii = len(data) - len(data.decode("ascii", "ignore"))
    errors = as_utf8.rstrip("\ufffd").count("\ufffd")  # a character cut off at the end is no evidence
    if errors < _LEGACY_EVIDENCE or errors * _LEGACY_SHARE < non_ascii:
        return None
    readings = []
    for encoding in ("gb18030", "big5"):
        try:
            text = data.decode(encoding)
        except UnicodeDecodeError:
            continue
        readings.append((sum(text.count(char) for char in _COMMON_HANZI), encoding.upper().replace("BIG5", "Big5"), text))
    if not readings:
        return None
    _, name, text = max(readings)
    return text, name


def _clean(original: str, pending: list[tuple[str, str, int]]) -> Source:
    text = original
    replaced = _REPLACED.search(original)
    if replaced is not None:
        text, count = _REPLACED.subn("\ufffd", original)  # one for one: offsets stay
        pending.append(
            (
                "invalid-character",
                f"replaced {count} lone surrogate(s) or non-character(s), the first U+{ord(replaced[0]):04X}",
                replaced.start(),
            )
        )
    runs = [match.span() for match in _REMOVED_RUN.finditer(text)]
    if runs:
        first = runs[0][0]
        count = sum(end - start for start, end in runs)
        pending.append(
            ("control-character", f"removed {count} control character(s), the first U+{ord(original[first]):04X}", first)
        )
        text = _REMOVED_RUN.sub("", text)
    return Source(original, text, runs)
