"""Time and peak memory of reading the drivable network from a large OSM PBF (issue 11 item 2).

Usage (from the repository root; the PBF from ``bench/make_dk_pbf.py``):

    python3 bench/bench_osm_read.py /tmp/dk_synth.osm.pbf [--runs 3] [--variants ...]

Variants, each run in a fresh subprocess under ``/usr/bin/time -v`` (wall, maximum RSS),
round-robin, median of ``--runs``:

* ``read_osm``: today's :func:`sundplan_qgis.network.read_osm`: a PBF of 32 MB or more is
  first cut to its drivable highways and ferries by ``osmium tags-filter`` (osmium-tool, a
  subprocess: its own memory is not in this process's RSS; 150 MB measured), then read with
  pyosmium (node locations in a ``flex_mem`` index, a Python callback per way).
* ``read_osm_direct``: the same without the pre-filter (every node of the file indexed).
* ``idx:TYPE``: the same function with another pyosmium node-location index
  (``osmium.index.map_types()``: e.g. ``sparse_mem_array``, ``dense_mmap_array``,
  ``sparse_file_array``, ``dense_file_array``); the output is identical by construction.
* ``stage:ways_only`` / ``stage:ways_with_locations`` / ``stage:filter_only``: where
  ``read_osm``'s time goes: a pyosmium pass over the ways with an empty callback (without,
  then with the ``flex_mem`` location index), and one calling only the reader's tag filter
  (no counts; excluded from the agreement check).
* ``two_pass``: a prototype written here. Pass 1 reads only ways (no locations), keeps the
  ways the reader would keep (same filter, ``osm_reader._osm_way_attrs``) and collects their
  node ids in a numpy array; pass 2 reads only nodes and keeps the locations of those ids
  (a byte map indexed by id); the lines are then assembled with ``np.searchsorted``.

Every variant prints the same counts (lines, vertices, distinct vertices = graph nodes today,
km in EPSG:25832, one-way and ferry lines, tagged speeds), which must agree; the script
checks that. The peak RSS right after reading (``VmHWM``) is reported next to the whole
process maximum (which also covers the counting). Prints a markdown table and the 1-minute
load average seen before each run (the machine has 2 cores and is shared).
"""

from __future__ import annotations

import argparse
import json
import os
import re
import statistics
import subprocess
import sys
import time
from pathlib import Path
from typing import Any

import numpy as np

REPO_DIR = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(REPO_DIR))

DEFAULT_VARIANTS = ("read_osm", "read_osm_direct")


def _vmhwm_mb() -> float:
    with open("/proc/self/status", encoding="ascii") as fh:
        for line in fh:
            if line.startswith("VmHWM:"):
                return int(line.split()[1]) / 1024.0
    return float("nan")


def _counts(
    coords: np.ndarray, offsets: np.ndarray, cls: np.ndarray, oneway: np.ndarray, speed: np.ndarray
) -> dict[str, Any]:
    """Graph-relevant counts of a set of lines (coords in metres, EPSG:25832)."""
    seg = np.hypot(*np.diff(coords, axis=0).T)
    starts = offsets[:-1]
    mask = np.ones(len(seg), dtype=bool)
    mask[starts[1:] - 1] = False  # the jumps between consecutive lines
    rounded = np.round(coords, 3)
    distinct = np.unique(rounded.view([("x", "f8"), ("y", "f8")]).ravel()).size
    return {
        "lines": int(len(offsets) - 1),
        "vertices": int(len(coords)),
        "distinct_vertices": int(distinct),
        "segments": int(len(coords) - (len(offsets) - 1)),
        "km": round(float(seg[mask].sum()) / 1000.0, 1),
        "oneway_fwd": int((oneway == 1).sum()),
        "oneway_rev": int((oneway == -1).sum()),
        "ferries": int((cls == "ferry").sum()),
        "speed_tagged": int(np.isfinite(speed).sum()),
    }


def _run_read_osm(path: str, idx: str | None) -> tuple[dict, dict]:
    from sundplan_qgis.network import osm_reader, read_osm

    if idx is not None:

        def apply_with(handler: Any, p: str, *, idx: str = "flex_mem") -> None:
            handler.apply_file(str(p), locations=True, idx=chosen)

        chosen = idx
        osm_reader._compat.osm_apply_file = apply_with
    t0 = time.perf_counter()
    lines = read_osm(path)
    t1 = time.perf_counter()
    timing = {"read_s": t1 - t0, "peak_after_read_mb": _vmhwm_mb()}
    c = _counts(lines.coords, lines.offsets, lines.road_class, lines.oneway, lines.speed_kmh)
    return timing, c


