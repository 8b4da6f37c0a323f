"""The command line: output, directories, exit codes, jobs, strict, text, progress."""

from __future__ import annotations

import io
import json
import signal
import subprocess
import sys
from pathlib import Path

import pytest

import dwparse
from conftest import FIXTURES, SEED, needs_seed
from dwparse.cli import main

CLEAN = FIXTURES / "para-article-ref.md"
BROKEN = FIXTURES / "broken-truncated-in-tag.md"


def run(capsys: pytest.CaptureFixture[str], *argv: str) -> tuple[int, str, str]:
    status = main(list(argv))
    captured = capsys.readouterr()
    return status, captured.out, captured.err


@needs_seed
def test_one_file_gives_one_json_line(capsys: pytest.CaptureFixture[str]) -> None:
    status, out, err = run(capsys, str(SEED))
    assert status == 0
    lines = out.splitlines()
    assert len(lines) == 1
    data = json.loads(lines[0])
    assert list(data)[:2] == ["path", "schema_version"]
    assert data["path"] == str(SEED)
    assert {k: v for k, v in data.items() if k != "path"} == dwparse.parse_file(SEED).to_dict()
    assert err == ""  # one file: no summary, unless asked
    status, _, err = run(capsys, str(SEED), "--summary")
    assert status == 0 and err == "dwparse: 1 file read, 0 with problems, 0 could not be read\n"


