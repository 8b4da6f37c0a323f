"""Regressions of the second reliability review (#18), one test each."""

from __future__ import annotations

import pytest

import dwparse
from helpers import run_cli

HEAD = "<!--1747745800000-->\n[标题](https://www.dw.com/zh/x/a-1)\n---\n\n"
DATE = "<div><i><br>2025-05-20T12:56:04.930Z</i></div>"


@pytest.mark.parametrize(
    "body",
    [
        '<p><a href="https://www.dw.com/zh/x/a-1?maca=">TITLE</a></p><p>LAST</p><p><em>© 2024年德国之声</em></p>',
        "<p><a href='https://www.dw.com/zh/x/a-1?maca='>TITLE</a></p><p>LAST</p><p><em>© 2024年德国之声</em></p>",
        '<p><a href="x=">TITLE</a><a href="y==">B</a></p><p>LAST</p><p><em>© 2024年德国之声</em></p>',
        '<p><a title="a" href="data:x;base64,AA==">TITLE</a></p><p>LAST</p><p><em>© 2024年德国之声</em></p>',
    ],
)
def test_a_value_ending_in_an_equals_sign_loses_nothing(body: str) -> None:
    article = dwparse.parse(HEAD + DATE + body)
    assert article.problems == ()
    assert "TITLE" in article.text and "LAST" in article.text and article.copyright == "© 2024年德国之声"
    assert article.links and article.links[0].text == "TITLE"


def test_a_quote_never_closed_is_still_reported() -> None:
    article = dwparse.parse(HEAD + DATE + '<p><a href="x>A</a></p><p>LAST</p>')
    assert [problem.code for problem in article.problems] == ["html-malformed"]
    assert "LAST" in article.text


def _seed_like() -> dict[str, object]:
    article = dwparse.parse(HEAD + "<div><i>德正<br>2025-05-20T12:56:04.930Z</i></div><p>正文</p><h3>小标题</h3>")
    return article.to_dict()


@pytest.mark.parametrize(
    ("change", "named"),
    [
        ({"published_at": "0001-01-01T00:00:00+01:00"}, "Article.published_at .*out of range"),
        ({"archived_at": "9999-12-31T23:59:59-01:00"}, "Article.archived_at .*out of range"),
        ({"content_type": "bogus"}, "Article.content_type"),
        ({"authors": [""]}, "Article.authors"),
        ({"authors": ["德正", "德正"]}, "Article.authors"),
        ({"problems": [{"code": "Bad Code", "message": "", "line": 1, "column": 1}]}, "Problem.code"),
        ({"problems": [{"code": "x", "message": "", "line": 0, "column": 1}]}, "Problem.line"),
    ],
)
def test_from_dict_refuses_what_the_schema_refuses_with_a_value_error(change: dict[str, object], named: str) -> None:
    with pytest.raises(ValueError, match=named):
        dwparse.Article.from_dict({**_seed_like(), **change})


def test_from_dict_refuses_a_heading_level_out_of_range() -> None:
    data = _seed_like()
    data["blocks"][1]["level"] = 99  # type: ignore[index]
    with pytest.raises(ValueError, match="Heading.level"):
        dwparse.Article.from_dict(data)


# -- the command line ---------------------------------------------------------------------

ARTICLE = HEAD + DATE + "<p>正文</p>"


_main = run_cli


def test_out_naming_an_input_file_is_refused(tmp_path: pytest.TempPathFactory, capsys: pytest.CaptureFixture[str]) -> None:
    first, second = tmp_path / "in1.md", tmp_path / "in2.md"  # type: ignore[operator]
    first.write_text(ARTICLE, encoding="utf-8")
    second.write_text(ARTICLE, encoding="utf-8")
    status, _, err = _main(capsys, str(first), str(second), "-o", str(first))
    assert status == 2 and "names an input file" in err
    assert first.read_text(encoding="utf-8") == ARTICLE


