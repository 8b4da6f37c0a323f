"""The body's HTML: one lxml parse, what it found broken, and HTML written back.

:func:`parse_nodes` parses the body once (flattening nesting deeper than
:data:`~dwparse.format.MAX_DEPTH`), reports lxml's errors and a truncated end
as problems, and returns the top-level nodes the readers walk.
:func:`outer_html` writes an element as it was read, for blocks that keep it.
"""

from __future__ import annotations

import re
import threading
from html import escape
from typing import Callable, Iterator, Optional, Union

from lxml import etree

from dwparse.body.truncation import check_truncation
from dwparse.body.unclosed import foreign_cdata_as_text, heads_in_svg_shown, in_declaration, opened_for_good
from dwparse.format import MAX_ATTRIBUTES, MAX_DEPTH, RAW_TEXT_TAGS, TAG_PATTERN, VOID_TAGS
from dwparse.source import Source, line_bounds, quote

__all__ = ["Node", "outer_html", "parse_nodes"]

#: A top-level node of the body: an element, or text between elements.
Node = Union[etree._Element, str]

_MAX_HTML_PROBLEMS = 20
_TAG_START = re.compile(r"<(/?)([A-Za-z][A-Za-z0-9-]*)(?=[^A-Za-z0-9-])")
_TAG_STOP = re.compile(r"[<>\"']")
# A start tag long enough to hold very many attributes, and one attribute.
# (The lookahead keeps the name from backtracking: linear on any input.)
# A tag long enough to hold more than MAX_ATTRIBUTES attributes (each takes
# two characters at least), whose attributes are then counted.
_LONG_TAG = re.compile(r"<([A-Za-z][A-Za-z0-9-]*)(?=[^A-Za-z0-9-])[^<>]{%d,}>" % (2 * MAX_ATTRIBUTES))
_ATTRIBUTE = re.compile(r"""[^\s=/>"']+(?:\s*=\s*(?:"[^"]*"|'[^']*'|[^\s>"']+))?""")
_TOO_DEEP = "Excessive depth"
# Void elements that libxml2 nests, each inside the one before (<wbr><wbr>).
_NESTED_BY_LIBXML2 = frozenset({"embed", "source", "track", "wbr"})
_UNEXPECTED_END_TAG = re.compile(r"Unexpected end tag : (\S+)")
_DOCUMENT_END = re.compile(r"</(?:[bB][oO][dD][yY]|[hH][tT][mM][lL])[^<>]*>")
_local = threading.local()


def parse_nodes(source: Source, html: str, start: int) -> list[Node]:
    """The top-level nodes of the body ``html`` (at offset ``start`` of
    ``source.text``), whitespace-only text left out; problems reported."""
    original = html
    if _LONG_TAG.search(html) is not None:
        html = _bound_attributes(source, html, start)
    html = opened_for_good(source, html, start)
    if "<![CDATA[" in html:
        html = foreign_cdata_as_text(source, html, start)
    if _DOCUMENT_END.search(html) is not None:
        # lxml drops what follows </body> or </html>; blank the tags out
        # (same length, so that positions still hold) and keep the rest.
        # One inside a bogus comment (<!x </html> y>) ends the comment: kept.
        html = _DOCUMENT_END.sub(
            lambda match: match[0] if in_declaration(html, match.start()) else " " * len(match[0]), html
        )
    html = heads_in_svg_shown(html)  # one quick search for "<head" unless there is one
    root = _parse_html(source, html, start)
    check_truncation(source, original, start, None if html is not original else root)
    nodes: list[Node] = []
    for part in () if root is None else root:  # None: nothing but comments and the like
        if part.tag == "body":
            if part.text and not part.text.isspace():
                nodes.append(part.text)
            for child in part:
                nodes.append(child)
                if child.tail and not child.tail.isspace():
                    nodes.append(child.tail)
        else:  # <head> (its <title>, say) or <frameset>: read what they hold
            nodes.extend(part if part.tag == "head" else (part,))
    return nodes


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


def _bound_attributes(source: Source, html: str, start: int) -> str:
    """``html`` with tags of more than :data:`~dwparse.format.MAX_ATTRIBUTES`
    attributes cut to that many (blanked out, so positions hold): libxml2
    takes time that grows with the square of their number."""
    cut: list[int] = []

    def bounded(match: re.Match[str]) -> str:
        tag = match[0]
        attributes = _ATTRIBUTE.finditer(tag, len(match[1]) + 1)
        last = None
        for count, attribute in enumerate(attributes, start=1):
            if count == MAX_ATTRIBUTES:
                last = attribute
                break
        if last is None or last.end() >= len(tag) - 1 or not tag[last.end() : -1].strip(" \t\r\n/"):
            return tag
        cut.append(match.start())
        return tag[: last.end()] + " " * (len(tag) - 1 - last.end()) + ">"

    html = _LONG_TAG.sub(bounded, html)
    if cut:
        source.report(
            "html-malformed", f"{len(cut)} tag(s) with more than {MAX_ATTRIBUTES} attributes; the rest were not read", start + cut[0]
        )
    return html


