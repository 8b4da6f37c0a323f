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
        shared = Path(self.root).parent / "shared" / "corpus"
        for name in SEED_FILES:
            if (shared / name).is_file():
                build_data["force_include"][str(shared / name)] = f"tests/data/{name}"
