"""The stop flag the writer shares with its ingest workers.

A multiprocessing.Event guards its flag with a lock that `is_set()` takes too, and the
workers ask it between stages. A worker killed (kill -9, the OOM killer) while asking
left that lock held, and the writer's `set()` on the way out then waited for ever: the
hang tests/ingest/test_ingest_kill.py met under load (py-spy: the writer in
SemLock.__enter__ from Event.set). One shared byte, written by the writer and read by
the workers without a lock, cannot be left held.
"""

from __future__ import annotations

import multiprocessing.context


class Halt:
    def __init__(self, context: multiprocessing.context.BaseContext) -> None:
        self._flag = context.RawValue("b", 0)

    def set(self) -> None:
        self._flag.value = 1

    def is_set(self) -> bool:
        return bool(self._flag.value)
