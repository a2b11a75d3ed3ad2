"""The CRF tagger, loaded lazily once per process (ingest workers each load their own)."""

from __future__ import annotations

from collections.abc import Sequence
from importlib.resources import as_file, files
from pathlib import Path

import pycrfsuite

from reader.nlp.features import (
    CORPUS_NAMES_NAME,
    parse_corpus_names,
    sentence_features,
    use_corpus_names,
)

MODEL_NAME = "ner.crfsuite"
MODEL_PATH = Path(__file__).resolve().parent / "data" / MODEL_NAME

_loaded: list[pycrfsuite.Tagger] = []


def use_model(path: Path | None = None) -> pycrfsuite.Tagger:
    """Open a model file (the shipped one by default) and tag with it from now on.

    A model trained elsewhere brings the corpus-name lexicon the trainer wrote
    beside it, since its weights were learnt against that lexicon.
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
    _loaded[:] = [tagger]
    return tagger


def tag(words: Sequence[str]) -> list[str]:
    """BIO labels (B-PER, I-LOC, O, …) for folded words of one sentence."""
    if not words:
        return []
    tagger = _loaded[0] if _loaded else use_model()
    labels: list[str] = tagger.tag(sentence_features(words))
    return labels
