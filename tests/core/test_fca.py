"""2SFCA family: hand-computed values, an independent dense-loop implementation, conservation,
the inclusive threshold, the network engine against all-pairs shortest paths, bad input."""

from __future__ import annotations

import math

import numpy as np
import pytest
from pyproj import CRS
from scipy.sparse.csgraph import dijkstra

from sundplan_qgis import fca, fca_network, network
from sundplan_qgis.errors import SundplanError

WKT = CRS.from_epsg(25832).to_wkt()


# --------------------------------------------------------------------------- reference
def reference_fca(t, demand, capacity, *, method, threshold, breaks=(), zweights=()):
    """Straightforward 2SFCA with Python loops over a dense matrix (NaN = no route)."""
    n_i, n_j = t.shape

    def w(x):
        if method == "2sfca":
            return 1.0
        if method == "e2sfca":
            for b, z in zip(breaks, zweights, strict=True):
                if x <= b:
                    return z
            return 0.0
        e = math.exp(-0.5)
        return (math.exp(-0.5 * (x / threshold) ** 2) - e) / (1 - e)

    ratio = [math.nan] * n_j
    for j in range(n_j):
        tot = 0.0
        for i in range(n_i):
            if not math.isnan(t[i, j]) and t[i, j] <= threshold:
                tot += w(t[i, j]) * demand[i]
        if tot > 0:
            ratio[j] = capacity[j] / tot
    access = [0.0] * n_i
    for i in range(n_i):
        for j in range(n_j):
            if not math.isnan(t[i, j]) and t[i, j] <= threshold and not math.isnan(ratio[j]):
                access[i] += w(t[i, j]) * ratio[j]
    return np.array(access), np.array(ratio)


HAND_T = np.array([[10.0, 40.0], [20.0, 25.0], [35.0, 30.0]])
HAND_D = np.array([100.0, 200.0, 300.0])
HAND_S = np.array([1.0, 2.0])


def test_2sfca_by_hand():
    res = fca.two_step_fca(
        fca.pairs_from_dense(HAND_T, 30),
        demand=HAND_D,
        capacity=HAND_S,
        decay=fca.make_decay("2sfca", 30),
    )
    # practice 0 reaches demand 0, 1 (300 people); practice 1 reaches 1 and 2 (30.0 = inside)
    assert res.ratio == pytest.approx([1 / 300, 2 / 500], rel=1e-12)
    assert res.access == pytest.approx([1 / 300, 1 / 300 + 2 / 500, 2 / 500], rel=1e-12)
    assert res.n_reachable.tolist() == [1, 2, 1]
    assert res.nearest_min.tolist() == [10, 20, 30]


def test_e2sfca_by_hand_with_luo_qi_weights():
    decay = fca.make_decay("e2sfca", 30)
    assert decay.zone_breaks_min == (10, 20, 30) and decay.zone_weights == (1.0, 0.68, 0.22)
    res = fca.two_step_fca(
        fca.pairs_from_dense(HAND_T, 30), demand=HAND_D, capacity=HAND_S, decay=decay
    )
    r0, r1 = 1 / (100 + 0.68 * 200), 2 / (0.22 * 200 + 0.22 * 300)
    assert res.ratio == pytest.approx([r0, r1], rel=1e-12)
    assert res.access == pytest.approx([r0, 0.68 * r0 + 0.22 * r1, 0.22 * r1], rel=1e-12)


def test_gaussian_weight_is_one_at_zero_and_zero_at_threshold():
    d = fca.make_decay("gaussian", 30)
    assert d.weights(np.array([0.0, 30.0])) == pytest.approx([1.0, 0.0], abs=1e-12)
    # Luo & Qi's zone weights are this kind of curve: check monotone decrease
    w = d.weights(np.linspace(0, 30, 31))
    assert np.all(np.diff(w) < 0)


