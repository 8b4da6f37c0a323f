"""Output: the JSON shape (one converter for every class) and the archive format again."""

from __future__ import annotations

import json
from importlib import resources
from datetime import datetime, timezone
from html import escape
from typing import Any, Optional

import attrs

from dwparse.blocks import GALLERY_LABELS
from dwparse.captions import CREDIT_LABELS
from dwparse.header import EPOCH as _EPOCH
from dwparse.model import (
    Article,
    Block,
    Copyright,
    Credit,
    Embed,
    Gallery,
    Heading,
    Image,
    ImageBlock,
    Inline,
    LinkRun,
    ListBlock,
    Notice,
    Paragraph,
    Quote,
    Raw,
    TopicRun,
)
from dwparse.timeline import split_names
from dwparse.title import escape_title

__all__ = ["article_to_dict", "article_to_json", "article_to_markdown", "json_schema", "to_jsonable"]



# -- JSON -------------------------------------------------------------------------


def to_jsonable(value: Any) -> Any:
    """``value`` as JSON-ready data: attrs classes become dicts (with their
    ``"type"`` first where the class has one), tuples lists, datetimes ISO 8601.
    Fields marked ``eq=False`` (source HTML kept for rendering) are left out.
    """
    kind = type(value)
    shape = _SHAPES.get(kind)
    if shape is None:
        if not attrs.has(kind):
            if kind is tuple:
                return [to_jsonable(item) for item in value]
            if kind is datetime:
                return value.isoformat()
            return value
        shape = _SHAPES[kind] = _shape(kind)
    word, names = shape
    out: dict[str, Any] = {"type": word} if word is not None else {}
    for name in names:
        item = getattr(value, name)
        out[name] = item if type(item) in _PLAIN else to_jsonable(item)
    return out


def _shape(kind: type) -> tuple[Optional[str], tuple[str, ...]]:
    """An attrs class's ``"type"`` word (or ``None``) and the names of its JSON fields."""
    return getattr(kind, "TYPE", None), tuple(field.name for field in attrs.fields(kind) if field.eq)


_SHAPES: dict[type, tuple[Optional[str], tuple[str, ...]]] = {}
_PLAIN = frozenset({str, int, bool, type(None)})


def article_to_dict(article: Article) -> dict[str, Any]:
    """The contract's JSON shape of ``article``, ``schema_version`` first, ``text`` derived."""
    body = to_jsonable(article)
    problems = body.pop("problems")
    return {"schema_version": Article.SCHEMA_VERSION, **body, "text": article.text, "problems": problems}


def json_schema() -> dict[str, Any]:
    """The JSON Schema (draft 2020-12) of :meth:`Article.to_dict`'s output.

    A fresh copy each call, read from ``schema.json`` shipped in the package.
    """
    return json.loads(_SCHEMA)  # type: ignore[no-any-return]


_SCHEMA = (resources.files("dwparse") / "schema.json").read_text(encoding="utf-8")


def article_to_json(article: Article, *, indent: Optional[int] = None) -> str:
    """:func:`article_to_dict` as JSON text, not ASCII-escaped."""
    return json.dumps(article_to_dict(article), ensure_ascii=False, indent=indent)


# -- the archive format ------------------------------------------------------------


def _text_html(text: str) -> str:
    return escape(text, quote=False).replace("\n", "<br>")


def _attr(value: str) -> str:
    return escape(value, quote=True)


