"""A screen that owns the store: it opens the `Library`, serves its panes' `StoreRequest`s
in thread workers, and reports every failed worker in one place.

The reader screen is one; a screen of its own (a person's page) can be another, and
its panes ask for store work the same way.
"""

from __future__ import annotations

from functools import partial
from pathlib import Path
from typing import Any

from textual import on
from textual.message import Message
from textual.screen import Screen
from textual.worker import Worker, WorkerState, get_current_worker

from reader.store.read.library import Library
from reader.tui import reading
from reader.tui.reading import DATABASE_ERRORS
from reader.tui.store_request import StoreRequest


class NotStarted(Exception):
    """A worker ran before the store was opened (or after opening it failed)."""


class StoreScreen(Screen[None]):
    def __init__(self, db_path: Path) -> None:
        super().__init__()
        self.db_path = db_path
        self.library: Library | None = None

    def show_store_error(self, text: str) -> None:
        """Put a store error where the reader sees it; a subclass says where."""
        self.notify(text, severity="error", markup=False)

    @property
    def _store(self) -> Library:
        if self.library is None:
            raise NotStarted
        return self.library

    def _open_store(self) -> Library:
        """The library, opened on first use (in a worker: opening reads the schema)."""
        if self.library is None:
            self.library = Library(self.db_path)
        return self.library

    def _reply(self, message: Message) -> None:
        """Post a worker's answer, unless a newer worker of its group has replaced it."""
        if not get_current_worker().is_cancelled:
            self.post_message(message)

    @on(Worker.StateChanged)
    def _worker_failed(self, event: Worker.StateChanged) -> None:
        """The one place a store error is shown; anything else is a bug and is raised."""
        error = event.worker.error
        if event.state != WorkerState.ERROR or isinstance(error, NotStarted) or error is None:
            return
        if not isinstance(error, DATABASE_ERRORS):
            raise error
        self.show_store_error(reading.describe_db_error(error, self.db_path))

    @on(StoreRequest)
    def _serve(self, request: StoreRequest[Any]) -> None:
        request.stop()
        self.run_worker(
            partial(self._answer, request),
            thread=True,
            group=request.group,
            exclusive=request.exclusive,
            exit_on_error=False,
        )

    def _answer(self, request: StoreRequest[Any]) -> None:
        """A pane's request, run in a worker of the request's group."""
        answer = request.serve(self._store)
        if answer is not None and not get_current_worker().is_cancelled:
            request.requester.post_message(answer)
