"""Telling a bidi-capable terminal to leave our cells alone (ECMA-48 BDSM, `CSI 8 l`).

In app mode khabar hands the terminal cells already in visual order, so a
terminal that reorders again (mlterm, Konsole, VTE with bidi on) must be put in
explicit mode, and given back implicit mode (`CSI 8 h`) whenever khabar lets go
of the screen: exit, suspend, crash.
"""

from __future__ import annotations

import sys
from typing import Any, TextIO

from textual.app import App

from reader.render.engine import BidiMode
from reader.render.modes import TERMINAL_BIDI_OFF as EXPLICIT
from reader.render.modes import TERMINAL_BIDI_ON as IMPLICIT


def sequence_for(mode: BidiMode) -> str:
    return EXPLICIT if mode == BidiMode.APP else IMPLICIT


def tell_app_terminal(app: App[Any], mode: BidiMode) -> None:
    """Through the running driver, so the sequence is ordered with the frames."""
    driver = app._driver
    if driver is not None and not app.is_headless:
        driver.write(sequence_for(mode))
        driver.flush()


def restore_terminal(stream: TextIO | None = None) -> None:
    """Give the terminal its own bidi back; safe to call more than once."""
    out = stream or sys.__stdout__
    if out is None or not out.isatty():
        return
    try:
        out.write(IMPLICIT)
        out.flush()
    except (OSError, ValueError):
        return
