"""What a careful reader expects of any real archive file, checked without
asking dwparse how it reads the file: the raw text is read here with plain
patterns, and each check names what it found wrong.

Used by ``tests/test_real_archive.py`` over ``../shared/corpus/real`` and by
``benchmarks/real_invariants.py``, which counts the files that pass.
"""

from __future__ import annotations

import re
from datetime import datetime, timezone
from typing import Any, Iterator

import dwparse
from visible import lost_characters, lost_words

__all__ = ["CHECKS", "failures"]

# Boilerplate that is never article text.
_BOILERPLATE = {
    "feed footer": re.compile("获取更多RSS|feedx\\.(?:net|site|xyz|top|best|run)"),
    "disclaimer": re.compile("德国之声致力于|德國之聲致力於"),
    "promotion": re.compile("DW中文有Instagram|Feed-URL:|iTunes:"),
    "editorial note": re.compile("不代表德国之声|不代表德國之聲"),
    "copyright": re.compile("(?:^|\n)©"),
}
# A closing credit line: short, in parentheses (maybe after names), naming sources or a note.
_CREDIT_LINE = re.compile(r"\A[^（()）。！？\n]{0,30}?[（(]([^（()）\n]{1,80})[）)]\Z")
_CREDIT_WORDS = re.compile(
    "社|报道|报导|報導|综合|綜合|来源|來源|据|據|网站|網站|通讯|通訊|新闻|新聞|日报|日報|《|等$|"
    "Reuters|AFP|AP|dpa|DPA|Bloomberg|MDR|CNBC|BBC|CNN|Politico|epd|KNA|RTR|EFE|Kyodo"
)
_NOTE_ONLY = re.compile("^(?:综合报道|综合报导|綜合報導|综合|綜合)$")
# What an author's name never holds: the feed's placeholder, notes, labels, doubled spaces.
_NOT_IN_NAMES = re.compile(r"\bnull\b|[（()）:：]|\s{2}|综合报[道导]|綜合報導|[报報][道导導]$|摘编|编译")
_IMAGE_FILE = re.compile(r"/image/([0-9]{1,18})_[0-9A-Za-z]+\.[A-Za-z]{3,4}(?:$|[?&#])")
_TIME_LINE = re.compile(r"<div><i>(.*?)</i></div>", re.DOTALL)
_URL_ID = re.compile(r"/([a-z]+)-([0-9]{1,18})/?(?:\?[^/]*)?$")


def _paragraphs(article: dwparse.Article) -> Iterator[str]:
    for part in article.text.split("\n\n"):
        if part.strip():
            yield part.strip()


def check_nothing_lost(raw: str, article: dwparse.Article) -> list[str]:
    data = article.to_dict()
    words, characters = lost_words(raw, data), lost_characters(raw, data)
    return [f"lost words {words[:5]}"] * bool(words) + [f"lost characters {dict(list(characters.items())[:5])}"] * bool(characters)


def check_text_is_article_text(raw: str, article: dwparse.Article) -> list[str]:
    found = [f"{name} in text" for name, pattern in _BOILERPLATE.items() if pattern.search(article.text)]
    for part in _paragraphs(article):
        match = _CREDIT_LINE.match(part)
        if match is not None and _CREDIT_WORDS.search(match[1]):
            found.append(f"credit line in text: {part!r}")
    return found


def check_credits(raw: str, article: dwparse.Article) -> list[str]:
    found = []
    for block in article.blocks_of(dwparse.Credit):
        inner = re.sub(r"^.*?[（(]|[）)]$", "", block.text)
        if not block.sources and not _NOTE_ONLY.match(inner.strip()):
            found.append(f"credit without sources: {block.text!r}")
    return found


def _images(article: dwparse.Article) -> Iterator[dwparse.Image]:
    if article.lead_image is not None:
        yield article.lead_image
    for block in article.blocks:
        if isinstance(block, dwparse.ImageBlock):
            yield block.image
        elif isinstance(block, dwparse.Gallery):
            yield from (picture.image for picture in block.pictures)
        elif isinstance(block, dwparse.Embed) and block.poster is not None:
            yield block.poster


def check_image_ids(raw: str, article: dwparse.Article) -> list[str]:
    found = []
    for image in _images(article):
        match = _IMAGE_FILE.search(image.url or image.src or "")
        if match is not None and image.image_id != int(match[1]):
            found.append(f"image {image.src!r} has image_id {image.image_id}")
    return found


def check_authors(raw: str, article: dwparse.Article) -> list[str]:
    return [f"author {name!r}" for name in article.authors if _NOT_IN_NAMES.search(name) or name != name.strip()]


def check_time(raw: str, article: dwparse.Article) -> list[str]:
    body = raw.split("\n", 4)[-1] if raw.count("\n") >= 4 else ""
    line = _TIME_LINE.match(body.lstrip())
    if line is None:
        return [] if article.published_at is None else [f"published_at {article.published_at} without a time line"]
    last = [part.strip() for part in re.split(r"<br\s*/?>", line[1]) if part.strip()][-1:]
    try:
        moment = datetime.fromisoformat(last[0].replace("Z", "+00:00")).astimezone(timezone.utc) if last else None
    except ValueError:
        return [f"time line {last!r} is not a time"]
    return [] if article.published_at == moment else [f"published_at {article.published_at} != {moment}"]


def check_article_id(raw: str, article: dwparse.Article) -> list[str]:
    title = raw.split("\n", 2)[1] if raw.count("\n") >= 2 else ""
    url = title[title.rfind("](") + 2 : title.rstrip().rfind(")")] if "](" in title else ""
    match = _URL_ID.search(url)
    expected = int(match[2]) if match else None
    return [] if article.article_id == expected else [f"article_id {article.article_id} != {expected} ({url[-40:]!r})"]


def check_no_problems(raw: str, article: dwparse.Article) -> list[str]:
    return [f"{problem.code}: {problem.message}" for problem in article.problems]


def check_round_trip(raw: str, article: dwparse.Article) -> list[str]:
    if article.problems:
        return []
    again = dwparse.parse(article.to_markdown())
    if again == article:
        return []
    differing = [name for name in ("published_at", "authors", "lead_image", "blocks", "links", "topics", "problems")
                 if getattr(again, name) != getattr(article, name)]  # fmt: skip
    return [f"parse(to_markdown()) differs in {differing}"]


CHECKS: dict[str, Any] = {
    "nothing lost": check_nothing_lost,
    "text is article text": check_text_is_article_text,
    "credits name sources": check_credits,
    "image ids": check_image_ids,
    "author names": check_authors,
    "published_at": check_time,
    "article_id": check_article_id,
    "no problems": check_no_problems,
    "round trip": check_round_trip,
}


def failures(raw: str) -> dict[str, list[str]]:
    """What each check found wrong with the real file ``raw`` (empty lists: none)."""
    article = dwparse.parse(raw)
    return {name: check(raw, article) for name, check in CHECKS.items()}