def _run_two_pass(path: str) -> tuple[dict, dict]:
    from array import array

    import osmium
    from pyproj import Transformer

    from sundplan_qgis.network.osm_reader import _osm_way_attrs
    from sundplan_qgis.network.speeds import implausible_speeds, parse_maxspeed_kmh, parse_unique

    t0 = time.perf_counter()

    class Ways(osmium.SimpleHandler):  # type: ignore[misc]
        def __init__(self) -> None:
            super().__init__()
            self.refs = array("q")
            self.lengths = array("q")
            self.attrs: list[tuple[str, str, int, str]] = []

        def way(self, w: Any) -> None:
            a = _osm_way_attrs(w.tags, True)
            if a is None:
                return
            refs = [n.ref for n in w.nodes]
            self.refs.extend(refs)
            self.lengths.append(len(refs))
            self.attrs.append(a)

    ways = Ways()
    ways.apply_file(path, locations=False)
    refs = np.frombuffer(ways.refs, dtype=np.int64)
    wanted = np.unique(refs)
    t1 = time.perf_counter()

    bitmap = bytearray(int(wanted[-1]) + 1)
    for i in wanted.tolist():
        bitmap[i] = 1

    class Nodes(osmium.SimpleHandler):  # type: ignore[misc]
        def __init__(self) -> None:
            super().__init__()
            self.ids = array("q")
            self.lon = array("d")
            self.lat = array("d")

        def node(self, n: Any) -> None:
            nid = n.id
            if nid < len(bitmap) and bitmap[nid]:
                loc = n.location
                self.ids.append(nid)
                self.lon.append(loc.lon)
                self.lat.append(loc.lat)

    nodes = Nodes()
    nodes.apply_file(path, locations=False)
    t2 = time.perf_counter()
    ids = np.frombuffer(nodes.ids, dtype=np.int64)
    order = np.argsort(ids, kind="stable")
    ids = ids[order]
    pos = np.searchsorted(ids, refs)
    pos = np.minimum(pos, len(ids) - 1)
    missing = int((ids[pos] != refs).sum())
    if missing:
        raise SystemExit(f"two_pass: {missing} way nodes are missing from the file")
    lon = np.frombuffer(nodes.lon, dtype=np.float64)[order][pos]
    lat = np.frombuffer(nodes.lat, dtype=np.float64)[order][pos]
    tr = Transformer.from_crs("EPSG:4326", "EPSG:25832", always_xy=True)
    x, y = tr.transform(lon, lat)
    coords = np.column_stack([x, y])
    lengths = np.frombuffer(ways.lengths, dtype=np.int64)
    offsets = np.concatenate([[0], np.cumsum(lengths)])
    cls = np.array([a[0] for a in ways.attrs], dtype=object)
    oneway = np.array([a[2] for a in ways.attrs], dtype=np.int8)
    speed = parse_unique(np.array([a[1] for a in ways.attrs], dtype=object), parse_maxspeed_kmh)
    speed[implausible_speeds(speed)] = np.nan
    t3 = time.perf_counter()
    timing = {
        "read_s": t3 - t0,
        "pass1_s": t1 - t0,
        "pass2_s": t2 - t1,
        "assemble_s": t3 - t2,
        "peak_after_read_mb": _vmhwm_mb(),
    }
    return timing, _counts(coords, offsets, cls, oneway, speed)


def _run_stage(path: str, stage: str) -> tuple[dict, None]:
    """Parts of read_osm's cost: pyosmium passes with (almost) no Python work."""
    import osmium

    from sundplan_qgis.network.osm_reader import _osm_way_attrs

    class Empty(osmium.SimpleHandler):  # type: ignore[misc]
        def way(self, w: Any) -> None:
            pass

    class Filter(osmium.SimpleHandler):  # type: ignore[misc]
        def way(self, w: Any) -> None:
            _osm_way_attrs(w.tags, True)

    t0 = time.perf_counter()
    if stage == "ways_only":
        Empty().apply_file(path, locations=False)
    elif stage == "ways_with_locations":
        Empty().apply_file(path, locations=True, idx="flex_mem")
    elif stage == "filter_only":
        Filter().apply_file(path, locations=False)
    else:
        raise SystemExit(f"unknown stage {stage!r}")
    return {"read_s": time.perf_counter() - t0, "peak_after_read_mb": _vmhwm_mb()}, None


