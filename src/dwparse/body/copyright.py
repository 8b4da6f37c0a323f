"""The copyright line: a paragraph starting with ``©``."""

from __future__ import annotations

from typing import Optional

from dwparse.body.html import text_html
from dwparse.model import Copyright
from dwparse.writers import writes

__all__ = ["copyright_of", "write"]


def copyright_of(text: str) -> Optional[Copyright]:
    """The copyright block of a paragraph's ``text``, or ``None``."""
    return Copyright(text) if text.startswith("©") else None


@writes("copyright")
def write(block: Copyright, language: Optional[str]) -> str:
    """The copyright line as an italic paragraph (or its source HTML)."""
    if block.html is not None:
        return block.html
    return f"<p><em>{text_html(block.text)}</em></p>"
