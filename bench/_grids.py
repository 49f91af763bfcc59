"""Side by side in ``bench_catchments.py``: jittered street grids, ``native:serviceareafromlayer``
against our read + build + solve (worker ``solve``), our whole run, both inside one PyQGIS
process (worker ``pyqgis``), and per-node agreement of the two."""

from __future__ import annotations

import argparse
import json
import os
import shutil
import sys
import time
from pathlib import Path

from _measure import (
    EPSG,
    REPO_DIR,
    StageRecorder,
    fresh,
    last_json,
    log,
    med,
    read_hospitals,
    status_kb,
    timed,
)
from _qgis import plugins_dir, run_native, run_ours_qgis

GRID_SIZES = (160, 320)  # nodes per side: 50 880 and 204 160 segments
GRID_SPACING_M = 200.0
GRID_SPEEDS_KMH = (30, 50, 60, 80, 90, 110)
AGREEMENT_MIN = (2.0, 5.0, 10.0)  # split the nodes: 20 min reaches every node of both grids


def ensure_grid(work: Path, n: int, seed: int) -> dict:
    """A jittered n x n street grid of two-point segments with an explicit speed on every
    segment and no one-way streets, 21 hospitals exactly on grid nodes and a 100 m population
    raster (all SYNTHETIC)."""
    import numpy as np
    import rasterio
    from osgeo import ogr, osr
    from rasterio.transform import from_origin

    out = work / f"grid{n}"
    summary = out / "bench_summary.json"
    if summary.is_file():
        cached = json.loads(summary.read_text(encoding="utf-8"))
        if cached.get("seed") == seed and cached.get("n") == n:
            return cached
    if out.exists():
        shutil.rmtree(out)
    out.mkdir(parents=True)
    rng = np.random.default_rng([seed, n])
    s = GRID_SPACING_M
    gx, gy = np.meshgrid(np.arange(n) * s, np.arange(n) * s)
    xy = np.stack([gx, gy], axis=-1) + rng.uniform(-0.25, 0.25, size=(n, n, 2)) * s
    xy = np.round(xy + np.array([500_000.0, 6_200_000.0]), 2)
    ids = np.arange(n * n).reshape(n, n)
    a = np.concatenate([ids[:, :-1].ravel(), ids[:-1, :].ravel()])
    b = np.concatenate([ids[:, 1:].ravel(), ids[1:, :].ravel()])
    flat = xy.reshape(-1, 2)
    speed = rng.choice(np.asarray(GRID_SPEEDS_KMH), size=a.size)
    srs = osr.SpatialReference()
    srs.ImportFromEPSG(EPSG)

    ds = ogr.GetDriverByName("GPKG").CreateDataSource(str(out / "roads.gpkg"))
    lyr = ds.CreateLayer("roads", srs, ogr.wkbLineString)
    lyr.CreateField(ogr.FieldDefn("speed", ogr.OFTInteger))
    defn = lyr.GetLayerDefn()
    ds.StartTransaction()
    for i in range(a.size):
        f = ogr.Feature(defn)
        f.SetField(0, int(speed[i]))
        g = ogr.Geometry(ogr.wkbLineString)
        g.AddPoint_2D(float(flat[a[i], 0]), float(flat[a[i], 1]))
        g.AddPoint_2D(float(flat[b[i], 0]), float(flat[b[i], 1]))
        f.SetGeometry(g)
        lyr.CreateFeature(f)
    ds.CommitTransaction()
    ds = None

    # 21 hospitals exactly on nodes (snap distance 0: no access leg on either side)
    inner = ids[2:-2, 2:-2].ravel()
    pick = rng.choice(inner, size=21, replace=False)
    ds = ogr.GetDriverByName("GPKG").CreateDataSource(str(out / "hospitals.gpkg"))
    lyr = ds.CreateLayer("hospitals", srs, ogr.wkbPoint)
    lyr.CreateField(ogr.FieldDefn("name", ogr.OFTString))
    defn = lyr.GetLayerDefn()
    for k, node in enumerate(pick):
        f = ogr.Feature(defn)
        f.SetField(0, f"Sygehus {k + 1}")
        g = ogr.Geometry(ogr.wkbPoint)
        g.AddPoint_2D(float(flat[node, 0]), float(flat[node, 1]))
        f.SetGeometry(g)
        lyr.CreateFeature(f)
    ds = None

    # population: 100 m cells over the grid, about half of them populated
    x0 = np.floor((flat[:, 0].min() - 500.0) / 1000.0) * 1000.0
    y1 = np.ceil((flat[:, 1].max() + 500.0) / 1000.0) * 1000.0
    x1 = np.ceil((flat[:, 0].max() + 500.0) / 1000.0) * 1000.0
    y0 = np.floor((flat[:, 1].min() - 500.0) / 1000.0) * 1000.0
    w, h = int(round((x1 - x0) / 100.0)), int(round((y1 - y0) / 100.0))
    pop = (rng.poisson(4.0, size=(h, w)) * (rng.random((h, w)) < 0.5)).astype("int32")
    with rasterio.open(
        out / "population.tif",
        "w",
        driver="GTiff",
        width=w,
        height=h,
        count=1,
        dtype="int32",
        crs=f"EPSG:{EPSG}",
        transform=from_origin(x0, y1, 100.0, 100.0),
        nodata=0,
        compress="deflate",
    ) as dst:
        dst.write(pop, 1)
    info = {
        "seed": seed,
        "n": n,
        "segments": int(a.size),
        "nodes": int(n * n),
        "spacing_m": s,
        "population_cells": int(np.count_nonzero(pop)),
        "raster_cells": int(w * h),
    }
    summary.write_text(json.dumps(info, indent=2), encoding="utf-8")
    return info


