"""`?` or F1: every key, read from the live bindings and the user's keymap, so it never lies.

Each row shows the binding id that config.toml's [keys] table remaps. The text scrolls
(j/k, arrows, PgUp/PgDn, g/G) so it fits an 80×24 terminal.
"""

from __future__ import annotations

from typing import ClassVar

from textual.app import ComposeResult
from textual.binding import Binding, BindingType
from textual.reactive import reactive
from textual.screen import ModalScreen

from reader.render.engine import BidiMode
from reader.tui.ui_text import TEXTS, key_text, ui
from reader.tui.widgets.engine_text import EngineText


def key_table(bindings: list[tuple[str, Binding]], display: dict[str, str]) -> str:
    """Lines 'context · keys · what' for each binding, in the order they were declared."""
    lines: list[str] = []
    context = ""
    for group, binding in bindings:
        if group != context:
            context = group
            lines.append("")
            lines.append(ui(f"help.{group}") if f"help.{group}" in TEXTS else group)
        keys = display.get(binding.id or "", binding.key)
        what = key_text(binding.id, binding.description)
        lines.append(f"  {keys:<14} {binding.id or '':<20} {what}")
    lines += ["", ui("help.people"), "", ui("help.read"), "", ui("help.config")]
    return "\n".join(lines).strip("\n")


class HelpScreen(ModalScreen[None]):
    BINDINGS: ClassVar[list[BindingType]] = [
        Binding("escape,q,question_mark,f1", "dismiss", "Close help", id="help.close"),
        Binding("j,down", "scroll(1)", "Scroll down", id="help.down"),
        Binding("k,up", "scroll(-1)", "Scroll up", id="help.up"),
        Binding("pagedown,space", "page(1)", "Page down", id="help.page_down"),
        Binding("pageup", "page(-1)", "Page up", id="help.page_up"),
        Binding("g,home", "edge(0)", "Top", id="help.top"),
        Binding("G,end", "edge(1)", "Bottom", id="help.bottom"),
    ]

    bidi_mode: reactive[BidiMode] = reactive(BidiMode.APP)

    def __init__(self, text: str) -> None:
        super().__init__(id="help-screen")
        self.text = text

    def compose(self) -> ComposeResult:
        yield EngineText(self.text, table=True, id="help-text").data_bind(HelpScreen.bidi_mode)

    def on_mount(self) -> None:
        self.watch(self.app, "bidi_mode", self._follow_app)

    def _follow_app(self, mode: BidiMode) -> None:
        self.bidi_mode = mode

    def _text(self) -> EngineText:
        return self.query_one("#help-text", EngineText)

    def action_scroll(self, rows: int) -> None:
        text = self._text()
        text.scroll_to(y=text.scroll_offset.y + rows, animate=False, immediate=True)

    def action_page(self, pages: int) -> None:
        text = self._text()
        step = max(1, text.scrollable_content_region.height - 1) * pages
        text.scroll_to(y=text.scroll_offset.y + step, animate=False, immediate=True)

    def action_edge(self, bottom: int) -> None:
        text = self._text()
        text.scroll_to(y=text.max_scroll_y if bottom else 0, animate=False, immediate=True)
