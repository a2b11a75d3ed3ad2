"""One feed over the network: its conditional request, its parsed items, the pages of
the new ones, and when to ask again (backing off after failures, obeying Retry-After).

Runs in a fetch's network threads; the new items go on to the cleaner (`Cleaner`)
and the result (`Fetched`) to the single writer in reader/fetch/run.py.
"""

from __future__ import annotations

import sqlite3
import threading
from collections.abc import Callable
from concurrent.futures import Future
from dataclasses import dataclass
from datetime import UTC, datetime, timedelta

from reader.fetch.discover import FEED_ACCEPT
from reader.fetch.http import Client, FetchError
from reader.fetch.outcome import FeedOutcome
from reader.fetch.parse import Item, parse_feed
from reader.fetch.prepare import Pending, Prepared
from reader.fetch.settings import FeedPlan, FetchSettings
from reader.store.feeds import Feed, FetchState, known_items, now_iso

HTML_ACCEPT = "text/html, application/xhtml+xml;q=0.9, */*;q=0.5"
MAX_BACKOFF = 8  # a failing feed waits at most this many reload intervals

Cleaner = Callable[[list[Pending]], "Future[list[Prepared]]"]


@dataclass(frozen=True, slots=True)
class Fetched:
    """A feed after the network: its new items on their way to the cleaner."""

    outcome: FeedOutcome
    state: FetchState
    keys: tuple[str, ...]  # items to mark handled once written
    prepared: Future[list[Prepared]] | None


def fetch_one(
    client: Client,
    reader: sqlite3.Connection,
    feed: Feed,
    settings: FetchSettings,
    full: bool | None,
    clean: Cleaner,
    stop: threading.Event,
) -> Fetched:
    plan = settings.plan(feed)
    outcome = FeedOutcome(feed)
    now = datetime.now(UTC)
    waiting = _still_waiting(feed, now)
    if waiting is not None:
        outcome.skipped = True
        outcome.next_due = feed.next_due
        outcome.notes.append(waiting)
        state = FetchState(
            feed.last_status, feed.last_error, feed.next_due or now_iso(), retry_at=feed.retry_at
        )
        return Fetched(outcome, state, (), None)
    try:
        reply = client.get(
            feed.url, etag=feed.etag, last_modified=feed.last_modified, accept=FEED_ACCEPT
        )
    except FetchError as error:
        return _failed(outcome, feed, plan, error, now)
    moved = reply.permanent_url if reply.permanent_url != feed.url else None
    outcome.moved_to = moved
    etag, modified = reply.headers.get("etag"), reply.headers.get("last-modified")
    if reply.not_modified:
        outcome.not_modified = True
        state = FetchState(304, None, _due(now, plan), url=moved, etag=etag, last_modified=modified)
        outcome.next_due = state.next_due
        return Fetched(outcome, state, (), None)
    try:
        parsed = parse_feed(reply.body, reply.url, reply.headers.get("content-type"))
    except ValueError as error:
        return _failed(outcome, feed, plan, FetchError(str(error), status=reply.status), now)
    if parsed.problem:
        outcome.notes.append(f"{parsed.problem}; read {len(parsed.items)} items anyway")
    items = list(parsed.items[: plan.max_items])
    kept = [i for i in items if not settings.ignored(i, feed)]
    outcome.ignored = len(items) - len(kept)
    seen = known_items(reader, [i.key for i in kept])
    new = [i for i in kept if i.key not in seen]
    outcome.known = len(kept) - len(new)
    source = feed.title or parsed.title
    outcome.title = source
    pendings = [_pending(client, feed.id, source, item, full, plan, outcome, stop) for item in new]
    state = FetchState(
        reply.status,
        None,
        _due(now, plan),
        url=moved,
        title=parsed.title,
        site_url=parsed.site_url,
        etag=etag,
        last_modified=modified,
    )
    outcome.next_due = state.next_due
    future = clean(pendings) if pendings else None
    return Fetched(outcome, state, tuple(p.item.key for p in pendings), future)


def _pending(
    client: Client,
    feed_id: int,
    source: str | None,
    item: Item,
    full: bool | None,
    plan: FeedPlan,
    outcome: FeedOutcome,
    stop: threading.Event,
) -> Pending:
    wanted = plan.full if full is None else full
    if not wanted or item.link is None or stop.is_set():
        return Pending(feed_id, source, item)
    if not client.allowed(item.link):
        note = f"robots.txt disallows {item.link}: not fetched, kept the feed's summary"
        return Pending(feed_id, source, item, note=note)
    try:
        reply = client.get(item.link, accept=HTML_ACCEPT)
    except FetchError as error:
        note = f"page {item.link} not fetched ({error.reason}): kept the feed's summary"
        return Pending(feed_id, source, item, note=note)
    return Pending(feed_id, source, item, page=reply.body, page_url=reply.url)


def _failed(
    outcome: FeedOutcome, feed: Feed, plan: FeedPlan, error: FetchError, now: datetime
) -> Fetched:
    outcome.error = error.reason
    if error.status == 410:
        outcome.gone = True
        due = now_iso()
    elif error.retry_after is not None:
        due = _iso(now + timedelta(seconds=error.retry_after))
    else:
        backoff = min(2 ** min(feed.error_count, 3), MAX_BACKOFF)
        due = _due(now, plan, times=backoff)
    outcome.next_due = due
    retry = due if error.retry_after is not None else None
    state = FetchState(error.status, error.reason, due, gone=error.status == 410, retry_at=retry)
    return Fetched(outcome, state, (), None)


def _still_waiting(feed: Feed, now: datetime) -> str | None:
    """A server that answered 429/503 with Retry-After is not asked again before then."""
    if feed.retry_at is None or feed.retry_at <= _iso(now):
        return None
    when = feed.retry_at.replace("T", " ").replace("+00:00", " UTC")
    return f"not asked: the server asked to wait until {when} ({feed.last_status})"


def _due(now: datetime, plan: FeedPlan, *, times: int = 1) -> str:
    return _iso(now + timedelta(minutes=plan.reload * times))


def _iso(when: datetime) -> str:
    return when.astimezone(UTC).isoformat(timespec="seconds")
