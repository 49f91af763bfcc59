"""The compiled-graph cache (issue 11, item 3): ``sundplan:catchments`` through
``qgis_process`` with the cache off, missing (an empty cache folder) and hitting (a folder
filled by a warm-up run), on the 2021 national main-road file and on the synthetic country.

Usage (from the repository root, Debian's python):

    export PATH=/usr/bin:$PATH QT_QPA_PLATFORM=offscreen
    python3 bench/bench_graph_cache.py --work-dir /tmp/sundplan-cache-bench --runs 3

Cases (skipped with a note when their input is missing):

* ``national``: ``../shared/data/osm-roads-dk-2021/dk_roads_osm2021_z13.gpkg``
  (``CLASS_FIELD=class``), the embedded akutsygehuse and the embedded kommuner as residents
  (placed along the roads), as README "Hele Danmark" with no population given;
* ``country_gpkg`` / ``country_pbf``: ``bench/make_country.py`` in ``WORK_DIR/country``
  (generated when missing), its hospitals and 100 m population raster.

Each case × mode runs ``--runs`` times, round-robin, in a fresh ``qgis_process`` under
``/usr/bin/time -v`` (wall clock, max RSS) with an isolated QGIS profile; medians are
reported with the 1-minute load average seen at each start (the machine is shared). Every
run checks the report's ``network.cache`` and that the travel-time raster equals the
uncached run's. Prints a markdown table (also ``WORK_DIR/bench_graph_cache.md``) and writes
the raw runs to ``WORK_DIR/bench_graph_cache.json``.
"""

from __future__ import annotations

import argparse
import hashlib
import json
import subprocess
import sys
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))
sys.path.append(str(Path(__file__).resolve().parents[1]))

from _measure import REPO_DIR, fresh, log, med, timed  # noqa: E402
from _qgis import catchments_cmd, ensure_profile  # noqa: E402

NATIONAL = REPO_DIR.parent / "shared" / "data" / "osm-roads-dk-2021" / "dk_roads_osm2021_z13.gpkg"
MODES = ("off", "miss", "hit")
COUNTRY_FIELDS = [
    "CLASS_FIELD=road_class",
    "SPEED_FIELD=maxspeed_kmh",
    "ONEWAY_FIELD=oneway",
    "DURATION_FIELD=duration_min",
]


def cases(work: Path, national: Path) -> dict[str, list[str]]:
    """Case name -> the catchments parameters besides the outputs and the cache."""
    out: dict[str, list[str]] = {}
    if national.is_file():
        out["national"] = [f"NETWORK_FILE={national}", "CLASS_FIELD=class", "CELL_SIZE_M=500"]
    else:
        log(f"national case skipped: {national} not found")
    country = work / "country"
    if not (country / "roads.osm.pbf").is_file():
        log("generating the synthetic country (bench/make_country.py)")
        subprocess.run(
            [sys.executable, str(REPO_DIR / "bench" / "make_country.py"), str(country)],
            check=True,
            capture_output=True,
        )
    common = [f"HOSPITALS={country / 'hospitals.gpkg'}", "HOSPITAL_NAME_FIELD=name"]
    common.append(f"POPULATION_RASTER={country / 'population.tif'}")
    out["country_gpkg"] = [f"NETWORK_FILE={country / 'roads.gpkg'}", *COUNTRY_FIELDS, *common]
    out["country_pbf"] = [f"NETWORK_FILE={country / 'roads.osm.pbf'}", *common]
    return out


