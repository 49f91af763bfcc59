"""2SFCA search processes and the contracted search graph (issue 11): the processes start
without ``fork``, get the graph through shared memory (removed afterwards, also on cancel),
and give the results of one process; the search on the junctions only gives the times of
a search over every vertex (a second computation: all-pairs Dijkstra on the full graph)."""

from __future__ import annotations

import os

import numpy as np
import pytest
from pyproj import CRS
from scipy.sparse.csgraph import dijkstra

from sundplan_qgis import fca, fca_network, network

WKT = CRS.from_epsg(25832).to_wkt()


def curvy_grid(n: int = 7, spacing: float = 1000.0, shape_points: int = 4) -> network.RoadLines:
    """An n × n street grid whose segments carry shape points (bent a little), one row
    one-way, speeds by row: most nodes are shape points, as in OpenStreetMap."""
    rng = np.random.default_rng(5)
    coords, offsets, speed, oneway = [], [0], [], []
    for r in range(n):
        for c in range(n):
            for dx, dy in ((1, 0), (0, 1)):
                if c + dx >= n or r + dy >= n:
                    continue
                a = np.array([c * spacing, r * spacing])
                b = np.array([(c + dx) * spacing, (r + dy) * spacing])
                t = np.linspace(0, 1, shape_points + 2)[:, None]
                pts = a + t * (b - a)
                pts[1:-1] += rng.normal(0, 40, size=(shape_points, 2))
                coords.append(pts)
                offsets.append(offsets[-1] + len(pts))
                speed.append(30.0 + 10 * (r % 4))
                oneway.append(1 if (dy == 0 and r == 2) else 0)
    k = len(speed)
    return network.RoadLines(
        coords=np.vstack(coords),
        offsets=np.array(offsets, dtype=np.int64),
        road_class=np.full(k, "residential", dtype=object),
        speed_kmh=np.array(speed),
        oneway=np.array(oneway, dtype=np.int8),
        ferry_duration_min=np.full(k, np.nan),
        crs_wkt=WKT,
        source_name="curvy grid",
    )


def _inputs(seed: int = 3, n_supply: int = 14, n_demand: int = 300):
    rng = np.random.default_rng(seed)
    supply_xy = rng.uniform(0, 6000, size=(n_supply, 2))
    supply_xy[1] = supply_xy[0] + 5.0  # same road node as practice 0
    return dict(
        demand_xy=rng.uniform(-100, 6100, size=(n_demand, 2)),
        supply_xy=supply_xy,
        demand=rng.integers(1, 200, n_demand).astype(float),
        capacity=rng.uniform(0.5, 3, n_supply),
    )


def _reference_minutes(g, demand_xy, supply_xy, threshold, max_snap=800.0, mpm=5000 / 60):
    """Dense (demand × supply) minutes: all-pairs Dijkstra over every vertex + access legs."""
    full = dijkstra(g.forward, directed=True) / 60.0
    road = np.flatnonzero(g.node_is_road)

    def snap(p):
        d = np.hypot(*(g.node_xy[road] - p).T)
        return road[np.argmin(d)], d.min()

    ds = [snap(p) for p in demand_xy]
    ss = [snap(p) for p in supply_xy]
    out = np.full((len(ds), len(ss)), np.nan)
    for i, (ni, li) in enumerate(ds):
        for j, (nj, lj) in enumerate(ss):
            if li <= max_snap and lj <= max_snap:
                out[i, j] = li / mpm + full[ni, nj] + lj / mpm
    return np.where(out <= threshold + fca.TOLERANCE_MIN, out, np.nan)


def test_contracted_search_gives_the_times_over_every_vertex():
    g = network.build_graph(curvy_grid())
    kw = _inputs()
    pairs = fca_network.network_pairs(
        g,
        demand_xy=kw["demand_xy"],
        supply_xy=kw["supply_xy"],
        threshold_min=6.0,
        max_snap_m=800.0,
        access_speed_kmh=5.0,
        batch_size=3,
    )
    assert pairs.report["contracted"] is True
    assert pairs.report["search_nodes"] < 0.3 * pairs.report["nodes"]
    expect = _reference_minutes(g, kw["demand_xy"], kw["supply_xy"], 6.0)
    got = np.full(expect.shape, np.nan)
    got[pairs.demand, pairs.supply] = pairs.time_min
    np.testing.assert_array_equal(np.isfinite(got), np.isfinite(expect))
    ok = np.isfinite(expect)
    assert ok.sum() > 100
    np.testing.assert_allclose(got[ok], expect[ok], rtol=1e-12, atol=0)


@pytest.mark.parametrize("method", fca.METHOD_KEYS)
def test_contracted_equals_every_vertex_searched(method, monkeypatch):
    g = network.build_graph(curvy_grid())
    kw = _inputs(seed=8)
    decay = fca.make_decay(method, 7.0)
    p1, r1 = fca_network.network_fca(g, decay=decay, batch_size=4, **kw)
    monkeypatch.setattr(fca_network, "_CONTRACT_MAX_SHARE", 0.0)  # search every vertex
    p0, r0 = fca_network.network_fca(g, decay=decay, batch_size=4, **kw)
    assert p1.report["contracted"] and not p0.report["contracted"]
    assert p1.report["pairs"] == p0.report["pairs"]
    np.testing.assert_array_equal(r1.n_reachable, r0.n_reachable)
    for a, b in ((r1.access, r0.access), (r1.ratio, r0.ratio), (r1.nearest_min, r0.nearest_min)):
        np.testing.assert_array_equal(np.isnan(a), np.isnan(b))
        np.testing.assert_allclose(a[~np.isnan(a)], b[~np.isnan(b)], rtol=1e-9, atol=0)


