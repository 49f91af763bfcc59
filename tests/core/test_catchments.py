"""Catchments engine on hand-checkable graphs and against networkx (an independent Dijkstra)."""

from __future__ import annotations

from dataclasses import dataclass

import networkx as nx
import numpy as np
import pytest
import scipy.sparse as sp
from pyproj import CRS

from sundplan_qgis import catchments as C
from sundplan_qgis.areas import AreaTable
from sundplan_qgis.errors import SundplanError
from sundplan_qgis.rasters import population_from_points

WKT = CRS.from_epsg(25832).to_wkt()


@dataclass
class TinyGraph:
    """The part of network.RoadGraph the engine uses, built from explicit directed edges."""

    node_xy: np.ndarray
    forward: sp.csr_matrix
    reverse: sp.csr_matrix
    crs_wkt: str = WKT
    source_name: str = "tiny"
    n_components: int = 1


def tiny_graph(node_xy, edges):
    """edges: (u, v, seconds) meaning one can drive from u to v in that time."""
    n = len(node_xy)
    best: dict[tuple[int, int], float] = {}
    for a, b, t in edges:  # parallel edges keep the fastest (a CSR would sum them)
        best[(a, b)] = min(t, best.get((a, b), np.inf))
    (u, v), t = zip(*best.keys(), strict=True), np.array(list(best.values()))
    fwd = sp.csr_matrix((t.astype(float), (np.array(u), np.array(v))), shape=(n, n))
    return TinyGraph(np.asarray(node_xy, dtype=float), fwd, fwd.T.tocsr())


def two_way(pairs):
    out = []
    for u, v, t in pairs:
        out += [(u, v, t), (v, u, t)]
    return out


def line_graph():
    # 0 -- 1 -- 2 -- 3 along x, 1 km apart, 60 s per edge both ways.
    xy = [(0, 0), (1000, 0), (2000, 0), (3000, 0)]
    return tiny_graph(xy, two_way([(0, 1, 60), (1, 2, 60), (2, 3, 60)]))


def test_times_along_a_line_by_hand():
    g = line_graph()
    sol = C.solve_network(g, hospital_xy=[(0, 0)], hospital_names=["A"])
    np.testing.assert_allclose(sol.node_time_s, [0, 60, 120, 180], atol=1e-3)
    # A home 500 m north of node 2: access 500 m at 30 km/h = 60 s, then 120 s: 3 minutes.
    loc = C.locate(g, sol, np.array([[2000, 500], [3000, 0]]), access_speed_kmh=30)
    np.testing.assert_allclose(loc.time_min, [3.0, 3.0], atol=1e-6)
    assert loc.status.tolist() == [C.STATUS_OK, C.STATUS_OK]


def test_hospital_access_leg_counts():
    g = line_graph()
    # The hospital 300 m off node 0: 300 m at 36 km/h = 30 s more for everyone.
    sol = C.solve_network(g, hospital_xy=[(0, 300)], hospital_names=["A"], access_speed_kmh=36)
    np.testing.assert_allclose(sol.node_time_s, [30, 90, 150, 210], atol=1e-3)


def test_one_way_street_respected_in_direction_home_to_hospital():
    # 0 -> 1 one way (60 s); 1 <-> 2 two way; 0 <-> 2 two way but slow (600 s).
    xy = [(0, 0), (1000, 0), (1000, 1000)]
    edges = [(0, 1, 60), *two_way([(1, 2, 60), (0, 2, 600)])]
    g = tiny_graph(xy, edges)
    # Hospital at node 1: from 0 one drives 0->1 directly (60 s).
    sol = C.solve_network(g, hospital_xy=[(1000, 0)], hospital_names=["H"])
    assert sol.node_time_s[0] == pytest.approx(60, abs=1e-3)
    # Hospital at node 0: from 1 the one-way forbids 1->0, so 1->2->0 = 660 s.
    sol = C.solve_network(g, hospital_xy=[(0, 0)], hospital_names=["H"])
    assert sol.node_time_s[1] == pytest.approx(660, abs=1e-3)


