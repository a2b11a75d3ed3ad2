"""Ingest throughput: articles/s and words/s with and without entities, CPU by stage.

    python bench/ingest.py [--count 10000] [--workers 2]
    python bench/ingest.py --corpus real --train PATH/anercorp/train.txt [--count 2000]

`--corpus generated` (the default) recombines the seeds' paragraphs
(bench/make_corpus.py); `--corpus real` joins ANERcorp's training sentences into
real-length articles (bench/real_corpus.py, 250–600 words each). Either corpus
is generated once into bench/.cache, deterministically.

Each ingest runs in a child process, into a fresh database, so its CPU time and
peak RSS are its own: without entities and with entities at --workers, and with
entities at 8 workers to show the writer's share of the CPU (the main process
does nothing but write; the entity model is loaded before the clock starts, as
ingest loads it once before its workers fork). The machine is shared, so beside the wall-clock rate
the CPU milliseconds per article are printed, which others' load barely moves.
The per-stage table times each stage in one process over --stage-sample
articles. The export hash (sha256 of `khabar export` on the with-entities
database) must not change when only speed work was done.
"""

from __future__ import annotations

import argparse
import hashlib
import json
import os
import resource
import subprocess
import sys
import tempfile
import time
from collections import Counter
from collections.abc import Callable
from pathlib import Path
from typing import Any

HERE = Path(__file__).resolve().parent
sys.path.insert(0, str(HERE))

from make_corpus import make_corpus  # noqa: E402
from real_corpus import make_real_corpus  # noqa: E402

from reader.ingest.pipeline import ingest_paths  # noqa: E402

TARGET_RATE = 300
GROUPING_SHARE = 0.15
TARGET_RATIO = 0.5
STAGES = (
    "decode",
    "clean",
    "tokenise",
    "CRF features",
    "CRF tagging",
    "rules",
    "propagation",
    "search folding",
    "writer",
)


def load() -> str:
    one, five, _ = os.getloadavg()
    return f"load average {one:.2f} (1 min), {five:.2f} (5 min) on {os.cpu_count()} cores"


def corpus(kind: str, count: int, train: Path | None) -> Path:
    folder = HERE / ".cache" / f"{'real' if kind == 'real' else 'corpus'}-{count}"
    marker = folder / ".complete"
    if not marker.exists():
        print(f"generating {count} articles into {folder} …", file=sys.stderr)
        if kind == "real":
            if train is None:
                raise SystemExit("--corpus real needs --train PATH (ANERcorp train.txt)")
            make_real_corpus(train, count, folder, seed=7)
        else:
            make_corpus(count, folder, seed=7)
        marker.touch()
    return folder


def export_hash(db: Path, folder: Path) -> str:
    """sha256 of the export, file paths made relative to the corpus (it may move)."""
    from reader.store.export import iter_export
    from reader.store.schema import connect

    digest = hashlib.sha256()
    conn = connect(db, readonly=True)
    try:
        for record in iter_export(conn):
            record["source_path"] = str(Path(record["source_path"]).relative_to(folder))
            digest.update(json.dumps(record, ensure_ascii=False, sort_keys=True).encode())
            digest.update(b"\n")
    finally:
        conn.close()
    return digest.hexdigest()[:16]


def run_one(folder: Path, *, entities: bool, workers: int) -> dict[str, Any]:
    """One ingest in this (child) process; its figures as a dict."""
    if entities:
        # The model loads once, before the workers fork: a start-up cost, not per article.
        extract_entities("تحميل")
    loaded = resource.getrusage(resource.RUSAGE_SELF)
    with tempfile.TemporaryDirectory() as tmp:
        db = Path(tmp) / "bench.db"
        start = time.perf_counter()
        report = ingest_paths(db, [folder], entities=entities, workers=workers, progress=False)
        elapsed = time.perf_counter() - start
        me = resource.getrusage(resource.RUSAGE_SELF)
        kids = resource.getrusage(resource.RUSAGE_CHILDREN)
        words = sum(len(p.read_text("utf-8").split()) for p in sorted(folder.rglob("*.txt")))
        return {
            "elapsed": elapsed,
            "articles": report.articles,
            "documents": report.added,
            "failed": len(report.failed),
            "words": words,
            "writer_cpu": me.ru_utime + me.ru_stime - loaded.ru_utime - loaded.ru_stime,
            "workers_cpu": kids.ru_utime + kids.ru_stime,
            "rss_mb": max(me.ru_maxrss, kids.ru_maxrss) / 1024,
            "size": db.stat().st_size,
            "parts": size_parts(db),
            "hash": export_hash(db, folder) if entities else "",
            "notes": report.notes,
            "grouping": grouping_cpu(db),
        }


# What each part of the database holds, by the tables and indexes dbstat names.
PARTS = {
    "articles": ("articles", "articles_order", "articles_document"),
    "documents.raw": ("documents", "documents_sha256", "documents_path", "documents_feed"),
    "FTS": ("articles_fts_data", "articles_fts_idx", "articles_fts_docsize"),
    "mentions": ("mentions",),
    "article entities": ("article_entities", "article_entities_article"),
    "stories": ("story_bands", "story_signatures", "story_members", "story_members_story"),
}