@pytest.mark.parametrize("method", fca.METHOD_KEYS)
@pytest.mark.parametrize("seed", [0, 1, 2])
def test_vectorised_matches_dense_loops(method, seed):
    rng = np.random.default_rng(seed)
    t = rng.uniform(0, 45, size=(40, 15))
    t[rng.random(t.shape) < 0.3] = np.nan
    t[3, 4] = 30.0  # exactly at the threshold
    t[5, :] = np.nan  # a location that reaches nothing
    demand = rng.integers(0, 500, 40).astype(float)
    capacity = rng.uniform(0.5, 4, 15)
    decay = fca.make_decay(method, 30)
    res = fca.two_step_fca(
        fca.pairs_from_dense(t, 30), demand=demand, capacity=capacity, decay=decay
    )
    acc, ratio = reference_fca(
        t,
        demand,
        capacity,
        method=method,
        threshold=30,
        breaks=decay.zone_breaks_min,
        zweights=decay.zone_weights,
    )
    np.testing.assert_allclose(res.access, acc, rtol=0, atol=1e-9)
    np.testing.assert_allclose(res.ratio, ratio, rtol=0, atol=1e-9, equal_nan=True)
    assert res.access[5] == 0.0


@pytest.mark.parametrize("method", fca.METHOD_KEYS)
def test_conservation(method):
    rng = np.random.default_rng(7)
    t = rng.uniform(0, 60, size=(200, 30))
    demand = rng.integers(0, 1000, 200).astype(float)
    capacity = rng.integers(1, 6, 30).astype(float)
    res = fca.two_step_fca(
        fca.pairs_from_dense(t, 20),
        demand=demand,
        capacity=capacity,
        decay=fca.make_decay(method, 20),
    )
    serving = np.isfinite(res.ratio)
    assert (res.access * demand).sum() == pytest.approx(capacity[serving].sum(), rel=1e-12)
    assert res.conservation["relative_difference"] < 1e-12
    # a practice that reaches nobody keeps its capacity out, reported
    t2 = t.copy()
    t2[:, 0] = 99.0
    res2 = fca.two_step_fca(
        fca.pairs_from_dense(t2, 20),
        demand=demand,
        capacity=capacity,
        decay=fca.make_decay(method, 20),
    )
    assert math.isnan(res2.ratio[0])
    assert res2.conservation["capacity_reaching_nobody"] >= capacity[0]


def test_threshold_is_inclusive_and_zero_is_refused():
    t = np.array([[30.0], [30.0 + 1e-4]])
    res = fca.two_step_fca(
        fca.pairs_from_dense(t, 30),
        demand=np.array([10.0, 10.0]),
        capacity=np.array([1.0]),
        decay=fca.make_decay("2sfca", 30),
    )
    assert res.access.tolist() == [0.1, 0.0]
    with pytest.raises(SundplanError, match="threshold"):
        fca.make_decay("2sfca", 0)
    with pytest.raises(SundplanError, match="last zone limit"):
        fca.make_decay("e2sfca", 30, zone_breaks_min=[10, 20], zone_weights=[1, 0.5])


# --------------------------------------------------------------------------- network engine
def grid_lines(n=6, spacing=1000.0, speed=60.0, oneway_row=None):
    """An n × n street grid: one line per segment, 60 km/h -> 1 minute per km."""
    coords, cls, sp_, ow = [], [], [], []
    for r in range(n):
        for c in range(n):
            if c + 1 < n:
                coords.append([[c * spacing, r * spacing], [(c + 1) * spacing, r * spacing]])
                ow.append(1 if oneway_row == r else 0)
                cls.append("residential")
                sp_.append(speed)
            if r + 1 < n:
                coords.append([[c * spacing, r * spacing], [c * spacing, (r + 1) * spacing]])
                ow.append(0)
                cls.append("residential")
                sp_.append(speed)
    k = len(coords)
    return network.RoadLines(
        coords=np.array(coords, float).reshape(-1, 2),
        offsets=np.arange(0, 2 * k + 1, 2),
        road_class=np.array(cls, dtype=object),
        speed_kmh=np.array(sp_, float),
        oneway=np.array(ow, dtype=np.int8),
        ferry_duration_min=np.full(k, np.nan),
        crs_wkt=WKT,
        source_name="grid",
    )


