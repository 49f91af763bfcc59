"""Travel time to the nearest hospital, catchments (optageområder), bands and area summaries.

Method
------
Travel runs from a resident's home to the hospital, so one multi-source Dijkstra
(``scipy.sparse.csgraph.dijkstra(min_only=True)``) runs from all hospitals at once on the
*reversed* road graph. Each hospital enters through a virtual node joined to its nearest road
node by the access leg (straight line at the access speed). The search returns, for every
road node, the time to the nearest hospital and which hospital that is.

Ties: hospital ``h`` gets an extra ``h × 1 µs`` on its access leg, so equal times go to the
hospital listed first, deterministically.

Locations (raster cells, points) are snapped to the nearest *reachable* road node within the
maximum snap distance; their time = access leg (straight line at the access speed) + the
node's time. A location with no road node within the snap distance is *unsnapped*; one whose
only nearby nodes cannot reach any hospital is *unreachable*. Both are counted and reported,
never dropped.

Bands are closed on the right: with bands 15, 30, a location at exactly 15.0 minutes is in
"0–15", one at 15.01 in "15–30"; beyond the last band is its own class.
"""

from __future__ import annotations

from collections.abc import Callable, Sequence
from dataclasses import dataclass, field

import numpy as np
import pandas as pd
import scipy.sparse as sp
from scipy.sparse.csgraph import dijkstra
from scipy.spatial import cKDTree

from . import coverage
from .errors import SundplanError, msg

Progress = Callable[[float, str], None]

STATUS_OK = 0
STATUS_UNSNAPPED = 1
STATUS_UNREACHABLE = 2
STATUS_LABELS = {STATUS_OK: "ok", STATUS_UNSNAPPED: "unsnapped", STATUS_UNREACHABLE: "unreachable"}

DEFAULT_BANDS_MIN = (15.0, 30.0, 45.0, 60.0)
DEFAULT_MAX_SNAP_M = 1000.0
DEFAULT_ACCESS_SPEED_KMH = 30.0
"""Straight-line speed of the leg between a location and the road network. 30 km/h straight
line ≈ 40 km/h on local roads with the common 1.3 detour factor."""

_TIE_BREAK_S = 1e-6

NOT_REACHED_BAND = -1
"""band_id of the "not reached" class (unsnapped + unreachable residents) in the bands."""
NOT_REACHED_LABEL = "not reached"

REACHED_NOTE = "of reached residents"
"""What means, medians, P90 and maxima cover: residents not reached are counted apart."""


def _noop(_fraction: float, _message: str) -> None:
    return None


@dataclass
class NetworkSolution:
    """Time (seconds) from every road node to its nearest hospital, and which hospital."""

    node_time_s: np.ndarray  # (N,) float64, inf where no hospital can be reached
    node_hospital: np.ndarray  # (N,) int32, -1 where unreachable
    hospital_node: np.ndarray  # (H,) int64 road node of each hospital
    hospital_snap_m: np.ndarray  # (H,) float64 hospital to its road node, metres
    hospital_names: list[str]
    reachable_tree: cKDTree | None = field(default=None, repr=False)
    reachable_nodes: np.ndarray | None = field(default=None, repr=False)
    node_part: np.ndarray | None = field(default=None, repr=False)  # land part of each node
    _snappers: dict = field(default_factory=dict, repr=False)

    def snapper(self, graph, kind: str):
        """Land-part snapper over the reachable (``kind='reachable'``) or all snappable
        (``'any'``) road nodes; needs ``node_part``."""
        from .land import PartSnapper

        if kind not in self._snappers:
            nodes = self.reachable_nodes if kind == "reachable" else _snappable(graph)
            self._snappers[kind] = PartSnapper(graph.node_xy, nodes, self.node_part)
        return self._snappers[kind]


@dataclass
class LocationTimes:
    """Per-location result: minutes to the nearest hospital, which one, and snapping."""

    time_min: np.ndarray  # (P,) float64, NaN unless status ok
    hospital: np.ndarray  # (P,) int32, -1 unless status ok
    snap_m: np.ndarray  # (P,) float64 distance to the road node used (NaN if unsnapped)
    status: np.ndarray  # (P,) int8 STATUS_*
    node: np.ndarray | None = None  # (P,) int64 road node used (ok/unreachable), else -1


def _snappable(graph) -> np.ndarray:
    """Nodes a location may snap to: road vertices (not ferry docks or mid-sea ferry vertices)."""
    mask = getattr(graph, "node_is_road", None)
    if mask is None:
        return np.arange(graph.node_xy.shape[0])
    return np.flatnonzero(mask)


def _node_tree(graph) -> tuple[cKDTree, np.ndarray]:
    """KD-tree over the snappable nodes (cached on the graph) and their node ids."""
    cached = getattr(graph, "_sundplan_tree", None)
    if cached is None:
        nodes = _snappable(graph)
        cached = (cKDTree(graph.node_xy[nodes]), nodes)
        graph._sundplan_tree = cached
    return cached


