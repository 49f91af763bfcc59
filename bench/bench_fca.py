"""Benchmark of the FCA network engine (sundplan:fca_access core), SYNTHETIC data.

Usage (from the repository root, Debian's python):

    python bench/bench_fca.py COUNTRY_DIR [--practices 3500] [--demand 100000]
        [--threshold 30] [--method 2sfca] [--batch 16] [--seed 1] [--workers 0]
        [--start-method spawn|forkserver] [--save-results FILE.npz] [--probe-threads N]
        [--code TREE] [--roads GPKG --class-field class]

COUNTRY_DIR is made by ``python bench/make_country.py COUNTRY_DIR`` (country-size synthetic
network, ``sundplan_qgis.sample.country.generate_country_network``); it is generated there when
missing. Practices and demand points are drawn from the populated cells of its population
raster (practices weighted by population, demand points uniformly among populated cells,
each carrying its cell's population). Runs ``fca_network.network_fca`` (snapping, searches and
both 2SFCA steps; with more than one process the pairs stay in the search processes, started
with ``--start-method``, never forked). ``--workers 0`` (default) is the automatic choice of
``fca_network.resolve_workers`` (one process per core). Prints JSON with the stage timings
(s), CPU seconds, the number of kept pairs and the peak resident memory (MiB): of this
process and of the largest search process (ru_maxrss), and the largest sum of the resident
memory of this process and all its descendants, sampled every 0.1 s (shared pages, e.g. the
graph in shared memory, count once per process: an upper bound).

``--save-results FILE.npz`` writes accessibility, ratios, demand reached, counts and nearest
times (to compare versions). ``--probe-threads N`` instead times N searches of the benchmark
on 1 and on 2 threads (does scipy's Dijkstra release the GIL?) and exits. ``--code TREE``
imports ``sundplan_qgis`` from another tree, e.g. ``git archive 0b60a67`` unpacked, to time
the code before a change with the same inputs. ``--roads GPKG`` runs on another road network
(e.g. an OpenStreetMap extract, where shape points contract) with demand points and
practices at random road vertices, moved up to 200 m / 40 m.
"""

from __future__ import annotations

import argparse
import inspect
import json
import os
import resource
import sys
import threading
import time
from pathlib import Path

import numpy as np


def _code_dir(argv: list[str]) -> str:
    """``--code DIR``: import sundplan_qgis from another tree (e.g. an older commit)."""
    for i, a in enumerate(argv):
        if a == "--code" and i + 1 < len(argv):
            return str(Path(argv[i + 1]).resolve())
        if a.startswith("--code="):
            return str(Path(a.split("=", 1)[1]).resolve())
    return str(Path(__file__).resolve().parents[1])


sys.path.insert(0, _code_dir(sys.argv))

from sundplan_qgis import fca, fca_network, network, rasters  # noqa: E402


def _cpu(who: int) -> float:
    r = resource.getrusage(who)
    return r.ru_utime + r.ru_stime


def _tree_rss_mib() -> float:
    """Resident memory of this process and all its descendants (MiB, from /proc)."""
    parent: dict[int, int] = {}
    rss: dict[int, int] = {}
    for pid in os.listdir("/proc"):
        if not pid.isdigit():
            continue
        try:
            with open(f"/proc/{pid}/status") as f:
                fields = dict(line.split(":", 1) for line in f if ":" in line)
        except OSError:
            continue
        parent[int(pid)] = int(fields.get("PPid", "0").strip())
        rss[int(pid)] = int(fields.get("VmRSS", "0 kB").split()[0])
    me = os.getpid()
    tree = {me}
    grew = True
    while grew:
        more = {p for p, pp in parent.items() if pp in tree and p not in tree}
        tree |= more
        grew = bool(more)
    return sum(rss.get(p, 0) for p in tree) / 1024.0


class _PeakSampler(threading.Thread):
    def __init__(self) -> None:
        super().__init__(daemon=True)
        self.peak = 0.0
        self.stop = threading.Event()

    def run(self) -> None:
        while not self.stop.wait(0.1):
            self.peak = max(self.peak, _tree_rss_mib())


