"""The CRF tagger: the model's own weights scored in numpy, one Viterbi per document.

Labels are those crfsuite's tagger gives (tests compare them with pycrfsuite on
every seed sentence and on generated text), computed differently:

- The weights are read once from the model file (crf_model.read_weights), for
  any crfsuite model, whatever features it was trained on.
- A token's score for each label is the sum of the weights of its attributes
  (features.sentence_features). Nearly all of those come from one word of the
  window: its own attributes, and what it shows each neighbour. So each word
  form's five score rows (own, as the word before, two before, after, two after)
  are summed once and kept; a token's scores are then five rows added, plus the
  word pair attributes the model knows. Passing strings to crfsuite, which cost
  half the tagging time, is gone.
- All sentences of a document are decoded in one batched Viterbi.

That shortcut assumes sentence_features builds a token's attributes from
word_features in the window the way it does today. When the model is loaded the
shortcut's scores are checked against the attributes sentence_features itself
builds, on a probe text; if they differ (features.py changed its window), every
token is scored from sentence_features' own attributes instead: slower, but the
labels stay exact for any feature function with the same interface.
"""

from __future__ import annotations

from collections.abc import Sequence
from importlib.resources import as_file, files
from pathlib import Path

import numpy as np
import numpy.typing as npt
import pycrfsuite

from reader.nlp.crf_model import CrfWeights, Floats, read_weights
from reader.nlp.doc_features import document_features, document_flags, flag_attributes
from reader.nlp.features import (
    BANDS_NAME,
    CLUSTERS_NAME,
    COMMON_WORDS_NAME,
    CORPUS_NAMES_NAME,
    parse_bands,
    parse_clusters,
    parse_corpus_names,
    sentence_features,
    use_bands,
    use_clusters,
    use_common_words,
    use_corpus_names,
    word_features,
)

MODEL_NAME = "ner.crfsuite"
MODEL_PATH = Path(__file__).resolve().parent / "data" / MODEL_NAME
# Five score rows of float64 per label per word form: 50,000 forms of a 17-label
# model are 34 MB. Past that the table starts again (scores are recomputed the same).
MAX_WORDS = 50_000
# A model trained on BIOES labels (scripts/train_ner.py --scheme bioes) is read back as BIO.
_BIO = {"S-": "B-", "E-": "I-"}
# Rows of a word form in the score table, in the order add_words fills them.
_OWN, _PREV, _PREV2, _NEXT, _NEXT2 = range(5)
_SHOWN_PREFIXES = {"-1": 0, "-2": 1, "+1": 2, "+2": 3}
# Checked against sentence_features at load: names, clitics, Latin, digits, punctuation,
# and sentences of one and two words (the window's edges).
_PROBE = (
    "قال الرئيس الروسي فلاديمير بوتين في موسكو إن وزارة الخارجية الأمريكية ستستقبل الوفد .",
    "وأكد كيم جونغ أون لـ Reuters يوم 15 مارس 2024 أن بيونغ يانغ لن تتراجع ، ( عن قرارها ) !",
    "والتقى محمد ولد عبد العزيز بالأمين العام للأمم المتحدة أنطونيو غوتيريش في نيويورك",
    "بيروت",
    "أعلنت الحكومة",
)

Ints = npt.NDArray[np.intp]


