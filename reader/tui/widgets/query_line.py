"""A one-line text entry whose echo goes through the display engine.

Textual's Input draws Arabic in logical order, unshaped; this keeps the typed
text logical and shows only its visual form.
"""

from __future__ import annotations

import unicodedata

from textual import events
from textual.message import Message
from textual.strip import Strip
from textual.widget import Widget

from reader.tui.strips import text_strip


def is_typed_text(character: str | None) -> bool:
    return (
        character is not None
        and len(character) == 1
        and (character == " " or unicodedata.category(character)[0] in "LMNPS")
    )


class QueryLine(Widget, can_focus=True):
    DEFAULT_CSS = "QueryLine { height: 1; }"

    class Changed(Message):
        def __init__(self, query_line: QueryLine, value: str) -> None:
            super().__init__()
            self.query_line = query_line
            self.value = value

    class Submitted(Message):
        def __init__(self, query_line: QueryLine, value: str) -> None:
            super().__init__()
            self.query_line = query_line
            self.value = value

    class Cancelled(Message):
        def __init__(self, query_line: QueryLine) -> None:
            super().__init__()
            self.query_line = query_line

    def __init__(self, prompt: str = "", *, id: str | None = None) -> None:
        super().__init__(id=id)
        self.prompt = prompt
        self.value = ""

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
            self.post_message(self.Submitted(self, self.value))
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
        mode = self.app.bidi_mode  # type: ignore[attr-defined]
        cursor = "▏" if self.has_focus else ""
        return text_strip(
            self.value + cursor, self.size.width, mode, self.rich_style, prefix=self.prompt
        )
