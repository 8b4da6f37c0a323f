"""Coverage-guided fuzzing of dwparse.parse with atheris.

Any exception other than ParseError (in strict mode) is a bug; so is output
that cannot be serialised, read back (``Article.from_dict``) or written back. Install and run (see docs/robustness.md):

    .venv/bin/pip install -U pip && .venv/bin/pip install --group fuzz
    mkdir -p fuzz/corpus && cp tests/fixtures/*.md ../shared/corpus/*.md fuzz/corpus/
    .venv/bin/python fuzz/fuzz_parse.py -dict=fuzz/dwparse.dict -max_len=262144 -max_total_time=1800 fuzz/corpus

``dwparse.dict`` holds the format's tokens (tags, labels, URLs, the time line),
so that mutations build archive-like inputs; ``-max_len`` of 256 KB lets
inputs grow large enough for deep nesting and long runs.

Each crash atheris finds is saved as crash-*; turn it into a regression test
in tests/test_adversarial.py.
"""

from __future__ import annotations

import json
import sys

import atheris

with atheris.instrument_imports():
    import dwparse


def test_one_input(data: bytes) -> None:
    """Parse ``data`` as bytes and as text (UTF-8, its bad bytes as lone
    surrogates), leniently and strictly. The whole input is read both ways,
    so that a seed file is read as it is, and Chinese text reaches ``str``."""
    for text in (data, data.decode("utf-8", "surrogateescape")):
        _check(text)


def _check(text: str | bytes) -> None:
    article = dwparse.parse(text)
    if dwparse.Article.from_dict(json.loads(article.to_json())) != article:
        raise AssertionError("from_dict(to_dict()) differs")
    article.to_json(inlines=False)
    dwparse.parse(article.to_markdown())
    try:
        dwparse.parse(text, strict=True)
    except dwparse.ParseError:
        pass


def main() -> None:
    """Run atheris on :func:`test_one_input`."""
    atheris.Setup(sys.argv, test_one_input)
    atheris.Fuzz()


if __name__ == "__main__":
    main()
