"""Document-level CRF features: what the rest of the text says about a word form.

News names a person once with a cue (قال وزير الخارجية سيرغي لافروف) and then bare
(وأضاف لافروف), and a name never takes the article while an ordinary noun in the
same text often does. A word form's own weights cannot know either for a name the
tagger never saw, so each token also gets flags for the contexts its form (or its
clitic-stripped stem: ولافروف → لافروف) has anywhere in the document, its own
place included.

These are not a function of the word form alone, so they stay out of
features.sentence_features and its per-word-form score cache: the tagger adds
them as one more per-token term (tagger.tag_sentences), and the trainer
(scripts/train_ner.py) builds them the same way over the same pseudo-articles.

They cost the tagger as much as the word features did, so they are computed for
speed: what a flag needs of a word form is kept per form (profile); a text's
pass touches each distinct form once, and each token only where a flag can arise
(after a cue, a filler or a given name); a token's flags are a bit mask, which the
tagger turns into scores by three table rows (document_flags). document_features
gives the same flags as attribute strings, for crfsuite and the trainer.
"""

from __future__ import annotations

from collections.abc import Iterable, Sequence
from functools import lru_cache
from itertools import chain, repeat
from operator import itemgetter
from typing import NamedTuple

import numpy as np
import numpy.typing as npt

from reader.nlp import lexicon
from reader.nlp.clitics import stems
from reader.nlp.features import feature_common_words, first_names

# A form is flagged for the contexts below; a context word is matched itself or by its stem.
_AFTER = (
    ("dT", lexicon.TITLES),
    ("dV", lexicon.REPORTING_VERBS),
    ("dH", lexicon.ORG_HEADS),
    ("dC", lexicon.PLACE_CUES),
)
_MIN_FORM = 3
_TITLE_REACH = 4  # words a title may stand before the name: title, fillers, first name
# Flags a neighbour sees too: a first name before a surname the text shows after a title.
_SHOWN = frozenset({"dT", "dV", "dF"})
# Every flag, sorted: bit k of a token's mask is FLAGS[k], so a mask lists its flags in
# sorted order, as crfsuite was given them in training.
FLAGS = tuple(sorted({"dA", "dR", "dF", *(flag for flag, _ in _AFTER)}))
_BIT = {flag: 1 << k for k, flag in enumerate(FLAGS)}
_SHOWN_MASK = sum(_BIT[flag] for flag in _SHOWN)
_TITLE_BIT = _BIT["dT"]

Masks = npt.NDArray[np.intp]


def _forms(word: str) -> tuple[str, ...]:
    """The word and its clitic-stripped stems, the ways one name recurs in a text."""
    return (word, *(stem for _, stem in stems(word)))


def _nisba(word: str) -> bool:
    return word.startswith("ال") and word.endswith(("ي", "يه"))


def _filler(word: str) -> bool:
    """A word that may sit between a title and its name (الروسي، الخارجية)."""
    return _nisba(word) or word in lexicon.TITLE_FILLERS


def _candidate(word: str) -> bool:
    return len(word) >= _MIN_FORM and word.isalpha() and not word.isascii()


# A word form's profile packs, above its cue bits (the FLAGS a word after it gets), whether
# it can be flagged at all, is a filler, is a given name.
_CUE_MASK = (1 << len(FLAGS)) - 1
_CANDIDATE, _FILLER, _GIVEN = (1 << (len(FLAGS) + k) for k in range(3))
# Cue word → its bits, over all cue lists: a form's cues are one lookup per form.
_CUE_BITS: dict[str, int] = {}
for _flag, _words in _AFTER:
    for _word in _words:
        _CUE_BITS[_word] = _CUE_BITS.get(_word, 0) | _BIT[_flag]

Profile = tuple[int, tuple[str, ...], tuple[str, ...]]


@lru_cache(maxsize=200_000)
def profile(word: str) -> Profile:
    """(kind bits, forms, "ال" + each form) of a word form; no forms if it cannot be flagged."""
    forms = _forms(word)
    cues = _CUE_BITS.get
    kind = 0
    for form in forms:
        kind |= cues(form, 0)
    if _filler(word):
        kind |= _FILLER
    if word in first_names():
        kind |= _GIVEN
    if not _candidate(word):
        return kind, (), ()
    return kind | _CANDIDATE, forms, tuple(map("ال".__add__, forms))


class DocumentFlags(NamedTuple):
    """Per token of the text (its sentences run together), bit masks over FLAGS: the
    token's own flags, and the shown flags of the token before and after it."""

    own: Masks
    before: Masks
    after: Masks


