"""Picture galleries: ``<h3>相关图集：TITLE</h3>`` (or the label in another
heading or a whole-bold ``<p>``) and the picture ``<div>``s after it, or
picture ``<div>``s on their own."""

from __future__ import annotations

from typing import Optional, TypeGuard

from lxml import etree

from dwparse.body.cursor import Cursor
from dwparse.body.html import Node, outer_html
from dwparse.body.image import is_caption_div
from dwparse.body.nodes import classes, has_media, media_count
from dwparse.captions import image_from_src
from dwparse.format import COLONS, GALLERY_LABEL, GALLERY_LABELS, STRONG_TAGS
from dwparse.model import Gallery, GalleryItem

__all__ = ["TAGS", "is_picture", "read", "read_pictures", "starts_with_label", "title_of"]

TAGS = ("h2", "h3", "h4", "div")
_LABEL_STARTS = tuple(GALLERY_LABELS.values())
_LABEL_LENGTH = max(len(label) for label in _LABEL_STARTS)


def read(cursor: Cursor, element: etree._Element) -> bool:
    """A labelled heading and its pictures, or pictures alone. (A whole-bold
    ``<p>`` with the label is read by :mod:`~dwparse.body.paragraph`, which
    asks :func:`title_of` and :func:`starts_with_label`.)"""
    if element.tag == "div":
        if not is_picture(element):
            return False
        read_pictures(cursor, None)
        return True
    if not starts_with_label(element) or has_media(element):
        return False  # kept whole
    text, builder = cursor.plain(element, keep=False)
    title = None if builder.found else title_of(text)
    if title is None:
        return False
    cursor.pos += 1
    read_pictures(cursor, title)
    return True


def title_of(text: str) -> Optional[str]:
    """The gallery title of a heading's text that starts with the label, else ``None``."""
    label = GALLERY_LABEL.match(text) if text.startswith(_LABEL_STARTS) else None
    return None if label is None else text[label.end() :].strip(" \n")


def starts_with_label(element: etree._Element) -> bool:
    """Whether the text of ``element`` may start with the gallery label: a
    quick look at its first text, the whole text only where that is short."""
    head = element.text
    if (head is None or head.isspace()) and len(element):
        head = element[0].text
    head = (head or "").lstrip()
    if len(head) < _LABEL_LENGTH:  # the label may go on in the next element
        head = "".join(element.itertext()).lstrip()  # type: ignore[arg-type]
    return head.startswith(_LABEL_STARTS)


def read_pictures(cursor: Cursor, title: Optional[str]) -> None:
    """The picture ``<div>``s at the cursor: one gallery (titled or not)."""
    pictures = []
    nodes = cursor.nodes
    while cursor.pos < len(nodes):
        node = nodes[cursor.pos]
        usual = _usual_picture(node)
        if usual is not None:  # <div><img><b>TITLE</b>：TEXT</div>, read directly
            img, bold = usual
            normalized = cursor.rules.normalized
            picture = GalleryItem(
                image_from_src(img.get("src")),
                normalized(bold.text or "").strip(" \n"),
                normalized(bold.tail or "").lstrip(COLONS + " ").rstrip(" "),
            )
        elif is_picture(node):
            picture = _picture(cursor, node)
        else:
            break
        cursor.pos += 1
        pictures.append(picture)
    cursor.add(Gallery(title, tuple(pictures)))


def _usual_picture(node: Node) -> Optional[tuple[etree._Element, etree._Element]]:
    """The ``<img>`` and ``<b>`` of the usual picture ``<div><img><b>TITLE</b>：TEXT</div>``
    (no class, no text before or between them), else ``None``."""
    if isinstance(node, str) or node.tag != "div" or len(node) != 2 or node.get("class") is not None:
        return None
    img, bold = node
    if img.tag != "img" or bold.tag not in STRONG_TAGS or len(bold):
        return None
    text, tail = node.text, img.tail
    if (text and not text.isspace()) or (tail and not tail.isspace()):
        return None
    return img, bold


def is_picture(node: Optional[Node]) -> TypeGuard[etree._Element]:
    """``<div><img …>…</div>``: one gallery picture (no other media in it)."""
    if node is None or isinstance(node, str) or node.tag != "div" or len(node) == 0 or node[0].tag != "img":
        return False
    if node.text and node.text.strip():
        return False
    if node.attrib and ("placeholder-image" in classes(node) or "embed" in classes(node)):
        return False
    if len(node) == 2 and node[1].tag in STRONG_TAGS and not len(node[1]):
        return True  # the usual <div><img><b>TITLE</b>：TEXT</div>
    return not is_caption_div(node) and media_count(node) == 1


def _picture(cursor: Cursor, div: etree._Element) -> GalleryItem:
    image = image_from_src(div[0].get("src"))
    if len(div) > 1 and div[1].tag in STRONG_TAGS:  # the usual place
        title_element: Optional[etree._Element] = div[1]
    else:
        title_element = next((child for child in div if child.tag in STRONG_TAGS), None)
    html = None  # the source, when links or topics in the title or text must be written back
    if title_element is None:
        title = None
    elif len(title_element):
        title, title_builder = cursor.plain(title_element)
        html = outer_html(div) if title_builder.found else None
    else:
        title = cursor.text(title_element)
    if len(div) == 2 and title_element is not None and not (div[0].tail or "").strip():
        text = cursor.rules.normalized(title_element.tail or "").lstrip(COLONS + " ").rstrip(" ")
        return GalleryItem(image, title, text, html)
    builder = cursor.builder(runs=False)
    builder.text(0, div[0].tail)
    for child in list(div)[1:]:
        if child is not title_element:
            builder.element(child)
        builder.text(0, child.tail)
    cursor.keep(builder)
    if builder.found:
        html = outer_html(div)
    return GalleryItem(image, title, builder.plain().lstrip(COLONS + " \n"), html)