def size_parts(db: Path) -> dict[str, int]:
    """Bytes of pages per part of the database (sqlite's dbstat), the rest as "other"."""
    import sqlite3

    conn = sqlite3.connect(db)
    try:
        pages = dict(conn.execute("SELECT name, SUM(pgsize) FROM dbstat GROUP BY name"))
    finally:
        conn.close()
    parts = {part: sum(pages.pop(n, 0) for n in names) for part, names in PARTS.items()}
    parts["other"] = sum(pages.values())
    return parts


def grouping_cpu(db_path: Path) -> float:
    """The CPU seconds story grouping (issue 14) cost that ingest, timed in its two halves
    on the stored articles: the signatures (the workers' part) and the band lookups and
    checks (the writer's, replayed in order on the same database with its story tables
    emptied). CPU time, like the ingest's own figure here, so others' load barely moves it."""
    from reader.store.body import BODY_COLUMNS, BODY_JOIN, body_text
    from reader.store.schema import connect
    from reader.store.search_text import index_text
    from reader.store.stories import assign_story
    from reader.store.story_sign import signature
    from reader.store.transaction import transaction

    conn = connect(db_path)
    rows = [
        (i, t, body_text(packed, raw), p)
        for i, t, packed, raw, p in conn.execute(
            f"SELECT a.id, a.title, {BODY_COLUMNS}, a.published FROM {BODY_JOIN} ORDER BY a.id"
        )
    ]
    folded = [(i, index_text(t), index_text(b).split("\n", 1)[0], p, b) for i, t, b, p in rows]
    signature("تحميل " * 20)  # datasketch's import is a one-off per process, not per article
    start = time.process_time()
    signatures = [signature(body) for _, _, body, _, _ in folded]
    signing = time.process_time() - start
    with transaction(conn):
        for table in ("story_members", "story_sizes", "story_bands", "story_signatures"):
            conn.execute(f"DELETE FROM {table}")
    start = time.process_time()
    with transaction(conn):
        for (article_id, title, _, published, body), sig in zip(folded, signatures, strict=True):
            assign_story(conn, article_id, sig, title, published, body)
    writing = time.process_time() - start
    conn.close()
    return signing + writing


def spawn(folder: Path, *, entities: bool, workers: int) -> dict[str, Any]:
    command = [sys.executable, __file__, "--child", str(folder), "--workers", str(workers)]
    if entities:
        command.append("--entities")
    done = subprocess.run(command, capture_output=True, text=True, check=True)
    result: dict[str, Any] = json.loads(done.stdout.strip().splitlines()[-1])
    return result


def _timed(owner: Any, name: str, stage: str, spent: Counter[str]) -> Callable[[], None]:
    """Wrap owner.name so its CPU time adds to spent[stage]; return the undo."""
    original = getattr(owner, name)

    def wrapper(*args: Any, **kwargs: Any) -> Any:
        started = time.process_time_ns()
        try:
            return original(*args, **kwargs)
        finally:
            spent[stage] += time.process_time_ns() - started

    setattr(owner, name, wrapper)
    return lambda: setattr(owner, name, original)


def stage_table(folder: Path, sample: int) -> tuple[dict[str, float], int]:
    """CPU ms per article of each stage, inclusive times turned exclusive, in this process."""
    from reader.ingest import prepare
    from reader.nlp import extract, tagger
    from reader.store import records
    from reader.store.records import DocumentRow
    from reader.store.schema import connect
    from reader.store.write import insert_documents

    files = sorted(folder.rglob("*.txt"))[:sample]
    extract_entities("تحميل")
    spent: Counter[str] = Counter()
    undo = [
        _timed(prepare, "read_bytes", "decode", spent),
        _timed(prepare, "decode", "decode", spent),
        _timed(prepare, "clean_document", "clean", spent),
        _timed(extract, "columns", "tokenise", spent),
        _timed(extract, "_crf_labels", "crf", spent),
        _timed(tagger, "emissions", "CRF features", spent),
        _timed(extract._Doc, "propagate", "propagation", spent),
        _timed(records, "index_text", "search folding", spent),
    ]
    options = prepare.Options(db_path=None, extractor=_entities_timed(spent))
    try:
        outcomes = [o for path in files for o in prepare.prepare_file(path, options)]
    finally:
        for step in undo:
            step()
    docs = [o for o in outcomes if isinstance(o, DocumentRow)]
    with tempfile.TemporaryDirectory() as tmp:
        conn = connect(Path(tmp) / "stages.db")
        started = time.process_time_ns()
        for i in range(0, len(docs), 64):
            insert_documents(conn, docs[i : i + 64])
        spent["writer"] += time.process_time_ns() - started
        conn.close()
    articles = sum(1 + _appended(d.article) for d in docs)
    spent["CRF tagging"] = spent["crf"] - spent["CRF features"]
    spent["rules"] = spent["entities"] - spent["tokenise"] - spent["crf"] - spent["propagation"]
    return {stage: spent[stage] / 1e6 / articles for stage in STAGES}, articles


