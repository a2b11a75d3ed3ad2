"""CRF features, shared by training (scripts/train_ner.py) and tagging.

Per-token features are computed once per distinct folded word and cached, and
each token adds only a handful of neighbour features, which keeps tagging well
above 20,000 tokens a second in pure Python.
"""

from __future__ import annotations

from collections.abc import Sequence
from functools import cache, lru_cache
from importlib.resources import files

from reader.nlp import gazetteer, lexicon
from reader.nlp.clitics import stems

COMMON_WORDS_NAME = "common_words.txt"


@cache
def common_words() -> frozenset[str]:
    """Words the training corpus uses often and almost never inside a name.

    Written by the trainer; the trigger patterns use it to refuse ordinary
    words (قسم، زيارة، سابقا) as names after a title.
    """
    text = files("reader.nlp").joinpath("data", COMMON_WORDS_NAME).read_text("utf-8")
    return frozenset(text.split())


def _flags(word: str) -> list[str]:
    gaz = gazetteer.load()
    flags: list[str] = []
    for kind in gaz.token_kinds.get(word, ()):
        flags.append("g" + kind)
    if word in gaz.first_names:
        flags.append("gF")
    for _, stem in stems(word):
        for kind in gaz.token_kinds.get(stem, ()):
            flags.append("sg" + kind)
        if stem in gaz.first_names:
            flags.append("sgF")
        if stem in lexicon.TITLES:
            flags.append("sT")
    if word in lexicon.TITLES:
        flags.append("T")
    if word in lexicon.REPORTING_VERBS:
        flags.append("V")
    if word in lexicon.ORG_HEADS:
        flags.append("H")
    if word in lexicon.PLACE_CUES:
        flags.append("C")
    if word in lexicon.NON_NAME:
        flags.append("N")
    if word.startswith("ال") and (word.endswith("ي") or word.endswith("يه")):
        flags.append("nis")
    if not word[:1].isalpha():
        flags.append("punc" if not word[:1].isdigit() else "dig")
    elif word[:1].isascii():
        flags.append("lat")
    return flags


@lru_cache(maxsize=200_000)
def word_features(word: str) -> tuple[tuple[str, ...], tuple[str, ...]]:
    """(own features, features a neighbour sees) for one folded word."""
    flags = _flags(word)
    n = len(word)
    own = [
        "w=" + word,
        "p2=" + word[:2],
        "p3=" + word[:3],
        "s1=" + word[-1:],
        "s2=" + word[-2:],
        "s3=" + word[-3:],
        "len=" + str(min(n, 7)),
    ]
    own.extend("st=" + stem for _, stem in stems(word))
    if word.startswith("ال"):
        own.append("al")
    own.extend(flags)
    return tuple(own), tuple(flags)


def sentence_features(words: Sequence[str]) -> list[list[str]]:
    cached = [word_features(w) for w in words]
    n = len(words)
    out: list[list[str]] = []
    for i in range(n):
        feats = list(cached[i][0])
        if i > 0:
            feats.append("-1w=" + words[i - 1])
            feats.append("bi=" + words[i - 1] + "|" + words[i])
            feats.extend(["-1" + f for f in cached[i - 1][1]])
            if i > 1:
                feats.append("-2w=" + words[i - 2])
                feats.extend(["-2" + f for f in cached[i - 2][1]])
        else:
            feats.append("BOS")
        if i < n - 1:
            feats.append("+1w=" + words[i + 1])
            feats.extend(["+1" + f for f in cached[i + 1][1]])
            if i < n - 2:
                feats.append("+2w=" + words[i + 2])
        else:
            feats.append("EOS")
        out.append(feats)
    return out
