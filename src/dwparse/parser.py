"""``parse()``: the four parts of an archive file, read in order."""

from __future__ import annotations

import errno
import os
import stat
from typing import Union

from dwparse.body import read_body
from dwparse.errors import ParseError
from dwparse.header import read_header
from dwparse.model import Article
from dwparse.source import Source
from dwparse.title import read_title

__all__ = ["parse", "parse_file", "read_regular_file"]


def parse(text: Union[str, bytes], *, strict: bool = False) -> Article:
    """Parse one archive file into an :class:`~dwparse.Article`.

    ``text`` is the file's content, as ``str`` or as UTF-8 ``bytes`` (a BOM is
    allowed). Whatever it holds, an :class:`~dwparse.Article` comes back, with
    what could be read and a :class:`~dwparse.Problem` for each deviation from
    the format. With ``strict=True``, the first problem in the input is raised
    as :class:`~dwparse.ParseError` instead.

    :raises TypeError: if ``text`` is neither ``str`` nor ``bytes``.
    :raises ParseError: only with ``strict=True``.
    """
    source = Source.from_input(text)
    if source.blank:
        source.report("empty-input", "the input is empty", 0)
    header = read_header(source)
    title = read_title(source, header.title_start, had_header=header.found)
    body = read_body(source, title.body_start)
    problems = source.sorted_problems()
    if strict and problems:
        raise ParseError(problems[0])
    return Article(
        archived_at=header.archived_at,
        title=title.title,
        url=title.url,
        article_id=title.article_id,
        content_type=title.content_type,
        language=title.language,
        published_at=body.published_at,
        byline=body.byline,
        authors=body.authors,
        lead_image=body.lead_image,
        blocks=body.blocks,
        links=body.links,
        topics=body.topics,
        problems=problems,
    )


def parse_file(path: Union[str, "os.PathLike[str]"], *, strict: bool = False) -> Article:
    """Read the file at ``path`` as bytes and :func:`parse` them.

    Only a regular file is read: a FIFO, a device or a directory is refused
    at once (never waited on).

    :raises OSError: if the file cannot be read or is not a regular file.
    """
    return parse(read_regular_file(path), strict=strict)


def read_regular_file(path: Union[str, "os.PathLike[str]"], limit: int = -1) -> bytes:
    """The bytes of the regular file at ``path`` (at most ``limit``; all with
    -1); a FIFO, a device or a directory is refused at once, never waited on.

    :raises OSError: if the file cannot be read or is not a regular file.
    """
    descriptor = os.open(path, os.O_RDONLY | getattr(os, "O_NONBLOCK", 0) | getattr(os, "O_BINARY", 0))
    try:
        if not stat.S_ISREG(os.fstat(descriptor).st_mode):
            raise OSError(errno.EINVAL, "not a regular file", os.fspath(path))
        with os.fdopen(descriptor, "rb", buffering=0, closefd=False) as file:  # closed once, below, whatever interrupts
            return file.read(limit) or b""
    finally:
        os.close(descriptor)
