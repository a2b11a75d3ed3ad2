"""`khabar process` and `khabar load`: ingest cut into its map step and its single writer.

The map step is a pure function per document (decode, clean, entities, folded
search text) with no database, so it runs anywhere: a local process pool, a
Dask or Spark cluster. Its records go out as JSON lines; `load` stores such
lines through the same writer `ingest` uses, in the order given, and skips a
document already stored (by the hash of its bytes), so loading twice adds
nothing.
"""

from __future__ import annotations

import sys
import threading
from collections.abc import Iterable, Iterator, Mapping, Sequence
from contextlib import nullcontext
from pathlib import Path
from typing import TextIO

from reader.clean.template import SiteTemplate
from reader.ingest import read_once
from reader.ingest.discover import discover
from reader.ingest.pipeline import (
    WARM_UP_TEXT,
    IngestReport,
    entity_functions,
    prepared_batches,
    store,
)
from reader.ingest.prepare import Extractor, Options, prepare_data
from reader.ingest.templates import site_templates
from reader.store.record_json import from_json, to_json
from reader.store.records import Failure, Outcome
from reader.store.write import Canonical

STDIN = Path("-")


def process_paths(
    paths: Sequence[Path],
    *,
    entities: bool = True,
    workers: int | None = None,
    extractor: Extractor | None = None,
    stop: threading.Event | None = None,
    templates: Mapping[str, SiteTemplate] | None = None,
) -> Iterator[list[Outcome]]:
    """Each input's records in input order; `-` is one document read from standard input.
    `templates` are the site templates to clean with; by default they are counted over the
    files given, as ingest does over its files."""
    report = IngestReport()
    if entities:
        extractor, _ = entity_functions(extractor, None, report.notes)
    else:
        extractor = None
    if templates is None:
        templates = site_templates(discover([p for p in paths if p != STDIN])[0])
    options = Options(db_path=None, extractor=extractor, templates=templates)
    if extractor is not None and (workers or 1) > 1:
        extractor(WARM_UP_TEXT)  # loaded once, before the workers fork
    stop = stop or threading.Event()
    try:
        for path in paths:
            if path == STDIN:
                yield prepare_data(STDIN, sys.stdin.buffer.read(), options)
                continue
            files, missing = discover([path])
            for where, reason in missing:
                yield [Failure(str(where), reason)]
            yield from prepared_batches(files, options, workers or 1, stop)
    finally:
        read_once.forget()  # the texts the first pass kept for the workers


def process_lines(
    paths: Iterable[str],
    *,
    entities: bool = True,
    templates: Mapping[str, SiteTemplate] | None = None,
) -> Iterator[str]:
    """`khabar process` as a function for a cluster's map step (Spark's mapPartitions):
    the JSON line of each document of the files named, in order, in this process. Pass the
    `templates` the driver counted over all files (`reader.ingest.templates.site_templates`);
    without them each partition counts its own files, and cleans as an ingest of those."""
    for batch in process_paths([Path(p) for p in paths], entities=entities, templates=templates):
        for outcome in batch:
            yield to_json(outcome)


def write_jsonl(batches: Iterator[list[Outcome]], out: TextIO) -> tuple[int, int]:
    """Write each record as a line; (documents, failures) written."""
    documents = failures = 0
    for outcomes in batches:
        for outcome in outcomes:
            if isinstance(outcome, Failure):
                failures += 1
            else:
                documents += 1
            out.write(to_json(outcome) + "\n")
    return documents, failures


def read_jsonl(sources: Sequence[Path]) -> Iterator[list[Outcome]]:
    """Records of `khabar process` lines, one list per line; a bad line is a failure."""
    for source in sources:
        name = "<stdin>" if source == STDIN else str(source)
        try:
            handle = sys.stdin if source == STDIN else source.open(encoding="utf-8")
        except OSError as exc:
            yield [Failure(name, f"cannot read: {exc.strerror or exc}")]
            continue
        with nullcontext(handle) if source == STDIN else handle:
            for number, line in enumerate(handle, start=1):
                if not line.strip():
                    continue
                try:
                    yield [from_json(line)]
                except ValueError as exc:
                    yield [Failure(name, f"line {number}: {exc}")]


def load_paths(
    db_path: Path,
    sources: Sequence[Path],
    *,
    canonical: Canonical | None = None,
    progress: bool = False,
    stop: threading.Event | None = None,
) -> IngestReport:
    """Store `khabar process` output in the database at `db_path` (the ingest writer)."""
    report = IngestReport()
    if canonical is None:
        from reader.nlp.resolve import choose_canonical

        canonical = choose_canonical
    store(
        db_path,
        read_jsonl(sources),
        report,
        stop or threading.Event(),
        canonical=canonical,
        progress=progress,
    )
    return report
