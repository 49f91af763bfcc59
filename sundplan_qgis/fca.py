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
access legs (straight line at the access speed) are added at both ends. Shortest paths run on
the *reversed* graph (time from every node to the practice) with
``scipy.sparse.csgraph.dijkstra(limit=...)``, one search per *distinct* practice node
(practices snapped to the same node share it; each adds its own access leg afterwards, and the
limit is the threshold minus the smallest practice leg of the batch and the smallest demand
leg). The nodes are renumbered along a Hilbert curve for the searches (a permutation: exact;
scipy's search is bound by memory latency and runs about 1.3× faster when nodes close in space
are close in memory). Of each batch's rows only the columns of demand nodes are kept, and only
pairs within ``T`` are stored (sparse: never a dense practices × nodes matrix).

Processes: :func:`network_fca` with ``workers`` > 1 forks that many search processes once
(POSIX ``fork``: they share the graph copy-on-write); they take batches from a shared counter
and *keep* their pairs; step 1 and step 2 run there and only vectors of length n_practices and
n_demand travel back. ``workers=0`` is automatic (:func:`resolve_workers`): 1 inside the QGIS
desktop application, where forking a process with Qt, GDAL and Python threads is not safe
(and "spawn" would start ``sys.executable``, which is QGIS itself there, and re-send the
graph), one per core in ``qgis_process`` or plain Python.

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
import sys
from collections.abc import Callable, Sequence
from dataclasses import dataclass, field

import numpy as np
import pandas as pd
from scipy.sparse import csr_matrix
from scipy.sparse.csgraph import dijkstra
from scipy.spatial import cKDTree

from . import coverage
from .errors import SundplanError, listing, msg

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
"""``ok``: placed on the network (access computed; 0 = no practice within the threshold, a
real result); ``unsnapped`` and ``no practice in its network part`` (unreachable): not placed,
no accessibility (NULL), counted in ``pop_unsnapped`` / ``pop_unreachable``."""


def coverage_of(population: np.ndarray, status: np.ndarray | None) -> dict:
    """The run's coverage (:func:`sundplan_qgis.coverage.summary`) from the demand status."""
    pop = np.asarray(population, dtype="float64")
    if status is None:
        status = np.zeros(pop.size, dtype=np.int8)
    status = np.asarray(status)
    return coverage.summary(
        total=float(pop.sum()),
        unsnapped=float(pop[status == STATUS_UNSNAPPED].sum()),
        unreachable=float(pop[status == STATUS_UNREACHABLE].sum()),
    )


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
        raise SundplanError(
            "Unknown method '{method}': use one of {methods}.",
            method=method,
            methods=", ".join(METHODS),
        )
    try:
        threshold_min = float(threshold_min)
    except (TypeError, ValueError):
        threshold_min = float("nan")
    if not np.isfinite(threshold_min) or threshold_min <= 0:
        raise SundplanError(
            "The catchment threshold must be a positive number of minutes (got {threshold}); "
            "a threshold of 0 would leave every practice without patients.",
            threshold=threshold_min,
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
            "E2SFCA needs one weight per zone: {n_breaks} zone limits but {n_weights} weights.",
            n_breaks=len(breaks),
            n_weights=len(weights),
        )
    if any(not np.isfinite(b) or b <= 0 for b in breaks) or any(
        b2 <= b1 for b1, b2 in zip(breaks, breaks[1:], strict=False)
    ):
        raise SundplanError(
            "Zone limits must be positive and increasing (got {breaks}).", breaks=breaks
        )
    if abs(breaks[-1] - threshold_min) > 1e-9:
        raise SundplanError(
            "The last zone limit ({last:g} min) must equal the catchment threshold "
            "({threshold:g} min).",
            last=breaks[-1],
            threshold=threshold_min,
        )
    if any(not np.isfinite(w) or w < 0 for w in weights):
        raise SundplanError("Zone weights must be ≥ 0 (got {weights}).", weights=weights)
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
        raise SundplanError("The detour factor must be ≥ 1 (got {factor}).", factor=detour_factor)
    if not (np.isfinite(speed_kmh) and speed_kmh > 0):
        raise SundplanError(
            "The straight-line speed must be positive (got {speed} km/h).", speed=speed_kmh
        )
    demand_xy = np.asarray(demand_xy, dtype="float64").reshape(-1, 2)
    supply_xy = np.asarray(supply_xy, dtype="float64").reshape(-1, 2)
    mpm = speed_kmh * 1000.0 / 60.0 / detour_factor  # straight-line metres per minute
    radius = (threshold_min + TOLERANCE_MIN) * mpm
    tree = cKDTree(demand_xy)
    di, sj, tm = [], [], []
    n = supply_xy.shape[0]
    step = 256
    for start in range(0, n, step):
        progress(start / max(n, 1), msg("Straight-line catchments {done:,}/{n:,}", done=start, n=n))
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


