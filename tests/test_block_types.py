"""Every block type is known everywhere: one test per place, parametrized
over the types of ``dwparse.Block``.

A new block type is declared once, in ``dwparse.model.blocks``; these tests
fail until every place that must know it does: the shipped JSON Schema, its
writer, its test strategy, the Parquet blocks table, the docs tables, a
reader rule, and the JSON round trip.
"""

from __future__ import annotations

import json
import re
from datetime import datetime, timezone
from typing import Any

import attrs
import jsonschema
import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

import dwparse
from conftest import ROOT
from dwparse.body.paragraph import KINDS
from dwparse.body.rules import FALLBACK, RULES
from dwparse.model import blocks as blocks_module
from dwparse.model import BLOCK_TYPES, TEXT_BLOCKS
from dwparse.tables import BLOCK_COLUMNS, rows, schemas
from strategies import BLOCK_STRATEGIES, _readable_order

SHIPPED = json.loads((ROOT / "src" / "dwparse" / "schema.json").read_text(encoding="utf-8"))
VALIDATOR = jsonschema.Draft202012Validator(SHIPPED)
IDS = [kind.__name__ for kind in BLOCK_TYPES]
TYPES = pytest.mark.parametrize("kind", BLOCK_TYPES, ids=IDS)
_WHEN = datetime(2024, 7, 28, 11, 7, 48, 781000, tzinfo=timezone.utc)


def json_fields(kind: type) -> list[str]:
    """The JSON keys of a class after ``"type"``: its fields that take part in equality."""
    return [field.name for field in attrs.fields(kind) if field.eq]


def examples(kind: type) -> Any:
    """Blocks of ``kind`` from its strategy (a missing strategy fails the test)."""
    assert kind in BLOCK_STRATEGIES, f"tests/strategies.py has no strategy for {kind.__name__}"
    return BLOCK_STRATEGIES[kind]


def article_of(block: Any) -> dwparse.Article:
    """A clean article holding ``block`` as parse() would read it."""
    return dwparse.Article(
        archived_at=_WHEN, title="标题", url="https://www.dw.com/zh/标题/a-1", article_id=1,
        content_type="article", language="zh", published_at=_WHEN,
        blocks=tuple(_readable_order([block], None)),
    )  # fmt: skip


def test_the_block_union_is_the_list_of_types() -> None:
    words = [kind.TYPE for kind in BLOCK_TYPES]
    assert len(set(words)) == len(words) >= 11
    assert TEXT_BLOCKS == tuple(kind for kind in BLOCK_TYPES if kind.IN_TEXT)
    declared = [value for value in vars(blocks_module).values() if isinstance(value, type) and hasattr(value, "TYPE")]
    assert set(declared) == set(BLOCK_TYPES), "a block class of dwparse.model.blocks is not in the Block union"


def test_rules_give_only_block_types() -> None:
    given = {kind for rule in (*RULES, FALLBACK) for kind in rule.gives} | {kind.gives for kind in KINDS}
    assert given <= set(BLOCK_TYPES), f"not in the Block union: {given - set(BLOCK_TYPES)}"


@TYPES
def test_it_declares_its_word_text_and_writer(kind: type) -> None:
    assert isinstance(kind.TYPE, str) and re.fullmatch("[a-z]+(-[a-z]+)*", kind.TYPE)  # type: ignore[attr-defined]
    assert isinstance(kind.IN_TEXT, bool)  # type: ignore[attr-defined]
    assert "to_html" in vars(kind), f"{kind.__name__} has no writer of its own (to_html)"
    assert hasattr(kind, "text"), f"{kind.__name__} has no text"


@TYPES
def test_it_is_exported(kind: type) -> None:
    assert getattr(dwparse, kind.__name__) is kind and kind.__name__ in dwparse.__all__
    assert kind.__name__ in dwparse.model.__all__


