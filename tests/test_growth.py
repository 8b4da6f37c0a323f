"""Linear cost per construct: grow one construct 4x alone, and the work grows about 4x.

Work is counted, not timed: the Python function calls (and calls into C
functions) that ``parse()`` and ``to_json()`` make, through ``sys.setprofile``.
Quadratic code shows as a ratio near 16.
"""

from __future__ import annotations

import sys
from collections.abc import Callable

import pytest

import dwparse

HEAD = "<!--1722165425000-->\n[t](https://www.dw.com/zh/x/a-1)\n---\n\n<div><i><br>2024-07-28T11:07:48Z</i></div>"


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


CONSTRUCTS: dict[str, Callable[[int], str]] = {
    "credit agencies": lambda n: "<p><em>（" + "、".join(f"社{i}社" for i in range(n)) + "）</em></p>",
    "topics": lambda n: "<p>" + "".join(f'<span data-id="{i}" data-type="AUTO_TOPIC">词{i}</span>，' for i in range(n)) + "</p>",
    "raw paragraphs": lambda n: "".join(f'<p>段{i}<iframe src="https://example.com/{i}"></iframe></p>' for i in range(n)),
    "nested spans": lambda n: "<p>"
    + "".join(f'<span data-id="{i}" data-type="AUTO_TOPIC">词{i}' for i in range(n))
    + "</span>" * n
    + "</p>",
    "problems with positions": lambda n: "".join(f"<p>段{i}\x01</p></b>" for i in range(n)),
    "attributes": lambda n: "<p " + " ".join(f'a{i}="{i}"' for i in range(n * 10)) + ">文字</p>",
    "embeds": lambda n: "".join(f'<div class="embed tweet" data-id="{i}"><p>推文{i}</p></div>' for i in range(n)),
    "nested links": lambda n: "<p>" + "".join(f'<a href="https://e.com/{i}"><b>链接{i}' for i in range(n)) + "</b></a>" * n + "</p>",
}


def _text(construct: str, n: int) -> str:
    if construct == "authors":  # the time line itself grows
        names = "、".join(f"作者{i}" for i in range(n))
        return HEAD.replace("<i><br>", f"<i>{names}<br>") + "<p>正文</p>"
    return HEAD + CONSTRUCTS[construct](n)


@pytest.mark.parametrize("construct", [*CONSTRUCTS, "authors"])
def test_work_grows_linearly(construct: str) -> None:
    small, large = calls(_text(construct, 200)), calls(_text(construct, 800))
    assert large / small < 5.0, f"{construct}: {small} calls for n, {large} for 4n"


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


@pytest.mark.parametrize("construct", ["nested spans", "nested links", "topics", "credit agencies"])
def test_json_stays_within_a_small_constant_of_the_input(construct: str) -> None:
    text = _text(construct, 900)
    assert len(dwparse.parse(text).to_json()) < 8 * len(text)


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
        dwparse.parse(_text(construct, n))
        return _CountingPieces.reads

    small, large = reads(300), reads(1200)
    assert small > 0 and large / small < 5.0, f"{construct}: {small} reads for n, {large} for 4n"
