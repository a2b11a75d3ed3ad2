"""Issue 11, item 5: each line of a .jsonl is its own record: one bad line costs only
itself, and is reported by its line number with the reason."""

from __future__ import annotations

import json
import sqlite3
from pathlib import Path

from ingest_articles import article_text

from reader.ingest.pipeline import ingest_paths


def test_bad_lines_are_reported_by_number_and_good_lines_stored(
    tmp_path: Path, db_path: Path
) -> None:
    def record(number: int) -> dict[str, str]:
        return {"title": f"عنوان الخبر {number}", "body": article_text(number)}

    lines = [
        json.dumps(record(1), ensure_ascii=False).encode("utf-8"),
        b'{"title": "\xff\xfe broken", "body": "x"}',
        json.dumps(record(3)).encode("ascii"),  # Arabic as \\u escapes
        b"{not json",
        json.dumps(record(5), ensure_ascii=False).encode("utf-8") + b"\r",
        b"\x00\x01\x02 binary junk \x1b[2J",
        json.dumps(record(7), ensure_ascii=False).encode("utf-8"),
    ]
    path = tmp_path / "feed.jsonl"
    path.write_bytes(b"\n".join(lines) + b"\n")

    report = ingest_paths(db_path, [path], entities=False, workers=1)

    failed = {r.split(":")[0]: r for _, r in report.failed}
    assert set(failed) == {"line 2", "line 4", "line 6"}, report.failed
    assert "UTF-8" in failed["line 2"]
    assert "byte" not in failed["line 4"]
    assert report.added == 4
    conn = sqlite3.connect(db_path)
    titles = [row[0] for row in conn.execute("SELECT title FROM articles ORDER BY id")]
    assert titles == [f"عنوان الخبر {n}" for n in (1, 3, 5, 7)]
    again = ingest_paths(db_path, [path], entities=False, workers=1)
    assert (again.added, again.duplicates) == (0, 4)


def test_a_jsonl_with_a_byte_order_mark_reads_its_first_line(tmp_path: Path, db_path: Path) -> None:
    path = tmp_path / "bom.jsonl"
    body = json.dumps({"title": "عنوان", "body": article_text(9)}, ensure_ascii=False)
    path.write_bytes(b"\xef\xbb\xbf" + body.encode("utf-8") + b"\n")
    report = ingest_paths(db_path, [path], entities=False, workers=1)
    assert (report.added, report.failed) == (1, [])


def test_an_empty_or_binary_jsonl_is_one_failure(tmp_path: Path, db_path: Path) -> None:
    (tmp_path / "empty.jsonl").write_bytes(b"\n\n")
    (tmp_path / "image.jsonl").write_bytes(b"\x89PNG\r\n\x1a\n" + b"\xff\n" * 50)
    report = ingest_paths(db_path, [tmp_path], entities=False, workers=1)
    reasons = sorted((p.name, r) for p, r in report.failed)
    assert reasons[0] == ("empty.jsonl", "empty file")
    assert reasons[1][0] == "image.jsonl"
    assert "PNG" in reasons[1][1]
    assert len(reasons) == 2
