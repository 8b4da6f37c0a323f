"""The command line's Parquet tables: articles, blocks, pictures, links,
topics and problems, each row keyed by the file's ``path``.

:func:`rows` turns one article into plain rows (no pyarrow needed, so that
worker processes send back small, cheap-to-pickle data); :func:`schemas`
gives each table's explicit Arrow types (UTC timestamps, int64 ids, lists as
lists); the blocks table's columns (:data:`BLOCK_COLUMNS`) are derived from
the block types' fields (:mod:`dwparse.model.blocks`); :class:`ParquetFolder` writes the rows in row groups while files are
parsed, so memory stays flat however many files a run reads. pyarrow is the
optional extra ``dwparse[parquet]``.
"""

from __future__ import annotations

import os
import shutil
import tempfile
import operator
import typing
from typing import Any, Callable, Literal, Optional, Union

import attrs

from dwparse.model import BLOCK_TYPES, Article, Block, Gallery, Image

__all__ = ["BLOCK_COLUMNS", "INSTALL_HINT", "TABLES", "ParquetFolder", "rows", "schemas", "umasked"]

#: The tables, in the order their files are written.
TABLES = ("articles", "blocks", "pictures", "links", "topics", "problems")
#: What to do when pyarrow is missing.
INSTALL_HINT = "--format parquet needs pyarrow: pip install 'dwparse[parquet]'"
#: Articles whose rows make one row group.
ROW_GROUP_ARTICLES = 1000
#: Characters of rows (about their bytes) that close a row group sooner, so
#: that memory stays bounded by the largest files, not by 1,000 of them.
ROW_GROUP_CHARACTERS = 32 * 1024 * 1024

Row = dict[str, Any]
Getter = Callable[[Any], Any]
#: Arrow type names of the columns, made pyarrow types by :func:`schemas`.
_PLAIN = {str: "string", int: "int64", bool: "bool"}


def _columns(field: attrs.Attribute, hint: Any, read: Getter) -> list[tuple[str, str, Getter]]:  # type: ignore[type-arg]
    """The columns of a model field: ``(name, Arrow type name, getter)``.

    Named by the field, or by its ``column`` metadata (``None``: no column);
    an image becomes its fields' columns under that name and ``_``; a tuple
    of strings or numbers a list column, a tuple of objects (or ``arrow``
    metadata ``"count"``) its length; a ``Literal`` its values' type.
    """
    name = field.metadata.get("column", field.name)
    arrow = field.metadata.get("arrow")
    if name is None:
        return []
    if arrow == "count":
        return [(name, "int32", _through(read, len))]
    options = [option for option in typing.get_args(hint) if option is not type(None)] or [hint]
    inner = options[0] if typing.get_origin(hint) is Union and len(options) == 1 else hint
    if attrs.has(inner):
        return [(f"{name}_{column}", kind, _through(read, getter)) for column, kind, getter in _class_columns(inner)]
    if typing.get_origin(inner) is tuple:
        item = typing.get_args(inner)[0]
        if attrs.has(item) or item not in _PLAIN:  # objects: how many (their own table has them)
            return [(name, "int32", _through(read, len))]
        return [(name, f"list<{_PLAIN[item]}>", _through(read, list))]
    if typing.get_origin(inner) is Literal:
        inner = type(typing.get_args(inner)[0])
    if inner not in _PLAIN:
        raise TypeError(f"no Parquet column for {field.name}: {hint!r}")
    return [(name, arrow or _PLAIN[inner], read)]


def _through(outer: Getter, inner: Getter) -> Getter:
    return lambda value: None if (found := outer(value)) is None else inner(found)


def _class_columns(kind: type) -> list[tuple[str, str, Getter]]:
    """The columns of an attrs class's JSON fields, in order."""
    hints = typing.get_type_hints(kind)
    return [
        column
        for field in attrs.fields(kind)
        if field.eq
        for column in _columns(field, hints[field.name], operator.attrgetter(field.name))
    ]


def _block_columns() -> tuple[dict[str, str], dict[type, list[tuple[str, Getter]]]]:
    """The blocks table's columns (name to Arrow type name) and, for each
    block type, its own columns and their getters: ``path``, ``index``,
    ``type`` and ``text``, then every block type's fields in the order of
    :data:`dwparse.Block`. A name two types give must have one Arrow type."""
    types = {"path": "string", "index": "int32", "type": "string", "text": "string"}
    getters: dict[type, list[tuple[str, Getter]]] = {}
    for kind in BLOCK_TYPES:
        own = [column for column in _class_columns(kind) if column[0] != "text"]
        for name, arrow, _ in own:
            if types.setdefault(name, arrow) != arrow:
                raise TypeError(f"the blocks column {name!r} is {types[name]} and {arrow} ({kind.__name__})")
        getters[kind] = [(name, getter) for name, _, getter in own]
    return types, getters


