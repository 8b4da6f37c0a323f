"""The body: one lxml parse, then its top-level nodes read in order into blocks.

:func:`read_body` parses the body HTML once, reports what the HTML parser
found broken, and hands the top-level nodes to :class:`_Reader`, whose
``_read_*`` methods each turn one kind of node into blocks. The table
``_RULES`` says which method reads which tag.
"""

from __future__ import annotations

import re
import threading
from datetime import datetime, timezone
from html import escape
from typing import Callable, NamedTuple, Optional, TypeGuard, Union

import attrs
from dateutil.parser import isoparse
from lxml import etree

from dwparse.captions import image_from_src, split_caption
from dwparse.inlines import EM_TAGS, INLINE_TAGS, STRONG_TAGS, Collected, Flow, plain_text
from dwparse.model import (
    Block,
    Copyright,
    Credit,
    Gallery,
    GalleryItem,
    Heading,
    Image,
    ImageBlock,
    Inline,
    Link,
    ListBlock,
    Notice,
    Paragraph,
    Quote,
    Raw,
    TextRun,
    Topic,
)
from dwparse.source import Source, line_bounds, quote

__all__ = ["GALLERY_LABELS", "Body", "read_body"]

#: The label that opens a gallery heading, by script (render writes it back).
GALLERY_LABELS = {"zh": "相关图集", "zh-hant": "相關圖集"}
_GALLERY_LABEL = re.compile("(?:" + "|".join(GALLERY_LABELS.values()) + ")[ \t]*[:：][ \t]*")
_NOTICE_PREFIXES = ("DW中文有Instagram", "德国之声致力于", "德國之聲致力於")
_CREDIT_SEPARATORS = re.compile(r"[、，,/;；]")
# Agencies whose names do not end in 社 (lower case).
_AGENCY_NAMES = frozenset(
    "afp ap dpa epd kna reuters bloomberg efe ansa kyodo yonhap xinhua bbc cnn dw "
    "路透 彭博 德国之声 德國之聲 美联 美聯 法新 德新 新华 新華 共同 韩联 韓聯 中央".split()
)
# Elements that are content even when empty.
_EMBEDDED_TAGS = frozenset("audio canvas embed hr iframe img input object picture source svg video".split())
_FORMATTING_TAGS = STRONG_TAGS | EM_TAGS
_OPEN_PARENS = "（("
_CLOSE_PARENS = "）)"
_MAX_HTML_PROBLEMS = 20
_VOID_TAGS = frozenset("area base br col embed hr img input link meta param source track wbr".split())
# Linear on any input: the lookahead stops the name from backtracking into
# shorter names, and [^<>]* (not [^>]*) stops at the next tag.
_TAG = re.compile(r"<(/?)([A-Za-z][A-Za-z0-9-]*)(?=[^A-Za-z0-9-])[^<>]*>")
_TOO_DEEP = "Excessive depth"
#: Nesting deeper than this is flattened before lxml reads it (libxml2 drops
#: what lies deeper than 2048 levels, even with huge_tree).
MAX_DEPTH = 1000
_UNEXPECTED_END_TAG = re.compile(r"Unexpected end tag : (\S+)")
_DOCUMENT_END = re.compile(r"</(?:[bB][oO][dD][yY]|[hH][tT][mM][lL])[^<>]*>")
_START_TAG = re.compile(r"<([A-Za-z][A-Za-z0-9-]*)")
_OPEN_P = re.compile(r"<p[\s>/]", re.IGNORECASE)
_RAW_TEXT_TAGS = frozenset({"script", "style"})
_UTC = timezone.utc
_COMMON_TIME = re.compile(r"([0-9]{4})-([0-9]{2})-([0-9]{2})T([0-9]{2}):([0-9]{2}):([0-9]{2})(?:\.([0-9]{1,6}))?Z")

Node = Union[etree._Element, str]


class Body(NamedTuple):
    """What the body yields, before it becomes an :class:`~dwparse.Article`."""

    published_at: Optional[datetime]
    lead_image: Optional[Image]
    blocks: tuple[Block, ...]
    links: tuple[Link, ...]
    topics: tuple[Topic, ...]
    sources: tuple[str, ...]
    copyright: Optional[str]


_EMPTY = Body(None, None, (), (), (), (), None)
_local = threading.local()


