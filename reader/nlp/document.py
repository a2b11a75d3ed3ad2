"""The token state of one text and the word tests every rule layer shares.

extract.py's document class is built on this, with the Latin-script runs
(latin_runs.py) and the name-boundary repairs (boundaries.py) as its other
bases: each module holds one kind of evidence, all read the same tokens.
"""

from __future__ import annotations

import re
from collections.abc import Container, Mapping
from functools import cached_property
from itertools import compress, count
from typing import NamedTuple, TypeVar

from reader.kinds import Kind
from reader.nlp import gazetteer, lexicon
from reader.nlp.clitics import stems
from reader.nlp.features import common_words, corpus_names, first_names
from reader.nlp.gazetteer import Gazetteer, Openings
from reader.nlp.memo import Memo
from reader.nlp.normalize import fold
from reader.nlp.tokens import sentences

_PRONOUN_ENDINGS = ("هما", "هم", "ها", "كم", "نا")
_TANWEEN = re.compile("[\u064b-\u064d]")
# عبد الله، أبو الغيط: the article-prefixed word after these belongs to the name.
COMPOUND_HEADS = frozenset({"عبد", "ابو", "بن", "ابن"})
_V = TypeVar("_V")


def _ordinary_form(text: str) -> bool | None:
    """Document.ordinary of a token as written, as far as the fixed lists decide it; None
    where the corpus-name lexicon must (a model trained elsewhere brings its own): an
    unlisted ا-form of a common word that is no given name."""
    if _TANWEEN.search(text):
        return True
    word = fold(text)
    if word in lexicon.ADVERBIALS or any(s in lexicon.ADVERBIALS for _, s in stems(word)):
        return True
    gaz = gazetteer.load()
    known = word in gaz.token_kinds or word in gaz.first_names
    if not word.endswith("ا") or known or word[:-1] not in common_words():
        return False
    return False if word in first_names() else None


# Each token form's answer worked out once: news repeats its words.
_ORDINARY = Memo(_ordinary_form, 200_000)


class Span(NamedTuple):
    first: int
    last: int
    kind: Kind
    cut: int  # clitic letters to drop from the first token
    names: tuple[str, ...]  # folded tokens of the name, clitic removed


class Document:
    """Tokens (as columns: tokens.columns), their folded words and CRF labels, and the
    tests on them."""

    text: str
    off: frozenset[str]
    starts: list[int]
    ends: list[int]
    texts: list[str]
    words: list[str]
    labels: list[str]
    gaz: Gazetteer
    common: frozenset[str]

    @cached_property
    def distinct(self) -> frozenset[str]:
        """The text's word forms, each once: what a layer tests before it scans positions."""
        return frozenset(self.words)

    @cached_property
    def sentences(self) -> list[tuple[int, int]]:
        """The token ranges of the text's sentences (tokens.sentences)."""
        return sentences(self.text, self.starts)

    def where(self, opening: Container[str]) -> list[int]:
        """Positions of the tokens whose word is in `opening`, in order.

        Each layer looks only at the few words that can open what it finds; compress
        over a map lists them in C, without a Python step per token.
        """
        return list(compress(count(), map(opening.__contains__, self.words)))

    def known(self, word: str) -> bool:
        return word in self.gaz.token_kinds or word in self.gaz.first_names

    def per_known(self, word: str) -> bool:
        return Kind.PER in self.gaz.token_kinds.get(word, ()) or word in self.gaz.first_names

    def ordinary(self, i: int) -> bool:
        """A word that cannot be a name whatever the tagger or a cue says.

        Names take no tanween (سابقاً، توتراً), closed-class adverbs and
        prepositions (قبالة، أمام) are never names, and an unlisted word that is
        a frequent word plus the accusative alif (سابقا، رسميا) is an adverb.
        """
        found = _ORDINARY[self.texts[i]]
        if found is None:
            return not corpus_names().get(self.words[i], "").endswith(Kind.PER)
        return found

    def namelike(self, i: int) -> bool:
        word = self.words[i]
        if not word.isalpha() or word in lexicon.NON_NAME or len(word) < 2 or self.ordinary(i):
            return False
        if word in lexicon.TITLES or word in lexicon.REPORTING_VERBS:
            return False
        if word in lexicon.ORG_HEADS or word in lexicon.PLACE_CUES:
            return False
        after_compound = i > 0 and self.words[i - 1] in COMPOUND_HEADS
        if not after_compound and (
            word.startswith("ال") or any(stem.startswith("ال") for _, stem in stems(word))
        ):
            return False
        if self.per_known(word) or self.labels[i].endswith(Kind.PER):
            return True
        if word in lexicon.NAME_PARTICLES and i + 1 < len(self.words):
            return self.namelike(i + 1)
        if word in self.gaz.token_kinds or word in self.common:
            return False
        return not (len(word) > 4 and word.endswith(_PRONOUN_ENDINGS))

    def supported(self, first: int, last: int) -> bool:
        """A cue alone is not enough for a person: one word must be a known or tagged name,
        or a particle must sit between two of its words (فيرجيل فان دايك)."""
        return any(
            self.per_known(self.words[i])
            or self.labels[i] != "O"
            or (first < i < last - 1 and self.words[i] in lexicon.NAME_PARTICLES)
            for i in range(first, last)
        )

    def trigger_namelike(self, i: int) -> bool:
        """Past a name's second word, ask for evidence that it still goes on; a particle
        (فان, دي) is no word of the count."""
        if not self.namelike(i):
            return False
        run = 0
        j = i - 1
        while run < 2 and j >= 0 and self.namelike(j):
            run += self.words[j] not in lexicon.NAME_PARTICLES
            j -= 1
        return run < 2 or self.per_known(self.words[i]) or self.labels[i] != "O"

    def longest_at(
        self,
        i: int,
        starts: Mapping[str, Openings],
        table: Mapping[tuple[str, ...], _V],
        taken: list[bool] | None = None,
    ) -> tuple[int, int, _V, tuple[str, ...]] | None:
        """(length, clitic cut, value, folded phrase) of the longest phrase of `table` at i;
        `starts` gives each word's openings of it (gazetteer.PhraseStarts).

        The token itself is tried before its clitic-stripped stems at each length.
        Only lengths of phrases that open with one of those forms are tried, which
        spares building a tuple for every length at every token.
        """
        words = self.words
        options, lengths = starts[words[i]]
        room = len(words) - i
        for length in lengths:
            if length > room or (taken is not None and any(taken[i : i + length])):
                continue
            rest = tuple(words[i + 1 : i + length])
            for cut, head in options:
                value = table.get((head, *rest))
                if value is not None:
                    return length, cut, value, (head, *rest)
        return None

    @staticmethod
    def stem_forms(word: str) -> list[str]:
        return [stem for _, stem in stems(word)]
