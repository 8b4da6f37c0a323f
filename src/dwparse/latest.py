"""One file per article: the newest copy of each ``article_id``, chosen from
the first lines of each file (header and title), without parsing bodies.

An archive often holds an article several times (fetched again after an
update). :func:`latest_paths` keeps, for each article id, the file with the
newest header time, and on a tie the one that comes later; files without an
id are all kept. It reads at most :data:`HEAD_BYTES` of each file, and keeps
in memory one entry per distinct id (and per file without one), never an
article.
"""

from __future__ import annotations

import os
from collections.abc import Iterable
from datetime import datetime
from typing import NamedTuple, Optional, Union

from dwparse.batch import P
from dwparse.format import EPOCH
from dwparse.header import read_header, skip_blank_lines
from dwparse.parser import parse_file, read_regular_file
from dwparse.source import Source
from dwparse.title import read_title

__all__ = ["HEAD_BYTES", "Stamp", "latest_paths", "stamp"]

#: Bytes read from the start of each file: the header and title lines, in
#: all but odd files (a file whose title line does not end within them is
#: read whole, so that the answer is always that of a full parse).
HEAD_BYTES = 4096

# Decoding problems whose answer may depend on bytes beyond the first lines.
_WHOLE_FILE_DECODING = frozenset({"invalid-utf8", "legacy-encoding"})


class Stamp(NamedTuple):
    """What a file's first lines say: the article's id and its header time
    (each ``None`` where the file has none), as :func:`dwparse.parse` reads them."""

    article_id: Optional[int]
    archived_at: Optional[datetime]


def _head(path: Union[str, "os.PathLike[str]"]) -> tuple[bytes, bool]:
    """The first :data:`HEAD_BYTES` of a regular file, and whether that is all of it."""
    data = read_regular_file(path, HEAD_BYTES + 1)  # one byte more than kept: is there more?
    return data[:HEAD_BYTES], len(data) <= HEAD_BYTES


def _stamp_of_head(data: bytes, whole: bool) -> Optional[Stamp]:
    """The stamp read from the first bytes of a file, or ``None`` when they
    do not settle it (the title line does not end in them, or they are not
    UTF-8 and the file's other bytes decide how they are read)."""
    if not whole:
        end = max(data.rfind(b"\n"), data.rfind(b"\r"))
        if end < 0:
            return None
        data = data[: end + 1]  # whole lines only: no character cut in two
    source = Source.from_input(data)
    if not whole and any(problem.code in _WHOLE_FILE_DECODING for problem in source.problems):
        return None
    header = read_header(source)
    title_start = skip_blank_lines(source.text, header.title_start)
    if not whole and source.text.find("\n", title_start) < 0:
        return None
    title = read_title(source, header.title_start, had_header=header.found)
    return Stamp(title.article_id, header.archived_at)


def stamp(path: Union[str, "os.PathLike[str]"]) -> Stamp:
    """The article id and header time of the archive file at ``path``, as
    :func:`dwparse.parse_file` gives them, read from the file's first lines.

    :raises OSError: if the file cannot be read or is not a regular file.
    """
    found = _stamp_of_head(*_head(path))
    if found is not None:
        return found
    article = parse_file(path)  # an odd file: read whole
    return Stamp(article.article_id, article.archived_at)


def _rank(found: Stamp, index: int) -> tuple[bool, datetime, int]:
    """How new a copy is: a time beats none, a newer time an older, a later file an earlier."""
    return found.archived_at is not None, found.archived_at or EPOCH, index


def latest_paths(paths: Iterable[P]) -> list[P]:
    """``paths`` with one file per article id: the newest copy, in input order.

    For each ``article_id`` (as :func:`dwparse.parse_file` reads it), the
    file with the newest header time (``archived_at``) is kept, a file
    without a time counting as older than any; of files with the same time,
    the later one. Files without an id, ``"-"`` (standard input), and files
    that cannot be read are kept as they are (reading them then says what is
    wrong). Of each file only the first lines are read (4 KiB; the whole
    file only when its title line is longer, or its first lines are not
    UTF-8), and memory grows with the number of distinct ids, not with the
    files' sizes.
    """
    best: dict[int, tuple[tuple[bool, datetime, int], P]] = {}
    kept: list[tuple[int, P]] = []  # files without an id
    for index, path in enumerate(paths):
        try:
            found = Stamp(None, None) if isinstance(path, str) and path == "-" else stamp(path)
        except OSError:
            found = Stamp(None, None)
        if found.article_id is None:
            kept.append((index, path))
            continue
        rank = _rank(found, index)
        old = best.get(found.article_id)
        if old is None or rank > old[0]:
            best[found.article_id] = (rank, path)
    winners = [(rank[2], path) for rank, path in best.values()]
    return [path for _, path in sorted(kept + winners, key=lambda item: item[0])]
