"""Visual order of one line: the Unicode Bidirectional Algorithm (UAX #9), with an index map.

python-bidi's `get_display` returns only a string; the engine needs to know which
logical character lands in which cell (style spans, harakat, mirroring), so the levels
are resolved here. Lines without explicit embeddings or isolates (all ordinary text)
take a direct implementation of rules W1-W7, N0-N2 and I1-I2 over one isolating run
sequence; lines that carry embedding or isolate controls take their levels from
python-bidi (its Rust implementation handles rules X1-X10), and rules L1-L4 are
applied here to both. GNU FriBidi is the reference the tests compare against.
"""

from __future__ import annotations

import re
import unicodedata
from functools import cache

from bidi import get_display
from bidi.mirror import MIRRORED

from reader.render.chars import not_all_ltr_re, not_all_rtl_re

_EXPLICIT = re.compile("[\u202a-\u202e\u2066-\u2069]")
_LEVEL = re.compile(r"Level\(\s*(\d+),")
_STRONG_R = frozenset({"R", "EN", "AN"})
_MAX_BRACKET_DEPTH = 63


@cache
def bidi_class(char: str) -> str:
    kind: str = unicodedata.bidirectional(char)
    return kind or "L"


@cache
def _bracket(char: str) -> tuple[str, bool] | None:
    """(canonical opening bracket, is_opening) for Bidi_Paired_Bracket characters."""
    pair = MIRRORED.get(char)
    if pair is None:
        return None
    category = unicodedata.category(char)
    canonical = {"\u2329": "\u3008", "\u232a": "\u3009"}
    if category == "Ps":
        return canonical.get(char, char), True
    if category == "Pe":
        return canonical.get(pair, pair), False
    return None


def mirror(char: str) -> str:
    mirrored: str = MIRRORED.get(char, char)
    return mirrored


def levels(line: str, base: int) -> list[int]:
    """Resolved embedding level of each character of `line` (rule L1 included)."""
    if not (not_all_rtl_re() if base else not_all_ltr_re()).search(line):
        return [base] * len(line)
    if _EXPLICIT.search(line):
        resolved = _levels_from_python_bidi(line, base)
    else:
        resolved = _implicit_levels(line, base)
    _reset_trailing_whitespace(line, resolved, base)
    return resolved


def visual_order(line_levels: list[int]) -> list[int]:
    """Logical indices in visual order (rule L2)."""
    order = list(range(len(line_levels)))
    if not line_levels:
        return order
    highest = max(line_levels)
    if highest == min(line_levels):
        return order[::-1] if highest % 2 else order
    odd = [level for level in line_levels if level % 2]
    if not odd:
        return order
    lowest_odd = min(odd)
    n = len(order)
    for level in range(highest, lowest_odd - 1, -1):
        i = 0
        while i < n:
            if line_levels[order[i]] >= level:
                j = i
                while j < n and line_levels[order[j]] >= level:
                    j += 1
                order[i:j] = order[i:j][::-1]
                i = j
            else:
                i += 1
    return order


def _reset_trailing_whitespace(line: str, resolved: list[int], base: int) -> None:
    index = len(line) - 1
    while index >= 0 and bidi_class(line[index]) in ("WS", "BN", "FSI", "LRI", "RLI", "PDI"):
        resolved[index] = base
        index -= 1


def _levels_from_python_bidi(line: str, base: int) -> list[int]:
    """Levels per character from python-bidi's debug report (given per UTF-8 byte)."""
    report = get_display(line, base_dir="R" if base else "L", debug=True)
    start = report.index("levels:")
    per_byte = [int(level) for level in _LEVEL.findall(report, start, report.index("paragraphs:"))]
    resolved: list[int] = []
    byte = 0
    for char in line:
        resolved.append(per_byte[byte])
        byte += len(char.encode("utf-8"))
    return resolved


