"""Writing the archive format: the small pieces of HTML and Markdown that
:meth:`~dwparse.Article.to_markdown` and each block's ``write`` put together.

Plain values in, text out: nothing here imports the model or a reader, so the
model can call in without an import circle.
"""

from __future__ import annotations

from datetime import datetime, timezone
from html import escape
from typing import Optional

from dwparse.format import EPOCH, GALLERY_LABELS, IMAGE_CREDIT_LABELS

__all__ = [
    "caption_text", "epoch_text", "escape_title", "gallery_heading", "image_html", "text_html",
    "time_line_html",
]  # fmt: skip

_TITLE_ESCAPES = str.maketrans({"\\": "\\\\", "[": "\\[", "]": "\\]", "&": "&amp;"})


def text_html(text: str) -> str:
    """``text`` as HTML: escaped, line breaks as ``<br>``."""
    return escape(text, quote=False).replace("\n", "<br>")


def escape_title(title: str) -> str:
    """A title as the link title writes it (the inverse of
    :func:`dwparse.title.unescape_title` for one-line titles)."""
    return title.translate(_TITLE_ESCAPES)


def epoch_text(moment: datetime) -> str:
    """Milliseconds since 1970 as the header writes them (never 10 digits: that reads as seconds)."""
    delta = moment - EPOCH
    text = str((delta.days * 86_400 + delta.seconds) * 1000 + delta.microseconds // 1000)
    return "0" + text if len(text) == 10 else text


def time_line_html(published_at: Optional[datetime], byline: Optional[str]) -> str:
    """The time line of ``published_at`` and its ``byline`` (its line
    breaks as ``<br>``); none without a time."""
    if published_at is None:
        return ""
    moment = published_at.astimezone(timezone.utc)
    time = f"{moment.year:04d}-" + moment.strftime("%m-%dT%H:%M:%S.%fZ")
    return f"<div><i>{text_html(byline or '')}<br>{time}</i></div>"


def caption_text(caption: Optional[str], credit: Optional[str], language: Optional[str]) -> str:
    """The text of a caption ``<div>``: the caption, then the credit after its label."""
    if credit is None:
        return caption or ""
    label = IMAGE_CREDIT_LABELS.get(language or "zh", IMAGE_CREDIT_LABELS["zh"])
    return f"{caption} {label}: {credit}" if caption else f"{label}: {credit}"


def image_html(src: Optional[str], image_id: Optional[int], caption: str = "") -> str:
    """An ``<img>`` (a DW placeholder when only the id is known) and its
    caption ``<div>`` (``caption`` from :func:`caption_text`), if any."""
    if src is not None:
        img = f'<img src="{escape(src)}" width="100%">'
    elif image_id is not None:
        img = f'<div class="placeholder-image"><img data-id="{image_id}"></div>'
    else:
        img = "<img>"
    if not caption:
        return img
    return f'{img}<div><small style="color: #999;">{text_html(caption)}</small></div>'


def gallery_heading(title: str, language: Optional[str]) -> str:
    """The labelled ``<h3>`` that opens a titled gallery."""
    label = GALLERY_LABELS.get(language or "zh", GALLERY_LABELS["zh"])
    return f"<h3>{label}：{text_html(title)}</h3>"