class _Model:
    """One loaded model: its reference tagger, weights and the per-word-form score table."""

    def __init__(self, reference: pycrfsuite.Tagger, weights: CrfWeights) -> None:
        self.reference = reference
        self.index = weights.attributes
        # One zero row past the model's attributes: every group of rows summed below
        # holds it, so no group is empty (np.add.reduceat would not give zeros for one).
        self.state = np.vstack([weights.state, np.zeros((1, len(weights.labels)))])
        self.blank = len(weights.state)
        self.transition = weights.transition
        self.labels = tuple(_BIO.get(lab[:2], lab[:2]) + lab[2:] for lab in weights.labels)
        n = len(weights.labels)
        self.zero = np.zeros(n)
        self.bos = self.row("BOS")
        self.eos = self.row("EOS")
        # First words of the known "bi=" and "+bi=" pairs, so most tokens build no string;
        # "|" is always in, being the one word the separator cannot split off.
        self.bigram_left = frozenset(
            {"|", *(a[3:].partition("|")[0] for a in self.index if a[:3] == "bi=")}
        )
        self.bigram_right = frozenset(
            {"|", *(a[4:].partition("|")[0] for a in self.index if a[:4] == "+bi=")}
        )
        # What a word's features show each neighbour, looked up without the prefix, so a
        # new word form builds no prefixed strings.
        self.shown = _shown_rows(weights.attributes)
        # Per document-flag mask, the summed rows of its attributes: own, shown by the token
        # before ("-1"), shown by the token after ("+1").
        self.flag_scores = tuple(
            np.array([self.scores(names) for names in flag_attributes(prefix)])
            for prefix in ("", "-1", "+1")
        )
        self.words: dict[str, int] = {}
        self.table = np.zeros((1024, 5, n))
        self.opens = np.zeros((1024, 2), dtype=bool)  # opens a known "bi=" / "+bi=" pair
        self.fast = True
        self.fast = all(
            np.allclose(self.emissions([s.split()]), self.exact_emissions([s.split()]), atol=1e-9)
            for s in _PROBE
        )

    def row(self, attribute: str) -> Floats:
        i = self.index.get(attribute)
        return self.zero if i is None else self.state[i]

    def scores(self, attributes: Sequence[str]) -> Floats:
        rows = [i for i in map(self.index.get, attributes) if i is not None]
        if not rows:
            return self.zero
        summed: Floats = self.state[rows].sum(axis=0)
        return summed

    def word_ids(self, flat: list[str]) -> Ints:
        """Each word's row in the score table, adding the forms not seen before.

        The table starts again only between documents, never under ids in use.
        """
        words = self.words
        found = list(map(words.get, flat))
        if None in found:
            if len(words) + len(flat) > MAX_WORDS:
                words.clear()
            new = [w for w in dict.fromkeys(flat) if w not in words]
            self.add_words(new)
            found = list(map(words.__getitem__, flat))
        return np.array(found, dtype=np.intp)

    def add_words(self, new: list[str]) -> None:
        """Sum the five score rows of each new word form, all in one numpy call."""
        first = len(self.words)
        end = first + len(new)
        if end > len(self.table):
            size = max(end, min(2 * len(self.table), MAX_WORDS))
            grow = size - len(self.table)
            self.table = np.concatenate([self.table, np.zeros((grow, *self.table.shape[1:]))])
            self.opens = np.concatenate([self.opens, np.zeros((grow, 2), dtype=bool)])
        own_row, blank = self.index.get, self.blank
        shown_row = [table.get for table in self.shown]
        rows: list[int] = []
        starts: list[int] = []
        for word in new:
            own, shown = word_features(word)
            starts.append(len(rows))
            rows.append(blank)
            rows.extend([r for r in map(own_row, own) if r is not None])
            seen = ("w=" + word, *shown)
            for row in shown_row:
                starts.append(len(rows))
                rows.append(blank)
                rows.extend([r for r in map(row, seen) if r is not None])
        summed = np.add.reduceat(self.state[rows], starts)
        self.table[first:end] = summed.reshape(len(new), 5, -1)
        self.opens[first:end, 0] = [w in self.bigram_left for w in new]
        self.opens[first:end, 1] = [w in self.bigram_right for w in new]
        self.words.update(zip(new, range(first, end), strict=True))

    def emissions(self, sentences: Sequence[Sequence[str]]) -> Floats:
        """(tokens, labels) scores of every token of `sentences`, concatenated."""
        if not self.fast:
            return self.exact_emissions(sentences)
        flat = [w for s in sentences for w in s]
        lens = np.array([len(s) for s in sentences], dtype=np.intp)
        ids = self.word_ids(flat)
        pos = np.arange(len(flat)) - np.repeat(np.cumsum(lens) - lens, lens)
        left = np.repeat(lens, lens) - 1 - pos  # tokens after this one in its sentence
        table = self.table
        out: Floats = table[ids, _OWN]
        out[1:] += table[ids[:-1], _PREV] * (pos[1:, None] >= 1)
        out[2:] += table[ids[:-2], _PREV2] * (pos[2:, None] >= 2)
        out[:-1] += table[ids[1:], _NEXT] * (left[:-1, None] >= 1)
        out[:-2] += table[ids[2:], _NEXT2] * (left[:-2, None] >= 2)
        out[pos == 0] += self.bos
        out[left == 0] += self.eos
        opens = self.opens[ids] & (left >= 1)[:, None]
        index, state = self.index, self.state
        for i in np.flatnonzero(opens[:, 0]).tolist():
            j = index.get("bi=" + flat[i] + "|" + flat[i + 1])
            if j is not None:
                out[i + 1] += state[j]
        for i in np.flatnonzero(opens[:, 1]).tolist():
            j = index.get("+bi=" + flat[i] + "|" + flat[i + 1])
            if j is not None:
                out[i] += state[j]
        return out

    def document_emissions(self, sentences: Sequence[Sequence[str]]) -> Floats:
        """(tokens, labels) scores of the document flags (doc_features): the one term that
        is not a function of the word form, so it stays out of the per-form table. Each
        mask's rows were summed at load, so a token costs three table rows."""
        flags = document_flags(sentences)
        own, before, after = self.flag_scores
        out: Floats = own[flags.own] + before[flags.before] + after[flags.after]
        return out

    def exact_emissions(self, sentences: Sequence[Sequence[str]]) -> Floats:
        """The same scores from sentence_features' own attributes (the slow, general way)."""
        rows = [self.scores(attrs) for s in sentences for attrs in sentence_features(s)]
        return np.array(rows).reshape(-1, len(self.zero))

    def viterbi(self, scores: Floats, lens: Ints) -> Ints:
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
        trans = self.transition[None]
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


