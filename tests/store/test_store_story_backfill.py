"""`khabar stories --backfill`: a database whose articles have no story signatures (stored
by a khabar before schema 5) gets the stories ingest would have made, once."""

from __future__ import annotations

import sqlite3
from pathlib import Path

import pytest
from story_corpus import make_story_corpus, write_story_corpus

from reader.cli import main
from reader.ingest.pipeline import ingest_paths


def _stories(db: Path) -> set[frozenset[int]]:
    conn = sqlite3.connect(db)
    groups: dict[int, set[int]] = {}
    for article, story in conn.execute("SELECT article_id, story_id FROM story_members"):
        groups.setdefault(story, set()).add(article)
    conn.close()
    return {frozenset(g) for g in groups.values()}


def test_backfill_groups_an_older_database_as_ingest_would_have(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    articles = make_story_corpus(stories=4, unrelated=30, follow_ups=4, seed=5)
    paths = write_story_corpus(tmp_path / "files", articles)
    db = tmp_path / "k.db"
    ingest_paths(db, paths, entities=False, workers=1)
    grouped = _stories(db)
    assert len(grouped) == 4
    conn = sqlite3.connect(db)
    with conn:  # what a database ingested before stories existed holds
        for table in ("story_members", "story_bands", "story_signatures"):
            conn.execute(f"DELETE FROM {table}")
    conn.close()
    assert _stories(db) == set()
    assert main(["--db", str(db), "stories"]) == 0
    assert f"0 stories of 0 articles; {len(paths)} articles unsigned" in capsys.readouterr().out
    assert main(["--db", str(db), "stories", "--backfill", "--no-progress"]) == 0
    assert _stories(db) == grouped
    out = capsys.readouterr()
    assert f"{len(paths)} articles signed" in out.err
    assert "4 stories of" in out.out and "; 0 articles unsigned" in out.out
    assert main(["--db", str(db), "stories", "--backfill", "--no-progress"]) == 0
    assert "0 articles signed" in capsys.readouterr().err
    assert _stories(db) == grouped


def test_backfill_keeps_the_stories_of_articles_that_lost_their_signatures(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    """Articles whose signatures are gone keep the stories found with them."""
    articles = make_story_corpus(stories=3, unrelated=10, follow_ups=0, seed=6)
    paths = write_story_corpus(tmp_path / "files", articles)
    db = tmp_path / "k.db"
    ingest_paths(db, paths[:-3], entities=False, workers=1)
    grouped = _stories(db)
    conn = sqlite3.connect(db)
    with conn:
        conn.execute("DELETE FROM story_bands")
        conn.execute("DELETE FROM story_signatures")
    conn.close()
    assert main(["--db", str(db), "stories", "--backfill", "--no-progress"]) == 0
    members = sum(len(g) for g in grouped)
    assert f"{members} kept theirs" in capsys.readouterr().err
    assert _stories(db) == grouped
    ingest_paths(db, paths[-3:], entities=False, workers=1)  # later rewrites find them
    after = _stories(db)
    assert all(any(g <= a for a in after) for g in grouped)
    truth = {a.name: a.story for a in articles}
    late = [p.name for p in paths[-3:] if truth[p.name] is not None]
    conn = sqlite3.connect(db)
    joined = {
        Path(r[0]).name
        for r in conn.execute(
            "SELECT a.source_path FROM articles a JOIN story_members m ON m.article_id = a.id"
        )
    }
    conn.close()
    assert set(late) <= joined
