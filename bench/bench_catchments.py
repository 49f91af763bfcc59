"""Benchmark of ``sundplan:catchments``: speed and memory at country size, and side by side
with QGIS's ``native:serviceareafromlayer`` (issue 6, "Speed and memory").

One command reproduces every figure in ``docs/benchmarks.md`` (section "Catchments"):

    export PATH=/usr/bin:$PATH QT_QPA_PLATFORM=offscreen
    python3 bench/bench_catchments.py --work-dir /tmp/sundplan-bench --runs 3

What it does (all inputs are generated, SYNTHETIC, and cached in ``--work-dir``):

1. Country size (``sundplan_qgis.sample.country.generate_country_network``, about 1.7 M directed
   edges, 21 hospitals, about 1 M populated 100 m cells): the core's stage chain (read the
   network, build the graph, read hospitals and population, solve, locate, summaries,
   polygons, write outputs) in a fresh Python subprocess per run, once from ``roads.gpkg``
   (GDAL Arrow stream) and once from ``roads.osm.pbf`` (pyosmium); and the whole
   ``qgis_process run sundplan:catchments`` end to end on both.
2. Side by side on plain grids (160 x 160 and 320 x 320 nodes: 50 880 and 204 160 two-point
   segments, every segment with an explicit speed, no one-way streets, 21 hospitals on grid
   nodes): ``native:serviceareafromlayer`` (fastest, speed field, both directions, travel cost
   covering the whole network from every hospital, lines output) against our read + build +
   solve (in-process timing and as a subprocess) and our whole ``sundplan:catchments`` run.
3. Agreement: for T = 2, 5, 10 minutes the nodes native's service area reaches within T
   (its "within" points output) against the nodes our solve gives a time <= T.

Per-stage peak memory: each stage chain runs in its own process; before every stage the
process resets its peak-RSS counter (``echo 5 > /proc/self/clear_refs``, Linux >= 4.0) and
reads ``VmHWM`` from ``/proc/self/status`` when the stage ends, so each stage's figure is the
true peak resident set size of the process *during that stage* (including what earlier stages
still hold). Whole processes (qgis_process, the solve subprocess) are measured with
``/usr/bin/time -v`` (wall clock and maximum resident set size). Every measurement is repeated
``--runs`` times, round-robin, and the tables report medians.

Output: markdown tables on stdout (also ``WORK_DIR/benchmarks_catchments.md``) and the raw
results as JSON (``WORK_DIR/bench_catchments.json``). Only the work dir is written to.
"""

from __future__ import annotations

import argparse
import json
import os
import platform
import re
import shutil
import statistics
import subprocess
import sys
import time
from pathlib import Path

REPO_DIR = Path(__file__).resolve().parents[1]
if str(REPO_DIR) not in sys.path:
    sys.path.insert(0, str(REPO_DIR))

GRID_SIZES = (160, 320)  # nodes per side: 50 880 and 204 160 segments
GRID_SPACING_M = 200.0
GRID_SPEEDS_KMH = (30, 50, 60, 80, 90, 110)
AGREEMENT_MIN = (2.0, 5.0, 10.0)  # split the nodes: 20 min reaches every node of both grids
EPSG = 25832
MB = 1024.0 * 1024.0


# =========================================================================== small helpers


def _status_kb(key: str) -> int:
    with open("/proc/self/status", encoding="ascii") as fh:
        for line in fh:
            if line.startswith(key + ":"):
                return int(line.split()[1])
    return 0


class StageRecorder:
    """Wall time and peak RSS per stage of this process (see the module docstring)."""

    def __init__(self) -> None:
        self.stages: list[dict] = []
        self._name: str | None = None
        self._t0 = 0.0
        self._rss0 = 0
        self.can_reset = self._reset()

    @staticmethod
    def _reset() -> bool:
        try:
            with open("/proc/self/clear_refs", "w", encoding="ascii") as fh:
                fh.write("5")
            return True
        except OSError:
            return False

    def start(self, name: str) -> None:
        self.stop()
        self._reset()
        self._name = name
        self._rss0 = _status_kb("VmRSS")
        self._t0 = time.perf_counter()

    def stop(self) -> None:
        if self._name is None:
            return
        wall = time.perf_counter() - self._t0
        self.stages.append(
            {
                "stage": self._name,
                "wall_s": wall,
                "peak_rss_mb": _status_kb("VmHWM") / 1024.0,
                "rss_start_mb": self._rss0 / 1024.0,
                "rss_end_mb": _status_kb("VmRSS") / 1024.0,
            }
        )
        self._name = None


def _read_hospitals(path: Path):
    """(xy, names) of the points in a GeoPackage (first layer, field 'name')."""
    import numpy as np
    from osgeo import ogr

    ds = ogr.Open(str(path))
    lyr = ds.GetLayer(0)
    xy, names = [], []
    for f in lyr:
        g = f.GetGeometryRef()
        xy.append((g.GetX(), g.GetY()))
        names.append(f.GetField("name"))
    return np.asarray(xy, dtype="float64"), names