def worker_solve(args: argparse.Namespace) -> int:
    """Read + build + solve on a comparison grid; optionally save node times for agreement."""
    t_start = time.perf_counter()
    import numpy as np

    from sundplan_qgis import catchments, network

    t_import = time.perf_counter() - t_start
    data = Path(args.data)
    t0 = time.perf_counter()
    lines = network.read_lines_ogr(data / "roads.gpkg", layer="roads", speed_field="speed")
    hxy, hnames = read_hospitals(data / "hospitals.gpkg")
    t1 = time.perf_counter()
    graph = network.build_graph(lines)
    del lines
    t2 = time.perf_counter()
    sol = catchments.solve_network(graph, hospital_xy=hxy, hospital_names=hnames)
    t3 = time.perf_counter()
    if args.save:
        np.savez(
            args.save,
            node_xy=graph.node_xy,
            node_time_s=sol.node_time_s,
            hospital_snap_m=sol.hospital_snap_m,
        )
    print(
        json.dumps(
            {
                "import_s": t_import,
                "read_s": t1 - t0,
                "build_s": t2 - t1,
                "solve_s": t3 - t2,
                "read_build_solve_s": t3 - t0,
                "nodes": int(graph.node_xy.shape[0]),
                "directed_edges": int(graph.forward.nnz),
                "max_hospital_snap_m": float(sol.hospital_snap_m.max()),
                "peak_rss_mb": status_kb("VmHWM") / 1024.0,
            }
        )
    )
    return 0


def pyqgis_catchments_params(data: Path, out: Path, tag: str, **extra) -> dict:
    """``processing.run("sundplan:catchments", ...)`` parameters on a grid of ``ensure_grid``
    (its roads with their speed field), outputs named by ``tag`` in ``out``."""
    return {
        "HOSPITALS": str(data / "hospitals.gpkg"),
        "HOSPITAL_NAME_FIELD": "name",
        "NETWORK_FILE": str(data / "roads.gpkg"),
        "SPEED_FIELD": "speed",
        "POPULATION_RASTER": str(data / "population.tif"),
        **extra,
        "TRAVEL_TIME": str(out / f"tt{tag}.tif"),
        "CATCHMENTS": str(out / f"c{tag}.gpkg"),
        "BAND_POLYGONS": str(out / f"b{tag}.gpkg"),
        "REPORT": str(out / f"r{tag}.json"),
    }


