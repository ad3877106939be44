"""A confidence in [0, 1] for every bead: does its evidence beat chance and its rivals?

A path is the best monotone sequence of beads, so even two unrelated texts get
one, made of the pairs that share the most evidence by chance. The confidence is
a logistic score of four kinds of evidence, each measured on the document itself:

* coverage: the share of each side's evidence mass (every key of its tokens,
  shared with the other language or not) that the other side matches. A
  translation matches a good part of it; unrelated text matches under 7% (only
  chance subword pieces), whatever its cosine on the few keys it shares;
* contested margin, as in Bertalign's and LASER's margin scoring: the bead's
  cosine minus the best cosine of one of its sides with a sentence of the other
  side (within ``ALTERNATIVES`` sentences) that fits it better than that
  sentence fits its own bead. In a shuffled text the true partner of a wrong
  bead's sentence is such a rival; a rival about as good as the partner (a
  tie) makes the pairing a coin toss;
* context: the median, over ``CONTEXT`` beads each side, of the coverage and of
  the margin over the plain best alternative. A document (or stretch) whose
  path is no better than chance gets low confidence everywhere;
* shape: an implausible length ratio and merged beads (wrong more often).

The weights are set by hand, not fitted: the dev sets (bench/align_benchmark.py)
only hold real translations, so they cannot teach what chance looks like. They
were checked against shuffled and unrelated texts (tests/test_align.py) and for
ranking on the dev sets (correct beads score higher: AUC 0.54-0.69 there, where
most errors are near misses that share the same evidence).
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from typing import TYPE_CHECKING

import numpy as np
from scipy import sparse

from tm.align.costs import CostModel
from tm.align.vectors import banded_dots, row_dots

if TYPE_CHECKING:
    from tm.align.search import Level

Beads = Sequence[tuple[tuple[int, ...], tuple[int, ...]]]

#: Sentences searched each side of a bead for a better partner of its sides.
ALTERNATIVES = 20
_ALTERNATIVE_BLOCK = 2048  # beads whose alternatives are scored together
_OFFSET = 0.5
_SLOPE = 8.0  # per unit of cosine margin over the best contested alternative
_LENGTH_TOLERANCE = 2.0  # Gale-Church cost below which lengths do not lower confidence
_LENGTH_SLOPE = 0.3
_MERGE_PENALTY = 1.0  # per sentence beyond a 1-1 bead: merges are wrong more often
#: Beads each side whose typical margin over chance is the bead's context.
CONTEXT = 20
_CONTEXT_SLOPE = 6.0  # per unit of the context's median margin over plain alternatives
_CONTEXT_MARGIN = -0.1  # a context margin that neither raises nor lowers confidence
_COVERAGE_SLOPE = 20.0  # per unit of matched share, of the bead and of its context
_CHANCE_COVERAGE = 0.15  # unrelated texts match under 0.07 of their evidence by chance
_TIE_FROM = 0.8  # a contested rival this close to the bead's own cosine starts to count
_TIE_PENALTY = 4.0  # at a tie
_TIED_CONFIDENCE = 0.4  # at most, where a rival fits as well as the partner
#: Unaligned segments: the evidence that they have no counterpart is indirect.
_SKIP_CONFIDENCE = 0.3


def _membership(beads: Beads, side: int, size: int) -> sparse.csr_matrix:
    """beads x sentences, 1 where the sentence belongs to the bead's ``side``."""
    bead_ids = [number for number, bead in enumerate(beads) for _ in bead[side]]
    members = [member for bead in beads for member in bead[side]]
    return sparse.csr_matrix((np.ones(len(members), dtype=np.float32), (bead_ids, members)),
                             shape=(len(beads), size))


def _spans(beads: Beads, side: int) -> tuple[np.ndarray, np.ndarray]:
    """First and one-past-last sentence of each bead's ``side`` (empty sides: a point)."""
    first = np.empty(len(beads), dtype=np.int64)
    stop = np.empty(len(beads), dtype=np.int64)
    position = 0
    for number, bead in enumerate(beads):
        members = bead[side]
        if members:
            position = members[0]
            first[number], stop[number] = members[0], members[-1] + 1
        else:
            first[number] = stop[number] = position
    return first, stop


def _best_alternative(sides: sparse.csr_matrix, sentences: sparse.csr_matrix,
                      first: np.ndarray, stop: np.ndarray, held: np.ndarray
                      ) -> tuple[np.ndarray, np.ndarray]:
    """Highest cosine of each bead side with one sentence of the other side near it, not in
    it: over all such sentences, and over those it beats their own bead (``held``)."""
    count = sentences.shape[0]
    if count == 0 or sides.shape[0] == 0:
        return np.zeros(sides.shape[0]), np.zeros(sides.shape[0])
    low = np.clip(first - ALTERNATIVES, 0, count - 1)
    high = np.clip(stop - 1 + ALTERNATIVES, 0, count - 1)
    offsets, dots = banded_dots(sides, sentences, low, high)
    side_norms = np.sqrt(row_dots(sides, sides))
    sentence_norms = np.sqrt(row_dots(sentences, sentences))
    plain, contested = np.zeros(sides.shape[0]), np.zeros(sides.shape[0])
    # Blocks of beads: the (beads x band width) temporaries stay small on long texts.
    for begin in range(0, sides.shape[0], _ALTERNATIVE_BLOCK):
        end = begin + _ALTERNATIVE_BLOCK
        columns = offsets[begin:end, None] + np.arange(dots.shape[1])[None, :]
        safe = np.minimum(columns, count - 1)
        outside = (columns <= high[begin:end, None]) & (
            (columns < first[begin:end, None]) | (columns >= stop[begin:end, None]))
        norm = side_norms[begin:end, None] * sentence_norms[safe]
        block = dots[begin:end]
        cosine = np.divide(block, norm, out=np.zeros_like(block), where=(norm > 0) & outside)
        plain[begin:end] = cosine.max(axis=1)
        contested[begin:end] = np.where(cosine > held[safe], cosine, 0.0).max(axis=1)
    return plain, contested