def _write_polygons_gpkg(path: Path, polys: dict, table, key: str, label: str, crs_wkt: str):
    """Write {id: shapely MultiPolygon} with id/label/population to a new GeoPackage."""
    from osgeo import ogr, osr

    if path.exists():
        path.unlink()
    ds = ogr.GetDriverByName("GPKG").CreateDataSource(str(path))
    srs = osr.SpatialReference()
    srs.ImportFromWkt(crs_wkt)
    lyr = ds.CreateLayer(path.stem, srs, ogr.wkbMultiPolygon)
    lyr.CreateField(ogr.FieldDefn("id", ogr.OFTInteger))
    lyr.CreateField(ogr.FieldDefn("label", ogr.OFTString))
    lyr.CreateField(ogr.FieldDefn("population", ogr.OFTReal))
    defn = lyr.GetLayerDefn()
    ds.StartTransaction()
    for _, row in table.iterrows():
        f = ogr.Feature(defn)
        k = int(row[key])
        f.SetField("id", k)
        f.SetField("label", str(row[label]))
        f.SetField("population", float(row["population"]))
        if k in polys:
            f.SetGeometry(ogr.CreateGeometryFromWkb(polys[k].wkb))
        lyr.CreateFeature(f)
    ds.CommitTransaction()
    ds = None


# =========================================================================== workers
# Each worker runs in a fresh subprocess and prints one JSON line on stdout.


def worker_chain(args: argparse.Namespace) -> int:
    """Country stage chain with per-stage wall time and peak RSS."""
    rec = StageRecorder()
    rec.start("import")
    import numpy as np

    from sundplan_qgis import catchments, network, rasters

    data = Path(args.data)
    out = Path(args.out)
    out.mkdir(parents=True, exist_ok=True)

    rec.start(f"read network ({args.source})")
    if args.source == "pbf":
        lines = network.read_osm(data / "roads.osm.pbf")
    else:
        lines = network.read_lines_ogr(
            data / "roads.gpkg",
            layer="roads",
            class_field="road_class",
            speed_field="maxspeed_kmh",
            oneway_field="oneway",
            duration_field="duration_min",
        )
    n_lines = int(lines.offsets.size - 1)
    rec.start("build graph")
    graph = network.build_graph(lines)
    del lines
    rec.start("read hospitals + population")
    hxy, hnames = _read_hospitals(data / "hospitals.gpkg")
    pop = rasters.read_population_raster(data / "population.tif")

    # run_catchments' own progress fractions mark its stages (see catchments.run_catchments)
    bounds = [(0.15, "locate population"), (0.6, "summaries"), (0.7, "polygons")]
    nxt = [0]

    def progress(fraction: float, _msg: str) -> None:
        while nxt[0] < len(bounds) and fraction >= bounds[nxt[0]][0] - 1e-9:
            rec.start(bounds[nxt[0]][1])
            nxt[0] += 1

    rec.start("solve")
    res = catchments.run_catchments(
        graph, hospital_xy=hxy, hospital_names=hnames, population=pop, progress=progress
    )
    rec.start("write outputs")
    values = np.where(np.isfinite(res.surface_time_min), res.surface_time_min, -9999.0)
    rasters.write_geotiff(out / "travel_time.tif", values, res.grid, nodata=-9999.0)
    del values
    # catchment polygons are keyed by hospital position (hospital_id is the user's id, 1..H)
    _write_polygons_gpkg(
        out / "catchments.gpkg",
        res.catchment_polygons,
        res.catchments,
        "hospital_index",
        "hospital",
        graph.crs_wkt,
    )
    bands = res.bands.copy()
    bands["label"] = [str(i) for i in bands["band_id"]]
    _write_polygons_gpkg(
        out / "bands.gpkg", res.band_polygons, bands, "band_id", "label", graph.crs_wkt
    )
    (out / "report.json").write_text(json.dumps(res.report, default=str), encoding="utf-8")
    rec.stop()
    print(
        json.dumps(
            {
                "source": args.source,
                "can_reset_hwm": rec.can_reset,
                "process_peak_rss_mb": max(s["peak_rss_mb"] for s in rec.stages),
                "stages": rec.stages,
                "network": {
                    "lines": n_lines,
                    "nodes": int(graph.node_xy.shape[0]),
                    "directed_edges": int(graph.forward.nnz),
                },
                "population_cells": int(pop.population.size),
                "surface_cells": int(res.grid.width * res.grid.height),
                "report_timings_s": res.report["timings_s"],
            }
        )
    )
    return 0


