"""documents.raw as stored: the decoded input, zlib-compressed.

Raw text is kept so a document can be cleaned again (a better cleaner, site
templates) without the original file; it is read rarely and is about a third
of a plain database, so it is stored compressed (Arabic news text shrinks to
about a third). Rows written before schema version 4 hold plain text; both read
back the same through `raw_text`.
"""

from __future__ import annotations

import zlib

LEVEL = 6


def pack_raw(text: str) -> bytes:
    return zlib.compress(text.encode("utf-8"), LEVEL)


def raw_text(value: str | bytes) -> str:
    """The raw document of a documents.raw value, compressed or (older rows) plain."""
    if isinstance(value, str):
        return value
    return zlib.decompress(value).decode("utf-8")