def _parser(encoding: Optional[str] = None) -> etree.HTMLParser:
    """This thread's HTML parser (lxml parsers must not be shared by threads)."""
    name = f"parser_{encoding}"
    parser = getattr(_local, name, None)
    if parser is None:
        # No network, no DTD, comments and processing instructions dropped,
        # no depth limit (deep nesting is read without recursion).
        parser = etree.HTMLParser(  # type: ignore[call-arg]  # stubs lack default_doctype
            recover=True,
            no_network=True,
            remove_comments=True,
            remove_pis=True,
            collect_ids=False,
            default_doctype=False,
            huge_tree=True,
            encoding=encoding,
        )
        setattr(_local, name, parser)
    return parser


def read_body(source: Source, start: int) -> Body:
    """Read the body, which starts at offset ``start`` of ``source.text``."""
    html = source.text[start:]
    if not html or html.isspace():
        if not source.blank:
            source.report("body-missing", "no body after the title", len(source.text))
        return _EMPTY
    _check_truncation(source, html, start)
    if _DOCUMENT_END.search(html) is not None:
        # lxml drops what follows </body> or </html>; blank the tags out
        # (same length, so that positions still hold) and keep the rest.
        html = _DOCUMENT_END.sub(lambda match: " " * len(match[0]), html)
    root = _parse_html(source, html, start)
    nodes: list[Node] = []
    for part in () if root is None else root:  # None: nothing but comments and the like
        if part.tag == "body":
            if part.text:
                nodes.append(part.text)
            for child in part:
                nodes.append(child)
                if child.tail:
                    nodes.append(child.tail)
        else:  # <head> (its <title>, say) or <frameset>: read what they hold
            nodes.extend(part if part.tag == "head" else (part,))
    collected = Collected.for_body(html)
    return _Reader(source, start, nodes, collected).read()


def _parse_html(source: Source, html: str, start: int) -> Optional[etree._Element]:
    parser = _parser()
    byte_columns = False
    try:
        try:
            root = etree.fromstring(html, parser)
        except ValueError:  # an XML declaration with an encoding: parse the bytes
            parser = _parser(encoding="utf-8")
            root = etree.fromstring(html.encode("utf-8"), parser)
            byte_columns = True
    except etree.LxmlError as error:
        source.report("html-malformed", f"lxml could not parse the body: {error}", start)
        return None
    errors = parser.error_log
    if len(errors):
        if any(entry.message.startswith(_TOO_DEEP) for entry in errors):
            flat, cut = _flatten(html)
            source.report(
                "html-malformed",
                f"elements nested deeper than {MAX_DEPTH} levels; the deeper tags were dropped, their text kept",
                start + cut,
            )
            root = etree.fromstring(flat, parser)
            errors = parser.error_log
        _report_html_errors(source, html, start, errors, byte_columns)
    return root


def _flatten(html: str) -> tuple[str, int]:
    """``html`` without the tags nested deeper than :data:`MAX_DEPTH`, and where the first was."""
    pieces: list[str] = []
    depth = 0
    last = 0
    first_cut = -1
    for match in _TAG.finditer(html):
        if match[1]:
            depth -= 1
            drop = depth >= MAX_DEPTH
            depth = max(depth, 0)
        elif match[2].lower() in _VOID_TAGS or match[0].endswith("/>"):
            drop = False
        else:
            depth += 1
            drop = depth > MAX_DEPTH
        if drop:
            if first_cut < 0:
                first_cut = match.start()
            pieces.append(html[last : match.start()])
            last = match.end()
    pieces.append(html[last:])
    return "".join(pieces), max(first_cut, 0)


def _report_html_errors(
    source: Source, html: str, start: int, errors: etree._ListErrorLog, byte_columns: bool
) -> None:
    unexpected: Optional[dict[str, list[int]]] = None
    for count, entry in enumerate(errors):
        if count == _MAX_HTML_PROBLEMS:
            source.report(
                "html-malformed", f"{len(errors) - count} more HTML errors not listed", len(source.text)
            )
            return
        message = entry.message.strip()
        offset = None
        end_tag = _UNEXPECTED_END_TAG.fullmatch(message)
        if end_tag is not None:
            # lxml's columns are approximate: find the end tag itself.
            if unexpected is None:
                unexpected = _unexpected_end_tags(html)
            found = unexpected.get(end_tag[1].lower())
            if found:
                offset = found.pop(0)
                closing = html.find(">", offset)
                message = f"unexpected end tag {quote(html[offset : closing + 1])}"
        if offset is None:
            offset = _entry_offset(html, entry, byte_columns)
        source.report("html-malformed", message, start + offset)


