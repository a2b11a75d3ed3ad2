"""Our UBA against Unicode's own conformance files, BidiCharacterTest.txt and BidiTest.txt
(Debian's `unicode-data`, installed by .ci/run), and the generated tables against the UCD.

The whole of both files passes (860k cases, about a minute); a deterministic sample runs
here: every line of BidiCharacterTest.txt that holds an explicit control, every tenth of the
rest, and every fiftieth class sequence of BidiTest.txt in each of its paragraph
directions. Lines with a character this Python's `unicodedata` does not know are skipped.
"""

from __future__ import annotations

import os
import re
import sys
import unicodedata
from pathlib import Path

import pytest

from reader.render.reorder import bidi_class, levels, paragraph_level, visual_order
from reader.render.uba import ucd_tables
from reader.render.uba.classes import bracket, mirror

UCD = Path("/usr/share/unicode")
_REMOVED = frozenset({"LRE", "RLE", "LRO", "RLO", "PDF", "BN"})
_EXPLICIT = re.compile("[\u202a-\u202e\u2066-\u2069]")
# One character of each class, for BidiTest.txt, which lists classes, not characters.
_SAMPLE_CHAR = {
    "L": "a", "R": "\u05d0", "AL": "\u0628", "EN": "1", "ES": "+", "ET": "$", "AN": "\u0661",
    "CS": ",", "NSM": "\u0300", "BN": "\u00ad", "B": "\u2029", "S": "\t", "WS": " ",
    "ON": "!", "LRE": "\u202a", "LRO": "\u202d", "RLE": "\u202b", "RLO": "\u202e",
    "PDF": "\u202c", "LRI": "\u2066", "RLI": "\u2067", "FSI": "\u2068", "PDI": "\u2069",
}  # fmt: skip


def _ucd_file(name: str) -> Path:
    path = UCD / name
    if not path.exists():
        if os.environ.get("CI"):
            pytest.fail(f"{path} is missing; .ci/run must install unicode-data")
        pytest.skip(f"{path} is missing (Debian package unicode-data)")
    return path


def _rows(name: str) -> list[str]:
    lines = _ucd_file(name).read_text("utf-8").splitlines()
    return [line for line in lines if line and not line.startswith("#")]


def _resolved(text: str, direction: int) -> tuple[list[str], list[int]]:
    """Levels ("x" for characters X9 removes) and visual order without them, as the
    conformance files write them; direction 2 is P2-P3."""
    base = paragraph_level(text) if direction == 2 else direction
    resolved = levels(text, base)
    kept = [bidi_class(char) not in _REMOVED for char in text]
    shown = [str(level) if keep else "x" for level, keep in zip(resolved, kept, strict=True)]
    return shown, [index for index in visual_order(resolved) if kept[index]]


def test_bidi_character_test() -> None:
    checked = 0
    wrong: list[str] = []
    for number, row in enumerate(_rows("BidiCharacterTest.txt")):
        fields = row.split(";")
        text = "".join(chr(int(code, 16)) for code in fields[0].split())
        if not _EXPLICIT.search(text) and number % 10:
            continue
        if any(unicodedata.category(char) == "Cn" for char in text):
            continue
        expected = (fields[3].split(), [int(index) for index in fields[4].split()])
        if _resolved(text, int(fields[1])) != expected:
            wrong.append(row)
        checked += 1
    assert checked > 9_000
    assert not wrong, wrong[:5]


def test_bidi_test() -> None:
    checked = 0
    wrong: list[str] = []
    expected_levels: list[str] = []
    expected_order: list[int] = []
    rows = 0
    for row in _rows("BidiTest.txt"):
        if row.startswith("@Levels:"):
            expected_levels = row.split(":", 1)[1].split()
        elif row.startswith("@Reorder:"):
            expected_order = [int(index) for index in row.split(":", 1)[1].split()]
        elif not row.startswith("@"):
            rows += 1
            if rows % 50:
                continue
            classes, directions = row.split(";")
            text = "".join(_SAMPLE_CHAR[kind] for kind in classes.split())
            for bit, direction in ((1, 2), (2, 0), (4, 1)):
                if int(directions) & bit:
                    if _resolved(text, direction) != (expected_levels, expected_order):
                        wrong.append(f"{classes} direction {direction}")
                    checked += 1
    assert checked > 10_000
    assert not wrong, wrong[:5]


def test_tables_are_the_ones_the_ucd_gives() -> None:
    if unicodedata.unidata_version != ucd_tables.UNIDATA_VERSION:
        pytest.skip("tables generated under another Unicode version")
    _ucd_file("BidiBrackets.txt")
    sys.path.insert(0, str(Path(__file__).resolve().parents[2] / "scripts"))
    from bidi_tables import TARGET, source

    assert TARGET.read_text("utf-8") == source(UCD)


def test_brackets_agree_with_unicodedata() -> None:
    """Every paired bracket is a mirrored ON punctuation character of the right category,
    and every mirrored opening punctuation mark whose mirror closes is a paired bracket."""
    openings = ucd_tables.OPENING[::2]
    closings = ucd_tables.OPENING[1::2]
    for char in openings + closings:
        assert unicodedata.mirrored(char) and bidi_class(char) == "ON"
        assert mirror(char) in openings + closings
    assert {unicodedata.category(char) for char in openings} == {"Ps"}
    assert {unicodedata.category(char) for char in closings} == {"Pe"}
    candidates = {
        chr(code)
        for code in range(0x110000)
        if unicodedata.category(chr(code)) == "Ps" and unicodedata.mirrored(chr(code))
    }
    assert {char for char in candidates if bracket(mirror(char)) is not None} == set(openings)
