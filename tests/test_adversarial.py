"""The adversarial catalogue: hostile inputs, each an Article within seconds.

None of these asserts a time (machines are shared); a hang or a crash fails
the run. Where the input is wrong, problems say so; text is kept.
"""

from __future__ import annotations

import contextlib
from collections.abc import Callable

import pytest

import dwparse
from conftest import needs_seed
from helpers import DATE, HEAD, codes

Case = Callable[[], "str | bytes"]


def body(html: str) -> str:
    return HEAD + DATE + html


CATALOGUE: dict[str, Case] = {
    "100k-nested-div": lambda: body("<div>" * 100_000 + "深处" + "</div>" * 100_000 + "<p>之后</p>"),
    "50k-nested-strong": lambda: body("<p>" + "<strong>" * 50_000 + "深处" + "</strong>" * 50_000 + "</p><p>之后</p>"),
    "30k-nested-topics": lambda: body(
        "<p>" + '<span data-id="1" data-type="AUTO_TOPIC">' * 30_000 + "深处" + "</span>" * 30_000 + "</p>"
    ),
    "200k-brackets-title": lambda: "<!--1722165425000-->\n" + "[" * 200_000 + "\n---\n\n" + DATE + "<p>正文</p>",
    "1m-less-than": lambda: body("<p>正文</p>" + "<" * 1_000_000),
    "5mb-attribute": lambda: body('<p title="' + "a" * 5_000_000 + '">正文</p>'),
    "5mb-unclosed-attribute": lambda: body('<p title="' + "a" * 5_000_000),
    "1mb-title": lambda: "<!--1722165425000-->\n[" + "标" * 1_000_000 + "](https://www.dw.com/zh/x/a-1)\n---\n\n" + DATE,
    "1m-tag-name": lambda: body("<p>正文</p><" + "a" * 1_000_000),
    "25-digit-epoch": lambda: "<!--1234567890123456789012345-->\n" + HEAD.split("\n", 1)[1] + DATE + "<p>正文</p>",
    "negative-epoch": lambda: "<!---1722165425000-->\n" + HEAD.split("\n", 1)[1] + DATE + "<p>正文</p>",
    "date-9999-99-99": lambda: HEAD + "<div><i><br>9999-99-99</i></div><p>正文</p>",
    "entities-surrogates-nul-out-of-range": lambda: body(
        "<p>&#xD800;&#xDFFF;&#0;&#x110000;&#99999999999999999999;&#x" + "f" * 5000 + ";正文</p>"
    ),
    "title-entities-huge": lambda: "[&#" + "9" * 5000 + ";&#xD800;&#0;](https://www.dw.com/zh/x/a-1)\n---\n\n" + DATE,
    "lone-surrogates-str": lambda: body("<p>正\ud800文\udfff</p>") + "\ud83d",
    "invalid-utf8-bytes": lambda: body("<p>正文").encode() + b"\xff\xfe\xc3\x28\xa0\xa1\xe2\x28\xa1\xf0\x28\x8c\xbc</p>",
    "only-dashes": lambda: "-" * 100_000,
    "only-newlines": lambda: "\n" * 100_000,
    "nul-bytes": lambda: "\x00" * 100_000 + body("<p>正文</p>") + "\x00" * 100_000,
    "many-paragraphs": lambda: body("<p>段落</p>" * 20_000),
    "20k-nested-links": lambda: body("<p>" + "<a href='https://www.dw.com/zh/x/a-1'>" * 20_000 + "链接" + "</a>" * 20_000),
    "100k-list-items": lambda: body("<ul>" + "<li>项" * 100_000 + "</ul>"),
    "many-end-tags": lambda: body("<p>正文" + "</q>" * 100_000 + "</p>"),
    "doctype-and-xml-declaration": lambda: body('<?xml version="1.0" encoding="utf-8"?><!DOCTYPE html><p>正文</p>'),
    "one-long-line-no-tags": lambda: "正" * 2_000_000,
}


@pytest.mark.parametrize("name", list(CATALOGUE))
def test_hostile_input_returns_an_article(name: str) -> None:
    text = CATALOGUE[name]()
    article = dwparse.parse(text)
    assert isinstance(article, dwparse.Article)
    article.to_json()
    article.to_markdown()
    with pytest.raises(dwparse.ParseError) if article.problems else contextlib.nullcontext():
        dwparse.parse(text, strict=True)


def parse_case(name: str) -> dwparse.Article:
    return dwparse.parse(CATALOGUE[name]())


@pytest.mark.parametrize("name", ["100k-nested-div", "50k-nested-strong", "30k-nested-topics"])
def test_deep_nesting_keeps_text(name: str) -> None:
    article = parse_case(name)
    assert "深处" in article.text
    assert "html-malformed" in codes(article)


def test_deep_topics_are_one_topic() -> None:
    assert [topic.topic_id for topic in parse_case("30k-nested-topics").topics] == [1]


def test_brackets_title() -> None:
    article = parse_case("200k-brackets-title")
    assert codes(article)[0] == "title-malformed"
    assert article.title == "[" * 199_999
    assert article.text == "正文"


