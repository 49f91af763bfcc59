"""Per-run fixed costs of ``sundplan:catchments`` inside PyQGIS, side by side with
``native:serviceareafromlayer`` (issue 11, item 5), before and after, in one command:

    export PATH=/usr/bin:$PATH QT_QPA_PLATFORM=offscreen
    mkdir -p /tmp/base-tree/sundplan && git archive 0b60a67 | tar -x -C /tmp/base-tree/sundplan
    python3 bench/bench_fixed_costs.py --work-dir /tmp/sundplan-fixed --runs 5 \\
        --baseline-tree /tmp/base-tree/sundplan

Every process is a fresh PyQGIS session (as the toolbox): QGIS and Processing initialised,
the plugin tree loaded, then ``processing.run`` of native's service area (covering the grid
from every hospital, as in ``bench_catchments.py``), then ours twice; the first call is what a
planner waits for after opening QGIS. Per call: wall time and the process's peak RSS during
it (``/proc/self/clear_refs`` + ``VmHWM``, see ``_measure.StageRecorder``). Graph cache modes
(NETWORK_CACHE): ``hit`` (a cache folder warmed once by an untimed process: the usual case
after the first run on a network file), ``miss`` (an empty cache folder per process: the
graph is read, built and stored) and ``off``. Trees, modes and grids alternate within each
run, so load on the shared machine touches all alike; the tables are medians over ``--runs``.

Inputs are the synthetic grids of ``bench_catchments.py`` (cached in the work dir).
``--profile`` adds one run per tree (smallest grid, first mode, not in the tables) with a
cProfile of the first call, written to ``WORK_DIR/profile-<tree>.pstats``. Results: markdown
on stdout, raw JSON in ``WORK_DIR/bench_fixed_costs.json``.
"""

from __future__ import annotations

import argparse
import json
import os
import sys
import time
from pathlib import Path

from _grids import GRID_SIZES, cover_cost_h, ensure_grid, pyqgis_catchments_params
from _measure import EPSG, REPO_DIR, StageRecorder, fresh, last_json, log, med, qgis_env, timed

MODES = ("hit", "miss", "off")
CALLS = ("native", "ours (first call)", "ours (second call)")


def worker(args: argparse.Namespace) -> int:
    """One PyQGIS session: native, then ours twice (see the module docstring)."""
    import gc
    import importlib

    tree = Path(args.tree).resolve()
    # QGIS's own top-level 'processing' package must win over a plugin tree's folder
    sys.path[:] = [p for p in sys.path if Path(p or ".").resolve() not in (REPO_DIR, tree)]
    from qgis.core import QgsApplication, QgsCoordinateReferenceSystem, QgsProject

    QgsApplication.setPrefixPath("/usr", True)
    app = QgsApplication([], False)
    app.initQgis()
    sys.path.append("/usr/share/qgis/python/plugins")
    from processing.core.Processing import Processing

    Processing.initialize()
    import processing

    sys.path.insert(0, args.plugins_dir)  # holds the 'sundplan' link to the tree
    plugin = importlib.import_module("sundplan").classFactory(None)
    plugin.initProcessing()
    project = QgsProject.instance()
    project.setCrs(QgsCoordinateReferenceSystem(f"EPSG:{EPSG}"))
    project.setEllipsoid("NONE")
    data, out = Path(args.data), Path(args.out)
    fresh(out)
    out.mkdir(parents=True)
    rec = StageRecorder()
    cpu: dict[str, float] = {}  # CPU seconds of the process (all threads) per call
    if not args.warm_only:
        rec.start(CALLS[0])
        cpu[CALLS[0]] = -time.process_time()
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
        cpu[CALLS[0]] += time.process_time()
    cache = {"NETWORK_CACHE": args.mode != "off", "NETWORK_CACHE_FOLDER": args.cache_folder}
    reports = []
    for tag, name in (("1", CALLS[1]), ("2", CALLS[2]))[: 1 if args.warm_only else 2]:
        gc.collect()
        prof = None
        if args.profile_to and tag == "1":
            import cProfile

            prof = cProfile.Profile()
            prof.enable()
        rec.start(name)
        cpu[name] = -time.process_time()
        processing.run("sundplan:catchments", pyqgis_catchments_params(data, out, tag, **cache))
        rec.stop()
        cpu[name] += time.process_time()
        if prof is not None:
            prof.disable()
            prof.dump_stats(args.profile_to)
        report = json.loads((out / f"r{tag}.json").read_text(encoding="utf-8"))
        reports.append(report.get("network", {}).get("cache"))
    for stage in rec.stages:
        stage["cpu_s"] = cpu[stage["stage"]]
    print(json.dumps({"stages": rec.stages, "cache": reports}), flush=True)
    os._exit(0)  # skip exitQgis(): it can crash at interpreter exit (env notes)


