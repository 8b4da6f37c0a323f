"""The public surface: names, docstrings, immutability, the README's example."""

from __future__ import annotations

import contextlib
import io
import re
import typing
from pathlib import Path

import attrs
import pytest

import dwparse
from conftest import ROOT, SEED, needs_seed, readable


def test_public_names_have_docstrings_and_docs() -> None:
    api = (ROOT / "docs" / "api.md").read_text(encoding="utf-8")
    for name in dwparse.__all__:
        if name == "__version__":
            continue
        value = getattr(dwparse, name)
        if not isinstance(value, dict) and typing.get_origin(value) is not typing.Union:
            assert (value.__doc__ or "").strip(), f"{name} has no docstring"
        assert f"dwparse.{name}" in api, f"{name} is not in docs/api.md"


def test_version_is_in_one_place() -> None:
    assert re.fullmatch(r"\d+\.\d+\.\d+", dwparse.__version__)
    assert f"## [{dwparse.__version__}]" in (ROOT / "CHANGELOG.md").read_text(encoding="utf-8")
    assert "version" not in re.findall(r"^version\s*=", (ROOT / "pyproject.toml").read_text(), re.M)


def test_py_typed_ships() -> None:
    assert (Path(dwparse.__file__).parent / "py.typed").exists()


@needs_seed
def test_article_is_immutable_and_hashable() -> None:
    article = dwparse.parse_file(SEED)
    with pytest.raises(attrs.exceptions.FrozenInstanceError):
        article.title = "x"  # type: ignore[misc]
    assert hash(article) == hash(dwparse.parse_file(SEED))
    assert isinstance(article.blocks, tuple) and isinstance(article.links, tuple)


def test_readme_example_output_is_true(monkeypatch: pytest.MonkeyPatch) -> None:
    readme = (ROOT / "README.md").read_text(encoding="utf-8")
    code = re.search(r"```python\n(.*?)```", readme, re.S)[1]  # type: ignore[index]
    expected = re.search(r"prints\n\n```text\n(.*?)```", readme, re.S)[1]  # type: ignore[index]
    out = io.StringIO()
    monkeypatch.chdir(ROOT)
    code = code.replace('"../shared/corpus/seed-zh-69790970.md"', repr(str(SEED)))  # also in an sdist
    with contextlib.redirect_stdout(out):
        exec(compile(code, "README.md", "exec"), {})
    assert out.getvalue() == expected


def test_readme_commands_match_ci() -> None:
    readme = (ROOT / "README.md").read_text(encoding="utf-8")
    commands = re.findall(r"```sh\n(.*?)\n```", readme, re.S)
    assert len(commands) == 2
    assert commands[1] in (ROOT / ".ci" / "run").read_text(encoding="utf-8")


def test_articles_pickle_whole() -> None:
    import pickle

    for path in readable([SEED, *sorted((ROOT / "tests" / "fixtures").glob("combo-*.md"))]):
        article = dwparse.parse_file(path)
        again = pickle.loads(pickle.dumps(article))
        assert again == article
        lists = [block for block in article.blocks if isinstance(block, dwparse.ListBlock)]
        assert [block.html for block in lists] == [
            block.html for block in again.blocks if isinstance(block, dwparse.ListBlock)
        ]
