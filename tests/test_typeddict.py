"""The TypedDicts of the JSON shape (dwparse.ArticleDict and the rest) say
exactly what Article.to_dict() writes: the same keys in the same order, of the
same types, for the article and every class of the model; and mypy holds
code to them."""

from __future__ import annotations

import typing
from datetime import datetime
from typing import Any, Literal, Union

import attrs
import pytest
from hypothesis import HealthCheck, given, settings

import dwparse
from conftest import FIXTURES, ROOT
from dwparse.model import BLOCK_TYPES, MODEL_CLASSES
from strategies import articles

NONE = type(None)


def typed_dict(kind: type) -> Any:
    """The TypedDict of a model class: ``dwparse.<Name>Dict``."""
    found = getattr(dwparse, f"{kind.__name__}Dict", None)
    assert typing.is_typeddict(found), f"dwparse has no TypedDict {kind.__name__}Dict"
    assert f"{kind.__name__}Dict" in dwparse.__all__
    return found


def expected_hint(hint: Any) -> Any:
    """The JSON type of a model field's type hint: classes as their TypedDicts,
    tuples as lists, times as strings, the unions of classes as their unions."""
    origin, args = typing.get_origin(hint), typing.get_args(hint)
    if hint is dwparse.Block:
        return dwparse.BlockDict
    if hint is dwparse.Inline:
        return dwparse.InlineDict
    if origin is Union:
        return Union[tuple(expected_hint(arg) for arg in args)]
    if origin is tuple:
        return list[expected_hint(args[0])]  # type: ignore[misc]
    if hint is datetime:
        return str
    if isinstance(hint, type) and attrs.has(hint):
        return typed_dict(hint)
    return hint


@pytest.mark.parametrize("kind", MODEL_CLASSES, ids=[kind.__name__ for kind in MODEL_CLASSES])
def test_each_class_has_its_typed_dict(kind: type) -> None:
    shape = typed_dict(kind)
    hints = typing.get_type_hints(shape)
    model = typing.get_type_hints(kind)
    expected = {"type": Literal[kind.TYPE]} if hasattr(kind, "TYPE") else {}  # type: ignore[attr-defined]
    if kind is dwparse.Article:
        expected["schema_version"] = int
    expected.update({field.name: expected_hint(model[field.name]) for field in attrs.fields(kind) if field.eq})
    if kind is dwparse.Article:
        problems = expected.pop("problems")
        for name in kind.DERIVED:
            expected[name] = expected_hint(typing.get_type_hints(getattr(kind, name).fget)["return"])
        expected["problems"] = problems
    assert list(hints) == list(expected)  # the keys, in the order to_dict() writes them
    assert hints == expected
    omittable = {field.name for field in attrs.fields(kind) if field.metadata.get("omittable")}
    assert shape.__optional_keys__ == omittable  # inlines, left out with inlines=False


def test_the_unions_follow_the_model() -> None:
    assert typing.get_args(dwparse.BlockDict) == tuple(typed_dict(kind) for kind in BLOCK_TYPES)
    assert typing.get_args(dwparse.InlineDict) == tuple(typed_dict(kind) for kind in typing.get_args(dwparse.Inline))


def conforms(value: Any, hint: Any, where: str) -> None:
    """``value`` (to_dict() output) is of the type ``hint`` (a TypedDict, a union, ...)."""
    origin, args = typing.get_origin(hint), typing.get_args(hint)
    if origin is Union:
        if value is None:
            assert NONE in args, f"{where}: null"
            return
        options = [arg for arg in args if arg is not NONE]
        if len(options) > 1:  # told apart by "type"
            options = [arg for arg in options if typing.get_type_hints(arg)["type"] == Literal[value["type"]]]
        assert len(options) == 1, f"{where}: {value!r}"
        conforms(value, options[0], where)
    elif typing.is_typeddict(hint):
        hints = typing.get_type_hints(hint)
        assert isinstance(value, dict) and hint.__required_keys__ <= value.keys(), where
        assert list(value) == [key for key in hints if key in value], f"{where}: {list(value)}"
        for key, item in value.items():
            conforms(item, hints[key], f"{where}.{key}")
    elif origin is list:
        assert type(value) is list, where
        for index, item in enumerate(value):
            conforms(item, args[0], f"{where}[{index}]")
    elif origin is Literal:
        assert value in args, f"{where}: {value!r}"
    else:
        assert type(value) is hint, f"{where}: {type(value).__name__}, not {hint.__name__}"


@settings(max_examples=60, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(article=articles())
def test_to_dict_is_an_article_dict(article: dwparse.Article) -> None:
    conforms(article.to_dict(), dwparse.ArticleDict, "article")
    conforms(article.to_dict(inlines=False), dwparse.ArticleDict, "article")


@pytest.mark.parametrize("path", sorted(FIXTURES.glob("*.md")), ids=lambda path: path.stem)
def test_to_dict_of_each_fixture_is_an_article_dict(path: Any) -> None:
    conforms(dwparse.parse_file(path).to_dict(), dwparse.ArticleDict, path.name)


def test_mypy_holds_code_to_the_types(tmp_path: Any, monkeypatch: pytest.MonkeyPatch) -> None:
    """Each wrongly typed line of a downstream module is an error (with
    ``dict[str, object]`` none of the right ones would pass either:
    ``tests/typing/downstream.py`` checks those)."""
    api = pytest.importorskip("mypy.api")
    wrong = {
        "title_is_not_int": 'n: int = dwparse.parse("x").to_dict()["title"]',
        "no_such_key": 'x = dwparse.parse("x").to_dict()["titel"]',
        "level_is_not_str": 'b = dwparse.parse("x").to_dict()["blocks"][0]\nif b["type"] == "heading":\n    s: str = b["level"]',
        "a_paragraph_has_no_level": 'b = dwparse.parse("x").to_dict()["blocks"][0]\nif b["type"] == "paragraph":\n    b["level"]',
    }
    for name, code in wrong.items():
        (tmp_path / f"{name}.py").write_text(f"import dwparse\n{code}\n", encoding="utf-8")
    monkeypatch.chdir(ROOT)
    out, err, status = api.run(["--strict", "--no-incremental", "--cache-dir=/dev/null", *map(str, sorted(tmp_path.glob("*.py")))])
    assert status == 1, out + err
    for name in wrong:
        assert f"{name}.py:" in out, f"{name}: no error\n{out}"
