"""Issue 11, item 2: a file name that is not UTF-8 is stored losslessly, shown safely,
and never costs another file its place."""

from __future__ import annotations

import json
import os
import sqlite3
from pathlib import Path

import pytest
from ingest_articles import article_text, write_articles

from reader.cli import main
from reader.ingest.pipeline import IngestReport, _record, ingest_paths
from reader.store.records import ArticleRow, DocumentRow
from reader.store.schema import connect

BAD_NAME = b"caf\xe9-\xff.txt"


def _bad_file(folder: Path, number: int, name: bytes = BAD_NAME) -> Path:
    folder.mkdir(parents=True, exist_ok=True)
    raw = os.path.join(os.fsencode(folder), name)
    with open(raw, "wb") as handle:
        handle.write(article_text(number).encode("utf-8"))
    return Path(os.fsdecode(raw))


@pytest.mark.parametrize("workers", [1, 2])
def test_a_name_that_is_not_utf8_is_stored_and_the_batch_survives(
    tmp_path: Path, db_path: Path, workers: int
) -> None:
    folder = tmp_path / "in"
    write_articles(folder, 20)
    _bad_file(folder, 100)
    _bad_file(folder, 101, b"\xfe.jsonl").write_text(
        json.dumps({"title": "عنوان", "body": article_text(101)}, ensure_ascii=False) + "\n",
        encoding="utf-8",
    )
    report = ingest_paths(db_path, [folder], entities=False, workers=workers)
    assert report.failed == []
    assert report.added == 22
    conn = sqlite3.connect(db_path)
    paths = {row[0] for row in conn.execute("SELECT source_path FROM articles")}
    assert str(folder / "caf\\xe9-\\xff.txt") in paths
    assert str(folder / "\\xfe.jsonl") + ":1" in paths


def test_cli_shows_and_exports_the_name_safely(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    folder = tmp_path / "in"
    bad = _bad_file(folder, 7)
    db = tmp_path / "k.db"
    assert main(["ingest", "--db", str(db), str(bad)]) == 0
    assert "added 1 document (1 article)" in capsys.readouterr().err
    assert main(["people", "--db", str(db)]) == 0
    assert "caf\\xe9-\\xff.txt" in capsys.readouterr().out
    assert main(["export", "--db", str(db)]) == 0
    record = json.loads(capsys.readouterr().out)
    assert record["source_path"].endswith("caf\\xe9-\\xff.txt")


def test_a_missing_name_that_is_not_utf8_is_reported_safely(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    missing = os.fsdecode(os.path.join(os.fsencode(tmp_path), b"gone-\xe9.txt"))
    assert main(["ingest", "--db", str(tmp_path / "k.db"), missing]) == 1
    assert "gone-\\xe9.txt: no such file" in capsys.readouterr().err


def test_a_document_the_database_refuses_costs_no_other_in_its_batch(db_path: Path) -> None:
    def doc(number: int, path: str) -> DocumentRow:
        article = ArticleRow(title=f"عنوان {number}", body=article_text(number))
        return DocumentRow(path, path, f"{number:064x}", "txt", "utf-8", "raw", article)

    conn = connect(db_path)
    report = IngestReport()
    _record(conn, [doc(1, "a.txt"), doc(2, "b\udce9.txt"), doc(3, "c.txt")], None, report)
    assert report.added == 2
    assert [(str(p), r.split(":")[0]) for p, r in report.failed] == [("b\udce9.txt", "not stored")]
    assert conn.execute("SELECT count(*) FROM articles").fetchone()[0] == 2
