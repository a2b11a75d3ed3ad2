"""Tokens with code-point offsets, so every layer can point back into the original text.

Arabic words keep their harakat and tatweel inside the token (the regex class
would otherwise split a word at a shadda); punctuation is one token per mark.
"""

from __future__ import annotations

import re
from functools import lru_cache
from typing import NamedTuple

from reader.nlp.normalize import fold

_TOKEN = re.compile(r"[\w\u064B-\u065F\u0670\u0640]+|[^\w\s]")
_SENTENCE_END = frozenset(".!?؟\n")


class Token(NamedTuple):
    start: int
    end: int
    text: str
    folded: str


# News repeats its words: folding each distinct form once saves most of the work.
_fold_word = lru_cache(maxsize=200_000)(fold)


def tokenize(text: str) -> list[Token]:
    return [
        Token(m.start(), m.end(), word, _fold_word(word))
        for m in _TOKEN.finditer(text)
        for word in (m.group(),)
    ]


def sentences(text: str, tokens: list[Token]) -> list[tuple[int, int]]:
    """Token index ranges of sentences: cut at . ! ? ؟ and at line breaks.

    Short sequences keep the tagger's Viterbi cheap and stop a label run from
    crossing a paragraph break.
    """
    spans: list[tuple[int, int]] = []
    begin = 0
    for i, tok in enumerate(tokens):
        gap_break = i > begin and "\n" in text[tokens[i - 1].end : tok.start]
        if gap_break:
            spans.append((begin, i))
            begin = i
        if tok.text in _SENTENCE_END:
            spans.append((begin, i + 1))
            begin = i + 1
    if begin < len(tokens):
        spans.append((begin, len(tokens)))
    return spans
