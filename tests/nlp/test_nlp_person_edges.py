"""Where a person starts: a given name or particle the tagger left out, a clitic cut that
would make a place of a given name, a title's object that is an organisation, and the
possessive titles (نظيره، مدربه) that announce a person."""

from __future__ import annotations

import pytest

from reader.nlp import extract, triggers
from reader.nlp.normalize import fold
from reader.nlp.tokens import tokenize


def _found(text: str) -> set[tuple[str, str]]:
    return {(m.text, str(m.kind)) for m in extract.extract_entities(text)}


def _tagged_as(monkeypatch: pytest.MonkeyPatch, text: str, labels: dict[str, str]) -> None:
    """Make the tagger read `text` with these labels (by token), O elsewhere: the rules
    are then tested on a reading the shipped model gives in some contexts, not all."""
    wanted = [labels.get(t.text, "O") for t in tokenize(text)]
    monkeypatch.setattr(extract, "_crf_labels", lambda _text, _tokens: wanted)


def test_a_given_name_is_no_clitic_and_place() -> None:
    found = _found("وأشادت الوزيرة خلال استقبالها للسفير كلاوس إيبرمان رئيس بعثة المفوضية")
    assert ("كلاوس إيبرمان", "PER") in found
    assert not {kind for _, kind in found} & {"LOC"}, found


def test_an_unseen_given_name_before_a_surname_joins_it() -> None:
    found = _found("تقدمه أوبرا مع أقرب صديقاتها جايلي كينغ ، وبرنامجا ثانيا")
    assert ("جايلي كينغ", "PER") in found
    assert ("كينغ", "PER") not in found


def test_a_particle_before_a_surname_found_again_is_part_of_it() -> None:
    text = (
        "وجه المهاجم الهولندي الدولي رود فان نيستلروي انتقادات حادة لمدرب منتخب هولندا "
        "ماركو فان باستن . وقال نيستلروي إن فان باستن لا يعتمد على القيمة الفنية"
    )
    persons = [t for t, kind in sorted(_found(text)) if kind == "PER"]
    assert "فان باستن" in persons
    assert "باستن" not in persons


def test_fan_opening_a_clause_is_the_conjunction(monkeypatch: pytest.MonkeyPatch) -> None:
    text = "وأصيب لوب في التجارب ، فإن لوب تعرض لإصابة في الكتف"
    _tagged_as(monkeypatch, text, {"لوب": "B-PER"})
    assert {t for t, kind in _found(text) if kind == "PER"} == {"لوب"}


def test_a_title_before_an_organisation_makes_no_person(monkeypatch: pytest.MonkeyPatch) -> None:
    text = "واورد سنو اسم زعيم تنظيم القاعدة أسامة بن لادن المسؤول عن الهجمات"
    labels = {"تنظيم": "B-ORG", "القاعدة": "I-ORG", "أسامة": "B-PER", "بن": "I-PER"}
    _tagged_as(monkeypatch, text, {**labels, "لادن": "I-PER"})
    found = _found(text)
    assert ("تنظيم القاعدة", "ORG") in found
    assert ("تنظيم", "PER") not in found


@pytest.mark.parametrize("cue", ["نظيره", "نظيرتها", "مدربه", "ونظيره", "قائدها", "زوجته"])
def test_a_possessed_title_announces_a_person(cue: str) -> None:
    assert triggers.cue_family(fold(cue)) == "titles"


@pytest.mark.parametrize(
    "word", ["كتابه", "نظير", "زوج", "منزله", "ها", "محافظة", "محافظه", "قائده"]
)
def test_other_words_are_no_title(word: str) -> None:
    assert triggers.cue_family(fold(word)) == ""


def test_a_counterpart_the_tagger_reads_as_an_organisation(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    text = "وزاد الضغوط على نظيره الروماني ترايان باسيسكو لعدم دعوته"
    _tagged_as(monkeypatch, text, {"ترايان": "B-ORG", "باسيسكو": "I-ORG"})
    assert ("ترايان باسيسكو", "PER") in _found(text)


def test_a_given_name_with_a_final_alif_is_no_adverb(monkeypatch: pytest.MonkeyPatch) -> None:
    text = "والثالث تقدمه الشاعرة مايا أنجيلو ضمن برامج أخرى"
    _tagged_as(monkeypatch, text, {"مايا": "B-PER", "أنجيلو": "I-PER"})
    assert ("مايا أنجيلو", "PER") in _found(text)


def test_a_lone_person_that_is_a_clitic_on_a_place_is_the_place(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    text = "لدعم قوات الاتحاد الأفريقي بدارفور تسلمها الدكتور لام أكول"
    _tagged_as(monkeypatch, text, {"بدارفور": "B-PER"})
    found = _found(text)
    assert ("دارفور", "LOC") in found
    assert not {t for t, kind in found if kind == "PER"}, found


def test_a_person_run_on_into_a_club_ends_before_it(monkeypatch: pytest.MonkeyPatch) -> None:
    text = "كتب : محمود صبري أبو تريكة أمل الأهلي أمام أسيك"
    words = ["محمود", "صبري", "أبو", "تريكة", "أمل", "الأهلي"]
    _tagged_as(monkeypatch, text, {w: ("I-PER" if i else "B-PER") for i, w in enumerate(words)})
    assert {t for t, kind in _found(text) if kind == "PER"} == {"محمود صبري أبو تريكة"}


def test_a_name_after_a_hospital_is_the_hospitals(monkeypatch: pytest.MonkeyPatch) -> None:
    text = "وأكد الطبيب علي موسى مدير مستشفى أبو يوسف النجار أن الفتاة استشهدت"
    labels = {"علي": "B-PER", "موسى": "I-PER", "أبو": "B-PER", "يوسف": "I-PER"}
    _tagged_as(monkeypatch, text, {**labels, "النجار": "I-PER"})
    assert {t for t, kind in _found(text) if kind == "PER"} == {"علي موسى"}


def test_a_lone_ali_is_not_found_again_as_the_preposition(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    text = "وقال الإمام علي إن الأمر صعب . واتفق المسلمون على فضله"
    _tagged_as(monkeypatch, text, {"علي": "B-PER"})
    assert {t for t, kind in _found(text) if kind == "PER"} == {"علي"}


def test_a_title_before_a_company_makes_no_person(monkeypatch: pytest.MonkeyPatch) -> None:
    text = "وقال المدير العام لشركة بترونت الهندية إن المشروع بدأ"
    _tagged_as(monkeypatch, text, {"لشركة": "B-PER"})
    assert not {t for t, kind in _found(text) if kind == "PER"}


@pytest.mark.parametrize(
    ("named", "again"),
    [("كيم جونغ أون", "كيم"), ("دونالد ترامب", "ترامب"), ("فلاديمير بوتين", "بوتين")],
)
def test_a_clitic_on_a_common_noun_is_no_given_name(named: str, again: str) -> None:
    text = (
        f"التقى الرئيس الروسي {named} في موسكو وزيرة الخارجية . "
        f"وأضاف المتحدث أيضا، إنه يرحب بمساعي {again} لتطبيع العلاقات مع الولايات المتحدة."
    )
    persons = {t for t, kind in _found(text) if kind == "PER"}
    assert not any(p.startswith("بمساعي") for p in persons), persons
