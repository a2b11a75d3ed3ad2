"""A one-line text entry whose echo goes through the display engine.

Textual's Input draws Arabic in logical order, unshaped; this keeps the typed
text logical and shows only its visual form. It opens empty; ↑ and ↓ walk back
and forth through what was submitted before (this session's, newest first).
"""

from __future__ import annotations

import unicodedata
from dataclasses import dataclass

from textual import events
from textual.message import Message
from textual.reactive import reactive
from textual.strip import Strip
from textual.widget import Widget

from reader.render.engine import BidiMode
from reader.tui.strips import text_strip


def is_typed_text(character: str | None) -> bool:
    return (
        character is not None
        and len(character) == 1
        and (character == " " or unicodedata.category(character)[0] in "LMNPS")
    )


class QueryLine(Widget, can_focus=True):
    DEFAULT_CSS = "QueryLine { height: 1; }"

    bidi_mode: reactive[BidiMode] = reactive(BidiMode.APP)

    @dataclass(eq=False, repr=False)
    class Changed(Message):
        """The text was edited."""

        query_line: QueryLine
        """The line edited."""
        value: str
        """The whole text now."""

        @property
        def control(self) -> QueryLine:
            return self.query_line

    @dataclass(eq=False, repr=False)
    class Submitted(Message):
        """Enter: search for the text."""

        query_line: QueryLine
        """The line Enter was pressed in."""
        value: str
        """The text to search for."""

        @property
        def control(self) -> QueryLine:
            return self.query_line

    @dataclass(eq=False, repr=False)
    class Cancelled(Message):
        """Escape: close the line, leaving the filter as it was."""

        query_line: QueryLine
        """The line Escape was pressed in."""

        @property
        def control(self) -> QueryLine:
            return self.query_line

    def __init__(self, prompt: str = "", *, id: str | None = None) -> None:
        super().__init__(id=id)
        self.prompt = prompt
        self.value = ""
        self.history: list[str] = []
        """What was submitted, oldest first, each text once."""
        self._back = 0  # how far ↑ has gone back into the history; 0 is the text being typed

    def start(self) -> None:
        """Open for a new text: empty, at the end of the history."""
        self._back = 0
        self.set_value("")

    def _recall(self, step: int) -> None:
        back = max(0, min(self._back + step, len(self.history)))
        if back != self._back:
            self._back = back
            self.set_value(self.history[-back] if back else "")

    def set_value(self, value: str) -> None:
        if value != self.value:
            self.value = value
            self.refresh()
            self.post_message(self.Changed(self, value))

    def type_character(self, character: str) -> None:
        self.set_value(self.value + character)

    def backspace(self) -> None:
        self.set_value(self.value[:-1])

    def on_key(self, event: events.Key) -> None:
        if event.key == "enter":
            if self.value.strip():
                self.history = [h for h in self.history if h != self.value] + [self.value]
            self.post_message(self.Submitted(self, self.value))
        elif event.key in ("up", "down"):
            self._recall(1 if event.key == "up" else -1)
        elif event.key == "escape":
            self.post_message(self.Cancelled(self))
        elif event.key == "backspace":
            self.backspace()
        elif is_typed_text(event.character):
            assert event.character is not None
            self.type_character(event.character)
        else:
            return
        event.stop()
        event.prevent_default()

    def render_line(self, y: int) -> Strip:
        mode = self.bidi_mode
        cursor = "▏" if self.has_focus else ""
        return text_strip(
            self.value + cursor, self.size.width, mode, self.rich_style, prefix=self.prompt
        )
