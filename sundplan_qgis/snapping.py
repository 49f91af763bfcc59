"""The nearest hospital over the road network, and how locations join the roads.

One multi-source Dijkstra from all hospitals on the reversed road graph gives every road node
the time to its nearest hospital (:func:`solve_network`); locations snap to the nearest
reachable road node within the maximum snap distance (:func:`locate`). The method is
described in :mod:`sundplan_qgis.catchments`.
"""

from __future__ import annotations

from collections.abc import Callable, Sequence
from dataclasses import dataclass, field

import numpy as np
import scipy.sparse as sp
from scipy.sparse.csgraph import dijkstra
from scipy.spatial import cKDTree

from .errors import SundplanError, msg
from .network.contract import can_contract, contract

Progress = Callable[[float, str], None]

STATUS_OK = 0
STATUS_UNSNAPPED = 1
STATUS_UNREACHABLE = 2
STATUS_LABELS = {STATUS_OK: "ok", STATUS_UNSNAPPED: "unsnapped", STATUS_UNREACHABLE: "unreachable"}

DEFAULT_MAX_SNAP_M = 1000.0
DEFAULT_ACCESS_SPEED_KMH = 30.0
"""Straight-line speed of the leg between a location and the road network. 30 km/h straight
line ≈ 40 km/h on local roads with the common 1.3 detour factor."""

_TIE_BREAK_S = 1e-6


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

    def nearest_reachable(
        self, graph, xy: np.ndarray, max_snap_m: float
    ) -> tuple[np.ndarray, np.ndarray]:
        """Distance (m; inf if none within ``max_snap_m``) and id of the nearest road node
        that reaches a hospital, for each location.

        Asks the tree of all snappable nodes (built once per graph) first and takes the
        nearest of the 16 nearest nodes that reaches a hospital; only locations with none of
        them reachable use a tree of the reachable nodes, built on first need. On a national
        network almost every node is reachable, so the second tree of millions of nodes is
        rarely built (seconds saved); the answer is the same nearest reachable node.
        """
        if self.reachable_nodes is None or self.reachable_nodes.size == 0:
            return np.full(len(xy), np.inf), np.full(len(xy), -1, dtype=np.int64)
        tree, tree_nodes = _node_tree(graph)
        d, j = tree.query(xy, k=1, distance_upper_bound=max_snap_m, workers=-1)
        node = _node_ids(d, j, tree_nodes)
        found = node >= 0
        bad = np.flatnonzero(found & ~np.isfinite(self.node_time_s[np.where(found, node, 0)]))
        if bad.size == 0:
            return d, node
        k = min(16, tree_nodes.size)
        dk, jk = tree.query(xy[bad], k=k, distance_upper_bound=max_snap_m, workers=-1)
        dk, jk = dk.reshape(bad.size, k), jk.reshape(bad.size, k)
        nk = np.where(np.isfinite(dk), tree_nodes[np.minimum(jk, tree_nodes.size - 1)], -1)
        ok = np.isfinite(dk) & np.isfinite(self.node_time_s[np.maximum(nk, 0)]) & (nk >= 0)
        first = np.argmax(ok, axis=1)
        has = ok[np.arange(bad.size), first]
        d[bad] = np.where(has, dk[np.arange(bad.size), first], np.inf)
        node[bad] = np.where(has, nk[np.arange(bad.size), first], -1)
        # none of the k nearest reaches a hospital, but all k were within reach: ask the tree
        # of the reachable nodes
        rest = bad[~has & np.isfinite(dk[:, -1])]
        if rest.size:
            if self.reachable_tree is None:
                self.reachable_tree = cKDTree(graph.node_xy[self.reachable_nodes])
            dr, jr = self.reachable_tree.query(
                xy[rest], k=1, distance_upper_bound=max_snap_m, workers=-1
            )
            d[rest] = dr
            node[rest] = _node_ids(dr, jr, self.reachable_nodes)
        return d, node

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
    # The search runs on the junctions only (shape points contracted, the hospitals' nodes
    # kept) and every vertex's time is read off its chain afterwards: exact, and the search
    # settles a few percent of the nodes on an OpenStreetMap network.
    contracted = contract(graph, keep=node) if can_contract(graph) else None
    if contracted is not None:
        rev, start = contracted.reverse, contracted.core_of[node]
    else:
        start = node
    n_search = rev.shape[0]
    # Virtual node per hospital, joined to its road node by the access leg (+ tie-break).
    n_h = len(names)
    access_s = snap_m / (access_speed_kmh / 3.6) + _TIE_BREAK_S * (1 + np.arange(n_h))
    data = np.concatenate([rev.data, access_s])
    indices = np.concatenate([rev.indices, start.astype(rev.indices.dtype)])
    indptr = np.concatenate([rev.indptr, rev.indptr[-1] + np.arange(1, n_h + 1)])
    n_all = n_search + n_h
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
        indices=np.arange(n_search, n_all),
        return_predecessors=True,
        min_only=True,
    )
    node_time_s, node_source = dist[:n_search], sources[:n_search]
    if contracted is not None:
        node_time_s, end = contracted.times_to(node_time_s)
        node_source = np.where(end >= 0, node_source[np.maximum(end, 0)], -1)
    node_hospital = np.where(node_source >= 0, node_source - n_search, -1)
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
        reachable_tree=None,  # built only when needed: see NetworkSolution.nearest_reachable
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
        else:
            d, jn = solution.nearest_reachable(graph, pxy, max_snap_m)
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
