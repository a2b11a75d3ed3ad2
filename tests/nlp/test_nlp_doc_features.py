"""Document flags: what the rest of a text says about a word form reaches its every token."""

from __future__ import annotations

from hypothesis import given, settings
from hypothesis import strategies as st

from reader.nlp.corpus import documents
from reader.nlp.doc_features import document_features
from reader.nlp.normalize import fold


def _doc(*sentences: str) -> list[list[str]]:
    return [[fold(w) for w in s.split()] for s in sentences]


def _flags(doc: list[list[str]], sentence: int, word: str) -> list[str]:
    return document_features(doc)[sentence][doc[sentence].index(fold(word))]


def test_a_name_after_a_title_is_flagged_where_it_stands_bare() -> None:
    doc = _doc(
        "قال وزير الخارجية الروسي سيرغي لافروف إن الاتفاق جيد .",
        "وأكد ولافروف أن الوفد سيصل غدا",
    )
    assert "dT" in _flags(doc, 1, "ولافروف")
    assert "dR" in _flags(doc, 1, "ولافروف")  # the same name twice, once with a clitic
    assert "dT" not in _flags(doc, 0, "الخارجية")  # a filler between title and name
    assert "+1dT" in _flags(doc, 1, "وأكد")


def test_a_form_the_text_also_writes_with_the_article_is_flagged() -> None:
    doc = _doc("زار مدينة كبيرة", "وصل إلى المدينة الكبيرة")
    assert "dA" in _flags(doc, 0, "مدينة")
    assert "dA" not in _flags(doc, 1, "وصل")


def test_a_title_in_another_sentence_does_not_reach_across_the_cut() -> None:
    doc = _doc("قال الرئيس", "بوتين وصل")
    assert "dT" not in _flags(doc, 1, "بوتين")


def test_pseudo_articles_open_at_sentences_that_do_not_continue_one() -> None:
    sents = [[("قال", "O")], [("وأضاف", "O")], [("كما", "O")], [("أعلنت", "O")]]
    assert [len(d) for d in documents(sents)] == [3, 1]


_WORDS = ["الرئيس", "قال", "بوتين", "وبوتين", "الروسي", "مدينة", "المدينة", "سيرغي", "لافروف"]


@settings(max_examples=80, deadline=None)
@given(st.lists(st.lists(st.sampled_from(_WORDS), max_size=8), max_size=5))
def test_one_form_gets_the_same_own_flags_everywhere_in_a_text(doc: list[list[str]]) -> None:
    doc = [[fold(w) for w in s] for s in doc]
    own: dict[str, list[str]] = {}
    for words, rows in zip(doc, document_features(doc), strict=True):
        assert len(rows) == len(words)
        for word, flags in zip(words, rows, strict=True):
            mine = [f for f in flags if not f.startswith(("-1", "+1"))]
            assert own.setdefault(word, mine) == mine
