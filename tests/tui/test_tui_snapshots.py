"""SVG snapshots of the main screen, the help screen and a filtered list, small and large."""

from __future__ import annotations

from pathlib import Path
from typing import Any

import pytest
from textual.pilot import Pilot

from reader.tui.app import KhabarApp
from tests.tui.tui_support import press, settle

SIZES = [(80, 24), (160, 48)]


async def _ready(pilot: Pilot[None]) -> None:
    await settle(pilot)


def _app(db: Path) -> KhabarApp:
    return KhabarApp(db, theme="dark")


@pytest.mark.parametrize("size", SIZES, ids=lambda s: f"{s[0]}x{s[1]}")
def test_main_screen(snap_compare: Any, gold_seeds_db: Path, size: tuple[int, int]) -> None:
    assert snap_compare(_app(gold_seeds_db), terminal_size=size, run_before=_ready)


@pytest.mark.parametrize("size", SIZES, ids=lambda s: f"{s[0]}x{s[1]}")
def test_help_screen(snap_compare: Any, gold_seeds_db: Path, size: tuple[int, int]) -> None:
    async def before(pilot: Pilot[None]) -> None:
        await settle(pilot)
        await press(pilot, "question_mark")

    assert snap_compare(_app(gold_seeds_db), terminal_size=size, run_before=before)


@pytest.mark.parametrize("size", SIZES, ids=lambda s: f"{s[0]}x{s[1]}")
def test_filtered_list(snap_compare: Any, gold_seeds_db: Path, size: tuple[int, int]) -> None:
    async def before(pilot: Pilot[None]) -> None:
        await settle(pilot)
        await pilot.press("4")
        for ch in "بومبيو":
            await pilot.press(ch)
        await settle(pilot)
        await press(pilot, "enter")
        await press(pilot, "1")

    assert snap_compare(_app(gold_seeds_db), terminal_size=size, run_before=before)
