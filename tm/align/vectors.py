"""Bags of feature keys -> weighted sparse vectors, and their dot products in a band.

A key weighs its inverse document frequency over both sides, so that a shared
rare name counts far more than a shared comma. Keys seen on one side only can
never match and are dropped. Dot products are computed only where the search
looks (a band around a path), block by block, so memory stays linear.
"""

from __future__ import annotations

import math

import numpy as np
from scipy import sparse

from tm.align.features import Bags

#: Source rows per block when computing banded dot products.
_BLOCK_ROWS = 256


def build_vectors(source: Bags, target: Bags
                  ) -> tuple[sparse.csr_matrix, sparse.csr_matrix, np.ndarray, np.ndarray]:
    """CSR matrices (sentences x shared keys) of tf-idf weights for both sides, and each
    sentence's evidence mass: the summed weight of all its keys, shared or not (what a
    translation would have to explain; unrelated text explains little of it)."""
    size = max(source.next_id(), target.next_id(), 1)
    source_ids, target_ids = source.ids, target.ids
    shared = (np.bincount(source_ids, minlength=size) > 0) & \
        (np.bincount(target_ids, minlength=size) > 0)
    column_of = (np.cumsum(shared) - 1).astype(np.int32)
    columns = max(int(shared.sum()), 1)
    matrices = []
    for bags, ids in ((source, source_ids), (target, target_ids)):
        keep = shared[ids]
        matrix = sparse.csr_matrix((np.ones(int(keep.sum()), dtype=np.float32),
                                    (bags.rows[keep], column_of[ids[keep]])),
                                   shape=(bags.count, columns))
        matrix.sum_duplicates()
        matrices.append(matrix)
    source_matrix, target_matrix = matrices
    document_frequency = (np.bincount(source_matrix.indices, minlength=columns)
                          + np.bincount(target_matrix.indices, minlength=columns))
    sentences = source.count + target.count
    idf = np.log1p(sentences / np.maximum(document_frequency, 1)).astype(np.float32)
    # Keys of one side only: their weight as if seen in every sentence that has them.
    all_frequency = np.bincount(source_ids, minlength=size) + np.bincount(target_ids,
                                                                          minlength=size)
    all_idf = np.log1p(sentences / np.maximum(all_frequency, 1)).astype(np.float32)
    all_idf[shared] = idf[column_of[shared]]
    masses = [np.bincount(bags.rows, weights=all_idf[ids], minlength=bags.count)
              for bags, ids in ((source, source_ids), (target, target_ids))]
    weight = sparse.diags(idf)
    return ((source_matrix @ weight).tocsr(), (target_matrix @ weight).tocsr(),
            masses[0], masses[1])


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