def solve_network(
    graph,
    *,
    hospital_xy: np.ndarray,
    hospital_names: Sequence[str],
    max_snap_m: float = DEFAULT_MAX_SNAP_M,
    access_speed_kmh: float = DEFAULT_ACCESS_SPEED_KMH,
    progress: Progress = _noop,
    land=None,
) -> NetworkSolution:
    """Multi-source shortest paths from all hospitals on the reversed graph.

    ``graph`` is a :class:`sundplan_qgis.network.RoadGraph`; ``hospital_xy`` (H, 2) is in its
    CRS. Raises :class:`SundplanError` naming any hospital farther than ``max_snap_m`` from
    the network or on a road that leads nowhere. With ``land`` (:class:`land.Land`) a hospital
    snaps only to road nodes on its own land part.
    """
    hospital_xy = np.asarray(hospital_xy, dtype="float64").reshape(-1, 2)
    names = [str(n) for n in hospital_names]
    if len(names) == 0:
        raise SundplanError("No active hospitals: at least one hospital is needed.")
    _check_speed(access_speed_kmh)
    n_nodes = graph.node_xy.shape[0]
    if n_nodes == 0:
        raise SundplanError("The road network '{network}' has no roads.", network=graph.source_name)
    progress(0.0, "Snapping hospitals to the road network")
    node_part = None
    if land is None:
        tree, tree_nodes = _node_tree(graph)
        snap_m, j = tree.query(hospital_xy, k=1)
        node = tree_nodes[j]
    else:
        from .land import PartSnapper, node_parts, part_of_points

        node_part = node_parts(land, graph)
        snap_m, node = PartSnapper(graph.node_xy, _snappable(graph), node_part).query(
            hospital_xy, part_of_points(land, hospital_xy), np.inf
        )
    far = np.flatnonzero(snap_m > max_snap_m)
    if far.size:
        listing = ", ".join(
            f"'{names[i]}' ({snap_m[i]:.0f} m)"
            if np.isfinite(snap_m[i])
            else f"'{names[i]}' (no road on its land part)"
            for i in far[:5]
        )
        raise SundplanError(
            "{count} hospital(s) lie farther than the maximum snap distance "
            "({max_snap_m:.0f} m) from any road of '{network}': {hospitals}. Check the "
            "hospitals' CRS and positions, use a network that covers them, or raise the "
            "maximum snap distance.",
            count=far.size,
            max_snap_m=max_snap_m,
            network=graph.source_name,
            hospitals=listing,
        )
    rev = graph.reverse.tocsr()
    indegree = np.diff(rev.indptr)[node]
    dead = np.flatnonzero(indegree == 0)
    if dead.size:
        listing = ", ".join(f"'{names[i]}'" for i in dead[:5])
        raise SundplanError(
            "No road of '{network}' leads to hospital(s) {hospitals}: the nearest "
            "road node has no incoming road (a one-way dead end or an isolated vertex). "
            "Move the hospital point next to a connected road or fix the network.",
            network=graph.source_name,
            hospitals=listing,
        )
    # Virtual node per hospital, joined to its road node by the access leg (+ tie-break).
    n_h = len(names)
    access_s = snap_m / (access_speed_kmh / 3.6) + _TIE_BREAK_S * (1 + np.arange(n_h))
    data = np.concatenate([rev.data, access_s])
    indices = np.concatenate([rev.indices, node.astype(rev.indices.dtype)])
    indptr = np.concatenate([rev.indptr, rev.indptr[-1] + np.arange(1, n_h + 1)])
    n_all = n_nodes + n_h
    aug = sp.csr_matrix((data, indices, indptr), shape=(n_all, n_all))
    progress(
        0.1,
        msg(
            "Shortest paths from {hospitals} hospitals over {nodes:,} road nodes",
            hospitals=n_h,
            nodes=n_nodes,
        ),
    )
    dist, _pred, sources = dijkstra(
        aug,
        directed=True,
        indices=np.arange(n_nodes, n_all),
        return_predecessors=True,
        min_only=True,
    )
    node_time_s = dist[:n_nodes]
    node_hospital = np.where(sources[:n_nodes] >= 0, sources[:n_nodes] - n_nodes, -1)
    node_hospital = node_hospital.astype(np.int32)
    node_hospital[~np.isfinite(node_time_s)] = -1
    # Every path from hospital h carries its tie-break once: take it off again.
    has = node_hospital >= 0
    node_time_s[has] -= _TIE_BREAK_S * (1 + node_hospital[has])
    snappable = np.zeros(n_nodes, dtype=bool)
    snappable[_snappable(graph)] = True
    reachable = np.flatnonzero(np.isfinite(node_time_s) & snappable)
    n_reach = int(np.isfinite(node_time_s).sum())
    progress(
        0.9,
        msg("{reached:,} of {nodes:,} road nodes reach a hospital", reached=n_reach, nodes=n_nodes),
    )
    return NetworkSolution(
        node_time_s=node_time_s,
        node_hospital=node_hospital,
        hospital_node=node.astype(np.int64),
        hospital_snap_m=snap_m,
        hospital_names=names,
        reachable_tree=cKDTree(graph.node_xy[reachable]) if reachable.size else None,
        reachable_nodes=reachable,
        node_part=node_part,
    )


def _check_speed(access_speed_kmh: float) -> None:
    if not np.isfinite(access_speed_kmh) or access_speed_kmh <= 0:
        raise SundplanError(
            "The access speed must be positive (got {speed} km/h).", speed=access_speed_kmh
        )


