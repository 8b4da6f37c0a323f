"""Linear cost per construct: grow one construct 4x alone, and the work grows about 4x.

Every family of :mod:`families` (one construct of the format, or one shape of
broken input, grown with n) is parsed at n and 4n. Work is counted, not timed:
the Python function calls (and calls into C functions) that ``parse()`` and
``to_json()`` make, through ``sys.setprofile``. Quadratic code shows as a
ratio near 16. Work done inside one C call (a regular expression, a search
of a string) is not counted: ``benchmarks/growth.py`` times the same
families at n, 4n and 16n and prints the ratios.
"""

from __future__ import annotations

import sys

import pytest

import dwparse
from families import FAMILIES

N = 200  # and 4 * N: the families of tests/families.py stay modest at this size
#: JSON bytes per input character, at most: a paragraph's JSON object is about
#: 100 bytes, so the family of the shortest paragraphs (``<p>段1``) comes closest.
JSON_PER_CHARACTER = 20


def calls(text: str) -> int:
    """How many calls parsing ``text`` and writing its JSON makes."""
    count = 0

    def profile(frame: object, event: str, argument: object) -> None:
        nonlocal count
        if event in ("call", "c_call"):
            count += 1

    sys.setprofile(profile)
    try:
        dwparse.parse(text).to_json()
    finally:
        sys.setprofile(None)
    return count


#: Families whose work grows faster than 5x per 4x at N, and why.
KNOWN: dict[str, str] = {
    "nested one-character topics": "each nested topic's name is read piece by piece up to 2 * MAX_TOPIC_NAME "
    "characters (TextBuilder._name): one-character pieces make that 400 steps a topic, linear only past n = 400",
}


def _marked(family: str) -> object:
    """``family`` for ``parametrize``: a known one is expected to fail (strict: its fix shows)."""
    return pytest.param(family, marks=pytest.mark.xfail(reason=KNOWN[family], strict=True)) if family in KNOWN else family


#: Families measured at a smaller n: at 4 * N their nesting passes MAX_DEPTH, where
#: the flattening (linear, but a second parse) starts; benchmarks/growth.py
#: shows them linear past it (16n/4n).
SMALLER_N = {"nested formatting": 50, "void tags": 50}  # libxml2 nests <wbr>, <source>, <track>


@pytest.mark.parametrize("family", [_marked(family) for family in FAMILIES])
def test_work_grows_linearly(family: str) -> None:
    n = SMALLER_N.get(family, N)
    small, large = calls(FAMILIES[family](n)), calls(FAMILIES[family](4 * n))
    assert large / small < 5.0, f"{family}: {small} calls for n, {large} for 4n"


def test_the_counter_sees_quadratic_work() -> None:
    def quadratic(n: int) -> None:
        for i in range(n):
            for j in range(n):
                abs(j)

    def count(n: int) -> int:
        number = 0

        def profile(frame: object, event: str, argument: object) -> None:
            nonlocal number
            number += event == "c_call"

        sys.setprofile(profile)
        quadratic(n)
        sys.setprofile(None)
        return number

    assert count(80) / count(20) > 12


@pytest.mark.parametrize("family", FAMILIES)
def test_json_stays_within_a_small_constant_of_the_input(family: str) -> None:
    text = FAMILIES[family](4 * N)
    size = len(dwparse.parse(text).to_json())
    assert size < JSON_PER_CHARACTER * len(text), f"{family}: {size} bytes of JSON for {len(text)} characters"


class _CountingPieces(list):  # type: ignore[type-arg]
    """A TextBuilder's pieces that count how often they are read, also by C
    code walking them (``itertools.islice``), which no profiler sees."""

    reads = 0

    def __getitem__(self, index: object) -> object:
        _CountingPieces.reads += 1
        return super().__getitem__(index)  # type: ignore[index]

    def __iter__(self):  # type: ignore[no-untyped-def]
        for item in super().__iter__():
            _CountingPieces.reads += 1
            yield item


@pytest.mark.parametrize("construct", ["topics", "nested spans", "nested links"])
def test_links_and_topics_read_their_text_in_linear_work(construct: str, monkeypatch: pytest.MonkeyPatch) -> None:
    from dwparse.body import text

    original = text.TextBuilder.__init__

    def counting(self: text.TextBuilder, *args: object, **kwargs: object) -> None:
        original(self, *args, **kwargs)  # type: ignore[arg-type]
        self.pieces = _CountingPieces(self.pieces)

    monkeypatch.setattr(text.TextBuilder, "__init__", counting)

    def reads(n: int) -> int:
        _CountingPieces.reads = 0
        dwparse.parse(FAMILIES[construct](n))
        return _CountingPieces.reads

    small, large = reads(300), reads(1200)
    assert small > 0 and large / small < 5.0, f"{construct}: {small} reads for n, {large} for 4n"