def _shown_rows(index: dict[str, int]) -> tuple[dict[str, int], ...]:
    """For "-1", "-2", "+1", "+2" in turn: feature f → the row of that prefix + f (f on the
    word one or two before or after a token), for every such attribute of the model."""
    out: tuple[dict[str, int], ...] = ({}, {}, {}, {})
    for attribute, row in index.items():
        slot = _SHOWN_PREFIXES.get(attribute[:2])
        if slot is not None:
            out[slot][attribute[2:]] = row
    return out


_loaded: list[_Model] = []


def use_model(path: Path | None = None) -> pycrfsuite.Tagger:
    """Open a model file (the shipped one by default) and tag with it from now on.

    A model trained elsewhere brings the corpus-name lexicon, common-word list,
    word clusters and frequency bands the trainer wrote beside it: its weights were learnt
    against them.
    """
    tagger = pycrfsuite.Tagger()
    if path is None:
        with as_file(files("reader.nlp").joinpath("data", MODEL_NAME)) as shipped:
            tagger.open(str(shipped))
            weights = read_weights(shipped)
    else:
        tagger.open(str(path))
        lexicon_path = path.parent / CORPUS_NAMES_NAME
        if lexicon_path.exists():
            use_corpus_names(parse_corpus_names(lexicon_path.read_text("utf-8")))
        common_path = path.parent / COMMON_WORDS_NAME
        if common_path.exists():
            use_common_words(frozenset(common_path.read_text("utf-8").split()))
        clusters_path = path.parent / CLUSTERS_NAME
        if clusters_path.exists():
            use_clusters(parse_clusters(clusters_path.read_text("utf-8")))
        bands_path = path.parent / BANDS_NAME
        if bands_path.exists():
            use_bands(parse_bands(bands_path.read_bytes()))
        weights = read_weights(path)
    word_features.cache_clear()
    _loaded[:] = [_Model(tagger, weights)]
    return tagger


def load() -> None:
    """Load the model now (ingest does, before its workers fork, so they share it)."""
    _model()


def clear_cache() -> None:
    """Forget every word's attributes and scores (a new lexicon, or a cold-cache timing)."""
    word_features.cache_clear()
    if _loaded:
        model = _loaded[0]
        model.words.clear()


def fast_path() -> bool:
    """Whether tokens are scored from cached word-form rows (checked at load)."""
    return _model().fast


def _model() -> _Model:
    if not _loaded:
        use_model()
    return _loaded[0]


def emissions(sentences: Sequence[Sequence[str]]) -> Floats:
    """Token scores of one document's sentences: per word form, plus the document flags."""
    model = _model()
    out: Floats = model.emissions(sentences) + model.document_emissions(sentences)
    return out


def decode(scores: Floats, lens: Ints) -> Ints:
    return _model().viterbi(scores, lens)


def tag_sentences(sentences: Sequence[Sequence[str]]) -> list[list[str]]:
    """BIO labels (B-PER, I-LOC, O, …) for each sentence of folded words, the sentences
    being one document (its document flags are shared)."""
    kept = [s for s in sentences if s]
    if not kept:
        return [[] for _ in sentences]
    model = _model()
    lens = np.array([len(s) for s in kept], dtype=np.intp)
    ids = decode(emissions(kept), lens).tolist()
    names = model.labels
    out: list[list[str]] = []
    at = 0
    for s in sentences:
        out.append([names[i] for i in ids[at : at + len(s)]])
        at += len(s)
    return out


def tag(words: Sequence[str]) -> list[str]:
    """BIO labels for the folded words of one sentence."""
    return tag_sentences([words])[0]


def reference_tag(words: Sequence[str]) -> list[str]:
    """The same labels from crfsuite's own tagger, to check the numpy path against."""
    return reference_tags([words])[0]


def reference_tags(sentences: Sequence[Sequence[str]]) -> list[list[str]]:
    """crfsuite's labels for one document's sentences, with the same document flags."""
    out: list[list[str]] = []
    reference = _model().reference
    for words, flags in zip(sentences, document_features(sentences), strict=True):
        if not words:
            out.append([])
            continue
        attrs = [a + f for a, f in zip(sentence_features(words), flags, strict=True)]
        labels: list[str] = reference.tag(attrs)
        out.append([_BIO.get(label[:2], label[:2]) + label[2:] for label in labels])
    return out
