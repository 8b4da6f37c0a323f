"""benchmarks/generate.py: deterministic, its damaged files damaged, its
re-archived copies newer copies, its skewed corpora skewed (issue #20).

The generator is a benchmark tool, not part of the package: an sdist carries
no ``benchmarks/``, and there these tests skip.
"""

from __future__ import annotations

import hashlib
import importlib.util
import random
import statistics
import sys
from collections import Counter
from collections.abc import Callable, Iterable
from pathlib import Path
from types import ModuleType
from typing import Any

import pytest

import dwparse

GENERATOR = Path(__file__).resolve().parent.parent / "benchmarks" / "generate.py"
if not GENERATOR.is_file():
    pytest.skip(f"needs benchmarks/generate.py (not found at {GENERATOR}; not in an sdist)", allow_module_level=True)


def _load() -> ModuleType:
    spec = importlib.util.spec_from_file_location("dwparse_benchmarks_generate", GENERATOR)
    assert spec is not None and spec.loader is not None
    module = importlib.util.module_from_spec(spec)
    sys.modules[spec.name] = module  # the dataclass looks its module up
    spec.loader.exec_module(module)
    return module


generate = _load()
#: Each file generate_corpus wrote (a GeneratedFile) with its parse.
Corpus = list[tuple[Any, dwparse.Article]]


def _digest(paths: list[Path]) -> str:
    digest = hashlib.sha256()
    for path in paths:
        digest.update(path.name.encode() + b"\0" + path.read_bytes() + b"\0")
    return digest.hexdigest()


@pytest.fixture(scope="module")
def corpus(tmp_path_factory: pytest.TempPathFactory) -> Corpus:
    """A skewed corpus with copies and damaged files, each file with its parse."""
    folder = tmp_path_factory.mktemp("corpus")
    files = generate.generate_corpus(300, folder, seed=5, damaged=120, rearchived=60, skew=True)
    return [(file, dwparse.parse_file(file.path)) for file in files]


# -- the old output stays as it was ---------------------------------------------

#: sha256 of the names and bytes of generate(40, folder, seed=1), as written
#: before the options of issue #20 (benchmarks/same_output.py and compare.py
#: use these files).
DEFAULT_DIGEST = "f4d77b198769f7bed7c17187b6982d5a2809f5cf5ee1b567c30c7fe3933630f1"


def test_the_default_output_is_unchanged(tmp_path: Path) -> None:
    paths = generate.generate(40, tmp_path, seed=1)
    assert [path.name for path in paths] == [f"gen-{number:06d}.md" for number in range(40)]
    assert _digest(paths) == DEFAULT_DIGEST


def test_the_options_leave_the_clean_files_as_they_were(tmp_path: Path) -> None:
    plain = generate.generate(30, tmp_path / "plain", 3)
    more = generate.generate(30, tmp_path / "more", 3, damaged=7, rearchived=5)
    assert len(more) == 42
    assert [path.read_bytes() for path in more[:30]] == [path.read_bytes() for path in plain]


# -- determinism ------------------------------------------------------------------


@pytest.mark.parametrize("options", [{}, {"skew": True, "damaged": 15, "rearchived": 10, "suffix": ".txt"}])
def test_the_same_seed_gives_the_same_files(tmp_path: Path, options: dict[str, object]) -> None:
    first = generate.generate(40, tmp_path / "a", seed=9, **options)
    again = generate.generate(40, tmp_path / "b", seed=9, **options)
    other = generate.generate(40, tmp_path / "c", seed=10, **options)
    assert [path.name for path in first] == [path.name for path in again]
    assert _digest(first) == _digest(again)
    assert _digest(first) != _digest(other)


def test_the_kinds_come_in_order_with_the_suffix_asked_for(tmp_path: Path) -> None:
    files = generate.generate_corpus(20, tmp_path, 2, damaged=0.25, rearchived=3, suffix="txt")
    assert [file.kind for file in files] == ["clean"] * 20 + ["rearchived"] * 3 + ["damaged"] * 5
    assert [file.path.name for file in files] == [f"gen-{number:06d}.txt" for number in range(28)]
    assert sorted(path.name for path in tmp_path.iterdir()) == [file.path.name for file in files]


# -- damaged files ----------------------------------------------------------------


def test_damaged_files_have_problems_and_the_others_none(corpus: Corpus) -> None:
    damaged = [(file, article) for file, article in corpus if file.kind == "damaged"]
    assert len(damaged) == 120
    assert [file.path.name for file, article in damaged if not article.problems] == []
    others = [(file, article) for file, article in corpus if file.kind != "damaged"]
    assert [(file.path.name, article.problems) for file, article in others if article.problems] == []
    assert len({file.damage for file, _ in damaged}) >= 8  # many kinds of damage, not one


@pytest.mark.parametrize("kind", sorted(generate.DAMAGES))
def test_each_kind_of_damage_is_reported(kind: str) -> None:
    damage = generate.DAMAGES[kind][0]
    rng = random.Random(kind)
    for number in range(40):
        text = generate.article_file(rng, number)
        assert dwparse.parse(text).problems == ()
        data = damage(rng, text)
        assert isinstance(data, bytes)
        assert dwparse.parse(data).problems, (kind, number, data[-200:])


