"""The command line's Parquet tables: articles, blocks, pictures, links,
topics and problems, each row keyed by the file's ``path``; the rows of
every table but ``articles`` also carry the article's ``article_id`` and
``archived_at`` (:data:`KEY_COLUMNS`), so that each table is read alone.

:func:`rows` turns one article into plain rows (no pyarrow needed, so that
worker processes send back small, cheap-to-pickle data); :func:`schemas`
gives each table's explicit Arrow types (UTC timestamps, int64 ids, lists as
lists) and the metadata of its files (:func:`file_metadata`); the blocks
table's columns (:data:`BLOCK_COLUMNS`) are derived from the block types'
fields (:mod:`dwparse.model.blocks`); :class:`ParquetFolder` writes the rows
in row groups while files are parsed, so memory stays flat however many
files a run reads, into one folder per table (``OUT/articles/part-00000.parquet``,
...). pyarrow is the optional extra ``dwparse[parquet]``.
"""

from __future__ import annotations

import operator
import os
import re
import shutil
import sys
import tempfile
import typing
from typing import Any, Callable, Literal, Optional, Union

import attrs

from dwparse.model import BLOCK_TYPES, Article, Block, Gallery, Image

__all__ = [
    "BLOCK_COLUMNS", "INSTALL_HINT", "KEY_COLUMNS", "PYARROW_HINT", "TABLES", "ParquetFolder", "file_metadata",
    "holds_only_tables", "needs_pyarrow", "part_name", "rows", "schemas", "umasked",
]  # fmt: skip

#: The tables, in the order their folders are written.
TABLES = ("articles", "blocks", "pictures", "links", "topics", "problems")
#: How to install pyarrow.
PYARROW_HINT = "pip install 'dwparse[parquet]'"
#: What to do when pyarrow is missing.
INSTALL_HINT = f"--format parquet needs pyarrow: {PYARROW_HINT}"
#: Articles whose rows make one row group.
ROW_GROUP_ARTICLES = 1000
#: Characters of rows (about their bytes) that close a row group sooner, so
#: that memory stays bounded by the largest files, not by 1,000 of them.
ROW_GROUP_CHARACTERS = 32 * 1024 * 1024
#: Row groups of one table's file: then the table's next part begins.
PART_ROW_GROUPS = 100
#: The first columns of every table but ``articles``: the article a row belongs to.
KEY_COLUMNS = {"path": "string", "article_id": "int64", "archived_at": "timestamp"}

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
    block type, its own columns and their getters: :data:`KEY_COLUMNS`,
    ``index``, ``type`` and ``text``, then every block type's fields in the
    order of :data:`dwparse.Block`. A name two types give must have one Arrow type."""
    types = {**KEY_COLUMNS, "index": "int32", "type": "string", "text": "string"}
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
            "problem_count": len(article.problems),
        }
    ]
    key = {"path": path, "article_id": article.article_id, "archived_at": article.archived_at}
    blocks = [_block(key, index, block) for index, block in enumerate(article.blocks)]
    pictures = [
        {**key, "block": index, "index": number, **_image("image_", picture.image), "title": picture.title, "text": picture.text}
        for index, block in enumerate(article.blocks)
        if isinstance(block, Gallery)
        for number, picture in enumerate(block.pictures)
    ]
    links = [
        {**key, "index": index, "text": link.text, "href": link.href, "rel": link.rel,
         "target_id": link.target_id, "target_type": link.target_type}
        for index, link in enumerate(article.links)
    ]  # fmt: skip
    topics = [
        {**key, "index": index, "name": topic.name, "topic_id": topic.topic_id, "topic_type": topic.topic_type}
        for index, topic in enumerate(article.topics)
    ]
    problems = [
        {**key, "index": index, "code": problem.code, "message": problem.message,
         "line": problem.line, "column": problem.column}
        for index, problem in enumerate(article.problems)
    ]  # fmt: skip
    return {"articles": articles, "blocks": blocks, "pictures": pictures, "links": links, "topics": topics, "problems": problems}


def _block(key: Row, index: int, block: Block) -> Row:
    """One row of the blocks table: every column, the article's ``key``
    columns and those of the block's own type filled."""
    row = dict(_EMPTY_BLOCK)
    row.update(key)
    row.update(index=index, type=block.TYPE, text=block.text)
    for name, getter in _BLOCK_GETTERS[type(block)]:
        row[name] = getter(block)
    return row


