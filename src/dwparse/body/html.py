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

from dwparse.body.truncation import check_truncation, closed_at_end, content_end, ends_plainly
from dwparse.body.unclosed import (
    HIDING_TAGS, foreign_cdata_as_text, heads_in_svg_shown, in_declaration, opened_for_good, unclosed_quote,
)  # fmt: skip
from dwparse.format import MAX_ATTRIBUTES, MAX_DEPTH, RAW_TEXT_TAGS, TAG_PATTERN, VOID_TAGS
from dwparse.body.lxml_errors import report_html_errors
from dwparse.source import Source

__all__ = ["Node", "outer_html", "parse_nodes"]

#: A top-level node of the body: an element, or text between elements.
Node = Union[etree._Element, str]

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
_DOCUMENT_END = re.compile(r"</(?:[bB][oO][dD][yY]|[hH][tT][mM][lL])[^<>]*>")
_local = threading.local()


def parse_nodes(source: Source, html: str, start: int) -> list[Node]:
    """The top-level nodes of the body ``html`` (at offset ``start`` of
    ``source.text``), whitespace-only text left out; problems reported.

    A body that shows no sign of damage is parsed once, as it is
    (:func:`_parse_undamaged`); any other is checked for each kind of damage
    and parsed again with the damage undone (:func:`_parse_damaged`).
    """
    root = _parse_undamaged(source, html, start)
    if root is None:
        root = _parse_damaged(source, html, start)
    return _top_level(root)


#: Appended to a body for :func:`_parse_undamaged`: text no markup can
#: continue (it starts with a private-use character), which lands at the end
#: of the body's last node only when the body left nothing open.
_END_MARK = "\ue000dwparse-end"
_END_MARK_UTF8 = _END_MARK.encode("utf-8")
# Tags that may hold 2 * MAX_ATTRIBUTES characters: a necessary condition of _LONG_TAG, searched faster.
_MAY_BE_LONG_TAG = re.compile(r"<[^>]{%d}" % (2 * MAX_ATTRIBUTES))
# lxml's errors that a body without other damage may hold: an end tag that
# closes nothing (the feed's video items hold one), but not one that ends
# the head, the body or the document.
_HARMLESS_ERROR = re.compile(r"Unexpected end tag : (?!(?:head|body|html)\b)\S+")


def _parse_undamaged(source: Source, html: str, start: int) -> Optional[etree._Element]:
    """lxml's tree of ``html`` when nothing shows that it is damaged, else
    ``None`` (and nothing reported): the one parse a valid body costs.

    Every kind of damage the checks of :func:`_parse_damaged` look for shows
    here: a construct never closed (a comment, a quote, a hiding or any other
    element), a cut, or what follows ``</body>`` or ``</html>``, swallows
    :data:`_END_MARK` or keeps it from the end of the body, or leaves a
    hiding element (``<script>``, ``<svg>``, ...) in the tree; a ``<head>``,
    ``<body>`` or ``<html>`` tag out of place, or nesting too deep, leaves an
    error in lxml's log. The checks that cannot be told so run first, and
    cheaply: a tag long enough to hold very many attributes, a CDATA
    section, a body whose end a mark would not show cut (``<p>a</p><``), the
    last quote of a kind opening a value (which lxml may read as closing one).
    """
    end = content_end(html)
    if (
        _MAY_BE_LONG_TAG.search(html) is not None
        or ("!" in html and "<![CDATA[" in html)
        or not ends_plainly(html, end)
        or unclosed_quote(html) is not None
    ):
        return None
    if source.utf8 is not None and len(source.text) - start == len(html):  # html is the text's end
        # The input's own UTF-8 (else lxml would encode the text again).
        marked: Union[str, bytes] = source.utf8[len(source.text[:start].encode("utf-8")) :] + _END_MARK_UTF8
    else:
        marked = html + _END_MARK
    try:
        root, parser, byte_columns = _lxml_parse(marked)
    except (etree.LxmlError, ValueError):
        return None
    errors = parser.error_log
    if len(errors) and not all(_HARMLESS_ERROR.fullmatch(entry.message.strip()) for entry in errors):
        return None
    if root is None or not len(root) or root[-1].tag != "body":
        return None
    body = root[-1]
    last = body[-1] if len(body) else None
    text = body.text if last is None else last.tail
    if text is None or not text.endswith(_END_MARK) or next(root.iter(*HIDING_TAGS), None) is not None:
        return None  # (a hiding element that an end tag around it closed: is it never closed?)
    text = text[: -len(_END_MARK)] or None
    try:
        if last is None:
            body.text = text
        else:
            last.tail = text
    except ValueError:  # a control character from a reference (&#1;), which lxml keeps but will not be given
        return None
    if len(errors):
        report_html_errors(source, html, start, errors, byte_columns)
    if not closed_at_end(root, html, end):  # (the rest of check_truncation, ends_plainly checked)
        check_truncation(source, html, start, root)
    return root


def _parse_damaged(source: Source, html: str, start: int) -> Optional[etree._Element]:
    """lxml's tree of ``html`` after every check for damage, each reported
    and undone where it would hide text: tags of very many attributes,
    constructs never closed, CDATA in ``<svg>`` or ``<math>``, ``</body>``,
    ``<head>`` in ``<svg>``; then a cut end."""
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
    return root


def _top_level(root: Optional[etree._Element]) -> list[Node]:
    """The top-level nodes of lxml's tree ``root``, whitespace-only text left out."""
    nodes: list[Node] = []
    for part in () if root is None else root:  # None: nothing but comments and the like
        if part.tag == "body":
            if (text := part.text) and not text.isspace():
                nodes.append(text)
            for child in part:
                nodes.append(child)
                if (tail := child.tail) and not tail.isspace():  # (each text read once: lxml makes it anew)
                    nodes.append(tail)
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
        report_html_errors(source, html, start, errors, byte_columns)
    return root


def _lxml_parse(html: Union[str, bytes]) -> tuple[Optional[etree._Element], etree.HTMLParser, bool]:
    """lxml's tree of ``html`` (text, or UTF-8), the parser (for its errors),
    and whether error columns count bytes (an XML declaration naming an
    encoding makes lxml refuse text, so the UTF-8 bytes are parsed)."""
    if isinstance(html, bytes):  # libxml2 counts the columns of UTF-8 given as such in characters
        parser = _parser(encoding="utf-8")
        return etree.fromstring(html, parser), parser, False
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
