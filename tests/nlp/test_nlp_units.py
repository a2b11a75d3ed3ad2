"""Clitic stripping, canonical choice and the `khabar entities` output shape."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from reader.cli import main
from reader.nlp.extract import extract_entities
from reader.nlp.resolve import choose_canonical


def test_clitic_is_stripped_only_before_a_known_name() -> None:
    text = "التقى الرئيس الروسي فلاديمير بوتين في بكين، وقال ببوتين إن لبوتين دورا."
    surfaces = [(m.text, m.kind) for m in extract_entities(text)]
    assert ("بكين", "LOC") in surfaces
    assert surfaces.count(("بوتين", "PER")) == 2


def test_bare_kim_links_to_the_latest_full_kim() -> None:
    text = "التقى كيم جونغ إيل نظيره. ثم قال الزعيم كيم جونغ أون إن كيم مستعد."
    mentions = extract_entities(text)
    bare = next(m for m in mentions if m.text == "كيم")
    full = next(m for m in mentions if m.text == "كيم جونغ أون")
    assert bare.key == full.key


def test_wa_joined_second_person_is_split_off() -> None:
    text = "اغاسي يتحدى الزمن وفيدرر وهينان يواصلان التقدم"
    surfaces = [(m.text, m.kind) for m in extract_entities(text)]
    assert ("هينان", "PER") in surfaces
    assert not any("فيدرر" in text and "هينان" in text for text, _ in surfaces)


def test_person_runs_on_over_a_walad_chain() -> None:
    text = "وشارك في المؤتمر أحمد ولد عبد الله ولد محمد في نواكشوط"
    persons = [m.text for m in extract_entities(text) if m.kind == "PER"]
    assert persons == ["أحمد ولد عبد الله ولد محمد"]


def test_full_form_beats_frequent_surname() -> None:
    assert choose_canonical({"بوتين": 9, "فلاديمير بوتين": 2, "فلاديمير بوتن": 1}) == (
        "فلاديمير بوتين"
    )


def test_entities_command_prints_offsets_into_the_input(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    text = "قال وزير الخارجية الأمريكي مايك بومبيو إن بومبو سيزور بيونغ يانغ."
    path = tmp_path / "in.jsonl"
    path.write_text(json.dumps({"id": 7, "text": text}, ensure_ascii=False) + "\n", "utf-8")
    assert main(["entities", "--jsonl", str(path)]) == 0
    record = json.loads(capsys.readouterr().out)
    assert record["id"] == 7
    for ent in record["entities"]:
        assert text[ent["start"] : ent["end"]] == ent["text"]
    pompeo = {e["canonical"] for e in record["entities"] if e["text"] in ("بومبيو", "بومبو")}
    assert pompeo == {"مايك بومبيو"}