def needs_pyarrow(what: str) -> Any:
    """The ``pyarrow`` module. :raises ImportError: without it, saying that
    ``what`` needs it and how to install it."""
    try:
        import pyarrow
    except ImportError as error:
        raise ImportError(f"{what} needs pyarrow: {PYARROW_HINT}") from error
    return pyarrow


def file_metadata() -> dict[bytes, bytes]:
    """The key-value metadata of every table's schema, so of every file
    written: ``dwparse_version`` and ``schema_version`` (of the JSON shape)."""
    # dwparse.__version__, read from the package, which is always imported before
    # its modules: an import of it here would close a circle of imports (dwparse
    # imports dwparse.arrow, which imports this module).
    version = str(sys.modules["dwparse"].__version__)
    return {b"dwparse_version": version.encode(), b"schema_version": str(Article.SCHEMA_VERSION).encode()}


def schemas() -> dict[str, Any]:
    """Each table's ``pyarrow.Schema``, with :func:`file_metadata`.

    :raises ImportError: without pyarrow."""
    pa = needs_pyarrow("dwparse.table_schemas()")
    text, int32, int64 = pa.string(), pa.int32(), pa.int64()
    time = pa.timestamp("us", tz="UTC")
    texts = pa.list_(text)
    arrow = {"string": text, "int8": pa.int8(), "int32": int32, "int64": int64, "bool": pa.bool_(), "timestamp": time}
    arrow.update({f"list<{name}>": pa.list_(kind) for name, kind in list(arrow.items())})
    key = [(name, arrow[kind]) for name, kind in KEY_COLUMNS.items()]

    def image(prefix: str) -> list[tuple[str, Any]]:
        return [(f"{prefix}{name}", arrow[kind]) for name, kind in _IMAGE_TYPES]

    fields: dict[str, list[tuple[str, Any]]] = {
        "articles": [
            ("path", text), ("archived_at", time), ("title", text), ("url", text), ("article_id", int64),
            ("content_type", text), ("language", text), ("published_at", time), ("byline", text), ("authors", texts),
            *image("lead_image_"), ("sources", texts), ("copyright", text), ("text", text), ("problem_count", int32),
        ],
        "blocks": [(name, arrow[kind]) for name, kind in BLOCK_COLUMNS.items()],
        "pictures": [*key, ("block", int32), ("index", int32), *image("image_"), ("title", text), ("text", text)],
        "links": [*key, ("index", int32), ("text", text), ("href", text), ("rel", text),
                  ("target_id", int64), ("target_type", text)],
        "topics": [*key, ("index", int32), ("name", text), ("topic_id", int64), ("topic_type", text)],
        "problems": [*key, ("index", int32), ("code", text), ("message", text), ("line", int64), ("column", int64)],
    }  # fmt: skip
    metadata = file_metadata()
    return {name: pa.schema(columns, metadata=metadata) for name, columns in fields.items()}


def umasked(mode: int) -> int:
    """``mode`` as the process's umask leaves it: what a new file or folder
    would get (temporary ones are made private, and become OUT)."""
    mask = os.umask(0)
    os.umask(mask)
    return mode & ~mask


def part_name(number: int) -> str:
    """The name of a table's file number ``number``: ``part-00000.parquet``."""
    return f"part-{number:05d}.parquet"


_PART = re.compile(r"part-[0-9]{5,}\.parquet")
_TABLE_FILES = frozenset(f"{name}.parquet" for name in TABLES)  # the layout of dwparse 0.3 and before


