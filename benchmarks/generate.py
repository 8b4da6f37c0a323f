"""A deterministic generator of realistic archive files, for benchmarks.

    .venv/bin/python benchmarks/generate.py 1000 /tmp/dw-1k [--seed 1]

Each file is built from the constructs of the format description, in varied
lengths and variants: header forms, authors in the time line, simplified and
traditional articles, the image proxy forms, paragraphs with links, topics and
formatting, headings, galleries, body images, DW placeholders and embeds,
lists, quotes, tables, credits, notices, copyright lines, and now and then
CRLF line ends and a multi-line body. The same seed always gives the same files.
"""

from __future__ import annotations

import argparse
import random
from datetime import datetime, timedelta, timezone
from pathlib import Path
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
    def __init__(self, rng: random.Random, traditional: bool) -> None:
        self.rng = rng
        self.traditional = traditional

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
                pieces.append(
                    f'<a href="https://api.dw.com/api/detail/article/{rng.randint(10**6, 8 * 10**7)}" '
                    f'rel="ArticleRef">{self.phrase(3, 10)}</a>'
                )
            elif roll < 0.25:
                pieces.append(
                    f'<span data-id="{rng.randint(10**6, 5 * 10**7)}" data-type="AUTO_TOPIC" '
                    f'title="Automatische Themenseite">{self.phrase(2, 6)}</span>'
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


def article_file(rng: random.Random, number: int) -> str:
    """One archive file."""
    traditional = rng.random() < 0.3
    writer = _Writer(rng, traditional)
    published = datetime(2019, 1, 1, tzinfo=timezone.utc) + timedelta(seconds=rng.randint(0, 6 * 365 * 86400))
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
    authors = ", ".join(rng.sample(_AUTHORS, rng.randint(1, 2))) if rng.random() < 5 / 6 else ""
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
    body.append(f"<p><em>（{separator.join(rng.sample(agencies, rng.randint(1, 3)))}）</em></p>")
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


def generate(count: int, folder: Path, seed: int = 1) -> list[Path]:
    """Write ``count`` files into ``folder``; the same seed gives the same files."""
    rng = random.Random(seed)
    folder.mkdir(parents=True, exist_ok=True)
    paths = []
    for number in range(count):
        path = folder / f"gen-{number:06d}.md"
        path.write_text(article_file(rng, number), encoding="utf-8", newline="")
        paths.append(path)
    return paths


def main() -> None:
    """Write the files asked for on the command line."""
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("count", type=int)
    parser.add_argument("folder", type=Path)
    parser.add_argument("--seed", type=int, default=1)
    args = parser.parse_args()
    paths = generate(args.count, args.folder, args.seed)
    print(f"wrote {len(paths)} files to {args.folder}")


if __name__ == "__main__":
    main()
