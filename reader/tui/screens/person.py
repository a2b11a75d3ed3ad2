"""A person's page: who they are in this corpus, a key press from the reader (`p`).

Spellings with counts, mentions over time (a Sparkline, with its date range),
the titles the corpus gives them, the people named in the same articles (Enter:
their page; b: the articles naming both), what they said (Enter: the article)
and their articles, newest first. The page reads the store through its own
read-only connection in a thread worker; Esc goes back. Choosing an article
dismisses the page with that article's id, for the reader to open.

The page's reading (reader.store.person_page, and the attribution rules under it)
is imported by the worker that first needs it: this module comes with the reader
screen, and that import was part of the first paint.
"""

from __future__ import annotations

import sqlite3
from dataclasses import dataclass
from pathlib import Path
from typing import TYPE_CHECKING, ClassVar

from rich.style import Style
from textual import on, work
from textual.app import ComposeResult
from textual.binding import Binding, BindingType
from textual.containers import Horizontal, Vertical
from textual.message import Message
from textual.reactive import reactive
from textual.screen import Screen
from textual.strip import Strip
from textual.widget import Widget
from textual.widgets import Sparkline
from textual.worker import get_current_worker

from reader.render.engine import BidiMode
from reader.store.schema import connect
from reader.tui.strips import fit_with_tail, visual_strip
from reader.tui.ui_text import ui
from reader.tui.widgets.engine_text import EngineLine, EngineText
from reader.tui.widgets.entities_pane import EntitiesList
from reader.tui.widgets.line_list import LineList
from reader.tui.widgets.people_pane import PeopleList

if TYPE_CHECKING:
    from reader.store.person_page import ArticleRef, CoPerson, PersonPage, Said

PERSON_BINDINGS: list[BindingType] = [
    Binding("escape", "back", "Back to the reader", id="person.back"),
    Binding("b", "both", "Articles naming both", id="person.both"),
]


def person_under_cursor(focused: Widget | None) -> int | None:
    """The person at the cursor of the people pane, or of the entities pane when the
    entity there is a person."""
    if isinstance(focused, PeopleList):
        person = focused.person(focused.cursor) if focused.count else None
        return person.id if person else None
    if isinstance(focused, EntitiesList):
        entity = focused.selected()
        return entity.id if entity is not None and entity.kind == "PER" else None
    return None


class _Rows(LineList):
    """A list of short rows, each a text and a tail (a count, a date) that survives a cut."""

    def __init__(self, *, id: str | None = None) -> None:
        super().__init__(id=id)
        self.rows: list[tuple[str, str]] = []

    def set_rows(self, rows: list[tuple[str, str]]) -> None:
        self.rows = rows
        self.set_count(len(rows), cursor=0)

    def item_strip(self, index: int, row: int, width: int, base: Style) -> Strip:
        text, tail = self.rows[index]
        return visual_strip(fit_with_tail(text, tail, width, self.bidi_mode), width, base)


class PeopleWith(_Rows):
    """The people named in the same articles."""

    @dataclass(eq=False, repr=False)
    class Chosen(Message):
        """Enter on a person named with this one: open their page."""

        person: CoPerson

    def __init__(self, *, id: str | None = None) -> None:
        super().__init__(id=id)
        self.people: list[CoPerson] = []

    def set_people(self, people: list[CoPerson]) -> None:
        self.people = people
        self.set_rows([(p.canonical, f" ({p.articles})") for p in people])

    def selected(self) -> CoPerson | None:
        return self.people[self.cursor] if self.people else None

    def chosen(self, index: int) -> None:
        self.post_message(self.Chosen(self.people[index]))


class ArticleLinks(_Rows):
    """Quotes or articles: Enter opens the article in the reader."""

    @dataclass(eq=False, repr=False)
    class Chosen(Message):
        """Enter on a quote or an article."""

        article_id: int

    def __init__(self, *, id: str | None = None) -> None:
        super().__init__(id=id)
        self.ids: list[int] = []

    def set_quotes(self, quotes: list[Said]) -> None:
        self.ids = [q.article_id for q in quotes]
        self.set_rows(
            [(f"«{q.text}»", f" [{shown_date(q.published) or q.article_id}]") for q in quotes]
        )

    def set_articles(self, articles: list[ArticleRef]) -> None:
        self.ids = [a.id for a in articles]
        self.set_rows([(a.title, f"  {shown_date(a.published)}") for a in articles])

    def chosen(self, index: int) -> None:
        self.post_message(self.Chosen(self.ids[index]))


@dataclass(eq=False, repr=False)
class PageRead(Message):
    page: PersonPage | None


@dataclass(eq=False, repr=False)
class BothRead(Message):
    other: CoPerson
    articles: list[ArticleRef]


def shown_date(iso: str | None) -> str:
    """2024/01/21: slashes keep a date whole inside an Arabic line, where the bidi
    algorithm reverses hyphenated ones component by component (21-01-2024)."""
    return (iso or "").replace("-", "/")


def timeline_label(page: PersonPage) -> str:
    line = page.timeline
    if line.first is None:
        return ui("person.no_dates", undated=line.undated)
    unit = ui("person.weekly" if line.unit == "week" else "person.monthly")
    undated = ui("person.undated", undated=line.undated) if line.undated else ""
    span = f"{shown_date(line.first)} – {shown_date(line.last)}"
    return ui("person.timeline", unit=unit, span=span, undated=undated)


def facts_text(page: PersonPage) -> str:
    comma = ui("person.list_comma")
    lines = [ui("person.spellings", spellings=comma.join(f"{s} ({n})" for s, n in page.spellings))]
    if page.roles:
        roles = comma.join(f"{r} ({n})" for r, n in page.roles[:6])
        lines.append(ui("person.roles", roles=roles))
    return "\n".join(lines)


