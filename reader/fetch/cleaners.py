"""Where a fetch's new items are cleaned: ingest's cleaner in a process pool, or in
the caller's thread for the reader, which must not fork a process full of UI threads."""

from __future__ import annotations

import multiprocessing
import signal
from collections.abc import Iterator
from concurrent.futures import Future, ProcessPoolExecutor
from contextlib import contextmanager

from reader.fetch.network import Cleaner
from reader.fetch.prepare import Pending, Prepared, prepare_many
from reader.ingest.prepare import Extractor


@contextmanager
def cleaners(workers: int, extractor: Extractor | None) -> Iterator[Cleaner]:
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
