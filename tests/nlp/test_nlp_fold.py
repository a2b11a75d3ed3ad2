"""Folding in one pass gives what the two tables and the white-space regex gave."""

from __future__ import annotations

import re

from hypothesis import given
from hypothesis import strategies as st

from reader.nlp.normalize import _DROP, _LETTER_FOLD, fold, fold_for_search

# Arabic letters, marks and digits, Persian letters, Latin, and every kind of space.
_TEXT = st.text(
    st.one_of(
        st.characters(min_codepoint=0x0600, max_codepoint=0x06FF),
        st.sampled_from("abcXYZİ \t\n\r\x0b\x0c\x1c\x1f\x85\xa0\u1680\u2003\u2028\u3000\u200b"),
    ),
    max_size=40,
)


@given(_TEXT)
def test_fold_is_the_marks_dropped_then_the_letters_folded(text: str) -> None:
    assert fold(text) == text.translate(_DROP).translate(_LETTER_FOLD).lower()


@given(_TEXT)
def test_search_folding_collapses_what_the_regex_collapsed(text: str) -> None:
    assert fold_for_search(text) == re.sub(r"\s+", " ", fold(text)).strip()


def test_the_known_spellings_fold_alike() -> None:
    assert fold_for_search("  بيونغ\u00a0يانغ\n") == "بيونغ يانغ"
    assert fold("أُسامة") == "اسامه"
