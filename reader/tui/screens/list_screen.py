"""The reader's article list: what it shows (the filter, a story expanded), its header and
status line, and opening the row under the cursor.

`ReaderScreen` builds on it; the filter is one `ArticleFilter`, changed by the panes'
messages, the keys and the palette (reader/tui/commands/filters.py), and re-read in
a worker. Each part of the filter can be cleared alone; Esc clears them all, or
first folds an expanded story back into its row.
"""

from __future__ import annotations

from dataclasses import replace
from pathlib import Path
from typing import NamedTuple

from textual import on, work
from textual.reactive import reactive, var

from reader.render.engine import BidiMode
from reader.store.read.rows import ArticleFilter, ListedArticle
from reader.tui import reading
from reader.tui.reading import body_key
from reader.tui.screens.results import Filtered, RowAtCursor, ViewFound
from reader.tui.screens.store_screen import StoreScreen
from reader.tui.ui_text import ui
from reader.tui.widgets.article_list import ArticleList
from reader.tui.widgets.body_pane import BodyPane
from reader.tui.widgets.body_view import BodyView
from reader.tui.widgets.engine_text import EngineLine
from reader.tui.widgets.entities_pane import EntitiesList
from reader.views import View


class Expanded(NamedTuple):
    """A story opened into its articles, and the list to fold back to."""

    row: ListedArticle
    before: ArticleFilter


