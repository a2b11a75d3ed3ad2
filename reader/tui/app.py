"""The khabar app: theme, key map, bidi mode and screens; the reading is `ReaderScreen`'s.

The bidi mode lives here because it is the terminal's as much as the screen's:
the app tells a bidi-capable terminal to keep its hands off our cells in app mode
and gives the terminal its own bidi back on suspend and exit.
"""

from __future__ import annotations

import gc
from collections.abc import Callable
from pathlib import Path
from typing import Any, ClassVar

from textual import on
from textual.app import App
from textual.binding import Binding, BindingType
from textual.command import CommandPalette, Provider
from textual.keys import format_key
from textual.message import Message
from textual.reactive import reactive
from textual.screen import Screen

from reader.config import MAX_WIDTH
from reader.paths import styles_dir
from reader.render.engine import BidiMode
from reader.render.modes import next_mode
from reader.tui import ui_text
from reader.tui.commands.listed import shown
from reader.tui.commands.system import SystemCommands
from reader.tui.keymap import binding_groups
from reader.tui.keys import APP_BINDINGS
from reader.tui.screens.help import HelpScreen, key_table
from reader.tui.screens.reader import ReaderScreen
from reader.tui.terminal_bidi import tell_app_terminal
from reader.tui.theme_colors import khabar_colours
from reader.tui.themes import ALIASES
from reader.tui.widgets.body_pane import BodyPane
from reader.views import View

NOTICE_SECONDS = 30
KEY_NAMES = {"pgup": "PgUp", "pgdn": "PgDn", "esc": "Esc", "⏎": "Enter", "⌫": "Backspace"}


class Quitting(Message):
    """Posted after the last store request, to quit once it is under way."""


class KhabarApp(App[None]):
    TITLE = "khabar"
    CSS_PATH = str(styles_dir() / "khabar.tcss")
    BINDINGS: ClassVar[list[BindingType]] = APP_BINDINGS
    # Ctrl+P: the reader screen's feeds (fetch now, one feed, one tag), its filters and
    # saved views, and Textual's own.
    ENABLE_COMMAND_PALETTE = True
    COMMANDS: ClassVar[set[type[Provider] | Callable[[], type[Provider]]]] = {SystemCommands}

    bidi_mode: reactive[BidiMode] = reactive(BidiMode.APP, init=False)
    """Who orders Arabic: app, terminal or off; the screens follow it."""

    def run(self, *args: Any, **kwargs: Any) -> None:
        """Run for real, the collector frozen (`freeze_collector`). Done here, not per app,
        so tests that build many apps keep collecting normally. The return value passes
        through: Textual's snapshot harness reads `exit(result)` from it."""
        self.freeze_collector()
        return super().run(*args, **kwargs)

    def freeze_collector(self) -> None:
        """Modules, tables and classes loaded so far live as long as the process, so they
        move out of the collector's generations and start-up's full collections no longer
        walk them; so do the first screen's widgets once it is shown
        (`ReaderScreen.freeze_when_shown`). bench/scale.py calls this for its session."""
        gc.freeze()
        self.reader.freeze_when_shown = True

    def __init__(
        self,
        db_path: Path,
        *,
        bidi: BidiMode = BidiMode.APP,
        theme: str | None = None,
        layout: str | None = None,
        keymap: dict[str, str] | None = None,
        notices: tuple[str, ...] = (),
        max_width: int = MAX_WIDTH,
        language: str = "en",
        views: tuple[View, ...] = (),
    ) -> None:
        super().__init__()
        ui_text.use(language)
        self.user_keymap = dict(keymap or {})
        self.notices = notices
        self.reader = ReaderScreen(db_path, views, max_width=max_width, layout=layout)
        self.set_reactive(KhabarApp.bidi_mode, bidi)
        if theme:
            self.theme = ALIASES.get(theme, theme)

    def notify(self, message: str, **kwargs: Any) -> None:
        """Every notice passes here: an Arabic one is shaped and ordered by the engine."""
        width = ui_text.notice_width(self.size.width)
        super().notify(ui_text.notice_text(message, width, self.bidi_mode), **kwargs)

    def get_css_variables(self) -> dict[str, str]:
        """The theme's variables plus khabar's entity and hit colours worked out from it."""
        variables = super().get_css_variables()
        return {**variables, **khabar_colours(variables)}

    def get_default_screen(self) -> Screen[Any]:
        return self.reader

    def on_mount(self) -> None:
        self.set_class(ui_text.rtl(), "-arabic")
        if self.user_keymap:
            self.set_keymap(self.user_keymap)
        self.app_suspend_signal.subscribe(self, self._on_suspend)
        self.app_resume_signal.subscribe(self, self._on_resume)
        tell_app_terminal(self, self.bidi_mode)
        # Config problems stay up long enough to be read (Textual's default is 5 s).
        for notice in self.notices:
            said = ui_text.ui("notice.start", problem=notice)
            self.notify(said, severity="warning", markup=False, timeout=NOTICE_SECONDS)

    def action_command_palette(self) -> None:
        """Textual's palette, its placeholder in the interface's language."""
        if self.use_command_palette and not isinstance(self.screen, CommandPalette):
            placeholder = shown(ui_text.ui("palette.placeholder"), self.bidi_mode).plain
            self.push_screen(CommandPalette(placeholder=placeholder, id="--command-palette"))

    def _on_suspend(self, _: object) -> None:
        tell_app_terminal(self, BidiMode.TERMINAL)

    def _on_resume(self, _: object) -> None:
        tell_app_terminal(self, self.bidi_mode)

    def action_cycle_bidi(self) -> None:
        self.bidi_mode = next_mode(self.bidi_mode)

    def watch_bidi_mode(self, mode: BidiMode) -> None:
        tell_app_terminal(self, mode)

    def action_help(self) -> None:
        help_screen = HelpScreen(self.help_text())
        help_screen.bidi_mode = self.bidi_mode
        self.push_screen(help_screen)

    def help_text(self) -> str:
        bindings = [(group, b) for group, found in binding_groups() for b in found]
        display = {
            b.id: ", ".join(
                self.get_key_display(Binding(key.strip(), ""))
                for key in self.user_keymap.get(b.id, b.key).split(",")
            )
            for _, b in bindings
            if b.id
        }
        return key_table(bindings, display)

    def get_key_display(self, binding: Binding) -> str:
        """What the user presses, as written on keyboards: `?`, `/`, `Tab`, `Shift+Tab`, `PgUp`,
        where Textual's own display gives `tab`, `shift+tab`, `pgup`, `^q`."""
        if binding.key_display:
            return binding.key_display
        modifiers, key = binding.parse_key()
        name = format_key(key)
        name = KEY_NAMES.get(name, name.capitalize() if len(name) > 1 or modifiers else name)
        return "+".join([*(m.capitalize() for m in modifiers), name])

    async def action_quit(self) -> None:
        """Save the reading position first. The save is a request travelling up from the
        body pane; `Quitting` follows it along the same queues, so by the time it arrives
        here the save's worker is running and can be waited for."""
        pane = self.reader.query_one(BodyPane)
        pane.save_position()
        pane.post_message(Quitting())

    @on(Quitting)
    async def _quit(self) -> None:
        await self.workers.wait_for_complete()
        self.exit()
