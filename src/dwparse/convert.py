"""Many archive files into one output: the run behind the command line and
behind :func:`write_jsonl` and :func:`write_parquet`.

:class:`Conversion` is one run: it walks the paths (:mod:`dwparse.walk`),
keeps the newest copy of each article if asked (:mod:`dwparse.latest`),
converts each file in this process or in workers (:func:`convert_file`,
through :func:`dwparse.batch.map_files`), writes the results in input order
and counts them. The command line adds its options, standard error and
signals around it; the two functions here write a file or folder with it.
"""

from __future__ import annotations

import errno
import os
import re
import sys
from collections.abc import Iterable, Iterator, Sequence
from typing import Any, Callable, NamedTuple, Optional, Protocol, Union

import attrs

from dwparse.batch import map_files
from dwparse.errors import ParseError
from dwparse.jsontext import dumps_bytes
from dwparse.latest import latest_paths
from dwparse.model import Problem
from dwparse.output import LineOutput, refused_target
from dwparse.parser import parse, parse_file
from dwparse.tables import ParquetFolder, rows
from dwparse.walk import PATTERNS, check_patterns, shown, walk

__all__ = ["Conversion", "Converted", "WriteCounts", "convert_file", "convert_task", "write_jsonl", "write_parquet"]

PathLike = Union[str, "os.PathLike[str]"]
#: What a worker is given for one file: path, strict, format, inlines.
Task = tuple[str, bool, str, bool]
# A line of article text that looks like the header of a file in text output.
_HEADER_LIKE = re.compile("^(==> )", re.MULTILINE)


class Converted(NamedTuple):
    """What a worker sends back for one file: small, cheap to pickle (a JSON
    line or text, or a Parquet folder's rows), the article's problems, and
    why the file was not written (``None`` when it was)."""

    output: Union[bytes, dict[str, list[dict[str, Any]]], None]
    problems: tuple[Problem, ...]
    error: Optional[str]


@attrs.frozen
class WriteCounts:
    """What a run did: files ``read`` (written), those of them and of the
    ``failed`` ones ``with_problems``, files that ``failed`` (could not be
    read, or failed in another way), copies ``left_out`` as older ones of an
    article (with ``latest``), and each failure as ``(path, reason)``."""

    read: int
    with_problems: int
    failed: int
    left_out: int = 0
    failures: tuple[tuple[str, str], ...] = ()


def written(path: str) -> str:
    """``path`` as it can be written in UTF-8: bytes of a file name that are
    not UTF-8 (``surrogateescape``) as ``\\xNN``."""
    return path.encode("utf-8", "surrogateescape").decode("utf-8", "backslashreplace")


def convert_file(path: str, strict: bool, form: str, inlines: bool = True) -> Converted:
    """Read the file at ``path`` (``"-"``: standard input) and give it in
    ``form`` (``"jsonl"``, ``"text"`` or ``"parquet"``); with ``strict``, a
    file with a problem is not written. Never raises for one file's failure."""
    try:
        article = parse(sys.stdin.buffer.read()) if path == "-" else parse_file(path)
    except OSError as error:
        return Converted(None, (), error.strerror or str(error))
    except Exception as error:  # noqa: BLE001 - one file's failure is reported, the run goes on
        return Converted(None, (), f"{type(error).__name__}: {error}")
    if strict and article.problems:  # as parse(strict=True) would raise it
        first = ParseError(article.problems[0])
        return Converted(None, article.problems, f"line {first.line}, column {first.column}: {first.code}: {first.problem.message}")
    output: Union[bytes, dict[str, list[dict[str, Any]]]]
    path = written(path)
    if form == "text":
        body = _HEADER_LIKE.sub(r"\\\1", article.text)  # a line of the text cannot pass for a file's header
        title = _HEADER_LIKE.sub(r"\\\1", article.title or "")  # nor can the title
        output = f"==> {shown(path)} <==\n{title}\n\n{body}\n\n".encode("utf-8")
    elif form == "parquet":
        output = rows(path, article)
    else:
        output = dumps_bytes({"path": path, **article.to_dict(inlines=inlines)}) + b"\n"
    return Converted(output, article.problems, None)


