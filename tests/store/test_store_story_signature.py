"""The signature, computed from cached per-word CRC-32s on one reused MinHash, is exactly
datasketch's MinHash with zlib.crc32 over the shingles' bytes: the signatures stored by
every earlier khabar stay comparable with new ones."""

from __future__ import annotations

import zlib

from datasketch import MinHash
from hypothesis import given
from hypothesis import strategies as st

from reader.nlp.normalize import fold_for_search
from reader.store.story_sign import (
    MIN_SHINGLES,
    NUM_PERM,
    shingle_hashes,
    shingles,
    signature,
    similarities,
    similarity,
)

_WORDS = st.sampled_from(
    ["كيم", "جونغ", "أون", "بيونغ", "يانغ", "في", "قال", "الرئيس", "،", "و", "موسكو", "«", "2024"]
)
_TEXT = st.lists(st.one_of(_WORDS, st.text(min_size=1, max_size=6)), max_size=60).map(" ".join)


def _reference(folded: str) -> bytes:
    found = shingles(folded)
    if len(found) < MIN_SHINGLES:
        return b""
    minhash = MinHash(num_perm=NUM_PERM, seed=11, hashfunc=zlib.crc32)
    minhash.update_batch(found)
    return bytes(minhash.hashvalues.astype("<u4").tobytes())


@given(_TEXT)
def test_the_signature_is_datasketchs_minhash_of_the_shingles(text: str) -> None:
    folded = fold_for_search(text)
    assert shingle_hashes(folded) == {zlib.crc32(s) for s in shingles(folded)}
    assert signature(folded) == _reference(folded)
    assert signature(folded) == _reference(folded)  # the reused MinHash starts empty again


@given(_TEXT, st.lists(_TEXT, max_size=6))
def test_similarities_are_each_similarity(text: str, others: list[str]) -> None:
    sig = signature(fold_for_search(text))
    theirs = [signature(fold_for_search(o)) for o in others] + [b"", b"\x00" * 8]
    assert similarities(sig, theirs) == [similarity(sig, o) for o in theirs]
