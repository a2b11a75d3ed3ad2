"""Organisations the rule layers add: consistently tagged names, and names after a head."""

from __future__ import annotations

import pytest

from reader.nlp import org_table
from reader.nlp.extract import extract_entities


def _orgs(text: str, off: frozenset[str] = frozenset()) -> set[str]:
    return {m.text for m in extract_entities(text, off) if m.kind == "ORG"}


def test_table_is_folded_and_has_no_ordinary_one_word_name() -> None:
    phrases, heads = org_table.load()
    assert len(phrases) > 100
    assert ("نوكيا",) in phrases
    assert ("الاتحاد",) not in phrases
    assert all(phrase[0] in heads for phrase in phrases)


def test_listed_organisation_needs_no_cue() -> None:
    text = "وقال مصدر إن الموساد يدرس الأمر منذ أسابيع"
    assert "الموساد" in _orgs(text)
    assert "الموساد" not in _orgs(text, frozenset({"org-table"}))


@pytest.mark.parametrize(
    ("text", "name"),
    [
        ("وقالت شركة غازبروم إن الإمدادات مستمرة", "غازبروم"),
        ("ونشرت صحيفة هآرتس تقريرا عن المفاوضات", "هآرتس"),
        ("وبثت قناة فوكس المقابلة كاملة", "فوكس"),
    ],
)
def test_head_stays_outside_the_name_it_introduces(text: str, name: str) -> None:
    assert name in _orgs(text)
    assert all(not found.startswith(("شركة", "صحيفة", "قناة")) for found in _orgs(text))


def test_head_before_an_ordinary_phrase_opens_no_organisation() -> None:
    assert not _orgs("وقالت شركة النفط الروسية المتعثرة إنها ستبيع أصولها")


def test_listed_place_alone_in_guillemets_is_the_outlet() -> None:
    text = "وقال مسؤول لـ«الشرق الأوسط» إن المحادثات في الشرق الأوسط متعثرة"
    found = {(m.text, str(m.kind), m.start) for m in extract_entities(text)}
    kinds = {kind for name, kind, _ in found if name == "الشرق الأوسط"}
    assert kinds == {"ORG", "LOC"}
    assert "الشرق الأوسط" not in _orgs(text, frozenset({"quoted"}))


def test_listed_head_and_name_give_the_name() -> None:
    orgs = _orgs("وقالت حركة حماس لوكالة فرانس برس إن الهدنة صامدة")
    assert {"حماس", "فرانس برس"} <= orgs
    assert not any(o.startswith(("حركة", "وكالة", "لوكالة")) for o in orgs)
    assert "وكالة الأنباء المركزية الكورية" in _orgs("ونقلت وكالة الأنباء المركزية الكورية")
