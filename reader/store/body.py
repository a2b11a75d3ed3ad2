"""articles.body as stored: the cleaned text, zlib-compressed against the raw document
it was cleaned from.

A body is almost all a copy of lines of its raw document (documents.raw, kept for
re-cleaning), so compressing it with that raw text as zlib's preset dictionary stores
little more than where those lines are: about 60 bytes for a real-length article,
against 1.5 KiB compressed alone and 4 KiB plain. The price is that a body is read
together with its document's raw text (`BODY_SQL`), which is never rewritten once
stored (its hash names the document), and `body_text` is the one place that turns
the two back into the text every reader room shows, searches, quotes and exports.

zlib uses only the last 32 KiB of a dictionary, so for a long page (an HTML page, a
dump of many articles) the dictionary is the 32 KiB of raw text from where the
body's first line is found; the stored value starts with that byte offset plus one
(a varint; 0: no dictionary, for a body whose text the raw one does not hold).
zlib is in the standard library, so reading a body loads nothing new at start-up.
"""

from __future__ import annotations

import sqlite3
import zlib

from reader.store.raw import raw_bytes

LEVEL = 9
WINDOW = 32 * 1024  # the part of a preset dictionary zlib uses
_FIRST_LINE = 64  # bytes of the body's first line looked for in the raw text

# The columns `body_text` needs, for a query over `articles a JOIN documents d`.
BODY_COLUMNS = "a.body, d.raw"
BODY_JOIN = "articles a JOIN documents d ON d.id = a.document_id"
BODY_SQL = f"SELECT {BODY_COLUMNS} FROM {BODY_JOIN} WHERE a.id = ?"


def pack_body(body: str, raw: str) -> bytes:
    """`body` as articles.body stores it, given the raw document it was cleaned from."""
    data = body.encode("utf-8")
    source = raw.encode("utf-8")
    start = _window_start(data, source)
    if start is None:
        packer = zlib.compressobj(LEVEL)
        header = _varint(0)
    else:
        packer = zlib.compressobj(LEVEL, zdict=source[start : start + WINDOW])
        header = _varint(start + 1)
    return header + packer.compress(data) + packer.flush()


def body_text(packed: bytes, raw: bytes) -> str:
    """The body of a stored articles.body value and its document's documents.raw value."""
    mark, at = _read_varint(packed)
    if mark == 0:
        return zlib.decompress(packed[at:]).decode("utf-8")
    start = mark - 1
    unpacker = zlib.decompressobj(zdict=raw_bytes(raw)[start : start + WINDOW])
    return (unpacker.decompress(packed[at:]) + unpacker.flush()).decode("utf-8")


def article_body(conn: sqlite3.Connection, article_id: int) -> str | None:
    """The stored article's body, or None when there is no such article."""
    row = conn.execute(BODY_SQL, (article_id,)).fetchone()
    return None if row is None else body_text(row[0], row[1])


def _window_start(data: bytes, source: bytes) -> int | None:
    """Where in `source` the dictionary starts: at the body's first line if found there,
    else its last 32 KiB; None for no raw text at all."""
    if not source:
        return None
    first = data.split(b"\n", 1)[0][:_FIRST_LINE]
    found = source.find(first) if first else -1
    return found if found >= 0 else max(0, len(source) - WINDOW)


def _varint(value: int) -> bytes:
    out = bytearray()
    while value >= 0x80:
        out.append(value & 0x7F | 0x80)
        value >>= 7
    out.append(value)
    return bytes(out)


def _read_varint(data: bytes) -> tuple[int, int]:
    """The varint at the start of `data` and where what follows it starts."""
    value = shift = at = 0
    while True:
        byte = data[at]
        at += 1
        value |= (byte & 0x7F) << shift
        if byte < 0x80:
            return value, at
        shift += 7