def worker_solve(args: argparse.Namespace) -> int:
    """Read + build + solve on a comparison grid; optionally save node times for agreement."""
    t_start = time.perf_counter()
    import numpy as np

    from sundplan_qgis import catchments, network

    t_import = time.perf_counter() - t_start
    data = Path(args.data)
    t0 = time.perf_counter()
    lines = network.read_lines_ogr(data / "roads.gpkg", layer="roads", speed_field="speed")
    hxy, hnames = _read_hospitals(data / "hospitals.gpkg")
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
                "peak_rss_mb": _status_kb("VmHWM") / 1024.0,
            }
        )
    )
    return 0


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
    _fresh(out)
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
        processing.run(
            "sundplan:catchments",
            {
                "HOSPITALS": str(data / "hospitals.gpkg"),
                "HOSPITAL_NAME_FIELD": "name",
                "NETWORK_FILE": str(data / "roads.gpkg"),
                "SPEED_FIELD": "speed",
                "POPULATION_RASTER": str(data / "population.tif"),
                "TRAVEL_TIME": str(out / f"tt{tag}.tif"),
                "CATCHMENTS": str(out / f"c{tag}.gpkg"),
                "BAND_POLYGONS": str(out / f"b{tag}.gpkg"),
                "REPORT": str(out / f"r{tag}.json"),
            },
        )
    rec.stop()
    print(json.dumps({"init_s": t_init, "stages": rec.stages}), flush=True)
    gc.collect()
    os._exit(0)  # skip exitQgis(): it can crash at interpreter exit (env notes)


# =========================================================================== inputs


def ensure_country(work: Path, seed: int) -> dict:
    """Generate the synthetic country once (cached by its summary file)."""
    out = work / "country"
    summary = out / "bench_summary.json"
    if summary.is_file():
        cached = json.loads(summary.read_text(encoding="utf-8"))
        if cached.get("seed") == seed and all(
            (out / n).is_file()
            for n in ("roads.gpkg", "roads.osm.pbf", "hospitals.gpkg", "population.tif")
        ):
            return cached
    from sundplan_qgis.sample.country import generate_country_network

    t0 = time.perf_counter()
    res = generate_country_network(out, seed=seed)
    info = {
        "seed": seed,
        "n_road_lines": res.n_road_lines,
        "n_road_segments": res.n_road_segments,
        "n_directed_edges": res.n_directed_edges,
        "n_nodes": res.n_nodes,
        "n_hospitals": res.n_hospitals,
        "n_populated_cells": res.n_populated_cells,
        "total_population": res.total_population,
        "generate_s": round(time.perf_counter() - t0, 2),
    }
    summary.write_text(json.dumps(info, indent=2), encoding="utf-8")
    return info


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


# =========================================================================== running things


def qgis_env(work: Path) -> dict[str, str]:
    env = dict(os.environ)
    env["PATH"] = "/usr/bin:/bin:" + env.get("PATH", "")
    env["QT_QPA_PLATFORM"] = "offscreen"
    env["QGIS_CUSTOM_CONFIG_PATH"] = str(work / "qgis-profile")
    env.setdefault("PROJ_DATA", "/usr/share/proj")
    env.setdefault("LC_ALL", "C.UTF-8")
    env.pop("VIRTUAL_ENV", None)
    env.pop("PYTHONHOME", None)
    return env


def plugins_dir(work: Path) -> Path:
    return work / "qgis-profile" / "profiles" / "default" / "python" / "plugins"


def ensure_profile(work: Path) -> dict[str, str]:
    """An isolated QGIS profile in the work dir with this repository enabled as 'sundplan'."""
    plugins = plugins_dir(work)
    plugins.mkdir(parents=True, exist_ok=True)
    target = plugins / "sundplan"
    if target.is_symlink() and target.resolve() != REPO_DIR:
        target.unlink()
    if not target.exists():
        target.symlink_to(REPO_DIR, target_is_directory=True)
    env = qgis_env(work)
    proc = subprocess.run(
        ["qgis_process", "plugins", "enable", "sundplan"],
        env=env,
        capture_output=True,
        text=True,
        timeout=300,
    )
    if proc.returncode != 0 and "already enabled" not in proc.stdout + proc.stderr:
        raise RuntimeError(f"qgis_process plugins enable sundplan failed:\n{proc.stderr}")
    return env


def timed(cmd: list[str], env: dict[str, str], tfile: Path) -> dict:
    """Run ``cmd`` under /usr/bin/time -v; wall clock, max RSS, stdout."""
    load = os.getloadavg()[0]
    proc = subprocess.run(
        ["/usr/bin/time", "-v", "-o", str(tfile), *cmd],
        env=env,
        capture_output=True,
        text=True,
    )
    text = tfile.read_text(encoding="utf-8", errors="replace")
    if proc.returncode != 0:
        raise RuntimeError(
            f"failed (rc {proc.returncode}): {' '.join(cmd)}\n{proc.stdout[-3000:]}\n"
            f"{proc.stderr[-3000:]}\n{text}"
        )
    m = re.search(r"Elapsed \(wall clock\) time \(h:mm:ss or m:ss\): ([\d:.]+)", text)
    parts = [float(p) for p in m.group(1).split(":")]
    wall = 0.0
    for p in parts:
        wall = wall * 60 + p
    rss_kb = int(re.search(r"Maximum resident set size \(kbytes\): (\d+)", text).group(1))
    return {"wall_s": wall, "max_rss_mb": rss_kb / 1024.0, "load1": load, "stdout": proc.stdout}


def _last_json(stdout: str) -> dict:
    for line in reversed(stdout.strip().splitlines()):
        line = line.strip()
        if line.startswith("{"):
            return json.loads(line)
    raise ValueError(f"no JSON in output:\n{stdout[-2000:]}")


