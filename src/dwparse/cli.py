"""The command line: ``dwparse PATH... [-o OUT] [--format jsonl|parquet|text] [--jobs N] [--strict] [--quiet]``."""

from __future__ import annotations

import argparse
import os
import re
import signal
import sys
import tempfile
import threading
import time
from collections.abc import Iterator, Sequence
from typing import IO, Any, NamedTuple, Optional, Union

from dwparse import __version__
from dwparse.batch import map_files, workers_for
from dwparse.walk import shown as _shown, walk as _walk
from dwparse.errors import ParseError
from dwparse.jsontext import dumps_bytes
from dwparse.parser import parse, parse_file
from dwparse.tables import INSTALL_HINT, ParquetFolder, rows, umasked

__all__ = ["main"]

# ANSI: clear from the cursor to the end of the line (for the progress bar).
_CLEAR_LINE = "\x1b[K"
# A line of article text that looks like the header of a file in --text output.
_HEADER_LIKE = re.compile("^(==> )", re.MULTILINE)

DESCRIPTION = """\
Convert archived DW article files to JSON lines (or Parquet tables, or plain text).

Each PATH is a file, a directory that is searched recursively for *.md
files (in name order), or - for one article on standard input. Only regular
files are read: FIFOs and devices are reported, never waited on. For every file read, one line of JSON is written: the
article in dwparse's JSON shape (schema_version 3) with "path" added first.
"""

EPILOG = """\
output:
  JSON lines go to standard output, or to OUT with -o: to a temporary file
  beside OUT, renamed to OUT when the run ends well, so that an interrupted
  or failed run leaves no truncated OUT and an older OUT stays. --no-inlines
  leaves paragraphs' inline runs out of the JSON (their text stays).

  With --format parquet, OUT (required) is a folder of tables, each row
  keyed by path: articles.parquet, blocks.parquet, pictures.parquet,
  links.parquet, topics.parquet and problems.parquet, written while files
  are read and moved into place at the end. It needs pyarrow
  (pip install 'dwparse[parquet]').

  With --format text (or --text), each article is written as plain text: a
  line "==> PATH <==", the title, a blank line, the running text (a line of
  it that starts with "==> " gets a backslash first) and a blank line.

  On standard error: a progress bar (files done, files per second, time
  left) when more than one file is read and standard error is a terminal; each file that could not be read (or, with
  --strict, had a problem) with the reason; and a final summary: files read,
  articles with problems, files that could not be read. --quiet leaves out
  all but the errors. File names are shown with control characters escaped.

exit status:
  0  every file was read
  1  some files could not be read (each is named on standard error; the
     others were still written); with --strict, also files with problems
  2  usage error (bad option, no PATH, or OUT cannot be created)
  130  interrupted (SIGINT or SIGTERM): workers are stopped, OUT is left as
     it was, and the summary is written
  A closed pipe downstream ends the run quietly (exit 1).
"""


class _Converted(NamedTuple):
    """What a worker sends back for one file: small, cheap to pickle (a
    JSON line or text, or a Parquet folder's rows)."""

    output: Union[bytes, dict[str, list[dict[str, Any]]], None]
    problems: int
    error: Optional[str]


def _written(path: str) -> str:
    """``path`` as it can be written in UTF-8: bytes of a file name that are
    not UTF-8 (``surrogateescape``) as ``\\xNN``."""
    return path.encode("utf-8", "surrogateescape").decode("utf-8", "backslashreplace")


def _convert(path: str, strict: bool, form: str, inlines: bool = True) -> _Converted:
    try:
        if path == "-":
            article = parse(sys.stdin.buffer.read(), strict=strict)
        else:
            article = parse_file(path, strict=strict)
    except OSError as error:
        return _Converted(None, 0, error.strerror or str(error))
    except ParseError as error:
        return _Converted(None, 1, f"line {error.line}, column {error.column}: {error.code}: {error.problem.message}")
    except Exception as error:  # noqa: BLE001 - one file's failure is reported, the run goes on
        return _Converted(None, 0, f"{type(error).__name__}: {error}")
    output: Union[bytes, dict[str, list[dict[str, Any]]]]
    path = _written(path)
    if form == "text":
        body = _HEADER_LIKE.sub(r"\\\1", article.text)  # a line of the text cannot pass for a file's header
        title = _HEADER_LIKE.sub(r"\\\1", article.title or "")  # nor can the title
        output = f"==> {_shown(path)} <==\n{title}\n\n{body}\n\n".encode("utf-8")
    elif form == "parquet":
        output = rows(path, article)
    else:
        output = dumps_bytes({"path": path, **article.to_dict(inlines=inlines)}) + b"\n"
    return _Converted(output, len(article.problems), None)


