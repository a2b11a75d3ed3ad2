"""ingest_paths end to end on real files: encodings, refusals, re-runs, jsonl, entities."""

from __future__ import annotations

import codecs
import json
import random
import sqlite3
from pathlib import Path
from typing import NamedTuple

import pytest
from ingest_articles import article_text, write_articles

from reader.ingest.pipeline import ingest_paths
from reader.ingest.summary import summary_lines
from reader.store.body import article_body


def _count(db_path: Path, table: str) -> int:
    conn = sqlite3.connect(db_path)
    try:
        return int(conn.execute(f"SELECT count(*) FROM {table}").fetchone()[0])
    finally:
        conn.close()


def test_bad_inputs_each_get_one_reason_and_good_files_are_stored(
    tmp_path: Path, db_path: Path
) -> None:
    folder = tmp_path / "in"
    write_articles(folder, 2)
    (folder / "cp1256.txt").write_bytes(article_text(100).encode("cp1256"))
    (folder / "utf16.txt").write_bytes(article_text(101).encode("utf-16"))
    (folder / "utf16-nobom.txt").write_bytes(article_text(102).encode("utf-16-le"))
    (folder / "bom.txt").write_bytes(codecs.BOM_UTF8 + article_text(103).encode("utf-8"))
    (folder / "empty.txt").write_bytes(b"")
    (folder / "image.txt").write_bytes(b"\x89PNG\r\n\x1a\n" + bytes(300))
    rng = random.Random(5)
    (folder / "noise.txt").write_bytes(bytes(rng.randint(1, 255) for _ in range(5000)))
    with (folder / "junk.txt").open("wb") as handle:
        handle.truncate(50 * 1024 * 1024)
    (folder / "ignored.csv").write_text("a,b\n", encoding="utf-8")

    report = ingest_paths(db_path, [folder], entities=False, workers=1)

    assert report.added == 6, report.failed
    reasons = {path.name: reason for path, reason in report.failed}
    assert set(reasons) == {"empty.txt", "image.txt", "noise.txt", "junk.txt"}
    assert reasons["empty.txt"] == "empty file"
    assert "PNG" in reasons["image.txt"]
    assert reasons["noise.txt"].startswith("undecodable: not UTF-8")
    assert "too large" in reasons["junk.txt"]
    assert all("\n" not in r for r in reasons.values())
    conn = sqlite3.connect(db_path)
    encodings = {Path(p).name: e for p, e in conn.execute("SELECT path, encoding FROM documents")}
    assert encodings["cp1256.txt"] == "cp1256"
    assert encodings["utf16.txt"] == "utf-16"
    assert encodings["utf16-nobom.txt"] == "utf-16-le"
    titles = {row[0] for row in conn.execute("SELECT title FROM articles")}
    assert "بوتين يستقبل وفدا كوريا شماليا في اللقاء رقم 100" in titles
    lines = list(summary_lines(report))
    assert lines[0].startswith("added 6 documents")
    assert sum(line.startswith("  failed:") for line in lines) == 4


def test_reingest_adds_nothing(tmp_path: Path, db_path: Path) -> None:
    files = write_articles(tmp_path / "in", 3)
    first = ingest_paths(db_path, files, entities=False, workers=1)
    again = ingest_paths(db_path, [tmp_path / "in"], entities=False, workers=1)
    assert (first.added, first.duplicates) == (3, 0)
    assert (again.added, again.duplicates, again.failed) == (0, 3, [])
    assert _count(db_path, "articles") == 3
    assert _count(db_path, "articles_fts") == 3


def test_jsonl_lines_are_records_and_a_bad_line_names_its_number(
    tmp_path: Path, db_path: Path
) -> None:
    good = {"title": "عنوان الخبر", "body": article_text(1), "url": "https://example.com/a"}
    lines = [
        json.dumps(good, ensure_ascii=False),
        "{not json",
        json.dumps({"text": article_text(2)}, ensure_ascii=False),
        "",
        json.dumps(["a list"]),
    ]
    path = tmp_path / "feed.jsonl"
    path.write_text("\n".join(lines) + "\n", encoding="utf-8")

    report = ingest_paths(db_path, [path], entities=False, workers=1)

    assert report.added == 2
    assert [(p.name, r.split(":")[0]) for p, r in report.failed] == [
        ("feed.jsonl", "line 2"),
        ("feed.jsonl", "line 5"),
    ]
    conn = sqlite3.connect(db_path)
    rows = conn.execute("SELECT source_path, url FROM articles ORDER BY id").fetchall()
    assert rows[0] == (f"{path}:1", "https://example.com/a")
    assert rows[1][0] == f"{path}:3"
    again = ingest_paths(db_path, [path], entities=False, workers=1)
    assert (again.added, again.duplicates) == (0, 2)


