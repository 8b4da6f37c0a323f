"""The command line: ``dwparse PATH... [-o OUT] [--format jsonl|parquet|text] [--jobs N] [--strict] [--quiet]``.

The run itself is :class:`dwparse.convert.Conversion`; this module reads the
options, writes on standard error (errors, progress, summary) and handles
signals.
"""

from __future__ import annotations

import argparse
import os
import shutil
import signal
import sys
import threading
import time
from collections.abc import Iterator, Sequence
from typing import IO, NoReturn, Optional, Union

from dwparse import __version__
from dwparse.batch import workers_for
from dwparse.convert import Conversion
from dwparse.output import LineOutput, refused_target
from dwparse.tables import INSTALL_HINT, ParquetFolder
from dwparse.walk import PATTERNS, check_patterns, shown as _shown

__all__ = ["main", "script"]

#: The version that removes ``--text`` (use ``--format text``).
TEXT_OPTION_REMOVED_IN = "0.5.0"

# ANSI: clear from the cursor to the end of the line (for the progress bar).
_CLEAR_LINE = "\x1b[K"
# The help's width at the most: it fits an 80-column terminal.
_HELP_WIDTH = 79

DESCRIPTION = """\
Convert archived DW article files to JSON lines (or Parquet tables, or text).

Each PATH is a file, a folder searched recursively for archive files (*.md
and *.txt, or the names --glob gives; in name order), or - for one article
on standard input. Only regular files are read: FIFOs and devices are
reported, never waited on. For every file read, one line of JSON is
written: the article in dwparse's JSON shape (schema_version 3), with
"path" first.
"""

EPILOG = """\
output:
  JSON lines go to standard output, or to OUT with -o: to a temporary file
  beside OUT, renamed to OUT when the run ends well, so that an interrupted
  or failed run leaves no truncated OUT and an older OUT stays. --no-inlines
  leaves paragraphs' inline runs out of the JSON (their text stays).

  With --format parquet, OUT (required) is a folder of Parquet tables, each
  row keyed by path: articles, blocks, pictures, links, topics and
  problems, written while files are read and moved into place at the end.
  It needs pyarrow (pip install 'dwparse[parquet]').

  With --format text, each article is written as plain text: a line
  "==> PATH <==", the title, a blank line, the running text (a line of it
  that starts with "==> " gets a backslash first) and a blank line.

  --latest keeps one file per article id: the one with the newest header
  time (on a tie, the later file). --problems FILE writes every problem as
  a JSON line: path, code, line, column, message.

  On standard error: a progress bar (files done, files per second, time
  left) when more than one file is read and standard error is a terminal;
  each file that could not be read (or, with --strict, had a problem) with
  the reason; and a summary: files read, articles with problems, files that
  could not be read. The summary is left out when the only PATH is one file
  or -, unless --summary asks for it. --quiet leaves out all but the errors.
  File names are shown with control characters escaped.

exit status:
  0    every file was read
  1    some files could not be read (each is named on standard error; the
       others were still written); with --strict, also files with problems;
       or no file at all was found to read
  2    usage error (bad option, no PATH, or OUT cannot be created)
  130  interrupted (SIGINT or SIGTERM): workers are stopped, OUT is left as
       it was, and the summary is written
  A closed pipe downstream ends the run quietly (exit 1).
"""


class _Progress:
    """A one-line progress bar on a terminal, with files per second and the
    time left; nothing elsewhere."""

    def __init__(self, stream: IO[str], total: int) -> None:
        self.stream = stream
        self.total = total
        self.started = self.shown = time.monotonic()

    def update(self, done: int) -> None:
        now = time.monotonic()
        if done < self.total and now - self.shown < 0.1:
            return
        self.shown = now
        width = 20
        filled = width * done // max(self.total, 1)
        rate = done / max(now - self.started, 1e-9)
        left = round((self.total - done) / rate) if rate > 0 else 0
        line = (
            f"[{'#' * filled}{'.' * (width - filled)}] {done}/{self.total} files, "
            f"{rate:.1f} files/s, {left // 3600}:{left // 60 % 60:02d}:{left % 60:02d} left"
        )
        self.stream.write(f"\r{line[:79]}{_CLEAR_LINE}")  # within 80 columns, the rest of the old line cleared
        self.stream.flush()

    def close(self) -> None:
        self.stream.write("\n")


def _formatter(prog: str) -> argparse.HelpFormatter:
    """The help's layout: at most 80 columns, narrower on a narrower terminal."""
    width = min(shutil.get_terminal_size().columns - 1, _HELP_WIDTH)
    return argparse.RawDescriptionHelpFormatter(prog, width=max(width, 40))


