"""How much each kind of evidence counts in the similarity of two sentences.

All evidence shares one tf-idf cosine, but the sources are not equally
reliable: a shared number or a learned translation says more than a shared
consonant skeleton or a subword piece of a cognate stem. Each family's weight
multiplies the idf of its keys (in the vectors and in the evidence mass the
confidence's coverage is measured against). The few numbers were tuned on the
three dev sets together (bench/align_benchmark.py reports each set).
"""

from __future__ import annotations

from collections.abc import Mapping

import numpy as np

#: Only the ratios matter (the cosine is scale-free). From 1 everywhere, numbers x2 and
#: identical tokens and subword pieces x0.5 raised strict F1 on every dev set (textberg
#: 0.814 -> 0.828, transread 0.865 -> 0.873, BAF 0.915 -> 0.922); halving or doubling
#: any single other family did not raise the average (learned lexicon: both hurt).
#: Weight per family: key prefix (``n:`` numbers, ``p:`` punctuation, ``w:`` identical
#: tokens, ``c:`` cognates, ``d:`` dictionary), ``sp`` subword pieces, ``x`` learned lexicon.
EVIDENCE_WEIGHTS: dict[str, float] = {
    "n": 2.0, "p": 1.0, "w": 0.5, "c": 1.0, "d": 1.0, "sp": 0.5, "x": 1.0,
}


class KeyWeights:
    """The weight of every key id, grown family by family as the aligner adds keys."""

    def __init__(self, keys: Mapping[str, int]) -> None:
        """``keys``: the feature extractor's interned keys (``n:2005`` -> id)."""
        self._values = np.ones(max(keys.values(), default=-1) + 1)
        for key, number in keys.items():
            self._values[number] = EVIDENCE_WEIGHTS[key.split(":", 1)[0]]
        self._ranges: list[tuple[int, str]] = []

    def family_from(self, first: int, family: str) -> None:
        """Every key id from ``first`` on (until the next family) belongs to ``family``."""
        self._ranges.append((first, family))

    def array(self, size: int) -> np.ndarray:
        """Weights of ids 0..size-1."""
        values = np.ones(size)
        known = min(size, len(self._values))
        values[:known] = self._values[:known]
        for first, family in self._ranges:
            values[first:] = EVIDENCE_WEIGHTS[family]
        return values
