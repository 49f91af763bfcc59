"""Two-step floating catchment area (2SFCA) accessibility to practices.

Method
------
For demand locations ``i`` (residents, optionally need-weighted: ``D_i``), practices ``j`` with
capacity ``S_j`` (GPs or lægekapaciteter) and travel times ``t_ij`` (minutes, home → practice):

* step 1, supply-to-demand ratio of each practice:
  ``R_j = S_j / Σ_{i: t_ij ≤ T} W(t_ij) D_i``;
* step 2, accessibility of each location: ``A_i = Σ_{j: t_ij ≤ T} W(t_ij) R_j``
  (capacity per resident; outputs show ``10 000 × A_i`` = GPs per 10 000 reachable residents).

Variants (``W``):

* ``2sfca``: ``W = 1`` inside the catchment (Luo & Wang 2003, Environment and Planning B 30(6)
  865–884);
* ``e2sfca``: stepwise weights per travel-time zone; default zones = the catchment split in
  thirds (0–10, 10–20, 20–30 min for 30 min) with weights 1.00, 0.68, 0.22 (Luo & Qi 2009,
  "An enhanced two-step floating catchment area (E2SFCA) method for measuring spatial
  accessibility to primary care physicians", Health & Place 15(4) 1100–1107; the weights come
  from a Gaussian with β = 100 at the zone midpoints 5, 15, 25 min);
* ``gaussian``: continuous Gaussian decay ``W(t) = (exp(-½ (t/T)²) − exp(-½)) / (1 − exp(-½))``
  for ``t ≤ T``, 1 at ``t = 0`` and 0 at ``t = T`` (Dai 2010, Health & Place 16(5) 1038–1052;
  Shi et al. 2012).

The threshold is **inclusive**: a location exactly ``T`` minutes from a practice is inside its
catchment (zones are closed on the right the same way: exactly 10.0 min is in zone 0–10). To
absorb floating-point sums of edge times, "exactly" means within 1 ms.

Conservation: with the same ``W`` in both steps, ``Σ_i A_i D_i = Σ_j S_j`` over the practices
that reach any demand (``Σ_i W D_i > 0``); practices that reach nobody get no ratio (NaN) and
are reported.

Steps 1 and 2 are sparse matrix-vector products, computed as weighted ``bincount`` over the
kept (demand, practice, minutes) pairs.

Network engine
--------------
Demand locations and practices are snapped to road nodes (nearest road node within the
maximum snap distance; demand only to nodes of network parts that contain a practice). The
access legs (straight line at the access speed) are added at both ends. Shortest paths run
from batches of practice nodes on the *reversed* graph (time from every node to the practice)
with ``scipy.sparse.csgraph.dijkstra(limit=T)``; of each batch's rows only the columns of
demand nodes are kept, and only pairs within ``T`` are stored (sparse: never a dense
practices × nodes matrix).
Straight-line fallback
----------------------
Without a network: ``t = distance × detour factor / speed``. Default detour factor 1.4 (KL 2016:
average 20 km by road vs 14 km straight line to the nearest acute hospital, 20/14 = 1.43;
Boscoe, Henry & Zdeb 2012, Professional Geographer 64(2) 188–196, report road/straight-line
ratios around 1.4) and 60 km/h (a planning assumption: between the general limits of 50 km/h
in towns and 80 km/h outside, Færdselsloven § 42). Always labelled in the outputs.
"""

from __future__ import annotations

import math
import os
from collections.abc import Callable, Sequence
from dataclasses import dataclass, field

import numpy as np
import pandas as pd
from scipy.sparse.csgraph import dijkstra
from scipy.spatial import cKDTree

from .errors import SundplanError

Progress = Callable[[float, str], None]

