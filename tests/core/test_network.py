"""Tests of sundplan_qgis.network graph building: travel times on the hand network, ferries,
vertex merging, and the built graph against networkx (random networks; the u/v node ids of
the 2021 Danish road file).

Readers: ``test_network_readers.py``; speed tables and tag parsing:
``test_network_parsing.py``.
"""

from __future__ import annotations

import math
from pathlib import Path

import networkx as nx
import numpy as np
import pytest
from osgeo import ogr
from scipy.sparse.csgraph import dijkstra
from scipy.spatial import cKDTree

from sundplan_qgis import network as N
from sundplan_qgis.network.graph import _merge_vertices
from tests.core.network_helpers import (
    HAND,
    II,
    JJ,
    X0,
    Y0,
    A,
    B,
    C,
    D,
    E,
    F,
    G,
    H,
    epsg_wkt,
    ls,
    read_hand,
    write_gpkg,
)


@pytest.fixture()
def hand_gpkg(tmp_path: Path) -> Path:
    return write_gpkg(tmp_path / "hand.gpkg", HAND)


def node_at(graph: N.RoadGraph, xy: tuple[float, float]) -> int:
    """The road node at a (relative) place; ferry dock twins are not road nodes."""
    road = np.flatnonzero(graph.node_is_road)
    d, i = cKDTree(graph.node_xy[road]).query([X0 + xy[0], Y0 + xy[1]])
    assert d < 0.01
    return int(road[i])


def times_from(graph: N.RoadGraph, src: tuple[float, float]) -> dict[str, float]:
    dist = dijkstra(graph.forward, indices=node_at(graph, src))
    pts = {"A": A, "B": B, "C": C, "D": D, "E": E, "F": F, "G": G, "H": H, "I": II, "J": JJ}
    return {k: float(dist[node_at(graph, p)]) for k, p in pts.items()}


# --------------------------------------------------------------------------- hand network


def test_hand_travel_times(hand_gpkg: Path) -> None:
    g = N.build_graph(read_hand(hand_gpkg))
    # 12 distinct points (the 5 mm and 6 mm offsets are merged) + 4 ferry dock twins (C E F G)
    assert g.n_nodes == 16 and g.stats["n_ferry_docks"] == 4
    assert g.node_is_road.sum() == 11  # all but the ferry's middle vertex
    assert g.n_components == 2
    assert g.stats["n_lines"] == 10 and g.stats["n_ferry_lines"] == 2
    t = times_from(g, A)
    board = 15 * 60.0
    assert t["A"] == 0
    assert t["B"] == pytest.approx(60.0, abs=0.01)  # 1000 m at 60 km/h, not 60 + 90
    assert t["C"] == pytest.approx(120.0, abs=0.01)  # via B (oneway B->C allowed)
    assert t["D"] == pytest.approx(100.0, abs=0.01)  # A->D allowed against digitising
    assert t["E"] == pytest.approx(120 + 1200 + board, abs=0.01)
    assert t["F"] == pytest.approx(120 + 1200 + board + 72, abs=0.01)
    assert t["G"] == pytest.approx(120 + 1200 + board + 72 + 360 + board, abs=0.01)
    assert t["H"] == pytest.approx(120 + 2100 + 72 + 1260 + 72, abs=0.01)
    assert math.isinf(t["I"]) and math.isinf(t["J"])
    # one-way streets: from C only D is reachable on the square (C->B and D->A forbidden)
    tc = times_from(g, C)
    assert tc["D"] == pytest.approx(90.0, abs=0.01)
    assert math.isinf(tc["A"]) and math.isinf(tc["B"])
    # the ferry is two-way: from E back to C costs the same as C to E
    assert times_from(g, E)["C"] == pytest.approx(1200 + board, abs=0.01)
    # the reverse graph gives times *to* a target: from A to C is 120 s, from C to A none
    to_c = dijkstra(g.reverse, indices=node_at(g, C))
    assert to_c[node_at(g, A)] == pytest.approx(120.0, abs=0.01)
    to_a = dijkstra(g.reverse, indices=node_at(g, A))
    assert math.isinf(to_a[node_at(g, C)])
    assert to_a[node_at(g, B)] == pytest.approx(60.0, abs=0.01)
    # edge weights: strictly positive, parallel A-B edges deduplicated
    assert g.forward.data.min() > 0
    assert g.forward[node_at(g, A), node_at(g, B)] == pytest.approx(60.0, abs=0.01)
    assert (g.reverse != g.forward.T).nnz == 0


