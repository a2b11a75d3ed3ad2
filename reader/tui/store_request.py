"""How a pane asks for store work without touching the store: a message the screen serves.

The pane says what to read (a function of the store, run in a worker thread) and
which message to post back to it with the result; the screen owns the store, runs
every request as a thread worker and reports any failure in one place. So a pane
works in any App that answers its requests, and none of them can block the UI.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from typing import Generic, TypeVar

from textual.message import Message
from textual.message_pump import MessagePump

from reader.store.read.library import Library

T = TypeVar("T")


@dataclass(eq=False, repr=False)
class StoreRequest(Message, Generic[T]):
    """Store work a widget needs done off the UI thread."""

    requester: MessagePump
    """Where the answer goes."""
    read: Callable[[Library], T]
    """The work, given the store; runs in a worker thread."""
    answer: Callable[[T], Message | None]
    """Turns the result into the message for `requester` (None: nothing to say)."""
    group: str
    """The worker group: within it, a newer request cancels an older one..."""
    exclusive: bool = True
    """...unless this is False (block reads, writes), when all of them run."""

    def serve(self, store: Library) -> Message | None:
        return self.answer(self.read(store))
