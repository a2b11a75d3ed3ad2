"""Evaluate entity recognition on the ANERcorp dev carve-out: per-type P/R/F1 and speed.

    python bench/ner_eval.py --train /path/to/anercorp/train.txt

Two layers are scored, each dev sentence on its own: the CRF tagger alone
(the statistical layer, trained on ANERcorp's conventions), and the whole
recogniser a reader gets — gazetteer, trigger patterns, CRF and in-text
propagation through extract_entities — on the sentence joined as text. The
rule layers follow news conventions rather than ANERcorp's (وزارة الخارجية is an
organisation to them), which costs the whole recogniser ORG precision here.
Scoring is CoNLL style: an entity counts only when its span and type both
match exactly. Speed is measured with the feature cache cleared first, on one core, as wall
and as CPU time: the two cores are shared, and others stretch the wall clock.
"""

from __future__ import annotations

import argparse
import bisect
import os
import time
from collections import Counter
from collections.abc import Callable
from pathlib import Path

from reader.nlp import tagger
from reader.nlp.corpus import Sentence, read_conll, split
from reader.nlp.extract import extract_entities

TYPES = ("PER", "LOC", "ORG", "MISC")


def spans(labels: list[str]) -> set[tuple[int, int, str]]:
    """Entity spans from BIO labels; an I- without a matching open span starts one."""
    out: set[tuple[int, int, str]] = set()
    start, kind = -1, ""
    for i, label in enumerate([*labels, "O"]):
        prefix, _, this = label.partition("-")
        if kind and (prefix != "I" or this != kind):
            out.add((start, i, kind))
            kind = ""
        if prefix == "B" or (prefix == "I" and not kind):
            start, kind = i, this
    return out


def prf(tp: int, fp: int, fn: int) -> tuple[float, float, float]:
    p = tp / (tp + fp) if tp + fp else 0.0
    r = tp / (tp + fn) if tp + fn else 0.0
    f = 2 * p * r / (p + r) if p + r else 0.0
    return 100 * p, 100 * r, 100 * f


def pipeline_spans(words: list[str]) -> set[tuple[int, int, str]]:
    """extract_entities on the words joined by spaces, mapped back to word indices."""
    starts: list[int] = []
    pos = 0
    for word in words:
        starts.append(pos)
        pos += len(word) + 1
    return {
        (
            bisect.bisect_right(starts, m.start) - 1,
            bisect.bisect_right(starts, m.end - 1),
            m.kind,
        )
        for m in extract_entities(" ".join(words))
    }


def crf_spans(words: list[str]) -> set[tuple[int, int, str]]:
    return spans(tagger.tag(words))


def report(
    title: str, dev: list[Sentence], predict: Callable[[list[str]], set[tuple[int, int, str]]]
) -> None:
    tagger.clear_cache()
    tp: Counter[str] = Counter()
    fp: Counter[str] = Counter()
    fn: Counter[str] = Counter()
    n_tokens = 0
    elapsed = cpu = 0.0
    for sent in dev:
        words = [w for w, _ in sent]
        started, started_cpu = time.perf_counter(), time.process_time()
        pred = predict(words)
        cpu += time.process_time() - started_cpu
        elapsed += time.perf_counter() - started
        n_tokens += len(words)
        gold = spans([t for _, t in sent])
        for _, _, kind in gold & pred:
            tp[kind] += 1
        for _, _, kind in pred - gold:
            fp[kind] += 1
        for _, _, kind in gold - pred:
            fn[kind] += 1

    print(f"\n{title}")
    print(f"{'type':6} {'P':>6} {'R':>6} {'F1':>6} {'gold':>6}")
    for kind in TYPES:
        p, r, f = prf(tp[kind], fp[kind], fn[kind])
        print(f"{kind:6} {p:6.1f} {r:6.1f} {f:6.1f} {tp[kind] + fn[kind]:6d}")
    for label, kinds in (("micro3", TYPES[:3]), ("micro4", TYPES)):
        p, r, f = prf(*(sum(c[k] for k in kinds) for c in (tp, fp, fn)))
        print(f"{label:6} {p:6.1f} {r:6.1f} {f:6.1f}")
    print(
        f"speed: {1e6 * elapsed / n_tokens:.1f} ms per 1,000 tokens, "
        f"{n_tokens / elapsed:,.0f} tokens/s wall, {n_tokens / cpu:,.0f} tokens/s of CPU time "
        f"(one core, cold feature cache; load average {os.getloadavg()[0]:.2f} on 2 shared cores)"
    )


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--train", type=Path, required=True, help="ANERcorp train.txt")
    parser.add_argument("--model", type=Path, help="model file (default: the shipped one)")
    args = parser.parse_args()
    if args.model:
        tagger.use_model(args.model)
    _, dev = split(read_conll(args.train))
    tagger.tag(["تحميل"])
    extract_entities("تحميل")
    n_tokens = sum(map(len, dev))
    print(f"dev: {len(dev)} sentences, {n_tokens} tokens (every 10th sentence of the train file)")
    report("CRF layer alone (features + Viterbi):", dev, crf_spans)
    report(
        "whole recogniser (gazetteer + triggers + CRF + propagation, extract_entities):",
        dev,
        pipeline_spans,
    )
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
