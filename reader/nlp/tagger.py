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
- All sentences of a document are decoded in one batched Viterbi (nlp/viterbi.py).

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
from itertools import chain, repeat
from operator import is_not
from pathlib import Path

import numpy as np
import numpy.typing as npt
import pycrfsuite

from reader.nlp.attribute_rows import Pairs, pair_row, pair_rows, shown_rows
from reader.nlp.crf_model import CrfWeights, Floats, read_weights
from reader.nlp.doc_features import (
    DocumentFlags,
    FormTable,
    document_features,
    document_flags,
    flag_attributes,
)
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
from reader.nlp.viterbi import viterbi

MODEL_NAME = "ner.crfsuite"
MODEL_PATH = Path(__file__).resolve().parent / "data" / MODEL_NAME
# Five score rows of float64 per label per word form: 50,000 forms of a 17-label
# model are 34 MB. Past that the table starts again (scores are recomputed the same).
MAX_WORDS = 50_000
# A model trained on BIOES labels (scripts/train_ner.py --scheme bioes) is read back as BIO.
_BIO = {"S-": "B-", "E-": "I-"}
# Rows of a word form in the score table, in the order add_words fills them, and where the
# word stands from the token that adds the row (itself, one before, two before, …).
_OWN, _PREV, _PREV2, _NEXT, _NEXT2 = range(5)
_OFFSETS = np.array([0, -1, -2, 1, 2])[:, None]
_SLOTS = np.arange(5)[:, None]
# Word id 0 is no word: the neighbour beyond a sentence's edge. Its rows are what an edge
# token gets instead: BOS from the word before, EOS from the word after, nothing two away.
_PAD = 0
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
        # One zero row past the model's attributes, for the attributes the model lacks.
        self.state = np.vstack([weights.state, np.zeros((1, len(weights.labels)))])
        self.blank = len(weights.state)
        self.transition = weights.transition
        self.labels = tuple(_BIO.get(lab[:2], lab[:2]) + lab[2:] for lab in weights.labels)
        n = len(weights.labels)
        self.zero = np.zeros(n)
        self.bos = self.row("BOS")
        self.eos = self.row("EOS")
        # Known "bi=" / "+bi=" pairs as first word → second word → row, so a token builds no
        # string: every way of cutting a pair at a "|" is listed, so none is missed.
        self.pairs = (pair_rows(self.index, "bi="), pair_rows(self.index, "+bi="))
        # Every second word of a known pair: a token is looked up only where its word opens
        # a pair and the next word closes one (on news text, under half of those that open one).
        self.seconds = tuple(
            frozenset(chain.from_iterable(map(dict.keys, pairs.values()))) for pairs in self.pairs
        )
        # What a word's features show its neighbours, looked up without the prefix (a new
        # word form builds no prefixed strings): feature → its four rows ("-1", "-2", "+1",
        # "+2", zeros where the model lacks one) in one block, so one lookup serves all four.
        self.shown, self.shown_rows = shown_rows(weights.attributes, self.state)
        # Per document-flag mask, the summed rows of its attributes: own, shown by the token
        # before ("-1"), shown by the token after ("+1").
        self.flag_scores = tuple(
            np.array([self.scores(names) for names in flag_attributes(prefix)])
            for prefix in ("", "-1", "+1")
        )
        self.words: dict[str, int] = {}
        # Allocated whole: numpy's zeros are pages the system maps only once written, so a
        # process pays for the forms it meets, and the table never grows by copying.
        size = MAX_WORDS + 1
        self.table = np.zeros((size, 5, n))
        self.table[_PAD, _PREV] = self.bos
        self.table[_PAD, _NEXT] = self.eos
        self.opens = np.zeros((size, 2), dtype=bool)  # opens a known "bi=" / "+bi=" pair
        self.closes = np.zeros((size, 2), dtype=bool)  # is the second word of one; not _PAD
        self.follow: tuple[list[Pairs | None], ...] = ([None] * size, [None] * size)
        # What the document flags need of each id's form, on the same ids (_PAD is "").
        self.flag_forms = _flag_forms()
        self.fast = True
        self.fast = all(
            np.allclose(self.emissions([s.split()]), self.exact_emissions([s.split()]), atol=1e-9)
            for s in _PROBE
        )

    def forget(self) -> None:
        """Drop every word form: ids are given again from 1."""
        self.words.clear()
        self.flag_forms = _flag_forms()

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
            new = [w for w in dict.fromkeys(flat) if w not in words]
            if len(words) + len(new) > MAX_WORDS:
                self.forget()
                new = list(dict.fromkeys(flat))
            self.add_words(new)
            found = list(map(words.__getitem__, flat))
        return np.array(found, dtype=np.intp)

    def add_words(self, new: list[str]) -> None:
        """Sum the five score rows of each new word form: one numpy call per kind of row."""
        first = len(self.words) + 1  # after _PAD
        end = first + len(new)
        if end > len(self.table):
            self.grow(end)
        # An attribute the model lacks maps to a zero row, so each word's rows are looked up
        # in one map() call and summed in order; no group is empty ("w=" + word is in both).
        features = list(map(word_features, new))
        owns = [own for own, _ in features]
        seen = [(own[0], *shown) for own, shown in features]  # own[0] is "w=" + word
        # Row numbers go to numpy by fromiter: a list would be scanned for its type first.
        sizes = np.fromiter(map(len, owns), dtype=np.intp, count=len(new))
        rows = np.fromiter(
            map(self.index.get, chain.from_iterable(owns), repeat(self.blank)),
            dtype=np.intp,
            count=int(sizes.sum()),
        )
        self.table[first:end, _OWN] = np.add.reduceat(self.state[rows], np.cumsum(sizes) - sizes)
        blank = len(self.shown_rows) - 1
        sizes = np.fromiter(map(len, seen), dtype=np.intp, count=len(new))
        rows = np.fromiter(
            map(self.shown.get, chain.from_iterable(seen), repeat(blank)),
            dtype=np.intp,
            count=int(sizes.sum()),
        )
        starts = np.cumsum(sizes) - sizes
        self.table[first:end, _PREV:] = np.add.reduceat(self.shown_rows[rows], starts)
        for kind, pairs in enumerate(self.pairs):
            follow = list(map(pairs.get, new))
            self.follow[kind][first:end] = follow
            self.opens[first:end, kind] = np.fromiter(
                map(is_not, follow, repeat(None)), dtype=bool, count=len(new)
            )
            self.closes[first:end, kind] = np.fromiter(
                map(self.seconds[kind].__contains__, new), dtype=bool, count=len(new)
            )
        self.flag_forms.add(new)
        self.words.update(zip(new, range(first, end), strict=True))

    def grow(self, size: int) -> None:
        """Room for `size` ids: only a document with more distinct forms than MAX_WORDS
        needs it."""
        grow = size - len(self.table)
        self.table = np.concatenate([self.table, np.zeros((grow, *self.table.shape[1:]))])
        self.opens = np.concatenate([self.opens, np.zeros((grow, 2), dtype=bool)])
        self.closes = np.concatenate([self.closes, np.zeros((grow, 2), dtype=bool)])
        for follow in self.follow:
            follow.extend([None] * grow)

    def emissions(self, sentences: Sequence[Sequence[str]]) -> Floats:
        """(tokens, labels) word-form scores of every token of `sentences`, concatenated."""
        if not self.fast:
            return self.exact_emissions(sentences)
        flat = [w for s in sentences for w in s]
        return self.form_scores(flat, _lengths(sentences), self.word_ids(flat))

    def document_scores(self, sentences: Sequence[Sequence[str]]) -> Floats:
        """Word-form plus document-flag scores of one document's tokens: what is tagged.
        The flags are found on the score table's own numbering of the forms."""
        if not self.fast:
            return self.exact_emissions(sentences) + self.document_emissions(sentences)
        flat = list(chain.from_iterable(sentences))
        lens = _lengths(sentences)
        ids = self.word_ids(flat)
        out = self.form_scores(flat, lens, ids)
        out += self.flag_rows(self.flag_forms.flags(ids, lens))
        return out

    def form_scores(self, flat: list[str], lens: Ints, ids: Ints) -> Floats:
        """The word-form term: each sentence is set between two _PAD ids on either side,
        so a token's four neighbours are found by offset and its five rows in one gather."""
        at = np.arange(len(flat)) + 2 * np.repeat(np.arange(1, len(lens) + 1), lens)
        padded = np.zeros(len(flat) + 2 * len(lens) + 2, dtype=np.intp)
        padded[at] = ids
        around = padded[at + _OFFSETS] * 5 + _SLOTS
        out: Floats = self.table.reshape(-1, self.table.shape[2])[around].sum(axis=0)
        opens = self.opens[ids] & self.closes[padded[at + 1]]
        for kind, shift in ((0, 1), (1, 0)):  # "bi=" scores the second word, "+bi=" the first
            at_pair = np.flatnonzero(opens[:, kind])
            # Per opening token, its pairs' table and the next word, looked up in C (map).
            tables = map(self.follow[kind].__getitem__, ids[at_pair].tolist())
            nexts = map(flat.__getitem__, (at_pair + 1).tolist())
            found = np.fromiter(
                map(pair_row, tables, nexts, repeat(-1)), dtype=np.intp, count=len(at_pair)
            )
            known = found >= 0
            out[at_pair[known] + shift] += self.state[found[known]]
        return out

    def document_emissions(self, sentences: Sequence[Sequence[str]]) -> Floats:
        """(tokens, labels) scores of the document flags (doc_features): the one term that
        is not a function of the word form, so it stays out of the per-form table."""
        return self.flag_rows(document_flags(sentences))

    def flag_rows(self, flags: DocumentFlags) -> Floats:
        """Each mask's rows were summed at load, so a token costs three table rows."""
        own, before, after = self.flag_scores
        out: Floats = own[flags.own] + before[flags.before] + after[flags.after]
        return out

    def exact_emissions(self, sentences: Sequence[Sequence[str]]) -> Floats:
        """The same scores from sentence_features' own attributes (the slow, general way)."""
        rows = [self.scores(attrs) for s in sentences for attrs in sentence_features(s)]
        return np.array(rows).reshape(-1, len(self.zero))


