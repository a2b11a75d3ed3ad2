"""Search orientation: `/` opens empty with the history on ↑/↓, the status line says
"hit 2 of 4 · article 1 of 5", n/N go on into the next/previous matching article, title
hits are highlighted, and Enter in the entities pane marks the mention it went to."""

from __future__ import annotations

from pathlib import Path

from textual.pilot import Pilot

from reader.tui.app import KhabarApp
from reader.tui.widgets.article_list import ArticleList
from reader.tui.widgets.body_view import BodyView
from reader.tui.widgets.engine_text import EngineLine
from reader.tui.widgets.entities_pane import EntitiesList
from reader.tui.widgets.query_line import QueryLine
from tests.tui.tui_support import press, reader_on, settle, sync

QUERY = "بوتين"


async def _search(pilot: Pilot[None], text: str) -> None:
    await press(pilot, "slash", *text, "enter")


def _status(app: KhabarApp) -> str:
    return app.screen.query_one("#status", EngineLine).text


@sync
async def test_slash_opens_empty_and_arrows_walk_the_history(seeds_db: Path) -> None:
    async with reader_on(seeds_db, size=(120, 35)) as (app, pilot):
        line = app.screen.query_one("#search", QueryLine)
        await _search(pilot, QUERY)
        await _search(pilot, "كيم")
        await pilot.press("slash")
        assert line.value == ""
        await pilot.press("up")
        assert line.value == "كيم"
        await pilot.press("up")
        assert line.value == QUERY
        await pilot.press("up")  # the oldest stays
        assert line.value == QUERY
        await pilot.press("down", "down")
        assert line.value == ""
        await press(pilot, "up", "enter")
        assert app.reader.article_filter.query == "كيم"


@sync
async def test_status_counts_hits_and_articles_and_n_goes_on_to_the_next_article(
    seeds_db: Path,
) -> None:
    async with reader_on(seeds_db, size=(120, 35)) as (app, pilot):
        await _search(pilot, QUERY)
        articles = app.screen.query_one(ArticleList)
        body = app.screen.query_one(BodyView)
        total, hits = articles.count, len(body.hits)
        assert total > 1 and hits > 2
        assert _status(app).endswith(f"{hits} hits · article 1 of {total}")
        await press(pilot, "n", "n")
        assert _status(app).endswith(f"hit 2 of {hits} · article 1 of {total}")
        for _ in range(hits - 1):
            await pilot.press("n")
        await settle(pilot)
        assert articles.cursor == 1 and body.current_hit == 0  # the next article's first hit
        assert _status(app).endswith(f"hit 1 of {len(body.hits)} · article 2 of {total}")
        await press(pilot, "N")
        assert articles.cursor == 0 and body.current_hit == hits - 1  # back: its last hit
        assert _status(app).endswith(f"hit {hits} of {hits} · article 1 of {total}")


@sync
async def test_title_hits_are_highlighted(seeds_db: Path) -> None:
    async with reader_on(seeds_db, size=(120, 35)) as (app, pilot):
        await _search(pilot, QUERY)
        body = app.screen.query_one(BodyView)
        assert body.article is not None and QUERY in body.article.title
        hit_style = body.get_component_rich_style("body--hit")
        title_rows = [
            body._row_strip(i) for i in range(body._body_top) if body._head[i][1] == "title"
        ]
        lit = [
            segment.text
            for strip in title_rows
            for segment in strip
            if segment.style is not None and segment.style.bgcolor == hit_style.bgcolor
        ]
        assert len("".join(lit).strip()) == len(QUERY)


@sync
async def test_enter_in_the_entities_pane_marks_the_mention_it_went_to(seeds_db: Path) -> None:
    async with reader_on(seeds_db, size=(160, 48)) as (app, pilot):
        entities = app.screen.query_one(EntitiesList)
        body = app.screen.query_one(BodyView)
        await pilot.press("3")
        entity = entities.selected()
        assert entity is not None and entity.mentions > 1
        starts = [(m.start, m.end) for m in body.mentions if m.entity_id == entity.id]
        await press(pilot, "enter")
        assert body.marked == starts[0]
        row = body.row_of(starts[0][0])
        assert body.scroll_offset.y <= row < body.scroll_offset.y + body.size.height
        marked_style = body.get_component_rich_style("body--mention-current")
        assert marked_style.reverse
        assert any(
            segment.style is not None and segment.style.reverse for segment in body._row_strip(row)
        )
        await press(pilot, "enter")
        assert body.marked == starts[1]
