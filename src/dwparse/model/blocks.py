"""The blocks of an article's body: one declaration per block type.

A block class declares everything the rest of dwparse derives from it:

- ``TYPE``, its JSON ``"type"`` word;
- ``IN_TEXT``, whether its ``text`` goes into :attr:`Article.text`;
- its fields, typed, whose names are its JSON keys and whose attrs
  metadata (:func:`~dwparse.model.fields.meta`) adds JSON Schema keywords
  and Parquet column types;
- ``text``, a field or a property;
- :meth:`to_html`, its writer, which :meth:`Article.to_markdown` calls.

:data:`Block` lists the block types; :data:`BLOCK_TYPES`, the JSON Schema,
the Parquet blocks table, the docs tables' checks and the test strategies
all follow it. Which construct of the body gives which block is the table
in :mod:`dwparse.body.rules`.
"""

from __future__ import annotations

import typing
from typing import ClassVar, Literal, Optional, Union

import attrs

from dwparse.markup import gallery_heading, image_html, text_html
from dwparse.model.fields import meta, source_html
from dwparse.model.pieces import Image, Inline

__all__ = [
    "BLOCK_TYPES", "Block", "Copyright", "Credit", "Embed", "Gallery", "GalleryItem", "Heading", "ImageBlock",
    "ListBlock", "Notice", "NoticeKind", "Paragraph", "Quote", "Raw", "TEXT_BLOCKS",
]  # fmt: skip


@attrs.frozen
class Paragraph:
    """A paragraph of running text, with its inline runs."""

    TYPE: ClassVar[Literal["paragraph"]] = "paragraph"
    IN_TEXT: ClassVar[bool] = True
    text: str
    inlines: tuple[Inline, ...] = attrs.field(
        metadata=meta(
            omittable=True,
            column=None,
            schema={"description": "Absent only in output written with inlines=False (--no-inlines)."},
        )
    )
    #: The source HTML when a link and a topic tag stand one inside the other
    #: (runs cannot say so); for :meth:`Article.to_markdown` only.
    html: Optional[str] = source_html()

    def to_html(self, language: Optional[str]) -> str:
        """The paragraph's runs in a ``<p>`` (or its source HTML)."""
        if self.html is not None:
            return self.html
        return "<p>" + "".join(run.to_html() for run in self.inlines) + "</p>"


@attrs.frozen
class Heading:
    """A subheading: ``<h2>``-``<h4>`` or an all-bold paragraph (level 2).

    Like :class:`Credit`, :class:`Copyright` and :class:`Notice`, it keeps its
    source HTML in ``html`` when links or topics stand in it (not part of
    equality nor of the JSON), so that :meth:`Article.to_markdown` writes them
    back.
    """

    TYPE: ClassVar[Literal["heading"]] = "heading"
    IN_TEXT: ClassVar[bool] = True
    text: str
    level: int = attrs.field(metadata=meta(schema={"minimum": 2, "maximum": 4}, arrow="int8"))
    html: Optional[str] = source_html()

    def to_html(self, language: Optional[str]) -> str:
        """``<hN>`` (not ``<p><strong>``: its text is then never read as a
        copyright or notice), or the source HTML."""
        if self.html is not None:
            return self.html
        return f"<h{self.level}>{text_html(self.text)}</h{self.level}>"


@attrs.frozen
class ImageBlock:
    """An image between paragraphs, with its caption."""

    TYPE: ClassVar[Literal["image"]] = "image"
    IN_TEXT: ClassVar[bool] = False
    image: Image

    @property
    def text(self) -> str:
        """The image's caption (``""`` without one)."""
        return self.image.caption or ""

    def to_html(self, language: Optional[str]) -> str:
        """The image with its caption."""
        return self.image.to_html(language)


@attrs.frozen
class GalleryItem:
    """One picture of a gallery: its image, bold title and text."""

    image: Image
    title: Optional[str]
    text: str
    #: The source HTML of the picture when links or topics stand in its
    #: title or text; for :meth:`Article.to_markdown` only.
    html: Optional[str] = source_html()

    def to_html(self) -> str:
        """``<div><img><b>TITLE</b>：TEXT</div>`` (or the source HTML)."""
        if self.html is not None:
            return self.html
        title = f"<b>{text_html(self.title)}</b>" if self.title is not None else ""
        separator = "：" if self.title is not None and self.text else ""
        img = image_html(self.image.src, self.image.image_id)
        return f"<div>{img}{title}{separator}{text_html(self.text)}</div>"


@attrs.frozen
class Gallery:
    """A picture gallery: ``相关图集：TITLE`` and the picture ``<div>`` elements after it."""

    TYPE: ClassVar[Literal["gallery"]] = "gallery"
    IN_TEXT: ClassVar[bool] = False
    title: Optional[str]
    pictures: tuple[GalleryItem, ...] = attrs.field(metadata=meta(arrow="count"))

    @property
    def text(self) -> str:
        """The title, then each picture as ``TITLE：TEXT``, one a line."""
        parts = [self.title] + ["：".join(filter(None, (p.title, p.text))) for p in self.pictures]
        return "\n".join(part for part in parts if part)

    def to_html(self, language: Optional[str]) -> str:
        """The labelled ``<h3>`` (if titled) and one ``<div>`` per picture."""
        heading = gallery_heading(self.title, language) if self.title is not None else ""
        return heading + "".join(picture.to_html() for picture in self.pictures)


