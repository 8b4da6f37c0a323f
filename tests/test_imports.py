"""The modules of src/dwparse import one way: no circle, and each imports on its own."""

from __future__ import annotations

import ast
import subprocess
import sys
from pathlib import Path

import pytest

from conftest import ROOT

SRC = ROOT / "src"
MODULES = sorted(
    ".".join(path.relative_to(SRC).with_suffix("").parts).removesuffix(".__init__")
    for path in (SRC / "dwparse").rglob("*.py")
)


def imports_of(module: str) -> set[str]:
    """The dwparse modules that ``module``'s import statements name, wherever they stand."""
    path = SRC / Path(*module.split("."))
    path = path / "__init__.py" if path.is_dir() else path.with_suffix(".py")
    found = set()
    for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
        if isinstance(node, ast.Import):
            found.update(alias.name for alias in node.names)
        elif isinstance(node, ast.ImportFrom) and node.module and node.level == 0:
            for alias in node.names:  # "from dwparse.body import embed" names a module
                submodule = f"{node.module}.{alias.name}"
                found.add(submodule if submodule in MODULES else node.module)
    return {name for name in found if name in MODULES and name != module}


def find_cycle(graph: dict[str, set[str]]) -> list[str]:
    """A cycle of ``graph`` as a path that ends where it starts, or ``[]``."""
    state: dict[str, int] = {}  # 1: on the path, 2: done
    path: list[str] = []

    def visit(node: str) -> list[str]:
        state[node] = 1
        path.append(node)
        for target in sorted(graph[node]):
            if state.get(target) == 1:
                return path[path.index(target) :] + [target]
            if target not in state and (cycle := visit(target)):
                return cycle
        path.pop()
        state[node] = 2
        return []

    for node in sorted(graph):
        if node not in state and (cycle := visit(node)):
            return cycle
    return []


def test_the_import_graph_has_no_cycle() -> None:
    graph = {module: imports_of(module) for module in MODULES}
    assert "dwparse.body.rules" in graph and graph["dwparse.body.rules"], "the graph is read"
    assert find_cycle(graph) == []


def test_the_cycle_finder_finds_cycles() -> None:
    assert find_cycle({"a": {"b"}, "b": {"c"}, "c": {"a"}}) == ["a", "b", "c", "a"]
    assert find_cycle({"a": {"b"}, "b": set()}) == []


WRITING = [
    module for module in MODULES if module.startswith("dwparse.model") or module in ("dwparse.markup", "dwparse.jsonshape")
]


@pytest.mark.parametrize("module", WRITING)
def test_the_model_and_its_writers_import_no_reader(module: str) -> None:
    """Writing (``to_markdown``, each block's ``to_html``) and the JSON shape
    need no reader: neither the body's nor the header's or title's."""
    readers = {module for module in MODULES if module.startswith("dwparse.body")}
    readers |= {"dwparse.header", "dwparse.title", "dwparse.parser", "dwparse.captions"}
    assert "dwparse.model.blocks" in WRITING and "dwparse.markup" in WRITING
    assert not imports_of(module) & readers


@pytest.mark.parametrize("module", MODULES)
def test_each_module_imports_on_its_own(module: str) -> None:
    result = subprocess.run([sys.executable, "-c", f"import {module}"], capture_output=True, text=True, timeout=60)
    assert result.returncode == 0, result.stderr


@pytest.mark.parametrize("module", MODULES)
def test_modules_and_functions_stay_small(module: str) -> None:
    """No module over 400 lines, no function over 60: each is read in one sitting."""
    path = SRC / Path(*module.split("."))
    path = path / "__init__.py" if path.is_dir() else path.with_suffix(".py")
    text = path.read_text(encoding="utf-8")
    assert text.count("\n") <= 400, f"{module}: {text.count(chr(10))} lines"
    for node in ast.walk(ast.parse(text)):
        if isinstance(node, (ast.FunctionDef, ast.AsyncFunctionDef)):
            length = (node.end_lineno or node.lineno) - node.lineno + 1
            assert length <= 60, f"{module}.{node.name}: {length} lines"