def test_network_pairs_match_all_pairs_dijkstra():
    g = network.build_graph(grid_lines(oneway_row=2))
    rng = np.random.default_rng(3)
    demand_xy = rng.uniform(-100, 5100, size=(60, 2))
    supply_xy = rng.uniform(0, 5000, size=(7, 2))
    pairs = fca_network.network_pairs(
        g,
        demand_xy=demand_xy,
        supply_xy=supply_xy,
        threshold_min=6.0,
        max_snap_m=800,
        access_speed_kmh=30,
        batch_size=3,
    )
    # independent: full all-pairs matrix on the forward graph (home -> practice) + legs
    full = dijkstra(g.forward, directed=True) / 60.0
    node_tree_d = [np.argmin(np.hypot(*(g.node_xy - p).T)) for p in demand_xy]
    node_tree_s = [np.argmin(np.hypot(*(g.node_xy - p).T)) for p in supply_xy]
    leg_d = [np.min(np.hypot(*(g.node_xy - p).T)) / 500.0 for p in demand_xy]
    leg_s = [np.min(np.hypot(*(g.node_xy - p).T)) / 500.0 for p in supply_xy]
    expect = np.full((60, 7), np.nan)
    for i in range(60):
        for j in range(7):
            if leg_d[i] * 500 <= 800 and leg_s[j] * 500 <= 800:
                expect[i, j] = leg_d[i] + full[node_tree_d[i], node_tree_s[j]] + leg_s[j]
    got = np.full((60, 7), np.nan)
    got[pairs.demand, pairs.supply] = pairs.time_min
    inside = expect <= 6.0 + fca.TOLERANCE_MIN
    np.testing.assert_array_equal(np.isfinite(got), inside)
    np.testing.assert_allclose(got[inside], expect[inside], atol=1e-9)


def test_network_threshold_inclusive_on_exact_grid_times():
    g = network.build_graph(grid_lines())
    # practice on node (0,0); homes on nodes 3 and 4 km away along the row (3.0 / 4.0 min)
    pairs = fca_network.network_pairs(
        g,
        demand_xy=np.array([[3000.0, 0], [4000.0, 0]]),
        supply_xy=np.array([[0.0, 0]]),
        threshold_min=3.0,
    )
    assert pairs.demand.tolist() == [0]
    assert pairs.time_min == pytest.approx([3.0])


def test_oneway_direction_is_home_to_practice():
    # row 0 one-way eastwards: a home east of the practice must go round via row 1
    g = network.build_graph(grid_lines(n=3, oneway_row=0))
    pairs = fca_network.network_pairs(
        g,
        demand_xy=np.array([[2000.0, 0], [0.0, 0]]),
        supply_xy=np.array([[1000.0, 0]]),
        threshold_min=10,
    )
    times = dict(zip(pairs.demand.tolist(), pairs.time_min.tolist(), strict=True))
    assert times[1] == pytest.approx(1.0)  # west home drives east along the one-way
    assert times[0] == pytest.approx(3.0)  # east home: up, west, down


def test_unsnapped_practices_and_demand_are_reported_not_dropped():
    g = network.build_graph(grid_lines(n=3))
    pairs = fca_network.network_pairs(
        g,
        demand_xy=np.array([[0.0, 0], [90_000.0, 0]]),
        supply_xy=np.array([[0.0, 10], [50_000.0, 0]]),
        threshold_min=10,
        supply_names=["Near", "Far away"],
    )
    assert pairs.supply_status.tolist() == [fca.STATUS_OK, fca.STATUS_UNSNAPPED]
    assert pairs.demand_status.tolist() == [fca.STATUS_OK, fca.STATUS_UNSNAPPED]
    assert pairs.report["practices_unsnapped"][0]["practice"] == "Far away"
    res = fca.two_step_fca(
        pairs,
        demand=np.array([5.0, 7.0]),
        capacity=np.array([1.0, 1.0]),
        decay=fca.make_decay("2sfca", 10),
    )
    assert res.access[0] == pytest.approx(1 / 5) and math.isnan(res.access[1])


