"""The few lines an ingest run ends with: what was added, skipped and refused, and why."""

from __future__ import annotations

from collections.abc import Iterator

from reader.ingest.pipeline import IngestReport


def summary_lines(report: IngestReport) -> Iterator[str]:
    appended = report.articles - report.added
    extra = f", {appended} of them cut from another article's dump" if appended else ""
    # A copy of a stored article in another byte form: kept as a document, linked to it.
    linked = f", {report.linked} duplicate{'s' if report.linked != 1 else ''} linked"
    linked = linked if report.linked else ""
    yield (
        f"added {_counted(report.added, 'document')} "
        f"({_counted(report.articles, 'article')}{extra}), "
        f"{_counted(report.duplicates, 'duplicate')}{linked}, {len(report.failed)} failed"
    )
    for path, reason in report.failed:
        yield f"  failed: {path}: {reason}"
    for note in report.notes:
        yield f"  note: {note}"
    if report.files == 0:
        yield "  no .txt, .html, .htm or .jsonl files found"
    if report.unprocessed:
        yield (
            f"a worker died; {_counted(report.unprocessed, 'file')} not processed; re-run to finish"
        )
    if report.interrupted:
        yield "interrupted: everything above is stored; run the same command again to finish"


def _counted(count: int, noun: str) -> str:
    return f"{count} {noun}" if count == 1 else f"{count} {noun}s"