def run_once(env, work: Path, case: str, params: list[str], mode: str) -> dict:
    out = work / "out" / f"{case}_{mode}"
    fresh(out)
    out.mkdir(parents=True)
    folder = work / "graphs" / case
    if mode == "miss":
        fresh(folder)
    cache = ["NETWORK_CACHE=false"] if mode == "off" else [f"NETWORK_CACHE_FOLDER={folder}"]
    cmd = catchments_cmd([*params, *cache], out)
    r = timed(cmd, env, work / "out" / "time.txt")
    r.pop("stdout")
    net = json.loads((out / "r.json").read_text(encoding="utf-8"))["network"]
    if net.get("cache") != mode:
        raise RuntimeError(f"{case} {mode}: the report says cache {net.get('cache')!r}")
    r.update(
        cache=net["cache"],
        cache_key=net.get("cache_key"),
        read_s=net.get("read_s"),
        build_s=net.get("build_s"),
        nodes=net.get("nodes"),
        tt_sha256=_raster_digest(out / "tt.tif"),
        cache_mb=sum(p.stat().st_size for p in folder.glob("*.npz")) / 2**20
        if mode != "off"
        else 0.0,
    )
    return r


def _raster_digest(path: Path) -> str:
    """The travel-time values (not the file: its provenance tag lists the parameters)."""
    import rasterio

    with rasterio.open(path) as src:
        return hashlib.sha256(src.read().tobytes()).hexdigest()


def core_timings(todo: dict[str, list[str]], work: Path, runs: int) -> dict:
    """In-process (Debian's python, no QGIS): read + build vs the cache's store and load, the
    entry's size, ``np.savez`` vs ``np.savez_compressed`` and the snapping k-d tree (built
    from ``node_xy`` on every run, not cached), medians of ``runs``."""
    import time

    import numpy as np
    from scipy.spatial import cKDTree

    from sundplan_qgis import network
    from sundplan_qgis.network import cache as gc

    out = {}
    for case, params in todo.items():
        args = dict(p.split("=", 1) for p in params)
        path = args["NETWORK_FILE"]
        fields = {
            "class_field": args.get("CLASS_FIELD"),
            "speed_field": args.get("SPEED_FIELD"),
            "oneway_field": args.get("ONEWAY_FIELD"),
            "duration_field": args.get("DURATION_FIELD"),
        }

        def read(path=path, fields=fields):
            if path.endswith(".pbf"):
                return network.read_osm(path)
            return network.read_lines_ogr(path, **fields)

        record, key = gc.network_key(
            source=gc.file_source(path),
            reader="bench",
            read_options=fields,
            build_options={},
            sundplan_version="bench",
        )
        t: dict[str, list[float]] = {}
        for _ in range(runs):
            folder = work / "core" / case
            fresh(folder)
            kw = dict(folder=folder, record=record, key=key, read=read, build=network.build_graph)
            miss = network.cached_network(**kw)
            hit = network.cached_network(**kw)
            assert (miss.status, hit.status) == ("miss", "hit")
            arrays: dict = {}
            gc._pack(miss.lines, "lines", arrays)
            gc._pack(miss.graph, "graph", arrays)
            z = folder / "compressed.npz"
            t0 = time.perf_counter()
            np.savez_compressed(z, **arrays)
            t1 = time.perf_counter()
            with np.load(z) as f:
                _ = {k: f[k] for k in f.files}
            t2 = time.perf_counter()
            tree_nodes = miss.graph.node_xy[np.flatnonzero(miss.graph.node_is_road)]
            t3 = time.perf_counter()
            cKDTree(tree_nodes)
            t4 = time.perf_counter()
            for name, value in (
                ("read_s", miss.read_s),
                ("build_s", miss.build_s),
                ("store_s", miss.store_s),
                ("load_s", hit.load_s),
                ("compressed_save_s", t1 - t0),
                ("compressed_load_s", t2 - t1),
                ("kdtree_s", t4 - t3),
            ):
                t.setdefault(name, []).append(value)
            sizes = (miss.size_bytes / 2**20, z.stat().st_size / 2**20)
        out[case] = {k: med(v) for k, v in t.items()}
        out[case].update(entry_mb=sizes[0], compressed_mb=sizes[1], nodes=miss.graph.n_nodes)
        log(f"core {case}: {out[case]}")
    return out


