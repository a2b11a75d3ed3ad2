"""Evaluate entity recognition on the ANERcorp dev block: P/R/F1, seen vs unseen names, speed.

    python bench/ner_eval.py --train /path/to/anercorp/train.txt [--model PATH] [--no-ablation]
        [--sentences]

Dev is the last sixth of the training file, whole articles (reader.nlp.corpus), so
most of its names are not in the training part, as in new news text. Two layers are
scored, one pseudo-article at a time (reader.nlp.corpus.documents; a reader gets
whole articles, and the document flags and in-text propagation read all of one;
--sentences gives each sentence alone instead): the CRF tagger alone, and the whole
recogniser a reader gets (gazetteer, trigger patterns, CRF, boundary repair and
in-text propagation through extract_entities) on the article's sentences joined as
text, a line each. Scoring is CoNLL style: an entity counts only when its span and
type both match exactly. A dev entity is "seen" when the same folded word string is
an entity anywhere in the training part; a predicted entity is scored on the seen or
unseen side by the same test. The ablation table switches each rule layer of the
whole recogniser off in turn. The dev block is also cut in two by pseudo-articles:
dev-tune (its first half) is where rules and features are chosen, dev-check (the second
half) is never looked at for that, so a gain that shows on tune and not on check is a
fix for a few pages, not a rule. Speed is measured with the feature cache cleared
first, on one core, as wall and as CPU time: the two cores are shared, and others
stretch the wall clock.
"""

from __future__ import annotations

import argparse
import bisect
import os
import time
from collections import Counter
from collections.abc import Callable
from dataclasses import dataclass, field
from pathlib import Path

from reader.nlp import tagger
from reader.nlp.corpus import Sentence, documents, read_conll, split
from reader.nlp.extract import LAYERS, extract_entities

TYPES = ("PER", "LOC", "ORG", "MISC")
MAIN = TYPES[:3]
Span = tuple[int, int, str]
Predict = Callable[[list[list[str]]], set[Span]]


def spans(labels: list[str]) -> set[Span]:
    """Entity spans from BIO labels; an I- without a matching open span starts one."""
    out: set[Span] = set()
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


def pipeline(off: frozenset[str] = frozenset()) -> Predict:
    """extract_entities on the document's text (a line per sentence, its words joined by
    spaces), mapped back to word indices."""

    def predict(doc: list[list[str]]) -> set[Span]:
        starts: list[int] = []
        pos = 0
        for word in (w for words in doc for w in words):
            starts.append(pos)
            pos += len(word) + 1
        text = "\n".join(" ".join(words) for words in doc)
        return {
            (
                bisect.bisect_right(starts, m.start) - 1,
                bisect.bisect_right(starts, m.end - 1),
                m.kind,
            )
            for m in extract_entities(text, off)
        }

    return predict


def crf_spans(doc: list[list[str]]) -> set[Span]:
    out: set[Span] = set()
    at = 0
    for words, labels in zip(doc, tagger.tag_sentences(doc), strict=True):
        out |= {(a + at, b + at, kind) for a, b, kind in spans(labels)}
        at += len(words)
    return out


@dataclass
class Score:
    """Counts by kind, and by kind on the seen and the unseen side."""

    tp: Counter[str] = field(default_factory=Counter)
    fp: Counter[str] = field(default_factory=Counter)
    fn: Counter[str] = field(default_factory=Counter)
    tokens: int = 0
    wall: float = 0.0
    cpu: float = 0.0

    def kind(self, kind: str) -> tuple[float, float, float]:
        return prf(self.tp[kind], self.fp[kind], self.fn[kind])

    def micro(self, kinds: tuple[str, ...], side: str = "") -> tuple[float, float, float]:
        return prf(*(sum(c[side + k] for k in kinds) for c in (self.tp, self.fp, self.fn)))


def score(dev: list[list[Sentence]], seen: set[tuple[str, ...]], predict: Predict) -> Score:
    """Counts over the dev documents, each given to `predict` whole."""
    tagger.clear_cache()
    out = Score()
    for doc in dev:
        texts = [[w for w, _ in sent] for sent in doc]
        words = [w for t in texts for w in t]
        started, started_cpu = time.perf_counter(), time.process_time()
        pred = predict(texts)
        out.cpu += time.process_time() - started_cpu
        out.wall += time.perf_counter() - started
        out.tokens += len(words)
        gold: set[Span] = set()
        at = 0
        for sent in doc:
            gold |= {(a + at, b + at, kind) for a, b, kind in spans([t for _, t in sent])}
            at += len(sent)

        for counter, group in ((out.tp, gold & pred), (out.fp, pred - gold), (out.fn, gold - pred)):
            for a, b, kind in group:
                side = "seen:" if tuple(words[a:b]) in seen else "unseen:"
                counter[kind] += 1
                counter[side + kind] += 1
    return out


