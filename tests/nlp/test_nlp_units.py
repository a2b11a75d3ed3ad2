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
