"""``python -m dwparse``: the command line (see :mod:`dwparse.cli`)."""

from dwparse.cli import script

if __name__ == "__main__":
    script()
