"""Helpers the reader's tests share: which seed an article came from, and driving the
reader with Pilot the way every test does it: start it on a database and let it settle,
press keys and let their workers finish, answer a prompt, run a palette command."""

from __future__ import annotations

import asyncio
import functools
from collections.abc import AsyncIterator, Callable, Coroutine
from contextlib import asynccontextmanager
from pathlib import Path
from typing import Any

from textual.pilot import Pilot
from textual.widgets import Input

from reader.config import config_path
from reader.store.schema import open_db
from reader.tui.app import KhabarApp
from reader.tui.screens.prompt import LinePrompt


def seed_of(db_path: Path) -> dict[int, str]:
    """Article id -> the seed file's three-digit prefix, with '+' for an appended article."""
    db = open_db(db_path)
    try:
        rows = db.conn.execute("SELECT id, source_path, appended_to FROM articles").fetchall()
    finally:
        db.conn.close()
    return {r[0]: Path(r[1]).name[:3] + ("+" if r[2] else "") for r in rows}


async def settle(pilot: Pilot[None]) -> None:
    """Let thread workers finish and their results paint."""
    for _ in range(4):
        await pilot.pause()
        await pilot.app.workers.wait_for_complete()
    await pilot.pause()


def write_config(text: str) -> Path:
    """The user's config file (in the test's own home) with `text`; its path."""
    path = config_path()
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_text(text, encoding="utf-8")
    return path


@asynccontextmanager
async def reader_on(
    db_path: Path, *, size: tuple[int, int] | None = None, **options: Any
) -> AsyncIterator[tuple[KhabarApp, Pilot[None]]]:
    """The reader on `db_path` (`options` go to KhabarApp) in a terminal of `size`,
    settled: the first screen is read and painted before the test looks."""
    app = KhabarApp(db_path, **options)
    async with app.run_test(size=size) as pilot:
        await settle(pilot)
        yield app, pilot


async def press(pilot: Pilot[None], *keys: str) -> None:
    """Press `keys`, then settle: what they asked of the store is done and drawn."""
    await pilot.press(*keys)
    await settle(pilot)


def typed(text: str) -> list[str]:
    """The keys that type `text` (Pilot names the space key)."""
    return ["space" if character == " " else character for character in text]


async def type_text(pilot: Pilot[None], text: str) -> None:
    """Type `text` a key at a time, each key handled before the next, as a person types;
    what the keys asked of the store may still be under way (settle for that)."""
    for key in typed(text):
        await pilot.press(key)


async def answer(pilot: Pilot[None], text: str) -> None:
    """Answer the open line prompt (save, pipe, export) with `text` and Enter."""
    assert isinstance(pilot.app.screen, LinePrompt)
    pilot.app.screen.query_one(Input).value = text
    await press(pilot, "enter")


async def palette(pilot: Pilot[None], command: str) -> None:
    """Run `command` from the palette (Ctrl+P): open it, type the name, Enter."""
    await press(pilot, "ctrl+p")
    await type_text(pilot, command)
    await settle(pilot)
    await press(pilot, "enter")


def notices(app: KhabarApp) -> list[str]:
    """The notices shown so far, oldest first."""
    return [n.message for n in app._notifications]


def sync(test: Callable[..., Coroutine[Any, Any, None]]) -> Callable[..., None]:
    """Run an async Pilot test on its own event loop (no async pytest plugin needed)."""

    @functools.wraps(test)
    def run(*args: Any, **kwargs: Any) -> None:
        asyncio.run(test(*args, **kwargs))

    return run