def test_links_out_of_a_walked_folder_are_reported_not_read(tmp_path: pytest.TempPathFactory, capsys: pytest.CaptureFixture[str]) -> None:
    folder, outside = tmp_path / "archive", tmp_path / "secret.md"  # type: ignore[operator]
    folder.mkdir()
    outside.write_text(HEAD + DATE + "<p>机密</p>", encoding="utf-8")
    (folder / "a.md").write_text(ARTICLE, encoding="utf-8")
    (folder / "b.md").symlink_to(outside)
    (folder / "c.md").symlink_to(folder / "a.md")  # a link inside the folder is read
    (folder / "d.md").mkdir()  # a folder named *.md is not walked into
    (folder / "d.md" / "e.md").write_text(ARTICLE, encoding="utf-8")
    status, out, err = _main(capsys, str(folder))
    assert "机密" not in out and len(out.splitlines()) == 2
    assert "b.md: a link out of the folder" in err and "d.md: a folder" in err and status == 1
    status, out, _ = _main(capsys, str(folder / "b.md"))  # named on the command line: read as given
    assert status == 0 and "机密" in out


def test_text_output_escapes_a_title_that_looks_like_a_header(tmp_path: pytest.TempPathFactory, capsys: pytest.CaptureFixture[str]) -> None:
    path = tmp_path / "x.md"  # type: ignore[operator]
    path.write_text("<!--1747745800000-->\n[==> /etc/passwd <==](https://www.dw.com/zh/x/a-1)\n---\n\n" + DATE + "<p>正文</p>", encoding="utf-8")
    status, out, _ = _main(capsys, "--format", "text", str(path))
    assert status == 0 and [line for line in out.splitlines() if line.startswith("==> ")] == [f"==> {path} <=="]


def test_bidi_controls_and_line_separators_in_names_are_escaped() -> None:
    from dwparse.walk import shown as _shown

    assert _shown("a\u202eb\u2028c.md") == "a\\u202eb\\u2028c.md"
    assert _shown("\ufeffa\u200bb\u2060.md") == "\\ufeffa\\u200bb\\u2060.md"  # invisible format characters too


# -- workers ---------------------------------------------------------------------------------


def _die_on_forty(number: int) -> int:
    import os
    import signal

    if number == 40:
        os.kill(os.getpid(), signal.SIGKILL)  # as the OOM killer would
    return number * 10


def test_a_killed_worker_costs_only_the_files_in_flight() -> None:
    from dwparse.batch import map_files

    results = list(map_files(_die_on_forty, range(300), jobs=2, lost=lambda number, error: -1))
    assert [number for number, _ in results] == list(range(300))
    failed = [number for number, result in results if result == -1]
    assert 40 in failed and len(failed) < 200
    assert all(result == number * 10 for number, result in results if result != -1)
    assert results[-1] == (299, 2990)  # the rest was read by fresh workers


def test_the_command_line_names_the_lost_files_and_writes_the_rest(
    tmp_path: pytest.TempPathFactory, capsys: pytest.CaptureFixture[str], monkeypatch: pytest.MonkeyPatch
) -> None:
    from dwparse import convert

    folder = tmp_path / "many"  # type: ignore[operator]
    folder.mkdir()
    for number in range(400):
        (folder / f"{number:03d}.md").write_text(ARTICLE, encoding="utf-8")
    monkeypatch.setattr(convert, "convert_task", _KillOn("040.md"))
    status, out, err = _main(capsys, "--jobs", "2", str(folder))
    assert status == 1 and "040.md: the worker process reading it died" in err
    lines = out.splitlines()
    assert 0 < len(lines) < 400 and "399.md" in lines[-1]  # what was in flight is lost, the rest written


class _KillOn:
    """A picklable task that kills its worker on one file."""

    def __init__(self, name: str) -> None:
        self.name = name

    def __call__(self, task: tuple[str, bool, str, bool]) -> object:
        import os
        import signal

        from dwparse import convert

        if task[0].endswith(self.name):
            os.kill(os.getpid(), signal.SIGKILL)
        return convert.convert_file(*task)


