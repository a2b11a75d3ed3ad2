"""The cue words listed once (triggers._cue_words) are exactly the words whose family
the rules give, however a text dresses a title: clitics, possessive endings, ت for ه."""

from __future__ import annotations

from pathlib import Path

from hypothesis import given
from hypothesis import strategies as st

from reader.nlp import lexicon, triggers
from reader.nlp.tokens import tokenize

_LISTS = sorted(
    lexicon.TITLES
    | lexicon.POSSESSED_TITLES
    | lexicon.REPORTING_VERBS
    | lexicon.ORG_HEADS
    | lexicon.TEAM_CUES
    | lexicon.PLACE_CUES
)
_PREFIXES = ["", "و", "ف", "ب", "ل", "ك", "وب", "ول", "فل", "لل", "ال", "ا"]
_ENDINGS = ["", "ه", "ها", "هم", "هما", "تها", "ته", "ي", "ان"]


@st.composite
def _dressed(draw: st.DrawFn) -> str:
    word = draw(st.sampled_from(_LISTS))
    if word.endswith("ه") and draw(st.booleans()):
        word = word[:-1] + "ت"
    cut = draw(st.integers(min_value=0, max_value=2))
    return draw(st.sampled_from(_PREFIXES)) + word[cut:] + draw(st.sampled_from(_ENDINGS))


@given(st.lists(_dressed(), min_size=1, max_size=30))
def test_a_dressed_cue_word_has_the_family_the_rules_give(words: list[str]) -> None:
    for word in words:
        assert triggers.cue_family(word) == triggers._family(word), word


def test_the_seeds_words_have_the_family_the_rules_give(seed_paths: list[Path]) -> None:
    words = {t.folded for p in seed_paths for t in tokenize(p.read_text("utf-8"))}
    assert sum(1 for w in words if triggers.cue_family(w)) > 20
    assert all(triggers.cue_family(w) == triggers._family(w) for w in words)


def test_a_possessed_title_with_its_ta_is_a_title() -> None:
    assert triggers.cue_family("نظيرتها") == "titles"
    assert triggers.cue_family("ومدربه") == "titles"