def _fresh(*paths: Path) -> None:
    for p in paths:
        if p.is_dir():
            shutil.rmtree(p)
        elif p.exists():
            p.unlink()


def run_ours_qgis(env, work: Path, data: Path, network_file: Path, tag: str, extra) -> dict:
    out = work / "out" / f"qgis_{tag}"
    _fresh(out)
    out.mkdir(parents=True)
    cmd = [
        "qgis_process",
        "run",
        "sundplan:catchments",
        "--json",
        "--",
        f"HOSPITALS={data / 'hospitals.gpkg'}",
        "HOSPITAL_NAME_FIELD=name",
        f"NETWORK_FILE={network_file}",
        *extra,
        f"POPULATION_RASTER={data / 'population.tif'}",
        f"TRAVEL_TIME={out / 'tt.tif'}",
        f"CATCHMENTS={out / 'c.gpkg'}",
        f"BAND_POLYGONS={out / 'b.gpkg'}",
        f"REPORT={out / 'r.json'}",
    ]
    r = timed(cmd, env, work / "out" / "time.txt")
    report = json.loads((out / "r.json").read_text(encoding="utf-8"))
    r.pop("stdout")
    r["report_network"] = {
        k: report["network"].get(k) for k in ("read_s", "build_s", "nodes", "directed_edges")
    }
    r["report_timings_s"] = report.get("timings_s", {})
    return r


_PROJECT_SNIPPET = """
import sys
from qgis.core import QgsApplication, QgsCoordinateReferenceSystem, QgsProject
QgsApplication.setPrefixPath("/usr", True)
app = QgsApplication([], False)
app.initQgis()
project = QgsProject.instance()
project.setCrs(QgsCoordinateReferenceSystem("EPSG:%d"))
project.setEllipsoid("NONE")
ok = project.write(sys.argv[1])
project.clear()
app.exitQgis()
sys.exit(0 if ok else 1)
"""


def ensure_project(work: Path, env: dict[str, str]) -> Path:
    """An empty QGIS project (EPSG:25832, no ellipsoid: planar distances). QGIS 3.40's
    qgis_process still refuses ``native:serviceareafromlayer`` without ``--PROJECT_PATH``."""
    path = work / "empty.qgs"
    if not path.is_file():
        subprocess.run(
            ["/usr/bin/python3", "-c", _PROJECT_SNIPPET % EPSG, str(path)],
            env=env,
            check=True,
            capture_output=True,
            timeout=300,
        )
    return path


def ensure_point(work: Path) -> Path:
    """One point in a GeoPackage: input of the trivial qgis_process run (start-up baseline)."""
    from osgeo import ogr, osr

    path = work / "empty_points.gpkg"
    if not path.is_file():
        srs = osr.SpatialReference()
        srs.ImportFromEPSG(EPSG)
        ds = ogr.GetDriverByName("GPKG").CreateDataSource(str(path))
        lyr = ds.CreateLayer("points", srs, ogr.wkbPoint)
        f = ogr.Feature(lyr.GetLayerDefn())
        f.SetGeometry(ogr.CreateGeometryFromWkt("POINT (500000 6200000)"))
        lyr.CreateFeature(f)
        ds = None
    return path


def run_native(env, work: Path, data: Path, tag: str, cost_h: float, *, points: bool) -> dict:
    out = work / "out" / f"native_{tag}.gpkg"
    _fresh(out)
    cmd = [
        "qgis_process",
        "run",
        "native:serviceareafromlayer",
        "--json",
        f"--PROJECT_PATH={work / 'empty.qgs'}",
        "--ELLIPSOID=NONE",
        "--",
        f"INPUT={data / 'roads.gpkg'}|layername=roads",
        "STRATEGY=1",
        "SPEED_FIELD=speed",
        "DEFAULT_SPEED=50",
        "DEFAULT_DIRECTION=2",
        "TOLERANCE=0",
        f"START_POINTS={data / 'hospitals.gpkg'}|layername=hospitals",
        f"TRAVEL_COST2={cost_h!r}",
        "INCLUDE_BOUNDS=0",
        (f"OUTPUT={out}" if points else f"OUTPUT_LINES={out}"),
    ]
    r = timed(cmd, env, work / "out" / "time.txt")
    r.pop("stdout")
    r["output"] = str(out)
    return r


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


# =========================================================================== report


def med(values: list[float]) -> float:
    return float(statistics.median(values)) if values else float("nan")


def machine_info() -> dict:
    from sundplan_qgis import provenance

    mem_kb = 0
    with open("/proc/meminfo", encoding="ascii") as fh:
        for line in fh:
            if line.startswith("MemTotal:"):
                mem_kb = int(line.split()[1])
    cpu = ""
    with open("/proc/cpuinfo", encoding="ascii", errors="replace") as fh:
        for line in fh:
            if line.startswith("model name"):
                cpu = line.split(":", 1)[1].strip()
                break
    qv = subprocess.run(
        ["qgis_process", "--version"], env=qgis_env(Path("/tmp")), capture_output=True, text=True
    ).stdout
    m = re.search(r"QGIS (\S+)", qv)
    os_name = ""
    if Path("/etc/os-release").is_file():
        for line in Path("/etc/os-release").read_text().splitlines():
            if line.startswith("PRETTY_NAME="):
                os_name = line.split("=", 1)[1].strip('"')
    return {
        "nproc": os.cpu_count(),
        "cpu": cpu,
        "ram_gib": round(mem_kb / MB, 1),
        "os": os_name,
        "kernel": platform.release(),
        "qgis": m.group(1) if m else qv.strip()[:40],
        "versions": provenance.software_versions(),
    }


