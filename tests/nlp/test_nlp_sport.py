"""Clubs named by their city or an unlisted word are organisations in match reports only."""

from __future__ import annotations

import pytest

from reader.nlp.extract import extract_entities


def _found(text: str) -> set[tuple[str, str]]:
    return {(m.text, str(m.kind)) for m in extract_entities(text)}


@pytest.mark.parametrize(
    ("text", "club"),
    [
        ("وتعادل ليون الفرنسي مع ضيفه في مباراة مثيرة", "ليون"),
        ("وفاز ضيفه بورتو البرتغالي بهدفين في دوري الأبطال", "بورتو"),
        ("وسحق دينامو كييف منافسه في المباراة الأولى", "دينامو كييف"),
        ("المجموعة الثالثة : بنفيكا ( البرتغال ) - سلتيك ( اسكتلندا )", "سلتيك"),
        ("وسجل المهاجم هدفين لفريق اتحاد طنجة في الدوري", "اتحاد طنجة"),
        ("وتغلب ارسنال الإنكليزي على منافسه في الشوط الثاني", "ارسنال"),
    ],
)
def test_club_in_a_match_report(text: str, club: str) -> None:
    assert (club, "ORG") in _found(text)


@pytest.mark.parametrize(
    ("text", "place"),
    [
        ("وزار الرئيس مدينة ليون الفرنسية أمس", "ليون"),
        ("ووصل الوفد إلى كييف حيث التقى الرئيس الأوكراني", "كييف"),
        ("وتراجع سعر صرف الريال أمام الدولار في لشبونة", "لشبونة"),
    ],
)
def test_city_outside_sport_stays_a_place(text: str, place: str) -> None:
    found = _found(text)
    assert (place, "LOC") in found
    assert all(kind != "ORG" for _, kind in found)


def test_clitic_cut_spares_a_name_whose_first_letter_is_its_own() -> None:
    """ليون is a name as it stands; ل+يون would key it to another."""
    assert ("ليون", "LOC") in _found("وزار الرئيس مدينة ليون الفرنسية أمس")
    assert ("بوتين", "PER") in _found("وقال لبوتين الرئيس إن المحادثات مستمرة")