def _hilbert_order(xy: np.ndarray, bits: int = 16) -> np.ndarray:
    """Permutation of points along a Hilbert curve (``perm[new] = old``).

    Only a renumbering of the nodes for the searches (exact): nodes close in space get close
    ids, so one search touches few memory pages — scipy's Dijkstra is bound by memory latency.
    """
    xy = np.nan_to_num(np.asarray(xy, dtype="float64").reshape(-1, 2))
    if xy.shape[0] == 0:
        return np.zeros(0, dtype=np.int64)
    n = 1 << bits
    lo = xy.min(axis=0)
    span = float(max((xy.max(axis=0) - lo).max(), 1e-9))
    x = ((xy[:, 0] - lo[0]) / span * (n - 1)).astype(np.int64)
    y = ((xy[:, 1] - lo[1]) / span * (n - 1)).astype(np.int64)
    d = np.zeros(x.size, dtype=np.int64)
    s = n // 2
    while s > 0:
        rx = (x & s) > 0
        ry = (y & s) > 0
        d += s * s * ((3 * rx.astype(np.int64)) ^ ry.astype(np.int64))
        flip = ~ry & rx
        x = np.where(flip, n - 1 - x, x)
        y = np.where(flip, n - 1 - y, y)
        swap = ~ry
        x, y = np.where(swap, y, x), np.where(swap, x, y)
        s //= 2
    return np.argsort(d, kind="stable")


def _permuted_csr(m, perm: np.ndarray, inv: np.ndarray) -> csr_matrix:
    """``m[perm][:, perm]`` as float64 CSR with sorted indices (keeps explicit zeros)."""
    m = m.tocsr()
    counts = np.diff(m.indptr)[perm]
    idx = _ranges(m.indptr[:-1][perm], counts)
    indptr = np.zeros(perm.size + 1, dtype=np.int64)
    np.cumsum(counts, out=indptr[1:])
    out = csr_matrix(
        (
            m.data[idx].astype(np.float64),
            inv[m.indices[idx]].astype(m.indices.dtype),
            indptr.astype(m.indptr.dtype),
        ),
        shape=m.shape,
    )
    out.sort_indices()
    return out


_STATE: dict | None = None  # shared with forked worker processes (copy-on-write)


