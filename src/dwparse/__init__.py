"""dwparse: archived Deutsche Welle Chinese articles as structured, typed data.

>>> import dwparse
>>> article = dwparse.parse("<!--1722165425000-->\\n[标题](https://www.dw.com/zh/x/a-1)\\n---\\n\\n<p>正文</p>")
>>> article.title, article.article_id, article.text
('标题', 1, '正文')
"""

from dwparse.arrow import arrow_schema, table_schemas
from dwparse.batch import parse_many
from dwparse.convert import WriteCounts, write_jsonl, write_parquet
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
from dwparse.jsonl import read_jsonl
from dwparse.latest import latest_paths
from dwparse.jsontypes import (
    ArticleDict,
    BlockDict,
    CopyrightDict,
    CreditDict,
    EmbedDict,
    GalleryDict,
    GalleryItemDict,
    HeadingDict,
    ImageBlockDict,
    ImageDict,
    InlineDict,
    LinkDict,
    LinkRunDict,
    ListBlockDict,
    NoticeDict,
    ParagraphDict,
    ProblemDict,
    QuoteDict,
    RawDict,
    TextRunDict,
    TopicDict,
    TopicRunDict,
)
from dwparse.parser import parse, parse_file
from dwparse.schema import json_schema

__version__ = "0.3.0"

__all__ = [
    "CODES",
    "Article",
    "ArticleDict",
    "Block",
    "BlockDict",
    "Copyright",
    "CopyrightDict",
    "Credit",
    "CreditDict",
    "Embed",
    "EmbedDict",
    "Gallery",
    "GalleryDict",
    "GalleryItem",
    "GalleryItemDict",
    "Heading",
    "HeadingDict",
    "Image",
    "ImageBlock",
    "ImageBlockDict",
    "ImageDict",
    "Inline",
    "InlineDict",
    "Link",
    "LinkDict",
    "LinkRun",
    "LinkRunDict",
    "ListBlock",
    "ListBlockDict",
    "Notice",
    "NoticeDict",
    "Paragraph",
    "ParagraphDict",
    "ParseError",
    "Problem",
    "ProblemDict",
    "Quote",
    "QuoteDict",
    "Raw",
    "RawDict",
    "TextRun",
    "TextRunDict",
    "Topic",
    "TopicDict",
    "TopicRun",
    "TopicRunDict",
    "WriteCounts",
    "__version__",
    "arrow_schema",
    "json_schema",
    "latest_paths",
    "parse",
    "parse_file",
    "parse_many",
    "read_jsonl",
    "table_schemas",
    "write_jsonl",
    "write_parquet",
]
