"""`khabar reclean`: clean the stored documents again from the raw text kept in `documents`.

A better line model or a site's template (now that more of its pages are stored) then reaches
old articles without the files being read again. Each site's template is counted afresh from
the raw text of all its stored dumps. A document whose cleaning comes out the same is left
alone; one that no longer yields an article keeps its old articles and is reported.
"""

from __future__ import annotations

from collections import Counter, defaultdict
from dataclasses import dataclass, field
from pathlib import Path

from reader.clean.template import SiteTemplate, document_hashes, site_key
from reader.ingest.pipeline import entity_functions
from reader.ingest.prepare import Extractor, clean_document, document_row
from reader.store.body import BODY_COLUMNS, BODY_JOIN, body_text
from reader.store.raw import raw_text
from reader.store.reclean import replace_articles
from reader.store.schema import open_db
from reader.store.write import Canonical


@dataclass
class RecleanReport:
    documents: int = 0
    changed: int = 0
    failed: list[tuple[str, str]] = field(default_factory=list)
    notes: list[str] = field(default_factory=list)


def reclean(
    db_path: Path,
    *,
    entities: bool = True,
    extractor: Extractor | None = None,
    canonical: Canonical | None = None,
) -> RecleanReport:
    """Re-clean every stored page and dump (records from .jsonl are left as they are, and
    so are copies linked to an article, which follow it)."""
    report = RecleanReport()
    if entities:
        extractor, canonical = entity_functions(extractor, canonical, report.notes)
    else:
        extractor = None
    db = open_db(db_path)
    conn = db.conn
    try:
        rows = conn.execute(
            "SELECT id, path, kind, encoding, raw, sha256 FROM documents"
            " WHERE kind IN ('txt', 'html') AND duplicate_of IS NULL ORDER BY id"
        ).fetchall()
        rows = [(i, path, kind, enc, raw_text(raw), sha) for i, path, kind, enc, raw, sha in rows]
        counts: dict[str, Counter[int]] = defaultdict(Counter)
        documents: Counter[str] = Counter()
        sites: list[str] = []
        for _id, path, kind, _encoding, raw, _sha in rows:
            site = site_key(path, raw)
            sites.append(site)
            if kind == "txt":
                counts[site].update(document_hashes(raw.splitlines()))
                documents[site] += 1
        templates = {s: SiteTemplate(documents[s], dict(counts[s])) for s in documents}
        for (document_id, path, kind, encoding, raw, sha), site in zip(rows, sites, strict=True):
            report.documents += 1
            try:
                article = clean_document(kind, raw, templates.get(site))
            except ValueError as error:
                report.failed.append((path, str(error)))
                continue
            old = [
                (title, body_text(body, raw_value), published, author, source)
                for title, body, raw_value, published, author, source in conn.execute(
                    f"SELECT a.title, {BODY_COLUMNS}, a.published, a.author, a.source"
                    f" FROM {BODY_JOIN} WHERE a.document_id = ? ORDER BY a.id",
                    (document_id,),
                )
            ]
            new = [
                (a.title, a.body, a.published, a.author, a.source)
                for a in (article, *article.appended)
            ]
            if old == new:
                continue
            doc = document_row(path, sha, kind, encoding, raw, article, extractor)
            replace_articles(conn, document_id, doc, canonical=canonical)
            report.changed += 1
    finally:
        conn.close()
    return report
