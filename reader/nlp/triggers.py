"""Trigger patterns: a cue word names the kind of the words that follow it.

Titles and roles (الرئيس الروسي X، المتحدث باسم الكرملين X، الجنرال X) and
reporting verbs (قال X) announce a person; organisation heads (وزارة، حزب،
وكالة + X) open an organisation; place cues (مدينة، العاصمة + X) a place.
The name itself must then look like one: a gazetteer first name, a word the
CRF tagged, or an out-of-lexicon word that is not a function word.
"""

from __future__ import annotations

from collections.abc import Callable
from functools import lru_cache
from typing import NamedTuple

from reader.nlp import lexicon
from reader.nlp.clitics import stems
from reader.nlp.tokens import Token

MAX_TITLE_GAP = 4
MAX_NAME_TOKENS = 4
_OPENING = frozenset('(«"“')
_PUNCT_SKIP = frozenset("،,:")


class Span(NamedTuple):
    first: int  # token index, inclusive
    last: int  # token index, exclusive
    kind: str


def _cue(word: str, cues: frozenset[str]) -> bool:
    return word in cues or any(stem in cues for _, stem in stems(word))


@lru_cache(maxsize=200_000)
def _cue_kind(word: str) -> str:
    """Which cue a word is, clitic or not: "PER" (title or reporting verb), "ORG", "LOC" or ""."""
    if _cue(word, lexicon.TITLES) or word in lexicon.REPORTING_VERBS:
        return "PER"
    if _cue(word, lexicon.ORG_HEADS):
        return "ORG"
    if _cue(word, lexicon.PLACE_CUES):
        return "LOC"
    return ""


def _is_nisba(word: str) -> bool:
    return word.startswith("ال") and (word.endswith("ي") or word.endswith("يه"))


def _skip_role(tokens: list[Token], i: int) -> int:
    """Index after a role's trailing words: الرئيس [الروسي]، وزير [الخارجية الأمريكي]."""
    j = i
    gap = 0
    while j < len(tokens) and gap < MAX_TITLE_GAP:
        word = tokens[j].folded
        if word in lexicon.TITLE_FILLERS or _is_nisba(word) or word in lexicon.TITLES:
            j += 1
            gap += 1
        elif word in _PUNCT_SKIP or word in _OPENING:
            j += 1
        else:
            break
    return j


def _name_run(tokens: list[Token], i: int, namelike: Callable[[int], bool]) -> int:
    """Index after the name-like tokens starting at i (at most MAX_NAME_TOKENS)."""
    j = i
    while j < len(tokens) and j - i < MAX_NAME_TOKENS and namelike(j):
        j += 1
    return j


def find(tokens: list[Token], namelike: Callable[[int], bool]) -> list[Span]:
    spans: list[Span] = []
    i = 0
    n = len(tokens)
    while i < n:
        cue = _cue_kind(tokens[i].folded)
        if cue == "PER":
            start = _skip_role(tokens, i + 1)
            end = _name_run(tokens, start, namelike)
            if end > start:
                spans.append(Span(start, end, "PER"))
                i = end
                continue
        elif cue == "ORG":
            end = i + 1
            while end < n and end - i <= MAX_NAME_TOKENS:
                nxt = tokens[end].folded
                if nxt.startswith("ال") and nxt not in lexicon.NON_NAME:
                    end += 1
                else:
                    break
            if end > i + 1:
                spans.append(Span(i, end, "ORG"))
                i = end
                continue
        elif cue == "LOC":
            end = _name_run(tokens, i + 1, namelike)
            if end > i + 1:
                spans.append(Span(i + 1, min(end, i + 3), "LOC"))
                i = end
                continue
        i += 1
    return spans
