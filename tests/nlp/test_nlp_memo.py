"""The per-word memo: each argument worked out once, and memory bounded by its limit."""

from __future__ import annotations

from hypothesis import given
from hypothesis import strategies as st

from reader.nlp.memo import Memo


@given(st.lists(st.text(max_size=3), max_size=60), st.integers(min_value=1, max_value=8))
def test_each_value_is_the_function_s_and_the_memo_stays_within_its_limit(
    words: list[str], limit: int
) -> None:
    calls: list[str] = []

    def upper(word: str) -> str:
        calls.append(word)
        return word.upper()

    memo = Memo(upper, limit)
    assert list(map(memo.__getitem__, words)) == [w.upper() for w in words]
    assert len(memo) <= limit
    if len(set(words)) <= limit:
        assert sorted(calls) == sorted(set(words))
