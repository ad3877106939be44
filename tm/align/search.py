"""Coarse-to-fine dynamic programming over bead costs, in linear time and memory.

As in Vecalign, each level pools runs of four consecutive sentences into one unit,
the coarsest level (small enough) is aligned over its full table, and each
finer level searches only a band of ``window`` nodes around the path of the
level above, projected down. No table of N x M cells is built for long inputs:
every level costs O((N + M) * window).
"""

from __future__ import annotations

import math
from dataclasses import dataclass

import numpy as np
from scipy import sparse

from tm.align.costs import BEAD_TYPES, CostModel
from tm.align.vectors import banded_dots, pool_rows, row_dots

#: A level whose full table has at most this many nodes is searched whole.
FULL_TABLE_NODES = 60_000
#: Nodes whose bead costs are computed together (bounds the temporaries).
_COST_CHUNK = 1 << 17
_INFINITY = math.inf

Path = list[tuple[int, int]]


@dataclass(frozen=True, slots=True)
class Level:
    """One level of the search: units (sentences or pooled runs) of both sides."""

    source: sparse.csr_matrix
    target: sparse.csr_matrix
    source_lengths: np.ndarray  # characters per unit
    target_lengths: np.ndarray
    source_sentences: np.ndarray  # sentences per unit
    target_sentences: np.ndarray
    source_mass: np.ndarray  # summed weight of every key of the unit, shared or not
    target_mass: np.ndarray

    @property
    def shape(self) -> tuple[int, int]:
        return self.source.shape[0], self.target.shape[0]

    def pooled(self) -> Level:
        """The next coarser level: every two consecutive units become one."""

        def pool(values: np.ndarray) -> np.ndarray:
            padded = np.append(values, 0) if len(values) % 2 else values
            return padded.reshape(-1, 2).sum(axis=1)

        return Level(pool_rows(self.source), pool_rows(self.target),
                     pool(self.source_lengths), pool(self.target_lengths),
                     pool(self.source_sentences), pool(self.target_sentences),
                     pool(self.source_mass), pool(self.target_mass))


def _span_norms(matrix: sparse.csr_matrix) -> np.ndarray:
    """norms[a, i] = |sum of rows i-a .. i-1|^2 for a = 1..3 (0 where i < a)."""
    rows = matrix.shape[0]
    norms = np.zeros((4, rows + 1))
    own = row_dots(matrix, matrix)
    next1 = row_dots(matrix[:-1], matrix[1:]) if rows > 1 else np.zeros(0)
    next2 = row_dots(matrix[:-2], matrix[2:]) if rows > 2 else np.zeros(0)
    norms[1, 1:] = own
    if rows >= 2:
        norms[2, 2:] = own[1:] + own[:-1] + 2 * next1
    if rows >= 3:
        norms[3, 3:] = own[2:] + own[1:-1] + own[:-2] + 2 * (next1[1:] + next1[:-1] + next2)
    return norms


def _span_sums(values: np.ndarray) -> np.ndarray:
    """sums[a, i] = values[i-a] + ... + values[i-1] for a = 0..3."""
    cumulative = np.concatenate([[0.0], np.cumsum(values, dtype=np.float64)])
    sums = np.zeros((4, len(values) + 1))
    for width in range(1, 4):
        sums[width, width:] = cumulative[width:] - cumulative[:-width]
    return sums


@dataclass(frozen=True, slots=True)
class Band:
    """The searched nodes: columns ``low[i]..high[i]`` of every row i (0..n)."""

    low: np.ndarray
    high: np.ndarray

    @property
    def starts(self) -> np.ndarray:
        return np.concatenate([[0], np.cumsum(self.high - self.low + 1)])

    def nodes(self) -> tuple[np.ndarray, np.ndarray]:
        widths = self.high - self.low + 1
        rows = np.repeat(np.arange(len(widths), dtype=np.int32), widths)
        columns = (np.arange(int(widths.sum()), dtype=np.int64)
                   - np.repeat(self.starts[:-1] - self.low, widths)).astype(np.int32)
        return rows, columns


def full_band(rows: int, columns: int) -> Band:
    return Band(np.zeros(rows + 1, dtype=np.int64), np.full(rows + 1, columns, dtype=np.int64))


