"""Ingest throughput (issue 2, acceptance 4): articles per second for clean + store.

    python bench/ingest.py [--count 10000] [--workers 2]

Generates the corpus once into bench/.cache (bench/make_corpus.py, fixed seed),
then ingests it into a fresh database in a temporary directory with every core,
first without entity extraction, then with it when reader.nlp.extract exists.
"""

from __future__ import annotations

import argparse
import importlib.util
import os
import sys
import tempfile
import time
from pathlib import Path

HERE = Path(__file__).resolve().parent
sys.path.insert(0, str(HERE))

from make_corpus import make_corpus  # noqa: E402

from reader.ingest.pipeline import ingest_paths  # noqa: E402

TARGET = 500


def corpus(count: int) -> Path:
    folder = HERE / ".cache" / f"corpus-{count}"
    marker = folder / ".complete"
    if not marker.exists():
        print(f"generating {count} articles into {folder} …", file=sys.stderr)
        make_corpus(count, folder, seed=7)
        marker.touch()
    return folder


def measure(folder: Path, *, entities: bool, workers: int) -> tuple[float, int, int]:
    with tempfile.TemporaryDirectory() as tmp:
        db = Path(tmp) / "bench.db"
        start = time.perf_counter()
        report = ingest_paths(db, [folder], entities=entities, workers=workers, progress=True)
        elapsed = time.perf_counter() - start
        for note in report.notes:
            print(f"note: {note}", file=sys.stderr)
        if report.failed:
            print(f"{len(report.failed)} failed, e.g. {report.failed[0]}", file=sys.stderr)
        return elapsed, report.articles, db.stat().st_size


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0] if __doc__ else None)
    parser.add_argument("--count", type=int, default=10_000)
    parser.add_argument("--workers", type=int, default=os.cpu_count() or 1)
    args = parser.parse_args()
    folder = corpus(args.count)
    runs = [False]
    if importlib.util.find_spec("reader.nlp.extract") is not None:
        runs.append(True)
    else:
        print("with entities: skipped (reader.nlp.extract is not available)")
    for entities in runs:
        elapsed, articles, size = measure(folder, entities=entities, workers=args.workers)
        rate = articles / elapsed
        label = "with entities   " if entities else "without entities"
        verdict = ""
        if not entities:
            verdict = f" (target ≥ {TARGET}: {'ok' if rate >= TARGET else 'MISSED'})"
        print(
            f"{label}: {articles} articles in {elapsed:.1f} s = {rate:,.0f} articles/s"
            f" with {args.workers} workers, {size / articles / 1024:.1f} KiB/article{verdict}"
        )
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