def test_never_more_workers_than_chunks_nor_than_the_machine_can_use(monkeypatch: pytest.MonkeyPatch) -> None:
    from dwparse import batch

    from concurrent.futures import ThreadPoolExecutor

    started: list[int] = []

    def recording(max_workers: int) -> object:  # threads: a regression cannot fork a hundred thousand processes
        started.append(max_workers)
        return ThreadPoolExecutor(max_workers=min(max_workers, 4))

    monkeypatch.setattr(batch, "ProcessPoolExecutor", recording)
    assert [result for _, result in batch.map_files(abs, range(-5, 5), jobs=100_000)] == [abs(n) for n in range(-5, 5)]
    assert started == [1]  # ten items: one chunk, one worker
    list(batch.map_files(abs, range(100_000), jobs=100_000))
    assert started[-1] == batch.workers_for(100_000) <= batch.MAX_JOBS_PER_CPU * (__import__("os").cpu_count() or 1)


def test_parquet_row_groups_close_by_size(tmp_path: pytest.TempPathFactory) -> None:
    pq = pytest.importorskip("pyarrow.parquet")
    from dwparse.tables import ParquetFolder, rows

    big = dwparse.parse(HEAD + DATE + "<p>" + "字" * 50_000 + "</p>")
    small = dwparse.parse(HEAD + DATE + "<p>字</p>")
    folder = ParquetFolder(str(tmp_path / "out"), row_group_characters=120_000)  # type: ignore[operator]
    for number in range(6):
        folder.write(rows(f"big{number}.md", big))
    for number in range(6):
        folder.write(rows(f"small{number}.md", small))
    folder.finish(keep=True)
    articles = pq.ParquetFile(str(tmp_path / "out" / "articles" / "part-00000.parquet"))  # type: ignore[operator]
    assert articles.metadata.num_rows == 12
    assert articles.metadata.num_row_groups == 4  # two big articles fill a group (each is counted in two tables)


@pytest.mark.parametrize(
    ("body", "words", "problems"),
    [
        ("<p>正文</p><!--x<p>乙</p><!--y<p>丙</p>", ["乙", "丙"], 2),
        ("<p>正文</p><script><!--\nvar a=1;<p>后面的文字</p>", ["后面的文字"], 2),
    ],
)
def test_every_construct_never_closed_is_blanked_not_only_the_first(body: str, words: list[str], problems: int) -> None:
    article = dwparse.parse(HEAD + DATE + body)
    assert all(word in article.text for word in words), article.text
    assert [problem.code for problem in article.problems] == ["html-malformed"] * problems


def test_a_utf8_title_with_a_gbk_body_keeps_both() -> None:
    head = "<!--1747745800000-->\n[中文标题](https://www.dw.com/zh/x/a-1)\n---\n\n".encode()
    body = (DATE + "<p>这是一段用国标码写的中文新闻，德国之声报道。</p>").encode("gbk")
    article = dwparse.parse(head + body)
    assert article.title == "中文标题" and article.text == "这是一段用国标码写的中文新闻，德国之声报道。"
    assert [problem.message for problem in article.problems] == [
        "some bytes are not UTF-8 but GB18030; decoded as GB18030"
    ]


def test_a_utf8_paragraph_beside_a_gbk_one_keeps_both() -> None:
    head = (HEAD + DATE + "<p>这是UTF-8的段落。</p>").encode()
    article = dwparse.parse(head + "<p>这是一段用国标码写的中文新闻，德国之声报道了这件事情。</p>".encode("gbk"))
    assert article.text == "这是UTF-8的段落。\n\n这是一段用国标码写的中文新闻，德国之声报道了这件事情。"
    assert "\ufffd" not in article.text


@pytest.mark.parametrize(
    ("body", "text"),
    [
        ("<p>甲<svg><svg><text>乙</text></svg></svg>丙</p>", "甲乙丙"),
        ("<p>甲<svg><svg><text>乙</text><path>x</path></svg><text>丁</text></svg>丙</p>", "甲乙丁丙"),
        ("<p>甲<svg><script><text>乙</text></script></svg>丙</p>", "甲丙"),
    ],
)
def test_text_of_an_svg_inside_an_svg_is_shown(body: str, text: str) -> None:
    assert dwparse.parse(HEAD + DATE + body).text == text


