"""`?`: every key, read from the live bindings and the user's keymap, so it never lies."""

from __future__ import annotations

from typing import ClassVar

from textual.app import ComposeResult
from textual.binding import Binding, BindingType
from textual.screen import ModalScreen

from reader.tui.widgets.engine_text import EngineText

CONTEXT_NOTES = {
    "app": "Everywhere",
    "list": "Article, entity and people lists",
    "body": "Body pane",
    "entities": "Entities pane",
}
PEOPLE_NOTE = (
    "People pane: type Arabic letters to narrow (folded: جونج أون finds كيم جونغ أون), "
    "Backspace edits, Enter toggles the person in the filter (several = AND), Esc clears."
)


def key_table(bindings: list[tuple[str, Binding]], display: dict[str, str]) -> str:
    """Lines 'context · keys · what' for each binding, in the order they were declared."""
    lines: list[str] = []
    context = ""
    for group, binding in bindings:
        if group != context:
            context = group
            lines.append("")
            lines.append(CONTEXT_NOTES.get(group, group))
        keys = display.get(binding.id or "", binding.key)
        lines.append(f"  {keys:<22} {binding.description}")
    lines += ["", PEOPLE_NOTE, "", "Config: keys can be remapped in config.toml [keys]."]
    return "\n".join(lines).strip("\n")


class HelpScreen(ModalScreen[None]):
    BINDINGS: ClassVar[list[BindingType]] = [
        Binding("escape,q,question_mark", "dismiss", "Close help", id="help.close"),
    ]

    def __init__(self, text: str) -> None:
        super().__init__(id="help-screen")
        self.text = text

    def compose(self) -> ComposeResult:
        yield EngineText(self.text, id="help-text")

    def action_dismiss_help(self) -> None:
        self.dismiss()
