"""Images and their captions: proxy removal, DW image ids, caption credits."""

from __future__ import annotations

import re
from typing import Optional
from urllib.parse import parse_qs, unquote

from dwparse.format import IMAGE_CREDIT
from dwparse.model import Image
from dwparse.urls import split_url

__all__ = ["image_from_src", "image_source", "original_url", "split_caption"]

# DW's image files, on its static host or (2020's proxies) its API host, any extension.
_DW_IMAGE_ID = re.compile(r"(?:static|api)\.dw\.com/image/([0-9]{1,18})_")
# A host name and a path with no scheme: "static.dw.com/image/1_302.jpg".
_BARE_HOST = re.compile(r"[A-Za-z0-9-]+(?:\.[A-Za-z0-9-]+)+/")
_PROXY_HOSTS = frozenset({"images.weserv.nl", "wsrv.nl"})
# The proxies as DW writes them: their query is read without urlsplit when
# nothing in the URL needs it (no fragment, no tab or line break to drop).
_PROXY_PREFIXES = ("https://images.weserv.nl/?", "https://wsrv.nl/?")
# The common forms, read without splitting the URL: the proxy with a plain
# ``static.dw.com`` target and nothing after it, or a direct https URL.
_COMMON_SRC = re.compile(
    r"(?:https://images\.weserv\.nl/\?url=(?:ssl:)?|https://)(static\.dw\.com/image/([0-9]{1,18})_[0-9A-Za-z]+\.[a-z]+)"
)


def original_url(src: str) -> str:
    """The image URL behind ``src``: any image proxy removed, scheme ``https``.

    ``http://`` and ``//`` become ``https://``; a bare host path
    (``static.dw.com/image/…``, as inside the proxy) gets ``https://``; other
    schemes (``data:``) and relative paths are kept as they are.
    """
    url = src.strip()
    if url.startswith(_PROXY_PREFIXES) and "#" not in url and "\t" not in url and "\n" not in url and "\r" not in url:
        target = _proxy_target(url.partition("?")[2])
    else:
        parts = split_url(url)
        is_proxy = parts is not None and (parts.hostname or "").lower() in _PROXY_HOSTS
        target = parse_qs(parts.query).get("url", [None])[0] if is_proxy else None  # type: ignore[union-attr]
    if target:
        url = target.strip()
        if url[:4].lower() == "ssl:":
            url = url[4:]
    lowered = url[:8].lower()
    if url.startswith("//"):
        return "https:" + url
    if lowered.startswith("http://"):
        return "https://" + url[7:]
    if lowered.startswith("https://"):
        return "https://" + url[8:]
    if _BARE_HOST.match(url):
        return "https://" + url
    return url


def _proxy_target(query: str) -> Optional[str]:
    """The first non-empty ``url`` value of a query, decoded as
    :func:`urllib.parse.parse_qs` decodes it."""
    for field in query.split("&"):
        name, equals, value = field.partition("=")
        if "%" in field or "+" in field:
            name, value = unquote(name.replace("+", " ")), unquote(value.replace("+", " "))
        if equals and value and name == "url":
            return value
    return None


def image_from_src(src: Optional[str]) -> Image:
    """An :class:`Image` (without caption) for an ``src`` attribute as written."""
    return Image(*image_source(src))


def image_source(src: Optional[str]) -> tuple[Optional[str], Optional[str], Optional[int]]:
    """``(url, src, image_id)`` of an :class:`Image` for an ``src`` attribute
    as written (for a reader that adds the caption)."""
    if not src or not src.strip():
        return None, src or None, None
    common = _COMMON_SRC.fullmatch(src)
    if common is not None:
        return "https://" + common[1], src, int(common[2])
    url = original_url(src)
    match = _DW_IMAGE_ID.search(url)
    return url, src, int(match[1]) if match else None


def split_caption(text: str) -> tuple[Optional[str], Optional[str]]:
    """``(caption, credit)`` of a caption text; either is ``None`` when empty."""
    match = IMAGE_CREDIT.search(text)
    if match is None:
        return text or None, None
    caption = text[: match.start()].strip(" \n")
    credit = text[match.end() :].strip(" \n")
    return caption or None, credit or None
