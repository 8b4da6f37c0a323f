"""Growth per construct family: time parse() + to_json() at n, 4n and 16n; print the ratios.

    .venv/bin/python benchmarks/growth.py [--n 200] [--only FAMILY ...] [--rounds 5]

Every family of ``tests/families.py`` (one construct of the format, or one
shape of broken input, grown with n) is timed at n, 4n and 16n: the least CPU
time of this process (which other work on a shared machine disturbs less
than wall time) over ``--rounds`` runs or more (short runs are repeated for
a quarter second). Linear work grows 4x
per 4x of input; a ratio above 5 is flagged with ``!``. The last column is
the JSON's size over the input's, in UTF-8 bytes, at 16n.
``tests/test_growth.py`` counts calls at n and 4n; this times them, which
also sees work done inside one C call (a regular expression, a search of a
string). Not a test: shared machines are noisy, so this reports and never fails.
"""

from __future__ import annotations

import argparse
import gc
import platform
import sys
import time
from collections.abc import Callable
from datetime import datetime, timezone
from pathlib import Path
from typing import NamedTuple

import lxml.etree

import dwparse

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT / "tests"))  # tests/ is no package: its modules import by name, as under pytest

from families import FAMILIES  # noqa: E402

#: A ratio of times per 4x of input above this is flagged.
LIMIT = 5.0
#: Seconds of runs at one size below which more runs are made, up to MAX_RUNS.
BUDGET = 0.25
MAX_RUNS = 50


class Row(NamedTuple):
    """One family's timings (seconds at n, 4n, 16n) and its JSON bytes per input byte at 16n."""

    family: str
    seconds: tuple[float, float, float]
    json_ratio: float

    @property
    def ratios(self) -> tuple[float, float]:
        """Time at 4n over n, and at 16n over 4n."""
        first, second, third = self.seconds
        return second / first, third / second

    @property
    def flagged(self) -> bool:
        """Whether a ratio is above :data:`LIMIT`."""
        return max(self.ratios) > LIMIT


def best_seconds(text: str, rounds: int) -> float:
    """The least CPU time of ``parse(text).to_json()``, the collector off while timed: over ``rounds``
    runs, and more (up to :data:`MAX_RUNS`) while they took less than :data:`BUDGET` seconds in all, so
    that a short run interrupted by other work on the machine is outdone by one that was not."""
    best = float("inf")
    spent = 0.0
    runs = 0
    while runs < rounds or (spent < BUDGET and runs < MAX_RUNS):
        runs += 1
        gc.collect()
        gc.disable()
        try:
            start = time.process_time()
            dwparse.parse(text).to_json()
            took = time.process_time() - start
        finally:
            gc.enable()
        best = min(best, took)
        spent += took
    return best


def measure(family: str, make: Callable[[int], str], n: int, rounds: int) -> Row:
    """Time ``make`` at n, 4n and 16n (after one warm-up run at n)."""
    dwparse.parse(make(n)).to_json()
    small, middle, large = make(n), make(4 * n), make(16 * n)
    seconds = (best_seconds(small, rounds), best_seconds(middle, rounds), best_seconds(large, rounds))
    json_ratio = len(dwparse.parse(large).to_json().encode("utf-8")) / len(large.encode("utf-8", "surrogatepass"))
    return Row(family, seconds, json_ratio)


def format_row(row: Row, width: int) -> str:
    """One line of the table."""
    times = "".join(f"{seconds * 1e3:10.2f}" for seconds in row.seconds)
    ratios = "".join(f"{ratio:8.2f}{'!' if ratio > LIMIT else ' '}" for ratio in row.ratios)
    return f"{row.family:<{width}}{times}  {ratios}{row.json_ratio:8.2f}"


def main() -> None:
    """Time the families chosen and print the table, then the flagged families."""
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--n", type=int, default=200, help="the smallest size (default 200)")
    parser.add_argument("--only", action="append", metavar="FAMILY", help="time this family only (may be repeated)")
    parser.add_argument("--rounds", type=int, default=5, help="runs per size at least; the best counts (default 5)")
    args = parser.parse_args()
    chosen = args.only or list(FAMILIES)
    unknown = [family for family in chosen if family not in FAMILIES]
    if unknown:
        parser.error(f"unknown: {', '.join(unknown)}; the families are: {', '.join(FAMILIES)}")
    n = args.n
    width = max(len(family) for family in chosen) + 2
    print(f"date: {datetime.now(timezone.utc):%Y-%m-%d %H:%M} UTC")
    print(f"python {platform.python_version()}, dwparse {dwparse.__version__}, lxml {lxml.etree.__version__}")
    print(f"n = {n}, least CPU time of {args.rounds} runs or more, in ms; ! marks a ratio above {LIMIT:g}")
    print(f"{'family':<{width}}{'n':>10}{'4n':>10}{'16n':>10}  {'4n/n':>8} {'16n/4n':>8}  {'json/in':>7}")
    rows = []
    for family in chosen:
        rows.append(measure(family, FAMILIES[family], n, args.rounds))
        print(format_row(rows[-1], width))
        sys.stdout.flush()
    flagged = [row.family for row in rows if row.flagged]
    print(f"families: {len(rows)}; above {LIMIT:g}x per 4x: {', '.join(flagged) if flagged else 'none'}")
    largest = max(rows, key=lambda row: row.json_ratio)
    print(f"largest JSON per input byte: {largest.family} ({largest.json_ratio:.2f})")


if __name__ == "__main__":
    main()
