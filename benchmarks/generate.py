"""A deterministic generator of realistic archive files, for benchmarks.

    .venv/bin/python benchmarks/generate.py 1000 /tmp/dw-1k [--seed 1]
    .venv/bin/python benchmarks/generate.py 1000 /tmp/dw-1k --skew --rearchived 50 --damaged 5% --suffix .txt

Each file is built from the constructs of the format description, in varied
lengths and variants: header forms, authors in the time line, simplified and
traditional articles, the image proxy forms, paragraphs with links, topics and
formatting, headings, galleries, body images, DW placeholders and embeds,
lists, quotes, tables, credits, notices, copyright lines, and now and then
CRLF line ends and a multi-line body. The same seed always gives the same files.

Without the options below the output is what it always was: ``COUNT`` clean
files ``gen-000000.md`` … for ``generate(count, folder, seed=...)`` and for the
command with only ``--seed``, byte for byte. Each option is off by default and
independent of the others:

``--skew`` (``skew=True``), ``--skew-exponent S`` (``skew=S``; 1.0 by default)
    Draws topics, linked articles, authors and sources (the agencies of the
    credit line) from fixed pools of the corpus, rank ``r`` weighted
    ``1 / r**S`` (Zipf-like): a few topics and linked articles appear in many
    articles, most in one or two, so "top topics", "most-linked articles",
    "top sources" and "top authors" give meaningful counts. Publication times
    spread over 2019-2024 with uneven months (a slow rise, noise and a few
    months of big news), so "articles per month" varies. A topic id always has
    the same name, a linked id the same link text; about half the linked ids
    are articles of the corpus itself (``60000000 + n``). It changes the
    clean files (another stream of draws), so it is off unless asked for.
``--rearchived N`` (``rearchived=N``)
    Adds ``N`` re-archived copies: an article of the corpus (same
    ``{kind}-{id}`` in the title URL, same publication time) archived again
    later, with a newer ``<!--millis-->`` header (an hour to 400 days later),
    the title now and then reworded (and its slug with it) and now and then a
    paragraph added before the credit line. An article may be re-archived more
    than once; each copy is newer than the one before. Copies parse without
    problems, like the clean files.
``--damaged N`` or ``--damaged F`` / ``P%`` (``damaged=N`` or a float)
    Adds ``N`` damaged files (a float ``F`` in 0..1 or ``P%`` is a fraction of
    ``COUNT``: ``0.05``, ``5%``), each a new article of its own id with one
    realistic damage that dwparse reports as a problem: a download cut inside a
    tag or inside the text (as bytes, also inside a character), an inline tag
    left unclosed, an attribute's quote left open, a comment never closed, an
    impossible publication time, bytes that are not UTF-8 (stray bytes, a cut
    character, a GBK paragraph), control characters, a missing or cut title
    line, a header the archiver could not fill (``<!--NaN-->``), or a file cut
    after its header or title (or empty).
``--suffix .txt`` (``suffix=".txt"``)
    The names' ending (``.md`` by default), as real feed files are ``.txt``.

The files are numbered in that order: ``COUNT`` clean articles first (the same
files as without ``--rearchived``/``--damaged``), then the re-archived
copies, then the damaged files. ``generate()`` returns their paths;
``generate_corpus()`` returns a :class:`GeneratedFile` for each, saying which
kind it is, its article id, its damage and the file it copies (``DAMAGES``
names the kinds of damage). The copies, the damaged files and the skew's
pools each draw from a random stream of their own, derived from the seed, so
adding copies or damaged files leaves the clean files as they were; with
``--skew`` the damaged articles are skewed too.
"""

from __future__ import annotations

import argparse
import random
import re
from collections.abc import Sequence
from dataclasses import dataclass
from datetime import datetime, timedelta, timezone
from itertools import accumulate
from pathlib import Path
from typing import Any
from urllib.parse import quote

