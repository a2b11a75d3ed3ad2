"""Feed subscriptions: what `khabar feeds` lists and `khabar fetch` reads and updates.

One row per feed URL. The fetch side records what each fetch learned (validators for
the next conditional GET, the status, errors in plain words, when the feed is due
again) so that a cron run only asks each server what it has not yet answered.
"""

from __future__ import annotations

import json
import sqlite3
from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from datetime import UTC, datetime


@dataclass(frozen=True, slots=True)
class Feed:
    id: int
    url: str
    title: str | None
    tags: tuple[str, ...]
    site_url: str | None = None
    etag: str | None = None
    last_modified: str | None = None
    last_status: int | None = None
    last_error: str | None = None
    error_count: int = 0
    last_fetched: str | None = None
    next_due: str | None = None
    gone: bool = False
    retry_at: str | None = None

    @property
    def name(self) -> str:
        return self.title or self.url


@dataclass(frozen=True, slots=True)
class FetchState:
    """What one fetch of a feed leaves behind for the next one."""

    status: int | None
    error: str | None
    next_due: str
    etag: str | None = None
    last_modified: str | None = None
    url: str | None = None  # a permanent redirect's target
    title: str | None = None  # the feed's own title, kept when the user gave none
    site_url: str | None = None
    gone: bool = False
    retry_at: str | None = None


_COLUMNS = (
    "id, url, title, tags, site_url, etag, last_modified, last_status, last_error,"
    " error_count, last_fetched, next_due, gone, retry_at"
)


def now_iso() -> str:
    return datetime.now(UTC).isoformat(timespec="seconds")


def _feed(row: sqlite3.Row | tuple[object, ...]) -> Feed:
    (
        fid,
        url,
        title,
        tags,
        site,
        etag,
        modified,
        status,
        error,
        errors,
        fetched,
        due,
        gone,
        retry,
    ) = row
    return Feed(
        id=int(str(fid)),
        url=str(url),
        title=None if title is None else str(title),
        tags=tuple(json.loads(str(tags))),
        site_url=None if site is None else str(site),
        etag=None if etag is None else str(etag),
        last_modified=None if modified is None else str(modified),
        last_status=None if status is None else int(str(status)),
        last_error=None if error is None else str(error),
        error_count=int(str(errors)),
        last_fetched=None if fetched is None else str(fetched),
        next_due=None if due is None else str(due),
        gone=bool(gone),
        retry_at=None if retry is None else str(retry),
    )


def add_feed(
    conn: sqlite3.Connection,
    url: str,
    *,
    title: str | None = None,
    tags: Sequence[str] = (),
    site_url: str | None = None,
) -> tuple[Feed, bool]:
    """Subscribe to `url`; a feed already there gets the new tags and a title it lacked.

    Returns the feed and whether it is new.
    """
    existing = feed_by_url(conn, url)
    with conn:
        if existing is None:
            conn.execute(
                "INSERT INTO feeds (url, title, tags, site_url, added_at) VALUES (?, ?, ?, ?, ?)",
                (url, title, json.dumps(_unique(tags), ensure_ascii=False), site_url, now_iso()),
            )
        else:
            merged = _unique([*existing.tags, *tags])
            conn.execute(
                "UPDATE feeds SET tags = ?, title = coalesce(?, title),"
                " site_url = coalesce(site_url, ?) WHERE id = ?",
                (json.dumps(merged, ensure_ascii=False), title, site_url, existing.id),
            )
    feed = feed_by_url(conn, url)
    if feed is None:
        raise sqlite3.DatabaseError(f"feed {url} was not stored")
    return feed, existing is None


def _unique(tags: Iterable[str]) -> list[str]:
    return list(dict.fromkeys(t.strip() for t in tags if t.strip()))


def feed_by_url(conn: sqlite3.Connection, url: str) -> Feed | None:
    row = conn.execute(f"SELECT {_COLUMNS} FROM feeds WHERE url = ?", (url,)).fetchone()
    return None if row is None else _feed(row)


def all_feeds(conn: sqlite3.Connection) -> list[Feed]:
    return [_feed(r) for r in conn.execute(f"SELECT {_COLUMNS} FROM feeds ORDER BY id")]


def select_feeds(conn: sqlite3.Connection, selector: str) -> list[Feed]:
    """Feeds named by an id, a tag or a URL (what `--feed` and `feeds remove` accept)."""
    feeds = all_feeds(conn)
    if selector.isdigit():
        return [f for f in feeds if f.id == int(selector)]
    return [f for f in feeds if selector in f.tags or f.url == selector]


def due_feeds(conn: sqlite3.Connection, now: str) -> list[Feed]:
    return [f for f in all_feeds(conn) if not f.gone and (f.next_due is None or f.next_due <= now)]


def remove_feed(conn: sqlite3.Connection, feed_id: int) -> None:
    """Unsubscribe; the articles already fetched stay, without their feed."""
    with conn:
        conn.execute("UPDATE documents SET feed_id = NULL WHERE feed_id = ?", (feed_id,))
        conn.execute("DELETE FROM feed_items WHERE feed_id = ?", (feed_id,))
        conn.execute("DELETE FROM feeds WHERE id = ?", (feed_id,))


def record_fetch(conn: sqlite3.Connection, feed_id: int, state: FetchState) -> None:
    failed = state.error is not None
    with conn:
        if state.url is not None and feed_by_url(conn, state.url) is None:
            conn.execute("UPDATE feeds SET url = ? WHERE id = ?", (state.url, feed_id))
        conn.execute(
            "UPDATE feeds SET last_status = ?, last_error = ?, next_due = ?, last_fetched = ?,"
            " error_count = CASE WHEN ? THEN error_count + 1 ELSE 0 END,"
            " etag = coalesce(?, etag), last_modified = coalesce(?, last_modified),"
            " title = coalesce(title, ?), site_url = coalesce(site_url, ?),"
            " gone = max(gone, ?), retry_at = ? WHERE id = ?",
            (
                state.status,
                state.error,
                state.next_due,
                now_iso(),
                failed,
                state.etag,
                state.last_modified,
                state.title,
                state.site_url,
                int(state.gone),
                state.retry_at,
                feed_id,
            ),
        )


def known_items(conn: sqlite3.Connection, keys: Iterable[str]) -> set[str]:
    """Which of these item URLs (or ids) were handled before, so they are not fetched again."""
    wanted = list(dict.fromkeys(keys))
    found: set[str] = set()
    for start in range(0, len(wanted), 400):
        chunk = wanted[start : start + 400]
        marks = ",".join("?" * len(chunk))
        found.update(
            str(r[0])
            for r in conn.execute(
                f"SELECT key FROM feed_items WHERE key IN ({marks})"
                f" UNION SELECT path FROM documents WHERE path IN ({marks})",
                chunk + chunk,
            )
        )
    return found


def mark_items(conn: sqlite3.Connection, feed_id: int, keys: Iterable[str]) -> None:
    now = now_iso()
    with conn:
        conn.executemany(
            "INSERT OR IGNORE INTO feed_items (key, feed_id, seen_at) VALUES (?, ?, ?)",
            [(key, feed_id, now) for key in keys],
        )


def article_counts(conn: sqlite3.Connection) -> dict[int, int]:
    rows = conn.execute(
        "SELECT d.feed_id, count(*) FROM articles a JOIN documents d ON d.id = a.document_id"
        " WHERE d.feed_id IS NOT NULL GROUP BY d.feed_id"
    )
    return {int(fid): int(n) for fid, n in rows}
