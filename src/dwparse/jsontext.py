"""JSON text of the JSON shape, one way everywhere: compact (no spaces
after ``,`` and ``:``), UTF-8 not ASCII-escaped.

orjson writes it when it is installed (the ``fast`` extra:
``pip install 'dwparse[fast]'``), the standard library otherwise; both give
the same bytes (a test checks it on every fixture and real file). What
orjson refuses (an integer beyond 64 bits) falls back to the standard
library.
"""

from __future__ import annotations

import json
from typing import Any, Optional

try:
    import orjson
except ImportError:  # the fast extra is not installed
    orjson = None  # type: ignore[assignment]

__all__ = ["ORJSON", "dumps", "dumps_bytes"]

#: Whether orjson writes the JSON.
ORJSON = orjson is not None

# Built once: json.dumps with non-default options builds an encoder per call.
_ENCODER = json.JSONEncoder(ensure_ascii=False, separators=(",", ":"))


def dumps(data: Any, indent: Optional[int] = None) -> str:
    """``data`` as JSON text; ``indent``: pretty-printed (by the standard
    library, with its ``", "`` and ``": "``)."""
    if indent is not None:
        return json.dumps(data, ensure_ascii=False, indent=indent)
    if orjson is not None:
        try:
            return orjson.dumps(data).decode("utf-8")
        except orjson.JSONEncodeError:
            pass
    return _ENCODER.encode(data)


def dumps_bytes(data: Any) -> bytes:
    """``data`` as compact JSON, UTF-8 bytes."""
    if orjson is not None:
        try:
            return orjson.dumps(data)
        except orjson.JSONEncodeError:
            pass
    return _ENCODER.encode(data).encode("utf-8")