def _batch_pairs(b: int) -> tuple[np.ndarray, np.ndarray, np.ndarray, int]:
    """Pairs (demand point, practice, minutes) within the threshold for search batch ``b``.

    A batch is up to ``batch_size`` distinct practice nodes (consecutive along the Hilbert
    curve); every practice snapped to one of them gets its own access leg after the search.
    """
    st = _STATE
    threshold = st["threshold"]
    bs = st["batch_size"]
    n0 = b * bs
    n1 = min(n0 + bs, st["src"].size)
    src = st["src"][n0:n1]
    p0, p1 = int(st["node_first"][n0]), int(st["node_first"][n1])
    pj = st["prac"][p0:p1]  # practices of the batch, grouped by node
    prow = st["prac_node"][p0:p1] - n0  # their row in the search result
    pacc = st["supply_access"][pj]
    # The search only needs the time the closest-snapped practice and the closest-snapped
    # demand point leave for the road (+1 µs so float rounding never cuts a kept pair).
    limit_s = max(0.0, (threshold - float(pacc.min()) - st["min_demand_access"]) * 60.0 + 1e-6)
    dist = dijkstra(st["rev"], directed=True, indices=src, limit=limit_s)
    settled = int(np.count_nonzero(np.isfinite(dist)))
    sub = dist[:, st["u_nodes"]] / 60.0
    del dist
    r, u = np.nonzero(np.isfinite(sub))
    empty = (np.zeros(0, np.int32), np.zeros(0, np.int32), np.zeros(0), settled)
    if r.size == 0:
        return empty
    t_row = sub[r, u]
    del sub
    # every practice of a node takes all entries of its row (r is sorted: row-major nonzero)
    row_cnt = np.bincount(r, minlength=src.size)
    row_start = np.concatenate([[0], np.cumsum(row_cnt)[:-1]])
    cnt = row_cnt[prow]
    e = _ranges(row_start[prow], cnt)
    pk = np.repeat(np.arange(pj.size), cnt)
    t_node = t_row[e] + pacc[pk]
    keep = t_node <= threshold
    e, pk, t_node = e[keep], pk[keep], t_node[keep]
    uu = u[e]
    cnt = st["u_count"][uu]
    rep = np.repeat(np.arange(uu.size), cnt)
    pts = st["order"][_ranges(st["u_start"][uu], cnt)]
    t_all = t_node[rep] + st["demand_access"][pts]
    keep = t_all <= threshold
    return (
        pts[keep].astype(np.int32),
        pj[pk[rep[keep]]].astype(np.int32),
        t_all[keep],
        settled,
    )


def _in_qgis_desktop() -> bool:
    """True inside the QGIS desktop application (where forking the process is not safe)."""
    core = sys.modules.get("qgis.core")
    if core is None:
        return False
    try:
        if core.QgsApplication.instance() is None:
            return False
        return str(core.QgsApplication.platform()) == "desktop"
    except Exception:  # noqa: BLE001 - unknown host: be careful
        return True


def resolve_workers(workers: int) -> int:
    """Number of search processes: ``workers`` ≥ 1 as given; 0 (or less) = automatic.

    Automatic: 1 inside the QGIS desktop application (forking a GUI process with Qt, GDAL and
    Python threads is not safe), otherwise one per available core (at most 8). Always 1 where
    ``os.fork`` does not exist (Windows).
    """
    if not hasattr(os, "fork"):
        return 1
    workers = int(workers)
    if workers >= 1:
        return workers
    if _in_qgis_desktop():
        return 1
    try:
        cores = len(os.sched_getaffinity(0))
    except AttributeError:  # macOS
        cores = os.cpu_count() or 1
    return max(1, min(cores, 8))


