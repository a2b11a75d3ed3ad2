"""Where a name starts and ends: the repairs applied to the spans the layers propose.

The tagger runs a person on into a title or a و-joined noun, splits one name in
two, or glues two و-joined persons together; ولد/بن chains run a name on.
"""

from __future__ import annotations

from reader.kinds import Kind
from reader.nlp import lexicon
from reader.nlp.clitics import stems
from reader.nlp.document import COMPOUND_HEADS, Document, Span
from reader.nlp.features import bands, corpus_names, first_names, ordinary_word
from reader.nlp.sport import NATIONALITIES

_CHAIN_LINKS = frozenset({"ولد", "بن", "ابن", "بنت"})
# Openings of Arabic Form X verbs and participles (استعد، يستعد، مستعد، مستشفى).
_FORM_TEN = ("مست", "يست", "تست", "است")
_FORM_TEN_MIN = 5
# Letters a noun is joined by after a name: و (…وجماهير), and the prepositions ل/ب
# (كيم لتطبيع العلاقات، …بحضور): an ordinary word after them is no part of the name.
_JOINED = ("و", "ل", "ب")
_MIN_JOINED = 3
_PLACE_OR_ORG = ("kORG", "kLOC")
# A clitic's rest this common (a band of wordfreq's list) is an ordinary word (بمساعي).
_COMMON_STEM_BAND = 6


def _title_pair(word: str) -> bool:
    """The dual or plural of a title (الزعيمان، الرئيسين، الوزيران): the people so titled."""
    return word.endswith(("ان", "ين")) and word[:-2] in lexicon.TITLES


