"""The CRF tagger, loaded lazily once per process (ingest workers each load their own).

Tagging feeds crfsuite the same attributes as training (features.sentence_features),
in the same order, minus those the model has no weight for: crfsuite ignores an
unknown attribute, so the scores and labels are the same, while each attribute
that is passed costs a UTF-8 conversion and a dictionary lookup in C. About a
third of the attributes a news text produces are unknown to the model. A word's
attributes, its own and those it gives each neighbour, are built once per word
form and kept in a bounded cache.
"""

from __future__ import annotations

from collections.abc import Sequence
from functools import lru_cache
from importlib.resources import as_file, files
from pathlib import Path
from typing import NamedTuple

import pycrfsuite

from reader.nlp.features import (
    CLUSTERS_NAME,
    COMMON_WORDS_NAME,
    CORPUS_NAMES_NAME,
    parse_clusters,
    parse_corpus_names,
    use_clusters,
    use_common_words,
    use_corpus_names,
    word_features,
)

MODEL_NAME = "ner.crfsuite"
MODEL_PATH = Path(__file__).resolve().parent / "data" / MODEL_NAME


class _Model(NamedTuple):
    tagger: pycrfsuite.Tagger
    known: frozenset[str]  # attributes with at least one non-zero weight
    # First words of the known "bi=" and "+bi=" bigrams, so most tokens skip building
    # the string; "|" is always in, being the one word the separator cannot split off.
    bigram_left: frozenset[str]
    bigram_right: frozenset[str]
    bos: tuple[str, ...]
    eos: tuple[str, ...]


class _Pieces(NamedTuple):
    """One word's known attributes: its own, and what it shows each neighbour."""

    own: tuple[str, ...]
    as_prev_word: tuple[str, ...]  # -1w=
    as_prev_flags: tuple[str, ...]  # -1 light stem and flags
    as_prev2: tuple[str, ...]  # -2w= and -2 flags
    as_next_word: tuple[str, ...]  # +1w=
    as_next_flags: tuple[str, ...]
    as_next2: tuple[str, ...]


_loaded: list[_Model] = []
# A model trained on BIOES labels (scripts/train_ner.py --scheme bioes) is read back as BIO.
_BIO = {"S-": "B-", "E-": "I-"}


def use_model(path: Path | None = None) -> pycrfsuite.Tagger:
    """Open a model file (the shipped one by default) and tag with it from now on.

    A model trained elsewhere brings the corpus-name lexicon, common-word list
    and word clusters the trainer wrote beside it: its weights were learnt
    against them.
    """
    tagger = pycrfsuite.Tagger()
    if path is None:
        with as_file(files("reader.nlp").joinpath("data", MODEL_NAME)) as shipped:
            tagger.open(str(shipped))
    else:
        tagger.open(str(path))
        lexicon_path = path.parent / CORPUS_NAMES_NAME
        if lexicon_path.exists():
            use_corpus_names(parse_corpus_names(lexicon_path.read_text("utf-8")))
        common_path = path.parent / COMMON_WORDS_NAME
        if common_path.exists():
            use_common_words(frozenset(common_path.read_text("utf-8").split()))
        clusters_path = path.parent / CLUSTERS_NAME
        if clusters_path.exists():
            use_clusters(parse_clusters(clusters_path.read_text("utf-8")))
    known = frozenset(attr for attr, _ in tagger.info().state_features)
    _loaded[:] = [
        _Model(
            tagger,
            known,
            frozenset({"|", *(a[3:].partition("|")[0] for a in known if a.startswith("bi="))}),
            frozenset({"|", *(a[4:].partition("|")[0] for a in known if a.startswith("+bi="))}),
            ("BOS",) if "BOS" in known else (),
            ("EOS",) if "EOS" in known else (),
        )
    ]
    clear_cache()
    return tagger


def clear_cache() -> None:
    """Forget every word's attributes (a new model or lexicon, or a cold-cache timing)."""
    word_features.cache_clear()
    _pieces.cache_clear()


def _model() -> _Model:
    if not _loaded:
        use_model()
    return _loaded[0]


def _keep(known: frozenset[str], attrs: Sequence[str]) -> tuple[str, ...]:
    return tuple(filter(known.__contains__, attrs))


@lru_cache(maxsize=200_000)
def _pieces(word: str) -> _Pieces:
    known = _model().known
    own, shown = word_features(word)
    return _Pieces(
        _keep(known, own),
        _keep(known, ["-1w=" + word]),
        _keep(known, ["-1" + f for f in shown]),
        _keep(known, ["-2w=" + word, *["-2" + f for f in shown]]),
        _keep(known, ["+1w=" + word]),
        _keep(known, ["+1" + f for f in shown]),
        _keep(known, ["+2w=" + word, *["+2" + f for f in shown]]),
    )


def _items(words: Sequence[str], model: _Model) -> list[list[str]]:
    """features.sentence_features(words) without the attributes the model does not know."""
    known = model.known
    pieces = [_pieces(w) for w in words]
    n = len(words)
    out: list[list[str]] = []
    for i in range(n):
        word = words[i]
        feats = list(pieces[i].own)
        if i > 0:
            prev = pieces[i - 1]
            feats.extend(prev.as_prev_word)
            if words[i - 1] in model.bigram_left:
                bigram = "bi=" + words[i - 1] + "|" + word
                if bigram in known:
                    feats.append(bigram)
            feats.extend(prev.as_prev_flags)
            if i > 1:
                feats.extend(pieces[i - 2].as_prev2)
        else:
            feats.extend(model.bos)
        if i < n - 1:
            nxt = pieces[i + 1]
            feats.extend(nxt.as_next_word)
            if word in model.bigram_right:
                bigram = "+bi=" + word + "|" + words[i + 1]
                if bigram in known:
                    feats.append(bigram)
            feats.extend(nxt.as_next_flags)
            if i < n - 2:
                feats.extend(pieces[i + 2].as_next2)
        else:
            feats.extend(model.eos)
        out.append(feats)
    return out


def tag(words: Sequence[str]) -> list[str]:
    """BIO labels (B-PER, I-LOC, O, …) for folded words of one sentence."""
    if not words:
        return []
    model = _model()
    labels: list[str] = model.tagger.tag(_items(words, model))
    return [_BIO.get(label[:2], label[:2]) + label[2:] for label in labels]