def _entry_offset(html: str, entry: etree._LogEntry, byte_columns: bool) -> int:
    """The offset in ``html`` of a log entry's line and column."""
    line_start, line_end = line_bounds(html, int(entry.line))
    column = max(int(entry.column), 1)
    if byte_columns:
        column = len(html[line_start:line_end].encode("utf-8")[: column - 1].decode("utf-8", "ignore")) + 1
    return min(line_start + column - 1, line_end)


def _unexpected_end_tags(html: str) -> dict[str, list[int]]:
    """Offsets of end tags that close no open element, by tag name.

    A simple open-element stack, run only when lxml reported such a tag.
    """
    stack: list[str] = []
    open_count: dict[str, int] = {}
    found: dict[str, list[int]] = {}
    for match in _TAG.finditer(html):
        name = match[2].lower()
        if match[1]:
            if open_count.get(name):
                while True:
                    top = stack.pop()
                    open_count[top] -= 1
                    if top == name:
                        break
            else:
                found.setdefault(name, []).append(match.start())
        elif name not in _VOID_TAGS and not match[0].endswith("/>"):
            stack.append(name)
            open_count[name] = open_count.get(name, 0) + 1
    return found


def _check_truncation(source: Source, html: str, start: int) -> None:
    body = html.rstrip()
    last_open = body.rfind("<")
    last_close = body.rfind(">")
    if last_open > last_close:
        source.report("body-truncated", f"the body ends inside a tag: {quote(body[last_open:])}", start + last_open)
        return
    if last_close < 0:
        return
    tag = body[last_open:]
    match = _START_TAG.match(tag)
    if match and match[1].lower() not in _VOID_TAGS and not tag.endswith("/>"):
        if last_close == len(body) - 1:
            source.report("body-truncated", f"the body ends right after {quote(tag)}", start + last_open)
            return
    last_end_p = body.rfind("</p>")
    open_p = None
    for open_p in _OPEN_P.finditer(body, max(last_end_p, 0)):
        pass
    if open_p is not None and last_end_p < open_p.start():
        source.report(
            "body-truncated", f"the body ends inside a paragraph: {quote(body[-30:])}", start + len(body)
        )


# -- reading blocks -------------------------------------------------------------


def parse_time(text: str) -> Optional[datetime]:
    """An ISO 8601 time as an aware UTC datetime (no zone means UTC), or ``None``."""
    common = _COMMON_TIME.fullmatch(text)
    try:
        if common is not None:  # the archive's own form, read without dateutil
            year, month, day, hour, minute, second = (int(common[index]) for index in range(1, 7))
            microsecond = int((common[7] or "0").ljust(6, "0"))
            return datetime(year, month, day, hour, minute, second, microsecond, tzinfo=_UTC)
        value = isoparse(text)
        if value.tzinfo is None:
            return value.replace(tzinfo=_UTC)
        return value.astimezone(_UTC)
    except (ValueError, OverflowError):
        return None


def _classes(element: etree._Element) -> list[str]:
    return (element.get("class") or "").split()


def _only_child(element: etree._Element, tag: str) -> Optional[etree._Element]:
    """The only child element of ``element`` if it is a ``tag`` and no text stands beside it."""
    if len(element) != 1 or (element.text and element.text.strip()):
        return None
    child = element[0]
    if child.tag != tag or (child.tail and child.tail.strip()):
        return None
    return child


def _is_caption_div(node: Node) -> TypeGuard[etree._Element]:
    return not isinstance(node, str) and node.tag == "div" and _only_child(node, "small") is not None


def _is_picture_div(node: Node) -> TypeGuard[etree._Element]:
    if isinstance(node, str) or node.tag != "div" or len(node) == 0 or node[0].tag != "img":
        return False
    if node.text and node.text.strip():
        return False
    return "placeholder-image" not in _classes(node) and not _is_caption_div(node)


def _is_placeholder(node: Node) -> TypeGuard[etree._Element]:
    return not isinstance(node, str) and node.tag == "div" and "placeholder-image" in _classes(node)


