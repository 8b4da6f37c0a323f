"""``python -m dwparse FILE...``: print each file's article as one line of JSON."""

from __future__ import annotations

import sys
from typing import Optional, Sequence

from dwparse.parser import parse_file


def main(argv: Optional[Sequence[str]] = None) -> int:
    """Print one JSON object a line for each path given; 1 if a file could not be read."""
    paths = list(sys.argv[1:] if argv is None else argv)
    if not paths or paths[0] in ("-h", "--help"):
        print("usage: dwparse FILE...\n\nPrint each archive file as one line of JSON.", file=sys.stderr)
        return 2 if not paths else 0
    status = 0
    for path in paths:
        try:
            article = parse_file(path)
        except OSError as error:
            print(f"dwparse: {path}: {error.strerror or error}", file=sys.stderr)
            status = 1
            continue
        sys.stdout.write(article.to_json() + "\n")
    return status


if __name__ == "__main__":
    sys.exit(main())
