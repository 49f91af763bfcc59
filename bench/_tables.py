"""The markdown tables of ``bench_catchments.py`` (``docs/benchmarks.md``, section
"Catchments"), built from the JSON of a full run (country and grids)."""

from __future__ import annotations

import re

from _measure import med


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
