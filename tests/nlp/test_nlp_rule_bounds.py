"""Where a cue-made name ends: not in the verb after it, the noun a title governs, or the
role or nationality before it."""

from __future__ import annotations

import pytest

from reader.nlp.extract import extract_entities


def _found(text: str) -> set[tuple[str, str]]:
    return {(m.text, str(m.kind)) for m in extract_entities(text)}


@pytest.mark.parametrize(
    ("text", "name"),
    [
        ("وحده الرئيس شيراك شذ عن هذه القاعدة", "شيراك"),
        ("وقال مدير مستشفى ناصر الطبي محمد زقوت إن الجرحى كثيرون", "محمد زقوت"),
        ("وحضر وزير الدولة لشؤون مجلس الوزراء وسعادة سعيد محمد الكندي", "سعيد محمد الكندي"),
        ("وسجل هدف الفوز للبرازيلي فريد الذي استغل خطأ الدفاع", "فريد"),
    ],
)
def test_person_after_a_title_without_the_words_around_it(text: str, name: str) -> None:
    persons = {t for t, kind in _found(text) if kind == "PER"}
    assert name in persons
    assert not any(name in p and p != name for p in persons), persons
