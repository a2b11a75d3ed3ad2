"""The ingest's first pass: count each site's lines over the files about to be cleaned.

Cleaning stays a pure function of (page, template). Before the workers start, this pass reads
the text dumps once, groups them by site (`reader.clean.template.site_key`) and counts in how
many of a site's documents each short line occurs; with what the store already holds for
those sites, that is the template each page is cleaned with. Files already stored (by hash)
are not counted again. `site_templates` is the same pass without a store, for `khabar
process` and cluster drivers. HTML pages are not templated: trafilatura has removed most of what
repeats before the line model sees them.
"""

from __future__ import annotations

import hashlib
import sqlite3
from collections import Counter, defaultdict
from collections.abc import Sequence
from pathlib import Path

from reader.clean.template import SiteTemplate, document_hashes, site_key
from reader.ingest import read_once
from reader.ingest.decode import decode, read_bytes
from reader.ingest.prepare import TEXT_SUFFIXES, stored_name
from reader.store.templates import load_templates


def count_sites(
    files: Sequence[Path], conn: sqlite3.Connection | None = None
) -> dict[str, SiteTemplate]:
    """This run's per-site counts, over text dumps the store (if any) does not hold yet."""
    counts: dict[str, Counter[int]] = defaultdict(Counter)
    documents: Counter[str] = Counter()
    read_once.forget()
    for path in files:
        if path.suffix.lower() not in TEXT_SUFFIXES:
            continue
        try:
            data = read_bytes(path)
            sha = hashlib.sha256(data).hexdigest()
            if (
                conn is not None
                and conn.execute("SELECT 1 FROM documents WHERE sha256 = ?", (sha,)).fetchone()
            ):
                continue
            decoded = decode(data)
        except (OSError, ValueError):
            continue  # the worker reports it; a template just does without it
        read_once.keep(path, sha, decoded)  # the worker cleans it without reading it again
        text = decoded.text
        site = site_key(stored_name(path), text)
        counts[site].update(document_hashes(text.splitlines()))
        documents[site] += 1
    return {site: SiteTemplate(documents[site], dict(counts[site])) for site in documents}


def templates_for(
    counted: dict[str, SiteTemplate], conn: sqlite3.Connection | None = None
) -> dict[str, SiteTemplate]:
    """What each site's pages are cleaned with: stored counts plus this run's, lines seen in
    a single document left out (they say nothing and would only weigh on every batch)."""
    stored = load_templates(conn, counted) if conn is not None else {}
    out = {}
    for site, template in counted.items():
        merged = stored[site].merged(template) if site in stored else template
        out[site] = SiteTemplate(
            merged.documents, {h: n for h, n in merged.counts.items() if n >= 2}
        )
    return out


def site_templates(files: Sequence[Path]) -> dict[str, SiteTemplate]:
    """The templates of a set of files alone, no store: what `khabar process` computes over
    its inputs, and what a Spark driver computes over all files before mapping partitions
    (`process_lines(partition, templates=...)`), so every route cleans as ingest does."""
    return templates_for(count_sites(files))
