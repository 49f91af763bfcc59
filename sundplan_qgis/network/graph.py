"""The routable graph: :func:`build_graph` turns :class:`RoadLines` into a :class:`RoadGraph`
whose every vertex is a node and every segment an edge (weights: travel time in seconds)."""

from __future__ import annotations

import math
from collections.abc import Mapping
from dataclasses import dataclass, field

import numpy as np
from scipy.sparse import csr_matrix
from scipy.sparse.csgraph import connected_components

from .. import _compat
from ..errors import SundplanError, listing, msg
from .fields import no_class_nor_speed
from .lines import RoadLines
from .speeds import (
    DEFAULT_FERRY_BOARDING_MIN,
    DEFAULT_FERRY_SPEED_KMH,
    DEFAULT_SPEEDS_KMH,
    implausible_speeds,
)


@dataclass
class RoadGraph:
    """A directed road graph: every vertex is a node, every segment one or two edges.

    Attributes:
        node_xy: (N, 2) float64 node coordinates, metres (CRS ``crs_wkt``).
        forward: (N, N) CSR matrix; ``forward[u, v]`` = travel time u→v in seconds.
        reverse: its transpose as CSR (``reverse[v, u]`` = time u→v): search from the hospitals
            on it to get the time *to* the hospital from every node.
        edge_count: number of directed edges (stored entries of ``forward``).
        component: (N,) int32 weakly connected component label per node.
        node_is_road: (N,) bool, True where a road (non-ferry) segment touches the node: snap
            homes and hospitals to these only (not to ferry lines or ferry dock nodes).
        n_components: number of weak components.
        seg_u, seg_v: (S,) int64 node ids of the kept (non zero-length) segments, as digitised
            (a ferry segment at a port uses the port's dock node).
        seg_line: (S,) int64 index of the source line of each segment.
        seg_length_m: (S,) float64 segment length in metres.
        seg_time_s: (S,) float64 travel time of each kept segment in seconds (the same both
            ways; clamped to ≥ 1e-6 s like the edges).
        seg_oneway: (S,) int8 one-way code of each kept segment (1, -1 or 0, as the line's).
        dock_links: (D, 2) int64 [port node, its dock node] of every ferry dock; the two are
            joined both ways by half the boarding time.
        crs_wkt, source_name: as in :class:`RoadLines`.
        stats: counts and lengths (``n_lines``, ``n_ferry_lines``, ``total_length_km``,
            ``n_nodes``, ``n_segments``, ``n_edges``, ``n_components``,
            ``largest_component_length_share``, ``n_lines_default_speed``).
    """

    node_xy: np.ndarray
    forward: csr_matrix
    reverse: csr_matrix
    edge_count: int
    component: np.ndarray
    node_is_road: np.ndarray
    n_components: int
    seg_u: np.ndarray
    seg_v: np.ndarray
    seg_line: np.ndarray
    seg_length_m: np.ndarray
    crs_wkt: str
    source_name: str
    stats: dict[str, float] = field(default_factory=dict)
    seg_time_s: np.ndarray | None = None
    seg_oneway: np.ndarray | None = None
    dock_links: np.ndarray | None = None

    @property
    def n_nodes(self) -> int:
        """Number of nodes N."""
        return int(self.node_xy.shape[0])


def _merge_vertices(coords: np.ndarray, tol: float) -> tuple[np.ndarray, np.ndarray]:
    """Node id per vertex and node coordinates, merging vertices closer than ``tol`` metres.

    Vertices are first snapped to a ``tol`` grid and deduplicated on an int64 key (this merges
    all exact and most near duplicates, vectorised); then distinct grid nodes within ``tol``
    of each other (pairs straddling a cell border) are joined with a k-d tree and
    union-find via connected components. Node coordinates are those of the first vertex.
    """
    from scipy.spatial import cKDTree

    if tol <= 0:
        keys = coords
        uniq, first, inv = np.unique(keys, axis=0, return_index=True, return_inverse=True)
        return np.asarray(inv).ravel(), coords[first]
    g = np.floor(coords / tol + 0.5).astype(np.int64)
    gmin = g.min(axis=0)
    g -= gmin
    span = int(g[:, 1].max()) + 1
    if int(g[:, 0].max()) + 1 > (2**62) // span:
        raise SundplanError(
            "The road layer's extent is too large for the merge tolerance; use a larger "
            "tolerance or a projected CRS in metres."
        )
    key = g[:, 0] * span + g[:, 1]
    _, first, inv = np.unique(key, return_index=True, return_inverse=True)
    inv = np.asarray(inv).ravel()
    node_xy = coords[first]
    pairs = cKDTree(node_xy).query_pairs(r=tol, output_type="ndarray")
    if len(pairs):
        n = len(node_xy)
        adj = csr_matrix(
            (np.ones(len(pairs), dtype=np.int8), (pairs[:, 0], pairs[:, 1])), shape=(n, n)
        )
        _, lab = connected_components(adj, directed=False)
        # first grid node of each group provides the coordinates
        order = np.argsort(lab, kind="stable")
        grp_first = np.zeros(lab.max() + 1, dtype=np.int64)
        uniq_lab, idx = np.unique(lab[order], return_index=True)
        grp_first[uniq_lab] = order[idx]
        node_xy = node_xy[grp_first]
        inv = lab[inv].astype(np.int64)
    return inv, node_xy


