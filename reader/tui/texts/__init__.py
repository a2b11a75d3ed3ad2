"""The interface's texts, key -> (English, Arabic), one module per part of the reader.

A key belongs to exactly one module (a test checks it); `reader.tui.ui_text` is the
only reader of these tables.
"""

from __future__ import annotations

from reader.tui.texts import actions, palette, person, reader
from reader.tui.texts.keys import KEY_TEXTS

PARTS: tuple[dict[str, tuple[str, str]], ...] = (
    reader.TEXTS,
    person.TEXTS,
    actions.TEXTS,
    palette.TEXTS,
)
TEXTS: dict[str, tuple[str, str]] = {key: text for part in PARTS for key, text in part.items()}

__all__ = ["KEY_TEXTS", "PARTS", "TEXTS"]
