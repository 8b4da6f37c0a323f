"""DW's boilerplate notices: the promotion and the opinion disclaimer."""

from __future__ import annotations

from typing import Optional

from dwparse.format import NOTICE_PREFIXES
from dwparse.body.nodes import Style
from dwparse.model import Notice

__all__ = ["notice_of"]


def notice_of(text: str, style: Optional[Style] = None) -> Optional[Notice]:
    """The notice block of a paragraph's ``text`` (whatever its style), or ``None``."""
    return Notice(text) if text.startswith(NOTICE_PREFIXES) else None
