"""--latest and ``dwparse.latest``: one file per article id, the newest,
chosen from each file's first lines; it agrees with a full parse."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

import dwparse
from conftest import FIXTURES, ROOT
from dwparse.cli import main
from dwparse import latest
from dwparse.latest import HEAD_BYTES, Stamp, latest_paths, stamp

REAL = ROOT.parent / "shared" / "corpus" / "real"
REAL_FILES = sorted(REAL.glob("*.md")) if REAL.is_dir() else []
needs_real = pytest.mark.skipif(
    not REAL_FILES, reason=f"needs the real archive files: ../shared/corpus/real (not found at {REAL})"
)
LOCAL_FILES = sorted(FIXTURES.glob("*.md")) + sorted((ROOT / "examples").glob("*.md"))
BODY = "------\n\n<div><i><br>2024-07-28T11:07:48Z</i></div><p>{text}</p>"


def archive(millis: object, article_id: object, text: str = "正文") -> str:
    """An archive file with header ``millis`` (``None``: no header) and URL id ``article_id``."""
    header = "" if millis is None else f"<!--{millis}-->\n"
    url = "https://www.dw.com/zh/x" + ("" if article_id is None else f"/a-{article_id}")
    return f"{header}[标题]({url})\n" + BODY.format(text=text)


def full(path: Path) -> Stamp:
    article = dwparse.parse_file(path)
    return Stamp(article.article_id, article.archived_at)


def test_the_local_files_are_there() -> None:
    assert len(LOCAL_FILES) > 100


@pytest.mark.parametrize("path", LOCAL_FILES, ids=lambda path: f"{path.parent.name}/{path.name}")
def test_stamp_agrees_with_a_full_parse(path: Path) -> None:
    assert stamp(path) == full(path)


@needs_real
def test_stamp_agrees_with_a_full_parse_on_the_real_archive() -> None:
    assert [stamp(path) for path in REAL_FILES] == [full(path) for path in REAL_FILES]


ODD_HEADS = {
    "bom-and-crlf": b"\xef\xbb\xbf<!--1722165425000-->\r\n[t](https://www.dw.com/zh/x/a-7)\r\n---\r\n",
    "cr-only": b"<!--1722165425000-->\r[t](https://www.dw.com/zh/x/a-7)\r---\r",
    "blank-lines-first": b"\n\n  \n<!--1722165425000-->\n\n[t](https://www.dw.com/zh/x/a-7)\n---\n",
    "seconds": b"<!--1722165425-->\n[t](https://www.dw.com/zh/x/a-7)\n---\n",
    "no-header": b"[t](https://www.dw.com/zh/x/a-7)\n---\n",
    "no-title": b"<!--1722165425000-->\n<p>x</p>\n",
    "nul-in-header": b"<!--17221\x0065425000-->\n[t](https://www.dw.com/zh/x/a-7)\n---\n",
    "long-title-line": b"<!--1722165425000-->\n[" + "长".encode() * 3000 + b"](https://www.dw.com/zh/x/a-7)\n---\n",
    "many-blank-lines": b"\n" * (HEAD_BYTES + 10) + b"<!--1722165425000-->\n[t](https://www.dw.com/zh/x/a-7)\n---\n",
    "gbk-title": b"<!--1722165425000-->\n[" + "德国之声新闻".encode("gb18030") * 50 + b"](https://www.dw.com/zh/x/a-7)\n",
    "gbk-long-title": b"<!--1722165425000-->\n[" + "德国之声新闻".encode("gb18030") * 400 + b"](https://www.dw.com/zh/x/a-7)\n",
    "invalid-utf8-title": b"<!--1722165425000-->\n[\xff\xfe](https://www.dw.com/zh/x/a-7)\n---\n",
}


@pytest.mark.parametrize("name", sorted(ODD_HEADS))
@pytest.mark.parametrize("body", [0, 2000], ids=["short", "long-body"])
def test_stamp_agrees_with_a_full_parse_on_odd_heads(name: str, body: int, tmp_path: Path) -> None:
    path = tmp_path / "x.md"
    path.write_bytes(ODD_HEADS[name] + b"<div><i><br>2024-07-28T11:07:48Z</i></div>" + "<p>正文</p>".encode() * body)
    assert stamp(path) == full(path)
    if name not in ("no-title", "no-header"):
        assert stamp(path).article_id == 7


def test_stamp_reads_only_the_first_bytes_of_a_big_file(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    path = tmp_path / "big.md"
    path.write_text(archive(1722165425000, 5, "很长的正文" * 400_000), encoding="utf-8")  # 6 MB
    read: list[int] = []
    real_read = latest.read_regular_file

    def counting(path: Path, limit: int = -1) -> bytes:
        data = real_read(path, limit)
        read.append(len(data))
        return data

    monkeypatch.setattr(latest, "read_regular_file", counting)
    assert stamp(path) == Stamp(5, dwparse.parse(archive(1722165425000, 5)).archived_at)
    assert 0 < sum(read) <= HEAD_BYTES + 1


def test_latest_paths_keeps_the_newest_copy_of_each_id_in_input_order(tmp_path: Path) -> None:
    files = {
        "00-one-old.md": archive(1_000_000_000_000, 1),
        "01-no-id.md": archive(1_000_000_000_000, None),
        "02-two.md": archive(1_500_000_000_000, 2),
        "03-one-newest.md": archive(1_700_000_000_000, 1),
        "04-one-between.md": archive(1_600_000_000_000, 1),
        "05-two-tie.md": archive(1_500_000_000_000, 2),
        "06-three-no-time.md": archive(None, 3),
        "07-three-time.md": archive(1_000_000_000_000, 3),
        "08-three-no-time-again.md": archive(None, 3),
        "09-four-bad-header.md": archive("oops", 4),
        "10-four-bad-header-again.md": archive("oops", 4),
        "11-no-id-again.md": archive(1_000_000_000_000, None),
    }
    for name, text in files.items():
        (tmp_path / name).write_text(text, encoding="utf-8")
    missing = tmp_path / "12-missing.md"
    paths = [tmp_path / name for name in files] + [missing]
    kept = latest_paths(paths)
    assert [path.name for path in kept] == [
        "01-no-id.md",
        "03-one-newest.md",
        "05-two-tie.md",  # a tie: the later file
        "07-three-time.md",  # a file with a time beats those without
        "10-four-bad-header-again.md",  # neither has a time: the later file
        "11-no-id-again.md",
        "12-missing.md",  # not readable: kept, reading it says why
    ]
    assert latest_paths(str(path) for path in paths) == [str(path) for path in kept]  # any iterable, str too
    assert latest_paths([]) == [] and latest_paths(["-"]) == ["-"]


def _copies(folder: Path) -> None:
    folder.mkdir()
    (folder / "000_0e629ed350e8d277.txt").write_text(archive(1_700_000_000_000, 9, "旧版本"), encoding="utf-8")
    (folder / "001_a1b2c3d4e5f60718.txt").write_text(archive(1_700_000_900_000, 9, "新版本"), encoding="utf-8")
    (folder / "002_ffffffffffffffff.txt").write_text(archive(1_700_000_000_000, 8, "另一篇"), encoding="utf-8")
    (folder / "003_0000000000000000.txt").write_text(archive(1_600_000_000_000, 9, "更旧"), encoding="utf-8")


def test_latest_on_the_command_line_in_jsonl(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    _copies(tmp_path / "feed")
    assert main([str(tmp_path / "feed"), "--latest"]) == 0
    captured = capsys.readouterr()
    lines = [json.loads(line) for line in captured.out.splitlines()]
    assert [(Path(line["path"]).name, line["text"]) for line in lines] == [
        ("001_a1b2c3d4e5f60718.txt", "新版本"),
        ("002_ffffffffffffffff.txt", "另一篇"),
    ]
    assert captured.err == "dwparse: 2 files read, 0 with problems, 0 could not be read, 2 older copies left out\n"
    assert main([str(tmp_path / "feed")]) == 0  # without --latest: every copy
    assert len(capsys.readouterr().out.splitlines()) == 4


def test_latest_on_the_command_line_in_text_and_with_jobs(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    _copies(tmp_path / "feed")
    assert main([str(tmp_path / "feed"), "--latest", "--format", "text", "--jobs", "2", "-q"]) == 0
    out = capsys.readouterr().out
    assert "新版本" in out and "另一篇" in out and "旧版本" not in out and "更旧" not in out
    assert out.count("==> ") == 2


def test_latest_on_the_command_line_in_parquet(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    pq = pytest.importorskip("pyarrow.parquet", reason="--format parquet needs pyarrow (the parquet extra)")
    _copies(tmp_path / "feed")
    out = tmp_path / "tables"
    assert main([str(tmp_path / "feed"), "--latest", "--format", "parquet", "-o", str(out), "-q"]) == 0
    articles = pq.read_table(next(path for path in out.rglob("*.parquet") if "articles" in str(path.relative_to(out))))
    assert sorted(articles.column("text").to_pylist()) == sorted(["新版本", "另一篇"])
