"""The khabar reader: articles | body | entities | people, keyboard first.

Every SQLite call runs in a thread worker and hands its result back with
`call_from_thread`; the UI thread only lays out and paints. Errors from the
database become a message in the body pane, never a traceback.
"""

from __future__ import annotations

import asyncio
import gc
import sqlite3
from collections.abc import Callable
from dataclasses import replace
from pathlib import Path
from typing import Any, ClassVar, TypeVar

from textual.app import App, ComposeResult
from textual.binding import Binding, BindingType
from textual.containers import Horizontal, Vertical
from textual.keys import format_key
from textual.reactive import reactive
from textual.widget import Widget
from textual.worker import get_current_worker

from reader.paths import styles_dir
from reader.render.engine import BidiMode, render_text
from reader.render.modes import next_mode
from reader.store.browse import Article, ArticleFilter, Browser, find_hits
from reader.store.schema import SchemaTooNew
from reader.tui.keymap import binding_groups
from reader.tui.keys import APP_BINDINGS
from reader.tui.screens.help import HelpScreen, key_table
from reader.tui.strips import fit_line, visual_text
from reader.tui.terminal_bidi import tell_app_terminal
from reader.tui.theme_colors import khabar_colours
from reader.tui.themes import ALIASES
from reader.tui.widgets.article_list import ArticleList
from reader.tui.widgets.block_cache import BLOCK
from reader.tui.widgets.body_view import BodyView
from reader.tui.widgets.engine_text import EngineLine, EngineText
from reader.tui.widgets.entities_pane import EntitiesList
from reader.tui.widgets.line_list import LineList
from reader.tui.widgets.people_pane import PeopleList
from reader.tui.widgets.query_line import QueryLine

T = TypeVar("T")
Loaded = tuple[Article, list[Any], list[Any]]  # an article, its mentions, its entity counts
PANES = ("articles", "body", "entities", "people")
NARROW_BELOW = 110
KEY_NAMES = {"pgup": "PgUp", "pgdn": "PgDn", "esc": "Esc", "⏎": "Enter", "⌫": "Backspace"}
LAST_ARTICLE = "last_article"
PREFETCH = (1, -1, 2)  # neighbours of the cursor read ahead, nearest first
PREFETCH_KEEP = 8
EMPTY_CORPUS = (
    "The database has no articles yet.\nAdd some with: khabar ingest PATH…  then press r."
)


def describe_db_error(error: BaseException, path: Path) -> str:
    text = str(error)
    if isinstance(error, sqlite3.OperationalError) and "locked" in text:
        return f"The database {path} is locked (an ingest is writing?). Press r to retry."
    if isinstance(error, SchemaTooNew):
        return text
    return f"Cannot read the database {path}: {text}. Press r to retry."