def band_around(path: Path, *, scale: int, rows: int, columns: int, window: int) -> Band:
    """The band of ``window`` nodes each side of ``path`` (from a level ``scale`` times coarser)."""
    low = np.full(rows + 1, columns, dtype=np.int64)
    high = np.zeros(rows + 1, dtype=np.int64)
    for (row0, column0), (row1, column1) in zip(path, path[1:], strict=False):
        first_row, last_row = min(row0 * scale, rows), min(row1 * scale, rows)
        first_column, last_column = min(column0 * scale, columns), min(column1 * scale, columns)
        low[first_row:last_row + 1] = np.minimum(low[first_row:last_row + 1], first_column)
        high[first_row:last_row + 1] = np.maximum(high[first_row:last_row + 1], last_column)
    low[0], high[rows] = 0, columns
    low = np.maximum(np.minimum.accumulate(low[::-1])[::-1] - window, 0)
    high = np.minimum(np.maximum.accumulate(high) + window, columns)
    return Band(low, high)


class _BeadCosts:
    """Costs of every bead type ending at given nodes of a band, node block by node block.

    The band's dot products and the span sums are computed once; costs are then asked
    for a block of nodes at a time, so that the search never holds a table of
    (bead types x all nodes) on long texts.
    """

    def __init__(self, level: Level, band: Band, model: CostModel) -> None:
        rows, columns = level.shape
        # Target sentences q that a bead ending in rows p+1..p+3 can contain.
        next_rows = np.minimum(np.arange(rows) + 1, rows)
        last_rows = np.minimum(np.arange(rows) + 3, rows)
        first = np.clip(band.low[next_rows] - 3, 0, max(columns - 1, 0))
        last = np.clip(band.high[last_rows] - 1, 0, max(columns - 1, 0))
        self.offsets, self.dots = banded_dots(level.source, level.target, first, last)
        self.source_norms = _span_norms(level.source)
        self.target_norms = _span_norms(level.target)
        self.source_chars = _span_sums(level.source_lengths)
        self.target_chars = _span_sums(level.target_lengths)
        self.source_count = _span_sums(level.source_sentences.astype(np.float64))
        self.target_count = _span_sums(level.target_sentences.astype(np.float64))
        self.source_mean = max(float(level.source_lengths.sum())
                               / max(float(level.source_sentences.sum()), 1.0), 1.0)
        self.target_mean = max(float(level.target_lengths.sum())
                               / max(float(level.target_sentences.sum()), 1.0), 1.0)
        self.model = model

    def _single_dots(self, rows: np.ndarray, columns: np.ndarray, back_row: int,
                     back_column: int) -> np.ndarray:
        """source[i - back_row] . target[j - back_column] at every node (i, j); 0 outside."""
        width = self.dots.shape[1]
        p = np.maximum(rows - back_row, 0)
        q_index = columns - back_column - self.offsets[p]
        inside = (q_index >= 0) & (q_index < width) & (rows >= back_row)
        return np.where(inside, self.dots[p, np.clip(q_index, 0, width - 1)], 0.0)

    def __call__(self, node_rows: np.ndarray, node_columns: np.ndarray) -> np.ndarray:
        """Costs (len(BEAD_TYPES) x nodes) at the given nodes (infinity where impossible)."""
        model = self.model
        costs = np.full((len(BEAD_TYPES), len(node_rows)), _INFINITY, dtype=np.float32)
        gathered: dict[tuple[int, int], np.ndarray] = {}
        for kind, (a, b) in enumerate(BEAD_TYPES):
            valid = (node_rows >= a) & (node_columns >= b)
            i, j = node_rows[valid], node_columns[valid]
            if a == 0 or b == 0:
                skipped = self.target_count[b, j] if a == 0 else self.source_count[a, i]
                chars = (self.target_chars[b, j] / self.target_mean if a == 0
                         else self.source_chars[a, i] / self.source_mean)
                costs[kind, valid] = model.skip * skipped + model.skip_length * chars
                continue
            dot = np.zeros(len(node_rows))
            for back_row in range(1, a + 1):
                for back_column in range(1, b + 1):
                    key = (back_row, back_column)
                    if key not in gathered:
                        gathered[key] = self._single_dots(node_rows, node_columns, *key)
                    dot += gathered[key]
            dot = dot[valid]
            norm = np.sqrt(self.source_norms[a, i] * self.target_norms[b, j])
            cosine = np.divide(dot, norm, out=np.zeros_like(norm), where=norm > 0)
            sentences = (self.source_count[a, i] + self.target_count[b, j]) / 2
            cost = (1.0 - cosine) * sentences + model.priors[(a, b)]
            if model.use_length:
                cost += model.length_weight * model.length_cost(self.source_chars[a, i],
                                                                self.target_chars[b, j])
            costs[kind, valid] = cost
        return costs


