"""The reader's two small questions: a line to edit (a path, a command) and yes or no.

Both are modal screens that dismiss with the answer, so the caller is one callback;
Esc is always "no answer". The question is interface text, drawn by the display engine
in the interface's direction (an Arabic question with a path in it reads right to left).
"""

from __future__ import annotations

from typing import ClassVar

from textual import on
from textual.app import ComposeResult
from textual.binding import Binding, BindingType
from textual.containers import Vertical
from textual.screen import ModalScreen
from textual.widgets import Input

from reader.tui.ui_text import ui
from reader.tui.widgets.engine_text import InterfaceText


class LinePrompt(ModalScreen[str | None]):
    """A question and a line to answer it, given a default; Enter answers, Esc cancels."""

    BINDINGS: ClassVar[list[BindingType]] = [
        Binding("escape", "dismiss(None)", "Cancel", id="prompt.cancel"),
    ]

    def __init__(self, question: str, value: str = "") -> None:
        super().__init__(classes="prompt")
        self.question = question
        self.value = value

    def compose(self) -> ComposeResult:
        with Vertical(classes="prompt-box"):
            yield InterfaceText(self.question, id="prompt-question")
            yield Input(self.value, id="prompt-input", select_on_focus=False)

    @on(Input.Submitted)
    def _answer(self, event: Input.Submitted) -> None:
        self.dismiss(event.value.strip() or None)


class Confirm(ModalScreen[bool]):
    """A yes-or-no question: y answers yes; n or Esc no."""

    BINDINGS: ClassVar[list[BindingType]] = [
        Binding("y", "dismiss(True)", "Yes", id="confirm.yes"),
        Binding("n,escape", "dismiss(False)", "No", id="confirm.no"),
    ]

    def __init__(self, question: str) -> None:
        super().__init__(classes="prompt")
        self.question = question

    def compose(self) -> ComposeResult:
        with Vertical(classes="prompt-box"):
            yield InterfaceText(ui("ask.yes_no", question=self.question), id="prompt-question")
