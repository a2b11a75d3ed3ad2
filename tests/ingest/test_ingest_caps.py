"""Issue 11, item 3: bounded entity work per article, said so in the summary, and a stop
that takes effect between stages instead of after a whole batch."""

from __future__ import annotations

import os
import signal
import sqlite3
from pathlib import Path
from typing import NamedTuple

import pytest
from ingest_articles import write_articles

from reader.ingest import prepare
from reader.ingest.pipeline import ingest_paths
from reader.ingest.summary import summary_lines


class FakeMention(NamedTuple):
    start: int
    end: int
    text: str
    kind: str
    key: str


def every_word(text: str) -> list[FakeMention]:
    """A mention per word: the most mentions an article of this length can have."""
    out, start = [], 0
    for word in text.split(" "):
        if word:
            out.append(FakeMention(start, start + len(word), word, "PER", word[:3]))
        start += len(word) + 1
    return out


def test_a_huge_article_gets_entities_from_its_first_part_and_a_note(
    tmp_path: Path, db_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setattr(prepare, "MAX_ENTITY_CHARS", 3_000)
    monkeypatch.setattr(prepare, "MAX_MENTIONS", 200)
    seen: list[int] = []

    def extractor(text: str) -> list[FakeMention]:
        seen.append(len(text))
        return every_word(text)

    folder = tmp_path / "in"
    write_articles(folder, 1)
    huge = folder / "huge.txt"
    huge.write_text("عنوان طويل جدا\n\n" + "كلمة عربية " * 5_000, encoding="utf-8")
    report = ingest_paths(db_path, [folder], workers=1, extractor=extractor)
    assert (report.added, report.failed) == (2, [])
    assert max(seen) <= 3_000
    lines = list(summary_lines(report))
    assert any(str(huge) in line and "first 2," in line and "characters" in line for line in lines)
    assert any(str(huge) in line and "first 200 of" in line for line in lines)
    conn = sqlite3.connect(db_path)
    stored = conn.execute(
        "SELECT count(*), max(m.start) FROM mentions m JOIN articles a ON a.id = m.article_id"
        " WHERE a.source_path = ?",
        (str(huge),),
    ).fetchone()
    assert stored[0] == 200
    assert stored[1] < 3_000


@pytest.mark.parametrize("workers", [1, 2])
def test_a_stop_ends_the_work_between_stages(tmp_path: Path, db_path: Path, workers: int) -> None:
    """The tenth extraction sends the run SIGINT; after that no worker starts a stage
    once it can see the stop (one may be past its check when the stop lands), where
    the batch of 16 files a worker holds used to run out."""
    folder = tmp_path / "in"
    write_articles(folder, 200)
    log = tmp_path / "calls"
    parent = os.getpid()

    fired = tmp_path / "fired"

    def extractor(text: str) -> list[FakeMention]:
        stopping = prepare._should_stop()
        with log.open("a") as handle:
            handle.write("late\n" if stopping else "x\n")
        if stopping or log.read_text().count("x") < 10:
            return []
        # Exactly one SIGINT, from whichever worker gets here first: a second one could
        # land after the run has put the old handler back and stop pytest itself.
        try:
            os.close(os.open(fired, os.O_CREAT | os.O_EXCL))
        except FileExistsError:
            return []
        os.kill(parent, signal.SIGINT)
        return []

    report = ingest_paths(db_path, [folder], workers=workers, extractor=extractor)
    assert report.interrupted
    late = log.read_text().count("late")
    assert late <= workers, late
    assert report.added < 200
