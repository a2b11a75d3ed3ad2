"""Real-length Arabic news articles built from ANERcorp's training sentences, for the ingest bench.

    python bench/real_corpus.py --train PATH COUNT OUTDIR [--seed 7]

ANERcorp's sentences are news text in their original order, so a run of 10–20
consecutive sentences reads like one article. Each article here is such a run
(250–600 words), cut into paragraphs, under a headline taken from its first
sentence, with the boilerplate a scraped page carries (navigation, share and
follow lines, ads, related-reading blocks, a source line) mixed in. Only the
tokens are used, never the labels, and nothing built here is committed: the
corpus is written under bench/.cache from the file named on the command line.
The same file, COUNT and --seed give the same articles.
"""

from __future__ import annotations

import argparse
import random
import re
from pathlib import Path

PER_DIR = 1000
MIN_SENTENCES, MAX_SENTENCES = 10, 20
MIN_WORDS, MAX_WORDS = 250, 600
_GLUE = re.compile(r" ([.,،؛:!؟)\]»])|([(\[«]) ")
_END = (".", "؟", "!", ":")

TOP = (
    "الرئيسية أخبار سياسة اقتصاد رياضة ثقافة",
    "الرئيسية / أخبار عربية ودولية",
    "تابعونا على فيسبوك وتويتر",
    "آخر تحديث",
)
MIDDLE = (
    "اعلان",
    "إقرأ أيضاً: الحكومة تعلن خطة جديدة للنقل",
    "شارك هذا المقال",
    "Copy to clipboard",
    "الصورة: أرشيف",
)
BOTTOM = (
    "شارك هذا المقال",
    "الأكثر قراءة",
    "قد يعجبك أيضا",
    "شارك برأيك",
    "كلمات دلالية",
    "© جميع الحقوق محفوظة",
    "Copyright Sputnik",
    "تابعونا على فيسبوك وتويتر",
)
SOURCES = ("وكالة الأنباء", "رويترز", "الوكالات", "أ ف ب", "سبوتنيك")


def read_sentences(train: Path) -> list[list[str]]:
    """Token lists of the CoNLL file's sentences (first column only; labels are ignored)."""
    out: list[list[str]] = []
    current: list[str] = []
    for line in train.read_text("utf-8").splitlines():
        parts = line.split()
        if len(parts) < 2:
            if current:
                out.append(current)
                current = []
            continue
        current.append(parts[0])
    if current:
        out.append(current)
    return out


def as_text(tokens: list[str]) -> str:
    text = _GLUE.sub(lambda m: m.group(1) or m.group(2), " ".join(tokens))
    return text if text.endswith(_END) else text + "."


def pick(rng: random.Random, sentences: list[list[str]]) -> list[list[str]]:
    """A run of consecutive sentences of 250–600 words, 10–20 of them."""
    while True:
        i = rng.randrange(len(sentences))
        wanted = rng.randint(MIN_SENTENCES, MAX_SENTENCES)
        picked: list[list[str]] = []
        words = 0
        while len(picked) < MAX_SENTENCES and i < len(sentences):
            tokens = sentences[i]
            i += 1
            count = sum(1 for t in tokens if t[:1].isalnum())
            if words + count > MAX_WORDS:
                break
            picked.append(tokens)
            words += count
            if len(picked) >= wanted and words >= MIN_WORDS:
                return picked


def article(rng: random.Random, sentences: list[list[str]]) -> str:
    picked = pick(rng, sentences)
    title = as_text(picked[0][: rng.randint(6, 10)]).rstrip(".")
    lines = [title]
    if rng.random() < 0.5:
        lines.insert(0, rng.choice(TOP))
    k = 0
    while k < len(picked):
        size = rng.randint(1, 4)
        lines.append(" ".join(as_text(s) for s in picked[k : k + size]))
        k += size
        if rng.random() < 0.15 and k < len(picked):
            lines.append(rng.choice(MIDDLE))
    if rng.random() < 0.4:
        lines.append(f"المصدر: {rng.choice(SOURCES)}")
    lines.extend(rng.sample(BOTTOM, rng.randint(1, 3)))
    return "\n\n".join(lines) + "\n"


def make_real_corpus(train: Path, count: int, out: Path, *, seed: int = 7) -> list[Path]:
    rng = random.Random(seed)
    sentences = read_sentences(train)
    paths: list[Path] = []
    for n in range(count):
        folder = out / f"{n // PER_DIR:03d}"
        folder.mkdir(parents=True, exist_ok=True)
        path = folder / f"{n:06d}.txt"
        path.write_text(article(rng, sentences), encoding="utf-8")
        paths.append(path)
    return paths


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0] if __doc__ else None)
    parser.add_argument("--train", type=Path, required=True, help="ANERcorp train.txt")
    parser.add_argument("count", type=int)
    parser.add_argument("out", type=Path)
    parser.add_argument("--seed", type=int, default=7)
    args = parser.parse_args()
    make_real_corpus(args.train, args.count, args.out, seed=args.seed)
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
