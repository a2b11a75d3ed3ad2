"""One story saved twice in two byte forms is one article, the second copy linked to it.

Before: the file hash alone decided, so the same page as UTF-8 and as Windows-1256, with
CRLF and LF, or as HTML and as its text dump, became two unrelated articles.
"""

from __future__ import annotations

import json
import sqlite3
from pathlib import Path

import pytest
from ingest_articles import PARAGRAPHS, article_text

from reader.ingest.pipeline import ingest_paths
from reader.ingest.reclean import reclean
from reader.ingest.summary import summary_lines

TEXT = article_text(3)


def _html(text: str) -> str:
    title, *paragraphs = [line for line in text.splitlines() if line]
    body = "".join(f"<p>{p}</p>" for p in paragraphs)
    return (
        "<!DOCTYPE html><html lang='ar'><head><meta charset='utf-8'>"
        f"<title>{title}</title></head><body><article><h1>{title}</h1>{body}"
        "</article></body></html>"
    )


def _rows(db_path: Path, sql: str) -> list[tuple[object, ...]]:
    conn = sqlite3.connect(db_path)
    try:
        return conn.execute(sql).fetchall()
    finally:
        conn.close()


@pytest.mark.parametrize(
    ("name", "second"),
    [
        ("cp1256.txt", TEXT.encode("cp1256")),
        ("crlf.txt", TEXT.replace("\n", "\r\n").encode("utf-8")),
        ("bom.txt", b"\xef\xbb\xbf" + TEXT.encode("utf-8")),
        ("page.html", _html(TEXT).encode("utf-8")),
    ],
)
def test_a_second_byte_form_is_linked_not_stored_again(
    tmp_path: Path, db_path: Path, name: str, second: bytes
) -> None:
    folder = tmp_path / "in"
    folder.mkdir()
    (folder / "a.txt").write_bytes(TEXT.encode("utf-8"))
    (folder / name).write_bytes(second)

    report = ingest_paths(db_path, [folder], entities=False, workers=1)

    assert (report.added, report.linked, report.articles) == (1, 1, 1), report.failed
    assert next(summary_lines(report)) == (
        "added 1 document (1 article), 0 duplicates, 1 duplicate linked, 0 failed"
    )
    (article_id,) = _rows(db_path, "SELECT id FROM articles")[0]
    documents = dict(_rows(db_path, "SELECT path, duplicate_of FROM documents"))
    assert len(documents) == 2
    assert sorted(documents.values(), key=str) == sorted([None, article_id], key=str)


def test_a_re_run_and_other_articles_are_not_linked(tmp_path: Path, db_path: Path) -> None:
    folder = tmp_path / "in"
    folder.mkdir()
    (folder / "a.txt").write_bytes(TEXT.encode("utf-8"))
    (folder / "b.txt").write_bytes(TEXT.encode("cp1256"))
    # Same words but one paragraph more: another article (a story, not a copy).
    (folder / "c.txt").write_text(TEXT + "\n" + PARAGRAPHS[0].replace("بوتين", "لافروف") + "\n")
    first = ingest_paths(db_path, [folder], entities=False, workers=1)
    again = ingest_paths(db_path, [folder], entities=False, workers=1)

    assert (first.added, first.linked, first.articles) == (2, 1, 2)
    assert (again.added, again.linked, again.duplicates) == (0, 0, 3)
    assert len(_rows(db_path, "SELECT id FROM articles")) == 2


def test_reclean_keeps_the_link(tmp_path: Path, db_path: Path) -> None:
    folder = tmp_path / "in"
    folder.mkdir()
    (folder / "a.txt").write_bytes(TEXT.encode("utf-8"))
    (folder / "b.txt").write_bytes(TEXT.replace("\n", "\r\n").encode("cp1256"))
    ingest_paths(db_path, [folder], entities=False, workers=1)
    conn = sqlite3.connect(db_path)
    conn.execute("UPDATE articles SET published = '1999-01-01'")  # so reclean replaces it
    conn.commit()
    conn.close()

    report = reclean(db_path, entities=False)

    assert report.changed == 1 and not report.failed
    ids = [row[0] for row in _rows(db_path, "SELECT id FROM articles")]
    links = [row[0] for row in _rows(db_path, "SELECT duplicate_of FROM documents")]
    assert len(ids) == 1 and sorted(links, key=str) == sorted([ids[0], None], key=str)


def test_the_same_words_at_two_urls_are_two_articles(tmp_path: Path, db_path: Path) -> None:
    folder = tmp_path / "in"
    folder.mkdir()
    title, *rest = [line for line in TEXT.splitlines() if line]
    for name in ("a", "b"):
        record = {"title": title, "body": "\n".join(rest), "url": f"https://{name}.example/x"}
        (folder / f"{name}.jsonl").write_text(json.dumps(record, ensure_ascii=False) + "\n")

    report = ingest_paths(db_path, [folder], entities=False, workers=1)

    assert (report.added, report.linked) == (2, 0)
