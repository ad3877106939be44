"""The second pass's evidence: word translations learned from the first pass.

As hunalign's realign does, the confident 1-1 beads of the first pass are taken
as a small parallel corpus; word pairs that co-occur there far more than chance
(Dice coefficient over beads) become a bilingual lexicon. Each learned pair is
one more shared feature key (``x:<source>|<target>``) for the second pass.
"""

from __future__ import annotations

from collections.abc import Sequence

import numpy as np
from scipy import sparse

#: At most this many beads are used to learn (evenly spread over the document).
MAX_LEARNING_BEADS = 6000
MIN_COOCCURRENCE = 2
MIN_DICE = 0.3
#: A source word keeps at most this many translations (the best by Dice).
MAX_TRANSLATIONS = 3


def _vocabulary(sentences: Sequence[Sequence[str]]) -> tuple[dict[str, int], sparse.csr_matrix]:
    vocabulary: dict[str, int] = {}
    rows: list[int] = []
    columns: list[int] = []
    for row, words in enumerate(sentences):
        for word in dict.fromkeys(words):  # ordered: indices must not depend on hashing
            rows.append(row)
            columns.append(vocabulary.setdefault(word, len(vocabulary)))
    matrix = sparse.csr_matrix((np.ones(len(rows), dtype=np.float32), (rows, columns)),
                               shape=(len(sentences), max(len(vocabulary), 1)))
    return vocabulary, matrix


def learn_lexicon(pairs: Sequence[tuple[Sequence[str], Sequence[str]]]
                  ) -> list[tuple[str, str, float]]:
    """(source word, target word, Dice) for word pairs that translate each other in ``pairs``."""
    if len(pairs) > MAX_LEARNING_BEADS:
        step = len(pairs) / MAX_LEARNING_BEADS
        pairs = [pairs[int(index * step)] for index in range(MAX_LEARNING_BEADS)]
    if len(pairs) < 10:
        return []
    source_vocabulary, source = _vocabulary([source for source, _ in pairs])
    target_vocabulary, target = _vocabulary([target for _, target in pairs])
    source_frequency = np.asarray(source.sum(axis=0)).ravel()
    target_frequency = np.asarray(target.sum(axis=0)).ravel()
    # Words seen once cannot show co-occurrence beyond chance: drop them first.
    source = source @ sparse.diags((source_frequency >= MIN_COOCCURRENCE).astype(np.float32))
    target = target @ sparse.diags((target_frequency >= MIN_COOCCURRENCE).astype(np.float32))
    cooccurrence = (source.T @ target).tocoo()
    counts = cooccurrence.data
    dice = 2 * counts / (source_frequency[cooccurrence.row] + target_frequency[cooccurrence.col])
    keep = (counts >= MIN_COOCCURRENCE) & (dice >= MIN_DICE)
    source_words = {index: word for word, index in source_vocabulary.items()}
    target_words = {index: word for word, index in target_vocabulary.items()}
    candidates = sorted(zip(cooccurrence.row[keep].tolist(), cooccurrence.col[keep].tolist(),
                            dice[keep].tolist(), strict=True),
                        key=lambda item: (item[0], -item[2], item[1]))
    lexicon: list[tuple[str, str, float]] = []
    kept_for: dict[int, int] = {}
    for source_index, target_index, score in candidates:
        if kept_for.get(source_index, 0) < MAX_TRANSLATIONS:
            kept_for[source_index] = kept_for.get(source_index, 0) + 1
            lexicon.append((source_words[source_index], target_words[target_index], score))
    return lexicon

