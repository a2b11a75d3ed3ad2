"""The single writer's CPU per article: the figure that says whether a change to
reader/store/write.py made storing slower.

    python bench/writer.py [--count 1000] [--runs 5] [--batch 64]

The corpus is bench/ingest.py's generated one (bench/make_corpus.py). Documents
are prepared once, with entities, outside the clock; then each run stores all
of them, in batches as the pipeline sends them, into a fresh database, and its
CPU time (not wall time: the machine is shared) is divided by the articles
stored. Prints each run, the median and the load average.
"""

from __future__ import annotations

import argparse
import os
import statistics
import sys
import tempfile
import time
from pathlib import Path

HERE = Path(__file__).resolve().parent
sys.path.insert(0, str(HERE))

from make_corpus import make_corpus  # noqa: E402

from reader.ingest import prepare  # noqa: E402
from reader.nlp.extract import extract_entities  # noqa: E402
from reader.store.records import DocumentRow  # noqa: E402
from reader.store.schema import connect  # noqa: E402
from reader.store.write import insert_documents  # noqa: E402


def documents(count: int) -> list[DocumentRow]:
    folder = HERE / ".cache" / f"corpus-{count}"
    marker = folder / ".complete"
    if not marker.exists():
        make_corpus(count, folder, seed=7)
        marker.touch()
    options = prepare.Options(db_path=None, extractor=extract_entities)
    paths = sorted(folder.rglob("*.txt"))
    outcomes = [o for path in paths for o in prepare.prepare_file(path, options)]
    return [o for o in outcomes if isinstance(o, DocumentRow)]


def one_run(docs: list[DocumentRow], batch: int) -> tuple[float, int]:
    """CPU ms per stored article of one run into a fresh database, and the articles."""
    with tempfile.TemporaryDirectory() as tmp:
        conn = connect(Path(tmp) / "writer.db")
        started = time.process_time()
        for i in range(0, len(docs), batch):
            insert_documents(conn, docs[i : i + batch])
        spent = time.process_time() - started
        (articles,) = conn.execute("SELECT count(*) FROM articles").fetchone()
        conn.close()
    return 1000 * spent / int(articles), int(articles)


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0] if __doc__ else None)
    parser.add_argument("--count", type=int, default=1000)
    parser.add_argument("--runs", type=int, default=5)
    parser.add_argument("--batch", type=int, default=64)
    args = parser.parse_args()
    docs = documents(args.count)
    figures = []
    for run in range(args.runs):
        ms, articles = one_run(docs, args.batch)
        figures.append(ms)
        print(f"run {run + 1}: {ms:.3f} CPU ms/article ({articles} articles)")
    one, five, _ = os.getloadavg()
    print(
        f"writer: median {statistics.median(figures):.3f} CPU ms/article over {args.runs} runs,"
        f" batches of {args.batch}; load average {one:.2f} (1 min), {five:.2f} (5 min)"
        f" on {os.cpu_count()} cores"
    )
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