def worker_pyqgis(args: argparse.Namespace) -> int:
    """Both algorithms inside one PyQGIS process (as from the toolbox): no qgis_process
    start-up on either side. Native first, then ours (its first call pays the lazy imports of
    pandas/rasterio/shapely), then ours again (warm)."""
    import gc
    import importlib

    t0 = time.perf_counter()
    # QGIS's own top-level 'processing' package must win over this repository's folder
    sys.path[:] = [p for p in sys.path if Path(p or ".").resolve() != REPO_DIR]
    from qgis.core import QgsApplication, QgsCoordinateReferenceSystem, QgsProject

    QgsApplication.setPrefixPath("/usr", True)
    app = QgsApplication([], False)
    app.initQgis()
    sys.path.append("/usr/share/qgis/python/plugins")
    from processing.core.Processing import Processing

    Processing.initialize()
    import processing

    sys.path.insert(0, args.plugins_dir)  # holds the 'sundplan' link (see ensure_profile)
    plugin = importlib.import_module("sundplan").classFactory(None)
    plugin.initProcessing()
    project = QgsProject.instance()
    project.setCrs(QgsCoordinateReferenceSystem(f"EPSG:{EPSG}"))
    project.setEllipsoid("NONE")
    t_init = time.perf_counter() - t0
    data, out = Path(args.data), Path(args.out)
    fresh(out)
    out.mkdir(parents=True)
    rec = StageRecorder()
    rec.start("native")
    processing.run(
        "native:serviceareafromlayer",
        {
            "INPUT": f"{data / 'roads.gpkg'}|layername=roads",
            "STRATEGY": 1,
            "SPEED_FIELD": "speed",
            "DEFAULT_SPEED": 50,
            "DEFAULT_DIRECTION": 2,
            "TOLERANCE": 0,
            "START_POINTS": f"{data / 'hospitals.gpkg'}|layername=hospitals",
            "TRAVEL_COST2": args.cost_h,
            "INCLUDE_BOUNDS": False,
            "OUTPUT_LINES": str(out / "native_lines.gpkg"),
        },
    )
    for k in ("ours (first call)", "ours (second call)"):
        gc.collect()
        tag = "1" if "first" in k else "2"
        rec.start(k)
        processing.run("sundplan:catchments", pyqgis_catchments_params(data, out, tag))
    rec.stop()
    print(json.dumps({"init_s": t_init, "stages": rec.stages}), flush=True)
    gc.collect()
    os._exit(0)  # skip exitQgis(): it can crash at interpreter exit (env notes)


def native_within_points(path: Path):
    """All coordinates of the 'within' MultiPoints (one per start point) of native's output."""
    import numpy as np
    from osgeo import ogr

    pt = np.dtype([("bo", "u1"), ("t", "<u4"), ("x", "<f8"), ("y", "<f8")])
    ds = ogr.Open(str(path))
    lyr = ds.GetLayer(0)
    chunks = []
    for f in lyr:
        if f.GetField("type") != "within":
            continue
        g = f.GetGeometryRef()
        if g is None or g.IsEmpty():
            continue
        wkb = bytes(g.ExportToWkb(ogr.wkbNDR))
        arr = np.frombuffer(wkb, dtype=pt, offset=9)
        chunks.append(np.column_stack([arr["x"], arr["y"]]))
    return np.vstack(chunks) if chunks else np.zeros((0, 2))


