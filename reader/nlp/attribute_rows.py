"""The model's attribute rows, indexed so the tagger looks them up without building the
attribute strings: word pairs ("bi=", "+bi=") by first and second word, and what a word
shows its neighbours ("-1", "-2", "+1", "+2" + feature) by the feature alone."""

from __future__ import annotations

from collections.abc import Callable
from typing import cast

import numpy as np

from reader.nlp.crf_model import Floats

_SHOWN_PREFIXES = {"-1": 0, "-2": 1, "+1": 2, "+2": 3}

Pairs = dict[str, int]
# dict.get as (pairs, next word, -1) → row, for map(): only opening tokens are looked up,
# and their pairs are never None.
pair_row = cast("Callable[[Pairs | None, str, int], int]", dict.get)


def pair_rows(index: dict[str, int], prefix: str) -> dict[str, Pairs]:
    """First word → second word → row, for each attribute prefix + first + "|" + second."""
    out: dict[str, Pairs] = {}
    for attribute, row in index.items():
        if attribute.startswith(prefix):
            pair = attribute[len(prefix) :]
            for cut in (i for i, ch in enumerate(pair) if ch == "|"):
                out.setdefault(pair[:cut], {})[pair[cut + 1 :]] = row
    return out


def shown_rows(index: dict[str, int], state: Floats) -> tuple[dict[str, int], Floats]:
    """Feature f → its block, and the blocks: the rows of "-1" + f, "-2" + f, "+1" + f and
    "+2" + f (f on the word one or two before or after a token), zeros for those the model
    lacks; the last block is all zeros."""
    blocks: dict[str, int] = {}
    found: list[tuple[int, int, int]] = []
    for attribute, row in index.items():
        slot = _SHOWN_PREFIXES.get(attribute[:2])
        if slot is not None:
            found.append((blocks.setdefault(attribute[2:], len(blocks)), slot, row))
    out = np.zeros((len(blocks) + 1, len(_SHOWN_PREFIXES), state.shape[1]))
    if found:
        blocks_at, slots, rows = (np.array(column) for column in zip(*found, strict=True))
        out[blocks_at, slots] = state[rows]
    return blocks, out