def _normalise_classes(road_class: np.ndarray) -> np.ndarray:
    """Road classes stripped and lower-cased (object array), one Python call per distinct."""
    if len(road_class) == 0:
        return np.zeros(0, dtype=object)
    uniq, inv = _compat.unique_inverse(np.asarray(road_class).astype(str))
    return np.array([u.strip().lower() for u in uniq], dtype=object)[inv]


def _class_speeds(road_class: np.ndarray, table: Mapping[str, float]) -> np.ndarray:
    """Speed (km/h) per line from its class; NaN for classes not in ``table``."""
    if len(road_class) == 0:
        return np.zeros(0)
    uniq, inv = _compat.unique_inverse(np.asarray(road_class).astype(str))
    vals = np.array([table.get(u.strip().lower(), math.nan) for u in uniq], dtype=np.float64)
    return vals[inv]


def build_graph(
    lines: RoadLines,
    *,
    speeds_kmh: Mapping[str, float] | None = None,
    realism_factor: float = 1.0,
    include_ferries: bool = True,
    ferry_speed_kmh: float | None = None,
    ferry_boarding_min: float = DEFAULT_FERRY_BOARDING_MIN,
    merge_tolerance_m: float = 0.01,
) -> RoadGraph:
    """Build the directed travel-time graph (edge weights in seconds).

    * Every vertex is a node; vertices closer than ``merge_tolerance_m`` (metres) are merged.
      Every consecutive vertex pair of a line is a segment; zero-length segments (after
      merging) are dropped.
    * Road speed (km/h) = the line's ``speed_kmh`` if in (0, 150], else the class speed
      from ``{**DEFAULT_SPEEDS_KMH, **speeds_kmh}``; effective speed = speed ×
      ``realism_factor`` (0 < f ≤ 1 makes travel slower, e.g. 0.85 for junction delays).
      Segment time = length_m / (effective speed / 3.6).
    * Ferries (class 'ferry', kept if ``include_ferries``): a known ``ferry_duration_min`` is
      spread over the line's segments in proportion to length; otherwise time = length at the
      line's speed, or ``ferry_speed_kmh`` (default: the table's 'ferry' speed). The realism
      factor does not apply to ferries. ``ferry_boarding_min`` is paid once per crossing:
      each node where ferry and road segments meet (a port) gets a twin "dock" node at the
      same place carrying the ferry segments, joined to the road node by two edges of half
      the boarding time. So road → ferry → road costs it once however the ferry is split
      into lines, and staying on board past an intermediate port costs nothing. Dock nodes
      are appended after the vertex nodes (``node_is_road`` is False for them).
    * A line with a finite ``lines.length_m`` (a travel length measured before its shape was
      generalised) has its kept segments' lengths scaled to sum to it, so times and lengths
      are those of the original geometry.
    * Oneway 1 → edge u→v only, -1 → v→u only, 0 → both. Parallel edges keep the minimum
      time; times are clamped to ≥ 1e-6 s (csgraph treats stored zeros as absent).

    Raises:
        SundplanError: invalid lines (see :meth:`RoadLines.validate`), bad parameters, or
            road classes with neither a speed in the data nor in the table.
    """
    lines.validate()
    name = lines.source_name
    if not (realism_factor > 0 and math.isfinite(realism_factor)):
        raise SundplanError("The realism factor must be > 0 (got {factor}).", factor=realism_factor)
    if ferry_boarding_min < 0 or not math.isfinite(ferry_boarding_min):
        raise SundplanError(
            "Ferry boarding time must be ≥ 0 minutes (got {minutes}).", minutes=ferry_boarding_min
        )
    table = dict(DEFAULT_SPEEDS_KMH)
    if speeds_kmh:
        table.update({str(k).strip().lower(): float(v) for k, v in speeds_kmh.items()})
    f_speed = (
        float(ferry_speed_kmh)
        if ferry_speed_kmh is not None
        else table.get("ferry", DEFAULT_FERRY_SPEED_KMH)
    )
    if not (f_speed > 0):
        raise SundplanError("Ferry speed must be > 0 km/h (got {speed}).", speed=ferry_speed_kmh)

    coords = np.asarray(lines.coords, dtype=np.float64)
    offsets = np.asarray(lines.offsets, dtype=np.int64)
    n_lines = len(offsets) - 1
    cls = _normalise_classes(lines.road_class)
    is_ferry = cls == "ferry"
    line_keep = np.ones(n_lines, dtype=bool) if include_ferries else ~is_ferry

    # ---- per-line speed (km/h)
    own = np.asarray(lines.speed_kmh, dtype=np.float64)
    own_ok = np.isfinite(own) & ~implausible_speeds(own)  # readers reject user data outside
    cls_speed = _class_speeds(cls, table)
    speed = np.where(own_ok, own, cls_speed)
    speed = np.where(is_ferry & ~own_ok, f_speed, speed)
    missing = line_keep & ~(np.isfinite(speed) & (speed > 0))
    if missing.any():
        unnamed = no_class_nor_speed(lines.fields, layer=name)
        if unnamed is not None:
            raise unnamed
        miss_cls = sorted({str(c) for c in cls[missing]})
        raise SundplanError(
            "Road layer '{layer}': {count} lines have no speed and their road "
            "class has no default speed (classes: {classes}). Add these "
            "classes to the speed table, or choose a speed field.",
            layer=name,
            count=int(missing.sum()),
            classes=listing(c or msg("(empty)") for c in miss_cls[:10]),  # "(empty)" translated
        )
    eff_speed_ms = np.where(is_ferry, speed, speed * realism_factor) / 3.6

    # ---- segments
    nv = np.diff(offsets)
    vmask = np.ones(len(coords), dtype=bool)
    has = nv > 0
    vmask[offsets[1:][has] - 1] = False
    seg_a = np.flatnonzero(vmask)
    seg_line_all = np.repeat(np.arange(n_lines, dtype=np.int64), nv)[vmask]
    node_of, node_xy = _merge_vertices(coords, merge_tolerance_m)
    u = node_of[seg_a]
    v = node_of[seg_a + 1]
    d = coords[seg_a + 1] - coords[seg_a]
    length = np.hypot(d[:, 0], d[:, 1])
    keep = (u != v) & line_keep[seg_line_all]
    u, v, length, seg_line = u[keep], v[keep], length[keep], seg_line_all[keep]
    n_nodes = len(node_xy)

    if len(u) == 0:
        raise SundplanError(
            "Road layer '{layer}' has no road segments left to route on (all lines are "
            "ferries that were excluded, or have zero length). Check the layer and the "
            "'include ferries' option.",
            layer=name,
        )
    if lines.length_m is not None:
        length = _scaled_to_line_length(length, seg_line, lines.length_m, n_lines)
    t = length / eff_speed_ms[seg_line]
    seg_ferry = is_ferry[seg_line]
    dur = np.asarray(lines.ferry_duration_min, dtype=np.float64)
    has_dur = is_ferry & np.isfinite(dur) & (dur > 0)
    if seg_ferry.any():
        line_len = np.bincount(seg_line, weights=length, minlength=n_lines)
        sd = has_dur[seg_line]
        t[sd] = dur[seg_line[sd]] * 60.0 * length[sd] / line_len[seg_line[sd]]
    road_node = np.zeros(n_nodes, dtype=bool)
    road_node[u[~seg_ferry]] = True
    road_node[v[~seg_ferry]] = True
    t = np.maximum(t, 1e-6)
    ow = np.asarray(lines.oneway, dtype=np.int8)[seg_line]
    fw = ow >= 0
    bw = ow <= 0
    eu, ev = u, v
    extra_src = extra_dst = np.zeros(0, dtype=np.int64)
    extra_t = np.zeros(0)
    node_xy_all = node_xy
    n_dock = 0
    dock_links = np.zeros((0, 2), dtype=np.int64)
    if seg_ferry.any() and ferry_boarding_min > 0:
        # Ferry docks: every node with both road and ferry segments gets a twin "dock" node
        # at the same place; ferry segments attach to the twin, and road <-> dock edges cost
        # half the boarding time each. A crossing road -> ferry -> road pays it once, a ferry
        # passing a port without leaving it pays nothing.
        ferry_node = np.zeros(n_nodes, dtype=bool)
        ferry_node[u[seg_ferry]] = True
        ferry_node[v[seg_ferry]] = True
        terminals = np.flatnonzero(ferry_node & road_node)
        n_dock = len(terminals)
        if n_dock:
            dock_of = np.arange(n_nodes, dtype=np.int64)
            dock_of[terminals] = n_nodes + np.arange(n_dock)
            eu = np.where(seg_ferry, dock_of[u], u)
            ev = np.where(seg_ferry, dock_of[v], v)
            half = max(ferry_boarding_min * 60.0 / 2.0, 1e-6)
            docks = dock_of[terminals]
            extra_src = np.concatenate([terminals, docks])
            extra_dst = np.concatenate([docks, terminals])
            extra_t = np.full(2 * n_dock, half)
            node_xy_all = np.concatenate([node_xy, node_xy[terminals]])
            dock_links = np.column_stack([terminals, docks]).astype(np.int64)
    n_all = n_nodes + n_dock
    src = np.concatenate([eu[fw], ev[bw], extra_src])
    dst = np.concatenate([ev[fw], eu[bw], extra_dst])
    wt = np.concatenate([t[fw], t[bw], extra_t])
    forward = _csr_min(src, dst, wt, n_all)
    reverse = forward.T.tocsr()
    reverse.sort_indices()
    is_road = np.zeros(n_all, dtype=bool)
    is_road[:n_nodes] = road_node
    u, v, node_xy = eu, ev, node_xy_all
    n_comp, comp = connected_components(forward, directed=True, connection="weak")

    total_len = float(length.sum())
    comp_len = np.bincount(comp[u], weights=length, minlength=n_comp) if len(u) else np.zeros(1)
    stats: dict[str, float] = {
        "n_lines": int(line_keep.sum()),
        "n_ferry_lines": int((is_ferry & line_keep).sum()),
        "n_ferry_lines_with_duration": int((has_dur & line_keep).sum()),
        "n_lines_default_speed": int((line_keep & ~own_ok).sum()),
        "total_length_km": total_len / 1000.0,
        "n_nodes": int(n_all),
        "n_ferry_docks": int(n_dock),
        "n_segments": int(len(u)),
        "n_edges": int(forward.nnz),
        "n_components": int(n_comp),
        "largest_component_length_share": float(comp_len.max() / total_len) if total_len else 0.0,
    }
    return RoadGraph(
        node_xy=node_xy,
        forward=forward,
        reverse=reverse,
        edge_count=int(forward.nnz),
        component=comp.astype(np.int32),
        node_is_road=is_road,
        n_components=int(n_comp),
        seg_u=u.astype(np.int64),
        seg_v=v.astype(np.int64),
        seg_line=seg_line.astype(np.int64),
        seg_length_m=length,
        crs_wkt=lines.crs_wkt,
        source_name=name,
        stats=stats,
        seg_time_s=t,
        seg_oneway=ow.astype(np.int8),
        dock_links=dock_links,
    )


