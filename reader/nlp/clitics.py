"""Proclitics (و ف ب ل ك and their combinations with ال) that attach to a name.

Stripping is only ever offered as candidates: the caller keeps a stem only
where it is a known or recognised name, so بكين stays بكين while ببوتين gives
بوتين.
"""

from __future__ import annotations

from collections.abc import Iterable
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


def with_clitics(words: Iterable[str]) -> frozenset[str]:
    """Every form that is one of `words` or has one among its stems (stems() above): a
    text's words that can be these words, found by one set intersection in C instead of
    a stems() test per distinct word of each text. Built by the rules of stems() run
    backwards: a single or double proclitic before a word of three letters or more, and
    لل for the ال of a word of five or more."""
    heads = frozenset(words)
    long = [w for w in heads if len(w) > _MIN_STEM]
    out = set(heads)
    for pre in (*_SINGLE, *_DOUBLE):
        out.update(map(pre.__add__, long))
    out.update("ل" + w[1:] for w in long if w.startswith("ال") and len(w) > 2 + _MIN_STEM)
    return frozenset(out)