def _predecessors(band: Band, node_rows: np.ndarray, node_columns: np.ndarray) -> np.ndarray:
    """Flat index of the node each bead kind starts from (``total`` where outside the band)."""
    starts = band.starts
    total = int(starts[-1])
    predecessors = np.full((len(BEAD_TYPES), len(node_rows)), total,
                           dtype=np.int32 if total < 2**31 - 1 else np.int64)
    for kind, (a, b) in enumerate(BEAD_TYPES):
        rows, columns = node_rows - a, node_columns - b
        valid = rows >= 0
        safe_rows = np.where(valid, rows, 0)
        valid &= (columns >= band.low[safe_rows]) & (columns <= band.high[safe_rows])
        flat = starts[safe_rows] + columns - band.low[safe_rows]
        predecessors[kind, valid] = flat[valid]
    return predecessors


def best_path(level: Level, band: Band, model: CostModel) -> Path:
    """The cheapest monotone path of beads from (0, 0) to (n, m) inside ``band``.

    Rows are solved one at a time with numpy: every bead kind that comes from an
    earlier row is a gather, and the 0-1 beads within the row (which chain) are
    a prefix-minimum over cumulative costs. Costs and predecessors are computed
    for a block of rows (about ``_COST_CHUNK`` nodes) at a time: memory stays
    bounded by the block, not the band.
    """
    rows, columns = level.shape
    cost_of = _BeadCosts(level, band, model)
    along = BEAD_TYPES.index((0, 1))
    starts = band.starts.tolist()
    total = starts[-1]
    best = np.full(total + 1, _INFINITY)
    choice = np.zeros(total, dtype=np.uint8)
    block_first = 0
    while block_first <= rows:
        # Rows block_first..block_last - 1, at least one, about _COST_CHUNK nodes.
        block_last = int(np.searchsorted(band.starts, starts[block_first] + _COST_CHUNK,
                                         side="right")) - 1
        block_last = min(max(block_last, block_first + 1), rows + 1)
        offset = starts[block_first]
        block = Band(band.low[block_first:block_last], band.high[block_first:block_last])
        node_rows, node_columns = block.nodes()
        node_rows += block_first
        costs = cost_of(node_rows, node_columns)
        # Every kind gets predecessors; the 0-1 kind's point outside the band (cost
        # infinity), so a winner's index is its kind.
        predecessors = _predecessors(band, node_rows, node_columns)
        predecessors[along] = total
        # Per row, the cumulative cost of chaining 0-1 beads from the row's first node.
        along_steps = costs[along].astype(np.float64)
        along_steps[np.array(starts[block_first:block_last], dtype=np.int64) - offset] = 0.0
        along_cumulative = np.cumsum(along_steps)
        for i in range(block_first, block_last):
            start, stop = starts[i] - offset, starts[i + 1] - offset
            candidates = best[predecessors[:, start:stop]] + costs[:, start:stop]
            winner = candidates.argmin(axis=0)
            base = candidates.min(axis=0)
            if i == 0:
                base[0] = 0.0
            cumulative = along_cumulative[start:stop] - along_cumulative[start]
            row_best = cumulative + np.minimum.accumulate(base - cumulative)
            chained = row_best < base - 1e-9  # rounding in the cumulative sums is not a win
            best[start + offset:stop + offset] = np.where(chained, row_best, base)
            choice[start + offset:stop + offset] = np.where(chained, along, winner)
        block_first = block_last
    low = band.low.tolist()
    path = [(rows, columns)]
    i, j = rows, columns
    while i > 0 or j > 0:
        a, b = BEAD_TYPES[choice[starts[i] + j - low[i]]]
        i, j = i - a, j - b
        path.append((i, j))
    path.reverse()
    return path


def coarse_to_fine(level: Level, model: CostModel, *, window: int) -> Path:
    """Search ``level``, first aligning a pooled copy of it when its table is large."""
    rows, columns = level.shape
    if (rows + 1) * (columns + 1) <= FULL_TABLE_NODES or (rows <= 1 and columns <= 1):
        return best_path(level, full_band(rows, columns), model)
    # Pooling by four per level (two halvings) searches a third fewer rows than by two.
    coarse_path = coarse_to_fine(level.pooled().pooled(), model, window=window)
    band = band_around(coarse_path, scale=4, rows=rows, columns=columns, window=window)
    return best_path(level, band, model)


def refine(level: Level, model: CostModel, path: Path, *, window: int) -> Path:
    """Search again in a band around a path found at this same level."""
    rows, columns = level.shape
    band = band_around(path, scale=1, rows=rows, columns=columns, window=window)
    return best_path(level, band, model)
