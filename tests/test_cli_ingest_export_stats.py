"""`khabar ingest`, `export` and `stats` through reader.cli.main, exit codes included."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from reader.cli import main


def test_ingest_seeds_then_export_and_stats(
    seed_paths: list[Path], tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    db = tmp_path / "k.db"
    seeds = seed_paths[0].parent
    assert main(["ingest", "--db", str(db), "--no-entities", str(seeds)]) == 0
    err = capsys.readouterr().err
    assert err.startswith("added 5 documents (6 articles")

    assert main(["ingest", "--db", str(db), "--no-entities", str(seeds)]) == 0
    assert "added 0 documents (0 articles), 5 duplicates" in capsys.readouterr().err

    out = tmp_path / "out.jsonl"
    assert main(["export", "--db", str(db), "--format", "jsonl", "--output", str(out)]) == 0
    records = [json.loads(line) for line in out.read_text("utf-8").splitlines()]
    assert len(records) == 6
    assert {Path(r["source_path"]).name for r in records} == {p.name for p in seed_paths}
    assert sum(r["appended_to"] is not None for r in records) == 1
    for key in ("id", "title", "published", "author", "source", "url", "body", "entities"):
        assert key in records[0]

    assert main(["export", "--db", str(db)]) == 0
    assert len(capsys.readouterr().out.splitlines()) == 6

    assert main(["stats", "--db", str(db), "--json"]) == 0
    stats = json.loads(capsys.readouterr().out)
    assert (stats["articles"], stats["documents"], stats["appended"]) == (6, 5, 1)
    assert stats["schema_version"] >= 1
    assert main(["stats", "--db", str(db)]) == 0
    assert "articles       6 (1 appended)" in capsys.readouterr().out


def test_ingest_exit_status_is_1_when_nothing_could_be_ingested(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    empty = tmp_path / "empty.txt"
    empty.write_bytes(b"")
    db = tmp_path / "k.db"
    assert main(["ingest", "--db", str(db), str(empty)]) == 1
    err = capsys.readouterr().err
    assert f"failed: {empty}: empty file" in err
    assert main(["ingest", "--db", str(db), str(tmp_path / "missing")]) == 1


def test_default_database_follows_khabar_db(
    seed_paths: list[Path], tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    db = tmp_path / "env.db"
    monkeypatch.setenv("KHABAR_DB", str(db))
    assert main(["ingest", "--no-entities", str(seed_paths[0])]) == 0
    assert db.exists()


def test_export_and_stats_without_a_database_fail_clearly(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    db = tmp_path / "none.db"
    assert main(["export", "--db", str(db)]) == 1
    assert "no database" in capsys.readouterr().err
    assert main(["stats", "--db", str(db)]) == 1
    assert not db.exists()


def test_ingest_with_the_real_extractor_exports_entities(
    seed_paths: list[Path], tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    db = tmp_path / "k.db"
    assert main(["ingest", "--db", str(db), str(seed_paths[0])]) == 0
    assert "note:" not in capsys.readouterr().err
    assert main(["export", "--db", str(db)]) == 0
    (record,) = [json.loads(line) for line in capsys.readouterr().out.splitlines()]
    persons = {e["canonical"] for e in record["entities"] if e["kind"] == "PER"}
    assert "فلاديمير بوتين" in persons
    for entity in record["entities"]:
        assert record["body"][entity["start"] : entity["end"]] == entity["text"]
