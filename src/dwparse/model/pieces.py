"""The pieces of an article: problems, images, links, topics and the inline
runs of a paragraph."""

from __future__ import annotations

from html import escape
from typing import ClassVar, Literal, Optional, Union

import attrs

from dwparse.markup import caption_text, image_html, text_html
from dwparse.model.fields import meta, source_html

__all__ = ["Image", "Inline", "Link", "LinkRun", "Problem", "TextRun", "Topic", "TopicRun"]


@attrs.frozen
class Problem:
    """Something wrong with the input, and where it is.

    ``line`` and ``column`` are 1-based and count characters of the decoded
    input. ``code`` is one of the stable codes listed in the docs
    (``header-missing``, ``body-truncated``, ...); ``message`` quotes the
    offending input briefly.
    """

    code: str = attrs.field(metadata=meta(schema={"pattern": "^[a-z0-9]+(-[a-z0-9]+)*$"}))
    message: str
    line: int = attrs.field(metadata=meta(schema={"minimum": 1}))
    column: int = attrs.field(metadata=meta(schema={"minimum": 1}))


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
    image_id: Optional[int] = attrs.field(metadata=meta(column="id"))
    caption: Optional[str] = None
    credit: Optional[str] = None
    #: The source HTML of the image and its caption when links or topics
    #: stand in the caption (for :meth:`Article.to_markdown`; not in equality
    #: or the JSON).
    html: Optional[str] = source_html()

    def repeats(self, lead: Image) -> bool:
        """Whether this body image is ``lead`` again: the same picture, with
        no caption or credit of its own that differs."""
        same = (self.image_id, self.url) == (lead.image_id, lead.url) or (
            self.image_id is not None and self.image_id == lead.image_id
        )
        return same and self.caption in (None, lead.caption) and self.credit in (None, lead.credit)

    def to_html(self, language: Optional[str]) -> str:
        """The ``<img>`` and its caption ``<div>`` (or their source HTML)."""
        if self.html is not None:
            return self.html
        return image_html(self.src, self.image_id, caption_text(self.caption, self.credit, language))


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

    def to_html(self) -> str:
        """The run's text, in ``<em>`` and ``<strong>`` as its flags say."""
        text = text_html(self.text)
        if self.em:
            text = f"<em>{text}</em>"
        return f"<strong>{text}</strong>" if self.strong else text


@attrs.frozen
class LinkRun:
    """A link inside a paragraph; the same fields as :class:`Link`."""

    TYPE: ClassVar[Literal["link"]] = "link"
    text: str
    href: Optional[str]
    rel: Optional[str]
    target_id: Optional[int]
    target_type: Optional[str]

    def to_html(self) -> str:
        """The ``<a>`` of the link."""
        rel = f' rel="{escape(self.rel)}"' if self.rel is not None else ""
        href = f' href="{escape(self.href)}"' if self.href is not None else ""
        return f"<a{href}{rel}>{text_html(self.text)}</a>"


@attrs.frozen
class TopicRun:
    """A topic tag inside a paragraph."""

    TYPE: ClassVar[Literal["topic"]] = "topic"
    text: str
    topic_id: int
    topic_type: Optional[str]

    def to_html(self) -> str:
        """The topic ``<span>``."""
        kind = f' data-type="{escape(self.topic_type)}"' if self.topic_type is not None else ' data-type=""'
        return f'<span data-id="{self.topic_id}"{kind}>{text_html(self.text)}</span>'


Inline = Union[TextRun, LinkRun, TopicRun]
"""Any inline run of a :class:`Paragraph`."""