class _Reader:
    """Reads the top-level nodes of a body, front to back."""

    def __init__(self, source: Source, start: int, nodes: list[Node], collected: Collected) -> None:
        self.source = source
        self.start = start
        # Whitespace-only text between blocks carries nothing.
        self.nodes = [node for node in nodes if not isinstance(node, str) or node.strip()]
        self.pos = 0
        self.collected = collected
        self.blocks: list[Block] = []

    # -- helpers ---------------------------------------------------------------

    def _peek(self) -> Optional[Node]:
        return self.nodes[self.pos] if self.pos < len(self.nodes) else None

    def _text(self, element: etree._Element) -> str:
        return plain_text(element, self.collected)

    def _caption_after(self) -> tuple[Optional[str], Optional[str]]:
        node = self._peek()
        if node is not None and _is_caption_div(node):
            self.pos += 1
            return split_caption(self._text(node))
        return None, None

    def _image(self, element: etree._Element) -> Image:
        """An image from an ``<img>``, a placeholder ``<div>`` or a ``<p>`` holding an image."""
        if element.tag == "img":
            return image_from_src(element.get("src"))
        img = element.find(".//img")
        if element.tag == "div" and img is not None:  # placeholder
            image = image_from_src(img.get("data-url") or img.get("src"))
            data_id = (img.get("data-id") or "").strip()
            if image.image_id is None and data_id.isascii() and data_id.isdigit() and len(data_id) <= 18:
                image = Image(image.url, image.src, int(data_id))
            return image
        return image_from_src(img.get("src") if img is not None else None)

    def _captioned(self, element: etree._Element) -> Image:
        image = self._image(element)
        own = self._text(element) if element.tag != "img" else ""
        caption, credit = split_caption(own) if own else self._caption_after()
        return Image(image.url, image.src, image.image_id, caption, credit)

    # -- the parts ---------------------------------------------------------------

    def read(self) -> Body:
        published_at = self._read_date()
        lead_image = self._read_lead_image()
        rules = _RULES
        while self.pos < len(self.nodes):
            node = self.nodes[self.pos]
            self.pos += 1
            if isinstance(node, str) or node.tag in INLINE_TAGS:
                self._read_inline_group(node)
            else:
                rules.get(node.tag, _Reader._read_raw)(self, node)
        blocks = self._without_repeated_lead(lead_image)
        sources: list[str] = []
        copyright = None
        for block in blocks:
            if isinstance(block, Credit):
                sources.extend(name for name in block.sources if name not in sources)
            elif isinstance(block, Copyright) and copyright is None:
                copyright = block.text
        return Body(
            published_at,
            lead_image,
            blocks,
            tuple(self.collected.links),
            tuple(self.collected.topics.values()),
            tuple(sources),
            copyright,
        )

    def _read_date(self) -> Optional[datetime]:
        node = self._peek()
        italic = None
        if node is not None and not isinstance(node, str) and node.tag == "div":
            italic = _only_child(node, "i")
        if (
            node is None
            or isinstance(node, str)
            or italic is None
            or any(child.tag != "br" for child in italic)
        ):
            self.source.report("date-missing", "no <div><i>TIME</i></div> at the start of the body", self.start)
            return None
        self.pos += 1
        text = self._text(italic).strip()
        value = parse_time(text)
        if value is None:
            offset = self.source.text.find(text, self.start) if text else -1
            self.source.report(
                "date-invalid", f"not an ISO 8601 time: {quote(text)}", offset if offset >= 0 else self.start
            )
            self.blocks.append(Raw(_html(node), text))
        return value

    def _read_lead_image(self) -> Optional[Image]:
        while (node := self._peek()) is not None and _is_empty_paragraph(node):
            self.pos += 1  # dropped anyway; the image after it is still the lead
        node = self._peek()
        if node is None or isinstance(node, str):
            return None
        if node.tag == "img" or _is_placeholder(node) or _is_image_paragraph(node):
            self.pos += 1
            return self._captioned(node)
        return None

    def _without_repeated_lead(self, lead: Optional[Image]) -> tuple[Block, ...]:
        blocks = self.blocks
        if lead is None:
            return tuple(blocks)
        for index, block in enumerate(blocks):
            if isinstance(block, Gallery):
                break
            if isinstance(block, ImageBlock):
                image = block.image
                same = (image.image_id, image.url) == (lead.image_id, lead.url) or (
                    image.image_id is not None and image.image_id == lead.image_id
                )
                if (
                    same
                    and image.caption in (None, lead.caption)
                    and image.credit in (None, lead.credit)
                ):
                    return tuple(blocks[:index] + blocks[index + 1 :])
                break
        return tuple(blocks)

    def _read_inline_group(self, first: Node) -> None:
        """Bare text and inline elements between blocks: one paragraph."""
        flow = Flow(self.collected, runs=True)
        node: Optional[Node] = first
        while True:
            if isinstance(node, str):
                flow.text(0, node)
            elif node is not None:
                flow.element(node)
            node = self._peek()
            if node is None or not (isinstance(node, str) or node.tag in INLINE_TAGS):
                break
            self.pos += 1
        self._paragraph_from(flow)

    def _read_paragraph(self, element: etree._Element) -> None:
        # The common cases, read directly: text only, or one formatting element.
        strong = em = False
        if not len(element):
            inner = element
        elif (
            len(element) == 1
            and not len(element[0])
            and element[0].tag in _FORMATTING_TAGS
            and not (element.text or "").strip()
            and not (element[0].tail or "").strip()
        ):
            inner = element[0]
            strong, em = inner.tag in STRONG_TAGS, inner.tag in EM_TAGS
        else:
            inner = None
        if inner is not None:
            text = self.collected.normalized(inner.text or "").strip(" ")
            if text and not text.isspace():
                self.blocks.append(_classify((TextRun(text, strong, em),)))
            return
        if _is_image_paragraph(element):
            self.blocks.append(ImageBlock(self._captioned(element)))
            return
        mark = self.collected.mark()
        flow = Flow(self.collected, runs=True)
        flow.container(element)
        if flow.foreign is not None or flow.images:
            self.collected.forget(mark)  # read again, as raw
            self._read_raw(element)
            return
        self._paragraph_from(flow, element)

    def _paragraph_from(self, flow: Flow, element: Optional[etree._Element] = None) -> None:
        inlines = flow.inlines()
        if not inlines or all(isinstance(run, TextRun) and run.text.isspace() for run in inlines):
            return  # nothing visible: <p>&nbsp;</p>
        block = _classify(inlines)
        kept_whole = (Heading, Credit, Copyright, Notice)
        if element is not None and flow.specials and isinstance(block, kept_whole):
            # Links or topics inside a heading, credit, copyright or notice:
            # keep the source, so that they are written back.
            block = attrs.evolve(block, html=_html(element))
        self.blocks.append(block)

    def _read_heading(self, element: etree._Element) -> None:
        mark = self.collected.mark()
        text = self._text(element)
        if element.tag == "h3":
            label = _GALLERY_LABEL.match(text)
            if label is not None:
                self._read_gallery(text[label.end() :].strip(" \n"))
                return
        if not text or text.isspace():
            if any(inner.tag in _EMBEDDED_TAGS for inner in element.iter()):  # an image, say: keep it whole
                self.collected.forget(mark)
                self._read_raw(element)
            return
        html = _html(element) if self.collected.mark() != mark else None
        self.blocks.append(Heading(text, int(element.tag[1]), html))

    def _read_gallery(self, title: Optional[str]) -> None:
        items = []
        while (node := self._peek()) is not None and _is_picture_div(node):
            self.pos += 1
            items.append(self._gallery_item(node))
        self.blocks.append(Gallery(title, tuple(items)))

    def _gallery_item(self, div: etree._Element) -> GalleryItem:
        image = image_from_src(div[0].get("src"))
        if len(div) > 1 and div[1].tag in STRONG_TAGS:  # the usual place
            title_element: Optional[etree._Element] = div[1]
        else:
            title_element = next((child for child in div if child.tag in STRONG_TAGS), None)
        title = self._text(title_element) if title_element is not None else None
        if len(div) == 2 and title_element is not None and not (div[0].tail or "").strip():
            # <div><img><b>TITLE</b>：TEXT</div>, read directly
            text = self.collected.normalized(title_element.tail or "").lstrip(":： ").rstrip(" ")
            return GalleryItem(image, title, text)
        flow = Flow(self.collected, runs=False)
        flow.text(0, div[0].tail)
        for child in list(div)[1:]:
            if child is not title_element:
                flow.element(child)
            flow.text(0, child.tail)
        text = flow.plain().lstrip(":： \n")
        return GalleryItem(image, title, text)

    def _read_div(self, element: etree._Element) -> None:
        if _is_picture_div(element):
            self.pos -= 1
            self._read_gallery(None)
        elif _is_placeholder(element):
            self.blocks.append(ImageBlock(self._captioned(element)))
        else:
            self._read_raw(element)

    def _read_img(self, element: etree._Element) -> None:
        self.blocks.append(ImageBlock(self._captioned(element)))

    def _read_list(self, element: etree._Element) -> None:
        stray_text = (element.text or "").strip() or any((child.tail or "").strip() for child in element)
        if stray_text or not len(element) or any(child.tag != "li" for child in element):
            self._read_raw(element)  # text or elements outside the items
            return
        items = [self._text(item) for item in element]
        self.blocks.append(ListBlock(element.tag == "ol", tuple(items), _html(element)))

    def _read_quote(self, element: etree._Element) -> None:
        text = self._text(element)
        if text or len(element):
            self.blocks.append(Quote(text, _html(element)))

    def _read_raw(self, element: etree._Element) -> None:
        text = self._text(element)
        if text or len(element) or element.attrib or (element.text or "").strip() or element.tag in _EMBEDDED_TAGS:
            self.blocks.append(Raw(_html(element), text))
        # else an empty <div></div>: nothing to keep


