"""Issue 12 item 3: every line the cleaner sets aside says why with a `Reason` member, whose
value is the plain string stored in documents.dropped."""

from __future__ import annotations

import json
from pathlib import Path

from reader.clean import clean_html, clean_text
from reader.clean.reasons import Reason

DATA = Path(__file__).resolve().parents[1] / "data" / "clean-eval"
SEEDS = Path(__file__).resolve().parents[2] / "seeds"


def test_every_dropped_line_has_a_reason_member() -> None:
    seen: set[Reason] = set()
    files = [*sorted(SEEDS.glob("*.txt")), *sorted((DATA / "text").glob("*.txt"))[:40]]
    files += sorted((DATA / "html").glob("*.html"))[:10]
    for path in files:
        text = path.read_text(encoding="utf-8")
        try:
            article = clean_html(text) if path.suffix == ".html" else clean_text(text)
        except ValueError:
            continue
        for each in (article, *article.appended):
            for drop in each.dropped:
                assert type(drop.reason) is Reason, (path.name, drop)
                seen.add(drop.reason)
    assert len(seen) >= 10
    stored = json.loads(json.dumps([{"reason": r} for r in sorted(seen)]))
    assert {row["reason"] for row in stored} == {r.value for r in seen}
