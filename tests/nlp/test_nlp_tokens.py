"""Tokens and sentence ranges, built in C-level passes, are what their definitions say."""

from __future__ import annotations

import pytest
from hypothesis import given
from hypothesis import strategies as st

from reader.nlp import tokens
from reader.nlp.normalize import fold
from reader.nlp.tokens import Columns, Token, columns, sentences, tokenize

# Arabic letters and marks, tatweel, Latin, digits, sentence ends and white space of all kinds.
_TEXT = st.text(
    st.one_of(
        st.characters(min_codepoint=0x0620, max_codepoint=0x0670),
        st.sampled_from('abcXYZ09_ .!?؟،,«»()"\n\n\t\r\u0640\u00a0\u2028'),
    ),
    max_size=60,
)


def _tokens_by_definition(text: str) -> list[Token]:
    return [
        Token(m.start(), m.end(), m.group(), fold(m.group())) for m in tokens._TOKEN.finditer(text)
    ]


def _sentences_by_definition(text: str, toks: list[Token]) -> list[tuple[int, int]]:
    """The per-token walk the bisection replaced: cut before a token a line break
    precedes, and after a token that ends a sentence."""
    spans: list[tuple[int, int]] = []
    begin = 0
    for i, tok in enumerate(toks):
        if i > begin and "\n" in text[toks[i - 1].end : tok.start]:
            spans.append((begin, i))
            begin = i
        if tok.text in ".!?؟":
            spans.append((begin, i + 1))
            begin = i + 1
    if begin < len(toks):
        spans.append((begin, len(toks)))
    return spans


@given(_TEXT)
def test_tokens_are_the_regex_matches_with_their_folded_form(text: str) -> None:
    found = tokenize(text)
    assert found == _tokens_by_definition(text)
    assert all(type(t) is Token for t in found)


@given(_TEXT)
def test_columns_are_the_fields_of_the_regex_matches(text: str) -> None:
    defined = _tokens_by_definition(text)
    fields = [list(field) for field in zip(*defined, strict=True)] if defined else [[]] * 4
    assert columns(text) == Columns(*fields)


@given(_TEXT)
def test_sentences_cut_where_the_token_walk_cut(text: str) -> None:
    toks = tokenize(text)
    assert sentences(text, [t.start for t in toks]) == _sentences_by_definition(text, toks)


def test_the_folded_forms_kept_are_bounded(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(tokens._folded, "limit", 3)
    text = "أحمد وإبراهيم ومؤتمر الأمم المتحدة في القاهرة"
    for _ in range(3):
        assert tokenize(text) == _tokens_by_definition(text)
        assert len(tokens._folded) <= 3