METHODS = ("2sfca", "e2sfca", "gaussian")
METHOD_LABELS = {
    "2sfca": "2SFCA (step: weight 1 inside the catchment)",
    "e2sfca": "E2SFCA (weighted travel-time zones, Luo & Qi 2009)",
    "gaussian": "Gaussian-decay 2SFCA (Dai 2010)",
}
DEFAULT_THRESHOLD_MIN = 30.0
LUO_QI_WEIGHTS = (1.0, 0.68, 0.22)
DEFAULT_DETOUR_FACTOR = 1.4
DEFAULT_FALLBACK_SPEED_KMH = 60.0
DEFAULT_MAX_SNAP_M = 1000.0
DEFAULT_ACCESS_SPEED_KMH = 30.0
DEFAULT_LOW_ACCESS_PER_10000 = 6.25
"""1 GP per 1 600 residents (the lægekapacitet norm, DST LABY27) = 6.25 per 10 000."""
PER = 10_000.0
TOLERANCE_MIN = 1.0 / 60_000.0  # 1 ms: the inclusive threshold absorbs float rounding

STATUS_OK = 0
STATUS_UNSNAPPED = 1
STATUS_UNREACHABLE = 2
STATUS_LABELS = {
    STATUS_OK: "ok",
    STATUS_UNSNAPPED: "unsnapped",
    STATUS_UNREACHABLE: "no practice in its network part",
}


def _noop(_f: float, _m: str = "") -> None:
    return None


# --------------------------------------------------------------------------- decay
@dataclass(frozen=True)
class Decay:
    """The weight function ``W(t)`` of a variant, with its parameters (minutes)."""

    method: str
    threshold_min: float
    zone_breaks_min: tuple[float, ...] = ()
    zone_weights: tuple[float, ...] = ()

    def label(self) -> str:
        text = f"{METHOD_LABELS[self.method]}, catchment ≤ {self.threshold_min:g} min (inclusive)"
        if self.method == "e2sfca":
            zones = ", ".join(
                f"≤{b:g} min: {w:g}"
                for b, w in zip(self.zone_breaks_min, self.zone_weights, strict=True)
            )
            text += f"; zones {zones}"
        return text

    def weights(self, time_min: np.ndarray) -> np.ndarray:
        """``W(t)`` for times already within the threshold."""
        t = np.asarray(time_min, dtype="float64")
        if self.method == "2sfca":
            return np.ones_like(t)
        if self.method == "e2sfca":
            breaks = np.asarray(self.zone_breaks_min, dtype="float64")
            idx = np.searchsorted(breaks + TOLERANCE_MIN, t, side="left")
            idx = np.minimum(idx, breaks.size - 1)
            return np.asarray(self.zone_weights, dtype="float64")[idx]
        e = math.exp(-0.5)
        w = (np.exp(-0.5 * (t / self.threshold_min) ** 2) - e) / (1.0 - e)
        return np.clip(w, 0.0, 1.0)


def make_decay(
    method: str,
    threshold_min: float,
    *,
    zone_breaks_min: Sequence[float] | None = None,
    zone_weights: Sequence[float] | None = None,
) -> Decay:
    """Validated :class:`Decay`. E2SFCA defaults: thirds of the threshold, Luo & Qi weights."""
    method = str(method).lower()
    if method not in METHODS:
        raise SundplanError(f"Unknown method '{method}': use one of {', '.join(METHODS)}.")
    try:
        threshold_min = float(threshold_min)
    except (TypeError, ValueError):
        threshold_min = float("nan")
    if not np.isfinite(threshold_min) or threshold_min <= 0:
        raise SundplanError(
            f"The catchment threshold must be a positive number of minutes (got {threshold_min}); "
            "a threshold of 0 would leave every practice without patients."
        )
    if method != "e2sfca":
        return Decay(method, threshold_min)
    breaks = list(zone_breaks_min) if zone_breaks_min else []
    weights = list(zone_weights) if zone_weights else list(LUO_QI_WEIGHTS)
    if not breaks:
        n = len(weights)
        breaks = [threshold_min * (k + 1) / n for k in range(n)]
    breaks = [float(b) for b in breaks]
    weights = [float(w) for w in weights]
    if len(breaks) != len(weights):
        raise SundplanError(
            f"E2SFCA needs one weight per zone: {len(breaks)} zone limits but "
            f"{len(weights)} weights."
        )
    if any(not np.isfinite(b) or b <= 0 for b in breaks) or any(
        b2 <= b1 for b1, b2 in zip(breaks, breaks[1:], strict=False)
    ):
        raise SundplanError(f"Zone limits must be positive and increasing (got {breaks}).")
    if abs(breaks[-1] - threshold_min) > 1e-9:
        raise SundplanError(
            f"The last zone limit ({breaks[-1]:g} min) must equal the catchment threshold "
            f"({threshold_min:g} min)."
        )
    if any(not np.isfinite(w) or w < 0 for w in weights):
        raise SundplanError(f"Zone weights must be ≥ 0 (got {weights}).")
    return Decay(method, threshold_min, tuple(breaks), tuple(weights))


