"""Media that is not a picture: ``<video>``, ``<audio>``, ``<iframe>`` and DW's embed ``<div>``s.

An embed block keeps its element whole (``html``); its ``kind``, ``url``,
``poster`` and ``target_id`` are read from the player inside. A wrapper that
holds nothing but one player is that player (see :mod:`dwparse.body.raw`).
"""

from __future__ import annotations

from typing import Optional

from lxml import etree

from dwparse.body.cursor import Cursor
from dwparse.body.html import outer_html
from dwparse.body.nodes import classes
from dwparse.captions import image_from_src
from dwparse.format import EMBED_TAGS, MEDIA_TAGS
from dwparse.model import Embed, Image, Raw
from dwparse.urls import split_url

__all__ = ["GIVES", "TAGS", "embed_of", "read"]

TAGS = ("video", "audio", "iframe", "div")
GIVES = (Embed, Raw)
_YOUTUBE_HOSTS = ("youtube.com", "youtube-nocookie.com", "youtu.be")
# DW's embed classes whose kind is not the class name itself; a class ending
# in "-wrapper" (vjs-wrapper, yt-wrapper) takes the kind of the media inside.
_DW_KINDS = {"image-gallery": "gallery", "dw-widget": "widget", "yt-wrapper": "youtube"}
_INT64_MAX = 2**63 - 1


def read(cursor: Cursor, element: etree._Element) -> int:
    """A player or an ``<iframe>``, or a DW embed ``<div>``, whatever it holds."""
    if element.tag == "div" and "embed" not in classes(element):
        return 0
    text = cursor.text(element)  # and lists its links and topics
    html = outer_html(element)
    # A player holding more media (broken HTML swallowing what follows) is kept raw, with its text.
    cursor.add(embed_of(element, html) or Raw(html, text))
    return 1


def embed_of(element: etree._Element, html: str) -> Optional[Embed]:
    """The embed that ``element`` is, or ``None``.

    A ``<video>``, ``<audio>`` or ``<iframe>`` is one; so is a DW embed
    ``<div>``, whatever it holds. Any other element is one only when it
    holds exactly one such media element and no other media (the caller
    checks that it holds no text). ``html`` is the element as written.
    """
    media = list(element.iter(*MEDIA_TAGS))
    players = [node for node in media if node.tag in EMBED_TAGS]
    player = players[0] if players else None
    if "embed" in classes(element):
        kind = _dw_kind(element, player)
    elif player is None or len(media) != 1:
        return None
    else:
        kind = _media_kind(player)
    url = _media_url(player) if player is not None else None
    return Embed(kind, url, _poster(player), _target_id(element.get("data-id")), html)


def _dw_kind(element: etree._Element, player: Optional[etree._Element]) -> str:
    others = [name for name in (element.get("class") or "").split() if name != "embed"]
    for name in others:
        if name in _DW_KINDS:
            return _DW_KINDS[name]
    for name in others:
        if not name.endswith("-wrapper"):
            return name
    return _media_kind(player) if player is not None else "embed"


def _media_kind(player: etree._Element) -> str:
    if player.tag != "iframe":
        return str(player.tag)
    parts = split_url(_media_url(player) or "")
    host = (parts.hostname or "") if parts is not None else ""
    youtube = any(host == name or host.endswith("." + name) for name in _YOUTUBE_HOSTS)
    return "youtube" if youtube else "iframe"


def _media_url(player: etree._Element) -> Optional[str]:
    for source in player.iter("source"):
        src = (source.get("src") or "").strip()
        if src:
            return src
    return (player.get("src") or "").strip() or (player.get("data-src") or "").strip() or None


def _poster(player: Optional[etree._Element]) -> Optional[Image]:
    if player is None or player.tag != "video":
        return None
    for name in ("poster", "data-posterurl"):
        src = player.get(name)
        if src and not src.isspace():
            return image_from_src(src)
    return None


def _target_id(data_id: Optional[str]) -> Optional[int]:
    data_id = (data_id or "").strip()
    if not (data_id.isascii() and data_id.isdigit()) or len(data_id) > 19:
        return None
    value = int(data_id)
    return value if value <= _INT64_MAX else None
