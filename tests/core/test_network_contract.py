"""Shape-point contraction (issue 11): times read off the contracted graph equal a search on
the full graph (a second computation: scipy's Dijkstra over every vertex)."""

from __future__ import annotations

import numpy as np
import pytest
from scipy.sparse.csgraph import dijkstra

from sundplan_qgis import network as N
from sundplan_qgis.network.contract import can_contract, contract

CRS = "EPSG:25832"


def _random_lines(seed: int, *, n_junctions: int = 60, n_lines: int = 160) -> N.RoadLines:
    """Random lines between junctions with 0-12 shape points each; some lines pass through
    another line's shape point (a crossing at a vertex), some are one-way, a few are ferries
    (with a port in the middle of a road), loops and zero-length bits included."""
    rng = np.random.default_rng(seed)
    junctions = rng.uniform(0, 5000, size=(n_junctions, 2)).round(1)
    coords, offsets, classes, oneway, dur = [], [0], [], [], []
    shapes: list[np.ndarray] = []
    for _ in range(n_lines):
        a, b = rng.choice(n_junctions, 2, replace=rng.random() < 0.05)  # 5 %: loops a == b
        k = int(rng.integers(0, 13))
        t = np.sort(rng.uniform(0, 1, k))
        pts = junctions[a] + t[:, None] * (junctions[b] - junctions[a])
        pts = pts + rng.normal(0, 30, size=pts.shape)
        if a == b:
            pts = junctions[a] + rng.uniform(-300, 300, size=(max(k, 2), 2))
        line = np.vstack([junctions[a], pts, junctions[b]])
        if shapes and rng.random() < 0.15:  # pass through an existing shape point
            other = shapes[int(rng.integers(len(shapes)))]
            if len(other):
                line = np.insert(line, 1, other[int(rng.integers(len(other)))], axis=0)
        if rng.random() < 0.05:  # a repeated vertex (zero-length segment)
            line = np.insert(line, 1, line[1], axis=0)
        shapes.append(line[1:-1])
        coords.append(line)
        offsets.append(offsets[-1] + len(line))
        is_ferry = rng.random() < 0.06
        classes.append("ferry" if is_ferry else rng.choice(["residential", "primary", "service"]))
        oneway.append(int(rng.choice([0, 0, 0, 1, -1])) if not is_ferry else 0)
        dur.append(float(rng.uniform(5, 30)) if is_ferry and rng.random() < 0.5 else np.nan)
    n = len(classes)
    return N.RoadLines(
        coords=np.vstack(coords) + np.array([500_000.0, 6_200_000.0]),
        offsets=np.array(offsets, dtype=np.int64),
        road_class=np.array(classes, dtype=object),
        speed_kmh=np.full(n, np.nan),
        oneway=np.array(oneway, dtype=np.int8),
        ferry_duration_min=np.array(dur),
        crs_wkt=CRS,
        source_name="random",
    )


def _graph(seed: int) -> N.RoadGraph:
    from pyproj import CRS as ProjCRS

    lines = _random_lines(seed)
    lines.crs_wkt = ProjCRS.from_epsg(25832).to_wkt()
    return N.build_graph(lines, ferry_boarding_min=7.5)


@pytest.mark.parametrize("seed", range(8))
def test_times_equal_a_search_on_every_vertex(seed):
    g = _graph(seed)
    assert can_contract(g)
    rng = np.random.default_rng(100 + seed)
    sources = rng.choice(g.n_nodes, 5, replace=False)
    c = contract(g, keep=sources)
    assert c.n_core < g.n_nodes  # shape points were contracted
    assert (c.core_of[sources] >= 0).all()
    for direction in ("to", "from"):
        full_m = g.reverse if direction == "to" else g.forward
        core_m = c.reverse if direction == "to" else c.forward
        expand = c.times_to if direction == "to" else c.times_from
        # one search per source (2-D) ...
        full = dijkstra(full_m, directed=True, indices=sources)
        core = dijkstra(core_m, directed=True, indices=c.core_of[sources])
        got, _ = expand(core)
        assert got.shape == full.shape
        np.testing.assert_array_equal(np.isinf(got), np.isinf(full))
        fin = np.isfinite(full)
        np.testing.assert_allclose(got[fin], full[fin], rtol=1e-12, atol=1e-9)
        # ... and the nearest source of all at once (1-D), with which source it is
        full1, _, src1 = dijkstra(
            full_m, directed=True, indices=sources, min_only=True, return_predecessors=True
        )
        core1, _, csrc = dijkstra(
            core_m,
            directed=True,
            indices=c.core_of[sources],
            min_only=True,
            return_predecessors=True,
        )
        nodes = rng.choice(g.n_nodes, 200, replace=False)
        t1, end = expand(core1, nodes)
        np.testing.assert_allclose(t1, full1[nodes], rtol=1e-12, atol=1e-9)
        ok = np.isfinite(t1)
        assert (end[~ok] == -1).all()
        # the source reached through the chosen end is a nearest source (ties aside)
        chosen = c.core_nodes[csrc[end[ok]]]
        best = full[:, nodes[ok]].min(axis=0)
        row = {int(s): i for i, s in enumerate(sources)}
        got_best = full[[row[int(s)] for s in chosen], nodes[ok]]
        np.testing.assert_allclose(got_best, best, rtol=1e-12, atol=1e-9)
        assert set(src1[nodes][ok]) <= set(sources.tolist())


def test_limited_search_exact_within_the_limit():
    g = _graph(42)
    sources = np.array([3, 17, 40])
    c = contract(g, keep=sources)
    limit = 300.0
    full = dijkstra(g.reverse, directed=True, indices=sources, limit=limit)
    core = dijkstra(c.reverse, directed=True, indices=c.core_of[sources], limit=limit)
    got, _ = c.times_to(core)
    within = full <= limit
    np.testing.assert_allclose(got[within], full[within], rtol=1e-12, atol=1e-9)
    # beyond the limit the expansion never claims a time within it
    assert not (got[~within] <= limit - 1e-9).any()


def test_a_chain_becomes_one_edge_with_the_summed_time():
    """Analytic: a straight 1 km residential line (40 km/h) with 9 shape points is one core
    edge of 90 s; the midpoint is 45 s from either end; one-way halves the directions."""
    from pyproj import CRS as ProjCRS

    xs = np.linspace(0, 1000, 11)
    coords = np.column_stack([xs + 500_000.0, np.full(11, 6_200_000.0)])
    for ow in (0, 1, -1):
        lines = N.RoadLines(
            coords=coords,
            offsets=np.array([0, 11]),
            road_class=np.array(["residential"], dtype=object),
            speed_kmh=np.array([np.nan]),
            oneway=np.array([ow], dtype=np.int8),
            ferry_duration_min=np.array([np.nan]),
            crs_wkt=ProjCRS.from_epsg(25832).to_wkt(),
            source_name="line",
        )
        g = N.build_graph(lines)
        c = contract(g)
        assert c.n_core == 2
        assert c.forward.nnz == (2 if ow == 0 else 1)
        assert c.forward.data == pytest.approx(90.0)
        mid = int(np.argmin(np.abs(g.node_xy[:, 0] - 500_500.0)))
        a = c.core_of[int(np.argmin(g.node_xy[:, 0]))]
        d = np.full(2, np.inf)
        d[a] = 0.0  # a search that reached the west end only
        t_from, _ = c.times_from(d, [mid])
        t_to, _ = c.times_to(d, [mid])
        assert t_from[0] == (pytest.approx(45.0) if ow >= 0 else np.inf)
        assert t_to[0] == (pytest.approx(45.0) if ow <= 0 else np.inf)