BLOCK_COLUMNS, _BLOCK_GETTERS = _block_columns()
_IMAGE_COLUMNS = [(name, getter) for name, _, getter in _class_columns(Image)]
_IMAGE_TYPES = [(name, arrow) for name, arrow, _ in _class_columns(Image)]
_EMPTY_BLOCK = dict.fromkeys(BLOCK_COLUMNS)


def _image(prefix: str, image: Optional[Image]) -> Row:
    if image is None:
        return {f"{prefix}{name}": None for name, _ in _IMAGE_COLUMNS}
    return {f"{prefix}{name}": getter(image) for name, getter in _IMAGE_COLUMNS}


def rows(path: str, article: Article) -> dict[str, list[Row]]:
    """The rows each table gets from the article read from ``path``."""
    articles = [
        {
            "path": path,
            "archived_at": article.archived_at,
            "title": article.title,
            "url": article.url,
            "article_id": article.article_id,
            "content_type": article.content_type,
            "language": article.language,
            "published_at": article.published_at,
            "byline": article.byline,
            "authors": list(article.authors),
            **_image("lead_image_", article.lead_image),
            "sources": list(article.sources),
            "copyright": article.copyright,
            "text": article.text,
            "problems": len(article.problems),
        }
    ]
    blocks = [_block(path, index, block) for index, block in enumerate(article.blocks)]
    pictures = [
        {"path": path, "block": index, "index": number, **_image("image_", picture.image), "title": picture.title, "text": picture.text}
        for index, block in enumerate(article.blocks)
        if isinstance(block, Gallery)
        for number, picture in enumerate(block.pictures)
    ]
    links = [
        {"path": path, "index": index, "text": link.text, "href": link.href, "rel": link.rel,
         "target_id": link.target_id, "target_type": link.target_type}
        for index, link in enumerate(article.links)
    ]  # fmt: skip
    topics = [
        {"path": path, "index": index, "name": topic.name, "topic_id": topic.topic_id, "topic_type": topic.topic_type}
        for index, topic in enumerate(article.topics)
    ]
    problems = [
        {"path": path, "index": index, "code": problem.code, "message": problem.message,
         "line": problem.line, "column": problem.column}
        for index, problem in enumerate(article.problems)
    ]  # fmt: skip
    return {"articles": articles, "blocks": blocks, "pictures": pictures, "links": links, "topics": topics, "problems": problems}


def _block(path: str, index: int, block: Block) -> Row:
    """One row of the blocks table: every column, those of the block's own type filled."""
    row = dict(_EMPTY_BLOCK)
    row.update(path=path, index=index, type=block.TYPE, text=block.text)
    for name, getter in _BLOCK_GETTERS[type(block)]:
        row[name] = getter(block)
    return row


def schemas() -> dict[str, Any]:
    """Each table's ``pyarrow.Schema``. :raises ImportError: without pyarrow."""
    import pyarrow as pa

    text, int32, int64 = pa.string(), pa.int32(), pa.int64()
    time = pa.timestamp("us", tz="UTC")
    texts = pa.list_(text)
    arrow = {"string": text, "int8": pa.int8(), "int32": int32, "int64": int64, "bool": pa.bool_()}
    arrow.update({f"list<{name}>": pa.list_(kind) for name, kind in list(arrow.items())})

    def image(prefix: str) -> list[tuple[str, Any]]:
        return [(f"{prefix}{name}", arrow[kind]) for name, kind in _IMAGE_TYPES]

    fields: dict[str, list[tuple[str, Any]]] = {
        "articles": [
            ("path", text), ("archived_at", time), ("title", text), ("url", text), ("article_id", int64),
            ("content_type", text), ("language", text), ("published_at", time), ("byline", text), ("authors", texts),
            *image("lead_image_"), ("sources", texts), ("copyright", text), ("text", text), ("problems", int32),
        ],
        "blocks": [(name, arrow[kind]) for name, kind in BLOCK_COLUMNS.items()],
        "pictures": [("path", text), ("block", int32), ("index", int32), *image("image_"), ("title", text), ("text", text)],
        "links": [("path", text), ("index", int32), ("text", text), ("href", text), ("rel", text),
                  ("target_id", int64), ("target_type", text)],
        "topics": [("path", text), ("index", int32), ("name", text), ("topic_id", int64), ("topic_type", text)],
        "problems": [("path", text), ("index", int32), ("code", text), ("message", text), ("line", int64),
                     ("column", int64)],
    }  # fmt: skip
    return {name: pa.schema(columns) for name, columns in fields.items()}


