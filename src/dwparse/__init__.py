"""dwparse: archived Deutsche Welle Chinese articles as structured, typed data.

>>> import dwparse
>>> article = dwparse.parse("<!--1722165425000-->\\n[标题](https://www.dw.com/zh/x/a-1)\\n---\\n\\n<p>正文</p>")
>>> article.title, article.article_id, article.text
('标题', 1, '正文')
"""

from dwparse.batch import parse_many
from dwparse.errors import CODES, ParseError
from dwparse.model import (
    Article,
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
    LinkRun,
    ListBlock,
    Notice,
    Paragraph,
    Problem,
    Quote,
    Raw,
    TextRun,
    Topic,
    TopicRun,
)
from dwparse.parser import parse, parse_file
from dwparse.jsonl import read_jsonl
from dwparse.schema import json_schema

__version__ = "0.3.0"

__all__ = [
    "CODES",
    "Article",
    "Block",
    "Copyright",
    "Credit",
    "Embed",
    "Gallery",
    "GalleryItem",
    "Heading",
    "Image",
    "ImageBlock",
    "Inline",
    "Link",
    "LinkRun",
    "ListBlock",
    "Notice",
    "Paragraph",
    "ParseError",
    "Problem",
    "Quote",
    "Raw",
    "TextRun",
    "Topic",
    "TopicRun",
    "__version__",
    "json_schema",
    "parse",
    "parse_file",
    "parse_many",
    "read_jsonl",
]