_HANZI = (
    "的一是在不了有和人这中大为上个国我以要他时来用们生到作地于出就分对成会可主发年动同工也能下过子说产种面而方后多定行学法所"
    "民得经十三之进着等部度家电力里如水化高自二理起小物现实加量都两体制机当使点从业本去把性好应开它合还因由其些然前外天政四日"
    "那社义事平形相全表间样与关各重新线内数正心反你明看原又么利比或但质气第向道命此变条只没结解问意建月公无系军很情者最立代想"
)
_AGENCIES = ["法新社", "美联社", "路透社", "德新社", "彭博社"]
_AGENCIES_HANT = ["法新社", "美聯社", "路透社", "德新社", "彭博社"]
_PROXIES = [
    "https://images.weserv.nl/?url=static.dw.com/image/{id}_{code}.jpg",
    "https://images.weserv.nl/?url=ssl:static.dw.com/image/{id}_{code}.jpg",
    "https://images.weserv.nl/?url=https%3A%2F%2Fstatic.dw.com%2Fimage%2F{id}_{code}.jpg",
    "https://images.weserv.nl/?url=static.dw.com/image/{id}_{code}.jpg&w=800",
    "https://static.dw.com/image/{id}_{code}.jpg",
]
_AUTHORS = ["德正", "德才", "长平", "苗子（摘编）", "William Yang", "安德烈", "Mathias Bölinger"]
_KINDS = ["a"] * 12 + ["video", "av", "g", "live", "audio"]


class _Writer:
    def __init__(self, rng: random.Random, traditional: bool, pools: _Pools | None = None) -> None:
        self.rng = rng
        self.traditional = traditional
        self.pools = pools

    def phrase(self, low: int, high: int) -> str:
        return "".join(self.rng.choice(_HANZI) for _ in range(self.rng.randint(low, high)))

    def sentence(self) -> str:
        parts = [self.phrase(4, 14) for _ in range(self.rng.randint(1, 3))]
        return "，".join(parts) + self.rng.choice("。。。！？")

    def image(self) -> str:
        src = self.rng.choice(_PROXIES).format(
            id=self.rng.randint(10**7, 8 * 10**7), code=self.rng.choice(["303", "302", "605", "401", "104"])
        )
        return f'<img src="{src}" width="100%">'

    def caption(self) -> str:
        text = self.phrase(8, 30)
        if self.rng.random() < 0.3:
            label = "圖片來源" if self.traditional else "图像来源"
            text += f" {label}{self.rng.choice([':', '：'])} {self.rng.choice(['dpa', 'AP', 'Reuters'])}/picture alliance"
        return f'<div><small style="color: #999;">{text}</small></div>'

    def paragraph(self, first: bool = False) -> str:
        rng = self.rng
        pieces = []
        if first:
            pieces.append("（德國之聲中文網）" if self.traditional else "（德国之声中文网）")
        for _ in range(rng.randint(1, 5)):
            roll = rng.random()
            if roll < 0.15:
                if self.pools is None:
                    target, text = rng.randint(10**6, 8 * 10**7), self.phrase(3, 10)
                else:
                    target, text = self.pools.link(rng)
                pieces.append(f'<a href="https://api.dw.com/api/detail/article/{target}" rel="ArticleRef">{text}</a>')
            elif roll < 0.25:
                if self.pools is None:
                    topic, name = rng.randint(10**6, 5 * 10**7), self.phrase(2, 6)
                else:
                    topic, name = self.pools.topic(rng)
                pieces.append(
                    f'<span data-id="{topic}" data-type="AUTO_TOPIC" title="Automatische Themenseite">{name}</span>'
                )
            elif roll < 0.3:
                pieces.append(f"<strong>{self.phrase(2, 8)}</strong>")
            elif roll < 0.33:
                pieces.append(f'<a href="https://example.com/{rng.randint(1, 999)}">{self.phrase(3, 8)}</a>')
            pieces.append(self.sentence())
        return "<p>" + "".join(pieces) + "</p>"

    def gallery(self) -> str:
        label = "相關圖集" if self.traditional else "相关图集"
        head = f"<h3>{label}：{self.phrase(6, 16)}</h3>" if self.rng.random() < 0.85 else ""
        items = []
        for _ in range(self.rng.randint(1, 7)):
            colon = self.rng.choice(["：", ":", ""])
            title = f"<b>{self.phrase(4, 12)}</b>{colon}" if self.rng.random() < 0.9 else ""
            items.append(f"<div>{self.image()}{title}{''.join(self.sentence() for _ in range(self.rng.randint(1, 4)))}</div>")
        return head + "".join(items)

    def block(self) -> str:
        rng = self.rng
        roll = rng.random()
        if roll < 0.62:
            return self.paragraph()
        if roll < 0.72:
            return f"<p><strong>{self.phrase(4, 12)}</strong></p>" if rng.random() < 0.8 else f"<h2>{self.phrase(4, 12)}</h2>"
        if roll < 0.78:
            return self.image() + (self.caption() if rng.random() < 0.8 else "")
        if roll < 0.82:
            image_id = rng.randint(10**7, 8 * 10**7)
            return (
                f'<div class="placeholder-image"><img data-id="{image_id}" '
                f'data-url="https://static.dw.com/image/{image_id}_${{formatId}}.jpg" alt=""></div>' + self.caption()
            )
        if roll < 0.86:
            items = "".join(f"<li>{self.sentence()}</li>" for _ in range(rng.randint(2, 5)))
            return f"<ul>{items}</ul>" if rng.random() < 0.7 else f"<ol>{items}</ol>"
        if roll < 0.89:
            return f"<blockquote>{self.sentence()}</blockquote>"
        if roll < 0.91:
            rows = "".join(f"<tr><td>{self.phrase(2, 6)}</td><td>{rng.randint(1, 999)}</td></tr>" for _ in range(3))
            return f"<table>{rows}</table>"
        if roll < 0.94:
            return rng.choice(
                [
                    '<div class="embed vjs-wrapper"><video data-posterurl="https://static.dw.com/image/1_302.jpg"></video></div>',
                    '<div class="embed yt-wrapper"><iframe data-src="https://www.youtube.com/embed/x"></iframe></div>',
                    f'<div class="embed tweet" data-id="{rng.randint(10**15, 10**16)}">{self.sentence()}</div>',
                ]
            )
        return self.gallery()


