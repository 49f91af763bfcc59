"""``sundplan:catchments`` end to end on the Denmark-size PBF (issue 11, items 2-3 and 6).

Usage (from the repository root, Debian's python; the inputs are SYNTHETIC, not committed):

    export PATH=/usr/bin:$PATH QT_QPA_PLATFORM=offscreen PROJ_DATA=/usr/share/proj
    python3 bench/make_dk_pbf.py /tmp/dk_synth.osm.pbf                  # 7.5 min, once
    python3 bench/bench_dk_catchments.py /tmp/dk_synth.osm.pbf --work-dir /tmp/dk-bench --runs 3

Writes into WORK_DIR (when missing) 21 hospitals (``hospitals.gpkg``, seeded, in the file's
300 km x 143 km road grid) and a 100 m population raster (``population.tif``: 1 M populated
cells, 5.9 M residents - Denmark's order - in towns over a smooth rural density). Then runs
``qgis_process run sundplan:catchments`` ``--runs`` times per mode, round-robin, each in a
fresh process under ``/usr/bin/time -v`` with an isolated QGIS profile:

* ``first``: an empty graph cache folder (the first run a planner makes: read the PBF, build
  and store the graph);
* ``repeat``: the same folder, filled by the previous run (``network.cache: hit``);
* ``off``: ``NETWORK_CACHE=false``.

Prints a markdown table (wall clock, max RSS, the report's read/build/solve times, cache) and
checks that every run's travel-time raster equals the first mode's.
"""

from __future__ import annotations

import argparse
import hashlib
import json
import math
import sys
from pathlib import Path

import numpy as np

sys.path.insert(0, str(Path(__file__).resolve().parent))
sys.path.append(str(Path(__file__).resolve().parents[1]))

from _measure import fresh, log, med, timed  # noqa: E402
from _qgis import ensure_profile  # noqa: E402

# The road grid of make_dk_pbf.py (EPSG:25832)
X0_M, Y0_M, WIDTH_M, HEIGHT_M = 440_000.0, 6_080_000.0, 300_000.0, 143_000.0
CELL_M = 100.0
MODES = ("first", "repeat", "off")


def make_inputs(work: Path, *, seed: int = 2027) -> tuple[Path, Path]:
    """21 hospitals and a population raster over the PBF's extent (deterministic)."""
    from osgeo import ogr

    from sundplan_qgis.sample.population import smooth_field
    from sundplan_qgis.sample.schema import HOSPITAL_FIELDS, HOSPITALS_LAYER
    from sundplan_qgis.sample.writers import (
        open_gpkg,
        pinned_gdal_date,
        point_wkb,
        write_layer,
        write_population_tif,
    )

    hospitals, raster = work / "hospitals.gpkg", work / "population.tif"
    if hospitals.is_file() and raster.is_file():
        return hospitals, raster
    work.mkdir(parents=True, exist_ok=True)
    rng = np.random.default_rng(seed)
    ncols, nrows = int(WIDTH_M / CELL_M), int(HEIGHT_M / CELL_M)
    # 120 towns, sizes Zipf-like, the largest 21 get the hospitals
    n_towns = 120
    towns = np.column_stack(
        [
            rng.uniform(X0_M + 5_000, X0_M + WIDTH_M - 5_000, n_towns),
            rng.uniform(Y0_M + 5_000, Y0_M + HEIGHT_M - 5_000, n_towns),
        ]
    )
    size = 600_000.0 / (1 + np.arange(n_towns)) ** 0.9
    lam = 0.7 * smooth_field(rng, nrows=nrows, ncols=ncols, block=60, sigma=0.6)
    xc = X0_M + (np.arange(ncols) + 0.5) * CELL_M
    yc = Y0_M + HEIGHT_M - (np.arange(nrows) + 0.5) * CELL_M
    for (tx, ty), residents in zip(towns, size, strict=True):
        sigma = 400.0 + 6.0 * math.sqrt(residents)
        c0, c1 = np.searchsorted(xc, [tx - 4 * sigma, tx + 4 * sigma])
        r0, r1 = np.searchsorted(-yc, [-(ty + 4 * sigma), -(ty - 4 * sigma)])
        d2 = (xc[c0:c1][None, :] - tx) ** 2 + (yc[r0:r1][:, None] - ty) ** 2
        lam[r0:r1, c0:c1] += (
            residents * CELL_M**2 / (2 * math.pi * sigma**2) * np.exp(-d2 / (2 * sigma**2))
        )
    pop = rng.poisson(lam).astype(np.int32)
    write_population_tif(raster, pop, x0=X0_M, y_top=Y0_M + HEIGHT_M, seed=seed)
    rows = [[f"Sygehus {k + 1}", 1, 1] for k in range(21)]
    wkbs = [point_wkb(round(x, 2), round(y, 2)) for x, y in towns[:21]]
    with pinned_gdal_date():
        ds = open_gpkg(hospitals)
        write_layer(
            ds,
            name=HOSPITALS_LAYER,
            geom_type=ogr.wkbPoint,
            fields=HOSPITAL_FIELDS,
            rows=rows,
            wkbs=wkbs,
            description="SYNTHETIC hospitals for bench/bench_dk_catchments.py",
        )
        ds = None
    log(f"inputs: {int((pop > 0).sum()):,} populated cells, {int(pop.sum()):,} residents")
    return hospitals, raster


