"""The article model: small, immutable value objects.

Every class here is a frozen, slotted ``attrs`` class with value equality.
Field names are the JSON keys of :meth:`Article.to_dict`; lists are tuples and
times are aware :class:`~datetime.datetime` objects in UTC. Blocks and inline
runs carry their JSON ``"type"`` word in the class variable ``TYPE``.

:mod:`~dwparse.model.pieces` holds images, links, topics, problems and inline
runs; :mod:`~dwparse.model.blocks` one declaration per block type;
:mod:`~dwparse.model.article` the article.
"""

from __future__ import annotations


from dwparse.model.article import Article
from dwparse.model.blocks import (
    BLOCK_TYPES,
    TEXT_BLOCKS,
    Block,
    Copyright,
    Credit,
    Embed,
    Gallery,
    GalleryItem,
    Heading,
    ImageBlock,
    ListBlock,
    Notice,
    Paragraph,
    Quote,
    Raw,
)
from dwparse.model.fields import reducer
from dwparse.model.pieces import Image, Inline, Link, LinkRun, Problem, TextRun, Topic, TopicRun

__all__ = [
    "BLOCK_TYPES", "TEXT_BLOCKS", "Article", "Block", "Copyright", "Credit", "Embed", "Gallery", "GalleryItem",
    "Heading", "Image", "ImageBlock", "Inline", "Link", "LinkRun", "ListBlock", "Notice", "Paragraph", "Problem",
    "Quote", "Raw", "TextRun", "Topic", "TopicRun",
]  # fmt: skip

#: Every attrs class of the model: the pieces, the blocks and the article.
MODEL_CLASSES: tuple[type, ...] = (
    Problem, Image, Link, Topic, TextRun, LinkRun, TopicRun, *BLOCK_TYPES, GalleryItem, Article,
)  # fmt: skip

for _cls in MODEL_CLASSES:
    setattr(_cls, "__reduce__", reducer(_cls))  # pickled through __init__: twice as fast
del _cls