def _plugins_dir(work: Path, label: str, tree: Path) -> Path:
    """A plugins folder whose 'sundplan' links to ``tree``."""
    plugins = work / f"plugins-{label}"
    plugins.mkdir(parents=True, exist_ok=True)
    link = plugins / "sundplan"
    if link.is_symlink() and link.resolve() != tree:
        link.unlink()
    if not link.exists():
        link.symlink_to(tree, target_is_directory=True)
    return plugins


def main(argv: list[str] | None = None) -> int:
    p = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    p.add_argument("--work-dir", type=Path, default=Path("/tmp/sundplan-fixed"))
    p.add_argument("--runs", type=int, default=5)
    p.add_argument("--seed", type=int, default=2027)
    p.add_argument("--baseline-tree", type=Path, help="plugin tree to compare ('before')")
    p.add_argument("--modes", default="hit,miss", help=f"graph cache modes, of {MODES}")
    p.add_argument("--grids", default=",".join(str(n) for n in GRID_SIZES))
    p.add_argument("--profile", action="store_true")
    p.add_argument("--worker", action="store_true", help=argparse.SUPPRESS)
    p.add_argument("--warm-only", action="store_true", help=argparse.SUPPRESS)
    for hidden in (
        "--tree",
        "--plugins-dir",
        "--data",
        "--out",
        "--cost-h",
        "--mode",
        "--profile-to",
    ):
        p.add_argument(hidden, help=argparse.SUPPRESS)
    p.add_argument("--cache-folder", help=argparse.SUPPRESS)
    args = p.parse_args(argv)
    if args.worker:
        args.cost_h = float(args.cost_h or 0.0)
        return worker(args)

    if str(REPO_DIR) not in sys.path:  # the grids are built with this tree's core
        sys.path.insert(0, str(REPO_DIR))
    work = args.work_dir.resolve()
    work.mkdir(parents=True, exist_ok=True)
    env = qgis_env(work)
    me = [sys.executable, str(Path(__file__).resolve()), "--worker"]
    trees = {"after": REPO_DIR}
    if args.baseline_tree:
        trees = {"before": args.baseline_tree.resolve(), **trees}
    modes = [m for m in args.modes.split(",") if m]
    grids = {}
    for n in (int(x) for x in args.grids.split(",")):
        ensure_grid(work, n, args.seed)
        data = work / f"grid{n}"
        cost_h, _ = cover_cost_h(data)
        grids[n] = {"data": data, "cost_h": cost_h}
    plugins = {label: _plugins_dir(work, label, tree) for label, tree in trees.items()}

    def run(label: str, n: int, mode: str, *, warm: bool = False, profile: str = "") -> dict:
        folder = work / f"cache-{label}-{mode}-{n}"
        if mode == "miss":
            fresh(folder)
        cmd = [
            *me,
            f"--tree={trees[label]}",
            f"--plugins-dir={plugins[label]}",
            f"--data={grids[n]['data']}",
            f"--out={work / 'out' / f'{label}-{n}'}",
            f"--cost-h={grids[n]['cost_h']!r}",
            f"--mode={mode}",
            f"--cache-folder={folder}",
            *(["--warm-only"] if warm else []),
            *([f"--profile-to={profile}"] if profile else []),
        ]
        r = timed(cmd, env, work / "time.txt")
        return last_json(r["stdout"]) | {"load1": r["load1"], "process_wall_s": r["wall_s"]}

    if "hit" in modes:  # one untimed run per tree and grid fills the cache folder
        for label in trees:
            for n in grids:
                fresh(work / f"cache-{label}-hit-{n}")
                run(label, n, "hit", warm=True)
    rows: dict = {}
    for i in range(args.runs):
        for n in grids:
            for mode in modes:
                for label in trees:
                    r = run(label, n, mode)
                    rows.setdefault((n, mode, label), []).append(r)
                    st = {s["stage"]: s for s in r["stages"]}
                    log(
                        f"run {i + 1} grid {n} {mode} {label}: native "
                        f"{st[CALLS[0]]['wall_s']:.2f} s, ours {st[CALLS[1]]['wall_s']:.3f} / "
                        f"{st[CALLS[2]]['wall_s']:.3f} s, cache {r['cache']}, "
                        f"load {r['load1']:.1f}"
                    )
    if args.profile:  # extra runs, not in the tables: the profiler slows the call down
        for label in trees:
            run(label, min(grids), modes[0], profile=str(work / f"profile-{label}.pstats"))
    res = summarise(rows)
    res["command"] = " ".join(sys.argv)
    res["finished"] = time.strftime("%Y-%m-%d %H:%M:%S UTC", time.gmtime())
    (work / "bench_fixed_costs.json").write_text(json.dumps(res, indent=2), encoding="utf-8")
    print(markdown(res))
    return 0