def _prepare_network(
    graph,
    *,
    demand_xy: np.ndarray,
    supply_xy: np.ndarray,
    threshold_min: float,
    max_snap_m: float,
    access_speed_kmh: float,
    batch_size: int,
    progress: Progress,
    supply_names: Sequence[str] | None = None,
    supply_source: str = "practices",
) -> tuple[dict, CostPairs]:
    """Snap, renumber the graph, group practices by node: the search state + a pairless
    :class:`CostPairs` carrying status and snap distances."""
    if not np.isfinite(access_speed_kmh) or access_speed_kmh <= 0:
        raise SundplanError(
            "The access speed must be positive (got {speed} km/h).", speed=access_speed_kmh
        )
    demand_xy = np.asarray(demand_xy, dtype="float64").reshape(-1, 2)
    supply_xy = np.asarray(supply_xy, dtype="float64").reshape(-1, 2)
    n_d, n_s = demand_xy.shape[0], supply_xy.shape[0]
    if supply_names is None:
        supply_names = [str(j) for j in range(n_s)]
    n_nodes = graph.node_xy.shape[0]
    if n_nodes == 0:
        raise SundplanError("The road network '{name}' has no roads.", name=graph.source_name)
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
    if n_s and not s_ok.any():
        near, _ = road_tree.query(supply_xy, k=1)
        first = listing(
            msg("'{name}' ({m:,.0f} m)", name=supply_names[j], m=near[j])
            for j in np.argsort(near)[:3]
        )
        raise SundplanError(
            "None of the {n} practice(s) of '{layer}' lies within the maximum snap distance "
            "({max_snap_m:,.0f} m) of a road of '{network}' (nearest: {first}), so no "
            "accessibility can be computed. Check the practices' CRS and positions, use a "
            "road network that covers them, or raise the maximum snap distance.",
            n=n_s,
            layer=supply_source,
            max_snap_m=max_snap_m,
            network=graph.source_name,
            first=first,
        )
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

    # Renumber the nodes along a Hilbert curve (exact; faster searches, see _hilbert_order).
    perm = _hilbert_order(graph.node_xy)
    inv = np.empty(n_nodes, dtype=np.int64)
    inv[perm] = np.arange(n_nodes)
    rev = _permuted_csr(graph.reverse, perm, inv)
    # Demand points grouped by (renumbered) node: unique demand nodes and their points.
    ok_pts = np.flatnonzero(demand_status == STATUS_OK)
    dn = inv[demand_node[ok_pts]]
    order = ok_pts[np.argsort(dn, kind="stable")]
    u_nodes, u_start, u_count = np.unique(
        inv[demand_node[order]], return_index=True, return_counts=True
    )
    # One search per distinct practice node, in Hilbert order.
    practices = np.flatnonzero(s_ok)
    p_node = inv[supply_node[practices]]
    o = np.lexsort((practices, p_node))
    prac, p_node = practices[o], p_node[o]
    src, prac_node = np.unique(p_node, return_inverse=True)
    node_first = np.searchsorted(prac_node, np.arange(src.size + 1))
    n_batches = math.ceil(src.size / batch_size) if src.size else 0
    ok_acc = demand_access[ok_pts]
    state = {
        "rev": rev,
        "threshold": threshold,
        "batch_size": int(batch_size),
        "src": src,
        "prac": prac,
        "prac_node": prac_node,
        "node_first": node_first,
        "supply_access": supply_access,
        "demand_access": demand_access,
        "min_demand_access": float(ok_acc.min()) if ok_acc.size else 0.0,
        "u_nodes": u_nodes,
        "u_start": u_start,
        "u_count": u_count,
        "order": order,
        "n_batches": n_batches,
    }
    empty_i = np.zeros(0, dtype=np.int32)
    meta = CostPairs(
        demand=empty_i,
        supply=empty_i,
        time_min=np.zeros(0),
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
            "distinct_practice_nodes": int(src.size),
            "batches": n_batches,
            "batch_size": int(batch_size),
            "node_order": "Hilbert curve (renumbered for the searches)",
            "max_snap_m": max_snap_m,
            "access_speed_kmh": access_speed_kmh,
        },
    )
    return state, meta


def _unsnapped_report(meta: CostPairs, supply_names: Sequence[str] | None) -> list[dict]:
    n_s = meta.n_supply
    names = list(supply_names) if supply_names is not None else [str(j) for j in range(n_s)]
    unsnapped = np.flatnonzero(meta.supply_status != STATUS_OK)
    return [{"practice": names[j], "nearest_road_m": None} for j in unsnapped[:50]]


