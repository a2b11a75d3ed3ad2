"""The hostile corpus: every escape a scraped page or a file name can carry (a plain module,
not conftest, so its name cannot collide with other rooms' conftest helpers)."""

from __future__ import annotations

import re

# Each payload ends in a marker, so a test can tell a stripped sequence from a kept one.
PAYLOADS: dict[str, str] = {
    "esc": "\x1bc",
    "osc52": "\x1b]52;c;aGFja2Vk\x07",
    "osc0": "\x1b]0;owned\x07",
    "osc2": "\x1b]2;owned\x1b\\",
    "csi": "\x1b[2J\x1b[31m",
    "dcs": "\x1bPq#0;2;0;0;0\x1b\\",
    "c1": "\x9b2J\x9d0;owned\x9c\x85",
    "bidi": "\u202e\u2066\u200f",
    "nul": "\x00",
}

# What must never reach a terminal: C0 but newline, DEL, C1, bidi controls, lone surrogates.
FORBIDDEN = re.compile(
    "[\x00-\x09\x0b-\x1f\x7f-\x9f\u061c\u200e\u200f\u202a-\u202e\u2066-\u2069\ud800-\udfff]"
)


def forbidden(text: str) -> list[str]:
    """The forbidden characters of `text`, for a readable assertion message."""
    return [f"U+{ord(c):04X}" for c in FORBIDDEN.findall(text)]
