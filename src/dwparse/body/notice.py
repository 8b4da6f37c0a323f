"""DW's boilerplate notices: the promotion and the opinion disclaimer."""

from __future__ import annotations

from typing import Optional

from dwparse.format import NOTICE_PREFIXES
from dwparse.body.html import text_html
from dwparse.model import Notice
from dwparse.writers import writes

__all__ = ["notice_of", "write"]


def notice_of(text: str) -> Optional[Notice]:
    """The notice block of a paragraph's ``text``, or ``None``."""
    return Notice(text) if text.startswith(NOTICE_PREFIXES) else None


@writes("notice")
def write(block: Notice, language: Optional[str]) -> str:
    """The notice as a paragraph (or its source HTML)."""
    if block.html is not None:
        return block.html
    return f"<p>{text_html(block.text)}</p>"
