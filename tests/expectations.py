"""Checks an article against an ``*.expect.json`` facts file.

The facts format is the one of ``../shared/corpus/seed-zh-69790970.expect.json``,
extended for fixtures (see ``tests/fixtures/README.md``). Only the keys present
are checked; each check names the key that failed.
"""

from __future__ import annotations

from typing import Any

_TOP_LEVEL = (
    "archived_at",
    "title",
    "url",
    "article_id",
    "content_type",
    "language",
    "published_at",
    "authors",
    "sources",
    "copyright",
    "text",
)


def _partial_equal(expected: Any, actual: Any, where: str) -> None:
    if isinstance(expected, dict) and isinstance(actual, dict):
        for key, value in expected.items():
            assert key in actual, f"{where}: no key {key!r} in {actual!r}"
            _partial_equal(value, actual[key], f"{where}.{key}")
    else:
        assert actual == expected, f"{where}: expected {expected!r}, got {actual!r}"


def check(data: dict[str, Any], facts: dict[str, Any]) -> None:
    """Assert that the article dict ``data`` holds every fact in ``facts``."""
    checked = 0
    for key in _TOP_LEVEL:
        if key in facts:
            assert data[key] == facts[key], f"{key}: expected {facts[key]!r}, got {data[key]!r}"
            checked += 1
    if "lead_image" in facts:
        if facts["lead_image"] is None:
            assert data["lead_image"] is None, f"lead_image: expected null, got {data['lead_image']!r}"
        else:
            assert data["lead_image"] is not None, "lead_image: expected an image, got null"
            _partial_equal(facts["lead_image"], data["lead_image"], "lead_image")
        checked += 1
    blocks = data["blocks"]
    if "block_types" in facts:
        assert [block["type"] for block in blocks] == facts["block_types"], "block_types"
        checked += 1
    if "blocks" in facts:
        assert len(blocks) == len(facts["blocks"]), f"blocks: expected {len(facts['blocks'])}, got {len(blocks)}"
        for index, (expected, actual) in enumerate(zip(facts["blocks"], blocks)):
            _partial_equal(expected, actual, f"blocks[{index}]")
        checked += 1
    if "headings" in facts:
        headings = [[b["text"], b["level"]] for b in blocks if b["type"] == "heading"]
        assert headings == facts["headings"], f"headings: got {headings!r}"
        checked += 1
    if "links" in facts:
        links = [[link["text"], link["target_id"], link["target_type"]] for link in data["links"]]
        assert links == facts["links"], f"links: got {links!r}"
        checked += 1
    if "topics" in facts:
        topics = [[topic["name"], topic["topic_id"]] for topic in data["topics"]]
        assert topics == facts["topics"], f"topics: got {topics!r}"
        checked += 1
    if "gallery_titles" in facts:
        galleries = [
            [b["title"], [picture["title"] for picture in b["pictures"]]] for b in blocks if b["type"] == "gallery"
        ]
        assert galleries == facts["gallery_titles"], f"gallery_titles: got {galleries!r}"
        checked += 1
    if "copyright_prefix" in facts:
        assert (data["copyright"] or "").startswith(facts["copyright_prefix"]), f"copyright: {data['copyright']!r}"
        checked += 1
    for needle in facts.get("text_contains", ()):
        assert needle in data["text"], f"text lacks {needle!r}"
        checked += 1
    for needle in facts.get("text_lacks", ()):
        assert needle not in data["text"], f"text contains {needle!r}"
        checked += 1
    if "problems" in facts:
        codes = [problem["code"] for problem in data["problems"]]
        expected = [] if facts["problems"] == "none" else facts["problems"]
        assert codes == expected, f"problems: expected {expected!r}, got {data['problems']!r}"
        checked += 1
    for code, line, column in facts.get("problem_positions", ()):
        positions = [(p["code"], p["line"], p["column"]) for p in data["problems"]]
        assert (code, line, column) in positions, f"no {code} at {line}:{column} in {positions!r}"
        checked += 1
    assert checked, "the facts file checks nothing"
