"""Problems: codes, line and column, strict mode; and that parse() never raises."""

from __future__ import annotations

import pickle

import pytest

import dwparse
from helpers import DATE, HEAD, article, codes


def positions(parsed: dwparse.Article) -> list[tuple[str, int, int]]:
    return [(p.code, p.line, p.column) for p in parsed.problems]


def test_clean_file_has_no_problems() -> None:
    assert article("<p>x</p>").problems == ()


@pytest.mark.parametrize("text", ["", "   ", "\n\n\n", b"", "\ufeff"])
def test_empty_input(text: str | bytes) -> None:
    parsed = dwparse.parse(text)
    assert codes(parsed) == ["empty-input"]
    assert parsed.blocks == () and parsed.title is None


def test_only_header() -> None:
    parsed = dwparse.parse("<!--1722165425000-->\n")
    assert positions(parsed) == [("title-missing", 2, 1), ("body-missing", 2, 1)]
    assert parsed.archived_at is not None
    assert parsed.title is None


def test_not_this_format() -> None:
    parsed = dwparse.parse("Hello world.\nThis is plain text.")
    assert codes(parsed) == ["header-missing", "title-missing", "not-archive-format", "date-missing"]
    assert parsed.text == "Hello world. This is plain text."


def test_body_missing() -> None:
    parsed = dwparse.parse("<!--1722165425000-->\n[t](https://www.dw.com/zh/x/a-1)\n---\n\n")
    assert codes(parsed) == ["body-missing"]


def test_control_characters_are_removed_and_located() -> None:
    text = HEAD + DATE + "<p>前\x00中\x01后</p>"
    parsed = dwparse.parse(text)
    assert parsed.blocks[0].text == "前中后"
    column = len(DATE + "<p>前") + 1
    assert positions(parsed) == [("control-character", 5, column)]
    assert "2 control character" in parsed.problems[0].message


def test_positions_after_removed_characters_count_the_input() -> None:
    text = HEAD + DATE + "\x00\x00<p>x</div>"
    parsed = dwparse.parse(text)
    malformed = [p for p in parsed.problems if p.code == "html-malformed"]
    assert [(p.line, p.column) for p in malformed] == [(5, text.split("\n")[4].rindex("</div>") + 1)]


def test_invalid_utf8() -> None:
    data = (HEAD + DATE + "<p>好").encode() + b"\xff\xfe" + "坏</p>".encode()
    parsed = dwparse.parse(data)
    assert positions(parsed) == [("invalid-utf8", 5, len(DATE + "<p>好") + 1)]
    assert parsed.blocks[0].text == "好\ufffd\ufffd坏"


def test_lone_surrogates_and_noncharacters() -> None:
    parsed = dwparse.parse(HEAD + DATE + "<p>a\ud800b\uffffc</p>")
    assert codes(parsed) == ["invalid-character"]
    assert parsed.blocks[0].text == "a\ufffdb\ufffdc"


def test_bom_is_not_a_problem_and_not_a_column() -> None:
    for data in ["\ufeff" + HEAD + DATE + "<p>x</div></p>", ("\ufeff" + HEAD + DATE + "<p>x</div></p>").encode()]:
        parsed = dwparse.parse(data)
        assert parsed.archived_at is not None
        assert positions(parsed) == [("html-malformed", 5, len(DATE + "<p>x") + 1)]


@pytest.mark.parametrize(
    ("body", "column"),
    [
        ('<p>abc</p><p>de<a href="https://www.dw', len(DATE + "<p>abc</p><p>de") + 1),
        ("<p>abc</p><p>未完的句子", None),
        ("<p>abc</p><p>", len(DATE + "<p>abc</p>") + 1),
        ("<p>abc</p><p>x<b>y</b>", None),
        # Cut inside an element other than a paragraph: the end tags never came.
        ("<p>abc</p><div>x", len(DATE + "<p>abc</p><div>x") + 1),
        ('<p>abc</p><h3>相关图集：T</h3><div><img src="a.jpg"><b>t</b>：说明', None),
        ("<p>abc</p><ul><li>x</li><li>y", None),
        # The end tags at the end close fewer elements than are open there.
        ("<p>abc</p><div><div>x</div>", None),
        ("<p>abc</p><div><b>x</b>", None),
        ("<p>abc</p><section><div><p>x</p></div>", None),
    ],
)
def test_truncated_body(body: str, column: int | None) -> None:
    parsed = dwparse.parse(HEAD + DATE + body)
    assert "body-truncated" in codes(parsed)
    problem = next(p for p in parsed.problems if p.code == "body-truncated")
    assert problem.line == 5
    if column is not None:
        assert problem.column == column
    assert "abc" in parsed.text