def _appended(article: Any) -> int:
    return sum(1 + _appended(a) for a in article.appended)


def _entities_timed(spent: Counter[str]) -> Callable[[str], Any]:
    from reader.nlp import extract

    def run(text: str) -> Any:
        started = time.process_time_ns()
        try:
            return extract.extract_entities(text)
        finally:
            spent["entities"] += time.process_time_ns() - started

    return run


def extract_entities(text: str) -> None:
    """Warm the model and tables so the stage table is not charged for loading them."""
    from reader.nlp.extract import extract_entities as extract

    extract(text)


def show(label: str, r: dict[str, Any], workers: int) -> None:
    rate = r["articles"] / r["elapsed"]
    cpu_ms = 1000 * (r["writer_cpu"] + r["workers_cpu"]) / r["articles"]
    share = r["writer_cpu"] / (r["writer_cpu"] + r["workers_cpu"])
    print(
        f"{label} ({workers} workers): {r['articles']} articles in {r['elapsed']:.1f} s ="
        f" {rate:,.0f} articles/s, {r['words'] / r['elapsed']:,.0f} words/s;"
        f" CPU {cpu_ms:.2f} ms/article (writer {share:.0%} of it);"
        f" peak RSS {r['rss_mb']:.0f} MB; {r['size'] / r['articles'] / 1024:.1f} KiB/article"
        + (f"; export hash {r['hash']}" if r["hash"] else "")
    )
    print(
        "  KiB/article by part: "
        + ", ".join(f"{k} {v / r['articles'] / 1024:.2f}" for k, v in r["parts"].items())
    )
    cpu = r["writer_cpu"] + r["workers_cpu"]
    share = r["grouping"] / cpu
    print(
        f"  story grouping: {1000 * r['grouping'] / r['articles']:.2f} of {cpu_ms:.2f} CPU"
        f" ms/article = {share:.1%} of ingest time (target ≤ {GROUPING_SHARE:.0%}:"
        f" {'ok' if share <= GROUPING_SHARE else 'MISSED'})"
    )
    for note in r["notes"]:
        print(f"  note: {note}")
    if r["failed"]:
        print(f"  {r['failed']} files failed")


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0] if __doc__ else None)
    parser.add_argument("--corpus", choices=["generated", "real"], default="generated")
    parser.add_argument("--train", type=Path, help="ANERcorp train.txt (for --corpus real)")
    parser.add_argument("--count", type=int, default=None, help="articles (10000 / 2000)")
    parser.add_argument("--workers", type=int, default=2)
    parser.add_argument("--stage-sample", type=int, default=300)
    parser.add_argument("--no-wide", action="store_true", help="skip the 8-worker run")
    parser.add_argument("--stages-only", action="store_true", help="only the per-stage table")
    parser.add_argument("--child", type=Path, help=argparse.SUPPRESS)
    parser.add_argument("--entities", action="store_true", help=argparse.SUPPRESS)
    args = parser.parse_args()
    if args.child:
        result = run_one(args.child, entities=args.entities, workers=args.workers)
        print(json.dumps(result))
        return 0
    count = args.count or (2000 if args.corpus == "real" else 10_000)
    folder = corpus(args.corpus, count, args.train)
    print(f"corpus: {args.corpus}, {count} files in {folder}; {load()}")
    if not args.stages_only:
        ingest_runs(folder, args.workers, wide=not args.no_wide)
    table, articles = stage_table(folder, args.stage_sample)
    print(f"CPU ms per article by stage, one process, {articles} articles ({load()}):")
    for stage in STAGES:
        print(f"  {stage:15} {table[stage]:6.2f}")
    print(f"  {'total':15} {sum(table.values()):6.2f}")
    return 0


def ingest_runs(folder: Path, workers: int, *, wide: bool) -> None:
    """The whole ingests: without and with entities at `workers`, then at 8 if `wide`."""
    plain = spawn(folder, entities=False, workers=workers)
    show("without entities", plain, workers)
    full = spawn(folder, entities=True, workers=workers)
    show("with entities   ", full, workers)
    if wide:
        eight = spawn(folder, entities=True, workers=8)
        show("with entities   ", eight, 8)
        print(
            f"8 workers vs {workers}: rate x"
            f"{(eight['articles'] / eight['elapsed']) / (full['articles'] / full['elapsed']):.2f}"
        )
    rate = full["articles"] / full["elapsed"]
    ratio = rate / (plain["articles"] / plain["elapsed"])
    print(
        f"ratio with/without entities: {ratio:.2f} (target ≥ {TARGET_RATIO}:"
        f" {'ok' if ratio >= TARGET_RATIO else 'MISSED'}); with entities {rate:,.0f}/s"
        f" (target ≥ {TARGET_RATE} on a quiet machine: {'ok' if rate >= TARGET_RATE else 'MISSED'})"
    )


if __name__ == "__main__":
    raise SystemExit(main())
