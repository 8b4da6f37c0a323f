"""parse_many: order, streaming, processes, unreadable files."""

from __future__ import annotations

import itertools
from pathlib import Path

import pytest

import dwparse
from conftest import FIXTURES, SEED, needs_seed, readable

FILES = readable([SEED] + sorted(path for path in FIXTURES.glob("*.md") if path.name != "README.md")[:20])


@pytest.mark.parametrize("jobs", [None, 1, 2])
def test_articles_come_in_input_order(jobs: int | None) -> None:
    results = list(dwparse.parse_many(FILES, jobs=jobs))
    assert [path for path, _ in results] == FILES
    assert [article for _, article in results] == [dwparse.parse_file(path) for path in FILES]


def test_paths_are_consumed_lazily() -> None:
    consumed = []

    def paths():
        for path in itertools.cycle(FILES):
            consumed.append(path)
            yield path

    stream = dwparse.parse_many(paths())
    first = [next(stream) for _ in range(3)]
    assert [path for path, _ in first] == FILES[:3]
    assert len(consumed) == 3


@needs_seed
def test_unreadable_files(tmp_path: Path) -> None:
    missing = tmp_path / "missing.md"
    seen: list[tuple[Path, OSError]] = []
    results = list(dwparse.parse_many([SEED, missing, SEED], on_error=lambda path, error: seen.append((path, error))))
    assert [path for path, _ in results] == [SEED, SEED]
    assert seen[0][0] == missing and isinstance(seen[0][1], FileNotFoundError)
    with pytest.raises(FileNotFoundError):
        list(dwparse.parse_many([SEED, missing]))
    with pytest.raises(FileNotFoundError):
        list(dwparse.parse_many([SEED, missing], jobs=2))


@needs_seed
def test_strict(tmp_path: Path) -> None:
    broken = tmp_path / "broken.md"
    broken.write_text("<p>x</p>", encoding="utf-8")
    with pytest.raises(dwparse.ParseError):
        list(dwparse.parse_many([SEED, broken], strict=True))
