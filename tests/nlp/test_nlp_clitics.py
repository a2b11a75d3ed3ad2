"""with_clitics: the forms a text's word can take and still stem to one of the words."""

from __future__ import annotations

from hypothesis import given
from hypothesis import strategies as st

from reader.nlp.clitics import stems, with_clitics

# The proclitic letters, the article's alif and two others: every rule of stems() fires.
_WORDS = st.text(alphabet="وفبلكاده", max_size=7)


@given(st.lists(_WORDS, max_size=12), st.lists(_WORDS, max_size=40))
def test_a_form_is_in_the_set_exactly_when_it_or_one_of_its_stems_is_a_word(
    words: list[str], forms: list[str]
) -> None:
    found = with_clitics(words)
    for form in [*forms, *found]:
        expected = form in words or any(stem in words for _, stem in stems(form))
        assert (form in found) == expected, form


def test_the_article_doubled_by_lam_and_a_double_proclitic() -> None:
    found = with_clitics(["الامم", "بوتين"])
    assert {"للامم", "والامم", "وببوتين", "فلبوتين", "لبوتين"} <= found
    assert "للمم" not in found and "لالامم" in found