@pytest.mark.parametrize(
    ("body", "shown"),
    [
        ("<p>甲<math><mi><![CDATA[乙]]></mi></math>丙</p>", True),
        ("<p>甲<svg><text><![CDATA[乙]]></text></svg>丙</p>", True),
        ("<p>甲<![CDATA[乙]]>丙</p>", False),  # in HTML, a CDATA section is a comment
    ],
)
def test_cdata_in_mathml_and_svg_is_text(body: str, shown: bool) -> None:
    article = dwparse.parse(HEAD + DATE + body)
    assert ("乙" in article.text) is shown and "甲" in article.text and "丙" in article.text
    assert "  " not in article.text


# The text expected below is what html5lib (a browser's parse) shows for each body.
@pytest.mark.parametrize(
    ("body", "text"),
    [
        ("<p>甲<svg><head>乙</head>丁</svg>丙</p>", "甲乙丁丙"),  # <head> ends the <svg>
        ("<p>甲<svg><svg><head>乙</head>丁</svg></svg>丙</p>", "甲乙丁丙"),  # ... every <svg> open
        ("<svg><HEAD class=x>乙</HEAD>丁</svg><p>丙</p>", "乙丁\n\n丙"),
        ("<p>甲<svg><title>乙</title>丁</svg>丙</p>", "甲丙"),  # an SVG <title> is a tooltip: not shown
        ("<p>甲</p><head>乙</head><p>丙</p>", "甲\n\n乙\n\n丙"),  # <head> in the body: ignored, text kept
    ],
)
def test_a_head_inside_an_svg_ends_it(body: str, text: str) -> None:
    assert dwparse.parse(HEAD + DATE + body).text == text


@pytest.mark.parametrize(
    "body",
    [
        "<p>甲</p><!x </html> 乙><p>丙</p>",
        "<p>甲</p><!x </BODY> 乙><p>丙</p>",
        "<p>甲</p><? </body> 乙><p>丙</p>",
        "<p>甲</p><!x <template> 乙><p>丙</p>",
        "<p>甲</p><!x <script> 乙><p>丙</p>",
    ],
)
def test_a_tag_inside_a_bogus_comment_ends_with_it(body: str) -> None:
    """A bogus comment (``<!x``, ``<?``) ends at its first ``>``: the
    ``</html>`` or ``<template>`` in it is not a tag, and what follows the
    ``>`` is text."""
    article = dwparse.parse(HEAD + DATE + body)
    assert article.text == "甲\n\n乙>\n\n丙"
    assert article.problems == ()


def test_a_misnested_template_end_keeps_the_text_a_browser_shows() -> None:
    article = dwparse.parse(HEAD + DATE + "<p><b>甲<template>乙</b>丁</template>丙</p>")
    assert article.text == "甲丁丙"


_SIGNAL_WHILE_FORKING = """
import os, signal, sys
from dwparse import cli

sent = []

def signal_once():  # a signal that arrives while the pool forks its workers
    if not sent:
        sent.append(True)
        os.kill(os.getpid(), signal.SIGTERM)

os.register_at_fork(after_in_parent=signal_once)
sys.exit(cli.main(sys.argv[1:]))
"""


def test_a_signal_while_workers_fork_stops_the_run(tmp_path: pytest.TempPathFactory) -> None:
    """The interrupt raised inside the fork callback is swallowed by Python
    (an exception in an at-fork callback is only printed); the run must stop
    all the same, with status 130 and no output."""
    import subprocess
    import sys

    folder = tmp_path / "many"  # type: ignore[operator]
    folder.mkdir()
    for number in range(300):
        (folder / f"{number:03d}.md").write_text(ARTICLE, encoding="utf-8")
    out = tmp_path / "out.jsonl"  # type: ignore[operator]
    done = subprocess.run(
        [sys.executable, "-c", _SIGNAL_WHILE_FORKING, "--jobs", "2", "-q", str(folder), "-o", str(out)],
        capture_output=True, text=True, timeout=120,
    )
    assert done.returncode == 130, done.stderr
    assert not out.exists()


