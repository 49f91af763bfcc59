"""``sundplan:location_allocation`` (Placering af ny kapacitet): where k new sites help most.

Method
------
*Demand*: the residents (optionally need-weighted by the age/sex composition of their area)
are snapped to the nearest road node within the maximum snap distance and aggregated per
distinct road node (a *unit*). A unit's access leg is the demand-weighted mean of its
locations' legs (straight line at the access speed), so the p-median total is exact; in the
MCLP a unit is covered as a whole. Residents with no road within the snap distance are
counted as *unsnapped* and reported, never dropped.

*Sites*: the CANDIDATES (or, without them, a grid every ``grid_spacing_m`` metres snapped to
the nearest road node of a network part with residents) and the EXISTING sites (fixed, open).
Each distinct site node gets one Dijkstra on the reversed road graph
(``scipy.sparse.csgraph.dijkstra(limit=T)``: time *to* the site from every node), in
batches; only pairs (unit, site) within ``T`` are kept (sparse, never a dense matrix).

*Objectives* (``T`` = ``time_limit_min``):

* ``mclp``: maximise the (need-weighted) residents within ``T`` of an open site;
* ``pmedian``: minimise the (need-weighted) residents' travel time to their nearest open
  site, a time beyond ``T`` counting as ``T`` (``T`` is the search limit). The residents
  beyond ``T`` of every site are counted and reported.

Existing sites are open in every solution: their times enter as each unit's fallback
(covered, or the time to the nearest existing site), which is the same as forcing their
variables to 1, with fewer variables.

*Solvers*: ``scipy.optimize.milp`` (HiGHS branch and bound) while the model has at most
``max_exact_nonzeros`` nonzeros (see docs/benchmarks.md for the measurements behind
:data:`DEFAULT_MAX_EXACT_NONZEROS`), with ``solver_time_limit_s`` per solve; above it, or when
HiGHS finds no solution in time, the greedy heuristic (add the site with the largest gain,
k times), labelled as such in every output. The coverage curve k = 0..K solves every k
exactly when the exact solver is used, otherwise it is the greedy sequence.
"""

from __future__ import annotations

import itertools
import time
from collections.abc import Callable, Sequence
from dataclasses import dataclass, field

import numpy as np
import pandas as pd
from scipy.sparse import csr_matrix
from scipy.sparse.csgraph import dijkstra
from scipy.spatial import cKDTree

from . import coverage
from .areas import OUTSIDE_AREAS, AreaTable, object_array
from .errors import Message, SundplanError, listing, msg
from .network.contract import can_contract, contract

Progress = Callable[[float, str], None]

OBJECTIVES = (
    ("mclp", msg("Maximal coverage (MCLP): most residents within the time limit")),
    ("pmedian", msg("p-median: least population-weighted travel time")),
)
OBJECTIVE_KEYS = tuple(key for key, _label in OBJECTIVES)
OBJECTIVE_LABELS = dict(OBJECTIVES)

METHOD_EXACT = "exact"
METHOD_GREEDY = "greedy"
METHOD_LABELS = {
    METHOD_EXACT: msg("exact (HiGHS mixed-integer programme)"),
    METHOD_GREEDY: msg("greedy heuristic"),
}
KIND_LABELS = {"new": msg("new site"), "existing": msg("existing site")}
CANDIDATE_LABELS = {
    "layer": msg("candidate layer"),
    "grid": msg("grid on the roads"),
}

DEFAULT_K = 3
DEFAULT_TIME_LIMIT_MIN = 15.0
DEFAULT_GRID_SPACING_M = 2000.0
DEFAULT_SOLVER_TIME_LIMIT_S = 60.0
DEFAULT_MAX_EXACT_NONZEROS = 100_000
"""Largest model (nonzeros of the constraint matrix) given to HiGHS. Measured with
``bench/bench_location_allocation.py`` (docs/benchmarks.md, k = 10, 2 shared cores): MCLP
75 000 nonzeros 4.7 s, 171 000 44.5 s; p-median 103 000 9.1 s, 207 000 52.9 s. At this limit
one solve takes about 10 s, and the curve solves K of them; above it the greedy heuristic."""
MAX_GRID_CANDIDATES = 5000
"""More grid candidates than this: one Dijkstra each would take too long; the run stops and
asks for a larger grid spacing."""
BATCH_SIZE = 16  # sites per Dijkstra call: memory ∝ batch × nodes (as the 2SFCA)
TOLERANCE_MIN = 1.0 / 60_000.0  # 1 ms: the inclusive limit absorbs float rounding


def _noop(_f: float, _m: str = "") -> None:
    return None