# ----------------------------------------------------------------- forked worker processes
def _worker_main(conn, counter, n_batches: int) -> None:
    """Forked search process: takes batches from the shared counter, keeps its pairs, then
    answers the parent's commands (step sums or the pairs themselves) until ``close``."""
    import traceback

    try:
        parts = []  # (batch, demand points, practices, minutes), kept per batch (no big copy)
        while True:
            with counter.get_lock():
                b = int(counter.value)
                counter.value = b + 1
            if b >= n_batches:
                break
            i, j, t, settled = _batch_pairs(b)
            parts.append((b, i, j, t))
            conn.send(("batch", settled))
        conn.send(("idle",))
        decay = None
        while True:
            cmd, arg = conn.recv()
            if cmd == "close":
                break
            if cmd == "step1":
                demand, decay, n_supply = arg
                reached = np.zeros(n_supply)
                for _, i, j, t in parts:
                    # all pairs of a practice are in one batch: its sum is the 1-process sum
                    reached += _step1(i, j, _pair_weights(t, decay), demand, n_supply)
                conn.send(reached)
            elif cmd == "step2":
                ratio0, n_demand = arg
                access = np.zeros(n_demand)
                n_reach = np.zeros(n_demand, dtype=np.int64)
                nearest = np.full(n_demand, np.inf)
                for _, i, j, t in parts:
                    a, n, near = _step2(i, j, t, _pair_weights(t, decay), ratio0, n_demand)
                    access += a
                    n_reach += n
                    np.minimum(nearest, near, out=nearest)
                conn.send((access, n_reach, nearest))
            elif cmd == "pairs":
                conn.send(([b for b, *_ in parts], [i.size for _, i, _, _ in parts]))
                for _, *arrays in parts:
                    for x in arrays:
                        conn.send_bytes(memoryview(np.ascontiguousarray(x)).cast("B"))
    except BaseException:  # noqa: BLE001 - reported to the parent, which raises
        try:
            conn.send(("error", traceback.format_exc()))
        except Exception:  # noqa: BLE001
            pass
    finally:
        conn.close()


class _Workers:
    """Search processes forked once from this process (they inherit ``_STATE``); each keeps
    the pairs of the batches it computed, so only short vectors travel through the pipes."""

    def __init__(self, n_workers: int, n_batches: int) -> None:
        import multiprocessing

        ctx = multiprocessing.get_context("fork")
        self.counter = ctx.Value("q", 0)
        self.n_batches = n_batches
        self.conns = []
        self.procs = []
        for _ in range(n_workers):
            mine, theirs = ctx.Pipe(duplex=True)
            p = ctx.Process(
                target=_worker_main, args=(theirs, self.counter, n_batches), daemon=True
            )
            p.start()
            theirs.close()
            self.conns.append(mine)
            self.procs.append(p)

    def _recv(self, conn):
        try:
            reply = conn.recv()
        except EOFError:
            raise SundplanError("A shortest-path worker process ended unexpectedly.") from None
        if isinstance(reply, tuple) and reply and isinstance(reply[0], str) and reply[0] == "error":
            raise SundplanError("A shortest-path worker process failed:\n{trace}", trace=reply[1])
        return reply

    def search(self, n_batches: int, progress: Progress) -> int:
        """Run all batches; returns the number of nodes settled."""
        from multiprocessing.connection import wait

        busy = list(self.conns)
        done = settled = 0
        while busy:
            for conn in wait(busy, timeout=5.0):
                reply = self._recv(conn)
                if reply[0] == "batch":
                    done += 1
                    settled += int(reply[1])
                    progress(
                        0.05 + 0.85 * done / max(n_batches, 1),
                        msg(
                            "Shortest paths: batch {done:,} of {n:,} ({workers} processes)",
                            done=done,
                            n=n_batches,
                            workers=len(self.procs),
                        ),
                    )
                elif reply[0] == "idle":
                    busy.remove(conn)
            if busy and not any(p.is_alive() for p in self.procs):
                raise SundplanError("The shortest-path worker processes ended unexpectedly.")
        return settled

    def ask(self, cmd: str, arg) -> list:
        for conn in self.conns:
            conn.send((cmd, arg))
        return [self._recv(conn) for conn in self.conns]

    def pairs(self, n_batches: int) -> tuple[np.ndarray, np.ndarray, np.ndarray]:
        """All pairs, in batch order (the same arrays as one process computes)."""
        for conn in self.conns:
            conn.send(("pairs", None))
        heads = [self._recv(conn) for conn in self.conns]
        lens = np.zeros(n_batches, dtype=np.int64)
        for ids, sizes in heads:
            lens[np.asarray(ids, dtype=np.int64)] = sizes
        offs = np.concatenate([[0], np.cumsum(lens)])
        out = (
            np.empty(offs[-1], np.int32),
            np.empty(offs[-1], np.int32),
            np.empty(offs[-1], np.float64),
        )
        for conn, (ids, _) in zip(self.conns, heads, strict=True):
            for b in ids:
                for o in out:
                    conn.recv_bytes_into(memoryview(o[offs[b] : offs[b + 1]]).cast("B"))
        return out

    def close(self) -> None:
        """Stop (also on cancel or error: no new batches are taken) and reap the processes."""
        with self.counter.get_lock():
            self.counter.value = self.n_batches
        for conn in self.conns:
            try:
                conn.send(("close", None))
            except OSError:
                pass
        for p in self.procs:
            p.join(timeout=5)
            if p.is_alive():
                p.terminate()
                p.join(timeout=5)
        for conn in self.conns:
            conn.close()


