"""The engine's own contextual shaping must give byte for byte what arabic-reshaper gives."""

from __future__ import annotations

from arabic_reshaper import ArabicReshaper
from hypothesis import given, settings
from hypothesis import strategies as st

from reader.render.forms import FormShaper
from reader.render.shape import _FORMS, _RESHAPER

# Every letter the reshaper knows (ZWJ aside: the engine never shapes it here), lam-alef
# pairs made likely, and characters that are not letters to it, presentation forms among them.
_LETTERS = "".join(sorted(set(_RESHAPER.letters) - {"\u200d"}))
_ALPHABET = _LETTERS + "لا" * 8 + "أإآ" + " a1.٣\u200c\ufedf\ufe8e\ufefb"


@settings(max_examples=2000, deadline=None)
@given(text=st.text(alphabet=_ALPHABET, max_size=30))
def test_same_as_the_reshaper(text: str) -> None:
    assert _FORMS.shape(text) == _RESHAPER.reshape(text)


def test_harakat_go_to_the_reshaper() -> None:
    text = "مُحَمَّدٌ لَا"
    assert _FORMS.shape(text) == _RESHAPER.reshape(text)


def test_another_configuration_goes_to_the_reshaper() -> None:
    reshaper = ArabicReshaper(configuration={"delete_tatweel": True})
    shaper = FormShaper(reshaper)
    assert not shaper.exact
    assert shaper.shape("كـتـاب") == reshaper.reshape("كـتـاب")