def run_once(env, work: Path, pbf: Path, inputs: tuple[Path, Path], mode: str) -> dict:
    out = work / "out" / mode
    fresh(out)
    out.mkdir(parents=True)
    folder = work / "graphs"
    if mode == "first":
        fresh(folder)
    cache = ["NETWORK_CACHE=false"] if mode == "off" else [f"NETWORK_CACHE_FOLDER={folder}"]
    cmd = [
        "qgis_process",
        "run",
        "sundplan:catchments",
        "--json",
        "--",
        f"NETWORK_FILE={pbf}",
        f"HOSPITALS={inputs[0]}",
        "HOSPITAL_NAME_FIELD=name",
        f"POPULATION_RASTER={inputs[1]}",
        *cache,
        f"TRAVEL_TIME={out / 'tt.tif'}",
        f"CATCHMENTS={out / 'c.gpkg'}",
        f"BAND_POLYGONS={out / 'b.gpkg'}",
        f"REPORT={out / 'r.json'}",
    ]
    r = timed(cmd, env, work / "out" / "time.txt")
    r.pop("stdout")
    report = json.loads((out / "r.json").read_text(encoding="utf-8"))
    net = report["network"]
    expected = {"first": "miss", "repeat": "hit", "off": "off"}[mode]
    if net.get("cache") != expected:
        raise RuntimeError(f"{mode}: the report says cache {net.get('cache')!r}")
    import rasterio

    with rasterio.open(out / "tt.tif") as src:
        digest = hashlib.sha256(src.read().tobytes()).hexdigest()
    r.update(
        cache=net["cache"],
        read_s=net.get("read_s"),
        build_s=net.get("build_s"),
        nodes=net.get("nodes"),
        timings=report.get("timings_s") or report.get("timings"),
        tt_sha256=digest,
    )
    return r


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("pbf", type=Path, help="the Denmark-size PBF (bench/make_dk_pbf.py)")
    parser.add_argument("--work-dir", type=Path, default=Path("/tmp/sundplan-dk-bench"))
    parser.add_argument("--runs", type=int, default=3)
    parser.add_argument("--modes", nargs="+", default=list(MODES), choices=MODES)
    args = parser.parse_args(argv)
    work = args.work_dir.resolve()
    inputs = make_inputs(work)
    env = ensure_profile(work / "profile")
    runs: dict[str, list[dict]] = {m: [] for m in args.modes}
    for i in range(args.runs):
        for mode in args.modes:
            filled = any((work / "graphs").glob("*.json"))
            if mode == "repeat" and i == 0 and "first" not in args.modes and not filled:
                run_once(env, work, args.pbf, inputs, "first")  # fill the cache
            r = run_once(env, work, args.pbf, inputs, mode)
            log(f"run {i + 1} {mode}: {r['wall_s']:.1f} s, {r['max_rss_mb']:.0f} MB, {r['cache']}")
            runs[mode].append(r)
    digests = {r["tt_sha256"] for rs in runs.values() for r in rs}
    rows = [
        "| mode | runs: wall s | median wall s | max RSS MB (median) | read s | build s | "
        "cache | load avg |",
        "|---|---|---:|---:|---:|---:|---|---|",
    ]
    for mode, rs in runs.items():
        walls = ", ".join(f"{r['wall_s']:.1f}" for r in rs)
        loads = ", ".join(f"{r.get('load1', 0):.1f}" for r in rs)
        rows.append(
            f"| {mode} | {walls} | {med([r['wall_s'] for r in rs]):.1f} | "
            f"{med([r['max_rss_mb'] for r in rs]):.0f} | "
            f"{med([r['read_s'] or 0 for r in rs]):.1f} | "
            f"{med([r['build_s'] or 0 for r in rs]):.1f} | {rs[0]['cache']} | {loads} |"
        )
    table = "\n".join(rows)
    print(table)
    print(f"travel-time rasters identical across all runs: {len(digests) == 1}")
    (work / "bench_dk_catchments.json").write_text(json.dumps(runs, indent=1, default=str))
    return 0 if len(digests) == 1 else 1


if __name__ == "__main__":
    raise SystemExit(main())
