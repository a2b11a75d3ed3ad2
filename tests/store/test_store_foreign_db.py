"""Issue 11, item 9: a database that is not khabar's is refused, unchanged, in one line;
seeds go only into a new database; a newer schema is one line in every command."""

from __future__ import annotations

import sqlite3
from pathlib import Path

import pytest

from reader.cli import main
from reader.commands.read import _ensure_corpus
from reader.store.schema import SCHEMA_VERSION, connect

COMMANDS = (["stats"], ["stats", "--json"], ["export"], ["people"], ["people", "--json"])


def _foreign(path: Path) -> bytes:
    conn = sqlite3.connect(path)
    conn.execute("CREATE TABLE notes (id INTEGER PRIMARY KEY, text TEXT)")
    conn.execute("INSERT INTO notes (text) VALUES ('my own data')")
    conn.commit()
    conn.close()
    return path.read_bytes()


def _one_line(capsys: pytest.CaptureFixture[str]) -> str:
    captured = capsys.readouterr()
    assert captured.out == ""
    lines = captured.err.strip().splitlines()
    assert len(lines) == 1, captured.err
    return lines[0]


def test_ingest_refuses_a_foreign_database_and_leaves_it_as_it_was(
    tmp_path: Path, seed_paths: list[Path], capsys: pytest.CaptureFixture[str]
) -> None:
    db = tmp_path / "notes.db"
    before = _foreign(db)
    assert main(["ingest", "--db", str(db), "--no-entities", str(seed_paths[0])]) == 1
    line = _one_line(capsys)
    assert str(db) in line
    assert "not a khabar database" in line
    assert db.read_bytes() == before
    assert not Path(f"{db}-wal").exists()


@pytest.mark.parametrize("command", COMMANDS, ids=" ".join)
def test_read_only_commands_refuse_a_foreign_database(
    command: list[str], tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    db = tmp_path / "notes.db"
    before = _foreign(db)
    assert main([*command, "--db", str(db)]) == 1
    assert "not a khabar database" in _one_line(capsys)
    assert db.read_bytes() == before


def test_the_reader_adds_neither_tables_nor_seeds_to_a_foreign_database(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    db = tmp_path / "notes.db"
    before = _foreign(db)
    assert main(["read", "--db", str(db)]) == 1
    assert "not a khabar database" in _one_line(capsys)
    assert db.read_bytes() == before


def test_seeds_go_only_into_a_new_database(tmp_path: Path) -> None:
    fresh = tmp_path / "fresh.db"
    assert _ensure_corpus(fresh) is None
    conn = connect(fresh)
    assert conn.execute("SELECT count(*) FROM articles").fetchone()[0] > 0
    conn.close()

    emptied = tmp_path / "emptied.db"
    connect(emptied).close()
    assert _ensure_corpus(emptied) is None
    conn = connect(emptied)
    assert conn.execute("SELECT count(*) FROM articles").fetchone()[0] == 0
    conn.close()


def test_seeds_that_fail_to_ingest_are_said(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """A first run whose sample articles all fail names the reason instead of opening
    silently on an empty list."""
    import reader.ingest.pipeline as pipeline

    def failing(*args: object, **kwargs: object) -> pipeline.IngestReport:
        return pipeline.IngestReport(
            failed=[(Path("000.txt"), "internal error: X"), (Path("001.txt"), "internal error: X")]
        )

    monkeypatch.setattr(pipeline, "ingest_paths", failing)
    problem = _ensure_corpus(tmp_path / "fresh.db")
    assert problem == "Could not add the sample article 000.txt: internal error: X (and 1 more)"


@pytest.mark.parametrize("command", [*COMMANDS, ["read"], ["ingest", "x.txt"]], ids=" ".join)
def test_a_newer_schema_is_one_line_in_every_command(
    command: list[str], tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    db = tmp_path / "k.db"
    connect(db).close()
    conn = sqlite3.connect(db)
    conn.execute(f"PRAGMA user_version = {SCHEMA_VERSION + 5}")
    conn.close()
    assert main([command[0], "--db", str(db), *command[1:]]) == 1
    line = _one_line(capsys)
    assert "newer than this khabar" in line
    assert str(db) in line
