"""The person page on the seeds (issue 14, item 1): `p` from the people or entities pane."""

from __future__ import annotations

from pathlib import Path

from textual.pilot import Pilot
from textual.widgets import Sparkline

from reader.tui.screens.person import ArticleLinks, PeopleWith, PersonScreen
from reader.tui.screens.reader import ReaderScreen
from reader.tui.ui_text import plain
from reader.tui.widgets.body_pane import BodyPane
from reader.tui.widgets.engine_text import EngineLine, EngineText
from reader.tui.widgets.entities_pane import EntitiesList
from reader.tui.widgets.people_pane import PeopleList
from tests.tui.tui_support import press, reader_on, settle, sync, type_text


async def open_page(pilot: Pilot[None], narrow: str) -> PersonScreen:
    await pilot.press("4")
    await type_text(pilot, narrow)
    await settle(pilot)
    await press(pilot, "ctrl+o")
    screen = pilot.app.screen
    assert isinstance(screen, PersonScreen)
    return screen


@sync
async def test_putins_page(seeds_db: Path) -> None:
    async with reader_on(seeds_db, size=(160, 48)) as (app, pilot):
        page = await open_page(pilot, "بوتين")
        title = plain(page.query_one("#person-title", EngineLine).text)
        assert title.startswith("فلاديمير بوتين") and title.endswith(" articles")
        facts = page.query_one("#person-facts", EngineText).text
        assert "بوتين (23)" in facts and "فلاديمير بوتين (7)" in facts
        assert "الرئيس الروسي" in facts

        people = page.query_one(PeopleWith)
        kim = next(p for p in people.people if p.canonical in ("كيم جونغ أون", "كيم جونج أون"))
        assert kim.articles == 5  # the gold: both in all five seeds' own articles
        assert any(text == kim.canonical and tail == " (5)" for text, tail in people.rows)

        quotes = page.query_one("#person-quotes", ArticleLinks)
        assert quotes.count > 0
        assert page.page is not None
        said = next(q for q in page.page.quotes if "ضمانات بشأن أمنهم" in q.text)
        assert said.article_id in quotes.ids

        spark = page.query_one(Sparkline)
        assert spark.data is not None
        assert len(spark.data) == len(page.page.timeline.periods) > 1
        assert sum(spark.data) == 2  # the two dated seeds that name him
        label = page.query_one("#person-range", EngineLine).text
        assert "2018/05/31" in label and "2024/01/21" in label

        # Enter on a quote: back in the reader, its article open.
        quotes.focus()
        index = quotes.ids.index(said.article_id)
        quotes.move_to(index)
        await press(pilot, "enter")
        assert isinstance(app.screen, ReaderScreen)
        current = app.screen.query_one(BodyPane).current
        assert current is not None and current.id == said.article_id


@sync
async def test_kim_jong_il_is_another_page_and_esc_goes_back(seeds_db: Path) -> None:
    async with reader_on(seeds_db, size=(160, 48)) as (app, pilot):
        un = await open_page(pilot, "جونغ أون")
        assert un.page is not None
        await press(pilot, "escape")
        assert isinstance(app.screen, ReaderScreen)
        await pilot.press("escape")  # clears the narrowing
        await settle(pilot)
        il = await open_page(pilot, "kim jong il")
        assert il.page is not None
        assert il.page.id != un.page.id
        assert "إيل" in il.query_one("#person-title", EngineLine).text


@sync
async def test_a_co_person_is_a_key_press_away(seeds_db: Path) -> None:
    async with reader_on(seeds_db, size=(160, 48)) as (app, pilot):
        putin = await open_page(pilot, "بوتين")
        people = putin.query_one(PeopleWith)
        kim = people.selected()
        assert kim is not None and kim.articles == 5
        await press(pilot, "b")
        header = putin.query_one("#person-articles-header", EngineLine).text
        assert kim.canonical in header and "(5)" in header
        assert len(putin.query_one("#person-articles", ArticleLinks).ids) == 5
        await press(pilot, "enter")
        other = app.screen
        assert isinstance(other, PersonScreen) and other is not putin
        assert other.page is not None and other.page.id == kim.id
        await press(pilot, "escape")
        assert app.screen is putin


@sync
async def test_p_from_the_entities_pane(seeds_db: Path) -> None:
    async with reader_on(seeds_db, size=(160, 48)) as (app, pilot):
        await pilot.press("3")
        entities = app.screen.query_one(EntitiesList)
        person = entities.selected()
        assert person is not None and person.kind == "PER"
        await press(pilot, "p")
        assert isinstance(app.screen, PersonScreen)
        assert app.screen.page is not None and app.screen.page.id == person.id


@sync
async def test_latin_typing_in_the_people_pane_ranks_the_person_first(seeds_db: Path) -> None:
    async with reader_on(seeds_db, size=(160, 48)) as (app, pilot):
        for query, name in (("putin", "بوتين"), ("pompeo", "بومبيو"), ("kim jong un", "أون")):
            await pilot.press("4")
            await type_text(pilot, query)
            await settle(pilot)
            people = app.screen.query_one(PeopleList)
            first = people.person(0)
            assert first is not None and name in first.canonical, query
            await press(pilot, "escape")
