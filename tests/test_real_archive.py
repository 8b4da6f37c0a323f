"""The real archive: every file of ``../shared/corpus/real`` passes a careful
reader's invariants (``tests/real_invariants.py``), and hand-checked facts
(``tests/real_facts/*.json``) hold for those that have them.

The real files are not part of the repository (no DW text is); without
``../shared`` beside the checkout these tests skip, saying so. The facts
files hold no article text either: ids, names, sources, kinds and counts,
and headings as the first 12 hex digits of the SHA-256 of their text.
"""

from __future__ import annotations

import hashlib
import json
from pathlib import Path
from typing import Any

import pytest

import dwparse
from conftest import ROOT
from real_invariants import failures

REAL = ROOT.parent / "shared" / "corpus" / "real"
FACTS = Path(__file__).resolve().parent / "real_facts"
REAL_FILES = sorted(path for path in REAL.glob("*.md") if path.name != "SOURCES.md") if REAL.is_dir() else []
FACT_FILES = sorted(FACTS.glob("*.json"))
MISSING = f"needs the real archive files: ../shared/corpus/real (not found at {REAL}; CI has them)"
needs_real = pytest.mark.skipif(not REAL_FILES, reason=MISSING)


@needs_real
def test_the_real_archive_is_there() -> None:
    assert len(REAL_FILES) >= 144


@needs_real
@pytest.mark.parametrize("path", REAL_FILES, ids=[path.stem for path in REAL_FILES])
def test_real_file_passes_the_invariants(path: Path) -> None:
    found = {name: problems for name, problems in failures(path.read_text(encoding="utf-8")).items() if problems}
    assert found == {}


def digest(text: str) -> str:
    """The first 12 hex digits of the SHA-256 of ``text``: a heading in the facts."""
    return hashlib.sha256(text.encode("utf-8")).hexdigest()[:12]


def check_facts(article: dwparse.Article, facts: dict[str, Any]) -> None:
    """Assert each fact of a facts file (see ``tests/real_facts/README.md``)."""
    data = article.to_dict()
    for key in ("article_id", "content_type", "language", "published_at", "byline", "authors", "sources"):
        if key in facts:
            assert data[key] == facts[key], key
    if "lead_image_id" in facts:
        assert (article.lead_image.image_id if article.lead_image else None) == facts["lead_image_id"], "lead_image_id"
    if "block_types" in facts:
        assert [block.TYPE for block in article.blocks] == facts["block_types"], "block_types"
    if "headings" in facts:
        headings = [[digest(block.text), block.level] for block in article.blocks_of(dwparse.Heading)]
        assert headings == facts["headings"], "headings"
    if "gallery_pictures" in facts:
        assert [len(block.pictures) for block in article.blocks_of(dwparse.Gallery)] == facts["gallery_pictures"]
    if "links" in facts:
        assert [[link.target_id, link.target_type] for link in article.links] == facts["links"], "links"
    if "topics" in facts:
        assert [topic.topic_id for topic in article.topics] == facts["topics"], "topics"
    if "notices" in facts:
        assert [block.kind for block in article.blocks_of(dwparse.Notice)] == facts["notices"], "notices"
    if "has_copyright" in facts:
        assert (article.copyright is not None) == facts["has_copyright"], "has_copyright"
    for marker in facts.get("text_excludes", []):
        assert marker not in article.text, f"text holds {marker!r}"
    if "problems" in facts:
        assert [problem.code for problem in article.problems] == facts["problems"], "problems"


@needs_real
@pytest.mark.parametrize("facts_file", FACT_FILES, ids=[path.stem for path in FACT_FILES])
def test_hand_checked_facts(facts_file: Path) -> None:
    facts = json.loads(facts_file.read_text(encoding="utf-8"))
    check_facts(dwparse.parse_file(REAL / facts["file"]), facts)


def test_the_facts_checker_can_fail() -> None:
    article = dwparse.parse(
        "<!--1747745800000-->\n[标题](https://www.dw.com/zh/x/a-1)\n---\n\n"
        "<div><i>德正<br>2025-05-20T12:56:04.930Z</i></div><p>正文</p><h2>小标题</h2><p><em>（路透社）</em></p>"
    )
    check_facts(article, {"authors": ["德正"], "sources": ["路透社"], "headings": [[digest("小标题"), 2]]})
    for wrong in ({"authors": []}, {"headings": [[digest("别的"), 2]]}, {"text_excludes": ["正文"]}, {"block_types": []}):
        with pytest.raises(AssertionError):
            check_facts(article, wrong)
