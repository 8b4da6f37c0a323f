"""The command line: ``dwparse PATH... [-o OUT.jsonl] [--jobs N] [--strict] [--text]``."""

from __future__ import annotations

import argparse
import json
import os
import sys
import time
from collections.abc import Iterator, Sequence
from typing import IO, NamedTuple, Optional

from dwparse import __version__
from dwparse.batch import map_files
from dwparse.errors import ParseError
from dwparse.parser import parse_file

__all__ = ["main"]

DESCRIPTION = """\
Convert archived DW article files to JSON lines (or plain text).

Each PATH is a file, or a directory that is searched recursively for *.md
files (in name order). For every file read, one line of JSON is written: the
article in dwparse's JSON shape (schema_version 2) with "path" added first.
"""

EPILOG = """\
output:
  JSON lines go to standard output, or to OUT with -o. With --text, each
  article is written as plain text instead: a line "==> PATH <==", the title,
  a blank line, the running text and a blank line.

  On standard error: a progress bar when more than one file is read and
  standard error is a terminal; each file that could not be read (or, with
  --strict, had a problem) with the reason; and a final summary: files read,
  articles with problems, files that could not be read.

exit status:
  0  every file was read
  1  some files could not be read (each is named on standard error; the
     others were still written); with --strict, also files with problems
  2  usage error (bad option, no PATH, or OUT cannot be written)
"""


class _Converted(NamedTuple):
    """What a worker sends back for one file: small, cheap to pickle."""

    output: Optional[str]
    problems: int
    error: Optional[str]


def _convert(path: str, strict: bool, text: bool) -> _Converted:
    try:
        article = parse_file(path, strict=strict)
    except OSError as error:
        return _Converted(None, 0, error.strerror or str(error))
    except ParseError as error:
        return _Converted(None, 1, f"line {error.line}, column {error.column}: {error.code}: {error.problem.message}")
    if text:
        output = f"==> {path} <==\n{article.title or ''}\n\n{article.text}\n\n"
    else:
        output = json.dumps({"path": path, **article.to_dict()}, ensure_ascii=False) + "\n"
    return _Converted(output, len(article.problems), None)


def _convert_task(task: tuple[str, bool, bool]) -> _Converted:
    return _convert(*task)


def _walk(paths: Sequence[str]) -> Iterator[str]:
    """Files named, and *.md files under directories named, in name order."""
    for path in paths:
        if not os.path.isdir(path):
            yield path
            continue
        for folder, folders, files in os.walk(path):
            folders.sort()
            for name in sorted(files):
                if name.endswith(".md"):
                    yield os.path.join(folder, name)


class _Progress:
    """A one-line progress bar on a terminal; nothing elsewhere."""

    def __init__(self, stream: IO[str], total: int) -> None:
        self.stream = stream
        self.total = total
        self.shown = 0.0

    def update(self, done: int) -> None:
        now = time.monotonic()
        if done < self.total and now - self.shown < 0.1:
            return
        self.shown = now
        width = 30
        filled = width * done // max(self.total, 1)
        self.stream.write(f"\r[{'#' * filled}{'.' * (width - filled)}] {done}/{self.total} files")
        self.stream.flush()

    def close(self) -> None:
        self.stream.write("\n")


def _parser() -> argparse.ArgumentParser:
    parser = argparse.ArgumentParser(
        prog="dwparse", description=DESCRIPTION, epilog=EPILOG, formatter_class=argparse.RawDescriptionHelpFormatter
    )
    parser.add_argument("paths", nargs="+", metavar="PATH", help="archive files, or directories to search for *.md")
    parser.add_argument("-o", "--output", metavar="OUT", help="write to OUT (e.g. out.jsonl) instead of standard output")
    parser.add_argument(
        "-j", "--jobs", type=int, default=1, metavar="N", help="parse in N worker processes (0: one per CPU; default 1)"
    )
    parser.add_argument(
        "--strict", action="store_true", help="treat a file with any problem as not read (exit 1), and write nothing for it"
    )
    parser.add_argument("--text", action="store_true", help="write plain text instead of JSON lines")
    parser.add_argument("--version", action="version", version=f"dwparse {__version__}")
    return parser


def main(argv: Optional[Sequence[str]] = None) -> int:
    """Run the command line with ``argv`` (default: ``sys.argv[1:]``); return the exit status."""
    parser = _parser()
    args = parser.parse_args(argv)
    if args.jobs < 0:
        parser.error("--jobs must be 0 or more")
    try:
        out: IO[str] = open(args.output, "w", encoding="utf-8") if args.output else sys.stdout
    except OSError as error:
        parser.error(f"cannot write {args.output}: {error.strerror or error}")
    stderr = sys.stderr
    progress = None
    if stderr.isatty():
        total = sum(1 for _ in _walk(args.paths))
        if total > 1:
            progress = _Progress(stderr, total)
    read = with_problems = failed = 0
    tasks = ((path, args.strict, args.text) for path in _walk(args.paths))
    try:
        for done, (task, result) in enumerate(map_files(_convert_task, tasks, args.jobs), start=1):
            if result.output is not None:
                out.write(result.output)
                read += 1
                with_problems += result.problems > 0
            else:
                failed += 1
                with_problems += result.problems > 0
                if progress is not None:
                    stderr.write("\r")
                stderr.write(f"dwparse: {task[0]}: {result.error}\n")
            if progress is not None:
                progress.update(done)
    finally:
        if progress is not None:
            progress.close()
        if out is not sys.stdout:
            out.close()
        else:
            out.flush()
    stderr.write(
        f"dwparse: {read} file{'s' if read != 1 else ''} read, {with_problems} with problems, "
        f"{failed} could not be read\n"
    )
    return 1 if failed else 0
