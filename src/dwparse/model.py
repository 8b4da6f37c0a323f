"""The article model: small, immutable value objects.

Every class here is a frozen, slotted ``attrs`` class with value equality.
Field names are the JSON keys of :meth:`Article.to_dict`; lists are tuples and
times are aware :class:`~datetime.datetime` objects in UTC. Blocks and inline
runs carry their JSON ``"type"`` word in the class variable ``TYPE``.
"""

from __future__ import annotations

import json
from datetime import datetime
from typing import Any, ClassVar, Literal, Optional, TypeVar, Union

import attrs

from dwparse.frozen import reducer, source_html as _source_html
from dwparse.jsonshape import article_from_dict, article_to_dict
from dwparse.writers import writer

__all__ = [
    "Article", "Block", "Copyright", "Credit", "Embed", "Gallery", "GalleryItem", "Heading",
    "Image", "ImageBlock", "Inline", "Link", "LinkRun", "ListBlock", "Notice", "Paragraph",
    "Problem", "Quote", "Raw", "TextRun", "Topic", "TopicRun",
]  # fmt: skip


# -- pieces -------------------------------------------------------------------


@attrs.frozen
class Problem:
    """Something wrong with the input, and where it is.

    ``line`` and ``column`` are 1-based and count characters of the decoded
    input. ``code`` is one of the stable codes listed in the docs
    (``header-missing``, ``body-truncated``, ...); ``message`` quotes the
    offending input briefly.
    """

    code: str
    message: str
    line: int
    column: int


@attrs.frozen
class Image:
    """A picture: where it is, DW's id for it, and its caption.

    ``url`` is the original image URL (proxy removed, scheme ``https``),
    ``src`` the attribute as written, ``image_id`` the integer from a
    ``static.dw.com/image/ID_FORMAT`` file name. ``caption`` is the caption
    without its credit, ``credit`` the text after ``图像来源:``/``圖片來源:``.
    """

    url: Optional[str]
    src: Optional[str]
    image_id: Optional[int]
    caption: Optional[str] = None
    credit: Optional[str] = None
    #: The source HTML of the image and its caption when links or topics
    #: stand in the caption (for :meth:`Article.to_markdown`; not in equality
    #: or the JSON).
    html: Optional[str] = _source_html()


@attrs.frozen
class Link:
    """A link in the body: ``<a href=... rel=...>text</a>``.

    ``target_id``/``target_type`` name the DW item it points to (from an
    ``api.dw.com/api/detail/{type}/{id}`` or ``dw.com/.../{kind}-{id}`` URL),
    else both are ``None``.
    """

    text: str
    href: Optional[str]
    rel: Optional[str]
    target_id: Optional[int]
    target_type: Optional[str]


@attrs.frozen
class Topic:
    """A DW topic tag: ``<span data-id=ID data-type=TYPE>name</span>``."""

    name: str
    topic_id: int
    topic_type: Optional[str]


# -- inline runs --------------------------------------------------------------


@attrs.frozen
class TextRun:
    """A run of paragraph text with its formatting flags."""

    TYPE: ClassVar[Literal["text"]] = "text"
    text: str
    strong: bool = False
    em: bool = False


@attrs.frozen
class LinkRun:
    """A link inside a paragraph; the same fields as :class:`Link`."""

    TYPE: ClassVar[Literal["link"]] = "link"
    text: str
    href: Optional[str]
    rel: Optional[str]
    target_id: Optional[int]
    target_type: Optional[str]


@attrs.frozen
class TopicRun:
    """A topic tag inside a paragraph."""

    TYPE: ClassVar[Literal["topic"]] = "topic"
    text: str
    topic_id: int
    topic_type: Optional[str]


Inline = Union[TextRun, LinkRun, TopicRun]
"""Any inline run of a :class:`Paragraph`."""


# -- blocks -------------------------------------------------------------------


@attrs.frozen
class Paragraph:
    """A paragraph of running text, with its inline runs."""

    TYPE: ClassVar[Literal["paragraph"]] = "paragraph"
    text: str
    inlines: tuple[Inline, ...]
    #: The source HTML when a link and a topic tag stand one inside the other
    #: (runs cannot say so); for :meth:`Article.to_markdown` only.
    html: Optional[str] = _source_html()


