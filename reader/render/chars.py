"""Character classes the engine needs that `unicodedata` only answers one code point at a time.

The classes are compiled once into regular expressions so the hot path can test a whole
paragraph in C instead of looping in Python.
"""

from __future__ import annotations

import re
import unicodedata
from functools import cache

from rich.cells import get_character_cell_size

from reader.render.sanitize import BIDI_CONTROLS

_SCAN_LIMIT = 0x20000  # every mark and format character in use today lies below this
_BMP_END = 0xFFFF

JOINERS = "\u200c\u200d"


def _code_ranges(categories: frozenset[str], bidi: bool) -> list[tuple[int, int]]:
    """Inclusive code point ranges whose general category (or, with `bidi`, bidi class;
    unassigned counts as L) is one of `categories`."""
    ranges: list[tuple[int, int]] = []
    start = -1
    for code in range(_SCAN_LIMIT + 1):
        char = chr(code)
        value = (unicodedata.bidirectional(char) or "L") if bidi else unicodedata.category(char)
        inside = code < _SCAN_LIMIT and value in categories
        if inside and start < 0:
            start = code
        elif not inside and start >= 0:
            ranges.append((start, code - 1))
            start = -1
    return ranges


def _one_of(ranges: list[tuple[int, int]]) -> str:
    return "".join(
        re.escape(chr(start)) + ("-" + re.escape(chr(end)) if end > start else "")
        for start, end in ranges
    )


def _char_class(categories: frozenset[str], bidi: bool = False, astral: str = "") -> str:
    """A regex matching one character of `categories` (plus the `astral` class body).

    sre compiles a class's BMP part into a bitmap but tests its astral ranges one by one
    for every character the bitmap rejects, which made a paragraph scan ten times slower;
    so the astral ranges sit in a second branch that only astral characters reach."""
    bmp: list[tuple[int, int]] = []
    high: list[tuple[int, int]] = []
    for start, end in _code_ranges(categories, bidi):
        if start <= _BMP_END:
            bmp.append((start, min(end, _BMP_END)))
        if end > _BMP_END:
            high.append((max(start, _BMP_END + 1), end))
    branches = [f"[{_one_of(bmp)}]"] if bmp else []
    if high or astral:
        branches.append(f"(?=[\U00010000-\U0010ffff])[{_one_of(high)}{astral}]")
    return "(?:" + "|".join(branches) + ")"


@cache
def mark_re() -> re.Pattern[str]:
    """Combining marks (harakat among them): zero cells, drawn on the preceding letter."""
    return re.compile(_char_class(frozenset({"Mn", "Me"})))


@cache
def format_re() -> re.Pattern[str]:
    """Invisible format characters other than joiners and bidi controls: dropped."""
    keep = set(JOINERS) | BIDI_CONTROLS
    return re.compile(f"(?![{''.join(sorted(keep))}]){_char_class(frozenset({'Cf'}))}")


_EXPLICIT = frozenset({"LRE", "LRO", "RLE", "RLO", "PDF", "LRI", "RLI", "FSI", "PDI"})


@cache
def not_all_rtl_re() -> re.Pattern[str]:
    """Characters that can give a line of an RTL paragraph a level other than 1."""
    kinds = frozenset({"L", "EN", "AN", "NSM"}) | _EXPLICIT
    return re.compile(_char_class(kinds, bidi=True, astral="\U00020000-\U0010ffff"))


@cache
def not_all_ltr_re() -> re.Pattern[str]:
    """Characters that can give a line of an LTR paragraph a level other than 0."""
    kinds = frozenset({"R", "AL", "AN", "NSM"}) | _EXPLICIT
    return re.compile(_char_class(kinds, bidi=True))


# Characters that certainly take one cell; anything else is measured one by one.
_MAYBE_NOT_ONE_CELL = re.compile(
    "[^\u0020-\u007e\u00a0-\u00ac\u00ae-\u02ff\u0370-\u0482\u048a-\u0590"
    "\u05be-\u05ff\u0606-\u061b\u061d-\u06dc\u06de-\u06ff\u0750-\u077f"
    "\u2010-\u2027\u2030-\u205e\u20a0-\u20c0\u2100-\u2bff\ufb50-\ufdff\ufe70-\ufefe]"
)


def widths(glyphs: str) -> list[int] | None:
    """Cell width of each character, or None when every one takes exactly one cell."""
    if not _MAYBE_NOT_ONE_CELL.search(glyphs):
        return None
    return [cell_width(char) for char in glyphs]


@cache
def cell_width(char: str) -> int:
    if char in BIDI_CONTROLS:
        return 0
    return get_character_cell_size(char)
