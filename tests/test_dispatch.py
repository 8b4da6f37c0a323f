"""The dispatcher's shortcut: a rule is not asked for an element without
element children (a leaf) whose tag it does not declare in ``leaves``; the
result must be what asking every rule gives."""

from __future__ import annotations

from pathlib import Path

import pytest

import dwparse
from dwparse.body import rules
from helpers import DATE, HEAD

ROOT = Path(__file__).resolve().parent.parent
REAL = ROOT.parent / "shared" / "corpus" / "real"
FILES = (
    sorted((ROOT / "tests" / "fixtures").glob("*.md"))
    + sorted((ROOT / "examples").glob("*.md"))
    + sorted(path for path in REAL.glob("*.md") if path.name != "SOURCES.md")
)
LEAVES = [
    "<p>相关图集：标题</p>", "<h3>相关图集：标题</h3>", "<h2>圖集：标题</h2>", "<div>相关图集：标题</div>",
    '<img src="https://static.dw.com/image/1_303.jpg">', "<p></p>", '<div class="placeholder-image"></div>',
    "<p>©2024年德国之声</p>", "<div>获取更多RSS：</div>", '<div class="embed"></div>', "<iframe></iframe>",
    "<p>（法新社）</p>", "<h3>小标题</h3>", "<ul></ul>", "<blockquote>引文</blockquote>",
]  # fmt: skip


def _both(text: str, monkeypatch: pytest.MonkeyPatch) -> tuple[dwparse.Article, dwparse.Article]:
    fast = dwparse.parse(text)
    with monkeypatch.context() as patched:
        patched.setattr(rules, "_BY_LEAF", rules._BY_TAG)
        every = dwparse.parse(text)
    return fast, every


@pytest.mark.parametrize("body", LEAVES)
def test_a_leaf_is_read_as_every_rule_would(body: str, monkeypatch: pytest.MonkeyPatch) -> None:
    for text in (HEAD + DATE + body, HEAD + DATE + "<p>甲</p>" + body + '<div><img src="a.jpg"><b>乙</b>：丙</div>'):
        fast, every = _both(text, monkeypatch)
        assert fast == every and fast.to_dict() == every.to_dict()


def test_files_are_read_as_every_rule_would(monkeypatch: pytest.MonkeyPatch) -> None:
    for path in FILES:
        fast, every = _both(path.read_text(encoding="utf-8", errors="replace"), monkeypatch)
        assert fast.to_dict() == every.to_dict(), path.name


def test_the_shortcut_skips_rules() -> None:
    assert len(rules._BY_LEAF["p"]) < len(rules._BY_TAG["p"])