def test_straight_line_fallback():
    pairs = fca.straight_line_pairs(
        np.array([[0.0, 0], [1000.0, 0], [2000.0, 0]]),
        np.array([[0.0, 0]]),
        threshold_min=1.4 * 60 / 60.0,
        detour_factor=1.4,
        speed_kmh=60,
    )
    # 1 km straight × 1.4 at 60 km/h = 1.4 min: exactly the threshold (inside)
    assert sorted(pairs.demand.tolist()) == [0, 1]
    assert dict(zip(pairs.demand.tolist(), pairs.time_min.tolist(), strict=True))[
        1
    ] == pytest.approx(1.4)
    assert "straight line" in pairs.time_method and "1.4" in pairs.time_method
    with pytest.raises(SundplanError, match="detour"):
        fca.straight_line_pairs(
            np.zeros((1, 2)), np.zeros((1, 2)), threshold_min=5, detour_factor=0.5
        )


def test_area_access_summary():
    access = np.array([10.0, 2.0, np.nan, 0.0]) / fca.PER
    pop = np.array([100.0, 300.0, 50.0, 20.0])
    df = fca.area_access(
        access,
        pop,
        area_index=np.array([0, 0, 0, -1]),
        area_ids=["A"],
        area_names=["Aby"],
        low_access_per_10000=6.25,
        status=np.array([0, 0, 1, 0]),
    )
    a = df.iloc[0]
    assert a["population"] == 450 and a["population_located"] == 400
    assert a["access_mean_per_10000"] == pytest.approx((100 * 10 + 300 * 2) / 400)
    assert a["share_below_low_access"] == pytest.approx(300 / 400)
    assert a["pop_not_located"] == 50
    # min / max over the located, populated locations (10 and 2; the unsnapped NaN one is out)
    assert a["access_min_per_10000"] == pytest.approx(2.0)
    assert a["access_max_per_10000"] == pytest.approx(10.0)
    assert a["pop_below_low_access"] == 300
    assert a["pop_no_practice_within_threshold"] == 0
    assert df.iloc[1]["area_name"] == "(outside all areas)"
    assert df.iloc[1]["pop_no_practice_within_threshold"] == 20
    assert df.iloc[1]["access_min_per_10000"] == 0 and df.iloc[1]["access_max_per_10000"] == 0


def test_area_access_min_max_ignore_empty_and_unlocated_locations():
    access = np.array([4.0, 8.0, 50.0, 0.5, 3.0, 1.0]) / fca.PER
    df = fca.area_access(
        access,
        np.array([10.0, 30.0, 0.0, 5.0, 0.0, 0.0]),
        area_index=np.array([0, 0, 0, 0, 1, 1]),
        area_ids=["A", "B"],
        area_names=["Aby", "Bby"],
        status=np.array([0, 0, 0, fca.STATUS_UNSNAPPED, 0, 0]),
    )
    a, b = df.iloc[0], df.iloc[1]
    # the 50 has no residents, the 0.5 is not located: neither is a min / max
    assert (a["access_min_per_10000"], a["access_max_per_10000"]) == pytest.approx((4.0, 8.0))
    assert a["access_mean_per_10000"] == pytest.approx((10 * 4 + 30 * 8) / 40)
    # an area without residents has no min / max / mean (NULL, not 0 or ±inf)
    assert np.isnan(b["access_min_per_10000"]) and np.isnan(b["access_max_per_10000"])
    assert np.isnan(b["access_mean_per_10000"]) and len(df) == 2


def test_low_access_is_strictly_below_the_level():
    """'Low access below 6.25 per 10 000' (the parameter label and help: "share of residents
    below the low-access level"): exactly 1 GP per 1 600 residents (6.25) is *not* low."""
    res = fca.two_step_fca(
        fca.pairs_from_dense(np.array([[5.0], [5.0], [50.0]]), 30),
        demand=np.array([1000.0, 600.0, 7.0]),
        capacity=np.array([1.0]),
        decay=fca.make_decay("2sfca", 30),
    )
    # 1 GP shared by 1 600 residents: exactly 6.25 per 10 000 for both homes; the third reaches none
    assert (res.access * fca.PER)[:2].tolist() == [6.25, 6.25]
    df = fca.area_access(
        res.access,
        np.array([1000.0, 600.0, 7.0]),
        area_index=np.array([0, 0, 1]),
        area_ids=["A", "B"],
        area_names=["Aby", "Bby"],
        low_access_per_10000=fca.DEFAULT_LOW_ACCESS_PER_10000,
    )
    assert fca.DEFAULT_LOW_ACCESS_PER_10000 == 6.25
    assert df.iloc[0]["pop_below_low_access"] == 0 and df.iloc[0]["share_below_low_access"] == 0
    assert df.iloc[1]["pop_below_low_access"] == 7  # 0 per 10 000 is below
    assert df.iloc[1]["pop_no_practice_within_threshold"] == 7
    # a level just above 6.25 counts them
    df = fca.area_access(
        res.access,
        np.array([1000.0, 600.0, 7.0]),
        area_index=np.array([0, 0, 1]),
        area_ids=["A", "B"],
        area_names=["Aby", "Bby"],
        low_access_per_10000=6.2500001,
    )
    assert df.iloc[0]["share_below_low_access"] == 1.0


