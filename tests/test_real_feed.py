"""What the real feed adds to the seed's form: authors, embeds, Latin credits, interviews."""

from __future__ import annotations

from datetime import datetime, timezone

import pytest

import dwparse
from dwparse import Credit, Embed, Gallery, Heading, Paragraph, Raw
from helpers import HEAD, article, codes

TIME = "2025-05-20T12:56:04.930Z"
PUBLISHED = datetime(2025, 5, 20, 12, 56, 4, 930000, tzinfo=timezone.utc)
LEAD = (
    '<img src="https://images.weserv.nl/?url=static.dw.com/image/72600001_303.jpg" width="100%">'
    '<div><small style="color: #999;">图片说明</small></div>'
)
TEXT = "<p>（德国之声中文网）正文。</p>"


def with_line(line: str, rest: str = LEAD + TEXT) -> dwparse.Article:
    return dwparse.parse(HEAD + f"<div><i>{line}</i></div>" + rest)


# -- authors in the time line -----------------------------------------------------


@pytest.mark.parametrize(
    ("line", "authors"),
    [
        (f"<br>{TIME}", ()),
        (f"德正<br>{TIME}", ("德正",)),
        (f"William Yang<br>{TIME}", ("William Yang",)),
        (f"德正, 德才<br>{TIME}", ("德正", "德才")),
        (f"德正、长平<br>{TIME}", ("德正", "长平")),
        (f"德正，长平；William Yang;德才<br>{TIME}", ("德正", "长平", "William Yang", "德才")),
        (f"苗子（摘编）<br>{TIME}", ("苗子",)),  # schema 3: notes are not names
        (f"苗子（摘编、编译）, 德正<br>{TIME}", ("苗子", "德正")),
        (f"苗子(摘编, 编译)<br>{TIME}", ("苗子",)),
        (f" 德正 ,  长平 <br> {TIME} ", ("德正", "长平")),
        (f"德正, 德正<br>{TIME}", ("德正",)),
        (f"德正<br>长平<br>{TIME}", ("德正", "长平")),
        (f"<b>德正</b><br>{TIME}", ("德正",)),
        (f"德正&amp;长平<br>{TIME}", ("德正&长平",)),
        (f"德正 {TIME}", ("德正",)),
    ],
)
def test_time_line_names_authors(line: str, authors: tuple[str, ...]) -> None:
    parsed = with_line(line)
    assert parsed.authors == authors
    assert parsed.published_at == PUBLISHED
    assert parsed.lead_image is not None and parsed.lead_image.image_id == 72600001
    assert parsed.lead_image.caption == "图片说明"
    assert parsed.problems == ()
    assert [block.TYPE for block in parsed.blocks] == ["paragraph"]
    assert parsed.text == "（德国之声中文网）正文。"


def test_author_line_keeps_an_offset_time() -> None:
    parsed = with_line("长平<br>2025-05-20T20:56:04+08:00")
    assert parsed.authors == ("长平",)
    assert parsed.published_at == datetime(2025, 5, 20, 12, 56, 4, tzinfo=timezone.utc)


def test_author_line_without_a_time_is_reported() -> None:
    parsed = with_line("德正<br>")
    assert parsed.authors == ("德正",)
    assert parsed.published_at is None
    assert codes(parsed) == ["date-missing"]
    assert (parsed.problems[0].line, parsed.problems[0].column) == (5, 1)
    assert parsed.lead_image is not None
    assert "德正" not in parsed.text


def test_author_line_with_a_bad_time_keeps_the_line() -> None:
    parsed = with_line("德正<br>昨天下午")
    assert parsed.authors == ("德正",)
    assert codes(parsed) == ["date-invalid"]
    assert parsed.problems[0].column == len("<div><i>德正<br>") + 1
    assert isinstance(parsed.blocks[0], Raw) and "昨天下午" in parsed.blocks[0].text
    assert parsed.lead_image is not None


def test_a_line_with_an_image_is_not_the_time_line() -> None:
    parsed = with_line(f'德正<img src="x.jpg"><br>{TIME}')
    assert parsed.published_at is None and codes(parsed)[0] == "date-missing"
    assert 'src="x.jpg"' in parsed.blocks[0].html  # type: ignore[union-attr]


