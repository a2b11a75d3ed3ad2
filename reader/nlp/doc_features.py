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

from collections.abc import Sequence
from functools import lru_cache
from itertools import chain
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
    return flags_of(ids, lens, list(local), [profile(w) for w in local])


def flags_of(
    ids: Masks, lens: Masks, words: Sequence[str], profiles: Sequence[Profile]
) -> DocumentFlags:
    """document_flags from the caller's numbering of the text's distinct forms: token t is
    form ids[t], form k is words[k] with profiles[k] (the tagger passes its own table's).

    The forms' stems get numbers too, so counting, the article test and the OR of flags
    over a word's forms are array operations."""
    # The loops over the forms are map() and chain(), which run in C: this is per document.
    present = set(words)
    count = len(profiles)
    kinds = np.fromiter(map(itemgetter(0), profiles), dtype=np.intp, count=count)
    first = np.zeros(len(ids) + 1, dtype=bool)  # a sentence starts here (or the text ends)
    first[np.cumsum(lens) - lens] = True
    first[-1] = True
    # Every form of every candidate word, numbered; owner = the word it is a form of.
    forms_of = list(map(itemgetter(1), profiles))
    per_word = np.fromiter(map(len, forms_of), dtype=np.intp, count=count)
    every = list(chain.from_iterable(forms_of))
    distinct = list(dict.fromkeys(every))
    numbers = dict(zip(distinct, range(len(distinct)), strict=True))
    form_ids = np.fromiter(map(numbers.__getitem__, every), dtype=np.intp, count=len(every))
    owner = np.repeat(np.arange(count), per_word)
    occurrences = np.bincount(ids, minlength=count)
    counts = np.bincount(form_ids, weights=occurrences[owner], minlength=len(numbers))
    seen = np.zeros(len(numbers), dtype=np.intp)
    definites = chain.from_iterable(map(itemgetter(2), profiles))
    definite = np.fromiter(map(present.__contains__, definites), dtype=bool, count=len(every))
    seen[form_ids[definite]] = _BIT["dA"]
    offsets = np.cumsum(per_word) - per_word
    for k, flags in _context_flags(ids, kinds, first):
        seen[form_ids[offsets[k] : offsets[k] + per_word[k]]] |= flags
    own_of = np.zeros(count, dtype=np.intp)
    np.bitwise_or.at(own_of, owner, seen[form_ids])
    most = np.zeros(count)
    np.maximum.at(most, owner, counts[form_ids])
    common = feature_common_words()
    repeated = [k for k in np.flatnonzero(most > 1).tolist() if words[k] not in common]
    own_of[repeated] |= _BIT["dR"]
    own = own_of[ids]
    shown = own & _SHOWN_MASK
    before = np.zeros_like(own)
    after = np.zeros_like(own)
    before[1:] = np.where(first[1:-1], 0, shown[:-1])
    after[:-1] = np.where(first[1:-1], 0, shown[1:])
    return DocumentFlags(own, before, after)


def _context_flags(ids: Masks, kinds: Masks, first: npt.NDArray[np.bool_]) -> list[tuple[int, int]]:
    """(word, flags) its token gets from the words before it: a cue word, or a title
    reached through fillers and a given name (dT), or a given name (dF). Only candidate
    tokens after a cue, a filler or a given name are visited."""
    kind = kinds[ids].tolist()
    prev = kinds[ids[:-1]]
    open_ = (kinds[ids[1:]] & _CANDIDATE != 0) & ~first[1:-1]
    visit = np.flatnonzero(open_ & (prev & (_CUE_MASK | _FILLER | _GIVEN) != 0)) + 1
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
