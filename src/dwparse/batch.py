"""Many files: ``parse_many()`` streams articles, in order, optionally in processes."""

from __future__ import annotations

import itertools
import os
from collections import deque
from collections.abc import Iterable, Iterator
from concurrent.futures import Future, ProcessPoolExecutor
from typing import Callable, Optional, TypeVar, Union

from dwparse.model import Article
from dwparse.parser import parse_file

__all__ = ["parse_many"]

PathLike = Union[str, "os.PathLike[str]"]
P = TypeVar("P", bound=PathLike)

# Files per task sent to a worker (fewer round trips), and tasks in flight per
# worker: enough to keep workers busy, few enough that memory stays flat
# however many paths there are.
_CHUNK = 16
_AHEAD_PER_JOB = 4


def _read(path: PathLike, strict: bool) -> Union[Article, OSError]:
    try:
        return parse_file(path, strict=strict)
    except OSError as error:
        return error


def _read_chunk(paths: list[PathLike], strict: bool) -> list[Union[Article, OSError]]:
    return [_read(path, strict) for path in paths]


def parse_many(
    paths: Iterable[P],
    jobs: Optional[int] = None,
    *,
    strict: bool = False,
    on_error: Optional[Callable[[P, OSError], None]] = None,
) -> Iterator[tuple[P, Article]]:
    """Parse each file of ``paths``, yielding ``(path, article)`` in input order.

    ``paths`` may be any iterable, also a generator: it is consumed as the
    articles are, so memory stays flat over any number of files. ``jobs`` is
    the number of worker processes: ``None`` or ``1`` parses in this process;
    more spreads the files over that many processes (``0`` means one per
    CPU). A file that cannot be read is passed to ``on_error`` with its
    :class:`OSError` and skipped; without ``on_error`` the error is raised
    when its turn comes. With ``strict=True``, :class:`~dwparse.ParseError`
    is raised for the first file with a problem.
    """
    if jobs == 0:
        jobs = os.cpu_count() or 1
    if jobs is None or jobs <= 1:
        results: Iterator[tuple[P, Union[Article, OSError]]] = ((path, _read(path, strict)) for path in paths)
    else:
        results = _in_processes(paths, jobs, strict)
    for path, result in results:
        if isinstance(result, OSError):
            if on_error is None:
                raise result
            on_error(path, result)
            continue
        yield path, result


def _in_processes(paths: Iterable[P], jobs: int, strict: bool) -> Iterator[tuple[P, Union[Article, OSError]]]:
    pending: deque[tuple[list[P], Future[list[Union[Article, OSError]]]]] = deque()
    iterator = iter(paths)
    with ProcessPoolExecutor(max_workers=jobs) as pool:
        while True:
            chunk = list(itertools.islice(iterator, _CHUNK))
            if chunk:
                pending.append((chunk, pool.submit(_read_chunk, chunk, strict)))  # type: ignore[arg-type]
            if pending and (not chunk or len(pending) >= jobs * _AHEAD_PER_JOB):
                done, future = pending.popleft()
                yield from zip(done, future.result())
            elif not chunk:
                return
