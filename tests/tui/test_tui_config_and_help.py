"""A wrong theme or key id in the config is one clear line; the help fits 80×24 and scrolls."""

from __future__ import annotations

import argparse
from pathlib import Path

import pytest

from reader.cli import main
from reader.commands.read import build_app
from reader.tui.app import KhabarApp
from reader.tui.keymap import binding_ids
from reader.tui.screens.help import HelpScreen
from reader.tui.widgets.engine_text import EngineText
from tests.tui.tui_support import notices, press, reader_on, settle, sync, write_config


def test_unknown_theme_flag_is_one_line(seeds_db: Path, capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["--db", str(seeds_db), "--theme", "no-such-theme"]) == 1
    err = capsys.readouterr().err
    assert err.count("\n") == 1 and "Traceback" not in err
    assert err.startswith("khabar: --theme: unknown theme 'no-such-theme'; choose one of: dark")


@sync
async def test_unknown_theme_and_key_ids_in_config_become_notices(seeds_db: Path) -> None:
    path = write_config(
        'theme = "purple-haze"\n[keys]\n"app.bookmark" = "x"\n"app.teleport" = "t"\n',
    )
    app = build_app(argparse.Namespace(db=seeds_db))
    assert isinstance(app, KhabarApp)
    theme_notice = [n for n in app.notices if "purple-haze" in n]
    key_notice = [n for n in app.notices if "app.teleport" in n]
    assert theme_notice == [
        f"{path}: unknown theme 'purple-haze'; choose one of: "
        + theme_notice[0].split("choose one of: ")[1]
    ]
    assert theme_notice[0].endswith("; using the default")
    assert key_notice and "app.bookmark" not in key_notice[0]
    async with app.run_test(size=(100, 30)) as pilot:
        await settle(pilot)
        assert app.theme == "textual-dark"
        shown = notices(app)
        assert any("purple-haze" in m for m in shown) and any("app.teleport" in m for m in shown)
        await press(pilot, "x")
        assert app.reader.current is not None and app.reader.current.bookmarked


@sync
async def test_help_opens_with_f1_fits_80x24_lists_every_id_and_scrolls(seeds_db: Path) -> None:
    async with reader_on(seeds_db, size=(80, 24)) as (app, pilot):
        await press(pilot, "f1")
        assert isinstance(app.screen, HelpScreen)
        text = app.screen.query_one("#help-text", EngineText)
        region = text.region
        assert region.x >= 0 and region.right <= 80 and region.bottom <= 24
        width = text.scrollable_content_region.width
        rows = [line for line in app.screen.text.splitlines() if line.startswith("  ")]
        assert rows and max(len(line) for line in rows) <= width
        for binding_id in binding_ids():
            assert any(f" {binding_id} " in line for line in rows), binding_id
        assert text.max_scroll_y > 0
        await pilot.press("j", "j", "j")
        assert text.scroll_offset.y == 3
        await pilot.press("k")
        assert text.scroll_offset.y == 2
        await pilot.press("G")
        assert text.scroll_offset.y == text.max_scroll_y
        await pilot.press("g")
        assert text.scroll_offset.y == 0
        await pilot.press("f1")
        await pilot.pause()
        assert not isinstance(app.screen, HelpScreen)