def document_flags(sentences: Sequence[Sequence[str]]) -> DocumentFlags:
    """The document flags of every token, as masks (see document_features for the strings)."""
    flat = [w for s in sentences for w in s]
    local: dict[str, int] = {}
    ids = np.array([local.setdefault(w, len(local)) for w in flat], dtype=np.intp)
    lens = np.array([len(s) for s in sentences], dtype=np.intp)
    table = FormTable()
    table.add(list(local))
    return table.flags(ids, lens)


class FormTable:
    """What the document pass needs of each word form, kept per id as arrays: a text's
    flags then cost array operations over its distinct forms, no per-form Python.

    Ids are given in order of add(); the tagger adds its score table's new forms, so the
    two share a numbering. Every string the pass compares (a word, its forms, "ال" + each
    form) gets a number once, so "is this form also written with the article in the
    text" is an array lookup and a text's forms are counted by their numbers."""

    def __init__(self) -> None:
        self.numbers: dict[str, int] = {}
        self.size = 0  # ids in use
        self.kinds = np.zeros(0, dtype=np.intp)  # per id: profile kind bits
        self.word_number = np.zeros(0, dtype=np.intp)  # per id: its word's number
        self.common = np.zeros(0, dtype=bool)  # per id: a common word (no dR)
        self.form_start = np.zeros(0, dtype=np.intp)  # per id: its forms in form_number
        self.form_count = np.zeros(0, dtype=np.intp)
        self.forms = 0  # forms in use
        self.form_number = np.zeros(0, dtype=np.intp)  # per form: its number
        self.definite_number = np.zeros(0, dtype=np.intp)  # per form: "ال" + it, numbered
        self.present = np.zeros(0, dtype=bool)  # per number, False between texts

    def add(self, words: Sequence[str]) -> None:
        """Give the next len(words) ids to `words`."""
        first, end = self.size, self.size + len(words)
        profiles = list(map(profile, words))
        forms = list(map(itemgetter(1), profiles))
        # Numbers go to numpy by fromiter: a list would be scanned for its type first.
        n = len(words)
        counts = np.fromiter(map(len, forms), dtype=np.intp, count=n)
        total = int(counts.sum())
        self._room(end, self.forms + total)
        self.kinds[first:end] = np.fromiter(map(itemgetter(0), profiles), dtype=np.intp, count=n)
        self.word_number[first:end] = self._numbered(words, n)
        common = feature_common_words()
        self.common[first:end] = np.fromiter(map(common.__contains__, words), dtype=bool, count=n)
        self.form_count[first:end] = counts
        self.form_start[first:end] = np.cumsum(counts) - counts + self.forms
        at, self.forms = self.forms, self.forms + total
        self.form_number[at : self.forms] = self._numbered(chain.from_iterable(forms), total)
        definites = chain.from_iterable(map(itemgetter(2), profiles))
        self.definite_number[at : self.forms] = self._numbered(definites, total)
        self.size = end
        if len(self.present) < len(self.numbers):
            self.present = np.zeros(2 * len(self.numbers), dtype=bool)

    def _numbered(self, strings: Iterable[str], count: int) -> Masks:
        """Each of the `count` strings' number, a new one (the count so far) for a string
        not seen."""
        numbers = self.numbers
        found = map(numbers.setdefault, strings, map(len, repeat(numbers)))
        return np.fromiter(found, dtype=np.intp, count=count)

    def _room(self, ids: int, forms: int) -> None:
        """Arrays long enough for `ids` ids and `forms` forms, doubled when short."""
        if ids > len(self.kinds):
            size = max(ids, 2 * len(self.kinds), 64)
            for name in ("kinds", "word_number", "common", "form_start", "form_count"):
                setattr(self, name, np.resize(getattr(self, name), size))
        if forms > len(self.form_number):
            size = max(forms, 2 * len(self.form_number), 64)
            for name in ("form_number", "definite_number"):
                setattr(self, name, np.resize(getattr(self, name), size))

    def flags(self, ids: Masks, lens: Masks) -> DocumentFlags:
        """The document flags of a text whose token t is the form with id ids[t].

        The text's forms' stems get local numbers too, so counting, the article test
        and the OR of flags over a word's forms are array operations."""
        first = np.zeros(len(ids) + 1, dtype=bool)  # a sentence starts here (or the text ends)
        first[np.cumsum(lens) - lens] = True
        first[-1] = True
        words, local = np.unique(ids, return_inverse=True)
        count = len(words)
        per_word = self.form_count[words]
        offsets = np.cumsum(per_word) - per_word
        total = int(offsets[-1] + per_word[-1]) if count else 0
        # Every form of every candidate word, in word order; owner = the word it is a form of.
        at = np.arange(total) + np.repeat(self.form_start[words] - offsets, per_word)
        distinct, form_ids = np.unique(self.form_number[at], return_inverse=True)
        owner = np.repeat(np.arange(count), per_word)
        occurrences = np.bincount(local, minlength=count)
        counts = np.bincount(form_ids, weights=occurrences[owner], minlength=len(distinct))
        present = self.present
        present[self.word_number[words]] = True
        definite = present[self.definite_number[at]]
        present[self.word_number[words]] = False
        seen = np.zeros(len(distinct), dtype=np.intp)
        seen[form_ids[definite]] = _BIT["dA"]
        visited = _context_flags(local, self.kinds[ids], first)
        if visited:
            which, flags = np.array(visited, dtype=np.intp).T
            reach = per_word[which]
            into = np.arange(int(reach.sum())) + np.repeat(
                offsets[which] - np.cumsum(reach) + reach, reach
            )
            np.bitwise_or.at(seen, form_ids[into], np.repeat(flags, reach))
        own_of = np.zeros(count, dtype=np.intp)
        candidates = np.flatnonzero(per_word)
        if total:
            groups = offsets[candidates]
            own_of[candidates] = np.bitwise_or.reduceat(seen[form_ids], groups)
            most = np.maximum.reduceat(counts[form_ids], groups)
            repeated = candidates[(most > 1) & ~self.common[words[candidates]]]
            own_of[repeated] |= _BIT["dR"]
        own = own_of[local]
        shown = own & _SHOWN_MASK
        before = np.zeros_like(own)
        after = np.zeros_like(own)
        before[1:] = np.where(first[1:-1], 0, shown[:-1])
        after[:-1] = np.where(first[1:-1], 0, shown[1:])
        return DocumentFlags(own, before, after)


