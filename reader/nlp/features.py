"""CRF features, shared by training (scripts/train_ner.py) and tagging.

Per-token features are computed once per distinct folded word and cached, and
each token adds only a handful of neighbour features, which keeps tagging well
above 20,000 tokens a second in pure Python.
"""

from __future__ import annotations

import gzip
from collections.abc import Sequence
from functools import cache, lru_cache
from importlib.resources import files

from reader.nlp import gazetteer, lexicon
from reader.nlp.clitics import stems
from reader.nlp.normalize import fold

COMMON_WORDS_NAME = "common_words.txt"
GIVEN_NAMES_NAME = "given_names.txt"
CORPUS_NAMES_NAME = "corpus_names.tsv"
CLUSTERS_NAME = "clusters.tsv"
BANDS_NAME = "word_bands.txt.gz"
# Light stemming in the manner of Larkey's light10: the longest matching
# proclitic and enclitic/suffix go, as long as a stem of _MIN_LIGHT letters stays.
_LIGHT_PREFIXES = ("وال", "بال", "كال", "فال", "لل", "ال", "و")
_LIGHT_SUFFIXES = ("ها", "ان", "ات", "ون", "ين", "يه", "ه", "ي")
_MIN_LIGHT = 3


def _by_size(affixes: tuple[str, ...]) -> tuple[tuple[int, frozenset[str]], ...]:
    """The affixes grouped by length, longest first (each list is in that order)."""
    sizes = sorted({len(a) for a in affixes}, reverse=True)
    return tuple((n, frozenset(a for a in affixes if len(a) == n)) for n in sizes)


_PREFIXES_BY_SIZE = _by_size(_LIGHT_PREFIXES)
_SUFFIXES_BY_SIZE = _by_size(_LIGHT_SUFFIXES)
# Words that join the parts of a long Arabic name: محمد ولد عبد العزيز، أسامة بن لادن،
# أحمد أبو الغيط، زينب بنت جحش. They are everyday words too (ولد "born", أم "or"), so the
# tagger gets them as one flag shared by all, besides each word's own weight.
_CONNECTORS = frozenset({"ولد", "بن", "ابن", "بنت", "ابو", "ابي", "ابا", "ام", "عبد", "اولاد"})


@cache
def common_words() -> frozenset[str]:
    """Words the training corpus uses often and almost never inside a name.

    Written by the trainer; the trigger patterns use it to refuse ordinary
    words (قسم، زيارة، سابقا) as names after a title.
    """
    text = files("reader.nlp").joinpath("data", COMMON_WORDS_NAME).read_text("utf-8")
    return frozenset(text.split())


_feature_common: list[frozenset[str]] = []


def feature_common_words() -> frozenset[str]:
    """The common-word list as the tagger sees it: the shipped list, or a training fold's.

    A training sentence must not see a list built with its own words counted, as
    with the corpus-name lexicon: the tagger would learn to trust it blindly.
    """
    if not _feature_common:
        _feature_common.append(common_words())
    return _feature_common[0]


def use_common_words(words: frozenset[str]) -> None:
    """Swap the tagger's common-word list (a training fold's, or a model's own) and drop
    cached features."""
    _feature_common[:] = [words]
    word_features.cache_clear()


@cache
def first_names() -> frozenset[str]:
    """The gazetteer's first names plus the wider given-name list (data/given_names.txt).

    The wider list only feeds the tagger, which weighs it against context; the
    rule layers keep to the gazetteer's stricter list, because many Arabic given
    names (سعيد، كريم، أمين) are also everyday words.
    """
    text = files("reader.nlp").joinpath("data", GIVEN_NAMES_NAME).read_text("utf-8")
    given = (fold(line.strip()) for line in text.splitlines() if not line.startswith("#"))
    return gazetteer.load().first_names | frozenset(w for w in given if w)


_corpus_names: list[dict[str, str]] = []


def corpus_names() -> dict[str, str]:
    """Word → flag ("kPER", "qLOC", …) for words the training corpus tags as names.

    "k" marks a word inside a name of that type in most of its occurrences, "q"
    in some. Written by the trainer; it lets a name seen in one sentence help in
    another, which the word's own weight does poorly for words seen once or twice.
    """
    if not _corpus_names:
        text = files("reader.nlp").joinpath("data", CORPUS_NAMES_NAME).read_text("utf-8")
        _corpus_names.append(parse_corpus_names(text))
    return _corpus_names[0]


def parse_corpus_names(text: str) -> dict[str, str]:
    rows = (line.split("\t") for line in text.splitlines() if "\t" in line)
    return {word: flag for word, flag in rows}


def use_corpus_names(names: dict[str, str]) -> None:
    """Swap the corpus-name lexicon (the trainer's held-out folds) and drop cached features."""
    _corpus_names[:] = [names]
    word_features.cache_clear()


_clusters: list[dict[str, tuple[str, ...]]] = []


