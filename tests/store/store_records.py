"""Hand-made records, so store tests need neither the cleaner nor the entity tagger.

A plain module, not conftest, so its name cannot collide with other rooms' conftest helpers.
"""

from __future__ import annotations

import hashlib

from reader.store.records import ArticleRow, DocumentRow, MentionRow


def make_document(
    title: str,
    body: str,
    *,
    mentions: tuple[MentionRow, ...] = (),
    appended: tuple[ArticleRow, ...] = (),
    path: str = "doc.txt",
) -> DocumentRow:
    raw = f"{title}\n{body}"
    return DocumentRow(
        path=path,
        source_path=path,
        sha256=hashlib.sha256(raw.encode()).hexdigest(),
        kind="txt",
        encoding="utf-8",
        raw=raw,
        article=ArticleRow(title=title, body=body, mentions=mentions, appended=appended),
        dropped=(("اعلان", "ad"),),
    )


def mention(body: str, surface: str, kind: str, key: str, nth: int = 0) -> MentionRow:
    start = -1
    for _ in range(nth + 1):
        start = body.index(surface, start + 1)
    return MentionRow(start, start + len(surface), surface, kind, key)