def _parse_html(source: Source, html: str, start: int) -> Optional[etree._Element]:
    try:
        root, parser, byte_columns = _lxml_parse(html)
        errors = parser.error_log
        if len(errors) and _too_deep(errors):
            flat, cut = _flatten(html, _regex_tags)
            if cut >= 0:
                root, parser, byte_columns = _lxml_parse(flat)
            if cut < 0 or _too_deep(parser.error_log):  # "<" inside quoted attributes hid tags
                flat, cut = _flatten(html, _quoted_tags)
                root, parser, byte_columns = _lxml_parse(flat)
            source.report(
                "html-malformed",
                f"elements nested deeper than {MAX_DEPTH} levels; the deeper tags were dropped, their text kept",
                start + max(cut, 0),
            )
            errors = parser.error_log
    except (etree.LxmlError, ValueError) as error:
        source.report("html-malformed", f"lxml could not parse the body: {error}", start)
        return None
    if len(errors):
        _report_html_errors(source, html, start, errors, byte_columns)
    return root


def _lxml_parse(html: str) -> tuple[Optional[etree._Element], etree.HTMLParser, bool]:
    """lxml's tree of ``html``, the parser (for its errors), and whether error
    columns count bytes (an XML declaration naming an encoding makes lxml
    refuse text, so the UTF-8 bytes are parsed)."""
    try:
        parser = _parser()
        return etree.fromstring(html, parser), parser, False
    except ValueError:
        parser = _parser(encoding="utf-8")
        return etree.fromstring(html.encode("utf-8"), parser), parser, True


def _too_deep(errors: etree._ListErrorLog) -> bool:
    return any(entry.message.startswith(_TOO_DEEP) for entry in errors)


def _quoted_tags(html: str) -> Iterator[tuple[int, int, str, str]]:
    """``(start, end, "/" or "", name)`` of each tag, reading quoted attribute
    values whole (``<div title="<">``); in linear time, since the search for
    each quote only moves forward."""
    next_quote = {'"': -1, "'": -1}
    position = 0
    while (match := _TAG_START.search(html, position)) is not None:
        position = cursor = match.end()
        while (stop := _TAG_STOP.search(html, cursor)) is not None and stop[0] != ">":
            if stop[0] == "<":
                break
            quote_char = stop[0]
            if next_quote[quote_char] <= stop.start():
                next_quote[quote_char] = html.find(quote_char, stop.start() + 1)
            if next_quote[quote_char] < 0:
                stop = None
                break
            cursor = next_quote[quote_char] + 1
        if stop is not None and stop[0] == ">":
            position = stop.end()
            yield match.start(), stop.end(), match[1], match[2]


def _regex_tags(html: str) -> Iterator[tuple[int, int, str, str]]:
    """The same as :func:`_quoted_tags` for tags without ``<`` or ``>`` in
    their attributes, faster."""
    for match in TAG_PATTERN.finditer(html):
        yield match.start(), match.end(), match[1], match[2]


def _flatten(html: str, tags: Callable[[str], Iterator[tuple[int, int, str, str]]]) -> tuple[str, int]:
    """``html`` without the tags nested deeper than :data:`MAX_DEPTH`, and
    where the first was (-1: none was)."""
    pieces: list[str] = []
    depth = 0
    last = 0
    first_cut = -1
    for start, end, closing, name in tags(html):
        if closing:
            depth -= 1
            drop = depth >= MAX_DEPTH
            depth = max(depth, 0)
        elif html[end - 2 : end] == "/>":
            drop = False
        elif name.lower() in VOID_TAGS:
            drop = False
            if name.lower() in _NESTED_BY_LIBXML2:  # closed here, so that they do not nest
                pieces.append(html[last : end - 1] + " />")
                last = end
        else:
            depth += 1
            drop = depth > MAX_DEPTH
        if drop:
            if first_cut < 0:
                first_cut = start
            pieces.append(html[last:start])
            last = end
    pieces.append(html[last:])
    return "".join(pieces), first_cut


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
                if _FEED_VIDEO_END.match(html, offset) is not None:
                    continue  # the feed's own stray </small> of a video item: not damage
                message = f"unexpected end tag {quote(html[offset : closing + 1])}"
        if offset is None:
            offset = _entry_offset(html, entry, byte_columns)
        source.report("html-malformed", message, start + offset)


# A video item of the feed: <p>DESCRIPTION</small></p><video …> (FORMAT.md,
# "The real archive"): the stray </small> is the feed's, in every such item.
_FEED_VIDEO_END = re.compile(r"</small>\s*</p>\s*<video[\s>]", re.IGNORECASE)


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
    for match in TAG_PATTERN.finditer(html):
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
        elif name not in VOID_TAGS and not match[0].endswith("/>"):
            stack.append(name)
            open_count[name] = open_count.get(name, 0) + 1
    return found


# -- reading blocks -------------------------------------------------------------


def outer_html(element: etree._Element) -> str:
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
                out.append(node.text if tag in RAW_TEXT_TAGS else escape(node.text, quote=False))
            continue
        if tag not in VOID_TAGS:
            out.append(f"</{tag}>")
        if node is not element and node.tail:
            out.append(escape(node.tail, quote=False))
    return "".join(out)
