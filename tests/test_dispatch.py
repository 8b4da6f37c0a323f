"""The dispatcher's shortcut: a rule is not asked for an element without
element children (a leaf) whose tag it does not declare in ``leaves``; the
result must be what asking every rule gives."""

from __future__ import annotations

from pathlib import Path

import pytest
from hypothesis import given
from hypothesis import strategies as st

import dwparse
from dwparse.body import paragraph, rules
from dwparse.body.nodes import Style
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
    # Elements with children, their own first text blank or not (BLANK_TEXT).
    "<p>文字<strong>相关图集：标题</strong></p>", "<p><strong>相关图集：标题</strong></p>", '<p>文字<img src="a.jpg"></p>',
    '<p> <img src="a.jpg"></p>', '<p>\u3000<img src="a.jpg"></p>', '<p>\u00a0<img src="a.jpg"></p>',
    '<p>文<strong><span data-type="IMAGE" data-id="1"></span><p>题</p></strong></p>',
    '<p><strong><span data-type="IMAGE" data-id="1"></span><p>题</p></strong></p>',
]  # fmt: skip


def _both(text: str, monkeypatch: pytest.MonkeyPatch) -> tuple[dwparse.Article, dwparse.Article]:
    fast = dwparse.parse(text)
    with monkeypatch.context() as patched:
        patched.setattr(rules, "_BY_LEAF", rules._BY_TAG)
        patched.setattr(rules, "_BY_TEXT", rules._BY_TAG)
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
    assert len(rules._BY_TEXT["p"]) < len(rules._BY_TAG["p"])


# -- the paragraph kinds: a paragraph showing none of what the rows declare is not offered to them


def _every_kind(text: str, style: Style | None) -> object:
    """What asking every row of KINDS gives (a paragraph if none takes it)."""
    for kind in paragraph.KINDS:
        block = kind.of(text, style)
        if block is not None:
            return block
    return None


_PIECES = [
    "（", "）", "(", ")", "©", "作者", "作者：", "源", "来源：", "图片来源", "法新社", "路透社", "AFP", "dpa", "德国之声",
    "德國之聲", "DW", "欢迎", "歡迎", "订阅", "Feed-URL:", "https://t.me/x", "：", ":", "。", "！", "编辑", "摘编", "综合",
    "获取更多RSS", "[", "【", "本文", "转载", "iOS", "Android", "RSS", "Facebook", "，", "、", " ", "长平", "正文", "a",
]  # fmt: skip


@given(
    pieces=st.lists(st.sampled_from(_PIECES), min_size=1, max_size=8),
    style=st.none() | st.builds(Style, italic=st.booleans(), bold=st.booleans()),
)
def test_a_paragraph_is_classified_as_every_kind_would(pieces: list[str], style: Style | None) -> None:
    text = "".join(pieces)
    # A kind takes the paragraph only where it shows what the kind declares.
    assert _every_kind(text, style) is None or paragraph._may_be_a_kind(text, style), (text, style)


def test_paragraphs_of_files_are_classified_as_every_kind_would() -> None:
    checked = 0
    for path in FILES:
        for block in dwparse.parse(path.read_bytes()).blocks:
            text = getattr(block, "text", None)
            if not text:
                continue
            for style in (None, *(Style(italic, bold) for italic in (False, True) for bold in (False, True))):
                if not paragraph._may_be_a_kind(text, style):
                    checked += 1
                    assert _every_kind(text, style) is None, (path.name, text, style)
    assert checked > 100
