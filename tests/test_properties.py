"""Property-based tests: never raise, round trip, keep surviving text.

Profiles (``tests/conftest.py``): ``ci`` by default; set
``DWPARSE_HYPOTHESIS_PROFILE=thorough`` for 20 times the examples.
"""

from __future__ import annotations

from pathlib import Path

from hypothesis import example, given
from hypothesis import strategies as st

import dwparse
from conftest import FIXTURES, SEED, readable
from strategies import articles, large_bodies, mutations
from visible import lost_characters, lost_words

_HTMLISH = st.text(alphabet="<>/!-pdivabhs3ulimgr =\"'&;#x0\n[]()（）相关图集：©\x00\r")
_REAL_FILES = readable([SEED] + sorted(path for path in FIXTURES.glob("*.md") if path.name != "README.md"))


def _exercise(text: str | bytes) -> dwparse.Article:
    article = dwparse.parse(text)
    article.to_json()
    dwparse.parse(article.to_markdown())
    return article


@given(st.text())
def test_any_text_gives_an_article(text: str) -> None:
    assert isinstance(_exercise(text), dwparse.Article)


@given(st.binary())
def test_any_bytes_give_an_article(data: bytes) -> None:
    assert isinstance(_exercise(data), dwparse.Article)


@given(_HTMLISH)
@example("<!--1-->\n[](")
@example("<p><b></b></p><h3>相关图集：</h3><div><img></div>")
def test_html_like_text_gives_an_article(text: str) -> None:
    assert isinstance(_exercise(text), dwparse.Article)


@given(st.one_of(st.text(), st.binary(), _HTMLISH))
def test_strict_raises_only_parse_error(text: str | bytes) -> None:
    lenient = dwparse.parse(text)
    try:
        strict = dwparse.parse(text, strict=True)
    except dwparse.ParseError as error:
        assert lenient.problems and error.problem == lenient.problems[0]
    else:
        assert strict == lenient and not lenient.problems


@given(articles())
def test_random_articles_round_trip(article: dwparse.Article) -> None:
    again = dwparse.parse(article.to_markdown())
    assert again.problems == ()
    assert again == article


@given(st.sampled_from(_REAL_FILES), st.data())
def test_mutated_files_keep_surviving_text(path: Path, data: st.DataObject) -> None:
    mutated = data.draw(mutations(path.read_bytes()))
    article = _exercise(mutated)
    text, data = mutated.decode("utf-8", "replace"), article.to_dict()
    # Words catch a word missing anywhere; characters catch text that markup
    # splits differently for the two readings. Either one failing fails.
    assert lost_words(text, data) == []
    assert lost_characters(text, data) == {}


@given(large_bodies())
def test_large_inputs_keep_the_text_after_them(case: tuple[str, str]) -> None:
    text, marker = case
    article = _exercise(text)
    assert marker in article.text
    assert len(article.to_json()) < 10 * len(text) + 10_000
