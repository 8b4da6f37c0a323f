"""dwparse against its floor (lxml) and its alternative (trafilatura), in one run.

    .venv/bin/pip install -e '.[bench]'
    .venv/bin/python benchmarks/compare.py                  # the seed
    .venv/bin/python benchmarks/compare.py --generate 200   # plus 200 generated files

For every file, the median of several timed runs of:

- ``dwparse.parse(text)``;
- ``lxml.html.fragments_fromstring(body)``: lxml parsing the body alone, the
  floor dwparse builds on and cannot beat;
- ``trafilatura.bare_extraction(html, with_metadata=True, include_images=True,
  include_links=True)`` on the file rendered from Markdown to HTML by
  markdown-it-py, what a user would otherwise reach for.

Prints the median over files of those per-file medians, the ratios
dwparse/lxml (goal: at most 3.0) and trafilatura/dwparse (goal: at least 25),
and the date and versions. It reports; it never fails.
"""

from __future__ import annotations

import argparse
import platform
import statistics
import sys
import tempfile
import time
import warnings
from datetime import datetime, timezone
from importlib.metadata import version
from pathlib import Path
from typing import Callable

import lxml.html
import trafilatura
from markdown_it import MarkdownIt

import dwparse

sys.path.insert(0, str(Path(__file__).resolve().parent))
from generate import generate  # noqa: E402

ROOT = Path(__file__).resolve().parent.parent
SEED = ROOT.parent / "shared" / "corpus" / "seed-zh-69790970.md"


def median_time(function: Callable[[], object], rounds: int) -> float:
    """Median seconds of ``rounds`` calls (after one warm-up call)."""
    function()
    times = []
    for _ in range(rounds):
        start = time.perf_counter()
        function()
        times.append(time.perf_counter() - start)
    return statistics.median(times)


def body_of(text: str) -> str:
    """The HTML body of an archive file: what follows the first blank line."""
    return text.replace("\r\n", "\n").partition("\n\n")[2]


def measure(paths: list[Path], rounds: int) -> dict[str, list[float]]:
    """Per-file median seconds of each contender."""
    markdown = MarkdownIt("commonmark", {"html": True})
    times: dict[str, list[float]] = {"dwparse": [], "lxml": [], "trafilatura": []}
    for path in paths:
        text = path.read_text(encoding="utf-8")
        body = body_of(text)
        html = markdown.render(text)
        times["dwparse"].append(median_time(lambda: dwparse.parse(text), rounds))
        times["lxml"].append(median_time(lambda: lxml.html.fragments_fromstring(body), rounds))
        times["trafilatura"].append(
            median_time(
                lambda: trafilatura.bare_extraction(
                    html, with_metadata=True, include_images=True, include_links=True
                ),
                max(rounds // 10, 3),
            )
        )
    return times


def report(name: str, times: dict[str, list[float]]) -> None:
    """Print one corpus's medians and ratios."""
    medians = {key: statistics.median(values) for key, values in times.items()}
    print(f"\n{name}: {len(times['dwparse'])} file(s), median per file")
    for key, value in medians.items():
        print(f"  {key:12s} {value * 1e6:10.1f} µs")
    print(f"  dwparse/lxml        {medians['dwparse'] / medians['lxml']:6.2f}   (goal: at most 3.0)")
    print(f"  trafilatura/dwparse {medians['trafilatura'] / medians['dwparse']:6.2f}   (goal: at least 25)")


def main() -> None:
    """Run the comparison on the seed and, if asked, on generated files."""
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("files", nargs="*", type=Path)
    parser.add_argument("--generate", type=int, default=0, help="also time this many generated files")
    parser.add_argument("--rounds", type=int, default=30)
    args = parser.parse_args()
    warnings.simplefilter("ignore")
    print(f"date: {datetime.now(timezone.utc):%Y-%m-%d %H:%M} UTC; {platform.platform()}")
    print(
        f"python {platform.python_version()}; dwparse {dwparse.__version__}; lxml {version('lxml')}; "
        f"trafilatura {version('trafilatura')}; markdown-it-py {version('markdown-it-py')}"
    )
    report("seed", measure(args.files or [SEED], args.rounds))
    if args.generate:
        with tempfile.TemporaryDirectory() as folder:
            paths = generate(args.generate, Path(folder), seed=1)
            report("generated corpus (seed 1)", measure(paths, args.rounds))


if __name__ == "__main__":
    main()
