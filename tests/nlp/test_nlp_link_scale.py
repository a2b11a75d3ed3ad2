"""Issue 11, item 3: entity linking grows with the mentions, not with their square.

Work is counted in executed lines of the linking code (no clock): per mention it
must stay bounded whatever the article's length.
"""

from __future__ import annotations

import sys
from pathlib import Path
from types import CodeType, FrameType
from typing import Any

from reader.nlp import extract

SENTENCE = "وقال الرئيس فلاديمير بوتين إن بوتين سيزور القاهرة. "
WATCHED = {
    name: getattr(extract._Doc, name).__code__
    for name in ("link", "crf_bounds", "full_names", "trigger_namelike")
    if hasattr(extract._Doc, name)
}


def _lines_per_mention(sentences: int) -> float:
    watched: set[CodeType] = set(WATCHED.values())
    lines = 0

    def local(frame: FrameType, event: str, arg: Any) -> Any:
        nonlocal lines
        if event == "line":
            lines += 1
        return local

    def tracer(frame: FrameType, event: str, arg: Any) -> Any:
        return local if frame.f_code in watched else None

    text = SENTENCE * sentences
    sys.settrace(tracer)
    try:
        mentions = extract.extract_entities(text)
    finally:
        sys.settrace(None)
    assert len(mentions) >= 3 * sentences
    return lines / len(mentions)


def test_linking_work_per_mention_does_not_grow_with_the_article() -> None:
    small = _lines_per_mention(100)
    large = _lines_per_mention(800)
    assert large < 1.3 * small, (small, large)


def _linked_by_scanning(doc: extract._Doc, spans: list[Any], keys: list[str], k: int) -> str | None:
    """The linking rule as first written (a scan of every full name), for comparison."""
    own = doc.gaz.key("PER", spans[k].names)
    matching = [
        (j, keys[j])
        for j, full in enumerate(spans)
        if full.kind == "PER"
        and len(full.names) > 1
        and own in (doc.gaz.key("PER", full.names[:1]), doc.gaz.key("PER", full.names[-1:]))
    ]
    before = [key for j, key in matching if j < k]
    if before:
        return before[-1]
    return matching[0][1] if matching else None


def test_indexed_linking_agrees_with_the_scan(seed_paths: list[Path]) -> None:
    texts = [p.read_text("utf-8") for p in seed_paths]
    texts.append("وصل بوتين أولا. ثم تحدث الرئيس فلاديمير بوتين. وقال بوتين كلمة. ورد عباس.")
    bare_seen = 0
    for text in texts:
        doc = extract._Doc(text)
        spans = doc.spans()
        keys = [doc.gaz.key(s.kind, s.names) for s in spans]
        fulls = doc.full_names(spans)
        for k, span in enumerate(spans):
            if span.kind == "PER" and len(span.names) == 1:
                bare_seen += 1
                assert doc.link(k, span, fulls, keys) == _linked_by_scanning(doc, spans, keys, k)
    assert bare_seen > 10
