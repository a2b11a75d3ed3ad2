"""A few thousand generated articles, ingested once per session with a cheap name finder.

The corpus comes from bench/make_corpus.py (the scale bench's generator), so the
tests see its spread: undated articles, shared dates, a few people in many
articles and many in few. Entities come from a dictionary lookup of the
generator's surnames instead of the real recogniser: these tests are about the
queries, and the lookup keeps the build to a few seconds. One worker, in
process: the suite already runs on every core, and a conftest function does
not pickle to a pool.
"""

from __future__ import annotations

import re
import sys
from dataclasses import dataclass
from pathlib import Path

import pytest

from reader.ingest.pipeline import ingest_paths
from reader.store.read.text import loose_fold
from reader.store.schema import open_db

REPO = Path(__file__).resolve().parents[2]
sys.path.insert(0, str(REPO / "bench"))

from make_corpus import LAST, make_corpus  # noqa: E402

ARTICLES = 2000
_SURNAME = re.compile(
    r"(?<![\u0621-\u064a])[وبل]?("
    + "|".join(
        sorted(
            {re.escape(n) for n in LAST} | {re.escape(n.replace("غ", "ج")) for n in LAST},
            key=len,
            reverse=True,
        )
    )
    + r")(?![\u0621-\u064a])"
)


@dataclass(frozen=True)
class FoundName:
    start: int
    end: int
    text: str
    kind: str
    key: str


def surname_extractor(text: str) -> list[FoundName]:
    """Every generated surname, spelling variants sharing one key."""
    return [
        FoundName(m.start(1), m.end(1), m.group(1), "PER", loose_fold(m.group(1)))
        for m in _SURNAME.finditer(text)
    ]


@pytest.fixture(scope="session")
def scale_db(tmp_path_factory: pytest.TempPathFactory) -> Path:
    folder = tmp_path_factory.mktemp("scale")
    make_corpus(ARTICLES, folder / "corpus", seed=11)
    path = folder / "khabar.db"
    report = ingest_paths(path, [folder / "corpus"], workers=1, extractor=surname_extractor)
    assert report.added == ARTICLES and not report.failed
    conn = open_db(path).conn
    conn.execute("PRAGMA wal_checkpoint(TRUNCATE)")
    conn.close()
    return path