def _convert_task(task: tuple[str, bool, str, bool]) -> _Converted:
    return _convert(*task)


class _Output:
    """Where lines go: standard output, or a temporary file beside OUT that
    becomes OUT only when the run ends well (an older OUT stays until then)."""

    def __init__(self, target: Optional[str]) -> None:
        self.target = target
        self.temporary: Optional[str] = None
        if target is None:
            sys.stdout.flush()
            self.stream: Union[IO[bytes], _TextSink] = getattr(sys.stdout, "buffer", None) or _TextSink(sys.stdout)
            return
        if os.path.exists(target) and not os.path.isfile(target):  # /dev/null, a FIFO: written as it is
            self.stream = open(target, "wb")
            return
        folder = os.path.dirname(os.path.abspath(target))
        descriptor, self.temporary = tempfile.mkstemp(prefix=".dwparse-", suffix=".part", dir=folder)
        os.chmod(self.temporary, umasked(0o666))  # mkstemp's 0600 would stay with OUT
        self.stream = os.fdopen(descriptor, "wb")

    def skipped(self) -> frozenset[str]:
        """Real paths of the files the walk must not read back."""
        paths = [self.target, self.temporary] if self.target is not None else []
        return frozenset(os.path.realpath(path) for path in paths if path is not None)

    def write(self, output: bytes) -> None:
        """Write one file's output."""
        self.stream.write(output)

    def finish(self, keep: bool) -> None:
        """Close; move the temporary file to OUT if ``keep``, else remove it."""
        if self.temporary is None:
            if keep:
                self.stream.flush()
            if self.target is not None:
                self.stream.close()
            return
        try:
            self.stream.close()
            if keep:
                os.replace(self.temporary, self.target)  # type: ignore[arg-type]
        finally:
            if os.path.exists(self.temporary):
                os.remove(self.temporary)


class _TextSink:
    """Bytes written to a text stream without a binary buffer (a
    replaced ``sys.stdout``), decoded."""

    def __init__(self, stream: IO[str]) -> None:
        self.stream = stream

    def write(self, data: bytes) -> int:
        return self.stream.write(data.decode("utf-8"))

    def flush(self) -> None:
        self.stream.flush()

    def close(self) -> None:
        """Leaves the stream open: it is not this run's."""


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
    parser.add_argument(
        "--format",
        choices=("jsonl", "parquet", "text"),
        default="jsonl",
        help="jsonl (default): JSON lines; parquet: a folder OUT of tables; text: plain text",
    )
    parser.add_argument("--text", action="store_true", help="the same as --format text")
    parser.add_argument("--no-inlines", action="store_true", help="leave paragraphs' inline runs out of the JSON")
    parser.add_argument("-q", "--quiet", action="store_true", help="write nothing on standard error but errors")
    parser.add_argument("--version", action="version", version=f"dwparse {__version__}")
    return parser


def main(argv: Optional[Sequence[str]] = None) -> int:
    """Run the command line with ``argv`` (default: ``sys.argv[1:]``); return the exit status."""
    parser = _parser()
    args = parser.parse_args(argv)
    if args.jobs < 0:
        parser.error("--jobs must be 0 or more")
    if args.paths.count("-") > 1:
        parser.error("standard input (-) can be read once")
    if args.text:
        args.format = "text"
    if args.output is not None and os.path.exists(args.output):
        target = os.path.realpath(args.output)
        named = [path for path in args.paths if path != "-" and os.path.realpath(path) == target]
        if named and not os.path.isdir(target):
            parser.error(f"-o {_shown(args.output)} names an input file; give another OUT")
    output: Union[_Output, ParquetFolder]
    try:
        if args.format == "parquet":
            if args.output is None:
                parser.error("--format parquet needs -o OUT, the folder of tables")
            output = ParquetFolder(args.output)
        else:
            output = _Output(args.output)
    except ImportError:
        parser.error(INSTALL_HINT)
    except OSError as error:
        parser.error(f"cannot write {args.output}: {error.strerror or error}")
    run = _Run(args, output)
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