def test_long_inputs_keep_text() -> None:
    assert parse_case("1mb-title").title == "标" * 1_000_000
    assert parse_case("5mb-attribute").text == "正文"
    assert "正文" in parse_case("1m-less-than").text
    assert "body-truncated" in codes(parse_case("1m-tag-name"))
    assert parse_case("one-long-line-no-tags").text == "正" * 2_000_000


@pytest.mark.parametrize(
    ("name", "code"),
    [
        ("25-digit-epoch", "header-out-of-range"),
        ("negative-epoch", "header-out-of-range"),
        ("date-9999-99-99", "date-invalid"),
    ],
)
def test_bad_numbers(name: str, code: str) -> None:
    article = parse_case(name)
    assert code in codes(article)
    assert article.text.endswith("正文")


def test_entities_become_replacement_characters() -> None:
    article = parse_case("entities-surrogates-nul-out-of-range")
    assert article.text.endswith("正文")
    assert set(article.text[:-2]) == {"\ufffd"}
    assert dwparse.parse(CATALOGUE["title-entities-huge"]()).title == "\ufffd\ufffd\ufffd"


def test_encoding_problems() -> None:
    assert codes(parse_case("lone-surrogates-str"))[0] == "invalid-character"
    article = parse_case("invalid-utf8-bytes")
    assert codes(article)[0] == "invalid-utf8"
    assert article.text.startswith("正文\ufffd")
    nul = parse_case("nul-bytes")
    assert codes(nul)[0] == "control-character" and nul.text == "正文" and nul.title == "标题"


def test_dashes_and_newlines() -> None:
    assert parse_case("only-dashes").text == "-" * 100_000
    assert codes(parse_case("only-newlines")) == ["empty-input"]


def test_many_end_tags_are_capped() -> None:
    article = parse_case("many-end-tags")
    assert article.text == "正文"
    assert 1 < len(article.problems) <= 21


# -- crashes found by fuzzing (fuzz/fuzz_parse.py), kept as regression tests ------


@pytest.mark.parametrize(
    "data",
    [
        # A reference to a control character as the whole text of an element:
        # nothing left after removing it (IndexError in Flow.text).
        b"<!<p\xe1\x89\xa0\xbc >&#4<p\xe1\x89\xa0\xbc >\n",
        b"<p>&#4;</p><p><b>&#1;</b>x</p>",
    ],
)
def test_fuzz_regressions(data: bytes) -> None:
    article = dwparse.parse(data)
    article.to_json()
    dwparse.parse(article.to_markdown())


# -- found in review ---------------------------------------------------------------


@pytest.mark.parametrize(
    ("html", "kept"),
    [
        ("<p>x</p></body>after body", "after body"),
        ("<p>x</p></body></html>\n<p>late</p>", "late"),
        ("<p>x</p></BODY ></HTML>upper", "upper"),
        ("<frameset><noframes>NF</noframes></frameset>", "NF"),
    ],
)
def test_text_after_the_document_end_is_kept(html: str, kept: str) -> None:
    assert kept in dwparse.parse(body(html)).text


@pytest.mark.parametrize("html", ["<!-- c -->", "<?pi x?>", "<!DOCTYPE html>"])
def test_markup_without_content_gives_no_blocks(html: str) -> None:
    article = dwparse.parse(HEAD + html)
    assert article.blocks == ()
    assert codes(article) == ["date-missing"]


@pytest.mark.parametrize(
    "html",
    [
        '<p><a href="https://example.com/">x</a><iframe></iframe></p>',
        '<p><a href="https://example.com/">x</a><img src="y.jpg"></p>',
        '<ul><li><a href="https://example.com/">x</a></li>stray</ul>',
    ],
)
def test_links_of_blocks_read_again_as_raw_are_listed_once(html: str) -> None:
    assert len(dwparse.parse(body(html)).links) == 1


def test_nested_topic_spans_are_linear() -> None:
    # 990 nested spans around 100,000 runs: each text is joined once, not per span.
    html = "<p>" + '<span data-id="1" data-type="t">' * 990 + "<i>y</i>z" * 100_000 + "</span>" * 990 + "</p>"
    article = dwparse.parse(body(html))
    assert [topic.topic_id for topic in article.topics] == [1]
    assert article.text.count("yz") == 100_000


# -- found by an outside review -------------------------------------------------------


def test_an_xml_declaration_before_deep_nesting_does_not_raise() -> None:
    # The parse again after flattening used to run outside the guard (ValueError).
    article = dwparse.parse('<?xml version="1.0" encoding="utf-8"?>' + "<b>" * 2047 + "文字")
    assert "文字" in article.text
    assert "html-malformed" in [problem.code for problem in article.problems]


def test_deep_nesting_with_angle_brackets_in_attributes_keeps_the_text() -> None:
    head = "<!--1-->\n[t](https://www.dw.com/zh/x/a-1)\n---\n\n"
    article = dwparse.parse(head + '<div title="<">' * 2047 + "深处<p>之后</p>")
    assert "深处" in article.text and "之后" in article.text
    assert any("nested deeper" in problem.message for problem in article.problems)


