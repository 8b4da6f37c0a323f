"""dwparse.arrow_schema(): pyarrow reads any JSON lines the command writes,
however clean the first thousands of lines are and whatever comes after."""

from __future__ import annotations

import json
from datetime import datetime
from pathlib import Path
from typing import Any

import pytest

import dwparse
from conftest import FIXTURES
from dwparse.arrow import _Converter
from dwparse.cli import main
from dwparse.model import BLOCK_TYPES

pa = pytest.importorskip("pyarrow")
pj = pytest.importorskip("pyarrow.json")

FILES = sorted(path for path in FIXTURES.glob("*.md") if path.name != "README.md")


@pytest.fixture(scope="module")
def mixed(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """The command's JSON lines of 2,000 clean articles, then of every damaged
    fixture: far beyond the first block pyarrow infers its types from."""
    folder = tmp_path_factory.mktemp("mixed")
    articles = {path: dwparse.parse_file(path) for path in FILES}
    clean = [path for path in FILES if not articles[path].problems]
    damaged = [path for path in FILES if articles[path].problems]
    assert len(damaged) > 10 and any(dwparse.Embed in map(type, articles[path].blocks) for path in clean)
    paths = [clean[number % len(clean)] for number in range(2000)] + damaged
    out = folder / "out.jsonl"
    assert main([*map(str, paths), "-o", str(out), "--quiet"]) == 0
    return out


def read(path: Path, **options: Any) -> Any:
    return pj.read_json(path, parse_options=pj.ParseOptions(**options))


def same(written: Any, read_back: Any, where: str = "line") -> None:
    """``read_back`` (from Arrow) holds what ``written`` (from JSON) holds: keys
    the JSON object has not are null, times are the same moments."""
    if isinstance(written, dict):
        assert isinstance(read_back, dict), where
        for key in read_back.keys() - written.keys():
            assert read_back[key] is None, f"{where}.{key}"
        for key, value in written.items():
            same(value, read_back[key], f"{where}.{key}")
    elif isinstance(written, list):
        assert isinstance(read_back, list) and len(read_back) == len(written), where
        for index, (value, again) in enumerate(zip(written, read_back)):
            same(value, again, f"{where}[{index}]")
    elif isinstance(read_back, datetime):
        assert datetime.fromisoformat(written) == read_back, where
    else:
        assert type(written) is type(read_back) and written == read_back, where


def test_without_the_schema_pyarrow_fails_on_it(mixed: Path) -> None:
    with pytest.raises(pa.lib.ArrowException):  # a type inferred from the first lines does not fit a later one
        read(mixed)


def test_with_the_schema_every_line_is_read_whole(mixed: Path) -> None:
    table = read(mixed, explicit_schema=dwparse.arrow_schema(), unexpected_field_behavior="error")
    lines = [json.loads(line) for line in mixed.read_text(encoding="utf-8").splitlines()]
    assert table.num_rows == len(lines) > 2000
    assert table.schema.names == list(lines[0])  # the keys of a line, in order
    for line, row in zip(lines, table.to_pylist()):
        same(line, row, line["path"])
    assert sum(len(row) for row in table.column("problems").to_pylist()[:2000]) == 0
    assert all(table.column("problems").to_pylist()[2000:])


def test_lines_without_inlines_are_read_too(tmp_path: Path) -> None:
    out = tmp_path / "out.jsonl"
    assert main([*map(str, FILES[:40]), "--no-inlines", "-o", str(out), "--quiet"]) == 0
    table = read(out, explicit_schema=dwparse.arrow_schema(), unexpected_field_behavior="error")
    assert table.num_rows == 40
    blocks = [block for row in table.column("blocks").to_pylist() for block in row]
    assert blocks and all(block["inlines"] is None for block in blocks)


def test_it_follows_the_json_schema() -> None:
    schema = dwparse.arrow_schema()
    json_schema = dwparse.json_schema()
    assert schema.names == list(json_schema["properties"])
    assert schema.metadata == {b"dwparse_version": dwparse.__version__.encode(), b"schema_version": b"3"}
    assert str(schema.field("published_at").type) == "timestamp[us, tz=UTC]"
    block = schema.field("blocks").type.value_type
    keys = {key for kind in BLOCK_TYPES for key in json_schema["$defs"][_name(kind)]["properties"]}
    assert {block.field(index).name for index in range(block.num_fields)} == keys  # every key of every block type
    assert str(block.field("level").type) == "int64" and str(block.field("items").type).startswith("list<")


def _name(kind: type) -> str:
    return "".join(f"_{char.lower()}" if char.isupper() else char for char in kind.__name__).lstrip("_")


def test_a_key_of_two_types_in_a_union_is_refused() -> None:
    defs = {
        "a": {"type": "object", "properties": {"type": {"const": "a"}, "x": {"type": "string"}}},
        "b": {"type": "object", "properties": {"type": {"const": "b"}, "x": {"type": "integer"}}},
    }
    converter = _Converter(pa, defs)
    union = {"oneOf": [{"$ref": "#/$defs/a"}, {"$ref": "#/$defs/b"}]}
    with pytest.raises(TypeError, match=r"blocks\.x: string and int64"):
        converter.of(union, "blocks")
    defs["b"]["properties"]["x"] = {"type": ["string", "null"]}
    assert str(converter.of(union, "blocks")) == "struct<type: string, x: string>"
    with pytest.raises(TypeError, match="holds itself"):
        _Converter(pa, {"a": {"$ref": "#/$defs/a"}}).of({"$ref": "#/$defs/a"}, "x")
