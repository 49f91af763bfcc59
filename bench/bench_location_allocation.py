"""Exact (HiGHS) vs greedy solve time of sundplan:location_allocation by model size.

SYNTHETIC instances: demand units and candidate sites uniform in a 100 × 100 km square,
travel time = straight-line km at 1 km/min, weights 1..500 residents per unit; the time
limit sets how many pairs (nonzeros) the model has. Only the solver is timed (the shortest
paths are measured by the FCA benchmark). Prints a markdown table.

    python3 bench/bench_location_allocation.py [--k 10] [--time-limit-s 120]
"""

from __future__ import annotations

import argparse
import sys
import time
from pathlib import Path

import numpy as np
from scipy.spatial import cKDTree

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))

from sundplan_qgis import location_allocation as la  # noqa: E402

CASES = (  # (units, candidates, limit in minutes)
    (1000, 100, 10.0),
    (2000, 200, 10.0),
    (4000, 300, 10.0),
    (6000, 400, 10.0),
    (8000, 500, 12.0),
    (12000, 600, 12.0),
)


def instance(n_u: int, n_c: int, limit: float, objective: str, seed: int = 1) -> la.Problem:
    rng = np.random.default_rng(seed)
    units = rng.uniform(0, 100, size=(n_u, 2))
    cands = rng.uniform(0, 100, size=(n_c, 2))
    pairs = cKDTree(cands).query_ball_point(units, r=limit)
    pu = np.repeat(np.arange(n_u), [len(p) for p in pairs])
    ps = np.concatenate([np.asarray(p, dtype=np.int64) for p in pairs])
    pt = np.linalg.norm(units[pu] - cands[ps], axis=1)
    w = rng.integers(1, 500, size=n_u).astype(float)
    return la.Problem(objective, w, pu, ps, pt, np.full(n_u, np.inf), n_c, limit)


def main() -> None:
    ap = argparse.ArgumentParser()
    ap.add_argument("--k", type=int, default=10)
    ap.add_argument("--time-limit-s", type=float, default=120.0)
    args = ap.parse_args()
    print(
        "| objective | units | candidates | variables | nonzeros | exact s | status | greedy s "
        "| greedy / exact |"
    )
    print("|---|---:|---:|---:|---:|---:|---|---:|---:|")
    for objective in ("mclp", "pmedian"):
        for n_u, n_c, limit in CASES:
            p = instance(n_u, n_c, limit, objective)
            n_var, n_nz = la._model_size(p)
            t0 = time.perf_counter()
            exact = la.solve_exact(p, args.k, time_limit_s=args.time_limit_s)
            t_exact = time.perf_counter() - t0
            t0 = time.perf_counter()
            greedy = la.solve_greedy(p, args.k)
            t_greedy = time.perf_counter() - t0
            status = (
                "none" if exact is None else ("optimal" if exact.info["optimal"] else "time limit")
            )
            ratio = (
                greedy.value / exact.value if exact is not None and exact.value else float("nan")
            )
            print(
                f"| {objective} | {n_u:,} | {n_c:,} | {n_var:,} | {n_nz:,} | {t_exact:.1f} "
                f"| {status} | {t_greedy:.2f} | {ratio:.4f} |",
                flush=True,
            )


if __name__ == "__main__":
    main()
