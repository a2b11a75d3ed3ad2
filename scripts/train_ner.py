"""Train khabar's CRF entity tagger on ANERcorp and write it into reader/nlp/data/.

    python scripts/train_ner.py --train /path/to/anercorp/train.txt \
        --extra /path/to/WikiFANE_Gold_2014_500K.txt --extra-use tables

The dev block (the last sixth of the file, whole articles, see reader.nlp.corpus)
is held out so bench/ner_eval.py measures the shipped model on articles it never
saw; the word clusters, too, come from the training sentences only. With
--extra, WikiFANE Gold (reader.nlp.wikifane: Arabic Wikipedia, CC BY-SA 3.0) joins
the training part: its words feed the clusters, the name lexicon and the
common-word list, and with --extra-use all its sentences train the tagger too (the
shipped model: tables, see reader/nlp/data/README.md). Needs the
`train` extra: numpy and scipy for the clusters, wordfreq for the frequency bands
(training only: the reader never imports them).
"""

from __future__ import annotations

import argparse
import gzip
import time
from collections import Counter
from pathlib import Path

import pycrfsuite

from reader.nlp.corpus import Sentence, documents, read_conll, split
from reader.nlp.doc_features import document_features
from reader.nlp.features import (
    BANDS_NAME,
    CLUSTERS_NAME,
    COMMON_WORDS_NAME,
    CORPUS_NAMES_NAME,
    sentence_features,
    use_bands,
    use_clusters,
    use_common_words,
    use_corpus_names,
)
from reader.nlp.normalize import fold
from reader.nlp.tagger import MODEL_PATH
from reader.nlp.wikifane import read_wikifane

FOLDS = 5
_EXTRA_BLOCK = 50
CLUSTER_SIZES = (32, 128, 512)
CONTEXT_WORDS = 3000
DIMENSIONS = 80
# Words of general Arabic rarer than this Zipf value (a few per hundred million) are left
# out of the band table: missing means rare.
MIN_ZIPF = 2.0


def word_clusters(sents: list[list[str]], seed: int = 0) -> dict[str, tuple[str, ...]]:
    """k-means clusters, coarse to fine, of words seen twice or more, by the company they keep.

    Each word is a vector of positive PMI with the frequent words one and two
    places to its left and right, reduced by truncated SVD and normalised, and
    clustered at each of CLUSTER_SIZES. Unlabelled text only: no tag is read.
    numpy and scipy are needed here, at training time, never by the reader.
    """
    import numpy as np
    from scipy.sparse import csr_matrix
    from scipy.sparse.linalg import svds

    counts = Counter(w for s in sents for w in s)
    vocab = [w for w, n in counts.most_common() if n >= 2]
    index = {w: i for i, w in enumerate(vocab)}
    context = {w: i for i, w in enumerate(vocab[:CONTEXT_WORDS])}
    rows: list[int] = []
    cols: list[int] = []
    offsets = [(off, slot * CONTEXT_WORDS) for slot, off in enumerate((-2, -1, 1, 2))]
    for sent in sents:
        for j, word in enumerate(sent):
            if word not in index:
                continue
            for off, base in offsets:
                if 0 <= j + off < len(sent) and sent[j + off] in context:
                    rows.append(index[word])
                    cols.append(base + context[sent[j + off]])
    shape = (len(vocab), len(offsets) * CONTEXT_WORDS)
    m = csr_matrix((np.ones(len(rows)), (rows, cols)), shape=shape).tocoo()
    row_sums = np.asarray(m.sum(1)).ravel()
    col_sums = np.asarray(m.sum(0)).ravel() ** 0.75  # context smoothing (Levy et al.)
    pmi = np.log(m.data * col_sums.sum() / (row_sums[m.row] * col_sums[m.col]))
    keep = pmi > 0
    ppmi = csr_matrix((pmi[keep], (m.row[keep], m.col[keep])), shape=shape)
    u, sigma, _ = svds(ppmi, k=DIMENSIONS, random_state=seed)
    x = u * np.sqrt(sigma)
    x /= np.linalg.norm(x, axis=1, keepdims=True) + 1e-9
    rng = np.random.default_rng(seed)
    levels: list[list[str]] = []
    for k in CLUSTER_SIZES:
        centres = x[rng.choice(len(vocab), k, replace=False)]
        for _ in range(30):
            assign = np.argmax(x @ centres.T, axis=1)
            for j in range(k):
                members = x[assign == j]
                if len(members):
                    mean = members.mean(0)
                    centres[j] = mean / (np.linalg.norm(mean) + 1e-9)
        levels.append([str(a) for a in assign])
    return {w: tuple(level[i] for level in levels) for i, w in enumerate(vocab)}


def word_bands() -> dict[str, int]:
    """Folded word → 2 × Zipf frequency (rounded down) in wordfreq's large Arabic list, for
    words at MIN_ZIPF or above; spellings that fold together add up their frequencies.

    wordfreq (Apache-2.0 code, CC BY-SA 4.0 data) is a training-time dependency only;
    the reader gets the compact table this writes.
    """
    import math

    import wordfreq

    freq: dict[str, float] = {}
    for word in wordfreq.top_n_list("ar", 1_000_000, wordlist="large"):
        f = wordfreq.word_frequency(word, "ar", wordlist="large")
        if f <= 0:
            break
        folded = fold(word)
        if folded.isalpha():
            freq[folded] = freq.get(folded, 0.0) + f
    out: dict[str, int] = {}
    for word, f in freq.items():
        zipf = math.log10(f) + 9
        if zipf >= MIN_ZIPF:
            out[word] = int(2 * zipf)
    return out


