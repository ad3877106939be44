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


def bead_costs(level: Level, band: Band, model: CostModel) -> np.ndarray:
    """Costs (len(BEAD_TYPES) x nodes) of every bead type ending at every node of the band."""
    rows, columns = level.shape
    node_rows, node_columns = band.nodes()
    # Target sentences q that a bead ending in rows p+1..p+3 can contain.
    next_rows = np.minimum(np.arange(rows) + 1, rows)
    last_rows = np.minimum(np.arange(rows) + 3, rows)
    first = np.clip(band.low[next_rows] - 3, 0, max(columns - 1, 0))
    last = np.clip(band.high[last_rows] - 1, 0, max(columns - 1, 0))
    offsets, dots = banded_dots(level.source, level.target, first, last)
    width = dots.shape[1]
    source_norms, target_norms = _span_norms(level.source), _span_norms(level.target)
    source_chars, target_chars = _span_sums(level.source_lengths), _span_sums(level.target_lengths)
    source_count = _span_sums(level.source_sentences.astype(np.float64))
    target_count = _span_sums(level.target_sentences.astype(np.float64))
    costs = np.full((len(BEAD_TYPES), len(node_rows)), _INFINITY, dtype=np.float32)
    # Node chunks bound the temporaries (several arrays per bead kind) on long texts.
    for chunk in range(0, len(node_rows), _COST_CHUNK):
        chunk_rows = node_rows[chunk:chunk + _COST_CHUNK]
        chunk_columns = node_columns[chunk:chunk + _COST_CHUNK]
        gathered: dict[tuple[int, int], np.ndarray] = {}

        def single_dots(back_row: int, back_column: int, rows_=chunk_rows,
                        columns_=chunk_columns, cache=gathered) -> np.ndarray:
            """source[i - back_row] . target[j - back_column] at every node (i, j); 0 outside."""
            key = (back_row, back_column)
            if key not in cache:
                p = np.maximum(rows_ - back_row, 0)
                q_index = columns_ - back_column - offsets[p]
                inside = (q_index >= 0) & (q_index < width) & (rows_ >= back_row)
                cache[key] = np.where(inside, dots[p, np.clip(q_index, 0, width - 1)], 0.0)
            return cache[key]

        target_costs = costs[:, chunk:chunk + _COST_CHUNK]
        for kind, (a, b) in enumerate(BEAD_TYPES):
            valid = (chunk_rows >= a) & (chunk_columns >= b)
            i, j = chunk_rows[valid], chunk_columns[valid]
            if a == 0 or b == 0:
                skipped = target_count[b, j] if a == 0 else source_count[a, i]
                target_costs[kind, valid] = model.skip * skipped
                continue
            dot = sum(single_dots(back_row, back_column)
                      for back_row in range(1, a + 1) for back_column in range(1, b + 1))[valid]
            norm = np.sqrt(source_norms[a, i] * target_norms[b, j])
            cosine = np.divide(dot, norm, out=np.zeros_like(norm), where=norm > 0)
            sentences = (source_count[a, i] + target_count[b, j]) / 2
            cost = (1.0 - cosine) * sentences + model.priors[(a, b)]
            if model.use_length:
                cost += model.length_weight * model.length_cost(source_chars[a, i],
                                                                target_chars[b, j])
            target_costs[kind, valid] = cost
    return costs


def _predecessors(band: Band, node_rows: np.ndarray, node_columns: np.ndarray,
                  kinds: list[int]) -> np.ndarray:
    """Flat index of the node each bead kind starts from (``total`` where outside the band)."""
    starts = band.starts
    total = int(starts[-1])
    predecessors = np.full((len(kinds), total), total, dtype=np.int32 if total < 2**31 - 1
                           else np.int64)
    for row_of_result, kind in enumerate(kinds):
        a, b = BEAD_TYPES[kind]
        rows, columns = node_rows - a, node_columns - b
        valid = rows >= 0
        safe_rows = np.where(valid, rows, 0)
        valid &= (columns >= band.low[safe_rows]) & (columns <= band.high[safe_rows])
        flat = starts[safe_rows] + columns - band.low[safe_rows]
        predecessors[row_of_result, valid] = flat[valid]
    return predecessors


def best_path(level: Level, band: Band, model: CostModel) -> Path:
    """The cheapest monotone path of beads from (0, 0) to (n, m) inside ``band``.

    Rows are solved one at a time with numpy: every bead kind that comes from an
    earlier row is a gather, and the 0-1 beads within the row (which chain) are
    a prefix-minimum over cumulative costs.
    """
    rows, columns = level.shape
    costs = bead_costs(level, band, model)
    node_rows, node_columns = band.nodes()
    # Every kind gets predecessors; the 0-1 kind's point outside the band (cost infinity),
    # so costs need no reordered copy and a winner's index is its kind.
    across = list(range(len(BEAD_TYPES)))
    along = BEAD_TYPES.index((0, 1))
    predecessors = _predecessors(band, node_rows, node_columns, across)
    predecessors[along] = len(node_rows)
    across_costs = costs
    # Per row, the cumulative cost of chaining 0-1 beads from the row's first node.
    along_steps = costs[along].astype(np.float64)
    starts = band.starts.tolist()
    along_steps[starts[:-1]] = 0.0
    along_cumulative = np.cumsum(along_steps)
    del along_steps
    best = np.full(starts[-1] + 1, _INFINITY)
    winners = np.zeros(starts[-1], dtype=np.uint8)
    chained_all = np.zeros(starts[-1], dtype=bool)
    for i in range(rows + 1):
        start, stop = starts[i], starts[i + 1]
        candidates = best[predecessors[:, start:stop]] + across_costs[:, start:stop]
        winner = candidates.argmin(axis=0)
        base = candidates.min(axis=0)
        if i == 0:
            base[0] = 0.0
        cumulative = along_cumulative[start:stop] - along_cumulative[start]
        row_best = cumulative + np.minimum.accumulate(base - cumulative)
        chained = row_best < base - 1e-9  # rounding in the cumulative sums is not a win
        best[start:stop] = np.where(chained, row_best, base)
        winners[start:stop] = winner
        chained_all[start:stop] = chained
    choice = np.where(chained_all, along, winners)
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