def umasked(mode: int) -> int:
    """``mode`` as the process's umask leaves it: what a new file or folder
    would get (temporary ones are made private, and become OUT)."""
    mask = os.umask(0)
    os.umask(mask)
    return mode & ~mask


_TABLE_FILES = frozenset(f"{name}.parquet" for name in TABLES)


class ParquetFolder:
    """A folder OUT of ``TABLE.parquet`` files, written in a temporary folder
    beside OUT and moved into place by :meth:`finish` (an older OUT stays
    until then). An OUT that exists must be empty or hold nothing but such
    tables: no other folder is ever replaced. Rows are kept until :data:`ROW_GROUP_ARTICLES` articles, or
    :data:`ROW_GROUP_CHARACTERS` characters of rows, are
    in, then written as one row group of each table.

    :raises ImportError: without pyarrow. :raises OSError: if OUT is a file,
        or the folder cannot be made.
    """

    def __init__(
        self, target: str, *, row_group_articles: int = ROW_GROUP_ARTICLES, row_group_characters: int = ROW_GROUP_CHARACTERS
    ) -> None:
        import pyarrow.parquet as pq

        target = os.path.realpath(target)  # a link to a folder: the folder
        if os.path.exists(target) and not os.path.isdir(target):
            raise OSError(f"{target} exists and is not a folder")
        if os.path.isdir(target) and not set(os.listdir(target)) <= _TABLE_FILES:
            raise OSError(f"{target} holds other files than dwparse's tables; give a new or empty folder")
        self.target = target
        self.row_group_articles = row_group_articles
        self.row_group_characters = row_group_characters
        self.characters = 0  # of the rows pending
        parent = os.path.dirname(os.path.abspath(target))
        self.temporary = tempfile.mkdtemp(prefix=".dwparse-", suffix=".part", dir=parent)
        os.chmod(self.temporary, umasked(0o777))  # mkdtemp's 0700 would stay with OUT
        self.schemas = schemas()
        self.writers = {
            name: pq.ParquetWriter(os.path.join(self.temporary, f"{name}.parquet"), schema)
            for name, schema in self.schemas.items()
        }
        self.pending: dict[str, list[Row]] = {name: [] for name in TABLES}
        self.articles = 0

    def skipped(self) -> frozenset[str]:
        """Real paths the walk must not read back: the output folders."""
        return frozenset(os.path.realpath(path) for path in (self.target, self.temporary))

    def write(self, table_rows: dict[str, list[Row]]) -> None:
        """Add one article's rows; write a row group when enough are in."""
        for name, new in table_rows.items():
            self.pending[name].extend(new)
        self.articles += 1
        self.characters += sum(len(value) for rows in table_rows.values() for row in rows for value in row.values() if type(value) is str)
        if self.articles % self.row_group_articles == 0 or self.characters >= self.row_group_characters:
            self._flush()

    def _flush(self) -> None:
        import pyarrow as pa

        for name, pending in self.pending.items():
            if pending:
                self.writers[name].write_table(pa.Table.from_pylist(pending, schema=self.schemas[name]))
                pending.clear()
        self.characters = 0

    def finish(self, keep: bool) -> None:
        """Write what is left and close; move the folder to OUT if ``keep``,
        else remove it."""
        try:
            if keep:
                self._flush()
            for writer in self.writers.values():
                writer.close()
            if keep:
                self._replace()
        finally:
            shutil.rmtree(self.temporary, ignore_errors=True)

    def _replace(self) -> None:
        old = None
        if os.path.exists(self.target):  # an older OUT: moved aside, removed once the new one is in place
            old = tempfile.mkdtemp(prefix=".dwparse-", suffix=".old", dir=os.path.dirname(os.path.abspath(self.target)))
            os.rmdir(old)
            os.replace(self.target, old)
        os.replace(self.temporary, self.target)
        if old is not None:
            shutil.rmtree(old, ignore_errors=True)
