"""The body: time, lead image, and every kind of block."""

from __future__ import annotations

from datetime import datetime, timedelta, timezone

import pytest

from dwparse import (
    Copyright,
    Credit,
    Gallery,
    Heading,
    ImageBlock,
    LinkRun,
    ListBlock,
    Notice,
    Paragraph,
    Quote,
    Raw,
    TextRun,
    TopicRun,
)
from helpers import article, codes

IMG = '<img src="https://images.weserv.nl/?url=static.dw.com/image/{}_303.jpg" width="100%">'
CAPTION = '<div><small style="color: #999;">{}</small></div>'


# -- time and lead image --------------------------------------------------------


@pytest.mark.parametrize(
    ("written", "expected"),
    [
        ("2024-07-28T11:07:48.781Z", datetime(2024, 7, 28, 11, 7, 48, 781000, tzinfo=timezone.utc)),
        ("2024-07-28T11:07:48Z", datetime(2024, 7, 28, 11, 7, 48, tzinfo=timezone.utc)),
        ("2024-07-28T19:07:48+08:00", datetime(2024, 7, 28, 11, 7, 48, tzinfo=timezone.utc)),
        ("2024-07-28T11:07:48", datetime(2024, 7, 28, 11, 7, 48, tzinfo=timezone.utc)),
        (" 2024-07-28T11:07:48Z ", datetime(2024, 7, 28, 11, 7, 48, tzinfo=timezone.utc)),
    ],
)
def test_publication_time(written: str, expected: datetime) -> None:
    parsed = article(f"<div><i><br>{written}</i></div><p>x</p>", date=False)
    assert parsed.published_at == expected
    assert parsed.published_at.utcoffset() == timedelta(0)
    assert parsed.problems == ()


def test_missing_and_invalid_time() -> None:
    parsed = article("<p>x</p>", date=False)
    assert codes(parsed) == ["date-missing"]
    assert (parsed.problems[0].line, parsed.problems[0].column) == (5, 1)
    bad = article("<div><i><br>9999-99-99</i></div><p>x</p>", date=False)
    assert codes(bad) == ["date-invalid"]
    assert (bad.problems[0].line, bad.problems[0].column) == (5, 13)
    assert bad.published_at is None
    assert isinstance(bad.blocks[0], Raw) and bad.blocks[0].text == "9999-99-99"


def test_lead_image_with_caption_and_credit() -> None:
    parsed = article(IMG.format(1) + CAPTION.format("标题 图像来源: Jonathan Ernst/AP") + "<p>x</p>")
    lead = parsed.lead_image
    assert lead is not None
    assert (lead.url, lead.image_id) == ("https://static.dw.com/image/1_303.jpg", 1)
    assert (lead.caption, lead.credit) == ("标题", "Jonathan Ernst/AP")
    assert [type(block) for block in parsed.blocks] == [Paragraph]


def test_no_lead_image_and_uncaptioned_lead() -> None:
    assert article("<p>x</p>" + IMG.format(1)).lead_image is None
    bare = article(IMG.format(1) + "<p>x</p>").lead_image
    assert bare is not None and bare.caption is None and bare.credit is None


def test_repeated_lead_image_is_dropped_only_when_nothing_is_lost() -> None:
    repeat = IMG.format(1) + CAPTION.format("说明") + "<p>x</p>" + IMG.format(1)
    assert [type(block) for block in article(repeat).blocks] == [Paragraph]
    placeholder = (
        '<div class="placeholder-image"><img data-id="1" '
        'data-url="https://static.dw.com/image/1_${formatId}.jpg"></div>'
    )
    assert [type(block) for block in article(IMG.format(1) + placeholder + "<p>x</p>").blocks] == [Paragraph]
    other_caption = IMG.format(1) + "<p>x</p>" + IMG.format(1) + CAPTION.format("另一个说明")
    assert [type(block) for block in article(other_caption).blocks] == [Paragraph, ImageBlock]
    other_image = IMG.format(1) + "<p>x</p>" + IMG.format(2)
    assert [type(block) for block in article(other_image).blocks] == [Paragraph, ImageBlock]