def convert_task(task: Task) -> Converted:
    """:func:`convert_file` of one task (picklable, for worker processes)."""
    return convert_file(*task)


def _lost(task: Task, error: BaseException) -> Converted:
    return Converted(None, (), f"the worker process reading it died ({type(error).__name__})")


class Sink(Protocol):
    """An output of a run: a :class:`~dwparse.output.LineOutput` or a
    :class:`~dwparse.tables.ParquetFolder`."""

    def skipped(self) -> frozenset[str]: ...

    def write(self, output: Any) -> None: ...

    def finish(self, keep: bool) -> None: ...


def problem_lines(path: str, problems: Iterable[Problem]) -> bytes:
    """The problems file's lines for one file: ``path``, ``code``, ``line``,
    ``column`` and ``message`` of each problem, as JSON."""
    path = written(path)
    return b"".join(
        dumps_bytes({"path": path, "code": p.code, "line": p.line, "column": p.column, "message": p.message}) + b"\n"
        for p in problems
    )


class Conversion:
    """One run: the files of ``paths`` in, ``output`` (and the ``problems``
    file) written, the counts kept. ``on_failure`` hears each file that is
    not written, with the reason, when its turn comes; ``task`` converts one
    file (``None``: :func:`convert_task`); ``interrupted`` says when to stop."""

    def __init__(
        self,
        output: Sink,
        *,
        form: str = "jsonl",
        strict: bool = False,
        inlines: bool = True,
        jobs: Optional[int] = None,
        problems: Optional[LineOutput] = None,
        on_failure: Optional[Callable[[str, str], None]] = None,
        task: Optional[Callable[[Task], Converted]] = None,
        interrupted: Callable[[], bool] = lambda: False,
    ) -> None:
        self.output, self.problems = output, problems
        self.form, self.strict, self.inlines, self.jobs = form, strict, inlines, jobs
        self.on_failure, self.interrupted = on_failure, interrupted
        self.task = task or convert_task  # looked up now: a test may replace it
        self.read = self.with_problems = self.failed = self.found = self.left_out = 0
        self.walk_errors: list[tuple[str, str]] = []
        self.empty: list[str] = []  # folders named that hold no file to read
        self.stdin = False

    def skipped(self) -> frozenset[str]:
        """Real paths of the outputs, never read back."""
        return self.output.skipped() | (self.problems.skipped() if self.problems is not None else frozenset())

    def files(self, paths: Sequence[str], patterns: Sequence[str] = PATTERNS, latest: bool = False) -> Iterator[str]:
        """The files to read: walked as they are read, or with ``latest``
        (:func:`~dwparse.latest.latest_paths`) all walked at once first."""
        self.stdin = "-" in paths
        found = self._count(walk(paths, self.walk_errors, self.skipped(), patterns, self.empty))
        if not latest:
            return found
        every = list(found)
        newest = latest_paths(every)
        self.left_out = len(every) - len(newest)
        return iter(newest)

    def _count(self, paths: Iterator[str]) -> Iterator[str]:
        for path in paths:
            self.found += 1
            yield path

    def run(self, files: Iterable[str], progress: Optional[Callable[[int], None]] = None) -> None:
        """Convert ``files`` in order and write them; ``progress`` hears the
        count of files done.
        :raises KeyboardInterrupt: when interrupted. :raises OSError: when
        an output cannot be written."""
        jobs = 1 if self.stdin else self.jobs
        tasks = ((path, self.strict, self.form, self.inlines) for path in files)
        for done, (task, result) in enumerate(map_files(self.task, tasks, jobs, lost=_lost), start=1):
            if self.interrupted():  # a signal whose KeyboardInterrupt was swallowed (while forking, say)
                raise KeyboardInterrupt
            self._take(task[0], result)
            if progress is not None:
                progress(done)

    def _take(self, path: str, result: Converted) -> None:
        if self.problems is not None and result.problems:
            self.problems.write(problem_lines(path, result.problems))
        self.with_problems += bool(result.problems)
        if result.output is not None:
            self.output.write(result.output)
            self.read += 1
            return
        self.failed += 1
        if self.on_failure is not None:
            self.on_failure(path, result.error or "")

    def finish(self, keep: bool) -> None:
        """Finish the output and the problems file: kept, or removed."""
        try:
            self.output.finish(keep)
        finally:
            if self.problems is not None:
                self.problems.finish(keep)

    def counts(self, failures: Sequence[tuple[str, str]] = ()) -> WriteCounts:
        """The counts so far; what the walk could not read counts as failed."""
        failed = self.failed + len(self.walk_errors)
        return WriteCounts(self.read, self.with_problems, failed, self.left_out, tuple(failures))