class Boundaries(Document):
    def trimmed(self, first: int, last: int, kind: Kind) -> tuple[int, int]:
        """A person's or organisation's span without the ordinary words at its edges.

        The tagger runs a person on into a title (وسمو), a و-joined noun after the
        name (… وجماهير) or a noun and the club or place it governs (أمل الأهلي), and
        takes a people's plural (الأكراد) for an organisation.
        """
        if kind == Kind.ORG and last - first == 1:
            word = self.words[first]
            plural = word.startswith("ال") and word.endswith(("يين", "يون"))
            if plural or word in lexicon.PEOPLES:
                return first, first
        if kind != Kind.PER:
            return first, last
        while first < last and (
            self.edge_word(first, last - first == 1) or self.common_noun(first, last)
        ):
            first += 1
        while last > first + 1 and self.edge_word(last - 1, True):
            last -= 1
        if last - first > 2 and corpus_names().get(self.words[last - 1], "") in _PLACE_OR_ORG:
            last -= 1  # … أبو تريكة أمل الأهلي: the club and the noun that governs it go
            while last > first + 1 and ordinary_word(self.words[last - 1]):
                last -= 1
        return first, last

    def in_longer_name(self, first: int, last: int) -> bool:
        """A cue's person whose words open an organisation or place the tagger reads on past
        them (زعيم تنظيم القاعدة), or that opens with a head (المدير العام لشركة بترونت):
        the title's object, not a name."""
        heads = lexicon.ORG_HEADS | lexicon.PLACE_CUES
        if any(stem in heads for stem in self.stem_forms(self.words[first])):
            return True
        label = self.labels[first]
        if label == "O" or label.endswith(Kind.PER):
            return False
        return last < len(self.labels) and self.labels[last] == "I-" + label[2:]

    def given_before(self, i: int) -> bool:
        """A word the tagger left out just before a person that no frequency list holds: an
        unseen foreign given name (جايلي كينغ). Nor may a clitic's rest be common: بمساعي
        is ب + مساعي, a common noun before the name, not a name of its own."""
        word, table = self.words[i], bands()
        if self.labels[i] != "O" or word in table or not self.namelike(i):
            return False
        return not any(table.get(stem, 0) >= _COMMON_STEM_BAND for _, stem in stems(word))

    def opened(self, first: int, taken: list[bool]) -> int:
        """A person's start moved back over a given name or particle the tagger left out."""
        if first and not taken[first - 1] and self.given_before(first - 1):
            first -= 1
        if first and self.particle_before(first - 1, taken):
            first -= 1
        return first

    def particle_before(self, i: int, taken: list[bool]) -> bool:
        """فان باستن: a particle just before a person is part of the name, unless it opens a
        clause, where فان is فإن (، فإن لوب تعرض)."""
        if taken[i] or self.words[i] not in lexicon.NAME_PARTICLES:
            return False
        return i > 0 and self.words[i - 1].isalpha()

    def with_particle(self, span: Span, taken: list[bool]) -> Span:
        """A surname found again, with the particle before it (فان باستن)."""
        at = span.first - 1
        if at < 0 or not self.particle_before(at, taken):
            return span
        taken[at] = True
        return span._replace(first=at, names=(self.words[at], *span.names))

    def stem_kind(self, word: str) -> Kind | None:
        """The kind of a lone "person" that is a clitic on a place or organisation the corpus
        tags as one (بدارفور، بالأهلي), while the word itself is no known name."""
        corpus = corpus_names()
        if word in corpus or self.per_known(word):
            return None
        for _, stem in stems(word):
            flag = corpus.get(stem, "")
            if flag in _PLACE_OR_ORG:
                return Kind(flag[1:])
        return None

    @staticmethod
    def glued_person(word: str) -> bool:
        """A word that is itself a given name or a corpus person: a clitic cut that makes a
        listed place of its tail (كلاوس → ك + لاوس) misreads it."""
        return word in first_names() or corpus_names().get(word, "") == "kPER"

    def after_facility(self, first: int) -> bool:
        """A name right after مستشفى / ملعب / شارع names the place (مستشفى أبو يوسف النجار)."""
        if not first:
            return False
        word = self.words[first - 1]
        return word in lexicon.FACILITY_HEADS or any(
            stem in lexicon.FACILITY_HEADS for stem in self.stem_forms(word)
        )

    def common_noun(self, first: int, last: int) -> bool:
        """An ordinary noun the tagger left out opening a longer cue-made person: the
        title's object, not the name (مدير مستشفى أبو يوسف النجار)."""
        word = self.words[first]
        return (
            last - first > 1
            and self.labels[first] == "O"
            and not self.per_known(word)
            and word not in first_names()
            and ordinary_word(word)
        )

    def edge_word(self, i: int, joined_noun: bool) -> bool:
        """A title or function word at a person's edge; with `joined_noun`, also a و-joined
        ordinary noun (…وجماهير), which as the first of several words is a given name
        after و (وكريم بنزيمة) and stays."""
        word = self.words[i]
        if self.per_known(word) or corpus_names().get(word, "").endswith(Kind.PER):
            return False
        forms = [word, *(stem for _, stem in stems(word))]
        if any(
            f in lexicon.TITLES
            or f in lexicon.NON_NAME
            or f in lexicon.HONORIFICS
            or f in NATIONALITIES
            or _title_pair(f)
            for f in forms
        ):
            return True
        if not joined_noun or word in first_names():
            return False
        if word.startswith(_FORM_TEN) and len(word) >= _FORM_TEN_MIN:
            return True  # كيم مستعد: a Form X participle or verb (مستعد، يستعد) is no name
        stem = word[1:]
        if not word.startswith(_JOINED) or len(stem) < _MIN_JOINED or stem in first_names():
            return False
        return stem in self.common or ordinary_word(stem)

    def repaired(self, accepted: list[Span]) -> list[Span]:
        """Persons' bounds mended: split where a second, و-joined person starts, and run on
        over ولد/بن chains (محمد سالم ولد با، سعيد ولد محمد الشيخ), which end at a lone name or
        join the next person."""
        out = [part for span in sorted(accepted) for part in self.split_coordinated(span)]
        out = [self.coordinated_clitic(out[k - 1] if k else None, s) for k, s in enumerate(out)]
        merged: list[Span] = []
        k = 0
        while k < len(out):
            span = out[k]
            k += 1
            last = span.last
            while span.kind == Kind.PER and last + 1 < len(self.words):
                if self.words[last] not in _CHAIN_LINKS:
                    break
                if k < len(out) and out[k].first == last + 1 and out[k].kind == Kind.PER:
                    last = out[k].last
                    k += 1
                elif (k == len(out) or out[k].first > last + 1) and self.chain_name(last + 1):
                    last += 2
                else:
                    break
            if last != span.last:
                names = (*span.names, *self.words[span.last : last])
                span = Span(span.first, last, Kind.PER, span.cut, names)
            merged.append(span)
        return merged

    def rejoined(self, spans: list[Span]) -> list[Span]:
        """«عبد العزيز» «بوتفليقة»: two persons side by side whose words together are a
        full name found elsewhere in the text are that name, split by the tagger."""
        fulls = {s.names for s in spans if s.kind == Kind.PER and len(s.names) > 1}
        out: list[Span] = []
        for span in spans:
            before = out[-1] if out else None
            if (
                before is not None
                and before.kind == span.kind == Kind.PER
                and before.last == span.first
                and (*before.names, *span.names) in fulls
            ):
                out[-1] = before._replace(last=span.last, names=(*before.names, *span.names))
            else:
                out.append(span)
        return out

    def coordinated_clitic(self, before: Span | None, span: Span) -> Span:
        """«فيدرر وهينان»: a person right after another person, opening with و, is the
        second of two joined by و, not a name that starts with the letter."""
        word = self.words[span.first]
        coordinated = (
            before is not None
            and before.kind == span.kind == Kind.PER
            and before.last == span.first
            and span.cut == 0
        )
        if not coordinated or not word.startswith("و") or len(word) < 4 or self.per_known(word):
            return span
        return span._replace(cut=1, names=(word[1:], *span.names[1:]))

    def chain_name(self, i: int) -> bool:
        """A word that can be the name after ولد/بن: not a frequent or adverbial word."""
        word = self.words[i]
        return word.isalpha() and len(word) > 1 and word not in self.common and not self.ordinary(i)

    def split_coordinated(self, span: Span) -> list[Span]:
        """«وفيدرر وهينان»: inside a person, a و-prefixed word that is no name itself but
        whose stem is a known person's name starts another person."""
        if span.kind != Kind.PER:
            return [span]
        corpus = corpus_names()
        for i in range(span.first + 1, span.last):
            word = self.words[i]
            if not word.startswith("و") or len(word) < 4 or self.per_known(word):
                continue
            if corpus.get(word, "").endswith(Kind.PER) or self.words[i - 1] in COMPOUND_HEADS:
                continue
            if not (self.per_known(word[1:]) or corpus.get(word[1:], "").endswith(Kind.PER)):
                continue
            head = span.names[: i - span.first]
            rest = Span(i, span.last, Kind.PER, 1, (word[1:], *self.words[i + 1 : span.last]))
            return [Span(span.first, i, Kind.PER, span.cut, head), *self.split_coordinated(rest)]
        return [span]