@pytest.mark.parametrize(
    ("body", "text"),
    [
        ("<p>a<svg><text>W</text></svg>b</p>", "aWb"),
        ("<p>a<svg><title>提示</title><text>W<tspan>X</tspan>Y</text><path d='M0'/></svg>b</p>", "aWXYb"),
        ('<p><a href="https://example.com/">外部<svg class="icon"><path d="M9 2"></path></svg></a>。</p>', "外部。"),
    ],
)
def test_svg_text_is_visible_and_icons_are_not(body: str, text: str) -> None:
    head = "<!--1-->\n[t](https://www.dw.com/zh/x/a-1)\n---\n\n<div><i><br>2024-07-28T11:07:48Z</i></div>"
    article = dwparse.parse(head + body)
    assert article.text == text
    assert [block.TYPE for block in article.blocks] == ["paragraph"]


def test_positions_after_a_million_removed_characters() -> None:
    # Each problem's position used to walk every removed character before it.
    text = "<!--1-->\n[t](https://www.dw.com/zh/x/a-1)\n---\n\n" + "\x00" * 1_000_000 + "<p>文字<a href="
    article = dwparse.parse(text)
    truncated = [problem for problem in article.problems if problem.code == "body-truncated"]
    assert [(problem.line, problem.column) for problem in truncated] == [(5, 1_000_000 + len("<p>文字") + 1)]
    assert article.problems[0].code == "control-character"


@pytest.mark.parametrize(("encoding", "name"), [("gb18030", "GB18030"), ("big5", "Big5")])
def test_files_in_chinese_legacy_encodings_are_decoded(encoding: str, name: str) -> None:
    from conftest import FIXTURES

    text = (FIXTURES / "combo-hant-opinion.md").read_text(encoding="utf-8")
    article = dwparse.parse(text.encode(encoding, "xmlcharrefreplace"))  # Big5 has no ©
    assert article.title == dwparse.parse(text).title
    assert article.text == dwparse.parse(text).text
    assert [(problem.code, problem.message) for problem in article.problems] == [
        ("legacy-encoding", f"the bytes are not UTF-8 but {name}; decoded as {name}")
    ]


@needs_seed
def test_a_stray_byte_in_utf8_stays_utf8() -> None:
    from conftest import SEED

    data = SEED.read_bytes()
    article = dwparse.parse(data[:-300] + b"\xff" + data[-300:])
    assert [problem.code for problem in article.problems] == ["invalid-utf8"]
    assert article.title == dwparse.parse(data).title


@needs_seed
@pytest.mark.parametrize("ends", [("\r", "\r", "\r"), ("\r\n", "\r", "\n"), ("\r", "\n", "\r\n")])
def test_cr_only_and_mixed_line_ends_read_like_lf(ends: tuple[str, str, str]) -> None:
    from conftest import SEED

    text = SEED.read_text(encoding="utf-8")
    first, second, third, rest = text.split("\n", 3)
    article = dwparse.parse(first + ends[0] + second + ends[1] + third + ends[2] + rest)
    assert article == dwparse.parse(text)


def test_a_hundred_thousand_attributes_are_bounded() -> None:
    head = "<!--1-->\n[t](https://www.dw.com/zh/x/a-1)\n---\n\n" + DATE
    article = dwparse.parse(head + "<p " + " ".join(f'a{i}="{i}"' for i in range(100_000)) + ">文字</p>")
    assert article.text == "文字"
    assert any("more than 200 attributes" in problem.message for problem in article.problems)


def test_many_short_attributes_are_bounded_whatever_the_tags_length() -> None:
    head = "<!--1-->\n[t](https://www.dw.com/zh/x/a-1)\n---\n\n" + DATE
    tag = "<p " + " ".join(f"a{i}" for i in range(3500)) + ">文字</p>"  # 17,000 characters
    article = dwparse.parse(head + tag * 3)
    assert article.text == "文字\n\n文字\n\n文字"
    assert any("3 tag(s) with more than 200 attributes" in problem.message for problem in article.problems)


def test_nested_topic_names_are_bounded() -> None:
    head = "<!--1-->\n[t](https://www.dw.com/zh/x/a-1)\n---\n\n" + DATE
    spans = "".join(f'<span data-id="{i}" data-type="AUTO_TOPIC">词{i}' for i in range(900)) + "</span>" * 900
    article = dwparse.parse(head + "<p>" + spans + "</p>")
    assert len(article.topics) == 900 and max(len(topic.name) for topic in article.topics) == 200
    assert {topic.topic_id: topic.name for topic in article.topics}[899] == "词899"


def test_a_utf8_file_cut_in_a_character_is_not_read_as_gb18030() -> None:
    # Found by the thorough profile: a title of two characters, the second cut off.
    article = dwparse.parse(b"<!--1722165425000-->\n[\xe7\xbe\x8e\xe6")
    assert "legacy-encoding" not in [problem.code for problem in article.problems]
    assert "invalid-utf8" in [problem.code for problem in article.problems]
