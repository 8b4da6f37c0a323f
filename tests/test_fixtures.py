"""Data-driven tests: every fixture file against its facts, round trip, nothing lost.

Fixtures live in ``tests/fixtures``: ``NAME.md`` (an archive file) and
``NAME.expect.json`` (facts, see ``tests/fixtures/README.md``). The real seed
from ``../shared/corpus`` joins them for the round-trip and nothing-lost tests
(its cases skip, naming the file, when it is missing).
Clean files round-trip whole; broken ones write back what was read of them.
"""

from __future__ import annotations

import json
from pathlib import Path

import pytest

import dwparse
from conftest import FIXTURES, SEED, readable, seed_marked
from expectations import check
from visible import lost_words

FIXTURE_FILES = sorted(path for path in FIXTURES.glob("*.md") if path.name != "README.md")
ALL_FILES = FIXTURE_FILES + [SEED]


def _ids(paths: list[Path]) -> list[str]:
    return [path.stem for path in paths]


def _read(path: Path) -> str:
    return path.read_bytes().decode("utf-8", "replace")


def test_there_are_fixtures() -> None:
    assert len(FIXTURE_FILES) >= 40


@pytest.mark.parametrize("path", FIXTURE_FILES, ids=_ids(FIXTURE_FILES))
def test_facts(path: Path) -> None:
    facts_path = path.with_suffix(".expect.json")
    assert facts_path.exists(), f"{path.name} has no expect file"
    facts = json.loads(facts_path.read_text(encoding="utf-8"))
    check(dwparse.parse(path.read_bytes()).to_dict(), facts)


@pytest.mark.parametrize("path", seed_marked(ALL_FILES), ids=_ids(ALL_FILES))
def test_nothing_is_lost(path: Path) -> None:
    text = _read(path)
    article = dwparse.parse(path.read_bytes())
    assert lost_words(text, article.to_dict()) == []


def _is_clean(path: Path) -> bool:
    return not dwparse.parse(path.read_bytes()).problems


# Split by reading them, so without the seed it is in neither list (the
# tests over ALL_FILES show it skipped).
CLEAN_FILES = [path for path in readable(ALL_FILES) if _is_clean(path)]
BROKEN_FILES = [path for path in readable(ALL_FILES) if path not in CLEAN_FILES]


@pytest.mark.parametrize("path", CLEAN_FILES, ids=_ids(CLEAN_FILES))
def test_round_trip(path: Path) -> None:
    article = dwparse.parse(path.read_bytes())
    again = dwparse.parse(article.to_markdown())
    assert again.problems == ()
    assert again == article


@pytest.mark.parametrize("path", BROKEN_FILES, ids=_ids(BROKEN_FILES))
def test_what_was_read_of_a_broken_file_is_written_back(path: Path) -> None:
    """A file with problems writes back what was read of it: read again, the
    title, blocks and text are the same (the problems are gone or differ)."""
    article = dwparse.parse(path.read_bytes())
    again = dwparse.parse(article.to_markdown())
    assert (again.title, again.blocks, again.text) == (article.title, article.blocks, article.text)


@pytest.mark.parametrize("path", seed_marked(ALL_FILES), ids=_ids(ALL_FILES))
def test_json_is_stable(path: Path) -> None:
    article = dwparse.parse(path.read_bytes())
    data = json.loads(article.to_json())
    assert data == article.to_dict()
    assert data["schema_version"] == 3
    assert list(data) == [
        "schema_version", "archived_at", "title", "url", "article_id", "content_type", "language",
        "published_at", "byline", "authors", "lead_image", "blocks", "links", "topics", "sources", "copyright", "text",
        "problems",
    ]


@pytest.mark.parametrize("path", seed_marked(ALL_FILES), ids=_ids(ALL_FILES))
def test_strict_mode(path: Path) -> None:
    article = dwparse.parse(path.read_bytes())
    if not article.problems:
        assert dwparse.parse(path.read_bytes(), strict=True) == article
        return
    with pytest.raises(dwparse.ParseError) as raised:
        dwparse.parse(path.read_bytes(), strict=True)
    first = article.problems[0]
    assert (raised.value.code, raised.value.line, raised.value.column) == (first.code, first.line, first.column)
