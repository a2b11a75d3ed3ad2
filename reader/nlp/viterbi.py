"""Viterbi decoding of a CRF's label scores, all sentences of a document at once."""

from __future__ import annotations

import numpy as np
import numpy.typing as npt

from reader.nlp.crf_model import Floats

Ints = npt.NDArray[np.intp]


def viterbi(scores: Floats, lens: Ints, transition: Floats) -> Ints:
    """Best label ids per token, every sentence decoded at once (crfsuite's recursion).

    Sentences go longest first, so at each position the ones still going are a prefix
    of the batch and only they are computed. The forward pass keeps only the best
    scores; walking back, each step's label is the argmax again, on the one label
    chosen after it, which gives the same labels as stored back-pointers in fewer calls.
    """
    order = np.argsort(-lens, kind="stable")
    ranked = lens[order]
    count, longest, width = len(lens), int(ranked[0]), scores.shape[1]
    starts = (np.cumsum(lens) - lens)[order]
    which = np.repeat(np.arange(count), ranked)
    pos = np.arange(len(scores)) - np.repeat(np.cumsum(ranked) - ranked, ranked)
    source = np.repeat(starts, ranked) + pos
    # best[t, s, j]: the best score of sentence s's first t + 1 labels ending in label j.
    best = np.zeros((longest, count, width))
    best[pos, which] = scores[source]
    going = (ranked[None, :] > np.arange(longest)[:, None]).sum(axis=1).tolist()
    into = np.ascontiguousarray(transition.T)  # [to, from]
    # Each step is a few numpy calls on a handful of rows, so calls are what it costs: the
    # sums go into views of `best` and `path` (no write-back), the reduction and the row
    # gather are the ufunc's and the array's own methods (not ndarray.max's Python wrapper
    # nor fancy indexing), and `best` is seen once as [t, s, 1, j] for the broadcast.
    wide = best[:, :, None, :]
    top = np.maximum.reduce
    for t in range(1, longest):
        k = going[t]
        now = best[t, :k]
        now += top(wide[t - 1, :k] + into, axis=2)
    path = np.zeros((longest, count), dtype=np.intp)
    rows = np.arange(count)
    path[ranked - 1, rows] = best[ranked - 1, rows].argmax(axis=1)
    take = into.take
    for t in range(longest - 1, 0, -1):
        k = going[t]
        (best[t - 1, :k] + take(path[t, :k], axis=0)).argmax(axis=1, out=path[t - 1, :k])
    labels = np.empty(len(scores), dtype=np.intp)
    labels[source] = path[pos, which]
    return labels