def network_pairs(
    graph,
    *,
    demand_xy: np.ndarray,
    supply_xy: np.ndarray,
    threshold_min: float,
    max_snap_m: float = DEFAULT_MAX_SNAP_M,
    access_speed_kmh: float = DEFAULT_ACCESS_SPEED_KMH,
    supply_names: Sequence[str] | None = None,
    supply_source: str = "practices",
    batch_size: int = 16,
    workers: int = 1,
    progress: Progress = _noop,
) -> CostPairs:
    """Travel-time pairs home → practice within the threshold over the road graph.

    One search per distinct practice node (practices snapped to the same node share it; their
    access legs are added afterwards). ``workers`` > 1 runs the searches in that many forked
    processes (POSIX; the graph is shared copy-on-write; 0 = automatic, see
    :func:`resolve_workers`); the pairs are then collected in batch order, identical to
    ``workers=1``. For the 2SFCA itself prefer :func:`network_fca`, which leaves the pairs in
    the workers.

    ``graph`` is a :class:`sundplan_qgis.network.RoadGraph`; coordinates in its CRS. Memory is
    bounded by ``batch_size × nodes`` floats for the search plus the kept pairs.
    """
    import time

    t0 = time.perf_counter()
    global _STATE
    state, meta = _prepare_network(
        graph,
        demand_xy=demand_xy,
        supply_xy=supply_xy,
        threshold_min=threshold_min,
        max_snap_m=max_snap_m,
        access_speed_kmh=access_speed_kmh,
        batch_size=batch_size,
        progress=progress,
        supply_names=supply_names,
        supply_source=supply_source,
    )
    n_batches = state["n_batches"]
    workers = min(resolve_workers(workers), max(n_batches, 1))
    t_snap = time.perf_counter() - t0
    t1 = time.perf_counter()
    settled = 0
    _STATE = state
    try:
        if workers > 1:
            pool = _Workers(workers, n_batches)
            try:
                settled = pool.search(n_batches, progress)
                d, s, t = pool.pairs(n_batches)
            finally:
                pool.close()
        else:
            parts_d, parts_s, parts_t = [], [], []
            for b in range(n_batches):
                progress(
                    0.05 + 0.9 * b / n_batches,
                    msg("Shortest paths: batch {done:,} of {n:,}", done=b + 1, n=n_batches),
                )
                part = _batch_pairs(b)
                parts_d.append(part[0])
                parts_s.append(part[1])
                parts_t.append(part[2])
                settled += part[3]

            def cat(parts, dtype):
                return np.concatenate(parts).astype(dtype) if parts else np.zeros(0, dtype)

            d, s, t = cat(parts_d, np.int32), cat(parts_s, np.int32), cat(parts_t, np.float64)
    finally:
        _STATE = None
    t_paths = time.perf_counter() - t1
    progress(0.97, "Travel times done")
    meta.demand, meta.supply, meta.time_min = d, s, t
    meta.report.update(
        {
            "workers": int(workers),
            "nodes_settled_total": settled,
            "pairs": int(d.size),
            "practices_unsnapped": _unsnapped_report(meta, supply_names),
            "timings_s": {"snap": round(t_snap, 3), "shortest_paths": round(t_paths, 3)},
        }
    )
    return meta


