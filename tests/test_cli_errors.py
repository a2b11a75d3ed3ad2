"""Read-only commands refuse a missing or foreign database with one clear line, no traceback."""

from __future__ import annotations

from pathlib import Path

import pytest

from reader.cli import main


@pytest.mark.parametrize("command", ["export", "stats", "people"])
def test_missing_database_is_one_line_and_not_created(
    command: str, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    db = tmp_path / "absent.db"
    assert main([command, "--db", str(db)]) == 1
    err = capsys.readouterr().err
    assert err.strip() == f"khabar: no database at {db}; run `khabar ingest` first"
    assert not db.exists()


@pytest.mark.parametrize("command", ["export", "stats", "people"])
def test_file_that_is_not_a_database(
    command: str, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    db = tmp_path / "notes.db"
    db.write_text("this is not sqlite\n" * 100, encoding="utf-8")
    assert main([command, "--db", str(db)]) == 1
    err = capsys.readouterr().err
    assert err.startswith("khabar: database error:")
    assert "Traceback" not in err