def _flag_forms() -> FormTable:
    """A document-flag table whose id 0 is _PAD's empty form."""
    table = FormTable()
    table.add([""])
    return table


def _lengths(sentences: Sequence[Sequence[str]]) -> Ints:
    return np.fromiter(map(len, sentences), dtype=np.intp, count=len(sentences))


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
        _loaded[0].forget()


def fast_path() -> bool:
    """Whether tokens are scored from cached word-form rows (checked at load)."""
    return _model().fast


def _model() -> _Model:
    if not _loaded:
        use_model()
    return _loaded[0]


def emissions(sentences: Sequence[Sequence[str]]) -> Floats:
    """Token scores of one document's sentences: per word form, plus the document flags."""
    return _model().document_scores(sentences)


def decode(scores: Floats, lens: Ints) -> Ints:
    return viterbi(scores, lens, _model().transition)


def tag_sentences(sentences: Sequence[Sequence[str]]) -> list[list[str]]:
    """BIO labels (B-PER, I-LOC, O, …) for each sentence of folded words, the sentences
    being one document (its document flags are shared)."""
    kept = [s for s in sentences if s]
    if not kept:
        return [[] for _ in sentences]
    ids = decode(emissions(kept), _lengths(kept)).tolist()
    labels = list(map(_model().labels.__getitem__, ids))
    out: list[list[str]] = []
    at = 0
    for s in sentences:
        out.append(labels[at : at + len(s)])
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
