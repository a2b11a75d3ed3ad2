"""Viterbi decoding of a CRF's label scores, all sentences of a document at once."""

from __future__ import annotations

import numpy as np
import numpy.typing as npt

from reader.nlp.crf_model import Floats

Ints = npt.NDArray[np.intp]


def viterbi(scores: Floats, lens: Ints, transition: Floats) -> Ints:
    """Best label ids per token, every sentence decoded at once (crfsuite's recursion).

    Sentences go longest first, so at each position the ones still going are a
    prefix of the batch and only they are computed.
    """
    order = np.argsort(-lens, kind="stable")
    ranked = lens[order]
    count, longest, width = len(lens), int(ranked[0]), scores.shape[1]
    starts = (np.cumsum(lens) - lens)[order]
    which = np.repeat(np.arange(count), ranked)
    pos = np.arange(len(scores)) - np.repeat(np.cumsum(ranked) - ranked, ranked)
    source = np.repeat(starts, ranked) + pos
    padded = np.zeros((count, longest, width))
    padded[which, pos] = scores[source]
    going = (ranked[None, :] > np.arange(longest)[:, None]).sum(axis=1)
    back = np.zeros((count, longest, width), dtype=np.intp)
    best = padded[:, 0].copy()
    trans = transition[None]
    for t in range(1, longest):
        k = going[t]
        options = best[:k, :, None] + trans
        back[:k, t] = options.argmax(axis=1)
        best[:k] = options.max(axis=1) + padded[:k, t]
    path = np.zeros((count, longest), dtype=np.intp)
    path[np.arange(count), ranked - 1] = best.argmax(axis=1)
    rows = np.arange(count)
    for t in range(longest - 1, 0, -1):
        k = going[t]
        path[:k, t - 1] = back[rows[:k], t, path[:k, t]]
    labels = np.empty(len(scores), dtype=np.intp)
    labels[source] = path[which, pos]
    return labels