def test_appended_article_is_its_own_row(seed_paths: list[Path], db_path: Path) -> None:
    dump = next(p for p in seed_paths if p.name.startswith("003_"))
    report = ingest_paths(db_path, [dump], entities=False, workers=1)
    assert (report.added, report.articles) == (1, 2)
    conn = sqlite3.connect(db_path)
    rows = conn.execute("SELECT id, appended_to, title FROM articles ORDER BY id").fetchall()
    assert rows[0][1] is None
    assert rows[1][1] == rows[0][0]
    assert "ترامب" in rows[1][2]
    own_body = article_body(conn, rows[0][0]) or ""
    assert "روبيو" not in own_body
    dropped = json.loads(conn.execute("SELECT dropped FROM documents").fetchone()[0])
    assert dropped and {"text", "reason"} <= set(dropped[0])


class FakeMention(NamedTuple):
    """The shape of reader.nlp.extract.Mention."""

    start: int
    end: int
    text: str
    kind: str
    key: str


def fake_extractor(text: str) -> list[FakeMention]:
    """Tags every بوتين as one person, as the real tagger's propagation would."""
    out = []
    start = text.find("بوتين")
    while start >= 0:
        out.append(FakeMention(start, start + 5, "بوتين", "PER", "بوتين"))
        start = text.find("بوتين", start + 1)
    return out


def test_parallel_ingest_with_injected_extractor(tmp_path: Path, db_path: Path) -> None:
    files = write_articles(tmp_path / "in", 40)
    report = ingest_paths(db_path, [tmp_path / "in"], workers=2, extractor=fake_extractor)
    assert (report.added, report.failed) == (40, [])
    conn = sqlite3.connect(db_path)
    assert conn.execute("SELECT kind, canonical, article_count FROM entities").fetchall() == [
        ("PER", "بوتين", 40)
    ]
    ordered = [row[0] for row in conn.execute("SELECT source_path FROM articles ORDER BY id")]
    assert ordered == [str(p) for p in files], "ids follow input order whatever the pool does"
    article_id, start, end, surface = conn.execute(
        'SELECT article_id, start, "end", surface FROM mentions LIMIT 1'
    ).fetchone()
    assert (article_body(conn, article_id) or "")[start:end] == surface


def test_pool_takes_an_extractor_that_cannot_be_pickled(tmp_path: Path, db_path: Path) -> None:
    """A closure reaches the workers at start, not pickled per batch (which used to hang)."""
    seen = "بوتين"

    def closure(text: str) -> list[FakeMention]:
        return fake_extractor(text) if seen in text else []

    write_articles(tmp_path / "in", 20)
    report = ingest_paths(db_path, [tmp_path / "in"], workers=2, extractor=closure)
    assert (report.added, report.failed) == (20, [])
    assert _count(db_path, "entities") == 1


def test_no_entities_stores_none(tmp_path: Path, db_path: Path) -> None:
    files = write_articles(tmp_path / "in", 2)
    ingest_paths(db_path, files, entities=False, extractor=fake_extractor)
    assert _count(db_path, "entities") == 0
    assert _count(db_path, "articles") == 2


def test_missing_path_is_reported(tmp_path: Path, db_path: Path) -> None:
    report = ingest_paths(db_path, [tmp_path / "nowhere"], entities=False)
    assert report.failed == [(tmp_path / "nowhere", "no such file or directory")]
    assert not report.ok


@pytest.mark.parametrize("workers", [1, 2])
def test_same_content_twice_in_one_run_is_stored_once(
    tmp_path: Path, db_path: Path, workers: int
) -> None:
    folder = tmp_path / "in"
    write_articles(folder, 12)
    (folder / "copy.txt").write_text(article_text(3), encoding="utf-8")
    report = ingest_paths(db_path, [folder], entities=False, workers=workers)
    assert (report.added, report.duplicates) == (12, 1)


def test_progress_bar_on_stderr_for_more_than_a_handful(
    tmp_path: Path, db_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    write_articles(tmp_path / "in", 12)
    report = ingest_paths(db_path, [tmp_path / "in"], entities=False, workers=2, progress=True)
    assert report.added == 12
    captured = capsys.readouterr()
    assert "12/12" in captured.err
    assert captured.out == ""
