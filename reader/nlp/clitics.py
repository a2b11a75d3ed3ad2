"""Proclitics (و ف ب ل ك and their combinations with ال) that attach to a name.

Stripping is only ever offered as candidates: the caller keeps a stem only
where it is a known or recognised name, so بكين stays بكين while ببوتين gives
بوتين.
"""

from __future__ import annotations

from functools import lru_cache

_SINGLE = "وفبلك"
_DOUBLE = ("وب", "ول", "وك", "فب", "فل", "فك")
_MIN_STEM = 2


@lru_cache(maxsize=65536)
def stems(folded: str) -> tuple[tuple[int, str], ...]:
    """(prefix length, stem) pairs for a folded token, longest prefix first.

    A stem keeps the article: والولايات gives الولايات, للامم gives الامم.
    """
    out: list[tuple[int, str]] = []
    if folded.startswith("لل") and len(folded) > 2 + _MIN_STEM:
        out.append((1, "ا" + folded[1:]))
    for pre in _DOUBLE:
        if folded.startswith(pre) and len(folded) - 2 >= _MIN_STEM + 1:
            out.append((2, folded[2:]))
    if folded[:1] in _SINGLE and len(folded) - 1 >= _MIN_STEM + 1:
        out.append((1, folded[1:]))
    return tuple(out)
