"""The copyright line: a paragraph starting with ``©``."""

from __future__ import annotations

from typing import Optional

from dwparse.model import Copyright

__all__ = ["copyright_of"]


def copyright_of(text: str) -> Optional[Copyright]:
    """The copyright block of a paragraph's ``text``, or ``None``."""
    return Copyright(text) if text.startswith("©") else None