def test_nearest_hospital_and_tie_goes_to_first_listed():
    g = line_graph()
    sol = C.solve_network(g, hospital_xy=[(0, 0), (3000, 0)], hospital_names=["W", "E"])
    assert sol.node_hospital.tolist()[0] == 0 and sol.node_hospital.tolist()[3] == 1
    # Nodes 1 and 2 are 60 s from one and 120 s from the other.
    assert sol.node_hospital.tolist() == [0, 0, 1, 1]
    # A true tie: hospitals at both ends of a single edge, location in the middle node.
    g2 = tiny_graph([(0, 0), (1000, 0), (2000, 0)], two_way([(0, 1, 60), (1, 2, 60)]))
    for names in (["W", "E"], ["E", "W"]):
        xy = [(0, 0), (2000, 0)] if names[0] == "W" else [(2000, 0), (0, 0)]
        sol = C.solve_network(g2, hospital_xy=xy, hospital_names=names)
        assert sol.node_hospital[1] == 0  # the first listed wins, whichever it is


def test_unsnapped_and_unreachable_are_reported_not_dropped():
    # Main line 0-1 with the hospital; an island 2-3 with no link.
    xy = [(0, 0), (1000, 0), (50_000, 0), (51_000, 0)]
    g = tiny_graph(xy, two_way([(0, 1, 60), (2, 3, 60)]))
    sol = C.solve_network(g, hospital_xy=[(0, 0)], hospital_names=["H"])
    pts = np.array([[1000, 10], [50_500, 0], [20_000, 0]])
    loc = C.locate(g, sol, pts, max_snap_m=1000)
    assert loc.status.tolist() == [C.STATUS_OK, C.STATUS_UNREACHABLE, C.STATUS_UNSNAPPED]
    assert np.isnan(loc.time_min[1:]).all() and loc.hospital[1:].tolist() == [-1, -1]


def test_snaps_to_nearest_reachable_node_not_a_nearer_stub():
    # A disconnected stub node 20 m away, the connected road 200 m away.
    xy = [(0, 0), (1000, 0), (1000, 220), (1100, 220)]
    g = tiny_graph(xy, two_way([(0, 1, 60), (2, 3, 10)]))
    sol = C.solve_network(g, hospital_xy=[(0, 0)], hospital_names=["H"])
    loc = C.locate(g, sol, np.array([[1000, 200]]), access_speed_kmh=36)
    assert loc.status[0] == C.STATUS_OK
    assert loc.time_min[0] == pytest.approx((60 + 200 / 10) / 60)


def test_bands_are_closed_on_the_right():
    bands = C.validate_bands([15, 30])
    t = np.array([0.0, 15.0, 15.0001, 30.0, 30.5, np.nan])
    assert C.band_index(t, bands).tolist() == [0, 0, 1, 1, 2, -1]
    assert C.band_labels(bands) == ["0–15", "15–30", "> 30"]


@pytest.mark.parametrize("bad", [[], [0, 15], [30, 15], [15, 15], [-5]])
def test_bad_bands_rejected(bad):
    with pytest.raises(SundplanError, match="bands"):
        C.validate_bands(bad)


def test_hospital_too_far_is_named():
    g = line_graph()
    with pytest.raises(SundplanError, match="'Far away'.*5000 m"):
        C.solve_network(g, hospital_xy=[(0, 5000)], hospital_names=["Far away"])


def test_hospital_on_dead_end_is_named():
    # Node 2 can be left (2->1) but not entered.
    g = tiny_graph([(0, 0), (1000, 0), (2000, 0)], [*two_way([(0, 1, 60)]), (2, 1, 60)])
    with pytest.raises(SundplanError, match="'Dead end'"):
        C.solve_network(g, hospital_xy=[(2000, 0)], hospital_names=["Dead end"])


def test_weighted_quantiles_by_hand():
    v = np.array([10.0, 20.0, 30.0, 40.0, 5.0])
    w = np.array([1.0, 1.0, 1.0, 7.0, 2.0])
    g = np.array([0, 0, 0, 0, 1])
    # Group 0 weights 1,1,1,7: the median person lives at 40, the 0.3 quantile at 30.
    assert C.weighted_quantiles(v, w, g, 2, 0.5).tolist() == [40.0, 5.0]
    assert C.weighted_quantiles(v, w, g, 2, 0.3)[0] == 30.0
    assert C.weighted_quantiles(v, w, g, 2, 0.1)[0] == 10.0


