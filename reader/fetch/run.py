"""`khabar fetch`: due feeds over the network, new items through ingest's cleaner and writer.

Three kinds of worker, each doing one thing:
- a few network threads, one job per feed host, so one host never has two requests
  in flight from its own feeds (the client's host gate covers pages on other hosts);
  what each does with a feed is reader/fetch/network.py;
- ingest's cleaning, in a process pool (or the caller's thread for the reader, which
  must not fork a process full of UI threads), a feed's new items per task
  (reader/fetch/cleaners.py);
- the calling thread, the single writer (here): it stores a feed's articles and the
  state its fetch left (validators, status, next due time) as each feed is done.
A feed's articles and its state are written one after the other, so an interrupted
run loses at most the feed it was on, which the next run fetches again.
"""

from __future__ import annotations

import os
import queue
import sqlite3
import threading
from collections.abc import Callable, Sequence
from concurrent.futures import ThreadPoolExecutor
from pathlib import Path
from urllib.parse import urlsplit

import httpx

from reader.fetch.cleaners import cleaners
from reader.fetch.http import Client
from reader.fetch.network import Cleaner, Fetched, fetch_one
from reader.fetch.outcome import FeedOutcome, FetchReport
from reader.fetch.settings import FetchSettings, load_fetch_settings
from reader.ingest.pipeline import entity_functions
from reader.ingest.prepare import Extractor
from reader.store.feeds import (
    Feed,
    all_feeds,
    due_feeds,
    mark_items,
    now_iso,
    record_fetch,
    select_feeds,
)
from reader.store.records import DocumentRow
from reader.store.schema import connect
from reader.store.write import Canonical, insert_documents


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
        with cleaners(count, extractor) as clean, Client(limits, transport=transport) as client:
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
    done: queue.Queue[Fetched | BaseException] = queue.Queue()
    stop = threading.Event()
    groups = _by_host(feeds)

    def job(group: list[Feed]) -> None:
        reader = sqlite3.connect(f"file:{db_path}?mode=ro", uri=True)
        try:
            for feed in group:
                if stop.is_set():
                    return
                try:
                    done.put(fetch_one(client, reader, feed, settings, full, clean, stop))
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


def _store(conn: sqlite3.Connection, fetched: Fetched, canonical: Canonical | None) -> FeedOutcome:
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
