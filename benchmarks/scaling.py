"""Linear cost: parse a body and the same body repeated 10 times; print the ratio.

    .venv/bin/python benchmarks/scaling.py [FILE] [--repeat 10]

The ratio of the two median times should be close to 10 (the goal is at most
12). Not a test: shared machines are noisy, so this reports and never fails.
"""

from __future__ import annotations

import argparse
import platform
import statistics
import sys
import time
from datetime import datetime, timezone
from pathlib import Path

import lxml.etree

import dwparse

ROOT = Path(__file__).resolve().parent.parent
SEED = ROOT.parent / "shared" / "corpus" / "seed-zh-69790970.md"


def median_seconds(text: str, rounds: int) -> float:
    """The median wall time of ``rounds`` parses of ``text``."""
    times = []
    for _ in range(rounds):
        start = time.perf_counter()
        dwparse.parse(text)
        times.append(time.perf_counter() - start)
    return statistics.median(times)


def main() -> None:
    """Print the single and repeated timings and their ratio."""
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("file", nargs="?", type=Path, default=SEED)
    parser.add_argument("--repeat", type=int, default=10)
    parser.add_argument("--rounds", type=int, default=50)
    args = parser.parse_args()
    text = args.file.read_text(encoding="utf-8")
    head, separator, body = text.partition("\n\n")
    single = head + separator + body
    repeated = head + separator + body.strip() * args.repeat
    for _ in range(5):  # warm up
        dwparse.parse(single)
    one = median_seconds(single, args.rounds)
    many = median_seconds(repeated, max(args.rounds // 5, 5))
    print(f"date: {datetime.now(timezone.utc):%Y-%m-%d %H:%M} UTC")
    print(f"python {platform.python_version()}, dwparse {dwparse.__version__}, lxml {lxml.etree.__version__}")
    print(f"file: {args.file.name} ({len(body)} characters of body)")
    print(f"1x body:  {one * 1e6:10.1f} µs")
    print(f"{args.repeat}x body: {many * 1e6:10.1f} µs")
    print(f"ratio {args.repeat}x/1x: {many / one:.2f} (goal: at most {1.2 * args.repeat:.0f})")
    sys.stdout.flush()


if __name__ == "__main__":
    main()