@pytest.mark.parametrize("start_method", ["spawn", "forkserver"])
@pytest.mark.parametrize("contracted", [True, False])
def test_processes_give_the_one_process_results(start_method, contracted, monkeypatch):
    if not contracted:
        monkeypatch.setattr(fca_network, "_CONTRACT_MAX_SHARE", 0.0)

    def no_fork():  # the processes must start without forking this process
        raise AssertionError("os.fork called")

    monkeypatch.setattr(os, "fork", no_fork)
    g = network.build_graph(curvy_grid(n=8))
    kw = _inputs(seed=4, n_supply=25, n_demand=400)
    decay = fca.make_decay("e2sfca", 7.0)
    p1, r1 = fca_network.network_fca(g, decay=decay, batch_size=3, workers=1, **kw)
    p2, r2 = fca_network.network_fca(
        g, decay=decay, batch_size=3, workers=2, start_method=start_method, **kw
    )
    assert p2.report["workers"] == 2 and p2.report["process_start"] == start_method
    assert p2.report["pairs"] == p1.demand.size
    assert p2.report["nodes_settled_total"] == p1.report["nodes_settled_total"]
    np.testing.assert_array_equal(r2.ratio, r1.ratio)
    np.testing.assert_array_equal(r2.n_reachable, r1.n_reachable)
    np.testing.assert_array_equal(r2.nearest_min, r1.nearest_min)
    np.testing.assert_allclose(r2.access, r1.access, rtol=1e-12, atol=0)
    # the pairs themselves, collected from the processes in batch order
    q1 = fca_network.network_pairs(g, threshold_min=7.0, batch_size=3, workers=1, **_xy(kw))
    q2 = fca_network.network_pairs(g, threshold_min=7.0, batch_size=3, workers=2, **_xy(kw))
    for a in ("demand", "supply", "time_min"):
        np.testing.assert_array_equal(getattr(q2, a), getattr(q1, a))


def _xy(kw: dict) -> dict:
    return {k: kw[k] for k in ("demand_xy", "supply_xy")}


def _record_blocks(monkeypatch) -> list[str]:
    names: list[str] = []
    share = fca_network._share

    def recording(state):
        block, manifest = share(state)
        names.append(block.name)
        return block, manifest

    monkeypatch.setattr(fca_network, "_share", recording)
    return names


def _gone(name: str) -> bool:
    from multiprocessing import shared_memory

    try:
        shared_memory.SharedMemory(name=name).close()
    except FileNotFoundError:
        return True
    return False


def test_cancel_stops_the_processes_and_removes_the_shared_block(monkeypatch):
    import multiprocessing

    names = _record_blocks(monkeypatch)

    class Stop(Exception):
        pass

    def progress(_f, message=""):
        if "batch" in str(message):
            raise Stop

    g = network.build_graph(curvy_grid(n=8))
    kw = _inputs(seed=2, n_supply=30, n_demand=200)
    with pytest.raises(Stop):
        fca_network.network_fca(
            g, decay=fca.make_decay("2sfca", 5.0), batch_size=2, workers=2, progress=progress, **kw
        )
    assert not multiprocessing.active_children()
    assert names and all(_gone(n) for n in names)


def test_processes_that_cannot_start_leave_the_work_to_this_process(monkeypatch):
    names = _record_blocks(monkeypatch)
    share = fca_network._share

    def broken(state):  # the processes cannot attach: a block name that does not exist
        block, manifest = share(state)
        return block, {**manifest, "name": manifest["name"] + "_missing"}

    monkeypatch.setattr(fca_network, "_share", broken)
    g = network.build_graph(curvy_grid())
    kw = _inputs()
    decay = fca.make_decay("2sfca", 6.0)
    p2, r2 = fca_network.network_fca(g, decay=decay, workers=2, batch_size=3, **kw)
    p1, r1 = fca_network.network_fca(g, decay=decay, workers=1, batch_size=3, **kw)
    assert p2.report["workers"] == 1
    assert "could not start" in str(p2.report["process_start"])
    np.testing.assert_array_equal(r2.access, r1.access)
    assert names and all(_gone(n) for n in names)


def test_python_executable_is_an_interpreter_not_the_host(monkeypatch):
    exe = fca_network.python_executable()
    assert exe is not None and "python" in os.path.basename(exe).lower()
    monkeypatch.setattr("sys.executable", "/usr/bin/qgis_process.bin")  # as inside QGIS
    found = fca_network.python_executable()
    assert found is None or ("qgis" not in found and "python" in os.path.basename(found))
    assert fca_network.resolve_workers(3) == (3 if found else 1)


def test_automatic_stays_in_process_for_small_searches():
    g = network.build_graph(curvy_grid(n=5))
    kw = _inputs(n_supply=6, n_demand=50)
    p, _ = fca_network.network_fca(g, decay=fca.make_decay("2sfca", 5.0), workers=0, **kw)
    assert p.report["workers"] == 1
