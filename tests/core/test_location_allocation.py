"""sundplan:location_allocation core: the exact solver equals brute force, the coverage curve
is monotone, an analytic line graph, the greedy fallback is labelled, bad input is named.

The brute force here is independent of the module: dense time matrices, every k-subset
enumerated with itertools, objectives computed in this file."""

from __future__ import annotations

import itertools

import numpy as np
import pytest
from scipy.sparse.csgraph import dijkstra

from sundplan_qgis import location_allocation as la
from sundplan_qgis import network, rasters
from sundplan_qgis.errors import SundplanError


def _objective(times: np.ndarray, base: np.ndarray, w: np.ndarray, subset, limit, objective):
    """Independent objective of a subset over a dense unit × candidate time matrix."""
    t = base.copy()
    if len(subset):
        t = np.minimum(t, times[:, list(subset)].min(axis=1))
    if objective == "mclp":
        return float(w[t <= limit].sum())
    return float((w * np.minimum(t, limit)).sum())


def _brute(times, base, w, k, limit, objective):
    values = [
        _objective(times, base, w, s, limit, objective)
        for s in itertools.combinations(range(times.shape[1]), k)
    ]
    return max(values) if objective == "mclp" else min(values)


def _problem(times, base, w, limit, objective) -> la.Problem:
    u, j = np.nonzero(times <= limit)
    return la.Problem(objective, w, u, j, times[u, j], base, times.shape[1], limit)


def _random_case(seed: int, *, existing: bool):
    rng = np.random.default_rng(seed)
    n_u, n_c = int(rng.integers(8, 25)), int(rng.integers(4, 9))
    pts = rng.uniform(0, 20, size=(n_u, 2))
    cands = rng.uniform(0, 20, size=(n_c, 2))
    times = np.linalg.norm(pts[:, None, :] - cands[None, :, :], axis=2)
    w = rng.integers(0, 100, size=n_u).astype(float)
    base = np.full(n_u, np.inf)
    if existing:
        ex = rng.uniform(0, 20, size=(2, 2))
        base = np.linalg.norm(pts[:, None, :] - ex[None, :, :], axis=2).min(axis=1)
    limit = 6.0
    base = np.where(base <= limit, base, np.inf)  # as the module stores it: pairs within T
    return times, base, w, limit


@pytest.mark.parametrize("objective", ["mclp", "pmedian"])
@pytest.mark.parametrize("existing", [False, True])
@pytest.mark.parametrize("seed", range(6))
def test_exact_equals_brute_force(objective, existing, seed):
    times, base, w, limit = _random_case(seed, existing=existing)
    problem = _problem(times, base, w, limit, objective)
    for k in range(1, min(4, times.shape[1]) + 1):
        sol = la.solve_exact(problem, k, time_limit_s=30)
        best = _brute(times, base, w, k, limit, objective)
        assert sol is not None and sol.method == la.METHOD_EXACT
        assert len(set(sol.chosen)) == k
        assert sol.value == pytest.approx(best, abs=1e-6)
        # the value is the independent objective of the chosen set
        own = _objective(times, base, w, sol.chosen, limit, objective)
        assert own == pytest.approx(best, abs=1e-6)
        # the ranked gains add up to the improvement over the existing sites
        v0 = _objective(times, base, w, [], limit, objective)
        assert sum(sol.gains) == pytest.approx(abs(best - v0), abs=1e-6)


@pytest.mark.parametrize("objective", ["mclp", "pmedian"])
def test_greedy_never_beats_exact_and_curve_is_monotone(objective):
    for seed in range(5):
        times, base, w, limit = _random_case(100 + seed, existing=seed % 2 == 1)
        problem = _problem(times, base, w, limit, objective)
        values = [problem.value([])]
        for k in range(1, times.shape[1] + 1):
            exact = la.solve_exact(problem, k, time_limit_s=30)
            greedy = la.solve_greedy(problem, k)
            values.append(exact.value)
            if objective == "mclp":
                assert greedy.value <= exact.value + 1e-9
            else:
                assert greedy.value >= exact.value - 1e-9
        diffs = np.diff(values)
        assert (diffs >= -1e-9).all() if objective == "mclp" else (diffs <= 1e-9).all()


