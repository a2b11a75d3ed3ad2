"""Latin-script names inside Arabic text (Reuters, Goldman Sachs, IAEA) that no list holds."""

from __future__ import annotations

import re

from reader.kinds import Kind
from reader.nlp import triggers
from reader.nlp.document import Document, Span
from reader.nlp.normalize import fold

# Latin-script words inside Arabic text that join the name on either side (Bank of America).
_LATIN_JOINERS = frozenset({"of", "and", "&", "the", "for", "de", "-", "."})
_LATIN_MAX = 5
_CAPITAL = re.compile("[A-Z]")
_LATIN_ACRONYM = range(3, 7)
# Arabic cue words before an unlisted Latin-script name that make it an organisation.
_LATIN_ORG_CUES = frozenset(
    fold(w) for w in ("موقع", "منصة", "تطبيق", "مجلة", "شبكة", "علامة", "مجموعة", "خدمة")
)


class LatinRuns(Document):
    def latin_spans(self) -> list[Span]:
        """Unlisted Latin-script names inside Arabic text: runs of capitalised words.

        Only with evidence from the Arabic around them: an acronym (IAEA) next to an
        Arabic word, or a run after a cue (وكالة، شركة، موقع … an organisation; a
        person's title or a reporting verb, a person). Capitalised words alone are as
        often menu labels and credits (Find Us, Kremlin via REUTERS) as names.
        """
        out: list[Span] = []
        if _CAPITAL.search(self.text) is None:
            return out  # no capital, no run: most Arabic texts are passed over in one search
        texts = self.texts
        after = 0  # where the last run ends
        for i in [i for i, t in enumerate(texts) if _latin(t)]:
            if i < after:
                continue
            j = i + 1
            while j < len(texts) and j - i < _LATIN_MAX and self.same_line(j):
                text = texts[j]
                joins = text.lower() in _LATIN_JOINERS and j + 1 < len(texts)
                if joins and self.latin_word(j + 1) and self.same_line(j + 1):
                    j += 2
                elif self.latin_word(j) or text.isdigit():
                    j += 1
                else:
                    break
            kind = self.latin_kind(i, j)
            if kind:
                out.append(Span(i, j, kind, 0, tuple(self.words[i:j])))
            after = j
        return out

    def latin_word(self, i: int) -> bool:
        return _latin(self.texts[i])

    def same_line(self, i: int) -> bool:
        """Whether token i follows the token before it on the same line."""
        return i > 0 and "\n" not in self.text[self.ends[i - 1] : self.starts[i]]

    def arabic_at(self, i: int) -> bool:
        return 0 <= i < len(self.words) and self.words[i].isalpha() and not self.words[i].isascii()

    def latin_kind(self, first: int, last: int) -> Kind | None:
        """The kind of a Latin-script run from its shape and the Arabic word before it."""
        text = self.texts[first]
        beside = (self.same_line(first) and self.arabic_at(first - 1)) or (
            last < len(self.words) and self.same_line(last) and self.arabic_at(last)
        )
        if last - first == 1 and text.isupper() and len(text) in _LATIN_ACRONYM and beside:
            return Kind.ORG
        before = self.words[first - 1] if first and self.same_line(first) else ""
        cue = triggers.cue_family(before) if before else ""
        if cue == "org-heads" or before in _LATIN_ORG_CUES:
            return Kind.ORG
        bare_title = not any(f.startswith("ال") for f in (before, *self.stem_forms(before)))
        if cue == "titles" and bare_title:
            return Kind.ORG  # رئيس Goldman Sachs: a bare title is "head of" the name after it
        if cue in ("titles", "verbs"):
            return Kind.PER
        return None


def _latin(text: str) -> bool:
    """A capitalised Latin-script word of two letters or more (Reuters, IAEA)."""
    return text.isascii() and text[:1].isupper() and len(text) > 1