def clusters() -> dict[str, tuple[str, ...]]:
    """Word → its distributional cluster at each granularity, coarse to fine.

    Written by the trainer from the training text alone (no labels): words used
    in the same contexts share a cluster, so a name the tagged corpus shows once
    or never inside a name still shares weights with the names it resembles.
    """
    if not _clusters:
        path = files("reader.nlp").joinpath("data", CLUSTERS_NAME)
        _clusters.append(parse_clusters(path.read_text("utf-8") if path.is_file() else ""))
    return _clusters[0]


def parse_clusters(text: str) -> dict[str, tuple[str, ...]]:
    rows = (line.split("\t") for line in text.splitlines() if "\t" in line)
    return {row[0]: tuple(row[1:]) for row in rows}


def use_clusters(table: dict[str, tuple[str, ...]]) -> None:
    """Swap the cluster table (a model trained elsewhere) and drop cached features."""
    _clusters[:] = [table]
    word_features.cache_clear()


_bands: list[dict[str, int]] = []


def bands() -> dict[str, int]:
    """Folded word → its frequency band in general Arabic text (half-Zipf steps, 4 = once
    per 10 million words and up), for words that common.

    Derived at training time from wordfreq's large Arabic list (scripts/train_ner.py);
    only this table ships. A word missing from it is rare in Arabic at large, which
    most transliterated foreign names are; and an ordinary noun or adjective is about
    as common with the article as without it (كتاب/الكتاب), a name is not (بوتين).
    """
    if not _bands:
        path = files("reader.nlp").joinpath("data", BANDS_NAME)
        _bands.append(parse_bands(path.read_bytes() if path.is_file() else b""))
    return _bands[0]


def parse_bands(data: bytes) -> dict[str, int]:
    """The band table from its file: one gzipped line per band, "band<TAB>word word …"."""
    if not data:
        return {}
    out: dict[str, int] = {}
    for line in gzip.decompress(data).decode("utf-8").splitlines():
        band, _, words = line.partition("\t")
        level = int(band)
        out.update(dict.fromkeys(words.split(), level))
    return out


def use_bands(table: dict[str, int]) -> None:
    """Swap the frequency-band table (a model trained elsewhere) and drop cached features."""
    _bands[:] = [table]
    word_features.cache_clear()
    ordinary_word.cache_clear()


@lru_cache(maxsize=200_000)
def ordinary_word(word: str) -> bool:
    """A frequent word whose form with the article is about as frequent: a noun or an
    adjective (مركز/المركز, عربية/العربية), which a name, taking no article, is not."""
    get = bands().get
    bare = word[2:] if word.startswith("ال") else word
    return _ordinary(get(word, 0), get(bare, 0), get("ال" + bare, 0))


def _ordinary(own: int, bare: int, definite: int) -> bool:
    """ordinary_word from the word's band and those of its forms without and with the article."""
    return min(bare, definite) >= _ORDINARY_BAND and definite + 2 >= bare and own > 0


# Endings and letter groups of transliterated names: Russian -وف/-وفا/-يف/-سكي, East Asian
# -ينغ/-ونغ/-انغ, German -شتاين/-برغ, Slavic -فيتش/-يتش, and تش/تس/تز for sounds Arabic lacks.
_FOREIGN_ENDINGS = (
    "وف", "وفا", "يف", "يفا", "سكي", "سكايا", "ينغ", "ونغ", "انغ", "ينج", "ونج", "شتاين",
    "برغ", "بورغ", "فيتش", "يتش", "يللي", "يني", "وني", "اني", "يو", "ز", "س", "يس", "وس",
)  # fmt: skip
# The endings by their last letter, in the order above: a word tries only the few it can end with.
_ENDINGS_BY_LAST = {
    last: tuple(end for end in _FOREIGN_ENDINGS if end[-1] == last)
    for last in {end[-1] for end in _FOREIGN_ENDINGS}
}
_FOREIGN_GROUPS = ("تش", "تس", "تز", "غن", "نغ", "يي", "وو", "ىو", "يا", "يو", "وي", "وا")
_LONG = frozenset("اوي")
_NISBA_ENDINGS = ("ي", "يه")
_ORDINARY_BAND = 6


class _ShapeTable(dict[int, str]):
    """str.translate's table for _shape: a long vowel → V, any other character → C."""

    def __missing__(self, key: int) -> str:
        return "C"


# The Arabic block is listed, so __missing__ (a Python call per letter) runs only for others.
_SHAPE = _ShapeTable({code: "V" if chr(code) in _LONG else "C" for code in range(0x0600, 0x0700)})


def _shape(word: str) -> str:
    """Consonant/long-vowel pattern (بوتين → CVCVC): Arabic word patterns rarely put long
    vowels where transliterations do."""
    return word[:9].translate(_SHAPE)


