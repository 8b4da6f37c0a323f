"""JSON text: orjson (the ``fast`` extra) and the standard library give the
same bytes; the command line writes them."""

from __future__ import annotations

import json
from pathlib import Path

import pytest
from hypothesis import given
from hypothesis import strategies as st

import dwparse
from dwparse import jsontext

orjson = pytest.importorskip("orjson", reason="orjson (the fast extra, in the test group) is not installed")

ROOT = Path(__file__).resolve().parent.parent
REAL = ROOT.parent / "shared" / "corpus" / "real"
FILES = sorted((ROOT / "tests" / "fixtures").glob("*.md")) + sorted((ROOT / "examples").glob("*.md"))
REAL_FILES = sorted(path for path in REAL.glob("*.md") if path.name != "SOURCES.md") if REAL.is_dir() else []


def _standard(data: object) -> bytes:
    return jsontext._ENCODER.encode(data).encode("utf-8")


def _same(article: dwparse.Article) -> None:
    for inlines in (True, False):
        data = {"path": "x.md", **article.to_dict(inlines=inlines)}
        assert orjson.dumps(data) == _standard(data)


@pytest.mark.parametrize("path", FILES, ids=lambda path: path.name)
def test_orjson_and_the_standard_library_write_the_same_bytes(path: Path) -> None:
    _same(dwparse.parse_file(path))


@pytest.mark.skipif(not REAL_FILES, reason=f"needs the real archive files: ../shared/corpus/real (not found at {REAL})")
def test_orjson_and_the_standard_library_write_the_same_bytes_on_real_files() -> None:
    for path in REAL_FILES:
        _same(dwparse.parse_file(path))


@given(st.text(alphabet=st.characters(blacklist_categories=("Cs",))))
def test_any_text_is_written_alike(text: str) -> None:
    data = {"text": text, "list": [text, None, True, 12345678901234567], "n": -(2**63)}
    assert orjson.dumps(data) == _standard(data)


def test_what_orjson_refuses_falls_back_to_the_standard_library() -> None:
    data = {"big": 2**70, "text": "甲"}
    assert jsontext.dumps_bytes(data) == b'{"big":1180591620717411303424,"text":"\xe7\x94\xb2"}'
    assert json.loads(jsontext.dumps(data)) == data


def test_to_json_is_compact_and_indent_pretty_prints() -> None:
    article = dwparse.parse_file(FILES[0])
    assert json.loads(article.to_json()) == article.to_dict()
    assert article.to_json() == json.dumps(article.to_dict(), ensure_ascii=False, separators=(",", ":"))
    assert article.to_json(indent=2) == json.dumps(article.to_dict(), ensure_ascii=False, indent=2)