def agreement(saved: Path, native_gpkg: Path, minutes: float, cost_h: float) -> dict:
    """Nodes native reaches within T versus nodes with our time <= T."""
    import numpy as np
    from scipy.spatial import cKDTree

    z = np.load(saved)
    node_xy, t = z["node_xy"], z["node_time_s"]
    thr = cost_h * 3600.0  # exactly what native compares its costs with
    pts = native_within_points(native_gpkg)
    d, j = cKDTree(node_xy).query(pts, k=1, distance_upper_bound=1e-3)
    on_node = np.isfinite(d)
    native = np.zeros(node_xy.shape[0], dtype=bool)
    native[j[on_node]] = True
    ours = t <= thr
    only_native = np.flatnonzero(native & ~ours)
    only_ours = np.flatnonzero(ours & ~native)
    tol_s = 1e-6
    diff = np.concatenate([only_native, only_ours])
    at_boundary = int(np.count_nonzero(np.abs(t[diff] - thr) <= tol_s)) if diff.size else 0
    near = int(np.count_nonzero(np.abs(t[np.isfinite(t)] - thr) <= tol_s))
    return {
        "minutes": minutes,
        "nodes": int(node_xy.shape[0]),
        "native_within": int(native.sum()),
        "ours_within": int(ours.sum()),
        "both": int((native & ours).sum()),
        "only_native": int(only_native.size),
        "only_ours": int(only_ours.size),
        "differences_at_boundary": at_boundary,
        "differences_beyond_tolerance": int(diff.size - at_boundary),
        "nodes_within_tol_of_T": near,
        "tolerance_s": tol_s,
        "native_interpolated_points": int((~on_node).sum()),
    }


def cover_cost_h(data: Path) -> tuple[float, float]:
    """(travel cost in hours, largest hospital-to-node time in hours): a cost covering the
    whole grid from every hospital (native runs one search per hospital and outputs what each
    reaches within the cost), in quarter hours with a 10 % margin."""
    import numpy as np
    from scipy.sparse.csgraph import dijkstra
    from scipy.spatial import cKDTree

    from sundplan_qgis import network

    g = network.build_graph(
        network.read_lines_ogr(data / "roads.gpkg", layer="roads", speed_field="speed")
    )
    hxy, _ = read_hospitals(data / "hospitals.gpkg")
    _, hn = cKDTree(g.node_xy).query(hxy)
    d = dijkstra(g.forward, directed=True, indices=hn)
    ecc_h = float(np.nanmax(np.where(np.isfinite(d), d, np.nan))) / 3600.0
    return float(np.ceil(ecc_h * 1.1 * 4) / 4), ecc_h


