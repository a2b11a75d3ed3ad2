"""Movement, panes, reading state, modes, help and errors, asserted on state."""

from __future__ import annotations

import sqlite3
from pathlib import Path

import pytest

from reader.render.engine import BidiMode
from reader.tui.screens.help import HelpScreen
from reader.tui.ui_text import ui
from reader.tui.widgets.article_list import ArticleList
from reader.tui.widgets.body_view import BodyView
from reader.tui.widgets.entities_pane import EntitiesList
from reader.tui.widgets.people_pane import PeopleList
from tests.tui.tui_support import press, reader_on, seed_of, sync


@sync
async def test_list_movement_opens_articles(seeds_db: Path) -> None:
    async with reader_on(seeds_db, size=(160, 48)) as (app, pilot):
        articles = app.query_one(ArticleList)
        assert articles.cursor == 0 and app.reader.current is not None
        first = app.reader.current.id
        await press(pilot, "j")
        assert articles.cursor == 1 and app.reader.current.id != first
        await press(pilot, "k")
        assert app.reader.current.id == first
        await press(pilot, "G")
        assert articles.cursor == articles.count - 1
        await press(pilot, "g")
        assert articles.cursor == 0
        await press(pilot, "down", "up")
        assert articles.cursor == 0


@sync
async def test_panes_keys_and_body_paging(seeds_db: Path) -> None:
    async with reader_on(seeds_db, size=(140, 30)) as (app, pilot):
        for key, pane in (("2", BodyView), ("3", EntitiesList), ("4", PeopleList)):
            await pilot.press(key)
            assert isinstance(app.focused, pane)
        await pilot.press("1")
        assert isinstance(app.focused, ArticleList)
        await pilot.press("tab")
        assert isinstance(app.focused, BodyView)
        await pilot.press("shift+tab")
        assert isinstance(app.focused, ArticleList)
        await pilot.press("enter")
        assert isinstance(app.focused, BodyView)
        body = app.query_one(BodyView)
        await pilot.press("space")
        await pilot.pause()
        assert body.scroll_offset.y > 0
        await pilot.press("pageup")
        await pilot.pause()
        assert body.scroll_offset.y == 0
        await pilot.press("pagedown")
        await pilot.pause()
        assert body.scroll_offset.y > 0


@sync
async def test_entities_enter_jumps_and_f_filters(seeds_db: Path) -> None:
    seeds = seed_of(seeds_db)
    async with reader_on(seeds_db, size=(120, 14)) as (app, pilot):
        await pilot.press("3")
        entities = app.query_one(EntitiesList)
        entity = entities.selected()
        assert entity is not None and entity.kind == "PER"
        body = app.query_one(BodyView)
        offsets = [m.start for m in body.mentions if m.entity_id == entity.id]
        assert len(offsets) > 1

        def top_for(offset: int) -> int:
            """The scroll that puts the row with `offset` two rows below the top."""
            return min(int(body.max_scroll_y), max(0, body.row_of(offset) - 2))

        await pilot.press("enter")
        assert body.scroll_offset.y == top_for(offsets[0])
        await pilot.press("enter")
        assert body.scroll_offset.y == top_for(offsets[1]) != top_for(offsets[0])
        await press(pilot, "f")
        assert app.reader.article_filter.entity_ids == frozenset({entity.id})
        assert app.query_one(ArticleList).count == entity_articles(seeds_db, entity.id)
        assert len(seeds) >= app.query_one(ArticleList).count


def entity_articles(db_path: Path, entity_id: int) -> int:
    conn = sqlite3.connect(db_path)
    try:
        return int(
            conn.execute(
                "SELECT count(*) FROM article_entities WHERE entity_id = ?", (entity_id,)
            ).fetchone()[0]
        )
    finally:
        conn.close()


@sync
async def test_read_bookmark_and_bookmarks_only(seeds_db: Path) -> None:
    async with reader_on(seeds_db, size=(160, 48)) as (app, pilot):
        assert app.reader.current is not None and not app.reader.current.read
        await press(pilot, "u")
        assert app.reader.current.read
        await press(pilot, "u")
        assert not app.reader.current.read
        await press(pilot, "b")
        assert app.reader.current.bookmarked
        marked = app.reader.current.id
        await press(pilot, "B")
        articles = app.query_one(ArticleList)
        assert articles.count == 1
        row = articles.row(0)
        assert row is not None and row.id == marked and row.bookmarked and not row.read
        await press(pilot, "B")
        assert articles.count == 6


