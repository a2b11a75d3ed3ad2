"""Schema 9's migration: every stored body packed against its raw document
(reader/store/body.py), the raw documents older than version 4 compressed, and the
full-text index rebuilt without positions (detail=none, reader/store/search_text.py).

It reads and rewrites every article, so on a big database it says how far it is on
stderr (the reader's app captures what is printed while it runs, so the screen stays
whole), and `migrate` gives the pages it frees back (VACUUM) once it has committed.
"""

from __future__ import annotations

import sqlite3
import sys

from reader.store.body import pack_body
from reader.store.raw import pack_raw, raw_text
from reader.store.search_text import index_text

CHUNK = 1000  # articles read, packed and written at a time
PROGRESS_FROM = 5000  # articles from which progress is shown


def repack(conn: sqlite3.Connection) -> None:
    conn.executemany(
        "UPDATE documents SET raw = ? WHERE id = ?",
        [
            (pack_raw(str(raw)), int(doc_id))
            for doc_id, raw in conn.execute(
                "SELECT id, raw FROM documents WHERE typeof(raw) = 'text'"
            ).fetchall()
        ],
    )
    conn.execute(
        "CREATE VIRTUAL TABLE articles_fts_positionless USING fts5(title, body, content = '',"
        " detail = none, tokenize = 'unicode61 remove_diacritics 2')"
    )
    total = int(conn.execute("SELECT count(*) FROM articles").fetchone()[0])
    done, last, shown = 0, -1, 0
    while True:
        rows = conn.execute(
            "SELECT a.id, a.title, a.body, d.raw FROM articles a"
            " JOIN documents d ON d.id = a.document_id WHERE a.id > ? ORDER BY a.id LIMIT ?",
            (last, CHUNK),
        ).fetchall()
        if not rows:
            break
        bodies = [(int(i), str(title), str(body), raw_text(raw)) for i, title, body, raw in rows]
        conn.executemany(
            "UPDATE articles SET body = ? WHERE id = ?",
            [(pack_body(body, raw), i) for i, _, body, raw in bodies],
        )
        conn.executemany(
            "INSERT INTO articles_fts_positionless (rowid, title, body) VALUES (?, ?, ?)",
            [(i, index_text(title), index_text(body)) for i, title, body, _ in bodies],
        )
        done += len(rows)
        last = bodies[-1][0]
        if total >= PROGRESS_FROM and 10 * done // total > shown:
            shown = 10 * done // total
            print(
                f"khabar: upgrading the database: {done:,} of {total:,} articles", file=sys.stderr
            )
    conn.execute("DROP TABLE articles_fts")
    conn.execute("ALTER TABLE articles_fts_positionless RENAME TO articles_fts")