# The pools of the skewed corpus (--skew), most frequent first.
_TOPIC_NAMES = [
    "中国", "德国", "美国", "俄罗斯", "乌克兰", "台湾", "香港", "欧盟", "新冠肺炎", "习近平", "人权", "新疆",
    "朔尔茨", "普京", "拜登", "日本", "以色列", "伊朗", "默克尔", "特朗普", "气候变化", "北约", "朝鲜", "西藏",
]  # fmt: skip
_TOPIC_POOL = 400
_LINK_POOL = 300
_AUTHOR_POOL = 80
_SURNAMES = "王李张刘陈杨黄赵吴周徐孙马朱胡郭何林高罗郑梁谢宋唐许邓冯韩曹曾彭萧蔡潘田董袁于余叶蒋杜苏魏程吕丁沈任姚卢傅钟姜崔谭"
_LATIN_NAMES = ["Dang Yuan", "Phoebe Kong", "Jan D. Walter", "Sabine Kinkartz", "Frank Sieren", "Julian Ryall"]
# (simplified, traditional): agencies first, then papers and broadcasters.
_SOURCES = [
    ("法新社", "法新社"), ("路透社", "路透社"), ("美联社", "美聯社"), ("德新社", "德新社"), ("彭博社", "彭博社"),
    ("新华社", "新華社"), ("共同社", "共同社"), ("中央社", "中央社"), ("韩联社", "韓聯社"), ("《纽约时报》", "《紐約時報》"),
    ("塔斯社", "塔斯社"), ("《南华早报》", "《南華早報》"), ("埃菲社", "埃菲社"), ("《金融时报》", "《金融時報》"),
    ("安莎社", "安莎社"), ("《华尔街日报》", "《華爾街日報》"), ("BBC", "BBC"), ("朝中社", "朝中社"), ("CNN", "CNN"),
    ("《明镜》周刊", "《明鏡》週刊"), ("《卫报》", "《衛報》"), ("NHK", "NHK"),
]  # fmt: skip
_YEARS = (2019, 6)  # publication times of the skewed corpus: 2019 to 2024


def _zipf(size: int, exponent: float) -> list[float]:
    """Cumulative weights ``1 / rank**exponent`` for ranks 1..size (for ``choices``)."""
    return list(accumulate(rank**-exponent for rank in range(1, size + 1)))


