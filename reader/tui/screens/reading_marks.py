"""The reading marks, acted on from the list: read/unread and bookmarks under the cursor,
and every article of the (filtered) list read at once.

`u` and `b` act on the row under the list's cursor when the key is pressed, which need
not be the open article yet, and show in the list at once; the writes are the body
pane's. Mark all read asks first, shows at once, and writes in a worker.
"""

from __future__ import annotations

from textual import on, work

from reader.store.read.rows import ArticleFilter
from reader.tui import reading
from reader.tui.screens.article_actions import ArticleActions
from reader.tui.screens.prompt import Confirm
from reader.tui.screens.results import MarkedRead
from reader.tui.ui_text import ui
from reader.tui.widgets.article_list import ArticleList
from reader.tui.widgets.body_pane import BodyPane


class ReadingMarks(ArticleActions):
    def action_toggle_read(self) -> None:
        self._toggle_under_cursor(read=True)

    def action_toggle_bookmark(self) -> None:
        self._toggle_under_cursor(bookmarked=True)

    def _toggle_under_cursor(self, *, read: bool = False, bookmarked: bool = False) -> None:
        """`u`/`b` act on the row under the cursor when the key is pressed, which may not
        be open yet when keys come quickly; the mark shows in the list at once."""
        articles, pane = self.query_one(ArticleList), self.query_one(BodyPane)
        row = articles.row(articles.cursor)
        if row is None:
            return
        if pane.current is not None and pane.current.id == row.id:
            if read:
                pane.toggle_read()
            if bookmarked:
                pane.toggle_bookmark()
            return
        new_read = row.read != read
        new_bookmark = row.bookmarked != bookmarked
        articles.mark(row.id, read=new_read, bookmarked=new_bookmark)
        story = reading.body_key(row, articles.filter) < 0
        pane.mark_other(row.id, read=new_read, bookmarked=new_bookmark, story=story)

    def action_mark_all_read(self) -> None:
        count = self.query_one(ArticleList).count
        if not count:
            self.notify(ui("notice.nothing_to_mark"), markup=False)
            return
        question = ui("ask.mark_one") if count == 1 else ui("ask.mark_all", count=count)
        self.app.push_screen(Confirm(question), self._mark_all_read)

    def _mark_all_read(self, yes: bool | None) -> None:
        if not yes:
            return
        articles = self.query_one(ArticleList)
        articles.mark_all_read()
        self.query_one(BodyPane).all_read()
        self._write_all_read(articles.filter)

    @work(thread=True, group="state", exit_on_error=False)
    def _write_all_read(self, flt: ArticleFilter) -> None:
        ids = self._store.listing.article_ids(flt)
        self._store.state.mark_read(ids)
        self._reply(MarkedRead(len(ids)))

    @on(MarkedRead)
    def _marked_read(self, message: MarkedRead) -> None:
        key = "notice.marked_one" if message.count == 1 else "notice.marked_all"
        self.notify(ui(key, count=message.count), markup=False)