def _context_flags(ids: Masks, kinds: Masks, first: npt.NDArray[np.bool_]) -> list[tuple[int, int]]:
    """(word, flags) its token gets from the words before it: a cue word, or a title
    reached through fillers and a given name (dT), or a given name (dF); token t is word
    ids[t] with profile kind bits kinds[t]. Only candidate tokens after a cue, a filler or
    a given name are visited."""
    kind = kinds.tolist()
    open_ = (kinds[1:] & _CANDIDATE != 0) & ~first[1:-1]
    visit = np.flatnonzero(open_ & (kinds[:-1] & (_CUE_MASK | _FILLER | _GIVEN) != 0)) + 1
    out: list[tuple[int, int]] = []
    for i in visit.tolist():
        word, before = kind[i], kind[i - 1]
        flags = before & _CUE_MASK
        if word & _FILLER:
            flags &= ~_TITLE_BIT
        if before & (_FILLER | _GIVEN):
            j = i - 1
            while not first[j] and j > i - _TITLE_REACH and kind[j - 1] & _FILLER:
                j -= 1
            if not first[j] and kind[j - 1] & _TITLE_BIT and not word & _FILLER:
                flags |= _TITLE_BIT
        if before & _GIVEN and not word & _GIVEN:
            flags |= _BIT["dF"]
        if flags:
            out.append((int(ids[i]), flags))
    return out


def _names(prefix: str) -> tuple[tuple[str, ...], ...]:
    """Mask → the attribute strings of its flags, in FLAGS order, with `prefix`."""
    return tuple(
        tuple(prefix + f for k, f in enumerate(FLAGS) if mask >> k & 1)
        for mask in range(1 << len(FLAGS))
    )


_OWN_NAMES, _BEFORE_NAMES, _AFTER_NAMES = _names(""), _names("-1"), _names("+1")


def flag_attributes(prefix: str) -> tuple[tuple[str, ...], ...]:
    """Per mask, the attributes it stands for: "" own flags, "-1" the token before's, "+1"
    the token after's. The tagger sums their weights once per mask."""
    return {"": _OWN_NAMES, "-1": _BEFORE_NAMES, "+1": _AFTER_NAMES}[prefix]


def document_features(sentences: Sequence[Sequence[str]]) -> list[list[list[str]]]:
    """Per sentence, per token, the document flags of its form (most tokens have none)."""
    flags = document_flags(sentences)
    rows = iter(zip(flags.own.tolist(), flags.before.tolist(), flags.after.tolist(), strict=True))
    return [
        [
            [*_OWN_NAMES[own], *_BEFORE_NAMES[before], *_AFTER_NAMES[after]]
            for own, before, after in (next(rows) for _ in s)
        ]
        for s in sentences
    ]