def _holder(beads: Beads, side: int, size: int, values: np.ndarray) -> np.ndarray:
    """values[bead holding sentence k] for every sentence k of ``side``."""
    held = np.zeros(size)
    for number, bead in enumerate(beads):
        held[list(bead[side])] = values[number]
    return held


@dataclass(frozen=True, slots=True)
class Evidence:
    """Per bead: what its two sides share, and what its best alternatives share."""

    cosine: np.ndarray  # of the two sides' summed vectors
    plain: np.ndarray  # best cosine of either side with a sentence of the other side nearby
    contested: np.ndarray  # the same, over sentences that fit this bead better than their own
    coverage: np.ndarray  # geometric mean over both sides of the share of evidence matched


def bead_evidence(level: Level, beads: Beads) -> Evidence:
    """The :class:`Evidence` of every bead of a path over ``level``."""
    rows, columns = level.shape
    source = (_membership(beads, 0, rows) @ level.source).tocsr()
    target = (_membership(beads, 1, columns) @ level.target).tocsr()
    dot = row_dots(source, target)
    norm = np.sqrt(row_dots(source, source) * row_dots(target, target))
    cosine = np.divide(dot, norm, out=np.zeros_like(dot), where=norm > 0)
    target_first, target_stop = _spans(beads, 1)
    source_first, source_stop = _spans(beads, 0)
    plain_t, contested_t = _best_alternative(source, level.target, target_first, target_stop,
                                             _holder(beads, 1, columns, cosine))
    plain_s, contested_s = _best_alternative(target, level.source, source_first, source_stop,
                                             _holder(beads, 0, rows, cosine))
    membership_s, membership_t = _membership(beads, 0, rows), _membership(beads, 1, columns)
    covered_s = row_dots(source, target.sign()) / np.maximum(membership_s @ level.source_mass, 1e-9)
    covered_t = row_dots(target, source.sign()) / np.maximum(membership_t @ level.target_mass, 1e-9)
    coverage = np.sqrt(np.clip(covered_s, 0, 1) * np.clip(covered_t, 0, 1))
    return Evidence(cosine, np.maximum(plain_t, plain_s), np.maximum(contested_t, contested_s),
                    coverage)


def _local_median(values: np.ndarray) -> np.ndarray:
    """Median of the non-NaN ``values`` within ``CONTEXT`` places of each (0 when none)."""
    padded = np.pad(values, CONTEXT, constant_values=np.nan)
    windows = np.lib.stride_tricks.sliding_window_view(padded, 2 * CONTEXT + 1)
    present = ~np.isnan(windows).all(axis=1)
    median = np.zeros(len(values))
    if present.any():
        median[present] = np.nanmedian(windows[present], axis=1)
    return median


def bead_confidences(level: Level, model: CostModel, beads: Beads) -> np.ndarray:
    """Confidence of each bead of ``beads`` (a path over ``level``'s units)."""
    if not beads:
        return np.zeros(0)
    evidence = bead_evidence(level, beads)
    linked = np.array([bool(s) and bool(t) for s, t in beads])
    context_margin = _local_median(np.where(linked, evidence.cosine - evidence.plain, np.nan))
    context_coverage = _local_median(np.where(linked, evidence.coverage, np.nan))
    # A rival as good as the partner makes the pairing a coin toss, whatever the margin says.
    rivalry = np.divide(evidence.contested, evidence.cosine, out=np.zeros(len(beads)),
                        where=evidence.cosine > 0)
    extra = np.array([max(len(s) + len(t) - 2, 0) for s, t in beads])
    rows, columns = level.shape
    source_chars = _membership(beads, 0, rows) @ level.source_lengths
    target_chars = _membership(beads, 1, columns) @ level.target_lengths
    length = model.length_cost(source_chars, target_chars) if model.use_length else 0.0
    # A cosine of 1 over one chance key is no margin: a lead over the rivals counts as far
    # as coverage is real; a rival's lead counts in full.
    strength = np.minimum(evidence.coverage / _CHANCE_COVERAGE, 1.0)
    margin = evidence.cosine - evidence.contested
    score = (_OFFSET + _SLOPE * (strength * np.maximum(margin, 0.0) + np.minimum(margin, 0.0))
             + _CONTEXT_SLOPE * (context_margin - _CONTEXT_MARGIN)
             + _COVERAGE_SLOPE * (evidence.coverage - _CHANCE_COVERAGE)
             + _COVERAGE_SLOPE * (context_coverage - _CHANCE_COVERAGE)
             - _LENGTH_SLOPE * np.maximum(length - _LENGTH_TOLERANCE, 0.0)
             - _MERGE_PENALTY * extra
             - _TIE_PENALTY * np.clip((rivalry - _TIE_FROM) / (1.0 - _TIE_FROM), 0.0, 1.0))
    confidence = 1.0 / (1.0 + np.exp(-score))
    # A rival at least as good: the pairing is at best a coin toss between them.
    confidence = np.where(rivalry >= 1.0 - 1e-6, np.minimum(confidence, _TIED_CONFIDENCE),
                          confidence)
    return np.where(linked, confidence, _SKIP_CONFIDENCE * (1.0 - np.clip(evidence.plain, 0, 1)))