def _probe_threads(graph, supply_xy: np.ndarray, n: int) -> dict:
    """Seconds for n 30-minute searches on 1 thread and split over 2 threads."""
    from scipy.sparse.csgraph import dijkstra
    from scipy.spatial import cKDTree

    _, src = cKDTree(graph.node_xy).query(supply_xy[:n])
    rev = graph.reverse.tocsr()

    def work(part):
        for s in part:
            dijkstra(rev, directed=True, indices=[int(s)], limit=1800.0)

    out = {}
    for k in (1, 2, 1, 2):
        threads = [threading.Thread(target=work, args=(src[i::k],)) for i in range(k)]
        t, c = time.perf_counter(), time.process_time()
        for th in threads:
            th.start()
        for th in threads:
            th.join()
        out.setdefault(f"{k}_threads_wall_s", []).append(round(time.perf_counter() - t, 2))
        out.setdefault(f"{k}_threads_cpu_s", []).append(round(time.process_time() - c, 2))
    return out


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("country_dir", type=Path)
    parser.add_argument("--practices", type=int, default=3500)
    parser.add_argument("--demand", type=int, default=100_000)
    parser.add_argument("--threshold", type=float, default=30.0)
    parser.add_argument("--method", default="2sfca", choices=fca.METHOD_KEYS)
    parser.add_argument("--batch", type=int, default=16)
    parser.add_argument("--seed", type=int, default=1)
    parser.add_argument(
        "--workers", type=int, default=0, help="search processes (0 = automatic, 1 = none)"
    )
    parser.add_argument("--start-method", default="spawn", choices=("spawn", "forkserver"))
    parser.add_argument("--code", type=Path, help="tree to import sundplan_qgis from")
    parser.add_argument("--roads", type=Path, help="another road network (GPKG) instead")
    parser.add_argument("--class-field", default="class", help="its road-class field")
    parser.add_argument("--save-results", type=Path, help="write the result arrays (.npz)")
    parser.add_argument("--probe-threads", type=int, default=0, help="time N searches, exit")
    args = parser.parse_args(argv)

    timings: dict[str, float] = {}
    t0 = time.perf_counter()
    roads = args.country_dir / "roads.gpkg"
    if not roads.is_file():
        from sundplan_qgis.sample.country import generate_country_network

        generate_country_network(args.country_dir, write_pbf=False)
    timings["generate_if_missing"] = time.perf_counter() - t0

    t = time.perf_counter()
    if args.roads:
        lines = network.read_lines_ogr(str(args.roads), class_field=args.class_field)
    else:
        lines = network.read_lines_ogr(
            str(roads),
            speed_field="maxspeed_kmh",
            oneway_field="oneway",
            class_field="road_class",
            duration_field="duration_min",
        )
    graph = network.build_graph(lines)
    timings["read_and_build_graph"] = time.perf_counter() - t

    t = time.perf_counter()
    rng = np.random.default_rng(args.seed)
    if args.roads:  # demand and practices at random road vertices, up to 200 m off the road
        vx = graph.node_xy[np.flatnonzero(graph.node_is_road)]
        demand_xy = vx[rng.choice(len(vx), size=args.demand)] + rng.uniform(
            -200, 200, (args.demand, 2)
        )
        demand = rng.integers(1, 50, args.demand).astype(float)
        supply_xy = vx[rng.choice(len(vx), size=args.practices)] + rng.uniform(
            -40, 40, (args.practices, 2)
        )
    else:
        pop = rasters.read_population_raster(args.country_dir / "population.tif")
        n_cells = pop.xy.shape[0]
        d_idx = rng.choice(n_cells, size=min(args.demand, n_cells), replace=False)
        demand_xy = pop.xy[d_idx]
        demand = pop.population[d_idx]
        p = pop.population / pop.population.sum()
        s_idx = rng.choice(n_cells, size=args.practices, replace=True, p=p)
        supply_xy = pop.xy[s_idx] + rng.uniform(-40, 40, size=(args.practices, 2))
    capacity = rng.choice([1, 2, 3, 4, 5], size=args.practices).astype(float)
    timings["sample_inputs"] = time.perf_counter() - t
    if args.probe_threads:
        print(json.dumps(_probe_threads(graph, supply_xy, args.probe_threads), indent=2))
        return 0

    t = time.perf_counter()
    last = {"t": time.perf_counter()}

    def progress(f: float, msg: str = "") -> None:
        if time.perf_counter() - last["t"] > 10:
            last["t"] = time.perf_counter()
            print(f"  {100 * f:5.1f} % {msg}", file=sys.stderr, flush=True)

    decay = fca.make_decay(args.method, args.threshold)
    extra = {}  # older code (--code) has no start_method: it forks
    if "start_method" in inspect.signature(fca_network.network_fca).parameters:
        extra["start_method"] = args.start_method
    sampler = _PeakSampler()
    sampler.start()
    cpu0 = _cpu(resource.RUSAGE_SELF)
    pairs, res = fca_network.network_fca(
        graph,
        demand_xy=demand_xy,
        supply_xy=supply_xy,
        demand=demand,
        capacity=capacity,
        decay=decay,
        batch_size=args.batch,
        workers=args.workers,
        progress=progress,
        **extra,
    )
    cpu_fca = _cpu(resource.RUSAGE_SELF) - cpu0
    sampler.stop.set()
    sampler.join()
    timings["fca_total_excl_graph"] = time.perf_counter() - t
    for k, v in pairs.report["timings_s"].items():
        timings[f"fca_{k}"] = v
    timings["wall_total"] = time.perf_counter() - t0
    peak_mib = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024.0
    child_mib = resource.getrusage(resource.RUSAGE_CHILDREN).ru_maxrss / 1024.0
    out = {
        "network": {"nodes": graph.n_nodes, "directed_edges": int(graph.forward.nnz)},
        "code": sys.path[0],
        "practices": args.practices,
        "demand_points": int(demand_xy.shape[0]),
        "threshold_min": args.threshold,
        "method": args.method,
        "batch": args.batch,
        "workers": pairs.report["workers"],
        "process_start": str(pairs.report.get("process_start", "-")),
        "search_nodes": pairs.report.get("search_nodes"),
        "contracted": pairs.report.get("contracted"),
        "pairs_kept": pairs.report["pairs"],
        "distinct_practice_nodes": pairs.report["distinct_practice_nodes"],
        "nodes_settled_total": pairs.report.get("nodes_settled_total"),
        "demand_status_counts": {
            fca.STATUS_LABELS[k]: int((pairs.demand_status == k).sum()) for k in fca.STATUS_LABELS
        },
        "practices_unsnapped": int((pairs.supply_status != 0).sum()),
        "conservation": res.conservation,
        "median_access_per_10000": float(np.nanmedian(res.access) * fca.PER),
        "timings_s": {k: round(v, 2) for k, v in timings.items()},
        # CPU seconds (user + system): unlike wall time, not stretched by other load
        "cpu_s": {
            "this_process": round(_cpu(resource.RUSAGE_SELF), 1),
            "this_process_fca": round(cpu_fca, 1),
            "search_processes": round(_cpu(resource.RUSAGE_CHILDREN), 1),
            # as the processes report it at the end of their searches (forkserver processes
            # are not children of this one)
            "search_processes_searches": pairs.report.get("search_processes_cpu_s"),
        },
        "peak_rss_all_processes_sampled_mib": round(sampler.peak, 1),
        "peak_rss_mib": round(peak_mib, 1),
        "peak_rss_largest_worker_mib": round(child_mib, 1),
        # all processes at once, at most (each at its own peak; shared pages count per process)
        "peak_rss_all_processes_bound_mib": round(
            peak_mib + (child_mib * pairs.report["workers"] if pairs.report["workers"] > 1 else 0),
            1,
        ),
    }
    print(json.dumps(out, indent=2))
    if args.save_results:
        np.savez(
            args.save_results,
            access=res.access,
            ratio=res.ratio,
            demand_reached=res.demand_reached,
            n_reachable=res.n_reachable,
            nearest_min=res.nearest_min,
        )
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
