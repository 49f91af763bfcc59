"""Merging near vertices (build_graph's ``merge_tolerance_m``) equals a k-d tree's answer
(scipy's ``query_pairs`` + union-find: the second computation)."""

from __future__ import annotations

import numpy as np
import pytest
from scipy.sparse import csr_matrix
from scipy.sparse.csgraph import connected_components
from scipy.spatial import cKDTree

from sundplan_qgis.network.graph import _merge_vertices


def _reference(coords: np.ndarray, tol: float) -> np.ndarray:
    """Group label per vertex: vertices joined when a chain of pairs within ``tol`` of the
    grid representatives links them (exact duplicates on the grid first)."""
    g = np.floor(coords / tol + 0.5).astype(np.int64)
    _, first, inv = np.unique(g, axis=0, return_index=True, return_inverse=True)
    reps = coords[first]
    pairs = cKDTree(reps).query_pairs(r=tol, output_type="ndarray")
    n = len(reps)
    adj = csr_matrix((np.ones(len(pairs)), (pairs[:, 0], pairs[:, 1])), shape=(n, n))
    _, lab = connected_components(adj, directed=False)
    return lab[np.asarray(inv).ravel()]


@pytest.mark.parametrize("seed", range(5))
def test_same_groups_as_a_kd_tree(seed):
    rng = np.random.default_rng(seed)
    tol = 0.01
    base = rng.uniform(0, 2_000, size=(4_000, 2)) + [500_000.0, 6_200_000.0]
    # near copies: within, at and beyond the tolerance, many across cell borders
    near = base[rng.integers(0, len(base), 6_000)] + rng.normal(0, tol * 0.7, (6_000, 2))
    on_border = np.floor(base[:500] / tol) * tol + tol / 2  # exactly on a cell border
    coords = np.vstack([base, near, on_border, on_border + [tol * 0.99, 0]])
    node_of, node_xy = _merge_vertices(coords, tol)
    ref = _reference(coords, tol)
    # the same partition of the vertices (labels may be numbered differently)
    pairs = np.unique(np.column_stack([node_of, ref]), axis=0)
    assert len(pairs) == len(np.unique(node_of)) == len(np.unique(ref))
    assert len(node_xy) == node_of.max() + 1
    # every node's coordinates are one of its vertices'
    assert (np.hypot(*(coords - node_xy[node_of]).T) < 4 * tol).all()
    assert len(node_xy) < len(coords) - 1_000  # a real test: many vertices were merged
