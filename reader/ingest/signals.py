"""Stopping a run cleanly on SIGINT/SIGTERM: ingest, process and load share it."""

from __future__ import annotations

import signal
import threading
from collections.abc import Iterator
from contextlib import contextmanager
from types import FrameType

from reader.ingest.halt import Halt


@contextmanager
def stop_on_signals(halt: Halt | None = None) -> Iterator[threading.Event]:
    """First SIGINT/SIGTERM asks for a clean stop (and the workers, through `halt`, at
    once rather than at the writer's next poll); a second SIGINT interrupts at once."""
    stop = threading.Event()
    if threading.current_thread() is not threading.main_thread():
        yield stop
        return

    def handler(signum: int, frame: FrameType | None) -> None:
        if stop.is_set() and signum == signal.SIGINT:
            raise KeyboardInterrupt
        stop.set()
        if halt is not None:
            halt.set()

    previous = {sig: signal.signal(sig, handler) for sig in (signal.SIGINT, signal.SIGTERM)}
    try:
        yield stop
    finally:
        for sig, old in previous.items():
            signal.signal(sig, old)
