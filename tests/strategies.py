"""Hypothesis strategies: random Articles in the form parse() gives, and mutations.

``articles()`` builds an :class:`~dwparse.Article` as parse() would return it
for a clean file (normalised whitespace, merged runs, derived links, topics,
sources and copyright), so that ``parse(a.to_markdown()) == a`` can be asserted
for each. Its ids, URLs and targets are built from independent choices, not
computed by dwparse.

``mutations()`` draws edits of a real file: truncation, deleted, duplicated or
inserted tags, swapped lines, control characters, flipped bytes.
"""

from __future__ import annotations

from datetime import datetime, timedelta, timezone
from typing import Any

from hypothesis import strategies as st

from dwparse.model import BLOCK_TYPES
from dwparse.names import clean_name
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
    Link,
    LinkRun,
    ListBlock,
    Notice,
    Paragraph,
    Quote,
    Raw,
    TextRun,
    Topic,
    TopicRun,
)

UTC = timezone.utc

# Characters of generated text: Chinese, ASCII, full-width punctuation, and
# characters that need escaping. No whitespace (added as separators; U+00A0 and
# U+3000 collapse like spaces),
# no colons (gallery texts lose a leading one), no © (starts a copyright).
_CHARS = (
    "的一是在不了有和人这中大为上个国我以要他时来用们生到作地于出就分对成会可主发年动同工也能下过子说产种面而方后多定行学法所民得经"
    "德国之声中文网美日军事合作图集视频新闻"
    "abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789"
    ".,!?-_/'\"&<>*#[]()%;=+@$~`|{}^"
    "，。！？「」“”《》、（）；…—"
)
_word = st.text(alphabet=_CHARS, min_size=1, max_size=6).filter(lambda word: not word.isspace())


def _phrase(*, lines: bool = False) -> st.SearchStrategy[str]:
    separators = st.sampled_from([" ", "\n"] if lines else [" "])
    return st.lists(st.tuples(separators, _word), min_size=1, max_size=5).map(
        lambda parts: parts[0][1] + "".join(sep + word for sep, word in parts[1:])
    )


phrases = _phrase()
multiline_phrases = _phrase(lines=True)

_ids = st.integers(min_value=1, max_value=10**12)
_image_ids = st.integers(min_value=10**6, max_value=10**9)
_KINDS = {"a": "article", "av": "media", "video": "video", "audio": "audio", "g": "gallery", "live": "liveblog"}
_AGENCIES = ["法新社", "美联社", "路透社", "德新社", "彭博社", "美聯社", "共同社"]
_NOTICES = [
    ("promotion", "DW中文有Instagram！欢迎搜寻dw.chinese"),
    ("disclaimer", "德国之声致力于为您提供客观中和的新闻报道"),
    ("disclaimer", "德國之聲致力於為您提供客觀中和的新聞報道"),
    ("editorial-note", "本文摘编自其他媒体，不代表德国之声观点"),
    ("feed", "获取更多RSS："),
]


@st.composite
def images(draw: Any, *, captions: bool = True) -> Image:
    """A DW image behind one of the proxy forms, with or without caption."""
    image_id = draw(_image_ids)
    code = draw(st.sampled_from(["303", "302", "605", "401", "104"]))
    path = f"static.dw.com/image/{image_id}_{code}.jpg"
    src = draw(
        st.sampled_from(
            [
                f"https://images.weserv.nl/?url={path}",
                f"https://images.weserv.nl/?url=ssl:{path}",
                f"https://images.weserv.nl/?url=https%3A%2F%2F{path.replace('/', '%2F')}",
                f"https://images.weserv.nl/?url={path}&w=800",
                f"https://{path}",
                f"http://{path}",
                f"//{path}",
            ]
        )
    )
    caption = credit = None
    if captions:
        caption = draw(st.none() | phrases)
        credit = draw(st.none() | phrases)
    return Image(f"https://{path}", src, image_id, caption, credit)


