"""The panes on their own, in a bare Textual App: no KhabarApp, no database."""

from __future__ import annotations

from collections.abc import AsyncIterator
from contextlib import asynccontextmanager

from textual import on
from textual.app import App, ComposeResult
from textual.message import Message
from textual.pilot import Pilot
from textual.strip import Strip

from reader.store.read.rows import ArticleFilter, ListedArticle
from reader.tui.store_request import StoreRequest
from reader.tui.widgets.article_list import ArticleList
from reader.tui.widgets.block_cache import BLOCK
from tests.tui.tui_support import sync


def _rows(start: int, count: int) -> list[ListedArticle]:
    return [
        ListedArticle(i, f"خبر رقم {i}", "المصدر", "2024-01-01", False, False)
        for i in range(start, start + count)
    ]


class FakeListing:
    """Rows in list order, for whichever way a list asks for a block."""

    def articles_at(self, flt: ArticleFilter, offset: int, limit: int) -> list[ListedArticle]:
        return _rows(offset, limit)

    def articles_before(self, flt: ArticleFilter, key: object, limit: int) -> list[ListedArticle]:
        return _rows(3 * BLOCK - limit, limit)  # the last rows: all these tests ask for


class FakeStore:
    listing = FakeListing()


class Bare(App[None]):
    """Answers a list's store requests itself, the way the reader screen does."""

    def __init__(self) -> None:
        super().__init__()
        self.opened: list[int] = []
        self.wanted: list[int] = []

    def compose(self) -> ComposeResult:
        yield ArticleList(id="articles")

    @on(ArticleList.Opened)
    def _opened(self, message: ArticleList.Opened) -> None:
        self.opened.append(message.index)

    @on(StoreRequest)
    def _serve(self, request: StoreRequest[object]) -> None:
        self.wanted.append(request.group)
        answer = request.serve(FakeStore())  # type: ignore[arg-type]
        if answer is not None:
            request.requester.post_message(answer)


@asynccontextmanager
async def _one_block() -> AsyncIterator[tuple[Bare, Pilot[None], ArticleList]]:
    """A bare app whose list holds one block of rows, drawn."""
    app = Bare()
    async with app.run_test(size=(60, 20)) as pilot:
        articles = app.query_one(ArticleList)
        articles.reset(ArticleFilter(), BLOCK, 0, _rows(0, BLOCK))
        await pilot.pause()
        yield app, pilot, articles


@sync
async def test_article_list_draws_and_pages_in_a_bare_app() -> None:
    app = Bare()
    async with app.run_test(size=(60, 20)) as pilot:
        articles = app.query_one(ArticleList)
        articles.reset(ArticleFilter(), 3 * BLOCK, 0, _rows(0, BLOCK))
        await pilot.pause()
        assert "●" in articles.render_line(0).text
        assert app.wanted == []
        assert articles.row(3 * BLOCK - 1) is None  # not held: asked for
        assert articles.row(3 * BLOCK - 2) is None  # asked for once only
        await pilot.pause()
        assert app.wanted == ["blocks"]
        row = articles.row(3 * BLOCK - 1)
        assert row is not None and row.id == 3 * BLOCK - 1


@sync
async def test_a_held_key_opens_only_the_article_it_stops_on() -> None:
    async with _one_block() as (app, pilot, articles):
        for _ in range(6):  # faster than the messages are handled, as a held `j` is
            articles.action_cursor_down()
        await pilot.pause()
        assert app.opened == [6]


def test_only_the_same_lists_cursor_message_is_replaced() -> None:
    one, other = ArticleList(), ArticleList()
    first = ArticleList.Opened(one, 1)
    assert first.can_replace(ArticleList.Opened(one, 2))
    assert not first.can_replace(ArticleList.Opened(other, 2))
    assert not first.can_replace(Message())


@sync
async def test_a_cursor_step_draws_only_the_two_rows_it_changes() -> None:
    async with _one_block() as (_, pilot, articles):
        drawn: list[int] = []
        draw = articles.render_line

        def counted(y: int) -> Strip:
            drawn.append(y)
            return draw(y)

        articles.render_line = counted  # type: ignore[method-assign]
        articles.action_cursor_down()
        await pilot.pause()
        height = articles.row_height
        assert sorted(drawn) == list(range(2 * height))  # the rows of items 0 and 1
        drawn.clear()
        while articles.scroll_offset.y == 0:  # a step that scrolls draws the screenful
            articles.action_cursor_down()
            await pilot.pause()
        assert len(drawn) >= articles.size.height
        assert articles.cursor * height >= articles.size.height - height
