"""The mirrored layout: `layout = "rtl"` (config) or `--layout rtl` puts the article list on
the right and the side column on the left, with row marks and counts at the right (the
start of a right-to-left row); unset, the share of Arabic in the newest titles decides."""

from __future__ import annotations

import argparse
import json
from pathlib import Path

import pytest

from reader.commands.read import build_app
from reader.ingest.pipeline import ingest_paths
from reader.tui.app import KhabarApp
from reader.tui.layout_choice import arabic_share, choose_mirrored, expected_mirrored
from reader.tui.widgets.article_list import ArticleList
from reader.tui.widgets.entities_pane import EntitiesList
from tests.tui.tui_support import reader_on, settle, sync, write_config


def _x(app: KhabarApp, selector: str) -> int:
    return app.screen.query_one(selector).region.x


def _row_text(widget: ArticleList | EntitiesList, index: int, row: int = 0) -> str:
    width = widget.scrollable_content_region.width
    return widget.item_strip(index, row, width, widget.rich_style).text


@pytest.mark.parametrize("layout", ["rtl", "ltr"])
@sync
async def test_the_layout_setting_places_panes_marks_and_counts(
    seeds_db: Path, layout: str
) -> None:
    async with reader_on(seeds_db, layout=layout, size=(160, 48)) as (app, _):
        articles, body, side = _x(app, "#articles-pane"), _x(app, "#body-pane"), _x(app, "#side")
        assert (side < body < articles) if layout == "rtl" else (articles < body < side)
        unread = _row_text(app.screen.query_one(ArticleList), 1)
        marks = unread.rstrip()[-1:] if layout == "rtl" else unread.lstrip()[:1]
        assert marks == "●", unread
        entities = app.screen.query_one(EntitiesList)
        entity = entities.selected()
        assert entity is not None
        row = _row_text(entities, entities.cursor).strip()
        count = f"({entity.mentions})"
        # Visual order: the count reads first at the right of a right-to-left row in the
        # mirrored layout, and after the name (at its left) otherwise.
        assert row.endswith(count) if layout == "rtl" else row.startswith(count), row


@sync
async def test_unset_the_corpus_decides(seeds_db: Path, tmp_path: Path) -> None:
    async with reader_on(seeds_db, size=(160, 48)) as (app, _):
        assert app.reader.mirrored and _x(app, "#articles-pane") > _x(app, "#body-pane")
    source = tmp_path / "latin.jsonl"
    records = [
        {"title": f"Morning briefing number {i}", "body": "Talks resumed in Geneva today. " * 9}
        for i in range(3)
    ]
    source.write_text("\n".join(json.dumps(r) for r in records) + "\n", encoding="utf-8")
    latin = tmp_path / "latin.db"
    ingest_paths(latin, [source], workers=1, entities=False)
    async with reader_on(latin, size=(160, 48)) as (app, _):
        assert not app.reader.mirrored and _x(app, "#articles-pane") < _x(app, "#body-pane")


def test_the_rule_is_half_the_letters() -> None:
    assert arabic_share(["كيم", "Kim"]) == 0.5 and choose_mirrored(None, ["كيم", "Kim"])
    assert not choose_mirrored(None, ["كيم", "Kim Jong"])
    assert not choose_mirrored(None, []) and arabic_share(["2024 — ..."]) == 0.0
    assert not choose_mirrored("ltr", ["كيم"]) and choose_mirrored("rtl", ["Kim"])


def test_panes_are_composed_mirrored_unless_the_setting_says_ltr() -> None:
    assert expected_mirrored(None) and expected_mirrored("rtl") and not expected_mirrored("ltr")


@sync
async def test_config_and_flag_set_the_layout(seeds_db: Path) -> None:
    path = write_config('layout = "sideways"\n')
    app = build_app(argparse.Namespace(db=seeds_db))
    assert isinstance(app, KhabarApp)
    assert f"{path}: layout must be one of ltr, rtl" in app.notices
    path.write_text('layout = "ltr"\n', encoding="utf-8")
    app = build_app(argparse.Namespace(db=seeds_db))
    assert isinstance(app, KhabarApp) and app.reader.layout_setting == "ltr"
    app = build_app(argparse.Namespace(db=seeds_db, layout="rtl"))  # the flag wins
    assert isinstance(app, KhabarApp) and app.reader.layout_setting == "rtl"
    async with app.run_test(size=(100, 30)) as pilot:
        await settle(pilot)
        assert _x(app, "#articles-pane") > _x(app, "#body-pane")
