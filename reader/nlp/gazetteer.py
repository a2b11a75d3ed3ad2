"""The shipped gazetteer: curated names (data/gazetteer.json) plus CLDR places from Babel.

Loaded once per process. Besides exact phrase lookup it exposes token sets
that the CRF uses as features, and a map from any listed spelling's key to
the entry's reference key, so a spelling the rules alone would not merge
(بوتين alone, ديمتري/دميتري) still lands on the listed person.
"""

from __future__ import annotations

import json
from collections.abc import Iterable, Mapping
from dataclasses import dataclass, field
from functools import cache, partial
from importlib.resources import files

import babel

from reader.kinds import Kind
from reader.nlp.clitics import stems, with_clitics
from reader.nlp.keys import KeyRules, name_key
from reader.nlp.memo import Memo
from reader.nlp.normalize import fold
from reader.nlp.tokens import tokenize

# Time-zone exemplar cities that are also everyday words or too vague to tag.
_CITY_STOPLIST = frozenset(
    fold(w)
    for w in (
        "سمراء", "سنتر", "برثا", "جوني", "استر", "ماهي", "ديلي", "ترك", "بلم", "كريسماس",
        "العيون", "حي الأمير السفلي", "مدينة غير معروفة", "كوكوس", "ثيل", "نوميا", "كانتون",
    )
)  # fmt: skip
_KEY_CACHE = 100_000
_SKIP_TERRITORIES = frozenset({"001", "ZZ", "QO", "EU", "EZ", "UN"})
# (clitic cut, head) of each form of a word that opens phrases, then their lengths.
Openings = tuple[tuple[tuple[int, str], ...], tuple[int, ...]]


def _openings(heads: Mapping[str, tuple[int, ...]], word: str) -> Openings:
    """The word's forms that open a phrase of `heads` (itself first, then its clitic-
    stripped stems), and the lengths of those phrases, longest first."""
    options = tuple((cut, head) for cut, head in ((0, word), *stems(word)) if head in heads)
    return options, tuple(sorted({n for _, head in options for n in heads[head]}, reverse=True))


class PhraseStarts(Memo[str, Openings]):
    """Each word's openings of one table's phrases (phrase_heads), worked out once per form:
    a listed name recurs, and its look-up at each occurrence need not strip it again."""

    def __init__(self, heads: Mapping[str, tuple[int, ...]]) -> None:
        super().__init__(partial(_openings, heads), 200_000)


@dataclass
class Gazetteer:
    rules: KeyRules
    phrases: dict[tuple[str, ...], tuple[Kind, str]] = field(default_factory=dict)
    max_len: int = 1
    first_names: frozenset[str] = frozenset()
    token_kinds: dict[str, frozenset[str]] = field(default_factory=dict)
    key_map: dict[tuple[str, str], str] = field(default_factory=dict)
    # First token of every listed phrase → the phrase lengths starting with it,
    # longest first: a scan asks only about lengths that can match at a token.
    head_lengths: dict[str, tuple[int, ...]] = field(default_factory=dict)
    # Every form that can open a listed phrase, itself or by a clitic-stripped stem.
    openers: frozenset[str] = frozenset()
    starts: PhraseStarts = field(default_factory=lambda: PhraseStarts({}))
    # Keys already worked out: a corpus names the same people over and over.
    _keys: dict[tuple[str, tuple[str, ...]], str] = field(default_factory=dict)

    def key(self, kind: str, folded_tokens: tuple[str, ...] | list[str]) -> str:
        names = tuple(folded_tokens)
        found = self._keys.get((kind, names))
        if found is None:
            own = name_key(self.rules, kind, names)
            found = self.key_map.get((kind, own), own)
            if len(self._keys) >= _KEY_CACHE:
                self._keys.clear()
            self._keys[kind, names] = found
        return found

    def lookup(self, folded_tokens: tuple[str, ...]) -> tuple[Kind, str] | None:
        """(kind, key) of an exactly listed phrase."""
        return self.phrases.get(folded_tokens)


def _phrase(text: str) -> tuple[str, ...]:
    return tuple(t.folded for t in tokenize(text))


def _babel_places() -> list[list[str]]:
    locale = babel.Locale("ar")
    places = [[name] for code, name in locale.territories.items() if code not in _SKIP_TERRITORIES]
    for zone in locale._data["time_zones"].values():
        city = zone.get("city")
        if not city or "(" in city or "،" in city:
            continue
        folded = fold(city)
        if len(folded.replace(" ", "")) >= 4 and folded not in _CITY_STOPLIST:
            places.append([city])
    return places


@cache
def load() -> Gazetteer:
    raw = json.loads(files("reader.nlp").joinpath("data/gazetteer.json").read_text("utf-8"))
    gaz = Gazetteer(rules=KeyRules(raw["native_names"], raw["first_name_groups"]))
    kinds: dict[str, set[str]] = {}

    def add(kind: Kind, spellings: list[str]) -> None:
        reference = _phrase(spellings[0])
        ref_key = gaz.key_map.get((kind, name_key(gaz.rules, kind, reference)))
        ref_key = ref_key or name_key(gaz.rules, kind, reference)
        for spelling in spellings:
            toks = _phrase(spelling)
            if not toks:
                continue
            gaz.phrases.setdefault(toks, (kind, ref_key))
            gaz.key_map.setdefault((kind, name_key(gaz.rules, kind, toks)), ref_key)
            gaz.max_len = max(gaz.max_len, len(toks))
            for tok in toks:
                kinds.setdefault(tok, set()).add(kind)

    for person in raw["persons"]:
        add(Kind.PER, list(person["names"]) + list(person["aliases"]))
    for spellings in raw["places"]:
        add(Kind.LOC, spellings)
    for spellings in _babel_places():
        add(Kind.LOC, spellings)
    for spellings in raw["organizations"]:
        add(Kind.ORG, spellings)
    gaz.first_names = frozenset(fold(n) for n in [*raw["first_names"], *raw["native_names"]])
    gaz.token_kinds = {tok: frozenset(k) for tok, k in kinds.items()}
    gaz.head_lengths = phrase_heads(gaz.phrases)
    gaz.openers = with_clitics(gaz.head_lengths)
    gaz.starts = PhraseStarts(gaz.head_lengths)
    return gaz


def phrase_heads(phrases: Iterable[tuple[str, ...]]) -> dict[str, tuple[int, ...]]:
    """First token → lengths of the phrases that open with it, longest first."""
    lengths: dict[str, set[int]] = {}
    for phrase in phrases:
        lengths.setdefault(phrase[0], set()).add(len(phrase))
    return {head: tuple(sorted(ls, reverse=True)) for head, ls in lengths.items()}
