"""Rules W1-W7: weak types (numbers, separators, marks) of one isolating run sequence.

Each rule sees the sequence as the rules before it left it, as UAX #9 states them (W1-W3
share a pass because each only looks back); W1 is why a mark after an Arabic letter
counts as AL, so a number after it is still Arabic (W2).
"""

from __future__ import annotations

_ISOLATE_CONTROLS = frozenset({"LRI", "RLI", "FSI", "PDI"})


def resolve_weak(types: list[str], sos: str) -> None:
    """Rewrite `types` (one sequence, after X1-X10) in place with rules W1-W7."""
    count = len(types)
    present = set(types)
    previous = strong = sos
    for index in range(count):  # W1, W2, W3 in one pass: each looks only backwards
        kind = types[index]
        if kind == "NSM":
            kind = types[index] = "ON" if previous in _ISOLATE_CONTROLS else previous
        previous = kind  # W1 reads the class before W2 and W3 rewrite it: AL, not R
        if kind == "EN":
            if strong == "AL":
                types[index] = "AN"
        elif kind == "L" or kind == "R":
            strong = kind
        elif kind == "AL":
            strong = "AL"
            types[index] = "R"
    if "ES" in present or "CS" in present:
        _separators(types)
    if "ET" in present:
        _terminators(types)
    strong = sos
    for index in range(count):  # W6, W7
        kind = types[index]
        if kind == "ES" or kind == "ET" or kind == "CS":
            types[index] = "ON"
        elif kind == "L" or kind == "R":
            strong = kind
        elif kind == "EN" and strong == "L":
            types[index] = "L"


def _separators(types: list[str]) -> None:
    """W4: one separator between two numbers of a kind joins them."""
    for index in range(1, len(types) - 1):
        kind = types[index]
        if kind == "ES":
            if types[index - 1] == "EN" and types[index + 1] == "EN":
                types[index] = "EN"
        elif kind == "CS":
            before = types[index - 1]
            if (before == "EN" or before == "AN") and types[index + 1] == before:
                types[index] = before


def _terminators(types: list[str]) -> None:
    """W5: terminators next to a European number (as in "10%" or "$5") join it."""
    count = len(types)
    index = 0
    while index < count:
        if types[index] != "ET":
            index += 1
            continue
        end = index
        while end < count and types[end] == "ET":
            end += 1
        if (index > 0 and types[index - 1] == "EN") or (end < count and types[end] == "EN"):
            types[index:end] = ["EN"] * (end - index)
        index = end
