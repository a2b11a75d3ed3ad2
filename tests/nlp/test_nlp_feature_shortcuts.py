"""The shortcuts in the frequency features give what their definitions say."""

from __future__ import annotations

from hypothesis import given
from hypothesis import strategies as st

from reader.nlp import features

_WORDS = st.text("ابتثجحخدرزسشصضطظعغفقكلمنهويىةءأإآ", max_size=14)


@given(_WORDS)
def test_the_shape_marks_long_vowels_v_and_every_other_letter_c(word: str) -> None:
    expected = "".join("V" if ch in features._LONG else "C" for ch in word[:9])
    assert features._shape(word) == expected


@given(st.one_of(_WORDS, st.sampled_from(features._FOREIGN_ENDINGS).map(lambda e: "ب" + e)))
def test_the_foreign_endings_are_those_the_word_ends_with_in_list_order(word: str) -> None:
    shown = [f[3:] for f in features._frequency_features(word) if f.startswith("fx=")]
    plain = word.isalpha() and not word.startswith("ال")
    assert shown == ([e for e in features._FOREIGN_ENDINGS if word.endswith(e)] if plain else [])