def locate(
    graph,
    solution: NetworkSolution,
    xy: np.ndarray,
    *,
    max_snap_m: float = DEFAULT_MAX_SNAP_M,
    access_speed_kmh: float = DEFAULT_ACCESS_SPEED_KMH,
    progress: Progress = _noop,
    chunk: int = 2_000_000,
    part: np.ndarray | None = None,
) -> LocationTimes:
    """Minutes from each location (x, y in the graph's CRS) to its nearest hospital.

    ``part``: the land part of each location (see :mod:`land`; needs a solution solved with
    ``land``): a location snaps only to road nodes on its own part, off-land ones (-1) to any.
    """
    _check_speed(access_speed_kmh)
    xy = np.asarray(xy, dtype="float64").reshape(-1, 2)
    n = xy.shape[0]
    time_min = np.full(n, np.nan)
    hospital = np.full(n, -1, dtype=np.int32)
    snap_m = np.full(n, np.nan)
    status = np.full(n, STATUS_UNSNAPPED, dtype=np.int8)
    node = np.full(n, -1, dtype=np.int64)
    if n == 0:
        return LocationTimes(time_min, hospital, snap_m, status, node)
    access_mps = access_speed_kmh / 3.6
    for start in range(0, n, chunk):
        stop = min(n, start + chunk)
        progress(
            start / n,
            msg("Snapping locations {start:,}–{stop:,} of {n:,}", start=start, stop=stop, n=n),
        )
        pxy = xy[start:stop]
        ppart = None if part is None else np.asarray(part[start:stop])
        if ppart is not None:
            d, jn = solution.snapper(graph, "reachable").query(pxy, ppart, max_snap_m)
        elif solution.reachable_tree is not None:
            d, j = solution.reachable_tree.query(
                pxy, k=1, distance_upper_bound=max_snap_m, workers=-1
            )
            jn = _node_ids(d, j, solution.reachable_nodes)
        else:
            d = np.full(stop - start, np.inf)
            jn = np.full(stop - start, -1, dtype=np.int64)
        ok = np.isfinite(d)
        idx = np.flatnonzero(ok) + start
        nodes = jn[ok]
        time_min[idx] = (d[ok] / access_mps + solution.node_time_s[nodes]) / 60.0
        hospital[idx] = solution.node_hospital[nodes]
        snap_m[idx] = d[ok]
        status[idx] = STATUS_OK
        node[idx] = nodes
        # Not near a reachable node: near any node at all (then unreachable) or none?
        rest = np.flatnonzero(~ok)
        if rest.size:
            if ppart is not None:
                d_any, n_any = solution.snapper(graph, "any").query(
                    pxy[rest], ppart[rest], max_snap_m
                )
            else:
                tree, tree_nodes = _node_tree(graph)
                d_any, j_any = tree.query(
                    pxy[rest], k=1, distance_upper_bound=max_snap_m, workers=-1
                )
                n_any = _node_ids(d_any, j_any, tree_nodes)
            near = np.isfinite(d_any)
            status[rest[near] + start] = STATUS_UNREACHABLE
            snap_m[rest[near] + start] = d_any[near]
            node[rest[near] + start] = n_any[near]
    progress(1.0, "Locations done")
    return LocationTimes(time_min, hospital, snap_m, status, node)


def _node_ids(d: np.ndarray, j: np.ndarray, nodes: np.ndarray) -> np.ndarray:
    """Node ids of KD-tree answers (``j`` indexes ``nodes``); -1 where nothing was found."""
    out = np.full(d.shape, -1, dtype=np.int64)
    found = np.isfinite(d)
    out[found] = nodes[j[found]]
    return out


def validate_bands(bands_min: Sequence[float]) -> np.ndarray:
    """Sorted, positive, distinct band limits in minutes."""
    b = np.asarray(list(bands_min), dtype="float64")
    if b.size == 0 or not np.all(np.isfinite(b)) or np.any(b <= 0):
        raise SundplanError(
            "Time bands must be positive minutes, e.g. 15,30,45,60 (got {bands}).",
            bands=list(bands_min),
        )
    if np.any(np.diff(b) <= 0):
        raise SundplanError(
            "Time bands must be strictly increasing, e.g. 15,30,45,60 (got {bands}).",
            bands=list(bands_min),
        )
    return b


def band_index(time_min: np.ndarray, bands_min: np.ndarray) -> np.ndarray:
    """Band of each time: 0 for (0, b0], i for (b[i-1], b[i]], len(b) beyond; -1 for NaN."""
    idx = np.searchsorted(bands_min, time_min, side="left").astype(np.int32)
    idx[~np.isfinite(time_min)] = -1
    return idx


def band_labels(bands_min: np.ndarray) -> list[str]:
    """Human labels: '0–15', '15–30', ..., '> 60' (minutes)."""
    edges = [0.0, *bands_min.tolist()]
    labels = [f"{_fmt(a)}–{_fmt(b)}" for a, b in zip(edges[:-1], edges[1:], strict=True)]
    return [*labels, f"> {_fmt(bands_min[-1])}"]


def _fmt(v: float) -> str:
    return f"{v:g}"


def _field(v: float) -> str:
    """A band limit as part of a field name: 15 -> '15', 7.5 -> '7_5'."""
    return _fmt(v).replace(".", "_")


