"""Output: the JSON shape and the archive format written back."""

from __future__ import annotations

import json

import pytest
from datetime import datetime, timezone

import dwparse
from dwparse import (
    Article,
    Copyright,
    Credit,
    Embed,
    Gallery,
    GalleryItem,
    Heading,
    Image,
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

UTC = timezone.utc


VIDEO = (
    '<video controls="" poster="https://static.dw.com/image/4_605.jpg">'
    '<source src="https://example.com/v.mp4" type="video/mp4"></video>'
)


def built() -> Article:
    """An article built by hand, covering every block and run."""
    image = Image(
        "https://static.dw.com/image/2_302.jpg", "https://static.dw.com/image/2_302.jpg", 2, "说明", "dpa"
    )
    bare = Image(image.url, image.src, image.image_id)
    poster = "https://static.dw.com/image/4_605.jpg"
    return Article(
        archived_at=datetime(2024, 7, 28, 11, 17, 5, 123000, tzinfo=UTC),
        title="[视频] A & B \\ C",
        url="https://www.dw.com/zh/x/a-1",
        article_id=1,
        content_type="article",
        language="zh",
        published_at=datetime(2024, 7, 28, 11, 7, 48, 781000, tzinfo=UTC),
        byline="德正, William Yang, 苗子（摘编、编译）",
        authors=("德正", "William Yang", "苗子"),
        lead_image=Image(
            "https://static.dw.com/image/1_303.jpg",
            "https://images.weserv.nl/?url=static.dw.com/image/1_303.jpg",
            1,
            "首图",
            None,
        ),
        blocks=(
            Paragraph(
                "a <b>\n粗斜链话",
                (
                    TextRun("a <b>\n"),
                    TextRun("粗", strong=True),
                    TextRun("斜", em=True),
                    LinkRun("链", "https://www.dw.com/zh/y/a-2", "ArticleRef", 2, "article"),
                    TopicRun("话", 3, "AUTO_TOPIC"),
                ),
            ),
            Heading("小标题", 2),
            Heading("三级", 3),
            ImageBlock(image),
            Gallery("图集", (GalleryItem(bare, "图一", "文字"), GalleryItem(bare, None, "只有文字"))),
            ListBlock(True, ("一", "二")),
            Quote("引文"),
            Raw("<table><tr><td>格</td></tr></table>", "格"),
            Embed("video", "https://example.com/v.mp4", Image(poster, poster, 4), None, VIDEO),
            Notice("promotion", "DW中文有Instagram！"),
            Credit("（法新社、美联社）", ("法新社", "美联社")),
            Copyright("© 2024年德国之声版权声明"),
        ),
        links=(dwparse.Link("链", "https://www.dw.com/zh/y/a-2", "ArticleRef", 2, "article"),),
        topics=(dwparse.Topic("话", 3, "AUTO_TOPIC"),),
    )


def test_hand_built_article_round_trips() -> None:
    article = built()
    again = dwparse.parse(article.to_markdown())
    assert again.problems == ()
    assert again == article


def test_markdown_layout() -> None:
    lines = built().to_markdown().split("\n")
    assert lines[0] == "<!--1722165425123-->"
    assert lines[1] == "[\\[视频\\] A &amp; B \\\\ C](https://www.dw.com/zh/x/a-1)"
    assert lines[2] == "------"
    assert lines[3] == ""
    assert lines[4].startswith(
        "<div><i>德正, William Yang, 苗子（摘编、编译）<br>2024-07-28T11:07:48.781000Z</i></div><img src="
    )
    assert lines[5] == ""


def test_to_dict_shape() -> None:
    data = built().to_dict()
    assert data["schema_version"] == 3
    assert data["archived_at"] == "2024-07-28T11:17:05.123000+00:00"
    assert data["blocks"][0]["type"] == "paragraph"
    assert data["blocks"][0]["inlines"][3] == {
        "type": "link",
        "text": "链",
        "href": "https://www.dw.com/zh/y/a-2",
        "rel": "ArticleRef",
        "target_id": 2,
        "target_type": "article",
    }
    assert data["blocks"][3]["image"]["credit"] == "dpa"
    assert data["blocks"][4]["pictures"][0] == {
        "image": {
            "url": "https://static.dw.com/image/2_302.jpg",
            "src": "https://static.dw.com/image/2_302.jpg",
            "image_id": 2,
            "caption": None,
            "credit": None,
        },
        "title": "图一",
        "text": "文字",
    }
    assert data["blocks"][5] == {"type": "list", "ordered": True, "items": ["一", "二"]}
    assert data["text"] == "a <b>\n粗斜链话\n\n小标题\n\n三级\n\n一\n二\n\n引文\n\n格"


def test_json_is_utf8_text() -> None:
    text = built().to_json()
    assert "小标题" in text and "\\u" not in text
    assert json.loads(text) == built().to_dict()
    assert built().to_json(indent=1).startswith('{\n "schema_version": 3')


def test_empty_article() -> None:
    article = dwparse.parse("")
    data = article.to_dict()
    assert data["blocks"] == [] and data["text"] == "" and data["lead_image"] is None
    assert [p["code"] for p in data["problems"]] == ["empty-input"]


HEAD = "<!--1722165425000-->\n[标题](https://www.dw.com/zh/x/a-1)\n---\n\n<div><i><br>2024-07-28T11:07:48.781Z</i></div>"


@pytest.mark.parametrize(
    "body",
    [
        "<h2>©2024</h2><p>x</p>",
        "<h2>DW中文有Instagram</h2>",
        '<h2><a href="https://example.com/">带链接的标题</a></h2>',
        '<p>©<a href="https://example.com/">x</a></p>',
        '<p>DW中文有Instagram！欢迎搜寻<a href="https://www.instagram.com/dw.chinese">dw.chinese</a></p>',
        '<p><em>（<a href="https://example.com/">法新社</a>）</em></p>',
        '<p><strong>粗<span data-id="3" data-type="AUTO_TOPIC">话题</span></strong></p><p>x</p>',
        '<p></p><img src="https://static.dw.com/image/9_1.jpg"><p>x</p>',
        '<div class="placeholder-image"><img data-id="77"></div><p>x</p>',
        '<p>x</p><div class="placeholder-image"><img data-id="78"></div><div><small>说明</small></div>',
        "<div><i><br>0005-01-01T00:00:00Z</i></div><p>x</p>",
    ],
)
def test_clean_files_found_in_review_round_trip(body: str) -> None:
    text = HEAD + body if not body.startswith("<div><i>") else HEAD.rsplit("<div>", 1)[0] + body
    article = dwparse.parse(text)
    assert article.problems == ()
    again = dwparse.parse(article.to_markdown())
    assert again.problems == ()
    assert again == article


@pytest.mark.parametrize(
    "body",
    [
        '<iframe src="https://example.com/x">a<b>x</b>&amp;</iframe><p>x</p>',
        '<div class="embed yt-wrapper"><iframe src="https://www.youtube.com/embed/x">降级 <p>文字</p></iframe></div>',
        "<div><xmp>q<b>r</b> &lt;</xmp></div><p>x</p>",
        "<div><noembed>z<i>y</i></noembed></div>",
        "<div><noframes>n<b>m</b></noframes></div>",
    ],
)
def test_raw_text_elements_are_written_back_as_read(body: str) -> None:
    """The content of <iframe>, <xmp>, <noembed> and <noframes> is raw text:
    written back escaped, it would read back as other text."""
    article = dwparse.parse(HEAD + body)
    again = dwparse.parse(article.to_markdown())
    assert again == article
    assert [getattr(block, "html", None) for block in again.blocks] == [
        getattr(block, "html", None) for block in article.blocks
    ]


@pytest.mark.parametrize("body", ["<p>&nbsp;</p>", "<p>\u3000</p>", "<div></div>", "<table></table>", "<h2><br></h2>", "<ul></ul>"])
def test_blocks_with_nothing_visible_are_dropped(body: str) -> None:
    assert dwparse.parse(HEAD + body + "<p>x</p>").blocks == (Paragraph("x", (TextRun("x"),)),)


def test_heading_holding_only_an_image_is_kept_raw() -> None:
    (block,) = dwparse.parse(HEAD + '<h2><img src="https://static.dw.com/image/1_2.jpg"></h2>').blocks
    assert isinstance(block, Raw)


# -- round trips an outside review found broken ------------------------------------------

_LINK = '<a href="https://www.dw.com/zh/y/a-2">链接</a>'
_TOPIC = '<span data-id="7" data-type="AUTO_TOPIC">话题</span>'
_IMG = '<img src="https://static.dw.com/image/5_303.jpg" width="100%">'


@pytest.mark.parametrize(
    "body",
    [
        _IMG + _IMG + _IMG + "<p>正文</p>",  # the same image three times
        _IMG + "<p>正文</p>" + _IMG + _IMG,
        f'<p>前<a href="https://www.dw.com/zh/y/a-2">{_TOPIC}</a>后</p>',  # a topic inside a link
        f'<p>前<span data-id="7" data-type="AUTO_TOPIC">{_LINK}</span>后</p>',  # a link inside a topic
        f"<p>正文</p>{_IMG}<div><small>说明{_LINK}</small></div>",  # a link in a caption
        f"{_IMG}<div><small>说明{_TOPIC}</small></div><p>正文</p>",  # a topic in the lead caption
        f"<h3>相关图集：图集</h3><div>{_IMG}<b>题</b>：文字{_LINK}</div>",  # a link in a gallery text
        f"<h3>相关图集：图集</h3><div>{_IMG}<b>题{_TOPIC}</b>：文字</div>",  # a topic in a picture title
    ],
)
def test_round_trips_of_nested_links_captions_and_repeated_images(body: str) -> None:
    head = "<!--1722165425000-->\n[t](https://www.dw.com/zh/x/a-1)\n---\n\n<div><i><br>2024-07-28T11:07:48Z</i></div>"
    article = dwparse.parse(head + body)
    assert article.problems == ()
    again = dwparse.parse(article.to_markdown())
    assert again == article
    assert (again.links, again.topics) == (article.links, article.topics)
