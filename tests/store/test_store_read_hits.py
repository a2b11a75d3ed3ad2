"""Search hits in an article's text: where they are, and what finding them costs.

`find_hits` runs on the UI thread whenever a search changes under an open article,
and a story's body is thousands of characters long.
"""

from __future__ import annotations

import re

import pytest
from hypothesis import given
from hypothesis import strategies as st

from reader.store.read import text as text_module
from reader.store.read.text import find_hits, loose_fold

# Letters that fold (hamza forms, alef maqsura, ta marbuta, ghain/jeem), marks that fold
# away, tatweel, white space of several kinds and Latin.
_CHARS = "بيونجغيانأإآىةـًٌٍَُِّْ \t\n\u00a0abcABC"


def _reference(text: str, user_text: str) -> list[tuple[int, int]]:
    """Every character folded on its own, each folded character's origin listed."""
    tokens = re.findall(r"\w+", loose_fold(user_text))
    if not tokens:
        return []
    folded: list[str] = []
    origin: list[int] = []
    for index, ch in enumerate(text):
        for out in loose_fold(ch) if not ch.isspace() else " ":
            folded.append(out)
            origin.append(index)
    pattern = re.compile(r"\s*".join(re.escape(t) for t in tokens))
    return [
        (origin[m.start()], origin[m.end() - 1] + 1)
        for m in pattern.finditer("".join(folded))
        if m.end() > m.start()
    ]


@given(st.text(alphabet=_CHARS, max_size=80), st.sampled_from(["بيونج يانج", "يانغ", "أبي", "ab"]))
def test_hits_are_where_folding_each_character_finds_them(text: str, query: str) -> None:
    assert find_hits(text, query) == _reference(text, query)


def test_a_split_or_folded_spelling_is_found_in_the_original_text() -> None:
    body = "زار بيونغ  يانغ ثم بيونجيانج، وبيونج يانج."
    hits = find_hits(body, "بيونج يانج")
    assert [body[s:e] for s, e in hits] == ["بيونغ  يانغ", "بيونجيانج", "بيونج يانج"]


def test_each_distinct_character_is_folded_once(monkeypatch: pytest.MonkeyPatch) -> None:
    """Not each character: 10,000 characters of a story's body cost 10,000 calls."""
    calls = 0

    def counted(text: str) -> str:
        nonlocal calls
        calls += 1
        return loose_fold(text)

    body = "قال مسؤول في بيونغ يانغ إن المحادثات ستستأنف. " * 200
    monkeypatch.setattr(text_module, "loose_fold", counted)
    hits = find_hits(body, "بيونج يانج")
    assert len(hits) == 200
    assert calls <= len(set(body)) + 1, calls