# --------------------------------------------------------------------------- the problem
@dataclass
class Problem:
    """Demand units × candidate sites within the time limit, as sparse pairs.

    ``pair_unit``/``pair_site``/``pair_min`` list every (unit, candidate) within ``limit_min``
    (times in minutes, access legs included); ``base_min`` is each unit's time to its nearest
    existing site (inf when none within the limit).
    """

    objective: str
    weight: np.ndarray  # (U,) demand per unit
    pair_unit: np.ndarray  # (P,) int
    pair_site: np.ndarray  # (P,) int
    pair_min: np.ndarray  # (P,) float
    base_min: np.ndarray  # (U,) float
    n_sites: int
    limit_min: float

    def cap(self) -> np.ndarray:
        """Each unit's time without new sites, capped at the limit (p-median fallback)."""
        return np.minimum(self.base_min, self.limit_min)

    def unit_times(self, chosen: Sequence[int]) -> np.ndarray:
        """Each unit's time to its nearest open site (existing or ``chosen``); inf beyond
        the limit."""
        t = self.base_min.copy()
        sel = np.isin(self.pair_site, np.asarray(chosen, dtype=np.int64))
        np.minimum.at(t, self.pair_unit[sel], self.pair_min[sel])
        return np.where(t <= self.limit_min + TOLERANCE_MIN, t, np.inf)

    def value(self, chosen: Sequence[int]) -> float:
        """The objective of a set of new sites: covered demand (MCLP) or demand-weighted
        minutes with times capped at the limit (p-median)."""
        t = self.unit_times(chosen)
        if self.objective == "mclp":
            return float(self.weight[np.isfinite(t)].sum())
        return float((self.weight * np.minimum(t, self.limit_min)).sum())


@dataclass
class Solution:
    """Chosen candidates in rank order with their gains, the objective and how it was found."""

    chosen: list[int]
    gains: list[float]
    value: float
    method: str
    reason: Message | None
    info: dict = field(default_factory=dict)


def _model_size(problem: Problem) -> tuple[int, int]:
    """Variables and nonzeros of the MILP :func:`solve_exact` would build."""
    _, units, n_pairs = _reduced(problem)
    n_units = int(np.unique(units).size)
    if problem.objective == "mclp":
        return problem.n_sites + n_units, n_units + n_pairs + problem.n_sites
    return problem.n_sites + n_pairs, 3 * n_pairs + problem.n_sites


def _reduced(problem: Problem) -> tuple[np.ndarray, np.ndarray, int]:
    """The pairs that can improve on the existing sites: (pair mask, their units, count)."""
    if problem.objective == "mclp":
        keep = ~np.isfinite(problem.base_min[problem.pair_unit])
    else:
        keep = problem.pair_min < problem.cap()[problem.pair_unit]
    keep &= problem.weight[problem.pair_unit] > 0
    return keep, problem.pair_unit[keep], int(keep.sum())


def solve_greedy(problem: Problem, k: int, *, among: Sequence[int] | None = None) -> Solution:
    """Add the candidate with the largest gain, ``k`` times (ties: the lowest index).
    ``among`` limits the candidates (used to rank an exact solution's sites)."""
    keep, _, _ = _reduced(problem)
    pu, ps, pt = problem.pair_unit[keep], problem.pair_site[keep], problem.pair_min[keep]
    w = problem.weight
    allowed = np.zeros(problem.n_sites, dtype=bool)
    allowed[np.arange(problem.n_sites) if among is None else np.asarray(among, int)] = True
    chosen: list[int] = []
    gains: list[float] = []
    if problem.objective == "mclp":
        open_w = np.where(np.isfinite(problem.base_min), 0.0, w)
        for _ in range(k):
            gain = np.bincount(ps, weights=open_w[pu], minlength=problem.n_sites)
            gain[~allowed] = -1.0
            j = int(np.argmax(gain))
            chosen.append(j)
            gains.append(max(float(gain[j]), 0.0))
            allowed[j] = False
            open_w[pu[ps == j]] = 0.0
    else:
        cur = problem.cap().astype(float)
        for _ in range(k):
            saving = w[pu] * np.maximum(cur[pu] - pt, 0.0)
            gain = np.bincount(ps, weights=saving, minlength=problem.n_sites)
            gain[~allowed] = -1.0
            j = int(np.argmax(gain))
            chosen.append(j)
            gains.append(max(float(gain[j]), 0.0))
            allowed[j] = False
            sel = ps == j
            np.minimum.at(cur, pu[sel], pt[sel])
    return Solution(chosen, gains, problem.value(chosen), METHOD_GREEDY, None)