@pytest.mark.parametrize(
    ("closing", "authors", "sources"),
    [
        ("<p><em>（作者：William Yang，法新社）</em></p>", ("德正", "William Yang"), ("法新社",)),
        ("<p><em>（作者：德正，美联社）</em></p>", ("德正",), ("美联社",)),
        ("<p><em>（法新社、路透社；作者：长平、德才）</em></p>", ("德正", "长平", "德才"), ("法新社", "路透社")),
        ("<p><em>（作者：长平；编辑：苗子）</em></p>", ("德正", "长平"), ()),
        ("<p>作者：长平</p>", ("德正", "长平"), ()),
        ("<p>（作者：长平）</p>", ("德正", "长平"), ()),
        ("<p>作者认为，这是一个长期问题。</p>", ("德正",), ()),
    ],
)
def test_author_lines_add_names(closing: str, authors: tuple[str, ...], sources: tuple[str, ...]) -> None:
    parsed = with_line(f"德正<br>{TIME}", LEAD + TEXT + closing)
    assert parsed.authors == authors
    assert parsed.sources == sources
    assert parsed.problems == ()


def test_authors_are_written_back() -> None:
    parsed = with_line(f"苗子（摘编、编译）, William Yang<br>{TIME}", LEAD + TEXT + "<p><em>（作者：长平，法新社）</em></p>")
    markdown = parsed.to_markdown()
    assert f"<div><i>苗子（摘编、编译）, William Yang<br>{TIME[:-1]}000Z</i></div>" in markdown  # the byline
    assert dwparse.parse(markdown) == parsed
    assert parsed.to_dict()["byline"] == "苗子（摘编、编译）, William Yang"
    assert parsed.to_dict()["authors"] == ["苗子", "William Yang", "长平"]


# -- embeds ----------------------------------------------------------------------

MP4 = "https://tvdownloaddw-a.akamaihd.net/dwtv_video/flv/zh/zh250520_sd_avc.mp4"
M3U8 = "https://dwhlsondemand-vh.akamaihd.net/i/dwtv_video/flv/zh/zh250520,sor,avc,.mp4.csmil/master.m3u8"


@pytest.mark.parametrize(
    ("html", "kind", "url", "poster_id", "target_id"),
    [
        (
            f'<video controls poster="https://static.dw.com/image/72600002_605.jpg">'
            f'<source src="{M3U8}" type="application/x-mpegURL"><source src="{MP4}" type="video/mp4"></video>',
            "video", M3U8, 72600002, None,
        ),
        (f'<video src="{MP4}" controls></video>', "video", MP4, None, None),
        ('<audio controls><source src="https://x.example/a.mp3" type="audio/mpeg"></audio>', "audio",
         "https://x.example/a.mp3", None, None),
        ('<iframe src="https://www.youtube.com/embed/Ab1"></iframe>', "youtube", "https://www.youtube.com/embed/Ab1",
         None, None),
        ('<iframe data-src="https://www.youtube-nocookie.com/embed/Ab1"></iframe>', "youtube",
         "https://www.youtube-nocookie.com/embed/Ab1", None, None),
        ('<iframe src="https://youtu.be/Ab1"></iframe>', "youtube", "https://youtu.be/Ab1", None, None),
        ('<iframe src="https://notyoutube.com/embed/Ab1"></iframe>', "iframe", "https://notyoutube.com/embed/Ab1",
         None, None),
        ('<iframe src="https://datawrapper.dwcdn.net/AbC/1/"></iframe>', "iframe",
         "https://datawrapper.dwcdn.net/AbC/1/", None, None),
        ('<p><iframe src="https://www.youtube.com/embed/Ab1"></iframe></p>', "youtube",
         "https://www.youtube.com/embed/Ab1", None, None),
        (f'<figure><video src="{MP4}"></video></figure>', "video", MP4, None, None),
        (
            f'<div class="embed vjs-wrapper"><video data-posterurl="https://static.dw.com/image/72600003_302.jpg" '
            f'controls="" preload="none"><source src="{MP4}" type="video/mp4"></video><p>视频：说明</p></div>',
            "video", MP4, 72600003, None,
        ),
        ('<div class="embed vjs-wrapper"><audio><source src="https://x.example/a.mp3"></audio></div>', "audio",
         "https://x.example/a.mp3", None, None),
        ('<div class="embed yt-wrapper"><iframe data-src="https://www.youtube.com/embed/Ab1"></iframe></div>',
         "youtube", "https://www.youtube.com/embed/Ab1", None, None),
        ('<div class="embed tweet" data-id="1925012345678901234"><blockquote><p>推文</p></blockquote></div>',
         "tweet", None, None, 1925012345678901234),
        ('<div class="embed image-gallery" data-id="72600004"><p>图集：标题</p></div>', "gallery", None, None,
         72600004),
        ('<div class="embed dw-widget" data-id="72600005" data-type="infographic"></div>', "widget", None, None,
         72600005),
        ('<div class="embed instagram" data-id="x1"></div>', "instagram", None, None, None),
        ('<div class="embed tweet" data-id="99999999999999999999"></div>', "tweet", None, None, None),
    ],
)  # fmt: skip
def test_embeds(html: str, kind: str, url: str | None, poster_id: int | None, target_id: int | None) -> None:
    parsed = article(TEXT + html + TEXT)
    assert parsed.problems == ()
    assert [block.TYPE for block in parsed.blocks] == ["paragraph", "embed", "paragraph"]
    embed = parsed.blocks[1]
    assert isinstance(embed, Embed)
    assert (embed.kind, embed.url, embed.target_id) == (kind, url, target_id)
    assert (embed.poster.image_id if embed.poster else None) == poster_id
    assert embed.html.startswith("<" + html[1:4]) and embed.html.count("<") == html.count("<")
    assert parsed.text == "（德国之声中文网）正文。\n\n（德国之声中文网）正文。"
    assert dwparse.parse(parsed.to_markdown()) == parsed


