"""The Parquet tables of ``--format parquet``, and the command's other
analysis options: --no-inlines and the progress bar."""

from __future__ import annotations

import io
import json
import os
import sys
from pathlib import Path

import pytest

import dwparse
from conftest import FIXTURES, SEED, needs_seed, readable
from dwparse import cli
from dwparse.cli import main
from dwparse.tables import TABLES, ParquetFolder, rows

FILES = readable([SEED] + sorted(path for path in FIXTURES.glob("*.md") if path.name != "README.md"))


@needs_seed
def test_rows_match_the_article() -> None:
    article = dwparse.parse_file(SEED)
    table_rows = rows("seed.md", article)
    assert set(table_rows) == set(TABLES)
    assert len(table_rows["articles"]) == 1 and table_rows["articles"][0]["published_at"] == article.published_at
    assert len(table_rows["blocks"]) == len(article.blocks)
    assert [row["type"] for row in table_rows["blocks"]] == [block.TYPE for block in article.blocks]
    assert len(table_rows["pictures"]) == sum(len(gallery.pictures) for gallery in article.blocks_of(dwparse.Gallery))
    assert [row["href"] for row in table_rows["links"]] == [link.href for link in article.links]
    assert [row["topic_id"] for row in table_rows["topics"]] == [topic.topic_id for topic in article.topics]
    assert all(row["path"] == "seed.md" for table in table_rows.values() for row in table)
    key = {"path": "seed.md", "article_id": article.article_id, "archived_at": article.archived_at}
    for name in TABLES[1:]:  # every child table says which article a row is of
        assert all({column: row[column] for column in key} == key for row in table_rows[name]), name
        assert all(list(row)[:3] == list(key) for row in table_rows[name]), name
    assert table_rows["articles"][0]["problem_count"] == len(article.problems) and "problems" not in table_rows["articles"][0]


def test_parquet_tables_hold_every_article(tmp_path: Path) -> None:
    pq = pytest.importorskip("pyarrow.parquet")
    out = tmp_path / "tables"
    assert main([*map(str, FILES), "--format", "parquet", "-o", str(out), "--quiet"]) == 0
    articles = [dwparse.parse_file(path) for path in FILES]
    expected = {
        "articles": len(articles),
        "blocks": sum(len(article.blocks) for article in articles),
        "pictures": sum(len(block.pictures) for article in articles for block in article.blocks_of(dwparse.Gallery)),
        "links": sum(len(article.links) for article in articles),
        "topics": sum(len(article.topics) for article in articles),
        "problems": sum(len(article.problems) for article in articles),
    }
    assert sorted(os.listdir(out)) == sorted(TABLES)  # one folder per table
    assert all(os.listdir(out / name) == ["part-00000.parquet"] for name in TABLES)
    tables = {name: pq.read_table(out / name) for name in TABLES}
    assert {name: table.num_rows for name, table in tables.items()} == expected
    schema = tables["articles"].schema
    assert str(schema.field("published_at").type) == "timestamp[us, tz=UTC]"
    assert str(schema.field("article_id").type) == "int64"
    assert str(schema.field("authors").type.value_type) == "string"
    assert str(schema.field("authors").type).startswith("list<")
    assert tables["articles"].column("path").to_pylist() == [str(path) for path in FILES]
    first = tables["articles"].slice(0, 1).to_pylist()[0]
    assert first["published_at"] == articles[0].published_at and first["title"] == articles[0].title
    assert sorted(os.listdir(tmp_path)) == ["tables"]  # the temporary folder is gone


@needs_seed
def test_row_groups_are_written_while_parsing(tmp_path: Path) -> None:
    pq = pytest.importorskip("pyarrow.parquet")
    folder = ParquetFolder(str(tmp_path / "out"), row_group_articles=10)
    for index in range(25):
        folder.write(rows(f"{index}.md", dwparse.parse_file(SEED)))
        if index == 10:  # the first group is on disk before the run ends
            assert os.path.getsize(os.path.join(folder.temporary, "articles", "part-00000.parquet")) > 4
    folder.finish(keep=True)
    assert pq.ParquetFile(tmp_path / "out" / "articles" / "part-00000.parquet").metadata.num_row_groups == 3


