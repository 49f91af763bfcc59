"""Two-step floating catchment area (2SFCA) accessibility to practices.

Entry point of ``sundplan:fca_access``: :func:`run` (:class:`FcaInputs` → :class:`FcaResult`:
demand with need factors, travel times, both steps, the output tables and the run report).

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

Network engine: :mod:`sundplan_qgis.fca_network` (snapping, batched searches, forked worker
processes).

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
from collections.abc import Callable, Sequence
from dataclasses import dataclass, field
from typing import TYPE_CHECKING

import numpy as np
import pandas as pd
from scipy.spatial import cKDTree

from . import coverage
from .areas import OUTSIDE_AREAS, AreaTable, object_array
from .errors import Message, SundplanError, listing, msg
from .need import NO_WEIGHTS_LABEL
from .snapping import DEFAULT_ACCESS_SPEED_KMH, DEFAULT_MAX_SNAP_M

if TYPE_CHECKING:
    from .density import Practices
    from .network import RoadGraph
    from .rasters import Population

Progress = Callable[[float, str], None]

METHODS = (
    ("2sfca", msg("2SFCA (step)")),
    ("e2sfca", msg("E2SFCA (weighted zones, Luo & Qi 2009)")),
    ("gaussian", msg("Gaussian decay")),
)
"""The METHOD choice: ``(key, English label)``; the processing layer lists the labels."""
METHOD_KEYS = tuple(key for key, _label in METHODS)
METHOD_LABELS = {
    "2sfca": msg("2SFCA (step: weight 1 inside the catchment)"),
    "e2sfca": msg("E2SFCA (weighted travel-time zones, Luo & Qi 2009)"),
    "gaussian": msg("Gaussian-decay 2SFCA (Dai 2010)"),
}
DEFAULT_THRESHOLD_MIN = 30.0
LUO_QI_WEIGHTS = (1.0, 0.68, 0.22)
DEFAULT_DETOUR_FACTOR = 1.4
DEFAULT_FALLBACK_SPEED_KMH = 60.0
DEFAULT_LOW_ACCESS_PER_10000 = 6.25
"""1 GP per 1 600 residents (the lægekapacitet norm, DST LABY27) = 6.25 per 10 000."""
DEFAULT_BATCH_SIZE = 16
"""Practices per shortest-path batch (memory grows with batch × nodes)."""
DEFAULT_WORKERS = 0
"""0 = automatic (one search process per core, started fresh: see fca_network)."""
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
REACHES_NO_DEMAND = "reaches no demand"
"""``status`` of a practice placed on the network whose catchment holds no demand."""
STATUS_TEXT = {
    "ok": msg("ok"),
    "unsnapped": msg("not on the network"),
    "no practice in its network part": msg("no practice in its network part"),
    REACHES_NO_DEMAND: msg("reaches no demand"),
}
"""What a planner reads for each ``status`` code (the field ``status_label``)."""
TIME_METHOD_LABELS = {"network": msg("road network")}
"""Label of the ``time_method`` code of network runs (the straight-line fallback's
``time_method`` is a message of its own)."""


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

    def label(self) -> Message:
        method, threshold = METHOD_LABELS[self.method], self.threshold_min
        if self.method != "e2sfca":
            return msg(
                "{method}, catchment ≤ {threshold:g} min (inclusive)",
                method=method,
                threshold=threshold,
            )
        zones = listing(
            msg("≤{limit:g} min: {weight:g}", limit=b, weight=w)
            for b, w in zip(self.zone_breaks_min, self.zone_weights, strict=True)
        )
        return msg(
            "{method}, catchment ≤ {threshold:g} min (inclusive); zones {zones}",
            method=method,
            threshold=threshold,
            zones=zones,
        )

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
    if method not in METHOD_KEYS:
        raise SundplanError(
            "Unknown method '{method}': use one of {methods}.",
            method=method,
            methods=", ".join(METHOD_KEYS),
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
    label = msg(
        "straight line × {detour:g} detour factor at {speed_kmh:g} km/h (fallback)",
        detour=detour_factor,
        speed_kmh=speed_kmh,
    )
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


# --------------------------------------------------------------------------- 2SFCA
@dataclass
class TwoStepResult:
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
) -> TwoStepResult:
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


def _finish(
    access, n_reach, nearest, reached, ratio, pairs, demand, capacity, decay
) -> TwoStepResult:
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
    return TwoStepResult(access, n_reach, ratio, reached, nearest, decay, conservation)


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
                "area_name": [*[str(a) for a in area_names], OUTSIDE_AREAS],
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


# --------------------------------------------------------------------------- run
@dataclass
class FcaInputs:
    """Everything one ``sundplan:fca_access`` run needs, read and in the CRS ``crs_wkt``.

    ``graph`` None means no network: then ``straight_line`` must be set. Areas are optional
    (None = none); their frame holds the age/sex columns (m_0_4 … k_85_plus), needed only
    with ``need_weights``. Zone limits and weights are numbers or the text typed
    into the parameter (separated by ``,`` or ``;``; empty = the defaults).
    """

    practices: Practices
    population: Population | None  # any CRS: moved into crs_wkt here
    crs_wkt: str
    method: str = "2sfca"
    threshold_min: float = DEFAULT_THRESHOLD_MIN
    zone_breaks_min: str | Sequence[float] | None = None
    zone_weights: str | Sequence[float] | None = None
    graph: RoadGraph | None = None
    network_info: dict = field(default_factory=dict)
    straight_line: bool = False
    detour_factor: float = DEFAULT_DETOUR_FACTOR
    fallback_speed_kmh: float = DEFAULT_FALLBACK_SPEED_KMH
    max_snap_m: float = DEFAULT_MAX_SNAP_M
    access_speed_kmh: float = DEFAULT_ACCESS_SPEED_KMH
    batch_size: int = DEFAULT_BATCH_SIZE
    workers: int = DEFAULT_WORKERS
    practices_info: dict = field(default_factory=lambda: {"layer": "practices"})
    areas: AreaTable | None = None  # polygons (+ age/sex columns for need weights)
    need_weights: pd.DataFrame | None = None
    low_access_per_10000: float = DEFAULT_LOW_ACCESS_PER_10000
    not_reached_warning_pct: float = coverage.DEFAULT_WARN_PCT


@dataclass
class FcaResult:
    """The three output tables (x/y columns or a shapely ``geometry`` column), the run report
    and the warnings for the log (:class:`~sundplan_qgis.errors.Message`, in order)."""

    access_points: pd.DataFrame
    practice_ratio: pd.DataFrame
    area_access: pd.DataFrame | None
    report: dict
    warnings: list = field(default_factory=list)
    decay: Decay | None = None


def parse_numbers(value: str | Sequence[float] | None, *, key: str) -> list[float]:
    """Numbers typed into the text parameter ``key`` (``,`` or ``;`` between them)."""
    if value is None:
        return []
    if not isinstance(value, str):
        return [float(x) for x in value]
    try:
        return [float(x) for x in value.replace(";", ",").split(",") if x.strip()]
    except ValueError as exc:
        raise SundplanError(
            "{key}: '{text}' must be numbers separated by commas.", key=key, text=value
        ) from exc


def need_factors(
    area_ages: pd.DataFrame | None,
    *,
    weights: pd.DataFrame,
    area_names: Sequence[str],
    areas_source: str,
) -> np.ndarray:
    """Need factor per area: need-weighted heads ÷ heads of its age/sex columns (1 where the
    area has no heads)."""
    from . import need

    age_cols = need.age_sex_columns([] if area_ages is None else area_ages.columns)
    if not age_cols:
        raise SundplanError(
            "Need weighting needs age/sex columns (m_0_4 … k_85_plus) on the area layer "
            "'{layer}'.",
            layer=areas_source,
        )
    table = area_ages[list(age_cols)]
    labels = [f"'{n}'" for n in area_names]
    weighted = need.need_weighted_population(
        table, weights=weights, columns=age_cols, row_names=labels
    )
    heads = need.age_sex_total(table, age_cols)
    return np.where(heads > 0, weighted / heads.where(heads > 0, 1.0), 1.0)


def run(inputs: FcaInputs, *, progress: Progress | None = None) -> FcaResult:
    """One ``sundplan:fca_access`` run: demand (need-weighted per area), travel times (network
    or the labelled straight-line fallback), the 2SFCA, the three tables and the report."""
    from . import need, rasters
    from .catchments import assign_areas_by_point

    progress = progress or _noop
    warnings: list = []
    threshold = inputs.threshold_min
    decay = make_decay(
        inputs.method,
        threshold,
        zone_breaks_min=parse_numbers(inputs.zone_breaks_min, key="ZONE_BREAKS") or None,
        zone_weights=parse_numbers(inputs.zone_weights, key="ZONE_WEIGHTS") or None,
    )
    graph = inputs.graph
    if graph is None and not inputs.straight_line:
        raise SundplanError(
            "No road network given. Choose a road network file or line layer, or tick "
            "'No network: use the straight-line fallback' to use straight-line distance "
            "× detour factor (labelled in the outputs)."
        )
    coverage.check_threshold(inputs.not_reached_warning_pct)
    practices, practice_info = inputs.practices, inputs.practices_info
    population = inputs.population
    if population is None:
        raise SundplanError("No demand given. Choose a population raster or a point/polygon layer.")
    demand_xy = rasters.transform_xy(
        population.xy, src_wkt=population.crs_wkt, dst_wkt=inputs.crs_wkt
    )
    pop = population.population

    # Demand: population × the need factor of its area (1 outside every area).
    weights = inputs.need_weights
    areas = inputs.areas is not None
    area_index = np.full(pop.size, -1, dtype=np.int64)
    need_info = NO_WEIGHTS_LABEL
    demand = pop.astype("float64")
    if areas:
        area_index = assign_areas_by_point(demand_xy, inputs.areas.geometries)
        if weights is not None:
            factor = need_factors(
                inputs.areas.frame,
                weights=weights,
                area_names=inputs.areas.names,
                areas_source=inputs.areas.source_name,
            )
            f_loc = np.where(area_index >= 0, factor[np.maximum(area_index, 0)], 1.0)
            demand = pop * f_loc
            need_info = need.weights_label(weights)
    elif weights is not None:
        raise SundplanError(
            "Need weighting needs an area layer with age/sex columns (m_0_4 … k_85_plus)."
        )

    # Travel times and the 2SFCA.
    if graph is not None:
        from .fca_network import network_fca  # the engine imports this module's arithmetic

        # One call: with several workers the pairs stay in the search processes.
        pairs, result = network_fca(
            graph,
            demand_xy=demand_xy,
            supply_xy=practices.xy,
            demand=demand,
            capacity=practices.capacity,
            decay=decay,
            max_snap_m=inputs.max_snap_m,
            access_speed_kmh=inputs.access_speed_kmh,
            supply_names=practices.names,
            supply_source=practice_info["layer"],
            batch_size=inputs.batch_size,
            workers=inputs.workers,
            progress=progress,
        )
    else:
        pairs = straight_line_pairs(
            demand_xy,
            practices.xy,
            threshold_min=threshold,
            detour_factor=inputs.detour_factor,
            speed_kmh=inputs.fallback_speed_kmh,
            progress=progress,
        )
        warnings.append(msg("Straight-line fallback used: {label}.", label=pairs.time_method))
        # a practice the fallback could not place brings no capacity
        capacity = np.where(pairs.supply_status == STATUS_OK, practices.capacity, 0.0)
        result = two_step_fca(pairs, demand=demand, capacity=capacity, decay=decay)
    off = np.flatnonzero(pairs.supply_status != STATUS_OK)
    if off.size:
        warnings.append(
            msg(
                "{n} practice(s) of '{layer}' lie farther than the maximum snap distance "
                "from any road and are left out (capacity {capacity:g}): {names}. Check "
                "their positions or raise the maximum snap distance.",
                n=off.size,
                layer=practice_info["layer"],
                capacity=float(practices.capacity[off].sum()),
                names=", ".join(f"'{practices.names[j]}'" for j in off[:10]),
            )
        )

    tables = _tables(inputs, decay, pairs, result, pop, demand, demand_xy, area_index, need_info)
    points, area_tab, prac = tables
    cov = _coverage_section(inputs, pop, pairs, area_tab, warnings)
    report = _report(inputs, decay, pairs, result, pop, demand, cov)
    return FcaResult(points, prac, area_tab, report, warnings, decay)


def _tables(inputs, decay, pairs, result, pop, demand, demand_xy, area_index, need_info):
    """The points, areas (None without areas) and practices tables."""
    practices = inputs.practices
    time_label = pairs.time_method
    labels = STATUS_LABELS
    ids = None if inputs.areas is None else inputs.areas.ids
    points = pd.DataFrame(
        {
            "population": pop,
            "demand": demand,
            "access_per_10000": result.access * PER,
            "n_practices_reachable": result.n_reachable.astype("int64"),
            "nearest_practice_min": result.nearest_min,
            "status": [labels[int(s)] for s in pairs.demand_status],
            "area_id": [str(ids[k]) if ids is not None and k >= 0 else None for k in area_index],
            "x": demand_xy[:, 0],
            "y": demand_xy[:, 1],
        }
    )
    points["method"] = decay.label()
    points["time_method"] = time_label
    points["weights"] = need_info
    area_tab = None
    if ids is not None:
        low = inputs.low_access_per_10000
        area_tab = area_access(
            result.access,
            pop,
            area_index=area_index,
            area_ids=ids,
            area_names=inputs.areas.names,
            low_access_per_10000=low,
            status=pairs.demand_status,
        )
        area_tab["low_access_per_10000"] = low
        area_tab["method"] = decay.label()
        area_tab["time_method"] = time_label
        area_tab["weights"] = need_info
        geoms = list(inputs.areas.geometries)
        area_tab["geometry"] = object_array(geoms + [None] * (len(area_tab) - len(geoms)))
    positive = result.ratio > 0
    prac = pd.DataFrame(
        {
            "practice": practices.names,
            "feature_id": [str(i) for i in practices.ids],
            "capacity": practices.capacity,
            "demand_reached": result.demand_reached,
            "ratio_per_10000": result.ratio * PER,
            "residents_per_capacity": np.where(
                positive, 1.0 / np.where(positive, result.ratio, 1), np.nan
            ),
            "status": [
                labels[int(s)] if s != STATUS_OK or np.isfinite(r) else REACHES_NO_DEMAND
                for s, r in zip(pairs.supply_status, result.ratio, strict=True)
            ],
            "x": practices.xy[:, 0],
            "y": practices.xy[:, 1],
        }
    )
    prac["method"] = decay.label()
    prac["time_method"] = time_label
    return points, area_tab, prac


def _coverage_section(inputs, pop, pairs, area_tab, warnings) -> dict:
    """The report's coverage (plus the warning threshold and the worst areas); the warning,
    naming the worst areas, when more than the threshold is not reached."""
    threshold = inputs.not_reached_warning_pct
    cov = coverage_of(pop, pairs.demand_status)
    worst = coverage.worst_areas(area_tab, threshold_pct=threshold, name="area_name")
    warning = coverage.warning(cov, worst, threshold_pct=threshold)
    if warning is not None:
        warnings.append(warning)
    return {**cov, "warning_threshold_pct": threshold, "worst_areas": worst}


def _report(inputs, decay, pairs, result, pop, demand, cov) -> dict:
    """The run report (the key order is the report's layout)."""
    from . import need

    practices, population = inputs.practices, inputs.population
    labels = STATUS_LABELS
    located = pairs.demand_status == STATUS_OK
    pop_located = pop[located].sum()
    return {
        "method": decay.label(),
        "threshold_rule": msg(
            "inclusive: a location exactly at the threshold is inside (1 ms tolerance)"
        ),
        "time_method": pairs.time_method,
        "network": inputs.network_info or None,
        "travel_times": pairs.report,
        "practices": {
            **inputs.practices_info,
            "n": len(practices.names),
            "capacity_total": float(practices.capacity.sum()),
            "unsnapped": int((pairs.supply_status != STATUS_OK).sum()),
            "reaching_no_demand": int((~np.isfinite(result.ratio)).sum()),
        },
        "demand": {
            "source": population.source_name,
            "kind": population.kind,
            **({"allocation": population.allocation} if population.allocation else {}),
            "locations": int(pop.size),
            "population_total": float(pop.sum()),
            "demand_total": float(demand.sum()),
            "population_not_located": float(pop[~located].sum()),
            "locations_by_status": {
                labels[k]: int((pairs.demand_status == k).sum()) for k in labels
            },
            "mean_access_covers": msg("reached residents only (placed on the network)"),
            "population_weighted_mean_access_per_10000": (
                float(np.nansum(result.access[located] * pop[located]) / pop_located * PER)
                if pop_located > 0
                else None
            ),
        },
        "need_weights": need.weights_record(
            inputs.need_weights if inputs.areas is not None else None
        ),
        "low_access_per_10000": inputs.low_access_per_10000,
        "conservation": result.conservation,
        "pairs_within_threshold": int(result.n_reachable.sum()),
        "coverage": cov,
    }
