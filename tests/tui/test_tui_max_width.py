"""Issue 13, `max_width`: on a wide terminal the body is a centred column of at most
`max_width` cells (default 90), laid out at that width; 0 gives it the whole pane."""

from __future__ import annotations

import argparse
from pathlib import Path

import pytest
from rich.cells import cell_len

from reader.commands.read import build_app
from reader.config import MAX_WIDTH
from reader.render.engine import render_text
from reader.tui.app import KhabarApp
from reader.tui.widgets.body_view import BodyView
from tests.tui.tui_support import reader_on, settle, sync, write_config

WIDE = (260, 40)


def _rows(body: BodyView) -> list[str]:
    return [body._row_strip(i).text for i in range(body.virtual_size.height)]


@sync
async def test_a_wide_pane_shows_a_centred_column_of_max_width(seeds_db: Path) -> None:
    async with reader_on(seeds_db, size=WIDE) as (app, pilot):
        body = app.query_one(BodyView)
        pane = body.scrollable_content_region.width
        assert body.text_width == MAX_WIDTH < pane - 20
        left = (pane - MAX_WIDTH) // 2
        rows = _rows(body)
        assert all(cell_len(row) == pane for row in rows)
        assert all(not row[:left].strip() for row in rows)
        assert max(cell_len(row.rstrip()) for row in rows) == left + MAX_WIDTH
        assert body.article is not None
        title = render_text(body.article.title, MAX_WIDTH)[0].text
        assert rows[0][left : left + MAX_WIDTH] == title
        # Off: the rows take the pane again, the reader stays in the same place.
        await pilot.press("2", "pagedown")
        offset = body.top_offset()
        body.max_width = 0
        await settle(pilot)
        assert body.text_width == pane
        assert max(cell_len(row.rstrip()) for row in _rows(body)) > left + MAX_WIDTH + 10
        assert abs(body.top_offset() - offset) < pane


@sync
async def test_a_narrow_pane_is_not_padded(seeds_db: Path) -> None:
    async with reader_on(seeds_db, max_width=60, size=(80, 24)) as (app, _):
        body = app.query_one(BodyView)
        assert body.scrollable_content_region.width <= 60 == body.max_width
        assert body.text_width == body.scrollable_content_region.width


@pytest.mark.parametrize(
    ("text", "cap", "problem"),
    [
        ("", MAX_WIDTH, False),
        ("max_width = 72\n", 72, False),
        ("max_width = 0\n", 0, False),
        ("max_width = 5\n", MAX_WIDTH, True),
        ('max_width = "wide"\n', MAX_WIDTH, True),
        ("max_width = true\n", MAX_WIDTH, True),
    ],
)
def test_max_width_comes_from_the_config(
    seeds_db: Path,
    text: str,
    cap: int,
    problem: bool,
) -> None:
    write_config(text)
    app = build_app(argparse.Namespace(db=seeds_db))
    assert isinstance(app, KhabarApp)
    assert app.reader.max_width == cap
    assert any("max_width" in n for n in app.notices) == problem
