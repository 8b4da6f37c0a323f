"""The wheel and the sdist: what they hold, what they ask for, and that
their metadata passes ``twine check``."""

from __future__ import annotations

import re
import subprocess
import sys
import tarfile
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
    assert runtime == ["attrs>=23.1", "lxml>=6.0", "python-dateutil>=2.8.2"]
    classifiers = metadata.get_all("Classifier") or []
    assert "Programming Language :: Python :: 3.10" in classifiers
    # PEP 639: the license is an SPDX expression, with its file, and no classifier says it again.
    assert metadata["License-Expression"] == "MIT" and metadata.get_all("License-File") == ["LICENSE"]
    assert not [classifier for classifier in classifiers if classifier.startswith("License ::")]
    entry_points = [name for name in archive.namelist() if name.endswith("entry_points.txt")]
    assert "dwparse = dwparse.cli:script" in archive.read(entry_points[0]).decode("utf-8")


@pytest.fixture(scope="module")
def sdist(tmp_path_factory: pytest.TempPathFactory) -> Path:
    folder = tmp_path_factory.mktemp("sdist")
    subprocess.run(
        [sys.executable, "-m", "hatchling", "build", "-t", "sdist", "-d", str(folder)],
        cwd=ROOT,
        check=True,
        capture_output=True,
    )
    (found,) = folder.glob("dwparse-*.tar.gz")
    return found


def _names(sdist: Path) -> set[str]:
    return {name.split("/", 1)[1] for name in tarfile.open(sdist).getnames() if "/" in name}


def test_sdist_carries_its_tests(sdist: Path) -> None:
    names = _names(sdist)
    for name in (
        "src/dwparse/__init__.py", "tests/conftest.py", "tests/fixtures/README.md", "docs/conf.py", ".ci/run", "LICENSE",
    ):  # fmt: skip
        assert name in names, name


def test_sdist_carries_no_dw_text(sdist: Path) -> None:
    """The real seed, its facts and the real archive files stay beside a checkout."""
    names = _names(sdist)
    assert not [name for name in names if "seed-zh-" in name or name.startswith(("tests/data/", "shared/"))]
    assert "examples/cycling-lanes.md" in names  # the project's own examples do go in


def test_twine_check_passes(wheel: Path, sdist: Path) -> None:
    result = subprocess.run(
        [sys.executable, "-m", "twine", "check", "--strict", str(wheel), str(sdist)], capture_output=True, text=True
    )
    assert result.returncode == 0, result.stdout + result.stderr


def test_version_has_a_dated_changelog_section() -> None:
    changelog = (ROOT / "CHANGELOG.md").read_text(encoding="utf-8")
    sections = re.findall(r"^## \[([0-9][^\]]*)\] - ([0-9]{4}-[0-9]{2}-[0-9]{2})$", changelog, re.MULTILINE)
    assert sections and sections[0][0] == dwparse.__version__, sections[:2]