def holds_only_tables(folder: str) -> bool:
    """Whether ``folder`` holds nothing but dwparse's tables: folders named
    after :data:`TABLES` holding only ``part-NNNNN.parquet`` files, or (as
    dwparse 0.3 wrote them) ``TABLE.parquet`` files. Links are not tables."""
    with os.scandir(folder) as entries:
        for entry in entries:
            if entry.name in _TABLE_FILES and entry.is_file(follow_symlinks=False):
                continue
            if entry.name not in TABLES or not entry.is_dir(follow_symlinks=False):
                return False
            with os.scandir(entry.path) as parts:
                if not all(_PART.fullmatch(part.name) and part.is_file(follow_symlinks=False) for part in parts):
                    return False
    return True


class ParquetFolder:
    """A folder OUT of one folder per table, ``OUT/TABLE/part-NNNNN.parquet``,
    written in a temporary folder beside OUT and moved into place by
    :meth:`finish` (an older OUT stays until then). An OUT that exists must
    be empty or hold nothing but dwparse's tables (:func:`holds_only_tables`):
    no other folder is ever replaced. Rows are kept until
    :data:`ROW_GROUP_ARTICLES` articles, or :data:`ROW_GROUP_CHARACTERS`
    characters of rows, are in, then written as one row group of each table;
    after ``part_row_groups`` row groups a table goes on in its next part.
    Every table has a ``part-00000.parquet``, empty if no row came.

    :raises ImportError: without pyarrow. :raises OSError: if OUT is a file,
        holds other files, or the folder cannot be made.
    """

    def __init__(
        self,
        target: str,
        *,
        row_group_articles: int = ROW_GROUP_ARTICLES,
        row_group_characters: int = ROW_GROUP_CHARACTERS,
        part_row_groups: int = PART_ROW_GROUPS,
    ) -> None:
        import pyarrow.parquet  # noqa: F401 - without it, nothing is made

        target = os.path.realpath(target)  # a link to a folder: the folder
        if os.path.exists(target) and not os.path.isdir(target):
            raise OSError(f"{target} exists and is not a folder")
        if os.path.isdir(target) and not holds_only_tables(target):
            raise OSError(f"{target} holds other files than dwparse's tables; give a new or empty folder")
        self.target = target
        self.row_group_articles = row_group_articles
        self.row_group_characters = row_group_characters
        self.part_row_groups = part_row_groups
        self.characters = 0  # of the rows pending
        self.schemas = schemas()
        parent = os.path.dirname(os.path.abspath(target))
        self.temporary = tempfile.mkdtemp(prefix=".dwparse-", suffix=".part", dir=parent)
        try:
            os.chmod(self.temporary, umasked(0o777))  # mkdtemp's 0700 would stay with OUT
            for name in TABLES:
                os.mkdir(os.path.join(self.temporary, name))
            self.parts = dict.fromkeys(TABLES, 0)  # the number of each table's part being written
            self.groups = dict.fromkeys(TABLES, 0)  # and its row groups
            self.writers = {name: self._writer(name) for name in TABLES}
        except BaseException:
            shutil.rmtree(self.temporary, ignore_errors=True)
            raise
        self.pending: dict[str, list[Row]] = {name: [] for name in TABLES}
        self.articles = 0

    def _writer(self, name: str) -> Any:
        import pyarrow.parquet as pq

        path = os.path.join(self.temporary, name, part_name(self.parts[name]))
        return pq.ParquetWriter(path, self.schemas[name])

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
            if not pending:
                continue
            if self.groups[name] >= self.part_row_groups:  # this part is full: the next begins
                self.writers[name].close()
                self.parts[name] += 1
                self.groups[name] = 0
                self.writers[name] = self._writer(name)
            self.writers[name].write_table(pa.Table.from_pylist(pending, schema=self.schemas[name]))
            self.groups[name] += 1
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
