"""`khabar fetch`: due feeds over the network, new items through ingest's cleaner and writer.

Three kinds of worker, each doing one thing:
- a few network threads, one job per feed host, so one host never has two requests
  in flight from its own feeds (the client's host gate covers pages on other hosts);
- ingest's cleaning, in a process pool (or the caller's thread for the reader, which
  must not fork a process full of UI threads), a feed's new items per task;
- the calling thread, the single writer: it stores a feed's articles and the state
  its fetch left (validators, status, next due time) as each feed is done.
A feed's articles and its state are written one after the other, so an interrupted
run loses at most the feed it was on, which the next run fetches again.
"""

from __future__ import annotations

import multiprocessing
import os
import queue
import signal
import sqlite3
import threading
from collections.abc import Callable, Iterator, Sequence
from concurrent.futures import Future, ProcessPoolExecutor, ThreadPoolExecutor
from contextlib import contextmanager
from dataclasses import dataclass, field
from datetime import UTC, datetime, timedelta
from pathlib import Path
from urllib.parse import urlsplit

import httpx

from reader.fetch.discover import FEED_ACCEPT
from reader.fetch.http import Client, FetchError
from reader.fetch.parse import Item, parse_feed
from reader.fetch.prepare import Pending, Prepared, prepare_many
from reader.fetch.settings import FeedPlan, FetchSettings, load_fetch_settings
from reader.ingest.pipeline import entity_functions
from reader.ingest.prepare import Extractor
from reader.store.feeds import (
    Feed,
    FetchState,
    all_feeds,
    due_feeds,
    known_items,
    mark_items,
    now_iso,
    record_fetch,
    select_feeds,
)
from reader.store.records import DocumentRow
from reader.store.schema import connect
from reader.store.write import Canonical, insert_documents

HTML_ACCEPT = "text/html, application/xhtml+xml;q=0.9, */*;q=0.5"
MAX_BACKOFF = 8  # a failing feed waits at most this many reload intervals


@dataclass
class FeedOutcome:
    """What one feed's fetch did, for its summary line."""

    feed: Feed
    title: str | None = None  # the feed's own title when the user gave none
    added: int = 0  # articles stored
    summaries: int = 0  # of them, the feed's summary because the page could not be had
    duplicates: int = 0  # new items whose content was already stored
    known: int = 0  # items handled in an earlier fetch
    ignored: int = 0  # dropped by the killfile
    failed: list[tuple[str, str]] = field(default_factory=list)  # item, why
    notes: list[str] = field(default_factory=list)
    error: str | None = None  # the feed itself could not be read
    not_modified: bool = False
    skipped: bool = False  # not asked at all (the server asked to wait)
    gone: bool = False
    moved_to: str | None = None
    next_due: str | None = None


@dataclass
class FetchReport:
    feeds: list[FeedOutcome] = field(default_factory=list)
    notes: list[str] = field(default_factory=list)
    interrupted: bool = False

    @property
    def ok(self) -> bool:
        """Exit 0 unless every feed asked failed: nothing new is not a failure."""
        return not self.feeds or any(f.error is None for f in self.feeds)

    @property
    def added(self) -> int:
        return sum(f.added for f in self.feeds)


@dataclass(frozen=True, slots=True)
class _Fetched:
    """A feed after the network: its new items on their way to the cleaner."""

    outcome: FeedOutcome
    state: FetchState
    keys: tuple[str, ...]  # items to mark handled once written
    prepared: Future[list[Prepared]] | None


def fetch_feeds(
    db_path: Path,
    *,
    selector: str | None = None,
    every: bool = False,
    full: bool | None = None,
    settings: FetchSettings | None = None,
    workers: int | None = None,
    entities: bool = True,
    extractor: Extractor | None = None,
    canonical: Canonical | None = None,
    on_start: Callable[[int], None] | None = None,
    on_feed: Callable[[FeedOutcome], None] | None = None,
    transport: httpx.BaseTransport | None = None,
) -> FetchReport:
    """Fetch the due feeds (or those `selector` names, or `every` one) into `db_path`.

    `workers=0` cleans in this thread (what the reader uses); `on_start` gets the
    number of feeds, `on_feed` each feed's outcome as soon as it is stored.
    """
    settings = settings or load_fetch_settings()
    report = FetchReport(notes=list(settings.problems))
    conn = connect(db_path)
    try:
        feeds = _chosen(conn, selector, every, report)
        if on_start is not None:
            on_start(len(feeds))
        if not feeds:
            return report
        if entities:
            extractor, canonical = entity_functions(extractor, canonical, report.notes)
        else:
            extractor = None
        limits = settings.limits()
        count = workers if workers is not None else min(4, os.cpu_count() or 1)
        with _cleaners(count, extractor) as clean, Client(limits, transport=transport) as client:
            _run(conn, db_path, feeds, settings, full, client, clean, canonical, report, on_feed)
    finally:
        conn.close()
    return report