# --------------------------------------------------------------------------- pairs
@dataclass
class CostPairs:
    """Sparse travel times: pair k joins demand ``demand[k]`` and practice ``supply[k]``."""

    demand: np.ndarray  # (K,) int64
    supply: np.ndarray  # (K,) int64
    time_min: np.ndarray  # (K,) float64, all ≤ threshold (+ tolerance)
    n_demand: int
    n_supply: int
    time_method: str = "network"
    demand_status: np.ndarray | None = None  # (n_demand,) int8 STATUS_*
    supply_status: np.ndarray | None = None  # (n_supply,) int8 STATUS_*
    demand_snap_m: np.ndarray | None = None
    supply_snap_m: np.ndarray | None = None
    report: dict = field(default_factory=dict)


def pairs_from_dense(time_min: np.ndarray, threshold_min: float) -> CostPairs:
    """Pairs from a small dense (demand × supply) matrix of minutes (NaN/inf = no route)."""
    t = np.asarray(time_min, dtype="float64")
    ok = np.isfinite(t) & (t <= threshold_min + TOLERANCE_MIN)
    i, j = np.nonzero(ok)
    return CostPairs(i.astype(np.int64), j.astype(np.int64), t[i, j], t.shape[0], t.shape[1])


def _ranges(starts: np.ndarray, counts: np.ndarray) -> np.ndarray:
    """Concatenation of ``arange(s, s + c)`` for every (s, c)."""
    counts = np.asarray(counts, dtype=np.int64)
    total = int(counts.sum())
    if total == 0:
        return np.zeros(0, dtype=np.int64)
    before = np.concatenate([[0], np.cumsum(counts)[:-1]])
    return np.repeat(np.asarray(starts, dtype=np.int64) - before, counts) + np.arange(total)


def straight_line_pairs(
    demand_xy: np.ndarray,
    supply_xy: np.ndarray,
    *,
    threshold_min: float,
    detour_factor: float = DEFAULT_DETOUR_FACTOR,
    speed_kmh: float = DEFAULT_FALLBACK_SPEED_KMH,
    progress: Progress = _noop,
) -> CostPairs:
    """Pairs within the threshold by straight line × detour factor at ``speed_kmh``."""
    if not (np.isfinite(detour_factor) and detour_factor >= 1.0):
        raise SundplanError(f"The detour factor must be ≥ 1 (got {detour_factor}).")
    if not (np.isfinite(speed_kmh) and speed_kmh > 0):
        raise SundplanError(f"The straight-line speed must be positive (got {speed_kmh} km/h).")
    demand_xy = np.asarray(demand_xy, dtype="float64").reshape(-1, 2)
    supply_xy = np.asarray(supply_xy, dtype="float64").reshape(-1, 2)
    mpm = speed_kmh * 1000.0 / 60.0 / detour_factor  # straight-line metres per minute
    radius = (threshold_min + TOLERANCE_MIN) * mpm
    tree = cKDTree(demand_xy)
    di, sj, tm = [], [], []
    n = supply_xy.shape[0]
    step = 256
    for start in range(0, n, step):
        progress(start / max(n, 1), f"Straight-line catchments {start:,}/{n:,}")
        lists = tree.query_ball_point(supply_xy[start : start + step], r=radius)
        for k, idx in enumerate(lists):
            if not idx:
                continue
            idx = np.asarray(idx, dtype=np.int64)
            d = np.hypot(*(demand_xy[idx] - supply_xy[start + k]).T)
            t = d / mpm
            keep = t <= threshold_min + TOLERANCE_MIN
            di.append(idx[keep])
            sj.append(np.full(int(keep.sum()), start + k, dtype=np.int64))
            tm.append(t[keep])
    cat = lambda parts, dt: np.concatenate(parts).astype(dt) if parts else np.zeros(0, dt)  # noqa: E731
    label = f"straight line × {detour_factor:g} detour factor at {speed_kmh:g} km/h (fallback)"
    return CostPairs(
        cat(di, np.int64),
        cat(sj, np.int64),
        cat(tm, np.float64),
        demand_xy.shape[0],
        n,
        time_method=label,
        demand_status=np.zeros(demand_xy.shape[0], dtype=np.int8),
        supply_status=np.zeros(n, dtype=np.int8),
        report={"time_method": label, "detour_factor": detour_factor, "speed_kmh": speed_kmh},
    )


