"""The command line: output, directories, exit codes, jobs, strict, text, progress."""

from __future__ import annotations

import io
import json
import subprocess
import sys
from pathlib import Path

import pytest

import dwparse
from conftest import FIXTURES, SEED
from dwparse.cli import main

CLEAN = FIXTURES / "para-article-ref.md"
BROKEN = FIXTURES / "broken-truncated-in-tag.md"


def run(capsys: pytest.CaptureFixture[str], *argv: str) -> tuple[int, str, str]:
    status = main(list(argv))
    captured = capsys.readouterr()
    return status, captured.out, captured.err


def test_one_file_gives_one_json_line(capsys: pytest.CaptureFixture[str]) -> None:
    status, out, err = run(capsys, str(SEED))
    assert status == 0
    lines = out.splitlines()
    assert len(lines) == 1
    data = json.loads(lines[0])
    assert list(data)[:2] == ["path", "schema_version"]
    assert data["path"] == str(SEED)
    assert {k: v for k, v in data.items() if k != "path"} == dwparse.parse_file(SEED).to_dict()
    assert err == "dwparse: 1 file read, 0 with problems, 0 could not be read\n"


def test_directories_are_walked_for_md_files(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    (tmp_path / "b" / "c").mkdir(parents=True)
    (tmp_path / "b" / "c" / "one.md").write_bytes(CLEAN.read_bytes())
    (tmp_path / "a.md").write_bytes(BROKEN.read_bytes())
    (tmp_path / "skip.txt").write_text("not read", encoding="utf-8")
    status, out, err = run(capsys, str(tmp_path))
    assert status == 0
    paths = [json.loads(line)["path"] for line in out.splitlines()]
    assert paths == [str(tmp_path / "a.md"), str(tmp_path / "b" / "c" / "one.md")]
    assert "2 files read, 1 with problems, 0 could not be read" in err


def test_unreadable_files_exit_1_and_the_rest_is_written(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    missing = tmp_path / "missing.md"
    status, out, err = run(capsys, str(SEED), str(missing), str(CLEAN))
    assert status == 1
    assert len(out.splitlines()) == 2
    assert f"dwparse: {missing}: No such file or directory" in err
    assert err.endswith("2 files read, 0 with problems, 1 could not be read\n")


def test_output_file(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    target = tmp_path / "out.jsonl"
    status, out, _ = run(capsys, str(FIXTURES), "-o", str(target))
    assert status == 0 and out == ""
    lines = target.read_text(encoding="utf-8").splitlines()
    assert len(lines) == len(list(FIXTURES.glob("*.md")))
    assert all(json.loads(line)["schema_version"] == 2 for line in lines)


def test_jobs_give_the_same_output(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    _, one, _ = run(capsys, str(FIXTURES))
    _, two, _ = run(capsys, str(FIXTURES), "--jobs", "2")
    assert one == two and one


def test_strict_skips_files_with_problems(capsys: pytest.CaptureFixture[str]) -> None:
    status, out, err = run(capsys, "--strict", str(CLEAN), str(BROKEN))
    assert status == 1
    assert len(out.splitlines()) == 1
    assert f"dwparse: {BROKEN}: line " in err and "body-truncated" in err


def test_text_output(capsys: pytest.CaptureFixture[str]) -> None:
    status, out, _ = run(capsys, "--text", str(SEED))
    article = dwparse.parse_file(SEED)
    assert status == 0
    assert out == f"==> {SEED} <==\n{article.title}\n\n{article.text}\n\n"


@pytest.mark.parametrize("argv", [[], ["--jobs", "-1", str(SEED)], ["--bogus", str(SEED)], ["-o", "/nonexistent/dir/x.jsonl", str(SEED)]])
def test_usage_errors_exit_2(argv: list[str], capsys: pytest.CaptureFixture[str]) -> None:
    with pytest.raises(SystemExit) as raised:
        main(argv)
    assert raised.value.code == 2
    assert "usage: dwparse" in capsys.readouterr().err


class _Terminal(io.StringIO):
    def isatty(self) -> bool:
        return True


def test_progress_bar_only_on_a_terminal(monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]) -> None:
    terminal = _Terminal()
    monkeypatch.setattr(sys, "stderr", terminal)
    assert main([str(SEED), str(CLEAN)]) == 0
    assert "] 2/2 files" in terminal.getvalue()
    terminal = _Terminal()
    monkeypatch.setattr(sys, "stderr", terminal)
    assert main([str(SEED)]) == 0
    assert "files\r" not in terminal.getvalue() and "1/1" not in terminal.getvalue()


def test_python_dash_m_and_help() -> None:
    result = subprocess.run(
        [sys.executable, "-m", "dwparse", "--help"], capture_output=True, text=True, check=False
    )
    assert result.returncode == 0
    for word in ("--jobs", "--strict", "--text", "-o", "exit status", "summary"):
        assert word in result.stdout
    result = subprocess.run([sys.executable, "-m", "dwparse", str(SEED)], capture_output=True, text=True, check=False)
    assert result.returncode == 0 and json.loads(result.stdout)["article_id"] == 69790970