def write_bands(path: Path, table: dict[str, int]) -> None:
    by_band: dict[int, list[str]] = {}
    for word, band in table.items():
        by_band.setdefault(band, []).append(word)
    text = "".join(f"{b}\t{' '.join(sorted(ws))}\n" for b, ws in sorted(by_band.items()))
    path.write_bytes(gzip.compress(text.encode("utf-8"), mtime=0))


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


def bioes(tags: list[str]) -> list[str]:
    """BIO tags rewritten so a name's last token (E-) and a one-token name (S-) have labels of
    their own: the tagger then learns where names end, not only where they start."""
    out: list[str] = []
    for i, tag in enumerate(tags):
        if tag == "O":
            out.append(tag)
            continue
        ends = i + 1 == len(tags) or tags[i + 1] != "I-" + tag[2:]
        prefix = tag[0]
        if prefix == "B" or not out or out[-1] == "O" or out[-1][2:] != tag[2:]:
            out.append(("S-" if ends else "B-") + tag[2:])
        else:
            out.append(("E-" if ends else "I-") + tag[2:])
    return out


def _block(sents: list[Sentence], part: int) -> list[Sentence]:
    return sents[part * len(sents) // FOLDS : (part + 1) * len(sents) // FOLDS]


def _outside(sents: list[Sentence], part: int) -> list[Sentence]:
    begin, end = part * len(sents) // FOLDS, (part + 1) * len(sents) // FOLDS
    return sents[:begin] + sents[end:]


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--train", type=Path, required=True, help="ANERcorp train.txt")
    parser.add_argument("--out", type=Path, default=MODEL_PATH, help="model file to write")
    parser.add_argument("--c1", type=float, default=0.05)
    parser.add_argument("--c2", type=float, default=0.1)
    parser.add_argument("--iterations", type=int, default=200)
    parser.add_argument("--scheme", choices=("bio", "bioes"), default="bioes")
    parser.add_argument("--extra", type=Path, help="WikiFANE_Gold_2014_500K.txt")
    parser.add_argument(
        "--extra-use",
        choices=("all", "tables"),
        default="all",
        help="train on the extra sentences too, or only feed the clusters and lexicons",
    )
    parser.add_argument(
        "--extra-share",
        type=int,
        default=1,
        help="keep one in N blocks of 50 extra sentences (training time grows with the text)",
    )
    parser.add_argument(
        "--no-document",
        dest="document",
        action="store_false",
        help="leave out the document flags (reader.nlp.doc_features)",
    )
    args = parser.parse_args()

    anercorp, dev = split(read_conll(args.train))
    extra = read_wikifane(args.extra) if args.extra else []
    extra = [s for i, s in enumerate(extra) if (i // _EXTRA_BLOCK) % args.extra_share == 0]
    train = anercorp + extra
    args.out.parent.mkdir(parents=True, exist_ok=True)
    common = common_outside_names(train)
    (args.out.parent / COMMON_WORDS_NAME).write_text("\n".join(common) + "\n", "utf-8")
    names = names_in(train)
    (args.out.parent / CORPUS_NAMES_NAME).write_text(
        "".join(f"{w}\t{f}\n" for w, f in sorted(names.items())), "utf-8"
    )
    table = word_clusters([[w for w, _ in sent] for sent in train])
    (args.out.parent / CLUSTERS_NAME).write_text(
        "".join(w + "\t" + "\t".join(cs) + "\n" for w, cs in table.items()), "utf-8"
    )
    use_clusters(table)
    bands = word_bands()
    write_bands(args.out.parent / BANDS_NAME, bands)
    use_bands(bands)
    trainer = pycrfsuite.Trainer(verbose=False)
    # Each fold's sentences see the name lexicon of the other folds only, as a
    # new text sees the lexicon of the whole training set: otherwise every
    # training name would be in the lexicon and the tagger would trust it blindly.
    tagged = extra if args.extra_use == "all" else []
    # A fold is a block of each corpus, so every fold sees names from both.
    for part in range(FOLDS):
        held = [s for corpus in (anercorp, tagged) for s in _block(corpus, part)]
        others = [s for corpus in (anercorp, extra) for s in _outside(corpus, part)]
        use_corpus_names(names_in(others))
        use_common_words(frozenset(common_outside_names(others)))
        for doc in documents(held):
            texts = [[w for w, _ in sent] for sent in doc]
            flags = document_features(texts) if args.document else [[[]] * len(t) for t in texts]
            for sent, words, shared in zip(doc, texts, flags, strict=True):
                tags = [t for _, t in sent]
                labels = bioes(tags) if args.scheme == "bioes" else tags
                attrs = [a + f for a, f in zip(sentence_features(words), shared, strict=True)]
                trainer.append(attrs, labels)
    use_corpus_names(names)
    use_common_words(frozenset(common))
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
        f"trained on {len(anercorp)} ANERcorp + {len(tagged)} extra sentences, "
        f"tables from {len(extra)} extra sentences too "
        f"({sum(map(len, train))} tokens), "
        f"held out {len(dev)} dev sentences, {time.perf_counter() - started:.0f}s -> {args.out}"
    )
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
