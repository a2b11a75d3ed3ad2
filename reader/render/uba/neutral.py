"""Rules N0-N2: brackets and other neutrals of one isolating run sequence.

N0 runs first: a bracket pair (BD16) takes the direction of the strong text inside it,
or of the text before it, so "(1)" after Arabic keeps its brackets with the number.
Numbers count as R for the neutrals around them.
"""

from __future__ import annotations

from reader.render.uba.classes import bracket

_MAX_BRACKET_DEPTH = 63
_NEUTRAL = frozenset({"B", "S", "WS", "ON", "LRI", "RLI", "FSI", "PDI"})


def _strong(kind: str) -> str:
    """L or R for the strong (or numeric) types, "" for the rest."""
    if kind == "L":
        return "L"
    if kind == "R" or kind == "EN" or kind == "AN":
        return "R"
    return ""


def bracket_pairs(chars: list[str], types: list[str]) -> list[tuple[int, int]]:
    """BD16: positions of the paired brackets, sorted by their opening bracket."""
    pairs: list[tuple[int, int]] = []
    stack: list[tuple[str, int]] = []
    for index, char in enumerate(chars):
        if types[index] != "ON":
            continue
        found = bracket(char)
        if found is None:
            continue
        name, opening = found
        if opening:
            if len(stack) == _MAX_BRACKET_DEPTH:
                break
            stack.append((name, index))
            continue
        for depth in range(len(stack) - 1, -1, -1):
            if stack[depth][0] == name:
                pairs.append((stack[depth][1], index))
                del stack[depth:]
                break
    pairs.sort()
    return pairs


def resolve_brackets(
    chars: list[str], types: list[str], original: list[str], embedding: str, sos: str
) -> None:
    """N0 over `types` in place; `original` are the classes before W1 (for the marks on a
    bracket, which follow it)."""
    for start, end in bracket_pairs(chars, types):
        opposite = False
        direction = ""
        for kind in types[start + 1 : end]:
            found = _strong(kind)
            if found == embedding:
                direction = embedding
                break
            if found:
                opposite = True
        if not direction:
            if not opposite:
                continue
            before = sos
            for index in range(start - 1, -1, -1):
                found = _strong(types[index])
                if found:
                    before = found
                    break
            direction = before
        for index in (start, end):
            types[index] = direction
            index += 1
            while index < len(types) and original[index] == "NSM":
                types[index] = direction
                index += 1


def resolve_neutrals(types: list[str], embedding: str, sos: str, eos: str) -> None:
    """N1-N2: a run of neutrals between two strong types of one direction takes it;
    any other takes the embedding direction."""
    count = len(types)
    before = sos
    index = 0
    while index < count:
        kind = types[index]
        if kind not in _NEUTRAL:
            before = _strong(kind)
            index += 1
            continue
        end = index
        while end < count and types[end] in _NEUTRAL:
            end += 1
        after = eos if end == count else _strong(types[end])
        fill = before if before == after else embedding
        types[index:end] = [fill] * (end - index)
        index = end