def test_embed_json_and_its_links() -> None:
    tweet = (
        '<div class="embed tweet" data-id="7"><blockquote><p>推文 '
        '<a href="https://twitter.com/x/status/7">2025年5月20日</a></p></blockquote></div>'
    )
    parsed = article(tweet)
    assert parsed.to_dict()["blocks"] == [
        {"type": "embed", "kind": "tweet", "url": None, "poster": None, "target_id": 7, "html": tweet}
    ]
    assert [link.href for link in parsed.links] == ["https://twitter.com/x/status/7"]


def test_a_video_item() -> None:
    parsed = dwparse.parse(
        "<!--1747745764930-->\n[[视频]标题](https://www.dw.com/zh/x/video-72600010)\n------\n\n"
        f"<div><i>德才<br>{TIME}</i></div>"
        f'<video controls poster="https://static.dw.com/image/72600011_605.jpg"><source src="{M3U8}"></video>'
        "<p>视频说明。</p>"
    )
    assert parsed.problems == ()
    assert (parsed.content_type, parsed.authors, parsed.published_at) == ("video", ("德才",), PUBLISHED)
    assert [block.TYPE for block in parsed.blocks] == ["embed", "paragraph"]
    assert parsed.text == "视频说明。"


# -- media inside other blocks -----------------------------------------------------


@pytest.mark.parametrize(
    ("html", "text", "media"),
    [
        ('<h2>能源转型<img src="https://static.dw.com/image/1_302.jpg"></h2>', "能源转型", "<img"),
        ('<h3>标题<iframe src="https://x.example/"></iframe></h3>', "标题", "<iframe"),
        ('<ul><li>一</li><li>二<video src="v.mp4"></video></li></ul>', "一\n二", "<video"),
        ('<ol><li>一<img src="a.jpg"></li></ol>', "一", "<img"),
        ('<blockquote>引语<iframe src="https://x.example/"></iframe></blockquote>', "引语", "<iframe"),
        ('<div><small>说明<img src="a.jpg"></small></div>', "说明", "<img"),
        ('<div class="placeholder-image"><img data-id="1"><img data-id="2"></div>', "", 'data-id="2"'),
        ('<span>文字<img src="a.jpg"></span>', "文字", "<img"),
        ('<p>视频：<iframe src="https://x.example/"></iframe></p>', "视频：", "<iframe"),
    ],
)
def test_media_inside_a_block_keeps_the_block_whole(html: str, text: str, media: str) -> None:
    parsed = article(TEXT + html)
    assert parsed.problems == ()
    block = parsed.blocks[-1]
    assert isinstance(block, Raw)
    assert block.text == text and media in block.html


def test_a_gallery_picture_with_a_second_image_ends_the_gallery() -> None:
    picture = '<div><img src="https://static.dw.com/image/{}_303.jpg"><b>{}</b>：文字</div>'
    parsed = article(
        "<h3>相关图集：图集</h3>" + picture.format(1, "一") + picture.format(2, "二").replace("<b>", '<img src="c.jpg"><b>')
    )
    gallery, raw = parsed.blocks
    assert isinstance(gallery, Gallery) and [p.title for p in gallery.pictures] == ["一"]
    assert isinstance(raw, Raw) and 'src="c.jpg"' in raw.html and raw.text == "二：文字"


# -- credits, interviews, link lines, notes ---------------------------------------------


