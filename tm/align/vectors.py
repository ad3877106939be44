"""Bags of feature keys -> weighted sparse vectors, and their dot products in a band.

A key weighs its inverse document frequency over both sides, so that a shared
rare name counts far more than a shared comma. Keys seen on one side only can
never match and are dropped. Dot products are computed only where the search
looks (a band around a path), block by block, so memory stays linear.
"""

from __future__ import annotations

import math
from collections.abc import Sequence

import numpy as np
from scipy import sparse

from tm.align.features import Bags

#: Source rows per block when computing banded dot products.
_BLOCK_ROWS = 256
#: Key occurrences summed at a time by :func:`_row_sums`.
_OCCURRENCE_CHUNK = 1 << 18
#: Sentences whose sorted key cells are counted together by :func:`_binary_rows`.
_CELL_BLOCK_ROWS = 2048


def build_vectors(source: Sequence[Bags], target: Sequence[Bags], *,
                  key_weights: np.ndarray | None = None
                  ) -> tuple[sparse.csr_matrix, sparse.csr_matrix, np.ndarray, np.ndarray]:
    """CSR matrices (sentences x shared keys) of tf-idf weights for both sides, and each
    sentence's evidence mass: the summed weight of all its keys, shared or not (what a
    translation would have to explain; unrelated text explains little of it).

    Each side is given as parts (bags of the same sentences, e.g. the first pass's keys
    and the learned lexicon's), so that they are never concatenated. ``key_weights``
    (indexed by key id, 1 where absent) scales each key's idf: the evidence sources are
    not equally reliable. Built row-sorted without COO copies and scaled in place, so the
    peak stays near the size of the result (long documents).
    """
    size = max(max(part.next_id() for part in side) for side in (source, target))
    size = max(size, 1)
    source_frequency = sum(np.bincount(part.ids, minlength=size) for part in source)
    target_frequency = sum(np.bincount(part.ids, minlength=size) for part in target)
    shared = (source_frequency > 0) & (target_frequency > 0)
    column_of = (np.cumsum(shared) - 1).astype(np.int32)
    columns = max(int(shared.sum()), 1)
    sentences = source[0].count + target[0].count
    # Keys of one side only: their weight as if seen in every sentence that has them.
    all_idf = np.log1p(sentences / np.maximum(source_frequency + target_frequency, 1))
    del source_frequency, target_frequency
    matrices = [_binary_rows(side, shared, column_of, columns) for side in (source, target)]
    document_frequency = (np.bincount(matrices[0].indices, minlength=columns)
                          + np.bincount(matrices[1].indices, minlength=columns))
    idf = np.log1p(sentences / np.maximum(document_frequency, 1))
    all_idf[shared] = idf[column_of[shared]]
    if key_weights is not None:
        weights = np.ones(size)
        weights[:min(size, len(key_weights))] = key_weights[:size]
        all_idf *= weights
        idf[:int(shared.sum())] *= weights[shared]  # shared keys are the columns, in order
    all_idf = all_idf.astype(np.float32)
    masses = [sum(_row_sums(part, all_idf) for part in side) for side in (source, target)]
    idf = idf.astype(np.float32)
    for matrix in matrices:
        matrix.data *= idf[matrix.indices]
    return matrices[0], matrices[1], masses[0], masses[1]


def _row_sums(bags: Bags, weights: np.ndarray) -> np.ndarray:
    """Summed ``weights`` of every key occurrence of each sentence, in chunks (bounded
    temporaries: bincount wants float64 weights)."""
    total = np.zeros(bags.count)
    for start in range(0, len(bags.ids), _OCCURRENCE_CHUNK):
        stop = start + _OCCURRENCE_CHUNK
        total += np.bincount(bags.rows[start:stop], weights=weights[bags.ids[start:stop]],
                             minlength=bags.count)
    return total


