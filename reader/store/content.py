"""The content key of an article: one story saved twice, in two byte forms, has one key.

A page saved as UTF-8 and again as Windows-1256, with CRLF or LF line ends, or as HTML and
as the text dump of that HTML, has another file hash each time but decodes and cleans to the
same words. The key is a hash of the title's and the body's words, folded as the search
index folds them, so the second copy is stored as a document linked to the article it
repeats (documents.duplicate_of) rather than as a second article. A rewrite of the story by
another outlet has other words: that is a story (reader/store/stories.py, MinHash over
shingles), not a copy.
"""

from __future__ import annotations

import hashlib
import re

_WORD = re.compile(r"\w+")
# A body this short (a caption, "watch the video") says too little to call two pages one.
MIN_WORDS = 12


def content_key(indexed_title: str, indexed_body: str) -> str | None:
    """The key of an article's title and body as the index holds them (ArticleRow), or None
    when the body is too short to tell one article from another."""
    words = _WORD.findall(indexed_body)
    if len(words) < MIN_WORDS:
        return None
    text = " ".join(_WORD.findall(indexed_title)) + "\n" + " ".join(words)
    return hashlib.blake2b(text.encode("utf-8"), digest_size=16).hexdigest()
