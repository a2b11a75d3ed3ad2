"""Latin-keyboard name search: `putin` finds بوتين, `kim jong un` finds كيم جونغ أون.

Both sides are reduced to a consonant skeleton over letter classes that absorb
what transliteration blurs: the Arabic vowel letters (ا و ي ى ة) and ع ء drop
out, as Latin vowels, w and y do; ج/غ (and Latin g, j), ك/ق (k, q, hard c),
س/ص/ث (s, soft c, th), ت/ط (t, th), د/ض/ذ (d, dh), ه/ح (h) each become one
class, and p/v fall on ب/ف, which Arabic writes for them. A velar after n is
dropped on both sides (Jong, جونغ, جونج → one skeleton) and doubled letters
collapse. Ambiguous Latin spellings (th, c, x, dh) give a few alternative
skeletons; the best one counts. Ranking is rapidfuzz's similarity over the
skeletons, whole name and name by name, so a surname alone (`pompeo`) or a
joined spelling (`kimjongun`) finds the person too.
"""

from __future__ import annotations

import itertools
import json
import re
from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from functools import cache, lru_cache
from importlib.resources import files

from rapidfuzz import fuzz, process

from reader.kinds import Kind
from reader.nlp.normalize import fold

_ARABIC_CLASS = str.maketrans(
    {
        "ب": "b",
        "ت": "t",
        "ط": "t",
        "ث": "s",
        "س": "s",
        "ص": "s",
        "ج": "g",
        "غ": "g",
        "ك": "k",
        "ق": "k",
        "خ": "x",
        "د": "d",
        "ض": "d",
        "ذ": "d",
        "ز": "z",
        "ظ": "z",
        "ه": "h",
        "ح": "h",
        "ش": "c",
        "ف": "f",
        "ل": "l",
        "م": "m",
        "ن": "n",
        "ر": "r",
    }
)
# Latin digraphs first (longest match), each with its alternative classes.
_LATIN_DIGRAPHS: dict[str, tuple[str, ...]] = {
    "tch": ("c",),
    "sch": ("c",),
    "kh": ("x", "k"),
    "gh": ("g",),
    "sh": ("c",),
    "ch": ("c", "k"),
    "zh": ("g", "z"),
    "th": ("t", "s"),
    "dh": ("d", "z"),
    "ph": ("f",),
    "ck": ("k",),
    "ts": ("ts", "s"),
    "tz": ("ts", "z"),
}
_LATIN_LETTERS: dict[str, tuple[str, ...]] = {
    "b": ("b",),
    "p": ("b",),
    "t": ("t",),
    "d": ("d",),
    "s": ("s",),
    "z": ("z",),
    "c": ("k", "s"),
    "k": ("k",),
    "q": ("k",),
    "g": ("g",),
    "j": ("g",),
    "x": ("ks", "c"),
    "h": ("h",),
    "f": ("f",),
    "v": ("f",),
    "l": ("l",),
    "m": ("m",),
    "n": ("n",),
    "r": ("r",),
}
_LATIN_FOLD = str.maketrans("áàâäãåéèêëíìîïóòôöõúùûüýÿçñ", "aaaaaaeeeeiiiiooooouuuuyycn")
_ARABIC_TOKEN = re.compile(r"[\u0621-\u064a]+")
_LATIN_TOKEN = re.compile(r"[a-z]+")
_VELAR_AFTER_N = re.compile("ng|nk")
_DOUBLED = re.compile(r"(.)\1+")
MAX_ALTERNATIVES = 8
MAX_QUERY = 80


def is_latin_query(text: str) -> bool:
    """A query typed on a Latin keyboard: Latin letters and no Arabic ones."""
    return bool(_LATIN_TOKEN.search(text.lower())) and not _ARABIC_TOKEN.search(text)


def _settle(classes: str) -> str:
    return _VELAR_AFTER_N.sub("n", classes)


@lru_cache(maxsize=65536)
def arabic_token_skeleton(token: str) -> str:
    """One Arabic word's consonant classes (تش is ش, as transliterated names write it)."""
    folded = _DOUBLED.sub(r"\1", fold(token).replace("تش", "ش"))
    return _settle("".join(ch for ch in folded.translate(_ARABIC_CLASS) if ch.isascii()))


@lru_cache(maxsize=65536)
def arabic_skeletons(name: str) -> tuple[tuple[str, ...], ...]:
    """The name's words as skeletons (a lone vowel letter left out), as written and, when a
    word opens with ال, without it too (السيسي is Sisi as often as el-Sisi)."""
    words = _ARABIC_TOKEN.findall(fold(name))
    out = [tuple(s for s in map(arabic_token_skeleton, words) if s)]
    if any(w.startswith("ال") and len(w) > 3 for w in words):
        bare = [w[2:] if w.startswith("ال") and len(w) > 3 else w for w in words]
        out.append(tuple(s for s in map(arabic_token_skeleton, bare) if s))
    return tuple(out)


def _latin_token_skeletons(token: str) -> list[str]:
    options: list[tuple[str, ...]] = []
    i = 0
    while i < len(token):
        for size in (3, 2):
            found = _LATIN_DIGRAPHS.get(token[i : i + size])
            if found is not None:
                options.append(found)
                i += size
                break
        else:
            options.append(_LATIN_LETTERS.get(token[i], ("",)))
            i += 1
    out: list[str] = []
    for combo in itertools.product(*options):
        skeleton = _settle("".join(combo))
        if skeleton not in out:
            out.append(skeleton)
        if len(out) >= MAX_ALTERNATIVES:
            break
    return out


