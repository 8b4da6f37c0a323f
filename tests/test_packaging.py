"""The wheel: what it holds and what it asks for."""

from __future__ import annotations

import subprocess
import sys
import zipfile
from email.parser import Parser
from pathlib import Path

import pytest

import dwparse
from conftest import ROOT


@pytest.fixture(scope="module")
def wheel(tmp_path_factory: pytest.TempPathFactory) -> Path:
    folder = tmp_path_factory.mktemp("wheel")
    subprocess.run(
        [sys.executable, "-m", "pip", "wheel", "--no-deps", "-q", "-w", str(folder), str(ROOT)],
        check=True,
        capture_output=True,
    )
    (found,) = folder.glob("dwparse-*.whl")
    return found


def test_wheel_holds_the_package_its_types_and_schema(wheel: Path) -> None:
    names = zipfile.ZipFile(wheel).namelist()
    for name in ("dwparse/__init__.py", "dwparse/py.typed", "dwparse/schema.json", "dwparse/cli.py"):
        assert name in names
    assert not [name for name in names if name.startswith(("tests/", "benchmarks/", "fuzz/"))]


def test_wheel_metadata(wheel: Path) -> None:
    archive = zipfile.ZipFile(wheel)
    (metadata_name,) = [name for name in archive.namelist() if name.endswith(".dist-info/METADATA")]
    metadata = Parser().parsestr(archive.read(metadata_name).decode("utf-8"))
    assert metadata["Version"] == dwparse.__version__
    assert metadata["Requires-Python"] == ">=3.10"
    runtime = sorted(
        requirement for requirement in metadata.get_all("Requires-Dist") or [] if "extra ==" not in requirement
    )
    assert runtime == ["attrs>=23.1", "lxml>=5.0", "python-dateutil>=2.8.2"]
    assert "Programming Language :: Python :: 3.10" in (metadata.get_all("Classifier") or [])
    entry_points = [name for name in archive.namelist() if name.endswith("entry_points.txt")]
    assert "dwparse = dwparse.cli:script" in archive.read(entry_points[0]).decode("utf-8")