def test_hand_realism_ferry_options(hand_gpkg: Path) -> None:
    lines = read_hand(hand_gpkg)
    g = N.build_graph(lines, realism_factor=0.5, ferry_boarding_min=0.0, ferry_speed_kmh=50)
    t = times_from(g, A)
    # roads twice as slow, ferries unchanged by the factor; F-G 2500 m at 50 km/h = 180 s
    assert t["C"] == pytest.approx(240.0, abs=0.01)
    assert t["F"] == pytest.approx(240 + 1200 + 144, abs=0.01)
    assert t["H"] == pytest.approx(240 + 1200 + 144 + 180 + 144, abs=0.01)
    # without ferries E..H are cut off and ferry lines are not counted
    g2 = N.build_graph(lines, include_ferries=False)
    t2 = times_from(g2, A)
    assert math.isinf(t2["F"])
    assert g2.stats["n_ferry_lines"] == 0 and g2.stats["n_lines"] == 8
    # a user speed table overrides the class default (residential 40 -> 72: C-D 50 s)
    g3 = N.build_graph(lines, speeds_kmh=N.speeds_from_table([("Residential", "72")]))
    assert times_from(g3, C)["D"] == pytest.approx(50.0, abs=0.01)


def test_ferry_boarding_once_per_crossing_when_split(tmp_path: Path) -> None:
    # the same crossing as one line or as three lines: same total time
    one = [
        {"wkt": ls((-1000.0, 0.0), A), "road_class": "tertiary", "maxspeed_kmh": 60},
        {"wkt": ls(A, (3000.0, 0.0)), "road_class": "ferry"},
        {"wkt": ls((3000.0, 0.0), (4000.0, 0.0)), "road_class": "tertiary", "maxspeed_kmh": 60},
    ]
    three = [one[0], one[2]] + [
        {"wkt": ls((a, 0.0), (a + 1000.0, 0.0)), "road_class": "ferry"}
        for a in (0.0, 1000.0, 2000.0)
    ]
    for feats, name in ((one, "one.gpkg"), (three, "three.gpkg")):
        g = N.build_graph(read_hand(write_gpkg(tmp_path / name, feats)))
        dist = dijkstra(g.forward, indices=node_at(g, (-1000.0, 0.0)))
        # 60 + 3000 m at 25 km/h (432 s) + 15 min + 60
        assert dist[node_at(g, (4000.0, 0.0))] == pytest.approx(60 + 432 + 900 + 60, abs=0.01)


def test_merge_vertices_tolerance() -> None:
    pts = np.array(
        [
            [0.0, 0.0],
            [0.004, 0.003],  # 5 mm: merged
            [0.006, 0.0],  # 6 mm, other side of the 5 mm grid border: merged by the k-d tree
            [0.02, 0.0],  # 2 cm from the first: separate... but 1.4 cm from 0.006 -> separate
            [5.0, 5.0],
            [5.0, 5.0],  # exact duplicate
        ]
    )
    inv, xy = _merge_vertices(pts, 0.01)
    assert inv[0] == inv[1] == inv[2]
    assert inv[3] != inv[0]
    assert inv[4] == inv[5]
    assert len(xy) == 3
    np.testing.assert_array_equal(xy[inv[0]], [0.0, 0.0])


def test_build_graph_vectorised_random_against_networkx() -> None:
    """Random lines with shared vertices, parallel edges and one-ways vs networkx."""
    rng = np.random.default_rng(42)
    grid = rng.integers(0, 12, size=(400, 2)).astype(float) * 100.0
    n_lines = 300
    nv = rng.integers(2, 5, size=n_lines)
    offsets = np.concatenate([[0], np.cumsum(nv)]).astype(np.int64)
    coords = grid[rng.integers(0, len(grid), size=offsets[-1])] + [X0, Y0]
    classes = np.array(rng.choice(["primary", "residential", "ferry"], size=n_lines), dtype=object)
    speed = np.where(rng.random(n_lines) < 0.5, rng.integers(20, 90, n_lines), np.nan)
    oneway = rng.choice(np.array([0, 1, -1], dtype=np.int8), size=n_lines)
    dur = np.where(classes == "ferry", rng.integers(5, 30, n_lines).astype(float), np.nan)
    lines = N.RoadLines(
        coords=coords,
        offsets=offsets,
        road_class=classes,
        speed_kmh=speed.astype(float),
        oneway=oneway,
        ferry_duration_min=dur,
        crs_wkt=epsg_wkt(25832),
        source_name="random",
    )
    g = N.build_graph(lines, ferry_boarding_min=0.0)
    # independent: a plain loop per segment, nodes keyed by rounded coordinates
    nxg = nx.DiGraph()
    for i in range(n_lines):
        pts = coords[offsets[i] : offsets[i + 1]]
        seg_len = np.hypot(*np.diff(pts, axis=0).T)
        total = seg_len.sum()
        for k in range(len(pts) - 1):
            p, q = tuple(np.round(pts[k], 2)), tuple(np.round(pts[k + 1], 2))
            if p == q:
                continue
            if classes[i] == "ferry":
                t = dur[i] * 60 * seg_len[k] / total
            else:
                s = speed[i] if np.isfinite(speed[i]) else N.DEFAULT_SPEEDS_KMH[classes[i]]
                t = seg_len[k] / (s / 3.6)
            dirs = {0: [(p, q), (q, p)], 1: [(p, q)], -1: [(q, p)]}[int(oneway[i])]
            for a, b in dirs:
                if not nxg.has_edge(a, b) or nxg[a][b]["w"] > t:
                    nxg.add_edge(a, b, w=t)
    assert g.edge_count == nxg.number_of_edges()
    tree = cKDTree(g.node_xy)
    for src in list(nxg.nodes)[:5]:
        ref = nx.single_source_dijkstra_path_length(nxg, src, weight="w")
        mine = dijkstra(g.forward, indices=int(tree.query(src)[1]))
        ids = tree.query(np.array(list(ref.keys())))[1]
        np.testing.assert_allclose(mine[ids], list(ref.values()), rtol=1e-9, atol=1e-6)
        assert np.isfinite(mine).sum() == len(ref)


