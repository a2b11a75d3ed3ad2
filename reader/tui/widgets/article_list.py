"""The article list: title and metadata rows per article, fetched a block at a time.

A narrow pane gives the title a second row, so a title reads as more than three words;
the metadata row keeps the date whole and follows the title's direction.

Blocks are keyed from their neighbours (keyset pagination), so scrolling never
pays for an OFFSET; only a jump into the middle of an unseen region falls back
to one. A generation number drops blocks that arrive after the filter changed.
"""

from __future__ import annotations

from dataclasses import dataclass, replace
from typing import ClassVar

from rich.segment import Segment
from rich.style import Style
from textual import on
from textual.message import Message
from textual.strip import Strip

from reader.render.engine import VisualLine
from reader.store.read.rows import ArticleFilter, ListedArticle
from reader.tui.reading import sources_label
from reader.tui.strips import first_rows, parts_line, visual_strip, with_marks
from reader.tui.widgets.block_cache import BLOCK, BlockCache, BlockRead, Read
from reader.tui.widgets.line_list import LineList

MAX_BLOCKS = 40
TWO_TITLE_ROWS_BELOW = 44  # pane width (cells) under which a title gets two rows
MARK_WIDTH = 3


class ArticleList(LineList):
    ROW_HEIGHT: ClassVar[int] = 2
    COMPONENT_CLASSES: ClassVar[set[str]] = {
        "line-list--cursor",
        "line-list--dim",
        "article-list--unread",
        "article-list--meta",
        "article-list--mark",
    }

    @dataclass(eq=False, repr=False)
    class Opened(Message):
        """The cursor rests on another article: show it. A newer one replaces a queued
        one, so a held `j` opens only the article it stops on."""

        article_list: ArticleList
        """The list whose cursor moved."""
        index: int
        """The cursor's position in the list."""

        @property
        def control(self) -> ArticleList:
            return self.article_list

        def can_replace(self, message: Message) -> bool:
            return isinstance(message, ArticleList.Opened) and message.control is self.control

    @dataclass(eq=False, repr=False)
    class Entered(Message):
        """Enter on an article: read it (the body takes the focus)."""

        article_list: ArticleList
        """The list Enter was pressed in."""

        @property
        def control(self) -> ArticleList:
            return self.article_list

    def __init__(self, *, id: str | None = None) -> None:
        super().__init__(id=id)
        self.filter = ArticleFilter()
        self._cache: BlockCache[ListedArticle] = BlockCache(self, limit=MAX_BLOCKS)

    def reset(
        self, flt: ArticleFilter, count: int, cursor: int, first: list[ListedArticle]
    ) -> None:
        """Show a new result set; `first` is the block holding `cursor`, fetched by the caller."""
        self.filter = flt
        self._cache.reset({cursor // BLOCK: first} if first else {})
        self.set_count(count, cursor=cursor)

    @property
    def row_height(self) -> int:
        return 3 if self.size.width < TWO_TITLE_ROWS_BELOW else self.ROW_HEIGHT

    def row(self, index: int) -> ListedArticle | None:
        return self._cache.get(index, self._reader)

    def mark(self, article_id: int, *, read: bool, bookmarked: bool) -> None:
        """Show an article's marks at once, wherever its row is (the cursor may be gone)."""
        for block in self._cache.blocks.values():
            for i, old in enumerate(block):
                if old.id == article_id:
                    block[i] = replace(old, read=read, bookmarked=bookmarked)
        self.refresh()

    def mark_all_read(self) -> None:
        """Every row read (mark all read); rows not held yet come from the store so."""
        for block in self._cache.blocks.values():
            block[:] = [replace(row, read=True) for row in block]
        self.refresh()

    def highlighted(self, index: int) -> None:
        self.post_message(self.Opened(self, index))

    def chosen(self, index: int) -> None:
        self.post_message(self.Entered(self))

    @on(BlockRead)
    def _block_read(self, message: BlockRead) -> None:
        self._cache.arrived(message)

    def _reader(self, block: int) -> Read[ListedArticle] | None:
        """Key the block from a neighbour already held; an OFFSET only for a jump."""
        flt = self.filter
        before = self._cache.blocks.get(block - 1)
        after = self._cache.blocks.get(block + 1)
        if before and len(before) == BLOCK:
            key = before[-1].key
            return lambda store: store.listing.articles_after(flt, key, BLOCK)
        if after:
            key = after[0].key
            return lambda store: store.listing.articles_before(flt, key, BLOCK)
        if block == 0:
            return lambda store: store.listing.articles_after(flt, None, BLOCK)
        if block == (self.count - 1) // BLOCK:
            size = self.count - block * BLOCK
            return lambda store: store.listing.articles_before(flt, None, size)
        return lambda store: store.listing.articles_at(flt, block * BLOCK, BLOCK)

    def item_strip(self, index: int, row: int, width: int, base: Style) -> Strip:
        article = self.row(index)
        mode = self.bidi_mode
        if article is None:
            return Strip([Segment("…", base)]).adjust_cell_length(width, base)
        inner = width - MARK_WIDTH
        if inner < 1:
            return Strip.blank(width, base)
        titles = first_rows(article.title, inner, mode, self.row_height - 1)
        rtl = titles[0].rtl if titles else True
        if row < self.row_height - 1:
            style = base
            if not article.read:
                style = base + self.get_component_rich_style("article-list--unread")
            mark = "   "
            if row == 0:
                mark = ("★" if article.bookmarked else " ") + ("●" if not article.read else " ")
                mark += " "
            line = titles[row] if row < len(titles) else VisualLine(" " * inner, rtl)
            mark_style = base + self.get_component_rich_style("article-list--mark")
            return with_marks(mark, mark_style, visual_strip(line, inner, style), self.mirrored)
        source = article.source
        if article.story_size > 1 and self.filter.story is None:
            source = sources_label(article.story_size)  # the row stands for them all
        meta = [part for part in (source, article.published) if part]
        style = base + self.get_component_rich_style("article-list--meta")
        line = parts_line(meta, inner, mode, rtl)
        return with_marks("   ", style, visual_strip(line, inner, style), self.mirrored)