def _implicit_levels(line: str, base: int) -> list[int]:
    embedding = "R" if base else "L"
    types = [bidi_class(char) for char in line]
    n = len(types)
    _weak_rules(types, embedding)
    if "(" in line or ")" in line or any(_bracket(c) is not None for c in line):
        _bracket_pairs(line, types, embedding)
    _neutral_rules(types, embedding)
    if base:
        return [1 if t == "R" else 2 for t in types]
    return [0 if t == "L" else (1 if t == "R" else 2) for t in types[:n]]


def _weak_rules(types: list[str], embedding: str) -> None:
    n = len(types)
    last_strong = embedding
    previous = embedding  # the class before W2/W3 rewrote it: a mark after AL is AL (W1)
    for i in range(n):  # W1 (NSM), W2, W3
        kind = types[i]
        if kind == "NSM":
            kind = types[i] = previous
        previous = kind
        if kind == "L" or kind == "R":
            last_strong = kind
        elif kind == "AL":
            last_strong = "AL"
            types[i] = "R"
        elif kind == "EN" and last_strong == "AL":
            types[i] = "AN"
    for i in range(1, n - 1):  # W4
        kind = types[i]
        if kind == "ES":
            if types[i - 1] == "EN" and types[i + 1] == "EN":
                types[i] = "EN"
        elif kind == "CS":
            before = types[i - 1]
            if before in ("EN", "AN") and types[i + 1] == before:
                types[i] = before
    i = 0
    while i < n:  # W5
        if types[i] == "ET":
            j = i
            while j < n and types[j] == "ET":
                j += 1
            if (i > 0 and types[i - 1] == "EN") or (j < n and types[j] == "EN"):
                types[i:j] = ["EN"] * (j - i)
            i = j
        else:
            i += 1
    last_strong = embedding
    for i in range(n):  # W6, W7
        kind = types[i]
        if kind in ("ES", "ET", "CS"):
            types[i] = "ON"
        elif kind == "L" or kind == "R":
            last_strong = kind
        elif kind == "EN" and last_strong == "L":
            types[i] = "L"


def _bracket_pairs(line: str, types: list[str], embedding: str) -> None:
    """Rule N0: a bracket pair takes the direction of the strong text it encloses."""
    pairs: list[tuple[int, int]] = []
    stack: list[tuple[str, int]] = []
    for i, char in enumerate(line):
        if types[i] != "ON":
            continue
        bracket = _bracket(char)
        if bracket is None:
            continue
        opening, is_opening = bracket
        if is_opening:
            if len(stack) == _MAX_BRACKET_DEPTH:
                break
            stack.append((opening, i))
            continue
        for depth in range(len(stack) - 1, -1, -1):
            if stack[depth][0] == opening:
                pairs.append((stack[depth][1], i))
                del stack[depth:]
                break
    opposite = "L" if embedding == "R" else "R"
    for start, end in sorted(pairs):
        inside = {("R" if t in _STRONG_R else t) for t in types[start + 1 : end]}
        if embedding in inside:
            direction = embedding
        elif opposite in inside:
            direction = _strong_before(types, start, embedding)
            direction = opposite if direction == opposite else embedding
        else:
            continue
        types[start] = types[end] = direction


def _strong_before(types: list[str], index: int, embedding: str) -> str:
    for i in range(index - 1, -1, -1):
        kind = types[i]
        if kind == "L":
            return "L"
        if kind in _STRONG_R:
            return "R"
    return embedding


def _neutral_rules(types: list[str], embedding: str) -> None:
    """Rules N1 and N2; numbers count as R for their neighbours."""
    n = len(types)
    before = embedding
    i = 0
    while i < n:
        kind = types[i]
        if kind == "L" or kind in _STRONG_R:
            before = "L" if kind == "L" else "R"
            i += 1
            continue
        j = i
        while j < n and types[j] not in ("L", "R", "EN", "AN"):
            j += 1
        after = embedding if j == n else ("L" if types[j] == "L" else "R")
        fill = before if before == after else embedding
        types[i:j] = [fill] * (j - i)
        i = j