@sync
async def test_reading_position_survives_restart(seeds_db: Path) -> None:
    async with reader_on(seeds_db, size=(100, 30)) as (app, pilot):
        await press(pilot, "j", "j")
        assert app.reader.current is not None
        opened = app.reader.current.id
        await pilot.press("space", "space")
        await pilot.pause()
        offset = app.query_one(BodyView).top_offset()
        assert offset > 0
        await press(pilot, "b")
        await press(pilot, "q")
    async with reader_on(seeds_db, size=(100, 30)) as (again, pilot):
        assert again.reader.current is not None and again.reader.current.id == opened
        assert again.reader.current.bookmarked
        assert again.query_one(BodyView).top_offset() == offset
        assert again.query_one(ArticleList).cursor == 2


@sync
async def test_bidi_mode_cycles(seeds_db: Path) -> None:
    async with reader_on(seeds_db, size=(100, 30)) as (app, pilot):
        seen = [app.bidi_mode]
        for _ in range(3):
            await pilot.press("m")
            seen.append(app.bidi_mode)
        assert seen == [BidiMode.APP, BidiMode.TERMINAL, BidiMode.OFF, BidiMode.APP]


@sync
async def test_help_lists_live_keymap(seeds_db: Path) -> None:
    async with reader_on(seeds_db, keymap={"app.bookmark": "x"}, size=(100, 30)) as (app, pilot):
        await pilot.press("question_mark")
        await pilot.pause()
        assert isinstance(app.screen, HelpScreen)
        assert "x" in app.screen.text.split("Bookmark\n")[0].splitlines()[-1]
        rows = {line.split("  ")[-1].strip(): line for line in app.screen.text.splitlines()}
        assert rows["Help"].split()[:2] == ["?,", "F1"]
        assert rows["Search"].split()[0] == "/"
        assert rows["Previous pane"].split()[0] == "Shift+Tab"
        assert rows["Body page up"].split()[0] == "PgUp"
        assert "question_mark" not in app.screen.text and "slash" not in app.screen.text
        await pilot.press("escape")
        await pilot.pause()
        assert not isinstance(app.screen, HelpScreen)
        await press(pilot, "x")
        assert app.reader.current is not None and app.reader.current.bookmarked


@sync
async def test_narrow_layout_swaps_side_panes_in(seeds_db: Path) -> None:
    async with reader_on(seeds_db, size=(80, 24)) as (app, pilot):
        assert not app.query_one("#side").display or app.query_one("#side").region.width == 0
        await pilot.press("3")
        await pilot.pause()
        assert app.query_one("#side").region.width > 0
        assert app.query_one("#body-pane").region.width == 0
        await pilot.press("2")
        await pilot.pause()
        assert app.query_one("#body-pane").region.width > 0


@sync
async def test_unreadable_and_empty_databases_show_messages(tmp_path: Path) -> None:
    junk = tmp_path / "junk.db"
    junk.write_bytes(b"this is not sqlite" * 100)
    async with reader_on(junk, size=(100, 30)) as (app, _):
        message = app.query_one(BodyView).message
        assert message is not None and message.startswith("Cannot read the database")
    async with reader_on(tmp_path / "empty.db", size=(100, 30)) as (empty, _):
        assert empty.query_one(BodyView).message == ui("body.empty")


@sync
async def test_refresh_sees_articles_added_by_another_process(
    seeds_db: Path, tmp_path: Path
) -> None:
    async with reader_on(seeds_db, size=(100, 30)) as (app, pilot):
        extra = tmp_path / "extra.txt"
        extra.write_text("خبر جديد\n\nفقرة أولى عن بيونغ يانغ وكوريا.\n", encoding="utf-8")
        from reader.ingest.pipeline import ingest_paths

        ingest_paths(seeds_db, [extra], workers=1, entities=False)
        await press(pilot, "r")
        assert app.query_one(ArticleList).count == 7


@sync
async def test_no_color_keeps_the_cursor_and_group_titles_visible(
    seeds_db: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setenv("NO_COLOR", "1")
    async with reader_on(seeds_db, size=(80, 24)) as (app, pilot):
        assert app.no_color
        articles = app.query_one(ArticleList)
        assert articles.get_component_rich_style("line-list--cursor").reverse
        await press(pilot, "3")
        entities = app.query_one(EntitiesList)
        assert entities.scroll_offset.y == 0 and isinstance(entities.items[0], str)