def weighted_quantiles(
    values: np.ndarray, weights: np.ndarray, groups: np.ndarray, n_groups: int, q: float
) -> np.ndarray:
    """Weighted ``q`` quantile of ``values`` per group (lower weighted quantile: the smallest
    value whose cumulative weight share reaches ``q``); NaN for groups with no weight."""
    out = np.full(n_groups, np.nan)
    keep = (groups >= 0) & np.isfinite(values) & (weights > 0)
    if not keep.any():
        return out
    v, w, g = values[keep], weights[keep], groups[keep]
    order = np.lexsort((v, g))
    v, w, g = v[order], w[order], g[order]
    cum = np.cumsum(w)
    starts = np.searchsorted(g, np.arange(n_groups), side="left")
    stops = np.searchsorted(g, np.arange(n_groups), side="right")
    for k in np.flatnonzero(stops > starts):
        base = cum[starts[k] - 1] if starts[k] > 0 else 0.0
        total = cum[stops[k] - 1] - base
        target = base + q * total
        # Tolerance so q = 0.5 of two equal weights picks the first, not float noise.
        pos = np.searchsorted(cum[starts[k] : stops[k]], target - 1e-9 * total, side="left")
        out[k] = v[starts[k] + min(pos, stops[k] - starts[k] - 1)]
    return out


def catchment_table(
    loc: LocationTimes,
    population: np.ndarray,
    hospital_names: Sequence[str],
    hospital_ids: Sequence | None = None,
) -> pd.DataFrame:
    """Per hospital: its id (the user's, unchanged; default 1..H), population served,
    population-weighted mean and max minutes of the reached residents it serves.
    ``hospital_index`` is the hospital's position in the run (internal, 0..H-1)."""
    n_h = len(hospital_names)
    ok = loc.status == STATUS_OK
    h = loc.hospital[ok]
    w = population[ok]
    t = loc.time_min[ok]
    pop = np.bincount(h, weights=w, minlength=n_h)
    wt = np.bincount(h, weights=w * t, minlength=n_h)
    mx = np.full(n_h, np.nan)
    if h.size:
        populated = w > 0
        np.fmax.at(mx, h[populated], t[populated])
    with np.errstate(invalid="ignore", divide="ignore"):
        mean = np.where(pop > 0, wt / pop, np.nan)
    ids = np.arange(1, n_h + 1) if hospital_ids is None else id_array(hospital_ids)
    return pd.DataFrame(
        {
            "hospital_index": np.arange(n_h),
            "hospital_id": ids,
            "hospital": list(hospital_names),
            "population": pop,
            "mean_min": mean,
            "max_min": mx,
        }
    )


def band_table(loc: LocationTimes, population: np.ndarray, bands_min: np.ndarray) -> pd.DataFrame:
    """Population per time band (reached residents), then the "not reached" class
    (band_id :data:`NOT_REACHED_BAND`: unsnapped + unreachable), so the rows add up to the
    input total."""
    labels = band_labels(bands_min)
    b = band_index(loc.time_min, bands_min)
    ok = (loc.status == STATUS_OK) & (b >= 0)
    pop = np.bincount(b[ok], weights=population[ok], minlength=len(labels))
    not_reached = float(population[loc.status != STATUS_OK].sum())
    lower = np.concatenate([[0.0], bands_min, [np.nan]])
    upper = np.concatenate([bands_min, [np.inf, np.nan]])
    return pd.DataFrame(
        {
            "band_id": np.append(np.arange(len(labels)), NOT_REACHED_BAND),
            "band": [*labels, NOT_REACHED_LABEL],
            "from_min": lower,
            "to_min": upper,
            "population": np.append(pop, not_reached),
        }
    )


def id_array(ids: Sequence) -> np.ndarray:
    """The user's ids as one column: integers stay integers (int64), anything else text."""
    values = list(ids)
    if values and all(
        isinstance(v, int | np.integer) and not isinstance(v, bool | np.bool_) for v in values
    ):
        return np.asarray(values, dtype=np.int64)
    return np.array([None if v is None else str(v) for v in values], dtype=object)


def area_summary(
    loc: LocationTimes,
    population: np.ndarray,
    *,
    area_index: np.ndarray,
    area_ids: Sequence,
    area_names: Sequence[str],
    bands_min: np.ndarray,
    hospital_names: Sequence[str],
) -> pd.DataFrame:
    """One row per area: population, travel-time statistics (minutes, population-weighted),
    population and share beyond each band, main hospital, unsnapped/unreachable population.

    ``area_index`` (P,) gives each location's area (0..A-1), -1 outside every area; locations
    outside all areas are summarised in an extra row with area id ``None``.
    """
    n_a = len(area_ids)
    n_h = len(hospital_names)
    g = np.where(area_index >= 0, area_index, n_a).astype(np.int64)  # n_a = "outside"
    n_g = n_a + 1
    ok = loc.status == STATUS_OK
    total = np.bincount(g, weights=population, minlength=n_g)
    pop_ok = np.bincount(g[ok], weights=population[ok], minlength=n_g)
    unsnapped = np.bincount(
        g[loc.status == STATUS_UNSNAPPED],
        weights=population[loc.status == STATUS_UNSNAPPED],
        minlength=n_g,
    )
    unreachable = np.bincount(
        g[loc.status == STATUS_UNREACHABLE],
        weights=population[loc.status == STATUS_UNREACHABLE],
        minlength=n_g,
    )
    t = np.where(ok, loc.time_min, np.nan)
    wsum = np.bincount(g[ok], weights=population[ok] * t[ok], minlength=n_g)
    with np.errstate(invalid="ignore", divide="ignore"):
        mean = np.where(pop_ok > 0, wsum / pop_ok, np.nan)
    gq = np.where(ok, g, -1)
    median = weighted_quantiles(t, population, gq, n_g, 0.5)
    p90 = weighted_quantiles(t, population, gq, n_g, 0.9)
    mx = np.full(n_g, np.nan)
    populated = ok & (population > 0)
    np.fmax.at(mx, g[populated], t[populated])
    # Main hospital: the one serving most residents of the area.
    hs = np.bincount(
        g[ok] * n_h + loc.hospital[ok], weights=population[ok], minlength=n_g * n_h
    ).reshape(n_g, n_h)
    main = hs.argmax(axis=1)
    main_name = np.array([hospital_names[i] for i in main], dtype=object)
    main_name[hs.max(axis=1) <= 0] = None
    df = pd.DataFrame(
        {
            "area_id": [*list(area_ids), None],
            "area_name": [*list(area_names), "(outside all areas)"],
            "population": total,
            "population_reached": pop_ok,
            "mean_min": mean,
            "median_min": median,
            "p90_min": p90,
            "max_min": mx,
        }
    )
    for b in bands_min:
        beyond = ok & (t > b)
        pb = np.bincount(g[beyond], weights=population[beyond], minlength=n_g)
        df[f"pop_over_{_field(b)}_min"] = pb
        with np.errstate(invalid="ignore", divide="ignore"):
            df[f"share_over_{_field(b)}_min"] = np.where(pop_ok > 0, pb / pop_ok, np.nan)
    df["main_hospital"] = main_name
    df["main_hospital_share"] = np.where(
        pop_ok > 0, hs.max(axis=1) / np.where(pop_ok > 0, pop_ok, 1), np.nan
    )
    df["pop_unsnapped"] = unsnapped
    df["pop_unreachable"] = unreachable
    coverage.add_share_not_reached(df)
    # Keep the "outside" row only when someone lives outside every area.
    if total[n_a] <= 0:
        df = df.iloc[:n_a].reset_index(drop=True)
    return df