@needs_seed
def test_an_older_folder_stays_until_the_run_ends_well(tmp_path: Path) -> None:
    pq = pytest.importorskip("pyarrow.parquet")
    out = tmp_path / "out"
    for count, keep in [(1, True), (2, False), (3, True)]:
        folder = ParquetFolder(str(out))
        for index in range(count):
            folder.write(rows(f"{index}.md", dwparse.parse_file(SEED)))
        folder.finish(keep=keep)
        assert sorted(os.listdir(tmp_path)) == ["out"]  # no temporary folder left
        assert pq.read_table(out / "articles").num_rows == (count if keep else 1)
    assert sorted(os.listdir(out)) == sorted(TABLES)


@needs_seed
def test_parquet_never_replaces_a_folder_of_other_files(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    pytest.importorskip("pyarrow")
    archive = tmp_path / "archive"
    archive.mkdir()
    (archive / "a.md").write_bytes(SEED.read_bytes())
    (archive / "notes.txt").write_text("precious")
    with pytest.raises(SystemExit) as exit_info:
        main([str(archive), "--format", "parquet", "-o", str(archive)])
    assert exit_info.value.code == 2 and "other files" in capsys.readouterr().err
    assert sorted(os.listdir(archive)) == ["a.md", "notes.txt"]


@needs_seed
def test_parquet_through_a_link_and_odd_file_names(tmp_path: Path) -> None:
    pq = pytest.importorskip("pyarrow.parquet")
    archive = tmp_path / "archive"
    archive.mkdir()
    odd = os.fsencode(archive) + b"/bad\xff.md"
    with open(odd, "wb") as file:
        file.write(SEED.read_bytes())
    (tmp_path / "real").mkdir()
    (tmp_path / "link").symlink_to(tmp_path / "real")
    assert main([str(archive), "--format", "parquet", "-o", str(tmp_path / "link"), "--quiet"]) == 0
    assert (tmp_path / "link").is_symlink() and sorted(os.listdir(tmp_path)) == ["archive", "link", "real"]
    paths = pq.read_table(tmp_path / "real" / "articles").column("path").to_pylist()
    assert paths == [str(archive) + "/bad\\xff.md"]


def test_parquet_usage_errors(tmp_path: Path, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]) -> None:
    with pytest.raises(SystemExit) as exit_info:
        main([str(SEED), "--format", "parquet"])
    assert exit_info.value.code == 2 and "needs -o OUT" in capsys.readouterr().err
    (tmp_path / "file").write_text("x")
    with pytest.raises(SystemExit) as exit_info:
        main([str(SEED), "--format", "parquet", "-o", str(tmp_path / "file")])
    assert exit_info.value.code == 2 and "not a folder" in capsys.readouterr().err
    monkeypatch.setitem(sys.modules, "pyarrow", None)  # as if it were not installed
    monkeypatch.setitem(sys.modules, "pyarrow.parquet", None)
    with pytest.raises(SystemExit) as exit_info:
        main([str(SEED), "--format", "parquet", "-o", str(tmp_path / "tables")])
    assert exit_info.value.code == 2 and "pip install 'dwparse[parquet]'" in capsys.readouterr().err


@needs_seed
def test_no_inlines(capsys: pytest.CaptureFixture[str]) -> None:
    assert main([str(SEED), "--no-inlines", "--quiet"]) == 0
    line = json.loads(capsys.readouterr().out)
    assert line["path"] == str(SEED) and all("inlines" not in block for block in line["blocks"])
    assert line["text"] == dwparse.parse_file(SEED).text


class _Terminal(io.StringIO):
    def isatty(self) -> bool:
        return True


def test_progress_shows_rate_and_time_left_after_one_walk(monkeypatch: pytest.MonkeyPatch) -> None:
    walks = []
    real_walk = os.walk
    monkeypatch.setattr(cli.os, "walk", lambda *args, **kwargs: walks.append(args) or real_walk(*args, **kwargs))
    terminal = _Terminal()
    monkeypatch.setattr(sys, "stderr", terminal)
    monkeypatch.setattr(sys, "stdout", io.StringIO())
    assert main([str(FIXTURES)]) == 0
    shown = terminal.getvalue()
    total = len(list(FIXTURES.glob("*.md")))
    assert f"] {total}/{total} files, " in shown and " files/s, " in shown and " left" in shown
    assert len(walks) == 1
    lines = [line for line in shown.split("\r") if line]
    assert all(line.endswith("\x1b[K") and len(line) <= 79 + 3 for line in lines[:-1])
    monkeypatch.setattr(sys, "stderr", terminal := _Terminal())
    assert main([str(FIXTURES), "--quiet"]) == 0
    assert terminal.getvalue() == ""
