"""dwparse against its floor (lxml) and its alternative (trafilatura), in one run.

    .venv/bin/pip install -U pip && .venv/bin/pip install -e . --group bench
    .venv/bin/python benchmarks/compare.py                  # the seed, and a 131-byte file
    .venv/bin/python benchmarks/compare.py --generate 200   # plus 200 generated files
    .venv/bin/python benchmarks/compare.py --real           # plus ../shared/corpus/real (144 files)

For every file, rounds of these contenders, taken in turn so that a noisy
machine slows them alike, and the median of each:

- ``dwparse.parse(text)``;
- ``lxml.html.fragments_fromstring(body)``: lxml parsing the body alone, the
  floor dwparse builds on and cannot beat;
- the dwparse job: the file's bytes to one JSON line
  (``dwparse.parse(data).to_json()``), with orjson when it is installed (the
  ``fast`` extra), and the same job with the standard library's JSON; and the
  job as the command line does it, the line written as UTF-8 bytes
  (``to_dict()`` through ``dwparse.jsontext.dumps_bytes``, no ``str`` between);
- the trafilatura job, what a user would otherwise write: markdown-it-py
  renders the file to HTML, ``trafilatura.bare_extraction(html,
  with_metadata=True, include_images=True, include_links=True)`` reads it, and
  ``json.dumps`` writes it.

Prints the median over files of those per-file medians, the ratios
dwparse/lxml (goal: at most 5.0 on the real files) and trafilatura
job/dwparse job (goal: at least 15 on the real files, with orjson), and the
date and versions. It reports; it never fails.
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
from dwparse import jsontext

sys.path.insert(0, str(Path(__file__).resolve().parent))
from generate import generate  # noqa: E402

ROOT = Path(__file__).resolve().parent.parent
SEED = ROOT.parent / "shared" / "corpus" / "seed-zh-69790970.md"
REAL = ROOT.parent / "shared" / "corpus" / "real"
# The smallest file of the format: a header, a title, a time line, one paragraph (131 bytes).
TINY = (
    "<!--1722165425000-->\n[t](https://www.dw.com/zh/x/a-70000001)\n------\n\n"
    "<div><i><br>2024-07-28T11:07:48.000Z</i></div><p>一句。</p>"
)


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

    def standard_job(data: bytes) -> str:
        fast, jsontext.orjson = jsontext.orjson, None  # type: ignore[assignment]
        try:
            return dwparse.parse(data).to_json()
        finally:
            jsontext.orjson = fast

    times: dict[str, list[float]] = {
        name: [] for name in ("dwparse", "lxml", "dwparse job", "job, std json", "job, bytes", "trafilatura job")
    }
    for path in paths:
        data = path.read_bytes()
        text = data.decode("utf-8")
        body = body_of(text)
        contenders: dict[str, Callable[[], object]] = {
            "dwparse": lambda: dwparse.parse(text),
            "lxml": lambda: lxml.html.fragments_fromstring(body),
            "dwparse job": lambda: dwparse.parse(data).to_json(),
            "job, std json": lambda: standard_job(data),
            "job, bytes": lambda: jsontext.dumps_bytes(dwparse.parse(data).to_dict()),
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


def report(name: str, times: dict[str, list[float]]) -> None:
    """Print one corpus's medians and ratios."""
    medians = {key: statistics.median(values) for key, values in times.items()}
    print(f"\n{name}: {len(times['dwparse'])} file(s), median per file")
    for key, value in medians.items():
        print(f"  {key:16s} {value * 1e6:10.1f} µs")
    parse_ratio = medians["dwparse"] / medians["lxml"]
    job_ratio = medians["trafilatura job"] / medians["dwparse job"]
    standard_ratio = medians["trafilatura job"] / medians["job, std json"]
    bytes_ratio = medians["trafilatura job"] / medians["job, bytes"]
    print(f"  dwparse/lxml                  {parse_ratio:6.2f}   (goal on the real files: at most 5.0)")
    print(f"  trafilatura job/dwparse job   {job_ratio:6.2f}   (goal on the real files: at least 15, orjson {jsontext.ORJSON})")
    print(f"  the same, standard json       {standard_ratio:6.2f}")
    print(f"  the same, a line of bytes     {bytes_ratio:6.2f}   (as the command line writes it)")


def main() -> None:
    """Run the comparison on the seed and, if asked, on generated files."""
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("files", nargs="*", type=Path)
    parser.add_argument("--generate", type=int, default=0, help="also time this many generated files")
    parser.add_argument("--real", action="store_true", help="also time the real archive files of ../shared/corpus/real")
    parser.add_argument("--rounds", type=int, default=30)
    args = parser.parse_args()
    warnings.simplefilter("ignore")
    print(f"date: {datetime.now(timezone.utc):%Y-%m-%d %H:%M} UTC; {platform.platform()}")
    print(
        f"python {platform.python_version()}; dwparse {dwparse.__version__}; lxml {version('lxml')}; "
        f"trafilatura {version('trafilatura')}; markdown-it-py {version('markdown-it-py')}"
    )
    if args.files:
        report("files", measure(args.files, args.rounds))
    else:
        report("seed", measure([SEED], args.rounds))
        with tempfile.TemporaryDirectory() as folder:
            tiny = Path(folder) / "tiny.md"
            tiny.write_text(TINY, encoding="utf-8")
            report(f"a {len(TINY.encode())}-byte file", measure([tiny], args.rounds * 10))
    if args.real:
        real = sorted(path for path in REAL.glob("*.md") if path.name != "SOURCES.md")
        report(f"real archive files ({REAL})", measure(real, args.rounds))
    if args.generate:
        with tempfile.TemporaryDirectory() as folder:
            paths = generate(args.generate, Path(folder), seed=1)
            report("generated corpus (seed 1)", measure(paths, args.rounds))


if __name__ == "__main__":
    main()
