"""Picture galleries: ``<h3>相关图集：TITLE</h3>`` (or the label in another
heading or a whole-bold ``<p>``) and the picture ``<div>``s after it, or
picture ``<div>``s on their own."""

from __future__ import annotations

from typing import Optional, TypeGuard

from lxml import etree

from dwparse.body.cursor import Cursor
from dwparse.body.html import Node
from dwparse.body.image import is_caption_div
from dwparse.body.nodes import classes, has_media, media_count, style_of
from dwparse.captions import image_from_src
from dwparse.format import COLONS, GALLERY_LABEL, GALLERY_LABELS, STRONG_TAGS
from dwparse.model import Gallery, GalleryItem

__all__ = ["BLANK_TEXT", "GIVES", "LEAVES", "TAGS", "is_picture", "read", "read_pictures", "starts_with_label", "title_of"]

TAGS = ("h2", "h3", "h4", "div", "p")
#: Picture <div>s hold an image, a gallery <p> a bold element: only a heading
#: without element children may be one.
LEAVES = ("h2", "h3", "h4")
GIVES = (Gallery,)
#: Only a whole-bold ``<p>`` is one: its first text is blank.
BLANK_TEXT = ("p",)
_LABEL_STARTS = tuple(GALLERY_LABELS.values())
_LABEL_LENGTH = max(len(label) for label in _LABEL_STARTS)
_LABEL_FIRSTS = tuple({label[0] for label in _LABEL_STARTS})


def read(cursor: Cursor, element: etree._Element) -> int:
    """A labelled heading or whole-bold ``<p>`` and its pictures, or pictures alone."""
    head = element.text
    if head and not head.isspace() and not head.lstrip().startswith(_LABEL_FIRSTS):
        return 0  # the common paragraph, told at its first character
    if element.tag == "div":
        return read_pictures(cursor, None, 0) if is_picture(element) else 0
    if not starts_with_label(element):
        return 0
    if element.tag == "p":
        title = _bold_title(cursor, element)
    elif has_media(element):
        return 0  # kept whole
    else:
        text, builder = cursor.plain(element, keep=False)
        title = None if builder.found else title_of(text)
    return 0 if title is None else 1 + read_pictures(cursor, title, 1)


def _bold_title(cursor: Cursor, element: etree._Element) -> Optional[str]:
    """The gallery title of a ``<p>`` whose visible text is all bold and
    starts with the label, else ``None``."""
    builder = cursor.builder(runs=True)
    builder.container(element)
    if builder.block_tag is not None or builder.has_image:
        return None
    inlines = builder.inlines()
    style = style_of(inlines)
    if style is None or not style.bold:
        return None
    return title_of("".join(run.text for run in inlines))


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


def read_pictures(cursor: Cursor, title: Optional[str], ahead: int) -> int:
    """The picture ``<div>``s from ``ahead`` nodes after the cursor on: one
    gallery (titled or not). Says how many nodes they are."""
    pictures = []
    nodes = cursor.nodes
    at = cursor.pos + ahead
    while at < len(nodes):
        node = nodes[at]
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
        at += 1
        pictures.append(picture)
    cursor.add(Gallery(title, tuple(pictures)))
    return len(pictures)


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
        html = cursor.source_if_linked(title_builder, div)
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
    html = html or cursor.source_if_linked(builder, div)
    return GalleryItem(image, title, builder.plain().lstrip(COLONS + " \n"), html)
