"""Ingest files into the store: a process pool cleans, the main process writes.

Workers do everything CPU-bound (decode, clean, entities) and return plain
records; the single writer inserts them in input order, so ids are stable, a
batch of whole files per transaction (a commit per file would cost the writer
more than the inserts). SIGINT/SIGTERM set a flag that the writer checks between
batches: what is committed stays, nothing is half-written, and the next run
skips what is already stored by its hash.
"""

from __future__ import annotations

import multiprocessing
import os
import signal
import sqlite3
import threading
import time
from collections import deque
from collections.abc import Callable, Generator, Iterable, Iterator, Sequence
from concurrent.futures import Future, ProcessPoolExecutor
from concurrent.futures import TimeoutError as FutureTimeout
from concurrent.futures.process import BrokenProcessPool
from dataclasses import dataclass, field
from functools import partial
from pathlib import Path

from reader.clean.template import SiteTemplate
from reader.ingest import collector, read_once
from reader.ingest.discover import discover
from reader.ingest.halt import Halt
from reader.ingest.prepare import (
    Extractor,
    Options,
    Stopped,
    never,
    prepare_batch,
    prepare_file,
    stop_when,
)
from reader.ingest.progress import ProgressBar
from reader.ingest.signals import stop_on_signals
from reader.ingest.templates import count_sites, templates_for
from reader.store import story_sign
from reader.store.records import DocumentRow, Duplicate, Failure, Outcome
from reader.store.schema import open_db
from reader.store.templates import add_to_templates
from reader.store.write import Canonical, insert_documents

HANDFUL = 8
WRITE_BATCH = 64
WARM_UP_TEXT = "قال الرئيس فلاديمير بوتين في موسكو"
_POLL_SECONDS = 0.2


@dataclass
class IngestReport:
    added: int = 0  # documents stored (a file, or a line of a .jsonl)
    duplicates: int = 0
    linked: int = 0  # documents stored as copies of a stored article (another byte form)
    failed: list[tuple[Path, str]] = field(default_factory=list)
    articles: int = 0  # article rows stored, appended articles included
    files: int = 0  # files found
    interrupted: bool = False
    unprocessed: int = 0  # files left when a worker died
    notes: list[str] = field(default_factory=list)

    @property
    def ok(self) -> bool:
        """Something was stored or already there: the exit status is 0."""
        return self.added > 0 or self.duplicates > 0 or self.linked > 0


def ingest_paths(
    db_path: Path,
    paths: Sequence[Path],
    *,
    entities: bool = True,
    workers: int | None = None,
    progress: bool = False,
    extractor: Extractor | None = None,
    canonical: Canonical | None = None,
    dask: str | None = None,
) -> IngestReport:
    """Ingest files and directories into the database at `db_path`.

    Exactly `khabar process` then `khabar load` on one machine: workers (a local
    process pool, or a Dask cluster at the scheduler address `dask`) turn each
    file into records, the single writer stores them in input order.
    `extractor`/`canonical` replace reader.nlp's entity extraction and name
    choice (tests pass small fakes); with `entities=False` no entities are made.
    """
    report = IngestReport()
    files, missing = discover(paths)
    report.failed.extend(missing)
    report.files = len(files)
    if entities:
        extractor, canonical = entity_functions(extractor, canonical, report.notes)
    else:
        extractor = None
    # First pass: each site's line counts, so every dump is cleaned with its site's template
    # (the texts it decoded are kept for the workers: reader/ingest/read_once.py).
    counted, templates = _site_templates(db_path, files)
    try:
        options = Options(db_path=str(db_path), extractor=extractor, templates=templates)
        count = workers if workers is not None else (os.cpu_count() or 1)
        context = _context()
        halt = Halt(context)
        with stop_on_signals(halt) as stop:
            stream: Iterable[list[Outcome]]
            warm_up: Callable[[], object] | None = None
            if dask is not None:
                from reader.ingest.dask_map import dask_batches

                stream = dask_batches(
                    dask, files, entities=extractor is not None, stop=stop, templates=templates
                )
            else:
                stream = prepared_batches(files, options, count, stop, (context, halt))
                if extractor is not None and len(files) > HANDFUL and (progress or count > 1):
                    warm_up = partial(extractor, WARM_UP_TEXT)
            store(
                db_path,
                stream,
                report,
                stop,
                canonical=canonical,
                progress=progress,
                warm_up=warm_up,
            )
        if not report.interrupted and counted:
            db = open_db(db_path)
            try:
                add_to_templates(db.conn, counted)
            finally:
                db.conn.close()
    finally:
        read_once.forget()
    return report