_STATE: dict | None = None  # shared with forked worker processes (copy-on-write)


def _batch_pairs(batch: np.ndarray) -> tuple[np.ndarray, np.ndarray, np.ndarray, int]:
    """Pairs (demand point, practice, minutes) within the threshold for one practice batch."""
    st = _STATE
    threshold = st["threshold"]
    access = st["supply_access"][batch]
    limit_s = max(0.0, (threshold - float(access.min())) * 60.0)
    dist = dijkstra(st["rev"], directed=True, indices=st["supply_node"][batch], limit=limit_s)
    settled = int(np.isfinite(dist).sum())
    sub = dist[:, st["u_nodes"]] / 60.0
    del dist
    r, u = np.nonzero(np.isfinite(sub))
    empty = (np.zeros(0, np.int32), np.zeros(0, np.int32), np.zeros(0), settled)
    if r.size == 0:
        return empty
    t_node = sub[r, u] + access[r]
    keep = t_node <= threshold
    r, u, t_node = r[keep], u[keep], t_node[keep]
    cnt = st["u_count"][u]
    rep = np.repeat(np.arange(r.size), cnt)
    pts = st["order"][_ranges(st["u_start"][u], cnt)]
    t_all = t_node[rep] + st["demand_access"][pts]
    keep = t_all <= threshold
    return (
        pts[keep].astype(np.int32),
        batch[r[rep[keep]]].astype(np.int32),
        t_all[keep],
        settled,
    )


