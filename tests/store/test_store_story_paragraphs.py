"""The writer's paragraph comparison, made cheaper, still computes its definition."""

from __future__ import annotations

from hypothesis import given
from hypothesis import strategies as st

from reader.nlp.normalize import fold_for_search
from reader.store.story_sign import (
    PARAGRAPH_MATCH,
    Paragraph,
    coverage,
    paragraph_shingles,
    shingles,
)

_WORDS = st.sampled_from(["كيم", "جونغ", "أون", "بيونغ", "يانغ", "في", "قال", "الرئيس", "،", "و"])
_PARAGRAPH = st.lists(_WORDS, min_size=0, max_size=14).map(" ".join)
_PAIR = st.tuples(st.sampled_from("abcd"), st.sampled_from("abcd"))
_SETS = st.lists(st.frozensets(_PAIR, min_size=1, max_size=10), max_size=5)


def _coverage_by_definition(a: list[Paragraph], b: list[Paragraph]) -> float:
    if not a or not b:
        return 0.0
    short, long = (a, b) if len(a) <= len(b) else (b, a)
    close = sum(1 for p in short if any(len(p & q) / len(p | q) >= PARAGRAPH_MATCH for q in long))
    return close / len(short)


@given(_SETS, _SETS)
def test_coverage_is_the_share_of_close_paragraphs(
    a: list[frozenset[tuple[str, str]]], b: list[frozenset[tuple[str, str]]]
) -> None:
    left, right = [set(p) for p in a], [set(p) for p in b]
    assert coverage(left, right) == _coverage_by_definition(left, right)


def test_a_paragraph_at_exactly_the_threshold_is_close() -> None:
    # 3 of 10 is 0.3 exactly: 0.3 * 10 in floats is just above 3, a quotient is not.
    words = [(str(i), str(i + 1)) for i in range(10)]
    assert coverage([set(words[:3])], [set(words)]) == 1.0


@given(st.lists(_PARAGRAPH, min_size=1, max_size=4))
def test_paragraph_shingles_are_the_search_folded_word_pairs(paragraphs: list[str]) -> None:
    body = "\n".join(paragraphs)
    made = [{f"{a} {b}".encode() for a, b in p} for p in paragraph_shingles(body)]
    expected = [s for s in (shingles(fold_for_search(p)) for p in paragraphs) if len(s) >= 3]
    assert made == expected
