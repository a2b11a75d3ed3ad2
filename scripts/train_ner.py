"""Train khabar's CRF entity tagger on ANERcorp and write it into reader/nlp/data/.

    python scripts/train_ner.py --train /path/to/anercorp/train.txt

The dev carve-out (every tenth sentence, see reader.nlp.corpus) is held out
so bench/ner_eval.py measures the shipped model on sentences it never saw.
"""

from __future__ import annotations

import argparse
import time
from collections import Counter
from pathlib import Path

import pycrfsuite

from reader.nlp.corpus import Sentence, read_conll, split
from reader.nlp.features import (
    COMMON_WORDS_NAME,
    CORPUS_NAMES_NAME,
    sentence_features,
    use_corpus_names,
)
from reader.nlp.tagger import MODEL_PATH

FOLDS = 5


def common_outside_names(train: list[Sentence]) -> list[str]:
    """Words seen at least 3 times in training and inside a name less than 5% of the time."""
    seen: Counter[str] = Counter()
    in_name: Counter[str] = Counter()
    for sent in train:
        for word, tag in sent:
            seen[word] += 1
            if tag != "O":
                in_name[word] += 1
    return sorted(w for w, n in seen.items() if n >= 3 and in_name[w] < 0.05 * n and w.isalpha())


def names_in(sents: list[Sentence]) -> dict[str, str]:
    """Word → "k"/"q" + type for words inside names: most or only some of the time."""
    seen: Counter[str] = Counter()
    kinds: dict[str, Counter[str]] = {}
    for sent in sents:
        for word, tag in sent:
            seen[word] += 1
            if tag != "O" and word.isalpha() and len(word) > 1:
                kinds.setdefault(word, Counter())[tag[2:]] += 1
    out: dict[str, str] = {}
    for word, counts in kinds.items():
        kind = counts.most_common(1)[0][0]
        out[word] = ("k" if sum(counts.values()) * 2 > seen[word] else "q") + kind
    return out


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--train", type=Path, required=True, help="ANERcorp train.txt")
    parser.add_argument("--out", type=Path, default=MODEL_PATH, help="model file to write")
    parser.add_argument("--c1", type=float, default=0.05)
    parser.add_argument("--c2", type=float, default=0.05)
    parser.add_argument("--iterations", type=int, default=200)
    args = parser.parse_args()

    train, dev = split(read_conll(args.train))
    args.out.parent.mkdir(parents=True, exist_ok=True)
    common = common_outside_names(train)
    (args.out.parent / COMMON_WORDS_NAME).write_text("\n".join(common) + "\n", "utf-8")
    names = names_in(train)
    (args.out.parent / CORPUS_NAMES_NAME).write_text(
        "".join(f"{w}\t{f}\n" for w, f in sorted(names.items())), "utf-8"
    )
    trainer = pycrfsuite.Trainer(verbose=False)
    # Each fold's sentences see the name lexicon of the other folds only, as a
    # new text sees the lexicon of the whole training set: otherwise every
    # training name would be in the lexicon and the tagger would trust it blindly.
    for fold in range(FOLDS):
        begin, end = fold * len(train) // FOLDS, (fold + 1) * len(train) // FOLDS
        use_corpus_names(names_in(train[:begin] + train[end:]))
        for sent in train[begin:end]:
            words = [w for w, _ in sent]
            trainer.append(sentence_features(words), [t for _, t in sent])
    use_corpus_names(names)
    trainer.set_params(
        {
            "c1": args.c1,
            "c2": args.c2,
            "max_iterations": args.iterations,
            "feature.possible_transitions": True,
        }
    )
    started = time.perf_counter()
    trainer.train(str(args.out))
    print(
        f"trained on {len(train)} sentences ({sum(map(len, train))} tokens), "
        f"held out {len(dev)} dev sentences, {time.perf_counter() - started:.0f}s -> {args.out}"
    )
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
