"""ANERcorp reading and the dev carve-out shared by the trainer and the evaluation bench.

The dev set is the last sixth of the training file as one contiguous block of
whole articles: a name a dev article repeats is then not also in training the
way it is when dev sentences sit between their own article's training
sentences (about three quarters of dev entities were "seen" under the old
every-tenth-sentence rule). ANERcorp marks no article boundaries, so the cut
moves back from the five-sixths point to the nearest sentence that does not
open like a continuation (و…, كما, …): the first sentence of an article.
"""

from __future__ import annotations

from pathlib import Path

from reader.nlp.normalize import fold

Sentence = list[tuple[str, str]]
DEV_SHARE = 6  # the last 1/DEV_SHARE of the file

_LABELS = {"PERS": "PER"}
# Sentence openers that carry on the article before them.
_CONTINUATIONS = frozenset(
    fold(w) for w in ("كما", "من", "ثم", "لكن", "إلا", "غير", "فيما", "بينما", "أما", "إذ")
)


def _label(tag: str) -> str:
    if tag == "O" or "-" not in tag:
        return "O"
    prefix, kind = tag.split("-", 1)
    return f"{prefix}-{_LABELS.get(kind, kind)}"


def read_conll(path: Path) -> list[Sentence]:
    """Sentences of (folded token, tag) with PERS renamed PER."""
    sents: list[Sentence] = []
    current: Sentence = []
    for line in path.read_text("utf-8").splitlines():
        parts = line.split()
        if len(parts) < 2:
            if current:
                sents.append(current)
                current = []
            continue
        current.append((fold(parts[0]), _label(parts[-1])))
    if current:
        sents.append(current)
    return sents


def _opens_article(sent: Sentence) -> bool:
    first = sent[0][0]
    return not first.startswith(("و", "ف")) and first not in _CONTINUATIONS


def dev_start(sents: list[Sentence]) -> int:
    """Index of the first dev sentence: an article start at or before the five-sixths point."""
    cut = len(sents) - len(sents) // DEV_SHARE
    while cut > 0 and not _opens_article(sents[cut]):
        cut -= 1
    return cut


def split(sents: list[Sentence]) -> tuple[list[Sentence], list[Sentence]]:
    """(train, dev): everything before the dev block, and the block itself."""
    cut = dev_start(sents)
    return sents[:cut], sents[cut:]


def documents(sents: list[Sentence]) -> list[list[Sentence]]:
    """The sentences cut into pseudo-articles at each sentence that opens like an article.

    The cut errs towards short articles (a new paragraph can open like one), so
    document features see less of the text than a real article gives them, never
    two articles as one.
    """
    docs: list[list[Sentence]] = []
    for sent in sents:
        if not docs or _opens_article(sent):
            docs.append([])
        docs[-1].append(sent)
    return docs
