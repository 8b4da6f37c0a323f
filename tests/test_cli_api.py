"""``dwparse.convert.write_parquet`` and ``write_jsonl``: the command line's
output from Python, by the same run."""

from __future__ import annotations

from pathlib import Path

import pytest

import dwparse
from conftest import FIXTURES, ROOT
from dwparse.cli import main
from dwparse.convert import WriteCounts, write_jsonl, write_parquet

BROKEN = FIXTURES / "broken-truncated-in-tag.md"
EXAMPLES = ROOT / "examples"


def tables(folder: Path) -> dict[str, object]:
    """Every Parquet file under ``folder``, by its path in it, read as a table."""
    pq = pytest.importorskip("pyarrow.parquet", reason="the tables need pyarrow (the parquet extra)")
    found = {str(path.relative_to(folder)): pq.read_table(path) for path in sorted(folder.rglob("*.parquet"))}
    assert found, f"no tables in {folder}"
    return found


def test_write_parquet_writes_the_tables_of_the_command_line(tmp_path: Path) -> None:
    paths = [str(FIXTURES), str(EXAMPLES), str(tmp_path / "missing.md")]
    assert main([*paths, "--format", "parquet", "-o", str(tmp_path / "cli"), "--quiet"]) == 1
    counts = write_parquet(paths, tmp_path / "api")
    cli, api = tables(tmp_path / "cli"), tables(tmp_path / "api")
    assert list(cli) == list(api)
    for name, table in cli.items():
        assert api[name].equals(table, check_metadata=True), name
        assert api[name].schema == table.schema
    articles = next(table for name, table in api.items() if "articles" in name)
    assert articles.num_rows == counts.read == len(list(FIXTURES.glob("*.md"))) + len(list(EXAMPLES.glob("*.md")))
    assert counts.failed == 1 and counts.failures == ((str(tmp_path / "missing.md"), "No such file or directory"),)
    assert counts.with_problems == sum(bool(dwparse.parse_file(path).problems) for path in FIXTURES.glob("*.md")) > 0


def test_write_parquet_with_jobs_and_latest(tmp_path: Path) -> None:
    one = write_parquet([FIXTURES], tmp_path / "one", latest=True)
    two = write_parquet([FIXTURES], tmp_path / "two", latest=True, jobs=2)
    assert one == two and one.left_out > 0
    assert one.read + one.left_out == len(list(FIXTURES.glob("*.md")))
    assert main([str(FIXTURES), "--latest", "--format", "parquet", "-o", str(tmp_path / "cli"), "-q"]) == 0
    cli, api = tables(tmp_path / "cli"), tables(tmp_path / "two")
    assert all(api[name].equals(table) for name, table in cli.items()) and list(cli) == list(api)


def test_write_jsonl_writes_the_lines_of_the_command_line(tmp_path: Path) -> None:
    assert main([str(FIXTURES), str(EXAMPLES), "-o", str(tmp_path / "cli.jsonl"), "-q"]) == 0
    counts = write_jsonl([FIXTURES, EXAMPLES], tmp_path / "api.jsonl")
    assert (tmp_path / "api.jsonl").read_bytes() == (tmp_path / "cli.jsonl").read_bytes()
    assert counts == WriteCounts(read=counts.read, with_problems=counts.with_problems, failed=0)
    assert counts.read == len((tmp_path / "api.jsonl").read_bytes().splitlines()) > 100
    latest = write_jsonl([FIXTURES], tmp_path / "latest.jsonl", latest=True, patterns=["*.md"])
    assert latest.read == len((tmp_path / "latest.jsonl").read_bytes().splitlines()) < counts.read


def test_nothing_to_read_is_an_error_and_writes_nothing(tmp_path: Path) -> None:
    (tmp_path / "feed").mkdir()
    with pytest.raises(FileNotFoundError, match="no archive files"):
        write_jsonl([tmp_path / "feed"], tmp_path / "out.jsonl")
    with pytest.raises(FileNotFoundError):
        write_jsonl([FIXTURES], tmp_path / "out.jsonl", patterns=["*.xml"])
    assert sorted(path.name for path in tmp_path.iterdir()) == ["feed"]


def test_bad_arguments_are_refused(tmp_path: Path) -> None:
    source = tmp_path / "in.md"
    source.write_bytes(BROKEN.read_bytes())
    with pytest.raises(ValueError, match="names an input file"):
        write_jsonl([source], source)
    with pytest.raises(ValueError, match="no file name pattern"):
        write_jsonl([source], tmp_path / "out.jsonl", patterns=["a/*.md"])
    with pytest.raises(ValueError):
        write_jsonl([source], tmp_path / "out.jsonl", patterns="*.md")  # type: ignore[arg-type]
    assert source.read_bytes() == BROKEN.read_bytes()
    assert sorted(path.name for path in tmp_path.iterdir()) == ["in.md"]


def test_an_interrupted_write_leaves_no_output(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    import dwparse.convert

    out = tmp_path / "out.jsonl"
    out.write_text("old\n", encoding="utf-8")
    calls: list[str] = []

    def interrupted(path: str, *args: object) -> object:
        calls.append(path)
        if len(calls) == 3:
            raise KeyboardInterrupt
        return real(path, *args)  # type: ignore[arg-type]

    real = dwparse.convert.convert_file
    monkeypatch.setattr(dwparse.convert, "convert_file", interrupted)
    with pytest.raises(KeyboardInterrupt):
        write_jsonl([FIXTURES], out)
    assert len(calls) == 3 and out.read_text(encoding="utf-8") == "old\n"
    assert sorted(path.name for path in tmp_path.iterdir()) == ["out.jsonl"]
