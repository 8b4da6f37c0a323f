"""Which files a run reads: the paths named, and the ``*.md`` files of the
folders named, walked without leaving them; and file names as a terminal
may show them."""

from __future__ import annotations

import os
import re
from collections.abc import Iterator, Sequence

__all__ = ["shown", "walk"]

# Control characters, and what reorders or breaks a terminal's line (bidi
# controls such as U+202E, line and paragraph separators): escaped in names.
_CONTROL = re.compile("[\x00-\x1f\x7f-\x9f\u061c\u200e\u200f\u2028\u2029\u202a-\u202e\u2066-\u2069]")


def shown(path: str) -> str:
    """``path`` for a terminal: control characters escaped."""
    return _CONTROL.sub(lambda match: match[0].encode("unicode_escape").decode("ascii"), path)


def walk(paths: Sequence[str], errors: list[str], skip: frozenset[str]) -> Iterator[str]:
    """Files named, and *.md files under directories named, in name order.

    A ``*.md`` link that leads out of its folder, and a folder named
    ``*.md``, are added to ``errors`` and not read; so are folders that
    cannot be read. Files whose real
    path is in ``skip`` (the output) are left out.
    """
    for path in paths:
        if path == "-" or not os.path.isdir(path):
            yield path
            continue

        def unreadable(error: OSError) -> None:
            errors.append(f"{shown(error.filename or path)}: {error.strerror or error}")

        root = os.path.realpath(path)
        for folder, folders, files in os.walk(path, onerror=unreadable):
            folders.sort()
            for name in [name for name in folders if name.endswith(".md")]:
                folders.remove(name)  # a folder named *.md: reported, not walked into
                errors.append(f"{shown(os.path.join(folder, name))}: a folder, not an archive file")
            for name in sorted(files):
                if name.endswith(".md"):
                    found = os.path.join(folder, name)
                    real = os.path.realpath(found)
                    if real in skip:
                        continue
                    if os.path.islink(found) and os.path.commonpath([root, real]) != root:
                        errors.append(f"{shown(found)}: a link out of the folder, not read")
                        continue
                    yield found
