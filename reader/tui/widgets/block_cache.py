"""Rows of a long list held a block at a time, each block read by a thread worker.

Shared by the article and people lists, so neither ever loads its whole result.
A reset bumps a generation number: a block read for an old filter or narrowing
is dropped when it lands. At most `limit` blocks stay in memory, the farthest
from the cursor going first.
"""

from __future__ import annotations

import sqlite3
from collections.abc import Callable
from typing import Generic, TypeVar

from textual.worker import get_current_worker

from reader.tui.widgets.line_list import LineList

BLOCK = 100
RowT = TypeVar("RowT")
Read = Callable[[], list[RowT]]


class BlockCache(Generic[RowT]):
    def __init__(
        self,
        owner: LineList,
        *,
        group: str,
        limit: int,
        report: Callable[[Exception], None],
    ) -> None:
        self._owner = owner
        self._group = group
        self._limit = limit
        self._report = report
        self.blocks: dict[int, list[RowT]] = {}
        self._pending: set[int] = set()
        self._generation = 0

    def reset(self, blocks: dict[int, list[RowT]]) -> None:
        self._generation += 1
        self.blocks = blocks
        self._pending.clear()

    def get(self, index: int, reader: Callable[[int], Read[RowT] | None]) -> RowT | None:
        """The row, or None while its block is read; `reader(block)` is asked on the UI
        thread for a function that reads that block in the worker."""
        number = index // BLOCK
        block = self.blocks.get(number)
        if block is None:
            self._request(number, reader)
            return None
        offset = index % BLOCK
        return block[offset] if offset < len(block) else None

    def _request(self, number: int, reader: Callable[[int], Read[RowT] | None]) -> None:
        if number in self._pending:
            return
        read = reader(number)
        if read is None:
            return
        self._pending.add(number)
        generation, app = self._generation, self._owner.app

        def fetch() -> None:
            try:
                rows = read()
            except sqlite3.Error as error:
                app.call_from_thread(self._report, error)
                return
            if not get_current_worker().is_cancelled:
                app.call_from_thread(self._arrived, generation, number, rows)

        self._owner.run_worker(fetch, thread=True, group=self._group, exit_on_error=False)

    def _arrived(self, generation: int, number: int, rows: list[RowT]) -> None:
        if generation != self._generation:
            return
        self._pending.discard(number)
        self.blocks[number] = rows
        if len(self.blocks) > self._limit:
            here = self._owner.cursor // BLOCK
            del self.blocks[max(self.blocks, key=lambda b: abs(b - here))]
        self._owner.refresh()
