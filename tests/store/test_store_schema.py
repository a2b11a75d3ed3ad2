"""The schema on a real SQLite file: migrations, WAL, reopening, the version guard."""

from __future__ import annotations

import sqlite3
from pathlib import Path

import pytest

from reader.store.schema import SCHEMA_VERSION, SchemaTooNew, open_db, schema_version


def test_empty_file_migrates_to_current_version_in_wal(tmp_path: Path) -> None:
    path = tmp_path / "sub" / "k.db"
    db = open_db(path)
    assert schema_version(db.conn) == SCHEMA_VERSION
    assert db.conn.execute("PRAGMA journal_mode").fetchone()[0] == "wal"
    tables = set(db.table_names())
    assert {"documents", "articles", "entities", "variants", "mentions"} <= tables
    assert {"article_entities", "reading_state", "app_state", "articles_fts"} <= tables


def test_reopening_keeps_data_and_does_not_migrate_again(tmp_path: Path) -> None:
    path = tmp_path / "k.db"
    db = open_db(path)
    db.conn.execute("INSERT INTO app_state (key, value) VALUES ('theme', 'dark')")
    db.conn.commit()
    db.conn.close()
    again = open_db(path)
    assert again.conn.execute("SELECT value FROM app_state").fetchall() == [("dark",)]
    assert schema_version(again.conn) == SCHEMA_VERSION


def test_database_from_a_newer_khabar_is_refused(tmp_path: Path) -> None:
    path = tmp_path / "k.db"
    conn = sqlite3.connect(path)
    conn.execute(f"PRAGMA user_version = {SCHEMA_VERSION + 1}")
    conn.close()
    with pytest.raises(SchemaTooNew):
        open_db(path)


def test_readonly_open_cannot_write(tmp_path: Path) -> None:
    path = tmp_path / "k.db"
    open_db(path).conn.close()
    ro = open_db(path, readonly=True)
    with pytest.raises(sqlite3.OperationalError):
        ro.conn.execute("INSERT INTO app_state (key, value) VALUES ('a', 'b')")
