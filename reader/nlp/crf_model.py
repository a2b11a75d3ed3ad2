"""A crfsuite model's exact weights, read from the model file, as numpy arrays.

pycrfsuite's Tagger.info() parses crfsuite's text dump, which prints weights to
six decimals (scoring with those could flip a near tie and change a label) and
takes seconds. The file itself is simple: a header of offsets, a feature chunk
where each feature is (type, source, destination, float64 weight) — type 0 is
attribute → label, type 1 is label → label — and two CQDB string tables whose
backward arrays give each label's and attribute's name by id. Any crfsuite
CRF1d model reads this way, whatever features it was trained on.
"""

from __future__ import annotations

import struct
from dataclasses import dataclass
from pathlib import Path

import numpy as np
import numpy.typing as npt

_HEADER = struct.Struct("<4sI4sIIIIIIIII")
_CHUNK = struct.Struct("<4sII")
_CQDB = struct.Struct("<4sIIIII")
_RECORD = struct.Struct("<II")
_FEATURE = np.dtype([("type", "<u4"), ("src", "<u4"), ("dst", "<u4"), ("weight", "<f8")])
_STATE, _TRANSITION = 0, 1

Floats = npt.NDArray[np.float64]


@dataclass(frozen=True)
class CrfWeights:
    labels: tuple[str, ...]  # in the model's label id order (Viterbi ties go to the lower id)
    attributes: dict[str, int]  # attribute → row of `state`
    state: Floats  # (attributes, labels)
    transition: Floats  # (from label, to label)


def read_weights(path: Path) -> CrfWeights:
    """The weights and names of the crfsuite model file at `path`."""
    data = path.read_bytes()
    magic, _, kind, _, _, n_labels, n_attrs, off_features, off_labels, off_attrs, *_ = (
        _HEADER.unpack_from(data)
    )
    if magic != b"lCRF" or kind != b"FOMC":
        raise ValueError(f"{path} is not a crfsuite CRF1d model")
    chunk, _, count = _CHUNK.unpack_from(data, off_features)
    if chunk != b"FEAT":
        raise ValueError(f"{path}: no feature chunk where the header says")
    features = np.frombuffer(data, _FEATURE, count, off_features + _CHUNK.size)
    labels = _names(data, off_labels, n_labels, path)
    attributes = _names(data, off_attrs, n_attrs, path)
    state = np.zeros((n_attrs, n_labels))
    transition = np.zeros((n_labels, n_labels))
    states = features[features["type"] == _STATE]
    trans = features[features["type"] == _TRANSITION]
    state[states["src"], states["dst"]] = states["weight"]
    transition[trans["src"], trans["dst"]] = trans["weight"]
    return CrfWeights(
        tuple(labels), {name: i for i, name in enumerate(attributes)}, state, transition
    )


def _names(data: bytes, offset: int, count: int, path: Path) -> list[str]:
    """The strings of the CQDB table at `offset`, by id."""
    chunk, _, _, _, size, backward = _CQDB.unpack_from(data, offset)
    if chunk != b"CQDB" or size < count:
        raise ValueError(f"{path}: no string table where the header says")
    offsets = struct.unpack_from(f"<{count}I", data, offset + backward)
    names: list[str] = []
    for at in offsets:
        _, length = _RECORD.unpack_from(data, offset + at)
        start = offset + at + _RECORD.size
        names.append(data[start : start + length - 1].decode("utf-8"))
    return names