def _write(names: list[str], output: Sink, form: str, jobs: Optional[int], latest: bool, patterns: Sequence[str]) -> WriteCounts:
    """Run a conversion of the paths ``names`` into ``output``; keep it if any file was found."""
    failures: list[tuple[str, str]] = []
    conversion = Conversion(output, form=form, jobs=jobs, on_failure=lambda path, reason: failures.append((path, reason)))
    try:
        conversion.run(conversion.files(names, patterns, latest))
    except BaseException:
        conversion.finish(keep=False)
        raise
    if conversion.found == 0:
        conversion.finish(keep=False)
        raise FileNotFoundError(errno.ENOENT, f"no archive files ({', '.join(patterns)}) in {', '.join(map(shown, names)) or 'no path'}")
    conversion.finish(keep=True)
    return conversion.counts([*failures, *conversion.walk_errors])


def _checked(paths: Iterable[PathLike], out: PathLike, folder: bool, patterns: Iterable[str]) -> tuple[list[str], str, tuple[str, ...]]:
    """The paths and ``out`` as strings, and the patterns, checked."""
    if isinstance(patterns, str):
        raise ValueError(f"patterns is a list of patterns, such as [{patterns!r}], not one string")
    patterns = tuple(patterns)
    check_patterns(patterns)
    names, target = [os.fspath(path) for path in paths], os.fspath(out)
    refused = refused_target(names, target, folder=folder, patterns=patterns)
    if refused is not None:
        raise ValueError(refused)
    return names, target, patterns


def write_jsonl(
    paths: Iterable[PathLike], out: PathLike, *, jobs: Optional[int] = None, latest: bool = False, patterns: Iterable[str] = PATTERNS
) -> WriteCounts:
    """Write the files of ``paths`` to ``out`` as JSON lines, as
    ``dwparse PATHS -o OUT`` does, and return the :class:`dwparse.WriteCounts`.

    ``paths`` are files, and folders searched for files matching
    ``patterns`` (``*.md`` and ``*.txt``); ``jobs`` worker processes
    (``None``: this one, ``0``: one per CPU); ``latest`` keeps one copy per
    article, the newest (:func:`dwparse.latest_paths`). ``out`` is
    written whole or not at all. Files that cannot be read are counted and
    listed in ``failures``; the others are written.

    :raises FileNotFoundError: if no file was found to read (``out`` is then
        left as it was). :raises ValueError: for ``out`` naming an input file,
        or a bad pattern. :raises OSError: if ``out`` cannot be written.
    """
    names, target, checked = _checked(paths, out, False, patterns)
    return _write(names, LineOutput(target), "jsonl", jobs, latest, checked)


def write_parquet(
    paths: Iterable[PathLike], out: PathLike, *, jobs: Optional[int] = None, latest: bool = False, patterns: Iterable[str] = PATTERNS
) -> WriteCounts:
    """Write the files of ``paths`` to the folder of Parquet tables ``out``,
    the same tables as ``dwparse PATHS --format parquet -o OUT``, and return
    the :class:`dwparse.WriteCounts`. The arguments are those of
    :func:`dwparse.write_jsonl`.

    :raises ImportError: without pyarrow (``pip install 'dwparse[parquet]'``).
    :raises FileNotFoundError: if no file was found to read (``out`` is then
        left as it was). :raises ValueError: for a bad pattern.
    :raises OSError: if ``out`` is a file, a folder holding other files than
        tables, or cannot be written.
    """
    names, target, checked = _checked(paths, out, True, patterns)
    try:
        folder = ParquetFolder(target)
    except ImportError as error:
        raise ImportError("write_parquet() needs pyarrow: pip install 'dwparse[parquet]'") from error
    return _write(names, folder, "parquet", jobs, latest, checked)