def test_too_large_for_exact_is_greedy_and_says_so():
    times, base, w, limit = _random_case(7, existing=False)
    problem = _problem(times, base, w, limit, "mclp")
    sol, size = la.solve(problem, 2, time_limit_s=10, max_nonzeros=3)
    assert sol.method == la.METHOD_GREEDY
    assert "problem too large for the exact solver" in str(sol.reason)
    assert f"{size['nonzeros']:,} nonzeros > limit 3" in str(sol.reason)


# --------------------------------------------------------------------------- road networks
def _lines(segments, speed_kmh=60.0):
    k = len(segments)
    return network.RoadLines(
        coords=np.array(segments, float).reshape(-1, 2),
        offsets=np.arange(0, 2 * k + 1, 2),
        road_class=np.array(["tertiary"] * k, dtype=object),
        speed_kmh=np.full(k, speed_kmh),
        oneway=np.zeros(k, dtype=np.int8),
        ferry_duration_min=np.full(k, np.nan),
        crs_wkt=_wkt(),
        source_name="test roads",
    )


def _wkt() -> str:
    from pyproj import CRS

    return CRS.from_epsg(25832).to_wkt()


def _line_graph():
    """11 nodes at x = 0, 1, ..., 10 km on one road at 60 km/h: 1 minute per km."""
    return network.build_graph(
        _lines([[[i * 1000.0, 0.0], [(i + 1) * 1000.0, 0.0]] for i in range(10)])
    )


def _points(xy, pop, name="residents"):
    return rasters.population_from_points(
        xy=np.asarray(xy, float), population=pop, crs_wkt=_wkt(), source_name=name
    )


def _sites(xy, name="candidates"):
    xy = np.asarray(xy, float).reshape(-1, 2)
    names = [f"{name} {i}" for i in range(len(xy))]
    return la.Sites(xy, names, list(range(len(xy))), name)


LINE_POP = [5, 0, 0, 0, 0, 0, 0, 0, 3, 3, 3]
LINE_XY = [(i * 1000.0, 0.0) for i in range(11)]


def _line_inputs(**kw):
    base = dict(
        graph=_line_graph(),
        population=_points(LINE_XY, LINE_POP),
        candidates=_sites(LINE_XY),
        max_snap_m=10.0,
        access_speed_kmh=30.0,
    )
    base.update(kw)
    return la.LocationInputs(**base)


def test_line_graph_mclp_analytic():
    # T = 2 min: a site at node c covers nodes c-2..c+2; one site covers 9 (three 3s),
    # two cover all 14.
    res = la.run(_line_inputs(objective="mclp", k=2, time_limit_min=2.0))
    curve = res.curve.set_index("k")["value"]
    assert list(curve) == pytest.approx([0.0, 9.0, 14.0])
    assert res.report["result"]["value_after"] == pytest.approx(14.0)
    assert res.sites["gain_residents"].tolist() == pytest.approx([9.0, 5.0])
    assert res.method == la.METHOD_EXACT


def test_line_graph_pmedian_analytic():
    # T = 20 min (beyond the line): k=1 the weighted median x = 8 km: 5*8 + 3*1 + 3*2 = 49
    # person-minutes; k=2 {0, 9}: 3 + 3 = 6.
    res = la.run(_line_inputs(objective="pmedian", k=2, time_limit_min=20.0))
    curve = res.curve.set_index("k")
    assert curve.loc[1, "value"] == pytest.approx(49.0)
    assert curve.loc[1, "site_ids"] == "8"
    assert curve.loc[2, "value"] == pytest.approx(6.0)
    assert sorted(curve.loc[2, "site_ids"].split(";")) == ["0", "9"]
    assert curve.loc[0, "value"] == pytest.approx(14 * 20.0)  # no site: everyone at the cap
    assert res.report["result"]["mean_time_min_after"] == pytest.approx(6.0 / 14)


