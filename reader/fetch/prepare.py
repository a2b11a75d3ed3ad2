"""The worker side of fetch: a fetched page (or only the feed's item) in, a writer record out.

Runs where ingest's cleaning runs (a worker process, or the caller's thread) and
uses the same pieces: ingest's decoder, the HTML cleaner (trafilatura, then
khabar's line rules) and the entity extractor. A page that cannot be had or
holds no article falls back to the item's summary, cleaned as a JSON-lines
record would be, and the outcome says so.
"""

from __future__ import annotations

import hashlib
import json
from dataclasses import dataclass, replace

from reader.fetch.parse import Item
from reader.ingest.decode import decode
from reader.ingest.prepare import Extractor, document_row
from reader.store.records import DocumentRow, Failure


@dataclass(frozen=True, slots=True)
class Pending:
    """An item on its way to the cleaner; `page` is None when only the summary is to be kept."""

    feed_id: int
    source: str | None  # the feed's name, for articles whose page names no outlet
    item: Item
    page: bytes | None = None
    page_url: str | None = None
    note: str | None = None  # why there is no page, in plain words


@dataclass(frozen=True, slots=True)
class Prepared:
    pending: Pending
    outcome: DocumentRow | Failure
    summary_only: bool
    note: str | None = None


def prepare_pending(pending: Pending, extractor: Extractor | None) -> Prepared:
    try:
        if pending.page is not None:
            try:
                row = _from_page(pending, pending.page, extractor)
                return Prepared(pending, row, summary_only=False)
            except ValueError as error:
                note = f"page kept no article ({error}); kept the feed's summary"
                return Prepared(pending, _from_summary(pending, extractor), True, note)
        return Prepared(pending, _from_summary(pending, extractor), True, pending.note)
    except ValueError as error:
        return Prepared(pending, Failure(pending.item.key, str(error)), True, pending.note)
    except Exception as error:  # one odd item must never end the run
        reason = f"internal error: {type(error).__name__}: {error}"
        return Prepared(pending, Failure(pending.item.key, reason), True, pending.note)


def prepare_many(pendings: list[Pending], extractor: Extractor | None) -> list[Prepared]:
    return [prepare_pending(p, extractor) for p in pendings]


def _from_page(pending: Pending, page: bytes, extractor: Extractor | None) -> DocumentRow:
    from reader.clean import clean_html

    item = pending.item
    decoded = decode(page)
    article = clean_html(decoded.text, url=pending.page_url or item.link)
    if item.title:
        # The publisher's own headline for the item beats a title guessed from the page.
        article.title = item.title
    article.published = article.published or item.published
    article.author = article.author or item.author
    article.source = article.source or pending.source
    sha = hashlib.sha256(page).hexdigest()
    row = document_row(
        item.key, sha, "html", decoded.encoding, decoded.text, article, extractor, decoded.notes
    )
    return replace(row, feed_id=pending.feed_id)


def _from_summary(pending: Pending, extractor: Extractor | None) -> DocumentRow:
    from reader.clean import clean_record

    item = pending.item
    record = {
        "title": item.title,
        "url": item.link,
        "published": item.published,
        "author": item.author,
        "source": pending.source,
        "body": item.summary or item.title,
    }
    line = json.dumps({k: v for k, v in record.items() if v}, ensure_ascii=False)
    article = clean_record(json.loads(line))
    sha = hashlib.sha256(line.encode("utf-8")).hexdigest()
    row = document_row(item.key, sha, "jsonl", "utf-8", line, article, extractor)
    return replace(row, feed_id=pending.feed_id)