def test_area_summary_and_conservation_by_hand():
    g = line_graph()
    sol = C.solve_network(g, hospital_xy=[(0, 0), (3000, 0)], hospital_names=["W", "E"])
    xy = np.array([[0, 0], [1000, 0], [2000, 0], [3000, 0], [9000, 0], [1000, 900]])
    pop = np.array([100.0, 50.0, 25.0, 10.0, 7.0, 3.0])
    loc = C.locate(g, sol, xy, max_snap_m=1000, access_speed_kmh=30)
    # Times: 0, 1, 1, 0 min; (9000,0) unsnapped; (1000,900): 900 m at 30 km/h = 1.8 + 1 min.
    np.testing.assert_allclose(loc.time_min[[0, 1, 2, 3, 5]], [0, 1, 1, 0, 2.8], atol=1e-6)
    bands = C.validate_bands([0.5, 2])
    area_index = np.array([0, 0, 1, 1, 1, -1])
    df = C.area_summary(
        loc,
        pop,
        area_index=area_index,
        area_ids=["a", "b"],
        area_names=["A", "B"],
        bands_min=bands,
        hospital_names=["W", "E"],
    )
    a, b, out = (df.iloc[i] for i in range(3))
    assert a.population == 150 and a.mean_min == pytest.approx(50 / 150)
    assert a.median_min == 0 and a.p90_min == 1 and a.max_min == 1
    assert a.pop_over_0_5_min == 50 and a.main_hospital == "W"
    assert b.population == 42 and b.pop_unsnapped == 7 and b.population_reached == 35
    assert b.main_hospital == "E" and b.mean_min == pytest.approx(25 / 35)
    assert out.area_name == "(outside all areas)" and out.population == 3
    # Conservation: the bands end with the "not reached" class (unsnapped + unreachable), so
    # bands + not reached = input total.
    bt = C.band_table(loc, pop, bands)
    assert bt.population.sum() == pop.sum()
    nr = bt.set_index("band_id").loc[C.NOT_REACHED_BAND]
    assert nr.band == "not reached"
    assert nr.population == df.pop_unsnapped.sum() + df.pop_unreachable.sum() == 7
    # Share not reached per area: B 7 of 42; A and the outside row none.
    assert df.share_not_reached.tolist() == pytest.approx([0.0, 7 / 42, 0.0])
    ct = C.catchment_table(loc, pop, ["W", "E"])
    assert ct.population.tolist() == [153.0, 35.0]
    # W serves 100 at 0 min, 50 at 1 min, 3 at 2.8 min; E 25 at 1 min and 10 at 0 min.
    assert ct.mean_min.tolist() == pytest.approx([(50 * 1 + 3 * 2.8) / 153, 25 / 35])
    assert ct.max_min.tolist() == pytest.approx([2.8, 1.0])
    # Shares beyond 0.5 min among the reached: A 50 of 150, B 25 of 35.
    assert a.share_over_0_5_min == pytest.approx(50 / 150)
    assert b.share_over_0_5_min == pytest.approx(25 / 35)
    assert a.pop_over_2_min == 0 and b.pop_over_2_min == 0


def test_main_hospital_share_in_a_split_area():
    g = line_graph()
    sol = C.solve_network(g, hospital_xy=[(0, 0), (3000, 0)], hospital_names=["W", "E"])
    xy = np.array([[0, 0], [1000, 0], [2000, 0], [3000, 0]])
    pop = np.array([100.0, 50.0, 25.0, 10.0])
    loc = C.locate(g, sol, xy)
    df = C.area_summary(
        loc,
        pop,
        area_index=np.array([0, 0, 0, 1]),
        area_ids=["a", "b"],
        area_names=["A", "B"],
        bands_min=C.validate_bands([15]),
        hospital_names=["W", "E"],
    )
    a, b = df.iloc[0], df.iloc[1]
    assert a.main_hospital == "W" and a.main_hospital_share == pytest.approx(150 / 175)
    assert b.main_hospital == "E" and b.main_hospital_share == 1.0
    # Weighted median of A (0 min ×100, 1 min ×75) is 0; its 90th percentile 1 min.
    assert a.median_min == 0 and a.p90_min == 1