def _epoch_text(moment: datetime) -> str:
    """Milliseconds since 1970 as the header writes them (never 10 digits: that reads as seconds)."""
    delta = moment - _EPOCH
    text = str((delta.days * 86_400 + delta.seconds) * 1000 + delta.microseconds // 1000)
    return "0" + text if len(text) == 10 else text


def _names_text(names: tuple[str, ...]) -> str:
    """Author names as the time line writes them: joined by ``", "``, or one a
    line where that would read back otherwise (a parenthesis left open)."""
    joined = ", ".join(names)
    return joined if split_names(joined) == list(names) else "\n".join(names)


def _time_text(moment: datetime) -> str:
    moment = moment.astimezone(timezone.utc)
    return f"{moment.year:04d}-" + moment.strftime("%m-%dT%H:%M:%S.%fZ")


def _image_html(image: Image, language: Optional[str]) -> str:
    if image.src is not None:
        src = f'<img src="{_attr(image.src)}" width="100%">'
    elif image.image_id is not None:  # a DW placeholder that named only its id
        src = f'<div class="placeholder-image"><img data-id="{image.image_id}"></div>'
    else:
        src = "<img>"
    caption = image.caption or ""
    if image.credit is not None:
        label = CREDIT_LABELS.get(language or "zh", CREDIT_LABELS["zh"])
        caption = f"{caption} {label}: {image.credit}" if caption else f"{label}: {image.credit}"
    if not caption:
        return src
    return f'{src}<div><small style="color: #999;">{_text_html(caption)}</small></div>'


def _inline_html(run: Inline) -> str:
    text = _text_html(run.text)
    if isinstance(run, LinkRun):
        rel = f' rel="{_attr(run.rel)}"' if run.rel is not None else ""
        href = f' href="{_attr(run.href)}"' if run.href is not None else ""
        return f"<a{href}{rel}>{text}</a>"
    if isinstance(run, TopicRun):
        kind = f' data-type="{_attr(run.topic_type)}"' if run.topic_type is not None else ' data-type=""'
        return f'<span data-id="{run.topic_id}"{kind}>{text}</span>'
    if run.em:
        text = f"<em>{text}</em>"
    if run.strong:
        text = f"<strong>{text}</strong>"
    return text


def _block_html(block: Block, language: Optional[str]) -> str:
    if isinstance(block, Paragraph):
        return "<p>" + "".join(_inline_html(run) for run in block.inlines) + "</p>"
    if isinstance(block, (Heading, Credit, Copyright, Notice)) and block.html is not None:
        return block.html
    if isinstance(block, Heading):
        # <h2>, not <p><strong>: its text is then never read as a copyright or notice.
        return f"<h{block.level}>{_text_html(block.text)}</h{block.level}>"
    if isinstance(block, ImageBlock):
        return _image_html(block.image, language)
    if isinstance(block, Gallery):
        parts = []
        if block.title is not None:
            label = GALLERY_LABELS.get(language or "zh", GALLERY_LABELS["zh"])
            parts.append(f"<h3>{label}：{_text_html(block.title)}</h3>")
        for item in block.pictures:
            title = f"<b>{_text_html(item.title)}</b>" if item.title is not None else ""
            separator = "：" if item.title is not None and item.text else ""
            img = _image_html(Image(item.image.url, item.image.src, item.image.image_id), language)
            parts.append(f"<div>{img}{title}{separator}{_text_html(item.text)}</div>")
        return "".join(parts)
    if isinstance(block, ListBlock):
        if block.html is not None:
            return block.html
        tag = "ol" if block.ordered else "ul"
        items = "".join(f"<li>{_text_html(item)}</li>" for item in block.items)
        return f"<{tag}>{items}</{tag}>"
    if isinstance(block, Quote):
        return block.html if block.html is not None else f"<blockquote>{_text_html(block.text)}</blockquote>"
    if isinstance(block, (Credit, Copyright)):
        return f"<p><em>{_text_html(block.text)}</em></p>"
    if isinstance(block, Notice):
        return f"<p>{_text_html(block.text)}</p>"
    if isinstance(block, (Raw, Embed)):
        return block.html
    raise TypeError(f"not a block: {block!r}")


def article_to_markdown(article: Article) -> str:
    """``article`` in the archive format: header, link title, underline, body."""
    lines = []
    if article.archived_at is not None:
        lines.append(f"<!--{_epoch_text(article.archived_at)}-->")
    if article.title is not None or article.url is not None:
        lines.append(f"[{escape_title(article.title or '')}]({article.url or ''})")
        lines.append("------")
        lines.append("")
    body = []
    if article.published_at is not None:
        # All authors, also those a credit names: read again, they come back in the same order.
        authors = _text_html(_names_text(article.authors))
        body.append(f"<div><i>{authors}<br>{_time_text(article.published_at)}</i></div>")
    if article.lead_image is not None:
        body.append(_image_html(article.lead_image, article.language))
    body.extend(_block_html(block, article.language) for block in article.blocks)
    lines.append("".join(body))
    return "\n".join(lines) + "\n"