# --------------------------------------------------------------------------- 2021 Danish roads


@pytest.fixture(scope="module")
def dk_roads(request: pytest.FixtureRequest) -> tuple[Path, N.RoadLines]:
    shared = request.getfixturevalue("shared_data")
    path = shared / "osm-roads-dk-2021" / "dk_roads_osm2021_z13.gpkg"
    if not path.exists():
        pytest.skip(f"needs {path}")
    return path, N.read_lines_ogr(path, class_field="class")


@pytest.mark.shared
def test_dk_roads_2021_lengths_and_components(dk_roads: tuple[Path, N.RoadLines]) -> None:
    path, lines = dk_roads
    assert lines.n_lines == 86_547
    assert set(lines.road_class) == {
        "motorway", "trunk", "primary", "secondary", "tertiary", "ferry", "ferry_connector",
    }  # fmt: skip
    assert not lines.oneway.any()  # the file's oneway field is not used (SOURCE.md)
    ds = ogr.Open(str(path))
    length_m = np.concatenate(
        [b["length_m"] for b in ds.GetLayer(0).GetArrowStreamAsNumPy(options=["INCLUDE_FID=NO"])]
    )
    graph = N.build_graph(lines)
    assert graph.stats["total_length_km"] * 1000 == pytest.approx(length_m.sum(), rel=1e-3)
    # SOURCE.md: 50 components, the largest with 99.49 % of the length
    assert graph.n_components == 50
    assert graph.stats["largest_component_length_share"] == pytest.approx(0.9949, abs=0.0005)
    assert graph.stats["n_ferry_lines"] == 318


@pytest.mark.shared
def test_dk_roads_2021_distances_match_uv_graph(dk_roads: tuple[Path, N.RoadLines]) -> None:
    """Shortest road distances vs networkx on the file's own u/v node ids and length_m."""
    path, lines = dk_roads
    ds = ogr.Open(str(path))
    batches = list(ds.GetLayer(0).GetArrowStreamAsNumPy(options=["INCLUDE_FID=NO"]))
    u = np.concatenate([b["u"] for b in batches])
    v = np.concatenate([b["v"] for b in batches])
    length = np.concatenate([b["length_m"] for b in batches])
    ref = nx.Graph()
    for a, b, w in zip(u.tolist(), v.tolist(), length.tolist(), strict=True):
        if a != b and (not ref.has_edge(a, b) or ref[a][b]["w"] > w):
            ref.add_edge(a, b, w=w)
    # speed 3.6 km/h = 1 m/s: travel time in seconds equals distance in metres
    graph = N.build_graph(
        lines, speeds_kmh={c: 3.6 for c in N.DEFAULT_SPEEDS_KMH}, ferry_boarding_min=0.0,
        ferry_speed_kmh=3.6,
    )  # fmt: skip
    tree = cKDTree(graph.node_xy)
    first = tree.query(lines.coords[lines.offsets[:-1]])[1]
    last = tree.query(lines.coords[lines.offsets[1:] - 1])[1]
    node_of_u = dict(zip(u.tolist(), first.tolist(), strict=True))
    node_of_u.update(zip(v.tolist(), last.tolist(), strict=True))
    assert len(set(node_of_u.values())) == len(node_of_u)  # u/v ids are our end nodes
    for src in (int(u[0]), int(u[40_000]), int(u[80_000])):
        want = nx.single_source_dijkstra_path_length(ref, src, weight="w")
        mine = dijkstra(graph.forward, indices=node_of_u[src])
        keys = [k for k in want if k in node_of_u]
        assert len(keys) == len(want)
        got = mine[[node_of_u[k] for k in keys]]
        exp = np.array([want[k] for k in keys])
        # length_m is rounded to 0.1 m per edge (0.05 m error each, on paths of ~1000 edges).
        # Our graph has every vertex as a node, so 17 interior vertices shared by two lines
        # (left after the file's tile snapping) are extra junctions the u/v graph lacks:
        # our distances may be shorter, never longer, and equal for almost all nodes.
        assert np.all(got <= exp * (1 + 2e-4) + 1.0)
        close = np.isclose(got, exp, rtol=2e-4, atol=1.0)
        assert close.mean() > 0.995
        # the same set of reachable u/v nodes
        assert np.isfinite(mine[list(node_of_u.values())]).sum() == len(
            {node_of_u[k] for k in want}
        )
