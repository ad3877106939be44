"""Scoring an alignment against gold beads, as the Vecalign and Bertalign papers do.

Rules (shared/README.md): beads empty on both sides are dropped; precision is over
all produced beads (1-0 and 0-1 included); recall is over gold beads with 1-0 and
0-1 beads removed from both sides; a bead is strict-correct when the exact
(source, target) pair is in the other set, lax-correct when it is strict-correct
or when one of its source sentences is linked there to one of its target
sentences. Counts are summed over documents before P/R/F1 are computed.
"""

from __future__ import annotations

from collections.abc import Iterable, Sequence
from dataclasses import dataclass

from tm.model import Bead

Pair = tuple[tuple[int, ...], tuple[int, ...]]


@dataclass(frozen=True, slots=True)
class AlignmentCounts:
    """Raw counts for one or more documents; add them, then read P/R/F1."""

    strict_precision_hits: int = 0
    lax_precision_hits: int = 0
    produced: int = 0
    strict_recall_hits: int = 0
    lax_recall_hits: int = 0
    gold: int = 0

    def __add__(self, other: AlignmentCounts) -> AlignmentCounts:
        return AlignmentCounts(
            *(getattr(self, name) + getattr(other, name) for name in self.__dataclass_fields__)
        )

    def scores(self) -> dict[str, float]:
        """``{"strict_p", "strict_r", "strict_f1", "lax_p", "lax_r", "lax_f1"}``."""
        result = {}
        for mode in ("strict", "lax"):
            hits_p = getattr(self, f"{mode}_precision_hits")
            hits_r = getattr(self, f"{mode}_recall_hits")
            precision = hits_p / self.produced if self.produced else 0.0
            recall = hits_r / self.gold if self.gold else 0.0
            f1 = 2 * precision * recall / (precision + recall) if precision + recall else 0.0
            result[f"{mode}_p"], result[f"{mode}_r"], result[f"{mode}_f1"] = precision, recall, f1
        return result


def _pairs(beads: Iterable[Bead | Pair]) -> list[Pair]:
    pairs = []
    for bead in beads:
        source, target = (bead.source, bead.target) if isinstance(bead, Bead) else bead
        if source or target:
            pairs.append((tuple(source), tuple(target)))
    return pairs


def _links(pairs: Sequence[Pair]) -> set[tuple[int, int]]:
    return {(s, t) for source, target in pairs for s in source for t in target}


def _hits(candidates: Sequence[Pair], reference: Sequence[Pair]) -> tuple[int, int]:
    exact = set(reference)
    links = _links(reference)
    strict = lax = 0
    for source, target in candidates:
        if (source, target) in exact:
            strict += 1
            lax += 1
        elif any((s, t) in links for s in source for t in target):
            lax += 1
    return strict, lax


def count_alignment(test: Iterable[Bead | Pair], gold: Iterable[Bead | Pair]) -> AlignmentCounts:
    """Count hits of ``test`` against ``gold`` for one document."""
    test_pairs = _pairs(test)
    gold_pairs = _pairs(gold)
    strict_p, lax_p = _hits(test_pairs, gold_pairs)
    gold_linked = [pair for pair in gold_pairs if pair[0] and pair[1]]
    test_linked = [pair for pair in test_pairs if pair[0] and pair[1]]
    strict_r, lax_r = _hits(gold_linked, test_linked)
    return AlignmentCounts(strict_p, lax_p, len(test_pairs), strict_r, lax_r, len(gold_linked))


def score_alignments(documents: Iterable[tuple[Iterable[Bead | Pair], Iterable[Bead | Pair]]]
                     ) -> dict[str, float]:
    """Strict and lax P/R/F1 over (test, gold) bead lists, counts summed over documents."""
    total = AlignmentCounts()
    for test, gold in documents:
        total = total + count_alignment(test, gold)
    return total.scores()
