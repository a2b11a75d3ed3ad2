"""Organisation names the corpora tag consistently (data/organisations.txt), as a rule layer.

scripts/org_table.py writes the table from the ANERcorp training part and
WikiFANE Gold: names such as ارسنال، نوكيا، حزب الله that the tagger, reading
word by word, misses in a new sentence. The table is kept apart from the
gazetteer because the gazetteer's words are tagger features, and the shipped
model was trained without these.
"""

from __future__ import annotations

from functools import cache
from importlib.resources import files

from reader.kinds import Kind
from reader.nlp.clitics import with_clitics
from reader.nlp.document import Document, Span
from reader.nlp.gazetteer import PhraseStarts, phrase_heads

TABLE_NAME = "organisations.txt"
_GUILLEMET = frozenset("«")


@cache
def load() -> tuple[dict[tuple[str, ...], Kind], dict[str, tuple[int, ...]]]:
    """(phrase → ORG, first word → phrase lengths)."""
    text = files("reader.nlp").joinpath("data", TABLE_NAME).read_text("utf-8")
    phrases = {tuple(line.split()): Kind.ORG for line in text.splitlines() if line.strip()}
    return phrases, phrase_heads(phrases)


@cache
def _openers() -> frozenset[str]:
    """Every form a table phrase can start at, itself or without its clitic."""
    return with_clitics(load()[1])


@cache
def _starts() -> PhraseStarts:
    return PhraseStarts(load()[1])


class OrgTable(Document):
    def org_table_spans(self) -> list[Span]:
        phrases = load()[0]
        out: list[Span] = []
        after = 0  # where the last phrase found ends
        for i in self.where(self.distinct & _openers()):
            if i < after:
                continue
            hit = self.longest_at(i, _starts(), phrases)
            if hit and not self.adjective_listing(i, hit[0], Kind.ORG):
                length, cut, kind, names = hit
                out.append(Span(i, i + length, kind, cut, names))
                after = i + length
        return out

    def quoted_outlets(self) -> list[Span]:
        """«الشرق الأوسط»: a listed place alone between guillemets is a newspaper's or a
        channel's name, as a reporter quotes the outlet, not a place."""
        out: list[Span] = []
        words = self.words
        for i in self.where(_GUILLEMET):
            close = next((j for j in range(i + 2, min(i + 6, len(words))) if words[j] == "»"), 0)
            listed = self.gaz.lookup(tuple(words[i + 1 : close])) if close else None
            if listed and listed[0] == Kind.LOC:
                out.append(Span(i + 1, close, Kind.ORG, 0, tuple(words[i + 1 : close])))
        return out

    def adjective_listing(self, i: int, length: int, kind: Kind) -> bool:
        """A one-word listed organisation that is also an adjective (العربية, the channel)
        agreeing with the definite noun before it (الدول العربية، الإمارات العربية)."""
        if length != 1 or kind != Kind.ORG or i == 0:
            return False
        word, before = self.words[i], self.words[i - 1]
        return word.startswith("ال") and word.endswith(("ي", "يه")) and before.startswith("ال")