def script() -> None:
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


def _lost(task: tuple[str, bool, str, bool], error: BaseException) -> _Converted:
    return _Converted(None, 0, f"the worker process reading it died ({type(error).__name__})")


class _Run:
    """One run of the command: files in, lines out, counts, and the end."""

    def __init__(self, args: argparse.Namespace, output: Union[_Output, ParquetFolder]) -> None:
        self.args = args
        self.output = output
        self.read = self.with_problems = self.failed = 0
        self.stderr = sys.stderr

    def run(self) -> int:
        args, stderr = self.args, self.stderr
        walk_errors: list[str] = []
        jobs = 1 if "-" in args.paths else args.jobs
        progress = None
        paths: Iterator[str] = _walk(args.paths, walk_errors, self.output.skipped())
        if stderr.isatty() and not args.quiet:  # one walk: its files, counted, then read
            found = list(paths)
            paths = iter(found)
            if len(found) > 1:
                progress = _Progress(stderr, len(found))
        tasks = ((path, args.strict, args.format, not args.no_inlines) for path in paths)
        status = None
        try:
            if jobs not in (0, 1) and workers_for(jobs) < jobs:
                stderr.write(f"dwparse: --jobs {jobs} is more than this machine can use; {workers_for(jobs)} at most\n")
            for done, (task, result) in enumerate(map_files(_convert_task, tasks, jobs, lost=_lost), start=1):
                if _INTERRUPTED[0]:  # a signal whose KeyboardInterrupt was swallowed (while forking, say)
                    raise KeyboardInterrupt
                self._take(task[0], result, progress)
                if progress is not None:
                    progress.update(done)
        except KeyboardInterrupt:
            status = 130
        except BrokenPipeError:  # the reader downstream is gone: end quietly
            os.dup2(os.open(os.devnull, os.O_WRONLY), sys.stdout.fileno())
            status = 1
        except OSError as error:  # the output cannot be written (a full disk, say)
            stderr.write(f"dwparse: cannot write {_shown(args.output or 'standard output')}: {error.strerror or error}\n")
            status = 1
        except BaseException:  # a bug: no temporary output left behind, and the traceback shown
            self.output.finish(keep=False)
            raise
        finally:
            _ARMED[0] = False
            if progress is not None:
                progress.close()
        if _INTERRUPTED[0]:
            status = 130
        for message in walk_errors:
            stderr.write(f"dwparse: {message}\n")
        self.failed += len(walk_errors)
        if status is None:
            try:
                self.output.finish(keep=True)
            except OSError as error:
                stderr.write(f"dwparse: cannot write {_shown(args.output or 'standard output')}: {error.strerror or error}\n")
                status = 1
        else:
            self.output.finish(keep=False)
        if not args.quiet or status == 130:
            stderr.write(
                f"dwparse: {self.read} file{'s' if self.read != 1 else ''} read, {self.with_problems} with problems, "
                f"{self.failed} could not be read{' (interrupted)' if status == 130 else ''}\n"
            )
        return status if status is not None else (1 if self.failed else 0)

    def _take(self, path: str, result: _Converted, progress: Optional[_Progress]) -> None:
        if result.output is not None:
            self.output.write(result.output)  # type: ignore[arg-type]
            self.read += 1
            self.with_problems += result.problems > 0
            return
        self.failed += 1
        self.with_problems += result.problems > 0
        if progress is not None:
            self.stderr.write(f"\r{_CLEAR_LINE}")
        self.stderr.write(f"dwparse: {_shown(path)}: {result.error}\n")
