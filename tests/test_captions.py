"""Images: proxy removal, image ids and caption credits."""

from __future__ import annotations

from urllib.parse import parse_qs, urlsplit

import pytest
from hypothesis import example, given
from hypothesis import strategies as st

from dwparse.captions import image_from_src, original_url, split_caption

ORIGINAL = "https://static.dw.com/image/69790030_303.jpg"


@pytest.mark.parametrize(
    "src",
    [
        "https://images.weserv.nl/?url=static.dw.com/image/69790030_303.jpg",
        "https://images.weserv.nl/?url=ssl:static.dw.com/image/69790030_303.jpg",
        "https://images.weserv.nl/?url=https%3A%2F%2Fstatic.dw.com%2Fimage%2F69790030_303.jpg",
        "https://images.weserv.nl/?url=static.dw.com/image/69790030_303.jpg&w=800",
        "https://images.weserv.nl/?w=800&url=ssl:static.dw.com/image/69790030_303.jpg",
        "https://static.dw.com/image/69790030_303.jpg",
        "http://static.dw.com/image/69790030_303.jpg",
        "//static.dw.com/image/69790030_303.jpg",
        " https://static.dw.com/image/69790030_303.jpg ",
    ],
)
def test_proxy_forms(src: str) -> None:
    image = image_from_src(src)
    assert (image.url, image.image_id, image.src) == (ORIGINAL, 69790030, src)


def _target_by_urlsplit(src: str) -> str:
    """The proxy's target as urllib reads it: the reference for the fast path."""
    url = src.strip()
    target = parse_qs(urlsplit(url).query).get("url")
    if target:
        url = target[0].strip()
        url = url[4:] if url[:4].lower() == "ssl:" else url
    return url


_QUERY_PIECE = st.sampled_from(
    ["url", "=", "&", "%", "%3A", "%2F", "%E4%B8%AD", "+", "w", "800", "ssl:", "a.b/c", " ", "#", "?", "\t"]
)


@given(
    st.lists(_QUERY_PIECE, max_size=12).map("".join),
    st.sampled_from(["https://images.weserv.nl/?", "https://wsrv.nl/?"]),
)
@example("url=&url=a.b/c", "https://wsrv.nl/?")
@example("w=1&u%72l=a+b%2Fc", "https://wsrv.nl/?")
@example("url=a.b/c#x&url=d.e/f", "https://wsrv.nl/?")
def test_proxy_query_read_as_urllib_reads_it(query: str, prefix: str) -> None:
    src = prefix + query
    assert original_url(src) == original_url(_target_by_urlsplit(src))


@pytest.mark.parametrize("code", ["302", "605", "401", "104"])
def test_size_codes(code: str) -> None:
    assert image_from_src(f"https://static.dw.com/image/123_{code}.jpg").image_id == 123


def test_other_images() -> None:
    image = image_from_src("https://example.com/x.jpg")
    assert (image.url, image.image_id) == ("https://example.com/x.jpg", None)
    assert image_from_src(None).url is None
    assert image_from_src("").src is None
    template = image_from_src("https://static.dw.com/image/555_${formatId}.jpg")
    assert template.image_id == 555


@pytest.mark.parametrize(
    ("text", "caption", "credit"),
    [
        ("布林肯与上川阳子", "布林肯与上川阳子", None),
        ("布林肯 图像来源: Jonathan Ernst/AP", "布林肯", "Jonathan Ernst/AP"),
        ("布林肯圖片來源：路透社", "布林肯", "路透社"),
        ("图像来源: dpa", None, "dpa"),
        ("", None, None),
    ],
)
def test_caption_credit(text: str, caption: str, credit: str) -> None:
    assert split_caption(text) == (caption, credit)