def latin_skeletons(query: str) -> list[tuple[str, ...]]:
    """Alternative skeletons of a Latin query, word by word, the most literal first."""
    text = _DOUBLED.sub(r"\1", query.lower().translate(_LATIN_FOLD)[:MAX_QUERY])
    words = [w for w in _LATIN_TOKEN.findall(text) if w]
    per_word = [[s for s in _latin_token_skeletons(w) if s] for w in words]
    per_word = [alts for alts in per_word if alts]
    out: list[tuple[str, ...]] = []
    for combo in itertools.product(*per_word):
        out.append(tuple(combo))
        if len(out) >= MAX_ALTERNATIVES:
            break
    return out


def _words_score(query: tuple[str, ...], name: tuple[str, ...]) -> float:
    """Each query word against its best name word, in order; unmatched name words cost a little."""
    if not query or not name:
        return 0.0
    total = 0.0
    start = 0
    for word in query:
        best, at = 0.0, start
        for j in range(start, len(name)):
            score = fuzz.ratio(word, name[j])
            if score > best:
                best, at = score, j
        total += best
        start = min(at + 1, len(name) - 1) if len(query) <= len(name) else start
    mean = total / len(query)
    missing = max(0, len(name) - len(query))
    return mean - 2.0 * missing


def skeleton_score(query: tuple[str, ...], name: tuple[str, ...]) -> float:
    """0–100: how well a Latin query's skeleton fits an Arabic name's skeleton."""
    if not query or not name:
        return 0.0
    joined = fuzz.ratio("".join(query), "".join(name))
    return max(joined, _words_score(query, name))


@dataclass(frozen=True, slots=True)
class Candidate:
    """A person to rank: their id, how widely named, their Arabic spellings, Latin aliases."""

    id: int
    weight: int
    spellings: tuple[str, ...]
    aliases: tuple[str, ...] = ()


@dataclass(frozen=True, slots=True)
class Match:
    id: int
    score: float


MIN_SCORE = 70.0
SHORTLIST = 300


def _latin_words(text: str) -> str:
    return " ".join(_LATIN_TOKEN.findall(_DOUBLED.sub(r"\1", text.lower().translate(_LATIN_FOLD))))


def _alias_score(query: str, aliases: Iterable[str]) -> float:
    text = _latin_words(query)
    best = 0.0
    for alias in aliases:
        a = _latin_words(alias)
        best = max(best, fuzz.ratio(text, a), fuzz.ratio(text.replace(" ", ""), a.replace(" ", "")))
        words = a.split()
        if text and words and text == words[-1]:
            best = max(best, 95.0)
    return best


class NameIndex:
    """Skeletons of every candidate worked out once, so a keystroke costs a rapidfuzz pass
    in C over the joined skeletons and single words, then exact scoring of a shortlist."""

    def __init__(self, candidates: Sequence[Candidate]) -> None:
        self.candidates = list(candidates)
        self.names: list[tuple[tuple[str, ...], ...]] = []
        choices: list[str] = []
        owners: list[int] = []
        for index, cand in enumerate(self.candidates):
            forms = {form for spelling in cand.spellings for form in arabic_skeletons(spelling)}
            self.names.append(tuple(sorted(forms)))
            for form in forms:
                for choice in {"".join(form), *form}:
                    choices.append(choice)
                    owners.append(index)
            for alias in cand.aliases:
                choices.append(_latin_words(alias))
                owners.append(index)
        self._choices = choices
        self._owners = owners

    def _shortlist(self, query: str, skeletons: list[tuple[str, ...]]) -> set[int]:
        wanted: set[int] = set()
        needles = {_latin_words(query)}
        for skeleton in skeletons:
            needles.add("".join(skeleton))
            needles.update(skeleton)
        for needle in needles:
            for _, _, at in process.extract(
                needle, self._choices, scorer=fuzz.ratio, limit=SHORTLIST, score_cutoff=50
            ):
                wanted.add(self._owners[at])
        return wanted

    def rank(self, query: str, limit: int = 20) -> list[Match]:
        """Candidates best fitting a Latin query, best first; a wider person wins a tie.

        Never raises on any text: a query with no Latin letters ranks nothing.
        """
        skeletons = latin_skeletons(query)
        if not skeletons:
            return []
        scored: list[tuple[float, int, int]] = []
        for index in self._shortlist(query, skeletons):
            cand = self.candidates[index]
            best = _alias_score(query, cand.aliases) if cand.aliases else 0.0
            for name in self.names[index]:
                for skeleton in skeletons:
                    best = max(best, skeleton_score(skeleton, name))
            if best >= MIN_SCORE:
                scored.append((round(best, 1), cand.weight, cand.id))
        scored.sort(key=lambda s: (-s[0], -s[1], s[2]))
        return [Match(i, score) for score, _, i in scored[:limit]]


@cache
def _alias_table() -> dict[str, tuple[str, ...]]:
    raw = json.loads(files("reader.nlp").joinpath("data/latin_names.json").read_text("utf-8"))
    return {str(k): tuple(v) for k, v in raw["persons"].items()}


def aliases_by_key() -> dict[str, tuple[str, ...]]:
    """The shipped Latin spellings, keyed by the person's cross-article key (as stored)."""
    from reader.nlp import gazetteer
    from reader.nlp.tokens import tokenize

    gaz = gazetteer.load()
    return {
        gaz.key(Kind.PER, tuple(t.folded for t in tokenize(name))): latin
        for name, latin in _alias_table().items()
    }