def network_fca(
    graph,
    *,
    demand_xy: np.ndarray,
    supply_xy: np.ndarray,
    demand: np.ndarray,
    capacity: np.ndarray,
    decay: Decay,
    max_snap_m: float = DEFAULT_MAX_SNAP_M,
    access_speed_kmh: float = DEFAULT_ACCESS_SPEED_KMH,
    supply_names: Sequence[str] | None = None,
    supply_source: str = "practices",
    batch_size: int = 16,
    workers: int = 1,
    progress: Progress = _noop,
) -> tuple[CostPairs, FcaResult]:
    """Network travel times and the 2SFCA in one go: ``(pairs, result)``.

    With one process this is :func:`network_pairs` + :func:`two_step_fca` (the pairs are
    returned). With ``workers`` > 1 (0 = automatic, :func:`resolve_workers`) the pairs stay in
    the forked search processes: pass 1 sums each practice's weighted demand there (vectors of
    length n_practices come back), the ratios go out, pass 2 returns partial accessibility
    vectors over the demand locations, summed here. Only these short vectors use the pipes; the
    returned ``pairs`` then holds status and report but no pair arrays. ``ratio``,
    ``demand_reached``, ``n_reachable`` and ``nearest_min`` are bit-identical to one process,
    ``access`` equal up to the order of the floating-point sum (~1e-16 relative).
    """
    import time

    kw = dict(
        demand_xy=demand_xy,
        supply_xy=supply_xy,
        threshold_min=decay.threshold_min,
        max_snap_m=max_snap_m,
        access_speed_kmh=access_speed_kmh,
        supply_names=supply_names,
        supply_source=supply_source,
        batch_size=batch_size,
        progress=progress,
    )
    demand = np.asarray(demand, dtype="float64")
    capacity = np.asarray(capacity, dtype="float64")
    if resolve_workers(workers) <= 1:
        pairs = network_pairs(graph, workers=1, **kw)
        t = time.perf_counter()
        res = two_step_fca(pairs, demand=demand, capacity=capacity, decay=decay)
        pairs.report["timings_s"]["two_step"] = round(time.perf_counter() - t, 3)
        return pairs, res
    t0 = time.perf_counter()
    global _STATE
    del kw["threshold_min"]
    state, meta = _prepare_network(graph, threshold_min=decay.threshold_min, **kw)
    if demand.shape != (meta.n_demand,) or capacity.shape != (meta.n_supply,):
        raise ValueError("demand/capacity sizes do not match the locations")
    n_batches = state["n_batches"]
    n_workers = min(resolve_workers(workers), max(n_batches, 1))
    t_snap = time.perf_counter() - t0
    _STATE = state
    try:
        pool = _Workers(n_workers, n_batches)
    finally:
        _STATE = None  # the children have their copy
    try:
        t1 = time.perf_counter()
        settled = pool.search(n_batches, progress)
        t_paths = time.perf_counter() - t1
        t2 = time.perf_counter()
        progress(0.92, "2SFCA step 1 (in the search processes)")
        reached = np.sum(pool.ask("step1", (demand, decay, meta.n_supply)), axis=0)
        ratio = _ratio(capacity, reached)
        progress(0.95, "2SFCA step 2 (in the search processes)")
        parts = pool.ask("step2", (np.nan_to_num(ratio, nan=0.0), meta.n_demand))
    finally:
        pool.close()
    access = np.sum([p[0] for p in parts], axis=0)
    n_reach = np.sum([p[1] for p in parts], axis=0)
    nearest = np.min([p[2] for p in parts], axis=0)
    res = _finish(access, n_reach, nearest, reached, ratio, meta, demand, capacity, decay)
    meta.report.update(
        {
            "workers": int(n_workers),
            "nodes_settled_total": settled,
            "pairs": int(n_reach.sum()),
            "pairs_kept_in": f"{n_workers} search processes (2SFCA sums computed there)",
            "practices_unsnapped": _unsnapped_report(meta, supply_names),
            "timings_s": {
                "snap": round(t_snap, 3),
                "shortest_paths": round(t_paths, 3),
                "two_step": round(time.perf_counter() - t2, 3),
            },
        }
    )
    progress(0.97, "Accessibility done")
    return meta, res


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
    w = _pair_weights(t, decay)
    reached = _step1(i, j, w, demand, pairs.n_supply)
    ratio = _ratio(capacity, reached)
    access, n_reach, nearest = _step2(i, j, t, w, np.nan_to_num(ratio, nan=0.0), pairs.n_demand)
    return _finish(access, n_reach, nearest, reached, ratio, pairs, demand, capacity, decay)


