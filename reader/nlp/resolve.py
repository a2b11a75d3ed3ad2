"""Choosing the display name of an entity from all the spellings it was seen with."""

from __future__ import annotations

from collections.abc import Mapping


def choose_canonical(variants: Mapping[str, int]) -> str:
    """The most frequent full form: a multi-word name beats a bare surname however often
    the surname alone appears; ties go to the longer, then the first in code-point order."""
    if not variants:
        raise ValueError("an entity needs at least one surface form")
    return max(
        variants,
        key=lambda s: (len(s.split()) > 1, variants[s], len(s), [-ord(c) for c in s]),
    )
