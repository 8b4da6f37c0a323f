"""The one-parse path for bodies without damage (``html._parse_undamaged``)
gives what the checked path gives, on every input.

Each input is parsed twice: as the library does, and with the one-parse
path turned off, so that every body goes through every check for damage.
The articles (blocks, problems and all) must be equal. The inputs: every
fixture, example and construct family, each cut at many offsets and each
given damage at random places.
"""

from __future__ import annotations

from pathlib import Path
from typing import Any

import pytest
from hypothesis import given
from hypothesis import strategies as st

import dwparse
from conftest import FIXTURES, ROOT
from dwparse.body import html as body_html
from families import FAMILIES
from helpers import HEAD as HEAD_LINES
from helpers import article, codes

# Small, clean or nearly clean files to damage.
BASES: list[str] = [
    *(path.read_bytes().decode("utf-8", "replace") for path in sorted(FIXTURES.glob("*.md"))),
    *(path.read_text(encoding="utf-8") for path in sorted((ROOT / "examples").glob("*.md"))),
    *(family(3) for family in FAMILIES.values()),
]

# Damage of each kind the checks look for, and its look-alikes.
DAMAGE = [
    "<", "<p", "<p>", "</", "<!", "<!--", "-->", "<!-- x -->", "<?", "<!x ", '"', "'", '<a href="', "<a href='x",
    "<script>", "</script>", "<style>", "<svg>", "</svg>", "<noscript>", "<template>", "</template>",
    "<textarea>", "<title>", "<xmp>", "<plaintext>", "<iframe>", "<select>", "<table><tr><td>", "<ul><li>",
    "<div>", "</div>", "<b>", "</p>", "</small>", "</body>", "</html>", "<body>", "<html>", "<head>", "</head>",
    "<svg><head>", "<math><![CDATA[x]]>", "<![CDATA[", "]]>", "&amp", "&#", "&nbsp", "<br>", "<img src=x>",
    "<wbr>", "<p title=\"a>b\">", "\n", "  ", "\u3000", "&#1;", "&#5", "&#xFFFE;", "<script/>",
]  # fmt: skip


def both_ways(text: str | bytes, monkeypatch: pytest.MonkeyPatch) -> tuple[dict[str, Any], dict[str, Any]]:
    """The article of ``text`` as parsed, and as parsed with every check."""
    fast = dwparse.parse(text).to_dict()
    with monkeypatch.context() as patch:
        patch.setattr(body_html, "_parse_undamaged", lambda *args: None)
        checked = dwparse.parse(text).to_dict()
    return dict(fast), dict(checked)


