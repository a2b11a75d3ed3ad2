"""WikiFANE Gold (Alotaibi & Lee 2014) read as extra training text in ANERcorp's conventions.

WikiFANE Gold is about 500,000 tokens of Arabic Wikipedia hand-tagged with 50
fine-grained classes (CC BY-SA 3.0, like ANERcorp's CC BY-SA 4.0 it may train a
shipped model with attribution). Only scripts/train_ner.py reads it, by path; the
text never ships. Its sibling NewsFANE Gold is ANERcorp itself re-tagged, test
split included, and must never be read: this module refuses it.

Two things differ from ANERcorp and are undone here. The text is clitic-split
(و قال, عاصمة ها): a lone proclitic letter joins the next token and a pronoun
token the previous one, so words look as a reader's text gives them. And the
fine classes map onto ANERcorp's four by ANERcorp's own practice: peoples and
communities (العرب, المسلمين) and celestial bodies (الشمس) are not names there,
products, vehicles and weapons (ويندوز, بوينج) are MISC, facilities and
geopolitical regions are places.
"""

from __future__ import annotations

from pathlib import Path

from reader.nlp.corpus import Sentence
from reader.nlp.normalize import fold

_PER = (
    "Politician Religious_PER Artist Other_PER Scientist Police Athlete Businessperson Engineer "
    "Lawyer"
)
_ORG = (
    "Commercial Non-Governmental Government Educational Media Sports Religious_ORG "
    "Medical-Science Entertainment"
)
_LOC = (
    "Population-Center Nation State-or-Province Continent GPE-Cluster County-or-District "
    "Water-Body Land-Region-Natural Building-Grounds Path Airport Subarea-Facility Plant"
)
_MISC = (
    "Book Software Hardware Movie Sound Food Drug Air Water Land Projectile Nuclear Shooting "
    "Blunt Exploding Chemical Sharp Biological"
)
KINDS: dict[str, str] = {
    **dict.fromkeys(_PER.split(), "PER"),
    **dict.fromkeys(_ORG.split(), "ORG"),
    **dict.fromkeys(_LOC.split(), "LOC"),
    **dict.fromkeys(_MISC.split(), "MISC"),
}
_PROCLITICS = frozenset("وفلبكس")
_ENCLITICS = frozenset({"ه", "ها", "هم", "هما", "هن", "كم", "كن", "نا", "ني"})
_INVISIBLE = str.maketrans("", "", "\u200e\u200f\ufeff")


def _label(tag: str) -> str:
    prefix, _, fine = tag.partition("-")
    kind = KINDS.get(fine)
    return f"{prefix}-{kind}" if kind and prefix in ("B", "I") else "O"


def _join(prev: str, clitic: str) -> str:
    """A pronoun back on its host: the host's ة is ت before it (عاصمة ها → عاصمتها)."""
    return (prev[:-1] + "ت" if prev.endswith("ة") else prev) + clitic


def _rejoin(tokens: list[tuple[str, str]]) -> Sentence:
    out: list[tuple[str, str]] = []
    pending = ""
    for word, tag in tokens:
        if word in _PROCLITICS:
            pending += word
            continue
        if word in _ENCLITICS and out and not pending:
            host, host_tag = out[-1]
            out[-1] = (_join(host, word), host_tag)
            continue
        if pending == "ل" and word.startswith("ال"):
            word = word[1:]
        out.append((pending + word, tag))
        pending = ""
    if pending:
        out.append((pending, "O"))
    return [(fold(w), _label(t)) for w, t in out]


def _repair_bio(sent: Sentence) -> Sentence:
    """An I- that follows no entity of its kind opens one (a joined clitic can leave one)."""
    out: Sentence = []
    for word, tag in sent:
        if tag.startswith("I-") and (not out or out[-1][1][2:] != tag[2:]):
            tag = "B-" + tag[2:]
        out.append((word, tag))
    return out


def read_wikifane(path: Path) -> list[Sentence]:
    """Sentences of (folded token, ANERcorp-style tag) from WikiFANE_Gold_2014_500K.txt."""
    if "NewsFANE" in path.name:
        raise ValueError(f"{path.name} is ANERcorp re-tagged, test split included: never use it")
    sents: list[Sentence] = []
    current: list[tuple[str, str]] = []
    for line in path.read_text("utf-8").translate(_INVISIBLE).splitlines():
        parts = line.split("\t")
        if len(parts) < 2 or not parts[0].strip():
            if current:
                sents.append(_repair_bio(_rejoin(current)))
                current = []
            continue
        current.append((parts[0].strip(), parts[1].strip()))
    if current:
        sents.append(_repair_bio(_rejoin(current)))
    return sents
