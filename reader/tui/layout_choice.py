"""Which way the reader's panes stand: the article list on the left (`ltr`) or the whole
screen mirrored, the list on the right (`rtl`), as an Arabic reader's eye starts there.

Unless the flag or the config says, the corpus decides: mirrored when at least half the
letters in the titles of the newest articles (the list's first block) are Arabic.
"""

from __future__ import annotations

import re
from collections.abc import Iterable

from reader.arabic import BLOCKS
from reader.config import LAYOUTS

RTL_SHARE = 0.5
_ARABIC = re.compile(f"[{BLOCKS}]")


def arabic_share(titles: Iterable[str]) -> float:
    """The share of Arabic among the letters of `titles` (0 when there are none)."""
    letters = arabic = 0
    for title in titles:
        for character in title:
            if character.isalpha():
                letters += 1
                arabic += _ARABIC.match(character) is not None
    return arabic / letters if letters else 0.0


def expected_mirrored(setting: str | None) -> bool:
    """The layout the panes are composed in, before any title is read: as `setting` says,
    else mirrored, which is what a corpus of Arabic news goes on to choose. Composed in
    the layout the corpus keeps, the two panes and all they hold are not restyled on
    the way to the first frame; a mostly Latin corpus switches them once."""
    return setting == "rtl" if setting in LAYOUTS else True


def choose_mirrored(setting: str | None, titles: Iterable[str]) -> bool:
    """Whether to mirror: as `setting` says ("ltr" / "rtl"), else by the titles."""
    if setting in LAYOUTS:
        return setting == "rtl"
    return arabic_share(titles) >= RTL_SHARE
