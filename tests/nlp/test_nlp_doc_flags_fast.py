"""The document pass (masks, profiles, visiting only cue positions) gives the flags of the
plain definition below, token by token, and the tagger's mask rows are those flags' weights."""

from __future__ import annotations

from collections import Counter
from collections.abc import Sequence

import numpy as np
from hypothesis import given, settings
from hypothesis import strategies as st

from reader.nlp import doc_features as df
from reader.nlp import lexicon, tagger
from reader.nlp.features import feature_common_words, first_names


def _is(word: str, words: frozenset[str]) -> bool:
    return any(form in words for form in df._forms(word))


def _defined(sentences: Sequence[Sequence[str]]) -> list[list[list[str]]]:
    """The flags as doc_features' docstrings define them, one token at a time."""
    flat = [w for s in sentences for w in s]
    starts = {0, *np.cumsum([len(s) for s in sentences]).tolist()}
    seen: dict[str, set[str]] = {}
    counts: Counter[str] = Counter()
    for i, word in enumerate(flat):
        if not df._candidate(word):
            continue
        for form in df._forms(word):
            counts[form] += 1
            if "ال" + form in flat:
                seen.setdefault(form, set()).add("dA")
        if i in starts:
            continue
        prev = flat[i - 1]
        flags = {f for f, cues in df._AFTER if _is(prev, cues)}
        if df._filler(word):
            flags.discard("dT")
        if df._filler(prev) or prev in first_names():
            j = i - 1
            while j not in starts and j > i - df._TITLE_REACH and df._filler(flat[j - 1]):
                j -= 1
            if j not in starts and _is(flat[j - 1], lexicon.TITLES) and not df._filler(word):
                flags.add("dT")
        if prev in first_names() and word not in first_names():
            flags.add("dF")
        for form in df._forms(word) if flags else ():
            seen.setdefault(form, set()).update(flags)
    out: list[list[list[str]]] = []
    for s in sentences:
        own: list[list[str]] = []
        for word in s:
            found: set[str] = set()
            if df._candidate(word):
                found = set().union(*(seen.get(f, set()) for f in df._forms(word)))
                many = max(counts[f] for f in df._forms(word)) > 1
                if many and word not in feature_common_words():
                    found.add("dR")
            own.append(sorted(found))
        out.append(
            [
                own[j]
                + ["-1" + f for f in (own[j - 1] if j else []) if f in df._SHOWN]
                + ["+1" + f for f in (own[j + 1] if j + 1 < len(s) else []) if f in df._SHOWN]
                for j in range(len(s))
            ]
        )
    return out


# A small vocabulary, so that cues, fillers, given names and a form with and without the
# article often meet in one generated text.
_CUES = sorted(lexicon.TITLES)[:3] + sorted(lexicon.TITLE_FILLERS)[:2] + ["الروسي", "الامريكي"]
_CUES += sorted(lexicon.REPORTING_VERBS)[:1] + sorted(lexicon.ORG_HEADS)[:1]
_CUES += sorted(lexicon.PLACE_CUES)[:1] + sorted(first_names())[:3]
_NAMES = ["بوتين", "وبوتين", "البوتين", "بوت", "البوت", "للامم", "الامم", "12", "."]
_WORD = st.one_of(
    st.sampled_from(_CUES + _NAMES),
    st.sampled_from(_CUES + _NAMES).map(lambda w: "و" + w),
)
_DOC = st.lists(st.lists(_WORD, max_size=12), max_size=5)


_TITLE, _FILLER, _GIVEN = sorted(lexicon.TITLES)[0], "الروسي", sorted(first_names())[0]


@settings(max_examples=300, deadline=None)
@given(_DOC)
def test_the_document_pass_gives_the_defined_flags(doc: list[list[str]]) -> None:
    assert df.document_features(doc) == _defined(doc)


@settings(max_examples=60, deadline=None)
@given(_DOC)
def test_the_mask_rows_are_the_summed_weights_of_the_flags(doc: list[list[str]]) -> None:
    # document_scores finds the flags on the score table's numbering of the forms.
    model = tagger._model()
    rows = [model.scores(attrs) for s in df.document_features(doc) for attrs in s]
    expected = np.array(rows).reshape(-1, len(model.labels))
    assert np.allclose(model.document_emissions(doc), expected, atol=1e-9)
    assert np.allclose(model.document_scores(doc), model.emissions(doc) + expected, atol=1e-9)


def test_a_title_reaches_a_name_through_three_fillers_and_a_given_name_not_four() -> None:
    docs = [[[_TITLE, *[_FILLER] * fillers, _GIVEN, "بوتين"], ["وبوتين"]] for fillers in range(5)]
    assert [df.document_features(doc) for doc in docs] == [_defined(doc) for doc in docs]
    assert "dT" in df.document_features(docs[3])[1][0]
    assert "dT" not in df.document_features(docs[4])[1][0]


@settings(max_examples=60, deadline=None)
@given(st.lists(_DOC, min_size=1, max_size=4))
def test_a_table_shared_by_many_texts_gives_each_its_own_flags(
    texts: list[list[list[str]]],
) -> None:
    # The tagger keeps one FormTable for every text it meets, ids given as forms first come.
    table = df.FormTable()
    ids: dict[str, int] = {}
    for doc in texts:
        flat = [w for s in doc for w in s]
        table.add([w for w in dict.fromkeys(flat) if w not in ids])
        for w in flat:
            ids.setdefault(w, len(ids))
        shared = table.flags(
            np.array([ids[w] for w in flat], dtype=np.intp),
            np.array([len(s) for s in doc], dtype=np.intp),
        )
        alone = df.document_flags(doc)
        assert [a.tolist() for a in shared] == [a.tolist() for a in alone]