def solve_exact(problem: Problem, k: int, *, time_limit_s: float) -> Solution | None:
    """The optimum over all k-subsets of the candidates (HiGHS through
    ``scipy.optimize.milp``); None when HiGHS found no solution within the time limit.

    MCLP: max Σ w_u y_u, y_u ≤ Σ_{j reaches u} x_j, Σ x_j = k (units covered by an existing
    site left out). p-median: min Σ w_u (t_uj − c_u) z_uj with c_u the unit's capped time
    without new sites, Σ_j z_uj ≤ 1, z_uj ≤ x_j, Σ x_j = k (only pairs with t_uj < c_u).
    """
    from scipy.optimize import Bounds, LinearConstraint, milp

    if k == 1:  # the best single site: every candidate's gain is evaluated, exact and instant
        one = solve_greedy(problem, 1)
        one.method = METHOD_EXACT
        one.info = {"solver": msg("every candidate evaluated (k = 1)"), "optimal": True}
        return one
    n_c = problem.n_sites
    keep, _, n_p = _reduced(problem)
    pu_all, ps = problem.pair_unit[keep], problem.pair_site[keep]
    units, pu = np.unique(pu_all, return_inverse=True)
    n_u = units.size
    w = problem.weight
    ones_k = csr_matrix(np.ones((1, n_c)))
    if problem.objective == "mclp":
        n_var = n_c + n_u
        c = np.concatenate([np.zeros(n_c), -w[units]])
        # y_u - sum_j x_j <= 0
        rows = np.concatenate([np.arange(n_u), pu])
        cols = np.concatenate([n_c + np.arange(n_u), ps])
        vals = np.concatenate([np.ones(n_u), -np.ones(n_p)])
        a_cover = csr_matrix((vals, (rows, cols)), shape=(n_u, n_var))
        a_k = csr_matrix((ones_k.data, ones_k.indices, ones_k.indptr), shape=(1, n_var))
        constraints = [LinearConstraint(a_cover, -np.inf, 0.0), LinearConstraint(a_k, k, k)]
        const = float(w[np.isfinite(problem.base_min)].sum())
    else:
        pt = problem.pair_min[keep]
        cap = problem.cap()
        n_var = n_c + n_p
        c = np.concatenate([np.zeros(n_c), w[pu_all] * (pt - cap[pu_all])])
        z = n_c + np.arange(n_p)
        a_one = csr_matrix((np.ones(n_p), (pu, z)), shape=(n_u, n_var))
        link_rows = np.concatenate([np.arange(n_p), np.arange(n_p)])
        link = csr_matrix(
            (np.concatenate([np.ones(n_p), -np.ones(n_p)]), (link_rows, np.concatenate([z, ps]))),
            shape=(n_p, n_var),
        )
        a_k = csr_matrix((ones_k.data, ones_k.indices, ones_k.indptr), shape=(1, n_var))
        constraints = [
            LinearConstraint(a_one, -np.inf, 1.0),
            LinearConstraint(link, -np.inf, 0.0),
            LinearConstraint(a_k, k, k),
        ]
        const = float((w * cap).sum())
    integrality = np.concatenate([np.ones(n_c), np.zeros(n_var - n_c)])
    t0 = time.perf_counter()
    res = milp(
        c,
        constraints=constraints,
        integrality=integrality,
        bounds=Bounds(0.0, 1.0),
        options={"time_limit": float(time_limit_s), "disp": False},
    )
    seconds = time.perf_counter() - t0
    if res.x is None:
        return None
    chosen = [int(j) for j in np.flatnonzero(res.x[:n_c] > 0.5)]
    info = {
        "solver": "scipy.optimize.milp (HiGHS)",
        "status": int(res.status),
        "optimal": bool(res.status == 0),
        "mip_gap": float(getattr(res, "mip_gap", 0.0) or 0.0),
        "solve_s": round(seconds, 3),
        "objective_check": float(
            const - res.fun if problem.objective == "mclp" else const + res.fun
        ),
    }
    ranked = solve_greedy(problem, k, among=chosen)  # rank and gains within the optimum
    reason = (
        None
        if res.status == 0
        else msg(
            "time limit of {s:g} s reached: best solution found (gap {gap:.2%})",
            s=time_limit_s,
            gap=info["mip_gap"],
        )
    )
    return Solution(ranked.chosen, ranked.gains, problem.value(chosen), METHOD_EXACT, reason, info)


def solve(
    problem: Problem, k: int, *, time_limit_s: float, max_nonzeros: int
) -> tuple[Solution, dict]:
    """Exact when the model is small enough (and HiGHS finds a solution), else greedy; the
    model size and the choice for the report."""
    n_var, n_nz = _model_size(problem)
    size = {"variables": n_var, "nonzeros": n_nz, "max_exact_nonzeros": int(max_nonzeros)}
    if n_nz > max_nonzeros:
        sol = solve_greedy(problem, k)
        sol.reason = msg(
            "greedy (problem too large for the exact solver: {n:,} nonzeros > limit {limit:,})",
            n=n_nz,
            limit=int(max_nonzeros),
        )
        return sol, size
    sol = solve_exact(problem, k, time_limit_s=time_limit_s)
    if sol is None:
        sol = solve_greedy(problem, k)
        sol.reason = msg(
            "greedy (the exact solver found no solution within {s:g} s)", s=time_limit_s
        )
        return sol, size
    greedy = solve_greedy(problem, k)  # a time-limited optimum is never worse than greedy
    better = greedy.value > sol.value if problem.objective == "mclp" else greedy.value < sol.value
    if sol.info.get("optimal") is False and better:
        greedy.reason = msg(
            "greedy (better than the exact solver's best solution within {s:g} s)",
            s=time_limit_s,
        )
        greedy.info = sol.info
        return greedy, size
    return sol, size


def brute_force(problem: Problem, k: int) -> tuple[tuple[int, ...], float]:
    """The best k-subset by enumeration (tests and tiny problems only)."""
    best, best_v = (), None
    for combo in itertools.combinations(range(problem.n_sites), k):
        v = problem.value(combo)
        if best_v is None or (v > best_v if problem.objective == "mclp" else v < best_v):
            best, best_v = combo, v
    return best, float(best_v)


# --------------------------------------------------------------------------- inputs
@dataclass(frozen=True)
class Sites:
    """Points in the network's CRS with names and the user's ids."""

    xy: np.ndarray
    names: list[str]
    ids: list
    source_name: str


