"""Differential test of the bidi algorithm: 20,000 generated mixed lines through our UBA and
GNU FriBidi, in one call of the `fribidi` CLI, must give the same levels and visual order.

The lines mix Arabic, Hebrew, Latin, three kinds of digits, combining marks, brackets,
punctuation, separators and every explicit control, with the base direction chosen by
P2-P3 on both sides. What is compared and why:
- levels of every character except those rule X9 removes (embedding controls, BN), whose
  levels UAX #9 leaves to the implementation;
- the visual order without X9-removed characters and without combining marks: the CLI
  applies L3 (a mark follows its base after reordering), which the engine does through its
  clusters instead; the marks' levels are still compared.
The alphabet is restricted to characters whose Bidi_Class FriBidi's Unicode data (10.0 in
Debian's 1.0.8) and Python's `unicodedata` agree on; a test checks that agreement through
libfribidi itself. Lines holding both a matched isolate and an isolate initiator without
a PDI are left out: FriBidi 1.0.8 resolves those against UAX #9 (it takes "FSI 2 PDI" in
an RTL paragraph for an RTL isolate when an unmatched RLI follows; its later releases
fixed several isolate bugs), and Unicode's own conformance files, run in
test_render_uba_conformance.py, show our answer there.
"""

from __future__ import annotations

import ctypes
import ctypes.util
import random
import subprocess
from functools import cache

import pytest

from reader.render.reorder import bidi_class, levels, paragraph_level, visual_order
from tests.support import require_tool

LINES = 20_000
SEED = 12_5


def _span(low: int, high: int) -> str:
    return "".join(chr(code) for code in range(low, high + 1))


# (weight, characters): letters and digits dominate, as in text; controls are rarer but
# with 20,000 lines every pairing of them occurs many times.
ALPHABET: tuple[tuple[int, str], ...] = (
    (14, _span(0x0621, 0x063A) + _span(0x0641, 0x064A)),  # Arabic letters (AL)
    (4, _span(0x05D0, 0x05EA)),  # Hebrew letters (R)
    (12, "abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ"),  # L
    (5, "0123456789"),  # EN
    (3, _span(0x0660, 0x0669) + "\u066b\u066c"),  # Arabic-Indic digits, separators (AN)
    (2, _span(0x06F0, 0x06F9)),  # Extended Arabic-Indic digits (EN)
    (4, _span(0x064B, 0x0652) + "\u0670\u0301\u0308"),  # combining marks (NSM)
    (6, "()[]{}\u3008\u3009\u2329\u232a\u27e8\u27e9\u2045\u2046"),  # paired brackets (ON)
    (6, ".,:;!?-+%$#/*'\"\u060c\u061b\u061f\u066a\u00a0\u00b0\u20ac\u00ab\u00bb<>=&@"),
    (8, " "),  # WS
    (1, "\t\u001f"),  # segment separators (S)
    (3, "\u202a\u202b\u202c\u202d\u202e"),  # LRE RLE PDF LRO RLO
    (4, "\u2066\u2067\u2068\u2069"),  # LRI RLI FSI PDI
    (2, "\u200e\u200f\u061c\u200c\u200d"),  # LRM RLM ALM, ZWNJ ZWJ (BN)
)
_REMOVED = frozenset({"LRE", "RLE", "LRO", "RLO", "PDF", "BN"})


_INITIATORS = "\u2066\u2067\u2068"


def _fribidi_resolves_by_uax9(line: str) -> bool:
    """False for a line with a matched isolate and an unmatched isolate initiator."""
    open_isolates = matched = 0
    for char in line:
        if char in _INITIATORS:
            open_isolates += 1
        elif char == "\u2069" and open_isolates:
            open_isolates -= 1
            matched += 1
    return not (open_isolates and matched)


@cache
def _lines() -> list[str]:
    chooser = random.Random(SEED)
    groups = [chars for _, chars in ALPHABET]
    weights = [weight for weight, _ in ALPHABET]
    lines: list[str] = []
    while len(lines) < LINES:
        picked = chooser.choices(groups, weights, k=chooser.randint(1, 24))
        line = "".join(chooser.choice(group) for group in picked)
        if _fribidi_resolves_by_uax9(line):
            lines.append(line)
    return lines


