"""The smaller database: a contentless full-text index without positions, compressed
raw documents and bodies packed against them, with search, the raw text and the bodies
exactly as before, on new databases and migrated ones."""

from __future__ import annotations

import argparse
import sqlite3
from pathlib import Path

import pytest
import sqlite_utils

from reader.commands.read import check_database
from reader.store import repack
from reader.store.body import article_body
from reader.store.migrations import packed_text
from reader.store.raw import pack_raw, raw_text
from reader.store.read.text import fts_expression
from reader.store.schema import MIGRATIONS, SCHEMA_VERSION, open_db
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


UNPACKED = MIGRATIONS.index(packed_text)  # the version before packed_text
SECOND = "مقال ثان من الملف نفسه عن كيم."
LONG = "\n".join([BODY] * 20)
# Two documents, the first with an article cut from it, the second with 200.
ARTICLES = [(7, 1, None, TITLE, BODY), (8, 1, 7, "ثان", SECOND), (9, 2, None, "عنوان", LONG)]
ARTICLES += [(i, 2, 9, "عنوان", LONG) for i in range(100, 300)]


def _unpacked_database(path: Path) -> None:
    """A database at the version before bodies were packed, as today's migrations made it."""
    old = sqlite_utils.Database(path)
    for version, migration in enumerate(MIGRATIONS[:UNPACKED], start=1):
        with old.atomic():
            migration(old)
            old.execute(f"PRAGMA user_version = {version}")
    conn = old.conn
    conn.execute(  # raw as an older khabar kept it (plain) and as version 4 on (zlib)
        "INSERT INTO documents (id, path, sha256, kind, encoding, raw, ingested_at)"
        " VALUES (1, 'a.txt', 'x', 'txt', 'utf-8', ?, 'now'), (2, 'b.txt', 'y', 'txt',"
        " 'utf-8', ?, 'now')",
        (f"{TITLE}\n{BODY}\n{SECOND}", pack_raw(f"عنوان\n{LONG}")),
    )
    conn.executemany(
        "INSERT INTO articles (id, document_id, appended_to, title, body, source_path,"
        " added_at) VALUES (?, ?, ?, ?, ?, 'a.txt', 'now')",
        ARTICLES,
    )
    conn.executemany(
        "INSERT INTO articles_fts (rowid, title, body) VALUES (?, ?, ?)",
        [(i, index_text(t), index_text(b)) for i, _, _, t, b in ARTICLES],
    )
    conn.commit()
    old.close()


def test_an_unpacked_database_gets_packed_bodies_and_an_index_without_positions(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    path = tmp_path / "unpacked.db"
    _unpacked_database(path)
    size = path.stat().st_size
    monkeypatch.setattr(repack, "PROGRESS_FROM", 200)
    db = open_db(path)
    assert "upgrading the database: 203 of 203 articles" in capsys.readouterr().err
    assert db.conn.execute("PRAGMA user_version").fetchone()[0] == SCHEMA_VERSION
    for article_id, _, _, _, body in ARTICLES:
        assert article_body(db.conn, article_id) == body
        (stored,) = db.conn.execute("SELECT body FROM articles WHERE id = ?", (article_id,))
        assert isinstance(stored[0], bytes) and len(stored[0]) < len(body.encode()) // 2
    raws = [raw_text(r[0]) for r in db.conn.execute("SELECT raw FROM documents ORDER BY id")]
    assert raws == [f"{TITLE}\n{BODY}\n{SECOND}", f"عنوان\n{LONG}"]
    assert _matches(db.conn, fts_expression("بيونج يانج")) == [7, 9, *range(100, 300)]
    assert _matches(db.conn, fts_expression("ثان")) == [8]
    (sql,) = db.conn.execute("SELECT sql FROM sqlite_schema WHERE name = 'articles_fts'").fetchone()
    assert "detail = none" in sql
    assert db.conn.execute("PRAGMA freelist_count").fetchone() == (0,)  # vacuumed
    assert path.stat().st_size < size / 4
    ids = insert_document(db.conn, make_document("عنوان جديد", "نص جديد عن كيم."))
    assert ids == [300] and _matches(db.conn, fts_expression("جديد")) == [300]


def test_the_reader_upgrades_an_old_database_before_its_app_starts(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    path = tmp_path / "unpacked.db"
    _unpacked_database(path)
    monkeypatch.setattr(repack, "PROGRESS_FROM", 200)
    check_database(argparse.Namespace(db=path))
    assert "203 of 203 articles" in capsys.readouterr().err
    conn = sqlite3.connect(path)
    assert conn.execute("PRAGMA user_version").fetchone() == (SCHEMA_VERSION,)
