"""Tokens with code-point offsets, so every layer can point back into the original text.

Arabic words keep their harakat and tatweel inside the token (the regex class
would otherwise split a word at a shadda); punctuation is one token per mark.
"""

from __future__ import annotations

import re
from bisect import bisect_left
from functools import partial
from itertools import pairwise
from operator import attrgetter
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


# Token's fields straight into the tuple: map and zip run the whole text in C, where a
# comprehension with Token(...) spent a Python call per token (named tuple's __new__).
_new_token = partial(tuple.__new__, Token)
_START = attrgetter("start")


def tokenize(text: str) -> list[Token]:
    matches = list(_TOKEN.finditer(text))
    words = list(map(re.Match.group, matches))
    fields = zip(
        map(re.Match.start, matches),
        map(re.Match.end, matches),
        words,
        map(_folded.__getitem__, words),
        strict=True,
    )
    return list(map(_new_token, fields))


def sentences(text: str, tokens: list[Token]) -> list[tuple[int, int]]:
    """Token index ranges of sentences: cut at . ! ? ؟ and at line breaks.

    Short sequences keep the tagger's Viterbi cheap and stop a label run from
    crossing a paragraph break. `tokens` are tokenize(text)'s: each of . ! ? ؟ in
    the text is a token of its own and a line break lies between two tokens, so
    one search of the text finds every cut (the token after the mark, the one
    after the break) by bisecting the token starts, without a step per token.
    """
    starts = list(map(_START, tokens))
    cuts = {0, len(tokens)}
    for m in _CUT.finditer(text):
        at = m.start()
        cuts.add(bisect_left(starts, at) + (text[at] != "\n"))
    return list(pairwise(sorted(cuts)))