def _scaled_to_line_length(
    length: np.ndarray, seg_line: np.ndarray, length_m: np.ndarray, n_lines: int
) -> np.ndarray:
    """Segment lengths scaled per line so that each line with a finite ``length_m`` sums to
    it (the line's kept segments; NaN leaves the geometry's lengths)."""
    target = np.asarray(length_m, dtype=np.float64)
    geom = np.bincount(seg_line, weights=length, minlength=n_lines)
    scale = np.ones(n_lines)
    ok = np.isfinite(target) & (geom > 0)
    scale[ok] = target[ok] / geom[ok]
    return length * scale[seg_line]


def _csr_min(src: np.ndarray, dst: np.ndarray, w: np.ndarray, n: int) -> csr_matrix:
    """CSR (n × n) from edges, keeping the minimum weight of parallel edges (no summing)."""
    key = src.astype(np.int64) * np.int64(n) + dst.astype(np.int64)
    order = np.argsort(key)
    key_s = key[order]
    w_s = w[order].astype(np.float64)
    first = np.ones(len(key_s), dtype=bool)
    first[1:] = key_s[1:] != key_s[:-1]
    starts = np.flatnonzero(first)
    if len(starts) < len(key_s):
        ww = np.minimum.reduceat(w_s, starts) if len(starts) else w_s[:0]
    else:
        ww = w_s
    key_u = key_s[starts]
    s = key_u // n
    dd = key_u - s * n
    indptr = np.zeros(n + 1, dtype=np.int64)
    np.cumsum(np.bincount(s, minlength=n), out=indptr[1:])
    idx_dtype = np.int32 if n < 2**31 - 1 and len(s) < 2**31 - 1 else np.int64
    m = csr_matrix((ww, dd.astype(idx_dtype), indptr.astype(idx_dtype)), shape=(n, n))
    m.has_sorted_indices = True
    return m