def test_placeholder_image() -> None:
    body = (
        '<p>x</p><div class="placeholder-image"><img data-id="77" '
        'data-url="https://static.dw.com/image/77_${formatId}.jpg" alt="alt"></div>' + CAPTION.format("说明")
    )
    block = article(body).blocks[1]
    assert isinstance(block, ImageBlock)
    assert block.image.image_id == 77
    assert block.image.caption == "说明"


# -- paragraphs and inline runs ----------------------------------------------------


def test_inline_runs() -> None:
    body = (
        '<p>前 <strong>粗</strong><em>斜</em><b><i>都</i></b> 后<br>下一行'
        '<a href="https://api.dw.com/api/detail/video/5" rel="VideoRef">视频</a>'
        '<span class="x" data-id="9" data-type="TOPIC">话题</span>'
        '<a href="https://example.com/" class="external-link">外部<svg><path d="M0"/><title>icon</title></svg></a></p>'
    )
    paragraph = article(body).blocks[0]
    assert isinstance(paragraph, Paragraph)
    assert paragraph.inlines == (
        TextRun("前 "),
        TextRun("粗", strong=True),
        TextRun("斜", em=True),
        TextRun("都", strong=True, em=True),
        TextRun(" 后\n下一行"),
        LinkRun("视频", "https://api.dw.com/api/detail/video/5", "VideoRef", 5, "video"),
        TopicRun("话题", 9, "TOPIC"),
        LinkRun("外部", "https://example.com/", None, None, None),
    )
    assert paragraph.text == "前 粗斜都 后\n下一行视频话题外部"


@pytest.mark.parametrize(
    ("html", "text"),
    [
        ("<p>  a \n\t b  </p>", "a b"),
        ("<p>a <br> b</p>", "a\nb"),
        ("<p><br>a<br><br>b<br></p>", "a\n\nb"),
        ("<p>a&nbsp;b&amp;c&#x4e2d;</p>", "a b&c中"),
        ("<p>全角\u3000空格</p>", "全角 空格"),
        ("<p>\u3000\u3000首行缩进 a\u00a0 \u00a0b\u3000</p>", "首行缩进 a b"),
        ("<p>a<strong> b </strong> c</p>", "a b c"),
    ],
)
def test_whitespace(html: str, text: str) -> None:
    assert article(html).blocks[0].text == text


def test_empty_paragraphs_are_dropped_but_empty_links_kept() -> None:
    assert article("<p></p><p> </p><p><br></p><p>x</p>").blocks == (Paragraph("x", (TextRun("x"),)),)
    parsed = article('<p><a href="https://example.com/"></a></p>')
    assert parsed.blocks == (Paragraph("", (LinkRun("", "https://example.com/", None, None, None),)),)
    assert len(parsed.links) == 1


def test_bare_text_and_inline_elements_form_a_paragraph() -> None:
    parsed = article("<p>x</p>裸文本 <b>粗</b> 尾<p>y</p>")
    assert [block.text for block in parsed.blocks] == ["x", "裸文本 粗 尾", "y"]


def test_links_and_topics_everywhere_in_document_order() -> None:
    body = (
        '<p><a href="https://www.dw.com/zh/x/a-1">一</a></p>'
        '<ul><li><a href="https://www.dw.com/zh/x/g-2">二</a></li></ul>'
        '<table><tr><td><a href="https://api.dw.com/api/detail/audio/3">三</a>'
        '<span data-id="8" data-type="AUTO_TOPIC">话题</span></td></tr></table>'
        '<p><span data-id="8" data-type="AUTO_TOPIC">话题again</span>'
        '<span data-id="x" data-type="AUTO_TOPIC">不是话题</span></p>'
    )
    parsed = article(body)
    assert [(link.text, link.target_id, link.target_type) for link in parsed.links] == [
        ("一", 1, "article"),
        ("二", 2, "gallery"),
        ("三", 3, "audio"),
    ]
    assert [(topic.name, topic.topic_id) for topic in parsed.topics] == [("话题", 8)]


