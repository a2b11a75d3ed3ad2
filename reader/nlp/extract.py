"""Entity extraction: gazetteer, trigger patterns and CRF merged by precedence, then
document-level propagation and linking, then cross-article keys.

Precedence is quoted outlets and clubs in sports reports > gazetteer >
organisation table > triggers > CRF: a listed name is the most reliable
evidence (unless guillemets or a match report make the listed place an outlet
or a club), a cue word the next, the statistical tagger fills in the rest. Once
a name is recognised anywhere in the text, its other occurrences (a bare
surname included) are mentions too, and a bare بوتين or كيم carries the key of
the full name it refers to.
"""

from __future__ import annotations

import re
from bisect import bisect_left, bisect_right
from itertools import compress, count
from operator import attrgetter
from typing import NamedTuple

from reader.kinds import Kind
from reader.nlp import gazetteer, lexicon, tagger, triggers
from reader.nlp.boundaries import Boundaries
from reader.nlp.clitics import stems, with_clitics
from reader.nlp.document import Span
from reader.nlp.features import common_words, corpus_names
from reader.nlp.gazetteer import PhraseStarts, phrase_heads
from reader.nlp.latin_runs import LatinRuns
from reader.nlp.memo import Memo
from reader.nlp.org_table import OrgTable
from reader.nlp.sport import Sport
from reader.nlp.tokens import columns

_MIN_BARE = 3
_LATIN_LOWER = re.compile("[a-z]")
_FOLDED = attrgetter("folded")
_CLOSING = frozenset(")")
# Layers that can be switched off one at a time, to measure what each earns
# (bench/ner_eval.py): the trigger families, then the other rule layers.
LAYERS = (
    *triggers.FAMILIES, "sport", "quoted", "gazetteer", "org-table", "latin", "brackets",
    "trim", "edges", "repair", "propagation", "clitic",
)  # fmt: skip


class Mention(NamedTuple):
    """A tuple: an article has dozens, made in one go (a frozen dataclass's __init__
    set each field through object.__setattr__)."""

    start: int
    end: int
    text: str
    kind: Kind
    key: str


def _crf_labels(words: list[str], spans: list[tuple[int, int]]) -> list[str]:
    """Every sentence's labels, the document's sentences tagged in one batch."""
    return [label for s in tagger.tag_sentences([words[b:e] for b, e in spans]) for label in s]


def _bio_spans(labels: list[str]) -> list[tuple[int, int, Kind]]:
    """The labelled spans. Only the labels other than O are visited (listed in C): most
    tokens are O, and an O only ends an open span, which a gap in the positions says."""
    out: list[tuple[int, int, Kind]] = []
    start, kind = -1, ""
    after = -1  # the position after the last label visited
    for i in compress(count(), map("O".__ne__, labels)):
        if kind and i != after:
            out.append((start, after, Kind(kind)))
            kind = ""
        prefix, _, this = labels[i].partition("-")
        if kind and (prefix != "I" or this != kind):
            out.append((start, i, Kind(kind)))
            kind = ""
        if prefix == "B" or (prefix == "I" and not kind):
            start, kind = i, this
        after = i + 1
    if kind:
        out.append((start, after, Kind(kind)))
    return out


def _inside(span: Span, starts: list[int], spans: list[tuple[int, int, Kind]]) -> bool:
    """Whether a longer span of `spans` (the tagger's: ordered, disjoint; `starts` their
    starts) holds this one: a listed place inside a name the tagger reads as an
    organisation is part of that name (ريال مدريد، دينامو كييف، واشنطن تايمز)."""
    at = bisect_right(starts, span.first) - 1
    if at < 0:
        return False
    first, last, _ = spans[at]
    return span.last <= last and last - first > span.last - span.first


def _unnamed(word: str) -> bool:
    """A word no name has: one that opens with no letter or digit, or has Arabic and Latin
    letters in one token (أدناهCopy: page chrome run together)."""
    mixed = not word.isascii() and _LATIN_LOWER.search(word) is not None
    return not word[:1].isalnum() or mixed


# Each word form's answer worked out once, read by map() in C.
_UNNAMED = Memo(_unnamed, 200_000)


