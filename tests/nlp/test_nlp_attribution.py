"""Quotes and roles around a person's mentions (issue 14, item 1), on small texts."""

from __future__ import annotations

from hypothesis import given
from hypothesis import strategies as st

from reader.nlp.attribution import quotes, role_before, sentence_spans


def _spans(text: str, name: str) -> list[tuple[int, int]]:
    out = []
    start = text.find(name)
    while start != -1:
        out.append((start, start + len(name)))
        start = text.find(name, start + 1)
    return out


def test_role_is_the_title_run_before_the_name() -> None:
    text = "قال الرئيس الروسي، فلاديمير بوتين، إن الزيارة مهمة."
    assert role_before(text, text.index("فلاديمير")) == "الرئيس الروسي"
    text = "وأعلن وزير الخارجية الأمريكي مايك بومبيو أمس."
    assert role_before(text, text.index("مايك")) == "وزير الخارجية الأمريكي"
    text = "والرئيس الروسي بوتين"
    assert role_before(text, text.index("بوتين")) == "الرئيس الروسي"
    text = "التقى كيم مع بوتين"
    assert role_before(text, text.index("بوتين")) is None


def test_quoted_words_are_the_quote_and_wa_adafa_carries_on() -> None:
    text = (
        "وقال بوتين للصحفيين «نحن مستعدون للحوار. هذا واضح».\n"
        "وأضاف: “لا بديل عن الحل السلمي”.\n"
        "وأضاف ترامب أن الاتفاق قريب.\n"
        "وأضاف أن الطقس جميل."
    )
    own = _spans(text, "بوتين")
    others = _spans(text, "ترامب")
    said = [q.text for q in quotes(text, own, others)]
    assert said == ["نحن مستعدون للحوار. هذا واضح", "لا بديل عن الحل السلمي"]
    for quote in quotes(text, own, others):
        assert text[quote.start : quote.end] == quote.text


def test_reported_speech_is_its_sentence_and_a_mention_alone_says_nothing() -> None:
    text = "وكان بوتين قد أكد أن روسيا تريد السلام. والتقى كيم بوتين في المدينة."
    said = quotes(text, _spans(text, "بوتين"))
    assert [q.text for q in said] == ["وكان بوتين قد أكد أن روسيا تريد السلام."]


def test_sentences_do_not_break_inside_quotation_marks() -> None:
    text = 'قال "أ. ب. ج" ثم مضى. وانتهى'
    assert [text[s:e] for s, e in sentence_spans(text)] == ['قال "أ. ب. ج" ثم مضى.', "وانتهى"]


@given(st.text(alphabet='قال بوتين«»“”"،.\nوأضاف إن ', max_size=200))
def test_never_raises_and_stays_in_bounds(text: str) -> None:
    own = _spans(text, "بوتين")
    for quote in quotes(text, own):
        assert 0 <= quote.start <= quote.end <= len(text)
    for start, _ in own:
        role_before(text, start)
