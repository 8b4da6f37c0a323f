"""``python -m dwparse``: the command line (see :mod:`dwparse.cli`)."""

import sys

from dwparse.cli import main

if __name__ == "__main__":
    sys.exit(main())
