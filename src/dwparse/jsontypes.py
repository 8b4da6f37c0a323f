"""The JSON shape as ``TypedDict`` types: what :meth:`Article.to_dict` returns,
typed for mypy and other checkers (``article.to_dict()["title"]`` is
``str | None``).

One ``TypedDict`` per class of the model, named after it with ``Dict``
(:class:`~dwparse.Heading` → :class:`HeadingDict`); its keys are the class's
JSON keys, in their order, with ``type`` first where the class has a ``TYPE``
word (as ``Literal["heading"]``, so that checking ``block["type"]`` narrows a
:data:`BlockDict`). Times are ISO 8601 strings, tuples lists. These types
cannot be derived from the model for a static checker, so a test
(``tests/test_typeddict.py``) compares each one with its model class and with
what :meth:`Article.to_dict` writes: they cannot drift apart.
"""

from __future__ import annotations

from typing import Literal, Optional, TypedDict, Union

__all__ = [
    "ArticleDict", "BlockDict", "CopyrightDict", "CreditDict", "EmbedDict", "GalleryDict", "GalleryItemDict",
    "HeadingDict", "ImageBlockDict", "ImageDict", "InlineDict", "LinkDict", "LinkRunDict", "ListBlockDict",
    "NoticeDict", "ParagraphDict", "ProblemDict", "QuoteDict", "RawDict", "TextRunDict", "TopicDict", "TopicRunDict",
]  # fmt: skip


class ProblemDict(TypedDict):
    """A :class:`~dwparse.Problem` in JSON."""

    code: str
    message: str
    line: int
    column: int


class ImageDict(TypedDict):
    """An :class:`~dwparse.Image` in JSON."""

    url: Optional[str]
    src: Optional[str]
    image_id: Optional[int]
    caption: Optional[str]
    credit: Optional[str]


class LinkDict(TypedDict):
    """A :class:`~dwparse.Link` in JSON."""

    text: str
    href: Optional[str]
    rel: Optional[str]
    target_id: Optional[int]
    target_type: Optional[str]


class TopicDict(TypedDict):
    """A :class:`~dwparse.Topic` in JSON."""

    name: str
    topic_id: int
    topic_type: Optional[str]


class TextRunDict(TypedDict):
    """A :class:`~dwparse.TextRun` in JSON."""

    type: Literal["text"]
    text: str
    strong: bool
    em: bool


class LinkRunDict(TypedDict):
    """A :class:`~dwparse.LinkRun` in JSON."""

    type: Literal["link"]
    text: str
    href: Optional[str]
    rel: Optional[str]
    target_id: Optional[int]
    target_type: Optional[str]


class TopicRunDict(TypedDict):
    """A :class:`~dwparse.TopicRun` in JSON."""

    type: Literal["topic"]
    text: str
    topic_id: int
    topic_type: Optional[str]


InlineDict = Union[TextRunDict, LinkRunDict, TopicRunDict]
"""Any inline run of a paragraph in JSON, told apart by ``run["type"]``."""


class _ParagraphKeys(TypedDict):
    type: Literal["paragraph"]
    text: str


class ParagraphDict(_ParagraphKeys, total=False):
    """A :class:`~dwparse.Paragraph` in JSON; ``inlines`` is left out by
    ``to_dict(inlines=False)``, so it is not a required key."""

    inlines: list[InlineDict]


class HeadingDict(TypedDict):
    """A :class:`~dwparse.Heading` in JSON."""

    type: Literal["heading"]
    text: str
    level: int


class ImageBlockDict(TypedDict):
    """An :class:`~dwparse.ImageBlock` in JSON."""

    type: Literal["image"]
    image: ImageDict


class GalleryItemDict(TypedDict):
    """A :class:`~dwparse.GalleryItem` (a gallery's picture) in JSON."""

    image: ImageDict
    title: Optional[str]
    text: str


class GalleryDict(TypedDict):
    """A :class:`~dwparse.Gallery` in JSON."""

    type: Literal["gallery"]
    title: Optional[str]
    pictures: list[GalleryItemDict]


class ListBlockDict(TypedDict):
    """A :class:`~dwparse.ListBlock` in JSON."""

    type: Literal["list"]
    ordered: bool
    items: list[str]


class QuoteDict(TypedDict):
    """A :class:`~dwparse.Quote` in JSON."""

    type: Literal["quote"]
    text: str


class CreditDict(TypedDict):
    """A :class:`~dwparse.Credit` in JSON."""

    type: Literal["credit"]
    text: str
    sources: list[str]


class CopyrightDict(TypedDict):
    """A :class:`~dwparse.Copyright` in JSON."""

    type: Literal["copyright"]
    text: str


class NoticeDict(TypedDict):
    """A :class:`~dwparse.Notice` in JSON."""

    type: Literal["notice"]
    kind: Optional[Literal["promotion", "disclaimer", "editorial-note", "feed"]]
    text: str


class EmbedDict(TypedDict):
    """An :class:`~dwparse.Embed` in JSON."""

    type: Literal["embed"]
    kind: str
    url: Optional[str]
    poster: Optional[ImageDict]
    target_id: Optional[int]
    html: str


class RawDict(TypedDict):
    """A :class:`~dwparse.Raw` block in JSON."""

    type: Literal["raw"]
    html: str
    text: str


BlockDict = Union[
    ParagraphDict, HeadingDict, ImageBlockDict, GalleryDict, ListBlockDict, QuoteDict, CreditDict, CopyrightDict,
    NoticeDict, EmbedDict, RawDict,
]  # fmt: skip
"""Any block in JSON, told apart by ``block["type"]``; the union follows
:data:`dwparse.Block`, in its order."""


class ArticleDict(TypedDict):
    """What :meth:`Article.to_dict() <dwparse.Article.to_dict>` returns: the
    JSON shape of an :class:`~dwparse.Article` (``schema_version`` 3), every
    key always present. Times are ISO 8601 strings in UTC."""

    schema_version: int
    archived_at: Optional[str]
    title: Optional[str]
    url: Optional[str]
    article_id: Optional[int]
    content_type: Optional[str]
    language: Optional[str]
    published_at: Optional[str]
    byline: Optional[str]
    authors: list[str]
    lead_image: Optional[ImageDict]
    blocks: list[BlockDict]
    links: list[LinkDict]
    topics: list[TopicDict]
    sources: list[str]
    copyright: Optional[str]
    text: str
    problems: list[ProblemDict]