def _binary_rows(parts: Sequence[Bags], shared: np.ndarray, column_of: np.ndarray,
                 columns: int) -> sparse.csr_matrix:
    """sentences x shared keys, the count of each key in each sentence (float32)."""
    count = parts[0].count
    # One integer per occurrence (row-major cell number), sorted in place: no lexsort copies.
    cell_type = np.int32 if count * columns < 2**31 else np.int64
    kept = [int(np.count_nonzero(shared[part.ids])) for part in parts]
    cells = np.empty(sum(kept), dtype=cell_type)
    position = 0
    for part, size in zip(parts, kept, strict=True):
        keep = shared[part.ids]
        target = cells[position:position + size]
        target[:] = part.rows[keep]
        target *= columns
        target += column_of[part.ids[keep]]
        position += size
    del keep
    cells.sort()
    index_type = np.int32 if len(cells) < 2**31 and columns < 2**31 else np.int64
    indptr = np.zeros(count + 1, dtype=index_type)
    keys: list[np.ndarray] = []
    counts: list[np.ndarray] = []
    # Blocks of rows (no run of equal cells crosses a row): small temporaries.
    block_starts = np.arange(0, count + _CELL_BLOCK_ROWS, _CELL_BLOCK_ROWS, dtype=np.int64)
    first_cells = np.minimum(block_starts * columns, count * columns).astype(cells.dtype)
    bounds = np.searchsorted(cells, first_cells).tolist()
    for block, (begin, end) in enumerate(zip(bounds, bounds[1:], strict=False)):
        block_cells = cells[begin:end]
        first = np.empty(len(block_cells), dtype=bool)
        first[:1] = True
        np.not_equal(block_cells[1:], block_cells[:-1], out=first[1:])
        starts = np.flatnonzero(first)
        counts.append(np.diff(np.append(starts, len(block_cells))).astype(np.float32))
        unique = block_cells[starts]
        row_start = block * _CELL_BLOCK_ROWS
        row_stop = min(row_start + _CELL_BLOCK_ROWS, count)
        indptr[row_start + 1:row_stop + 1] = np.bincount(unique // columns - row_start,
                                                         minlength=row_stop - row_start)
        keys.append((unique % columns).astype(index_type))
    del cells
    np.cumsum(indptr, out=indptr)
    return sparse.csr_matrix((np.concatenate(counts) if counts else np.zeros(0, np.float32),
                              np.concatenate(keys) if keys else np.zeros(0, index_type),
                              indptr), shape=(count, columns))


def pool_rows(matrix: sparse.csr_matrix, factor: int = 2) -> sparse.csr_matrix:
    """Sum each run of ``factor`` consecutive rows (the coarse level of the search)."""
    rows = matrix.shape[0]
    pooled = math.ceil(rows / factor)
    pooling = sparse.csr_matrix((np.ones(rows, dtype=np.float32),
                                 (np.arange(rows) // factor, np.arange(rows))),
                                shape=(pooled, rows))
    return (pooling @ matrix).tocsr()


def row_dots(left: sparse.csr_matrix, right: sparse.csr_matrix) -> np.ndarray:
    """Dot product of row k of ``left`` with row k of ``right``, for every k."""
    if left.shape[0] == 0:
        return np.zeros(0)
    return np.asarray(left.multiply(right).sum(axis=1)).ravel()


def banded_dots(source: sparse.csr_matrix, target: sparse.csr_matrix,
                first: np.ndarray, last: np.ndarray) -> tuple[np.ndarray, np.ndarray]:
    """Dots of source row p with target rows first[p]..last[p] (inclusive).

    Returns ``(offsets, band)`` with ``band[p, q - offsets[p]]`` = source[p]·target[q]
    (zero outside each row's range). ``first`` and ``last`` must be non-decreasing.
    """
    rows = source.shape[0]
    width = int(max(1, (last - first).max() + 1)) if rows else 1
    band = np.zeros((rows, width), dtype=np.float32)
    target_t = target.T.tocsc()
    for start in range(0, rows, _BLOCK_ROWS):
        stop = min(rows, start + _BLOCK_ROWS)
        column_start = int(first[start:stop].min())
        column_stop = int(last[start:stop].max()) + 1
        if column_stop <= column_start:
            continue
        block = (source[start:stop] @ target_t[:, column_start:column_stop]).toarray()
        local_rows = np.arange(stop - start)[:, None]
        local_columns = (first[start:stop, None] - column_start) + np.arange(width)[None, :]
        inside = local_columns <= (last[start:stop, None] - column_start)
        safe_columns = np.minimum(local_columns, block.shape[1] - 1)
        band[start:stop] = np.where(inside, block[local_rows, np.maximum(safe_columns, 0)], 0.0)
    return first.astype(np.int64), band
