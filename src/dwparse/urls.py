"""DW URLs: what item a page or API address names."""

from __future__ import annotations

import re
from typing import NamedTuple, Optional
from urllib.parse import SplitResult, urlsplit

__all__ = ["KIND_WORDS", "DwAddress", "dw_address", "link_target", "split_url"]

#: The ``{kind}`` of a DW page URL's last segment, and its ``content_type`` word.
KIND_WORDS: dict[str, str] = {
    "a": "article",
    "av": "media",
    "video": "video",
    "audio": "audio",
    "g": "gallery",
    "live": "liveblog",
}

_KIND_ID = re.compile(r"([A-Za-z]+)-([0-9]{1,18})")
_API_PATH = re.compile(r"/api/detail/([A-Za-z]+)/([0-9]{1,18})/?")
_COMMON_PAGE_URL = re.compile(
    r"https?://www\.dw\.com/([a-z]{2,3}(?:-[a-z]+)?)/[^/?#]+/([a-z]+)-([0-9]{1,18})(?:\?[^#]*)?"
)
_COMMON_API_URL = re.compile(r"https://api\.dw\.com/api/detail/([a-z]+)/([0-9]{1,18})")


class DwAddress(NamedTuple):
    """What a DW page URL names: language, ``{kind}`` word and id."""

    language: Optional[str]
    content_type: Optional[str]
    item_id: Optional[int]


def split_url(url: str) -> Optional[SplitResult]:
    """``urlsplit(url)``, or ``None`` where the URL cannot be split."""
    try:
        return urlsplit(url.strip())
    except ValueError:
        return None


def _is_dw_host(host: str) -> bool:
    host = host.lower()
    return host == "dw.com" or host.endswith(".dw.com")


def dw_address(url: str) -> DwAddress:
    """Language, content type and id from a ``dw.com/{language}/.../{kind}-{id}`` URL.

    The id and content type are read from any URL's last path segment (query
    and fragment ignored, unless a raw ``?`` in the slug made the last
    segment part of the query); the language only from a ``dw.com`` host.
    """
    common = _COMMON_PAGE_URL.fullmatch(url)
    if common is not None:  # https://www.dw.com/{language}/{slug}/{kind}-{id}
        return DwAddress(common[1], KIND_WORDS.get(common[2]), int(common[3]))
    parts = split_url(url)
    if parts is None:
        return DwAddress(None, None, None)
    segments = [segment for segment in parts.path.split("/") if segment]
    language = None
    if segments and _is_dw_host(parts.hostname or "") and len(segments) > 1:
        language = segments[0]
    match = _KIND_ID.fullmatch(segments[-1]) if segments else None
    if match is None and parts.query and "/" in parts.query:
        # A raw "?" in the slug (…/他们为何急着润?/a-69635934): the last segment stands after it.
        head = parts.query.split("?", 1)[0].split("&", 1)[0].rstrip("/")
        match = _KIND_ID.fullmatch(head.rsplit("/", 1)[-1])
    if match is None:
        return DwAddress(language, None, None)
    return DwAddress(language, KIND_WORDS.get(match[1].lower()), int(match[2]))


def link_target(href: Optional[str]) -> tuple[Optional[int], Optional[str]]:
    """``(target_id, target_type)`` of a link to a DW item, else ``(None, None)``.

    ``https://api.dw.com/api/detail/{type}/{id}`` gives ``{type}`` and
    ``{id}``; a ``dw.com`` page URL ending in ``{kind}-{id}`` gives ``{id}`` and
    the content type word of ``{kind}``.
    """
    if not href:
        return None, None
    common = _COMMON_API_URL.fullmatch(href)
    if common is not None:
        return int(common[2]), common[1]
    parts = split_url(href)
    if parts is None or not _is_dw_host(parts.hostname or ""):
        return None, None
    if (parts.hostname or "").lower() == "api.dw.com":
        match = _API_PATH.fullmatch(parts.path)
        if match is None:
            return None, None
        return int(match[2]), match[1]
    address = dw_address(href)
    return address.item_id, address.content_type if address.item_id is not None else None