def test_worker_processes_give_identical_pairs():
    g = network.build_graph(grid_lines(n=8))
    rng = np.random.default_rng(5)
    kw = dict(
        demand_xy=rng.uniform(0, 7000, size=(300, 2)),
        supply_xy=rng.uniform(0, 7000, size=(20, 2)),
        threshold_min=5.0,
        batch_size=3,
    )
    a = fca_network.network_pairs(g, workers=1, **kw)
    b = fca_network.network_pairs(g, workers=2, **kw)
    for x, y in ((a.demand, b.demand), (a.supply, b.supply), (a.time_min, b.time_min)):
        np.testing.assert_array_equal(x, y)


def _reference_pairs(g, demand_xy, supply_xy, threshold, max_snap=800.0, mpm=500.0):
    """Dense (demand × supply) minutes from all-pairs Dijkstra on the forward graph + legs."""
    full = dijkstra(g.forward, directed=True) / 60.0
    n_i, n_j = len(demand_xy), len(supply_xy)
    nd = [np.argmin(np.hypot(*(g.node_xy - p).T)) for p in demand_xy]
    ns = [np.argmin(np.hypot(*(g.node_xy - p).T)) for p in supply_xy]
    ld = [np.min(np.hypot(*(g.node_xy - p).T)) for p in demand_xy]
    ls = [np.min(np.hypot(*(g.node_xy - p).T)) for p in supply_xy]
    expect = np.full((n_i, n_j), np.nan)
    for i in range(n_i):
        for j in range(n_j):
            if ld[i] <= max_snap and ls[j] <= max_snap:
                expect[i, j] = ld[i] / mpm + full[nd[i], ns[j]] + ls[j] / mpm
    return np.where(expect <= threshold + fca.TOLERANCE_MIN, expect, np.nan)


def test_practices_sharing_a_road_node_match_all_pairs_dijkstra():
    # one search per distinct node: practices on the same node keep their own access legs
    g = network.build_graph(grid_lines(n=7, oneway_row=3))
    rng = np.random.default_rng(11)
    base = rng.uniform(0, 6000, size=(6, 2))
    supply_xy = np.concatenate([base, base + rng.uniform(-300, 300, size=(6, 2)), base[:2]])
    demand_xy = rng.uniform(-200, 6200, size=(120, 2))
    pairs = fca_network.network_pairs(
        g,
        demand_xy=demand_xy,
        supply_xy=supply_xy,
        threshold_min=5.0,
        max_snap_m=800,
        batch_size=2,
    )
    assert pairs.report["distinct_practice_nodes"] < len(supply_xy)
    expect = _reference_pairs(g, demand_xy, supply_xy, 5.0)
    got = np.full(expect.shape, np.nan)
    got[pairs.demand, pairs.supply] = pairs.time_min
    np.testing.assert_array_equal(np.isfinite(got), np.isfinite(expect))
    ok = np.isfinite(expect)
    np.testing.assert_allclose(got[ok], expect[ok], rtol=0, atol=1e-9)


