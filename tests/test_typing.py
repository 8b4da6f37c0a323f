"""mypy --strict passes on the package and on a downstream module that uses it."""

from __future__ import annotations

import pytest

from conftest import ROOT

from mypy import api


@pytest.mark.parametrize("target", ["src", "tests/typing/downstream.py"])
def test_mypy_strict(target: str, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.chdir(ROOT)
    out, err, status = api.run(["--strict", "--no-incremental", "--cache-dir=/dev/null", target])
    assert status == 0, out + err
