"""How many real archive files pass a careful reader's invariants.

    .venv/bin/python benchmarks/real_invariants.py [FOLDER] [-v]

Reads every ``*.md`` file of FOLDER (default ``../shared/corpus/real``) and
prints, for each invariant of ``tests/real_invariants.py``, how many files
fail it, then how many pass them all; ``-v`` lists each failure.
"""

from __future__ import annotations

import sys
from collections import Counter
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT / "tests"))
from real_invariants import CHECKS, failures  # noqa: E402


def main() -> int:
    arguments = [argument for argument in sys.argv[1:] if argument != "-v"]
    folder = Path(arguments[0]) if arguments else ROOT.parent / "shared" / "corpus" / "real"
    paths = sorted(path for path in folder.glob("*.md") if path.name != "SOURCES.md")
    failing: Counter[str] = Counter()
    clean = 0
    for path in paths:
        found = failures(path.read_text(encoding="utf-8"))
        failing.update(name for name, problems in found.items() if problems)
        clean += not any(found.values())
        if "-v" in sys.argv:
            for name, problems in found.items():
                for problem in problems:
                    print(f"{path.name}: {name}: {problem}")
    for name in CHECKS:
        print(f"{failing[name]:4d} fail  {name}")
    print(f"{clean} of {len(paths)} files pass every invariant")
    return 0


if __name__ == "__main__":
    sys.exit(main())