def report(title: str, s: Score) -> None:
    print(f"\n{title}")
    print(f"{'type':8} {'P':>6} {'R':>6} {'F1':>6} {'gold':>6}")
    for kind in TYPES:
        p, r, f = s.kind(kind)
        print(f"{kind:8} {p:6.1f} {r:6.1f} {f:6.1f} {s.tp[kind] + s.fn[kind]:6d}")
    for label, kinds in (("micro3", MAIN), ("micro4", TYPES)):
        p, r, f = s.micro(kinds)
        print(f"{label:8} {p:6.1f} {r:6.1f} {f:6.1f}")
    print("seen vs unseen names (P/R/F1; gold count):")
    groups: list[tuple[tuple[str, ...], str]] = [((k,), k) for k in MAIN]
    for group, label in [*groups, (MAIN, "micro3")]:
        row = [f"  {label:7}"]
        for side in ("seen:", "unseen:"):
            p, r, f = s.micro(group, side)
            gold = sum(s.tp[side + k] + s.fn[side + k] for k in group)
            row.append(f"{side:8}{p:5.1f} /{r:5.1f} /{f:5.1f} ({gold:4d})")
        print("  ".join(row))
    print(
        f"speed: {1e6 * s.wall / s.tokens:.1f} ms per 1,000 tokens, "
        f"{s.tokens / s.wall:,.0f} tokens/s wall, {s.tokens / s.cpu:,.0f} tokens/s of CPU time "
        f"(one core, cold feature cache; load average {os.getloadavg()[0]:.2f} on 2 shared cores)"
    )


def halves(docs: list[list[Sentence]]) -> tuple[list[list[Sentence]], list[list[Sentence]]]:
    """The documents split where the first half of the sentences ends (whole documents)."""
    total, at = sum(map(len, docs)), 0
    for cut, doc in enumerate(docs):
        if 2 * at >= total:
            return docs[:cut], docs[cut:]
        at += len(doc)
    return docs, []


def tune_check(docs: list[list[Sentence]], seen: set[tuple[str, ...]]) -> None:
    """The whole recogniser and the CRF alone on dev-tune and on dev-check, a line each."""
    print("\ndev-tune (choose on it) vs dev-check (never tuned on):")
    print(
        f"{'part':16} {'docs':>5} {'micro3':>7} {'PER':>6} {'LOC':>6} {'ORG':>6}"
        f" {'unseenPER R':>12}"
    )
    for layer, predict in (("", pipeline()), (" CRF", crf_spans)):
        for name, part in zip(("dev-tune", "dev-check"), halves(docs), strict=True):
            s = score(part, seen, predict)
            print(
                f"{name + layer:16} {len(part):5d} {s.micro(MAIN)[2]:7.1f} "
                + " ".join(f"{s.kind(k)[2]:6.1f}" for k in MAIN)
                + f" {s.micro(('PER',), 'unseen:')[1]:12.1f}"
            )


def ablations(dev: list[list[Sentence]], seen: set[tuple[str, ...]], full: Score) -> None:
    """The whole recogniser with each rule layer off in turn; a layer earns its place where
    switching it off costs micro-F1."""
    print("\nablation (whole recogniser, one layer off; change vs all layers on):")
    print(f"{'off':12} {'micro3':>7} {'PER':>6} {'LOC':>6} {'ORG':>6} {'unseenPER R':>12}")
    rows = [("(none)", full)]
    rows += [(layer, score(dev, seen, pipeline(frozenset({layer})))) for layer in LAYERS]
    base = full.micro(MAIN)[2]
    for name, s in rows:
        figures = [s.micro(MAIN)[2], *(s.kind(k)[2] for k in MAIN)]
        delta = f" ({figures[0] - base:+.1f})" if s is not full else ""
        print(
            f"{name:12} {figures[0]:7.1f} {figures[1]:6.1f} {figures[2]:6.1f} {figures[3]:6.1f} "
            f"{s.micro(('PER',), 'unseen:')[1]:12.1f}{delta}"
        )


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--train", type=Path, required=True, help="ANERcorp train.txt")
    parser.add_argument("--model", type=Path, help="model file (default: the shipped one)")
    parser.add_argument("--no-ablation", action="store_true", help="skip the ablation table")
    parser.add_argument(
        "--sentences",
        action="store_true",
        help="give each dev sentence on its own (no document context), as before document flags",
    )
    args = parser.parse_args()
    if args.model:
        tagger.use_model(args.model)
    train, dev = split(read_conll(args.train))
    seen = {
        tuple(w for w, _ in sent[a:b]) for sent in train for a, b, _ in spans([t for _, t in sent])
    }
    tagger.tag(["تحميل"])
    extract_entities("تحميل")
    n_tokens = sum(map(len, dev))
    gold_all = [
        tuple(w for w, _ in sent[a:b]) for sent in dev for a, b, _ in spans([t for _, t in sent])
    ]
    share = sum(g in seen for g in gold_all) / len(gold_all)
    print(
        f"dev: {len(dev)} sentences, {n_tokens} tokens (the last sixth of the train file, "
        f"whole articles); train part: {len(train)} sentences"
    )
    print(
        f"dev entities whose string is an entity in the train part: {100 * share:.1f}% "
        f"of {len(gold_all)}"
    )
    docs = [[sent] for sent in dev] if args.sentences else documents(dev)
    print(
        f"scored as {len(docs)} "
        + ("single sentences" if args.sentences else "pseudo-articles (reader.nlp.corpus)")
    )
    report("CRF layer alone (features + Viterbi):", score(docs, seen, crf_spans))
    full = score(docs, seen, pipeline())
    report("whole recogniser (extract_entities: every layer):", full)
    tune_check(docs, seen)
    if not args.no_ablation:
        ablations(docs, seen, full)
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