def core_markdown(core: dict) -> str:
    rows = [
        "| network | nodes | read s | build s | store s | entry MB | load s (hit) | "
        "compressed: MB, save s, load s | k-d tree s |",
        "|---|---|---|---|---|---|---|---|---|",
    ]
    for case, c in core.items():
        rows.append(
            f"| {case} | {c['nodes']:,} | {c['read_s']:.2f} | {c['build_s']:.2f} | "
            f"{c['store_s']:.2f} | {c['entry_mb']:.1f} | **{c['load_s']:.2f}** | "
            f"{c['compressed_mb']:.1f}, {c['compressed_save_s']:.2f}, "
            f"{c['compressed_load_s']:.2f} | {c['kdtree_s']:.2f} |"
        )
    return "\n".join(rows) + "\n"


def markdown(results: dict) -> str:
    rows = [
        "| network | cache | wall s (median) | runs | max RSS MB | read + build s (report; "
        "hit: cache load) | cache entry MB | load avg |",
        "|---|---|---|---|---|---|---|---|",
    ]
    for case, by_mode in results["runs"].items():
        for mode in MODES:
            rs = by_mode.get(mode) or []
            if not rs:
                continue
            walls = ", ".join(f"{r['wall_s']:.2f}" for r in rs)
            rb = med([(r["read_s"] or 0) + (r["build_s"] or 0) for r in rs])
            rows.append(
                f"| {case} | {mode} | **{med([r['wall_s'] for r in rs]):.2f}** | {walls} | "
                f"{max(r['max_rss_mb'] for r in rs):.0f} | {rb:.2f} | "
                f"{max(r['cache_mb'] for r in rs):.1f} | "
                f"{min(r['load1'] for r in rs):.1f}–{max(r['load1'] for r in rs):.1f} |"
            )
    return "\n".join(rows) + "\n"


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--work-dir", type=Path, default=Path("/tmp/sundplan-cache-bench"))
    parser.add_argument("--runs", type=int, default=3)
    parser.add_argument("--national", type=Path, default=NATIONAL)
    parser.add_argument("--only", nargs="*", help="case names to run (default: all)")
    parser.add_argument("--core-only", action="store_true", help="only the in-process table")
    args = parser.parse_args(argv)
    work = args.work_dir.resolve()
    work.mkdir(parents=True, exist_ok=True)
    todo = cases(work, args.national)
    if args.only:
        todo = {k: v for k, v in todo.items() if k in args.only}
    core = core_markdown(core_timings(todo, work, args.runs))
    (work / "bench_graph_cache_core.md").write_text(core)
    print(core)
    if args.core_only:
        return 0
    env = ensure_profile(work)
    results: dict = {"runs": {case: {m: [] for m in MODES} for case in todo}}
    for case, params in todo.items():  # warm-up: the OS file cache, and the hit's entry
        log(f"{case}: warm-up")
        run_once(env, work, case, params, "miss")
    for i in range(args.runs):
        for case, params in todo.items():
            for mode in ("off", "hit", "miss"):  # miss last: it leaves the entry for the hit
                r = run_once(env, work, case, params, mode)
                results["runs"][case][mode].append(r)
                log(f"run {i + 1} {case} {mode}: {r['wall_s']:.2f} s, {r['max_rss_mb']:.0f} MB")
    for case, by_mode in results["runs"].items():
        digests = {r["tt_sha256"] for rs in by_mode.values() for r in rs}
        results.setdefault("same_travel_times", {})[case] = len(digests) == 1
        if len(digests) != 1:
            log(f"WARNING {case}: travel-time rasters differ between modes")
    (work / "bench_graph_cache.json").write_text(json.dumps(results, indent=1))
    table = markdown(results)
    (work / "bench_graph_cache.md").write_text(table)
    print(table)
    print("same travel times in every mode:", results["same_travel_times"])
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
