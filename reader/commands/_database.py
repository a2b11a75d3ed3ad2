"""Opening the database for the commands that only read it."""

from __future__ import annotations

import argparse
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path

import sqlite_utils

from reader.errors import KhabarError
from reader.paths import default_db_path


@contextmanager
def existing_database(args: argparse.Namespace) -> Iterator[tuple[Path, sqlite_utils.Database]]:
    """A read-only connection, refusing to create an empty database by accident."""
    from reader.store.schema import open_db, upgrade_if_due

    path = Path(args.db or default_db_path())
    if not path.exists():
        raise KhabarError(f"no database at {path}; run `khabar ingest` first")
    upgrade_if_due(path)
    db = open_db(path, readonly=True)
    try:
        yield path, db
    finally:
        db.conn.close()
