"""Trigger patterns: a cue word names the kind of the words that follow it.

Titles and roles (الرئيس الروسي X، المتحدث باسم الكرملين X، الجنرال X) and
reporting verbs (قال X) announce a person; organisation heads (وزارة، حزب،
وكالة + X) open an organisation. Place cues (مدينة، العاصمة + X) are no family:
switched off on the honest dev block they cost nothing on either half and
gained 0.1 to 0.2 on the check half, the tagger reading the cue as a feature.
The name itself must then look like one: a gazetteer first name, a word the
CRF tagged, or an out-of-lexicon word that is not a function word.
"""

from __future__ import annotations

from collections.abc import Callable, Iterable
from collections.abc import Set as AbstractSet
from functools import cache
from itertools import compress, count
from typing import NamedTuple

from reader.kinds import Kind
from reader.nlp import lexicon
from reader.nlp.clitics import with_clitics
from reader.nlp.features import ordinary_word

# The cue families, each of which can be switched off (bench/ner_eval.py ablations).
FAMILIES = ("titles", "verbs", "org-heads", "teams")
MAX_TITLE_GAP = 4
MAX_NAME_TOKENS = 4
_MAX_TEAM_TOKENS = 3
_OPENING = frozenset('(«"“')
_PUNCT_SKIP = frozenset("،,:")
_POSSESSIVE = ("ه", "ها", "هم", "هما")


class Span(NamedTuple):
    first: int  # token index, inclusive
    last: int  # token index, exclusive
    kind: Kind


# Each cue list's words with or without a proclitic (clitics.with_clitics).
_TITLES = with_clitics(lexicon.TITLES)
_POSSESSED = with_clitics(lexicon.POSSESSED_TITLES)
_ORG_HEADS = with_clitics(lexicon.ORG_HEADS)
_NAMED_HEADS = with_clitics(lexicon.NAMED_HEADS)
_TEAM_CUES = with_clitics(lexicon.TEAM_CUES)
_PLACE_CUES = with_clitics(lexicon.PLACE_CUES)


def _possessed_title(word: str) -> bool:
    """A title with a possessive ending (مدربه، نظيره، نظيرتها): his coach, her counterpart."""
    if word in _PLACE_CUES or word in _ORG_HEADS:
        return False
    for end in _POSSESSIVE:
        base = word[: -len(end)]
        if word.endswith(end) and len(base) > 2:
            base = base[:-1] + "ه" if base.endswith("ت") else base
            if base in _POSSESSED or (end != "ه" and base in _TITLES):
                return True
    return False


def _family(word: str) -> str:
    if word in _TITLES or _possessed_title(word):
        return "titles"
    if word in lexicon.REPORTING_VERBS:
        return "verbs"
    if word in _ORG_HEADS:
        return "org-heads"
    if word in _TEAM_CUES:
        return "teams"
    return ""


@cache
def _cue_words() -> dict[str, str]:
    """Every word that opens a family → its family. The rules above run backwards give
    the candidates (each cue list's words with their clitics, and the titles with a
    possessive ending, ت for ه before it), a superset; _family keeps the cues: so a
    text's cues are one set intersection, not a test per distinct word."""
    possessed = {
        base + end
        for title in _POSSESSED | _TITLES
        for base in (title, title[:-1] + "ت")
        for end in _POSSESSIVE
    }
    listed = _TITLES | lexicon.REPORTING_VERBS | _ORG_HEADS | _TEAM_CUES
    found = ((word, _family(word)) for word in listed | possessed)
    return {word: family for word, family in found if family}


def cue_family(word: str) -> str:
    """Which cue family a word opens, clitic or not, or "" for none."""
    return _cue_words().get(word, "")


# What each family announces; a team cue announces an organisation after the cue word.
_KIND: dict[str, str] = {
    "titles": Kind.PER,
    "verbs": Kind.PER,
    "org-heads": Kind.ORG,
    "teams": "TEAM",
}


def _is_nisba(word: str) -> bool:
    return word.startswith("ال") and (word.endswith("ي") or word.endswith("يه"))


def _skip_role(words: list[str], i: int) -> int:
    """Index after a role's trailing words: الرئيس [الروسي]، وزير [الخارجية الأمريكي]."""
    j = i
    gap = 0
    while j < len(words) and gap < MAX_TITLE_GAP:
        word = words[j]
        if word in lexicon.TITLE_FILLERS or _is_nisba(word) or word in lexicon.TITLES:
            j += 1
            gap += 1
        elif word in _PUNCT_SKIP or word in _OPENING:
            j += 1
        else:
            break
    return j


def _name_run(
    words: list[str], i: int, namelike: Callable[[int], bool], most: int = MAX_NAME_TOKENS
) -> int:
    """Index after the name-like tokens starting at i (at most `most`)."""
    j = i
    while j < len(words) and j - i < most and namelike(j):
        j += 1
    return j


def _team_run(words: list[str], i: int, namelike: Callable[[int], bool]) -> int:
    """Index after a club's name (فريق ميلان، فريقي الوداد البيضاوي): name-like words, or
    definite words that are no ordinary noun or adjective (الوداد، الفاسي but not
    الإيطالي or العمل), at most three."""
    j = i
    while j < len(words) and j - i < _MAX_TEAM_TOKENS:
        word = words[j]
        definite = word.startswith("ال") and word.isalpha() and word not in lexicon.NON_NAME
        if not (namelike(j) or (definite and not ordinary_word(word))):
            break
        j += 1
    return j


def find(
    words: list[str],
    forms: AbstractSet[str],
    namelike: Callable[[int], bool],
    families: Iterable[str] = FAMILIES,
) -> list[Span]:
    """Spans the cues of the given families announce in a text's folded `words`, whose
    distinct forms are `forms`."""
    on = frozenset(families)
    spans: list[Span] = []
    n = len(words)
    after = 0  # where the last span found ends: cues inside it are passed over
    families_of = _cue_words()
    # The text's cue words by one set intersection (the few in Python); their positions in C.
    cues = {w for w in families_of.keys() & forms if families_of[w] in on}
    for i in compress(count(), map(cues.__contains__, words)):
        if i < after:
            continue
        cue = _KIND[families_of[words[i]]]
        if cue == Kind.PER:
            start = _skip_role(words, i + 1)
            end = _name_run(words, start, namelike)
            if end > start:
                spans.append(Span(start, end, Kind.PER))
                after = end
        elif cue == Kind.ORG and words[i] in _NAMED_HEADS:
            # شركة توتال، صحيفة معاريف: the head stays outside the name it introduces.
            end = _name_run(words, i + 1, namelike, _MAX_TEAM_TOKENS)
            if end > i + 1:
                spans.append(Span(i + 1, end, Kind.ORG))
                after = end
        elif cue == Kind.ORG:
            end = i + 1
            while end < n and end - i <= MAX_NAME_TOKENS:
                nxt = words[end]
                if nxt.startswith("ال") and nxt not in lexicon.NON_NAME:
                    end += 1
                else:
                    break
            generic = end > i + 1 and (
                words[i + 1] in lexicon.ORDINALS
                or (end == i + 2 and words[i + 1] in lexicon.GENERIC_BODIES)
            )
            if end > i + 1 and not generic:
                spans.append(Span(i, end, Kind.ORG))
                after = end
        elif cue == "TEAM":
            end = _team_run(words, i + 1, namelike)
            if end > i + 1:
                spans.append(Span(i + 1, end, Kind.ORG))
                after = end
    return spans