def network_pairs(
    graph,
    *,
    demand_xy: np.ndarray,
    supply_xy: np.ndarray,
    threshold_min: float,
    max_snap_m: float = DEFAULT_MAX_SNAP_M,
    access_speed_kmh: float = DEFAULT_ACCESS_SPEED_KMH,
    supply_names: Sequence[str] | None = None,
    batch_size: int = 16,
    workers: int = 1,
    progress: Progress = _noop,
) -> CostPairs:
    """Travel-time pairs home → practice within the threshold over the road graph.

    ``workers > 1`` runs the batches in that many forked processes (POSIX only; the graph is
    shared copy-on-write). Results are identical to ``workers=1``.

    ``graph`` is a :class:`sundplan_qgis.network.RoadGraph`; coordinates in its CRS. Memory is
    bounded by ``batch_size × nodes`` floats for the search plus the kept pairs.
    """
    import time

    t0 = time.perf_counter()
    if not np.isfinite(access_speed_kmh) or access_speed_kmh <= 0:
        raise SundplanError(f"The access speed must be positive (got {access_speed_kmh} km/h).")
    demand_xy = np.asarray(demand_xy, dtype="float64").reshape(-1, 2)
    supply_xy = np.asarray(supply_xy, dtype="float64").reshape(-1, 2)
    n_d, n_s = demand_xy.shape[0], supply_xy.shape[0]
    n_nodes = graph.node_xy.shape[0]
    if n_nodes == 0:
        raise SundplanError(f"The road network '{graph.source_name}' has no roads.")
    names = list(supply_names) if supply_names is not None else [str(j) for j in range(n_s)]
    access_mpm = access_speed_kmh * 1000.0 / 60.0
    threshold = threshold_min + TOLERANCE_MIN
    progress(0.0, "Snapping practices and demand to the road network")
    road = np.asarray(getattr(graph, "node_is_road", np.ones(n_nodes, bool)), dtype=bool)
    road_nodes = np.flatnonzero(road)
    if road_nodes.size == 0:
        road_nodes = np.arange(n_nodes)
    road_tree = cKDTree(graph.node_xy[road_nodes])
    s_d, s_k = road_tree.query(supply_xy, k=1, distance_upper_bound=max_snap_m)
    s_ok = np.isfinite(s_d)
    supply_node = np.full(n_s, -1, dtype=np.int64)
    supply_node[s_ok] = road_nodes[s_k[s_ok]]
    supply_status = np.where(s_ok, STATUS_OK, STATUS_UNSNAPPED).astype(np.int8)
    supply_snap = np.where(s_ok, s_d, np.nan)
    supply_access = np.where(s_ok, s_d / access_mpm, np.inf)
    # Demand: nearest road node in a network part that holds a snapped practice.
    comp = np.asarray(graph.component)
    good_comp = np.unique(comp[supply_node[s_ok]])
    valid = road_nodes[np.isin(comp[road_nodes], good_comp)]
    demand_node = np.full(n_d, -1, dtype=np.int64)
    demand_status = np.full(n_d, STATUS_UNSNAPPED, dtype=np.int8)
    demand_snap = np.full(n_d, np.nan)
    if valid.size and n_d:
        d_d, d_k = cKDTree(graph.node_xy[valid]).query(
            demand_xy, k=1, distance_upper_bound=max_snap_m, workers=-1
        )
        ok = np.isfinite(d_d)
        demand_node[ok] = valid[d_k[ok]]
        demand_status[ok] = STATUS_OK
        demand_snap[ok] = d_d[ok]
        rest = np.flatnonzero(~ok)
        if rest.size:
            d_any, _ = road_tree.query(demand_xy[rest], k=1, distance_upper_bound=max_snap_m)
            near = np.isfinite(d_any)
            demand_status[rest[near]] = STATUS_UNREACHABLE
            demand_snap[rest[near]] = d_any[near]
    demand_access = np.where(demand_status == STATUS_OK, demand_snap / access_mpm, np.inf)
    t_snap = time.perf_counter() - t0

    # Demand points grouped by node: unique demand nodes (columns) and their points.
    ok_pts = np.flatnonzero(demand_status == STATUS_OK)
    order = ok_pts[np.argsort(demand_node[ok_pts], kind="stable")]
    u_nodes, u_start, u_count = np.unique(demand_node[order], return_index=True, return_counts=True)
    rev = graph.reverse.tocsr()
    # scipy's dijkstra works in float64 on a copy unless the matrix already is float64 CSR
    if rev.dtype != np.float64:
        rev = rev.astype(np.float64)
    practices = np.flatnonzero(s_ok)
    parts_d, parts_s, parts_t = [], [], []
    n_batches = max(1, math.ceil(practices.size / batch_size))
    batches = [practices[k * batch_size : (k + 1) * batch_size] for k in range(n_batches)]
    batches = [bt for bt in batches if bt.size]
    t1 = time.perf_counter()
    settled = 0
    global _STATE
    _STATE = {
        "rev": rev,
        "supply_node": supply_node,
        "supply_access": supply_access,
        "demand_access": demand_access,
        "threshold": threshold,
        "u_nodes": u_nodes,
        "u_start": u_start,
        "u_count": u_count,
        "order": order,
    }
    try:
        if workers > 1 and len(batches) > 1 and hasattr(os, "fork"):
            import multiprocessing

            ctx = multiprocessing.get_context("fork")
            with ctx.Pool(workers) as pool:
                for b, part in enumerate(pool.imap(_batch_pairs, batches, chunksize=1)):
                    progress(
                        0.05 + 0.9 * b / len(batches),
                        f"Shortest paths: batch {b + 1:,} of {len(batches):,} ({workers} processes)",
                    )
                    parts_d.append(part[0])
                    parts_s.append(part[1])
                    parts_t.append(part[2])
                    settled += part[3]
        else:
            for b, batch in enumerate(batches):
                progress(
                    0.05 + 0.9 * b / len(batches),
                    f"Shortest paths from practices {b * batch_size + 1:,}–"
                    f"{b * batch_size + batch.size:,} of {practices.size:,}",
                )
                part = _batch_pairs(batch)
                parts_d.append(part[0])
                parts_s.append(part[1])
                parts_t.append(part[2])
                settled += part[3]
    finally:
        _STATE = None
    t_paths = time.perf_counter() - t1

    def cat(parts, dtype):
        return np.concatenate(parts).astype(dtype) if parts else np.zeros(0, dtype)

    progress(0.97, "Travel times done")
    unsnapped = np.flatnonzero(~s_ok)
    return CostPairs(
        demand=cat(parts_d, np.int32),
        supply=cat(parts_s, np.int32),
        time_min=cat(parts_t, np.float64),
        n_demand=n_d,
        n_supply=n_s,
        time_method="network",
        demand_status=demand_status,
        supply_status=supply_status,
        demand_snap_m=demand_snap,
        supply_snap_m=supply_snap,
        report={
            "time_method": "network (road graph, home → practice)",
            "nodes": int(n_nodes),
            "directed_edges": int(rev.nnz),
            "batches": len(batches),
            "workers": int(workers),
            "batch_size": int(batch_size),
            "nodes_settled_total": settled,
            "practices_unsnapped": [
                {"practice": names[j], "nearest_road_m": None} for j in unsnapped[:50]
            ],
            "max_snap_m": max_snap_m,
            "access_speed_kmh": access_speed_kmh,
            "timings_s": {"snap": round(t_snap, 3), "shortest_paths": round(t_paths, 3)},
        },
    )


