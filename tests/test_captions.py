"""Images: proxy removal, image ids and caption credits."""

from __future__ import annotations

import pytest

from dwparse.captions import image_from_src, split_caption

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
