"""Per-site line counts: the cleaner's site templates, kept so later ingests benefit.

Only lines already seen in two documents of a site are stored (with the number of the site's
documents holding them), plus the site's document count: article text, seen once, never is.
A line that first appears once in each of two separate ingests is therefore missed; chrome,
which is on most pages of any batch, is not.
"""

from __future__ import annotations

import sqlite3
from collections.abc import Iterable, Mapping

from reader.clean.template import SiteTemplate


def load_templates(conn: sqlite3.Connection, sites: Iterable[str]) -> dict[str, SiteTemplate]:
    """The stored template of each of `sites` that has one."""
    out: dict[str, SiteTemplate] = {}
    for site in sites:
        row = conn.execute(
            "SELECT documents FROM site_templates WHERE site = ?", (site,)
        ).fetchone()
        if row is None:
            continue
        counts = dict(
            conn.execute("SELECT line_hash, documents FROM site_lines WHERE site = ?", (site,))
        )
        out[site] = SiteTemplate(int(row[0]), counts)
    return out


def add_to_templates(conn: sqlite3.Connection, counted: Mapping[str, SiteTemplate]) -> None:
    """Add one ingest's counts (of documents not stored before) to the stored templates."""
    with conn:
        for site, template in counted.items():
            conn.execute(
                "INSERT INTO site_templates (site, documents) VALUES (?, ?)"
                " ON CONFLICT (site) DO UPDATE SET documents = documents + excluded.documents",
                (site, template.documents),
            )
            conn.executemany(
                "INSERT INTO site_lines (site, line_hash, documents) VALUES (?, ?, ?)"
                " ON CONFLICT (site, line_hash) DO UPDATE"
                " SET documents = documents + excluded.documents",
                [(site, h, n) for h, n in template.counts.items() if n >= 2],
            )
            conn.executemany(
                "UPDATE site_lines SET documents = documents + 1 WHERE site = ? AND line_hash = ?",
                [(site, h) for h, n in template.counts.items() if n == 1],
            )
