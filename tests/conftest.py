"""Shared paths and helpers for the test-suite."""

from __future__ import annotations

import os
import sys
from pathlib import Path

import pytest
from hypothesis import HealthCheck, settings

ROOT = Path(__file__).resolve().parent.parent
# The real seed file and its facts: in ../shared/corpus beside a checkout (or
# an unpacked sdist, which carries no DW text).
SHARED_CORPUS = ROOT.parent / "shared" / "corpus"
FIXTURES = Path(__file__).resolve().parent / "fixtures"
SEED = SHARED_CORPUS / "seed-zh-69790970.md"
SEED_FACTS = SHARED_CORPUS / "seed-zh-69790970.expect.json"

# A clone with nothing beside it has no seed: the tests that read it skip,
# naming the missing file, and the rest run. CI has the data and runs them all.
HAVE_SEED = SEED.is_file()
SEED_MISSING = f"needs the real seed file: ../shared/corpus/{SEED.name} (not found at {SEED}; CI has it)"
SEED_FACTS_MISSING = (
    f"needs the real seed's facts: ../shared/corpus/{SEED_FACTS.name} (not found at {SEED_FACTS}; CI has it)"
)
needs_seed = pytest.mark.skipif(not HAVE_SEED, reason=SEED_MISSING)
needs_seed_facts = pytest.mark.skipif(not SEED_FACTS.is_file(), reason=SEED_FACTS_MISSING)


def seed_marked(paths: list[Path]) -> list[object]:
    """``paths`` for ``parametrize``: the seed's case skips (naming the file) when it is missing."""
    return [pytest.param(path, marks=needs_seed) if path == SEED else path for path in paths]


def readable(paths: list[Path]) -> list[Path]:
    """``paths`` without the seed when it is missing: for tests that read a whole list."""
    return [path for path in paths if path != SEED or HAVE_SEED]


sys.path.insert(0, str(Path(__file__).resolve().parent))

settings.register_profile("ci", max_examples=100, deadline=None, suppress_health_check=[HealthCheck.too_slow])
settings.register_profile(
    "thorough", max_examples=2000, deadline=None, suppress_health_check=[HealthCheck.too_slow]
)
settings.load_profile(os.environ.get("DWPARSE_HYPOTHESIS_PROFILE", "ci"))


@pytest.fixture(scope="session")
def seed_text() -> str:
    """The real seed file, read from ``../shared/corpus``."""
    if not HAVE_SEED:
        pytest.skip(SEED_MISSING)
    return SEED.read_text(encoding="utf-8")