@dataclass
class LocationInputs:
    """Everything one ``sundplan:location_allocation`` run needs, in the network's CRS."""

    graph: object  # network.RoadGraph
    population: object  # rasters.Population, any CRS
    objective: str = "mclp"
    k: int = DEFAULT_K
    time_limit_min: float = DEFAULT_TIME_LIMIT_MIN
    candidates: Sites | None = None  # None or empty: a grid on the roads
    existing: Sites | None = None
    grid_spacing_m: float = DEFAULT_GRID_SPACING_M
    areas: AreaTable | None = None  # summary areas (+ age/sex columns for need weights)
    need_weights: pd.DataFrame | None = None
    max_snap_m: float = 1000.0
    access_speed_kmh: float = 30.0
    solver_time_limit_s: float = DEFAULT_SOLVER_TIME_LIMIT_S
    max_exact_nonzeros: int = DEFAULT_MAX_EXACT_NONZEROS
    network_info: dict = field(default_factory=dict)
    not_reached_warning_pct: float = coverage.DEFAULT_WARN_PCT
    areas_note: Message | None = None  # said in the report when the areas are defaults


@dataclass
class LocationResult:
    """Sites (x/y), per-area before/after (geometry), the coverage curve, the report."""

    sites: pd.DataFrame
    areas: pd.DataFrame
    curve: pd.DataFrame
    report: dict
    warnings: list = field(default_factory=list)
    method: str = METHOD_EXACT


# --------------------------------------------------------------------------- validation
def validate(inputs: LocationInputs) -> None:
    """Parameter checks before anything is computed."""
    if inputs.objective not in OBJECTIVE_KEYS:
        raise SundplanError(
            "Unknown objective '{objective}': choose one of {keys}.",
            objective=inputs.objective,
            keys=", ".join(OBJECTIVE_KEYS),
        )
    if int(inputs.k) < 1:
        raise SundplanError(
            "The number of new sites k must be at least 1 (got {k}).", k=int(inputs.k)
        )
    t = inputs.time_limit_min
    if not np.isfinite(t) or t <= 0:
        raise SundplanError("The time limit must be a positive number of minutes (got {t}).", t=t)
    if not np.isfinite(inputs.solver_time_limit_s) or inputs.solver_time_limit_s <= 0:
        raise SundplanError(
            "The solver time limit must be a positive number of seconds (got {s}).",
            s=inputs.solver_time_limit_s,
        )
    if not np.isfinite(inputs.access_speed_kmh) or inputs.access_speed_kmh <= 0:
        raise SundplanError(
            "The access speed must be positive (got {speed} km/h).", speed=inputs.access_speed_kmh
        )
    coverage.check_threshold(inputs.not_reached_warning_pct)
    if inputs.graph is None or inputs.graph.node_xy.shape[0] == 0:
        name = getattr(inputs.graph, "source_name", "")
        raise SundplanError("The road network '{name}' has no roads.", name=name)


# --------------------------------------------------------------------------- costs
def _road_nodes(graph) -> np.ndarray:
    mask = getattr(graph, "node_is_road", None)
    nodes = np.arange(graph.node_xy.shape[0]) if mask is None else np.flatnonzero(mask)
    return nodes if nodes.size else np.arange(graph.node_xy.shape[0])


def _grid_candidates(graph, unit_nodes: np.ndarray, spacing_m: float) -> Sites:
    """One candidate per grid point every ``spacing_m`` over the residents' extent, on the
    nearest road node within half the spacing in a network part with residents."""
    if not np.isfinite(spacing_m) or spacing_m <= 0:
        raise SundplanError(
            "The grid spacing for candidate sites must be positive (got {m} m).", m=spacing_m
        )
    xy = graph.node_xy[unit_nodes]
    lo, hi = xy.min(axis=0), xy.max(axis=0)
    nx = int(np.floor((hi[0] - lo[0]) / spacing_m)) + 1
    ny = int(np.floor((hi[1] - lo[1]) / spacing_m)) + 1
    if nx * ny > 50 * MAX_GRID_CANDIDATES:
        raise _too_many_grid(nx * ny, spacing_m)
    gx, gy = np.meshgrid(lo[0] + spacing_m * np.arange(nx), lo[1] + spacing_m * np.arange(ny))
    points = np.column_stack([gx.ravel(), gy.ravel()])
    comp = np.asarray(graph.component)
    road = _road_nodes(graph)
    road = road[np.isin(comp[road], np.unique(comp[unit_nodes]))]
    d, j = cKDTree(graph.node_xy[road]).query(points, k=1, distance_upper_bound=spacing_m / 2)
    nodes = np.unique(road[j[np.isfinite(d)]])
    if nodes.size > MAX_GRID_CANDIDATES:
        raise _too_many_grid(nodes.size, spacing_m)
    ids = [f"G{i + 1:05d}" for i in range(nodes.size)]
    return Sites(graph.node_xy[nodes], list(ids), ids, "grid")


def _too_many_grid(n: int, spacing_m: float) -> SundplanError:
    return SundplanError(
        "A candidate grid every {m:,.0f} m gives {n:,} candidate sites (at most {limit:,}: one "
        "shortest-path search each). Raise the grid spacing or give a CANDIDATES layer.",
        m=spacing_m,
        n=n,
        limit=MAX_GRID_CANDIDATES,
    )


