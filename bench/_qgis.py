"""The ``qgis_process`` side of ``bench_catchments.py``: the isolated profile, the empty
project native needs, and timed runs of ours, native and the start-up baseline."""

from __future__ import annotations

import json
import subprocess
from pathlib import Path

from _measure import EPSG, REPO_DIR, fresh, med, qgis_env, timed


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


def run_ours_qgis(env, work: Path, data: Path, network_file: Path, tag: str, extra) -> dict:
    out = work / "out" / f"qgis_{tag}"
    fresh(out)
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


def run_native(
    env, work: Path, data: Path, tag: str, cost_h: float, *, points: bool, timeout_s=None
) -> dict:
    out = work / "out" / f"native_{tag}.gpkg"
    fresh(out)
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
    r = timed(cmd, env, work / "out" / "time.txt", timeout_s=timeout_s)
    r.pop("stdout")
    r["output"] = str(out)
    return r


def measure_startup(env: dict[str, str], work: Path, *, runs: int, loads: list[float]) -> dict:
    """qgis_process start-up alone, and a trivial run (start-up + run + exit): the fixed cost
    inside every qgis_process figure. Appends the start-up runs' load averages to ``loads``."""
    startup = []
    for _ in range(runs):
        r = timed(["qgis_process", "help", "sundplan:catchments"], env, work / "out" / "time.txt")
        startup.append({"wall_s": r["wall_s"], "max_rss_mb": r["max_rss_mb"]})
        loads.append(r["load1"])
    res = {
        "runs": startup,
        "median_wall_s": med([r["wall_s"] for r in startup]),
        "median_rss_mb": med([r["max_rss_mb"] for r in startup]),
    }
    trivial = []
    for _ in range(runs):
        tout = work / "out" / "trivial_centroids.gpkg"
        fresh(tout)
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
    res["trivial_run"] = {
        "what": "qgis_process run native:centroids on one point (start-up + run + exit)",
        "runs": trivial,
        "median_wall_s": med([r["wall_s"] for r in trivial]),
        "median_rss_mb": med([r["max_rss_mb"] for r in trivial]),
    }
    return res


def catchments_cmd(params: list[str], out: Path) -> list[str]:
    """``qgis_process run sundplan:catchments`` with ``params`` and the four outputs in ``out``
    (travel-time raster, catchments, band polygons, JSON report)."""
    return [
        "qgis_process",
        "run",
        "sundplan:catchments",
        "--json",
        "--",
        *params,
        f"TRAVEL_TIME={out / 'tt.tif'}",
        f"CATCHMENTS={out / 'c.gpkg'}",
        f"BAND_POLYGONS={out / 'b.gpkg'}",
        f"REPORT={out / 'r.json'}",
    ]
