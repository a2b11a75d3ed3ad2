"""The CRF tagger, loaded lazily once per process (ingest workers each load their own)."""

from __future__ import annotations

from collections.abc import Sequence
from importlib.resources import as_file, files
from pathlib import Path

import pycrfsuite

from reader.nlp.features import sentence_features

MODEL_NAME = "ner.crfsuite"
MODEL_PATH = Path(__file__).resolve().parent / "data" / MODEL_NAME

_loaded: list[pycrfsuite.Tagger] = []


def use_model(path: Path | None = None) -> pycrfsuite.Tagger:
    """Open a model file (the shipped one by default) and tag with it from now on."""
    tagger = pycrfsuite.Tagger()
    if path is None:
        with as_file(files("reader.nlp").joinpath("data", MODEL_NAME)) as shipped:
            tagger.open(str(shipped))
    else:
        tagger.open(str(path))
    _loaded[:] = [tagger]
    return tagger


def tag(words: Sequence[str]) -> list[str]:
    """BIO labels (B-PER, I-LOC, O, …) for folded words of one sentence."""
    if not words:
        return []
    tagger = _loaded[0] if _loaded else use_model()
    labels: list[str] = tagger.tag(sentence_features(words))
    return labels
