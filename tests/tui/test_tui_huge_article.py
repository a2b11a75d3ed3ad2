"""Issue 11, item 4: a huge article opens and scrolls without the UI thread ever laying
out the whole body; a worker lays out the rest while the first screens are read."""

from __future__ import annotations

import threading
from collections.abc import Callable
from pathlib import Path
from typing import Any

import pytest

from reader.ingest.pipeline import ingest_paths
from reader.tui.app import KhabarApp
from reader.tui.widgets import body_view
from reader.tui.widgets.body_view import FIRST, HUGE, PIECE, BodyView
from tests.tui.tui_support import settle, sync

PARAGRAPH = (
    "قال الرئيس الروسي فلاديمير بوتين إن المحادثات مع الزعيم الكوري الشمالي كانت مفيدة"
    " للطرفين وإن التعاون بين البلدين سيستمر في المرحلة المقبلة. "
)


@pytest.fixture
def huge_db(tmp_path: Path) -> tuple[Path, int]:
    body = "\n\n".join(f"{n} {PARAGRAPH * 3}" for n in range(700))
    body += "\n\n" + PARAGRAPH * 400  # one paragraph of 60,000 characters
    assert len(body) > 3 * HUGE
    path = tmp_path / "huge.txt"
    path.write_text("مقال طويل جدا عن المحادثات\n\n" + body + "\n", encoding="utf-8")
    db = tmp_path / "k.db"
    report = ingest_paths(db, [path], entities=False, workers=1)
    assert (report.added, report.failed) == (1, [])
    return db, len(body)


def _recording(monkeypatch: pytest.MonkeyPatch, name: str, calls: list[tuple[bool, int]]) -> None:
    real: Callable[..., Any] = getattr(body_view, name)

    def record(text: str, *args: Any, **kwargs: Any) -> Any:
        calls.append((threading.current_thread() is threading.main_thread(), len(text)))
        return real(text, *args, **kwargs)

    monkeypatch.setattr(body_view, name, record)


@sync
async def test_the_ui_thread_never_lays_out_a_huge_article(
    huge_db: tuple[Path, int], monkeypatch: pytest.MonkeyPatch
) -> None:
    db, length = huge_db
    pieces: list[tuple[bool, int]] = []
    wholes: list[tuple[bool, int]] = []
    _recording(monkeypatch, "paragraph_lines", pieces)
    _recording(monkeypatch, "render", wholes)
    app = KhabarApp(db)
    async with app.run_test(size=(120, 40)) as pilot:
        await settle(pilot)
        view = app.query_one(BodyView)
        assert view.article is not None and len(view.article.body) > length * 0.99
        await pilot.press("2")
        for key in ("pagedown", "pagedown", "G", "g", "G"):
            await pilot.press(key)
            await settle(pilot)
        assert view.laid_out
        # Each layout (opening; the width changing when the scrollbar comes) does the first
        # screens only, one piece at a time: a few of them, never the body.
        on_ui = [n for main, n in pieces if main]
        assert max(on_ui) <= PIECE
        assert sum(on_ui) <= 3 * (FIRST + PIECE) < length / 4, sum(on_ui)
        assert all(n <= HUGE for main, n in wholes if main)
        assert sum(n for _, n in pieces) >= length * 0.99
        assert view.scroll_offset.y > 0
        assert len(view._rows) > 1000
