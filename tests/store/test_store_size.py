"""The smaller database: a contentless full-text index and compressed raw documents,
with search and the raw text exactly as before, on new databases and migrated ones."""

from __future__ import annotations

import sqlite3
from pathlib import Path

from reader.store.raw import raw_text
from reader.store.read.text import fts_expression
from reader.store.schema import SCHEMA_VERSION, open_db
from reader.store.search_text import index_text
from reader.store.write import insert_document
from tests.store.old_schemas import SCRIPTS
from tests.store.store_records import make_document

TITLE = "كيم يستقبل الوفد"
BODY = "وصل الوفد لبيونغ يانغ أمس.\nوقال كيم جونغ أون إن المحادثات جيدة."


def _matches(conn: sqlite3.Connection, query: str) -> list[int]:
    sql = "SELECT rowid FROM articles_fts WHERE articles_fts MATCH ? ORDER BY rowid"
    return [r[0] for r in conn.execute(sql, (query,))]


def test_raw_is_stored_compressed_and_reads_back_exactly(tmp_path: Path) -> None:
    db = open_db(tmp_path / "k.db")
    doc = make_document(TITLE, BODY * 20)
    insert_document(db.conn, doc)
    (stored,) = db.conn.execute("SELECT raw FROM documents").fetchone()
    assert isinstance(stored, bytes) and len(stored) < len(doc.raw.encode()) / 2
    assert raw_text(stored) == doc.raw


def test_the_index_keeps_no_copy_of_the_text_and_still_finds_every_spelling(
    tmp_path: Path,
) -> None:
    db = open_db(tmp_path / "k.db")
    (article_id,) = insert_document(db.conn, make_document(TITLE, BODY)) or []
    assert db.conn.execute("SELECT body FROM articles_fts").fetchone() == (None,)
    for query in ("بيونج يانج", "بيونغ يانغ", "كيم جونج أون", "يستقبل"):
        assert _matches(db.conn, fts_expression(query)) == [article_id], query


def test_a_version_2_database_migrates_with_its_index_and_plain_raw(tmp_path: Path) -> None:
    path = tmp_path / "old.db"
    conn = sqlite3.connect(path)
    for version, script in enumerate(SCRIPTS[:2], start=1):
        conn.executescript(f"BEGIN;{script};PRAGMA user_version = {version}; COMMIT;")
    conn.execute(
        "INSERT INTO documents (id, path, sha256, kind, encoding, raw, ingested_at)"
        " VALUES (1, 'a.txt', 'x', 'txt', 'utf-8', ?, 'now')",
        (f"{TITLE}\n{BODY}",),
    )
    conn.execute(
        "INSERT INTO articles (id, document_id, title, body, source_path, added_at)"
        " VALUES (7, 1, ?, ?, 'a.txt', 'now')",
        (TITLE, BODY),
    )
    conn.execute(
        "INSERT INTO articles_fts (rowid, title, body) VALUES (7, ?, ?)",
        (index_text(TITLE), index_text(BODY)),
    )
    conn.commit()
    conn.close()
    db = open_db(path)
    assert db.conn.execute("PRAGMA user_version").fetchone()[0] == SCHEMA_VERSION
    assert _matches(db.conn, fts_expression("بيونج يانج")) == [7]
    assert db.conn.execute("SELECT body FROM articles_fts").fetchone() == (None,)
    (stored,) = db.conn.execute("SELECT raw FROM documents").fetchone()
    assert raw_text(stored) == f"{TITLE}\n{BODY}"


def test_a_version_6_database_keeps_its_mentions_clustered_by_article(tmp_path: Path) -> None:
    path = tmp_path / "v6.db"
    conn = sqlite3.connect(path)
    for version, script in enumerate(SCRIPTS[:6], start=1):
        conn.executescript(f"BEGIN;{script};PRAGMA user_version = {version}; COMMIT;")
    conn.execute(
        "INSERT INTO documents (id, path, sha256, kind, encoding, raw, ingested_at)"
        " VALUES (1, 'a.txt', 'x', 'txt', 'utf-8', 'raw', 'now')"
    )
    conn.execute(
        "INSERT INTO articles (id, document_id, title, body, source_path, added_at)"
        " VALUES (7, 1, ?, ?, 'a.txt', 'now')",
        (TITLE, BODY),
    )
    conn.execute("INSERT INTO entities (id, kind, key, canonical) VALUES (3, 'PER', 'k', 'كيم')")
    rows = [(7, 3, 40, 43, "كيم"), (7, 3, 2, 5, "كيم"), (7, 3, 20, 23, "كيم")]
    conn.executemany(
        'INSERT INTO mentions (article_id, entity_id, start, "end", surface)'
        " VALUES (?, ?, ?, ?, ?)",
        rows,
    )
    conn.commit()
    conn.close()
    db = open_db(path)
    assert db.conn.execute("PRAGMA user_version").fetchone()[0] == SCHEMA_VERSION
    stored = db.conn.execute(
        'SELECT article_id, entity_id, start, "end", surface FROM mentions WHERE article_id = 7'
    ).fetchall()
    assert stored == sorted(rows, key=lambda r: r[2])  # the primary key's order, no ORDER BY
    (sql,) = db.conn.execute("SELECT sql FROM sqlite_schema WHERE name = 'mentions'").fetchone()
    assert "WITHOUT ROWID" in sql
    names = {r[0] for r in db.conn.execute("SELECT name FROM sqlite_schema WHERE type = 'index'")}
    assert "mentions_article" not in names