class PersonScreen(Screen[int | None]):
    BINDINGS: ClassVar[list[BindingType]] = PERSON_BINDINGS
    DEFAULT_CSS = """
    PersonScreen { layout: vertical; }
    PersonScreen #person-spark { height: 2; margin: 0 1; }
    PersonScreen #person-facts { height: 3; }
    PersonScreen #person-lists { height: 1fr; }
    PersonScreen #person-people-pane { width: 1fr; }
    PersonScreen #person-links { width: 2fr; }
    PersonScreen .pane { height: 1fr; }
    """

    bidi_mode: reactive[BidiMode] = reactive(BidiMode.APP, init=False)

    def __init__(self, db_path: Path, entity_id: int) -> None:
        super().__init__()
        self.db_path = db_path
        self.entity_id = entity_id
        self.page: PersonPage | None = None
        self.both: CoPerson | None = None

    def compose(self) -> ComposeResult:
        mode = PersonScreen.bidi_mode
        yield EngineLine("…", id="person-title", classes="pane-header").data_bind(mode)
        yield EngineLine("", id="person-range").data_bind(mode)
        yield Sparkline([], id="person-spark")
        yield EngineText("", id="person-facts").data_bind(mode)
        with Horizontal(id="person-lists"):
            with Vertical(id="person-people-pane", classes="pane"):
                yield EngineLine(ui("person.people"), classes="pane-header").data_bind(mode)
                yield PeopleWith(id="person-people").data_bind(mode)
            with Vertical(id="person-links"):
                with Vertical(classes="pane"):
                    yield EngineLine(
                        ui("person.quotes"), id="person-quotes-header", classes="pane-header"
                    ).data_bind(mode)
                    yield ArticleLinks(id="person-quotes").data_bind(mode)
                with Vertical(classes="pane"):
                    yield EngineLine(
                        "…",
                        id="person-articles-header",
                        classes="pane-header",
                    ).data_bind(mode)
                    yield ArticleLinks(id="person-articles").data_bind(mode)
        yield EngineLine(ui("person.keys"), id="person-status").data_bind(mode)

    def on_mount(self) -> None:
        if hasattr(self.app, "bidi_mode"):
            self.watch(self.app, "bidi_mode", self._follow_app)
        self.query_one(PeopleWith).focus()
        self._read(self.entity_id)

    def _follow_app(self, mode: BidiMode) -> None:
        self.bidi_mode = mode

    def _connection(self) -> sqlite3.Connection:
        return connect(self.db_path, readonly=True)

    @work(thread=True, exclusive=True, group="person", exit_on_error=False)
    def _read(self, entity_id: int) -> None:
        from reader.store.person_page import person_page as read_person_page

        conn = self._connection()
        try:
            page = read_person_page(conn, entity_id)
        finally:
            conn.close()
        if not get_current_worker().is_cancelled:
            self.post_message(PageRead(page))

    @on(PageRead)
    def _show(self, message: PageRead) -> None:
        page = self.page = message.page
        title = self.query_one("#person-title", EngineLine)
        if page is None:
            title.update(ui("person.gone"))
            return
        count = page.article_count
        name = page.canonical
        title.update(
            ui("person.title_one", name=name)
            if count == 1
            else ui("person.title", name=name, count=count)
        )
        self.query_one("#person-range", EngineLine).update(timeline_label(page))
        self.query_one(Sparkline).data = [float(n) for _, n in page.timeline.periods]
        self.query_one("#person-facts", EngineText).update(facts_text(page))
        self.query_one(PeopleWith).set_people(list(page.people))
        self.query_one("#person-quotes", ArticleLinks).set_quotes(list(page.quotes))
        self._show_articles(list(page.articles), None)

    def _show_articles(self, articles: list[ArticleRef], other: CoPerson | None) -> None:
        self.both = other
        count = len(articles)
        header = (
            ui("person.articles", count=count)
            if other is None
            else ui("person.articles_with", name=other.canonical, count=count)
        )
        self.query_one("#person-articles-header", EngineLine).update(header)
        self.query_one("#person-articles", ArticleLinks).set_articles(articles)

    @on(PeopleWith.Chosen)
    def _open_other(self, message: PeopleWith.Chosen) -> None:
        self.app.push_screen(PersonScreen(self.db_path, message.person.id), self._came_back)

    def _came_back(self, article_id: int | None) -> None:
        if article_id is not None:
            self.dismiss(article_id)

    @on(ArticleLinks.Chosen)
    def _open_article(self, message: ArticleLinks.Chosen) -> None:
        self.dismiss(message.article_id)

    def action_back(self) -> None:
        self.dismiss(None)

    def action_both(self) -> None:
        """The articles naming both this person and the one under the cursor; again: all."""
        other = self.query_one(PeopleWith).selected()
        if self.page is None or other is None:
            return
        if self.both is not None and self.both.id == other.id:
            self._show_articles(list(self.page.articles), None)
            return
        self._read_both(self.page.id, other)

    @work(thread=True, exclusive=True, group="person-both", exit_on_error=False)
    def _read_both(self, entity_id: int, other: CoPerson) -> None:
        from reader.store.person_page import articles_with_both

        conn = self._connection()
        try:
            found = articles_with_both(conn, entity_id, other.id)
        finally:
            conn.close()
        if not get_current_worker().is_cancelled:
            self.post_message(BothRead(other, found))

    @on(BothRead)
    def _both_read(self, message: BothRead) -> None:
        self._show_articles(message.articles, message.other)
