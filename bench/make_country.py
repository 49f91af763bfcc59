"""Generate the synthetic country-size benchmark network (SYNTHETIC data, not real).

Usage (from the repository root, Debian's python):

    python bench/make_country.py OUT_DIR [--seed 2027] [--edges 1600000] [--cells 1000000]

Writes OUT_DIR/roads.gpkg, roads.osm.pbf, hospitals.gpkg, population.tif and README.txt and
prints the counts and timings (seconds) as JSON.
"""

from __future__ import annotations

import argparse
import json
import sys
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))

from sundplan_qgis.sample.country import generate_country_network  # noqa: E402


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("out_dir", type=Path, help="output folder (created if missing)")
    parser.add_argument("--seed", type=int, default=2027, help="random seed (default 2027)")
    parser.add_argument(
        "--edges",
        type=int,
        default=1_600_000,
        help="minimum number of directed edges (default 1 600 000)",
    )
    parser.add_argument(
        "--cells",
        type=int,
        default=1_000_000,
        help="minimum number of populated 100 m cells (default 1 000 000)",
    )
    parser.add_argument("--no-pbf", action="store_true", help="skip the .osm.pbf")
    args = parser.parse_args(argv)

    t0 = time.perf_counter()
    res = generate_country_network(
        args.out_dir,
        seed=args.seed,
        target_directed_edges=args.edges,
        target_populated_cells=args.cells,
        write_pbf=not args.no_pbf,
    )
    report = {
        "out_dir": str(res.out_dir),
        "seed": res.seed,
        "roads_gpkg": str(res.roads_gpkg),
        "roads_osm_pbf": str(res.roads_osm_pbf) if res.roads_osm_pbf else None,
        "hospitals_gpkg": str(res.hospitals_gpkg),
        "population_tif": str(res.population_tif),
        "bounds": res.bounds,
        "n_road_lines": res.n_road_lines,
        "n_road_segments": res.n_road_segments,
        "n_directed_edges": res.n_directed_edges,
        "n_nodes": res.n_nodes,
        "n_hospitals": res.n_hospitals,
        "n_populated_cells": res.n_populated_cells,
        "total_population": res.total_population,
        "timings_s": {k: round(v, 3) for k, v in res.timings_s.items()},
        "wall_s": round(time.perf_counter() - t0, 3),
    }
    print(json.dumps(report, indent=2))
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
