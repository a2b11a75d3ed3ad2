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
import threading
import zlib
from array import array
from functools import lru_cache
from typing import TYPE_CHECKING

from reader.nlp.lexicon import NON_NAME
from reader.nlp.normalize import fold

if TYPE_CHECKING:
    from datasketch import MinHash

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


class _Words(dict[str, tuple[bytes, int] | None]):
    """A folded word → its content word's bytes and the CRC-32 of it followed by a space
    (None for a function word), so a word pair's CRC-32 is one call continuing its first
    word's: zlib.crc32(b"a b") == zlib.crc32(b"b", zlib.crc32(b"a ")). News repeats its
    words; the table is emptied when it grows past `_KEEP_WORDS`."""

    def __missing__(self, word: str) -> tuple[bytes, int] | None:
        bare = _content_word(word)
        found = (bare.encode(), zlib.crc32(f"{bare} ".encode())) if bare else None
        if len(self) >= _KEEP_WORDS:
            self.clear()
        self[word] = found
        return found


_KEEP_WORDS = 200_000
_WORDS = _Words()


def shingle_hashes(folded: str) -> set[int]:
    """The CRC-32 of each of shingles(folded), without building the pairs' strings: each
    pair's CRC continues its first word's, and every pass runs in C (filter drops the
    function words' None, zip splits bytes from CRCs, map pairs each word's bytes with
    the CRC of the word before it)."""
    words = list(filter(None, map(_WORDS.__getitem__, folded.split())))
    if len(words) < 2:
        return set()
    tails, crcs = zip(*words, strict=True)
    return set(map(zlib.crc32, itertools.islice(tails, 1, None), crcs))


_local = threading.local()


def _minhash() -> MinHash:
    """This thread's MinHash, emptied: datasketch's permutations (seed 11) over values
    already hashed (the shingles' CRC-32s), made once instead of copied per article."""
    minhash: MinHash | None = getattr(_local, "minhash", None)
    if minhash is None:
        from datasketch import MinHash

        minhash = MinHash(num_perm=NUM_PERM, seed=11, hashfunc=int)
        _local.minhash = minhash
    else:
        minhash.clear()
    return minhash


def load() -> None:
    """Import datasketch and build this thread's MinHash now: ingest does, before its
    workers fork, so they inherit the import instead of each paying it (about half a
    CPU second, scipy included)."""
    _minhash()


def signature(folded: str) -> bytes:
    """NUM_PERM little-endian uint32 minima of a folded text's shingles (the words the
    search index holds, so folding is paid once); empty for a text too short to compare.
    The same minima as datasketch's MinHash with zlib.crc32 over the shingles' bytes."""
    found = shingle_hashes(folded)
    if len(found) < MIN_SHINGLES:
        return b""
    minhash = _minhash()
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


def similarities(sig: bytes, others: list[bytes]) -> list[float]:
    """similarity(sig, other) for each of `others`, compared in one numpy operation (the
    writer compares each new article with some twenty candidates and representatives)."""
    import numpy as np

    fits = [bool(sig) and len(other) == len(sig) for other in others]
    if not any(fits):
        return [0.0] * len(others)
    mine = np.frombuffer(sig, dtype="<u4")
    table = np.frombuffer(b"".join(o for o, fit in zip(others, fits, strict=True) if fit), "<u4")
    equal = iter(((table.reshape(-1, len(mine)) == mine).sum(axis=1) / len(mine)).tolist())
    return [next(equal) if fit else 0.0 for fit in fits]


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