def test_the_kinds_of_damage_are_the_ones_expected(corpus: Corpus) -> None:
    codes = Counter(problem.code for file, article in corpus if file.kind == "damaged" for problem in article.problems)
    for code in ("body-truncated", "html-malformed", "date-invalid", "invalid-utf8", "control-character"):
        assert codes[code] > 0, codes


# -- re-archived copies -----------------------------------------------------------


def test_rearchived_copies_share_ids_and_are_newer(corpus: Corpus) -> None:
    by_path = {file.path: (file, article) for file, article in corpus}
    copies = [(file, article) for file, article in corpus if file.kind == "rearchived"]
    assert len(copies) == 60
    for file, article in copies:
        original, before = by_path[file.original]
        assert file.path != original.path
        assert article.article_id == before.article_id == file.article_id == original.article_id
        assert article.content_type == before.content_type and article.language == before.language
        assert article.published_at == before.published_at
        assert article.archived_at is not None and before.archived_at is not None
        assert article.archived_at > before.archived_at
    edited = [
        file
        for file, article in copies
        if (article.title, article.text) != (by_path[file.original][1].title, by_path[file.original][1].text)
    ]
    assert 0 < len(edited) < len(copies)  # some reworded or lengthened, some not
    ids = Counter(article.article_id for file, article in corpus if file.kind != "damaged")
    assert sum(count - 1 for count in ids.values()) == 60  # every copy repeats an id, nothing else does


# -- skew -------------------------------------------------------------------------


def _counts(corpus: Corpus, values: Callable[[dwparse.Article], Iterable[object]]) -> Counter[object]:
    """In how many clean articles each value occurs."""
    counts: Counter[object] = Counter()
    for file, article in corpus:
        if file.kind == "clean":
            counts.update(set(values(article)))
    return counts


def test_topics_and_links_are_skewed(corpus: Corpus) -> None:
    topics = _counts(corpus, lambda article: [topic.topic_id for topic in article.topics])
    links = _counts(corpus, lambda article: [link.target_id for link in article.links if link.target_id])
    for counts in (topics, links):
        top = counts.most_common(1)[0][1]
        assert top >= 10 * statistics.median(counts.values()), counts.most_common(5)
        assert top >= 50  # of 300 articles
    names: dict[int, str] = {}
    for _, article in corpus:
        for topic in article.topics:
            assert names.setdefault(topic.topic_id, topic.name) == topic.name  # an id has one name


def test_authors_sources_and_months_are_skewed(corpus: Corpus) -> None:
    authors = _counts(corpus, lambda article: article.authors)
    sources = _counts(corpus, lambda article: article.sources)
    months = _counts(corpus, lambda article: [f"{article.published_at:%Y-%m}"])
    for counts in (authors, sources):
        assert counts.most_common(1)[0][1] >= 4 * statistics.median(counts.values()), counts.most_common(5)
    assert len(months) >= 40  # spread over several years
    assert {str(month)[:4] for month in months} >= {"2019", "2020", "2021", "2022", "2023", "2024"}
    assert max(months.values()) >= 4 * min(months.values()), months


def test_without_skew_topics_are_spread_thin(tmp_path: Path) -> None:
    articles = [dwparse.parse_file(path) for path in generate.generate(100, tmp_path)]
    topics = Counter(topic.topic_id for article in articles for topic in article.topics)
    assert topics.most_common(1)[0][1] <= 3


# -- the command ------------------------------------------------------------------


def test_the_command(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    arguments = ["--seed", "4", "--skew", "--rearchived", "2", "--damaged", "10%", "--suffix", ".txt"]
    generate.main(["20", str(tmp_path / "a"), *arguments])
    assert capsys.readouterr().out == f"wrote 24 files to {tmp_path / 'a'} (20 clean, 2 re-archived, 2 damaged)\n"
    same = generate.generate(20, tmp_path / "b", 4, skew=1.0, rearchived=2, damaged=0.1, suffix=".txt")
    assert _digest(sorted((tmp_path / "a").iterdir())) == _digest(same)
    generate.main(["5", str(tmp_path / "c")])
    assert capsys.readouterr().out == f"wrote 5 files to {tmp_path / 'c'}\n"
    assert _digest(sorted((tmp_path / "c").iterdir())) == _digest(generate.generate(5, tmp_path / "d"))


@pytest.mark.parametrize(("text", "value"), [("3", 3), ("0.05", 0.05), ("5%", 0.05), ("0", 0)])
def test_the_damaged_argument(text: str, value: float) -> None:
    assert generate._damaged_argument(text) == pytest.approx(value)
    assert type(generate._damaged_argument(text)) is type(value)


@pytest.mark.parametrize("options", [{"damaged": 1.5}, {"damaged": -1}, {"rearchived": -1}, {"skew": -1.0}])
def test_bad_options_are_refused_before_writing(tmp_path: Path, options: dict[str, object]) -> None:
    with pytest.raises(ValueError):
        generate.generate(5, tmp_path / "out", **options)
    assert not (tmp_path / "out").exists()
