"""Where a run's lines go: standard output, or a file written whole or not
at all (a temporary file beside it, renamed into place when the run ends
well); and what the output of a run must not be."""

from __future__ import annotations

import os
import sys
import tempfile
from collections.abc import Sequence
from typing import IO, Optional, Union

from dwparse.tables import umasked
from dwparse.walk import PATTERNS, matches, shown

__all__ = ["LineOutput", "refused_target"]


class LineOutput:
    """Where lines go: standard output (``target`` ``None``), or a temporary
    file beside ``target`` that becomes it only when the run ends well (an
    older file stays until then). A ``target`` that exists and is not a
    regular file (``/dev/null``, a FIFO) is written as it is.

    :raises OSError: if the file cannot be made.
    """

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
        os.chmod(self.temporary, umasked(0o666))  # mkstemp's 0600 would stay with the file
        self.stream = os.fdopen(descriptor, "wb")

    def skipped(self) -> frozenset[str]:
        """Real paths of the files the walk must not read back."""
        paths = [self.target, self.temporary] if self.target is not None else []
        return frozenset(os.path.realpath(path) for path in paths if path is not None)

    def write(self, output: bytes) -> None:
        """Write one file's output.

        :raises OSError: naming the file written (not standard output).
        """
        try:
            self.stream.write(output)
        except OSError as error:
            raise self._named(error) from error

    def _named(self, error: OSError) -> OSError:
        """``error``, naming the target file if it names no other (a write's error names none)."""
        if self.target is None or isinstance(error, BrokenPipeError):
            return error
        return type(error)(error.errno, error.strerror or str(error), self.target)

    def finish(self, keep: bool) -> None:
        """Close; move the temporary file into place if ``keep``, else remove it."""
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
        except OSError as error:
            raise self._named(error) from error
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


def _same(first: str, second: str) -> bool:
    return os.path.realpath(first) == os.path.realpath(second)


def refused_target(
    paths: Sequence[str],
    out: Optional[str],
    problems: Optional[str] = None,
    *,
    folder: bool = False,
    patterns: Sequence[str] = PATTERNS,
) -> Optional[str]:
    """Why the run may not write ``out`` (and the problems file ``problems``)
    when it reads ``paths``, or ``None`` when it may: an output may not name
    an input file (it would replace it), whether named in ``paths`` or found
    in a folder of them (a file matching ``patterns``), and the problems file
    may be neither ``out`` nor, when ``out`` is a ``folder`` of tables, inside it.
    """
    for option, target in (("-o", out), ("--problems", problems)):
        if target is None or not os.path.exists(target) or os.path.isdir(target):
            continue
        if any(path != "-" and _same(path, target) for path in paths):
            return f"{option} {shown(target)} names an input file; give another file"
        if (
            matches(os.path.basename(target), patterns)
            and any(_holds(path, target) for path in paths)
            and not _earlier_output(target)
        ):
            return f"{option} {shown(target)} names an archive file of a folder read; give another file"
    if problems is not None and out is not None:
        if _same(problems, out):
            return f"--problems {shown(problems)} is also -o OUT; give another file"
        inside = os.path.commonpath([os.path.realpath(out), os.path.realpath(problems)]) == os.path.realpath(out)
        if folder and inside:
            return f"--problems {shown(problems)} is inside the folder of tables {shown(out)}; give a file outside it"
    return None


def _holds(folder: str, path: str) -> bool:
    """Whether the folder ``folder`` (if it is one) holds ``path``, at any depth."""
    if folder == "-" or not os.path.isdir(folder):
        return False
    root = os.path.realpath(folder)
    return os.path.commonpath([root, os.path.realpath(path)]) == root


def _earlier_output(path: str) -> bool:
    """Whether the file ``path`` is empty or holds JSON lines (an earlier
    run's output, which may be replaced), not an archive file."""
    try:
        with open(path, "rb") as file:
            start = file.read(256).lstrip()
    except OSError:
        return False
    return not start or start.startswith(b"{")
