"""Reading the command line's JSON lines back into typed articles."""

from __future__ import annotations

import json
import os
from collections.abc import Iterable, Iterator
from typing import Union

from dwparse.model import Article

__all__ = ["read_jsonl"]


def read_jsonl(source: Union[str, "os.PathLike[str]", Iterable[str]]) -> Iterator[tuple[str, Article]]:
    """``(path, Article)`` for each line of a ``dwparse … -o out.jsonl`` file, in order.

    ``source`` is the file's path, or any iterable of lines (an open text
    file, say, such as ``gzip.open(name, "rt")``). Lines are read one at a
    time, so a file of any size streams; blank lines are skipped. A line
    written with ``--no-inlines`` gives paragraphs with one plain run each.

    :raises ValueError: for a line that is not JSON, has no ``"path"``, or
        is not an article of schema 2; the message names the line.
    """
    if isinstance(source, (str, os.PathLike)):
        with open(source, encoding="utf-8") as lines:
            yield from _read(lines, os.fspath(source))
    else:
        yield from _read(source, "<lines>")


def _read(lines: Iterable[str], name: str) -> Iterator[tuple[str, Article]]:
    for number, line in enumerate(lines, start=1):
        if not line.strip():
            continue
        try:
            data = json.loads(line)
            if not isinstance(data, dict) or not isinstance(data.get("path"), str):
                raise ValueError('no "path" key')
            article = Article.from_dict(data)
        except ValueError as error:  # json.JSONDecodeError is a ValueError
            raise ValueError(f"{name}, line {number}: {error}") from error
        yield data["path"], article
