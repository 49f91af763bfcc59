"""Country size in ``bench_catchments.py``: the core's stage chain in a fresh process per run
(worker ``chain``) and the whole ``qgis_process run sundplan:catchments`` on the same files."""

from __future__ import annotations

import argparse
import json
import time
from pathlib import Path

from _measure import StageRecorder, fresh, last_json, log, med, read_hospitals, timed
from _qgis import run_ours_qgis


def write_polygons_gpkg(path: Path, polys: dict, table, key: str, label: str, crs_wkt: str):
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
    hxy, hnames = read_hospitals(data / "hospitals.gpkg")
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
    write_polygons_gpkg(
        out / "catchments.gpkg",
        res.catchment_polygons,
        res.catchments,
        "hospital_index",
        "hospital",
        graph.crs_wkt,
    )
    bands = res.bands.copy()
    bands["label"] = [str(i) for i in bands["band_id"]]
    write_polygons_gpkg(
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


def measure_country(
    me: list[str],
    env: dict[str, str],
    py_env: dict[str, str],
    work: Path,
    *,
    runs: int,
    seed: int,
    loads: list[float],
) -> dict:
    """``runs`` rounds of the stage chain and the whole qgis_process run, GPKG then PBF."""
    info = ensure_country(work, seed)
    data = work / "country"
    chains: dict[str, list] = {"gpkg": [], "pbf": []}
    e2e: dict[str, list] = {"gpkg": [], "pbf": []}
    for run in range(runs):
        for src in ("gpkg", "pbf"):
            out = work / "out" / f"chain_{src}"
            fresh(out)
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
            ch = last_json(r["stdout"])
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
            log(f"run {run + 1} qgis_process {src}: {q['wall_s']:.2f} s, {q['max_rss_mb']:.0f} MB")
    return {
        "info": info,
        "chains": {src: summarise_chain(chains[src]) for src in chains},
        "qgis_process": e2e,
    }