class _Pools:
    """The topics, linked articles, authors, sources and months of one skewed
    corpus, each drawn with Zipf-like weights (rank ``r`` weighs ``1 / r**exponent``)."""

    def __init__(self, seed: int, count: int, exponent: float) -> None:
        rng = random.Random(f"dwparse-generate/{seed}/pools")
        writer = _Writer(rng, False)
        names = list(_TOPIC_NAMES)
        while len(names) < _TOPIC_POOL:
            name = writer.phrase(2, 6)
            if name not in names:
                names.append(name)
        self.topics = list(zip(rng.sample(range(10**6, 5 * 10**7), len(names)), names))
        self.topic_weights = _zipf(len(self.topics), exponent)
        # Half of the linked articles are articles of this corpus, half older ones.
        size = max(_LINK_POOL, count)
        own = [60_000_000 + number for number in rng.sample(range(count), min(count, size // 2))]
        older = rng.sample(range(10**6, 6 * 10**7), size - len(own))
        targets = own + older
        rng.shuffle(targets)
        self.links = [(target, writer.phrase(4, 12)) for target in targets]
        self.link_weights = _zipf(len(self.links), exponent)
        authors = list(_AUTHORS) + _LATIN_NAMES
        while len(authors) < _AUTHOR_POOL:
            name = rng.choice(_SURNAMES) + writer.phrase(1, 2)
            if name not in authors:
                authors.append(name)
        rest = authors[len(_AUTHORS) :]
        rng.shuffle(rest)  # the feed's own names first, then the others in any order
        self.authors_pool = authors[: len(_AUTHORS)] + rest
        self.author_weights = _zipf(len(self.authors_pool), exponent)
        self.source_weights = _zipf(len(_SOURCES), exponent)
        # Months: a slow rise, month-to-month noise and four months of big news.
        first, years = _YEARS
        self.months = [(first + index // 12, index % 12 + 1) for index in range(12 * years)]
        weights = [(0.6 + index / len(self.months)) * rng.lognormvariate(0, 0.4) for index in range(len(self.months))]
        for index in rng.sample(range(len(self.months)), 4):
            weights[index] *= 3
        self.month_weights = list(accumulate(weights))

    @staticmethod
    def _distinct(rng: random.Random, items: Sequence[object], weights: list[float], count: int) -> list[int]:
        """Indexes of ``count`` different items, drawn by ``weights``."""
        chosen: list[int] = []
        for _ in range(100 * count):
            index = rng.choices(range(len(items)), cum_weights=weights)[0]
            if index not in chosen:
                chosen.append(index)
                if len(chosen) == count:
                    return chosen
        return chosen + [index for index in range(len(items)) if index not in chosen][: count - len(chosen)]

    def topic(self, rng: random.Random) -> tuple[int, str]:
        """A topic's id and name."""
        return rng.choices(self.topics, cum_weights=self.topic_weights)[0]

    def link(self, rng: random.Random) -> tuple[int, str]:
        """A linked article's id and link text."""
        return rng.choices(self.links, cum_weights=self.link_weights)[0]

    def authors(self, rng: random.Random) -> list[str]:
        """One or two authors."""
        indexes = self._distinct(rng, self.authors_pool, self.author_weights, rng.choice([1, 1, 1, 2]))
        return [self.authors_pool[index] for index in indexes]

    def credit(self, rng: random.Random, traditional: bool, separator: str) -> str:
        """What the credit line's parentheses hold: one to three sources, or a note."""
        if rng.random() < 0.08:
            return "綜合報導" if traditional else "综合报道"
        indexes = self._distinct(rng, _SOURCES, self.source_weights, rng.choice([1, 1, 1, 2, 2, 3]))
        return separator.join(_SOURCES[index][traditional] for index in indexes)

    def published(self, rng: random.Random) -> datetime:
        """A publication time: a month by its weight, then any second of it."""
        year, month = rng.choices(self.months, cum_weights=self.month_weights)[0]
        start = datetime(year, month, 1, tzinfo=timezone.utc)
        end = datetime(year + month // 12, month % 12 + 1, 1, tzinfo=timezone.utc)
        return start + timedelta(seconds=rng.randrange(int((end - start).total_seconds())))


def article_file(rng: random.Random, number: int, pools: _Pools | None = None) -> str:
    """One archive file, of the article ``60000000 + number``; skewed draws from ``pools`` if given."""
    traditional = rng.random() < 0.3
    writer = _Writer(rng, traditional, pools)
    if pools is None:
        published = datetime(2019, 1, 1, tzinfo=timezone.utc) + timedelta(seconds=rng.randint(0, 6 * 365 * 86400))
    else:
        published = pools.published(rng)
    archived = published + timedelta(seconds=rng.randint(60, 3 * 3600))
    epoch = int(archived.timestamp() * 1000)
    header = rng.choice([f"<!--{epoch}-->", f"<!-- {epoch} -->", f"<!--{epoch // 1000}-->"])
    title = writer.phrase(8, 24)
    if rng.random() < 0.1:
        title = rng.choice(["\\[视频\\]", "[图集]"]) + title
    language = "zh-hant" if traditional else "zh"
    kind = rng.choice(_KINDS)
    url = f"https://www.dw.com/{language}/{quote(title)}/{kind}-{60_000_000 + number}"
    if rng.random() < 0.1:
        url += "?maca=zh-rss-chinese-all-4020-rdf"
    milliseconds = f".{rng.randint(0, 999):03d}" if rng.random() < 0.8 else ""
    # Five of six items of the real feed name their authors in the time line.
    if rng.random() < 5 / 6:
        authors = ", ".join(rng.sample(_AUTHORS, rng.randint(1, 2)) if pools is None else pools.authors(rng))
    else:
        authors = ""
    body = [f"<div><i>{authors}<br>{published:%Y-%m-%dT%H:%M:%S}{milliseconds}Z</i></div>"]
    if rng.random() < 0.9:
        body.append(writer.image() + (writer.caption() if rng.random() < 0.9 else ""))
    body.append(writer.paragraph(first=True))
    body.extend(writer.block() for _ in range(rng.randint(2, 40)))
    if rng.random() < 0.3:
        body.append(
            "<p>DW中文有Instagram！歡迎搜尋dw.chinese，看更多深入淺出的圖文與影音報導。</p>"
            if traditional
            else "<p>DW中文有Instagram！欢迎搜寻dw.chinese，看更多深入浅出的图文与影音报道。</p>"
        )
    agencies = _AGENCIES_HANT if traditional else _AGENCIES
    separator = rng.choice(["、", "，", ",", "/"])
    if pools is None:
        body.append(f"<p><em>（{separator.join(rng.sample(agencies, rng.randint(1, 3)))}）</em></p>")
    else:
        body.append(f"<p><em>（{pools.credit(rng, traditional, separator)}）</em></p>")
    year = published.year
    body.append(
        f"<p><em>© {year}年德國之聲版權聲明：本文所有內容受到著作權法保護，如無德國之聲特別授權，不得擅自使用。</em></p>"
        if traditional
        else f"<p><em>© {year}年德国之声版权声明：本文所有内容受到著作权法保护，如无德国之声特别授权，不得擅自使用。</em></p>"
    )
    joiner = "\n" if rng.random() < 0.1 else ""
    text = f"{header}\n[{title}]({url})\n{'-' * rng.choice([3, 6, 10])}\n\n{joiner.join(body)}\n"
    if rng.random() < 0.05:
        text = text.replace("\n", "\r\n")
    return text


# The time of the time line (group 2).
_TIME = re.compile(r"(<br>)(\d{4}-\d\d-\d\dT[\d:.]+Z)(</i></div>)")
_HEADER = re.compile(r"<!--\s*(\d+)\s*-->")
# The title line as article_file writes it: the title, the URL before the slug, the URL after it.
_TITLE_LINE = re.compile(
    r"\[(?P<title>.*)\]\((?P<head>https://www\.dw\.com/[^/]+/)[^/]*(?P<tail>/[a-z]+-\d+(?:\?\S*)?)\)"
)
_CONTROLS = "\x00\x01\x07\x08\x0b\x0c\x1b\x7f"
_NOT_UTF8 = [b"\xff", b"\xfe\xfe", b"\xc0\xaf", b"\xed\xa0\x80", b"\x80", b"\xe4\xb8"]


def _body_start(text: str) -> int:
    return text.index("<div><i>")


def _positions(pattern: str, text: str, start: int) -> list[int]:
    """Where ``pattern`` matches in ``text`` from ``start`` on."""
    return [match.start() for match in re.compile(pattern).finditer(text, start)]


def _cut_in_tag(rng: random.Random, text: str) -> bytes:
    """A download cut inside a tag of the body."""
    start = _body_start(text)
    at = rng.choice(_positions("<", text, start)[2:])
    return text[: rng.randint(at + 1, text.index(">", at))].encode("utf-8")


def _cut_in_text(rng: random.Random, text: str) -> bytes:
    """A download cut inside the text of the body; as bytes, half the time inside a character."""
    start = _body_start(text) + 40
    at = rng.choice(_positions(f"[{_HANZI}]", text, start)) + 1
    data = text[:at].encode("utf-8")
    if rng.random() < 0.5 and at < len(text) and ord(text[at]) > 0x7F:
        data += text[at].encode("utf-8")[: rng.randint(1, len(text[at].encode("utf-8")) - 1)]
    return data


def _unclosed_tag(rng: random.Random, text: str) -> bytes:
    """An inline element (``<strong>``, ``<b>``, ``<em>``, ``<small>``, ``<i>``) left unclosed."""
    at = rng.choice(_positions("</(?:strong|b|em|small|i)>", text, 0))
    return (text[:at] + text[text.index(">", at) + 1 :]).encode("utf-8")


def _unclosed_quote(rng: random.Random, text: str) -> bytes:
    """The last attribute of the body with its closing quote lost."""
    at = text.rfind('">')
    if at < 0:
        return _unclosed_tag(rng, text)
    return (text[:at] + text[at + 1 :]).encode("utf-8")


def _unclosed_comment(rng: random.Random, text: str) -> bytes:
    """A comment opened before a paragraph and never closed."""
    start = _body_start(text)
    at = rng.choice(_positions("<p>", text, start))
    return (text[:at] + rng.choice(["<!--", "<!-- ", "<!-- more "]) + text[at:]).encode("utf-8")


def _bad_time(rng: random.Random, text: str) -> bytes:
    """A publication time that is no time (what a script writes for a date it could not read)."""
    match = _TIME.search(text)
    assert match is not None
    year = match[2][:4]
    value = rng.choice(
        [
            "Invalid Date",
            "NaN-NaN-NaNTNaN:NaN:NaN.NaNZ",
            f"{year}-{rng.randint(13, 19)}-{rng.randint(1, 28):02d}T08:00:00.000Z",
            f"{year}-02-{rng.randint(30, 31)}T{rng.randint(0, 23):02d}:15:00Z",
            f"{year}-06-{rng.randint(1, 28):02d}T{rng.randint(25, 29)}:00:00.000Z",
        ]
    )
    return (text[: match.start(2)] + value + text[match.end(2) :]).encode("utf-8")


def _not_utf8(rng: random.Random, text: str) -> bytes:
    """Bytes that are not UTF-8 in the body: stray bytes, a cut character, or a paragraph in GBK."""
    start = _body_start(text)
    at = rng.choice(_positions("<p>", text, start))
    if rng.random() < 0.25:
        sentence = _Writer(rng, False).sentence()
        return text[:at].encode("utf-8") + f"<p>{sentence}</p>".encode("gbk") + text[at:].encode("utf-8")
    return text[:at].encode("utf-8") + rng.choice(_NOT_UTF8) + text[at:].encode("utf-8")


def _control_characters(rng: random.Random, text: str) -> bytes:
    """One to three control characters in the body."""
    start = _body_start(text)
    for _ in range(rng.randint(1, 3)):
        at = rng.randint(start, len(text))
        text = text[:at] + rng.choice(_CONTROLS) + text[at:]
    return text.encode("utf-8")


def _no_title(rng: random.Random, text: str) -> bytes:
    """The title line lost, or cut before its link ends."""
    lines = text.split("\n")
    if rng.random() < 0.5:
        del lines[1]
    else:
        lines[1] = lines[1][: rng.randint(1, lines[1].index("](") + 10)]
    return "\n".join(lines).encode("utf-8")


def _bad_header(rng: random.Random, text: str) -> bytes:
    """A header the archiver could not fill: ``Date.parse`` gave ``NaN``."""
    end = text.index("\n")
    end -= text[end - 1] == "\r"
    return (rng.choice(["<!--NaN-->", "<!--undefined-->", "<!--null-->", "<!---->"]) + text[end:]).encode("utf-8")


def _cut_early(rng: random.Random, text: str) -> bytes:
    """A download that ended after the header, after the title, or at once."""
    lines = text.split("\n")
    keep = rng.choice([0, 1, 1, 4, 4])
    return "\n".join(lines[:keep]).encode("utf-8") + (b"\n" if keep else b"")


#: The kinds of damage, with their weights.
DAMAGES = {
    "truncated-in-tag": (_cut_in_tag, 4),
    "truncated-in-text": (_cut_in_text, 4),
    "unclosed-tag": (_unclosed_tag, 2),
    "unclosed-quote": (_unclosed_quote, 1),
    "unclosed-comment": (_unclosed_comment, 1),
    "bad-time": (_bad_time, 2),
    "invalid-utf8": (_not_utf8, 2),
    "control-characters": (_control_characters, 2),
    "bad-title": (_no_title, 1),
    "bad-header": (_bad_header, 1),
    "cut-early": (_cut_early, 1),
}


def damage(rng: random.Random, text: str) -> tuple[str, bytes]:
    """One damage done to the archive file ``text``: its kind and the bytes of the damaged file."""
    kind = rng.choices(list(DAMAGES), weights=[weight for _, weight in DAMAGES.values()])[0]
    return kind, DAMAGES[kind][0](rng, text)


def rearchive(rng: random.Random, text: str) -> str:
    """``text`` archived again later: a newer header time (an hour to 400 days);
    now and then a reworded title (and slug), now and then a paragraph added."""
    newline = "\r\n" if "\r\n" in text else "\n"
    lines = text.split(newline)
    header = _HEADER.fullmatch(lines[0])
    assert header is not None
    epoch = int(header[1]) * (1000 if len(header[1]) <= 10 else 1)
    lines[0] = f"<!--{epoch + rng.randint(3600, 400 * 86400) * 1000 + rng.randint(0, 999)}-->"
    writer = _Writer(rng, "/zh-hant/" in lines[1])
    if rng.random() < 0.3:
        title = _TITLE_LINE.fullmatch(lines[1])
        assert title is not None
        new = title["title"][: len(title["title"]) - rng.randint(0, 3)] + writer.phrase(1, 4)
        lines[1] = f"[{new}]({title['head']}{quote(new)}{title['tail']})"
    text = newline.join(lines)
    if rng.random() < 0.5:
        at = text.rindex("<p><em>（")
        text = text[:at] + f"<p>{writer.sentence()}</p>" + text[at:]
    return text


@dataclass(frozen=True)
class GeneratedFile:
    """One file that :func:`generate_corpus` wrote."""

    path: Path
    #: ``"clean"``, ``"rearchived"`` or ``"damaged"``.
    kind: str
    #: The id in the title URL (``{kind}-{id}``).
    article_id: int
    #: The kind of damage (a key of :data:`DAMAGES`), for a damaged file.
    damage: str = ""
    #: The file a re-archived copy copies (the clean one, or the copy before it).
    original: Path | None = None


def _amount(damaged: float, count: int) -> int:
    """How many damaged files: ``damaged`` itself, or a float in 0..1 times ``count``."""
    if isinstance(damaged, float):
        if not 0 <= damaged <= 1:
            raise ValueError(f"a fraction of damaged files is between 0 and 1, not {damaged}")
        return round(damaged * count)
    if damaged < 0:
        raise ValueError(f"damaged must not be negative: {damaged}")
    return damaged


def generate_corpus(
    count: int,
    folder: Path | str,
    seed: int = 1,
    *,
    damaged: float = 0,
    rearchived: int = 0,
    skew: bool | float = False,
    suffix: str = ".md",
) -> list[GeneratedFile]:
    """Write ``count`` clean files into ``folder``, then ``rearchived`` copies
    and ``damaged`` files (a number, or a float: a fraction of ``count``);
    the topics, links, authors, sources and months skewed with exponent
    ``skew`` (``True`` is 1.0; ``False`` or 0: uniform, as before). See the
    module's description.
    The same arguments give the same files."""
    if count < 0 or rearchived < 0 or skew < 0:
        raise ValueError("count, rearchived and skew must not be negative")
    if rearchived and not count:
        raise ValueError("re-archived copies need articles to copy (count > 0)")
    folder = Path(folder)
    suffix = suffix if not suffix or suffix.startswith(".") else "." + suffix
    broken = _amount(damaged, count)
    rng = random.Random(seed)
    pools = _Pools(seed, count, 1.0 if skew is True else float(skew)) if skew else None
    copier = random.Random(f"dwparse-generate/{seed}/rearchived")
    originals = copier.choices(range(count), k=rearchived)
    copied = set(originals)
    latest: dict[int, tuple[Path, str]] = {}
    folder.mkdir(parents=True, exist_ok=True)
    files = []
    for number in range(count):
        path = folder / f"gen-{number:06d}{suffix}"
        text = article_file(rng, number, pools)
        path.write_text(text, encoding="utf-8", newline="")
        files.append(GeneratedFile(path, "clean", 60_000_000 + number))
        if number in copied:
            latest[number] = (path, text)
    number = count
    for original in originals:
        source, text = latest[original]
        text = rearchive(copier, text)
        path = folder / f"gen-{number:06d}{suffix}"
        path.write_text(text, encoding="utf-8", newline="")
        files.append(GeneratedFile(path, "rearchived", 60_000_000 + original, original=source))
        latest[original] = (path, text)
        number += 1
    breaker = random.Random(f"dwparse-generate/{seed}/damaged")
    for _ in range(broken):
        kind, data = damage(breaker, article_file(breaker, number, pools))
        path = folder / f"gen-{number:06d}{suffix}"
        path.write_bytes(data)
        files.append(GeneratedFile(path, "damaged", 60_000_000 + number, damage=kind))
        number += 1
    return files


def generate(count: int, folder: Path | str, seed: int = 1, **options: Any) -> list[Path]:
    """Write ``count`` files into ``folder``; the same seed gives the same files.

    The keywords (``damaged``, ``rearchived``, ``skew``, ``suffix``) are
    :func:`generate_corpus`'s; the paths come back in the order written:
    clean, re-archived, damaged.
    """
    return [file.path for file in generate_corpus(count, folder, seed, **options)]


def _damaged_argument(text: str) -> int | float:
    """``--damaged``: a number of files (``20``), a fraction (``0.05``) or a percentage (``5%``)."""
    try:
        if text.endswith("%"):
            return float(text[:-1]) / 100
        if any(char in text for char in ".eE"):
            return float(text)
        return int(text)
    except ValueError:
        raise argparse.ArgumentTypeError(f"not a number, fraction or percentage: {text!r}") from None


def main(argv: Sequence[str] | None = None) -> None:
    """Write the files asked for on the command line."""
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("count", type=int, help="clean articles")
    parser.add_argument("folder", type=Path)
    parser.add_argument("--seed", type=int, default=1)
    parser.add_argument(
        "--skew", action="store_true", help="Zipf-like topics, links, authors, sources, and uneven months (default off)"
    )
    parser.add_argument(
        "--skew-exponent", type=float, default=1.0, metavar="S", help="with --skew: rank r weighs 1/r**S (default 1.0)"
    )
    parser.add_argument("--rearchived", type=int, default=0, metavar="N", help="add N re-archived copies")
    parser.add_argument(
        "--damaged", type=_damaged_argument, default=0, metavar="N|F|P%",
        help="add N damaged files, or a fraction of COUNT (0.05 or 5%%)",
    )  # fmt: skip
    parser.add_argument("--suffix", default=".md", help="the file names' ending (default .md; real feed files: .txt)")
    args = parser.parse_args(argv)
    try:
        files = generate_corpus(
            args.count, args.folder, args.seed,
            damaged=args.damaged, rearchived=args.rearchived, skew=args.skew and args.skew_exponent, suffix=args.suffix,
        )  # fmt: skip
    except ValueError as error:
        parser.error(str(error))
    kinds = {kind: sum(file.kind == kind for file in files) for kind in ("clean", "rearchived", "damaged")}
    print(
        f"wrote {len(files)} files to {args.folder}"
        + (
            f" ({kinds['clean']} clean, {kinds['rearchived']} re-archived, {kinds['damaged']} damaged)"
            if kinds["rearchived"] or kinds["damaged"]
            else ""
        )
    )


if __name__ == "__main__":
    main()