def _chosen(
    conn: sqlite3.Connection, selector: str | None, every: bool, report: FetchReport
) -> list[Feed]:
    if selector is not None:
        named = select_feeds(conn, selector)
        if not named:
            report.notes.append(f"no feed has the id, tag or URL {selector!r}")
        for feed in named:
            if feed.gone:
                report.notes.append(f"{feed.name}: not fetched, the server said it is gone (410)")
        return [f for f in named if not f.gone]
    if every:
        return [f for f in all_feeds(conn) if not f.gone]
    return due_feeds(conn, now_iso())


Cleaner = Callable[[list[Pending]], "Future[list[Prepared]]"]


def _run(
    conn: sqlite3.Connection,
    db_path: Path,
    feeds: list[Feed],
    settings: FetchSettings,
    full: bool | None,
    client: Client,
    clean: Cleaner,
    canonical: Canonical | None,
    report: FetchReport,
    on_feed: Callable[[FeedOutcome], None] | None,
) -> None:
    done: queue.Queue[_Fetched | BaseException] = queue.Queue()
    stop = threading.Event()
    groups = _by_host(feeds)

    def job(group: list[Feed]) -> None:
        reader = sqlite3.connect(f"file:{db_path}?mode=ro", uri=True)
        try:
            for feed in group:
                if stop.is_set():
                    return
                try:
                    done.put(_fetch_one(client, reader, feed, settings, full, clean, stop))
                except BaseException as error:  # reported by the writer, never lost in a thread
                    done.put(error)
        finally:
            reader.close()

    threads = ThreadPoolExecutor(max_workers=min(len(groups), client.limits.connections))
    try:
        for group in groups:
            threads.submit(job, group)
        for _ in feeds:
            fetched = done.get()
            if isinstance(fetched, BaseException):
                raise fetched
            outcome = _store(conn, fetched, canonical)
            report.feeds.append(outcome)
            if on_feed is not None:
                on_feed(outcome)
    except BaseException:
        stop.set()
        report.interrupted = True
        raise
    finally:
        threads.shutdown(wait=True, cancel_futures=True)


def _by_host(feeds: Sequence[Feed]) -> list[list[Feed]]:
    groups: dict[str, list[Feed]] = {}
    for feed in feeds:
        groups.setdefault((urlsplit(feed.url).hostname or "").lower(), []).append(feed)
    return list(groups.values())


def _fetch_one(
    client: Client,
    reader: sqlite3.Connection,
    feed: Feed,
    settings: FetchSettings,
    full: bool | None,
    clean: Cleaner,
    stop: threading.Event,
) -> _Fetched:
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
        return _Fetched(outcome, state, (), None)
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
        return _Fetched(outcome, state, (), None)
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
    return _Fetched(outcome, state, tuple(p.item.key for p in pendings), future)


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
) -> _Fetched:
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
    return _Fetched(outcome, state, (), None)


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


def _store(conn: sqlite3.Connection, fetched: _Fetched, canonical: Canonical | None) -> FeedOutcome:
    outcome = fetched.outcome
    prepared = fetched.prepared.result() if fetched.prepared is not None else []
    rows: list[DocumentRow] = []
    summary_rows: list[bool] = []
    for result in prepared:
        if result.note:
            outcome.notes.append(result.note)
        if isinstance(result.outcome, DocumentRow):
            rows.append(result.outcome)
            outcome.notes.extend(result.outcome.notes)
            fell_back = result.pending.page is not None or result.pending.note is not None
            summary_rows.append(result.summary_only and fell_back)
        else:
            outcome.failed.append((result.outcome.path, result.outcome.reason))
    if rows:
        stored = insert_documents(conn, rows, canonical=canonical)
        for ids, summary in zip(stored, summary_rows, strict=True):
            if ids is None:
                outcome.duplicates += 1
            else:
                outcome.added += len(ids)
                outcome.summaries += len(ids) if summary else 0
    mark_items(conn, outcome.feed.id, fetched.keys)
    record_fetch(conn, outcome.feed.id, fetched.state)
    return outcome


@contextmanager
def _cleaners(workers: int, extractor: Extractor | None) -> Iterator[Cleaner]:
    """Where a feed's new items are cleaned: a pool forked before any network thread starts."""
    if workers <= 0:

        def inline(pendings: list[Pending]) -> Future[list[Prepared]]:
            future: Future[list[Prepared]] = Future()
            future.set_result(prepare_many(pendings, extractor))
            return future

        yield inline
        return
    methods = multiprocessing.get_all_start_methods()
    context = multiprocessing.get_context("fork" if "fork" in methods else "spawn")
    pool = ProcessPoolExecutor(
        max_workers=workers, mp_context=context, initializer=_start_worker, initargs=(extractor,)
    )
    try:
        # Under fork every worker starts at the first submit: now, while this process
        # has no network thread whose locks a child could inherit held.
        pool.submit(int).result()

        def submit(pendings: list[Pending]) -> Future[list[Prepared]]:
            return pool.submit(_prepare_in_worker, pendings)

        yield submit
    finally:
        pool.shutdown(wait=True, cancel_futures=True)


_worker_extractor: Extractor | None = None


def _start_worker(extractor: Extractor | None) -> None:
    global _worker_extractor
    _worker_extractor = extractor
    signal.signal(signal.SIGINT, signal.SIG_IGN)


def _prepare_in_worker(pendings: list[Pending]) -> list[Prepared]:
    return prepare_many(pendings, _worker_extractor)