@attrs.frozen
class ListBlock:
    """A ``<ul>`` or ``<ol>``; one string per item.

    ``html`` is the source fragment, used by :meth:`Article.to_markdown` so
    that links inside items survive a round trip. It takes no part in
    equality and is not in the JSON.
    """

    TYPE: ClassVar[Literal["list"]] = "list"
    IN_TEXT: ClassVar[bool] = True
    ordered: bool
    items: tuple[str, ...]
    html: Optional[str] = source_html()

    @property
    def text(self) -> str:
        """The items, one a line."""
        return "\n".join(self.items)

    def to_html(self, language: Optional[str]) -> str:
        """The source HTML (links in items survive), or the items as written."""
        if self.html is not None:
            return self.html
        tag = "ol" if self.ordered else "ul"
        items = "".join(f"<li>{text_html(item)}</li>" for item in self.items)
        return f"<{tag}>{items}</{tag}>"


@attrs.frozen
class Quote:
    """A ``<blockquote>``. ``html`` is as for :class:`ListBlock`."""

    TYPE: ClassVar[Literal["quote"]] = "quote"
    IN_TEXT: ClassVar[bool] = True
    text: str
    html: Optional[str] = source_html()

    def to_html(self, language: Optional[str]) -> str:
        """The source HTML, or the text in a ``<blockquote>``."""
        return self.html if self.html is not None else f"<blockquote>{text_html(self.text)}</blockquote>"


@attrs.frozen
class Credit:
    """The source credit line, e.g. ``（法新社、美联社）``, and its agencies."""

    TYPE: ClassVar[Literal["credit"]] = "credit"
    IN_TEXT: ClassVar[bool] = False
    text: str
    sources: tuple[str, ...]
    html: Optional[str] = source_html()

    def to_html(self, language: Optional[str]) -> str:
        """The credit as an italic paragraph (or its source HTML)."""
        return self.html if self.html is not None else f"<p><em>{text_html(self.text)}</em></p>"


@attrs.frozen
class Copyright:
    """The copyright line (a paragraph starting with ``©``)."""

    TYPE: ClassVar[Literal["copyright"]] = "copyright"
    IN_TEXT: ClassVar[bool] = False
    text: str
    html: Optional[str] = source_html()

    def to_html(self, language: Optional[str]) -> str:
        """The copyright line as an italic paragraph (or its source HTML)."""
        return self.html if self.html is not None else f"<p><em>{text_html(self.text)}</em></p>"


NoticeKind = Literal["promotion", "disclaimer", "editorial-note", "feed"]
"""The kinds of :class:`Notice`."""


@attrs.frozen
class Notice:
    """Boilerplate that is not article text, and which kind: ``"promotion"``
    (an invitation to follow DW's channels, and its subscription lines),
    ``"disclaimer"``, ``"editorial-note"`` (excerpted from other media, not
    DW's view) or ``"feed"`` (the feed service's footer). Its links are not
    in :attr:`Article.links`. ``kind`` is ``None`` only when read from schema 2."""

    TYPE: ClassVar[Literal["notice"]] = "notice"
    IN_TEXT: ClassVar[bool] = False
    kind: Optional[NoticeKind]
    text: str

    def to_html(self, language: Optional[str]) -> str:
        """The notice as a paragraph, or the feed's footer as its ``<div>``."""
        if self.kind == "feed":
            return f"<div>{text_html(self.text)}</div>"
        return f"<p>{text_html(self.text)}</p>"


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
    IN_TEXT: ClassVar[bool] = False
    kind: str = attrs.field(
        metadata=meta(
            schema={"description": "video, audio, youtube, iframe, or the kind of a DW embed div (tweet, gallery, widget, ...)"}
        )
    )
    url: Optional[str]
    poster: Optional[Image] = attrs.field(metadata=meta(column="image"))
    target_id: Optional[int]
    html: str

    @property
    def text(self) -> str:
        """``""``: an embed's text stays in its :attr:`html`."""
        return ""

    def to_html(self, language: Optional[str]) -> str:
        """The element as written."""
        return self.html


@attrs.frozen
class Raw:
    """Anything else, kept whole: its HTML and its visible text."""

    TYPE: ClassVar[Literal["raw"]] = "raw"
    IN_TEXT: ClassVar[bool] = True
    html: str
    text: str

    def to_html(self, language: Optional[str]) -> str:
        """The element as it was read."""
        return self.html


Block = Union[Paragraph, Heading, ImageBlock, Gallery, ListBlock, Quote, Credit, Copyright, Notice, Embed, Raw]
"""Any block of :attr:`Article.blocks`: the one list of the block types."""

#: The block classes, in the order of :data:`Block`.
BLOCK_TYPES: tuple[type[Block], ...] = typing.get_args(Block)

#: Blocks whose text makes up :attr:`Article.text`.
TEXT_BLOCKS: tuple[type[Block], ...] = tuple(kind for kind in BLOCK_TYPES if kind.IN_TEXT)
