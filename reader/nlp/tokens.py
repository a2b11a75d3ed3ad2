"""Tokens with code-point offsets, so every layer can point back into the original text.

Arabic words keep their harakat and tatweel inside the token (the regex class
would otherwise split a word at a shadda); punctuation is one token per mark.
"""

from __future__ import annotations

import re
from bisect import bisect_left
from functools import partial
from itertools import accumulate, pairwise
from typing import NamedTuple

from reader.nlp.memo import Memo
from reader.nlp.normalize import fold

_TOKEN = re.compile(r"[\w\u064B-\u065F\u0670\u0640]+|[^\w\s]")
_CUT = re.compile("[.!?؟\n]")


class Token(NamedTuple):
    start: int
    end: int
    text: str
    folded: str


# Each distinct word form folded once: map() reads the memo in C.
_folded = Memo(fold, 200_000)


# The pattern as one group: re.split then gives the gaps and the tokens in turn, as
# strings, without a match object per token.
_SPLIT = re.compile(f"({_TOKEN.pattern})")


class Columns(NamedTuple):
    """A text's tokens as columns, which the rule layers read by position."""

    starts: list[int]
    ends: list[int]
    texts: list[str]
    words: list[str]  # folded


def columns(text: str) -> Columns:
    """The tokens' fields, each column listed in C: the offsets are the running sum of
    the lengths of the gaps and tokens re.split cuts the text into."""
    parts = _SPLIT.split(text)
    offsets = list(accumulate(map(len, parts), initial=0))
    texts = parts[1::2]
    return Columns(offsets[1:-1:2], offsets[2::2], texts, list(map(_folded.__getitem__, texts)))


# Token's fields straight into the tuple: map and zip run the whole text in C, where a
# comprehension with Token(...) spent a Python call per token (named tuple's __new__).
_new_token = partial(tuple.__new__, Token)


def tokenize(text: str) -> list[Token]:
    return list(map(_new_token, zip(*columns(text), strict=True)))


def sentences(text: str, starts: list[int]) -> list[tuple[int, int]]:
    """Token index ranges of sentences: cut at . ! ? ؟ and at line breaks.

    Short sequences keep the tagger's Viterbi cheap and stop a label run from
    crossing a paragraph break. `starts` are the token starts of columns(text):
    each of . ! ? ؟ in the text is a token of its own and a line break lies
    between two tokens, so one search of the text finds every cut (the token
    after the mark, the one after the break) by bisecting the token starts,
    without a step per token.
    """
    cuts = {0, len(starts)}
    for m in _CUT.finditer(text):
        at = m.start()
        cuts.add(bisect_left(starts, at) + (text[at] != "\n"))
    return list(pairwise(sorted(cuts)))
