"""Moves through the article list by what the articles hold rather than by rows: `n`/`N`
from search hit to search hit, going on into the next or previous matching article past
the last or first hit, and `]`/`[` to the next or previous unread article.

All of them move the list's cursor, so the article opens the way `j`/`k` open it.
"""

from __future__ import annotations

from textual import on, work

from reader.store.read.rows import ArticleFilter, ListKey
from reader.tui.screens.reading_marks import ReadingMarks
from reader.tui.screens.results import UnreadAt
from reader.tui.ui_text import ui
from reader.tui.widgets.article_list import ArticleList
from reader.tui.widgets.body_pane import BodyPane
from reader.tui.widgets.body_view import BodyView


class ListMoves(ReadingMarks):
    def status_position(self) -> str:
        return search_position(self.query_one(ArticleList), self.query_one(BodyView))

    def action_hit(self, step: int) -> None:
        """The next (previous) hit; past the last (first) one, the first hit of the next
        matching article (the last of the previous one). The list holds only matching
        articles while a search is on, so the next article is the next row."""
        articles = self.query_one(ArticleList)
        if not articles.filter.query.strip():
            self.notify(ui("notice.no_hits"), markup=False)
            return
        if self.query_one(BodyPane).step_hit(step):
            return
        target = articles.cursor + step
        if not 0 <= target < articles.count:
            self.notify(ui("notice.last_match" if step > 0 else "notice.first_match"), markup=False)
            return
        self.query_one(BodyPane).land_on_hit = 0 if step > 0 else -1
        articles.move_to(target, step=step)

    def action_unread(self, step: int) -> None:
        articles = self.query_one(ArticleList)
        row = articles.row(articles.cursor) if articles.count else None
        self._find_unread(articles.filter, row.key if row else None, step)

    @work(thread=True, exclusive=True, group="unread", exit_on_error=False)
    def _find_unread(self, flt: ArticleFilter, key: ListKey | None, step: int) -> None:
        self._reply(UnreadAt(self._store.listing.unread_beside(flt, key, step), step))

    @on(UnreadAt)
    def _unread_at(self, message: UnreadAt) -> None:
        if message.position is None:
            key = "notice.no_unread_below" if message.step > 0 else "notice.no_unread_above"
            self.notify(ui(key), markup=False)
            return
        self.query_one(ArticleList).move_to(message.position, step=message.step)


def search_position(articles: ArticleList, body: BodyView) -> str:
    """Where n/N are, for the status line: "hit 2 of 4 · article 3 of 17" ("" without a
    search). Before n is pressed it counts the hits; an article may match in its title
    only."""
    if not articles.filter.query.strip() or not articles.count:
        return ""
    hits = len(body.hits)
    if body.current_hit >= 0:
        hit = ui("status.hit", hit=body.current_hit + 1, hits=hits)
    elif hits:
        hit = ui("status.one_hit") if hits == 1 else ui("status.hits", hits=hits)
    else:
        hit = ui("status.no_body_hit")
    return ui("status.article", hit=hit, article=articles.cursor + 1, articles=articles.count)
