"""Articles as plain dicts, one at a time, for `khabar export` and anyone else.

Streams with one cursor over articles and one indexed look-up of mentions per
article, so exporting a large corpus never holds it in memory.
"""

from __future__ import annotations

import sqlite3
from collections.abc import Iterable, Iterator
from typing import TYPE_CHECKING, Any

from reader.kinds import Kind
from reader.store.body import BODY_COLUMNS, BODY_JOIN, body_text

if TYPE_CHECKING:
    import sqlite_utils

_ARTICLES = (
    "SELECT a.id, a.source_path, a.title, a.published, a.author, a.source, a.url,"
    f" {BODY_COLUMNS}, a.appended_to FROM {BODY_JOIN}"
)
_MENTIONS = (
    'SELECT m.start, m."end", m.surface, e.kind, e.canonical FROM mentions m'
    ' JOIN entities e ON e.id = m.entity_id WHERE m.article_id = ? ORDER BY m.start, m."end"'
)
_FIELDS = ("id", "source_path", "title", "published", "author", "source", "url", "body")


def iter_export(db: sqlite_utils.Database | sqlite3.Connection) -> Iterator[dict[str, Any]]:
    """Every article in id order; `appended_to` is null except on appended articles.

    sqlite-utils is imported only for the type: the reader's export command imports this
    module at start-up, and sqlite-utils (which loads numpy) would add about 100 ms there."""
    conn = db if isinstance(db, sqlite3.Connection) else db.conn
    mentions = conn.cursor()
    for row in conn.cursor().execute(_ARTICLES + " ORDER BY a.id"):
        yield _record(row, mentions)


def iter_export_ids(conn: sqlite3.Connection, ids: Iterable[int]) -> Iterator[dict[str, Any]]:
    """The articles `ids` names, in its order (the reader's filtered list), as `iter_export`
    gives them; an id deleted meanwhile is left out."""
    articles = conn.cursor()
    mentions = conn.cursor()
    for article_id in ids:
        row = articles.execute(_ARTICLES + " WHERE a.id = ?", (article_id,)).fetchone()
        if row is not None:
            yield _record(row, mentions)


def _record(row: tuple[Any, ...], mentions: sqlite3.Cursor) -> dict[str, Any]:
    record: dict[str, Any] = dict(zip(_FIELDS, (*row[:7], body_text(row[7], row[8])), strict=True))
    record["appended_to"] = row[9]
    record["entities"] = [
        {"start": start, "end": end, "text": text, "kind": Kind(kind), "canonical": canonical}
        for start, end, text, kind, canonical in mentions.execute(_MENTIONS, (row[0],))
    ]
    return record