def _site_templates(
    db_path: Path, files: Sequence[Path]
) -> tuple[dict[str, SiteTemplate], dict[str, SiteTemplate]]:
    """This run's per-site counts (to store afterwards) and the templates to clean with."""
    db = open_db(db_path)
    try:
        counted = count_sites(files, db.conn)
        return counted, templates_for(counted, db.conn)
    finally:
        db.conn.close()


def store(
    db_path: Path,
    stream: Iterable[list[Outcome]],
    report: IngestReport,
    stop: threading.Event,
    *,
    canonical: Canonical | None,
    progress: bool,
    warm_up: Callable[[], object] | None = None,
) -> None:
    """The single writer: each input's outcomes, stored WRITE_BATCH documents a transaction.

    `warm_up` runs first, under the progress bar's "loading" line."""
    db = open_db(db_path)
    conn = db.conn
    # The entity and FTS b-trees of a large corpus outgrow the default 2 MB page cache.
    conn.execute("PRAGMA cache_size = -65536")
    bar = ProgressBar(report.files, enabled=progress and report.files > HANDFUL)
    try:
        # Entered before the pool forks, so the workers start with the model frozen too.
        with collector.settled(), bar:
            if warm_up is not None:
                # The entity model loads on its first text: once here, before the workers
                # fork and inherit it, instead of once per worker while the bar sits at 0.
                bar.say("loading the entity model…")
                warm_up()
                collector.settle()  # the model just loaded is frozen with the rest
                bar.say("")
            waiting: list[Outcome] = []
            # The bar counts files as they come back prepared, one by one; the articles it
            # shows are the ones stored, which trail by at most a write batch.
            done = 0
            try:
                for outcomes in stream:
                    done += 1
                    waiting.extend(outcomes)
                    if len(waiting) >= WRITE_BATCH:
                        _record(conn, waiting, canonical, report)
                        waiting = []
                    bar.advance(1, report.articles)
                    if stop.is_set():
                        break
                if isinstance(stream, Generator):
                    # Its pool shuts down now, not whenever the generator is collected.
                    stream.close()
            except BrokenProcessPool:
                # A worker was killed (OOM killer, kill -9): what came back is stored
                # below, the rest is for the next run, which skips what is stored.
                report.unprocessed = report.files - done
            _record(conn, waiting, canonical, report)
            bar.advance(0, report.articles)
            report.interrupted = stop.is_set()
    finally:
        conn.close()


def _record(
    conn: sqlite3.Connection,
    outcomes: list[Outcome],
    canonical: Canonical | None,
    report: IngestReport,
) -> None:
    documents: list[DocumentRow] = []
    for outcome in outcomes:
        if isinstance(outcome, Failure):
            report.failed.append((Path(outcome.path), outcome.reason))
        elif isinstance(outcome, Duplicate):
            report.duplicates += 1
        else:
            documents.append(outcome)
            report.notes.extend(outcome.notes)
    if not documents:
        return
    try:
        results = insert_documents(conn, documents, canonical=canonical)
    except (sqlite3.IntegrityError, sqlite3.InterfaceError, ValueError):
        # One document the database refuses must not cost the others in its batch:
        # the batch rolled back, so store them one by one and name the one refused.
        results = []
        for doc in documents:
            try:
                results.extend(insert_documents(conn, [doc], canonical=canonical))
            except (sqlite3.IntegrityError, sqlite3.InterfaceError, ValueError) as error:
                report.failed.append((Path(doc.source_path), f"not stored: {error}"))
    for ids in results:
        if ids is None:
            report.duplicates += 1
        elif not ids:
            report.linked += 1
        else:
            report.added += 1
            report.articles += len(ids)