def _f(v: float, nd: int = 2) -> str:
    return f"{v:,.{nd}f}"


def markdown(res: dict) -> str:
    mi = res["machine"]
    v = mi["versions"]
    out = []
    out.append(
        f"Machine: {mi['nproc']} cores ({mi['cpu']}), {mi['ram_gib']} GiB RAM, {mi['os']}, "
        f"kernel {mi['kernel']}; QGIS {mi['qgis']}, GDAL {v.get('gdal')}, Python "
        f"{v.get('python')}, numpy {v.get('numpy')}, scipy {v.get('scipy')}, pandas "
        f"{v.get('pandas')}, shapely {v.get('shapely')}, rasterio {v.get('rasterio')}, "
        f"pyosmium {v.get('osmium')}. Runs per figure: {res['runs']} (medians). "
        f"1-minute load average during the runs: {res['load_min']:.1f}–{res['load_max']:.1f} "
        "(other engineers' tests share the machine)."
    )
    out.append("")
    c = res["country"]["info"]
    out.append(
        f"**Country-size network** (synthetic, seed {c['seed']}): {c['n_road_lines']:,} lines, "
        f"{c['n_road_segments']:,} segments, {c['n_directed_edges']:,} directed edges, "
        f"{c['n_nodes']:,} nodes, {c['n_hospitals']} hospitals, {c['n_populated_cells']:,} "
        f"populated 100 m cells ({c['total_population']:,} residents)."
    )
    out.append("")
    out.append(
        "Core stage chain, one fresh process per run (peak RSS = the process's peak during "
        "the stage):"
    )
    out.append("")
    out.append(
        "| stage | GPKG: wall s | GPKG: peak RSS MB | OSM PBF: wall s | OSM PBF: peak RSS MB |"
    )
    out.append("|---|---:|---:|---:|---:|")
    chains = res["country"]["chains"]
    names = []
    for src in ("gpkg", "pbf"):
        for s in chains[src]["median_stages"]:
            nm = re.sub(r" \((gpkg|pbf)\)", "", s["stage"])
            if nm not in names:
                names.append(nm)
    for nm in names:
        cells = []
        for src in ("gpkg", "pbf"):
            st = {
                re.sub(r" \((gpkg|pbf)\)", "", s["stage"]): s for s in chains[src]["median_stages"]
            }.get(nm)
            cells += [_f(st["wall_s"]), _f(st["peak_rss_mb"], 0)] if st else ["–", "–"]
        out.append(f"| {nm} | " + " | ".join(cells) + " |")
    tot = [
        _f(chains["gpkg"]["median_total_s"]),
        _f(chains["gpkg"]["median_peak_rss_mb"], 0),
        _f(chains["pbf"]["median_total_s"]),
        _f(chains["pbf"]["median_peak_rss_mb"], 0),
    ]
    out.append("| **total (process peak)** | " + " | ".join(f"**{t}**" for t in tot) + " |")
    out.append("")
    e2e = res["country"]["qgis_process"]
    out.append("Whole `qgis_process run sundplan:catchments` end to end (`/usr/bin/time -v`):")
    out.append("")
    out.append(
        "| network file | wall s (median) | runs | max RSS MB (median) | read s | build s "
        "| solve s | locate s | summaries s | polygons s | rest (start-up, inputs, writing) s |"
    )
    out.append("|---|---:|---|---:|---:|---:|---:|---:|---:|---:|---:|")
    for src, label in (("gpkg", "roads.gpkg"), ("pbf", "roads.osm.pbf")):
        rr = e2e[src]
        walls = [r["wall_s"] for r in rr]
        rep = {k: med([r["report_network"][k] for r in rr]) for k in ("read_s", "build_s")} | {
            k: med([r["report_timings_s"].get(k, float("nan")) for r in rr])
            for k in ("solve_s", "locate_s", "summaries_s", "polygons_s")
        }
        rest = med(
            [
                r["wall_s"]
                - r["report_network"]["read_s"]
                - r["report_network"]["build_s"]
                - sum(r["report_timings_s"].values())
                for r in rr
            ]
        )
        out.append(
            f"| {label} | **{_f(med(walls))}** | {', '.join(_f(w, 1) for w in walls)} | "
            f"**{_f(med([r['max_rss_mb'] for r in rr]), 0)}** | {_f(rep['read_s'])} | "
            f"{_f(rep['build_s'])} | {_f(rep['solve_s'])} | {_f(rep['locate_s'])} | "
            f"{_f(rep['summaries_s'])} | {_f(rep['polygons_s'])} | {_f(rest)} |"
        )
    out.append("")
    tr = res["startup"]["trivial_run"]
    out.append(
        f"qgis_process start-up alone (`qgis_process help sundplan:catchments`): "
        f"{_f(res['startup']['median_wall_s'])} s, {_f(res['startup']['median_rss_mb'], 0)} MB; "
        f"a trivial run (`qgis_process run native:centroids` on one point: start-up, run, "
        f"exit): {_f(tr['median_wall_s'])} s, {_f(tr['median_rss_mb'], 0)} MB."
    )
    out.append("")
    out.append(
        "Targets: whole run < 60 s and < 4 GiB (4 096 MB): "
        + "; ".join(
            f"{src} {'met' if med([r['wall_s'] for r in e2e[src]]) < 60 and med([r['max_rss_mb'] for r in e2e[src]]) < 4096 else 'MISSED'}"
            for src in ("gpkg", "pbf")
        )
        + "."
    )
    out.append("")

    # side by side
    out.append(
        "**Side by side with `native:serviceareafromlayer`** (same network files; native: "
        "STRATEGY=1 fastest, SPEED_FIELD, DEFAULT_DIRECTION=2, 21 start points, TRAVEL_COST2 "
        "covering the network from every hospital, lines output to GeoPackage, "
        "`--ELLIPSOID=NONE`):"
    )
    out.append("")
    out.append(
        "| network | native wall s | native RSS MB | ours read+build+solve in-process s "
        "| ours as subprocess wall s (RSS MB) | ours `sundplan:catchments` via qgis_process "
        "wall s (RSS MB) | native / ours core in-process | native / ours subprocess "
        "| native / ours whole run |"
    )
    out.append("|---|---:|---:|---:|---:|---:|---:|---:|---:|")
    for g in res["grids"]:
        nat, core, sub, qp = g["native"], g["core"], g["core_subprocess"], g["ours_qgis"]
        out.append(
            f"| {g['info']['segments']:,} segments ({g['info']['n']}×{g['info']['n']} grid, "
            f"{g['nodes']:,} nodes, cost {g['cost_h']:.2f} h) | {_f(nat['wall_s'])} | "
            f"{_f(nat['rss_mb'], 0)} | {_f(core['read_build_solve_s'], 3)} (read "
            f"{_f(core['read_s'], 3)}, build {_f(core['build_s'], 3)}, solve "
            f"{_f(core['solve_s'], 3)}) | {_f(sub['wall_s'])} ({_f(sub['rss_mb'], 0)}) | "
            f"{_f(qp['wall_s'])} ({_f(qp['rss_mb'], 0)}) | **{g['ratio_core']:.1f}×** | "
            f"{g['ratio_subprocess']:.1f}× | **{g['ratio_whole']:.1f}×** |"
        )
    out.append("")
    su = res["startup"]["trivial_run"]["median_wall_s"]
    out.append(
        f"Fixed qgis_process cost excluded on both sides (each wall minus the {_f(su)} s of "
        "the trivial run above): "
        + "; ".join(
            f"{g['info']['segments']:,} segments: native {_f(g['native']['wall_s'] - su)} s vs "
            f"ours {_f(g['ours_qgis']['wall_s'] - su)} s = "
            f"{(g['native']['wall_s'] - su) / max(g['ours_qgis']['wall_s'] - su, 1e-9):.1f}×"
            for g in res["grids"]
        )
        + "."
    )
    out.append("")
    out.append(
        "Where our whole qgis_process run goes on the grids (medians; stage times from the "
        "run report; rest = qgis_process start-up, Python imports, reading hospitals and "
        "population, writing and styling outputs):"
    )
    out.append("")
    out.append(
        "| network | wall s | trivial qgis_process run s | read s | build s | solve s "
        "| locate s | summaries s | polygons s | rest s |"
    )
    out.append("|---|---:|---:|---:|---:|---:|---:|---:|---:|---:|")
    for g in res["grids"]:
        rq = g["runs"]["ours_qgis"]
        cells = [med([r["report_network"][k] for r in rq]) for k in ("read_s", "build_s")]
        cells += [
            med([r["report_timings_s"].get(k, float("nan")) for r in rq])
            for k in ("solve_s", "locate_s", "summaries_s", "polygons_s")
        ]
        rest = med(
            [
                r["wall_s"]
                - r["report_network"]["read_s"]
                - r["report_network"]["build_s"]
                - sum(r["report_timings_s"].values())
                for r in rq
            ]
        )
        out.append(
            f"| {g['info']['segments']:,} segments | {_f(g['ours_qgis']['wall_s'])} | "
            f"{_f(tr['median_wall_s'])} | " + " | ".join(_f(c) for c in cells) + f" | {_f(rest)} |"
        )
    out.append("")
    out.append(
        "The same two algorithms inside one PyQGIS process (`processing.run`, as from the "
        "toolbox; no qgis_process start-up on either side; ours' first call pays the lazy "
        "imports of pandas/rasterio/shapely, the second does not):"
    )
    out.append("")
    out.append(
        "| network | native s | ours first call s | ours second call s | native / ours "
        "first | native / ours second | native / ours read+build+solve |"
    )
    out.append("|---|---:|---:|---:|---:|---:|---:|")
    for g in res["grids"]:
        pq = g["pyqgis"]
        out.append(
            f"| {g['info']['segments']:,} segments | {_f(pq['native']['wall_s'])} | "
            f"{_f(pq['ours (first call)']['wall_s'])} | {_f(pq['ours (second call)']['wall_s'])}"
            f" | **{g['ratio_pyqgis_first']:.1f}×** | {g['ratio_pyqgis_second']:.1f}× | "
            f"{pq['native']['wall_s'] / g['core']['read_build_solve_s']:.1f}× |"
        )
    out.append("")
    out.append(
        "**Per-node agreement with native**: nodes native's service area reaches within T "
        "(its `within` points output, one MultiPoint per hospital, interpolated edge points "
        "ignored) against nodes with our time ≤ T (the same threshold T/60 h × 3600 s):"
    )
    out.append("")
    out.append(
        "| network | T min | nodes | native ≤ T | ours ≤ T | both | only native | only ours "
        "| differing, at T (±1 µs) | differing beyond tolerance |"
    )
    out.append("|---|---:|---:|---:|---:|---:|---:|---:|---:|---:|")
    for g in res["grids"]:
        for a in g["agreement"]:
            out.append(
                f"| {g['info']['segments']:,} segments | {a['minutes']:g} | {a['nodes']:,} | "
                f"{a['native_within']:,} | {a['ours_within']:,} | {a['both']:,} | "
                f"{a['only_native']} | {a['only_ours']} | {a['differences_at_boundary']} | "
                f"**{a['differences_beyond_tolerance']}** |"
            )
    out.append("")
    return "\n".join(out)


