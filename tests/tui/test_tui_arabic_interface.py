"""Issue 13, the Arabic interface, as a user meets it: the questions and notices of save
(`s`), pipe (`|`) and export, the status line and the pane headers are in the interface's
language and drawn by the engine in the interface's direction, with a path or a command
inside an Arabic sentence kept whole, and an English status line kept left to right
however much Arabic its filter holds."""

from __future__ import annotations

import re
import tempfile
from collections.abc import Iterator
from pathlib import Path

import pytest
from textual.command import CommandInput, CommandList, CommandPalette

from reader.render.engine import BidiMode
from reader.tui import ui_text
from reader.tui.app import KhabarApp
from reader.tui.screens.prompt import Confirm
from reader.tui.widgets.engine_text import EngineLine, InterfaceText
from reader.tui.widgets.entities_pane import EntitiesList
from tests.tui.tui_support import answer, notices, press, reader_on, settle, sync, typed

LOGICAL_ARABIC = re.compile("[\u0621-\u064a]")  # letters as stored, before shaping
SHAPED_ARABIC = re.compile("[\ufe70-\ufefc]")  # presentation forms: the engine's output
LONG_QUERY = "بوتين يبدي استعداده لزيارة كوريا الشمالية"


@pytest.fixture(autouse=True)
def _english_after() -> Iterator[None]:
    yield
    ui_text.use("en")


@pytest.fixture
def short_dir() -> Iterator[Path]:
    """A folder with a path short enough for a notice's one row."""
    with tempfile.TemporaryDirectory(prefix="k", dir="/tmp") as name:
        yield Path(name)


def _drawn(widget: EngineLine | InterfaceText) -> list[str]:
    return [widget.render_line(y).text for y in range(widget.size.height)]


def _question(app: KhabarApp) -> list[str]:
    return _drawn(app.screen.query_one("#prompt-question", InterfaceText))


def _shaped_rtl(rows: list[str]) -> None:
    """Arabic drawn by the engine, right-aligned (an RTL row ends at the right edge)."""
    text = "".join(rows)
    assert SHAPED_ARABIC.search(text) and not LOGICAL_ARABIC.search(text), rows
    assert rows[0].rstrip() == rows[0], rows


@sync
async def test_save_pipe_and_export_ask_and_answer_in_arabic(
    seeds_db: Path, short_dir: Path
) -> None:
    async with reader_on(seeds_db, language="ar", size=(120, 35)) as (app, pilot):
        # s: the question is Arabic, shaped, right to left.
        await press(pilot, "s")
        _shaped_rtl(_question(app))
        saved = short_dir / "a.md"
        await answer(pilot, str(saved))
        # The notice: Arabic, and the path in it whole, its leading "/" included.
        done = notices(app)[-1]
        assert SHAPED_ARABIC.search(done) and f" {saved}" in done.replace("\n", ""), done
        # The overwrite question, with the path whole inside the Arabic sentence.
        await press(pilot, "s")
        await answer(pilot, str(saved))
        assert isinstance(app.screen, Confirm)
        asked = _question(app)
        _shaped_rtl(asked)
        assert any(f" {saved} " in row for row in asked), asked
        assert "y" in asked[-1] and "n" in asked[-1]
        await press(pilot, "n")
        # |: the question and the exit status in Arabic, the command whole at the start
        # of the right-to-left row (its right edge), not its "|" thrown to the far end.
        await press(pilot, "vertical_line")
        _shaped_rtl(_question(app))
        await answer(pilot, "wc -c")
        piped = notices(app)[-1]
        assert SHAPED_ARABIC.search(piped) and piped.endswith(":| wc -c"), piped
        # Export, from the palette's action: the question and the count in Arabic.
        await app.reader.run_action("export_list")
        await settle(pilot)
        _shaped_rtl(_question(app))
        await answer(pilot, str(short_dir / "list.jsonl"))
        exported = notices(app)[-1]
        assert SHAPED_ARABIC.search(exported) and f" {short_dir}/list.jsonl" in exported