def assign_areas_by_point(xy: np.ndarray, geometries: Sequence) -> np.ndarray:
    """Index of the (first) polygon containing each point, -1 outside all (vectorised per area)."""
    from ._compat import points_in_polygon

    out = np.full(xy.shape[0], -1, dtype=np.int64)
    for i, geom in enumerate(geometries):
        if geom is None or geom.is_empty:
            continue
        xmin, ymin, xmax, ymax = geom.bounds
        cand = np.flatnonzero(
            (out < 0)
            & (xy[:, 0] >= xmin)
            & (xy[:, 0] <= xmax)
            & (xy[:, 1] >= ymin)
            & (xy[:, 1] <= ymax)
        )
        if cand.size:
            inside = points_in_polygon(geom, xy[cand, 0], xy[cand, 1])
            out[cand[inside]] = i
    return out


# --------------------------------------------------------------------------- whole run


@dataclass
class Areas:
    """Summary areas (e.g. kommuner): geometries in the network's CRS, ids and names."""

    geometries: list
    ids: list
    names: list[str]
    source_name: str = "areas"


@dataclass
class CatchmentResult:
    """Everything one catchments run produces (tables in minutes and persons)."""

    locations: LocationTimes
    population: np.ndarray
    grid: object  # rasters.Grid of the surface
    surface_time_min: np.ndarray  # (grid cells,) NaN where not ok
    surface_hospital: np.ndarray  # (grid cells,) int32, -1 where not ok
    catchments: pd.DataFrame
    bands: pd.DataFrame
    areas: pd.DataFrame | None
    catchment_polygons: dict[int, object]  # hospital index -> shapely MultiPolygon (net CRS)
    band_polygons: dict[int, object]  # band index -> shapely MultiPolygon (net CRS)
    report: dict
    hospital_names: list[str]
    bands_min: np.ndarray
    hospital_ids: list = field(default_factory=list)  # the user's ids, in hospital order
    land: object = None  # land.Land used to mask the run, or None
    location_area: np.ndarray | None = None  # (P,) area index of each location, -1 outside
    surface_cells: np.ndarray | None = None  # flat cells of the surface; None: every cell


