"""One connection shared by the UI's worker threads, and what is derived from its data.

A lock keeps the connection to one thread at a time, and a room holds it for a
whole piece of work (a plan compiled and run), so no other thread can drop a
temp table that work is reading. What the rooms materialise (search hits, folded
names, compiled plans) is forgotten as soon as another connection (an ingest)
has committed: `PRAGMA data_version` says so at each first acquisition.
"""

from __future__ import annotations

import sqlite3
import threading
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from pathlib import Path

from reader.store.read.text import loose_fold
from reader.store.schema import connect


class Session:
    def __init__(self, path: Path, *, readonly: bool = False) -> None:
        self.path = path
        self._conn = connect(path, readonly=readonly)
        self._conn.create_function("khabar_loose", 1, loose_fold, deterministic=True)
        self._lock = threading.RLock()
        self._depth = 0
        self._version: int | None = None
        self._forget: list[Callable[[sqlite3.Connection], None]] = []

    def on_change(self, forget: Callable[[sqlite3.Connection], None]) -> None:
        """Call `forget` (with the connection, lock held) when the data has changed."""
        self._forget.append(forget)

    @contextmanager
    def locked(self) -> Iterator[sqlite3.Connection]:
        """The connection, this thread's alone until the outermost `with` ends."""
        with self._lock:
            self._depth += 1
            try:
                if self._depth == 1:
                    self._fresh()
                yield self._conn
            finally:
                self._depth -= 1

    def _fresh(self) -> None:
        version = int(self._conn.execute("PRAGMA data_version").fetchone()[0])
        if version != self._version:
            self._version = version
            for forget in self._forget:
                forget(self._conn)

    def close(self) -> None:
        with self._lock:
            self._conn.close()