def summarise(rows: dict) -> dict:
    out = []
    for (n, mode, label), runs in rows.items():
        entry = {"grid": n, "mode": mode, "tree": label, "runs": runs}
        for call in CALLS:
            stages = [next(s for s in r["stages"] if s["stage"] == call) for r in runs]
            entry[call] = {
                "wall_s": med([s["wall_s"] for s in stages]),
                "cpu_s": med([s["cpu_s"] for s in stages]),
                "walls_s": [round(s["wall_s"], 3) for s in stages],
                "peak_rss_mb": med([s["peak_rss_mb"] for s in stages]),
            }
        entry["ratio_first"] = med(
            [
                next(s for s in r["stages"] if s["stage"] == CALLS[0])["wall_s"]
                / next(s for s in r["stages"] if s["stage"] == CALLS[1])["wall_s"]
                for r in runs
            ]
        )
        entry["ratio_first_of_medians"] = entry[CALLS[0]]["wall_s"] / entry[CALLS[1]]["wall_s"]
        entry["cache"] = sorted({str(c) for r in runs for c in r["cache"]})
        entry["load1"] = [round(r["load1"], 1) for r in runs]
        out.append(entry)
    return {"results": out}


def markdown(res: dict) -> str:
    lines = [
        "| grid | graph cache | tree | native s | ours first call s (runs) | ours second "
        "call s | native / first (median of per-run ratios) | native / second | CPU s: "
        "native / first / second | peak RSS first call MB |",
        "|---|---|---|---:|---|---:|---:|---:|---|---:|",
    ]
    for e in res["results"]:
        nat, first, second = (e[c] for c in CALLS)
        lines.append(
            f"| {e['grid']}×{e['grid']} | {e['mode']} ({'/'.join(e['cache'])}) | {e['tree']} | "
            f"{nat['wall_s']:.2f} | **{first['wall_s']:.3f}** "
            f"({', '.join(f'{w:.3f}' for w in first['walls_s'])}) | {second['wall_s']:.3f} | "
            f"**{e['ratio_first']:.1f}×** | {nat['wall_s'] / second['wall_s']:.1f}× | "
            f"{nat['cpu_s']:.2f} / {first['cpu_s']:.3f} / {second['cpu_s']:.3f} | "
            f"{first['peak_rss_mb']:.0f} |"
        )
    return "\n".join(lines)


if __name__ == "__main__":
    raise SystemExit(main())
