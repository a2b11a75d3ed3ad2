"""What the full-text index holds for a text: its folded words, then each word without a
leading conjunction or preposition.

Arabic writes و ف ب ل ك onto the next word (لبيونغ يانغ, وبوتين, للرئيس). FTS5 matches
whole tokens or their prefixes, never a suffix, so a search for بيونغ يانغ would miss
the article that only says لبيونغ يانغ. The bare forms go after the folded text, so a
search finds a word behind a clitic while the text's own words keep their order.

The index is contentless, so removing a row (khabar reclean) hands FTS5 the same folded
text again: a change to what index_text makes needs a migration that rebuilds the index.
"""

from __future__ import annotations

import re

from reader.nlp.normalize import fold_for_search

_CONJUNCTIONS = frozenset("وف")
_PREPOSITIONS = frozenset("بلك")
_WORD = re.compile(r"\w+")
_MIN_STEM = 3


def bare_forms(word: str) -> list[str]:
    """The word less a conjunction (و ف), then less a preposition (ب ل ك), while at least
    three letters remain; لل+X also gives ال+X."""
    forms: list[str] = []
    rest = word
    for letters in (_CONJUNCTIONS, _PREPOSITIONS):
        if rest[:1] in letters and len(rest) - 1 >= _MIN_STEM:
            rest = rest[1:]
            forms.append(rest)
    if word.startswith("لل") and len(word) - 2 >= _MIN_STEM:
        forms.append("ا" + word[1:])
    return forms


def index_text(text: str) -> str:
    folded = fold_for_search(text)
    extra = dict.fromkeys(form for word in _WORD.findall(folded) for form in bare_forms(word))
    if not extra:
        return folded
    return folded + "\n" + " ".join(extra)
