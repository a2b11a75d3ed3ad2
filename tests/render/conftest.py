"""Helpers for the display-engine tests: shaping through arabic-reshaper itself, so the
expected strings are built independently of the engine's own reshaping and ordering."""

from __future__ import annotations

from collections.abc import Callable

import pytest
from arabic_reshaper import ArabicReshaper

_RESHAPER = ArabicReshaper(configuration={"delete_harakat": False, "ARABIC LIGATURE ALLAH": False})


def shaped(text: str) -> str:
    return str(_RESHAPER.reshape(text))


def rtl_word(text: str) -> str:
    """A run of Arabic as a terminal must receive it: shaped, then reversed."""
    return shaped(text)[::-1]


@pytest.fixture
def right() -> Callable[[str, int], str]:
    def pad(visual: str, width: int) -> str:
        return " " * (width - len(visual)) + visual

    return pad
