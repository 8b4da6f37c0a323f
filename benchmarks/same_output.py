"""Does this checkout give the same JSON as another commit? For refactors.

    .venv/bin/python benchmarks/same_output.py --base REV [--count 2000]

Parses ``--count`` generated files (``generate.py``, seed 1), every fixture of
``tests/fixtures``, the seed and the real archive files of
``../shared/corpus/real`` with the dwparse of commit ``REV`` (checked out
into a temporary git worktree) and with the dwparse of this working tree, each
in its own interpreter, and compares ``to_json()`` file by file. Prints how
many are identical and the first differences; exits 1 if any differ.
"""

from __future__ import annotations

import argparse
import os
import subprocess
import sys
import tempfile
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))
from generate import generate  # noqa: E402

ROOT = Path(__file__).resolve().parent.parent
SEED = ROOT.parent / "shared" / "corpus" / "seed-zh-69790970.md"
REAL = ROOT.parent / "shared" / "corpus" / "real"
# Run in a fresh interpreter with PYTHONPATH set to one dwparse's src/.
# The JSON shape written one way for both (to_json's spacing changed in 0.4).
_DUMP = """
import json, sys, dwparse
paths = open(sys.argv[1], encoding="utf-8").read().splitlines()
with open(sys.argv[2], "w", encoding="utf-8") as out:
    for path in paths:
        data = dwparse.parse_file(path).to_dict()
        out.write(json.dumps(data, ensure_ascii=False, separators=(",", ":")) + "\\n")
print(dwparse.__file__, file=sys.stderr)
"""


def dump(src: Path, list_file: Path, out_file: Path) -> list[str]:
    """The JSON of ``to_dict()`` of every listed file, parsed by the dwparse in ``src``."""
    environment = {**os.environ, "PYTHONPATH": str(src)}
    subprocess.run([sys.executable, "-c", _DUMP, str(list_file), str(out_file)], env=environment, check=True)
    return out_file.read_text(encoding="utf-8").splitlines()


def main() -> int:
    """Compare, print, and return the exit status."""
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--base", required=True, help="the commit to compare with")
    parser.add_argument("--count", type=int, default=2000, help="generated files (default 2000)")
    args = parser.parse_args()
    with tempfile.TemporaryDirectory() as temporary:
        folder = Path(temporary)
        paths = generate(args.count, folder / "generated")
        paths += sorted(path for path in (ROOT / "tests" / "fixtures").glob("*.md") if path.name != "README.md")
        if SEED.exists():
            paths.append(SEED)
        paths += sorted(REAL.glob("*.md"))  # the real archive files beside the checkout, if any
        list_file = folder / "paths.txt"
        list_file.write_text("\n".join(str(path) for path in paths), encoding="utf-8")
        base = folder / "base"
        subprocess.run(["git", "worktree", "add", "--detach", "-q", str(base), args.base], cwd=ROOT, check=True)
        try:
            old = dump(base / "src", list_file, folder / "old.jsonl")
        finally:
            subprocess.run(["git", "worktree", "remove", "--force", str(base)], cwd=ROOT, check=True)
        new = dump(ROOT / "src", list_file, folder / "new.jsonl")
    differing = [(path, a, b) for path, a, b in zip(paths, old, new) if a != b]
    print(f"{len(paths) - len(differing)} of {len(paths)} files give identical JSON ({args.base} and this tree)")
    for path, a, b in differing[:5]:
        at = next(index for index, (x, y) in enumerate(zip(a, b)) if x != y) if a[: len(b)] != b[: len(a)] else min(len(a), len(b))
        print(f"  {path.name}: from character {at}\n    old …{a[max(at - 60, 0) : at + 100]}\n    new …{b[max(at - 60, 0) : at + 100]}")
    return 1 if differing else 0


if __name__ == "__main__":
    sys.exit(main())
