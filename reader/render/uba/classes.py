"""Character properties the algorithm reads: Bidi_Class, paired brackets, mirroring glyphs.

Bidi_Class comes from `unicodedata`, so it follows the running Python's Unicode version;
a character that version does not know gets the class UAX #9 gives unassigned code points
of its block (R for Hebrew-block ranges, AL for Arabic ones), not L, so a newer Arabic
letter still reads right to left. The bracket and mirror tables are generated from the UCD
(`scripts/bidi_tables.py`) because `unicodedata` has neither property.
"""

from __future__ import annotations

import re
import unicodedata
from functools import cache

from reader.render.uba.ucd_tables import MIRRORS, OPENING

# The Bidi_Class of unassigned code points (DerivedBidiClass.txt's @missing lines).
_DEFAULT_RANGES = (
    (0x0590, 0x05FF, "R"),
    (0x0600, 0x07BF, "AL"),
    (0x07C0, 0x085F, "R"),
    (0x0860, 0x08FF, "AL"),
    (0x20A0, 0x20CF, "ET"),
    (0xFB1D, 0xFB4F, "R"),
    (0xFB50, 0xFDCF, "AL"),
    (0xFDD0, 0xFDEF, "BN"),
    (0xFDF0, 0xFDFF, "AL"),
    (0xFE70, 0xFEFF, "AL"),
    (0x10800, 0x10CFF, "R"),
    (0x10D00, 0x10D3F, "AL"),
    (0x10D40, 0x10EBF, "R"),
    (0x10EC0, 0x10EFF, "AL"),
    (0x10F00, 0x10F2F, "R"),
    (0x10F30, 0x10F6F, "AL"),
    (0x10F70, 0x10FFF, "R"),
    (0x1E800, 0x1EC6F, "R"),
    (0x1EC70, 0x1ECBF, "AL"),
    (0x1ECC0, 0x1ECFF, "R"),
    (0x1ED00, 0x1ED4F, "AL"),
    (0x1ED50, 0x1EDFF, "R"),
    (0x1EE00, 0x1EEFF, "AL"),
    (0x1EF00, 0x1EFFF, "R"),
    (0xE0000, 0xE0FFF, "BN"),
)

# Bracket pairs: each bracket -> (the opening bracket that names its pair, is opening).
_OPEN_TO_CLOSE = dict(zip(OPENING[::2], OPENING[1::2], strict=True))
_CLOSE_TO_OPEN = {closing: opening for opening, closing in _OPEN_TO_CLOSE.items()}
BRACKETS = re.compile(f"[{re.escape(OPENING)}]")  # N0 is skipped on lines without one
_MIRROR = dict(zip(MIRRORS[::2], MIRRORS[1::2], strict=True))


@cache
def bidi_class(char: str) -> str:
    kind: str = unicodedata.bidirectional(char)
    if kind:
        return kind
    code = ord(char)
    if (code & 0xFFFE) == 0xFFFE:
        return "BN"  # the noncharacters at the end of every plane
    for low, high, default in _DEFAULT_RANGES:
        if low <= code <= high:
            return default
    return "L"


@cache
def bracket(char: str) -> tuple[str, bool] | None:
    """(the pair's opening bracket, whether `char` opens) for Bidi_Paired_Bracket characters.

    The opening bracket is given in its canonical decomposition, so that U+2329 and U+3008,
    canonically equivalent, close each other's pairs as BD16 requires."""
    if char in _OPEN_TO_CLOSE:
        return unicodedata.normalize("NFD", char), True
    opening = _CLOSE_TO_OPEN.get(char)
    if opening is not None:
        return unicodedata.normalize("NFD", opening), False
    return None


def mirror(char: str) -> str:
    """The Bidi_Mirroring_Glyph of `char`, or `char` when it has none."""
    return _MIRROR.get(char, char)