_RULES: dict[str, Callable[[_Reader, etree._Element], None]] = {
    "p": _Reader._read_paragraph,
    "h2": _Reader._read_heading,
    "h3": _Reader._read_heading,
    "h4": _Reader._read_heading,
    "div": _Reader._read_div,
    "img": _Reader._read_img,
    "ul": _Reader._read_list,
    "ol": _Reader._read_list,
    "blockquote": _Reader._read_quote,
}


def _html(element: etree._Element) -> str:
    """The HTML of ``element`` (not its tail), written without recursion.

    lxml's own HTML serializer percent-encodes non-ASCII URLs in ``href``
    and ``src``; this keeps attributes as they were read.
    """
    out: list[str] = []
    for event, node in etree.iterwalk(element, events=("start", "end")):
        tag = node.tag
        if not isinstance(tag, str):
            if event == "end" and node is not element and node.tail:
                out.append(escape(node.tail, quote=False))
            continue
        if event == "start":
            attributes = "".join(f' {name}="{escape(value)}"' for name, value in node.items())
            out.append(f"<{tag}{attributes}>")
            if node.text:
                out.append(node.text if tag in _RAW_TEXT_TAGS else escape(node.text, quote=False))
            continue
        if tag not in _VOID_TAGS:
            out.append(f"</{tag}>")
        if node is not element and node.tail:
            out.append(escape(node.tail, quote=False))
    return "".join(out)


