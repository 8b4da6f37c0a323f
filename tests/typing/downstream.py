"""A downstream module, as a project that depends on dwparse would write it.

``tests/test_typing.py`` runs ``mypy --strict`` on this file and on
``src/``; it is not collected by pytest.
"""

from __future__ import annotations

from datetime import datetime
from pathlib import Path
from typing import Optional

import dwparse


def summary(path: Path) -> tuple[Optional[str], Optional[datetime], int]:
    article: dwparse.Article = dwparse.parse_file(path)
    return article.title, article.published_at, len(article.blocks)


def headings(text: str | bytes) -> list[tuple[str, int]]:
    article = dwparse.parse(text)
    found: list[tuple[str, int]] = []
    for block in article.blocks:
        if isinstance(block, dwparse.Heading):
            found.append((block.text, block.level))
        elif isinstance(block, dwparse.Paragraph):
            for run in block.inlines:
                if isinstance(run, dwparse.LinkRun) and run.target_id is not None:
                    found.append((run.text, run.target_id))
    return found


def first_problem(text: str) -> Optional[tuple[str, int, int]]:
    try:
        dwparse.parse(text, strict=True)
    except dwparse.ParseError as error:
        line: int = error.line
        column: int = error.column
        return error.code, line, column
    return None


def captions(paths: list[Path]) -> dict[str, Optional[str]]:
    result: dict[str, Optional[str]] = {}
    for path, article in dwparse.parse_many(paths, jobs=1):
        image: Optional[dwparse.Image] = article.lead_image
        result[str(path)] = image.caption if image is not None else None
    return result


def as_json(article: dwparse.Article) -> tuple[str, dict[str, object], str, str]:
    schema: dict[str, object] = dwparse.json_schema()
    return article.to_json(), schema, article.to_markdown(), dwparse.__version__


def runs_and_texts(article: dwparse.Article) -> list[str]:
    """Checking ``TYPE`` (a Literal) narrows the block; every block has ``.text``."""
    found: list[str] = []
    for block in article.blocks:
        if block.TYPE == "paragraph":
            found.extend(run.text for run in block.inlines)
        elif block.TYPE == "gallery":
            found.extend(picture.image.url or "" for picture in block.pictures)
        elif block.TYPE == "embed":
            found.append(block.kind)
        else:
            found.append(block.text)
    for run in article.blocks_of(dwparse.Paragraph)[0].inlines if article.blocks_of(dwparse.Paragraph) else ():
        if run.TYPE == "link":
            found.append(run.href or "")
        elif run.TYPE == "topic":
            found.append(str(run.topic_id))
    return found


def levels(article: dwparse.Article) -> list[int]:
    """The ``match`` idiom, and blocks of one class."""
    found = [heading.level for heading in article.blocks_of(dwparse.Heading)]
    for block in article.blocks:
        match block:
            case dwparse.ListBlock(ordered=True, items=items):
                found.append(len(items))
            case dwparse.ImageBlock(image=dwparse.Image(image_id=int(image_id))):
                found.append(image_id)
    return found


def read_back(path: Path) -> list[tuple[str, Optional[str]]]:
    """The command line's JSON lines, typed again."""
    pairs = [(name, article.title) for name, article in dwparse.read_jsonl(path)]
    again: dwparse.Article = dwparse.Article.from_dict(dwparse.parse("x").to_dict(inlines=False))
    return pairs + [("", again.title)]


def typed_json(article: dwparse.Article) -> list[object]:
    """``to_dict()`` is a TypedDict: each key has its own type, and a block's
    ``"type"`` narrows it to that block's keys."""
    data: dwparse.ArticleDict = article.to_dict()
    title: str | None = data["title"]
    article_id: Optional[int] = data["article_id"]
    authors: list[str] = data["authors"]
    found: list[object] = [title, article_id, authors, data["schema_version"] + 1]
    lead: Optional[dwparse.ImageDict] = data["lead_image"]
    if lead is not None:
        found.append(lead["image_id"])
    for block in data["blocks"]:
        if block["type"] == "heading":
            level: int = block["level"]
            found.append(level)
        elif block["type"] == "paragraph":
            for run in block.get("inlines", []):
                if run["type"] == "link":
                    target: Optional[int] = run["target_id"]
                    found.append(target)
        elif block["type"] == "gallery":
            found.extend(picture["image"]["url"] for picture in block["pictures"])
        else:
            found.append(block.get("text"))
    problems: list[dwparse.ProblemDict] = data["problems"]
    found.extend(problem["line"] for problem in problems)
    again: dwparse.Article = dwparse.Article.from_dict(data)
    return found + [again.title]


def arrow_schemas() -> tuple[object, object]:
    """The Arrow schemas, typed without pyarrow's stubs."""
    return dwparse.arrow_schema(), dwparse.table_schemas()["articles"]
