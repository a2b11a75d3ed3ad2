"""The words a fetch run prints: one line per feed, then what went wrong with its items.

Plain words a person reads in a cron mail: what was added, why something was not,
and when the feed will be asked again.
"""

from __future__ import annotations

from collections.abc import Iterator

from reader.fetch.outcome import FeedOutcome, FetchReport


def feed_lines(outcome: FeedOutcome) -> Iterator[str]:
    name = f"[{outcome.feed.id}] {outcome.title or outcome.feed.name}"
    if outcome.skipped:
        yield f"{name}: " + "; ".join(outcome.notes)
        return
    if outcome.gone:
        yield f"{name}: unsubscribed: {outcome.error}; its articles stay"
        return
    if outcome.error is not None:
        yield f"{name}: failed: {outcome.error}; next try after {_when(outcome.next_due)}"
        return
    if outcome.not_modified:
        head = "nothing new (not modified since the last fetch)"
    elif outcome.added:
        summaries = (
            f", {outcome.summaries} from the feed's summary only" if outcome.summaries else ""
        )
        head = f"{_count(outcome.added, 'new article')}{summaries}"
    else:
        head = "nothing new"
    extras = []
    if outcome.known:
        extras.append(f"{outcome.known} already had")
    if outcome.duplicates:
        extras.append(f"{outcome.duplicates} duplicates of stored articles")
    if outcome.ignored:
        extras.append(f"{outcome.ignored} ignored by the killfile")
    if outcome.failed:
        extras.append(f"{len(outcome.failed)} failed")
    tail = f" ({', '.join(extras)})" if extras else ""
    yield f"{name}: {head}{tail}"
    if outcome.moved_to:
        yield f"  moved permanently to {outcome.moved_to}: the subscription now uses it"
    for note in outcome.notes:
        yield f"  {note}"
    for key, reason in outcome.failed:
        yield f"  failed: {key}: {reason}"


def is_problem(outcome: FeedOutcome) -> bool:
    """What `--quiet` still prints: anything a person should act on."""
    return outcome.error is not None or bool(outcome.failed)


def closing_lines(report: FetchReport) -> Iterator[str]:
    for note in report.notes:
        yield f"note: {note}"
    if not report.feeds:
        return
    failed = sum(1 for f in report.feeds if f.error is not None and not f.gone)
    yield (
        f"{_count(len(report.feeds), 'feed')}: {_count(report.added, 'new article')}"
        + (f", {failed} feeds failed" if failed else "")
    )
    if report.interrupted:
        yield "interrupted: what is stored stays; run the same command again to finish"


def _when(iso: str | None) -> str:
    if iso is None:
        return "the next run"
    return iso.replace("T", " ").replace("+00:00", " UTC")


def _count(number: int, noun: str) -> str:
    return f"{number} {noun}" if number == 1 else f"{number} {noun}s"
