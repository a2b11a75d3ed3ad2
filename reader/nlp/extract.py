"""Entity extraction: gazetteer, trigger patterns and CRF merged by precedence, then
document-level propagation and linking, then cross-article keys.

Precedence is gazetteer > triggers > CRF: a listed name is the most reliable
evidence, a cue word the next, the statistical tagger fills in the rest. Once
a name is recognised anywhere in the text, its other occurrences (a bare
surname included) are mentions too, and a bare بوتين or كيم carries the key of
the full name it refers to.
"""

from __future__ import annotations

from bisect import bisect_left, bisect_right
from collections.abc import Mapping
from dataclasses import dataclass
from functools import lru_cache
from typing import NamedTuple, TypeVar

from reader.nlp import gazetteer, lexicon, tagger, triggers
from reader.nlp.clitics import stems
from reader.nlp.features import common_words, corpus_names, first_names, ordinary_word
from reader.nlp.gazetteer import phrase_heads
from reader.nlp.normalize import fold
from reader.nlp.tokens import Token, sentences, tokenize

_PRONOUN_ENDINGS = ("هما", "هم", "ها", "كم", "نا")
_MIN_BARE = 3
_TANWEEN = ("\u064b", "\u064c", "\u064d")
# عبد الله، أبو الغيط: the article-prefixed word after these belongs to the name.
_COMPOUND_HEADS = frozenset({"عبد", "ابو", "بن", "ابن"})
_CHAIN_LINKS = frozenset({"ولد", "بن", "ابن", "بنت"})
_V = TypeVar("_V")
# Layers that can be switched off one at a time, to measure what each earns
# (bench/ner_eval.py): the trigger families, then the other rule layers.
LAYERS = (
    *triggers.FAMILIES, "gazetteer", "latin", "brackets", "trim", "repair", "propagation",
    "clitic",
)  # fmt: skip
# Latin-script words inside Arabic text that join the name on either side (Bank of America).
_LATIN_JOINERS = frozenset({"of", "and", "&", "the", "for", "de", "-", "."})
_LATIN_MAX = 5
# Openings of Arabic Form X verbs and participles (استعد، يستعد، مستعد، مستشفى).
_FORM_TEN = ("مست", "يست", "تست", "است")
_FORM_TEN_MIN = 5
_LATIN_ACRONYM = range(3, 7)
# Arabic cue words before an unlisted Latin-script name that make it an organisation.
_LATIN_ORG_CUES = frozenset(
    fold(w) for w in ("موقع", "منصة", "تطبيق", "مجلة", "شبكة", "علامة", "مجموعة", "خدمة")
)


@dataclass(frozen=True)
class Mention:
    start: int
    end: int
    text: str
    kind: str
    key: str


class _Span(NamedTuple):
    first: int
    last: int
    kind: str
    cut: int  # clitic letters to drop from the first token
    names: tuple[str, ...]  # folded tokens of the name, clitic removed


def _crf_labels(text: str, tokens: list[Token]) -> list[str]:
    """Every sentence's labels, the document's sentences tagged in one batch."""
    words = [t.folded for t in tokens]
    spans = sentences(text, tokens)
    return [label for s in tagger.tag_sentences([words[b:e] for b, e in spans]) for label in s]


@lru_cache(maxsize=200_000)
def _may_open_listed(word: str) -> bool:
    """Whether a gazetteer phrase can start at this word, itself or without its clitic."""
    heads = gazetteer.load().head_lengths
    return word in heads or any(stem in heads for _, stem in stems(word))


def _bio_spans(labels: list[str]) -> list[tuple[int, int, str]]:
    out: list[tuple[int, int, str]] = []
    start, kind = -1, ""
    for i, label in enumerate([*labels, "O"]):
        prefix, _, this = label.partition("-")
        if kind and (prefix != "I" or this != kind):
            out.append((start, i, kind))
            kind = ""
        if prefix == "B" or (prefix == "I" and not kind):
            start, kind = i, this
    return out