@pytest.mark.parametrize("tag", ["wbr", "source", "track", "embed", 'source src="a.mp4"'])
def test_text_after_thousands_of_void_tags_libxml2_nests_is_kept(tag: str) -> None:
    """libxml2 nests these void elements, each in the one before: past 2048
    it stops. The flattening closes them (``<wbr />``), so what follows stays."""
    article = dwparse.parse(HEAD + DATE + "<p>甲</p><video>" + f"<{tag}>" * 2100 + "</video><p>乙</p>")
    assert article.text.endswith("乙")


@pytest.mark.parametrize("option", ["-o", "--problems"])
def test_an_output_naming_an_archive_file_of_a_walked_folder_is_refused(
    option: str, tmp_path: pytest.TempPathFactory, capsys: pytest.CaptureFixture[str]
) -> None:
    folder = tmp_path / "archive"  # type: ignore[operator]
    (folder / "sub").mkdir(parents=True)
    for name in ("a.md", "sub/b.txt"):
        (folder / name).write_text(ARTICLE, encoding="utf-8")
    for target in (folder / "a.md", folder / "sub" / "b.txt"):
        extra = ["-o", str(tmp_path / "out.jsonl")] if option == "--problems" else []  # type: ignore[operator]
        status, _, err = _main(capsys, str(folder), option, str(target), *extra)
        assert status == 2 and "names an archive file of a folder read" in err
        assert target.read_text(encoding="utf-8") == ARTICLE
    with pytest.raises(ValueError, match="archive file of a folder read"):
        dwparse.write_jsonl([folder], folder / "a.md")
    status, _, _ = _main(capsys, str(folder), "-o", str(folder / "new.jsonl"))  # a new name: written, not read back
    assert status == 0 and (folder / "new.jsonl").is_file()


def _times_ten(number: int) -> int:
    return number * 10


def test_workers_forked_by_an_interrupted_submit_are_stopped(monkeypatch: pytest.MonkeyPatch) -> None:
    """A SIGTERM (a KeyboardInterrupt here) that comes while the pool forks
    its workers, inside ``submit()``: the workers already forked must not
    outlive the run (they were left blocked on a pipe, adopted by init)."""
    import time
    from concurrent.futures import ProcessPoolExecutor

    from dwparse.batch import map_files

    spawned: list[object] = []
    original = ProcessPoolExecutor._spawn_process  # type: ignore[attr-defined]

    def interrupted(self: ProcessPoolExecutor) -> None:
        original(self)
        spawned.extend(self._processes.values())  # type: ignore[attr-defined]
        raise KeyboardInterrupt

    monkeypatch.setattr(ProcessPoolExecutor, "_spawn_process", interrupted)
    with pytest.raises(KeyboardInterrupt):
        list(map_files(_times_ten, range(100), jobs=2))
    assert spawned
    deadline = time.monotonic() + 10
    while any(process.is_alive() for process in spawned) and time.monotonic() < deadline:  # type: ignore[attr-defined]
        time.sleep(0.05)
    assert not any(process.is_alive() for process in spawned)  # type: ignore[attr-defined]


@pytest.mark.parametrize(
    "body", ["<p>甲<math><mi><![CDATA[乙</mi></math>丙</p>", "<p>甲<svg><text><![CDATA[乙</text></svg>丙</p>"]
)
def test_a_cdata_section_never_closed_in_math_or_svg_keeps_its_text(body: str) -> None:
    article = dwparse.parse(HEAD + DATE + body)
    assert "乙" in article.text and article.text.startswith("甲") and article.text.endswith("丙")
    assert [problem.code for problem in article.problems] == ["html-malformed"]
    assert "CDATA" in article.problems[0].message
