"""The copyright line: a paragraph starting with ``©``."""

from __future__ import annotations

from typing import Optional

from dwparse.body.nodes import Style
from dwparse.model import Copyright

__all__ = ["copyright_of"]


def copyright_of(text: str, style: Optional[Style] = None) -> Optional[Copyright]:
    """The copyright block of a paragraph's ``text`` (whatever its style), or ``None``."""
    return Copyright(text) if text.startswith("©") else None
