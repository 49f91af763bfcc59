"""The nearest *reachable* road node (issue 11: one k-d tree instead of two on a national
network) equals a brute-force search over the reachable nodes."""

from __future__ import annotations

import numpy as np
import pytest

from sundplan_qgis import network as N
from sundplan_qgis import snapping

from .test_network_contract import _random_lines


def _two_networks(seed: int) -> tuple[N.RoadGraph, np.ndarray]:
    """Two random networks over the same area sharing no vertex: a hospital on the first
    leaves the second unreachable, interleaved with the reachable roads."""
    from pyproj import CRS

    a = _random_lines(seed)
    b = _random_lines(seed + 50, n_junctions=25, n_lines=60)
    lines = N.RoadLines(
        coords=np.vstack([a.coords, b.coords + [37.3, 41.9]]),
        offsets=np.concatenate([a.offsets, a.offsets[-1] + b.offsets[1:]]),
        road_class=np.concatenate([a.road_class, b.road_class]),
        speed_kmh=np.concatenate([a.speed_kmh, b.speed_kmh]),
        oneway=np.concatenate([a.oneway, b.oneway]),
        ferry_duration_min=np.concatenate([a.ferry_duration_min, b.ferry_duration_min]),
        crs_wkt=CRS.from_epsg(25832).to_wkt(),
        source_name="two",
    )
    return N.build_graph(lines), a.coords[a.offsets[:2]]  # hospitals on the first


@pytest.mark.parametrize("seed", range(4))
def test_nearest_reachable_equals_brute_force(seed):
    g, hospital_xy = _two_networks(seed)
    rng = np.random.default_rng(seed)
    sol = snapping.solve_network(
        g, hospital_xy=hospital_xy, hospital_names=["a", "b"], max_snap_m=1.0
    )
    reach = sol.reachable_nodes
    assert 0 < reach.size < g.node_is_road.sum()  # some road nodes cannot reach a hospital
    lo, hi = g.node_xy.min(axis=0) - 300, g.node_xy.max(axis=0) + 300
    xy = rng.uniform(lo, hi, size=(3000, 2))
    # also points right next to unreachable nodes (their nearest node is unreachable)
    unreach = np.setdiff1d(np.flatnonzero(g.node_is_road), reach)
    xy = np.vstack([xy, g.node_xy[rng.choice(unreach, 300)] + rng.normal(0, 5, (300, 2))])
    for max_snap_m in (150.0, 2000.0):
        d, node = sol.nearest_reachable(g, xy, max_snap_m)
        dist = np.hypot(*(xy[:, None, :] - g.node_xy[reach][None, :, :]).transpose(2, 0, 1))
        best = dist.min(axis=1)
        expect = np.where(best <= max_snap_m, best, np.inf)
        np.testing.assert_allclose(d, expect, rtol=1e-12)
        ok = np.isfinite(expect)
        assert np.isin(node[ok], reach).all()
        np.testing.assert_allclose(
            np.hypot(*(xy[ok] - g.node_xy[node[ok]]).T), best[ok], rtol=1e-12
        )
        assert (node[~ok] == -1).all()
