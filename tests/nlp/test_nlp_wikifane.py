"""WikiFANE Gold read in ANERcorp's conventions: clitics joined back, fine classes mapped."""

from __future__ import annotations

from pathlib import Path

import pytest

from reader.nlp.wikifane import read_wikifane

SAMPLE = "\n".join(
    [
        "\ufeff\u200eجمهورية\tB-Nation",
        "\u200eجنوب\tI-Nation",
        "\u200eالسودان\tI-Nation",
        "\u200eو\tO",
        "\u200eتعتبر\tO",
        "\u200eجوبا\tB-Population-Center",
        "\u200eعاصمة\tO",
        "\u200eها\tO",
        "\u200eو\tO",
        "\u200eقال\tO",
        "\u200eالعرب\tB-Group",
        "\u200eل\tO",
        "\u200eالرئيس\tO",
        "\u200eعمر\tB-Politician",
        "\u200eالبشير\tI-Politician",
        "\u200eعبر\tO",
        "\u200eويندوز\tB-Software",
        "\u200eفي\tO",
        "\u200eالشمس\tB-Celestial",
        "\t",
        "\u200eنادي\tB-Sports",
        "\u200eالهلال\tI-Sports",
        "",
    ]
)


def test_sentences_come_back_in_anercorp_form(tmp_path: Path) -> None:
    path = tmp_path / "WikiFANE_Gold_2014_500K.txt"
    path.write_text(SAMPLE, "utf-8")
    first, second = read_wikifane(path)
    assert first == [
        ("جمهوريه", "B-LOC"),
        ("جنوب", "I-LOC"),
        ("السودان", "I-LOC"),
        ("وتعتبر", "O"),
        ("جوبا", "B-LOC"),
        ("عاصمتها", "O"),
        ("وقال", "O"),
        ("العرب", "O"),
        ("للرييس", "O"),
        ("عمر", "B-PER"),
        ("البشير", "I-PER"),
        ("عبر", "O"),
        ("ويندوز", "B-MISC"),
        ("في", "O"),
        ("الشمس", "O"),
    ]
    assert second == [("نادي", "B-ORG"), ("الهلال", "I-ORG")]


def test_newsfane_is_refused(tmp_path: Path) -> None:
    path = tmp_path / "NewsFANE_Gold_2014_170K.txt"
    path.write_text(SAMPLE, "utf-8")
    with pytest.raises(ValueError, match="ANERcorp"):
        read_wikifane(path)