def test_line_graph_existing_site_fixed():
    # an existing site at x = 0 covers the 5 there; the one new site takes the three 3s
    res = la.run(
        _line_inputs(
            objective="mclp", k=1, time_limit_min=2.0, existing=_sites([(0.0, 0.0)], "today")
        )
    )
    assert res.report["result"]["value_before"] == pytest.approx(5.0)
    assert res.report["result"]["value_after"] == pytest.approx(14.0)
    new = res.sites[res.sites["kind"] == "new"]
    assert new["site_id"].iloc[0] in {"8", "9", "10"}
    assert (res.sites["kind"] == "existing").sum() == 1


def test_pmedian_residents_beyond_reach_are_counted():
    # T = 2: the 5 at x = 0 are beyond 2 min of the best single site (x = 9)
    res = la.run(_line_inputs(objective="pmedian", k=1, time_limit_min=2.0))
    r = res.report["result"]
    assert r["demand_beyond_limit_after"] == pytest.approx(5.0)
    assert r["value_after"] == pytest.approx(5 * 2.0 + 3 + 0 + 3)


def _grid_graph(n=5, spacing=1000.0):
    segs = []
    for r in range(n):
        for c in range(n):
            if c + 1 < n:
                segs.append([[c * spacing, r * spacing], [(c + 1) * spacing, r * spacing]])
            if r + 1 < n:
                segs.append([[c * spacing, r * spacing], [c * spacing, (r + 1) * spacing]])
    return network.build_graph(_lines(segs, speed_kmh=30.0))  # 2 min per km


@pytest.mark.parametrize("objective", ["mclp", "pmedian"])
@pytest.mark.parametrize("with_existing", [False, True])
@pytest.mark.parametrize("batch", [2, 16])
def test_run_equals_brute_force_on_network(objective, with_existing, batch, monkeypatch):
    """The whole run (snapping, Dijkstra in batches, model) against all-pairs shortest paths
    and enumeration; residents and sites on nodes (no access legs)."""
    monkeypatch.setattr(la, "BATCH_SIZE", batch)
    graph = _grid_graph()
    rng = np.random.default_rng(11)
    node_xy = graph.node_xy
    homes = rng.choice(node_xy.shape[0], size=15, replace=False)
    pop = rng.integers(1, 50, size=15).astype(float)
    cand = rng.choice(node_xy.shape[0], size=7, replace=False)
    ex = rng.choice(node_xy.shape[0], size=1) if with_existing else np.zeros(0, int)
    limit = 5.0
    all_min = dijkstra(graph.forward, directed=True) / 60.0  # home -> site
    times = all_min[np.ix_(homes, cand)]
    base = all_min[np.ix_(homes, ex)].min(axis=1) if ex.size else np.full(15, np.inf)
    base = np.where(base <= limit, base, np.inf)
    times = np.where(times <= limit, times, np.inf)
    res = la.run(
        la.LocationInputs(
            graph=graph,
            population=_points(node_xy[homes], pop),
            candidates=_sites(node_xy[cand]),
            existing=_sites(node_xy[ex], "existing") if ex.size else None,
            objective=objective,
            k=3,
            time_limit_min=limit,
            max_snap_m=1.0,
        )
    )
    for kk in range(1, 4):
        best = _brute(times, base, pop, kk, limit, objective)
        got = res.curve.set_index("k").loc[kk, "value"]
        assert got == pytest.approx(best, abs=1e-6)


def test_grid_candidates_when_no_layer():
    res = la.run(
        _line_inputs(
            objective="mclp", k=1, time_limit_min=2.0, candidates=None, grid_spacing_m=3000.0
        )
    )
    assert res.report["candidates"]["source"] == "grid"
    assert res.report["candidates"]["on_network"] == 4  # x = 0, 3, 6, 9 km
    assert res.sites["site_id"].iloc[0].startswith("G")


