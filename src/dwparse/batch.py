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
from concurrent.futures.process import BrokenProcessPool
from typing import Callable, Optional, TypeVar, Union

from dwparse.errors import ParseError
from dwparse.model import Article
from dwparse.parser import parse_file

__all__ = ["MAX_JOBS_PER_CPU", "map_files", "parse_many", "workers_for"]

PathLike = Union[str, "os.PathLike[str]"]
P = TypeVar("P", bound=PathLike)
T = TypeVar("T")
R = TypeVar("R")

# Files per task sent to a worker (fewer round trips), and tasks in flight per
# worker: enough to keep workers busy, few enough that memory stays flat
# however many paths there are.
_CHUNK = 16
_AHEAD_PER_JOB = 4
#: Worker processes per CPU at the most, whatever ``jobs`` asks for.
MAX_JOBS_PER_CPU = 4


def _each(function: Callable[[T], R], items: list[T]) -> list[R]:
    return [function(item) for item in items]


def workers_for(jobs: int) -> int:
    """The worker processes to start for ``jobs`` (``0``: one per CPU): at
    most :data:`MAX_JOBS_PER_CPU` per CPU."""
    cpus = os.cpu_count() or 1
    return min(jobs or cpus, MAX_JOBS_PER_CPU * cpus)


def map_files(
    function: Callable[[T], R],
    paths: Iterable[T],
    jobs: Optional[int] = None,
    lost: Optional[Callable[[T, BaseException], R]] = None,
) -> Iterator[tuple[T, R]]:
    """``(path, function(path))`` for each path (or task naming one), in input order.

    ``jobs``: ``None`` or ``1`` runs in this process, ``N > 1`` in at most
    ``N`` worker processes (``function`` must then be picklable), ``0`` in one
    process per CPU; never more than there are chunks of paths to read, nor
    more than :func:`workers_for` allows. ``lost``: the result of a path whose
    worker died (killed, say, by the OOM killer) while it was in flight; the
    run goes on with fresh workers. Without it, that error is raised.
    """
    if jobs is None or jobs == 1:
        for path in paths:
            yield path, function(path)
        return
    iterator = iter(paths)
    first = list(itertools.islice(iterator, workers_for(jobs) * _CHUNK))  # never more workers than chunks
    jobs = max(1, min(workers_for(jobs), -(-len(first) // _CHUNK)))
    yield from _in_workers(function, itertools.chain(first, iterator), jobs, lost)


def _in_workers(
    function: Callable[[T], R], iterator: Iterator[T], jobs: int, lost: Optional[Callable[[T, BaseException], R]]
) -> Iterator[tuple[T, R]]:
    pending: deque[tuple[list[T], Future[list[R]]]] = deque()
    task = functools.partial(_each, function)
    pool = ProcessPoolExecutor(max_workers=jobs)
    workers: dict[int, object] = {}  # every worker started, to stop them however the run ends
    try:
        while True:
            chunk = list(itertools.islice(iterator, _CHUNK))
            if chunk:
                if getattr(pool, "_broken", False) and lost is not None:  # a worker died: go on with fresh ones
                    pool.shutdown(wait=True, cancel_futures=True)  # its workers are gone already: joined at once
                    pool = ProcessPoolExecutor(max_workers=jobs)
                pending.append((chunk, pool.submit(task, chunk)))
                workers.update(getattr(pool, "_processes", None) or {})
            if pending and (not chunk or len(pending) >= jobs * _AHEAD_PER_JOB):
                done, future = pending.popleft()
                try:
                    results = future.result()
                except BrokenProcessPool as error:  # a worker died: the paths it had in flight are lost
                    if lost is None:
                        raise
                    results = [lost(path, error) for path in done]
                yield from zip(done, results)
            elif not chunk:
                pool.shutdown()
                return
    except BaseException:  # interrupted, or the consumer stopped: stop the workers now
        workers.update(getattr(pool, "_processes", None) or {})  # also those forked by an interrupted submit()
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


def _lost(path: object, error: BaseException) -> Exception:
    return OSError(f"the worker process reading it died ({type(error).__name__})")


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
    device, which is never waited on), whose worker process died (an
    :class:`OSError` too), or that fails in any other way (say
    :class:`MemoryError`) is passed to ``on_error`` with the exception and
    skipped; without ``on_error`` the exception is raised when its turn
    comes. With ``strict=True``, :class:`~dwparse.ParseError` is raised for
    the first file with a problem.
    """
    read = functools.partial(_read, strict=strict)
    for path, result in map_files(read, paths, jobs, lost=_lost):
        if isinstance(result, Exception):
            if on_error is None:
                raise result
            on_error(path, result)
            continue
        yield path, result
