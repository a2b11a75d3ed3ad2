"""khabar's own commands in the palette: the bidi mode, the theme, the layout, and what
the reader screen does with its list and its open article (export, save, pipe, unread).

A command that has a key runs the same action the key does, by name, so the palette and
the key table cannot disagree; its help says which key that is.
"""

from __future__ import annotations

from functools import partial
from typing import Protocol, cast

from reader.render.engine import BidiMode
from reader.tui.commands.listed import Command, ListedCommands
from reader.tui.ui_text import ui

SCREEN_ACTIONS = (
    ("palette.next_unread", "unread(1)"),
    ("palette.previous_unread", "unread(-1)"),
    ("palette.mark_all_read", "mark_all_read"),
    ("palette.save", "save"),
    ("palette.pipe", "pipe"),
    ("palette.export", "export_list"),
)
"""(the catalog key of its name; its help is the key + ".help", the reader screen's
action) for the commands that act on the screen."""


class BidiApp(Protocol):
    bidi_mode: BidiMode


class MirroredScreen(Protocol):
    mirrored: bool


class ReaderCommands(ListedCommands):
    def commands(self) -> list[Command]:
        app = self.app
        now = cast(BidiApp, app).bidi_mode
        commands: list[Command] = [
            (
                ui("palette.bidi", mode=mode.value),
                ui(f"palette.bidi.{mode.value}")
                + ui("palette.now" if mode == now else "palette.bidi.cycle"),
                partial(setattr, app, "bidi_mode", mode),
            )
            for mode in BidiMode
        ]
        commands += [
            (
                ui("palette.theme", name=name),
                ui("palette.theme.now" if name == app.theme else "palette.theme.switch"),
                partial(setattr, app, "theme", name),
            )
            for name in sorted(app.available_themes)
        ]
        screen = self.screen
        now_mirrored = cast(MirroredScreen, screen).mirrored
        commands += [
            (
                ui(f"palette.layout.{side}"),
                ui(f"palette.layout.{side}.help")
                + (ui("palette.now") if mirror == now_mirrored else ""),
                partial(setattr, screen, "mirrored", mirror),
            )
            for side, mirror in (("rtl", True), ("ltr", False))
        ]
        commands += [
            (ui(key), ui(f"{key}.help"), partial(screen.run_action, action))
            for key, action in SCREEN_ACTIONS
        ]
        return commands
