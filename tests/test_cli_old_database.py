"""A read-only command on a database an older khabar wrote upgrades it first: bodies are
stored packed since schema 9, and reading an older file as it is would fail."""

from __future__ import annotations

import sqlite3
from pathlib import Path

import pytest

from reader.cli import main
from reader.store import migrations
from reader.store.schema import MIGRATIONS, SCHEMA_VERSION, schema_version
from tests.store.test_store_migrations import BODY, _stopped_database


def test_export_upgrades_an_older_database_first(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    path = tmp_path / "old.db"
    _stopped_database(path, MIGRATIONS.index(migrations.packed_text))
    assert main(["export", "--db", str(path)]) == 0
    assert BODY.splitlines()[0] in capsys.readouterr().out
    conn = sqlite3.connect(path)
    assert schema_version(conn) == SCHEMA_VERSION
    conn.close()
