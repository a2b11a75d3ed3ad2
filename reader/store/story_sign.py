"""An article's near-duplicate signature: MinHash over word pairs, and its LSH band keys.

Computed where the article record is built (an ingest worker), so the single
writer only looks the bands up. Shingles are pairs of neighbouring content words,
folded as search folds them (the index's own text, so no second folding): a
rewrite that reorders paragraphs keeps all but one shingle per paragraph, one
that swaps a word in a sentence loses two, and the boilerplate a site adds is whole lines the
cleaner has mostly removed. datasketch's MinHash does the hashing and
permutations (numpy, well kept, the reference implementation); the bands are
stored in SQLite, so the index is persistent and incremental without holding
an in-memory LSH of the whole corpus.
"""

from __future__ import annotations

import hashlib
import itertools
import operator
import zlib
from array import array
from functools import cache, lru_cache

from reader.nlp.lexicon import NON_NAME
from reader.nlp.normalize import fold

NUM_PERM = 64
BANDS = 32
ROWS = NUM_PERM // BANDS
MIN_SHINGLES = 8
PARAGRAPH_MATCH = 0.3
_PUNCT = ".,،؛:!?؟\"'«»“”()[]{}<>-–—…/\\*"
_STOP = NON_NAME | frozenset(fold(w) for w in ["أو", "بعد", "عن"])


@lru_cache(maxsize=200_000)
def _content_word(word: str) -> str:
    """A folded word without its punctuation, or "" for a function word; news repeats its
    words, so cached."""
    bare = word.strip(_PUNCT)
    return "" if len(bare) < 2 or bare in _STOP else bare


@lru_cache(maxsize=200_000)
def _raw_content_word(word: str) -> str:
    """_content_word of a word not yet folded (folding is letter by letter, so a text
    folded whole and split gives the same words)."""
    return _content_word(fold(word))


def shingles(folded: str) -> set[bytes]:
    """Pairs of neighbouring content words of a text already folded for search."""
    words = [w for w in map(_content_word, folded.split()) if w]
    return {f"{a} {b}".encode() for a, b in itertools.pairwise(words)}


# A paragraph's shingles as word pairs: the same sets as shingles() makes (words hold
# no space), without building a string per pair, for comparing paragraphs only.
Paragraph = set[tuple[str, str]]


def paragraph_shingles(body: str) -> list[Paragraph]:
    """Each paragraph's shingles, from the raw body (folding cached word by word)."""
    out = []
    for paragraph in body.split("\n"):
        found = set(itertools.pairwise([w for w in map(_raw_content_word, paragraph.split()) if w]))
        if len(found) >= 3:
            out.append(found)
    return out


def coverage(a: list[Paragraph], b: list[Paragraph]) -> float:
    """The share of the shorter text's paragraphs that have a close paragraph in the other.

    A rewrite keeps most paragraphs, paraphrased; a follow-up that quotes one
    paragraph of a story shares just that one, however long it is.
    """
    if not a or not b:
        return 0.0
    short, long = (a, b) if len(a) <= len(b) else (b, a)
    sized = [(q, len(q)) for q in long]
    matched = sum(1 for p in short if _has_close(p, sized))
    return matched / len(short)


def _has_close(p: Paragraph, sized: list[tuple[Paragraph, int]]) -> bool:
    """Whether some paragraph q has Jaccard(p, q) ≥ PARAGRAPH_MATCH. The Jaccard of two
    sets is at most the smaller size over the larger, so most pairs need no intersection,
    and the union's size follows from the intersection's."""
    n = len(p)
    for q, m in sized:
        if min(n, m) / max(n, m) < PARAGRAPH_MATCH:  # as a quotient, rounded as below
            continue
        common = len(p & q)
        if common / (n + m - common) >= PARAGRAPH_MATCH:
            return True
    return False


@cache
def _template() -> object:
    from datasketch import MinHash

    return MinHash(num_perm=NUM_PERM, seed=11, hashfunc=zlib.crc32)


def load() -> None:
    """Import datasketch and build the MinHash template now: ingest does, before its
    workers fork, so they inherit both instead of each paying the import (about half a
    CPU second, scipy included)."""
    _template()


def signature(folded: str) -> bytes:
    """NUM_PERM little-endian uint32 minima of a folded text's shingles (the words the
    search index holds, so folding is paid once); empty for a text too short to compare."""
    found = shingles(folded)
    if len(found) < MIN_SHINGLES:
        return b""
    from datasketch import MinHash

    template = _template()
    assert isinstance(template, MinHash)
    minhash = template.copy()
    minhash.update_batch(found)
    return bytes(minhash.hashvalues.astype("<u4").tobytes())


def similarity(a: bytes, b: bytes) -> float:
    """The estimated Jaccard similarity of two signatures' shingle sets: the share of equal
    minima (compared as machine words; equality does not depend on byte order)."""
    if not a or len(a) != len(b):
        return 0.0
    va, vb = array("I", a), array("I", b)
    equal: int = sum(map(operator.eq, va, vb))
    return equal / len(va)


def bands(sig: bytes) -> list[int]:
    """One signed 63-bit key per LSH band (the band's number hashed with its values): two
    signatures share a key when that band of theirs agrees."""
    if not sig:
        return []
    width = ROWS * 4
    return [
        int.from_bytes(
            hashlib.blake2b(
                bytes([band]) + sig[band * width : (band + 1) * width], digest_size=8
            ).digest(),
            "little",
            signed=True,
        )
        for band in range(BANDS)
    ]