def run_catchments(
    graph,
    *,
    hospital_xy: np.ndarray,
    hospital_names: Sequence[str],
    population,
    areas: Areas | None = None,
    bands_min: Sequence[float] = DEFAULT_BANDS_MIN,
    max_snap_m: float = DEFAULT_MAX_SNAP_M,
    access_speed_kmh: float = DEFAULT_ACCESS_SPEED_KMH,
    cell_size_m: float = 100.0,
    polygons: bool = True,
    progress: Progress = _noop,
    hospital_ids: Sequence | None = None,
    land_mask: bool = True,
    land=None,
) -> CatchmentResult:
    """Travel times, catchments, bands and area summaries in one run.

    ``hospital_ids``: the user's hospital ids (default 1..H), carried into every table.
    With ``areas`` and ``land_mask`` (or an explicit ``land``), the union of the areas is the
    land: access legs stay on their land part and the raster and polygons are clipped to it
    (see :mod:`sundplan_qgis.land`).

    ``population`` is a :class:`sundplan_qgis.rasters.Population` in any projected or
    geographic CRS (locations are transformed to the network's CRS). The travel-time surface
    uses the population raster's own grid, or for point population a ``cell_size_m`` grid over
    the population and areas in the network's CRS.
    """
    import time

    from . import rasters

    timings: dict[str, float] = {}
    t0 = time.perf_counter()
    bands = validate_bands(bands_min)
    if population.xy.shape[0] == 0:
        raise SundplanError(
            "The population input '{layer}' has no populated locations.",
            layer=population.source_name,
        )

    def stage(a: float, b: float) -> Progress:
        return lambda f, msg: progress(a + (b - a) * f, msg)

    hospital_ids = _check_hospital_ids(hospital_ids, hospital_names)
    land = _resolve_land(land, areas, land_mask)
    sol = solve_network(
        graph,
        hospital_xy=hospital_xy,
        hospital_names=hospital_names,
        max_snap_m=max_snap_m,
        access_speed_kmh=access_speed_kmh,
        progress=stage(0.0, 0.15),
        land=land,
    )
    timings["solve_s"] = time.perf_counter() - t0

    t1 = time.perf_counter()
    if population.grid is not None:
        grid = population.grid
    else:
        xy_net = rasters.transform_xy(
            population.xy, src_wkt=population.crs_wkt, dst_wkt=graph.crs_wkt
        )
        xmin, ymin = xy_net.min(axis=0)
        xmax, ymax = xy_net.max(axis=0)
        if areas is not None:
            for gm in areas.geometries:
                if gm is not None and not gm.is_empty:
                    a, b, c, d = gm.bounds
                    xmin, ymin, xmax, ymax = min(xmin, a), min(ymin, b), max(xmax, c), max(ymax, d)
        grid = rasters.grid_for_bounds(
            (xmin, ymin, xmax, ymax), cell_size_m=cell_size_m, crs_wkt=graph.crs_wkt
        )
    cells = rasters.surface_cells(grid, population)  # None: every cell (not a huge grid)
    on_grid = population.flat_index is not None and population.grid is grid
    surface_parts: list[np.ndarray] = []  # land part of each surface cell, chunk by chunk
    cell_part_of = _cell_parts(land, grid, graph, cells)

    def locate_chunk(xy, p):
        part = cell_part_of(xy)
        if part is not None:
            surface_parts.append(part)
        return locate(
            graph,
            sol,
            xy,
            max_snap_m=max_snap_m,
            access_speed_kmh=access_speed_kmh,
            progress=p,
            part=part,
        )

    surface, kept = rasters.surface_in_chunks(
        grid,
        cells,
        dst_wkt=graph.crs_wkt,
        locate=locate_chunk,
        keep=rasters.cell_positions(cells, population.flat_index) if on_grid else None,
        progress=stage(0.15, 0.55),
    )
    cell_part = np.concatenate(surface_parts) if surface_parts else None
    if on_grid:  # the populated cells' full results, kept while the surface was computed
        loc = LocationTimes(**kept)
        pop_xy_net = None
    else:
        pop_xy_net = rasters.transform_xy(
            population.xy, src_wkt=population.crs_wkt, dst_wkt=graph.crs_wkt
        )
        loc = locate(
            graph,
            sol,
            pop_xy_net,
            max_snap_m=max_snap_m,
            access_speed_kmh=access_speed_kmh,
            progress=stage(0.55, 0.6),
            part=None if land is None else _land_parts_of_points(land, pop_xy_net),
        )
    timings["locate_s"] = time.perf_counter() - t1

    t2 = time.perf_counter()
    progress(0.6, "Summarising catchments, bands and areas")
    pop = population.population
    catch = catchment_table(loc, pop, sol.hospital_names, hospital_ids)
    band_tab = band_table(loc, pop, bands)
    area_tab = area_index = None
    if areas is not None:
        if (
            population.flat_index is not None
            and population.grid is grid
            and (_same_crs(grid.crs_wkt, graph.crs_wkt))
        ):
            area_index = rasters.areas_at_cells(areas.geometries, grid, population.flat_index)
        else:
            if pop_xy_net is None:
                pop_xy_net = rasters.transform_xy(
                    population.xy, src_wkt=population.crs_wkt, dst_wkt=graph.crs_wkt
                )
            area_index = assign_areas_by_point(pop_xy_net, areas.geometries)
        area_tab = area_summary(
            loc,
            pop,
            area_index=area_index,
            area_ids=areas.ids,
            area_names=areas.names,
            bands_min=bands,
            hospital_names=sol.hospital_names,
        )
    timings["summaries_s"] = time.perf_counter() - t2

    t3 = time.perf_counter()
    catch_polys: dict[int, object] = {}
    band_polys: dict[int, object] = {}
    surf_band = band_index(surface.time_min, bands)
    surf_band[~np.isfinite(surface.time_min)] = -1  # not ok: no time
    if polygons:
        progress(0.7, "Polygonising catchments")
        catch_polys = _multipolygons(
            rasters.polygonize(surface.hospital, grid, cells=cells), grid, graph
        )
        progress(0.85, "Polygonising time bands")
        band_polys = _multipolygons(rasters.polygonize(surf_band, grid, cells=cells), grid, graph)
        lost = _not_reached_polygons(loc, pop, population, grid, pop_xy_net)
        if lost:
            band_polys[NOT_REACHED_BAND] = _multipolygons(lost, grid, graph)[0]
        if land is not None:
            progress(0.95, "Clipping polygons to the land")
            catch_polys = _clip_all(catch_polys, land)
            band_polys = _clip_all(band_polys, land)
    timings["polygons_s"] = time.perf_counter() - t3
    if cell_part is not None:  # the raster shows land only: cells centred off land are nodata
        off = cell_part < 0
        surface.time_min[off] = np.nan
        surface.hospital[off] = -1
    for frame, polys, key in (
        (catch, catch_polys, "hospital_index"),
        (band_tab, band_polys, "band_id"),
    ):
        frame["area_km2"] = [
            polys[k].area / 1e6 if k in polys else 0.0 for k in frame[key].to_numpy()
        ]

    status_pop = {STATUS_LABELS[s]: float(pop[loc.status == s].sum()) for s in STATUS_LABELS}
    status_n = {STATUS_LABELS[s]: int((loc.status == s).sum()) for s in STATUS_LABELS}
    report = {
        "method": "multi-source Dijkstra (scipy.sparse.csgraph) on the reversed road graph",
        "disconnected_parts": disconnected_parts(graph, sol, loc, pop),
        "network": {
            "source": graph.source_name,
            "nodes": int(graph.node_xy.shape[0]),
            "directed_edges": int(graph.reverse.nnz),
            "components": int(getattr(graph, "n_components", -1)),
            "nodes_reaching_a_hospital": int(np.isfinite(sol.node_time_s).sum()),
        },
        "hospitals": [
            {
                "hospital_id": _plain(catch["hospital_id"].iloc[i]),
                "hospital": sol.hospital_names[i],
                "snap_distance_m": round(float(sol.hospital_snap_m[i]), 1),
                "population_served": float(catch["population"].iloc[i]),
            }
            for i in range(len(sol.hospital_names))
        ],
        "population": {
            "source": population.source_name,
            "kind": population.kind,
            "locations": int(pop.size),
            "total": float(pop.sum()),
            "reached": status_pop["ok"],
            "unsnapped": status_pop["unsnapped"],
            "unreachable": status_pop["unreachable"],
            "locations_by_status": status_n,
            "unsnapped_reason": (
                f"no road node within the maximum snap distance of {max_snap_m:g} m"
            ),
            "unreachable_reason": (
                "the nearby roads belong to a part of the network from which no active "
                "hospital can be reached (an island without a ferry, a disconnected stub)"
            ),
        },
        "coverage": coverage.summary(
            total=float(pop.sum()),
            unsnapped=status_pop["unsnapped"],
            unreachable=status_pop["unreachable"],
        ),
        "land_mask": land_report(
            land, cell_part, cells, loc, pop, population, pop_xy_net, catch_polys
        ),
        "surface_grid": {
            "width": grid.width,
            "height": grid.height,
            "cell_size": grid.cell_size_m,
            "cells_computed": "all" if cells is None else "populated cells only",
        },
        "parameters": {
            "bands_min": bands.tolist(),
            "max_snap_m": max_snap_m,
            "access_speed_kmh": access_speed_kmh,
            "tie_rule": "equal times go to the hospital listed first",
            "band_rule": "bands closed on the right: exactly 15.0 min is in 0–15",
            "statistics": "mean, median, P90 and max minutes are " + REACHED_NOTE,
        },
        "timings_s": {k: round(v, 3) for k, v in timings.items()},
    }
    progress(1.0, "Done")
    return CatchmentResult(
        locations=loc,
        population=pop,
        grid=grid,
        surface_time_min=surface.time_min,
        surface_hospital=surface.hospital,
        surface_cells=cells,
        catchments=catch,
        bands=band_tab,
        areas=area_tab,
        catchment_polygons=catch_polys,
        band_polygons=band_polys,
        report=report,
        hospital_names=list(sol.hospital_names),
        bands_min=bands,
        hospital_ids=list(catch["hospital_id"]),
        land=land,
        location_area=area_index,
    )


