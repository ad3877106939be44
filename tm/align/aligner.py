"""``align()``: two lists of segments -> beads with a confidence.

Pass 1 turns every sentence into a bag of language-neutral evidence (numbers,
punctuation, identical tokens, cognates, dictionary terms, shared SentencePiece
pieces), weighs it into sparse vectors (tf-idf times a weight per evidence
family, :mod:`tm.align.weights`) and runs the coarse-to-fine search with
a Gale-Church length cost whose ratio comes from the document pair. Pass 2
(realign) learns word translations and the length variance from pass 1's
confident 1-1 beads (the better half where evidence is thin) and searches again
in a band around pass 1's path. Confidences: :mod:`tm.align.confidence`.
"""

from __future__ import annotations

from collections.abc import Iterable, Sequence

import numpy as np

from tm.align.confidence import bead_confidences
from tm.align.costs import CostModel
from tm.align.features import (
    Bags,
    DictionaryIndex,
    FeatureExtractor,
    Words,
    expand,
    next_id,
)
from tm.align.lexicon import learn_lexicon
from tm.align.options import AlignOptions
from tm.align.search import Level, Path, coarse_to_fine, refine
from tm.align.vectors import build_vectors
from tm.align.weights import KeyWeights
from tm.errors import TmError
from tm.langtag import normalize_tag
from tm.model import Bead

#: Pass-1 1-1 beads at least this confident (or the better half) teach pass 2's lexicon.
LEARNING_CONFIDENCE = 0.5


def _char_lengths(texts: Sequence[str]) -> np.ndarray:
    return np.fromiter((len(text) - text.count(" ") for text in texts), dtype=np.float64,
                       count=len(texts))


def _path_beads(path: Path) -> list[tuple[tuple[int, ...], tuple[int, ...]]]:
    return [(tuple(range(i0, i1)), tuple(range(j0, j1)))
            for (i0, j0), (i1, j1) in zip(path, path[1:], strict=False)]


def _subword_bags(source: Sequence[str], target: Sequence[str], source_bags: Bags,
                  target_bags: Bags, options: AlignOptions, weights: KeyWeights
                  ) -> tuple[list[Bags], list[Bags]]:
    """Both sides' parts: their token keys, then their subword pieces (when trained)."""
    from tm.align.subword import train_and_encode

    pieces = train_and_encode(source, target, vocab_size=options.sp_vocab)
    if pieces is None:
        return [source_bags], [target_bags]
    (source_rows, source_pieces), (target_rows, target_pieces) = pieces
    first = next_id(source_bags, target_bags)
    weights.family_from(first, "sp")
    return ([source_bags, Bags(source_rows, source_pieces + first, source_bags.count)],
            [target_bags, Bags(target_rows, target_pieces + first, target_bags.count)])


def _lexicon_bags(words: Words, table: dict[str, list[int]], first: int, count: int) -> Bags:
    """Every word with learned translations gains their pair keys (ids from ``first``)."""
    counts = np.zeros(len(words.vocabulary), dtype=np.int64)
    values: list[int] = []
    word_ids = {word: number for number, word in enumerate(words.vocabulary)}
    entries = sorted((word_ids[word], keys) for word, keys in table.items() if word in word_ids)
    flat = np.zeros(0, dtype=np.int64)
    if entries:
        for number, keys in entries:
            counts[number] = len(keys)
            values.extend(keys)
        flat = np.array(values, dtype=np.int64)
    rows, ids = expand(words.rows, words.ids, counts, flat)
    return Bags(rows, ids + first, count)


def _level(source_bags: list[Bags], target_bags: list[Bags], source_lengths: np.ndarray,
           target_lengths: np.ndarray, weights: KeyWeights) -> Level:
    key_weights = weights.array(next_id(*source_bags, *target_bags))
    source_vectors, target_vectors, source_mass, target_mass = build_vectors(
        source_bags, target_bags, key_weights=key_weights)
    return Level(source_vectors, target_vectors, source_lengths, target_lengths,
                 np.ones(len(source_lengths), dtype=np.int64),
                 np.ones(len(target_lengths), dtype=np.int64), source_mass, target_mass)


