"""Fixtures of the fetch tests: a local site on 127.0.0.1 and a database with feeds in it."""

from __future__ import annotations

import sqlite3
from collections.abc import Callable, Iterator
from pathlib import Path
from typing import Any

import pytest

from reader.fetch.outcome import FetchReport
from reader.fetch.run import fetch_feeds
from reader.fetch.settings import FetchSettings
from reader.store.feeds import Feed, add_feed
from reader.store.schema import connect
from tests.fetch.site import Site

FAST = FetchSettings(delay=0.0, timeout=2.0)


@pytest.fixture
def site() -> Iterator[Site]:
    server = Site()
    try:
        yield server
    finally:
        server.close()


@pytest.fixture
def db_path(tmp_path: Path) -> Path:
    return tmp_path / "khabar.db"


@pytest.fixture
def subscribe(db_path: Path) -> Callable[..., Feed]:
    def add(url: str, **fields: Any) -> Feed:
        conn = connect(db_path)
        try:
            return add_feed(conn, url, **fields)[0]
        finally:
            conn.close()

    return add


@pytest.fixture
def fetch(db_path: Path) -> Callable[..., FetchReport]:
    """One fetch run: no politeness delay, cleaning in this thread, no entity model."""

    def run(**options: Any) -> FetchReport:
        options.setdefault("settings", FAST)
        options.setdefault("workers", 0)
        options.setdefault("entities", False)
        return fetch_feeds(db_path, **options)

    return run


@pytest.fixture
def query(db_path: Path) -> Callable[..., list[tuple[Any, ...]]]:
    def rows(sql: str, *params: object) -> list[tuple[Any, ...]]:
        conn = sqlite3.connect(db_path)
        try:
            return conn.execute(sql, params).fetchall()
        finally:
            conn.close()

    return rows