# --------------------------------------------------------------------------- ids and land


def _plain(value):
    """A numpy scalar as a plain Python value (for the JSON report)."""
    return value.item() if hasattr(value, "item") else value


def _check_hospital_ids(ids: Sequence | None, names: Sequence[str]) -> list | None:
    """The user's hospital ids, checked: one per hospital, none missing, no repeats."""
    if ids is None:
        return None
    ids = [_plain(v) for v in ids]
    if len(ids) != len(names):
        raise SundplanError(
            "{n_ids} hospital ids were given for {n} hospitals.", n_ids=len(ids), n=len(names)
        )
    for value, name in zip(ids, names, strict=True):
        if value is None or (isinstance(value, float) and not np.isfinite(value)) or value == "":
            raise SundplanError(
                "Hospital '{hospital}' has no id. Give every hospital an id, or choose no id "
                "field to use the feature ids.",
                hospital=name,
            )
    ids = [int(v) if isinstance(v, float) and v.is_integer() else v for v in ids]
    seen: dict = {}
    for value, name in zip(ids, names, strict=True):
        if value in seen:
            raise SundplanError(
                "The hospital id {id} is used by both '{first}' and '{second}'. Hospital ids "
                "must be unique.",
                id=value,
                first=seen[value],
                second=name,
            )
        seen[value] = name
    return ids


def _resolve_land(land, areas: Areas | None, land_mask: bool):
    """The land mask of the run: ``land`` if given, else the union of the areas (if any)."""
    if land is not None or not land_mask or areas is None:
        return land
    from .land import land_from_areas

    return land_from_areas(areas.geometries, source_name=areas.source_name)


def _cell_parts(land, grid, graph, cells):
    """``part_of(xy)``: the land part of surface cell centres ``xy`` (network CRS; -1 off
    land), None without land. Ordinary grids in the network's CRS are rasterised once; huge
    sparse grids (``cells`` given) and grids in another CRS test the centres themselves."""
    if land is None:
        return lambda xy: None
    from .land import part_of_cells, part_of_points
    from .rasters import cells_of_points

    if cells is None and _same_crs(grid.crs_wkt, graph.crs_wkt):
        parts = part_of_cells(land, grid)
        return lambda xy: parts[cells_of_points(grid, xy)]
    return lambda xy: part_of_points(land, xy)