@pytest.mark.parametrize(
    ("html", "sources"),
    [
        ("<p><em>（RTR, AFP）</em></p>", ("RTR", "AFP")),
        ("<p><em>(dpa, AP)</em></p>", ("dpa", "AP")),
        ("<p><em>（Reuters，法新社）</em></p>", ("Reuters", "法新社")),
        ("<p><em>（中央社、Bloomberg）</em></p>", ("中央社", "Bloomberg")),
        ("<p><em>（KNA/epd)</em></p>", ("KNA", "epd")),
        ("<p>（法新社、美联社）</p>", ("法新社", "美联社")),
        ("<p>(KNA, epd)</p>", ("KNA", "epd")),
        ("<p><b>（RTR）</b></p>", ("RTR",)),
        ("<p><em>（综合报道）</em></p>", ()),
    ],
)
def test_credits(html: str, sources: tuple[str, ...]) -> None:
    parsed = article(TEXT + html)
    assert isinstance(parsed.blocks[-1], Credit)
    assert parsed.blocks[-1].sources == parsed.sources == sources
    assert parsed.text == "（德国之声中文网）正文。"


@pytest.mark.parametrize(
    ("html", "kind"),
    [
        ("<p>（综合报道）</p>", "credit"),  # schema 3: a note credits no one, but is a credit line
        ("<p>（法新社报道说，会谈很顺利）</p>", "paragraph"),
        ("<p><em>（本文摘编自其他媒体，不代表德国之声观点。）</em></p>", "notice"),
        ("<p><em>本文摘编自其他媒体，不代表德国之声观点。</em></p>", "notice"),
    ],
)
def test_notes_in_parentheses_name_no_source(html: str, kind: str) -> None:
    parsed = article(html)
    assert parsed.blocks[0].TYPE == kind
    assert parsed.sources == () and parsed.text == ("（法新社报道说，会谈很顺利）" if kind == "paragraph" else "")


def test_interview_link_lines_and_notes_are_paragraphs() -> None:
    ref = '<a href="https://api.dw.com/api/detail/article/72600020" rel="ArticleRef">{}</a>'
    parsed = article(
        "<p><strong>德国之声：</strong>您怎么看？</p>"
        "<p>舒孝煌：这是一个<b>长期</b>问题。</p>"
        "<p><strong>德国之声：北京会怎么回应？</strong></p>"
        "<p><strong>德國之聲：台北呢？</strong></p>"
        f"<p>更多内容：{ref.format('相关报道')}</p>"
        f"<p>{ref.format('另一篇报道')}</p>"
        "<p><em>本文摘编自其他媒体，不代表德国之声观点。</em></p>"
    )
    assert all(isinstance(block, Paragraph) for block in parsed.blocks[:-1]), parsed.blocks
    assert len(parsed.blocks) == 7 and parsed.blocks[-1] == dwparse.Notice("editorial-note", "本文摘编自其他媒体，不代表德国之声观点。")
    assert [(link.text, link.target_id) for link in parsed.links] == [("相关报道", 72600020), ("另一篇报道", 72600020)]
    assert "德国之声：北京会怎么回应？" in parsed.text
    assert isinstance(article("<p><strong>舒孝煌的观点</strong></p>").blocks[0], Heading)


@pytest.mark.parametrize("opening", ["<p><strong>相关图集：图集</strong></p>", "<h2>相关图集：图集</h2>", "<h4>相關圖集:图集</h4>"])
def test_every_gallery_label_opens_a_titled_gallery(opening: str) -> None:
    parsed = article(opening + '<div><img src="https://static.dw.com/image/1_303.jpg"><b>一</b>：文字</div>')
    assert [block.TYPE for block in parsed.blocks] == ["gallery"]
    assert parsed.blocks[0].title == "图集"  # type: ignore[union-attr]


# -- corners found by review -------------------------------------------------------------


def test_links_and_topics_in_the_time_line_are_listed() -> None:
    parsed = with_line(
        f'<a href="https://www.dw.com/zh/x/a-123">德正</a>、'
        f'<span data-id="9" data-type="AUTO_TOPIC">长平</span><br>{TIME}'
    )
    assert parsed.authors == ("德正", "长平")
    assert [(link.text, link.target_id) for link in parsed.links] == [("德正", 123)]
    assert [(topic.name, topic.topic_id) for topic in parsed.topics] == [("长平", 9)]
    assert parsed.problems == ()