class ListScreen(StoreScreen):
    bidi_mode: reactive[BidiMode] = reactive(BidiMode.APP, init=False)
    """Follows the app's mode; bound into every pane."""
    article_filter: var[ArticleFilter] = var(ArticleFilter())
    """What the article list shows."""
    chosen: var[frozenset[int]] = var(frozenset())
    """The entities in the filter (persons are ticked in the people pane)."""

    def __init__(self, db_path: Path, views: tuple[View, ...] = ()) -> None:
        super().__init__(db_path)
        self.views = views  # the config's saved views, for the palette
        self.filter_names: dict[int, str] = {}
        self.feed_label = ""  # the feed or #tag the list is narrowed to
        self.view_label = ""  # the saved view the filter came from, until it is changed
        self.expanded: Expanded | None = None
        self.fetching = ""  # what an `R` fetch is doing, for the status line

    # the row under the cursor ---------------------------------------------

    @on(ArticleList.Opened)
    def _open_at_cursor(self) -> None:
        articles = self.query_one(ArticleList)
        if articles.count == 0:
            active = self.article_filter.active
            self.query_one(BodyPane).close(ui("body.no_match") if active else None)
            self.query_one(EntitiesList).set_entities([])
            return
        row = articles.row(articles.cursor)
        if row is not None:
            self.query_one(BodyPane).open(body_key(row, articles.filter), self.article_filter.query)
        else:
            self._find_at_cursor(self.article_filter, articles.cursor)

    @work(thread=True, exclusive=True, group="open", exit_on_error=False)
    def _find_at_cursor(self, flt: ArticleFilter, cursor: int) -> None:
        rows = self._store.listing.articles_at(flt, cursor, 1)
        self._reply(RowAtCursor(body_key(rows[0], flt) if rows else None))

    @on(RowAtCursor)
    def _row_at_cursor(self, message: RowAtCursor) -> None:
        if message.article_id is not None:
            self.query_one(BodyPane).open(message.article_id, self.article_filter.query)

    @on(ArticleList.Entered)
    def _enter_article(self) -> None:
        """Enter on a story's row opens the story into its articles; on an article, reads it."""
        articles = self.query_one(ArticleList)
        row = articles.row(articles.cursor)
        if row is not None and row.story is not None and body_key(row, articles.filter) < 0:
            self.expanded = Expanded(row, self.article_filter)
            self.set_filter(ArticleFilter(story=row.story), keep=row.id)
            return
        self.query_one(BodyView).focus()

    # the filter -------------------------------------------------------------

    def toggle_entity(self, entity_id: int, name: str) -> None:
        ids = set(self.article_filter.entity_ids)
        if entity_id in ids:
            ids.discard(entity_id)
            self.filter_names.pop(entity_id, None)
        else:
            ids.add(entity_id)
            self.filter_names[entity_id] = name
        self.set_filter(replace(self.article_filter, entity_ids=frozenset(ids)))

    def set_filter(self, flt: ArticleFilter, *, keep: int | None = None) -> None:
        """Re-query the list, keeping `keep` (else the open article) selected when it still
        matches. Leaving an expanded story for another filter forgets the story."""
        if self.expanded is not None and flt.story is None:
            self.expanded = None
        if flt.story is None and self.view_label and self.article_filter != flt:
            self.view_label = ""
        self.article_filter = flt
        self.chosen = frozenset(flt.entity_ids)
        current = self.query_one(BodyPane).current
        if keep is None and current is not None:
            keep = current.id
        self._filter(flt, keep)

    @work(thread=True, exclusive=True, group="filter", exit_on_error=False)
    def _filter(self, flt: ArticleFilter, keep: int | None) -> None:
        count, position, first = reading.list_page(self._store, flt, keep)
        self._reply(Filtered(flt, count, position, first))

    @on(Filtered)
    def _filtered(self, message: Filtered) -> None:
        flt = message.filter
        if flt != self.article_filter:
            return
        articles = self.query_one(ArticleList)
        articles.reset(flt, message.count, message.position or 0, message.first)
        self._update_header()
        row = articles.row(articles.cursor) if message.position is not None else None
        # The same article may now be a story's row, or a story's row one of its articles.
        if row is None or body_key(row, flt) != self.query_one(BodyPane).key:
            self._open_at_cursor()
        else:
            self.query_one(BodyPane).set_query(flt.query)
            self._update_status()  # the open article's hits for the new search

    def clear_filters(self) -> None:
        """Esc: fold an expanded story back into its row, else clear the whole filter."""
        if self.expanded is not None:
            expanded, self.expanded = self.expanded, None
            self.set_filter(expanded.before, keep=expanded.row.id)
            return
        self.filter_names.clear()
        self.feed_label = ""
        self.set_filter(ArticleFilter())

    def clear_part(self, part: str) -> None:
        """Clear one part of the filter (a `reading.filter_parts` name), keeping the rest."""
        flt = self.article_filter
        if part.startswith("entity:"):
            entity_id = int(part.split(":", 1)[1])
            self.filter_names.pop(entity_id, None)
            flt = replace(flt, entity_ids=flt.entity_ids - {entity_id})
        elif part == "feed":
            self.feed_label = ""
            flt = replace(flt, feed_ids=frozenset())
        else:
            flt = replace(flt, **reading.CLEARED[part])
        self.set_filter(flt)

    def filter_feeds(self, feed_ids: frozenset[int], label: str) -> None:
        """Only the articles of these feeds (one feed, or a tag's), from the palette."""
        self.feed_label = label
        self.set_filter(replace(self.article_filter, feed_ids=feed_ids))

    def filter_entity(self, entity_id: int, name: str) -> None:
        """Add a person, place or organisation to the filter (the palette, `f`)."""
        if entity_id not in self.article_filter.entity_ids:
            self.toggle_entity(entity_id, name)

    def filter_sources(self, names: frozenset[str]) -> None:
        flt = self.article_filter
        self.set_filter(replace(flt, sources=flt.sources | names))

    def filter_dates(self, since: str | None, until: str | None) -> None:
        self.set_filter(replace(self.article_filter, since=since, until=until))

    def action_bookmarks_only(self) -> None:
        flt = self.article_filter
        self.set_filter(replace(flt, bookmarks_only=not flt.bookmarks_only))

    def action_unread_only(self) -> None:
        flt = self.article_filter
        self.set_filter(replace(flt, unread_only=not flt.unread_only))

    def apply_view(self, view: View) -> None:
        """A saved view from the config: its names are looked up in a worker first."""
        self._resolve_view(view)

    @work(thread=True, exclusive=True, group="view", exit_on_error=False)
    def _resolve_view(self, view: View) -> None:
        names: dict[int, str] = {}
        missing: list[str] = []
        for kind, name in view.entities:
            found = self._store.choices.find_entity(kind, name)
            if found is None:
                missing.append(name)
            else:
                names[found[0]] = found[1]
        self._reply(ViewFound(view, names, tuple(missing)))

    @on(ViewFound)
    def _view_found(self, message: ViewFound) -> None:
        view = message.view
        if message.missing:
            missing = "، ".join(message.missing)
            self.notify(
                ui("notice.view_missing", view=view.name, names=missing),
                severity="warning",
                markup=False,
            )
            return
        self.filter_names = dict(message.names)
        self.feed_label = ""
        flt = ArticleFilter(
            entity_ids=frozenset(message.names),
            bookmarks_only=view.bookmarks,
            query=view.search,
            sources=view.sources,
            since=view.since,
            until=view.until,
            unread_only=view.unread,
        )
        self.set_filter(flt)
        self.view_label = view.name

    # header and status ------------------------------------------------------

    def _filter_label(self) -> str:
        if self.expanded is not None:
            row = self.expanded.row
            return ui("list.story", title=row.title, sources=reading.sources_label(row.story_size))
        label = reading.filter_label(self.article_filter, self.filter_names, self.feed_label)
        return f"{self.view_label}: {label}" if self.view_label else label

    def _update_header(self) -> None:
        count = self.query_one(ArticleList).count
        label = self._filter_label()
        text = (
            ui("pane.articles_filtered", count=count, label=label)
            if label
            else ui("pane.articles", count=count)
        )
        self.query_one("#articles-header", EngineLine).update(text)
        self._update_status()

    def status_position(self) -> str:
        """Where the reader is in the list, for the status line ("": nothing to say)."""
        return ""

    @on(BodyPane.HitChosen)
    def _update_status(self) -> None:
        label = self._filter_label() or ui("status.no_filter")
        rest = self.fetching or self.status_position() or ui("status.hints")
        mode = ui(f"status.mode.{self.bidi_mode.value}")
        text = ui("status.line", label=label, mode=mode, rest=rest)
        self.query_one("#status", EngineLine).update(text)
