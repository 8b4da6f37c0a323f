"""Constructs of the real archive (FORMAT.md, "The real archive") that schema 3
reads, each on a small invented input."""

from __future__ import annotations

import pytest

import dwparse

HEAD = "<!--1747745800000-->\n[标题](https://www.dw.com/zh/x/a-1)\n---\n\n"
DATE = "<div><i><br>2025-05-20T12:56:04.930Z</i></div>"


def parse(body: str) -> dwparse.Article:
    article = dwparse.parse(HEAD + body)
    assert dwparse.parse(article.to_markdown()) == article or article.problems
    return article


# -- images -------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("src", "url", "image_id"),
    [
        ("https://images.weserv.nl/?url=api.dw.com/image/55170949_303.jpg", "https://api.dw.com/image/55170949_303.jpg", 55170949),
        ("https://images.weserv.nl/?url=static.dw.com/image/1_103.jpeg", "https://static.dw.com/image/1_103.jpeg", 1),
        ("https://static.dw.com/image/2_4.webp", "https://static.dw.com/image/2_4.webp", 2),
    ],
)
def test_image_ids_from_either_host_and_any_extension(src: str, url: str, image_id: int) -> None:
    lead = parse(f'{DATE}<img src="{src}" width="100%"><p>正文</p>').lead_image
    assert lead is not None and (lead.url, lead.image_id) == (url, image_id)


def test_an_image_without_source_or_caption_is_no_image() -> None:
    article = parse(f'{DATE}<img src=""><p>正文</p><img src=""><p>又一段</p>')
    assert article.lead_image is None
    assert [block.TYPE for block in article.blocks] == ["paragraph", "paragraph"]


def test_an_empty_image_before_the_lead_image_is_skipped() -> None:
    article = parse(f'{DATE}<img src=""><img src="https://static.dw.com/image/7_303.jpg"><p>正文</p>')
    assert article.lead_image is not None and article.lead_image.image_id == 7


def test_an_image_without_source_but_with_a_caption_is_kept() -> None:
    article = parse(f'{DATE}<img src=""><div><small>图片说明</small></div><p>正文</p>')
    assert article.lead_image == dwparse.Image(None, None, None, "图片说明", None)


# -- whitespace ---------------------------------------------------------------------


def test_no_break_and_ideographic_spaces_collapse() -> None:
    article = dwparse.parse(
        "<!--1747745800000-->\n[标\u00a0\u00a0题\u3000一](https://www.dw.com/zh/x/a-1)\n---\n\n"
        f"{DATE}<p>\u3000\u3000首行&nbsp;&nbsp;缩进\u3000</p><h2>小\u00a0标题</h2>"
    )
    assert article.title == "标 题 一"
    assert [block.text for block in article.blocks] == ["首行 缩进", "小 标题"]


def test_an_image_without_source_and_with_an_empty_caption_is_no_image() -> None:
    article = parse(f'{DATE}<img src="" width="100%"><div><small style="color: #999;"></small></div><p>正文</p>')
    assert article.lead_image is None and [block.TYPE for block in article.blocks] == ["paragraph"]


# -- the feed's items without a time line ------------------------------------------------

VIDEO = '<video src="https://tvdownloaddw-a.akamaihd.net/x/clip_AVC_1280x720.mp4" controls style="width:100%"></video>'
PICTURE = '<div><img src="https://images.weserv.nl/?url=static.dw.com/image/{0}_303.jpg" width="100%"><br><b>标题{0}</b>：说明{0}</div>'


def test_a_video_item_reports_nothing() -> None:
    article = parse(f"<p>一段视频的介绍。</small></p>{VIDEO}")
    assert article.problems == () and article.published_at is None
    assert [block.TYPE for block in article.blocks] == ["paragraph", "embed"]


