"""Fixtures for the entity tests: the seeds through the real ingest path, once per session."""

from __future__ import annotations

from collections.abc import Callable, Iterator
from pathlib import Path

import pytest
import sqlite_utils

from reader.ingest.pipeline import ingest_paths
from reader.nlp.normalize import fold_for_search
from reader.store.schema import open_db


@pytest.fixture(scope="session")
def seed_db(
    tmp_path_factory: pytest.TempPathFactory, seed_paths: list[Path]
) -> Iterator[sqlite_utils.Database]:
    path = tmp_path_factory.mktemp("nlp") / "seeds.db"
    report = ingest_paths(path, seed_paths, workers=2)
    assert not report.failed
    db = open_db(path, readonly=True)
    yield db
    db.conn.close()


@pytest.fixture(scope="session")
def ingest_texts(
    tmp_path_factory: pytest.TempPathFactory,
) -> Callable[[dict[str, str]], sqlite_utils.Database]:
    """Write small articles (file name → text), ingest them, return the database."""

    def run(articles: dict[str, str]) -> sqlite_utils.Database:
        folder = tmp_path_factory.mktemp("articles")
        for name, text in articles.items():
            (folder / name).write_text(text, "utf-8")
        path = folder / "khabar.db"
        ingest_paths(path, sorted(folder.glob("*.txt")), workers=2)
        return open_db(path, readonly=True)

    return run


def folded(text: str) -> str:
    return fold_for_search(text)