@st.composite
def links(draw: Any) -> LinkRun:
    """A link to a DW item (API or page URL) or elsewhere."""
    text = draw(st.just("") | multiline_phrases)
    item_id = draw(_ids)
    form = draw(st.sampled_from(["api", "page", "external"]))
    if form == "api":
        kind = draw(st.sampled_from(["article", "video", "audio", "gallery"]))
        href, target = f"https://api.dw.com/api/detail/{kind}/{item_id}", (item_id, kind)
    elif form == "page":
        kind = draw(st.sampled_from(sorted(_KINDS)))
        href, target = f"https://www.dw.com/zh/标题-slug/{kind}-{item_id}", (item_id, _KINDS[kind])
    else:
        href, target = f"https://example.com/{item_id}?q=1&r=2", (None, None)
    rel = draw(st.none() | st.sampled_from(["ArticleRef", "VideoRef", "AudioRef", "GalleryRef"]))
    return LinkRun(text, href, rel, *target)


topic_runs = st.builds(
    TopicRun, multiline_phrases, st.integers(1, 10**9), st.sampled_from(["AUTO_TOPIC", "MANUAL_TOPIC"])
)
text_runs = st.builds(TextRun, multiline_phrases, st.booleans(), st.booleans())


def _merge(runs: list[Any]) -> tuple[Any, ...]:
    merged: list[Any] = []
    for run in runs:
        last = merged[-1] if merged else None
        if isinstance(run, TextRun) and isinstance(last, TextRun) and (last.strong, last.em) == (
            run.strong,
            run.em,
        ):
            merged[-1] = TextRun(last.text + run.text, run.strong, run.em)
        else:
            merged.append(run)
    return tuple(merged)


@st.composite
def paragraphs(draw: Any) -> Paragraph:
    """A paragraph that reads back as a paragraph: some plain text or a link or topic."""
    runs = draw(st.lists(st.one_of(text_runs, links(), topic_runs), min_size=1, max_size=6))
    if not any(isinstance(run, (LinkRun, TopicRun)) or not (run.strong or run.em) for run in runs):
        runs.append(TextRun(draw(phrases)))
    inlines = _merge(runs)
    text = "".join(run.text for run in inlines)
    if text[:1] in "（(" and text[-1:] in "）)":  # might name agencies only: a credit
        inlines = _merge([*inlines, TextRun("。")])
        text += "。"
    return Paragraph(text, inlines)


@st.composite
def galleries(draw: Any) -> Gallery:
    items = draw(
        st.lists(
            st.builds(GalleryItem, images(captions=False), st.none() | phrases, st.just("") | phrases),
            min_size=0,
            max_size=4,
        )
    )
    title = draw(phrases) if not items else draw(st.none() | phrases)
    return Gallery(title, tuple(items))


@st.composite
def raws(draw: Any) -> Raw:
    from html import escape

    text = draw(phrases)
    html, shown = draw(
        st.sampled_from(
            [
                (f"<table><tr><td>{escape(text, quote=False)}</td></tr></table>", text),
                (f"<figure><figcaption>{escape(text, quote=False)}</figcaption></figure>", text),
                (f"<section><p>{escape(text, quote=False)}</p></section>", text),
            ]
        )
    )
    return Raw(html, shown)


@st.composite
def embeds(draw: Any) -> Embed:
    """An embed in one of the forms of the format, with the fields it must give."""
    number = draw(st.integers(1, 10**12))
    media = f"https://tvdownloaddw-a.akamaihd.net/dwtv_video/flv/zh/{number}_sd_avc.mp4"
    poster = f"https://static.dw.com/image/{number}_605.jpg"
    youtube = f"https://www.youtube-nocookie.com/embed/v{number}"
    other = f"https://datawrapper.dwcdn.net/c{number}/1/"
    text = draw(phrases).replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;")
    forms = [
        (
            "video", media, Image(poster, poster, number), None,
            f'<video controls="" poster="{poster}"><source src="{media}" type="video/mp4"></video>',
        ),
        ("audio", media, None, None, f'<audio controls=""><source src="{media}"></audio>'),
        ("youtube", youtube, None, None, f'<iframe src="{youtube}"></iframe>'),
        ("iframe", other, None, None, f'<p><iframe data-src="{other}"></iframe></p>'),
        (
            "youtube", youtube, None, None,
            f'<div class="embed yt-wrapper"><iframe data-src="{youtube}"></iframe><p>{text}</p></div>',
        ),
        ("tweet", None, None, number, f'<div class="embed tweet" data-id="{number}"><p>{text}</p></div>'),
        ("widget", None, None, number, f'<div class="embed dw-widget" data-id="{number}"></div>'),
    ]  # fmt: skip
    return Embed(*draw(st.sampled_from(forms)))


