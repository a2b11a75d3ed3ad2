"""Issue 11, item 4: a huge article opens and scrolls with the UI thread laying out only
the rows on screen, a worker those around them, and nobody the whole body."""

from __future__ import annotations

import itertools
import threading
from collections.abc import Callable
from pathlib import Path
from typing import Any

import pytest

from reader.ingest.pipeline import ingest_paths
from reader.render.engine import Settings
from reader.tui import body_rows
from reader.tui.body_rows import PIECE, lay_out, pieces
from reader.tui.widgets.body_view import BodyView
from tests.tui.tui_support import press, reader_on, sync

PARAGRAPH = (
    "قال الرئيس الروسي فلاديمير بوتين إن المحادثات مع الزعيم الكوري الشمالي كانت مفيدة"
    " للطرفين وإن التعاون بين البلدين سيستمر في المرحلة المقبلة. "
)
WIDTH, HEIGHT = 120, 40


@pytest.fixture
def huge_db(tmp_path: Path) -> tuple[Path, int]:
    body = "\n\n".join(f"{n} {PARAGRAPH * 3}" for n in range(1_500))
    body += "\n\n" + PARAGRAPH * 400  # one paragraph of 60,000 characters
    assert len(body) > 700_000
    path = tmp_path / "huge.txt"
    path.write_text("مقال طويل جدا عن المحادثات\n\n" + body + "\n", encoding="utf-8")
    db = tmp_path / "k.db"
    report = ingest_paths(db, [path], entities=False, workers=1)
    assert (report.added, report.failed) == (1, [])
    return db, len(body)


def _recording(monkeypatch: pytest.MonkeyPatch, calls: list[tuple[bool, int]]) -> None:
    real: Callable[..., Any] = body_rows.lay_out

    def record(piece: Any, *args: Any) -> Any:
        calls.append((threading.current_thread() is threading.main_thread(), len(piece.text)))
        return real(piece, *args)

    monkeypatch.setattr(body_rows, "lay_out", record)


def _shown(view: BodyView) -> list[str]:
    top = int(view.scroll_offset.y)
    return [view._row_strip(top + y).text for y in range(view.scrollable_content_region.height)]


def _holes(rows: list[str]) -> bool:
    """Two blank rows in a row before the text ends: a piece shown before it was laid out
    (paragraphs are one blank row apart)."""
    text = [bool(row.strip()) for row in rows]
    last = max((i for i, shown in enumerate(text) if shown), default=-1)
    return any(not a and not b for a, b in itertools.pairwise(text[: last + 1]))


def _expected(view: BodyView, offset: int, rows: int) -> list[str]:
    """Rows as the engine lays out, on its own, the piece of the body holding `offset`."""
    assert view.article is not None
    piece = next(p for p in reversed(pieces(view.article.body)) if p.offset <= offset)
    lines = lay_out(piece, view.scrollable_content_region.width, Settings())
    first = next(i for i, line in enumerate(lines) if line.source_range()[1] > offset)
    return [line.text for line in lines[first : first + rows]]


@sync
async def test_the_ui_thread_lays_out_only_the_screen_and_nobody_the_whole_body(
    huge_db: tuple[Path, int], monkeypatch: pytest.MonkeyPatch
) -> None:
    db, length = huge_db
    calls: list[tuple[bool, int]] = []
    _recording(monkeypatch, calls)
    async with reader_on(db, size=(WIDTH, HEIGHT)) as (app, pilot):
        view = app.query_one(BodyView)
        assert view.article is not None and len(view.article.body) > length * 0.99
        # A screen of the body pane holds at most its rows x its width in characters
        # (a cell never shows less than one), plus the piece cut at each edge.
        screen = view.scrollable_content_region.width * view.scrollable_content_region.height
        per_move = screen + 2 * PIECE
        await pilot.press("2")
        keys = ["pagedown", "pagedown", "j", "G", "g", "ctrl+d", "G", "m", "m", "m", "pageup"]
        for key in keys:
            before = sum(n for main, n in calls if main)
            await press(pilot, key)
            on_ui = sum(n for main, n in calls if main) - before
            # A jump lays out the screen it lands on; a step stays inside the read-ahead.
            assert on_ui <= (per_move if key in "Ggm" else 0), (key, on_ui)
            assert not _holes(_shown(view)), key
        assert max(n for _, n in calls) <= PIECE
        on_ui = sum(n for main, n in calls if main)
        in_all = sum(n for _, n in calls)
        assert on_ui <= 6 * per_move < length / 10, on_ui
        assert in_all < length / 3, in_all  # the worker only reads ahead
        # At the end the last row is the body's last (the estimates were made exact on the
        # way there); elsewhere too the screen agrees with the engine's own layout.
        await press(pilot, "G")
        shown = [row for row in _shown(view) if row.strip()]
        last = view.article.body.rstrip()
        assert shown[-1] == _expected(view, len(last) - 1, 1)[0]
        await press(pilot, "g", "pagedown", "pagedown", "pagedown")
        top = view.top_offset()
        assert top > 0
        shown = _shown(view)
        shown = shown[1:] if not shown[0].strip() else shown  # a paragraph's gap row
        assert shown[:3] == _expected(view, top, 3)