@pytest.mark.parametrize(
    ("line", "authors", "published", "problems"),
    [
        (f"德正<br>{TIME}<br>", ("德正",), PUBLISHED, []),
        (f"德正&nbsp;{TIME}", ("德正",), PUBLISHED, []),
        (f"\u200b<br>{TIME}", (), PUBLISHED, []),
        ("Cohort 2024", (), None, ["date-invalid"]),
        ("", (), None, ["date-missing"]),
        ("德正<br>长平<br>", ("德正", "长平"), None, ["date-missing"]),
    ],
)
def test_time_line_corners(line: str, authors: tuple[str, ...], published: datetime | None, problems: list[str]) -> None:
    parsed = with_line(line)
    assert (parsed.authors, parsed.published_at, codes(parsed)) == (authors, published, problems)


@pytest.mark.parametrize(
    ("byline", "authors"),
    [
        ("苗子（摘编, 德正", ("苗子（摘编, 德正",)),  # a parenthesis left open: no split inside it
        ("a（b, c）d", ("a d",)),  # a note inside a name goes
        ("甲, 乙", ("甲", "乙")),
        ("William Yang, 德正（摘编、编译）", ("William Yang", "德正")),
        ("null 杜宗熹", ("杜宗熹",)),
        ("采访记者： William Yang", ("William Yang",)),
        ("李鱼 综合报导", ("李鱼",)),
        ("甲\n乙", ("甲", "乙")),
    ],
)
def test_any_byline_is_written_back_so_that_it_reads_the_same(byline: str, authors: tuple[str, ...]) -> None:
    parsed = with_line(byline.replace("\n", "<br>") + f"<br>{TIME}")
    assert (parsed.byline, parsed.authors) == (byline, authors)
    assert dwparse.parse(parsed.to_markdown()) == parsed


@pytest.mark.parametrize(
    ("closing", "block", "authors", "sources"),
    [
        ("<p><em>（法新社、美联社）作者：长平</em></p>", "credit", ("长平",), ("法新社", "美联社")),
        ("<p><em>（法新社、美联社）<br>作者：长平</em></p>", "credit", ("长平",), ("法新社", "美联社")),
        ("<p>（法新社、美联社）作者：苗子（摘编）</p>", "credit", ("苗子（摘编）",), ("法新社", "美联社")),
        ("<p><em>作者：长平（法新社、美联社）</em></p>", "credit", ("长平",), ("法新社", "美联社")),
        ("<p><em>（作者：王明 编辑：李华）</em></p>", "credit", ("王明",), ()),
        ("<p>作者：德正｜编辑：长平</p>", "paragraph", ("德正",), ()),
        ("<p>作者：德正 / 编辑：长平</p>", "paragraph", ("德正",), ()),
        ("<p><strong>作者：德正</strong></p>", "paragraph", ("德正",), ()),
        ("<p>作者：我认为这个说法有问题，但也有道理</p>", "paragraph", (), ()),
        ("<p><em>（法新社）（美联社）</em></p>", "credit", (), ("法新社", "美联社")),
        ("<p>（合作社）</p>", "credit", (), ("合作社",)),  # schema 3: institutions are sources
    ],
)
def test_credit_and_author_line_forms(
    closing: str, block: str, authors: tuple[str, ...], sources: tuple[str, ...]
) -> None:
    parsed = article(TEXT + closing)
    assert (parsed.blocks[-1].TYPE, parsed.authors, parsed.sources) == (block, authors, sources)
    assert dwparse.parse(parsed.to_markdown()) == parsed


@pytest.mark.parametrize(
    "question",
    ["德国之声中文网：问题？", "德國之聲中文網：问题？", "德国之声记者：问题？", "DW中文：问题？", "问：问题？", "dw：问题？", "德国之声&nbsp;：问题？"],
)
def test_interviewer_questions_in_bold_are_paragraphs(question: str) -> None:
    assert isinstance(article(f"<p><strong>{question}</strong></p>").blocks[0], Paragraph)


@pytest.mark.parametrize("media", ['<video src="a.mp4"></video>', '<iframe src="https://x.example/"></iframe>'])
def test_a_placeholder_without_an_image_is_not_an_image(media: str) -> None:
    parsed = article(TEXT + f'<div class="placeholder-image">{media}</div>')
    block = parsed.blocks[-1]
    assert isinstance(block, Embed) and block.url is not None and block.url in media


def test_a_player_that_swallows_the_rest_keeps_its_text() -> None:
    # An unclosed <audio> before another: lxml puts what follows inside it.
    parsed = article('<audio controls><audio controls><source src="a.mp3"></audio><p>第一段。</p><p>第二段。</p>')
    assert "第一段。" in parsed.text and "第二段。" in parsed.text