def test_node_times_match_networkx_on_a_random_directed_graph():
    rng = np.random.default_rng(7)
    n = 400
    xy = rng.uniform(0, 20_000, size=(n, 2))
    # Join each node to its 4 nearest neighbours, some one way, times ∝ distance.
    from scipy.spatial import cKDTree

    d, j = cKDTree(xy).query(xy, k=5)
    edges = []
    for u in range(n):
        for k in range(1, 5):
            v, t = int(j[u, k]), float(d[u, k]) / 15.0
            edges.append((u, v, t))
            if rng.random() < 0.8:
                edges.append((v, u, t))
    g = tiny_graph(xy, edges)
    hospitals = rng.choice(n, size=3, replace=False)
    sol = C.solve_network(g, hospital_xy=xy[hospitals], hospital_names=["a", "b", "c"])
    G = nx.DiGraph()
    for u, v, t in edges:
        if G.has_edge(u, v):
            G[u][v]["t"] = min(G[u][v]["t"], t)
        else:
            G.add_edge(u, v, t=t)
    # Independent: times *to* the hospitals = Dijkstra from them on the reversed graph.
    ref = nx.multi_source_dijkstra_path_length(G.reverse(), set(hospitals.tolist()), weight="t")
    for node in range(n):
        if node in ref:
            assert sol.node_time_s[node] == pytest.approx(ref[node], abs=1e-4)
        else:
            assert not np.isfinite(sol.node_time_s[node])


def test_run_catchments_conserves_population_to_the_person():
    from shapely.geometry import box

    g = line_graph()
    rng = np.random.default_rng(1)
    xy = np.column_stack([rng.uniform(-500, 6000, 500), rng.uniform(-1500, 1500, 500)])
    pop = rng.integers(0, 40, 500).astype(float)
    population = population_from_points(xy=xy, population=pop, crs_wkt=WKT, source_name="p")
    areas = AreaTable.from_polygons(
        [box(-600, -2000, 1500, 2000), box(1500, -2000, 7000, 2000)], [1, 2], ["A", "B"]
    )
    res = C.run_catchments(
        g,
        hospital_xy=[(0, 0), (3000, 0)],
        hospital_names=["W", "E"],
        population=population,
        areas=areas,
        bands_min=[1, 2, 3],
        cell_size_m=100,
    )
    lost = res.report["population"]["unsnapped"] + res.report["population"]["unreachable"]
    total = pop.sum()
    assert round(res.bands.population.sum()) == total  # bands + "not reached" class
    assert res.bands.population.iloc[-1] == pytest.approx(lost)
    assert round(res.catchments.population.sum() + lost) == total
    assert round(res.areas.population.sum()) == total
    assert res.areas.pop_unsnapped.sum() == pytest.approx(res.report["population"]["unsnapped"])
    # Each catchment polygon is a valid multipolygon around its hospital.
    assert set(res.catchment_polygons) == {0, 1}
    assert all(p.is_valid for p in res.catchment_polygons.values())
    from shapely.geometry import Point

    assert res.catchment_polygons[0].contains(Point(0, 0))
    assert res.catchment_polygons[1].contains(Point(3000, 0))


