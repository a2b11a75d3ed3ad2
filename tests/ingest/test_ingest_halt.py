"""The writer's stop flag: a worker killed while reading it cannot keep the writer from
setting it (a multiprocessing.Event's lock could be left held, and the writer waited
for ever in Event.set on its way out)."""

from __future__ import annotations

import multiprocessing
import os
import signal
import threading

from reader.ingest.halt import Halt
from tests.support import HANG


def _read_for_ever(halt: Halt) -> None:
    while True:
        halt.is_set()


def test_a_worker_killed_mid_read_leaves_the_flag_settable() -> None:
    context = multiprocessing.get_context("fork")
    halt = Halt(context)
    reader = context.Process(target=_read_for_ever, args=(halt,))
    reader.start()
    assert reader.pid is not None
    os.kill(reader.pid, signal.SIGKILL)
    reader.join()
    setter = threading.Thread(target=halt.set)
    setter.start()
    setter.join(HANG)
    assert not setter.is_alive() and halt.is_set()


def test_a_forked_worker_sees_the_flag_set_after_it_started() -> None:
    context = multiprocessing.get_context("fork")
    halt = Halt(context)
    seen = context.Event()
    watcher = context.Process(target=_wait_and_report, args=(halt, seen))
    watcher.start()
    assert not halt.is_set()
    halt.set()
    assert seen.wait(HANG)
    watcher.join(HANG)


def _wait_and_report(halt: Halt, seen: multiprocessing.synchronize.Event) -> None:
    while not halt.is_set():
        pass
    seen.set()
