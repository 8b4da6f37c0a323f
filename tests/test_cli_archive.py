"""The command line on a real archive's layout: which files a folder holds
(--glob), a run that finds nothing, the problems file (--problems), the
summary (--summary), --text's deprecation and the help's width."""

from __future__ import annotations

import json
import os
import subprocess
import sys
from pathlib import Path

import pytest

from conftest import FIXTURES, ROOT
from helpers import run_cli

CLEAN = FIXTURES / "para-article-ref.md"
BROKEN = FIXTURES / "broken-truncated-in-tag.md"


run = run_cli


def paths_of(out: str) -> list[str]:
    return [json.loads(line)["path"] for line in out.splitlines()]


# -- which files a folder holds ------------------------------------------------------------


def test_glob_replaces_the_default_names(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    for name in ("a.md", "b.txt", "c.html", "d.htm"):
        (tmp_path / name).write_bytes(CLEAN.read_bytes())
    status, out, _ = run(capsys, str(tmp_path), "-q")
    assert status == 0 and paths_of(out) == [str(tmp_path / "a.md"), str(tmp_path / "b.txt")]
    status, out, _ = run(capsys, str(tmp_path), "--glob", "*.htm*", "-q")
    assert status == 0 and paths_of(out) == [str(tmp_path / "c.html"), str(tmp_path / "d.htm")]
    status, out, _ = run(capsys, str(tmp_path), "--glob", "*.html", "--glob", "a.*", "-q")
    assert status == 0 and paths_of(out) == [str(tmp_path / "a.md"), str(tmp_path / "c.html")]


def test_a_file_named_is_read_whatever_its_name(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    (tmp_path / "item.html").write_bytes(CLEAN.read_bytes())
    status, out, _ = run(capsys, str(tmp_path / "item.html"))
    assert status == 0 and paths_of(out) == [str(tmp_path / "item.html")]


@pytest.mark.parametrize("pattern", ["sub/*.md", "", "../*.txt"])
def test_a_pattern_naming_folders_is_a_usage_error(pattern: str, capsys: pytest.CaptureFixture[str]) -> None:
    status, _, err = run(capsys, str(FIXTURES), "--glob", pattern)
    assert status == 2 and "--glob" in err and "usage: dwparse" in err


def test_safety_rules_hold_for_every_pattern(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    folder, outside = tmp_path / "feed", tmp_path / "secret.txt"
    folder.mkdir()
    outside.write_text(CLEAN.read_text(encoding="utf-8").replace("欧盟", "机密"), encoding="utf-8")
    (folder / "000_a.txt").write_bytes(CLEAN.read_bytes())
    (folder / "001_b.txt").symlink_to(outside)  # a link out of the folder: reported, not read
    (folder / "002_c.txt").mkdir()  # a folder named like an archive file: reported, not walked into
    (folder / "002_c.txt" / "inner.txt").write_bytes(CLEAN.read_bytes())
    out = folder / "out.txt"  # the output, in the folder read: not read back
    status, _, err = run(capsys, str(folder), "-o", str(out))
    assert status == 1
    assert paths_of(out.read_text(encoding="utf-8")) == [str(folder / "000_a.txt")]
    assert "001_b.txt: a link out of the folder" in err and "002_c.txt: a folder, not an archive file" in err
    status, _, err = run(capsys, str(folder), "-o", str(out), "--glob", "*_c.*")
    assert status == 1 and "002_c.txt: a folder, not an archive file" in err


def test_the_examples_folder_holds_only_archive_files(capsys: pytest.CaptureFixture[str]) -> None:
    """Its readme is no archive file: it is named so that no folder walk reads it."""
    status, out, err = run(capsys, str(ROOT / "examples"))
    assert status == 0, err
    assert sorted(Path(path).name for path in paths_of(out)) == sorted(path.name for path in (ROOT / "examples").glob("*.md"))
    assert all(not json.loads(line)["problems"] for line in out.splitlines())
    assert (ROOT / "examples" / "README").is_file()


# -- nothing found -------------------------------------------------------------------------


def test_a_run_that_finds_nothing_says_so_and_exits_1(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    (tmp_path / "feed").mkdir()
    (tmp_path / "feed" / "item.html").write_bytes(CLEAN.read_bytes())
    out = tmp_path / "out.jsonl"
    out.write_text("old\n", encoding="utf-8")
    status, stdout, err = run(capsys, str(tmp_path / "feed"), "-o", str(out), "--quiet")
    assert status == 1 and stdout == ""
    assert err == f"dwparse: nothing to read: no file in {tmp_path / 'feed'} matches *.md or *.txt\n"
    assert out.read_text(encoding="utf-8") == "old\n"  # an older OUT stays
    assert sorted(path.name for path in tmp_path.iterdir()) == ["feed", "out.jsonl"]  # no temporary file left
    status, _, err = run(capsys, str(tmp_path / "feed"), "--glob", "*.xml")
    assert status == 1 and "matches *.xml\n" in err


def test_a_folder_without_archive_files_beside_others_is_noted(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    (tmp_path / "empty").mkdir()
    status, out, err = run(capsys, str(CLEAN), str(tmp_path / "empty"))
    assert status == 0 and paths_of(out) == [str(CLEAN)]
    assert f"dwparse: {tmp_path / 'empty'}: no file matches *.md or *.txt\n" in err
    status, _, err = run(capsys, str(CLEAN), str(tmp_path / "empty"), "-q")
    assert status == 0 and err == ""


# -- the problems file ---------------------------------------------------------------------


def test_problems_are_written_as_json_lines(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    import dwparse

    problems = tmp_path / "problems.jsonl"
    status, out, _ = run(capsys, str(CLEAN), str(BROKEN), "--problems", str(problems))
    assert status == 0 and len(out.splitlines()) == 2
    lines = [json.loads(line) for line in problems.read_text(encoding="utf-8").splitlines()]
    expected = dwparse.parse_file(BROKEN).problems
    assert expected and [list(line) for line in lines] == [["path", "code", "line", "column", "message"]] * len(expected)
    assert lines == [
        {"path": str(BROKEN), "code": p.code, "line": p.line, "column": p.column, "message": p.message} for p in expected
    ]
    assert sorted(path.name for path in tmp_path.iterdir()) == ["problems.jsonl"]  # no temporary file left


def test_problems_with_strict_jobs_and_parquet(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    one, two = tmp_path / "one.jsonl", tmp_path / "two.jsonl"
    status, out, _ = run(capsys, str(FIXTURES), "--problems", str(one), "-q")
    assert status == 0 and one.read_text(encoding="utf-8")
    status, _, _ = run(capsys, str(FIXTURES), "--problems", str(two), "-q", "--strict", "--jobs", "2")
    assert status == 1  # files with problems are not written, but their problems are
    assert two.read_bytes() == one.read_bytes()
    pytest.importorskip("pyarrow", reason="--format parquet needs pyarrow (the parquet extra)")
    status, _, _ = run(capsys, str(FIXTURES), "--problems", str(two), "-q", "--format", "parquet", "-o", str(tmp_path / "t"))
    assert status == 0 and two.read_bytes() == one.read_bytes()


def test_the_problems_file_is_refused_where_it_would_replace_something(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    source = tmp_path / "in.md"
    source.write_bytes(BROKEN.read_bytes())
    status, _, err = run(capsys, str(source), "--problems", str(source))
    assert status == 2 and "--problems" in err and "names an input file" in err
    assert source.read_bytes() == BROKEN.read_bytes()
    status, _, err = run(capsys, str(source), "-o", str(tmp_path / "out"), "--problems", str(tmp_path / "out"))
    assert status == 2 and "is also -o OUT" in err
    status, _, err = run(capsys, str(source), "-o", str(tmp_path / "t"), "--format", "parquet", "--problems", str(tmp_path / "t" / "p"))
    assert status == 2 and "inside the folder of tables" in err
    assert sorted(path.name for path in tmp_path.iterdir()) == ["in.md"]


def test_the_problems_file_is_written_whole_or_not_at_all(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    folder = tmp_path / "feed"
    folder.mkdir()
    (folder / "a.md").write_bytes(BROKEN.read_bytes())
    problems = folder / "problems.txt"  # in the folder read, named like an archive file: not read back
    problems.write_text("", encoding="utf-8")  # empty (an earlier run's): may be replaced
    status, out, err = run(capsys, str(folder), "--problems", str(problems))
    assert status == 0 and paths_of(out) == [str(folder / "a.md")], err
    assert problems.read_text(encoding="utf-8").count('"code"') == len(json.loads(out)["problems"])
    problems.write_text('{"old": 1}\n', encoding="utf-8")
    status, _, _ = run(capsys, str(folder), "--glob", "*.xml", "--problems", str(problems))  # nothing found
    assert status == 1 and problems.read_text(encoding="utf-8") == '{"old": 1}\n'
    assert sorted(path.name for path in folder.iterdir()) == ["a.md", "problems.txt"]


# -- the summary ---------------------------------------------------------------------------


def test_the_summary_is_for_runs_of_many_files(tmp_path: Path, capsys: pytest.CaptureFixture[str], monkeypatch: pytest.MonkeyPatch) -> None:
    import io

    summary = "dwparse: 1 file read, 1 with problems, 0 could not be read\n"
    assert run(capsys, str(BROKEN)) == (0, run(capsys, str(BROKEN), "-q")[1], "")
    assert run(capsys, str(BROKEN), "--summary")[2] == summary
    assert run(capsys, str(BROKEN), "--summary", "--quiet")[2] == summary
    (tmp_path / "a.md").write_bytes(BROKEN.read_bytes())
    assert run(capsys, str(tmp_path))[2] == summary  # a folder: whatever it holds
    monkeypatch.setattr(sys, "stdin", io.TextIOWrapper(io.BytesIO(BROKEN.read_bytes())))
    status, out, err = run(capsys, "-")
    assert status == 0 and json.loads(out)["path"] == "-" and err == ""
    status, _, err = run(capsys, str(tmp_path / "missing.md"))
    assert status == 1 and err == f"dwparse: {tmp_path / 'missing.md'}: No such file or directory\n"


# -- options and help ----------------------------------------------------------------------


def test_text_option_is_deprecated(capsys: pytest.CaptureFixture[str]) -> None:
    status, out, err = run(capsys, "--text", str(CLEAN))
    assert status == 0 and out == run(capsys, "--format", "text", str(CLEAN))[1]
    assert err == "dwparse: --text is deprecated and will be removed in 0.5.0; use --format text\n"
    assert run(capsys, "--format", "text", str(CLEAN))[2] == ""


@pytest.mark.parametrize("columns", [None, "40", "80", "200"])
def test_help_fits_80_columns(columns: str | None) -> None:
    environment = {key: value for key, value in os.environ.items() if key != "COLUMNS"}
    if columns is not None:
        environment["COLUMNS"] = columns
    result = subprocess.run(
        [sys.executable, "-m", "dwparse", "--help"], capture_output=True, text=True, env=environment, timeout=60, check=False
    )
    assert result.returncode == 0 and result.stdout.count("\n") > 40
    too_long = [line for line in result.stdout.splitlines() if len(line) > 80]
    assert too_long == []
    for option in ("--glob", "--latest", "--problems", "--summary", "--format", "--text"):
        assert option in result.stdout
