"""Articles as plain dicts, one at a time, for `khabar export` and anyone else.

Streams with one cursor over articles and one indexed look-up of mentions per
article, so exporting a large corpus never holds it in memory.
"""

from __future__ import annotations

import sqlite3
from collections.abc import Iterator
from typing import Any

import sqlite_utils

from reader.kinds import Kind

_ARTICLES = (
    "SELECT id, source_path, title, published, author, source, url, body, appended_to"
    " FROM articles ORDER BY id"
)
_MENTIONS = (
    'SELECT m.start, m."end", m.surface, e.kind, e.canonical FROM mentions m'
    ' JOIN entities e ON e.id = m.entity_id WHERE m.article_id = ? ORDER BY m.start, m."end"'
)
_FIELDS = ("id", "source_path", "title", "published", "author", "source", "url", "body")


def iter_export(db: sqlite_utils.Database | sqlite3.Connection) -> Iterator[dict[str, Any]]:
    """Every article in id order; `appended_to` is null except on appended articles."""
    conn = db.conn if isinstance(db, sqlite_utils.Database) else db
    articles = conn.cursor()
    mentions = conn.cursor()
    for row in articles.execute(_ARTICLES):
        record: dict[str, Any] = dict(zip(_FIELDS, row[:8], strict=True))
        record["appended_to"] = row[8]
        record["entities"] = [
            {"start": start, "end": end, "text": text, "kind": Kind(kind), "canonical": canonical}
            for start, end, text, kind, canonical in mentions.execute(_MENTIONS, (row[0],))
        ]
        yield record