def _check_texts(texts: Sequence[str], side: str) -> None:
    for index, text in enumerate(texts):
        if not isinstance(text, str):
            raise TmError(f"{side} segment {index} is {type(text).__name__}, not text")


def align(source: Sequence[str], target: Sequence[str], *, src_lang: str, tgt_lang: str,
          dictionary: Iterable[tuple[str, str]] = (), options: AlignOptions | None = None
          ) -> list[Bead]:
    """Align two lists of segments into beads covering every index once, in order.

    ``dictionary`` holds (source term, target term) pairs, possibly multi-word
    (the glossary and a user dictionary). Bead shapes: 1-1, 1-0, 0-1, 2-1, 1-2,
    2-2, 1-3, 3-1. Each bead's confidence is in [0, 1]; unaligned segments and
    beads without shared evidence get low values.
    """
    normalize_tag(src_lang)
    normalize_tag(tgt_lang)
    options = options or AlignOptions()
    source, target = list(source), list(target)
    _check_texts(source, "source")
    _check_texts(target, "target")
    if not source or not target:
        return ([Bead((index,), (), 0.0) for index in range(len(source))]
                + [Bead((), (index,), 0.0) for index in range(len(target))])
    index = DictionaryIndex.build(dictionary) if options.dictionary else None
    extractor = FeatureExtractor(options=options, dictionary=index)
    source_bags, source_words = extractor.bags(source, side="source")
    target_bags, target_words = extractor.bags(target, side="target")
    weights = KeyWeights(extractor.keys)
    if options.subwords:
        source_parts, target_parts = _subword_bags(source, target, source_bags, target_bags,
                                                   options, weights)
    else:
        source_parts, target_parts = [source_bags], [target_bags]
    del source_bags, target_bags  # owned by the parts from here on
    source_lengths, target_lengths = _char_lengths(source), _char_lengths(target)
    level = _level(source_parts, target_parts, source_lengths, target_lengths, weights)
    model = CostModel.for_lengths(source_lengths, target_lengths, use_length=options.length)
    path = coarse_to_fine(level, model, window=options.window)
    beads = _path_beads(path)
    confidences = bead_confidences(level, model, beads)
    if options.realign:
        singles = [(s[0], t[0], confidence)
                   for (s, t), confidence in zip(beads, confidences, strict=True)
                   if len(s) == 1 and len(t) == 1]
        # Where evidence is thin (literary text), confidences are low but ranks still
        # hold: the better half of the 1-1 beads teaches the lexicon.
        bar = min(LEARNING_CONFIDENCE, float(np.median([c for _, _, c in singles]))
                  ) if singles else LEARNING_CONFIDENCE
        confident = [(s, t) for s, t, confidence in singles if confidence >= bar]
        if confident:
            source_ids = np.array([s for s, _ in confident])
            target_ids = np.array([t for _, t in confident])
            model = model.with_variance_from(source_lengths[source_ids], target_lengths[target_ids])
        lexicon = learn_lexicon([(source_words.sentence(s), target_words.sentence(t))
                                 for s, t in confident])
        if lexicon:
            source_table: dict[str, list[int]] = {}
            target_table: dict[str, list[int]] = {}
            for number, (source_word, target_word, _) in enumerate(lexicon):
                source_table.setdefault(source_word, []).append(number)
                target_table.setdefault(target_word, []).append(number)
            first = next_id(*source_parts, *target_parts)
            weights.family_from(first, "x")
            level = None  # pass 1's vectors: free them before building pass 2's
            source_parts.append(_lexicon_bags(source_words, source_table, first, len(source)))
            target_parts.append(_lexicon_bags(target_words, target_table, first, len(target)))
            del source_words, target_words, singles, confident, beads, confidences
            level = _level(source_parts, target_parts, source_lengths, target_lengths, weights)
        del source_parts, target_parts  # the vectors hold what the search needs
        path = refine(level, model, path, window=options.window)
        beads = _path_beads(path)
        confidences = bead_confidences(level, model, beads)
    return [Bead(s, t, round(float(confidence), 4))
            for (s, t), confidence in zip(beads, confidences, strict=True)]

