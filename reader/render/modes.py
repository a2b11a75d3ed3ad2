"""How Arabic reaches the terminal, and the escape sequences that go with each choice.

`app` draws visual order itself and so must stop bidi-capable terminals (VTE,
mintty, WezTerm) from reordering it a second time: ECMA-48 BDSM, `CSI 8 l` switches
their implicit bidi off, `CSI 8 h` restores it on exit, suspend and crash.
"""

from __future__ import annotations

import os
from enum import StrEnum

ENV_VAR = "KHABAR_BIDI"
TERMINAL_BIDI_OFF = "\x1b[8l"
TERMINAL_BIDI_ON = "\x1b[8h"


class Mode(StrEnum):
    APP = "app"  # shaped, reordered and aligned by khabar
    TERMINAL = "terminal"  # logical order, unshaped, right-aligned: the terminal does bidi
    OFF = "off"  # logical order, left-aligned


MODES = tuple(mode.value for mode in Mode)


def resolve_mode(flag: str | None = None, config: str | None = None) -> Mode:
    """The flag wins over the environment, which wins over the config file."""
    for choice in (flag, os.environ.get(ENV_VAR), config):
        if choice:
            try:
                return Mode(choice.strip().lower())
            except ValueError:
                raise ValueError(
                    f"unknown bidi mode {choice!r}; choose one of {', '.join(MODES)}"
                ) from None
    return Mode.APP


def next_mode(mode: Mode) -> Mode:
    """The run-time toggle cycles app → terminal → off → app."""
    order = list(Mode)
    return order[(order.index(mode) + 1) % len(order)]
