"""Write reader/nlp/data/organisations.txt: organisation names the corpora tag consistently.

    python scripts/org_table.py --train /path/to/anercorp/train.txt \
        --extra /path/to/WikiFANE_Gold_2014_500K.txt

From the training part of ANERcorp (the dev block, the last sixth of the file,
is left out: reader.nlp.corpus) and from WikiFANE Gold (Arabic Wikipedia,
reader.nlp.wikifane), every phrase tagged as an organisation is kept when it
occurs at least MIN_COUNT times and at least MIN_SHARE of its occurrences, tagged
or not, are exactly that organisation (so الاتحاد, an organisation in some
sentences and a word in most, stays out), and a one-word name is no ordinary
Arabic word. The rule layer reader/nlp/org_table.py reads the table; the tagger
never does, so the shipped model is unchanged by it.
"""

from __future__ import annotations

import argparse
from collections import Counter
from pathlib import Path

from reader.nlp.clitics import stems
from reader.nlp.corpus import Sentence, read_conll, split
from reader.nlp.features import ordinary_word
from reader.nlp.normalize import fold
from reader.nlp.org_table import TABLE_NAME
from reader.nlp.wikifane import read_wikifane

MIN_COUNT = 2
MIN_SHARE = 0.8
MAX_WORDS = 6
# Heads ANERcorp leaves outside the name they introduce (صحيفة [هآرتس], شركة [نوكيا]) while
# WikiFANE takes them in: cut off, so the table follows the convention of the text it serves.
OUTSIDE_HEADS = frozenset(
    fold(w) for w in ("صحيفة", "جريدة", "مجلة", "شركة", "قناة", "فريق", "نادي", "حركة", "وكالة")
)


def _entities(sent: Sentence) -> list[tuple[int, int, str]]:
    out: list[tuple[int, int, str]] = []
    start, kind = -1, ""
    for i, (_, label) in enumerate([*sent, ("", "O")]):
        prefix, _, this = label.partition("-")
        if kind and (prefix != "I" or this != kind):
            out.append((start, i, kind))
            kind = ""
        if prefix == "B" or (prefix == "I" and not kind):
            start, kind = i, this
    return out


def _head(word: str) -> bool:
    return word in OUTSIDE_HEADS or any(stem in OUTSIDE_HEADS for _, stem in stems(word))


def consistent_organisations(sents: list[Sentence]) -> list[tuple[str, ...]]:
    tagged: Counter[tuple[str, ...]] = Counter()
    for sent in sents:
        for a, b, kind in _entities(sent):
            a += b - a > 1 and _head(sent[a][0])
            if kind == "ORG" and b - a <= MAX_WORDS:
                tagged[tuple(w for w, _ in sent[a:b])] += 1
    seen: Counter[tuple[str, ...]] = Counter()
    for sent in sents:
        words = [w for w, _ in sent]
        for i in range(len(words)):
            for n in range(1, min(MAX_WORDS, len(words) - i) + 1):
                phrase = tuple(words[i : i + n])
                if phrase in tagged:
                    seen[phrase] += 1
    return sorted(
        phrase
        for phrase, count in tagged.items()
        if seen[phrase] >= MIN_COUNT
        and count >= MIN_SHARE * seen[phrase]
        and all(w.isalnum() for w in phrase)
        and not (len(phrase) == 1 and ordinary_word(phrase[0]))
    )


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--train", type=Path, required=True, help="ANERcorp train.txt")
    parser.add_argument("--extra", type=Path, help="WikiFANE_Gold_2014_500K.txt")
    parser.add_argument(
        "--out", type=Path, default=Path(__file__).parents[1] / "reader/nlp/data" / TABLE_NAME
    )
    args = parser.parse_args()
    train, _ = split(read_conll(args.train))
    extra = read_wikifane(args.extra) if args.extra else []
    phrases = consistent_organisations(train + extra)
    args.out.write_text("".join(" ".join(p) + "\n" for p in phrases), "utf-8")
    print(f"{len(phrases)} organisations written to {args.out}")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
