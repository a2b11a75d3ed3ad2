"""Clubs in sports reports: a city or a foreign word that names a team, not a place.

Sports news names clubs by their city (ليون، بورتو، هامبورغ) or by words no
list holds (ارسنال، بنفيكا), and the tagger, trained mostly on politics, reads
them as places or misses them. In a sentence about a match (or next to one)
three cues make them organisations: a club-name opener before the word
(دينامو كييف، اتحاد طنجه، اولمبيك اسفي), a masculine nationality adjective
after it (ليون الفرنسي: a city is feminine, مدينة ليون الفرنسية, a club is
not), and the country in brackets after it in a fixture list (بورتو ( البرتغال )).
"""

from __future__ import annotations

from reader.kinds import Kind
from reader.nlp.clitics import stems, with_clitics
from reader.nlp.document import Document, Span
from reader.nlp.features import corpus_names, first_names, ordinary_word
from reader.nlp.lexicon import TEAM_CUES
from reader.nlp.normalize import fold


def _folded(words: str) -> frozenset[str]:
    return frozenset(fold(w) for w in words.split())


# Words of match reports; a sentence holding one, or next to one that does, is about sport.
SPORT_WORDS = _folded(
    """مباراة مباراته المباراة مباريات المباريات الدوري دوري هدفا هدفين أهداف الأهداف الشوط
    الدقيقة مرمى ملعب استاد الملعب المنتخب منتخب لاعب اللاعب لاعبي المدرب مدرب البطولة بطولة
    كأس الكأس فوز فوزه فاز بفوز تعادل التعادل هزم خسر خسارة الخسارة تغلب سحق ضيفه مضيفه
    الجولة المرحلة الذهاب الإياب مهاجم حارس الصدارة أبطال الفريق فريق فريقه وصيف المجموعة
    جمهور الموسم"""
)
# Words that open a club's name before its city or second word.
CLUB_OPENERS = _folded(
    """دينامو ديناموا ستيوا سسكا تسسكا أيك اسيك أولمبيك أولمبي اولمبياكوس سبورتينغ سبورتينج
    ريال أتلتيكو إنتر باير بوروسيا سبارتاك لوكوموتيف شاختار اتحاد شباب هابوعيل مكابي"""
)
# Masculine nationality adjectives: after a city or a foreign word they describe a club.
NATIONALITIES = _folded(
    """الفرنسي الإيطالي الإسباني الألماني الإنكليزي الإنجليزي البرتغالي الهولندي البلجيكي
    الروماني اليوناني التركي الروسي الأوكراني الاسكتلندي الدنماركي السويدي النرويجي السويسري
    النمساوي البولندي التشيكي الكرواتي الصربي البلغاري المجري البرازيلي الأرجنتيني المكسيكي
    الأمريكي الأميركي الياباني الصيني الكوري المصري السعودي القطري الإماراتي الكويتي البحريني
    العماني الأردني السوري اللبناني العراقي التونسي الجزائري المغربي الليبي السوداني الإيراني
    النيجيري الكاميروني الغاني السنغالي الإيفواري الاسكوتلندي الويلزي الإيرلندي"""
)
# The words of match reports, with or without a proclitic (وفاز، للمنتخب).
_SPORTING = with_clitics(SPORT_WORDS)
_OPEN, _CLOSE = "(", ")"
_CUES = CLUB_OPENERS | NATIONALITIES | {_OPEN}


