"""The reader: articles | body | entities | people, keyboard first.

The screen owns the panes, the filter and the store. Widgets post what the user
asks for (typed messages, handled here with `@on`); every store call is a thread
worker that posts its answer back as a message, so the UI thread only lays out
and paints: the screen's own calls as `@work` methods, the panes' as the
`StoreRequest`s it serves. A failed worker of any kind reaches one handler, which
puts the error in the body pane, never a traceback.
"""

from __future__ import annotations

import gc
from collections.abc import Callable
from dataclasses import replace
from pathlib import Path
from typing import ClassVar

from textual import on, work
from textual.app import ComposeResult
from textual.binding import BindingType
from textual.command import Provider
from textual.containers import Horizontal, Vertical
from textual.reactive import reactive
from textual.widget import Widget

from reader.render.engine import BidiMode
from reader.store.read.rows import ArticleFilter
from reader.tui import reading
from reader.tui.commands import PROVIDERS
from reader.tui.commands.feeds import fetch_due_feeds
from reader.tui.keys import READER_BINDINGS
from reader.tui.layout_choice import choose_mirrored, expected_mirrored
from reader.tui.screens.list_moves import ListMoves
from reader.tui.screens.results import FeedsFetched, FetchProgress, Started
from reader.tui.ui_text import ui
from reader.tui.widgets.article_list import ArticleList
from reader.tui.widgets.body_pane import BodyPane
from reader.tui.widgets.body_view import BodyView
from reader.tui.widgets.engine_text import EngineLine
from reader.tui.widgets.entities_pane import EntitiesList
from reader.tui.widgets.people_pane import PeopleList, PeoplePane
from reader.tui.widgets.query_line import QueryLine
from reader.views import View

PANES = ("articles", "body", "entities", "people")
NARROW_BELOW = 110
MIRRORED_PANES = "#articles-pane, #side"  # where the mirrored layout's class goes
READ_AHEAD = (1, -1, 2)  # neighbours of the cursor read ahead, nearest first