def test_truncated_time_line() -> None:
    parsed = dwparse.parse(HEAD + "<div><i>德正, 德才<br>2025-05")
    assert codes(parsed) == ["date-invalid", "body-truncated"]
    assert parsed.published_at is None and parsed.authors == ("德正", "德才")
    assert "<i>" in parsed.problems[1].message


@pytest.mark.parametrize("time", ["2025", "2025-05", "202505"])
def test_time_without_a_day_is_invalid(time: str) -> None:
    parsed = dwparse.parse(HEAD + f"<div><i><br>{time}</i></div><p>x</p>")
    assert codes(parsed) == ["date-invalid"] and parsed.published_at is None


@pytest.mark.parametrize("time", ["2025-05-20", "20250520", "2025-05-20T11", "2024-06-18T06:45:00,000Z"])
def test_time_with_a_day_is_read(time: str) -> None:
    parsed = dwparse.parse(HEAD + f"<div><i><br>{time}</i></div><p>x</p>")
    assert codes(parsed) == [] and parsed.published_at is not None


@pytest.mark.parametrize(
    ("body", "opener"),
    [
        ("<p>甲</p><!--[标题](https://x)\n<p>乙丙</p>", "comment <!--"),
        ("<p>甲</p><script>var x = 1;<p>乙丙</p>", "<script>"),
        ('<p>甲</p><STYLE type="text/css">p {}<p>乙丙</p>', "<style>"),
        ("<p>甲</p><noscript><p>乙丙</p>", "<noscript>"),
        ("<p>甲</p><svg><text>字</text><p>乙丙</p>", "<svg>"),
    ],
)
def test_what_a_construct_never_closed_would_hide_is_read(body: str, opener: str) -> None:
    parsed = article(body)
    assert "乙丙" in parsed.text and parsed.text.startswith("甲")
    assert codes(parsed) == ["html-malformed"]
    assert parsed.problems[0].message.startswith(f"{opener} never closed")
    assert parsed.problems[0].column == len(DATE + "<p>甲</p>") + 1


def test_a_quote_never_closed_does_not_take_the_rest() -> None:
    parsed = article('<p>甲</p><iframe data-src="https://x" allowfullscreen= "></iframe><p>乙丙</p><p>丁</p>')
    assert parsed.text.endswith("乙丙\n\n丁")
    assert [problem.message.split(":")[0] for problem in parsed.problems] == ["a quoted attribute value never closed"]
    cut = article('<p>甲</p><p>乙<a href="https://api.dw.com/api/det')  # cut in the tag: that is the problem
    assert codes(cut) == ["body-truncated"]


def test_a_comment_opener_in_raw_text_is_text() -> None:
    parsed = article('<p>甲</p><iframe src="https://x"><!--说明</iframe><p>乙</p>')
    assert parsed.problems == () and parsed.text == "甲\n\n乙"
    assert "<!--说明" in parsed.blocks[1].html  # type: ignore[union-attr]


@pytest.mark.parametrize(
    "body", ["<p>甲</p><!-- 注释 --><p>乙</p>", "<p>甲</p><!--><p>乙</p>", "<p>甲<svg/>乙</p>", "<p>甲</p><script>x</script><p>乙</p>"]
)
def test_closed_comments_and_hidden_elements_stay_hidden(body: str) -> None:
    parsed = article(body)
    assert parsed.problems == ()
    assert parsed.text == ("甲\n\n乙" if "<p>乙" in body else "甲乙")


