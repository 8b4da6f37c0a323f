"""The body: one lxml parse, then its top-level nodes read in order into blocks.

:func:`read_body` parses the body HTML once, reports what the HTML parser
found broken, and hands the top-level nodes to :class:`_Reader`, whose
``_read_*`` methods each turn one kind of node into blocks. The table
``_RULES`` says which method reads which tag.
"""

from __future__ import annotations

import re
import threading
from datetime import datetime
from html import escape
from typing import Callable, NamedTuple, Optional, TypeGuard, Union

import attrs
from lxml import etree

from dwparse.captions import image_from_src, split_caption
from dwparse.credits import author_line_names, credit_sources, is_author_line
from dwparse.embeds import MEDIA_TAGS, embed_of, has_media, is_dw_embed
from dwparse.inlines import EM_TAGS, INLINE_TAGS, STRONG_TAGS, Collected, Flow, plain_text
from dwparse.model import (
    Block,
    Copyright,
    Credit,
    Embed,
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
from dwparse.timeline import read_time_line

__all__ = ["GALLERY_LABELS", "Body", "read_body"]

#: The label that opens a gallery heading, by script (render writes it back).
GALLERY_LABELS = {"zh": "相关图集", "zh-hant": "相關圖集"}
_GALLERY_LABEL = re.compile("(?:" + "|".join(GALLERY_LABELS.values()) + ")[ \t]*[:：][ \t]*")
_NOTICE_PREFIXES = ("DW中文有Instagram", "德国之声致力于", "德國之聲致力於")
# An interviewer's question: a paragraph, even when all of it is bold.
_INTERVIEWER = re.compile(
    r"(?:(?:德国之声|德國之聲|DW|dw)(?:中文网|中文網|中文|记者|記者)?|问|問)[ \t\u00a0\u3000]*[:：]"
)
# Paragraphs that may be an author line start so.
_AUTHOR_LINE_STARTS = ("作者", "（作者", "(作者")
# Elements that are content even when empty.
_EMBEDDED_TAGS = frozenset("audio canvas embed hr iframe img input object picture source svg video".split())
_FORMATTING_TAGS = STRONG_TAGS | EM_TAGS
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
# What the time line may hold: inline elements with visible text.
_LINE_TAGS = INLINE_TAGS - MEDIA_TAGS - {"svg"}

Node = Union[etree._Element, str]


class Body(NamedTuple):
    """What the body yields, before it becomes an :class:`~dwparse.Article`."""

    published_at: Optional[datetime]
    authors: tuple[str, ...]
    lead_image: Optional[Image]
    blocks: tuple[Block, ...]
    links: tuple[Link, ...]
    topics: tuple[Topic, ...]
    sources: tuple[str, ...]
    copyright: Optional[str]


_EMPTY = Body(None, (), None, (), (), (), (), None)
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
    if isinstance(node, str) or node.tag != "div":
        return False
    small = _only_child(node, "small")
    return small is not None and not has_media(small)


def _media_count(element: etree._Element) -> int:
    return sum(1 for _ in element.iter(*MEDIA_TAGS))


def _is_picture_div(node: Node) -> TypeGuard[etree._Element]:
    """``<div><img …>…</div>``: one gallery picture (no other media in it)."""
    if isinstance(node, str) or node.tag != "div" or len(node) == 0 or node[0].tag != "img":
        return False
    if node.text and node.text.strip():
        return False
    if node.attrib and ("placeholder-image" in _classes(node) or "embed" in _classes(node)):
        return False
    if len(node) == 2 and node[1].tag in STRONG_TAGS and not len(node[1]):
        return True  # the usual <div><img><b>TITLE</b>：TEXT</div>
    return not _is_caption_div(node) and _media_count(node) == 1


def _is_placeholder(node: Node) -> TypeGuard[etree._Element]:
    """DW's ``<div class="placeholder-image"><img data-id=…></div>``, one image in it."""
    if isinstance(node, str) or node.tag != "div" or "placeholder-image" not in _classes(node):
        return False
    return _media_count(node) == 1 and node.find(".//img") is not None


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
        published_at, line_authors = self._read_time_line()
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
        sources: dict[str, None] = {}
        authors = dict.fromkeys(line_authors)
        copyright = None
        for block in blocks:
            if isinstance(block, Credit):
                sources.update(dict.fromkeys(block.sources))
                authors.update(dict.fromkeys(author_line_names(block.text)))
            elif isinstance(block, Copyright) and copyright is None:
                copyright = block.text
            elif (
                isinstance(block, Paragraph)
                and block.text.startswith(_AUTHOR_LINE_STARTS)
                and is_author_line(block.text)
            ):
                authors.update(dict.fromkeys(author_line_names(block.text)))
        return Body(
            published_at,
            tuple(authors),
            lead_image,
            blocks,
            tuple(self.collected.links),
            tuple(self.collected.topics.values()),
            tuple(sources),
            copyright,
        )

    def _read_time_line(self) -> tuple[Optional[datetime], tuple[str, ...]]:
        """``<div><i>AUTHORS<br>TIME</i></div>``: the time and the authors."""
        node = self._peek()
        italic = None
        if node is not None and not isinstance(node, str) and node.tag == "div":
            italic = _only_child(node, "i")
        if node is None or isinstance(node, str) or italic is None or not _is_line_of_text(italic):
            self.source.report("date-missing", "no <div><i>TIME</i></div> at the start of the body", self.start)
            return None, ()
        self.pos += 1
        if next(italic.iter("a", "span"), None) is not None:
            self._text(italic)  # lists its links and topics
        line = read_time_line(_segments(italic, self.collected))
        text = line.time_text
        if line.published_at is None:
            if text:
                offset = self.source.text.find(text, self.start)
                self.source.report(
                    "date-invalid", f"not an ISO 8601 time: {quote(text)}", offset if offset >= 0 else self.start
                )
                self.blocks.append(Raw(_html(node), self._text(italic)))
            else:
                self.source.report("date-missing", "the time line holds no time", self.start)
        return line.published_at, line.authors

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
        """Bare text and inline elements between blocks: one paragraph
        (a raw block if media or block elements stand inside them)."""
        mark = self.collected.mark()
        group = [first]
        while (node := self._peek()) is not None and (isinstance(node, str) or node.tag in INLINE_TAGS):
            group.append(node)
            self.pos += 1
        flow = _group_flow(group, Flow(self.collected, runs=True))
        if flow.foreign is None and not flow.images:
            self._paragraph_from(flow)
            return
        self.collected.forget(mark)  # read again, as raw
        flow = _group_flow(group, Flow(self.collected, runs=False))
        html = "".join(escape(node, quote=False) if isinstance(node, str) else _html(node) for node in group)
        self.blocks.append(Raw(html, flow.plain()))

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
                self._add_classified(_classify((TextRun(text, strong, em),)))
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
        self._add_classified(block)

    def _add_classified(self, block: Block) -> None:
        """Add a block that :func:`_classify` gave; a heading that opens a gallery opens it."""
        if isinstance(block, Heading) and block.html is None:
            label = _GALLERY_LABEL.match(block.text)
            if label is not None:
                self._read_gallery(block.text[label.end() :].strip(" \n"))
                return
        self.blocks.append(block)

    def _read_heading(self, element: etree._Element) -> None:
        if has_media(element):  # an image beside the text, say: keep it whole
            self._read_raw(element)
            return
        mark = self.collected.mark()
        text = self._text(element)
        if not text or text.isspace():
            return
        html = _html(element) if self.collected.mark() != mark else None
        self._add_classified(Heading(text, int(element.tag[1]), html))

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
        elif is_dw_embed(element):
            self._read_embed(element)
        else:
            self._read_raw(element)

    def _read_embed(self, element: etree._Element) -> None:
        """A player, an ``<iframe>`` or a DW embed ``<div>``: an embed, whatever it holds."""
        self._text(element)  # lists its links and topics
        html = _html(element)
        self.blocks.append(embed_of(element, html) or Raw(html, ""))

    def _read_img(self, element: etree._Element) -> None:
        self.blocks.append(ImageBlock(self._captioned(element)))

    def _read_list(self, element: etree._Element) -> None:
        stray_text = (element.text or "").strip() or any((child.tail or "").strip() for child in element)
        if stray_text or not len(element) or any(child.tag != "li" for child in element) or has_media(element):
            self._read_raw(element)  # text or elements outside the items, or media in them
            return
        items = [self._text(item) for item in element]
        self.blocks.append(ListBlock(element.tag == "ol", tuple(items), _html(element)))

    def _read_quote(self, element: etree._Element) -> None:
        if has_media(element):
            self._read_raw(element)
            return
        text = self._text(element)
        if text or len(element):
            self.blocks.append(Quote(text, _html(element)))

    def _read_raw(self, element: etree._Element) -> None:
        text = self._text(element)
        if not text and len(element):  # a wrapper around one player is that player
            html = _html(element)
            embed = embed_of(element, html)
            self.blocks.append(embed or Raw(html, text))
            return
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
    "video": _Reader._read_embed,
    "audio": _Reader._read_embed,
    "iframe": _Reader._read_embed,
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


def _group_flow(group: list[Node], flow: Flow) -> Flow:
    """``flow`` fed with the nodes of an inline group."""
    for node in group:
        if isinstance(node, str):
            flow.text(0, node)
        else:
            flow.element(node)
    return flow


def _is_line_of_text(element: etree._Element) -> bool:
    """Whether ``element`` holds nothing but text and inline elements other than media."""
    return all(inner.tag in _LINE_TAGS for inner in element.iterdescendants())


def _segments(italic: etree._Element, collected: Collected) -> list[str]:
    """The text of ``italic`` between its ``<br>`` elements, normalised and trimmed."""
    pieces: list[list[str]] = [[]]
    for event, node in etree.iterwalk(italic, events=("start", "end")):
        if event == "start":
            if node.tag == "br":
                pieces.append([])
            elif node.text:
                pieces[-1].append(node.text)
        elif node is not italic and node.tail:
            pieces[-1].append(node.tail)
    return [collected.normalized("".join(piece)).strip() for piece in pieces]


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
    if not visible:
        return Paragraph(text, inlines)
    if text[0] in "（(" or "作者" in text:  # may be a credit line
        sources = credit_sources(text, italic=all_em)
        if sources is not None:
            return Credit(text, sources)
    if all_strong and _INTERVIEWER.match(text) is None and not is_author_line(text):
        return Heading(text, 2)
    return Paragraph(text, inlines)
