"""The person filter, search and their keys, asserted on the app's state."""

from __future__ import annotations

from pathlib import Path

from textual.message import Message
from textual.pilot import Pilot
from textual.worker import Worker, WorkerState

from reader.tui.app import KhabarApp
from reader.tui.ui_text import plain
from reader.tui.widgets.article_list import ArticleList
from reader.tui.widgets.body_view import BodyView
from reader.tui.widgets.engine_text import EngineLine
from reader.tui.widgets.people_pane import PeopleList, PeoplePane
from tests.tui.tui_support import press, reader_on, seed_of, settle, sync, type_text


def listed(app: KhabarApp, seeds: dict[int, str]) -> list[str]:
    articles = app.query_one(ArticleList)
    rows = [articles.row(i) for i in range(articles.count)]
    return sorted(seeds[r.id] for r in rows if r is not None)


async def choose_person(pilot: Pilot[None], narrow: str) -> None:
    await pilot.press("4")
    await type_text(pilot, narrow)
    await settle(pilot)
    await press(pilot, "enter")
    await pilot.press("escape")  # clears the narrowing text, keeps the filter
    await settle(pilot)


@sync
async def test_person_filter_and_escape(seeds_db: Path) -> None:
    seeds = seed_of(seeds_db)
    async with reader_on(seeds_db, size=(160, 48)) as (app, pilot):
        assert listed(app, seeds) == sorted(seeds.values())
        await choose_person(pilot, "جونج أون")
        assert plain(app.query_one("#articles-header", EngineLine).text).endswith("· كيم جونغ أون")
        assert listed(app, seeds) == ["000", "001", "002", "003", "003+", "004"]
        await choose_person(pilot, "بومبيو")
        assert listed(app, seeds) == ["000", "004"]
        assert len(app.reader.article_filter.entity_ids) == 2
        await press(pilot, "escape")
        assert not app.reader.article_filter.active
        assert listed(app, seeds) == sorted(seeds.values())


@sync
async def test_people_narrowing_folds_spellings(seeds_db: Path) -> None:
    async with reader_on(seeds_db, size=(160, 48)) as (app, pilot):
        await pilot.press("4")
        await type_text(pilot, "سيرجي")
        await settle(pilot)
        people = app.query_one(PeopleList)
        names = [p.canonical for i in range(people.count) if (p := people.person(i))]
        assert names == ["سيرجى لافروف"]
        await press(pilot, "backspace", "backspace", "backspace", "backspace", "backspace")
        assert app.query_one(PeoplePane).people_narrow == ""
        assert people.count > 5


@sync
async def test_filter_keeps_selection_when_it_still_matches(seeds_db: Path) -> None:
    seeds = seed_of(seeds_db)
    async with reader_on(seeds_db, size=(160, 48)) as (app, pilot):
        articles = app.query_one(ArticleList)
        while app.reader.current is None or seeds[app.reader.current.id] != "004":
            await press(pilot, "j")
        await choose_person(pilot, "بومبيو")
        assert app.reader.current is not None and seeds[app.reader.current.id] == "004"
        row = articles.row(articles.cursor)
        assert row is not None and row.id == app.reader.current.id


@sync
async def test_search_folds_spelling_and_n_moves_between_hits(seeds_db: Path) -> None:
    seeds = seed_of(seeds_db)
    async with reader_on(seeds_db, size=(160, 48)) as (app, pilot):
        await pilot.press("slash")
        await type_text(pilot, "بيونج يانج")
        await press(pilot, "enter")
        found = listed(app, seeds)
        # Every seed names Pyongyang: joined (000), behind a clitic (002: لبيونغ يانغ),
        # with غ (001, 003 and its appended article) or as typed (004).
        assert sorted(found) == ["000", "001", "002", "003", "003+", "004"]
        body = app.query_one(BodyView)
        assert body.hits
        await pilot.press("n")
        assert body.current_hit == 0
        await pilot.press("n")
        await pilot.press("N")
        assert body.current_hit == 0
        await press(pilot, "escape")
        assert listed(app, seeds) == sorted(seeds.values())


@sync
async def test_any_search_text_is_harmless(seeds_db: Path) -> None:
    failed: list[Message] = []

    def hook(message: Message) -> None:
        if isinstance(message, Worker.StateChanged) and message.state == WorkerState.ERROR:
            failed.append(message)

    app = KhabarApp(seeds_db)
    async with app.run_test(size=(120, 40), message_hook=hook) as pilot:
        await settle(pilot)
        for text in ['"', "AND OR", "*", "(", "NEAR(", "-", "''"]:
            await pilot.press("slash")
            await type_text(pilot, text)
            await press(pilot, "enter")
            assert not failed
            assert not (app.query_one(BodyView).message or "").startswith("Cannot read")
            await press(pilot, "escape")
