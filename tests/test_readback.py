"""Typed articles back from JSON: Article.from_dict, dwparse.read_jsonl,
to_dict(inlines=False), and JSON lines that Arrow reads as they are."""

from __future__ import annotations

import json
import os
from pathlib import Path

import pytest
from hypothesis import given

import dwparse
from conftest import FIXTURES, SEED, needs_seed, readable, seed_marked
from dwparse.cli import main
from strategies import articles

ALL_FILES = [SEED] + sorted(path for path in FIXTURES.glob("*.md") if path.name != "README.md")
FILES = readable(ALL_FILES)  # the files the whole-list tests read: the seed only when it is there


@pytest.fixture(scope="module")
def jsonl(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """The command's JSON lines over the seed and every fixture."""
    target = tmp_path_factory.mktemp("out") / "out.jsonl"
    assert main([*map(str, FILES), "-o", str(target), "--quiet"]) == 0
    return target


@pytest.mark.parametrize("path", seed_marked(ALL_FILES), ids=lambda path: path.name)
def test_from_dict_gives_an_equal_article(path: Path) -> None:
    article = dwparse.parse_file(path)
    assert dwparse.Article.from_dict(article.to_dict()) == article
    assert dwparse.Article.from_dict(json.loads(article.to_json())) == article


def _keeps_source(article: dwparse.Article) -> bool:
    """Whether a block keeps source HTML outside the value: links or topics
    where the JSON cannot say where they stand (a heading, caption, list ...)."""
    pieces = [article.lead_image, *article.blocks]
    pieces += [picture for gallery in article.blocks_of(dwparse.Gallery) for picture in gallery.pictures]
    pieces += [block.image for block in article.blocks_of(dwparse.ImageBlock)]
    return any(
        getattr(piece, "html", None) is not None and not isinstance(piece, (dwparse.Raw, dwparse.Embed))
        for piece in pieces
    )


def test_read_back_articles_write_the_same_archive_text() -> None:
    """``to_markdown`` is a function of the value, wherever no block keeps source HTML."""
    kept = 0
    for path in FILES:
        article = dwparse.parse_file(path)
        if _keeps_source(article):
            kept += 1
            continue
        assert dwparse.Article.from_dict(article.to_dict()).to_markdown() == article.to_markdown(), path.name
    assert kept <= len(FILES) // 20  # the exception: links in a heading, caption, list, quote or credit


@given(articles())
def test_from_dict_gives_back_any_article(article: dwparse.Article) -> None:
    assert dwparse.Article.from_dict(json.loads(article.to_json())) == article
    assert dwparse.Article.from_dict(article.to_dict(inlines=False)).text == article.text


def test_without_inlines() -> None:
    article = dwparse.parse_file(FIXTURES / "para-topics.md")
    data = article.to_dict(inlines=False)
    assert all("inlines" not in block for block in data["blocks"])
    assert json.loads(article.to_json(inlines=False)) == data
    again = dwparse.Article.from_dict(data)
    assert again.text == article.text and again.links == article.links
    assert all(
        [(run.TYPE, run.text) for run in paragraph.inlines] == [("text", paragraph.text)]
        for paragraph in again.blocks_of(dwparse.Paragraph)
    )
    assert len(article.to_json(inlines=False)) < len(article.to_json())


@pytest.mark.parametrize(
    "data",
    [None, [], {}, {"schema_version": 1}, {"schema_version": "2"}, {"schema_version": 2, "blocks": [{"type": "nope"}]},
     {"schema_version": 2, "article_id": "12"}, {"schema_version": 2, "published_at": "yesterday"},
     {"schema_version": 2, "blocks": [{"type": "paragraph"}]}],
)  # fmt: skip
def test_from_dict_refuses_other_shapes(data: object) -> None:
    with pytest.raises(ValueError):
        dwparse.Article.from_dict(data)  # type: ignore[arg-type]


@needs_seed
@pytest.mark.parametrize(
    "change",
    [{"blocks": None}, {"authors": "abc"}, {"authors": {"x": 1}}, {"schema_version": 2.0}, {"article_id": True},
     {"published_at": "2024-07-28T11:07:48"}, {"published_at": "2024-07-28"}, {"title": 5}, {"blocks": "[]"}],
)  # fmt: skip
def test_from_dict_checks_every_value(change: dict[str, object]) -> None:
    data = dwparse.parse_file(SEED).to_dict()
    data.update(change)
    with pytest.raises(ValueError):
        dwparse.Article.from_dict(data)


@needs_seed
def test_from_dict_needs_every_key_and_typed_values_inside() -> None:
    data = dwparse.parse_file(SEED).to_dict()
    for key in ("blocks", "archived_at", "problems"):
        partial = {name: value for name, value in data.items() if name != key}
        with pytest.raises(ValueError, match=key):
            dwparse.Article.from_dict(partial)
    data["blocks"][0]["inlines"][0]["strong"] = "yes"
    with pytest.raises(ValueError, match="bool"):
        dwparse.Article.from_dict(data)


@needs_seed
def test_from_dict_reads_times_as_utc() -> None:
    data = dwparse.parse_file(SEED).to_dict()
    data["published_at"] = "2024-07-28T19:07:48.781+08:00"
    moment = dwparse.Article.from_dict(data).published_at
    assert moment == dwparse.parse_file(SEED).published_at and moment is not None and moment.utcoffset().total_seconds() == 0


def test_read_jsonl_round_trips_every_fixture(jsonl: Path) -> None:
    pairs = list(dwparse.read_jsonl(jsonl))
    assert [path for path, _ in pairs] == [str(path) for path in FILES]
    for path, article in pairs:
        assert article == dwparse.parse_file(path), path


def test_read_jsonl_streams_and_names_bad_lines(jsonl: Path) -> None:
    lines = iter(jsonl.read_text(encoding="utf-8").splitlines(keepends=True)[:2] + ["{broken\n"])
    pairs = dwparse.read_jsonl(lines)
    assert next(pairs)[0] == str(FILES[0])
    assert len(list(lines)) == 2  # only the first line was read so far
    first = jsonl.read_text(encoding="utf-8").splitlines()[0]
    with pytest.raises(ValueError, match="line 2: not an article"):
        list(dwparse.read_jsonl([first, '{"path": "x"}\n']))
    with pytest.raises(ValueError, match='line 3: no "path"'):
        list(dwparse.read_jsonl([first, "\n", '{"schema_version": 2}\n']))
    with pytest.raises(ValueError, match="line 1"):
        list(dwparse.read_jsonl(["{broken\n"]))


def test_read_jsonl_files_bom_bytes_paths_and_bad_bytes(jsonl: Path, tmp_path: Path) -> None:
    first = jsonl.read_bytes().splitlines(keepends=True)[0]
    target = tmp_path / "lines.jsonl"
    target.write_bytes(b"\xef\xbb\xbf" + first + b"\r\n" + first.replace(b"\n", b"\r\n") + b"\xff\n" + first)
    pairs = dwparse.read_jsonl(os.fsencode(target))
    assert [path for path, _ in (next(pairs), next(pairs))] == [str(FILES[0])] * 2
    with pytest.raises(ValueError, match="line 4"):
        next(pairs)
    with pytest.raises(ValueError, match="line 1"):
        list(dwparse.read_jsonl(["[" * 100_000 + "]" * 100_000]))


def test_no_inlines_lines_validate(capsys: pytest.CaptureFixture[str]) -> None:
    jsonschema = pytest.importorskip("jsonschema")
    assert main([*map(str, FILES[:40]), "--no-inlines", "--quiet"]) == 0
    validator = jsonschema.Draft202012Validator(dwparse.json_schema())
    for line in capsys.readouterr().out.splitlines():
        validator.validate(json.loads(line))


def test_arrow_reads_the_command_output(jsonl: Path) -> None:
    pyarrow_json = pytest.importorskip("pyarrow.json")
    table = pyarrow_json.read_json(jsonl)
    assert table.num_rows == len(FILES)
    assert table.column("path").to_pylist() == [str(path) for path in FILES]
    assert str(table.schema.field("article_id").type) == "int64"


def test_every_block_has_text() -> None:
    image = dwparse.Image("u", "s", 1, "说明", "法新社")
    picture = dwparse.GalleryItem(dwparse.Image("u", "s", 2), "标题", "文字")
    assert dwparse.ImageBlock(image).text == "说明"
    assert dwparse.ImageBlock(dwparse.Image(None, None, None)).text == ""
    assert dwparse.Gallery("图集", (picture, dwparse.GalleryItem(image, None, "只有文字"))).text == "图集\n标题：文字\n只有文字"
    assert dwparse.ListBlock(False, ("一", "二")).text == "一\n二"
    assert dwparse.Embed("video", None, None, None, "<video></video>").text == ""
    for path in FILES:
        for block in dwparse.parse_file(path).blocks:
            assert isinstance(block.text, str)


@needs_seed
def test_blocks_of_one_class() -> None:
    article = dwparse.parse_file(SEED)
    headings = article.blocks_of(dwparse.Heading)
    assert headings == tuple(block for block in article.blocks if block.TYPE == "heading")
    assert article.blocks_of(dwparse.Gallery)[0].pictures
