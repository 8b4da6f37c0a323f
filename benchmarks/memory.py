"""parse_many over generated corpora: peak memory and the speed-up of processes.

    .venv/bin/python benchmarks/memory.py 1000 10000 100000 [--jobs 2]
    .venv/bin/python benchmarks/memory.py 1000 10000 100000 --parquet

For each size, generates that many files (seed 1) into a temporary folder,
then, each in a fresh process so that peak memory is its own, streams them
through ``dwparse.parse_many`` (counting blocks, keeping nothing) with one
job and with ``--jobs`` processes. Prints wall time, files per second, the
peak resident memory of the parent (and of the whole process tree), and the
peak ratio of each size to the smallest. With ``--parquet``, it runs the
command line instead, ``dwparse FOLDER --format parquet -o OUT`` (one job),
and prints its peak and the rows of its tables. It reports; it never fails.

For one very large file (a 50 MB body) against lxml parsing that body alone,
see ``big_body.py``.
"""

from __future__ import annotations

import argparse
import json
import os
import platform
import resource
import subprocess
import sys
import tempfile
import time
from datetime import datetime, timezone
from pathlib import Path
from typing import Any

HERE = Path(__file__).resolve().parent


def run_one(folder: str, jobs: int) -> None:
    """In a child process: stream the folder through parse_many, print figures as JSON."""
    import dwparse

    # Paths are streamed too: a list of 100,000 paths alone would weigh more
    # than everything parse_many keeps.
    paths = (entry.path for entry in os.scandir(folder) if entry.name.endswith(".md"))
    start = time.perf_counter()
    files = blocks = 0
    for _, article in dwparse.parse_many(paths, jobs=jobs):
        files += 1
        blocks += len(article.blocks)
    seconds = time.perf_counter() - start
    own = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss
    children = resource.getrusage(resource.RUSAGE_CHILDREN).ru_maxrss
    print(json.dumps({"files": files, "blocks": blocks, "seconds": seconds, "peak_kb": own, "child_peak_kb": children}))


def run_parquet(folder: str) -> None:
    """In a child process: the command line writing Parquet tables, figures as JSON."""
    import pyarrow.parquet as pq

    from dwparse.cli import main
    from dwparse.tables import TABLES

    with tempfile.TemporaryDirectory() as out:
        start = time.perf_counter()
        status = main([folder, "--format", "parquet", "-o", os.path.join(out, "tables"), "--quiet"])
        seconds = time.perf_counter() - start
        tables = {
            name: sum(pq.ParquetFile(part).metadata.num_rows for part in Path(out, "tables", name).glob("*.parquet"))
            for name in TABLES
        }
    own = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss
    print(json.dumps({"status": status, "seconds": seconds, "peak_kb": own, "tables": tables}))


def measure(folder: str, jobs: int, parquet: bool = False) -> dict[str, Any]:
    extra = ["--parquet"] if parquet else []
    output = subprocess.run(
        [sys.executable, __file__, "--child", folder, "--jobs", str(jobs), *extra],
        check=True,
        capture_output=True,
        text=True,
    ).stdout
    return json.loads(output)  # type: ignore[no-any-return]


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("sizes", nargs="*", type=int, default=[1000, 10000])
    parser.add_argument("--jobs", type=int, default=2)
    parser.add_argument("--parquet", action="store_true", help="time the command line writing Parquet tables")
    parser.add_argument("--child", help=argparse.SUPPRESS)
    args = parser.parse_args()
    if args.child:
        run_parquet(args.child) if args.parquet else run_one(args.child, args.jobs)
        return
    sys.path.insert(0, str(HERE))
    from generate import generate

    print(f"date: {datetime.now(timezone.utc):%Y-%m-%d %H:%M} UTC; python {platform.python_version()}; {platform.platform()}")
    base_peak = None
    for size in args.sizes:
        with tempfile.TemporaryDirectory() as folder:
            generate(size, Path(folder), seed=1)  # returns a list, but in this process
            if args.parquet:
                figures = measure(folder, 1, parquet=True)
                base_peak = base_peak or figures["peak_kb"]
                print(
                    f"{size:>7} files | parquet: {figures['seconds']:7.2f} s, peak {figures['peak_kb'] / 1024:6.1f} MiB "
                    f"({figures['peak_kb'] / base_peak:.2f}x of smallest), exit {figures['status']}, rows {figures['tables']}"
                )
                sys.stdout.flush()
                continue
            single = measure(folder, 1)
            multi = measure(folder, args.jobs)
        if base_peak is None:
            base_peak = single["peak_kb"]
        print(
            f"{size:>7} files | 1 job: {single['seconds']:7.2f} s, {size / single['seconds']:6.0f} files/s, "
            f"peak {single['peak_kb'] / 1024:6.1f} MiB ({single['peak_kb'] / base_peak:.2f}x of smallest) | "
            f"{args.jobs} jobs: {multi['seconds']:7.2f} s, speed-up {single['seconds'] / multi['seconds']:.2f}x, "
            f"parent peak {multi['peak_kb'] / 1024:6.1f} MiB, worker peak {multi['child_peak_kb'] / 1024:6.1f} MiB"
        )
        sys.stdout.flush()


if __name__ == "__main__":
    main()