# Author names: no name separators, parentheses or spaces at their ends.
_NAME_CHARS = "".join(char for char in _CHARS if char not in ",，、;；()（）\u00a0\u3000")
author_names = st.lists(
    st.text(alphabet=_NAME_CHARS + " ", min_size=1, max_size=8)
    .map(lambda name: " ".join(name.split()))
    .filter(lambda name: bool(name) and clean_name(name) == name),  # no "null", label or note
    max_size=3,
    unique=True,
).map(tuple)


credits = st.lists(st.sampled_from(_AGENCIES), min_size=1, max_size=3, unique=True).map(
    lambda names: Credit("（" + "、".join(names) + "）", tuple(names))
)

#: A strategy for each block type: blocks exactly as parse() reads them back.
#: ``blocks`` draws from all of them; a test checks that every type of
#: ``dwparse.Block`` has one.
BLOCK_STRATEGIES: dict[type, st.SearchStrategy[Any]] = {
    Paragraph: paragraphs(),
    Heading: st.builds(Heading, multiline_phrases, st.sampled_from([2, 3, 4])),
    ImageBlock: st.builds(ImageBlock, images()),
    Gallery: galleries(),
    ListBlock: st.builds(ListBlock, st.booleans(), st.lists(phrases, min_size=1, max_size=4).map(tuple)),
    Quote: st.builds(Quote, multiline_phrases),
    Credit: credits,
    Copyright: phrases.map(lambda text: Copyright("© " + text)),
    Notice: st.builds(lambda notice, text: Notice(notice[0], notice[1] + text), st.sampled_from(_NOTICES), phrases),
    Embed: embeds(),
    Raw: raws(),
}

blocks = st.one_of(*(BLOCK_STRATEGIES[kind] for kind in BLOCK_TYPES if kind in BLOCK_STRATEGIES))


_SPACER = Paragraph("隔开", (TextRun("隔开"),))


def _readable_order(items: list[Any], lead: Image | None) -> list[Any]:
    """``items`` with a paragraph put where parse() would read blocks otherwise."""
    out: list[Any] = []
    for item in items:
        if not out and lead is None and isinstance(item, ImageBlock):
            out.append(_SPACER)  # else it would be read as the lead image
        if out and isinstance(out[-1], Gallery) and isinstance(item, Gallery) and item.title is None:
            out.append(_SPACER)  # else its pictures would join the gallery before
        out.append(item)
    return out


_moments = st.datetimes(
    min_value=datetime(2000, 1, 1), max_value=datetime(2035, 1, 1), timezones=st.just(UTC)
)
titles = st.text(alphabet=_CHARS + "\\", min_size=1, max_size=30).map(str.strip).filter(bool)