class _Doc(LatinRuns, Boundaries, Sport, OrgTable):
    """One text: its tokens tagged, then every layer's spans merged by precedence."""

    def __init__(self, text: str, off: frozenset[str] = frozenset()) -> None:
        self.text = text
        self.off = off
        self.starts, self.ends, self.texts, self.words = columns(text)
        self.labels = _crf_labels(self.words, self.sentences) if self.words else []
        self.gaz = gazetteer.load()
        self.common = common_words()

    def crf_bounds(
        self, span: triggers.Span, crf: list[tuple[int, int, Kind]], crf_ends: list[int]
    ) -> tuple[int, int, Kind]:
        """A trigger's person, run on to where the CRF's overlapping person ends.

        The trigger knows a person follows the title but stops at an article-
        prefixed word (وليد المعلم، فؤاد السنيورة), which the tagger, trained on
        whole names, carries on through; its start stays the trigger's, which the
        tagger misses on unseen foreign names (شوي سون هوي).
        """
        first, last, kind = span
        if kind == Kind.PER:
            # `crf` is persons only, in order and disjoint: the first that ends past
            # `first` is the only one that can be the first to overlap.
            at = bisect_right(crf_ends, first)
            if at < len(crf) and crf[at][0] < last:
                end = crf[at][1]
                # الرئيس شيراك شذ: past the tagger's end, an ordinary word is no name.
                while last > end and self.plain_word(last - 1):
                    last -= 1
                return first, max(last, end), kind
        return first, last, kind

    def plain_word(self, i: int) -> bool:
        """A word the tagger leaves out that no list or corpus names: past the tagger's
        end of a person, a verb or noun after the name (شذ، لثنيه)."""
        word = self.words[i]
        return self.labels[i] == "O" and not self.known(word) and word not in corpus_names()

    def gazetteer_spans(self) -> list[Span]:
        out: list[Span] = []
        after = 0  # where the last listed name ends
        for i in self.where(self.distinct & self.gaz.openers):
            if i < after:
                continue
            hit = self.longest_at(i, self.gaz.starts, self.gaz.phrases)
            if hit and hit[3][0].isascii() and not self.texts[i][:1].isupper():
                hit = None  # a Latin-script listing matches a capitalised word only
            if hit and self.adjective_listing(i, hit[0], hit[2][0]):
                hit = None
            if hit and hit[1] and hit[2][0] != Kind.PER and "clitic" not in self.off:
                # كلاوس: Klaus, not ك + لاوس
                hit = None if self.glued_person(self.words[i]) else hit
            if hit:
                length, cut, (kind, _), names = hit
                out.append(self.without_head(Span(i, i + length, kind, cut, names)))
                after = i + length
        return out

    def without_head(self, span: Span) -> Span:
        """«حركة حماس», «وكالة فرانس برس»: a listing that opens with a head the name it
        introduces goes without (lexicon.NAMED_HEADS) is that name, where it is listed too."""
        head, rest = span.names[0], span.names[1:]
        listed = self.gaz.lookup(rest) if rest else None
        if not listed or listed[0] != span.kind:
            return span
        if head in lexicon.NAMED_HEADS or any(
            s in lexicon.NAMED_HEADS for s in self.stem_forms(head)
        ):
            return Span(span.first + 1, span.last, span.kind, 0, rest)
        return span

    def with_clitic(self, first: int, last: int, kind: Kind, bare: frozenset[str]) -> Span:
        """Drop a proclitic from the first token when what remains is a recognised name."""
        names = self.words[first:last]
        head = names[0]
        if (
            not self.known(head)
            and "clitic" not in self.off
            and not (self.whole_name(head) or self.glued_person(head))
        ):
            for cut, stem in stems(head):
                cue = stem in lexicon.ORG_HEADS or stem in lexicon.PLACE_CUES
                typed = kind != Kind.PER and corpus_names().get(stem, "") == "k" + kind
                if self.known(stem) or stem in bare or cue or typed:
                    names[0] = stem
                    return Span(first, last, kind, cut, tuple(names))
        return Span(first, last, kind, 0, tuple(names))

    @staticmethod
    def whole_name(word: str) -> bool:
        """A word the corpora tag as a name as it stands, while its stem they do not
        (ليون, not ل+يون): its first letter is no clitic."""
        corpus = corpus_names()
        return corpus.get(word, "")[:1] == "k" and not any(
            corpus.get(stem, "")[:1] == "k" for _, stem in stems(word)
        )

    def bracketed_first_names(self) -> list[Span]:
        """«(إيغور) مورغولوف»: a first name in brackets before a surname names one person."""
        out: list[Span] = []
        words = self.words
        for i in self.where(_CLOSING):  # a closing bracket folds to itself
            if not 0 < i < len(words) - 1:
                continue
            first = words[i - 1]
            if first in self.gaz.first_names and self.namelike(i + 1):
                out.append(Span(i + 1, i + 2, Kind.PER, 0, (first, words[i + 1])))
        return out

    def spans(self) -> list[Span]:
        taken = [False] * len(self.words)
        accepted: list[Span] = []

        def take(span: Span) -> None:
            if span.last > span.first and not any(taken[span.first : span.last]):
                taken[span.first : span.last] = [True] * (span.last - span.first)
                accepted.append(span)

        crf = _bio_spans(self.labels)
        listed = self.gazetteer_spans() if "gazetteer" not in self.off else []
        if "quoted" not in self.off:
            for span in self.quoted_outlets():
                take(span)
        if "sport" not in self.off:
            for span in self.sport_spans([*crf, *((s.first, s.last, s.kind) for s in listed)]):
                take(span)
        organisations = [s for s in crf if s[2] == Kind.ORG]
        starts = [s[0] for s in organisations]
        for span in listed:
            if not (span.kind == Kind.LOC and _inside(span, starts, organisations)):
                take(span)
        if "org-table" not in self.off:
            for span in self.org_table_spans():
                take(span)
        persons = [s for s in crf if s[2] == Kind.PER]
        ends = [s[1] for s in persons]
        families = [f for f in triggers.FAMILIES if f not in self.off]
        candidates = [
            self.crf_bounds(s, persons, ends)
            for s in triggers.find(self.words, self.distinct, self.trigger_namelike, families)
            if s.kind != Kind.PER
            or (self.supported(s.first, s.last) and not self.in_longer_name(s.first, s.last))
        ]
        if "brackets" not in self.off:
            for span in self.bracketed_first_names():
                take(span)
        if "latin" not in self.off:
            for span in self.latin_spans():
                take(span)
        bare = self.distinct
        for first, last, kind in [*candidates, *crf]:
            words = self.words[first:last]
            if any(map(_UNNAMED.__getitem__, words)) or all(map(str.isascii, words)):
                continue
            if "trim" not in self.off:
                first, last = self.trimmed(first, last, kind)
            if kind == Kind.PER and "edges" not in self.off:
                first = self.opened(first, taken)
            if kind == Kind.PER and last - first == 1 and "clitic" not in self.off:
                kind = self.stem_kind(self.words[first]) or kind
            if last == first or self.ordinary(first) or self.ordinary(last - 1):
                continue
            if kind == Kind.PER and "trim" not in self.off and self.after_facility(first):
                continue
            take(self.with_clitic(first, last, kind, bare))
        if "repair" not in self.off:
            accepted = self.repaired(accepted)
        taken = [False] * len(self.words)
        for span in accepted:
            taken[span.first : span.last] = [True] * (span.last - span.first)
        if "propagation" not in self.off:
            self.propagate(accepted, taken)
        if "repair" not in self.off:
            return self.rejoined(sorted(accepted))
        return sorted(accepted)

    def propagate(self, accepted: list[Span], taken: list[bool]) -> None:
        """Tag the other occurrences of recognised names, bare surnames and Kims included."""
        phrases: dict[tuple[str, ...], Kind] = {}
        for span in accepted:
            if len(span.names) > 1 or span.names[0] not in lexicon.NON_NAME:
                phrases.setdefault(span.names, span.kind)  # a lone علي is also على: not again
            if span.kind == Kind.PER and len(span.names) > 1:
                for part in (span.names[-1], span.names[0]):
                    bare_ok = len(part) >= _MIN_BARE and part not in lexicon.NON_NAME
                    bare_ok = bare_ok and part not in lexicon.NAME_PARTICLES
                    if bare_ok and part not in self.gaz.first_names:
                        phrases.setdefault((part,), Kind.PER)
        if not phrases:
            return
        heads = phrase_heads(phrases)
        # Only a word that is a phrase's head, itself or by a clitic-stripped stem, can
        # open one: the others are passed over without a look-up.
        after = 0  # where the last phrase found ends
        starts = PhraseStarts(heads)
        for i in self.where(self.distinct & with_clitics(heads)):
            if i < after or taken[i]:
                continue
            hit = self.longest_at(i, starts, phrases, taken)
            if hit:
                length, cut, kind, names = hit
                taken[i : i + length] = [True] * length
                span = Span(i, i + length, kind, cut, names)
                if kind == Kind.PER and not cut and "edges" not in self.off:
                    span = self.with_particle(span, taken)
                accepted.append(span)
                after = i + length

    def mentions(self) -> list[Mention]:
        spans = self.spans()
        keys = [self.gaz.key(s.kind, s.names) for s in spans]
        fulls = self.full_names(spans)
        out: list[Mention] = []
        for k, span in enumerate(spans):
            key = keys[k]
            if span.kind == Kind.PER and len(span.names) == 1:
                key = self.link(k, span, fulls, keys) or key
            start = self.starts[span.first] + span.cut
            end = self.ends[span.last - 1]
            out.append(Mention(start, end, self.text[start:end], span.kind, key))
        return out

    def full_names(self, spans: list[Span]) -> dict[str, list[int]]:
        """Positions of the multi-word persons, in order, under the key of their first word
        and of their last: a bare name looks itself up instead of scanning every full one,
        which made linking grow with the square of the mentions."""
        index: dict[str, list[int]] = {}
        for j, span in enumerate(spans):
            if span.kind == Kind.PER and len(span.names) > 1:
                parts = {
                    self.gaz.key(Kind.PER, span.names[:1]),
                    self.gaz.key(Kind.PER, span.names[-1:]),
                }
                for part in parts:
                    index.setdefault(part, []).append(j)
        return index

    def link(self, k: int, span: Span, fulls: dict[str, list[int]], keys: list[str]) -> str | None:
        """Key of the full name a bare one refers to: the latest before it, else the first after."""
        matching = fulls.get(self.gaz.key(Kind.PER, span.names))
        if not matching:
            return None
        before = bisect_left(matching, k)
        return keys[matching[before - 1] if before else matching[0]]


def extract_entities(text: str, off: frozenset[str] = frozenset()) -> list[Mention]:
    """Mentions of persons, places, organisations and other names, sorted by start.

    `off` names LAYERS to leave out, for measuring what each layer earns.
    """
    return _Doc(text, off).mentions()
