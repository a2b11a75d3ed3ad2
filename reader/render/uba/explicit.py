"""Paragraph level (P2-P3) and explicit levels and directions (X1-X9).

Embeddings, overrides and isolates are resolved with the directional status stack of
X1-X8, depth limit and overflow counters included, so that malformed or hostile control
sequences in scraped text resolve exactly as in any other conforming implementation.
"""

from __future__ import annotations

MAX_DEPTH = 125
ISOLATE_INITIATORS = frozenset({"LRI", "RLI", "FSI"})
EMBEDDINGS = frozenset({"LRE", "RLE", "LRO", "RLO"})
REMOVED = frozenset({"LRE", "RLE", "LRO", "RLO", "PDF", "BN"})  # rule X9
EXPLICIT = REMOVED | ISOLATE_INITIATORS | {"PDI"}


def matching_pdis(classes: list[str]) -> dict[int, int]:
    """BD9: each isolate initiator's index -> the index of its matching PDI."""
    open_isolates: list[int] = []
    matches: dict[int, int] = {}
    for index, kind in enumerate(classes):
        if kind in ISOLATE_INITIATORS:
            open_isolates.append(index)
        elif kind == "PDI" and open_isolates:
            matches[open_isolates.pop()] = index
    return matches


def first_strong(classes: list[str], start: int, end: int, matches: dict[int, int]) -> int | None:
    """P2: 1 if the first strong character in [start, end) outside isolates is R or AL,
    0 if it is L, None if there is none."""
    index = start
    while index < end:
        kind = classes[index]
        if kind == "L":
            return 0
        if kind == "R" or kind == "AL":
            return 1
        if kind in ISOLATE_INITIATORS:
            if index not in matches:
                return None
            index = matches[index]
        index += 1
    return None


def paragraph_level(classes: list[str]) -> int:
    """P2-P3: the level of a paragraph whose direction comes from its own text."""
    found = first_strong(classes, 0, len(classes), matching_pdis(classes))
    return found or 0


def explicit_levels(
    classes: list[str], base: int, matches: dict[int, int]
) -> tuple[list[int], list[str]]:
    """X1-X8: each character's embedding level, and its type after any override (X6)."""
    count = len(classes)
    levels = [base] * count
    types = list(classes)
    # Entries: (embedding level, override "" / "L" / "R", whether an isolate pushed it).
    stack: list[tuple[int, str, bool]] = [(base, "", False)]
    overflow_isolates = overflow_embeddings = valid_isolates = 0
    for index, kind in enumerate(classes):
        level, override, _ = stack[-1]
        levels[index] = level
        if kind in EMBEDDINGS:  # X2-X5
            new = (level + 1) | 1 if kind[0] == "R" else (level + 2) & ~1
            if new <= MAX_DEPTH and not overflow_isolates and not overflow_embeddings:
                stack.append((new, kind[0] if kind[2] == "O" else "", False))
            elif not overflow_isolates:
                overflow_embeddings += 1
        elif kind in ISOLATE_INITIATORS:  # X5a-X5c
            if override:
                types[index] = override
            if kind == "FSI":
                inner = first_strong(classes, index + 1, matches.get(index, count), matches)
                kind = "RLI" if inner == 1 else "LRI"
            new = (level + 1) | 1 if kind[0] == "R" else (level + 2) & ~1
            if new <= MAX_DEPTH and not overflow_isolates and not overflow_embeddings:
                valid_isolates += 1
                stack.append((new, "", True))
            else:
                overflow_isolates += 1
        elif kind == "PDI":  # X6a
            if overflow_isolates:
                overflow_isolates -= 1
            elif valid_isolates:
                overflow_embeddings = 0
                while not stack[-1][2]:
                    stack.pop()
                stack.pop()
                valid_isolates -= 1
            level, override, _ = stack[-1]
            levels[index] = level
            if override:
                types[index] = override
        elif kind == "PDF":  # X7
            if overflow_isolates:
                continue
            if overflow_embeddings:
                overflow_embeddings -= 1
            elif not stack[-1][2] and len(stack) > 1:
                stack.pop()
        elif kind == "B":  # X8: a paragraph separator ends the paragraph at its level
            levels[index] = base
        elif override and kind != "BN":  # X6
            types[index] = override
    return levels, types
