"""The real seed file yields every fact of its expect file.

The seed lives in ``../shared/corpus`` beside a checkout (or an unpacked
sdist); without it these tests skip, naming the missing file.
"""

from __future__ import annotations

import json

import dwparse
from conftest import SEED, SEED_FACTS, needs_seed, needs_seed_facts
from expectations import check


@needs_seed
def test_the_real_seed_is_there() -> None:
    """Passes where the real data is (CI); elsewhere its skip says, once, what is missing."""
    assert SEED.stat().st_size > 0


@needs_seed_facts
def test_seed_facts(seed_text: str) -> None:
    facts = json.loads(SEED_FACTS.read_text(encoding="utf-8"))
    check(dwparse.parse(seed_text).to_dict(), facts)


def test_seed_names_no_author(seed_text: str) -> None:
    # The seed's facts file predates authors: its time line is <div><i><br>TIME</i></div>.
    article = dwparse.parse(seed_text)
    assert article.authors == ()
    assert article.to_dict()["authors"] == []


def test_seed_from_bytes_and_file_equal_from_str(seed_text: str) -> None:
    article = dwparse.parse(seed_text)
    assert dwparse.parse(seed_text.encode("utf-8")) == article
    assert dwparse.parse_file(SEED) == article
    assert dwparse.parse_file(str(SEED)) == article


def test_seed_details(seed_text: str) -> None:
    article = dwparse.parse(seed_text)
    assert article.lead_image is not None
    assert article.lead_image.src == "https://images.weserv.nl/?url=static.dw.com/image/69790030_303.jpg"
    gallery = next(block for block in article.blocks if isinstance(block, dwparse.Gallery))
    first = gallery.pictures[0]
    assert first.image.image_id == 64590065
    assert first.image.url == "https://static.dw.com/image/64590065_303.jpg"
    assert first.text.startswith("美国防长奥斯汀宣布与菲律宾达成协议")
    assert article.text.startswith("（德国之声中文网）2024年7月27日")
    assert article.text.endswith("并签署了一份增加与韩国合作的备忘录。")
    first_paragraph = article.blocks[0]
    assert isinstance(first_paragraph, dwparse.Paragraph)
    assert [run.TYPE for run in first_paragraph.inlines] == ["text", "topic", "text", "link", "text"]
    assert article.to_dict()["text"] == article.text
