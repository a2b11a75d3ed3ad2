"""Ordinary words a reader saw as names in the entities pane stay out of it."""

from __future__ import annotations

import pytest

from reader.nlp.extract import extract_entities


@pytest.mark.parametrize(
    ("text", "word"),
    [
        ("وكان بوتين قد أكد للزعيم الكوري سابقاً أن روسيا تريد الدعم", "سابقاً"),
        ("وكان الناطق دميتري بيسكوف قد كشف مسبقا أن المحادثات مستمرة", "مسبقا"),
        ("وقال الرئيس رسميا إن المحادثات مستمرة", "رسميا"),
        ("والتقى بوتين بكيم في جزيرة قبالة مدينة فلاديفوستوك الروسية", "قبالة"),
        ("وشهدت العلاقات بين البلدين توتراً خلال الفترة الماضية", "توتراً"),
        ("نقلا عن إليزابيث إيكونومي، رئيسة قسم البحوث الآسيوية", "قسم"),
    ],
)
def test_ordinary_word_is_no_entity(text: str, word: str) -> None:
    assert all(word not in m.text for m in extract_entities(text))


def test_trigger_person_runs_on_to_the_tagged_name() -> None:
    text = "وقال وزير الخارجية السوري وليد المعلم إن المحادثات مستمرة"
    assert "وليد المعلم" in {m.text for m in extract_entities(text) if m.kind == "PER"}
