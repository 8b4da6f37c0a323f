"""Images: ``<img>`` with its ``<div><small>`` caption, DW's placeholders,
and a ``<p>`` that holds nothing but an image."""

from __future__ import annotations

from typing import Optional, TypeGuard

from lxml import etree

from dwparse.body.cursor import Cursor
from dwparse.body.html import Node
from dwparse.body.nodes import classes, has_media, media_count, only_child
from dwparse.captions import image_source, split_caption
from dwparse.format import STRONG_TAGS
from dwparse.model import Heading, Image, ImageBlock

__all__ = ["BLANK_TEXT", "GIVES", "LEAVES", "TAGS", "captioned", "is_caption_div", "is_image", "read"]

TAGS = ("img", "div", "p")
#: A placeholder <div> or an image's <p> holds an <img>, a bold placeholder a
#: <strong>: of the elements without element children, only an <img> is one.
LEAVES = ("img",)
GIVES = (ImageBlock, Heading)
#: A ``<p>`` holding an image, or a bold placeholder, holds no text before it.
BLANK_TEXT = ("p",)


def is_image(node: Node) -> TypeGuard[etree._Element]:
    """An ``<img>``, a DW placeholder ``<div>`` or a ``<p>`` holding one image and no text."""
    if isinstance(node, str):
        return False
    if node.tag == "img":
        return True
    if node.tag == "p":
        return only_child(node, "img") is not None
    if node.tag != "div" or "placeholder-image" not in classes(node):
        return False
    return media_count(node) == 1 and node.find(".//img") is not None


def is_caption_div(node: Optional[Node]) -> TypeGuard[etree._Element]:
    """``<div><small>CAPTION</small></div>``, without media in it."""
    if node is None or isinstance(node, str) or node.tag != "div":
        return False
    small = only_child(node, "small")
    return small is not None and not has_media(small)


def read(cursor: Cursor, element: etree._Element) -> int:
    """An image between paragraphs, with its caption; or DW's image
    placeholder in a bold subheading."""
    if not is_image(element):
        return _bold_placeholder(cursor, element)
    image, consumed = captioned(cursor, element, 0)
    if image is not None:
        cursor.add(ImageBlock(image))
    return consumed


def captioned(cursor: Cursor, element: etree._Element, ahead: int) -> tuple[Optional[Image], int]:
    """The image of ``element`` (``ahead`` nodes after the cursor) with its
    caption: the element's own text, or the caption ``<div>`` after it; and
    how many nodes they are (1 or 2). ``<img src="">`` without a caption is
    no image (``None``)."""
    image = _image(element)
    html = None
    consumed = 1
    own, builder = cursor.plain(element) if element.tag != "img" else ("", None)
    if own:
        caption, credit = split_caption(own)
        html = cursor.source_if_linked(builder, element)
    elif is_caption_div(node := cursor.peek(ahead + 1)):
        text, builder = cursor.plain(node)
        caption, credit = split_caption(text)
        html = cursor.source_if_linked(builder, element, node)
        consumed = 2
    else:
        caption = credit = None
    url, src, image_id = image
    if src is None and image_id is None and caption is None and credit is None:
        return None, consumed  # no source, no caption (an empty one at most): no image at all
    return Image(url, src, image_id, caption, credit, html), consumed


def _image(element: etree._Element) -> tuple[Optional[str], Optional[str], Optional[int]]:
    """``(url, src, image_id)`` of the image of ``element``."""
    if element.tag == "img":
        return image_source(element.get("src"))
    img = element.find(".//img")
    if element.tag == "div" and img is not None:  # placeholder
        url, src, image_id = image_source(img.get("data-url") or img.get("src"))
        data_id = (img.get("data-id") or "").strip()
        if image_id is None and data_id.isascii() and data_id.isdigit() and len(data_id) <= 18:
            image_id = int(data_id)
        return url, src, image_id
    return image_source(img.get("src") if img is not None else None)


def _bold_placeholder(cursor: Cursor, element: etree._Element) -> int:
    """``<p><strong><span class="placeholder" data-id=ID data-type="IMAGE"></span><p>TITLE</p></strong></p>``
    (2020-2021): an image known by its id, and a subheading (the inner
    ``<p>`` may be empty)."""
    if element.tag != "p" or len(element) != 1:
        return 0
    bold = element[0]
    if bold.tag not in STRONG_TAGS or not len(bold) or (element.text or "").strip() or (bold.text or "").strip():
        return 0  # (tags first: reading a text costs more)
    if (bold.tail or "").strip():
        return 0
    span, rest = bold[0], list(bold)[1:]
    if span.tag != "span" or span.get("data-type") != "IMAGE" or len(span) or (span.text or "").strip():
        return 0
    data_id = (span.get("data-id") or "").strip()
    if not (data_id.isascii() and data_id.isdigit() and len(data_id) <= 18) or has_media(bold):
        return 0
    if any(part.tag != "p" or (part.tail or "").strip() for part in rest) or (span.tail or "").strip():
        return 0
    cursor.add(ImageBlock(Image(None, None, int(data_id))))
    title = "\n".join(text for part in rest if (text := cursor.text(part)))
    if title:
        cursor.add(Heading(title, 2))
    return 1
