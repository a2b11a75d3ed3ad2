"""ANERcorp reading and the dev carve-out shared by the trainer and the evaluation bench.

The dev set is every tenth sentence (index 9, 19, …) of the training file:
deterministic, spread over the whole file rather than one topic at its end.
"""

from __future__ import annotations

from pathlib import Path

from reader.nlp.normalize import fold

Sentence = list[tuple[str, str]]
DEV_EVERY = 10

_LABELS = {"PERS": "PER"}


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


def split(sents: list[Sentence]) -> tuple[list[Sentence], list[Sentence]]:
    """(train, dev) by the fixed every-tenth-sentence rule."""
    train = [s for i, s in enumerate(sents) if i % DEV_EVERY != DEV_EVERY - 1]
    dev = [s for i, s in enumerate(sents) if i % DEV_EVERY == DEV_EVERY - 1]
    return train, dev