@st.composite
def articles(draw: Any) -> Article:
    """A clean article exactly as parse() would read it back."""
    lead = draw(st.none() | images())
    body = draw(st.lists(blocks, max_size=8))
    # Images of the body that repeat the lead image may be dropped by parse().
    if lead is not None:
        body = [b for b in body if not (isinstance(b, ImageBlock) and b.image.image_id == lead.image_id)]
    body = _readable_order(body, lead)
    kind = draw(st.sampled_from(sorted(_KINDS)))
    article_id = draw(_ids)
    language = draw(st.sampled_from(["zh", "zh-hant"]))
    authors = draw(author_names)
    archived = draw(_moments)
    archived = archived.replace(microsecond=archived.microsecond // 1000 * 1000)
    link_list = [
        Link(run.text.strip(" \n"), run.href, run.rel, run.target_id, run.target_type)
        for block in body
        if isinstance(block, Paragraph)
        for run in block.inlines
        if isinstance(run, LinkRun)
    ]
    topics: dict[int, Topic] = {}
    for block in body:
        if isinstance(block, Paragraph):
            for run in block.inlines:
                if isinstance(run, TopicRun) and run.topic_id not in topics:
                    topics[run.topic_id] = Topic(run.text.strip(" \n"), run.topic_id, run.topic_type)
    return Article(
        archived_at=archived,
        title=draw(titles),
        url=f"https://www.dw.com/{language}/标题/{kind}-{article_id}?maca=zh-rss",
        article_id=article_id,
        content_type=_KINDS[kind],
        language=language,
        published_at=draw(_moments) - timedelta(minutes=draw(st.integers(0, 60))),
        byline=", ".join(authors) or None,
        authors=authors,
        lead_image=lead,
        blocks=tuple(body),
        links=tuple(link_list),
        topics=tuple(topics.values()),
    )


# -- mutations of real files ------------------------------------------------------

_TAGS = [
    "<p>", "</p>", "<div>", "</div>", "<b>", "</b>", "<strong>", "</strong>", "<em>", "</em>", "<br>",
    "<h3>", "</h3>", "<img src=\"https://static.dw.com/image/1_302.jpg\">", "<ul>", "<li>", "</ul>",
    '<a href="https://www.dw.com/zh/x/a-1">', "</a>", '<span data-id="5" data-type="AUTO_TOPIC">', "</span>",
    "<table><tr><td>", "</td></tr></table>", "<blockquote>", "</blockquote>", "<div><small>", "</small></div>",
    "相关图集：", "<h3>相关图集：", "<!--", "-->", "[", "](", ")", "\n", "\r\n", "------\n", "&amp;", "&#",
]
_CONTROLS = ["\x00", "\x01", "\x08", "\x0b", "\x1b", "\x7f", "\x85", "\x9f", "\ufffe", "\ufeff"]


@st.composite
def mutations(draw: Any, data: bytes) -> bytes:
    """``data`` with one to five random edits."""
    out = bytearray(data)
    for _ in range(draw(st.integers(1, 5))):
        where = draw(st.integers(0, len(out)))
        kind = draw(st.sampled_from(["truncate", "delete-tag", "duplicate-tag", "insert", "swap-lines", "control", "flip"]))
        if kind == "truncate":
            del out[where:]
        elif kind in ("delete-tag", "duplicate-tag"):
            start = out.find(b"<", where)
            end = out.find(b">", start)
            if start >= 0 and end >= 0:
                tag = bytes(out[start : end + 1])
                out[start : end + 1] = b"" if kind == "delete-tag" else tag + tag
        elif kind == "insert":
            out[where:where] = draw(st.sampled_from(_TAGS)).encode()
        elif kind == "swap-lines":
            lines = bytes(out).split(b"\n")
            i, j = draw(st.integers(0, len(lines) - 1)), draw(st.integers(0, len(lines) - 1))
            lines[i], lines[j] = lines[j], lines[i]
            out = bytearray(b"\n".join(lines))
        elif kind == "control":
            out[where:where] = draw(st.sampled_from(_CONTROLS)).encode()
        elif out:
            at = min(where, len(out) - 1)
            out[at] ^= 1 << draw(st.integers(0, 7))
    return bytes(out)


# -- large inputs: deep nesting, long runs, huge attributes ----------------------------

_OPENERS = ["<div>", "<b>", "<span>", '<div title="<">', "<p>", "<em>", '<span data-id="5" data-type="AUTO_TOPIC">', "<li>"]


@st.composite
def large_bodies(draw: Any) -> tuple[str, str]:
    """An archive file whose body is large in one way, and a word it holds
    that must come out (text placed after the large part)."""
    marker = "标记" + str(draw(st.integers(0, 999)))
    kind = draw(st.sampled_from(["nesting", "run", "attributes", "entities", "brs"]))
    size = draw(st.integers(500, 3000))
    if kind == "nesting":
        opener = draw(st.sampled_from(_OPENERS))
        large = opener * size
    elif kind == "run":
        large = "<p>" + draw(st.sampled_from(["字", "a", " ", "<", "&", "（"])) * (size * 50) + "</p>"
    elif kind == "attributes":
        large = "<p " + " ".join(f'x{i}="{i}"' for i in range(size)) + ">前</p>"
    elif kind == "entities":
        large = "<p>" + draw(st.sampled_from(["&#5;", "&nbsp;", "&amp;", "&#x4e2d;"])) * size + "</p>"
    else:
        large = "<p>" + "<br>" * size + "</p>"
    head = "<!--1722165425000-->\n[t](https://www.dw.com/zh/x/a-1)\n---\n\n<div><i><br>2024-07-28T11:07:48Z</i></div>"
    return head + large + f"<p>{marker}</p>", marker
