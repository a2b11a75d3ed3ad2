"""A corpus of wire stories rewritten by several sources, and unrelated articles around them.

Text is drawn from the shipped common-word list with a Zipf spread, so it has
news's lopsided vocabulary without copying any corpus. Each of the stories is
rewritten by 3–5 sources: paragraphs reordered after the lede, words swapped in
many sentences (a paraphrase), a paragraph dropped or one of the source's own
added, the headline reworded, the date a day or two apart, and each source's
own boilerplate (a share line, a copyright footer that every article of that
source carries). The unrelated articles share those footers, the stories'
people and the common words, and some are follow-ups that quote one paragraph
of a story: none may be grouped with anything.

A plain module, not conftest, so the bench can build the same corpus.
"""

from __future__ import annotations

import random
from dataclasses import dataclass
from datetime import date, timedelta
from importlib.resources import files
from pathlib import Path

SOURCES = ("وكالة الأنباء", "الصحيفة اليومية", "الموقع الإخباري", "القناة الإخبارية", "الإذاعة")
MONTHS = [
    "يناير",
    "فبراير",
    "مارس",
    "أبريل",
    "مايو",
    "يونيو",
    "يوليو",
    "أغسطس",
    "سبتمبر",
    "أكتوبر",
    "نوفمبر",
    "ديسمبر",
]
PEOPLE = (
    "فلاديمير بوتين",
    "كيم جونغ أون",
    "مايك بومبيو",
    "سيرغي لافروف",
    "دونالد ترامب",
    "إيمانويل ماكرون",
)


@dataclass(frozen=True)
class Article:
    name: str  # file name
    text: str  # the dump as a scraper saved it
    story: int | None  # which story it retells, None for an unrelated article
    published: date


def _vocabulary() -> list[str]:
    text = files("reader.nlp").joinpath("data/common_words.txt").read_text("utf-8")
    return [w for w in text.split() if len(w) >= 3 and "\u0621" <= w[0] <= "\u064a"]


class _Writer:
    def __init__(self, rng: random.Random) -> None:
        self.rng = rng
        words = _vocabulary()
        rng.shuffle(words)
        self.words = words
        self.weights = [1.0 / (rank + 10) for rank in range(len(words))]

    def word(self) -> str:
        return self.rng.choices(self.words, weights=self.weights)[0]

    def sentence(self) -> str:
        count = self.rng.randint(9, 18)
        words = [self.word() for _ in range(count)]
        if self.rng.random() < 0.3:
            words.insert(self.rng.randrange(len(words)), self.rng.choice(PEOPLE))
        return " ".join(words) + "."

    def paragraph(self) -> str:
        return " ".join(self.sentence() for _ in range(self.rng.randint(1, 3)))

    def headline(self) -> str:
        return " ".join(self.word() for _ in range(self.rng.randint(5, 8)))

    def paraphrase(self, paragraph: str) -> str:
        sentences = paragraph.split(". ")
        out = []
        for sentence in sentences:
            words = sentence.split(" ")
            if self.rng.random() < 0.5:
                for _ in range(self.rng.randint(1, 2)):
                    words[self.rng.randrange(len(words))] = self.word()
            if self.rng.random() < 0.2 and len(words) > 6:
                del words[self.rng.randrange(len(words))]
            out.append(" ".join(words))
        return ". ".join(out)

    def reword(self, headline: str) -> str:
        words = headline.split()
        words[self.rng.randrange(len(words))] = self.word()
        if self.rng.random() < 0.5:
            words.append(self.word())
        return " ".join(words)


def _footer(writer: _Writer, source: str) -> str:
    words = " ".join(writer.word() for _ in range(14))
    return f"جميع الحقوق محفوظة لـ{source} {words}"


def _dump(
    title: str, day: date, source: str, paragraphs: list[str], footer: str, share: bool
) -> str:
    lines = [title, f"{day.day} {MONTHS[day.month - 1]} {day.year}"]
    if share:
        lines.append("شارك على فيسبوك")
    lines.extend(paragraphs)
    lines.append(f"المصدر: {source}")
    lines.append(footer)
    return "\n\n".join(lines) + "\n"


def make_story_corpus(
    *, stories: int = 10, unrelated: int = 200, follow_ups: int = 20, seed: int = 14
) -> list[Article]:
    rng = random.Random(seed)
    writer = _Writer(rng)
    footers = {source: _footer(writer, source) for source in SOURCES}
    start = date(2024, 1, 1)
    out: list[Article] = []
    bases: list[tuple[str, list[str], date]] = []
    for story in range(stories):
        title = writer.headline()
        paragraphs = [writer.paragraph() for _ in range(rng.randint(5, 7))]
        day = start + timedelta(days=story * 9 + rng.randint(0, 3))
        bases.append((title, paragraphs, day))
        for version, source in enumerate(rng.sample(SOURCES, rng.randint(3, 5))):
            text = [writer.paraphrase(p) for p in paragraphs]
            rest = text[1:]
            rng.shuffle(rest)
            text = [text[0], *rest]
            if rng.random() < 0.3:
                del text[rng.randrange(1, len(text))]
            if rng.random() < 0.4:
                text.insert(rng.randrange(1, len(text) + 1), writer.paragraph())
            published = day + timedelta(days=rng.randint(0, 2))
            headline = title if version == 0 else writer.reword(title)
            dump = _dump(headline, published, source, text, footers[source], rng.random() < 0.5)
            out.append(Article(f"story{story:02d}-{version}.txt", dump, story, published))
    for index in range(unrelated):
        source = rng.choice(SOURCES)
        day = start + timedelta(days=rng.randint(0, 120))
        paragraphs = [writer.paragraph() for _ in range(rng.randint(3, 7))]
        title = writer.headline()
        if index < follow_ups:
            base_title, base_paragraphs, base_day = bases[index % len(bases)]
            paragraphs.insert(1, rng.choice(base_paragraphs))
            title = " ".join(base_title.split()[:3] + title.split()[3:])
            day = base_day + timedelta(days=rng.randint(1, 4))
        dump = _dump(title, day, source, paragraphs, footers[source], rng.random() < 0.5)
        out.append(Article(f"other{index:03d}.txt", dump, None, day))
    rng.shuffle(out)
    return out


def write_story_corpus(folder: Path, articles: list[Article]) -> list[Path]:
    folder.mkdir(parents=True, exist_ok=True)
    paths = []
    for article in articles:
        path = folder / article.name
        path.write_text(article.text, encoding="utf-8")
        paths.append(path)
    return paths