def _child(variant: str, path: str) -> int:
    if variant.startswith("stage:"):
        timing, counts = _run_stage(path, variant[6:])
    elif variant == "read_osm":
        timing, counts = _run_read_osm(path, None)
    elif variant == "read_osm_direct":  # without the osmium-tool pre-filter
        from sundplan_qgis.network import osm_reader

        osm_reader.PREFILTER_MIN_BYTES = 2**62
        timing, counts = _run_read_osm(path, None)
    elif variant.startswith("idx:"):
        timing, counts = _run_read_osm(path, variant[4:])
    elif variant == "two_pass":
        timing, counts = _run_two_pass(path)
    else:
        raise SystemExit(f"unknown variant {variant!r}")
    print("RESULT " + json.dumps({"timing": timing, "counts": counts}))
    return 0


def _measure(variant: str, path: str) -> dict:
    load = os.getloadavg()[0]
    cmd = ["/usr/bin/time", "-v", sys.executable, __file__, "--child", variant, path]
    t0 = time.perf_counter()
    proc = subprocess.run(cmd, capture_output=True, text=True, check=False)
    wall = time.perf_counter() - t0
    if proc.returncode != 0:
        raise SystemExit(f"{variant} failed:\n{proc.stdout[-2000:]}\n{proc.stderr[-4000:]}")
    res = json.loads(proc.stdout.split("RESULT ", 1)[1])
    m = re.search(r"Maximum resident set size \(kbytes\): (\d+)", proc.stderr)
    res["max_rss_mb"] = int(m.group(1)) / 1024.0 if m else float("nan")
    res["wall_s"] = wall
    res["load1"] = load
    return res


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("pbf", help="the .osm.pbf to read")
    parser.add_argument("--runs", type=int, default=3, help="runs per variant (median)")
    parser.add_argument("--variants", nargs="+", default=list(DEFAULT_VARIANTS))
    parser.add_argument("--child", help=argparse.SUPPRESS)
    parser.add_argument("--json", type=Path, help="also write the raw results here")
    args = parser.parse_args(argv)
    if args.child:
        return _child(args.child, args.pbf)

    import osmium.index

    print(f"index types: {osmium.index.map_types()}", file=sys.stderr)
    size_mb = Path(args.pbf).stat().st_size / 1e6
    results: dict[str, list[dict]] = {v: [] for v in args.variants}
    for r in range(args.runs):
        for v in args.variants:
            res = _measure(v, args.pbf)
            print(
                f"[run {r + 1}] {v}: wall {res['wall_s']:.1f} s, read "
                f"{res['timing']['read_s']:.1f} s, max RSS {res['max_rss_mb']:.0f} MB, "
                f"load {res['load1']:.2f}",
                file=sys.stderr,
                flush=True,
            )
            results[v].append(res)
            if args.json:  # written as it goes: a long round can be stopped and still read
                args.json.write_text(json.dumps(results, indent=1))
    counted = [v for v in args.variants if not v.startswith("stage:")]
    ref = results[counted[0]][0]["counts"] if counted else None
    agree = all(res["counts"] == ref for v in counted for res in results[v])

    def med(v: str, f: Any) -> float:
        return statistics.median(f(res) for res in results[v])

    print(f"\nFile: {args.pbf} ({size_mb:.0f} MB). Counts (every variant): {json.dumps(ref)}")
    print(f"All variants agree on every count: {agree}\n")
    print(
        "| variant | read s (median) | runs (read s) | process wall s | peak RSS after "
        "read MB | process max RSS MB | load avg |"
    )
    print("|---|---:|---|---:|---:|---:|---|")
    for v in args.variants:
        runs = ", ".join(f"{res['timing']['read_s']:.1f}" for res in results[v])
        loads = [res["load1"] for res in results[v]]
        print(
            f"| {v} | **{med(v, lambda r: r['timing']['read_s']):.1f}** | {runs} | "
            f"{med(v, lambda r: r['wall_s']):.1f} | "
            f"{med(v, lambda r: r['timing']['peak_after_read_mb']):.0f} | "
            f"{med(v, lambda r: r['max_rss_mb']):.0f} | {min(loads):.1f}–{max(loads):.1f} |"
        )
    if "two_pass" in results:
        t = results["two_pass"]
        print(
            "\ntwo_pass stages (median s): pass 1 (ways) "
            f"{statistics.median(r['timing']['pass1_s'] for r in t):.1f}, pass 2 (nodes) "
            f"{statistics.median(r['timing']['pass2_s'] for r in t):.1f}, assemble "
            f"{statistics.median(r['timing']['assemble_s'] for r in t):.1f}"
        )
    if args.json:
        args.json.write_text(json.dumps(results, indent=1))
    return 0 if agree else 1


if __name__ == "__main__":
    sys.exit(main())
