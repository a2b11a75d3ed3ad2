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
"""

from __future__ import annotations

from collections import Counter
from collections.abc import Sequence

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


def _forms(word: str) -> tuple[str, ...]:
    """The word and its clitic-stripped stems, the ways one name recurs in a text."""
    return (word, *(stem for _, stem in stems(word)))


def _is(word: str, words: frozenset[str]) -> bool:
    return any(form in words for form in _forms(word))


def _nisba(word: str) -> bool:
    return word.startswith("ال") and word.endswith(("ي", "يه"))


def _filler(word: str) -> bool:
    """A word that may sit between a title and its name (الروسي، الخارجية)."""
    return _nisba(word) or word in lexicon.TITLE_FILLERS


def _candidate(word: str) -> bool:
    return len(word) >= _MIN_FORM and word.isalpha() and not word.isascii()


def document_features(sentences: Sequence[Sequence[str]]) -> list[list[list[str]]]:
    """Per sentence, per token, the document flags of its form (most tokens have none)."""
    flat = [w for s in sentences for w in s]
    given = first_names()
    seen: dict[str, set[str]] = {}
    counts: Counter[str] = Counter()
    forms = set(flat)
    starts = {0}
    at = 0
    for s in sentences:
        at += len(s)
        starts.add(at)
    for i, word in enumerate(flat):
        if not _candidate(word):
            continue
        for form in _forms(word):
            counts[form] += 1
            if "ال" + form in forms:
                seen.setdefault(form, set()).add("dA")
        if i in starts:
            continue
        prev = flat[i - 1]
        flags = [f for f, cues in _AFTER if _is(prev, cues) and not (f == "dT" and _filler(word))]
        if _filler(prev) or prev in given:
            j = i - 1
            while j not in starts and j > i - _TITLE_REACH and _filler(flat[j - 1]):
                j -= 1
            if j not in starts and _is(flat[j - 1], lexicon.TITLES) and not _filler(word):
                flags.append("dT")
        if prev in given and word not in given:
            flags.append("dF")
        if flags:
            for form in _forms(word):
                seen.setdefault(form, set()).update(flags)
    common = feature_common_words()
    out: list[list[list[str]]] = []
    for s in sentences:
        own: list[list[str]] = []
        for word in s:
            found: set[str] = set()
            if _candidate(word):
                for form in _forms(word):
                    found |= seen.get(form, set())
                if word not in common and max(counts[f] for f in _forms(word)) > 1:
                    found.add("dR")
            own.append(sorted(found))
        rows = [list(found) for found in own]
        for j in range(len(s)):
            if j > 0:
                rows[j].extend("-1" + f for f in own[j - 1] if f in _SHOWN)
            if j + 1 < len(s):
                rows[j].extend("+1" + f for f in own[j + 1] if f in _SHOWN)
        out.append(rows)
    return out
