"""An article as text in logical order: what `Y` copies, `s` saves and `|` pipes.

The screen shows shaped, visual-order cells; a terminal selection of them pastes as
gibberish. These texts are the stored logical text, so they paste, search and save as
Arabic.
"""

from __future__ import annotations

import os
import sys

from reader.store.read.rows import Article


def _meta(article: Article) -> str:
    return " · ".join(p for p in (article.source, article.published, article.author) if p)


def _paragraphs(article: Article) -> list[str]:
    return [p.strip() for p in article.body.splitlines() if p.strip()]


def plain_text(article: Article) -> str:
    parts = [article.title.strip()]
    meta = _meta(article)
    if meta:
        parts.append(meta)
    if article.url:
        parts.append(article.url)
    return "\n\n".join([*parts, *_paragraphs(article)]) + "\n"


def markdown(article: Article) -> str:
    parts = [f"# {article.title.strip()}"]
    meta = _meta(article)
    if meta:
        parts.append(f"*{meta}*")
    if article.url:
        parts.append(f"<{article.url}>")
    return "\n\n".join([*parts, *_paragraphs(article)]) + "\n"


def has_display() -> bool:
    """Whether a browser can open here (not over a bare SSH session)."""
    if sys.platform in ("darwin", "win32"):
        return True
    return bool(os.environ.get("DISPLAY") or os.environ.get("WAYLAND_DISPLAY"))