class _Doc:
    def __init__(self, text: str, off: frozenset[str] = frozenset()) -> None:
        self.text = text
        self.off = off
        self.tokens = tokenize(text)
        self.words = [t.folded for t in self.tokens]
        self.labels = _crf_labels(text, self.tokens) if self.tokens else []
        self.gaz = gazetteer.load()
        self.common = common_words()

    def known(self, word: str) -> bool:
        return word in self.gaz.token_kinds or word in self.gaz.first_names

    def per_known(self, word: str) -> bool:
        return "PER" in self.gaz.token_kinds.get(word, ()) or word in self.gaz.first_names

    def ordinary(self, i: int) -> bool:
        """A word that cannot be a name whatever the tagger or a cue says.

        Names take no tanween (سابقاً، توتراً), closed-class adverbs and
        prepositions (قبالة، أمام) are never names, and an unlisted word that is
        a frequent word plus the accusative alif (سابقا، رسميا) is an adverb.
        """
        tok = self.tokens[i]
        word = tok.folded
        if any(mark in tok.text for mark in _TANWEEN):
            return True
        if word in lexicon.ADVERBIALS or any(s in lexicon.ADVERBIALS for _, s in stems(word)):
            return True
        return word.endswith("ا") and not self.known(word) and word[:-1] in self.common

    def namelike(self, i: int) -> bool:
        word = self.tokens[i].folded
        if not word.isalpha() or word in lexicon.NON_NAME or len(word) < 2 or self.ordinary(i):
            return False
        if word in lexicon.TITLES or word in lexicon.REPORTING_VERBS:
            return False
        if word in lexicon.ORG_HEADS or word in lexicon.PLACE_CUES:
            return False
        after_compound = i > 0 and self.tokens[i - 1].folded in _COMPOUND_HEADS
        if not after_compound and (
            word.startswith("ال") or any(stem.startswith("ال") for _, stem in stems(word))
        ):
            return False
        if self.per_known(word) or self.labels[i].endswith("PER"):
            return True
        if word in self.gaz.token_kinds or word in self.common:
            return False
        return not (len(word) > 4 and word.endswith(_PRONOUN_ENDINGS))

    def supported(self, first: int, last: int) -> bool:
        """A cue alone is not enough for a person: one word must be a known or tagged name."""
        return any(
            self.per_known(self.tokens[i].folded) or self.labels[i] != "O"
            for i in range(first, last)
        )

    def trigger_namelike(self, i: int) -> bool:
        """Past a name's second word, ask for evidence that it still goes on."""
        if not self.namelike(i):
            return False
        run = 0
        while run < 2 and i - run - 1 >= 0 and self.namelike(i - run - 1):
            run += 1
        return run < 2 or self.per_known(self.tokens[i].folded) or self.labels[i] != "O"

    def crf_bounds(
        self, span: triggers.Span, crf: list[tuple[int, int, str]], crf_ends: list[int]
    ) -> tuple[int, int, str]:
        """A trigger's person, run on to where the CRF's overlapping person ends.

        The trigger knows a person follows the title but stops at an article-
        prefixed word (وليد المعلم، فؤاد السنيورة), which the tagger, trained on
        whole names, carries on through; its start stays the trigger's, which the
        tagger misses on unseen foreign names (شوي سون هوي).
        """
        first, last, kind = span
        if kind == "PER":
            # `crf` is persons only, in order and disjoint: the first that ends past
            # `first` is the only one that can be the first to overlap.
            at = bisect_right(crf_ends, first)
            if at < len(crf) and crf[at][0] < last:
                return first, max(last, crf[at][1]), kind
        return first, last, kind

    def longest_at(
        self,
        i: int,
        heads: Mapping[str, tuple[int, ...]],
        table: Mapping[tuple[str, ...], _V],
        taken: list[bool] | None = None,
    ) -> tuple[int, int, _V, tuple[str, ...]] | None:
        """(length, clitic cut, value, folded phrase) of the longest phrase of `table` at i.

        The token itself is tried before its clitic-stripped stems at each length.
        Only lengths of phrases that open with one of those forms are tried, which
        spares building a tuple for every length at every token.
        """
        words = self.words
        word = words[i]
        options = [(cut, head) for cut, head in ((0, word), *stems(word)) if head in heads]
        if not options:
            return None
        room = len(words) - i
        lengths = sorted({n for _, head in options for n in heads[head] if n <= room}, reverse=True)
        for length in lengths:
            if taken is not None and any(taken[i : i + length]):
                continue
            rest = tuple(words[i + 1 : i + length])
            for cut, head in options:
                value = table.get((head, *rest))
                if value is not None:
                    return length, cut, value, (head, *rest)
        return None

    def gazetteer_spans(self) -> list[_Span]:
        out: list[_Span] = []
        n = len(self.words)
        i = 0
        while i < n:
            if not _may_open_listed(self.words[i]):
                i += 1
                continue
            hit = self.longest_at(i, self.gaz.head_lengths, self.gaz.phrases)
            if hit and hit[3][0].isascii() and not self.tokens[i].text[:1].isupper():
                hit = None  # a Latin-script listing matches a capitalised word only
            if hit and self.adjective_listing(i, hit[0], hit[2][0]):
                hit = None
            if hit:
                length, cut, (kind, _), names = hit
                out.append(_Span(i, i + length, kind, cut, names))
                i += length
            else:
                i += 1
        return out

    def adjective_listing(self, i: int, length: int, kind: str) -> bool:
        """A one-word listed organisation that is also an adjective (العربية, the channel)
        agreeing with the definite noun before it (الدول العربية، الإمارات العربية)."""
        if length != 1 or kind != "ORG" or i == 0:
            return False
        word, before = self.words[i], self.words[i - 1]
        return word.startswith("ال") and word.endswith(("ي", "يه")) and before.startswith("ال")

    def trimmed(self, first: int, last: int, kind: str) -> tuple[int, int]:
        """A person's or organisation's span without the ordinary words at its edges.

        The tagger runs a person on into a title (وسمو) or a و-joined noun after the
        name (… وجماهير), and takes a people's plural (الأكراد) for an organisation.
        """
        if kind == "ORG" and last - first == 1:
            word = self.words[first]
            plural = word.startswith("ال") and word.endswith(("يين", "يون"))
            if plural or word in lexicon.PEOPLES:
                return first, first
        if kind != "PER":
            return first, last
        while first < last and self.edge_word(first, last - first == 1):
            first += 1
        while last > first + 1 and self.edge_word(last - 1, True):
            last -= 1
        return first, last

    def edge_word(self, i: int, joined_noun: bool) -> bool:
        """A title or function word at a person's edge; with `joined_noun`, also a و-joined
        ordinary noun (…وجماهير), which as the first of several words is a given name
        after و (وكريم بنزيمة) and stays."""
        word = self.words[i]
        if self.per_known(word) or corpus_names().get(word, "").endswith("PER"):
            return False
        forms = [word, *(stem for _, stem in stems(word))]
        if any(f in lexicon.TITLES or f in lexicon.NON_NAME for f in forms):
            return True
        if not joined_noun or word in first_names():
            return False
        if word.startswith(_FORM_TEN) and len(word) >= _FORM_TEN_MIN:
            return True  # كيم مستعد: a Form X participle or verb (مستعد، يستعد) is no name
        stem = word[1:]
        if not word.startswith("و") or stem in first_names():
            return False
        return stem in self.common or ordinary_word(stem)

    def latin_spans(self) -> list[_Span]:
        """Unlisted Latin-script names inside Arabic text: runs of capitalised words.

        Only with evidence from the Arabic around them: an acronym (IAEA) next to an
        Arabic word, or a run after a cue (وكالة، شركة، موقع … an organisation; a
        person's title or a reporting verb, a person). Capitalised words alone are as
        often menu labels and credits (Find Us, Kremlin via REUTERS) as names.
        """
        out: list[_Span] = []
        toks = self.tokens
        i = 0
        while i < len(toks):
            if not self.latin_word(i):
                i += 1
                continue
            j = i + 1
            while j < len(toks) and j - i < _LATIN_MAX and self.same_line(j):
                text = toks[j].text
                joins = text.lower() in _LATIN_JOINERS and j + 1 < len(toks)
                if joins and self.latin_word(j + 1) and self.same_line(j + 1):
                    j += 2
                elif self.latin_word(j) or text.isdigit():
                    j += 1
                else:
                    break
            kind = self.latin_kind(i, j)
            if kind:
                out.append(_Span(i, j, kind, 0, tuple(self.words[i:j])))
            i = j
        return out

    def latin_word(self, i: int) -> bool:
        text = self.tokens[i].text
        return text.isascii() and text[:1].isupper() and len(text) > 1

    def same_line(self, i: int) -> bool:
        """Whether token i follows the token before it on the same line."""
        return i > 0 and "\n" not in self.text[self.tokens[i - 1].end : self.tokens[i].start]

    def arabic_at(self, i: int) -> bool:
        return 0 <= i < len(self.tokens) and self.words[i].isalpha() and not self.words[i].isascii()

    def latin_kind(self, first: int, last: int) -> str:
        """The kind of a Latin-script run from its shape and the Arabic word before it."""
        text = self.tokens[first].text
        beside = (self.same_line(first) and self.arabic_at(first - 1)) or (
            last < len(self.tokens) and self.same_line(last) and self.arabic_at(last)
        )
        if last - first == 1 and text.isupper() and len(text) in _LATIN_ACRONYM and beside:
            return "ORG"
        before = self.words[first - 1] if first and self.same_line(first) else ""
        cue = triggers.cue_family(before) if before else ""
        if cue == "org-heads" or before in _LATIN_ORG_CUES:
            return "ORG"
        bare_title = not any(f.startswith("ال") for f in (before, *self.stem_forms(before)))
        if cue == "titles" and bare_title:
            return "ORG"  # رئيس Goldman Sachs: a bare title is "head of" the name after it
        if cue in ("titles", "verbs"):
            return "PER"
        return ""

    @staticmethod
    def stem_forms(word: str) -> list[str]:
        return [stem for _, stem in stems(word)]

    def with_clitic(self, first: int, last: int, kind: str, bare: set[str]) -> _Span:
        """Drop a proclitic from the first token when what remains is a recognised name."""
        names = [t.folded for t in self.tokens[first:last]]
        head = names[0]
        if not self.known(head) and "clitic" not in self.off:
            for cut, stem in stems(head):
                cue = stem in lexicon.ORG_HEADS or stem in lexicon.PLACE_CUES
                if self.known(stem) or stem in bare or cue:
                    names[0] = stem
                    return _Span(first, last, kind, cut, tuple(names))
        return _Span(first, last, kind, 0, tuple(names))

    def bracketed_first_names(self) -> list[_Span]:
        """«(إيغور) مورغولوف»: a first name in brackets before a surname names one person."""
        out: list[_Span] = []
        toks = self.tokens
        for i in range(1, len(toks) - 1):
            first = toks[i - 1].folded
            if toks[i].text == ")" and first in self.gaz.first_names and self.namelike(i + 1):
                out.append(_Span(i + 1, i + 2, "PER", 0, (first, toks[i + 1].folded)))
        return out

    def spans(self) -> list[_Span]:
        taken = [False] * len(self.tokens)
        accepted: list[_Span] = []

        def take(span: _Span) -> None:
            if span.last > span.first and not any(taken[span.first : span.last]):
                taken[span.first : span.last] = [True] * (span.last - span.first)
                accepted.append(span)

        crf = [s for s in _bio_spans(self.labels) if s[2] in ("PER", "LOC", "ORG", "MISC")]
        if "gazetteer" not in self.off:
            for span in self.gazetteer_spans():
                take(span)
        persons = [s for s in crf if s[2] == "PER"]
        ends = [s[1] for s in persons]
        families = [f for f in triggers.FAMILIES if f not in self.off]
        candidates = [
            self.crf_bounds(s, persons, ends)
            for s in triggers.find(self.tokens, self.trigger_namelike, families)
            if s.kind != "PER" or self.supported(s.first, s.last)
        ]
        if "brackets" not in self.off:
            for span in self.bracketed_first_names():
                take(span)
        if "latin" not in self.off:
            for span in self.latin_spans():
                take(span)
        bare = {t.folded for t in self.tokens}
        for first, last, kind in [*candidates, *crf]:
            words = [t.folded for t in self.tokens[first:last]]
            if any(not w[:1].isalnum() for w in words) or all(w.isascii() for w in words):
                continue
            if "trim" not in self.off:
                first, last = self.trimmed(first, last, kind)
            if last == first or self.ordinary(first) or self.ordinary(last - 1):
                continue
            take(self.with_clitic(first, last, kind, bare))
        if "repair" not in self.off:
            accepted = self.repaired(accepted)
        taken = [False] * len(self.tokens)
        for span in accepted:
            taken[span.first : span.last] = [True] * (span.last - span.first)
        if "propagation" not in self.off:
            self.propagate(accepted, taken)
        if "repair" not in self.off:
            return self.rejoined(sorted(accepted))
        return sorted(accepted)

    def repaired(self, accepted: list[_Span]) -> list[_Span]:
        """Persons' bounds mended: split where a second, و-joined person starts, and run on
        over ولد/بن chains (محمد سالم ولد با، سعيد ولد محمد الشيخ), which end at a lone name or
        join the next person."""
        out = [part for span in sorted(accepted) for part in self.split_coordinated(span)]
        out = [self.coordinated_clitic(out[k - 1] if k else None, s) for k, s in enumerate(out)]
        merged: list[_Span] = []
        k = 0
        while k < len(out):
            span = out[k]
            k += 1
            last = span.last
            while span.kind == "PER" and last + 1 < len(self.words):
                if self.words[last] not in _CHAIN_LINKS:
                    break
                if k < len(out) and out[k].first == last + 1 and out[k].kind == "PER":
                    last = out[k].last
                    k += 1
                elif (k == len(out) or out[k].first > last + 1) and self.chain_name(last + 1):
                    last += 2
                else:
                    break
            if last != span.last:
                names = (*span.names, *self.words[span.last : last])
                span = _Span(span.first, last, "PER", span.cut, names)
            merged.append(span)
        return merged

    def rejoined(self, spans: list[_Span]) -> list[_Span]:
        """«عبد العزيز» «بوتفليقة»: two persons side by side whose words together are a
        full name found elsewhere in the text are that name, split by the tagger."""
        fulls = {s.names for s in spans if s.kind == "PER" and len(s.names) > 1}
        out: list[_Span] = []
        for span in spans:
            before = out[-1] if out else None
            if (
                before is not None
                and before.kind == span.kind == "PER"
                and before.last == span.first
                and (*before.names, *span.names) in fulls
            ):
                out[-1] = before._replace(last=span.last, names=(*before.names, *span.names))
            else:
                out.append(span)
        return out

    def coordinated_clitic(self, before: _Span | None, span: _Span) -> _Span:
        """«فيدرر وهينان»: a person right after another person, opening with و, is the
        second of two joined by و, not a name that starts with the letter."""
        word = self.words[span.first]
        coordinated = (
            before is not None
            and before.kind == span.kind == "PER"
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

    def split_coordinated(self, span: _Span) -> list[_Span]:
        """«وفيدرر وهينان»: inside a person, a و-prefixed word that is no name itself but
        whose stem is a known person's name starts another person."""
        if span.kind != "PER":
            return [span]
        corpus = corpus_names()
        for i in range(span.first + 1, span.last):
            word = self.words[i]
            if not word.startswith("و") or len(word) < 4 or self.per_known(word):
                continue
            if corpus.get(word, "").endswith("PER") or self.words[i - 1] in _COMPOUND_HEADS:
                continue
            if not (self.per_known(word[1:]) or corpus.get(word[1:], "").endswith("PER")):
                continue
            head = span.names[: i - span.first]
            rest = _Span(i, span.last, "PER", 1, (word[1:], *self.words[i + 1 : span.last]))
            return [_Span(span.first, i, "PER", span.cut, head), *self.split_coordinated(rest)]
        return [span]

    def propagate(self, accepted: list[_Span], taken: list[bool]) -> None:
        """Tag the other occurrences of recognised names, bare surnames and Kims included."""
        phrases: dict[tuple[str, ...], str] = {}
        for span in accepted:
            phrases.setdefault(span.names, span.kind)
            if span.kind == "PER" and len(span.names) > 1:
                for part in (span.names[-1], span.names[0]):
                    bare_ok = len(part) >= _MIN_BARE and part not in lexicon.NON_NAME
                    if bare_ok and part not in self.gaz.first_names:
                        phrases.setdefault((part,), "PER")
        if not phrases:
            return
        heads = phrase_heads(phrases)
        i = 0
        while i < len(self.words):
            hit = None if taken[i] else self.longest_at(i, heads, phrases, taken)
            if hit:
                length, cut, kind, names = hit
                taken[i : i + length] = [True] * length
                accepted.append(_Span(i, i + length, kind, cut, names))
                i += length
            else:
                i += 1

    def mentions(self) -> list[Mention]:
        spans = self.spans()
        keys = [self.gaz.key(s.kind, s.names) for s in spans]
        fulls = self.full_names(spans)
        out: list[Mention] = []
        for k, span in enumerate(spans):
            key = keys[k]
            if span.kind == "PER" and len(span.names) == 1:
                key = self.link(k, span, fulls, keys) or key
            start = self.tokens[span.first].start + span.cut
            end = self.tokens[span.last - 1].end
            out.append(Mention(start, end, self.text[start:end], span.kind, key))
        return out

    def full_names(self, spans: list[_Span]) -> dict[str, list[int]]:
        """Positions of the multi-word persons, in order, under the key of their first word
        and of their last: a bare name looks itself up instead of scanning every full one,
        which made linking grow with the square of the mentions."""
        index: dict[str, list[int]] = {}
        for j, span in enumerate(spans):
            if span.kind == "PER" and len(span.names) > 1:
                parts = {self.gaz.key("PER", span.names[:1]), self.gaz.key("PER", span.names[-1:])}
                for part in parts:
                    index.setdefault(part, []).append(j)
        return index

    def link(self, k: int, span: _Span, fulls: dict[str, list[int]], keys: list[str]) -> str | None:
        """Key of the full name a bare one refers to: the latest before it, else the first after."""
        matching = fulls.get(self.gaz.key("PER", span.names))
        if not matching:
            return None
        before = bisect_left(matching, k)
        return keys[matching[before - 1] if before else matching[0]]


def extract_entities(text: str, off: frozenset[str] = frozenset()) -> list[Mention]:
    """Mentions of persons, places, organisations and other names, sorted by start.

    `off` names LAYERS to leave out, for measuring what each layer earns.
    """
    return _Doc(text, off).mentions()