class ReaderScreen(ListMoves):
    BINDINGS: ClassVar[list[BindingType]] = READER_BINDINGS
    COMMANDS: ClassVar[set[type[Provider] | Callable[[], type[Provider]]]] = set(PROVIDERS)

    mirrored: reactive[bool] = reactive(False, init=False)
    """The mirrored layout: the list on the right, marks and counts at the rows' right."""
    freeze_when_shown = False
    """Set by a real run (`KhabarApp.freeze_collector`): after the first frame, the
    objects made so far (the panes, their strips and caches: some 70,000) leave the
    collector's generations too. A full collection walking them took 99-146 ms at load
    6-9 and landed in a j or a search now and then: the largest j of a session was
    64-238 ms (four of five sessions over 150), and 49-102 after the freeze
    (bench/scale.py's interact, 2026-12-02)."""

    def __init__(
        self,
        db_path: Path,
        views: tuple[View, ...] = (),
        *,
        max_width: int = 0,
        layout: str | None = None,
    ) -> None:
        super().__init__(db_path, views)
        self.max_width = max_width  # the body's longest row (0: the pane's width)
        self.layout_setting = layout  # "ltr" / "rtl", or None: the corpus decides at start

    # layout -----------------------------------------------------------------

    def compose(self) -> ComposeResult:
        # Before the panes mount, so they are styled once, not again at the first resize.
        self.set_class(self.app.size.width < NARROW_BELOW, "-narrow")
        self.set_reactive(ReaderScreen.mirrored, expected_mirrored(self.layout_setting))
        mode, mirror = ReaderScreen.bidi_mode, ReaderScreen.mirrored
        rtl = "-rtl" if self.mirrored else ""
        with Horizontal(id="panes"):
            with Vertical(id="articles-pane", classes=f"pane {rtl}"):
                yield EngineLine(id="articles-header", classes="pane-header").data_bind(mode)
                yield ArticleList(id="articles").data_bind(mode, mirror)
            yield BodyPane(id="body-pane", classes="pane").data_bind(mode)
            with Vertical(id="side", classes=rtl):
                with Vertical(id="entities-pane", classes="pane"):
                    yield EngineLine(
                        ui("pane.entities"), id="entities-header", classes="pane-header"
                    ).data_bind(mode)
                    yield EntitiesList(id="entities").data_bind(mode, mirror)
                yield PeoplePane(id="people-pane", classes="pane").data_bind(
                    mode, mirror, chosen_ids=ReaderScreen.chosen
                )
        yield QueryLine("/ ", id="search").data_bind(mode)
        yield EngineLine(id="status").data_bind(mode)

    def on_mount(self) -> None:
        self.watch(self.app, "bidi_mode", self._follow_app)
        self.query_one("#search", QueryLine).display = False
        self._apply_size()
        self.query_one(ArticleList).focus()
        self.query_one(BodyView).max_width = self.max_width
        self.query_one(BodyView).show_message("…")
        self._start(self.article_filter, self.query_one(PeoplePane).people_narrow)

    def _follow_app(self, mode: BidiMode) -> None:
        self.bidi_mode = mode

    def watch_bidi_mode(self) -> None:
        self._update_status()

    def watch_mirrored(self, mirrored: bool) -> None:
        """The class goes on the two panes that dock, not on the screen: a class on the
        screen restyles every widget in it, and this one moves only those two."""
        for pane in self.query(MIRRORED_PANES):
            pane.set_class(mirrored, "-rtl")

    def on_resize(self) -> None:
        self._apply_size()

    def _apply_size(self) -> None:
        self.set_class(self.app.size.width < NARROW_BELOW, "-narrow")
        self._show_side_for(self.focused)

    def _show_side_for(self, widget: Widget | None) -> None:
        side = self.query_one("#side")
        self.set_class(widget is not None and side in widget.ancestors_with_self, "-side")

    def on_descendant_focus(self) -> None:
        self._show_side_for(self.focused)
        self._update_status()

    # workers ----------------------------------------------------------------

    def show_store_error(self, text: str) -> None:
        self.query_one(BodyView).show_message(text)
        self._update_status()

    @work(thread=True, exclusive=True, group="start", exit_on_error=False)
    def _start(self, flt: ArticleFilter, narrow: str) -> None:
        self._reply(Started(*reading.read_start(self._open_store(), flt, narrow)))

    @on(Started)
    def _started(self, message: Started) -> None:
        if message.opened:
            self.query_one(BodyPane).hold(message.opened)
        if self.layout_setting is None:
            self.mirrored = choose_mirrored(None, (row.title for row in message.first))
        with self.app.batch_update():
            self.query_one(ArticleList).reset(
                self.article_filter, message.count, message.cursor, message.first
            )
            self.query_one(PeoplePane).show(message.people_count, message.people, message.variants)
            if message.count == 0 and not self.article_filter.active:
                self.query_one(BodyView).show_message(ui("body.empty"))
            self._open_at_cursor()
            self._update_header()
        self.call_after_refresh(self._first_frame)

    def _first_frame(self) -> None:
        if self.freeze_when_shown:
            self.freeze_when_shown = False
            gc.freeze()
        self._warm()

    @work(thread=True, exclusive=True, group="warm", exit_on_error=False)
    def _warm(self) -> None:
        """After the first frame, while the reader looks at it: what the first search would
        otherwise read first (reader/store/read/row_list.py's `ListIndex`)."""
        self._store.listing.warm()

    # articles ---------------------------------------------------------------

    @on(BodyPane.Shown)
    def _shown(self, message: BodyPane.Shown) -> None:
        self.query_one(EntitiesList).set_entities(message.entities)
        self._marked(message)
        # After the frame: the read-ahead's layout work would share the GIL with the paint.
        self.call_after_refresh(self._read_ahead)

    @on(BodyPane.Marked)
    def _marked(self, message: BodyPane.Marked | BodyPane.Shown) -> None:
        article = message.article
        self.query_one(ArticleList).mark(
            article.id, read=article.read, bookmarked=article.bookmarked
        )
        self._update_status()

    def _read_ahead(self) -> None:
        articles = self.query_one(ArticleList)
        ids = [
            reading.body_key(row, articles.filter)
            for step in READ_AHEAD
            if 0 <= articles.cursor + step < articles.count
            and (row := articles.row(articles.cursor + step)) is not None
        ]
        names = self.query_one(EntitiesList).scrollable_content_region.width
        self.query_one(BodyPane).read_ahead(ids, names)

    @on(EntitiesList.JumpToMention)
    def _jump_to_mention(self, message: EntitiesList.JumpToMention) -> None:
        self.query_one(BodyPane).jump_to_mention(message.entity.id)

    @on(EntitiesList.FilterBy)
    def _filter_by_entity(self, message: EntitiesList.FilterBy) -> None:
        self.filter_entity(message.entity.id, message.entity.canonical)

    # filters ----------------------------------------------------------------

    @on(PeopleList.Toggled)
    def _toggle_person(self, message: PeopleList.Toggled) -> None:
        self.toggle_entity(message.person.id, message.person.canonical)

    def action_clear_filters(self) -> None:
        search = self.query_one("#search", QueryLine)
        if search.display:
            search.display = False
            self.query_one(ArticleList).focus()
            return
        self.clear_filters()

    # person pages -----------------------------------------------------------

    def action_person_page(self) -> None:
        """The page of the person under the cursor of the people or entities pane. Its
        screen (with Textual's Sparkline and `statistics`) is loaded on the first `p`:
        the first paint never shows it."""
        from reader.tui.screens.person import PersonScreen, person_under_cursor

        entity_id = person_under_cursor(self.focused)
        if entity_id is None:
            self.notify(ui("notice.no_person"), markup=False)
            return
        self.app.push_screen(PersonScreen(self.db_path, entity_id), self._back_from_person)

    def _back_from_person(self, article_id: int | None) -> None:
        """A quote or an article chosen on a person's page: open it here."""
        if article_id is not None:
            self.query_one(BodyPane).open(article_id, self.article_filter.query)
            self.query_one(BodyView).focus()

    # search -----------------------------------------------------------------

    def action_search(self) -> None:
        search = self.query_one("#search", QueryLine)
        search.start()
        search.display = True
        search.focus()

    @on(QueryLine.Submitted)
    def _search(self, message: QueryLine.Submitted) -> None:
        message.query_line.display = False
        self.query_one(ArticleList).focus()
        self.set_filter(replace(self.article_filter, query=message.value))

    @on(QueryLine.Cancelled)
    def _search_cancelled(self, message: QueryLine.Cancelled) -> None:
        message.query_line.display = False
        self.query_one(ArticleList).focus()

    # panes ------------------------------------------------------------------

    def action_focus_pane(self, name: str) -> None:
        self.query_one(f"#{name}").focus()

    def action_pane(self, step: int) -> None:
        focused = self.focused
        current = next(
            (
                n
                for n in PANES
                if focused is not None and self.query_one(f"#{n}") in focused.ancestors_with_self
            ),
            "articles",
        )
        self.action_focus_pane(PANES[(PANES.index(current) + step) % len(PANES)])

    def action_page(self, step: int) -> None:
        body = self.query_one(BodyView)
        if step > 0:
            body.scroll_page_down(animate=False)
        else:
            body.scroll_page_up(animate=False)

    def action_refresh(self) -> None:
        self.query_one(BodyPane).forget()
        self._start(self.article_filter, self.query_one(PeoplePane).people_narrow)

    # feeds ------------------------------------------------------------------

    def action_fetch_feeds(self) -> None:
        """`R`: the due feeds, fetched in a worker while the reading goes on."""
        if self.fetching:
            self.notify(ui("notice.already_fetching"), markup=False)
            return
        self.fetching = ui("status.fetching")
        self._update_status()
        self._fetch_feeds()

    @work(thread=True, exclusive=True, group="fetch", exit_on_error=False)
    def _fetch_feeds(self) -> None:
        fetch_due_feeds(self.db_path, self.post_message)

    @on(FetchProgress)
    def _fetch_progress(self, message: FetchProgress) -> None:
        self.fetching = ui(
            "status.fetch_progress", done=message.done, total=message.total, added=message.added
        )
        self._update_status()

    @on(FeedsFetched)
    def _feeds_fetched(self, message: FeedsFetched) -> None:
        self.fetching = ""
        self.notify(message.summary, markup=False)
        self._update_status()
        if message.added:
            articles = self.query_one(ArticleList)
            row = articles.row(articles.cursor)
            keep = self.current.id if self.current else (row.id if row else None)
            self._filter(self.article_filter, keep)
            self._warm()  # the list index is out of date: read it again while idle