class KhabarApp(App[None]):
    TITLE = "khabar"
    CSS_PATH = str(styles_dir() / "khabar.tcss")
    BINDINGS: ClassVar[list[BindingType]] = APP_BINDINGS
    ENABLE_COMMAND_PALETTE = False

    bidi_mode: reactive[BidiMode] = reactive(BidiMode.APP, init=False)

    def run(self, *args: Any, **kwargs: Any) -> None:
        """Run for real: modules, tables and classes loaded so far live as long as the
        process, so they move out of the collector's generations and start-up's full
        collections no longer walk them. Done here, not per app, so tests that build many
        apps keep collecting normally. The return value passes through: Textual's snapshot
        harness reads `exit(result)` from it."""
        gc.freeze()
        return super().run(*args, **kwargs)

    def __init__(
        self,
        db_path: Path,
        *,
        bidi: BidiMode = BidiMode.APP,
        theme: str | None = None,
        keymap: dict[str, str] | None = None,
        notices: tuple[str, ...] = (),
    ) -> None:
        super().__init__()
        self.db_path = db_path
        self.browser: Browser | None = None
        self.filter = ArticleFilter()
        self.filter_names: dict[int, str] = {}
        self.current: Article | None = None
        self.people_narrow = ""
        self.user_keymap = dict(keymap or {})
        self.notices = notices
        self.error: str | None = None
        self.mention_steps: dict[int, int] = {}
        self.jumped_to: int | None = None
        # Articles near the cursor, read ahead in a worker (their layout warmed in the
        # engine's cache too), so `j` shows the next one without a round trip to SQLite.
        self.prefetched: dict[int, Loaded] = {}
        self.opening: int | None = None
        self.set_reactive(KhabarApp.bidi_mode, bidi)
        if theme:
            self.theme = ALIASES.get(theme, theme)

    def get_css_variables(self) -> dict[str, str]:
        """The theme's variables plus khabar's entity and hit colours worked out from it."""
        variables = super().get_css_variables()
        return {**variables, **khabar_colours(variables)}

    # layout -----------------------------------------------------------------

    def compose(self) -> ComposeResult:
        # Before the panes mount, so they are styled once, not again at the first resize.
        self._set_narrow()
        with Horizontal(id="panes"):
            with Vertical(id="articles-pane", classes="pane"):
                yield EngineLine(id="articles-header", classes="pane-header")
                yield ArticleList(id="articles")
            with Vertical(id="body-pane", classes="pane"):
                yield BodyView(id="body")
            with Vertical(id="side"):
                with Vertical(id="entities-pane", classes="pane"):
                    yield EngineLine("كيانات المقال", id="entities-header", classes="pane-header")
                    yield EntitiesList(id="entities")
                with Vertical(id="people-pane", classes="pane"):
                    yield EngineLine("الأشخاص", id="people-header", classes="pane-header")
                    yield EngineLine("", id="people-narrow")
                    yield PeopleList(id="people")
                    yield EngineText(id="variants")
        yield QueryLine("/ ", id="search")
        yield EngineLine(id="status")

    def on_mount(self) -> None:
        if self.user_keymap:
            self.set_keymap(self.user_keymap)
        articles = self.query_one(ArticleList)
        people = self.query_one(PeopleList)
        articles.on_error = self.report_error
        people.on_error = self.report_error
        people.on_type = self._narrow_people_key
        self.query_one("#search", QueryLine).display = False
        self.app_suspend_signal.subscribe(self, self._on_suspend)
        self.app_resume_signal.subscribe(self, self._on_resume)
        tell_app_terminal(self, self.bidi_mode)
        self._apply_size()
        articles.focus()
        for notice in self.notices:
            self.notify(notice, severity="warning", markup=False)
        self.query_one(BodyView).show_message("…")
        self._start()

    def _on_suspend(self, _: object) -> None:
        tell_app_terminal(self, BidiMode.TERMINAL)

    def _on_resume(self, _: object) -> None:
        tell_app_terminal(self, self.bidi_mode)

    def on_resize(self) -> None:
        self._apply_size()

    def _apply_size(self) -> None:
        self._set_narrow()
        self._show_side_for(self.focused)

    def _set_narrow(self) -> None:
        self.screen.set_class(self.size.width < NARROW_BELOW, "-narrow")

    def _show_side_for(self, widget: Widget | None) -> None:
        side = self.query_one("#side")
        on_side = widget is not None and side in widget.ancestors_with_self
        self.screen.set_class(on_side, "-side")

    def on_descendant_focus(self) -> None:
        self._show_side_for(self.focused)
        self._update_status()

    # workers ----------------------------------------------------------------

    def db(
        self,
        job: Callable[[Browser], T],
        done: Callable[[T], None],
        *,
        group: str,
        exclusive: bool = True,
    ) -> None:
        """Run `job` on the shared connection in a thread; `done` gets the result on the UI."""

        def work() -> None:
            browser = self.browser
            if browser is None:
                return
            try:
                result = job(browser)
            except sqlite3.Error as error:
                self.call_from_thread(self.report_error, error)
                return
            if not get_current_worker().is_cancelled:
                self.call_from_thread(done, result)

        self.run_worker(work, thread=True, group=group, exclusive=exclusive, exit_on_error=False)

    def report_error(self, error: BaseException) -> None:
        self.error = describe_db_error(error, self.db_path)
        self.query_one(BodyView).show_message(self.error)
        self._update_status()

    def _start(self) -> None:
        flt = self.filter

        def work() -> None:
            try:
                if self.browser is None:
                    self.browser = Browser(self.db_path)
                browser = self.browser
                count = browser.count_articles(flt)
                last = browser.get_app_state(LAST_ARTICLE)
                position = browser.position_of(flt, int(last)) if last and last.isdigit() else None
                cursor = position or 0
                first = browser.articles_at(flt, cursor // BLOCK * BLOCK, BLOCK)
                people_count = browser.count_people(self.people_narrow)
                people = browser.people(self.people_narrow, 0, 100)
                # What the first screen shows, read here too, so it is drawn in one frame
                # rather than one more worker round trip and layout each.
                opened = cursor % BLOCK < len(first) and _load(browser, first[cursor % BLOCK].id)
                variants = browser.variants(people[0].id) if people else []
            except (sqlite3.Error, OSError, SchemaTooNew) as error:
                self.call_from_thread(self.report_error, error)
                return
            self.call_from_thread(
                self._started, count, cursor, first, people_count, people, opened, variants
            )

        self.run_worker(work, thread=True, group="start", exclusive=True, exit_on_error=False)

    def _started(
        self,
        count: int,
        cursor: int,
        first: list[Any],
        people_count: int,
        people: list[Any],
        opened: Loaded | None,
        variants: list[tuple[str, int]],
    ) -> None:
        assert self.browser is not None
        self.error = None
        if opened:
            self.prefetched[opened[0].id] = opened
        with self.batch_update():
            self.query_one(ArticleList).reset(self.browser, self.filter, count, cursor, first)
            self.query_one(PeopleList).reset(self.browser, self.people_narrow, people_count, people)
            self._show_variants(variants)
            if count == 0 and not self.filter.active:
                self.query_one(BodyView).show_message(EMPTY_CORPUS)
            self._open_at_cursor()
            self._update_header()

    # articles ---------------------------------------------------------------

    def _open_at_cursor(self) -> None:
        articles = self.query_one(ArticleList)
        if articles.count == 0:
            if self.filter.active:
                self.query_one(BodyView).show_message("No article matches the filter. Esc clears.")
            self.current = None
            self.query_one(EntitiesList).set_entities([])
            return
        row = articles.row(articles.cursor)
        if row is not None:
            self.open_article(row.id)
            return
        flt, cursor = self.filter, articles.cursor
        self.db(
            lambda b: b.articles_at(flt, cursor, 1),
            lambda rows: self.open_article(rows[0].id) if rows else None,
            group="open",
        )

    def open_article(self, article_id: int) -> None:
        self._save_position()
        self.opening = article_id
        loaded = self.prefetched.get(article_id)
        if loaded is not None:
            self._show_article(loaded)
        else:
            self.db(
                lambda b: _load(b, article_id),
                # A read-ahead article shown since must not be replaced by this late one.
                lambda found: self._show_article(found) if self.opening == article_id else None,
                group="open",
            )
        self.db(
            lambda b: _mark_opened(b, article_id),
            lambda _: None,
            group="state",
            exclusive=False,
        )

    def _show_article(self, loaded: Loaded | None) -> None:
        body = self.query_one(BodyView)
        self.mention_steps = {}
        if loaded is None:
            self.current = None
            body.show_message("This article is gone. Press r to refresh.")
            return
        article, mentions, entities = loaded
        article = replace(article, read=True)
        self.current = article
        query = self.filter.query
        hits = find_hits(article.body, query) if query.strip() else []
        body.show(article, mentions, hits, offset=article.scroll)
        self.query_one(EntitiesList).set_entities(entities)
        articles = self.query_one(ArticleList)
        row = articles.row(articles.cursor)
        if row is not None and row.id == article.id:
            articles.update_row(replace(row, read=True))
        self._update_status()
        # After the frame: the read-ahead's layout work would share the GIL with the paint.
        self.call_after_refresh(self._prefetch_neighbours)

    def _prefetch_neighbours(self) -> None:
        articles = self.query_one(ArticleList)
        ids = [
            row.id
            for step in PREFETCH
            if 0 <= articles.cursor + step < articles.count
            and (row := articles.row(articles.cursor + step)) is not None
        ]
        wanted = [i for i in ids if i not in self.prefetched]
        if not wanted:
            return
        width = self.query_one(BodyView).scrollable_content_region.width
        names_width = self.query_one(EntitiesList).scrollable_content_region.width
        mode = self.bidi_mode

        def job(browser: Browser) -> list[Loaded]:
            found: list[Loaded] = []
            for article_id in wanted:
                loaded = _load(browser, article_id)
                if loaded is not None:
                    for text in (loaded[0].title, loaded[0].body):
                        render_text(text, width, mode)
                    for entity in loaded[2] if names_width > 0 else ():
                        fit_line(f"{entity.canonical} ({entity.mentions})", names_width, mode)
                    found.append(loaded)
            return found

        def done(found: list[Loaded]) -> None:
            keep = {i: self.prefetched[i] for i in ids if i in self.prefetched}
            keep.update((loaded[0].id, loaded) for loaded in found)
            self.prefetched = dict(list(keep.items())[-PREFETCH_KEEP:])

        self.db(job, done, group="prefetch")

    def _save_position(self) -> None:
        if self.current is None or self.browser is None:
            return
        article_id, offset = self.current.id, self.query_one(BodyView).top_offset()
        self._remember(replace(self.current, scroll=offset))
        self.db(
            lambda b: b.set_state(article_id, scroll=offset),
            lambda _: None,
            group="save",
            exclusive=False,
        )

    def _remember(self, article: Article) -> None:
        """Keep a read-ahead copy in step with state changed since it was read."""
        loaded = self.prefetched.get(article.id)
        if loaded is not None:
            self.prefetched[article.id] = (article, loaded[1], loaded[2])

    def on_line_list_highlighted(self, message: LineList.Highlighted) -> None:
        if isinstance(message.widget, ArticleList):
            self._open_at_cursor()
        elif isinstance(message.widget, PeopleList):
            self._person_highlighted()

    def on_line_list_chosen(self, message: LineList.Chosen) -> None:
        widget = message.widget
        if isinstance(widget, ArticleList):
            self.query_one(BodyView).focus()
        elif isinstance(widget, EntitiesList):
            entity = widget.selected()
            if entity is not None:
                self._jump_to_mention(entity.id)
        elif isinstance(widget, PeopleList):
            person = widget.person(widget.cursor)
            if person is not None:
                self.toggle_entity(person.id, person.canonical)

    def _jump_to_mention(self, entity_id: int) -> None:
        """Each Enter on the same entity goes to its next mention, wrapping at the end."""
        body = self.query_one(BodyView)
        offsets = [m.start for m in body.mentions if m.entity_id == entity_id]
        if not offsets:
            return
        step = self.mention_steps.get(entity_id, -1) + 1
        self.mention_steps = {entity_id: step % len(offsets)}
        self.jumped_to = offsets[step % len(offsets)]
        body.scroll_to_offset(self.jumped_to)

    def on_entities_list_filter_by(self, message: EntitiesList.FilterBy) -> None:
        entity = message.entity
        if entity.id not in self.filter.entity_ids:
            self.toggle_entity(entity.id, entity.canonical)

    # filters ----------------------------------------------------------------

    def toggle_entity(self, entity_id: int, name: str) -> None:
        ids = set(self.filter.entity_ids)
        if entity_id in ids:
            ids.discard(entity_id)
            self.filter_names.pop(entity_id, None)
        else:
            ids.add(entity_id)
            self.filter_names[entity_id] = name
        self.set_filter(replace(self.filter, entity_ids=frozenset(ids)))

    def set_filter(self, flt: ArticleFilter) -> None:
        """Re-query the list, keeping the open article selected when it still matches."""
        self.filter = flt
        people = self.query_one(PeopleList)
        people.chosen = frozenset(flt.entity_ids)
        people.refresh()
        keep = self.current.id if self.current else None

        def job(browser: Browser) -> tuple[int, int | None, list[Any]]:
            count = browser.count_articles(flt)
            position = browser.position_of(flt, keep) if keep is not None else None
            first = browser.articles_at(flt, (position or 0) // BLOCK * BLOCK, BLOCK)
            return count, position, first

        self.db(job, lambda result: self._filtered(flt, *result), group="filter")

    def _filtered(
        self, flt: ArticleFilter, count: int, position: int | None, first: list[Any]
    ) -> None:
        if flt != self.filter or self.browser is None:
            return
        articles = self.query_one(ArticleList)
        articles.reset(self.browser, flt, count, position or 0, first)
        self._update_header()
        if position is None:
            self._open_at_cursor()
        elif self.current is not None:
            hits = find_hits(self.current.body, flt.query) if flt.query.strip() else []
            self.query_one(BodyView).set_hits(hits)

    def action_clear_filters(self) -> None:
        search = self.query_one("#search", QueryLine)
        if search.display:
            search.display = False
            self.query_one(ArticleList).focus()
            return
        self.filter_names.clear()
        self.set_filter(ArticleFilter())

    def action_bookmarks_only(self) -> None:
        self.set_filter(replace(self.filter, bookmarks_only=not self.filter.bookmarks_only))

    # people -----------------------------------------------------------------

    def _narrow_people_key(self, character: str | None) -> None:
        text = self.people_narrow + character if character else self.people_narrow[:-1]
        self.narrow_people(text)

    def narrow_people(self, text: str) -> None:
        self.people_narrow = text
        self.query_one("#people-narrow", EngineLine).update(f"⌕ {text}" if text else "")

        def job(browser: Browser) -> tuple[int, list[Any]]:
            return browser.count_people(text), browser.people(text, 0, 100)

        def done(result: tuple[int, list[Any]]) -> None:
            if text == self.people_narrow and self.browser is not None:
                self.query_one(PeopleList).reset(self.browser, text, *result)
                self._person_highlighted()

        self.db(job, done, group="people")

    def _person_highlighted(self) -> None:
        people = self.query_one(PeopleList)
        person = people.person(people.cursor) if people.count else None
        if person is None:
            self._show_variants([])
            return
        self.db(lambda b: b.variants(person.id), self._show_variants, group="variants")

    def _show_variants(self, found: list[tuple[str, int]]) -> None:
        self.query_one("#variants", EngineText).update("\n".join(f"{s} ({n})" for s, n in found))

    def on_key(self, event: Any) -> None:
        if (
            event.key == "escape"
            and self.focused is self.query_one(PeopleList)
            and self.people_narrow
        ):
            self.narrow_people("")
            event.stop()
            event.prevent_default()

    # search -----------------------------------------------------------------

    def action_search(self) -> None:
        search = self.query_one("#search", QueryLine)
        search.display = True
        search.focus()

    def on_query_line_submitted(self, message: QueryLine.Submitted) -> None:
        message.query_line.display = False
        self.query_one(ArticleList).focus()
        self.set_filter(replace(self.filter, query=message.value))

    def on_query_line_cancelled(self, message: QueryLine.Cancelled) -> None:
        message.query_line.display = False
        self.query_one(ArticleList).focus()

    def action_hit(self, step: int) -> None:
        if not self.query_one(BodyView).step_hit(step):
            self.notify("No search hits in this article", markup=False)

    # reading state ----------------------------------------------------------

    def _change_state(self, *, read: bool | None = None, bookmarked: bool | None = None) -> None:
        article = self.current
        if article is None:
            return
        self.current = replace(
            article,
            read=article.read if read is None else read,
            bookmarked=article.bookmarked if bookmarked is None else bookmarked,
        )
        self._remember(self.current)
        articles = self.query_one(ArticleList)
        row = articles.row(articles.cursor)
        if row is not None and row.id == article.id:
            articles.update_row(
                replace(row, read=self.current.read, bookmarked=self.current.bookmarked)
            )
        self.db(
            lambda b: b.set_state(article.id, read=read, bookmarked=bookmarked),
            lambda _: self._update_status(),
            group="state",
            exclusive=False,
        )

    def action_toggle_read(self) -> None:
        if self.current is not None:
            self._change_state(read=not self.current.read)

    def action_toggle_bookmark(self) -> None:
        if self.current is not None:
            self._change_state(bookmarked=not self.current.bookmarked)

    # panes and modes --------------------------------------------------------

    def _pane_widget(self, name: str) -> Widget:
        return self.query_one(f"#{name}")

    def action_focus_pane(self, name: str) -> None:
        self._pane_widget(name).focus()

    def action_pane(self, step: int) -> None:
        names = [n for n in PANES]
        current = next(
            (
                n
                for n in names
                if self.focused is not None
                and self._pane_widget(n) in self.focused.ancestors_with_self
            ),
            "articles",
        )
        self.action_focus_pane(names[(names.index(current) + step) % len(names)])

    def action_page(self, step: int) -> None:
        body = self.query_one(BodyView)
        if step > 0:
            body.scroll_page_down(animate=False)
        else:
            body.scroll_page_up(animate=False)

    def action_cycle_bidi(self) -> None:
        self.bidi_mode = next_mode(self.bidi_mode)

    def watch_bidi_mode(self, mode: BidiMode) -> None:
        tell_app_terminal(self, mode)
        for widget in self.query("*"):
            if isinstance(widget, BodyView | EngineText):
                widget.relayout()
            widget.refresh()
        self._update_status()

    def action_refresh(self) -> None:
        self.prefetched = {}
        self._start()

    def action_help(self) -> None:
        self.push_screen(HelpScreen(self.help_text()))

    def help_text(self) -> str:
        bindings = [(group, b) for group, found in binding_groups() for b in found]
        display = {
            b.id: ", ".join(
                self.get_key_display(Binding(key.strip(), ""))
                for key in self.user_keymap.get(b.id, b.key).split(",")
            )
            for _, b in bindings
            if b.id
        }
        return key_table(bindings, display)

    def get_key_display(self, binding: Binding) -> str:
        """What the user presses, as written on keyboards: `?`, `/`, `Tab`, `Shift+Tab`, `PgUp`,
        where Textual's own display gives `tab`, `shift+tab`, `pgup`, `^q`."""
        if binding.key_display:
            return binding.key_display
        modifiers, key = binding.parse_key()
        name = format_key(key)
        name = KEY_NAMES.get(name, name.capitalize() if len(name) > 1 or modifiers else name)
        return "+".join([*(m.capitalize() for m in modifiers), name])

    async def action_quit(self) -> None:
        self._save_position()
        await asyncio.sleep(0)
        await self.workers.wait_for_complete()
        self.exit()

    # header and status ------------------------------------------------------

    def _filter_label(self) -> str:
        parts = [self.filter_names.get(i, str(i)) for i in sorted(self.filter.entity_ids)]
        if self.filter.query.strip():
            parts.append(f"/{self.filter.query.strip()}")
        if self.filter.bookmarks_only:
            parts.append("★")
        return " + ".join(parts)

    def _update_header(self) -> None:
        count = self.query_one(ArticleList).count
        label = self._filter_label()
        text = f"المقالات {count}" + (f" · {label}" if label else "")
        self.query_one("#articles-header", EngineLine).update(text)
        self._update_status()

    def _update_status(self) -> None:
        label = self._filter_label() or "none"
        hints = "? help  / search  Tab panes  m bidi  q quit"
        text = f"filter: {label} | bidi: {self.bidi_mode.value} | {hints}"
        self.query_one("#status", EngineLine).update(text)

    def visual(self, text: str) -> str:
        """The engine's form of a short text, for Textual widgets that take plain strings."""
        return visual_text(text, self.size.width, self.bidi_mode)


def _load(browser: Browser, article_id: int) -> Loaded | None:
    article = browser.article(article_id)
    if article is None:
        return None
    return article, browser.mentions(article_id), browser.article_entities(article_id)


def _mark_opened(browser: Browser, article_id: int) -> None:
    """Written after the article is on screen: nothing the reader sees waits for it."""
    browser.set_state(article_id, read=True)
    browser.set_app_state(LAST_ARTICLE, str(article_id))
