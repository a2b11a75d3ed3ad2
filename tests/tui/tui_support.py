"""Helpers the reader's tests share: which seed an article came from, and settling Pilot."""

from __future__ import annotations

import asyncio
import functools
from collections.abc import Callable, Coroutine
from pathlib import Path
from typing import Any

from textual.pilot import Pilot

from reader.store.schema import open_db


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


def sync(test: Callable[..., Coroutine[Any, Any, None]]) -> Callable[..., None]:
    """Run an async Pilot test on its own event loop (no async pytest plugin needed)."""

    @functools.wraps(test)
    def run(*args: Any, **kwargs: Any) -> None:
        asyncio.run(test(*args, **kwargs))

    return run
