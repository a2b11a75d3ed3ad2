"""The seeds ingested once per session, copied per test.

Behaviour tests run on what a user gets: the shipped cleaner and entity
recogniser (`seeds_db`), so a filter test fails when either stops finding a gold
person. Snapshots pin pixels, so they use entities taken from the hand-made gold
(`gold_seeds_db`): a better entity model must not churn every snapshot.
"""

from __future__ import annotations

import json
import shutil
from collections.abc import Mapping
from dataclasses import dataclass
from pathlib import Path
from typing import Any

import pytest

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


def _template(path: Path, seed_paths: list[Path], **options: Any) -> Path:
    """Ingest once and fold the WAL into the main file, so a plain copy is a whole database."""
    ingest_paths(path, seed_paths, workers=1, **options)
    db = open_db(path)
    db.conn.execute("PRAGMA wal_checkpoint(TRUNCATE)")
    db.conn.close()
    return path


@pytest.fixture(scope="session")
def seeds_template(tmp_path_factory: pytest.TempPathFactory, seed_paths: list[Path]) -> Path:
    return _template(tmp_path_factory.mktemp("seeds") / "khabar.db", seed_paths)


@pytest.fixture(scope="session")
def gold_seeds_template(tmp_path_factory: pytest.TempPathFactory, seed_paths: list[Path]) -> Path:
    return _template(
        tmp_path_factory.mktemp("gold-seeds") / "khabar.db",
        seed_paths,
        extractor=gold_extractor,
        canonical=full_name,
    )


@pytest.fixture
def seeds_db(seeds_template: Path, tmp_path: Path) -> Path:
    return Path(shutil.copy(seeds_template, tmp_path / "khabar.db"))


@pytest.fixture
def gold_seeds_db(gold_seeds_template: Path, tmp_path: Path) -> Path:
    return Path(shutil.copy(gold_seeds_template, tmp_path / "khabar.db"))


@pytest.fixture(autouse=True)
def _read_marks_wait_for_the_test(monkeypatch: pytest.MonkeyPatch) -> None:
    """An article shown for BodyPane.READ_AFTER seconds becomes read; on a loaded machine
    a test can take that long, so the timer is set out of reach and the tests that need
    the moment fire it themselves (BodyPane.dwell_elapsed)."""
    from reader.tui.widgets.body_pane import BodyPane

    monkeypatch.setattr(BodyPane, "READ_AFTER", 3600.0)


@pytest.fixture(autouse=True)
def _notices_wait_for_the_test(monkeypatch: pytest.MonkeyPatch) -> None:
    """A notice disappears after App.NOTIFICATION_TIMEOUT seconds, which a loaded machine
    can spend between the key and the test's look at the notices: kept for the test."""
    from reader.tui.app import KhabarApp

    monkeypatch.setattr(KhabarApp, "NOTIFICATION_TIMEOUT", 3600.0)
