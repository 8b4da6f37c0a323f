"""dwparse against its floor (lxml) and its alternative (trafilatura), in one run.

    .venv/bin/pip install -U pip && .venv/bin/pip install -e . --group bench
    .venv/bin/python benchmarks/compare.py                  # the seed
    .venv/bin/python benchmarks/compare.py --generate 200   # plus 200 generated files

For every file, rounds of these contenders, taken in turn so that a noisy
machine slows them alike, and the median of each:

- ``dwparse.parse(text)``;
- ``lxml.html.fragments_fromstring(body)``: lxml parsing the body alone, the
  floor dwparse builds on and cannot beat;
- the dwparse job: the file's bytes to one JSON line
  (``dwparse.parse(data).to_json()``);
- the trafilatura job, what a user would otherwise write: markdown-it-py
  renders the file to HTML, ``trafilatura.bare_extraction(html,
  with_metadata=True, include_images=True, include_links=True)`` reads it, and
  ``json.dumps`` writes it.

Prints the median over files of those per-file medians, the ratios
dwparse/lxml (goals: at most 3.5 on the seed, 4.0 on the generated corpus)
and trafilatura job/dwparse job (goal: at least 30), and the date and
versions. It reports; it never fails.
"""

from __future__ import annotations

import argparse
import json
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


def body_of(text: str) -> str:
    """The HTML body of an archive file: what follows the first blank line."""
    return text.replace("\r\n", "\n").partition("\n\n")[2]


def measure(paths: list[Path], rounds: int) -> dict[str, list[float]]:
    """Per-file median seconds of each contender."""
    markdown = MarkdownIt("commonmark", {"html": True})

    def trafilatura_job(data: bytes) -> str:
        document = trafilatura.bare_extraction(
            markdown.render(data.decode("utf-8")), with_metadata=True, include_images=True, include_links=True
        )
        return json.dumps(document.as_dict() if hasattr(document, "as_dict") else document, default=str)

    times: dict[str, list[float]] = {"dwparse": [], "lxml": [], "dwparse job": [], "trafilatura job": []}
    for path in paths:
        data = path.read_bytes()
        text = data.decode("utf-8")
        body = body_of(text)
        contenders: dict[str, Callable[[], object]] = {
            "dwparse": lambda: dwparse.parse(text),
            "lxml": lambda: lxml.html.fragments_fromstring(body),
            "dwparse job": lambda: dwparse.parse(data).to_json(),
            "trafilatura job": lambda: trafilatura_job(data),
        }
        samples: dict[str, list[float]] = {name: [] for name in contenders}
        for round_number in range(rounds + 1):
            for name, function in contenders.items():
                if name == "trafilatura job" and round_number % 10:
                    continue  # 100 times slower: fewer rounds
                start = time.perf_counter()
                function()
                if round_number:  # the first round warms up
                    samples[name].append(time.perf_counter() - start)
        for name, values in samples.items():
            times[name].append(statistics.median(values))
    return times


def report(name: str, times: dict[str, list[float]], parse_goal: float) -> None:
    """Print one corpus's medians and ratios."""
    medians = {key: statistics.median(values) for key, values in times.items()}
    print(f"\n{name}: {len(times['dwparse'])} file(s), median per file")
    for key, value in medians.items():
        print(f"  {key:16s} {value * 1e6:10.1f} µs")
    parse_ratio = medians["dwparse"] / medians["lxml"]
    job_ratio = medians["trafilatura job"] / medians["dwparse job"]
    print(f"  dwparse/lxml                  {parse_ratio:6.2f}   (goal: at most {parse_goal})")
    print(f"  trafilatura job/dwparse job   {job_ratio:6.2f}   (goal: at least 30)")


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
    report("seed" if not args.files else "files", measure(args.files or [SEED], args.rounds), 3.5)
    if args.generate:
        with tempfile.TemporaryDirectory() as folder:
            paths = generate(args.generate, Path(folder), seed=1)
            report("generated corpus (seed 1)", measure(paths, args.rounds), 4.0)


if __name__ == "__main__":
    main()
