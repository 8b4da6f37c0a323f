"""Build hook: the sdist carries the real seed file and its facts in
``tests/data``, so that its tests run on their own.

A checkout reads them from ``../shared/corpus``; an sdist built from an
unpacked sdist finds them in ``tests/data`` already.
"""

from __future__ import annotations

from pathlib import Path
from typing import Any

from hatchling.builders.hooks.plugin.interface import BuildHookInterface

SEED_FILES = ("seed-zh-69790970.md", "seed-zh-69790970.expect.json")


class SeedHook(BuildHookInterface):  # type: ignore[type-arg]
    """Copy the seed from ../shared/corpus into the sdist's tests/data."""

    PLUGIN_NAME = "custom"

    def initialize(self, version: str, build_data: dict[str, Any]) -> None:
        places = [Path(self.root).parent / "shared" / "corpus", Path(self.root) / "tests" / "data"]
        for name in SEED_FILES:
            found = next((place / name for place in places if (place / name).is_file()), None)
            if found is not None:
                build_data["force_include"][str(found)] = f"tests/data/{name}"