# --------------------------------------------------------------------------- 2SFCA
@dataclass
class FcaResult:
    """Per demand location and per practice (capacity per resident; × 10 000 for display)."""

    access: np.ndarray  # (n_demand,) capacity per resident; NaN where not located
    n_reachable: np.ndarray  # (n_demand,) practices within the threshold
    ratio: np.ndarray  # (n_supply,) R_j capacity per weighted resident; NaN if reaches nobody
    demand_reached: np.ndarray  # (n_supply,) Σ W D_i of each practice
    nearest_min: np.ndarray  # (n_demand,) minutes to the nearest practice within T (NaN)
    decay: Decay
    conservation: dict


def two_step_fca(
    pairs: CostPairs,
    *,
    demand: np.ndarray,
    capacity: np.ndarray,
    decay: Decay,
) -> FcaResult:
    """Steps 1 and 2 as sparse matrix-vector products (see the module docstring)."""
    demand = np.asarray(demand, dtype="float64")
    capacity = np.asarray(capacity, dtype="float64")
    if demand.shape != (pairs.n_demand,) or capacity.shape != (pairs.n_supply,):
        raise ValueError("demand/capacity sizes do not match the pairs")
    keep = pairs.time_min <= decay.threshold_min + TOLERANCE_MIN
    if keep.all():
        i, j, t = pairs.demand, pairs.supply, pairs.time_min
    else:
        i, j, t = pairs.demand[keep], pairs.supply[keep], pairs.time_min[keep]
    # Sparse products as bincounts over the pairs (no dense matrix, few temporaries).
    w = None if decay.method == "2sfca" else decay.weights(t)
    contrib = demand[i] if w is None else w * demand[i]
    reached = np.bincount(j, weights=contrib, minlength=pairs.n_supply)  # Σ_i W_ij D_i
    del contrib
    with np.errstate(divide="ignore", invalid="ignore"):
        ratio = np.where(reached > 0, capacity / reached, np.nan)
    r = np.nan_to_num(ratio, nan=0.0)
    contrib = r[j] if w is None else w * r[j]
    access = np.bincount(i, weights=contrib, minlength=pairs.n_demand)
    del contrib
    n_reach = np.bincount(i, minlength=pairs.n_demand)
    nearest = np.full(pairs.n_demand, np.inf)
    np.minimum.at(nearest, i, t)
    nearest[~np.isfinite(nearest)] = np.nan
    if pairs.demand_status is not None:
        access = np.where(pairs.demand_status == STATUS_OK, access, np.nan)
    serving = reached > 0
    lhs = float(np.nansum(access * demand))
    rhs = float(capacity[serving].sum())
    conservation = {
        "sum_access_x_demand": lhs,
        "capacity_of_practices_reaching_demand": rhs,
        "capacity_reaching_nobody": float(capacity[~serving].sum()),
        "relative_difference": abs(lhs - rhs) / rhs if rhs > 0 else 0.0,
    }
    return FcaResult(access, n_reach, ratio, reached, nearest, decay, conservation)


