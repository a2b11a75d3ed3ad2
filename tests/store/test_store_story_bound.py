"""A database grouped before stories had a bound keeps no story over it once opened."""

from __future__ import annotations

from pathlib import Path

import sqlite_utils

from reader.store import migrations
from reader.store.schema import MIGRATIONS, open_db
from reader.store.stories import MAX_STORY


def test_a_chained_story_from_an_older_grouping_is_cut_to_the_bound(tmp_path: Path) -> None:
    path = tmp_path / "chained.db"
    db = sqlite_utils.Database(path)
    before = MIGRATIONS.index(migrations.stories_within_bound)
    for number, migration in enumerate(MIGRATIONS[:before], start=1):
        with db.atomic():
            migration(db)
            db.execute(f"PRAGMA user_version = {number}")
    # story 500 chained over 150 articles, its lead (500) not the smallest id; story 900 small
    chained = [500, *range(1, 150)]
    db.conn.executemany(
        "INSERT INTO story_members (article_id, story_id) VALUES (?, 500)", [(a,) for a in chained]
    )
    db.conn.executemany(
        "INSERT INTO story_members (article_id, story_id) VALUES (?, 900)", [(900,), (901,)]
    )
    db.conn.executemany(
        "INSERT INTO story_sizes (story_id, size) VALUES (?, ?)", [(500, 150), (900, 2)]
    )
    db.conn.commit()
    db.close()

    conn = open_db(path).conn
    members = [
        r[0]
        for r in conn.execute(
            "SELECT article_id FROM story_members WHERE story_id = 500 ORDER BY article_id"
        )
    ]
    assert MAX_STORY == 64
    assert members == [*range(1, MAX_STORY), 500]
    assert conn.execute("SELECT story_id, size FROM story_sizes ORDER BY story_id").fetchall() == [
        (500, MAX_STORY),
        (900, 2),
    ]
    assert conn.execute("SELECT count(*) FROM story_members WHERE story_id = 900").fetchone() == (
        2,
    )
    conn.close()