def test_areas_before_after():
    from shapely.geometry import box

    from sundplan_qgis.areas import AreaTable

    areas = AreaTable.from_polygons(
        [box(-500, -500, 4500, 500), box(4500, -500, 10500, 500)], ["W", "E"], ["west", "east"]
    )
    res = la.run(_line_inputs(objective="mclp", k=1, time_limit_min=2.0, areas=areas))
    t = res.areas.set_index("area_id")
    assert t.loc["W", "population"] == 5 and t.loc["E", "population"] == 9
    assert t.loc["E", "share_within_before"] == 0 and t.loc["E", "share_within_after"] == 1
    assert t.loc["W", "share_within_after"] == 0
    c = int(res.sites["site_id"].iloc[0])  # 8, 9 or 10 (ties): 1 minute per km
    assert t.loc["E", "mean_time_min_after"] == pytest.approx(
        np.mean([abs(x - c) for x in (8, 9, 10)])
    )


# --------------------------------------------------------------------------- bad input
@pytest.mark.parametrize(
    ("kw", "words"),
    [
        ({"k": 0}, "at least 1"),
        ({"k": 12}, "only 11 candidate site(s)"),
        ({"time_limit_min": 0.0}, "positive number of minutes"),
        ({"time_limit_min": -3.0}, "positive number of minutes"),
        ({"objective": "best"}, "Unknown objective"),
        ({"solver_time_limit_s": 0.0}, "solver time limit"),
    ],
)
def test_bad_parameters(kw, words):
    with pytest.raises(SundplanError, match=None) as exc:
        la.run(_line_inputs(**kw))
    assert words in str(exc.value)


def test_empty_demand():
    with pytest.raises(SundplanError, match="no demand"):
        la.run(_line_inputs(population=_points(LINE_XY, [0] * 11)))


def test_candidates_far_from_roads_are_named():
    far = _sites([(500.0, 5000.0), (800.0, 9000.0)], "far clinics")
    with pytest.raises(SundplanError) as exc:
        la.run(_line_inputs(candidates=far))
    text = str(exc.value)
    assert "far clinics 0" in text and "5,025 m" in text and "far clinics" in text
    # some far: left out with a warning that names them
    mixed = _sites([(500.0, 5000.0), (1000.0, 0.0), (2000.0, 0.0)], "mixed")
    res = la.run(_line_inputs(candidates=mixed, k=1, time_limit_min=2.0))
    assert any("mixed 0" in str(w) for w in res.warnings)
    assert res.report["candidates"]["beyond_snap_distance"] == 1


def test_grid_spacing_must_be_positive():
    with pytest.raises(SundplanError, match="grid spacing"):
        la.run(_line_inputs(candidates=None, grid_spacing_m=-5))


def test_no_candidates_on_network_from_grid():
    # two roads (x = 0 from y = 5 km up, y = 0 from x = 5 km on): a 3 km grid from (0, 0)
    # has no road node within 1.5 km of any of its points
    graph = network.build_graph(
        _lines([[[0.0, 5000.0], [0.0, 10000.0]], [[5000.0, 0.0], [10000.0, 0.0]]])
    )
    pop = _points([(0.0, 5000.0), (5000.0, 0.0)], [10, 10])
    with pytest.raises(SundplanError, match="No candidate sites on the road network"):
        la.run(_line_inputs(graph=graph, population=pop, candidates=None, grid_spacing_m=3000))


def test_access_legs_count_in_the_times():
    # everyone 500 m north of the road: a 1-minute leg at 30 km/h on top of the network time;
    # the p-median of the line case (49 person-minutes) plus 14 residents × 1 minute
    off_road = [(x, 500.0) for x, _ in LINE_XY]
    res = la.run(
        _line_inputs(
            population=_points(off_road, LINE_POP),
            objective="pmedian",
            k=1,
            time_limit_min=20.0,
            max_snap_m=600.0,
        )
    )
    assert res.report["result"]["value_after"] == pytest.approx(49.0 + 14 * 1.0)


def test_residents_far_from_roads():
    with pytest.raises(SundplanError, match="maximum snap distance"):
        la.run(_line_inputs(population=_points([(0.0, 50_000.0)], [10])))


def test_existing_far_from_road_is_named():
    with pytest.raises(SundplanError, match="'today 0'"):
        la.run(_line_inputs(existing=_sites([(0.0, 9000.0)], "today")))
