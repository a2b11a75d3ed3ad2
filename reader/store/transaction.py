"""One write transaction, shared by the writer, re-cleaning and migrations.

BEGIN IMMEDIATE takes the write lock at the start, so two khabars never both read
a state and then write on it; rolling back on BaseException keeps Ctrl-C from
leaving half a batch (or half a migration) behind.
"""

from __future__ import annotations

import sqlite3
from collections.abc import Iterator
from contextlib import contextmanager


@contextmanager
def transaction(conn: sqlite3.Connection) -> Iterator[None]:
    """BEGIN IMMEDIATE … COMMIT, rolled back on any exception, KeyboardInterrupt included."""
    conn.execute("BEGIN IMMEDIATE")
    try:
        yield
    except BaseException:
        conn.execute("ROLLBACK")
        raise
    conn.execute("COMMIT")