def _is_empty_paragraph(node: Node) -> bool:
    """A ``<p>`` with nothing in it but whitespace."""
    return not isinstance(node, str) and node.tag == "p" and not len(node) and not (node.text or "").strip()


def _is_image_paragraph(node: Node) -> TypeGuard[etree._Element]:
    """A ``<p>`` that holds one ``<img>`` and no text."""
    if isinstance(node, str) or node.tag != "p":
        return False
    return _only_child(node, "img") is not None


def _classify(inlines: tuple[Inline, ...]) -> Block:
    text = inlines[0].text if len(inlines) == 1 else "".join(run.text for run in inlines)
    if text.startswith("©"):
        return Copyright(text)
    if text.startswith(_NOTICE_PREFIXES):
        return Notice(text)
    # All-italic in parentheses: a credit; all-bold: a heading. Links, topics
    # and runs of whitespace only do not count.
    all_em = all_strong = True
    visible = False
    for run in inlines:
        if not isinstance(run, TextRun):
            return Paragraph(text, inlines)
        if run.text.strip(" \n"):
            visible = True
            all_em = all_em and run.em
            all_strong = all_strong and run.strong
    if visible and all_em and text[:1] in _OPEN_PARENS and text[-1:] in _CLOSE_PARENS:
        return Credit(text, _credit_sources(text[1:-1]))
    if visible and all_strong:
        return Heading(text, 2)
    return Paragraph(text, inlines)


def _credit_sources(inner: str) -> tuple[str, ...]:
    """The agencies a credit names: parts between separators (and spaces)
    that name an agency (``…社`` or a known name), not an author or a note."""
    names: list[str] = []
    for part in _CREDIT_SEPARATORS.split(inner):
        for name in part.split():
            agency = name.endswith("社") or name.lower() in _AGENCY_NAMES
            if agency and name not in names and ":" not in name and "：" not in name:
                names.append(name)
    return tuple(names)