def _parser() -> argparse.ArgumentParser:
    parser = argparse.ArgumentParser(prog="dwparse", description=DESCRIPTION, epilog=EPILOG, formatter_class=_formatter)
    add = parser.add_argument
    add("paths", nargs="+", metavar="PATH", help="archive files, or folders to search for them")
    add("-o", "--output", metavar="OUT", help="write to OUT (e.g. out.jsonl) instead of standard output")
    add("-j", "--jobs", type=int, default=1, metavar="N", help="parse in N worker processes (0: one per CPU; default 1)")
    add("--strict", action="store_true", help="treat a file with any problem as not read (exit 1): nothing written")
    add(
        "--format",
        choices=("jsonl", "parquet", "text"),
        default="jsonl",
        help="jsonl (default): JSON lines; parquet: a folder OUT of tables; text: plain text",
    )
    add("--text", action="store_true", help=f"deprecated, removed in {TEXT_OPTION_REMOVED_IN}: use --format text")
    add("--no-inlines", action="store_true", help="leave paragraphs' inline runs out of the JSON")
    add(
        "--glob",
        action="append",
        metavar="PATTERN",
        help="in folders, read the files whose names match PATTERN (repeatable; default: *.md and *.txt)",
    )
    add("--latest", action="store_true", help="keep one file per article id: the newest by header time")
    add("--problems", metavar="FILE", help="write every problem as a JSON line to FILE")
    add("--summary", action="store_true", help="write the summary even for one file (or with --quiet)")
    add("-q", "--quiet", action="store_true", help="write nothing on standard error but errors")
    add("--version", action="version", version=f"dwparse {__version__}")
    return parser


def _check(parser: argparse.ArgumentParser, args: argparse.Namespace) -> None:
    """Refuse what cannot run (exit 2), and warn of what is deprecated."""
    if args.jobs < 0:
        parser.error("--jobs must be 0 or more")
    if args.paths.count("-") > 1:
        parser.error("standard input (-) can be read once")
    if args.text:
        sys.stderr.write(f"dwparse: --text is deprecated and will be removed in {TEXT_OPTION_REMOVED_IN}; use --format text\n")
        args.format = "text"
    args.patterns = tuple(args.glob) if args.glob else PATTERNS
    try:
        check_patterns(args.patterns)
    except ValueError as error:
        parser.error(f"--glob: {error}")
    if args.format == "parquet" and args.output is None:
        parser.error("--format parquet needs -o OUT, the folder of tables")
    refused = refused_target(args.paths, args.output, args.problems, folder=args.format == "parquet", patterns=args.patterns)
    if refused is not None:
        parser.error(refused)


def _outputs(parser: argparse.ArgumentParser, args: argparse.Namespace) -> tuple[Union[LineOutput, ParquetFolder], Optional[LineOutput]]:
    """OUT (a file, standard output or a folder of tables) and the problems file."""
    output: Optional[Union[LineOutput, ParquetFolder]] = None
    target = args.output
    try:
        output = ParquetFolder(target) if args.format == "parquet" else LineOutput(target)
        target = args.problems
        return output, (LineOutput(target) if target is not None else None)
    except ImportError:
        parser.error(INSTALL_HINT)
    except OSError as error:
        if output is not None:
            output.finish(keep=False)
        parser.error(f"cannot write {_shown(target or 'standard output')}: {error.strerror or error}")


def main(argv: Optional[Sequence[str]] = None) -> int:
    """Run the command line with ``argv`` (default: ``sys.argv[1:]``); return the exit status."""
    parser = _parser()
    args = parser.parse_args(argv)
    _check(parser, args)
    output, problems = _outputs(parser, args)
    run = _Run(args, output, problems)
    handlers = {}
    if threading.current_thread() is threading.main_thread():
        handlers = {number: signal.signal(number, _interrupt) for number in (signal.SIGINT, signal.SIGTERM)}
    _ARMED[0] = True
    _INTERRUPTED[0] = False
    _MAIN_PID[0] = os.getpid()
    try:
        return run.run()
    finally:
        _ARMED[0] = False
        for number, handler in handlers.items():
            signal.signal(number, handler)


def script() -> NoReturn:
    """The ``dwparse`` command: :func:`main`, then exit with its status.

    After an interrupt the process ends at once, without waiting on worker
    processes' threads.
    """
    status = main()
    if status == 130:
        sys.stderr.flush()
        os._exit(130)
    sys.exit(status)


# Whether a SIGINT or SIGTERM now stops the run: only while files are read;
# once the output is being finished, the run is let end.
_ARMED = [False]
_MAIN_PID = [os.getpid()]


# Whether a signal came while armed: the run stops even if its KeyboardInterrupt
# was swallowed somewhere (inside the process pool's own code, say).
_INTERRUPTED = [False]


def _interrupt(signum: int, frame: object) -> None:
    if os.getpid() != _MAIN_PID[0]:  # a worker process: stop as the signal says
        signal.signal(signum, signal.SIG_DFL)
        os.kill(os.getpid(), signum)
    if _ARMED[0]:
        _ARMED[0] = False
        _INTERRUPTED[0] = True
        raise KeyboardInterrupt


