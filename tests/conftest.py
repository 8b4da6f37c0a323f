"""Shared paths and helpers for the test-suite."""

from __future__ import annotations

import os
import sys
from pathlib import Path

import pytest
from hypothesis import HealthCheck, settings

ROOT = Path(__file__).resolve().parent.parent
# The real seed file and its facts: in ../shared/corpus beside a checkout; an
# sdist carries copies in tests/data (see pyproject.toml), so that its tests
# run on their own.
_PACKED_CORPUS = Path(__file__).resolve().parent / "data"
SHARED_CORPUS = _PACKED_CORPUS if (_PACKED_CORPUS / "seed-zh-69790970.md").exists() else ROOT.parent / "shared" / "corpus"
FIXTURES = Path(__file__).resolve().parent / "fixtures"
SEED = SHARED_CORPUS / "seed-zh-69790970.md"

sys.path.insert(0, str(Path(__file__).resolve().parent))

settings.register_profile("ci", max_examples=100, deadline=None, suppress_health_check=[HealthCheck.too_slow])
settings.register_profile(
    "thorough", max_examples=2000, deadline=None, suppress_health_check=[HealthCheck.too_slow]
)
settings.load_profile(os.environ.get("DWPARSE_HYPOTHESIS_PROFILE", "ci"))


@pytest.fixture(scope="session")
def seed_text() -> str:
    """The real seed file, read from ``../shared/corpus`` (or an sdist's ``tests/data``)."""
    if not SEED.exists():
        pytest.fail(f"the seed file is missing: {SEED}")
    return SEED.read_text(encoding="utf-8")
