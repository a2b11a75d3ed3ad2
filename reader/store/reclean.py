"""Replacing a stored document's articles with a better cleaning of the same raw text.

Used by `khabar reclean`: the document row stays (its hash, raw text and path), its articles
are deleted with everything hanging off them (mentions, entity links and counts, search rows)
and the new cleaning is inserted as an ingest would. The first article's reading state
(read, bookmark, scroll) moves to the new first article.
"""

from __future__ import annotations

import json
import sqlite3
from datetime import UTC, datetime

from reader.store.body import BODY_COLUMNS, BODY_JOIN, body_text
from reader.store.records import DocumentRow
from reader.store.search_text import index_text
from reader.store.stories import forget_article
from reader.store.transaction import transaction
from reader.store.write import (
    Canonical,
    EntityRows,
    NewRows,
    most_frequent,
    write_articles,
)


def replace_articles(
    conn: sqlite3.Connection,
    document_id: int,
    doc: DocumentRow,
    *,
    canonical: Canonical | None = None,
) -> list[int]:
    """Swap the document's articles for `doc.article` (and its appended ones); new ids."""
    now = datetime.now(UTC).isoformat(timespec="seconds")
    old = [
        row[0]
        for row in conn.execute(
            "SELECT id FROM articles WHERE document_id = ? ORDER BY id", (document_id,)
        )
    ]
    state = (
        conn.execute(
            "SELECT read, bookmarked, scroll FROM reading_state WHERE article_id = ?", (old[0],)
        ).fetchone()
        if old
        else None
    )
    marks = ",".join("?" * len(old))
    with transaction(conn):
        # Documents linked to these articles as copies follow them to the new first one.
        copies = [
            row[0]
            for row in conn.execute(
                f"SELECT id FROM documents WHERE duplicate_of IN ({marks})", old
            )
        ]
        conn.executemany(
            "UPDATE documents SET duplicate_of = NULL WHERE id = ?", [(c,) for c in copies]
        )
        for article_id in reversed(old):  # appended articles point at the first one
            _delete_article(conn, article_id)
        conn.execute("DELETE FROM variants WHERE count <= 0")
        conn.execute(
            "DELETE FROM variants WHERE entity_id IN (SELECT id FROM entities"
            " WHERE article_count <= 0)"
        )
        conn.execute("DELETE FROM entities WHERE article_count <= 0")
        entities = EntityRows(conn)
        rows = NewRows(conn)
        ids = rows.add_articles(document_id, doc)
        write_articles(rows, entities)
        conn.executemany(
            "UPDATE documents SET duplicate_of = ? WHERE id = ?", [(ids[0], c) for c in copies]
        )
        entities.flush(canonical or most_frequent)
        dropped = json.dumps(
            [{"text": text, "reason": reason} for text, reason in doc.dropped], ensure_ascii=False
        )
        conn.execute("UPDATE documents SET dropped = ? WHERE id = ?", (dropped, document_id))
        if state is not None:
            conn.execute(
                "INSERT INTO reading_state (article_id, read, bookmarked, scroll, updated_at)"
                " VALUES (?, ?, ?, ?, ?)",
                (ids[0], *state, now),
            )
    return ids


def _delete_article(conn: sqlite3.Connection, article_id: int) -> None:
    conn.execute(
        "UPDATE entities SET article_count = article_count - 1 WHERE id IN"
        " (SELECT entity_id FROM article_entities WHERE article_id = ?)",
        (article_id,),
    )
    conn.executemany(
        "UPDATE variants SET count = count - ? WHERE entity_id = ? AND surface = ?",
        conn.execute(
            "SELECT count(*), entity_id, surface FROM mentions WHERE article_id = ?"
            " GROUP BY entity_id, surface",
            (article_id,),
        ).fetchall(),
    )
    conn.execute("DELETE FROM mentions WHERE article_id = ?", (article_id,))
    conn.execute("DELETE FROM article_entities WHERE article_id = ?", (article_id,))
    # The index is contentless: a row goes by the 'delete' command given the folded text it
    # was indexed with, which index_text makes again from the stored title and body.
    title, packed, raw = conn.execute(
        f"SELECT a.title, {BODY_COLUMNS} FROM {BODY_JOIN} WHERE a.id = ?", (article_id,)
    ).fetchone()
    body = body_text(packed, raw)
    conn.execute(
        "INSERT INTO articles_fts (articles_fts, rowid, title, body) VALUES ('delete', ?, ?, ?)",
        (article_id, index_text(title), index_text(body)),
    )
    conn.execute("DELETE FROM reading_state WHERE article_id = ?", (article_id,))
    conn.execute("DELETE FROM article_content WHERE article_id = ?", (article_id,))
    forget_article(conn, article_id)
    conn.execute("DELETE FROM articles WHERE id = ?", (article_id,))