@sync
async def test_headers_and_group_titles_follow_the_interface_language(seeds_db: Path) -> None:
    async with reader_on(seeds_db, language="ar", size=(120, 35)) as (app, _):
        people = app.screen.query_one("#people-header", EngineLine)
        assert people.text == "الأشخاص"
        _shaped_rtl(_drawn(people))
        groups = app.screen.query_one(EntitiesList)
        assert any(SHAPED_ARABIC.search(groups.render_line(y).text) for y in range(3))
    async with reader_on(seeds_db, size=(120, 35)) as (english, _):
        assert english.screen.query_one("#people-header", EngineLine).text == "All people"
        rows = [english.screen.query_one(EntitiesList).render_line(y).text for y in range(12)]
        assert any(row.strip() == "People" for row in rows), rows


@sync
async def test_an_english_status_line_stays_left_to_right_with_an_arabic_filter(
    seeds_db: Path,
) -> None:
    async with reader_on(seeds_db, size=(160, 35)) as (app, pilot):
        await press(pilot, "slash", *typed(LONG_QUERY), "enter")
        status = app.screen.query_one("#status", EngineLine)
        assert LONG_QUERY in status.text
        drawn = status.render_line(0).text
        # An English sentence: it starts at the left edge, its parts in their order.
        assert drawn.startswith("filter: "), drawn
        assert drawn.index("filter:") < drawn.index("| bidi: app |"), drawn


@sync
async def test_an_english_notice_with_arabic_in_it_is_shaped(seeds_db: Path) -> None:
    async with reader_on(seeds_db, size=(120, 35)) as (app, pilot):
        app.notify(ui_text.ui("notice.link_copied", url="https://example.com/بوتين"))
        await pilot.pause()
        shown = notices(app)[-1]
        assert shown.startswith("Link copied: ") and SHAPED_ARABIC.search(shown), shown
        assert not LOGICAL_ARABIC.search(shown) and "\u2068" not in shown
        app.bidi_mode = BidiMode.TERMINAL  # the terminal does the bidi: logical text
        app.notify(ui_text.ui("notice.link_copied", url="https://example.com/بوتين"))
        await pilot.pause()
        assert notices(app)[-1] == "Link copied: https://example.com/بوتين"


def _entries(app: KhabarApp) -> list[list[str]]:
    """Each palette entry's rows (name, then help) as the palette draws them."""
    options = app.screen.query_one(CommandList).options
    return [str(getattr(option, "prompt", "")).split("\n") for option in options]


@sync
async def test_the_palette_speaks_arabic_and_finds_what_is_typed_in_arabic(
    seeds_db: Path,
) -> None:
    async with reader_on(seeds_db, language="ar", size=(120, 35)) as (app, pilot):
        await press(pilot, "ctrl+p")
        assert isinstance(app.screen, CommandPalette)
        placeholder = app.screen.query_one(CommandInput).placeholder
        assert SHAPED_ARABIC.search(placeholder) and not LOGICAL_ARABIC.search(placeholder)
        # Every entry, khabar's and Textual's, names and explains itself in shaped Arabic,
        # laid out right to left: "off" ends the row "طريقة الاتجاه: off".
        entries = _entries(app)
        assert len(entries) > 20
        for rows in entries:
            for row in rows:
                assert SHAPED_ARABIC.search(row) and not LOGICAL_ARABIC.search(row), rows
        assert [r[0] for r in entries if r[0].startswith("off :")] == ["off :ﻩﺎﺠﺗﻻﺍ ﺔﻘﻳﺮﻃ"]
        # A query typed in Arabic finds the Arabic names (the logical text is matched).
        await press(pilot, *"مكان")
        found = [rows[0] for rows in _entries(app)]
        assert found and "ﻥﺎﻜﻣ" in found[0], found  # the best match first
        await press(pilot, "enter")
        assert app.reader.article_filter.entity_ids  # a place filters the list
        # Clearing it, from the palette too, in Arabic.
        await press(pilot, "ctrl+p")
        await press(pilot, *"إلغاء التصفية")
        assert _entries(app)[0][0].startswith("ﺎﻬﻠﻛ ﺔﻴﻔﺼﺘﻟﺍ")
        await press(pilot, "enter")
        assert not app.reader.article_filter.active