# -- classified paragraphs ---------------------------------------------------------


@pytest.mark.parametrize(
    ("html", "sources"),
    [
        ("<p><em>（法新社、美联社）</em></p>", ("法新社", "美联社")),
        ("<p><em>(德新社，路透社,彭博社/美聯社)</em></p>", ("德新社", "路透社", "彭博社", "美聯社")),
        ("<p><i>（路透社）</i></p>", ("路透社",)),
        ("<p><em>（综合报道）</em></p>", ()),
        ("<p><em>（作者：张三，法新社）</em></p>", ("法新社",)),
    ],
)
def test_credit_lines(html: str, sources: tuple[str, ...]) -> None:
    parsed = article(html)
    assert isinstance(parsed.blocks[0], Credit)
    assert parsed.blocks[0].sources == sources
    assert parsed.sources == sources
    assert parsed.text == ""


def test_parenthesised_plain_notes_are_credits_of_no_source() -> None:
    # Schema 3: a note such as （综合报道） is a credit line that names no source.
    assert article("<p>（综合报道）</p>").blocks[0] == Credit("（综合报道）", ())
    assert article("<p>（法新社，综合报道）</p>").blocks[0] == Credit("（法新社，综合报道）", ("法新社",))
    assert isinstance(article("<p>（他说，这是一个问题）</p>").blocks[0], Paragraph)


def test_copyright_notice_and_heading() -> None:
    body = (
        "<p><strong>小标题</strong></p><p><b>另一个</b> <b>标题</b></p><h4>四级</h4>"
        "<p>DW中文有Instagram！欢迎搜寻dw.chinese</p>"
        "<p>德國之聲致力於為您提供客觀中和的新聞報道</p>"
        "<p><em>© 2024年德國之聲版權聲明：本文所有內容受到著作權法保護</em></p>"
    )
    parsed = article(body)
    assert parsed.blocks[:3] == (Heading("小标题", 2), Heading("另一个 标题", 2), Heading("四级", 4))
    assert [type(block) for block in parsed.blocks[3:]] == [Notice, Notice, Copyright]
    assert parsed.copyright == "© 2024年德國之聲版權聲明：本文所有內容受到著作權法保護"
    assert parsed.text == "小标题\n\n另一个 标题\n\n四级"


def test_bold_with_link_stays_a_paragraph() -> None:
    parsed = article('<p><strong><a href="https://example.com/">粗链接</a></strong></p>')
    assert isinstance(parsed.blocks[0], Paragraph)


# -- galleries ------------------------------------------------------------------------


def picture(image_id: int, inner: str) -> str:
    return f"<div>{IMG.format(image_id)}{inner}</div>"


def test_galleries() -> None:
    body = (
        "<h3>相关图集：第一组</h3>"
        + picture(1, "<b>标题一</b>：文字一")
        + picture(2, "<strong>标题二</strong>:文字二")
        + picture(3, "<b>标题三</b>文字三")
        + picture(4, "只有文字")
        + "<p>中间</p><h3>相關圖集: 第二组</h3>"
        + picture(5, "<b>单张</b>：说明")
        + "<p>之后</p>"
        + picture(6, "<b>无标题图集</b>：说明")
        + picture(7, "")
    )
    parsed = article(body)
    galleries = [block for block in parsed.blocks if isinstance(block, Gallery)]
    assert [(g.title, [(i.title, i.text) for i in g.pictures]) for g in galleries] == [
        ("第一组", [("标题一", "文字一"), ("标题二", "文字二"), ("标题三", "文字三"), (None, "只有文字")]),
        ("第二组", [("单张", "说明")]),
        (None, [("无标题图集", "说明"), (None, "")]),
    ]
    assert galleries[0].pictures[0].image.image_id == 1
    assert "标题一" not in parsed.text and "中间" in parsed.text


# -- other blocks ------------------------------------------------------------------------


