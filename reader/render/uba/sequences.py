"""Rule X10: level runs, chained across isolates into isolating run sequences.

Characters X9 removed are skipped, as if absent: a run continues across them, and the
levels compared for sos and eos are those of the nearest characters that remain.
"""

from __future__ import annotations

from typing import NamedTuple

from reader.render.uba.explicit import ISOLATE_INITIATORS


class Sequence(NamedTuple):
    """The indices of one isolating run sequence, with its start and end of sequence types."""

    indices: list[int]
    sos: str
    eos: str


def _direction(level: int) -> str:
    return "R" if level % 2 else "L"


def _level_runs(levels: list[int], removed: list[bool]) -> list[list[int]]:
    runs: list[list[int]] = []
    current = -1
    for index, level in enumerate(levels):
        if removed[index]:
            continue
        if level == current:
            runs[-1].append(index)
        else:
            runs.append([index])
            current = level
    return runs


def _neighbour_level(
    levels: list[int], removed: list[bool], index: int, step: int, base: int
) -> int:
    """The level of the nearest character X9 left, before (step -1) or after (+1) `index`;
    the paragraph level at either end."""
    index += step
    while 0 <= index < len(levels):
        if not removed[index]:
            return levels[index]
        index += step
    return base


def isolating_sequences(
    classes: list[str],
    levels: list[int],
    removed: list[bool],
    matches: dict[int, int],
    base: int,
) -> list[Sequence]:
    """BD13 and X10: a run ending in an isolate initiator goes on with the run that starts
    with its matching PDI."""
    runs = _level_runs(levels, removed)
    starting = {run[0]: number for number, run in enumerate(runs)}
    following: dict[int, int] = {}
    for number, run in enumerate(runs):
        last = run[-1]
        if classes[last] in ISOLATE_INITIATORS and matches.get(last) in starting:
            following[number] = starting[matches[last]]
    continued = set(following.values())
    result: list[Sequence] = []
    for number, run in enumerate(runs):
        if number in continued:
            continue
        indices = list(run)
        while number in following:
            number = following[number]
            indices.extend(runs[number])
        first, last = indices[0], indices[-1]
        level = levels[first]
        before = _neighbour_level(levels, removed, first, -1, base)
        if classes[last] in ISOLATE_INITIATORS:
            after = base
        else:
            after = _neighbour_level(levels, removed, last, 1, base)
        result.append(
            Sequence(indices, _direction(max(level, before)), _direction(max(level, after)))
        )
    return result
