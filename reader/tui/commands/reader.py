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

BIDI_HELP = {
    BidiMode.APP: "khabar shapes and orders Arabic itself (the default)",
    BidiMode.TERMINAL: "logical order for a terminal with its own bidi",
    BidiMode.OFF: "the raw logical text, left to right",
}
SCREEN_ACTIONS = (
    ("Next unread", "the next unread article of the list (])", "unread(1)"),
    ("Previous unread", "the previous unread article of the list ([)", "unread(-1)"),
    ("Mark all read", "every article of the list as it is filtered now (A)", "mark_all_read"),
    ("Save the article", "to a file, as Markdown or plain text (s)", "save"),
    ("Pipe the article", "its text, in logical order, to a shell command (|)", "pipe"),
    ("Export the list", "the filtered list's articles as JSON lines, to a file", "export_list"),
)
"""(name, help, the reader screen's action) for the commands that act on the screen."""


LAYOUT_HELP = {
    True: "mirrored: the article list on the right, marks and counts at the right",
    False: "the article list on the left",
}


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
                f"Bidi mode: {mode.value}",
                BIDI_HELP[mode] + (" · now" if mode == now else " (m cycles)"),
                partial(setattr, app, "bidi_mode", mode),
            )
            for mode in BidiMode
        ]
        commands += [
            (
                f"Theme: {name}",
                "the current theme" if name == app.theme else "switch to it",
                partial(setattr, app, "theme", name),
            )
            for name in sorted(app.available_themes)
        ]
        screen = self.screen
        now_mirrored = cast(MirroredScreen, screen).mirrored
        commands += [
            (
                f"Layout: {'rtl' if mirror else 'ltr'}",
                LAYOUT_HELP[mirror] + (" · now" if mirror == now_mirrored else ""),
                partial(setattr, screen, "mirrored", mirror),
            )
            for mirror in (True, False)
        ]
        commands += [
            (name, help_text, partial(screen.run_action, action))
            for name, help_text, action in SCREEN_ACTIONS
        ]
        return commands