def test_lists_and_quotes() -> None:
    parsed = article(
        "<ul><li>一</li><li>二 <b>粗</b></li></ul><ol><li>甲<br>乙</li></ol>"
        "<blockquote><p>引一</p><p>引二</p></blockquote>"
    )
    assert parsed.blocks == (
        ListBlock(False, ("一", "二 粗")),
        ListBlock(True, ("甲\n乙",)),
        Quote("引一\n引二"),
    )
    assert parsed.text == "一\n二 粗\n\n甲\n乙\n\n引一\n引二"


@pytest.mark.parametrize(
    ("html", "text"),
    [
        ("<table><tr><th>甲</th><th>乙</th></tr><tr><td>1</td><td>2</td></tr></table>", "甲 乙\n1 2"),
        ("<figure><img src='x.jpg'><figcaption>图注</figcaption></figure>", "图注"),
        ("<section><p>段一</p><p>段二</p></section>", "段一\n段二"),
        ("<custom-x>自定义</custom-x>", "自定义"),
        ("<h1>一级</h1>", "一级"),
        ('<p>前<iframe src="x"></iframe>后</p>', "前后"),
        ("<script>var x = 1;</script>", ""),
    ],
)
def test_raw_blocks_keep_text_and_html(html: str, text: str) -> None:
    parsed = article(html)
    assert len(parsed.blocks) == 1
    block = parsed.blocks[0]
    assert isinstance(block, Raw)
    assert block.text == text
    assert block.html.startswith("<")


def test_text_outside_list_items_makes_the_list_raw() -> None:
    parsed = article("<ol>散落的文字</li><li>项</li></ol>")
    assert isinstance(parsed.blocks[0], Raw)
    assert parsed.blocks[0].text == "散落的文字\n项"


@pytest.mark.parametrize(
    "written",
    ["0001-01-01T00:00:00+01:00", "9999-12-31T23:59:59-01:00", "2024-02-30T00:00:00Z", "2024-13-01T00:00:00.5Z"],
)
def test_times_out_of_range_are_invalid(written: str) -> None:
    parsed = article(f"<div><i><br>{written}</i></div><p>x</p>", date=False)
    assert codes(parsed) == ["date-invalid"]
    assert parsed.published_at is None


def test_time_fractions() -> None:
    parsed = article("<div><i><br>2024-07-28T11:07:48.5Z</i></div><p>x</p>", date=False)
    assert parsed.published_at == datetime(2024, 7, 28, 11, 7, 48, 500000, tzinfo=timezone.utc)


@pytest.mark.parametrize(
    ("html", "sources"),
    [
        ("<p><em>（路透社、法新社 作者：张三）</em></p>", ("路透社", "法新社")),
        ("<p><em>（作者：张三 法新社）</em></p>", ("法新社",)),
        ("<p><em>（本文仅代表作者个人观点）</em></p>", ()),
        ("<p><em>(dpa, AFP, Reuters)</em></p>", ("dpa", "AFP", "Reuters")),
    ],
)
def test_credit_sources_are_agencies_only(html: str, sources: tuple[str, ...]) -> None:
    assert article(html).sources == sources


@pytest.mark.parametrize(
    ("src", "url"),
    [
        ("HTTP://static.dw.com/image/1_302.jpg", "https://static.dw.com/image/1_302.jpg"),
        ("/image/1_2.jpg", "/image/1_2.jpg"),
        ("images/x.jpg", "images/x.jpg"),
        ("data:image/png;base64,AAAA", "data:image/png;base64,AAAA"),
        ("https://images.weserv.nl/?url=SSL:static.dw.com/image/1_302.jpg", "https://static.dw.com/image/1_302.jpg"),
    ],
)
def test_unusual_image_sources(src: str, url: str) -> None:
    from dwparse.captions import original_url

    assert original_url(src) == url


def test_api_link_type_is_kept_as_written() -> None:
    parsed = article('<p><a href="https://api.dw.com/api/detail/Article/5">x</a></p>')
    assert (parsed.links[0].target_id, parsed.links[0].target_type) == (5, "Article")