def _frequency_features(word: str, stem: str | None = None) -> list[str]:
    """The frequency-band and transliteration features; `stem` is light_stem(word), if
    the caller has it."""
    get = bands().get
    definite = word.startswith("ال")
    bare = word[2:] if definite else word
    own, bare_band, definite_band = get(word, 0), get(bare, 0), get("ال" + bare, 0)
    feats = [f"fb={own}", f"fd={definite_band // 2}|{bare_band // 2}"]
    if stem is None:
        stem = light_stem(word)
    if stem != word:
        feats.append(f"fs={get(stem, 0) // 2}")
    if _ordinary(own, bare_band, definite_band):
        feats.append("ord")
    if not definite and word.isalpha() and not word.isascii():
        feats.append("cv=" + _shape(word))
        for end in _ENDINGS_BY_LAST.get(word[-1:], ()):
            if word.endswith(end):
                feats.append("fx=" + end)
        groups = sum(map(word.__contains__, _FOREIGN_GROUPS))
        if groups:
            feats.append(f"fg={min(groups, 3)}")
    return feats


@lru_cache(maxsize=200_000)
def light_stem(word: str) -> str:
    """The word without its article/conjunction and plural or pronoun ending.

    ANERcorp keeps clitics attached (والرئيس، لبنانيين), so the bare form lets
    one weight cover every attached variant of a context word. The affixes are
    tried longest first, as in _LIGHT_PREFIXES and _LIGHT_SUFFIXES, by length.
    """
    for size, affixes in _PREFIXES_BY_SIZE:
        if len(word) - size >= _MIN_LIGHT and word[:size] in affixes:
            word = word[size:]
            break
    for size, affixes in _SUFFIXES_BY_SIZE:
        if len(word) - size >= _MIN_LIGHT and word[-size:] in affixes:
            return word[:-size]
    return word


def _flags(word: str, stemmed: Sequence[str]) -> list[str]:
    """The word's lexicon flags; `stemmed` are its clitic-stripped stems (clitics.stems)."""
    kinds_of = gazetteer.load().token_kinds
    names = first_names()
    known = corpus_names()
    flags: list[str] = []
    flag = known.get(word)
    if flag is not None:
        flags.append(flag)
    kinds = kinds_of.get(word)
    if kinds:
        flags.extend(["g" + kind for kind in kinds])
    if word in names:
        flags.append("gF")
    connector = word in _CONNECTORS
    for stem in stemmed:
        flag = known.get(stem)
        if flag is not None:
            flags.append("s" + flag)
        kinds = kinds_of.get(stem)
        if kinds:
            flags.extend(["sg" + kind for kind in kinds])
        if stem in names:
            flags.append("sgF")
        if stem in lexicon.TITLES:
            flags.append("sT")
        connector = connector or stem in _CONNECTORS
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
    if word in feature_common_words():
        flags.append("cw")
    if connector:
        flags.append("cn")
    if word.startswith("ال") and word.endswith(_NISBA_ENDINGS):
        flags.append("nis")
    head = word[:1]
    if not head.isalpha():
        flags.append("punc" if not head.isdigit() else "dig")
    elif head.isascii():
        flags.append("lat")
    return flags


_LENGTHS = tuple(f"len={n}" for n in range(8))
_CLUSTER_LEVELS = ("k0=", "k1=", "k2=", "k3=", "k4=", "k5=")
_STEM_CLUSTER_LEVELS = ("ks0=", "ks1=", "ks2=", "ks3=", "ks4=", "ks5=")


@lru_cache(maxsize=200_000)
def word_features(word: str) -> tuple[tuple[str, ...], tuple[str, ...]]:
    """(own features, features a neighbour sees) for one folded word.

    A new word form costs the tagger mostly this, so it is written for speed: the stems
    and light stem are found once, and no attribute is built twice."""
    stemmed = [stem for _, stem in stems(word)]
    flags = _flags(word, stemmed)
    stem = light_stem(word)
    light = "ls=" + stem
    own = [
        "w=" + word,
        "p2=" + word[:2],
        "p3=" + word[:3],
        "s1=" + word[-1:],
        "s2=" + word[-2:],
        "s3=" + word[-3:],
        "s4=" + word[-4:],
        _LENGTHS[min(len(word), 7)],
    ]
    own.extend(["st=" + s for s in stemmed])
    if word.startswith("ال"):
        own.append("al")
    own.append(light)
    own.extend(flags)
    frequency = _frequency_features(word, stem)
    own.extend(frequency)
    shown = [light, *flags, frequency[0]]
    table = clusters()
    found = table.get(word)
    levels = _CLUSTER_LEVELS
    if not found:
        found = table.get(stem)
        levels = _STEM_CLUSTER_LEVELS
    if found:
        named = _cluster_names(levels, found)
        own.extend(named)
        shown.extend(named[:2])
    return tuple(own), tuple(shown)


def _cluster_names(levels: tuple[str, ...], found: tuple[str, ...]) -> list[str]:
    if len(found) <= len(levels):
        return list(map(str.__add__, levels, found))
    return [f"{levels[0][:-2]}{level}={c}" for level, c in enumerate(found)]


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
            feats.append("+bi=" + words[i] + "|" + words[i + 1])
            feats.extend(["+1" + f for f in cached[i + 1][1]])
            if i < n - 2:
                feats.append("+2w=" + words[i + 2])
                feats.extend(["+2" + f for f in cached[i + 2][1]])
        else:
            feats.append("EOS")
        out.append(feats)
    return out
