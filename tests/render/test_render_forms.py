"""The engine's own contextual shaping must give byte for byte what arabic-reshaper gives."""

from __future__ import annotations

from arabic_reshaper import ArabicReshaper
from arabic_reshaper.ligatures import LIGATURES
from hypothesis import given, settings
from hypothesis import strategies as st

from reader.render.forms import FormShaper
from reader.render.shape import _FORMS, _RESHAPER

ZWJ = "\u200d"
TATWEEL = "\u0640"

# Every letter the reshaper knows (ZWJ aside: the reshaper mishandles it), lam-alef pairs
# made likely, harakat, and characters that are not letters to it, presentation forms among
# them.
_LETTERS = "".join(sorted(set(_RESHAPER.letters) - {ZWJ}))
_ALPHABET = _LETTERS + "لا" * 8 + "أإآ" + " a1.٣\u200c\ufedf\ufe8e\ufefb\u064e\u0651\u06e5"


@settings(max_examples=2000, deadline=None)
@given(text=st.text(alphabet=_ALPHABET, max_size=30))
def test_same_as_the_reshaper(text: str) -> None:
    assert _FORMS.shape(text) == _RESHAPER.reshape(text)


@settings(max_examples=1000, deadline=None)
@given(text=st.text(alphabet=_ALPHABET.replace(TATWEEL, "") + ZWJ * 6, max_size=30))
def test_zwj_joins_as_tatweel_does_and_stays_in_place(text: str) -> None:
    """The reshaper drops ZWJ and then looks for lam-alef at drifted offsets, so it is no
    reference for ZWJ; tatweel is: a letter with the same joining on both sides, kept in
    the output, and no part of any ligature."""
    expected = _RESHAPER.reshape(text.replace(ZWJ, TATWEEL)).replace(TATWEEL, ZWJ)
    assert _FORMS.shape(text) == expected


def test_a_lam_alef_after_a_zwj() -> None:
    # The reshaper itself raises IndexError on this one.
    assert _FORMS.shape("ب\u200dلا") == "\ufe91\u200d\ufefc"


def test_harakat_go_to_the_reshaper() -> None:
    text = "مُحَمَّدٌ لَا"
    assert _FORMS.shape(text) == _RESHAPER.reshape(text)


def test_another_configuration_goes_to_the_reshaper() -> None:
    reshaper = ArabicReshaper(configuration={"delete_tatweel": True})
    shaper = FormShaper(reshaper)
    assert not shaper.exact
    assert shaper.shape("كـتـاب") == reshaper.reshape("كـتـاب")


def test_the_configuration_is_read_as_getboolean_reads_it() -> None:
    """The shaper reads the reshaper's section once, raw, and parses its booleans itself;
    ligatures and exactness must come out as `getboolean` on each name gives them."""
    configurations: list[dict[str, object]] = [
        {},
        {"delete_tatweel": True},
        {"ARABIC LIGATURE ALLAH": "no", "support_zwj": "off"},
        {"delete_harakat": False, "use_unshaped_instead_of_isolated": 1},
        {"ARABIC LIGATURE ALLAH": False, "support_zwj": True, "delete_harakat": "yes"},
    ]
    for configuration in configurations:
        reshaper = ArabicReshaper(configuration=configuration)
        config = reshaper.configuration
        expected = {
            pattern: forms for name, (pattern, forms) in LIGATURES if config.getboolean(name)
        }
        shaper = FormShaper(reshaper)
        assert shaper._ligatures == expected
        exact = (
            all(len(pattern) == 2 for pattern in expected)
            and not config.getboolean("delete_tatweel")
            and not config.getboolean("use_unshaped_instead_of_isolated")
            and config.getboolean("delete_harakat")
            and config.getboolean("support_zwj")
        )
        assert shaper.exact == exact, configuration