def _snap_sites(graph, sites: Sites, max_snap_m: float) -> tuple[np.ndarray, np.ndarray]:
    """Road node (-1 beyond the snap distance) and snap distance of every site."""
    road = _road_nodes(graph)
    if sites.xy.shape[0] == 0:
        return np.zeros(0, np.int64), np.zeros(0)
    d, j = cKDTree(graph.node_xy[road]).query(sites.xy, k=1)
    node = np.where(d <= max_snap_m, road[np.minimum(j, road.size - 1)], -1)
    return node.astype(np.int64), d


def _far_listing(sites: Sites, snap_m: np.ndarray, idx: np.ndarray) -> Message:
    return listing(msg("'{name}' ({m:,.0f} m)", name=sites.names[j], m=snap_m[j]) for j in idx[:10])


def site_times(
    graph,
    *,
    site_node: np.ndarray,
    site_leg_min: np.ndarray,
    unit_node: np.ndarray,
    unit_leg_min: np.ndarray,
    limit_min: float,
    progress: Progress = _noop,
) -> tuple[np.ndarray, np.ndarray, np.ndarray, int]:
    """Pairs (unit, site, minutes) within ``limit_min`` home → site: one limited Dijkstra per
    distinct site node on the reversed graph, in batches; legs added at both ends."""
    nodes, site_row = np.unique(site_node, return_inverse=True)
    # search on the junctions only (the sites' nodes kept), homes read off their chains: exact
    contracted = contract(graph, keep=nodes) if can_contract(graph) else None
    rev = contracted.reverse if contracted is not None else graph.reverse.tocsr()
    start = contracted.core_of[nodes] if contracted is not None else nodes
    limit = limit_min + TOLERANCE_MIN
    min_unit_leg = float(unit_leg_min.min()) if unit_leg_min.size else 0.0
    parts_u, parts_s, parts_t = [], [], []
    settled = 0
    n_batches = max(1, -(-nodes.size // BATCH_SIZE))
    for b, n0 in enumerate(range(0, nodes.size, BATCH_SIZE)):
        progress(
            b / n_batches,
            msg("Shortest paths: batch {done:,} of {n:,}", done=b + 1, n=n_batches),
        )
        batch = nodes[n0 : n0 + BATCH_SIZE]
        in_batch = np.flatnonzero((site_row >= n0) & (site_row < n0 + batch.size))
        min_leg = float(site_leg_min[in_batch].min())
        limit_s = max(0.0, (limit - min_leg - min_unit_leg) * 60.0) + 1e-6
        dist = dijkstra(rev, directed=True, indices=start[n0 : n0 + batch.size], limit=limit_s)
        settled += int(np.isfinite(dist).sum())
        if contracted is not None:
            sub = contracted.times_to(dist, unit_node)[0] / 60.0
        else:
            sub = dist[:, unit_node] / 60.0
        del dist
        for s in in_batch:
            t = sub[site_row[s] - n0] + site_leg_min[s] + unit_leg_min
            u = np.flatnonzero(t <= limit)
            parts_u.append(u)
            parts_s.append(np.full(u.size, s, dtype=np.int64))
            parts_t.append(t[u])
    if not parts_u:
        return np.zeros(0, np.int64), np.zeros(0, np.int64), np.zeros(0), settled
    return (
        np.concatenate(parts_u).astype(np.int64),
        np.concatenate(parts_s),
        np.concatenate(parts_t),
        settled,
    )


# --------------------------------------------------------------------------- run
def _demand(inputs: LocationInputs, xy: np.ndarray, pop: np.ndarray):
    """Demand per location (need-weighted by its area's factor) and its area index."""
    from . import need
    from .catchments import assign_areas_by_point
    from .fca import need_factors

    area_index = np.full(pop.size, -1, dtype=np.int64)
    demand = pop.astype("float64")
    label = msg("none (unweighted residents)")
    if inputs.areas is not None and inputs.areas.geometries is not None:
        area_index = assign_areas_by_point(xy, inputs.areas.geometries)
    if inputs.need_weights is not None:
        if inputs.areas is None:
            raise SundplanError(
                "Need weighting needs an area layer with age/sex columns (m_0_4 … k_85_plus)."
            )
        factor = need_factors(
            inputs.areas.frame,
            weights=inputs.need_weights,
            area_names=inputs.areas.names,
            areas_source=inputs.areas.source_name,
        )
        demand = pop * np.where(area_index >= 0, factor[np.maximum(area_index, 0)], 1.0)
        label = need.weights_label(inputs.need_weights)
    return demand, area_index, label


def run(inputs: LocationInputs, *, progress: Progress | None = None) -> LocationResult:
    """One ``sundplan:location_allocation`` run (see the module docstring)."""
    from . import need, rasters

    progress = progress or _noop
    validate(inputs)
    timings: dict[str, float] = {}
    t0 = time.perf_counter()
    graph, k, limit = inputs.graph, int(inputs.k), float(inputs.time_limit_min)
    warnings: list = []
    population = inputs.population
    if population is None or population.xy.shape[0] == 0 or not population.total > 0:
        raise SundplanError(
            "The residents '{layer}' are empty (no locations or no residents): there is no "
            "demand to place sites for.",
            layer=getattr(population, "source_name", ""),
        )
    progress(0.02, "Snapping residents to the road network")
    xy = rasters.transform_xy(population.xy, src_wkt=population.crs_wkt, dst_wkt=graph.crs_wkt)
    pop = np.asarray(population.population, dtype="float64")
    demand, area_index, weights_label = _demand(inputs, xy, pop)
    road = _road_nodes(graph)
    d, j = cKDTree(graph.node_xy[road]).query(
        xy, k=1, distance_upper_bound=inputs.max_snap_m, workers=-1
    )
    located = np.isfinite(d) & (pop > 0)
    if not located.any():
        raise SundplanError(
            "None of the residents of '{layer}' lies within the maximum snap distance "
            "({m:,.0f} m) of a road of '{network}'. Check the CRS of the residents and the "
            "network, or raise the maximum snap distance.",
            layer=population.source_name,
            m=inputs.max_snap_m,
            network=graph.source_name,
        )
    access_mpm = inputs.access_speed_kmh * 1000.0 / 60.0
    loc_node = np.full(pop.size, -1, dtype=np.int64)
    loc_node[located] = road[j[located]]
    unit_node, loc_unit_l = np.unique(loc_node[located], return_inverse=True)
    loc_unit = np.full(pop.size, -1, dtype=np.int64)
    loc_unit[located] = loc_unit_l
    n_u = unit_node.size
    w_unit = np.bincount(loc_unit_l, weights=demand[located], minlength=n_u)
    leg = d[located] / access_mpm
    wl = np.where(demand[located] > 0, demand[located], 1e-12)
    unit_leg = np.bincount(loc_unit_l, weights=wl * leg, minlength=n_u) / np.bincount(
        loc_unit_l, weights=wl, minlength=n_u
    )
    timings["demand_s"] = time.perf_counter() - t0

    # Sites: candidates (or the grid) and the fixed existing sites.
    t1 = time.perf_counter()
    cand = inputs.candidates
    grid = cand is None or cand.xy.shape[0] == 0
    if grid:
        cand = _grid_candidates(graph, unit_node, inputs.grid_spacing_m)
    c_node, c_snap = _snap_sites(graph, cand, inputs.max_snap_m)
    far = np.flatnonzero(c_node < 0)
    if cand.xy.shape[0] and far.size == cand.xy.shape[0]:
        raise SundplanError(
            "None of the {n} candidate site(s) of '{layer}' lies within the maximum snap "
            "distance ({max_snap_m:,.0f} m) of a road of '{network}': {names}. Check the "
            "candidates' CRS and positions, use a road network that covers them, or raise "
            "the maximum snap distance.",
            n=cand.xy.shape[0],
            layer=cand.source_name,
            max_snap_m=inputs.max_snap_m,
            network=graph.source_name,
            names=_far_listing(cand, c_snap, np.argsort(c_snap)),
        )
    if far.size:
        warnings.append(
            msg(
                "{n} candidate site(s) of '{layer}' lie farther than the maximum snap distance "
                "({max_snap_m:,.0f} m) from any road and are left out: {names}.",
                n=far.size,
                layer=cand.source_name,
                max_snap_m=inputs.max_snap_m,
                names=_far_listing(cand, c_snap, far),
            )
        )
    usable = np.flatnonzero(c_node >= 0)
    if usable.size == 0:
        raise SundplanError(
            "No candidate sites on the road network: the grid every {m:,.0f} m found no road "
            "node near the residents. Give a CANDIDATES layer or a smaller grid spacing.",
            m=inputs.grid_spacing_m,
        )
    if k > usable.size:
        raise SundplanError(
            "k = {k} new sites asked for, but only {n} candidate site(s) of '{layer}' lie on "
            "the road network. Lower k or give more candidates.",
            k=k,
            n=usable.size,
            layer=cand.source_name,
        )
    existing = inputs.existing
    n_e = 0 if existing is None else existing.xy.shape[0]
    e_node, e_snap = (np.zeros(0, np.int64), np.zeros(0))
    if n_e:
        e_node, e_snap = _snap_sites(graph, existing, inputs.max_snap_m)
        off = np.flatnonzero(e_node < 0)
        if off.size:
            raise SundplanError(
                "{n} existing site(s) of '{layer}' lie farther than the maximum snap distance "
                "({max_snap_m:,.0f} m) from any road of '{network}': {names}. Existing sites "
                "are fixed and cannot be left out: move them next to a road, remove them from "
                "the layer, or raise the maximum snap distance.",
                n=off.size,
                layer=existing.source_name,
                max_snap_m=inputs.max_snap_m,
                network=graph.source_name,
                names=_far_listing(existing, e_snap, off),
            )
    site_node = np.concatenate([c_node[usable], e_node])
    site_leg = np.concatenate([c_snap[usable], e_snap]) / access_mpm
    progress(0.1, msg("Travel times from {n:,} sites", n=site_node.size))
    pu, ps, pt, settled = site_times(
        graph,
        site_node=site_node,
        site_leg_min=site_leg,
        unit_node=unit_node,
        unit_leg_min=unit_leg,
        limit_min=limit,
        progress=lambda f, m: progress(0.1 + 0.6 * f, m),
    )
    n_c = usable.size
    is_new = ps < n_c
    base = np.full(n_u, np.inf)
    np.minimum.at(base, pu[~is_new], pt[~is_new])
    problem = Problem(
        inputs.objective, w_unit, pu[is_new], ps[is_new], pt[is_new], base, n_c, limit
    )
    timings["travel_times_s"] = time.perf_counter() - t1

    # Solve for K, then the curve k = 0..K.
    t2 = time.perf_counter()
    progress(0.75, "Choosing the sites")
    sol, size = solve(
        problem,
        k,
        time_limit_s=inputs.solver_time_limit_s,
        max_nonzeros=inputs.max_exact_nonzeros,
    )
    if sol.reason is not None:
        warnings.append(msg("Method: {reason}.", reason=sol.reason))
    cand_ids = [str(cand.ids[j]) for j in usable]
    curve = _curve(problem, inputs, sol, k, progress, cand_ids)
    timings["solve_s"] = time.perf_counter() - t2

    before = problem.unit_times([])
    after = problem.unit_times(sol.chosen)
    sites = _sites_table(inputs, cand, usable, c_snap, existing, e_snap, sol, grid)
    areas = _area_table(inputs, pop, demand, area_index, loc_unit, before, after)
    cov = coverage.summary(total=pop.sum(), unsnapped=pop[~located].sum(), unreachable=0.0)
    worst = coverage.worst_areas(areas, threshold_pct=inputs.not_reached_warning_pct)
    warn = coverage.warning(cov, worst, threshold_pct=inputs.not_reached_warning_pct)
    if warn is not None:
        warnings.append(warn)
    method_text = sol.reason if sol.reason is not None else METHOD_LABELS[sol.method]
    report = {
        "objective": inputs.objective,
        "objective_label": OBJECTIVE_LABELS[inputs.objective],
        "method": sol.method,
        "method_text": method_text,
        "k": k,
        "time_limit_min": limit,
        "time_limit_rule": _limit_rule(inputs.objective),
        "network": inputs.network_info or None,
        "candidates": {
            "source": cand.source_name,
            "grid_spacing_m": float(inputs.grid_spacing_m) if grid else None,
            "n": int(cand.xy.shape[0]),
            "on_network": int(n_c),
            "beyond_snap_distance": int(far.size),
        },
        "existing_sites": {
            "source": existing.source_name if n_e else None,
            "n": int(n_e),
        },
        "demand": {
            "source": population.source_name,
            "locations": int(pop.size),
            "residents_total": float(pop.sum()),
            "demand_total": float(demand.sum()),
            "road_nodes": int(n_u),
            "aggregation": msg(
                "residents aggregated per road node; a node's access leg is its residents' "
                "mean leg"
            ),
        },
        "need_weights": need.weights_record(inputs.need_weights),
        "model": {**size, **sol.info, "time_limit_s": float(inputs.solver_time_limit_s)},
        "result": _result_section(problem, sol, before, after, w_unit, inputs.objective),
        "travel_times": {
            "searches": int(np.unique(site_node).size),
            "pairs_within_limit": int(pu.size),
            "nodes_settled_total": int(settled),
            "max_snap_m": float(inputs.max_snap_m),
            "access_speed_kmh": float(inputs.access_speed_kmh),
        },
        "coverage": {**cov, "warning_threshold_pct": inputs.not_reached_warning_pct},
        "timings_s": {key: round(v, 3) for key, v in timings.items()},
    }
    if inputs.areas_note is not None:
        report["areas"] = inputs.areas_note
    progress(1.0, "Done")
    return LocationResult(sites, areas, curve, report, warnings, sol.method)


def _limit_rule(objective: str) -> Message:
    if objective == "mclp":
        return msg("inclusive: residents exactly at the limit are covered (1 ms tolerance)")
    return msg(
        "search limit: a travel time beyond the limit counts as the limit; those residents "
        "are counted as beyond reach"
    )


def _result_section(problem, sol, before, after, w_unit, objective) -> dict:
    total = float(w_unit.sum())
    v0 = problem.value([])
    out = {
        "value_before": v0,
        "value_after": sol.value,
        "gain": (sol.value - v0) if objective == "mclp" else (v0 - sol.value),
        "demand_within_limit_before": float(w_unit[np.isfinite(before)].sum()),
        "demand_within_limit_after": float(w_unit[np.isfinite(after)].sum()),
        "demand_beyond_limit_before": float(w_unit[~np.isfinite(before)].sum()),
        "demand_beyond_limit_after": float(w_unit[~np.isfinite(after)].sum()),
    }
    if objective == "pmedian" and total > 0:
        out["mean_time_min_before"] = v0 / total
        out["mean_time_min_after"] = sol.value / total
    return out


def _curve(problem, inputs, sol, k, progress, site_ids: Sequence[str]) -> pd.DataFrame:
    """Objective per k = 0..K: exact per k when the exact solver was used, else greedy."""
    rows = [(0, problem.value([]), "", [], 0.0)]
    if sol.method == METHOD_EXACT:
        for kk in range(1, k + 1):
            progress(0.75 + 0.2 * kk / k, msg("Coverage curve: k = {k}", k=kk))
            t0 = time.perf_counter()
            s = (
                sol
                if kk == k
                else solve_exact(problem, kk, time_limit_s=inputs.solver_time_limit_s)
            )
            method = METHOD_EXACT if s is not None else METHOD_GREEDY
            if s is None:
                s = solve_greedy(problem, kk)
            seconds = s.info.get("solve_s", 0.0) if kk == k else time.perf_counter() - t0
            rows.append((kk, s.value, method, s.chosen, seconds))
    else:
        greedy = solve_greedy(problem, k)
        for kk in range(1, k + 1):
            value = problem.value(greedy.chosen[:kk])
            rows.append((kk, value, METHOD_GREEDY, greedy.chosen[:kk], 0.0))
    values = np.array([r[1] for r in rows])
    total = float(problem.weight.sum())
    sign = 1.0 if problem.objective == "mclp" else -1.0
    share = values / total if total > 0 else np.full(values.size, np.nan)
    nan = np.full(values.size, np.nan)
    return pd.DataFrame(
        {
            "k": [r[0] for r in rows],
            "objective": problem.objective,
            "value": values,
            "share_within_limit": share if problem.objective == "mclp" else nan,
            "mean_time_min": share if problem.objective == "pmedian" else nan,
            "gain": np.concatenate([[0.0], sign * np.diff(values)]),
            "method": [r[2] for r in rows],
            "site_ids": [";".join(site_ids[j] for j in r[3]) for r in rows],
            "solve_s": [round(r[4], 3) for r in rows],
        }
    )


def _sites_table(inputs, cand, usable, c_snap, existing, e_snap, sol, grid) -> pd.DataFrame:
    """The chosen sites in rank order, then the existing sites (no rank)."""
    chosen = usable[np.asarray(sol.chosen, dtype=np.int64)]
    gain_col = "gain_residents" if inputs.objective == "mclp" else "gain_person_min"
    rows = {
        "rank": list(range(1, chosen.size + 1)),
        "site_id": [str(cand.ids[j]) for j in chosen],
        "name": [str(cand.names[j]) for j in chosen],
        "kind": ["new"] * chosen.size,
        gain_col: list(sol.gains),
        "snap_m": [float(c_snap[j]) for j in chosen],
        "x": [float(cand.xy[j, 0]) for j in chosen],
        "y": [float(cand.xy[j, 1]) for j in chosen],
    }
    frame = pd.DataFrame(rows)
    if existing is not None and existing.xy.shape[0]:
        ex = pd.DataFrame(
            {
                "rank": [None] * existing.xy.shape[0],
                "site_id": [str(i) for i in existing.ids],
                "name": [str(n) for n in existing.names],
                "kind": "existing",
                gain_col: np.nan,
                "snap_m": e_snap,
                "x": existing.xy[:, 0],
                "y": existing.xy[:, 1],
            }
        )
        frame = pd.concat([frame, ex], ignore_index=True)
    frame["rank"] = frame["rank"].astype("Int64")
    frame["objective"] = inputs.objective
    frame["method"] = sol.method
    frame["candidates"] = "grid" if grid else "layer"
    return frame


def _area_table(inputs, pop, demand, area_index, loc_unit, before, after) -> pd.DataFrame:
    """Per area: residents within the limit and mean time of those within it, before and
    after; residents not placed on the network."""
    areas = inputs.areas
    n_a = 0 if areas is None else len(areas.ids)
    g = np.where(area_index >= 0, area_index, n_a)
    n_g = n_a + 1
    ok = loc_unit >= 0
    out = {
        "area_id": [*(str(a) for a in (areas.ids if areas else [])), None],
        "area_name": [*(str(a) for a in (areas.names if areas else [])), OUTSIDE_AREAS],
        "population": np.bincount(g, weights=pop, minlength=n_g),
        "demand": np.bincount(g, weights=demand, minlength=n_g),
    }
    for when, t_unit in (("before", before), ("after", after)):
        t = np.full(pop.size, np.inf)
        t[ok] = t_unit[loc_unit[ok]]
        within = np.isfinite(t)
        p_in = np.bincount(g[within], weights=pop[within], minlength=n_g)
        out[f"pop_within_{when}"] = p_in
        out[f"demand_within_{when}"] = np.bincount(g[within], weights=demand[within], minlength=n_g)
        with np.errstate(invalid="ignore", divide="ignore"):
            out[f"share_within_{when}"] = np.where(
                out["population"] > 0, p_in / out["population"], np.nan
            )
            tw = np.bincount(g[within], weights=pop[within] * t[within], minlength=n_g)
            out[f"mean_time_min_{when}"] = np.where(p_in > 0, tw / p_in, np.nan)
        beyond = ok & ~within
        out[f"pop_beyond_{when}"] = np.bincount(g[beyond], weights=pop[beyond], minlength=n_g)
    out["pop_unsnapped"] = np.bincount(g[~ok], weights=pop[~ok], minlength=n_g)
    out["pop_unreachable"] = np.zeros(n_g)
    frame = pd.DataFrame(out)
    frame["change_share_within"] = frame["share_within_after"] - frame["share_within_before"]
    coverage.add_share_not_reached(frame)
    geoms = list(areas.geometries) if areas is not None and areas.geometries is not None else []
    frame["geometry"] = object_array(geoms + [None] * (len(frame) - len(geoms)))
    frame["objective"] = inputs.objective
    if frame["population"].iloc[n_a] <= 0:
        frame = frame.iloc[:n_a].reset_index(drop=True)
    return frame
