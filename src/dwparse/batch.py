"""Many files: ``parse_many()`` streams articles, in order, optionally in processes.

:func:`map_files` is the engine: it applies a picklable function to each path,
in this process or in worker processes, and yields the results in input
order while reading paths only as results are consumed. The command line
uses it too, with workers that return JSON text (cheap to send between
processes) instead of articles.
"""

from __future__ import annotations

import functools
import itertools
import os
from collections import deque
from collections.abc import Iterable, Iterator
from concurrent.futures import Future, ProcessPoolExecutor
from typing import Callable, Optional, TypeVar, Union

from dwparse.errors import ParseError
from dwparse.model import Article
from dwparse.parser import parse_file

__all__ = ["map_files", "parse_many"]

PathLike = Union[str, "os.PathLike[str]"]
P = TypeVar("P", bound=PathLike)
T = TypeVar("T")
R = TypeVar("R")

# Files per task sent to a worker (fewer round trips), and tasks in flight per
# worker: enough to keep workers busy, few enough that memory stays flat
# however many paths there are.
_CHUNK = 16
_AHEAD_PER_JOB = 4


def _each(function: Callable[[T], R], items: list[T]) -> list[R]:
    return [function(item) for item in items]


def map_files(function: Callable[[T], R], paths: Iterable[T], jobs: Optional[int] = None) -> Iterator[tuple[T, R]]:
    """``(path, function(path))`` for each path (or task naming one), in input order.

    ``jobs``: ``None`` or ``1`` runs in this process, ``N > 1`` in ``N``
    worker processes (``function`` must then be picklable), ``0`` in one
    process per CPU.
    """
    if jobs == 0:
        jobs = os.cpu_count() or 1
    if jobs is None or jobs <= 1:
        for path in paths:
            yield path, function(path)
        return
    pending: deque[tuple[list[T], Future[list[R]]]] = deque()
    iterator = iter(paths)
    task = functools.partial(_each, function)
    pool = ProcessPoolExecutor(max_workers=jobs)
    workers: dict[int, object] = {}  # every worker started, to stop them however the run ends
    try:
        while True:
            chunk = list(itertools.islice(iterator, _CHUNK))
            if chunk:
                pending.append((chunk, pool.submit(task, chunk)))
                workers.update(getattr(pool, "_processes", None) or {})
            if pending and (not chunk or len(pending) >= jobs * _AHEAD_PER_JOB):
                done, future = pending.popleft()
                yield from zip(done, future.result())
            elif not chunk:
                pool.shutdown()
                return
    except BaseException:  # interrupted, or the consumer stopped: stop the workers now
        for process in workers.values():
            process.kill()  # type: ignore[attr-defined]
        pool.shutdown(wait=False, cancel_futures=True)
        raise


def _read(path: PathLike, strict: bool) -> Union[Article, Exception]:
    try:
        return parse_file(path, strict=strict)
    except ParseError:
        raise
    except Exception as error:  # noqa: BLE001 - one file's failure is reported, the run goes on
        return error


def parse_many(
    paths: Iterable[P],
    jobs: Optional[int] = None,
    *,
    strict: bool = False,
    on_error: Optional[Callable[[P, Exception], None]] = None,
) -> Iterator[tuple[P, Article]]:
    """Parse each file of ``paths``, yielding ``(path, article)`` in input order.

    ``paths`` may be any iterable, also a generator: it is consumed as the
    articles are, so memory stays flat over any number of files. ``jobs`` is
    the number of worker processes: ``None`` or ``1`` parses in this process;
    more spreads the files over that many processes (``0`` means one per
    CPU). A file that cannot be read (an :class:`OSError`; also a FIFO or a
    device, which is never waited on) or fails in any other way (say
    :class:`MemoryError`) is passed to ``on_error`` with the exception and
    skipped; without ``on_error`` the exception is raised when its turn
    comes. With ``strict=True``, :class:`~dwparse.ParseError` is raised for
    the first file with a problem.
    """
    read = functools.partial(_read, strict=strict)
    for path, result in map_files(read, paths, jobs):
        if isinstance(result, Exception):
            if on_error is None:
                raise result
            on_error(path, result)
            continue
        yield path, result