# Steps 1 and 2 are sparse products, as bincounts over the pairs (no matrix, few temporaries);
# they also run on a subset of the pairs (a search process's) and the parts are summed.
def _pair_weights(t: np.ndarray, decay: Decay) -> np.ndarray | None:
    return None if decay.method == "2sfca" else decay.weights(t)


def _step1(i, j, w, demand: np.ndarray, n_supply: int) -> np.ndarray:
    """``Σ_i W_ij D_i`` per practice over the given pairs."""
    contrib = demand[i] if w is None else w * demand[i]
    return np.bincount(j, weights=contrib, minlength=n_supply)


def _ratio(capacity: np.ndarray, reached: np.ndarray) -> np.ndarray:
    with np.errstate(divide="ignore", invalid="ignore"):
        return np.where(reached > 0, capacity / reached, np.nan)


def _step2(i, j, t, w, ratio0: np.ndarray, n_demand: int):
    """Per demand location over the given pairs: ``Σ_j W_ij R_j`` (``ratio0``: NaN → 0), the
    number of practices within the threshold and the minutes to the nearest one (inf: none)."""
    contrib = ratio0[j] if w is None else w * ratio0[j]
    access = np.bincount(i, weights=contrib, minlength=n_demand)
    del contrib
    n_reach = np.bincount(i, minlength=n_demand)
    nearest = np.full(n_demand, np.inf)
    np.minimum.at(nearest, i, t)
    return access, n_reach, nearest


def _finish(access, n_reach, nearest, reached, ratio, pairs, demand, capacity, decay) -> FcaResult:
    nearest = np.where(np.isfinite(nearest), nearest, np.nan)
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
    """Per area: population, population-weighted mean accessibility (per 10 000) of reached
    residents, its minimum and maximum, population and share below ``low_access_per_10000``,
    and the residents not reached (:mod:`sundplan_qgis.coverage`): ``pop_unsnapped`` (no road
    within the snapping distance), ``pop_unreachable`` (by a road whose network part holds no
    practice), ``share_not_reached`` = their sum / population. Residents with no practice within
    the threshold are reached (access 0, ``pop_no_practice_within_threshold``); the not reached
    have no accessibility at all and are left out of every mean, minimum and share.

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
        unreach = np.asarray(status) == STATUS_UNREACHABLE
    else:
        unreach = np.zeros(pop.size, dtype=bool)
    unsnap = ~located & ~unreach
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
                "pop_unsnapped": np.bincount(g[unsnap], weights=pop[unsnap], minlength=n_g),
                "pop_unreachable": np.bincount(g[unreach], weights=pop[unreach], minlength=n_g),
            }
        )
    coverage.add_share_not_reached(df)
    if total[n_a] <= 0:
        df = df.iloc[:n_a].reset_index(drop=True)
    return df
