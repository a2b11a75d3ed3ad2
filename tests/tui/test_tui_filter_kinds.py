"""Filters beyond people, each reached from the command palette: a place, an organisation,
a source, a date range, unread only; combined, shown in the header, cleared one by one;
and a saved view from the config."""

from __future__ import annotations

import argparse
import sqlite3
from pathlib import Path

from textual.pilot import Pilot

from reader.commands.read import build_app
from reader.tui.app import KhabarApp
from reader.tui.ui_text import plain
from reader.tui.widgets.article_list import ArticleList
from reader.tui.widgets.engine_text import EngineLine
from tests.tui.tui_support import press, reader_on, settle, sync, type_text, write_config


def listed(app: KhabarApp) -> set[int]:
    articles = app.query_one(ArticleList)
    return {r.id for i in range(articles.count) if (r := articles.row(i)) is not None}


def header(app: KhabarApp) -> str:
    return plain(app.query_one("#articles-header", EngineLine).text)


def query(db: Path, sql: str, *params: object) -> set[int]:
    conn = sqlite3.connect(db)
    try:
        return {r[0] for r in conn.execute(sql, params)}
    finally:
        conn.close()


def with_entity(db: Path, kind: str, name: str) -> tuple[int, set[int]]:
    conn = sqlite3.connect(db)
    entity = conn.execute(
        "SELECT id FROM entities WHERE kind = ? AND canonical = ?", (kind, name)
    ).fetchone()[0]
    conn.close()
    return entity, query(db, "SELECT article_id FROM article_entities WHERE entity_id = ?", entity)


async def palette(pilot: Pilot[None], text: str) -> None:
    """Open the palette, type `text`, run the first hit."""
    await press(pilot, "ctrl+p")
    await type_text(pilot, text)
    await pilot.pause(0.5)
    await settle(pilot)
    await press(pilot, "enter")


@sync
async def test_place_organisation_source_dates_and_unread_from_the_palette(
    seeds_db: Path,
) -> None:
    async with reader_on(seeds_db, size=(160, 48)) as (app, pilot):
        everything = listed(app)
        await palette(pilot, "organisation")
        org, org_articles = with_entity(seeds_db, "ORG", "وزارة الخارجية الأمريكية")
        assert app.reader.article_filter.entity_ids == {org}
        assert listed(app) == org_articles and 0 < len(org_articles) < len(everything)
        assert "وزارة الخارجية الأمريكية" in header(app)
        await palette(pilot, "clear all")
        assert listed(app) == everything

        place, place_articles = with_entity(seeds_db, "LOC", "فلاديفوستوك")
        app.reader.filter_entity(place, "فلاديفوستوك")  # the entities pane's f does the same
        await settle(pilot)
        assert listed(app) == place_articles
        await palette(pilot, "source: rt")
        rt = query(seeds_db, "SELECT id FROM articles WHERE source = 'RT'")
        assert app.reader.article_filter.sources == {"RT"}
        assert listed(app) == place_articles & rt
        assert header(app).endswith("· فلاديفوستوك + RT")
        await palette(pilot, "clear: rt")  # one part cleared, the place kept
        assert listed(app) == place_articles and not app.reader.article_filter.sources

        await palette(pilot, "clear all")
        await palette(pilot, "dates 2018..2019-12")
        dated = query(seeds_db, "SELECT id FROM articles WHERE published LIKE '2018%'")
        assert dated and listed(app) == dated
        assert "2018–2019/12" in header(app).replace("…", "")
        await press(pilot, "escape")

        await pilot.press("u")  # the article under the cursor is read now
        await settle(pilot)
        read = query(seeds_db, "SELECT article_id FROM reading_state WHERE read = 1")
        await palette(pilot, "unread only")
        assert app.reader.article_filter.unread_only and read
        assert listed(app) == everything - read
        assert header(app).endswith("· ●")


@sync
async def test_a_saved_view_from_the_config(seeds_db: Path) -> None:
    path = write_config(
        '[views.far-east]\nplace = "فلاديفوستوك"\nsource = ["RT", "يورونيوز"]\n'
        '[views.nowhere]\nplace = "أتلانتس"\n'
        '[views.bad]\nplce = "x"\n'
        '[views.late]\nsince = "2025-13"\n'
    )
    app = build_app(argparse.Namespace(db=seeds_db))
    assert isinstance(app, KhabarApp)
    bad = [n for n in app.notices if "views." in n]
    assert bad == [
        f"{path}: views.bad: unknown key 'plce' (a view takes person, place, org, source,"
        " since, until, unread, bookmarks, search); the view is left out",
        f"{path}: views.late: since must be a date written YYYY, YYYY-MM or YYYY-MM-DD;"
        " the view is left out",
    ]
    _, place_articles = with_entity(seeds_db, "LOC", "فلاديفوستوك")
    sources = query(seeds_db, "SELECT id FROM articles WHERE source IN ('RT', 'يورونيوز')")
    async with app.run_test(size=(160, 48)) as pilot:
        await settle(pilot)
        await palette(pilot, "view: far")
        assert listed(app) == place_articles & sources and listed(app)
        assert "· far-east: فلاديفوستوك + RT | يورونيوز" in header(app)
        await palette(pilot, "view: nowhere")
        assert listed(app) == place_articles & sources  # a view naming nothing changes nothing