def prepared_batches(
    files: list[Path],
    options: Options,
    workers: int,
    stop: threading.Event,
    pool_stop: tuple[multiprocessing.context.BaseContext, Halt] | None = None,
) -> Iterator[list[Outcome]]:
    """Each file's outcomes in input order, until done or `stop` is set; the workers of
    the pool made in `context` watch `halt`, which the signal handler sets with `stop`
    (without `pool_stop`, a pool of its own that stops once `stop` is seen)."""
    if workers <= 1 or len(files) <= HANDFUL:
        stop_when(stop.is_set)
        try:
            for path in files:
                if stop.is_set():
                    return
                try:
                    outcomes = prepare_file(path, options)
                except Stopped:
                    return
                yield outcomes
        finally:
            stop_when(never)
        return
    size = max(1, min(16, len(files) // (workers * 8)))
    # One file per worker first, so the first results (and the progress bar) come back
    # after one file's work, not after a whole chunk's.
    head = [[str(p)] for p in files[:workers]]
    rest = files[workers:]
    chunks = head + [[str(p) for p in rest[i : i + size]] for i in range(0, len(rest), size)]
    story_sign.load()
    if pool_stop is None:
        context = _context()
        halt = Halt(context)
    else:
        context, halt = pool_stop
    pool = ProcessPoolExecutor(
        max_workers=workers,
        mp_context=context,
        initializer=_start_worker,
        initargs=(options, halt),
    )
    pending: deque[Future[list[list[Outcome]]]] = deque()
    queued = iter(chunks)
    broken = False
    try:
        for chunk in queued:
            pending.append(pool.submit(_prepare_in_worker, chunk))
            if len(pending) >= workers * 4:
                break
        while pending and not stop.is_set():
            results = _wait(pending[0], stop, workers)
            if results is None:
                break
            pending.popleft()
            nxt = next(queued, None)
            if nxt is not None:
                pending.append(pool.submit(_prepare_in_worker, nxt))
            for outcomes in results:
                yield outcomes
                if stop.is_set():
                    return
    except BrokenProcessPool:
        broken = True
        raise
    finally:
        # Running workers see `halt` between stages and files, so the wait is one stage.
        halt.set()
        for future in pending:
            future.cancel()
        if broken:
            # The pool's own shutdown can wait for ever on a result a killed worker left
            # half-written; the survivors are ended here instead.
            pool.shutdown(wait=False, cancel_futures=True)
            for child in multiprocessing.active_children():
                child.kill()
        else:
            pool.shutdown(wait=True, cancel_futures=True)


def _wait(
    future: Future[list[list[Outcome]]], stop: threading.Event, workers: int
) -> list[list[Outcome]] | None:
    """The future's result, None once `stop` is set; BrokenProcessPool as soon as a worker
    is gone, even when the pool itself has not noticed (a worker killed while writing its
    result leaves the pool waiting for the rest of it)."""
    while not stop.is_set():
        try:
            return future.result(timeout=_POLL_SECONDS)
        except FutureTimeout:
            if len(multiprocessing.active_children()) < workers:
                raise BrokenProcessPool("a worker process died") from None
    return None


def _context() -> multiprocessing.context.BaseContext:
    # fork starts workers in milliseconds with reader.* already imported; the
    # writer's connection is inherited but never touched in the child.
    methods = multiprocessing.get_all_start_methods()
    return multiprocessing.get_context("fork" if "fork" in methods else "spawn")


_worker_options: Options | None = None


def _start_worker(options: Options, halt: Halt) -> None:
    """Hand the worker its options once, at start.

    Under fork the options (and any extractor in them, a closure or lambda
    included) are inherited rather than pickled with every batch. Ctrl-C reaches
    the whole process group; only the writer decides how to stop.
    """
    global _worker_options
    _worker_options = options
    collector.settle()
    stop_when(halt.is_set)
    threading.Thread(target=_exit_with_parent, args=(os.getppid(),), daemon=True).start()
    signal.signal(signal.SIGINT, signal.SIG_IGN)
    signal.signal(signal.SIGTERM, signal.SIG_DFL)


def _exit_with_parent(parent: int) -> None:
    """A worker whose parent was killed would wait on its task queue for ever (every
    sibling holds the queue's other end open), so it watches for being orphaned, even
    in the middle of a file, and leaves."""
    while os.getppid() == parent:
        time.sleep(_POLL_SECONDS)
    os._exit(1)


def _prepare_in_worker(chunk: list[str]) -> list[list[Outcome]]:
    if _worker_options is None:
        raise RuntimeError("ingest worker started without options")
    return prepare_batch(chunk, _worker_options)


def entity_functions(
    extractor: Extractor | None, canonical: Canonical | None, notes: list[str]
) -> tuple[Extractor | None, Canonical | None]:
    """The extractor and name chooser to use: the given ones, else reader.nlp's, loaded.

    A reader.nlp that cannot load is a note (ingest, fetch and reclean each say it in
    their summary), not a failure: the articles are stored without entities."""
    if extractor is not None:
        return extractor, canonical
    try:
        from reader.nlp.extract import extract_entities
        from reader.nlp.resolve import choose_canonical
    except ModuleNotFoundError as exc:
        notes.append(f"entities not extracted: {exc.name} is not available")
        return None, canonical
    return extract_entities, canonical or choose_canonical
