"""Reading the command line's JSON lines back into typed articles."""

from __future__ import annotations

import json
import os
from collections.abc import Iterable, Iterator
from typing import Union

from dwparse.model import Article

__all__ = ["read_jsonl"]


def read_jsonl(source: Union[str, bytes, "os.PathLike[str]", Iterable[str]]) -> Iterator[tuple[str, Article]]:
    """``(path, Article)`` for each line of a ``dwparse … -o out.jsonl`` file, in order.

    ``source`` is the file's path, or any iterable of lines (an open text
    file, say, such as ``gzip.open(name, "rt")``). Lines are read one at a
    time, so a file of any size streams; blank lines are skipped. A line
    written with ``--no-inlines`` gives paragraphs with one plain run each.

    :raises ValueError: for a line that is not UTF-8 or not JSON, has no
        ``"path"``, or is not an article of schema 3 (or 2); the message names the line.
    :raises OSError: if the file cannot be opened or read.
    """
    if isinstance(source, (str, bytes, os.PathLike)):
        with open(source, "rb") as lines:  # decoded line by line: an error names its own line
            yield from _read(_decoded(lines), os.fsdecode(source))
    else:
        yield from _read(source, "<lines>")


def _decoded(lines: Iterable[bytes]) -> Iterator[str]:
    """Lines of UTF-8 bytes as text (a BOM at the start is allowed)."""
    for number, line in enumerate(lines):
        yield line.decode("utf-8-sig" if number == 0 else "utf-8")


def _read(lines: Iterable[str], name: str) -> Iterator[tuple[str, Article]]:
    iterator = iter(lines)
    number = 0
    while True:
        number += 1
        try:
            line = next(iterator, None)  # decoding a line may fail here
            if line is None:
                return
            if not line.strip():
                continue
            data = json.loads(line)
            if not isinstance(data, dict) or not isinstance(data.get("path"), str):
                raise ValueError('no "path" key')
            article = Article.from_dict(data)
        except (ValueError, RecursionError) as error:  # JSON and UTF-8 errors are ValueErrors
            raise ValueError(f"{name}, line {number}: {error}") from error
        yield data["path"], article
