"""A confidence in [0, 1] for every bead, from how far its evidence rises above chance.

Chance is measured on the document pair itself: the similarity of each bead's
source side with its neighbours' target sides (pairs that are not translations
of each other). Its median is the document's chance level, so a shuffled or
unrelated text, whose beads are no more similar than their neighbours, gets low
confidence however well the lengths happen to fit, while a bead that shares far
more evidence than chance gets a high one. An implausible length ratio lowers it.

A logistic fit of bead correctness on the dev sets (bench/align_benchmark.py)
found these per-bead features only weakly predictive there (about 82% of the
beads are right, and the wrong ones are mostly near misses), so the scale is set
by hand to separate chance from clear evidence.
"""

from __future__ import annotations

from collections.abc import Sequence

import numpy as np

from tm.align.costs import CostModel

Beads = Sequence[tuple[tuple[int, ...], tuple[int, ...]]]

_SLOPE = 12.0  # per unit of cosine above chance
_OFFSET = -1.0  # a bead exactly at chance level: about 0.27
_LENGTH_TOLERANCE = 2.0  # Gale-Church cost below which lengths do not lower confidence
_LENGTH_SLOPE = 0.15
#: Unaligned segments: the evidence that they have no counterpart is indirect.
_SKIP_CONFIDENCE = 0.3


def bead_confidences(level, model: CostModel, beads: Beads) -> np.ndarray:
    """Confidence of each bead of ``beads`` (a path over ``level``'s units)."""
    from tm.align.aligner import bead_similarity

    cosine = bead_similarity(level, beads)
    shifted_before = bead_similarity(level, [(s, beads[k - 1][1]) if k > 0 else ((), ())
                                             for k, (s, _) in enumerate(beads)])
    shifted_after = bead_similarity(level, [(s, beads[k + 1][1]) if k + 1 < len(beads)
                                            else ((), ()) for k, (s, _) in enumerate(beads)])
    neighbours = np.maximum(shifted_before, shifted_after)
    chance = float(np.median(neighbours)) if len(neighbours) else 0.0
    source_chars = np.array([level.source_lengths[list(s)].sum() for s, _ in beads])
    target_chars = np.array([level.target_lengths[list(t)].sum() for _, t in beads])
    length = model.length_cost(source_chars, target_chars) if model.use_length else 0.0
    score = (_OFFSET + _SLOPE * (cosine - chance)
             - _LENGTH_SLOPE * np.maximum(length - _LENGTH_TOLERANCE, 0.0))
    confidence = 1.0 / (1.0 + np.exp(-score))
    linked = np.array([bool(s) and bool(t) for s, t in beads])
    return np.where(linked, confidence, _SKIP_CONFIDENCE * (1.0 - np.clip(cosine, 0, 1)))
