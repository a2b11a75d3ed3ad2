"""The word memo in shaping must give exactly what one reshape of the paragraph gives:
it rests on joining and the lam-alef ligatures never crossing a space."""

from __future__ import annotations

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from reader.render import shape

_ALPHABET = (
    "ابتثجحخدذرزسشصضطظعغفقكلمنهوي"
    "ءآأؤإئةى"  # hamza forms and the letters that end a joining context
    "لالألإلآ"
    "ـیکگپچژ"  # tatweel and Persian letters
    "abcXYZ0123456789٠١٢٣"
    " .,:;؟،()«»-/%\u200c"
)

words = st.text(alphabet=_ALPHABET, max_size=80)


@settings(max_examples=400, deadline=None)
@given(first=words, second=words)
def test_memo_matches_one_reshape(first: str, second: str) -> None:
    shape.clear_word_cache()
    assert shape._reshape_words(first) == shape._RESHAPER.reshape(first)
    # The second text reuses what the first left in the memo.
    assert shape._reshape_words(second) == shape._RESHAPER.reshape(second)
    assert shape._reshape_words(first + " " + second) == shape._RESHAPER.reshape(
        first + " " + second
    )


def test_a_full_memo_starts_over(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(shape, "_WORD_CACHE_SIZE", 3)
    shape.clear_word_cache()
    text = "لا السلام عليكم ورحمة الله وبركاته لا"
    assert shape._reshape_words("كتب قرأ") == shape._RESHAPER.reshape("كتب قرأ")
    assert shape._reshape_words(text) == shape._RESHAPER.reshape(text)
    assert len(shape._shaped_words) == 6
