"""khabar's own commands in the palette (Ctrl+P): bidi mode, theme, and exporting the
filtered list to a file (asked for, never overwritten without a yes)."""

from __future__ import annotations

import json
from pathlib import Path

from textual.widgets import Input

from reader.render.engine import BidiMode
from reader.tui.screens.prompt import Confirm, LinePrompt
from reader.tui.widgets.article_list import ArticleList
from tests.tui.tui_support import answer, notices, palette, press, reader_on, sync


@sync
async def test_palette_sets_the_bidi_mode_the_theme_and_the_layout(seeds_db: Path) -> None:
    async with reader_on(seeds_db, size=(120, 35)) as (app, pilot):
        await palette(pilot, "Bidi mode: off")
        assert app.bidi_mode == BidiMode.OFF
        assert app.reader.bidi_mode == BidiMode.OFF  # the screen follows
        await palette(pilot, "Theme: nord")
        assert app.theme == "nord"
        assert app.reader.mirrored  # the seeds are Arabic
        await palette(pilot, "Layout: ltr")
        assert not app.reader.mirrored and app.reader.query_one("#articles-pane").region.x == 0


@sync
async def test_palette_exports_the_filtered_list_and_asks_before_overwriting(
    seeds_db: Path, tmp_path: Path
) -> None:
    out = tmp_path / "out" / "list.jsonl"
    async with reader_on(seeds_db, size=(120, 35)) as (app, pilot):
        everything = app.query_one(ArticleList).count
        await press(pilot, "slash", *"بومبيو", "enter")
        articles = app.query_one(ArticleList)
        wanted = [row.id for i in range(articles.count) if (row := articles.row(i))]
        assert 0 < len(wanted) < everything
        await palette(pilot, "Export the list")
        assert isinstance(app.screen, LinePrompt)
        default = app.screen.query_one(Input).value
        assert default.endswith(".jsonl") and "khabar" in default
        await answer(pilot, str(out))
        records = [json.loads(line) for line in out.read_text("utf-8").splitlines()]
        assert [r["id"] for r in records] == wanted
        assert all("بومبيو" in r["title"] + r["body"] for r in records)
        assert f"{len(wanted)} articles exported to {out}" in notices(app)[-1]

        out.write_text("keep me", encoding="utf-8")
        await palette(pilot, "Export the list")
        await answer(pilot, str(out))
        assert isinstance(app.screen, Confirm)
        await press(pilot, "n")
        assert out.read_text("utf-8") == "keep me"
        await palette(pilot, "Export the list")
        await answer(pilot, str(out))
        await press(pilot, "y")
        assert len(out.read_text("utf-8").splitlines()) == len(wanted)