def test_html_inside_an_svg_is_shown() -> None:
    """libxml2 may leave what follows broken markup inside an <svg>; HTML
    elements there are shown, as HTML ends the <svg> at them."""
    parsed = article('<p>据<a href="https://e.com">报道<svg><<div><small>path d="M9"></path></svg></a>，内阁达成一致。</p><p>下一段</p>')
    assert "内阁达成一致" in parsed.text and "下一段" in parsed.text
    plain = article('<p>甲<svg><path d="M9"></path><g><rect/></g></svg>乙</p>')
    assert plain.text == "甲乙" and plain.problems == ()


def test_complete_bodies_are_not_truncated() -> None:
    for body in [
        "<p>x</p>", "<p>x</p>\n", "<p>x</p><img src='a.jpg'>", "<p>x</p>bare text", "<p>x</p><br/>",
        "<p>a<b>unclosed inline</p><p>x</p>", "<ul><li>a<li>b</ul>", "<p><b><i>misnested</b></i></p>",
        "<table><tr><td>a<td>b</table>", "<!-- <div> --><p>x</p>", "<div><!-- <div> -->x</div>",
        "<div>x<!-- <b> --></div>", "<p>x</p><!-- <div> -->", "<!-- <div> -->",
    ]:  # fmt: skip
        assert "body-truncated" not in codes(article(body)), body


def test_unbalanced_tags_are_located() -> None:
    text = HEAD + DATE + "\n<p>一</p>\n<p>二</div>\n<p>三</p>"
    parsed = dwparse.parse(text)
    assert positions(parsed) == [("html-malformed", 7, 5)]
    assert "div" in parsed.problems[0].message
    assert parsed.text == "一\n\n二\n\n三"


def test_many_html_errors_are_capped() -> None:
    parsed = article("<p>x" + "</q>" * 500 + "</p>")
    assert 1 < len(parsed.problems) <= 21


def test_strict_raises_the_first_problem() -> None:
    with pytest.raises(dwparse.ParseError) as raised:
        dwparse.parse("<p>x</p>", strict=True)
    error = raised.value
    assert isinstance(error, ValueError)
    assert (error.code, error.line, error.column) == ("header-missing", 1, 1)
    assert "header" in str(error) and "line 1, column 1" in str(error)
    assert type(error).__module__ == "dwparse"
    copy = pickle.loads(pickle.dumps(error))
    assert (copy.code, copy.line, copy.column) == (error.code, error.line, error.column)


@pytest.mark.parametrize("value", [None, 1, 1.5, ["<p>x</p>"], object()])
def test_other_types_raise_type_error(value: object) -> None:
    with pytest.raises(TypeError):
        dwparse.parse(value)  # type: ignore[arg-type]


def test_every_code_is_documented() -> None:
    for code in dwparse.CODES:
        assert code.replace("-", "").isalnum()
    docs = (__import__("pathlib").Path(__file__).parent.parent / "docs" / "problems.md").read_text(encoding="utf-8")
    for code in dwparse.CODES:
        assert f"`{code}`" in docs, code


@pytest.mark.parametrize("text", ["garbage", "\ngarbage", "  garbage", "\n\n  garbage\n"])
def test_not_archive_format_whatever_comes_first(text: str) -> None:
    assert "not-archive-format" in codes(dwparse.parse(text))


@pytest.mark.parametrize("value", [bytearray(b"<p>x</p>"), memoryview(b"<p>x</p>")])
def test_only_str_and_bytes(value: object) -> None:
    with pytest.raises(TypeError):
        dwparse.parse(value)  # type: ignore[arg-type]


def test_title_references_to_line_breaks_and_controls() -> None:
    parsed = dwparse.parse("<!--1722165425000-->\n[a&#10;b&#13;c&#9;d&#1;e](https://www.dw.com/zh/x/a-1)\n---\n\n" + DATE + "<p>x</p>")
    assert parsed.title == "a b c de"
    assert dwparse.parse(parsed.to_markdown()) == parsed
