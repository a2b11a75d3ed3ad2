"""Every earlier schema version migrates to exactly the schema a new database gets,
keeping its rows: databases written by older khabars (tests/store/old_schemas.py)
and by today's migration functions stopped at each version."""

from __future__ import annotations

import re
import sqlite3
from pathlib import Path
from typing import Any

import pytest
import sqlite_utils

from reader.store.read.text import fts_expression
from reader.store.schema import MIGRATIONS, SCHEMA_VERSION, connect, open_db, schema_version
from reader.store.search_text import index_text
from reader.store.write import insert_document
from tests.store.old_schemas import SCRIPTS
from tests.store.store_records import make_document

TITLE = "بوتين يلتقي ماكرون"
BODY = "قال الرئيس فلاديمير بوتين إن اللقاء كان مثمرا.\nوأضاف ماكرون أن الحوار سيستمر."


def shape(conn: sqlite3.Connection) -> dict[str, Any]:
    """What a schema means, not how its SQL was spelled: per table its columns, primary
    key, foreign keys, WITHOUT ROWID and indexes (a unique index and a UNIQUE
    constraint on the same columns are the same thing); virtual tables by their SQL."""
    out: dict[str, Any] = {}
    tables = conn.execute(
        "SELECT name, sql FROM sqlite_master WHERE type = 'table' AND name NOT LIKE 'sqlite_%'"
    ).fetchall()
    for name, sql in tables:
        if sql.upper().startswith("CREATE VIRTUAL TABLE"):
            out[name] = re.sub(r"[\s\"'\[\]`]", "", sql).lower()
            continue
        columns = [
            (r[1], r[2].upper(), r[3], r[4], r[5])
            for r in conn.execute(f'PRAGMA table_xinfo("{name}")')
        ]
        references = conn.execute(f'PRAGMA foreign_key_list("{name}")')
        keys = sorted((r[3], r[2], r[4]) for r in references)
        (without_rowid,) = conn.execute(f"SELECT wr FROM pragma_table_list('{name}')").fetchone()
        indexes = []
        for _, index, unique, origin, _ in conn.execute(f'PRAGMA index_list("{name}")'):
            if origin == "pk":
                continue
            cols = [(r[2], r[3]) for r in conn.execute(f'PRAGMA index_xinfo("{index}")') if r[5]]
            indexes.append(("unique" if unique else index, cols))
        out[name] = (columns, keys, without_rowid, sorted(indexes))
    return out


def _old_database(path: Path, version: int) -> None:
    """A database as an older khabar left it at `version`, with one article in it."""
    conn = sqlite3.connect(path)
    for number, script in enumerate(SCRIPTS[:version], start=1):
        conn.executescript(f"BEGIN;{script};PRAGMA user_version = {number}; COMMIT;")
    _one_article(conn)
    conn.close()


def _stopped_database(path: Path, version: int) -> None:
    """A database today's migrations brought to `version` only, with one article in it."""
    db = sqlite_utils.Database(path)
    for number, migration in enumerate(MIGRATIONS[:version], start=1):
        with db.atomic():
            migration(db)
            db.execute(f"PRAGMA user_version = {number}")
    _one_article(db.conn)
    db.close()


def _one_article(conn: sqlite3.Connection) -> None:
    if schema_version(conn) == 0:
        return
    conn.execute(
        "INSERT INTO documents (id, path, sha256, kind, encoding, raw, ingested_at)"
        " VALUES (1, 'a.txt', 'old', 'txt', 'utf-8', ?, 'then')",
        (f"{TITLE}\n{BODY}",),
    )
    conn.execute(
        "INSERT INTO articles (id, document_id, title, body, source_path, added_at)"
        " VALUES (7, 1, ?, ?, 'a.txt', 'then')",
        (TITLE, BODY),
    )
    conn.execute(
        "INSERT INTO articles_fts (rowid, title, body) VALUES (7, ?, ?)",
        (index_text(TITLE), index_text(BODY)),
    )
    conn.execute("INSERT INTO reading_state (article_id, read, updated_at) VALUES (7, 1, 'then')")
    conn.commit()


@pytest.fixture(scope="module")
def new_shape(tmp_path_factory: pytest.TempPathFactory) -> dict[str, Any]:
    conn = connect(tmp_path_factory.mktemp("new") / "new.db")
    try:
        return shape(conn)
    finally:
        conn.close()


def test_the_frozen_scripts_build_what_todays_migrations_build(
    tmp_path: Path, new_shape: dict[str, Any]
) -> None:
    """Guards the comparison itself: at the last scripted version the two histories meet."""
    old, new = tmp_path / "old.db", tmp_path / "new.db"
    _old_database(old, len(SCRIPTS))
    _stopped_database(new, len(SCRIPTS))
    with sqlite3.connect(old) as a, sqlite3.connect(new) as b:
        assert shape(a) == shape(b)
    assert {"articles", "articles_fts", "documents"} <= new_shape.keys()


@pytest.mark.parametrize("version", range(len(SCRIPTS) + 1))
def test_a_database_an_older_khabar_wrote_migrates(
    tmp_path: Path, version: int, new_shape: dict[str, Any]
) -> None:
    path = tmp_path / "old.db"
    _old_database(path, version)
    _opens_as_new(path, version, new_shape)


@pytest.mark.parametrize("version", range(SCHEMA_VERSION))
def test_a_database_at_every_version_of_todays_migrations_migrates(
    tmp_path: Path, version: int, new_shape: dict[str, Any]
) -> None:
    path = tmp_path / "stopped.db"
    _stopped_database(path, version)
    _opens_as_new(path, version, new_shape)


def _opens_as_new(path: Path, version: int, new_shape: dict[str, Any]) -> None:
    db = open_db(path)
    assert schema_version(db.conn) == SCHEMA_VERSION
    assert shape(db.conn) == new_shape
    if version > 0:
        hits = db.conn.execute(
            "SELECT rowid FROM articles_fts WHERE articles_fts MATCH ?",
            (fts_expression("بوتين"),),
        ).fetchall()
        assert hits == [(7,)]
        assert db.conn.execute("SELECT read FROM reading_state").fetchall() == [(1,)]
    new_ids = insert_document(db.conn, make_document("عنوان جديد", "نص جديد عن بوتين."))
    assert new_ids
    assert db.conn.execute("SELECT count(*) FROM articles").fetchone() == (1 + (version > 0),)
    db.conn.close()


def test_an_interrupted_migration_keeps_the_version_it_had(tmp_path: Path) -> None:
    path = tmp_path / "old.db"
    _old_database(path, 3)
    conn = sqlite3.connect(path)
    conn.execute("CREATE TABLE story_bands (x INTEGER)")  # migration 5 will fail on it
    conn.commit()
    conn.close()
    with pytest.raises(sqlite3.OperationalError):
        open_db(path)
    conn = sqlite3.connect(path)
    assert schema_version(conn) == 4
    names = {r[0] for r in conn.execute("SELECT name FROM sqlite_master")}
    assert "story_signatures" not in names
    conn.close()