def test_directories_are_walked_for_md_and_txt_files(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    (tmp_path / "b" / "c").mkdir(parents=True)
    (tmp_path / "b" / "c" / "one.md").write_bytes(CLEAN.read_bytes())
    (tmp_path / "a.md").write_bytes(BROKEN.read_bytes())
    (tmp_path / "000_0e629ed350e8d277.txt").write_bytes(CLEAN.read_bytes())
    (tmp_path / "skip.html").write_text("not read", encoding="utf-8")
    (tmp_path / "README").write_text("not read", encoding="utf-8")
    status, out, err = run(capsys, str(tmp_path))
    assert status == 0
    paths = [json.loads(line)["path"] for line in out.splitlines()]
    assert paths == [str(tmp_path / name) for name in ("000_0e629ed350e8d277.txt", "a.md", "b/c/one.md")]
    assert "3 files read, 1 with problems, 0 could not be read" in err


@needs_seed
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
    assert all(json.loads(line)["schema_version"] == 3 for line in lines)


def test_jobs_give_the_same_output(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    _, one, _ = run(capsys, str(FIXTURES))
    _, two, _ = run(capsys, str(FIXTURES), "--jobs", "2")
    assert one == two and one


def test_strict_skips_files_with_problems(capsys: pytest.CaptureFixture[str]) -> None:
    status, out, err = run(capsys, "--strict", str(CLEAN), str(BROKEN))
    assert status == 1
    assert len(out.splitlines()) == 1
    assert f"dwparse: {BROKEN}: line " in err and "body-truncated" in err


@needs_seed
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


@needs_seed
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


@needs_seed
def test_python_dash_m_reads_a_file() -> None:
    result = subprocess.run([sys.executable, "-m", "dwparse", str(SEED)], capture_output=True, text=True, check=False)
    assert result.returncode == 0 and json.loads(result.stdout)["article_id"] == 69790970


# -- faults found by an outside review -------------------------------------------------


def test_fifos_and_devices_are_reported_not_waited_on(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    import os

    fifo = tmp_path / "pipe.md"
    os.mkfifo(fifo)
    (tmp_path / "ok.md").write_bytes(CLEAN.read_bytes())
    status, out, err = run(capsys, str(tmp_path), str(fifo), "/dev/zero")
    assert status == 1
    assert [json.loads(line)["path"] for line in out.splitlines()] == [str(tmp_path / "ok.md")]
    assert f"dwparse: {fifo}: not a regular file" in err and "dwparse: /dev/zero: not a regular file" in err
    assert err.endswith("1 file read, 0 with problems, 3 could not be read\n")


@needs_seed
def test_a_file_failing_in_any_way_is_reported_and_the_run_goes_on(
    monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    import dwparse.convert

    real = dwparse.convert.parse_file

    def failing(path: str, **options: bool) -> dwparse.Article:
        if path == str(BROKEN):
            raise MemoryError("too big")
        return real(path, **options)

    monkeypatch.setattr(dwparse.convert, "parse_file", failing)
    status, out, err = run(capsys, str(SEED), str(BROKEN), str(CLEAN))
    assert status == 1 and len(out.splitlines()) == 2
    assert f"dwparse: {BROKEN}: MemoryError: too big" in err


@needs_seed
def test_parse_many_reports_any_failure(tmp_path: Path) -> None:
    import os

    fifo = tmp_path / "pipe.md"
    os.mkfifo(fifo)
    errors: list[tuple[object, Exception]] = []
    got = list(dwparse.parse_many([fifo, SEED], on_error=lambda path, error: errors.append((path, error))))
    assert [path for path, _ in got] == [SEED]
    assert [path for path, _ in errors] == [fifo] and isinstance(errors[0][1], OSError)


def test_file_names_are_escaped(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    name = tmp_path / "bad\x1b[31mname.md"
    status, _, err = run(capsys, str(name))
    assert status == 1
    assert "\x1b" not in err and "bad\\x1b[31mname.md" in err


@needs_seed
def test_output_is_written_whole_or_not_at_all(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    out = tmp_path / "out.jsonl"
    out.write_text("old\n", encoding="utf-8")
    status, _, _ = run(capsys, str(SEED), str(CLEAN), "-o", str(out))
    assert status == 0 and len(out.read_text(encoding="utf-8").splitlines()) == 2
    assert [path.name for path in tmp_path.iterdir()] == ["out.jsonl"]  # no temporary file left


def test_output_inside_a_scanned_folder_is_not_read_back(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    (tmp_path / "a.md").write_bytes(CLEAN.read_bytes())
    out = tmp_path / "z-out.md"
    out.write_text('{"path": "old output"}\n', encoding="utf-8")  # an earlier run's: replaced
    status, _, err = run(capsys, str(tmp_path), "-o", str(out))
    assert status == 0, err
    assert [json.loads(line)["path"] for line in out.read_text(encoding="utf-8").splitlines()] == [
        str(tmp_path / "a.md")
    ]


@needs_seed
def test_a_full_disk_is_a_clear_error() -> None:
    result = subprocess.run(
        [sys.executable, "-m", "dwparse", str(SEED), "-o", "/dev/full"], capture_output=True, text=True, timeout=60
    )
    assert result.returncode in (1, 2)
    assert "Traceback" not in result.stderr and "dwparse: cannot write /dev/full" in result.stderr


@needs_seed
def test_full_standard_output_is_a_clear_error() -> None:
    with open("/dev/full", "w") as full:
        result = subprocess.run(
            [sys.executable, "-m", "dwparse", str(SEED)], stdout=full, stderr=subprocess.PIPE, text=True, timeout=60
        )
    assert result.returncode == 1
    assert "Traceback" not in result.stderr and "cannot write standard output" in result.stderr


@needs_seed
def test_standard_input(monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]) -> None:
    monkeypatch.setattr(sys, "stdin", io.TextIOWrapper(io.BytesIO(SEED.read_bytes())))
    status, out, _ = run(capsys, "-")
    assert status == 0
    data = json.loads(out)
    assert data["path"] == "-" and data["title"] == dwparse.parse_file(SEED).title


def test_text_output_cannot_be_spoofed(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    fake = tmp_path / "fake.md"
    fake.write_text(
        "<!--1-->\n[t](https://www.dw.com/zh/x/a-1)\n---\n\n<div><i><br>2024-07-28T11:07:48Z</i></div>"
        "<p>正文</p><p>==> other.md &lt;==</p>",
        encoding="utf-8",
    )
    _, out, _ = run(capsys, str(fake), "--format", "text")
    assert [line for line in out.splitlines() if line.startswith("==> ")] == [f"==> {fake} <=="]
    assert "\\==> other.md <==" in out


@needs_seed
def test_a_closed_pipe_ends_quietly(tmp_path: Path) -> None:
    for number in range(50):
        (tmp_path / f"{number:02d}.md").write_bytes(SEED.read_bytes())
    command = f"{sys.executable} -m dwparse {tmp_path} | head -c 10"
    result = subprocess.run(command, shell=True, capture_output=True, text=True, timeout=120)
    assert "Traceback" not in result.stderr and "BrokenPipe" not in result.stderr


@pytest.mark.parametrize("signum", [signal.SIGINT, signal.SIGTERM], ids=["SIGINT", "SIGTERM"])
@pytest.mark.parametrize("jobs", ["1", "2"])
def test_interrupted_runs_exit_130_and_leave_no_output(tmp_path: Path, jobs: str, signum: int) -> None:
    """A run interrupted while it reads files exits 130, leaves OUT as it was and no worker behind.

    No guessed delay: the run is caught in the middle. Once its temporary
    output beside OUT holds lines, it is reading files (its signal handlers are
    set); it is then stopped (SIGSTOP: it cannot finish), found to be far from
    done, sent the signal, and let go on (SIGCONT), so the signal is what it
    meets next.
    """
    import contextlib
    import os
    import time

    sources = [path.read_bytes() for path in sorted(FIXTURES.glob("*.md")) if path.name != "README.md"]
    folder = tmp_path / "in"
    folder.mkdir()
    count = 3000
    for number in range(count):
        (folder / f"{number:04d}.md").write_bytes(sources[number % len(sources)])
    out = tmp_path / "out.jsonl"
    out.write_text("old\n", encoding="utf-8")
    process = subprocess.Popen(
        [sys.executable, "-m", "dwparse", str(folder), "-o", str(out), "--jobs", jobs],
        stderr=subprocess.PIPE, text=True, start_new_session=True,
    )  # fmt: skip
    try:
        deadline = time.monotonic() + 60
        while not [part for part in tmp_path.glob(".dwparse-*.part") if part.stat().st_size > 0]:
            assert process.poll() is None, f"the run ended (exit {process.returncode}) before it could be interrupted"
            assert time.monotonic() < deadline, "the run wrote nothing in 60 s"
            time.sleep(0.001)
        os.kill(process.pid, signal.SIGSTOP)
        _, status = os.waitpid(process.pid, os.WUNTRACED)
        assert os.WIFSTOPPED(status), f"the run ended before it could be stopped (status {status})"
        (part,) = tmp_path.glob(".dwparse-*.part")
        written = part.read_bytes().count(b"\n")  # lines on disk; at most a buffer's worth behind
        assert written < count // 2, f"stopped too late to be sure it is still reading: {written} of {count} lines"
        process.send_signal(signum)
        os.kill(process.pid, signal.SIGCONT)
        _, err = process.communicate(timeout=60)
        assert process.returncode == 130, err
        assert "(interrupted)" in err and "Traceback" not in err
        assert out.read_text(encoding="utf-8") == "old\n"
        assert sorted(path.name for path in tmp_path.iterdir()) == ["in", "out.jsonl"]
        time.sleep(0.5)
        states = subprocess.run(["ps", "-o", "stat=", "-s", str(process.pid)], capture_output=True, text=True).stdout
        assert [state for state in states.split() if not state.startswith("Z")] == [], "workers left running"
    finally:  # whatever failed above, leave nothing of the run stopped or running
        with contextlib.suppress(ProcessLookupError):
            os.killpg(process.pid, signal.SIGKILL)
        process.wait()


def test_an_unreadable_folder_is_reported(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    import os

    import dwparse.cli

    real_walk = os.walk

    def walk(top: str, onerror: object = None) -> object:
        assert callable(onerror)
        onerror(PermissionError(13, "Permission denied", str(tmp_path / "locked")))
        return real_walk(top)

    (tmp_path / "a.md").write_bytes(CLEAN.read_bytes())
    monkeypatch.setattr(dwparse.cli.os, "walk", walk)
    status, out, err = run(capsys, str(tmp_path))
    assert status == 1 and len(out.splitlines()) == 1
    assert f"dwparse: {tmp_path / 'locked'}: Permission denied" in err


@needs_seed
def test_every_line_validates_against_the_schema(capsys: pytest.CaptureFixture[str]) -> None:
    import jsonschema

    validator = jsonschema.Draft202012Validator(dwparse.json_schema())
    status, out, _ = run(capsys, str(FIXTURES), str(SEED))
    lines = out.splitlines()
    assert status == 0 and len(lines) == len(list(FIXTURES.glob("*.md"))) + 1  # README.md is walked too
    for line in lines:
        validator.validate(json.loads(line))
