"""The Parquet folder's layout: one folder of part files per table, each read
alone; keys, types and metadata in every file; the rules that keep OUT safe."""

from __future__ import annotations

import os
import shutil
import sys
from pathlib import Path

import pytest

import dwparse
from conftest import FIXTURES
from dwparse import tables
from dwparse.cli import main
from dwparse.tables import KEY_COLUMNS, TABLES, ParquetFolder, rows

pq = pytest.importorskip("pyarrow.parquet")

FILES = sorted(path for path in FIXTURES.glob("*.md") if path.name != "README.md")
#: An article with links, topics, an image and a gallery.
RICH = FIXTURES / "combo-zh-news-embeds.md"


@pytest.fixture(scope="module")
def out(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """The tables of every fixture, as the command writes them."""
    folder = tmp_path_factory.mktemp("run") / "tables"
    assert main([*map(str, FILES), "--format", "parquet", "-o", str(folder), "--quiet"]) == 0
    return folder


def test_each_table_is_a_folder_read_alone(out: Path) -> None:
    pd = pytest.importorskip("pandas")
    dataset = pytest.importorskip("pyarrow.dataset")
    assert sorted(os.listdir(out)) == sorted(TABLES)
    articles = [dwparse.parse_file(path) for path in FILES]
    expected = {"articles": len(articles), "links": sum(len(article.links) for article in articles)}
    for name, count in expected.items():
        assert len(pd.read_parquet(out / name)) == count  # pandas reads the folder as one table
        assert dataset.dataset(out / name, format="parquet").count_rows() == count
        assert pq.read_table(out / name).num_rows == count


def test_duckdb_reads_a_table_by_glob(out: Path) -> None:
    duckdb = pytest.importorskip("duckdb")
    connection = duckdb.connect()
    [(count,)] = connection.execute(f"SELECT count(*) FROM '{out}/articles/*.parquet'").fetchall()
    assert count == len(FILES)
    [(links,)] = connection.execute(f"SELECT count(DISTINCT article_id) FROM '{out}/links/*.parquet'").fetchall()
    assert 0 < links <= count


def test_every_file_holds_the_versions(out: Path) -> None:
    for name in TABLES:
        for part in os.listdir(out / name):
            metadata = pq.read_schema(out / name / part).metadata
            assert metadata[b"dwparse_version"] == dwparse.__version__.encode(), (name, part)
            assert metadata[b"schema_version"] == str(dwparse.Article.SCHEMA_VERSION).encode(), (name, part)


def test_child_tables_carry_the_article_key(out: Path) -> None:
    articles = pq.read_table(out / "articles").to_pylist()
    by_path = {row["path"]: (row["article_id"], row["archived_at"]) for row in articles}
    assert "problem_count" in articles[0] and "problems" not in articles[0]
    assert sum(row["problem_count"] for row in articles) == pq.read_table(out / "problems").num_rows > 0
    for name in TABLES[1:]:
        table = pq.read_table(out / name)
        assert table.schema.names[:3] == list(KEY_COLUMNS), name
        assert str(table.schema.field("archived_at").type) == "timestamp[us, tz=UTC]", name
        assert table.num_rows > 0, name
        for row in table.select(list(KEY_COLUMNS)).to_pylist():
            assert (row["article_id"], row["archived_at"]) == by_path[row["path"]], name


def test_nullable_ids_stay_integers_in_pandas(out: Path) -> None:
    pd = pytest.importorskip("pandas")
    for table, column, nulls in [
        ("articles", "lead_image_id", True), ("articles", "article_id", True), ("links", "target_id", True),
        ("blocks", "level", True), ("blocks", "image_id", True), ("blocks", "target_id", True),
        ("pictures", "image_id", False), ("topics", "topic_id", False), ("problems", "line", False),
    ]:  # fmt: skip
        values = pd.read_parquet(out / table, dtype_backend="pyarrow")[column]
        assert values.notna().any() and values.isna().any() == nulls, (table, column)  # nulls where they can be
        assert pd.api.types.is_integer_dtype(values.dtype), (table, column, values.dtype)
        assert str(values.dtype).startswith("int") and str(values.dtype).endswith("[pyarrow]"), (table, column)
        assert all(type(value) is int for value in values.dropna().tolist()), (table, column)


def test_the_public_schemas_are_those_of_the_files(out: Path) -> None:
    schemas = dwparse.table_schemas()
    assert list(schemas) == list(TABLES)
    for name in TABLES:
        written = pq.read_schema(out / name / "part-00000.parquet")
        assert written.equals(schemas[name]) and written.metadata == schemas[name].metadata, name


def test_a_table_goes_on_in_parts(tmp_path: Path) -> None:
    article = dwparse.parse_file(RICH)
    folder = ParquetFolder(str(tmp_path / "out"), row_group_articles=1, part_row_groups=2)
    for number in range(5):
        folder.write(rows(f"{number}.md", article))
    folder.finish(keep=True)
    parts = ["part-00000.parquet", "part-00001.parquet", "part-00002.parquet"]
    assert sorted(os.listdir(tmp_path / "out" / "articles")) == parts
    assert [pq.ParquetFile(tmp_path / "out" / "articles" / part).metadata.num_row_groups for part in parts] == [2, 2, 1]
    assert os.listdir(tmp_path / "out" / "problems") == ["part-00000.parquet"]  # empty, with its schema
    assert pq.read_table(tmp_path / "out" / "problems").num_rows == 0
    assert pq.read_table(tmp_path / "out" / "articles").column("path").to_pylist() == [f"{n}.md" for n in range(5)]


def test_an_older_layout_or_an_empty_folder_is_replaced(tmp_path: Path) -> None:
    article = dwparse.parse_file(RICH)
    old = tmp_path / "old"
    old.mkdir()
    for name in TABLES:  # as dwparse 0.3 wrote it
        (old / f"{name}.parquet").write_bytes(b"PAR1")
    empty = tmp_path / "empty"
    empty.mkdir()
    for target in (old, empty):
        folder = ParquetFolder(str(target))
        folder.write(rows("a.md", article))
        folder.finish(keep=True)
        assert sorted(os.listdir(target)) == sorted(TABLES)
    assert sorted(os.listdir(tmp_path)) == ["empty", "old"]


@pytest.mark.parametrize(
    "make",
    [
        pytest.param(lambda out: (out / "articles" / "notes.txt").write_text("precious"), id="a file among the parts"),
        pytest.param(lambda out: (out / "articles" / "part-00001.parquet").mkdir(), id="a folder named as a part"),
        pytest.param(lambda out: (out / "maps").mkdir(), id="another folder"),
        pytest.param(lambda out: (out / ".hidden").write_text("x"), id="a hidden file"),
        pytest.param(lambda out: shutil.rmtree(out / "blocks") or (out / "blocks").symlink_to(out.parent), id="a link"),
        pytest.param(lambda out: shutil.rmtree(out / "links") or (out / "links").write_text("x"), id="a file named as a table"),
    ],
)
def test_a_folder_with_anything_else_is_never_replaced(tmp_path: Path, make: object) -> None:
    out = tmp_path / "out"
    out.mkdir()
    for name in TABLES:
        (out / name).mkdir()
        (out / name / "part-00000.parquet").write_bytes(b"PAR1")
    make(out)  # type: ignore[operator]
    before = sorted(str(path.relative_to(tmp_path)) for path in tmp_path.rglob("*"))
    with pytest.raises(OSError, match="other files"):
        ParquetFolder(str(out))
    assert sorted(str(path.relative_to(tmp_path)) for path in tmp_path.rglob("*")) == before


def test_a_failed_start_leaves_no_temporary_folder(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    def refuse(path: str, mode: int = 0o777) -> None:
        raise PermissionError(13, "Permission denied", path)

    monkeypatch.setattr(tables.os, "mkdir", refuse)
    with pytest.raises(PermissionError):
        ParquetFolder(str(tmp_path / "out"))
    assert os.listdir(tmp_path) == []


def test_a_failed_run_leaves_the_older_folder(tmp_path: Path) -> None:
    article = dwparse.parse_file(RICH)
    folder = ParquetFolder(str(tmp_path / "out"))
    folder.write(rows("first.md", article))
    folder.finish(keep=True)
    folder = ParquetFolder(str(tmp_path / "out"))
    folder.write(rows("second.md", article))
    folder.finish(keep=False)
    assert os.listdir(tmp_path) == ["out"]
    assert pq.read_table(tmp_path / "out" / "articles").column("path").to_pylist() == ["first.md"]


def test_the_schemas_need_pyarrow(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setitem(sys.modules, "pyarrow", None)  # as if it were not installed
    for function in (dwparse.table_schemas, dwparse.arrow_schema):
        with pytest.raises(ImportError, match=r"pip install 'dwparse\[parquet\]'"):
            function()