def area_access(
    access: np.ndarray,
    population: np.ndarray,
    *,
    area_index: np.ndarray,
    area_ids: Sequence,
    area_names: Sequence[str],
    low_access_per_10000: float = DEFAULT_LOW_ACCESS_PER_10000,
    status: np.ndarray | None = None,
) -> pd.DataFrame:
    """Per area: population, population-weighted mean accessibility (per 10 000), its minimum
    and maximum, population and share below ``low_access_per_10000`` and not located.

    Locations outside every area form an extra row (area id None) when populated.
    """
    n_a = len(area_ids)
    g = np.where(area_index >= 0, area_index, n_a).astype(np.int64)
    n_g = n_a + 1
    pop = np.asarray(population, dtype="float64")
    a10 = np.asarray(access, dtype="float64") * PER
    located = np.isfinite(a10)
    if status is not None:
        located &= status == STATUS_OK
    total = np.bincount(g, weights=pop, minlength=n_g)
    pop_loc = np.bincount(g[located], weights=pop[located], minlength=n_g)
    wsum = np.bincount(g[located], weights=pop[located] * a10[located], minlength=n_g)
    low = located & (a10 < low_access_per_10000)
    pop_low = np.bincount(g[low], weights=pop[low], minlength=n_g)
    zero = located & (a10 <= 0)
    pop_zero = np.bincount(g[zero], weights=pop[zero], minlength=n_g)
    mn = np.full(n_g, np.inf)
    mx = np.full(n_g, -np.inf)
    populated = located & (pop > 0)
    np.minimum.at(mn, g[populated], a10[populated])
    np.maximum.at(mx, g[populated], a10[populated])
    with np.errstate(invalid="ignore", divide="ignore"):
        df = pd.DataFrame(
            {
                "area_id": [*[str(a) for a in area_ids], None],
                "area_name": [*[str(a) for a in area_names], "(outside all areas)"],
                "population": total,
                "population_located": pop_loc,
                "access_mean_per_10000": np.where(pop_loc > 0, wsum / pop_loc, np.nan),
                "access_min_per_10000": np.where(np.isfinite(mn), mn, np.nan),
                "access_max_per_10000": np.where(np.isfinite(mx), mx, np.nan),
                "pop_below_low_access": pop_low,
                "share_below_low_access": np.where(pop_loc > 0, pop_low / pop_loc, np.nan),
                "pop_no_practice_within_threshold": pop_zero,
                "pop_not_located": total - pop_loc,
            }
        )
    if total[n_a] <= 0:
        df = df.iloc[:n_a].reset_index(drop=True)
    return df