def _fribidi(lines: list[str]) -> list[tuple[list[int], list[int]]]:
    """(visual-to-logical map, levels) of each line, from one run of the CLI."""
    result = subprocess.run(
        [require_tool("fribidi"), "--nobreak", "--nopad", "--novisual", "--vtol", "--levels"],
        input="".join(line + "\n" for line in lines),
        capture_output=True,
        text=True,
        check=True,
    )
    rows = result.stdout.splitlines()
    assert len(rows) == 2 * len(lines)
    return [
        ([int(x) for x in rows[k].split()], [int(x) for x in rows[k + 1].split()])
        for k in range(0, len(rows), 2)
    ]


def _shown(order: list[int], classes: list[str]) -> list[int]:
    return [i for i in order if classes[i] not in _REMOVED and classes[i] != "NSM"]


def test_generated_lines_match_fribidi() -> None:
    lines = _lines()
    expected = _fribidi(lines)
    wrong: list[str] = []
    for line, (their_order, their_levels) in zip(lines, expected, strict=True):
        classes = [bidi_class(char) for char in line]
        ours = levels(line, paragraph_level(line))
        kept = [i for i, kind in enumerate(classes) if kind not in _REMOVED]
        same_levels = [ours[i] for i in kept] == [their_levels[i] for i in kept]
        same_order = _shown(visual_order(ours), classes) == _shown(their_order, classes)
        if not (same_levels and same_order):
            wrong.append(f"{line!a}: ours {ours}, FriBidi {their_levels}")
    assert not wrong, f"{len(wrong)} of {len(lines)} differ, e.g.\n" + "\n".join(wrong[:10])


def test_the_lines_exercise_every_part_of_the_algorithm() -> None:
    """The comparison is only as strong as its input: both base directions, every explicit
    control and deep nesting must occur."""
    lines = _lines()
    classes = {bidi_class(char) for line in lines for char in line}
    assert classes >= {"L", "R", "AL", "EN", "AN", "ES", "ET", "CS", "NSM", "BN", "S"}
    assert classes >= {"WS", "ON", "LRE", "RLE", "LRO", "RLO", "PDF", "LRI", "RLI", "FSI"}
    assert "PDI" in classes
    bases = [paragraph_level(line) for line in lines]
    assert LINES / 4 < sum(bases) < LINES * 3 / 4
    sample = zip(lines[:2000], bases, strict=False)
    assert max(max(levels(line, base)) for line, base in sample) >= 5


def _fribidi_class_names() -> dict[str, str]:
    name = ctypes.util.find_library("fribidi")
    if name is None:
        require_tool("fribidi")  # same package family: fail under CI, skip locally
        pytest.skip("libfribidi is not installed")
    library = ctypes.CDLL(name)
    library.fribidi_get_bidi_type.restype = ctypes.c_uint32
    library.fribidi_get_bidi_type.argtypes = [ctypes.c_uint32]
    library.fribidi_get_bidi_type_name.restype = ctypes.c_char_p
    library.fribidi_get_bidi_type_name.argtypes = [ctypes.c_uint32]
    chars = "".join(chars for _, chars in ALPHABET)
    return {
        char: library.fribidi_get_bidi_type_name(library.fribidi_get_bidi_type(ord(char))).decode()
        for char in chars
    }


# FriBidi's names for the classes where they differ from the UCD's abbreviations.
_FRIBIDI_NAMES = {"L": "LTR", "R": "RTL", "S": "SS", "B": "BS"}


def test_both_sides_agree_on_the_classes_of_the_alphabet() -> None:
    theirs = _fribidi_class_names()
    differ = {
        char: (bidi_class(char), name)
        for char, name in theirs.items()
        if _FRIBIDI_NAMES.get(bidi_class(char), bidi_class(char)) != name
    }
    assert not differ