class Sport(Document):
    def sporty(self) -> list[bool]:
        """Per token: whether its sentence, or the one before or after, is about sport."""
        spans = self.sentences
        sporting = self.distinct & _SPORTING
        hits = [not sporting.isdisjoint(self.words[first:last]) for first, last in spans]
        out = [False] * len(self.words)
        for k, (first, last) in enumerate(spans):
            if any(hits[max(0, k - 1) : k + 2]):
                out[first:last] = [True] * (last - first)
        return out

    def sport_spans(self, others: list[tuple[int, int, Kind]]) -> list[Span]:
        """Clubs in sport sentences; `others` are spans already proposed (CRF, gazetteer),
        whose extent a club takes over where a cue follows them."""
        if self.distinct.isdisjoint(_SPORTING):
            return []
        sporty = self.sporty()
        # بورتو البرتغالي tagged as one place: the place is the club, the adjective its cue.
        others = [
            (first, last - 1, kind)
            if kind != Kind.ORG and last - first > 1 and self.words[last - 1] in NATIONALITIES
            else (first, last, kind)
            for first, last, kind in others
        ]
        ends = {last: first for first, last, _ in others}
        kinds = {(first, last): kind for first, last, kind in others}
        out: list[Span] = []
        after = 0  # where the last opener's club ends
        n = len(self.words)
        # Only an opener, a nationality or a bracket can start or follow a club.
        for i in self.where(_CUES):
            if i < after or not sporty[i]:
                continue
            word = self.words[i]
            if word in CLUB_OPENERS and i + 1 < n and self.club_word(i + 1):
                last = i + 3 if i + 2 < n and self.listed_place(i + 2) else i + 2
                out.append(self.club(i, last))
                after = last
                continue
            if self.after_club(i):
                club = self.club_before(i, ends, kinds)
                if club and (not out or out[-1].last <= club.first):
                    out.append(club)
        return out

    def club_before(
        self, i: int, ends: dict[int, int], kinds: dict[tuple[int, int], Kind]
    ) -> Span | None:
        """The club a cue at i follows: the span proposed there unless it is an organisation
        already (its extent is the tagger's) or a person who may be one, else the word."""
        first = ends.get(i)
        if first is None:
            return self.club(i - 1, i) if self.lone_club(i - 1) else None
        kind = kinds[first, i]
        if kind == Kind.ORG or (
            kind == Kind.PER and not (i - first == 1 and self.lone_person(first))
        ):
            return None
        first += self.words[first] in TEAM_CUES and first + 1 < i
        return self.club(first, i)

    def after_club(self, i: int) -> bool:
        """A nationality adjective, or a bracketed country, right after a possible club."""
        if i == 0:
            return False
        if self.words[i] in NATIONALITIES:
            return True
        return (
            self.words[i] == _OPEN
            and i + 2 < len(self.words)
            and self.words[i + 2] == _CLOSE
            and (self.listed_place(i + 1) or self.labels[i + 1].endswith(Kind.LOC))
        )

    def club_word(self, i: int) -> bool:
        """A word that can be part of a club's name: a place, or a name-like word."""
        word = self.words[i]
        return self.listed_place(i) or (self.namelike(i) and not self.per_known(word))

    def listed_place(self, i: int) -> bool:
        return self.gaz.phrases.get((self.words[i],), (None,))[0] == Kind.LOC

    def lone_club(self, i: int) -> bool:
        """A word no layer proposed that can still be a club before a nationality: a
        name-like word that is no ordinary Arabic word (ارسنال، بنفيكا but not سدد)."""
        return self.club_word(i) and (self.listed_place(i) or not ordinary_word(self.words[i]))

    def lone_person(self, i: int) -> bool:
        """A one-word person the tagger proposed before a club's cue that may be the club
        (اندرلخت، سلتيك، ليون): no listed person, no given name."""
        word = self.words[i]
        return self.club_word(i) and word not in first_names()

    def club(self, first: int, last: int) -> Span:
        """An organisation over these tokens, a proclitic cut off the first where its stem
        is a listed or a corpus-tagged name (لسلتيك، وبنفيكا)."""
        names = list(self.words[first:last])
        cut = 0
        head = names[0]
        listed = self.gaz.token_kinds
        if head not in listed and head not in corpus_names():
            for length, stem in stems(head):
                if stem in listed or stem in corpus_names():
                    cut, names[0] = length, stem
                    break
        return Span(first, last, Kind.ORG, cut, tuple(names))
