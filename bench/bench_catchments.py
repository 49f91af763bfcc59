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
import sys
from pathlib import Path

# bench/ is on sys.path as this script's folder: the private modules import as top level.
# _measure: timing, RSS and subprocess helpers; _qgis: profile, project and qgis_process runs;
# _chain: country stage chain; _grids: side by side and agreement; _tables: markdown report.
from _chain import measure_country, worker_chain
from _grids import measure_grids, worker_pyqgis, worker_solve
from _measure import REPO_DIR, log, machine_info, qgis_env
from _qgis import ensure_point, ensure_profile, ensure_project, measure_startup
from _tables import markdown

if str(REPO_DIR) not in sys.path:
    sys.path.insert(0, str(REPO_DIR))


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
    # workers run as fresh subprocesses of this script (hidden --worker options)
    me = [sys.executable, str(Path(__file__).resolve())]
    loads: list[float] = []

    res: dict = {"runs": args.runs, "machine": machine_info(), "command": " ".join(sys.argv)}
    log(f"machine: {res['machine']['nproc']} cores, QGIS {res['machine']['qgis']}")
    res["startup"] = measure_startup(env, work, runs=args.runs, loads=loads)
    log(
        f"qgis_process start-up {res['startup']['median_wall_s']:.2f} s, trivial run "
        f"{res['startup']['trivial_run']['median_wall_s']:.2f} s"
    )
    if not args.skip_country:
        res["country"] = measure_country(
            me, env, py_env, work, runs=args.runs, seed=args.seed, loads=loads
        )
    if not args.skip_grids:
        res["grids"] = measure_grids(
            me, env, py_env, work, runs=args.runs, seed=args.seed, loads=loads
        )

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