def _plural(count: int, word: str) -> str:
    return f"{count} {word}{'s' if count != 1 else ''}"


class _Run:
    """One run of the command: a :class:`Conversion`, and standard error."""

    def __init__(self, args: argparse.Namespace, output: Union[LineOutput, ParquetFolder], problems: Optional[LineOutput]) -> None:
        self.args = args
        self.stderr = sys.stderr
        self.progress: Optional[_Progress] = None
        self.conversion = Conversion(
            output, form=args.format, strict=args.strict, inlines=not args.no_inlines, jobs=args.jobs,
            problems=problems, on_failure=self._failed, interrupted=lambda: _INTERRUPTED[0],
        )  # fmt: skip

    def run(self) -> int:
        status = self._convert()
        args, stderr, conversion = self.args, self.stderr, self.conversion
        for path, reason in conversion.walk_errors:
            stderr.write(f"dwparse: {_shown(path)}: {reason}\n")
        nothing = conversion.found == 0 and status is None
        if nothing:
            stderr.write(f"dwparse: nothing to read: no file in {self._named()} matches {self._patterns()}\n")
        elif not args.quiet and status is None:
            for folder in conversion.empty:
                stderr.write(f"dwparse: {_shown(folder)}: no file matches {self._patterns()}\n")
        status = self._finish(status, keep=status is None and not nothing)
        if args.summary or status == 130 or (not args.quiet and self._many() and not nothing):
            stderr.write(self._summary(status))
        counts = conversion.counts()
        return status if status is not None else (1 if counts.failed or nothing else 0)

    def _convert(self) -> Optional[int]:
        """Convert the files; the exit status if the run cannot go on, else ``None``."""
        args, stderr = self.args, self.stderr
        try:
            if args.jobs not in (0, 1) and workers_for(args.jobs) < args.jobs:
                stderr.write(f"dwparse: --jobs {args.jobs} is more than this machine can use; {workers_for(args.jobs)} at most\n")
            files: Iterator[str] = self.conversion.files(args.paths, args.patterns, args.latest)
            if stderr.isatty() and not args.quiet:  # one walk: its files, counted, then read
                found = list(files)
                files = iter(found)
                if len(found) > 1:
                    self.progress = _Progress(stderr, len(found))
            self.conversion.run(files, self.progress.update if self.progress is not None else None)
        except KeyboardInterrupt:
            return 130
        except BrokenPipeError:  # the reader downstream is gone: end quietly
            os.dup2(os.open(os.devnull, os.O_WRONLY), sys.stdout.fileno())
            return 1
        except OSError as error:  # an output cannot be written (a full disk, say)
            self._cannot_write(error)
            return 1
        except BaseException:  # a bug: no temporary output left behind, and the traceback shown
            self.conversion.finish(keep=False)
            raise
        finally:
            _ARMED[0] = False
            if self.progress is not None:
                self.progress.close()
        return 130 if _INTERRUPTED[0] else None

    def _finish(self, status: Optional[int], keep: bool) -> Optional[int]:
        """Finish the outputs, keeping them if ``keep``; the status after."""
        if _INTERRUPTED[0]:
            status, keep = 130, False
        try:
            self.conversion.finish(keep)
        except OSError as error:
            self._cannot_write(error)
            return 1
        return status

    def _cannot_write(self, error: OSError) -> None:
        named = (self.args.output, self.args.problems)
        where = error.filename if error.filename in named and error.filename else (self.args.output or "standard output")
        self.stderr.write(f"dwparse: cannot write {_shown(where)}: {error.strerror or error}\n")

    def _failed(self, path: str, reason: str) -> None:
        if self.progress is not None:
            self.stderr.write(f"\r{_CLEAR_LINE}")
        self.stderr.write(f"dwparse: {_shown(path)}: {reason}\n")

    def _many(self) -> bool:
        """Whether the PATHs may hold more than one file: more than one, or a folder."""
        paths = self.args.paths
        return len(paths) > 1 or (paths[0] != "-" and os.path.isdir(paths[0]))

    def _named(self) -> str:
        return ", ".join(_shown(path) for path in self.args.paths)

    def _patterns(self) -> str:
        return " or ".join(self.args.patterns)

    def _summary(self, status: Optional[int]) -> str:
        counts = self.conversion.counts()
        copies = "older copy" if counts.left_out == 1 else "older copies"
        left_out = f", {counts.left_out} {copies} left out" if self.args.latest else ""
        interrupted = " (interrupted)" if status == 130 else ""
        return (
            f"dwparse: {_plural(counts.read, 'file')} read, {counts.with_problems} with problems, "
            f"{counts.failed} could not be read{left_out}{interrupted}\n"
        )

