"""Train the cleaner's line model (a CRF over a page's lines) and write reader/clean/data/.

    python scripts/train_clean.py [--iterations 150]

Training pages: the *training sites* of tests/data/clean-eval/ (never a held-out site, so
bench/clean_eval.py measures pages of sites the model never saw) and the five seeds, whose
line labels come from the rule cleaner that passes their hand-made gold
(tests/data/clean-seed-labels.json). Every page is seen twice, once with its site's template
and once without, so the model works for a lone file as well as inside a site's ingest.
"""

from __future__ import annotations

import argparse
import json
from collections import defaultdict
from pathlib import Path
from typing import Any

import pycrfsuite

from reader.clean.html import extract
from reader.clean.linemodel import BODY, MODEL_PATH, OTHER, TITLE
from reader.clean.lines import is_arabic_sample, normalise
from reader.clean.template import SiteTemplate
from reader.clean.text import model_features, rule_verdicts

REPO = Path(__file__).resolve().parent.parent
EVAL = REPO / "tests" / "data" / "clean-eval"
SEED_LABELS = REPO / "tests" / "data" / "clean-seed-labels.json"


def page_lines(page: dict[str, Any]) -> list[str]:
    raw = (EVAL / page["file"]).read_text(encoding="utf-8")
    if page["kind"] == "html":
        raw = getattr(extract(raw), "text", "") or ""
    return [normalise(line) for line in raw.splitlines()]


def gold_labels(lines: list[str], page: dict[str, Any]) -> list[str]:
    body = set(page["body"])
    labels = []
    titled = False
    for line in lines:
        if not line:
            continue
        if line == page["title"] and not titled:
            labels.append(TITLE)
            titled = True
        else:
            labels.append(BODY if line in body else OTHER)
    return labels


def sequence(lines: list[str], template: SiteTemplate | None) -> list[list[str]]:
    verdicts = rule_verdicts(lines, is_arabic_sample(" ".join(lines[:60])))
    return model_features(lines, verdicts, template)[1]


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--iterations", type=int, default=150)
    parser.add_argument("--c1", type=float, default=0.1)
    parser.add_argument("--c2", type=float, default=0.05)
    args = parser.parse_args()
    gold = json.loads((EVAL / "gold.json").read_text("utf-8"))["pages"]
    pages = [p for p in gold if p["split"] == "train" and not p.get("not_article")]
    by_site: dict[str, list[list[str]]] = defaultdict(list)
    loaded = []
    for page in pages:
        lines = page_lines(page)
        by_site[page["site"]].append(lines)
        loaded.append((page, lines))
    templates = {site: SiteTemplate.from_documents(docs) for site, docs in by_site.items()}
    trainer = pycrfsuite.Trainer(verbose=False)
    count = 0
    for page, lines in loaded:
        labels = gold_labels(lines, page)
        for template in (None, templates[page["site"]]):
            features = sequence(lines, template)
            trainer.append(features, labels)
            # A copy without the rules' verdicts: the next site's cue words are not in the
            # lexicon, so the model must also learn to judge a line by its shape alone.
            trainer.append([[f for f in line if "rule=" not in f] for line in features], labels)
            count += 2
    seed_labels: dict[str, str] = json.loads(SEED_LABELS.read_text("utf-8"))["labels"]
    for name, labels in sorted(seed_labels.items()):
        text = (REPO / "seeds" / name).read_text(encoding="utf-8")
        lines = [normalise(line) for line in text.splitlines()]
        trainer.append(sequence(lines, None), list(labels))
        count += 1
    trainer.set_params(
        {
            "c1": args.c1,
            "c2": args.c2,
            "max_iterations": args.iterations,
            "feature.possible_transitions": True,
        }
    )
    MODEL_PATH.parent.mkdir(parents=True, exist_ok=True)
    trainer.train(str(MODEL_PATH))
    print(
        f"{count} sequences from {len(by_site)} training sites and the seeds; "
        f"model {MODEL_PATH.stat().st_size // 1024} KiB at {MODEL_PATH}"
    )


if __name__ == "__main__":
    main()
