"""documents.raw as stored: the decoded input, zlib-compressed.

Raw text is kept so a document can be cleaned again (a better cleaner, site
templates) without the original file, and it is the dictionary its articles'
bodies are compressed against (reader/store/body.py), so it is never rewritten
once stored. Rows written before schema version 4 held plain text; version 9
compressed those too, so every row reads back through `raw_text`.
"""

from __future__ import annotations

import zlib

LEVEL = 6


def pack_raw(text: str) -> bytes:
    return zlib.compress(text.encode("utf-8"), LEVEL)


def raw_bytes(value: bytes) -> bytes:
    """The raw document of a documents.raw value, as UTF-8."""
    return zlib.decompress(value)


def raw_text(value: bytes) -> str:
    """The raw document of a documents.raw value."""
    return raw_bytes(value).decode("utf-8")
