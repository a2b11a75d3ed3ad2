"""The numpy tagger gives crfsuite's own labels, for one sentence and for a document's batch
(its sentences share the document flags)."""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

import numpy as np
import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from reader.nlp import tagger
from reader.nlp.tokens import sentences, tokenize


def _seed_sentences(paths: list[Path]) -> list[list[str]]:
    out: list[list[str]] = []
    for path in paths:
        text = path.read_text("utf-8")
        tokens = tokenize(text)
        out.extend(
            [t.folded for t in tokens[b:e]] for b, e in sentences(text, [t.start for t in tokens])
        )
    return out


@pytest.fixture(scope="module")
def seed_sentences(seed_paths: list[Path]) -> list[list[str]]:
    found = _seed_sentences(seed_paths)
    assert len(found) > 100
    return found


@pytest.fixture
def exact_scores() -> Iterator[None]:
    """Score every token from sentence_features' own attributes, as for a changed window."""
    model = tagger._model()
    model.fast = False
    try:
        yield
    finally:
        model.fast = True


def test_the_shipped_model_takes_the_word_form_shortcut() -> None:
    # If features.py builds a token's attributes differently, the load-time check turns the
    # shortcut off (labels stay exact, tagging gets slow): this test says so.
    assert tagger.fast_path()


def test_every_seed_sentence_gets_crfsuites_labels(seed_sentences: list[list[str]]) -> None:
    batched = tagger.tag_sentences(seed_sentences)
    assert batched == tagger.reference_tags(seed_sentences)
    assert any(label != "O" for s in batched for label in s)


def test_the_general_scoring_gives_the_same_labels(
    seed_sentences: list[list[str]], exact_scores: None
) -> None:
    assert tagger.tag_sentences(seed_sentences) == tagger.reference_tags(seed_sentences)


def test_word_form_rows_equal_the_attribute_sums(seed_sentences: list[list[str]]) -> None:
    model = tagger._model()
    sample = seed_sentences[:40]
    assert np.allclose(model.emissions(sample), model.exact_emissions(sample), atol=1e-9)


def _vocabulary(paths: list[Path]) -> list[str]:
    return sorted({w for s in _seed_sentences(paths) for w in s})


_WORDS = _vocabulary(sorted((Path(__file__).parents[2] / "seeds").glob("*.txt")))


@settings(max_examples=60, deadline=None)
@given(
    st.lists(
        st.lists(
            st.one_of(st.sampled_from(_WORDS), st.text("ابتثجحخدرزسشصعغفقكلمنهوي|", max_size=6)),
            max_size=12,
        ),
        max_size=6,
    )
)
def test_any_batch_of_sentences_gets_crfsuites_labels(batch: list[list[str]]) -> None:
    assert tagger.tag_sentences(batch) == tagger.reference_tags(batch)