def test_a_picture_gallery_item_reports_nothing() -> None:
    article = parse(PICTURE.format(1) + PICTURE.format(2))
    assert article.problems == () and article.lead_image is None
    (gallery,) = article.blocks
    assert isinstance(gallery, dwparse.Gallery) and gallery.title is None
    assert [(picture.image.image_id, picture.title, picture.text) for picture in gallery.pictures] == [
        (1, "标题1", "说明1"), (2, "标题2", "说明2"),
    ]  # fmt: skip


@pytest.mark.parametrize(
    "body",
    [
        "<p>没有时间的文章。</p><p>第二段</p>",  # an article without its time line
        f"<p>一段</small>视频的介绍。</p>{VIDEO}",  # a </small> that is not the feed's
    ],
)
def test_damage_beside_the_feed_items_is_still_reported(body: str) -> None:
    assert dwparse.parse(HEAD + body).problems != ()


# -- schema 2 read back ----------------------------------------------------------------


def test_schema_2_lines_are_still_read() -> None:
    article = parse("<div><i>德正<br>2025-05-20T12:56:04.930Z</i></div><p>正文</p><p>DW中文有Instagram！</p>")
    data = article.to_dict()
    old = {key: value for key, value in data.items() if key != "byline"}
    old["schema_version"] = 2
    old["blocks"] = [
        {key: value for key, value in block.items() if key != "kind"} if block["type"] == "notice" else block
        for block in data["blocks"]
    ]
    again = dwparse.Article.from_dict(old)
    assert again.byline is None and again.blocks[-1] == dwparse.Notice(None, "DW中文有Instagram！")
    assert again.authors == article.authors and again.text == article.text
    with pytest.raises(ValueError):
        dwparse.Article.from_dict({**data, "schema_version": 1})
    with pytest.raises(ValueError):
        dwparse.Article.from_dict({**data, "blocks": [{**data["blocks"][-1], "kind": "advert"}]})


def test_a_bare_top_level_rule_is_dropped_like_a_break() -> None:
    article = parse(f"{DATE}<p>正文</p><br><hr><p>又一段</p><hr class=\"x\">")
    assert [block.TYPE for block in article.blocks] == ["paragraph", "paragraph", "raw"]


# -- credits -----------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("line", "sources", "authors"),
    [
        ("<p>(路透社）</p>", ("路透社",), ()),
        ("<p>（路透社等）</p>", ("路透社",), ()),
        ("<p><em>（路透社、彭博社、《商报》）</em></p>", ("路透社", "彭博社", "《商报》"), ()),
        ("<p>（美聯社、中國外交部等）</p>", ("美聯社", "中國外交部"), ()),
        ("<p>（法新社，德国基督教通讯社，DW）</p>", ("法新社", "德国基督教通讯社", "DW"), ()),
        ("<p>（路透社 美联社）</p>", ("路透社", "美联社"), ()),
        ("<p>（《衛報》澳洲版、天空新聞澳洲版）</p>", ("《衛報》澳洲版", "天空新聞澳洲版"), ()),
        ("<p>（综合报道）</p>", (), ()),
        ("<p>(綜合報導)</p>", (), ()),
        ("<p>（来源：德国外交部网页）</p>", ("德国外交部网页",), ()),
        ("<p>(据法新社、路透社）</p>", ("法新社", "路透社"), ()),
        ("<p>（据Politico、通讯社综合报道）</p>", ("Politico", "通讯社"), ()),
        ("<p>张筠青/王凡（路透社等）</p>", ("路透社",), ("张筠青", "王凡")),
        ("<p>凝炼/文山/（路透社）</p>", ("路透社",), ("凝炼", "文山")),
        ("<p>李京慧/苗子 （据德新社）</p>", ("德新社",), ("李京慧", "苗子")),
        ("<p>（德国之声记者Julian Ryall、通讯员子齐等报道）</p>", ("德国之声",), ("Julian Ryall", "子齐")),
    ],
)
def test_credit_lines_of_every_form(line: str, sources: tuple[str, ...], authors: tuple[str, ...]) -> None:
    article = parse(f"{DATE}<p>正文</p>{line}")
    assert [block.TYPE for block in article.blocks] == ["paragraph", "credit"]
    assert (article.sources, article.authors, article.text) == (sources, authors, "正文")


