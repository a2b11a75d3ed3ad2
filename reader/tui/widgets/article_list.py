"""The article list: two rows per article, fetched from SQLite a block at a time.

Blocks are keyed from their neighbours (keyset pagination), so scrolling never
pays for an OFFSET; only a jump into the middle of an unseen region falls back
to one. A generation number drops blocks that arrive after the filter changed.
"""

from __future__ import annotations

import sqlite3
from collections.abc import Callable
from typing import ClassVar

from rich.segment import Segment
from rich.style import Style
from textual.strip import Strip
from textual.worker import get_current_worker

from reader.store.browse import ArticleFilter, ArticleRow, Browser
from reader.tui.strips import text_strip
from reader.tui.widgets.line_list import LineList

BLOCK = 100
MAX_BLOCKS = 40


class ArticleList(LineList):
    ROW_HEIGHT: ClassVar[int] = 2
    COMPONENT_CLASSES: ClassVar[set[str]] = {
        "line-list--cursor",
        "line-list--dim",
        "article-list--unread",
        "article-list--meta",
        "article-list--mark",
    }

    def __init__(self, *, id: str | None = None) -> None:
        super().__init__(id=id)
        self.browser: Browser | None = None
        self.filter = ArticleFilter()
        self.on_error: Callable[[Exception], None] = lambda error: None
        self._blocks: dict[int, list[ArticleRow]] = {}
        self._pending: set[int] = set()
        self._generation = 0

    def reset(
        self, browser: Browser, flt: ArticleFilter, count: int, cursor: int, first: list[ArticleRow]
    ) -> None:
        """Show a new result set; `first` is the block holding `cursor`, fetched by the caller."""
        self.browser = browser
        self.filter = flt
        self._generation += 1
        self._blocks = {cursor // BLOCK: first} if first else {}
        self._pending.clear()
        self.set_count(count, cursor=cursor)

    def row(self, index: int) -> ArticleRow | None:
        block = self._blocks.get(index // BLOCK)
        if block is None:
            self._request(index // BLOCK)
            return None
        offset = index % BLOCK
        return block[offset] if offset < len(block) else None

    def update_row(self, row: ArticleRow) -> None:
        for block in self._blocks.values():
            for i, old in enumerate(block):
                if old.id == row.id:
                    block[i] = row
        self.refresh()

    def _request(self, block: int) -> None:
        if block in self._pending or self.browser is None:
            return
        self._pending.add(block)
        browser, flt, generation = self.browser, self.filter, self._generation
        before = self._blocks.get(block - 1)
        after = self._blocks.get(block + 1)
        last_block = (self.count - 1) // BLOCK

        def fetch() -> None:
            try:
                if before and len(before) == BLOCK:
                    rows = browser.articles_after(flt, before[-1].key, BLOCK)
                elif after:
                    rows = browser.articles_before(flt, after[0].key, BLOCK)
                elif block == 0:
                    rows = browser.articles_after(flt, None, BLOCK)
                elif block == last_block:
                    rows = browser.articles_before(flt, None, self.count - block * BLOCK)
                else:
                    rows = browser.articles_at(flt, block * BLOCK, BLOCK)
            except sqlite3.Error as error:
                self.app.call_from_thread(self.on_error, error)
                return
            if not get_current_worker().is_cancelled:
                self.app.call_from_thread(self._arrived, generation, block, rows)

        self.run_worker(fetch, thread=True, group="article-blocks", exit_on_error=False)

    def _arrived(self, generation: int, block: int, rows: list[ArticleRow]) -> None:
        if generation != self._generation:
            return
        self._pending.discard(block)
        self._blocks[block] = rows
        if len(self._blocks) > MAX_BLOCKS:
            here = self.cursor // BLOCK
            farthest = max(self._blocks, key=lambda b: abs(b - here))
            del self._blocks[farthest]
        self.refresh()

    def item_strip(self, index: int, row: int, width: int, base: Style) -> Strip:
        article = self.row(index)
        mode = self.app.bidi_mode  # type: ignore[attr-defined]
        if article is None:
            return Strip([Segment("…", base)]).adjust_cell_length(width, base)
        if row == 0:
            mark = ("★" if article.bookmarked else " ") + ("●" if not article.read else " ")
            style = (
                base + self.get_component_rich_style("article-list--unread")
                if not article.read
                else base
            )
            return text_strip(
                article.title,
                width,
                mode,
                style,
                prefix=mark + " ",
                prefix_style=base + self.get_component_rich_style("article-list--mark"),
            )
        meta = " · ".join(part for part in (article.source, article.published) if part) or "—"
        return text_strip(
            meta,
            width,
            mode,
            base + self.get_component_rich_style("article-list--meta"),
            prefix="   ",
        )
