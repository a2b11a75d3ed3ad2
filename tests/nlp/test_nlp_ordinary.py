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


@pytest.mark.parametrize(
    ("text", "word"),
    [
        ("وعقدت الدول العربية اجتماعا في القاهرة", "العربية"),
        ("وحل الفريق في المركز الثالث في الدوري", "المركز الثالث"),
        ("وقال رئيس مجلس الإدارة إن الأرباح ارتفعت", "مجلس الإدارة"),
        ("وطالب الأكراد بحكم ذاتي في الشمال", "الأكراد"),
        ("واجتمع الفلسطينيين في الساحة", "الفلسطينيين"),
    ],
)
def test_ordinary_phrase_is_no_organisation(text: str, word: str) -> None:
    assert all(m.text != word for m in extract_entities(text) if m.kind == "ORG")


def test_channel_name_still_found_on_its_own() -> None:
    mentions = extract_entities("وقالت العربية إن الاجتماع تأجل")
    assert ("العربية", "ORG") in {(m.text, m.kind) for m in mentions}


def test_club_after_team_cue_is_an_organisation() -> None:
    mentions = extract_entities("وفاز فريق ميلان الإيطالي على ضيفه")
    assert ("ميلان", "ORG") in {(m.text, m.kind) for m in mentions}
    assert all(m.kind != "ORG" for m in extract_entities("ويضم فريق العمل خبراء مستقلين"))