@attrs.frozen
class Heading:
    """A subheading: ``<h2>``-``<h4>`` or an all-bold paragraph (level 2).

    Like :class:`Credit`, :class:`Copyright` and :class:`Notice`, it keeps its
    source HTML in ``html`` when links or topics stand in it (not part of
    equality nor of the JSON), so that :meth:`Article.to_markdown` writes them
    back.
    """

    TYPE: ClassVar[Literal["heading"]] = "heading"
    text: str
    level: int
    html: Optional[str] = _source_html()


@attrs.frozen
class ImageBlock:
    """An image between paragraphs, with its caption."""

    TYPE: ClassVar[Literal["image"]] = "image"
    image: Image

    @property
    def text(self) -> str:
        """The image's caption (``""`` without one)."""
        return self.image.caption or ""


@attrs.frozen
class GalleryItem:
    """One picture of a gallery: its image, bold title and text."""

    image: Image
    title: Optional[str]
    text: str
    #: The source HTML of the picture when links or topics stand in its
    #: title or text; for :meth:`Article.to_markdown` only.
    html: Optional[str] = _source_html()


@attrs.frozen
class Gallery:
    """A picture gallery: ``相关图集：TITLE`` and the picture ``<div>`` elements after it."""

    TYPE: ClassVar[Literal["gallery"]] = "gallery"
    title: Optional[str]
    pictures: tuple[GalleryItem, ...]

    @property
    def text(self) -> str:
        """The title, then each picture as ``TITLE：TEXT``, one a line."""
        parts = [self.title] + ["：".join(filter(None, (p.title, p.text))) for p in self.pictures]
        return "\n".join(part for part in parts if part)


@attrs.frozen
class ListBlock:
    """A ``<ul>`` or ``<ol>``; one string per item.

    ``html`` is the source fragment, used by :meth:`Article.to_markdown` so
    that links inside items survive a round trip. It takes no part in
    equality and is not in the JSON.
    """

    TYPE: ClassVar[Literal["list"]] = "list"
    ordered: bool
    items: tuple[str, ...]
    html: Optional[str] = _source_html()

    @property
    def text(self) -> str:
        """The items, one a line."""
        return "\n".join(self.items)


@attrs.frozen
class Quote:
    """A ``<blockquote>``. ``html`` is as for :class:`ListBlock`."""

    TYPE: ClassVar[Literal["quote"]] = "quote"
    text: str
    html: Optional[str] = _source_html()


@attrs.frozen
class Credit:
    """The source credit line, e.g. ``（法新社、美联社）``, and its agencies."""

    TYPE: ClassVar[Literal["credit"]] = "credit"
    text: str
    sources: tuple[str, ...]
    html: Optional[str] = _source_html()


@attrs.frozen
class Copyright:
    """The copyright line (a paragraph starting with ``©``)."""

    TYPE: ClassVar[Literal["copyright"]] = "copyright"
    text: str
    html: Optional[str] = _source_html()


@attrs.frozen
class Notice:
    """DW boilerplate that is not article text (promotion, disclaimer)."""

    TYPE: ClassVar[Literal["notice"]] = "notice"
    text: str
    html: Optional[str] = _source_html()


@attrs.frozen
class Embed:
    """Media that is not a picture: a video or audio player, an ``<iframe>``,
    or one of DW's embed ``<div>`` elements (tweet, gallery, widget, ...).

    ``kind`` is ``"video"``, ``"audio"``, ``"youtube"``, ``"iframe"``, or the
    kind of DW embed (``"tweet"``, ``"gallery"``, ``"widget"``, ...). ``url``
    is the media's address (the first ``<source>``, or ``src``/``data-src``),
    ``poster`` a video's poster image, ``target_id`` the integer ``data-id``
    of a DW embed. ``html`` is the element as written, so nothing in it is
    lost (a tweet's text, a widget's caption); it is not part of
    :attr:`Article.text`.
    """

    TYPE: ClassVar[Literal["embed"]] = "embed"
    kind: str
    url: Optional[str]
    poster: Optional[Image]
    target_id: Optional[int]
    html: str

    @property
    def text(self) -> str:
        """``""``: an embed's text stays in its :attr:`html`."""
        return ""


