"""One paragraph through the whole algorithm: X1-X10, W1-W7, N0-N2, I1-I2, then L1.

A paragraph without explicit controls or BN characters (nearly every line of an
article) is one isolating run sequence at the paragraph level, so X1-X10 are skipped.
Characters X9 removes get the level of the character before them (UAX #9 section 5.2),
so that reordering moves them with their neighbours and never splits a run.
"""

from __future__ import annotations

from reader.render.uba.classes import BRACKETS, bidi_class
from reader.render.uba.explicit import (
    EXPLICIT,
    REMOVED,
    explicit_levels,
    matching_pdis,
)
from reader.render.uba.neutral import resolve_brackets, resolve_neutrals
from reader.render.uba.sequences import Sequence, isolating_sequences
from reader.render.uba.weak import resolve_weak

_RESET_BEFORE_SEPARATOR = frozenset({"WS", "FSI", "LRI", "RLI", "PDI"}) | REMOVED


def resolve_levels(text: str, base: int) -> list[int]:
    """Resolved embedding level of each character of `text` at paragraph level `base`
    (rule L1 included); a paragraph separator inside `text` starts a new paragraph."""
    classes = [bidi_class(char) for char in text]
    if "B" not in classes[:-1]:
        return _paragraph(text, classes, base)
    levels: list[int] = []
    start = 0
    for index, kind in enumerate(classes):
        if kind == "B" or index == len(classes) - 1:
            levels.extend(_paragraph(text[start : index + 1], classes[start : index + 1], base))
            start = index + 1
    return levels


def _paragraph(text: str, classes: list[str], base: int) -> list[int]:
    if EXPLICIT.isdisjoint(classes):
        levels = _one_sequence(text, classes, base)
    else:
        levels = _sequences(text, classes, base)
    _reset_separators(classes, levels, base)
    return levels


def _one_sequence(text: str, classes: list[str], base: int) -> list[int]:
    """Without explicit controls every character is at `base`, in one sequence."""
    direction = "R" if base % 2 else "L"
    types = list(classes)
    resolve_weak(types, direction)
    if BRACKETS.search(text):
        resolve_brackets(list(text), types, classes, direction, direction)
    resolve_neutrals(types, direction, direction, direction)
    if base % 2:  # I2
        return [base if kind == "R" else base + 1 for kind in types]
    return [base if kind == "L" else base + 1 if kind == "R" else base + 2 for kind in types]


def _sequences(text: str, classes: list[str], base: int) -> list[int]:
    matches = matching_pdis(classes)
    levels, types = explicit_levels(classes, base, matches)
    removed = [kind in REMOVED for kind in classes]
    has_brackets = BRACKETS.search(text) is not None
    for sequence in isolating_sequences(classes, levels, removed, matches, base):
        _resolve_sequence(text, classes, levels, types, sequence, has_brackets)
    previous = base
    for index, gone in enumerate(removed):
        if gone:
            levels[index] = previous
        previous = levels[index]
    return levels


def _resolve_sequence(
    text: str,
    classes: list[str],
    levels: list[int],
    types: list[str],
    sequence: Sequence,
    has_brackets: bool,
) -> None:
    indices = sequence.indices
    kinds = [types[index] for index in indices]
    resolve_weak(kinds, sequence.sos)
    level = levels[indices[0]]
    embedding = "R" if level % 2 else "L"
    if has_brackets:
        chars = [text[index] for index in indices]
        original = [classes[index] for index in indices]
        resolve_brackets(chars, kinds, original, embedding, sequence.sos)
    resolve_neutrals(kinds, embedding, sequence.sos, sequence.eos)
    if level % 2:  # I2
        for index, kind in zip(indices, kinds, strict=True):
            if kind != "R":
                levels[index] = level + 1
    else:  # I1
        for index, kind in zip(indices, kinds, strict=True):
            if kind == "R":
                levels[index] = level + 1
            elif kind != "L":
                levels[index] = level + 2


def _reset_separators(classes: list[str], levels: list[int], base: int) -> None:
    """L1: separators, and the whitespace and isolate controls before them or at the end
    of the line, go back to the paragraph level."""
    separated = "S" in classes or "B" in classes
    trailing = True
    for index in range(len(classes) - 1, -1, -1):
        kind = classes[index]
        if kind == "S" or kind == "B":
            levels[index] = base
            trailing = True
        elif trailing and kind in _RESET_BEFORE_SEPARATOR:
            levels[index] = base
        elif separated:
            trailing = False
        else:
            return