@pytest.mark.parametrize("method", fca.METHOD_KEYS)
def test_network_fca_in_worker_processes_matches_one_process(method):
    # pairs stay in the search processes; only the step sums come back
    g = network.build_graph(grid_lines(n=8, oneway_row=2))
    rng = np.random.default_rng(9)
    supply_xy = rng.uniform(0, 7000, size=(25, 2))
    supply_xy[5] = supply_xy[4] + 30.0  # same road node as practice 4
    kw = dict(
        demand_xy=rng.uniform(0, 7000, size=(400, 2)),
        supply_xy=supply_xy,
        demand=rng.integers(0, 300, 400).astype(float),
        capacity=rng.uniform(0.5, 4, 25),
        decay=fca.make_decay(method, 6.0),
        batch_size=3,
    )
    p1, r1 = fca_network.network_fca(g, workers=1, **kw)
    p2, r2 = fca_network.network_fca(g, workers=2, **kw)
    assert p2.report["workers"] == 2 and p2.demand.size == 0  # the pairs stayed there
    assert p2.report["pairs"] == p1.demand.size
    # the 1-process path is network_pairs + two_step_fca
    ref = fca.two_step_fca(
        fca_network.network_pairs(
            g, demand_xy=kw["demand_xy"], supply_xy=supply_xy, threshold_min=6.0
        ),
        demand=kw["demand"],
        capacity=kw["capacity"],
        decay=kw["decay"],
    )
    np.testing.assert_array_equal(r1.access, ref.access)
    # practice sums and counts are bit-identical; access up to the order of the sums
    np.testing.assert_array_equal(r2.ratio, r1.ratio)
    np.testing.assert_array_equal(r2.demand_reached, r1.demand_reached)
    np.testing.assert_array_equal(r2.n_reachable, r1.n_reachable)
    np.testing.assert_array_equal(r2.nearest_min, r1.nearest_min)
    np.testing.assert_allclose(r2.access, r1.access, rtol=1e-13, atol=0)
    assert r2.conservation["relative_difference"] < 1e-12
    np.testing.assert_array_equal(p2.demand_status, p1.demand_status)


def test_resolve_workers_and_node_renumbering():
    assert fca_network.resolve_workers(3) == 3
    assert 1 <= fca_network.resolve_workers(0) <= 8  # automatic (not inside QGIS desktop)
    g = network.build_graph(grid_lines(n=5, oneway_row=1))
    perm = fca_network._hilbert_order(g.node_xy)
    assert sorted(perm.tolist()) == list(range(g.n_nodes))
    inv = np.empty_like(perm)
    inv[perm] = np.arange(perm.size)
    h = fca_network._permuted_csr(g.reverse, perm, inv)
    np.testing.assert_array_equal(
        dijkstra(h, directed=True)[np.ix_(inv, inv)], dijkstra(g.reverse, directed=True)
    )


def test_worker_processes_are_reaped_on_cancel():
    import multiprocessing

    class Stop(Exception):
        pass

    def progress(_f, message=""):
        if "batch" in str(message):
            raise Stop

    g = network.build_graph(grid_lines(n=8))
    rng = np.random.default_rng(2)
    with pytest.raises(Stop):
        fca_network.network_fca(
            g,
            demand_xy=rng.uniform(0, 7000, size=(200, 2)),
            supply_xy=rng.uniform(0, 7000, size=(30, 2)),
            demand=np.ones(200),
            capacity=np.ones(30),
            decay=fca.make_decay("2sfca", 5.0),
            batch_size=2,
            workers=2,
            progress=progress,
        )
    assert not multiprocessing.active_children()


def test_page_text_reads_the_choice_keys_the_provenance_records():
    """fca_access records METHOD and NEED_WEIGHTS by key ("e2sfca", "none"); the map-report
    page text reads the keys."""
    from sundplan_qgis import page_text as rt

    prov = {
        "algorithm": "sundplan:fca_access",
        "parameters": {"METHOD": "e2sfca", "THRESHOLD_MIN": 20.0, "NEED_WEIGHTS": "none"},
    }
    note = rt.method_note("fca_access", provenance=prov)
    assert rt.subtitle("fca_access", provenance=prov).startswith("E2SFCA")
    assert "E2SFCA" in note and "ingen behovsvægtning" in note
    prov["parameters"]["NEED_WEIGHTS"] = "default"
    assert "standardvægte" in rt.method_note("fca_access", provenance=prov)
