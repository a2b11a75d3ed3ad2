"""Every person in the corpus, most-cited first, narrowed as you type (folded like search).

Rows are fetched in OFFSET blocks for the current narrowing text; the pane shows
the variants of the person under the cursor. Typing Arabic letters narrows even
while the list has focus, so Latin keys stay free for movement.
"""

from __future__ import annotations

import unicodedata
from collections.abc import Callable
from typing import ClassVar

from rich.segment import Segment
from rich.style import Style
from textual import events
from textual.strip import Strip

from reader.store.browse import Browser, Person
from reader.tui.strips import fit_with_tail, visual_strip
from reader.tui.widgets.block_cache import BLOCK, BlockCache, Read
from reader.tui.widgets.line_list import LineList

MAX_BLOCKS = 40


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
        self._cache: BlockCache[Person] = BlockCache(
            self, group="people-blocks", limit=MAX_BLOCKS, report=lambda e: self.on_error(e)
        )

    def reset(self, browser: Browser, narrow: str, count: int, first: list[Person]) -> None:
        self.browser, self.narrow = browser, narrow
        self._cache.reset({0: first})
        self.set_count(count, cursor=0)

    def person(self, index: int) -> Person | None:
        return self._cache.get(index, self._reader)

    def _reader(self, block: int) -> Read[Person] | None:
        browser, narrow = self.browser, self.narrow
        if browser is None:
            return None
        return lambda: browser.people(narrow, block * BLOCK, BLOCK)

    def item_strip(self, index: int, row: int, width: int, base: Style) -> Strip:
        person = self.person(index)
        if person is None:
            return Strip([Segment("…", base)]).adjust_cell_length(width, base)
        mode = self.app.bidi_mode  # type: ignore[attr-defined]
        chosen = person.id in self.chosen
        mark = "✓ " if chosen else "  "
        style = base + self.get_component_rich_style("people--chosen") if chosen else base
        if width <= len(mark):
            return Strip.blank(width, base)
        line = fit_with_tail(person.canonical, f" ({person.article_count})", width - 2, mode)
        return Strip.join([Strip([Segment(mark, style)]), visual_strip(line, width - 2, style)])

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
