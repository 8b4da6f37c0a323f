"""The documentation builds without a single warning, and every example in it runs."""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path

import pytest

from conftest import HAVE_SEED, ROOT, SEED_MISSING

# docs/conf.py gives the doctests SEED, the same real seed file as the tests
# read (../shared/corpus beside a checkout or an unpacked sdist): without
# it the doctest build cannot pass, so it skips. The HTML build needs no seed.
NEEDS_SEED = pytest.mark.skipif(not HAVE_SEED, reason=f"the docs' doctests read it; {SEED_MISSING}")

# -n: every cross-reference must resolve; -W: any warning fails the build.
BUILDS = {
    "html": ["-n", "-W", "--keep-going", "-b", "html"],
    "doctest": ["-n", "-W", "-b", "doctest"],
}


@pytest.mark.parametrize("builder", [pytest.param(name, marks=NEEDS_SEED) if name == "doctest" else name for name in BUILDS])
def test_docs_build(builder: str, tmp_path: Path) -> None:
    command = [sys.executable, "-m", "sphinx", *BUILDS[builder], "docs", str(tmp_path / builder)]
    result = subprocess.run(
        command, cwd=ROOT, capture_output=True, text=True, encoding="utf-8", timeout=120
    )
    if result.returncode != 0:
        print(" ".join(command))
        print(result.stdout)
        print(result.stderr)
        report = tmp_path / builder / "output.txt"  # the doctest builder's summary
        if report.exists():
            print(report.read_text(encoding="utf-8"))
    assert result.returncode == 0, f"sphinx -b {builder} failed; its output is above"
