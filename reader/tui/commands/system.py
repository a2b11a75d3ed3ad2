"""Textual's own commands (theme, quit, keys, maximize, screenshot) in the palette, named
and explained from the catalog and drawn like khabar's, so the Arabic interface has no
English entry. Textual gives them in English; a command it adds later that the catalog
does not know keeps its English words."""

from __future__ import annotations

from reader.tui.commands.listed import Command, ListedCommands
from reader.tui.ui_text import ui

KEYS = {
    "Theme": "palette.sys.theme",
    "Change the current theme": "palette.sys.theme.help",
    "Quit": "palette.sys.quit",
    "Quit the application as soon as possible": "palette.sys.quit.help",
    "Keys": "palette.sys.keys",
    "Show help for the focused widget and a summary of available keys": "palette.sys.keys.show",
    "Hide the keys and widget help panel": "palette.sys.keys.hide",
    "Maximize": "palette.sys.maximize",
    "Maximize the focused widget": "palette.sys.maximize.help",
    "Minimize": "palette.sys.minimize",
    "Minimize the widget and restore to normal size": "palette.sys.minimize.help",
    "Screenshot": "palette.sys.screenshot",
    "Save an SVG 'screenshot' of the current screen": "palette.sys.screenshot.help",
}
"""Textual's words -> the catalog's key for them."""


def _said(words: str) -> str:
    return ui(KEYS[words]) if words in KEYS else words


class SystemCommands(ListedCommands):
    def commands(self) -> list[Command]:
        return [
            (_said(title), _said(help_text), callback)
            for title, help_text, callback, _ in self.app.get_system_commands(self.screen)
        ]
