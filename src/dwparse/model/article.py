"""The article: what one archive file holds."""

from __future__ import annotations

from datetime import datetime
from typing import Any, ClassVar, Optional, TypeVar, Union, cast

import attrs

from dwparse.jsonshape import article_from_dict, article_to_dict
from dwparse.jsontext import dumps
from dwparse.jsontypes import ArticleDict
from dwparse.markup import epoch_text, escape_title, time_line_html
from dwparse.model.blocks import TEXT_BLOCKS, Block, Copyright, Credit, Gallery, ImageBlock
from dwparse.model.fields import meta
from dwparse.model.pieces import Image, Link, Problem, Topic
from dwparse.urls import KIND_WORDS

__all__ = ["Article"]

_B = TypeVar("_B")
_TIME = {"format": "date-time", "description": "ISO 8601 in UTC (+00:00)"}


@attrs.frozen
class Article:
    """One parsed archive file.

    Fields mirror the keys of :meth:`to_dict`; :attr:`sources`,
    :attr:`copyright` and :attr:`text` are derived from :attr:`blocks`.
    Build one with :func:`dwparse.parse`.
    """

    archived_at: Optional[datetime] = attrs.field(default=None, metadata=meta(schema=_TIME))
    title: Optional[str] = None
    url: Optional[str] = None
    article_id: Optional[int] = None
    content_type: Optional[str] = attrs.field(default=None, metadata=meta(schema={"enum": [*KIND_WORDS.values(), None]}))
    language: Optional[str] = None
    published_at: Optional[datetime] = attrs.field(default=None, metadata=meta(schema=_TIME))
    byline: Optional[str] = attrs.field(
        default=None, metadata=meta(schema={"description": "the time line's text before its <br>, as written"})
    )
    authors: tuple[str, ...] = attrs.field(
        default=(),
        metadata=meta(
            schema={
                "items": {"type": "string", "minLength": 1},
                "uniqueItems": True,
                "description": "the byline's names, then those of closing bylines, reporter credits and 作者： lines; unique, in order",
            }
        ),
    )
    lead_image: Optional[Image] = None
    blocks: tuple[Block, ...] = ()
    links: tuple[Link, ...] = ()
    topics: tuple[Topic, ...] = ()
    problems: tuple[Problem, ...] = ()

    #: The ``schema_version`` of :meth:`to_dict`'s shape.
    SCHEMA_VERSION: ClassVar[int] = 3
    #: The keys of :meth:`to_dict` derived from the blocks (properties, not
    #: fields), written after the fields and before ``problems``.
    DERIVED: ClassVar[tuple[str, ...]] = ("sources", "copyright", "text")

    @property
    def text(self) -> str:
        """The running text: the texts of the blocks whose type has ``IN_TEXT``
        (paragraph, heading, list, quote and raw), joined by one blank line;
        list items stand one per line."""
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

    def to_dict(self, *, inlines: bool = True) -> ArticleDict:
        """The JSON-ready dict of the contract's shape (``schema_version`` 3),
        typed as :class:`~dwparse.ArticleDict`; with ``inlines=False``,
        paragraphs without their inline runs."""
        return cast(ArticleDict, article_to_dict(self, inlines=inlines))

    def to_json(self, *, indent: Optional[int] = None, inlines: bool = True) -> str:
        """:meth:`to_dict` as a JSON string (not ASCII-escaped): compact, one
        line, or pretty-printed with ``indent``. orjson writes it when it is
        installed (``dwparse[fast]``), with the same result."""
        return dumps(article_to_dict(self, inlines=inlines), indent=indent)

    @classmethod
    def from_dict(cls, data: Union[ArticleDict, dict[str, Any]]) -> Article:
        """The article :meth:`to_dict` (or a JSON line of the command) gave:
        ``Article.from_dict(a.to_dict()) == a``. Paragraphs written without
        inlines get one plain run of their text. The source HTML some blocks
        keep for :meth:`to_markdown` is not in the JSON: read back, links in
        lists, quotes and headings are written as text.

        Lines of schema 2 are read too: their ``byline`` and a notice's
        ``kind`` are then ``None``.

        :raises ValueError: if ``data`` is not an article of schema 3 or 2.
        """
        return article_from_dict(cls, data)  # type: ignore[no-any-return]

    def to_markdown(self) -> str:
        """The archive format again: ``parse(a.to_markdown()) == a`` for clean
        files. The header, the link title and its underline, then the body:
        the time line, the lead image and each block's ``to_html``."""
        lines = []
        if self.archived_at is not None:
            lines.append(f"<!--{epoch_text(self.archived_at)}-->")
        if self.title is not None or self.url is not None:
            lines.append(f"[{escape_title(self.title or '')}]({self.url or ''})")
            lines.append("------")
            lines.append("")
        language = self.language
        body = [time_line_html(self.published_at, self.byline), self._lead_html()]
        body.extend(block.to_html(language) for block in self.blocks)
        lines.append("".join(body))
        return "\n".join(lines) + "\n"

    def _lead_html(self) -> str:
        """The lead image with its caption, or nothing; written twice when the
        first image of the blocks repeats it (reading drops one repeat)."""
        lead = self.lead_image
        if lead is None:
            return ""
        html = lead.to_html(self.language)
        first = next((block for block in self.blocks if isinstance(block, (ImageBlock, Gallery))), None)
        if isinstance(first, ImageBlock) and first.image.repeats(lead):
            return html + html
        return html
