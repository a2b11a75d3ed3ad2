"""The seeds ingested once per session with entities taken from the gold, copied per test.

The reader's tests check the reader, so entities come from the hand-made gold
(a deterministic extractor) rather than from whatever the NLP room ships today.
"""

from __future__ import annotations

import asyncio
import functools
import json
import shutil
from collections.abc import Callable, Coroutine, Mapping
from dataclasses import dataclass
from pathlib import Path
from typing import Any

import pytest
from textual.pilot import Pilot

from reader.ingest.pipeline import ingest_paths
from reader.nlp.normalize import fold_for_search
from reader.store.schema import open_db

GOLD = Path(__file__).resolve().parents[1] / "data" / "seed-gold.json"


@dataclass(frozen=True)
class GoldMention:
    start: int
    end: int
    text: str
    kind: str
    key: str


def _gold_surfaces() -> list[tuple[str, str, str]]:
    """(surface, kind, key), longest first so كيم جونغ إيل wins over a bare كيم."""
    gold = json.loads(GOLD.read_text("utf-8"))
    found: dict[str, tuple[str, str]] = {}
    for article in gold["articles"].values():
        for person, variants in article["persons"].items():
            for variant in variants:
                found.setdefault(variant, ("PER", person))
        for place in article["places"]:
            found.setdefault(place, ("LOC", fold_for_search(place)))
    for variant in gold["cross_article"]["places"]["pyongyang"]["variants"]:
        found[variant] = ("LOC", "pyongyang")
    return sorted(((s, k, key) for s, (k, key) in found.items()), key=lambda t: -len(t[0]))


SURFACES = _gold_surfaces()


def gold_extractor(text: str) -> list[GoldMention]:
    taken = [False] * len(text)
    mentions: list[GoldMention] = []
    for surface, kind, key in SURFACES:
        start = text.find(surface)
        while start != -1:
            end = start + len(surface)
            if not any(taken[start:end]):
                taken[start:end] = [True] * len(surface)
                mentions.append(GoldMention(start, end, surface, kind, key))
            start = text.find(surface, end)
    return sorted(mentions, key=lambda m: m.start)


def full_name(counts: Mapping[str, int]) -> str:
    """The most frequent multi-word spelling, as a name resolver would choose."""
    return max(counts, key=lambda s: (len(s.split()) > 1, counts[s], s))


@pytest.fixture(scope="session")
def seeds_template(tmp_path_factory: pytest.TempPathFactory, seed_paths: list[Path]) -> Path:
    path = tmp_path_factory.mktemp("seeds") / "khabar.db"
    ingest_paths(path, seed_paths, workers=1, extractor=gold_extractor, canonical=full_name)
    db = open_db(path)
    db.conn.execute("PRAGMA wal_checkpoint(TRUNCATE)")
    db.conn.close()
    return path


@pytest.fixture
def seeds_db(seeds_template: Path, tmp_path: Path) -> Path:
    path = tmp_path / "khabar.db"
    shutil.copy(seeds_template, path)
    return path


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