def test_scenario_closing_a_hospital_by_hand():
    from sundplan_qgis.scenario import UNREACHED, run_scenario

    g = line_graph()
    xy = np.array([[0, 0], [1000, 0], [2000, 0], [3000, 0], [9000, 0]])
    pop = np.array([10.0, 20.0, 30.0, 40.0, 5.0])
    population = population_from_points(xy=xy, population=pop, crs_wkt=WKT, source_name="p")
    from shapely.geometry import box

    areas = AreaTable.from_polygons(
        [box(-100, -100, 1500, 100), box(1500, -100, 9100, 100)], ["a", "b"], ["A", "B"]
    )
    res = run_scenario(
        g,
        baseline_xy=[(0, 0), (3000, 0)],
        baseline_names=["W", "E"],
        scenario_xy=[(0, 0)],
        scenario_names=["W"],
        population=population,
        areas=areas,
        bands_min=[1, 2],
    )
    # Closing E: nodes 2 and 3 (70 people) move to W; node 2 from 1 to 2 min, node 3 from 0 to 3.
    sw = res.switches
    assert sw.to_dict("records") == [
        {
            "from_hospital_id": 2,
            "from_hospital": "E",
            "to_hospital_id": 1,
            "to_hospital": "W",
            "population": 70.0,
        }
    ]
    assert UNREACHED not in set(sw.from_hospital)  # the unsnapped 5 stay unsnapped
    assert res.report["population_changing_hospital"] == 70
    assert res.report["population_with_longer_trip"] == 70
    b = res.area_changes.set_index("area_id").loc["b"]
    assert b.change_mean_min == pytest.approx((30 * 2 + 40 * 3) / 70 - (30 * 1 + 40 * 0) / 70)
    assert b.change_pop_over_2_min == 40
    assert res.report["population_with_shorter_trip"] == 0
    assert res.report["population_newly_unreached"] == 0
    # Over the 100 reached in both: 10 and 20 unchanged, 30 one minute, 40 three minutes more.
    assert res.report["population_weighted_mean_change_min"] == pytest.approx(150 / 100)
    # The change raster at the closed hospital E (3000, 0): the cell's access leg is the same
    # in both runs, so the change is exactly the 3 minutes from E's node to W.
    grid = res.baseline.grid
    col = int((3010 - grid.transform.c) // grid.transform.a)
    row = int((10 - grid.transform.f) // grid.transform.e)
    assert res.change_min[row * grid.width + col] == pytest.approx(3.0)


@pytest.mark.parametrize("method", ["areal", "centroid"])
def test_polygon_population_is_conserved(method):
    from shapely.geometry import MultiPolygon, box

    from sundplan_qgis.rasters import population_from_polygons

    geoms = [
        box(0, 0, 1000, 1000),
        MultiPolygon([box(2000, 0, 2500, 500), box(3000, 0, 3500, 500)]),
        box(5000, 5000, 5010, 5010),  # too small for any 100 m cell centre
    ]
    pop = [1000.0, 77.0, 5.0]
    p = population_from_polygons(
        geometries=geoms,
        population=pop,
        crs_wkt=WKT,
        source_name="k",
        method=method,
        cell_size_m=100,
    )
    assert p.population.sum() == pytest.approx(1082.0)
    for i, g in enumerate(geoms):
        inside = p.feature_ids == i
        assert p.population[inside].sum() == pytest.approx(pop[i])
        from shapely.geometry import Point

        assert all(g.buffer(1e-6).contains(Point(x, y)) for x, y in p.xy[inside])
    if method == "areal":
        assert (p.feature_ids == 0).sum() == 100  # 10 × 10 cells of 100 m
        assert (p.feature_ids == 1).sum() == 50


def test_polygon_population_null_is_named():
    from shapely.geometry import box

    from sundplan_qgis.rasters import population_from_polygons

    with pytest.raises(SundplanError, match="feature id 7"):
        population_from_polygons(
            geometries=[box(0, 0, 1, 1)],
            population=[None],
            crs_wkt=WKT,
            source_name="k",
            feature_ids=np.array([7]),
        )


def test_locations_never_snap_to_ferry_docks_or_mid_sea_vertices():
    """A home at a ferry port is on the road side; boarding is paid only when crossing."""
    from sundplan_qgis import network

    # Road 0..1000 m (36 km/h -> 100 s), ferry 1000..5000 m (10 min) with 4 min boarding,
    # road 5000..6000 m on the island.
    coords = np.array(
        [[0, 0], [1000, 0], [1000, 0], [3000, 0], [5000, 0], [5000, 0], [6000, 0]], float
    )
    lines = network.RoadLines(
        coords=coords,
        offsets=np.array([0, 2, 5, 7]),
        road_class=np.array(["residential", "ferry", "residential"], dtype=object),
        speed_kmh=np.array([36.0, np.nan, 36.0]),
        oneway=np.zeros(3, dtype=np.int8),
        ferry_duration_min=np.array([np.nan, 10.0, np.nan]),
        crs_wkt=WKT,
        source_name="port",
    )
    g = network.build_graph(lines, ferry_boarding_min=4.0)
    sol = C.solve_network(g, hospital_xy=[(0, 0)], hospital_names=["H"])
    homes = np.array([[1000, 0], [3000, 10], [6000, 0]])
    loc = C.locate(g, sol, homes, max_snap_m=3000, access_speed_kmh=36)
    # At the mainland port: 100 s by road. Mid-sea point: snaps to a port, not the ferry.
    # On the island: 100 s + 4 min boarding + 10 min crossing + 100 s.
    assert loc.time_min[0] == pytest.approx(100 / 60)
    assert loc.status[1] == C.STATUS_OK and loc.snap_m[1] > 1000
    assert loc.time_min[2] == pytest.approx((100 + 240 + 600 + 100) / 60)


def test_population_raster_cells_and_another_crs(tmp_path):
    """Raster cells become locations at their centres, in the raster's own CRS (EPSG:3035
    here); areas in EPSG:25832 get the people whose transformed centres fall inside them."""
    import rasterio
    from affine import Affine
    from pyproj import Transformer
    from shapely.geometry import box

    from sundplan_qgis.rasters import read_population_raster

    # The line network, moved to Denmark (EPSG:25832).
    x0, y0 = 500_000.0, 6_200_000.0
    xy = [(x0, y0), (x0 + 1000, y0), (x0 + 2000, y0), (x0 + 3000, y0)]
    g = tiny_graph(xy, two_way([(0, 1, 60), (1, 2, 60), (2, 3, 60)]))
    # A 3 × 4 grid of 500 m cells in EPSG:3035 around it.
    to3035 = Transformer.from_crs(25832, 3035, always_xy=True)
    ex, ey = to3035.transform(x0 - 200, y0 + 700)
    transform = Affine(500, 0, ex, 0, -500, ey)
    values = np.array([[1, 2, 3, 4], [5, 0, 7, 8], [9, 10, 11, -1]], dtype="int32")
    path = tmp_path / "pop3035.tif"
    with rasterio.open(
        path,
        "w",
        driver="GTiff",
        width=4,
        height=3,
        count=1,
        dtype="int32",
        crs="EPSG:3035",
        transform=transform,
        nodata=-1,
    ) as dst:
        dst.write(values, 1)
    pop = read_population_raster(path)
    # Populated cells only (0 and nodata dropped), at their centres, in row-major order.
    assert pop.population.tolist() == [1, 2, 3, 4, 5, 7, 8, 9, 10, 11]
    assert pop.flat_index.tolist() == [0, 1, 2, 3, 4, 6, 7, 8, 9, 10]
    assert pop.xy[0].tolist() == pytest.approx([ex + 250, ey - 250])
    assert pop.xy[5].tolist() == pytest.approx([ex + 2 * 500 + 250, ey - 500 - 250])
    # Independent: centres to EPSG:25832 with pyproj, then point-in-box per area.
    back = Transformer.from_crs(3035, 25832, always_xy=True)
    cx, cy = back.transform(pop.xy[:, 0], pop.xy[:, 1])
    boxes = [
        box(x0 - 2000, y0 - 5000, x0 + 1000, y0 + 5000),
        box(x0 + 1000, y0 - 5000, x0 + 9000, y0 + 5000),
    ]
    expected = [
        float(pop.population[(cx >= bx.bounds[0]) & (cx < bx.bounds[2])].sum()) for bx in boxes
    ]
    res = C.run_catchments(
        g,
        hospital_xy=[(x0, y0)],
        hospital_names=["H"],
        population=pop,
        areas=AreaTable.from_polygons(boxes, ["w", "e"], ["West", "East"]),
        bands_min=[1, 2],
        max_snap_m=2000,
    )
    assert res.areas.population.tolist()[:2] == pytest.approx(expected)
    assert res.report["population"]["total"] == 60
    assert res.grid.width == 4 and res.grid.height == 3  # the surface is the raster's own grid


def test_report_names_the_disconnected_parts_and_who_lives_by_them():
    from sundplan_qgis import network

    # Mainland road 0–1000 m with the hospital; an island road 50–51 km with no ferry.
    lines = network.RoadLines(
        coords=np.array([[0, 0], [1000, 0], [50_000, 0], [51_000, 0]], float),
        offsets=np.array([0, 2, 4]),
        road_class=np.array(["residential", "residential"], dtype=object),
        speed_kmh=np.array([36.0, 36.0]),
        oneway=np.zeros(2, dtype=np.int8),
        ferry_duration_min=np.array([np.nan, np.nan]),
        crs_wkt=WKT,
        source_name="islands",
    )
    g = network.build_graph(lines)
    population = population_from_points(
        xy=np.array([[500, 10], [50_500, 10], [50_900, -20]]),
        population=[10.0, 7.0, 5.0],
        crs_wkt=WKT,
        source_name="p",
    )
    res = C.run_catchments(
        g, hospital_xy=[(0, 0)], hospital_names=["H"], population=population, polygons=False
    )
    parts = res.report["disconnected_parts"]
    assert parts["parts_without_hospital"] == 1
    (island,) = parts["parts"]
    assert island["nodes"] == 2 and island["road_km"] == pytest.approx(1.0)
    assert island["residents_by_it"] == 12.0
    assert island["centre_x"] == pytest.approx(50_500)
    assert res.report["population"]["unreachable"] == 12.0
