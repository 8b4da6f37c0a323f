"""CI, second part: the sdist, unpacked on its own (no ../shared beside it),
passes its tests twice:

- on the oldest Python this machine has that the package supports, with
  every runtime dependency (and every extra) pinned to its declared
  floor;
- on the newest Python here, with the newest dependencies.

Each run upgrades pip in its fresh venv (``--group`` needs pip 25.1) and
installs the unpacked sdist with its ``test`` dependency group, read from the
sdist's own pyproject.toml; the floors are constraints (``-c``) on both.

Interpreters are searched for where Python installs usually live (pyenv,
/usr/bin, /usr/local/bin, /opt) and on PATH; none is assumed. Run it with a
Python that has hatchling (the test dependency group brings it):

    .venv/bin/python .ci/matrix.py
"""

from __future__ import annotations

import glob
import os
import re
import subprocess
import sys
import tarfile
import tempfile
import time
import tomllib
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
_PLACES = [
    "~/.pyenv/versions/*/bin/python3",
    "/root/.pyenv/versions/*/bin/python3",
    "/usr/bin/python3*",
    "/usr/local/bin/python3*",
    "/opt/*/bin/python3*",
    "/opt/python/*/bin/python3",
]


def interpreters() -> dict[tuple[int, int], str]:
    """Working CPython 3 interpreters with venv, by version (one path each)."""
    candidates: set[str] = set()
    for place in _PLACES:
        candidates.update(glob.glob(os.path.expanduser(place)))
    for folder in os.environ.get("PATH", "").split(os.pathsep):
        candidates.update(glob.glob(os.path.join(folder, "python3*")))
    found: dict[tuple[int, int], str] = {}
    for path in sorted(candidates):
        if not re.search(r"python3(\.[0-9]+)?$", path) or not os.access(path, os.X_OK):
            continue
        try:
            result = subprocess.run(
                [path, "-c", "import sys, venv, ensurepip; print(*sys.version_info[:2])"],
                capture_output=True, text=True, timeout=60,
            )  # fmt: skip
        except (OSError, subprocess.SubprocessError):
            continue
        if result.returncode == 0:
            major, minor = map(int, result.stdout.split())
            found.setdefault((major, minor), path)
    return found


def project() -> dict[str, object]:
    return tomllib.loads((ROOT / "pyproject.toml").read_text(encoding="utf-8"))["project"]  # type: ignore[no-any-return]


def floors(meta: dict[str, object]) -> list[str]:
    """``name==floor`` for every runtime dependency and every extra."""
    extras = meta["optional-dependencies"].values()  # type: ignore[attr-defined]
    requirements = list(meta["dependencies"]) + [requirement for extra in extras for requirement in extra]  # type: ignore[call-overload]
    pins = []
    for requirement in requirements:
        match = re.fullmatch(r"([A-Za-z0-9_.-]+)\s*>=\s*([0-9][^,;\s]*)", requirement)
        if match is None:
            raise SystemExit(f"matrix: cannot read a floor from {requirement!r}")
        pins.append(f"{match[1]}=={match[2]}")
    return pins


def run(command: list[str], **kwargs: object) -> None:
    print("+", " ".join(command), flush=True)
    subprocess.run(command, check=True, **kwargs)  # type: ignore[call-overload]


def main() -> int:
    meta = project()
    lowest = tuple(int(part) for part in re.fullmatch(r">=\s*([0-9.]+)", meta["requires-python"])[1].split("."))  # type: ignore[index, arg-type]
    found = {version: path for version, path in interpreters().items() if version >= lowest}
    if not found:
        raise SystemExit(f"matrix: no Python {'.'.join(map(str, lowest))} or newer found")
    oldest, newest = min(found), max(found)
    print(f"matrix: Pythons found {sorted(found)}; oldest {oldest} at the floors, newest {newest} at the newest", flush=True)
    with tempfile.TemporaryDirectory(prefix="dwparse-matrix-") as work:
        run([sys.executable, "-m", "hatchling", "build", "-t", "sdist", "-d", work], cwd=ROOT)
        (sdist,) = Path(work).glob("dwparse-*.tar.gz")
        failures = []
        for name, version, pins in [("oldest", oldest, floors(meta)), ("newest", newest, [])]:
            place = Path(work) / name
            with tarfile.open(sdist) as archive:
                archive.extractall(place, filter="data")
            (unpacked,) = place.iterdir()
            constraints = place / "floors.txt"
            constraints.write_text("".join(pin + "\n" for pin in pins), encoding="utf-8")
            venv = place / "venv"
            started = time.monotonic()
            try:
                run([found[version], "-m", "venv", str(venv)])
                pip = str(venv / "bin" / "pip")
                run([pip, "install", "-q", "-U", "pip"])  # --group needs pip 25.1
                group = f"{unpacked / 'pyproject.toml'}:test"
                run([pip, "install", "-q", "-c", str(constraints), str(unpacked), "--group", group])
                run([pip, "list", "--format=freeze"], stdout=sys.stdout)
                run([str(venv / "bin" / "python"), "-m", "pytest", "-q", "-p", "no:cacheprovider"], cwd=unpacked)
            except subprocess.CalledProcessError as error:
                failures.append(f"{name} (Python {version}): {error}")
            print(f"matrix: {name} run, Python {version}, pins {pins or 'none'}: {time.monotonic() - started:.0f} s", flush=True)
    for failure in failures:
        print(f"matrix: FAILED {failure}", flush=True)
    return 1 if failures else 0


if __name__ == "__main__":
    sys.exit(main())