@TYPES
def test_the_shipped_schema_defines_it(kind: type) -> None:
    definitions = SHIPPED["$defs"]
    name = re.sub(r"(?<!^)(?=[A-Z])", "_", kind.__name__).lower()
    assert {"$ref": f"#/$defs/{name}"} in definitions["block"]["oneOf"], f"schema.json: {name} is not a block"
    definition = definitions[name]
    assert definition["properties"]["type"] == {"const": kind.TYPE}  # type: ignore[attr-defined]
    assert list(definition["properties"]) == ["type", *json_fields(kind)]


@TYPES
def test_a_reader_rule_gives_it(kind: type) -> None:
    assert any(kind in rule.gives for rule in RULES), f"no row of dwparse.body.rules gives {kind.__name__}"


@TYPES
def test_the_docs_tables_list_it(kind: type) -> None:
    api = (ROOT / "docs" / "api.md").read_text(encoding="utf-8")
    row = re.search(rf"^\| {{class}}`dwparse\.{kind.__name__}` \| `{kind.TYPE}` \| (.*) \|$", api, re.M)  # type: ignore[attr-defined]
    assert row is not None, f"docs/api.md: no row for {kind.__name__}"
    assert re.findall(r"`([a-z_]+)(?::[^`]*)?`", row[1]) == json_fields(kind), "docs/api.md: its fields"
    assert f".. autoclass:: dwparse.{kind.__name__}\n" in api, "docs/api.md: no autoclass"
    shape = (ROOT / "docs" / "json.md").read_text(encoding="utf-8").partition("## Blocks and inline runs")[2]
    row = re.search(rf"^\| `{kind.TYPE}` \| ([^|]*) \|", shape, re.M)  # type: ignore[attr-defined]
    assert row is not None, f"docs/json.md: no row for {kind.TYPE}"  # type: ignore[attr-defined]
    assert re.findall(r"`([a-z_]+)`", row[1]) == json_fields(kind), "docs/json.md: its keys"


@TYPES
@settings(max_examples=25, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(data=st.data())
def test_it_reaches_the_parquet_blocks_table(kind: type, data: st.DataObject) -> None:
    block = data.draw(examples(kind))
    (row,) = [row for row in rows("x.md", article_of(block))["blocks"] if row["type"] == kind.TYPE]  # type: ignore[attr-defined]
    assert list(row) == list(BLOCK_COLUMNS)
    for field in attrs.fields(kind):
        value, column = getattr(block, field.name), field.metadata.get("column", field.name)
        if not field.eq or field.name == "text" or column is None or value is None:
            continue  # not in the JSON, its own column, declared without one, or empty
        filled = [name for name in BLOCK_COLUMNS if name == column or name.startswith(f"{column}_")]
        assert filled and any(row[name] is not None for name in filled), f"{field.name} reaches no column"
    pyarrow = pytest.importorskip("pyarrow")
    table = pyarrow.Table.from_pylist([row], schema=schemas()["blocks"])
    assert table.to_pylist() == [row]


@TYPES
@settings(max_examples=25, deadline=None)
@given(data=st.data())
def test_it_round_trips(kind: type, data: st.DataObject) -> None:
    """Through JSON (validating against the shipped schema) and through the
    archive format (its writer, then its reader)."""
    block = data.draw(examples(kind))
    article = article_of(block)
    assert isinstance(block, kind)
    VALIDATOR.validate(article.to_dict())
    VALIDATOR.validate(article.to_dict(inlines=False))
    assert dwparse.Article.from_dict(json.loads(article.to_json())) == article
    again = dwparse.parse(article.to_markdown())
    assert again.problems == () and again.blocks == article.blocks


def test_the_shipped_schema_is_the_generated_one() -> None:
    from dwparse.schema import schema_text

    shipped = (ROOT / "src" / "dwparse" / "schema.json").read_text(encoding="utf-8")
    assert shipped == schema_text(), (
        "src/dwparse/schema.json is not the schema the model gives; write it anew with\n"
        """PYTHONPATH=src python -c "import dwparse.schema as s; print(s.schema_text(), end='')" > src/dwparse/schema.json"""
    )
    assert dwparse.json_schema() == SHIPPED
