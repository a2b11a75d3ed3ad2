"""The article outside the reader: its link shown, y/Y copy through OSC 52, o opens,
Ctrl-d/Ctrl-u move half a page."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from reader.ingest.pipeline import ingest_paths
from reader.paths import seeds_dir
from reader.tui.article_text import plain_text
from reader.tui.widgets.body_view import BodyView
from tests.tui.tui_support import notices, press, reader_on, sync

URL = "https://example.org/news/1"
# A real article's paragraphs (the cleaner drops repeated boilerplate-like lines).
BODY = "\n".join(
    line
    for line in sorted(seeds_dir().glob("001_*.txt"))[0].read_text("utf-8").splitlines()[2:]
    if len(line.split()) > 8
)


def _db(tmp_path: Path) -> Path:
    source = tmp_path / "one.jsonl"
    record = {"title": "عنوان الخبر الطويل", "body": BODY, "url": URL, "published": "2024-02-01"}
    source.write_text(json.dumps(record, ensure_ascii=False) + "\n", encoding="utf-8")
    db = tmp_path / "one.db"
    ingest_paths(db, [source], workers=1, entities=False)
    return db


@sync
async def test_link_shown_and_y_Y_copy_link_and_logical_text(tmp_path: Path) -> None:
    async with reader_on(_db(tmp_path), size=(100, 30)) as (app, pilot):
        article = app.reader.current
        assert article is not None and article.url == URL
        body = app.screen.query_one(BodyView)
        rows = [body._row_strip(i).text for i in range(body._body_top)]
        assert any(URL in row for row in rows), rows
        await pilot.press("y")
        assert app.clipboard == URL
        await pilot.press("Y")
        text = app.clipboard
        assert text == plain_text(article)
        assert text.startswith("عنوان الخبر الطويل\n\n2024-02-01\n\n" + URL + "\n\n")
        paragraphs = [p for p in article.body.split("\n") if p.strip()]
        assert len(paragraphs) > 3 and "\n\n".join(paragraphs[:3]) in text
        assert "\ufe8d" not in text and "\u202e" not in text  # logical, not shaped or visual


@sync
async def test_o_opens_the_link_only_where_there_is_a_display(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    opened: list[str] = []
    monkeypatch.setattr("webbrowser.open", opened.append)  # imported when `o` needs it
    monkeypatch.delenv("DISPLAY", raising=False)
    monkeypatch.delenv("WAYLAND_DISPLAY", raising=False)
    async with reader_on(_db(tmp_path), size=(100, 30)) as (app, pilot):
        await press(pilot, "o")
        assert opened == [] and any("No display" in n for n in notices(app))
        monkeypatch.setenv("DISPLAY", ":0")
        await press(pilot, "o")
        assert opened == [URL]


@sync
async def test_ctrl_d_and_ctrl_u_move_half_a_page(tmp_path: Path) -> None:
    async with reader_on(_db(tmp_path), size=(100, 30)) as (app, pilot):
        await pilot.press("2")
        body = app.screen.query_one(BodyView)
        half = body.scrollable_content_region.height // 2
        await pilot.press("ctrl+d")
        await pilot.pause()
        assert body.scroll_offset.y == half
        await pilot.press("ctrl+d", "ctrl+u")
        await pilot.pause()
        assert body.scroll_offset.y == half
