"""Latin-script names inside Arabic text are found and typed (issue 10, item 4)."""

from __future__ import annotations

import pytest

from reader.nlp.extract import extract_entities


@pytest.mark.parametrize(
    ("text", "name", "kind"),
    [
        ("وقالت وكالة Reuters إن المحادثات انتهت دون اتفاق", "Reuters", "ORG"),
        ("أعلنت شركة Google أنها ستفتح مكتبا في دبي", "Google", "ORG"),
        ("وعقد حلف NATO اجتماعا طارئا في بروكسل", "NATO", "ORG"),
        ("ونشر موقع Axios تقريرا عن الزيارة", "Axios", "ORG"),
        ("وقال رئيس Goldman Sachs إن الأسواق هادئة", "Goldman Sachs", "ORG"),
        ("وحذرت منظمة IAEA من نقص المعلومات", "IAEA", "ORG"),
        ("وقال الرئيس Emmanuel Macron إن فرنسا مستعدة", "Emmanuel Macron", "PER"),
    ],
)
def test_latin_name_in_arabic_sentence(text: str, name: str, kind: str) -> None:
    assert (name, kind) in {(m.text, m.kind) for m in extract_entities(text)}


def test_latin_spelling_is_the_listed_entity() -> None:
    arabic = next(m for m in extract_entities("ونقلت رويترز عن مصدر") if m.kind == "ORG")
    latin = next(m for m in extract_entities("ونقلت Reuters عن مصدر") if m.kind == "ORG")
    assert arabic.key == latin.key


def test_english_text_and_lower_case_words_are_not_names() -> None:
    assert extract_entities("the reuters report on google and nato was read") == []
    assert extract_entities("Breaking news from the wire") == []
