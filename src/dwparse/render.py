"""The archive format again: header comment, link title, underline, body.

Blocks are written by the writers their construct modules register
(:mod:`dwparse.writers`), looked up by the block's ``TYPE``: nothing here
imports a reader.
"""

from __future__ import annotations

from datetime import datetime

from dwparse.header import EPOCH
from dwparse.model import Article
from dwparse.title import escape_title
from dwparse.writers import write_block, writer, writes

__all__ = ["article_to_markdown"]


def _epoch_text(moment: datetime) -> str:
    """Milliseconds since 1970 as the header writes them (never 10 digits: that reads as seconds)."""
    delta = moment - EPOCH
    text = str((delta.days * 86_400 + delta.seconds) * 1000 + delta.microseconds // 1000)
    return "0" + text if len(text) == 10 else text


@writes("article")
def article_to_markdown(article: Article) -> str:
    """``article`` in the archive format: header, link title, underline, body."""
    lines = []
    if article.archived_at is not None:
        lines.append(f"<!--{_epoch_text(article.archived_at)}-->")
    if article.title is not None or article.url is not None:
        lines.append(f"[{escape_title(article.title or '')}]({article.url or ''})")
        lines.append("------")
        lines.append("")
    language = article.language
    body = [writer("timeline")(article.published_at, article.authors), writer("lead_image")(article.lead_image, language, article.blocks)]
    body.extend(write_block(block, language) for block in article.blocks)
    lines.append("".join(body))
    return "\n".join(lines) + "\n"
