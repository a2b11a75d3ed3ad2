"""The database schema's version and opening: the contract between the pipeline and the reader.

Text is stored in logical order exactly as cleaned; display forms are never
stored. `PRAGMA user_version` holds the schema version; each entry of
`MIGRATIONS` is a function that moves a `sqlite_utils.Database` one version up
(reader/store/migrations.py says what sqlite-utils does there and what is SQL).
`migrate` runs each in its own transaction together with the version bump, so an
old database opens in a newer khabar without losing anything, and an interrupted
migration leaves the version it had.

The version is `user_version`, not sqlite-utils' `Migrations` table: databases
written before migrations were functions carry only that number, and the
newer-khabar and foreign-database guards read it before anything is written.
"""

from __future__ import annotations

import sqlite3
from pathlib import Path
from typing import TYPE_CHECKING

from reader.errors import KhabarError
from reader.store import migrations
from reader.store.migrations import Migration
from reader.store.transaction import transaction

if TYPE_CHECKING:
    import sqlite_utils

# A schema change is one function appended here (write it in migrations.py), e.g.
#     def source_index(db): db.table("articles").create_index(["source"], "articles_source")
# Never edit an entry that has shipped: databases already hold what it made.
MIGRATIONS: tuple[Migration, ...] = (
    migrations.first_schema,
    migrations.feeds,
    migrations.site_templates,
    migrations.contentless_index,
    migrations.stories,
    migrations.content_keys,
    migrations.mentions_by_article,
    migrations.story_rows,
    migrations.packed_text,
    migrations.stories_within_bound,
)

SCHEMA_VERSION = len(MIGRATIONS)


class SchemaTooNew(KhabarError):
    """The database was written by a newer khabar; opening it could lose data."""


class ForeignDatabase(KhabarError):
    """The file is some other program's SQLite database: khabar must not add its tables
    to it, switch it to WAL or fill it with sample articles."""


def check_ours(conn: sqlite3.Connection, path: Path) -> None:
    """Refuse, before anything is written, a database khabar cannot or must not use:
    one from a newer khabar, or a non-empty one that is not khabar's."""
    version = schema_version(conn)
    if version > SCHEMA_VERSION:
        raise SchemaTooNew(
            f"the database {path} has schema version {version}, newer than this khabar "
            f"understands ({SCHEMA_VERSION}); upgrade khabar"
        )
    names = {str(row[0]) for row in conn.execute("SELECT name FROM sqlite_master")}
    if (version == 0 and names) or (version > 0 and "articles" not in names):
        raise ForeignDatabase(
            f"{path} is not a khabar database (it holds other tables); khabar leaves it "
            "as it is: choose another --db"
        )


def schema_version(conn: sqlite3.Connection) -> int:
    return int(conn.execute("PRAGMA user_version").fetchone()[0])


def migrate(conn: sqlite3.Connection) -> int:
    """Bring the database up to `SCHEMA_VERSION`; return the version it had before.

    sqlite_utils is imported only when a migration is due, so opening an
    up-to-date database (the reader's start-up) stays on plain sqlite3.
    """
    before = schema_version(conn)
    if before > SCHEMA_VERSION:
        raise SchemaTooNew(
            f"database schema version {before} is newer than this khabar understands "
            f"({SCHEMA_VERSION}); upgrade khabar"
        )
    if before == SCHEMA_VERSION:
        return before
    import sqlite_utils

    db = sqlite_utils.Database(conn, recursive_triggers=False, execute_plugins=False)
    for version in range(before, SCHEMA_VERSION):
        with transaction(conn):  # one migration and its version bump: all or nothing
            # Another khabar may have migrated while this one waited for the lock.
            if schema_version(conn) == version:
                MIGRATIONS[version](db)
                conn.execute(f"PRAGMA user_version = {version + 1}")
    if before > 0:
        # Migrations rewrite tables (schema 9 every body and the whole index) and leave
        # pages free or half empty that the file would otherwise keep: give them back
        # (in WAL mode the file shrinks when the log is checkpointed).
        conn.execute("VACUUM")
        conn.execute("PRAGMA wal_checkpoint(TRUNCATE)")
    return before


def connect(path: Path, *, readonly: bool = False) -> sqlite3.Connection:
    """Open (creating and migrating if needed) a khabar database in WAL mode.

    Plain sqlite3, because importing sqlite_utils (and the numpy it pulls in) costs
    the reader a third of its start-up; callers that write through sqlite_utils use
    `open_db`, which wraps this same connection.
    """
    if readonly:
        conn = sqlite3.connect(f"file:{path}?mode=ro", uri=True, check_same_thread=False)
        _checked(conn, path)
    else:
        path.parent.mkdir(parents=True, exist_ok=True)
        conn = sqlite3.connect(str(path), check_same_thread=False, timeout=30)
        _checked(conn, path)
        if conn.execute("PRAGMA journal_mode").fetchone()[0] != "wal":
            conn.execute("PRAGMA journal_mode = wal")
        # In WAL mode NORMAL still never corrupts or half-writes a transaction; it only
        # skips the fsync per commit that would cap ingest at a few hundred files a second.
        conn.execute("PRAGMA synchronous = NORMAL")
        migrate(conn)
    conn.execute("PRAGMA foreign_keys = ON")
    conn.execute("PRAGMA busy_timeout = 5000")
    return conn


def upgrade_if_due(path: Path) -> None:
    """Bring a database an older khabar wrote up to date with one writable open, for the
    callers that then read it read-only: the layout changes between versions (schema 9
    stores bodies packed), so an old file cannot be read as it is."""
    conn = connect(path, readonly=True)
    try:
        due = schema_version(conn) < SCHEMA_VERSION
    finally:
        conn.close()
    if due:
        connect(path).close()


def _checked(conn: sqlite3.Connection, path: Path) -> None:
    try:
        check_ours(conn, path)
    except BaseException:
        conn.close()
        raise


def open_db(path: Path, *, readonly: bool = False) -> sqlite_utils.Database:
    """`connect`, wrapped for the pipeline and commands that use sqlite_utils' table API."""
    import sqlite_utils

    return sqlite_utils.Database(connect(path, readonly=readonly))
