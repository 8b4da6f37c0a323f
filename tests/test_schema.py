"""The shipped JSON Schema describes to_dict()'s output for every file."""

from __future__ import annotations

import copy
from pathlib import Path

import jsonschema
import pytest

import dwparse
from conftest import FIXTURES, SEED, needs_seed, seed_marked
from strategies import articles
from hypothesis import given

FILES = [SEED] + sorted(path for path in FIXTURES.glob("*.md") if path.name != "README.md")
VALIDATOR = jsonschema.Draft202012Validator(dwparse.json_schema())


def test_schema_is_a_valid_2020_12_schema() -> None:
    schema = dwparse.json_schema()
    assert schema["$schema"] == "https://json-schema.org/draft/2020-12/schema"
    jsonschema.Draft202012Validator.check_schema(schema)
    schema["title"] = "changed"
    assert dwparse.json_schema()["title"] != "changed"  # a fresh copy each call


@pytest.mark.parametrize("path", seed_marked(FILES), ids=[path.stem for path in FILES])
def test_every_file_validates(path: Path) -> None:
    VALIDATOR.validate(dwparse.parse_file(path).to_dict())


@given(articles())
def test_random_articles_validate(article: dwparse.Article) -> None:
    VALIDATOR.validate(article.to_dict())


@needs_seed
@pytest.mark.parametrize(
    "change",
    [
        lambda d: d.pop("text"),
        lambda d: d.update(extra=1),
        lambda d: d.update(schema_version=1),
        lambda d: d.pop("authors"),
        lambda d: d.update(authors=["a", "a"]),
        lambda d: d["blocks"].append({"type": "gallery", "title": None, "items": []}),
        lambda d: d["blocks"].append({"type": "embed", "kind": "video", "url": None, "html": ""}),
        lambda d: d["blocks"].append({"type": "paragraph", "text": "x", "inlines": None}),
        lambda d: d["blocks"].append({"type": "heading", "text": "x", "level": 7}),
        lambda d: d.update(content_type="blog"),
        lambda d: d["problems"].append({"code": "Bad Code", "message": "", "line": 0, "column": 1}),
    ],
)
def test_schema_rejects_other_shapes(change) -> None:  # type: ignore[no-untyped-def]
    data = copy.deepcopy(dwparse.parse_file(SEED).to_dict())
    change(data)
    assert not VALIDATOR.is_valid(data)