@attrs.frozen
class Raw:
    """Anything else, kept whole: its HTML and its visible text."""

    TYPE: ClassVar[Literal["raw"]] = "raw"
    html: str
    text: str


Block = Union[
    Paragraph, Heading, ImageBlock, Gallery, ListBlock, Quote, Credit, Copyright, Notice, Embed, Raw
]
"""Any block of :attr:`Article.blocks`."""

_B = TypeVar("_B")

#: Blocks whose text makes up :attr:`Article.text`.
TEXT_BLOCKS = (Paragraph, Heading, ListBlock, Quote, Raw)


# -- the article --------------------------------------------------------------


@attrs.frozen
class Article:
    """One parsed archive file.

    Fields mirror the keys of :meth:`to_dict`; :attr:`sources`,
    :attr:`copyright` and :attr:`text` are derived from :attr:`blocks`.
    Build one with :func:`dwparse.parse`.
    """

    archived_at: Optional[datetime] = None
    title: Optional[str] = None
    url: Optional[str] = None
    article_id: Optional[int] = None
    content_type: Optional[str] = None
    language: Optional[str] = None
    published_at: Optional[datetime] = None
    authors: tuple[str, ...] = ()
    lead_image: Optional[Image] = None
    blocks: tuple[Block, ...] = ()
    links: tuple[Link, ...] = ()
    topics: tuple[Topic, ...] = ()
    problems: tuple[Problem, ...] = ()

    #: The ``schema_version`` of :meth:`to_dict`'s shape.
    SCHEMA_VERSION: ClassVar[int] = 2

    @property
    def text(self) -> str:
        """The running text: paragraph, heading, list, quote and raw texts.

        Joined by one blank line; list items stand one per line.
        """
        return "\n\n".join(block.text for block in self.blocks if isinstance(block, TEXT_BLOCKS) and block.text)

    def blocks_of(self, kind: type[_B]) -> tuple[_B, ...]:
        """The blocks of one class, in order: ``article.blocks_of(dwparse.Heading)``."""
        return tuple(block for block in self.blocks if isinstance(block, kind))

    @property
    def sources(self) -> tuple[str, ...]:
        """The agencies the credit blocks name, in order, each once."""
        sources: dict[str, None] = {}
        for block in self.blocks:
            if isinstance(block, Credit):
                sources.update(dict.fromkeys(block.sources))
        return tuple(sources)

    @property
    def copyright(self) -> Optional[str]:
        """The text of the first copyright block, or ``None``."""
        return next((block.text for block in self.blocks if isinstance(block, Copyright)), None)

    def to_dict(self, *, inlines: bool = True) -> dict[str, object]:
        """The JSON-ready dict of the contract's shape (``schema_version`` 2);
        with ``inlines=False``, paragraphs without their inline runs."""
        return article_to_dict(self, inlines=inlines)

    def to_json(self, *, indent: Optional[int] = None, inlines: bool = True) -> str:
        """:meth:`to_dict` as a JSON string (UTF-8 text, not ASCII-escaped)."""
        return json.dumps(article_to_dict(self, inlines=inlines), ensure_ascii=False, indent=indent)

    @classmethod
    def from_dict(cls, data: dict[str, Any]) -> Article:
        """The article :meth:`to_dict` (or a JSON line of the command) gave:
        ``Article.from_dict(a.to_dict()) == a``. Paragraphs written without
        inlines get one plain run of their text. The source HTML some blocks
        keep for :meth:`to_markdown` is not in the JSON: read back, links in
        lists, quotes and headings are written as text.

        :raises ValueError: if ``data`` is not an article of schema 2.
        """
        return article_from_dict(cls, data)  # type: ignore[no-any-return]

    def to_markdown(self) -> str:
        """The archive format again: ``parse(a.to_markdown()) == a`` for clean files."""
        return writer("article")(self)


for _cls in (
    Problem, Image, Link, Topic, TextRun, LinkRun, TopicRun, Paragraph, Heading, ImageBlock,
    GalleryItem, Gallery, ListBlock, Quote, Credit, Copyright, Notice, Embed, Raw, Article,
):  # fmt: skip
    setattr(_cls, "__reduce__", reducer(_cls))  # pickled through __init__: twice as fast
del _cls
