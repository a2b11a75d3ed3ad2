"""Every person in the corpus, most-cited first, narrowed as you type (folded like search).

Rows are fetched in OFFSET blocks for the current narrowing text; the pane shows
the variants of the person under the cursor. Typing Arabic letters narrows even
while the list has focus, so Latin keys stay free for movement.
"""

from __future__ import annotations

import sqlite3
import unicodedata
from collections.abc import Callable
from typing import ClassVar

from rich.segment import Segment
from rich.style import Style
from textual import events
from textual.strip import Strip
from textual.worker import get_current_worker

from reader.store.browse import Browser, Person
from reader.tui.strips import text_strip
from reader.tui.widgets.line_list import LineList

BLOCK = 100


def _is_narrowing_key(character: str | None) -> bool:
    if character is None or len(character) != 1:
        return False
    return "ARABIC" in unicodedata.name(character, "")


class PeopleList(LineList):
    COMPONENT_CLASSES: ClassVar[set[str]] = {
        "line-list--cursor",
        "line-list--dim",
        "people--chosen",
    }

    def __init__(self, *, id: str | None = None) -> None:
        super().__init__(id=id)
        self.browser: Browser | None = None
        self.narrow = ""
        self.chosen: frozenset[int] = frozenset()
        self.on_error: Callable[[Exception], None] = lambda error: None
        self.on_type: Callable[[str | None], None] = lambda character: None
        self._blocks: dict[int, list[Person]] = {}
        self._pending: set[int] = set()
        self._generation = 0

    def reset(self, browser: Browser, narrow: str, count: int, first: list[Person]) -> None:
        self.browser, self.narrow = browser, narrow
        self._generation += 1
        self._blocks = {0: first}
        self._pending.clear()
        self.set_count(count, cursor=0)

    def person(self, index: int) -> Person | None:
        block = self._blocks.get(index // BLOCK)
        if block is None:
            self._request(index // BLOCK)
            return None
        offset = index % BLOCK
        return block[offset] if offset < len(block) else None

    def _request(self, block: int) -> None:
        if block in self._pending or self.browser is None:
            return
        self._pending.add(block)
        browser, narrow, generation = self.browser, self.narrow, self._generation

        def fetch() -> None:
            try:
                rows = browser.people(narrow, block * BLOCK, BLOCK)
            except sqlite3.Error as error:
                self.app.call_from_thread(self.on_error, error)
                return
            if not get_current_worker().is_cancelled:
                self.app.call_from_thread(self._arrived, generation, block, rows)

        self.run_worker(fetch, thread=True, group="people-blocks", exit_on_error=False)

    def _arrived(self, generation: int, block: int, rows: list[Person]) -> None:
        if generation == self._generation:
            self._pending.discard(block)
            self._blocks[block] = rows
            self.refresh()

    def item_strip(self, index: int, row: int, width: int, base: Style) -> Strip:
        person = self.person(index)
        if person is None:
            return Strip([Segment("…", base)]).adjust_cell_length(width, base)
        mode = self.app.bidi_mode  # type: ignore[attr-defined]
        chosen = person.id in self.chosen
        mark = "✓ " if chosen else "  "
        style = base + self.get_component_rich_style("people--chosen") if chosen else base
        return text_strip(
            f"{person.canonical} ({person.article_count})", width, mode, style, prefix=mark
        )

    def on_key(self, event: events.Key) -> None:
        narrowing = self.narrow or ""
        if _is_narrowing_key(event.character) or (event.key == "space" and narrowing):
            self.on_type(event.character)
        elif event.key == "backspace" and narrowing:
            self.on_type(None)
        else:
            return
        event.stop()
        event.prevent_default()
