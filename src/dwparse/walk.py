"""Which files a run reads: the paths named, and the archive files of the
folders named (``*.md`` and ``*.txt``, or other name patterns), walked
without leaving them; and file names as a terminal may show them."""

from __future__ import annotations

import fnmatch
import os
import re
from collections.abc import Iterator, Sequence
from typing import Optional

__all__ = ["PATTERNS", "check_patterns", "matches", "shown", "walk"]

#: The names of archive files a folder is searched for, unless told otherwise.
PATTERNS: tuple[str, ...] = ("*.md", "*.txt")

# Control characters, and what reorders or breaks a terminal's line (bidi
# controls such as U+202E, line and paragraph separators): escaped in names.
_CONTROL = re.compile("[\x00-\x1f\x7f-\x9f\u061c\u200b-\u200f\u2028\u2029\u202a-\u202e\u2060-\u206f\ufeff]")


def shown(path: str) -> str:
    """``path`` for a terminal: control characters escaped."""
    return _CONTROL.sub(lambda match: match[0].encode("unicode_escape").decode("ascii"), path)


def check_patterns(patterns: Sequence[str]) -> None:
    """Refuse name patterns that can match no file name.

    :raises ValueError: for no pattern at all, an empty one, or one holding
        ``/`` (patterns match a file's name, not its folders).
    """
    if isinstance(patterns, str) or not patterns:
        raise ValueError("give at least one file name pattern, such as '*.md'")
    for pattern in patterns:
        if not pattern or "/" in pattern or (os.altsep is not None and os.altsep in pattern):
            raise ValueError(f"{pattern!r} is no file name pattern: it matches names, not folders (such as '*.md')")


def matches(name: str, patterns: Sequence[str]) -> bool:
    """Whether the file name ``name`` matches one of ``patterns`` (case matters)."""
    return any(fnmatch.fnmatchcase(name, pattern) for pattern in patterns)


def walk(
    paths: Sequence[str],
    errors: list[tuple[str, str]],
    skip: frozenset[str],
    patterns: Sequence[str] = PATTERNS,
    empty: Optional[list[str]] = None,
) -> Iterator[str]:
    """Files named, and files matching ``patterns`` under folders named, in name order.

    A matching link that leads out of its folder, and a folder whose name
    matches, are added to ``errors`` as ``(path, reason)`` and not read; so
    are folders that cannot be read. Files whose real path is in ``skip``
    (the output) are left out. A folder named that holds no matching file is
    added to ``empty``.
    """
    for path in paths:
        if path == "-" or not os.path.isdir(path):
            yield path
            continue
        found = False
        for file in _walk_folder(path, errors, skip, patterns):
            found = True
            yield file
        if not found and empty is not None:
            empty.append(path)


def _walk_folder(path: str, errors: list[tuple[str, str]], skip: frozenset[str], patterns: Sequence[str]) -> Iterator[str]:
    def unreadable(error: OSError) -> None:
        errors.append((error.filename or path, error.strerror or str(error)))

    root = os.path.realpath(path)
    for folder, folders, files in os.walk(path, onerror=unreadable):
        folders.sort()
        for name in [name for name in folders if matches(name, patterns)]:
            folders.remove(name)  # a folder named like an archive file: reported, not walked into
            errors.append((os.path.join(folder, name), "a folder, not an archive file"))
        for name in sorted(files):
            if matches(name, patterns):
                found = os.path.join(folder, name)
                real = os.path.realpath(found)
                if real in skip:
                    continue
                if os.path.islink(found) and os.path.commonpath([root, real]) != root:
                    errors.append((found, "a link out of the folder, not read"))
                    continue
                yield found
