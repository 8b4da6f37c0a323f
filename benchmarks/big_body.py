"""One very large file: peak memory of dwparse against lxml parsing the body alone.

    .venv/bin/python benchmarks/big_body.py [--mb 50]

Builds an archive file whose body is the seed's body repeated to about
``--mb`` megabytes, then, each in a fresh process so that the peak resident
memory is its own, measures: lxml parsing the body alone
(``lxml.html.fromstring``, the floor), ``dwparse.parse`` of the file, and
``dwparse.parse`` followed by ``to_json``. Prints the peaks, the ratios to
lxml's, and the wall times. It reports; it never fails.
"""

from __future__ import annotations

import argparse
import json
import platform
import resource
import subprocess
import sys
import tempfile
import time
from datetime import datetime, timezone
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
SEED = ROOT.parent / "shared" / "corpus" / "seed-zh-69790970.md"


def child(path: str, what: str) -> None:
    """In a fresh process: do ``what`` to the file at ``path``, print figures as JSON."""
    text = Path(path).read_text(encoding="utf-8")
    baseline = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss
    start = time.perf_counter()
    if what == "lxml":
        import lxml.html

        lxml.html.fromstring(text.split("\n\n", 1)[1])
    else:
        import dwparse

        article = dwparse.parse(text)
        if what == "dwparse+json":
            article.to_json()
    seconds = time.perf_counter() - start
    peak = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss
    print(json.dumps({"peak_mib": peak / 1024, "added_mib": (peak - baseline) / 1024, "seconds": seconds}))


def main() -> None:
    """Build the file, measure each way in its own process, print the figures."""
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--mb", type=float, default=50)
    parser.add_argument("--child", nargs=2, help=argparse.SUPPRESS)
    args = parser.parse_args()
    if args.child:
        child(*args.child)
        return
    head, body = SEED.read_text(encoding="utf-8").split("\n\n", 1)
    body = body.strip()
    times = max(1, int(args.mb * 1024 * 1024 / len(body.encode("utf-8"))))
    print(f"{datetime.now(timezone.utc):%Y-%m-%d %H:%M} UTC; Python {platform.python_version()}")
    with tempfile.TemporaryDirectory() as folder:
        path = Path(folder) / "big.md"
        path.write_text(head + "\n\n" + body * times + "\n", encoding="utf-8")
        size = path.stat().st_size / 1024 / 1024
        print(f"a body of the seed's body {times} times: {size:.1f} MiB")
        figures = {}
        for what in ("lxml", "dwparse", "dwparse+json"):
            result = subprocess.run(
                [sys.executable, __file__, "--child", str(path), what], capture_output=True, text=True, check=True
            )
            figures[what] = json.loads(result.stdout)
    floor = figures["lxml"]["added_mib"]
    for what, figure in figures.items():
        print(
            f"  {what:<13} peak {figure['peak_mib']:7.0f} MiB, added {figure['added_mib']:7.0f} MiB "
            f"({figure['added_mib'] / floor:4.1f}x lxml's), {figure['seconds']:6.1f} s"
        )


if __name__ == "__main__":
    main()