def _land_parts_of_points(land, xy: np.ndarray) -> np.ndarray:
    from .land import part_of_points

    return part_of_points(land, xy)


def _not_reached_polygons(loc, pop, population, grid, pop_xy_net) -> dict[int, list]:
    """Polygons (label 0) of the grid cells where residents who are not reached live. Only
    those cells are labelled (sparse), so memory follows them, not the grid."""
    from . import rasters

    lost = (loc.status != STATUS_OK) & (pop > 0)
    if not lost.any():
        return {}
    if population.flat_index is not None and population.grid is grid:
        flat = population.flat_index[lost]
    else:
        t = grid.transform
        xy = pop_xy_net[lost]
        cols = np.floor((xy[:, 0] - t.c) / t.a).astype(np.int64)
        rows = np.floor((xy[:, 1] - t.f) / t.e).astype(np.int64)
        inside = (cols >= 0) & (cols < grid.width) & (rows >= 0) & (rows < grid.height)
        flat = rows[inside] * grid.width + cols[inside]
    cells = np.unique(flat)
    return rasters.polygonize(np.zeros(cells.size, dtype=np.int32), grid, cells=cells)


def _clip_all(polys: dict, land) -> dict:
    from .land import clip

    out = {}
    for key, geom in polys.items():
        cut = clip(geom, land)
        if cut is not None and not cut.is_empty:
            out[key] = cut
    return out


def land_report(land, cell_part, cells, loc, pop, population, pop_xy_net, catch_polys) -> dict:
    """The report's ``land_mask`` section: whether access legs and outputs were kept on land."""
    if land is None:
        return {
            "used": False,
            "note": msg(
                "No land mask was used: without areas (e.g. kommuner) access legs may cross "
                "the sea, and the raster and polygons may cover sea."
            ),
        }
    if pop_xy_net is not None:
        loc_part = _land_parts_of_points(land, pop_xy_net)
    else:  # raster population on the surface grid (cell_part: per surface cell)
        from .rasters import cell_positions

        loc_part = cell_part[cell_positions(cells, population.flat_index)]
    off = loc_part < 0
    return {
        "used": True,
        "source": land.source_name,
        "rule": (
            "land = union of the areas; a location snaps only to road nodes on its own land "
            "part; locations off all land snap to the nearest road node; raster cells centred "
            "off land are nodata; polygons are clipped to the land"
        ),
        "land_parts": len(land.parts),
        "land_area_km2": round(land.area_km2, 3),
        "catchment_area_km2": round(sum(p.area for p in catch_polys.values()) / 1e6, 3),
        "locations_off_land": int(off.sum()),
        "population_off_land": float(pop[off].sum()),
    }


def disconnected_parts(graph, sol: NetworkSolution, loc: LocationTimes, population, *, most=20):
    """The parts of the road network from which no hospital can be reached (islands without a
    ferry, stubs), largest first: nodes, road length and the residents living by them."""
    comp = getattr(graph, "component", None)
    if comp is None or loc.node is None:
        return {"parts_without_hospital": None, "parts": []}
    n_comp = int(comp.max()) + 1 if comp.size else 0
    reaches = np.zeros(n_comp, dtype=bool)
    reaches[comp[np.isfinite(sol.node_time_s)]] = True
    stranded = np.flatnonzero(~reaches)
    nodes_per = np.bincount(comp, minlength=n_comp)
    unreach = loc.status == STATUS_UNREACHABLE
    pop_per = np.bincount(
        comp[loc.node[unreach]], weights=np.asarray(population)[unreach], minlength=n_comp
    )
    length_per = np.zeros(n_comp)
    seg_u = getattr(graph, "seg_u", None)
    if seg_u is not None and getattr(graph, "seg_length_m", None) is not None:
        length_per = np.bincount(comp[seg_u], weights=graph.seg_length_m, minlength=n_comp)
    ranked = stranded[np.lexsort((-nodes_per[stranded], -pop_per[stranded]))][:most]
    parts = []
    for k in ranked:
        xy = graph.node_xy[comp == k].mean(axis=0)
        parts.append(
            {
                "component": int(k),
                "nodes": int(nodes_per[k]),
                "road_km": round(float(length_per[k]) / 1000.0, 2),
                "residents_by_it": round(float(pop_per[k]), 1),
                "centre_x": round(float(xy[0]), 1),
                "centre_y": round(float(xy[1]), 1),
            }
        )
    return {"parts_without_hospital": int(stranded.size), "parts": parts}


def _same_crs(a: str, b: str) -> bool:
    from .rasters import same_crs

    return same_crs(a, b)


def _multipolygons(parts: dict[int, list], grid, graph) -> dict[int, object]:
    """GeoJSON-like polygon parts per label -> one shapely MultiPolygon per label, in the
    network's CRS. Parts of one label never touch (rasterio merges touching cells)."""
    from shapely.geometry import MultiPolygon, shape

    from . import rasters

    same = _same_crs(grid.crs_wkt, graph.crs_wkt)
    out = {}
    for label, geoms in parts.items():
        polys = []
        for g in geoms:
            if not same:
                g = {
                    "type": "Polygon",
                    "coordinates": [
                        rasters.transform_xy(
                            np.asarray(ring, dtype="float64"),
                            src_wkt=grid.crs_wkt,
                            dst_wkt=graph.crs_wkt,
                        ).tolist()
                        for ring in g["coordinates"]
                    ],
                }
            polys.append(shape(g))
        out[label] = MultiPolygon(polys)
    return out