def measure_grids(
    me: list[str],
    env: dict[str, str],
    py_env: dict[str, str],
    work: Path,
    *,
    runs: int,
    seed: int,
    loads: list[float],
) -> list[dict]:
    """``runs`` rounds on every grid (native, our solve, our whole run, both in PyQGIS), then
    the medians, ratios and the agreement runs."""
    grids = []
    for n in GRID_SIZES:
        info = ensure_grid(work, n, seed)
        data = work / f"grid{n}"
        saved = work / "out" / f"grid{n}_nodes.npz"
        r = timed(
            [*me, "--worker", "solve", "--data", str(data), "--save", str(saved)],
            py_env,
            work / "out" / "time.txt",
        )
        first = last_json(r["stdout"])
        cost_h, ecc_h = cover_cost_h(data)
        grids.append(
            {
                "info": info,
                "data": data,
                "saved": saved,
                "nodes": first["nodes"],
                "cost_h": cost_h,
                "max_eccentricity_h": ecc_h,
                "runs": {"native": [], "core": [], "ours_qgis": [], "pyqgis": []},
            }
        )
        log(f"grid {n}: {info['segments']:,} segments, cover cost {cost_h} h")
    for run in range(runs):
        for g in grids:
            tag = f"grid{g['info']['n']}"
            nat = run_native(env, work, g["data"], f"{tag}_lines", g["cost_h"], points=False)
            loads.append(nat["load1"])
            g["runs"]["native"].append(nat)
            c = timed(
                [*me, "--worker", "solve", "--data", str(g["data"])],
                py_env,
                work / "out" / "time.txt",
            )
            loads.append(c["load1"])
            cj = last_json(c.pop("stdout"))
            cj["process_wall_s"] = c["wall_s"]
            cj["process_max_rss_mb"] = c["max_rss_mb"]
            g["runs"]["core"].append(cj)
            q = run_ours_qgis(
                env, work, g["data"], g["data"] / "roads.gpkg", tag, ["SPEED_FIELD=speed"]
            )
            loads.append(q["load1"])
            g["runs"]["ours_qgis"].append(q)
            pq = timed(
                [
                    *me,
                    "--worker",
                    "pyqgis",
                    "--data",
                    str(g["data"]),
                    "--out",
                    str(work / "out" / f"pyqgis_{tag}"),
                    "--cost-h",
                    repr(g["cost_h"]),
                    "--plugins-dir",
                    str(plugins_dir(work)),
                ],
                env,
                work / "out" / "time.txt",
            )
            loads.append(pq["load1"])
            pj = last_json(pq["stdout"])
            g["runs"]["pyqgis"].append(
                {s["stage"]: s for s in pj["stages"]} | {"init_s": pj["init_s"]}
            )
            log(
                f"run {run + 1} {tag}: native {nat['wall_s']:.2f} s, ours core "
                f"{cj['read_build_solve_s']:.3f} s (subprocess {c['wall_s']:.2f} s), "
                f"ours qgis_process {q['wall_s']:.2f} s; in PyQGIS: native "
                f"{pj['stages'][0]['wall_s']:.2f} s, ours {pj['stages'][1]['wall_s']:.2f} s"
            )
    for g in grids:
        summarise_grid(g)
        # agreement: native's reachable nodes within T
        g["agreement"] = []
        for minutes in AGREEMENT_MIN:
            cost_h = minutes / 60.0
            tag = f"grid{g['info']['n']}_T{minutes:g}"
            nat = run_native(env, work, g["data"], tag, cost_h, points=True)
            a = agreement(g["saved"], Path(nat["output"]), minutes, cost_h)
            g["agreement"].append(a)
            log(f"agreement {tag}: {a}")
        g["data"] = str(g["data"])
        g["saved"] = str(g["saved"])
    return grids


def summarise_grid(g: dict) -> None:
    """Medians over the runs and the speed ratios, added to ``g`` in the JSON's key order."""
    rn, rc, rq = g["runs"]["native"], g["runs"]["core"], g["runs"]["ours_qgis"]
    g["native"] = {
        "wall_s": med([r["wall_s"] for r in rn]),
        "rss_mb": med([r["max_rss_mb"] for r in rn]),
    }
    g["core"] = {
        k: med([r[k] for r in rc])
        for k in ("read_s", "build_s", "solve_s", "read_build_solve_s", "peak_rss_mb")
    }
    g["core_subprocess"] = {
        "wall_s": med([r["process_wall_s"] for r in rc]),
        "rss_mb": med([r["process_max_rss_mb"] for r in rc]),
    }
    g["ours_qgis"] = {
        "wall_s": med([r["wall_s"] for r in rq]),
        "rss_mb": med([r["max_rss_mb"] for r in rq]),
    }
    rp = g["runs"]["pyqgis"]
    g["pyqgis"] = {
        k: {
            "wall_s": med([r[k]["wall_s"] for r in rp]),
            "peak_rss_mb": med([r[k]["peak_rss_mb"] for r in rp]),
        }
        for k in ("native", "ours (first call)", "ours (second call)")
    }
    g["ratio_pyqgis_first"] = (
        g["pyqgis"]["native"]["wall_s"] / g["pyqgis"]["ours (first call)"]["wall_s"]
    )
    g["ratio_pyqgis_second"] = (
        g["pyqgis"]["native"]["wall_s"] / g["pyqgis"]["ours (second call)"]["wall_s"]
    )
    g["ratio_core"] = g["native"]["wall_s"] / g["core"]["read_build_solve_s"]
    g["ratio_subprocess"] = g["native"]["wall_s"] / g["core_subprocess"]["wall_s"]
    g["ratio_whole"] = g["native"]["wall_s"] / g["ours_qgis"]["wall_s"]