@pytest.mark.parametrize("index", range(len(BASES)))
def test_cut_anywhere(index: int, monkeypatch: pytest.MonkeyPatch) -> None:
    """A file cut at any of 40 offsets of its body reads alike both ways."""
    text = BASES[index]
    body_start = text.find("\n\n") + 2
    step = max(1, (len(text) - body_start) // 40)
    for end in range(body_start, len(text) + 1, step):
        fast, checked = both_ways(text[:end], monkeypatch)
        assert fast == checked, f"cut at {end}: {text[max(body_start, end - 60) : end]!r}"


def boundaries(text: str, start: int) -> list[int]:
    """The offsets from ``start`` on that are not inside a tag (nor a
    comment): where damage can go without making its pieces part of a tag
    name (``<no<script>`` is one element to lxml, whose name holds a ``<``;
    the checks read a ``<script>`` there)."""
    offsets = []
    inside = False
    for offset in range(start, len(text) + 1):
        if not inside:
            offsets.append(offset)
        if offset < len(text):
            inside = text[offset] == "<" or (inside and text[offset] != ">")
    return offsets


@given(
    base=st.sampled_from(BASES),
    damage=st.lists(st.tuples(st.floats(0, 1), st.sampled_from(DAMAGE)), min_size=1, max_size=3),
    cut=st.none() | st.floats(0, 1),
)
def test_damage_anywhere(base: str, damage: list[tuple[float, str]], cut: float | None) -> None:
    """A file with damage put anywhere between its body's tags reads alike both ways."""
    body_start = min(base.find("\n\n") + 2, len(base))
    places = boundaries(base, body_start)
    # One piece a place. A piece that leaves a tag open (``<p``) makes what
    # follows it part of that tag: it is the last piece, and the only such.
    at_place: dict[int, str] = {}
    for where, piece in damage:
        at = places[int(where * (len(places) - 1))]
        if piece.rfind("<") > piece.rfind(">"):
            at_place = {place: kept for place, kept in at_place.items() if place < at}
            at_place[at] = piece
            break
        at_place[at] = piece
    chosen = sorted(at_place.items(), reverse=True)
    text = base
    for at, piece in chosen:  # from the end, so that the pieces stay apart
        text = text[:at] + piece + text[at:]
    if cut is not None:
        text = text[: body_start + int(cut * (len(text) - body_start))]
    with pytest.MonkeyPatch.context() as monkeypatch:
        fast, checked = both_ways(text, monkeypatch)
    assert fast == checked


def test_clean_bodies_take_one_parse(monkeypatch: pytest.MonkeyPatch) -> None:
    """The examples are clean: each is parsed by the one-parse path, and
    their articles are those of the checked path."""
    taken = []
    real = body_html._parse_undamaged

    def counted(*args: Any) -> Any:
        root = real(*args)
        taken.append(root is not None)
        return root

    monkeypatch.setattr(body_html, "_parse_undamaged", counted)
    paths = sorted((ROOT / "examples").glob("*.md"))
    for path in paths:
        assert not dwparse.parse_file(path).problems
    assert taken == [True] * len(paths)


@pytest.mark.parametrize(
    "tail",
    ["<p>a</p><!-- cut", "<p>a</p><script>x", '<p>a</p><a href="x>b', "<p>a</p></html><p>b</p>", "<p>a</p><div>b"],
)
def test_damage_at_the_end_is_not_taken_for_clean(tail: str) -> None:
    """Damage that only a parse can see sends the body to the checks."""
    html = "<p>正文</p>" + tail
    source = dwparse.source.Source.from_input(html)
    assert body_html._parse_undamaged(source, html, 0) is None


# What comparing the two paths found wrong in the checks, each fixed:
CHECKED_PATH_FIXES = {
    # "</" then a character other than a letter opens a bogus comment, up to its ">".
    "tag in a bogus end tag": ("<p>前</<svg>后</p><p>再</p>", "前后\n\n再", []),
    # The text of an <iframe> is raw text: a <script> there is text, not an element.
    "script in an iframe": ('<p>段<iframe src="https://e.com/"><script></iframe></p><p>再</p>', None, []),
    # A "<p" in a script's text opens no paragraph.
    "paragraph in a script": ('<p>段</p><script>var a = "<p>";</script>', "段", []),
    # </div> closes the paragraph inside it: the body was not cut there.
    "paragraph closed by its parent": ("<div><p>段</div>", "段", []),
}


@pytest.mark.parametrize("html, text, problems", CHECKED_PATH_FIXES.values(), ids=CHECKED_PATH_FIXES)
@pytest.mark.parametrize("checked", [False, True], ids=["as parsed", "every check"])
def test_checked_path_fixes(html: str, text: str | None, problems: list[str], checked: bool, monkeypatch: pytest.MonkeyPatch) -> None:
    if checked:
        monkeypatch.setattr(body_html, "_parse_undamaged", lambda *args: None)
    parsed = article(html)
    assert codes(parsed) == problems
    if text is not None:
        assert parsed.text == text


def test_an_error_placed_by_its_column_is_placed_alike(monkeypatch: pytest.MonkeyPatch) -> None:
    """An error lxml places only by its column (here a quote holds the ``>``
    that the search for the end tag takes for the tag's end) is at the same
    place whether the text or its UTF-8 is parsed, by either path: libxml2
    counts characters."""
    text = HEAD_LINES + '<div><i>德正<br>20<p title="a>b">25-05-22T20:03:17.644Z</i></div><p>正文</p>'
    places = {data_type: dwparse.parse(data).problems for data_type, data in (("str", text), ("bytes", text.encode()))}
    monkeypatch.setattr(body_html, "_parse_undamaged", lambda *args: None)
    places["checked"] = dwparse.parse(text).problems
    assert places["str"] == places["bytes"] == places["checked"]
    assert "html-malformed" in codes(dwparse.parse(text))


@pytest.mark.parametrize(
    "text",
    [
        "&#1;",
        "<p>a</p>&#1;",
        "<p>a</p>&#5",
        "<p>a</p>&#xFFFE;",
        "<!--1722165425000-->\n[t](https://www.dw.com/zh/t/a-1)\n------\n\n<p>a</p>&#5;",
        "<script/>x",
        "<p>a</p><script/><p>b</p>",
    ],
)
def test_found_by_fuzzing(text: str, monkeypatch: pytest.MonkeyPatch) -> None:
    """A control character from a reference at the very end (lxml keeps it,
    but refuses it given back: the end mark could not be taken off, and
    ``parse`` raised); a ``<script/>`` that lxml puts into the head. Both
    read as with every check, as text and as bytes."""
    for data in (text, text.encode("utf-8")):
        fast, checked = both_ways(data, monkeypatch)
        assert fast == checked
