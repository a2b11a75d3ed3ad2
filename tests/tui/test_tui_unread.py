"""`]` / `[` go to the next / previous unread article of the list, and `A` marks the whole
(filtered) list read after a yes."""

from __future__ import annotations

import sqlite3
from pathlib import Path

from reader.store.read.library import Library
from reader.store.read.rows import EVERYTHING, ArticleFilter
from reader.tui.screens.prompt import Confirm
from reader.tui.widgets.article_list import ArticleList
from tests.tui.tui_support import press, reader_on, sync


def _ids(db: Path, flt: ArticleFilter = EVERYTHING) -> list[int]:
    store = Library(db)
    try:
        return store.listing.article_ids(flt)
    finally:
        store.close()


def _read(db: Path) -> set[int]:
    conn = sqlite3.connect(db)
    try:
        return {r[0] for r in conn.execute("SELECT article_id FROM reading_state WHERE read = 1")}
    finally:
        conn.close()


@sync
async def test_brackets_go_to_the_next_and_previous_unread(seeds_db: Path) -> None:
    ids = _ids(seeds_db)
    assert len(ids) >= 5
    store = Library(seeds_db)
    store.state.mark_read([ids[1], ids[2]])
    store.close()
    async with reader_on(seeds_db, size=(120, 35)) as (app, pilot):
        articles = app.screen.query_one(ArticleList)
        assert articles.cursor == 0
        await press(pilot, "right_square_bracket")
        assert articles.cursor == 3 and app.reader.current is not None
        assert app.reader.current.id == ids[3]
        await press(pilot, "left_square_bracket")
        assert articles.cursor == 0
        await press(pilot, "G")
        await press(pilot, "right_square_bracket")
        assert articles.cursor == len(ids) - 1
        assert "No unread article below" in [n.message for n in app._notifications][-1]


@sync
async def test_A_marks_the_filtered_list_read_after_a_yes(seeds_db: Path) -> None:
    async with reader_on(seeds_db, size=(120, 35)) as (app, pilot):
        await press(pilot, "slash", *"بومبيو", "enter")
        articles = app.screen.query_one(ArticleList)
        listed = _ids(seeds_db, articles.filter)
        assert 0 < len(listed) < len(_ids(seeds_db))
        await press(pilot, "A")
        assert isinstance(app.screen, Confirm)
        await press(pilot, "n")
        assert _read(seeds_db) == set()
        await press(pilot, "A")
        await press(pilot, "y")
        assert _read(seeds_db) == set(listed)
        shown = [articles.row(i) for i in range(articles.count)]
        assert all(row is not None and row.read for row in shown)
        assert app.reader.current is not None and app.reader.current.read
        notices = [n.message for n in app._notifications]
        assert notices[-1] == f"{len(listed)} articles marked read"