@pytest.mark.parametrize(
    "line",
    ["<p>（法新社报道说，会谈很顺利）</p>", "<p>（图）</p>", "<p>（2024年）</p>", "<p>（第二版）</p>", "<p>（完）</p>"],
)
def test_other_lines_in_parentheses_stay_paragraphs(line: str) -> None:
    assert [block.TYPE for block in parse(f"{DATE}<p>正文</p>{line}").blocks] == ["paragraph", "paragraph"]


def test_a_credit_and_the_copyright_in_one_paragraph_are_two_blocks() -> None:
    article = parse(f"{DATE}<p>正文</p><p>（法新社、路透社、美联社）  © 2024年德国之声版权声明：本文受保护。</p>")
    assert [block.TYPE for block in article.blocks] == ["paragraph", "credit", "copyright"]
    assert article.sources == ("法新社", "路透社", "美联社")
    assert article.copyright == "© 2024年德国之声版权声明：本文受保护。"


# -- notices and headings -------------------------------------------------------------------


def test_notices_by_kind_and_their_links_are_not_the_articles() -> None:
    article = parse(
        f"{DATE}<p>正文</p><p><strong>欢迎订阅德国之声播客。</strong></p><p><strong>Feed-URL:</strong></p>"
        "<p><strong>https://rss.dw.com/xml/podcast</strong></p>"
        '<p><strong>DW中文有Instagram！<a href="https://www.instagram.com/dw.chinese">dw.chinese</a></strong></p>'
        "<p><em>[摘编自其它媒体，不代表德国之声观点]</em></p><p><em>德国之声致力于为您提供客观中立的新闻报道。</em></p>"
        '<br><hr><div>获取更多RSS：<br><a href="https://feedx.net">https://feedx.net</a><br></div>'
    )
    assert [getattr(block, "kind", block.TYPE) for block in article.blocks] == [
        "paragraph", "promotion", "promotion", "promotion", "promotion", "editorial-note", "disclaimer", "feed",
    ]  # fmt: skip
    assert article.links == () and article.text == "正文"


@pytest.mark.parametrize(
    ("bold", "kind"),
    [("一个小标题", "heading"), ("这是一句完整的话。", "paragraph"), ("太好了！", "paragraph"),
     ("https://example.com/x", "paragraph"), ("标签：", "paragraph"), ("Label:", "paragraph")],
)  # fmt: skip
def test_whole_bold_sentences_urls_and_labels_are_no_headings(bold: str, kind: str) -> None:
    assert parse(f"{DATE}<p><strong>{bold}</strong></p>").blocks[0].TYPE == kind


def test_a_closing_line_of_labels_with_its_sources_is_a_credit() -> None:
    article = parse(f"{DATE}<p>正文</p><p>翻译：达扬 责编：叶宣 来源：德新社，法新社，路透社</p>")
    assert [block.TYPE for block in article.blocks] == ["paragraph", "credit"]
    assert article.sources == ("德新社", "法新社", "路透社") and article.text == "正文"


@pytest.mark.parametrize(("inner", "heading"), [("<p>美国卸下调停者角色</p>", "美国卸下调停者角色"), ("<p></p>", None)])
def test_an_image_placeholder_in_a_bold_subheading(inner: str, heading: str | None) -> None:
    placeholder = '<span class="placeholder" data-id="55170949" data-type="IMAGE" title="Bild"></span>'
    article = parse(f"{DATE}<p>正文</p><p><strong>{placeholder}{inner}</strong></p><p>后文</p>")
    expected: list[object] = [dwparse.ImageBlock(dwparse.Image(None, None, 55170949))]
    expected += [dwparse.Heading(heading, 2)] if heading else []
    assert list(article.blocks[1:-1]) == expected
    assert article.topics == () and article.problems == ()