# =========================================================================== main


def summarise_chain(runs: list[dict]) -> dict:
    names = [s["stage"] for s in runs[0]["stages"]]
    stages = []
    for nm in names:
        rows = [next(s for s in r["stages"] if s["stage"] == nm) for r in runs]
        stages.append(
            {
                "stage": nm,
                "wall_s": med([s["wall_s"] for s in rows]),
                "peak_rss_mb": med([s["peak_rss_mb"] for s in rows]),
                "max_peak_rss_mb": max(s["peak_rss_mb"] for s in rows),
            }
        )
    return {
        "median_stages": stages,
        "median_total_s": med([sum(s["wall_s"] for s in r["stages"]) for r in runs]),
        "median_peak_rss_mb": med([r["process_peak_rss_mb"] for r in runs]),
        "runs": runs,
    }


def main(argv: list[str] | None = None) -> int:
    p = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    p.add_argument("--work-dir", type=Path, default=Path("/tmp/sundplan-bench"))
    p.add_argument("--runs", type=int, default=3)
    p.add_argument("--seed", type=int, default=2027)
    p.add_argument("--skip-country", action="store_true", help="only the side-by-side part")
    p.add_argument("--skip-grids", action="store_true", help="only the country part")
    p.add_argument(
        "--report-only",
        action="store_true",
        help="print the tables again from WORK_DIR/bench_catchments.json, measure nothing",
    )
    p.add_argument("--worker", choices=("chain", "solve", "pyqgis"), help=argparse.SUPPRESS)
    p.add_argument("--cost-h", type=float, help=argparse.SUPPRESS)
    p.add_argument("--plugins-dir", help=argparse.SUPPRESS)
    p.add_argument("--source", choices=("gpkg", "pbf"), help=argparse.SUPPRESS)
    p.add_argument("--data", help=argparse.SUPPRESS)
    p.add_argument("--out", help=argparse.SUPPRESS)
    p.add_argument("--save", help=argparse.SUPPRESS)
    args = p.parse_args(argv)
    if args.worker == "chain":
        return worker_chain(args)
    if args.worker == "solve":
        return worker_solve(args)
    if args.worker == "pyqgis":
        return worker_pyqgis(args)

    work = args.work_dir.resolve()
    if args.report_only:
        print(markdown(json.loads((work / "bench_catchments.json").read_text(encoding="utf-8"))))
        return 0
    work.mkdir(parents=True, exist_ok=True)
    (work / "out").mkdir(exist_ok=True)
    env = ensure_profile(work)
    ensure_project(work, env)
    ensure_point(work)
    py_env = qgis_env(work)
    me = [sys.executable, str(Path(__file__).resolve())]
    loads: list[float] = []

    def log(msg: str) -> None:
        print(f"[bench {time.strftime('%H:%M:%S')}] {msg}", file=sys.stderr, flush=True)

    res: dict = {"runs": args.runs, "machine": machine_info(), "command": " ".join(sys.argv)}
    log(f"machine: {res['machine']['nproc']} cores, QGIS {res['machine']['qgis']}")

    startup = []
    for _ in range(args.runs):
        r = timed(["qgis_process", "help", "sundplan:catchments"], env, work / "out" / "time.txt")
        startup.append({"wall_s": r["wall_s"], "max_rss_mb": r["max_rss_mb"]})
        loads.append(r["load1"])
    res["startup"] = {
        "runs": startup,
        "median_wall_s": med([r["wall_s"] for r in startup]),
        "median_rss_mb": med([r["max_rss_mb"] for r in startup]),
    }
    trivial = []
    for _ in range(args.runs):
        tout = work / "out" / "trivial_centroids.gpkg"
        _fresh(tout)
        r = timed(
            [
                "qgis_process",
                "run",
                "native:centroids",
                "--json",
                "--",
                f"INPUT={work / 'empty_points.gpkg'}",
                f"OUTPUT={tout}",
            ],
            env,
            work / "out" / "time.txt",
        )
        trivial.append({"wall_s": r["wall_s"], "max_rss_mb": r["max_rss_mb"]})
    res["startup"]["trivial_run"] = {
        "what": "qgis_process run native:centroids on one point (start-up + run + exit)",
        "runs": trivial,
        "median_wall_s": med([r["wall_s"] for r in trivial]),
        "median_rss_mb": med([r["max_rss_mb"] for r in trivial]),
    }
    log(
        f"qgis_process start-up {res['startup']['median_wall_s']:.2f} s, trivial run "
        f"{res['startup']['trivial_run']['median_wall_s']:.2f} s"
    )

    # ---------------------------------------------------------------- country size
    if not args.skip_country:
        info = ensure_country(work, args.seed)
        data = work / "country"
        chains: dict[str, list] = {"gpkg": [], "pbf": []}
        e2e: dict[str, list] = {"gpkg": [], "pbf": []}
        for run in range(args.runs):
            for src in ("gpkg", "pbf"):
                out = work / "out" / f"chain_{src}"
                _fresh(out)
                r = timed(
                    [
                        *me,
                        "--worker",
                        "chain",
                        "--source",
                        src,
                        "--data",
                        str(data),
                        "--out",
                        str(out),
                    ],
                    py_env,
                    work / "out" / "time.txt",
                )
                loads.append(r["load1"])
                ch = _last_json(r["stdout"])
                # not /usr/bin/time's max RSS: the per-stage resets lower it
                ch["process_wall_s"] = r["wall_s"]
                chains[src].append(ch)
                log(
                    f"run {run + 1} chain {src}: {sum(s['wall_s'] for s in ch['stages']):.2f} s"
                    f", peak {ch['process_peak_rss_mb']:.0f} MB"
                )
                extra = (
                    []
                    if src == "pbf"
                    else [
                        "CLASS_FIELD=road_class",
                        "SPEED_FIELD=maxspeed_kmh",
                        "ONEWAY_FIELD=oneway",
                        "DURATION_FIELD=duration_min",
                    ]
                )
                netf = data / ("roads.osm.pbf" if src == "pbf" else "roads.gpkg")
                q = run_ours_qgis(env, work, data, netf, f"country_{src}", extra)
                loads.append(q["load1"])
                e2e[src].append(q)
                log(
                    f"run {run + 1} qgis_process {src}: {q['wall_s']:.2f} s, {q['max_rss_mb']:.0f} MB"
                )
        res["country"] = {
            "info": info,
            "chains": {src: summarise_chain(chains[src]) for src in chains},
            "qgis_process": e2e,
        }

    # ---------------------------------------------------------------- side by side
    if not args.skip_grids:
        import numpy as np
        from scipy.sparse.csgraph import dijkstra

        grids = []
        for n in GRID_SIZES:
            info = ensure_grid(work, n, args.seed)
            data = work / f"grid{n}"
            saved = work / "out" / f"grid{n}_nodes.npz"
            r = timed(
                [*me, "--worker", "solve", "--data", str(data), "--save", str(saved)],
                py_env,
                work / "out" / "time.txt",
            )
            first = _last_json(r["stdout"])
            # travel cost covering the network from every hospital (native runs one search per
            # hospital and outputs what each reaches within the cost)
            from sundplan_qgis import network

            g = network.build_graph(
                network.read_lines_ogr(data / "roads.gpkg", layer="roads", speed_field="speed")
            )
            hxy, _ = _read_hospitals(data / "hospitals.gpkg")
            from scipy.spatial import cKDTree

            _, hn = cKDTree(g.node_xy).query(hxy)
            d = dijkstra(g.forward, directed=True, indices=hn)
            ecc_h = float(np.nanmax(np.where(np.isfinite(d), d, np.nan))) / 3600.0
            cost_h = float(np.ceil(ecc_h * 1.1 * 4) / 4)  # quarter hours, 10 % margin
            del g, d
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
        for run in range(args.runs):
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
                cj = _last_json(c.pop("stdout"))
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
                pj = _last_json(pq["stdout"])
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
        res["grids"] = grids

    res["load_min"] = min(loads) if loads else float("nan")
    res["load_max"] = max(loads) if loads else float("nan")
    (work / "bench_catchments.json").write_text(
        json.dumps(res, indent=2, default=str), encoding="utf-8"
    )
    if "country" in res and "grids" in res:
        md = markdown(res)
        (work / "benchmarks_catchments.md").write_text(md, encoding="utf-8")
        print(md)
    log(f"raw results: {work / 'bench_catchments.json'}")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
