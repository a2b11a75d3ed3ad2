"""Rows of a long list held a block at a time; the screen reads each block in a worker.

Shared by the article and people lists, so neither ever loads its whole result.
A list never touches the database: a missing block posts a `StoreRequest` carrying
the query that reads it, and whoever owns the store answers with `BlockRead`.
A reset bumps a generation number, so a block read for an old filter or
narrowing is dropped when it lands. At most `limit` blocks stay in memory, the
farthest from the cursor going first.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from functools import partial
from typing import Any, Generic, TypeVar

from textual.message import Message

from reader.store.read.library import Library
from reader.tui.store_request import StoreRequest
from reader.tui.widgets.line_list import LineList

BLOCK = 100
RowT = TypeVar("RowT")
Read = Callable[[Library], list[RowT]]


@dataclass(eq=False, repr=False)
class BlockRead(Message, bubble=False):
    """The rows of a block asked for with `BlockWanted`."""

    number: int
    """Which block."""
    generation: int
    """The result set it was read for."""
    rows: list[Any]
    """The block's rows, in list order."""


class BlockCache(Generic[RowT]):
    def __init__(self, owner: LineList, *, limit: int) -> None:
        self._owner = owner
        self._limit = limit
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
        answer = partial(BlockRead, number, self._generation)
        self._owner.post_message(StoreRequest(self._owner, read, answer, "blocks", exclusive=False))

    def arrived(self, message: BlockRead) -> None:
        if message.generation != self._generation:
            return
        self._pending.discard(message.number)
        self.blocks[message.number] = message.rows
        if len(self.blocks) > self._limit:
            here = self._owner.cursor // BLOCK
            del self.blocks[max(self.blocks, key=lambda b: abs(b - here))]
        self._owner.refresh()
