"""Network engine of the 2SFCA (:mod:`sundplan_qgis.fca`): travel-time pairs home → practice
over the road graph, and the search processes that keep them.

Demand locations and practices are snapped to road nodes (nearest road node within the
maximum snap distance; demand only to nodes of network parts that contain a practice). The
access legs (straight line at the access speed) are added at both ends. Shortest paths run on
the *reversed* graph (time from every node to the practice) with
``scipy.sparse.csgraph.dijkstra(limit=...)``, one search per *distinct* practice node
(practices snapped to the same node share it; each adds its own access leg afterwards, and the
limit is the threshold minus the smallest practice leg of the batch and the smallest demand
leg). Where shape points make up a real share of the nodes (OpenStreetMap), the searches run
on the junctions only (:func:`sundplan_qgis.network.contract.contract`, the practices' nodes
kept) and each demand node's time is read off the better end of its chain (exact up to the
order of the float sums). The search nodes are renumbered along a Hilbert curve (a
permutation: exact; scipy's search is bound by memory latency and runs about 1.3× faster when
nodes close in space are close in memory). Each batch of searches runs on the part of the
graph within its limit (found by one ``min_only`` search; the same relaxations in the same
order, so the same times), and of its rows only the demand nodes are kept, and only pairs
within ``T`` (sparse: never a dense practices × nodes matrix).

Processes: :func:`network_fca` with ``workers`` > 1 starts that many search processes as new
Python interpreters (``spawn``; ``forkserver`` with an empty preload is the measured
alternative) — never a ``fork`` of this process, which inside QGIS runs Qt, GDAL and Python
threads (and numpy's BLAS threads everywhere). Inside QGIS ``sys.executable`` is QGIS itself,
so the interpreter of the running Python installation is started instead
(:func:`python_executable`). The graph and the search state reach the processes through one
``multiprocessing.shared_memory`` block (never pickled; removed on success, error and
cancel). They take batches from a shared counter and *keep* their pairs; step 1 and step 2
run there and only vectors of length n_practices and n_demand travel back. ``workers=0`` is
automatic (:func:`resolve_workers`: one per core; in this process when the searches are
small). Threads do not help: scipy's Dijkstra holds the GIL (measured, scipy 1.10).
"""

from __future__ import annotations

import math
import os
import re
import sys
import time
from collections.abc import Sequence

import numpy as np
from scipy.sparse import csr_matrix
from scipy.sparse.csgraph import dijkstra
from scipy.spatial import cKDTree

from .errors import SundplanError, listing, msg
from .fca import (
    DEFAULT_ACCESS_SPEED_KMH,
    DEFAULT_BATCH_SIZE,
    DEFAULT_MAX_SNAP_M,
    STATUS_OK,
    STATUS_UNREACHABLE,
    STATUS_UNSNAPPED,
    TOLERANCE_MIN,
    CostPairs,
    Decay,
    Progress,
    TwoStepResult,
    _finish,
    _noop,
    _pair_weights,
    _ratio,
    _step1,
    _step2,
    two_step_fca,
)
from .network.contract import Contracted, can_contract, contract


def _ranges(starts: np.ndarray, counts: np.ndarray) -> np.ndarray:
    """Concatenation of ``arange(s, s + c)`` for every (s, c)."""
    counts = np.asarray(counts, dtype=np.int64)
    total = int(counts.sum())
    if total == 0:
        return np.zeros(0, dtype=np.int64)
    before = np.concatenate([[0], np.cumsum(counts)[:-1]])
    return np.repeat(np.asarray(starts, dtype=np.int64) - before, counts) + np.arange(total)


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


def _sub_csr(m: csr_matrix, nodes: np.ndarray, local: np.ndarray) -> csr_matrix:
    """The subgraph of ``m`` induced by ``nodes`` (ascending), renumbered by ``local``
    (``local[nodes] = arange``, -1 elsewhere); rows keep their edge order."""
    counts = np.diff(m.indptr)[nodes]
    idx = _ranges(m.indptr[:-1][nodes], counts)
    tgt = local[m.indices[idx]]
    keep = tgt >= 0
    row = np.repeat(np.arange(nodes.size), counts)[keep]
    indptr = np.zeros(nodes.size + 1, dtype=np.int32)
    np.cumsum(np.bincount(row, minlength=nodes.size), out=indptr[1:])
    return csr_matrix(
        (m.data[idx[keep]], tgt[keep].astype(np.int32), indptr), shape=(nodes.size, nodes.size)
    )


def _batch_pairs(
    st: dict, b: int, local: np.ndarray
) -> tuple[np.ndarray, np.ndarray, np.ndarray, int]:
    """Pairs (demand point, practice, minutes) within the threshold for search batch ``b``.

    A batch is up to ``batch_size`` distinct practice nodes (consecutive along the Hilbert
    curve); every practice snapped to one of them gets its own access leg after the search.
    The searches run on the part of the graph within the limit of *some* source of the batch
    (one ``min_only`` search finds it): a node on a shortest path within the limit is itself
    within the limit, so the times are those of the whole graph (the same relaxations in the
    same order), while the per-search set-up and the result rows shrink from all nodes to
    that part. ``local`` is an all -1 scratch array of length n_search (restored on return).
    """
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
    rev = st["rev"]
    ball = dijkstra(rev, directed=True, indices=src, limit=limit_s, min_only=True)
    nodes = np.flatnonzero(np.isfinite(ball))  # ascending: keeps the Hilbert order
    del ball
    local[nodes] = np.arange(nodes.size, dtype=local.dtype)
    try:
        sub = _sub_csr(rev, nodes, local)
        dist = dijkstra(sub, directed=True, indices=local[src], limit=limit_s)
        if "u_pos" in st:  # every graph node is searched: the demand nodes' columns
            upos = st["u_pos"][nodes]  # index into the distinct demand nodes, -1: none there
            cols = np.flatnonzero(upos >= 0)
            sub_t = dist[:, cols] / 60.0
            cols = upos[cols]
        else:  # junctions only: each demand node from the better end of its chain
            cols, expander = _chains_in(st, local, nodes.size)
            ext = np.full((src.size, nodes.size + 1), np.inf)  # last column: outside
            ext[:, :-1] = dist
            sub_t = expander.times_to(ext)[0] / 60.0
            del ext
    finally:
        local[nodes] = -1
    settled = int(np.count_nonzero(np.isfinite(dist)))
    del dist
    r, c = np.nonzero(np.isfinite(sub_t))
    empty = (np.zeros(0, np.int32), np.zeros(0, np.int32), np.zeros(0), settled)
    if r.size == 0:
        return empty
    t_row = sub_t[r, c]
    u = cols[c]  # distinct demand node of each entry
    del sub_t
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


def _chains_in(st: dict, local: np.ndarray, n_local: int) -> tuple[np.ndarray, Contracted]:
    """The distinct demand nodes with a chain end among the searched nodes (``local`` ≥ 0)
    and their chains as a :class:`Contracted` over the local numbering (``n_local``: a
    column of inf for ends outside), whose ``times_to`` reads their times off the search."""

    def to_local(ids: np.ndarray) -> np.ndarray:
        loc = local[np.maximum(ids, 0)]
        return np.where((ids >= 0) & (loc >= 0), loc, n_local).astype(np.int64)

    cand = np.flatnonzero((local[st["x_end_a"]] >= 0) | (local[st["x_end_b"]] >= 0))
    core = st["x_core_of"][cand]
    expander = Contracted(
        core_nodes=np.zeros(0, dtype=np.int64),
        core_of=np.where(core >= 0, to_local(core), -1),
        forward=None,
        reverse=None,
        node_piece=st["x_piece"][cand],
        node_offset_s=st["x_offset_s"][cand],
        piece_a=to_local(st["x_piece_a"]),
        piece_b=to_local(st["x_piece_b"]),
        piece_time_s=st["x_piece_time_s"],
        piece_oneway=st["x_piece_oneway"],
    )
    return cand, expander


def _scratch(st: dict) -> np.ndarray:
    return np.full(st["n_search"], -1, dtype=np.int32)


_START_METHOD = "spawn"  # see _Workers; "forkserver" measured too (docs/benchmarks.md)
_CONTRACT_MAX_SHARE = 0.9  # search the junctions only when they are ≤ 90 % of the nodes
_MIN_AUTO_WORK = 2.0e8
_START_TIMEOUT_S = 120.0  # node × search products below which automatic stays in-process


def python_executable() -> str | None:
    """A Python interpreter for the search processes, or None.

    ``sys.executable`` unless it is not Python: inside QGIS (desktop and ``qgis_process``) it
    is the QGIS binary, which must never be started as a worker; then the interpreter of the
    running Python's installation (same version, so the same numpy and scipy).
    """
    exe = sys.executable or ""
    if re.fullmatch(r"python[0-9.]*(\.exe)?", os.path.basename(exe).lower()):
        return exe
    v = sys.version_info
    for folder in (os.path.join(sys.exec_prefix, "bin"), sys.exec_prefix, sys.base_exec_prefix):
        for name in (f"python{v.major}.{v.minor}", f"python{v.major}", "python.exe"):
            path = os.path.join(folder, name)
            if os.path.isfile(path) and os.access(path, os.X_OK):
                return path
    return None


def resolve_workers(workers: int) -> int:
    """Number of search processes: ``workers`` ≥ 1 as given; 0 (or less) = automatic.

    Automatic: one per available core (at most 8). Always 1 when no Python interpreter can
    be found to start them (:func:`python_executable`). The processes are started fresh
    (``spawn``, never a ``fork`` of this possibly multi-threaded process), so this also holds
    inside the QGIS desktop application.
    """
    if python_executable() is None:
        return 1
    workers = int(workers)
    if workers >= 1:
        return workers
    try:
        cores = len(os.sched_getaffinity(0))
    except AttributeError:  # macOS, Windows
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

    # The search graph: the junctions only when shape points make up a real share of the nodes
    # (the practices' nodes kept; demand times read off the chains, exact), renumbered along
    # a Hilbert curve (exact; faster searches, see _hilbert_order).
    practices = np.flatnonzero(s_ok)
    contracted = None
    if can_contract(graph):
        c = contract(graph, keep=np.unique(supply_node[practices]))
        if c.n_core <= _CONTRACT_MAX_SHARE * n_nodes:
            contracted = c
    if contracted is None:
        search_of = np.arange(n_nodes)  # graph node → search-graph node
        base, search_xy = graph.reverse, graph.node_xy
    else:
        search_of = contracted.core_of
        base, search_xy = contracted.reverse, graph.node_xy[contracted.core_nodes]
    n_search = base.shape[0]
    perm = _hilbert_order(search_xy)
    inv = np.empty(n_search, dtype=np.int64)
    inv[perm] = np.arange(n_search)
    rev = _permuted_csr(base, perm, inv)
    hilbert_of = np.where(search_of >= 0, inv[np.maximum(search_of, 0)], -1)
    # Demand points grouped by node (search-graph nodes in Hilbert order, then contracted
    # vertices): distinct demand nodes and their points.
    ok_pts = np.flatnonzero(demand_status == STATUS_OK)
    key = hilbert_of[demand_node]
    key = np.where(key >= 0, key, n_search + demand_node)
    order = ok_pts[np.argsort(key[ok_pts], kind="stable")]
    u_key, u_start, u_count = np.unique(key[order], return_index=True, return_counts=True)
    u_graph = demand_node[order[u_start]]  # graph node of each distinct demand node
    # One search per distinct practice node, in Hilbert order.
    p_node = hilbert_of[supply_node[practices]]
    o = np.lexsort((practices, p_node))
    prac, p_node = practices[o], p_node[o]
    src, prac_node = np.unique(p_node, return_inverse=True)
    node_first = np.searchsorted(prac_node, np.arange(src.size + 1))
    n_batches = math.ceil(src.size / batch_size) if src.size else 0
    ok_acc = demand_access[ok_pts]
    state = {
        "rev": rev,
        "n_search": int(n_search),
        "threshold": threshold,
        "batch_size": int(batch_size),
        "src": src,
        "prac": prac,
        "prac_node": prac_node,
        "node_first": node_first,
        "supply_access": supply_access,
        "demand_access": demand_access,
        "min_demand_access": float(ok_acc.min()) if ok_acc.size else 0.0,
        "u_start": u_start,
        "u_count": u_count,
        "order": order,
        "n_batches": n_batches,
    }
    if contracted is None:
        u_pos = np.full(n_search, -1, dtype=np.int32)
        u_pos[u_key] = np.arange(u_key.size)
        state["u_pos"] = u_pos
    else:
        # the chains of the demand nodes, core ids in the search numbering (Contracted.times_to)
        piece = contracted.node_piece[u_graph]
        inner = piece >= 0
        used, x_inner = np.unique(piece[inner], return_inverse=True)
        x_piece = np.full(piece.size, -1, dtype=np.int64)
        x_piece[inner] = x_inner
        pa, pb = inv[contracted.piece_a[used]], inv[contracted.piece_b[used]]
        core_u = hilbert_of[u_graph]
        state.update(
            x_core_of=core_u,
            x_end_a=np.where(inner, np.append(pa, -1)[np.where(inner, x_piece, pa.size)], core_u),
            x_end_b=np.where(inner, np.append(pb, -1)[np.where(inner, x_piece, pb.size)], core_u),
            x_piece=x_piece,
            x_offset_s=contracted.node_offset_s[u_graph],
            x_piece_a=pa,
            x_piece_b=pb,
            x_piece_time_s=contracted.piece_time_s[used],
            x_piece_oneway=contracted.piece_oneway[used],
        )
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
            "time_method": msg("network (road graph, home → practice)"),
            "nodes": int(n_nodes),
            "search_nodes": int(n_search),
            "directed_edges": int(graph.reverse.nnz),
            "search_directed_edges": int(rev.nnz),
            "distinct_practice_nodes": int(src.size),
            "batches": n_batches,
            "batch_size": int(batch_size),
            "node_order": msg("Hilbert curve (renumbered for the searches)"),
            "contracted": contracted is not None,
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


# ------------------------------------------------------------------ search processes
def _share(state: dict):
    """The search state in one shared-memory block: ``(block, manifest)``.

    The manifest (names, offsets, dtypes, shapes and the scalars) is all the processes
    receive through their arguments; the arrays are never pickled.
    """
    from multiprocessing import shared_memory

    rev = state["rev"]
    arrays = {"rev_indptr": rev.indptr, "rev_indices": rev.indices, "rev_data": rev.data}
    arrays.update({k: v for k, v in state.items() if isinstance(v, np.ndarray)})
    scalars = {k: v for k, v in state.items() if k not in arrays and not k.startswith("_")}
    del scalars["rev"]
    layout, offset = {}, 0
    for key, x in arrays.items():
        x = np.ascontiguousarray(x)
        layout[key] = (offset, x.dtype.str, x.shape)
        offset += -(-x.nbytes // 64) * 64  # 64-byte aligned
    block = shared_memory.SharedMemory(create=True, size=max(offset, 64))
    try:
        for key, (off, dtype, shape) in layout.items():
            view = np.ndarray(shape, dtype=dtype, buffer=block.buf, offset=off)
            view[...] = arrays[key]
            del view
    except BaseException:
        block.close()
        block.unlink()
        raise
    manifest = {"name": block.name, "arrays": layout, "scalars": scalars}
    return block, manifest


def _attach(manifest: dict):
    """``(block, state)``: the search state as views into the shared block (read-only)."""
    from multiprocessing import shared_memory

    kw = {"track": False} if sys.version_info >= (3, 13) else {}  # the parent owns it
    block = shared_memory.SharedMemory(name=manifest["name"], **kw)
    st = dict(manifest["scalars"])
    for key, (off, dtype, shape) in manifest["arrays"].items():
        st[key] = np.ndarray(shape, dtype=dtype, buffer=block.buf, offset=off)
        st[key].flags.writeable = False
    n = st["n_search"]
    st["rev"] = csr_matrix((st["rev_data"], st["rev_indices"], st["rev_indptr"]), shape=(n, n))
    return block, st


def _worker_main(conn, counter, manifest: dict) -> None:
    """Search process: takes batches from the shared counter, keeps its pairs, then answers
    the parent's commands (step sums or the pairs themselves) until ``close``."""
    import traceback

    block = st = None
    try:
        block, st = _attach(manifest)
        local = _scratch(st)
        conn.send(("ready",))
        n_batches = st["n_batches"]
        parts = []  # (batch, demand points, practices, minutes), kept per batch (no big copy)
        while True:
            with counter.get_lock():
                b = int(counter.value)
                counter.value = b + 1
            if b >= n_batches:
                break
            i, j, t, settled = _batch_pairs(st, b, local)
            parts.append((b, i, j, t))
            conn.send(("batch", settled))
        conn.send(("idle", time.process_time()))
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
        st = None  # the views must go before the block is closed
        if block is not None:
            block.close()
        conn.close()


class _StartFailed(Exception):
    """The search processes could not start; the searches then run in this process."""


def _start_pool(
    state: dict, n_workers: int, start_method: str, progress: Progress, report: dict
) -> _Workers | None:
    """The search processes, or None (noted in ``report``) when they cannot start."""
    progress(0.04, msg("Starting {n} search processes", n=n_workers))
    try:
        return _Workers(state, n_workers, start_method, progress)
    except _StartFailed as exc:
        report["process_start"] = msg(
            "The search processes could not start ({reason}); the searches ran in this " "process.",
            reason=str(exc),
        )
        return None


class _Workers:
    """Search processes started fresh (``spawn``: a new interpreter, never a ``fork`` of this
    process, which may run Qt, GDAL and BLAS threads); they read the graph and the search
    state from one shared-memory block and each keeps the pairs of the batches it computed,
    so only short vectors travel through the pipes. The block is removed by :meth:`close`
    (also on error and cancel)."""

    def __init__(self, state: dict, n_workers: int, start_method: str, progress: Progress) -> None:
        import multiprocessing

        exe = python_executable()
        if exe is None:  # resolve_workers gives 1 then; the searches run in this process
            raise _StartFailed("no Python interpreter found")
        ctx = multiprocessing.get_context(start_method)
        if exe != sys.executable:
            # inside QGIS sys.executable is QGIS itself: start the interpreter instead (this
            # also covers the resource tracker and the fork server, started the same way)
            ctx.set_executable(exe)
        if start_method == "forkserver":
            ctx.set_forkserver_preload([])  # a server without numpy stays single-threaded
        self.n_batches = int(state["n_batches"])
        self.search_cpu_s = 0.0  # CPU seconds of the processes up to the end of the searches
        self.conns: list = []
        self.procs: list = []
        self.block, manifest = _share(state)
        try:
            self.counter = ctx.Value("q", 0)
            for _ in range(n_workers):
                mine, theirs = ctx.Pipe(duplex=True)
                p = ctx.Process(
                    target=_worker_main, args=(theirs, self.counter, manifest), daemon=True
                )
                self.conns.append(mine)
                p.start()
                theirs.close()
                self.procs.append(p)
            self._wait_ready(progress)
        except BaseException:
            self.close()
            raise

    def _wait_ready(self, progress: Progress) -> None:
        """Wait until every process has attached the shared block (cancel stays possible);
        :class:`_StartFailed` when one cannot start (e.g. it cannot import this module)."""
        waiting = list(self.conns)
        t_end = time.monotonic() + _START_TIMEOUT_S
        while waiting:
            for conn in [c for c in waiting if c.poll(0.2)]:
                try:
                    reply = conn.recv()
                except EOFError:
                    raise _StartFailed("a search process ended while starting") from None
                if reply[0] != "ready":
                    raise _StartFailed(str(reply[-1]).strip().splitlines()[-1])
                waiting.remove(conn)
            progress(0.04, msg("Starting {n} search processes", n=len(self.procs)))
            if waiting and time.monotonic() > t_end:
                raise _StartFailed("the search processes did not start in time")

    def _recv(self, conn):
        try:
            reply = conn.recv()
        except EOFError:
            raise SundplanError("A shortest-path worker process ended unexpectedly.") from None
        if isinstance(reply, tuple) and reply and isinstance(reply[0], str) and reply[0] == "error":
            raise SundplanError("A shortest-path worker process failed:\n{trace}", trace=reply[1])
        return reply

    def search(self, progress: Progress) -> int:
        """Run all batches; returns the number of nodes settled."""
        from multiprocessing.connection import wait

        n_batches = self.n_batches
        busy = list(self.conns)
        done = settled = 0
        while busy:
            for conn in wait(busy, timeout=1.0):
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
                    self.search_cpu_s += float(reply[1])
                    busy.remove(conn)
            if busy and not any(p.is_alive() for p in self.procs):
                raise SundplanError("The shortest-path worker processes ended unexpectedly.")
        return settled

    def ask(self, cmd: str, arg) -> list:
        for conn in self.conns:
            conn.send((cmd, arg))
        return [self._recv(conn) for conn in self.conns]

    def pairs(self) -> tuple[np.ndarray, np.ndarray, np.ndarray]:
        """All pairs, in batch order (the same arrays as one process computes)."""
        n_batches = self.n_batches
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
        """Stop (also on cancel or error: no new batches are taken), reap the processes and
        remove the shared block."""
        try:
            if getattr(self, "counter", None) is not None:
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
        finally:
            if self.block is not None:
                self.block.close()
                self.block.unlink()
                self.block = None


def _n_workers(workers: int, state: dict) -> int:
    """Processes for this run: as :func:`resolve_workers`; automatic stays in this process
    when the searches are small (starting interpreters would cost more than they save)."""
    n = min(resolve_workers(workers), max(state["n_batches"], 1))
    if int(workers) <= 0 and state["src"].size * state["n_search"] < _MIN_AUTO_WORK:
        return 1
    return n


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
    batch_size: int = DEFAULT_BATCH_SIZE,
    workers: int = 1,
    progress: Progress = _noop,
    start_method: str = _START_METHOD,
) -> CostPairs:
    """Travel-time pairs home → practice within the threshold over the road graph.

    One search per distinct practice node (practices snapped to the same node share it; their
    access legs are added afterwards). ``workers`` > 1 runs the searches in that many search
    processes (0 = automatic, see :func:`resolve_workers`); the pairs are then collected in
    batch order, identical to ``workers=1``. For the 2SFCA itself prefer :func:`network_fca`,
    which leaves the pairs in the workers.

    ``graph`` is a :class:`sundplan_qgis.network.RoadGraph`; coordinates in its CRS. Memory is
    bounded by ``batch_size ×`` (nodes within the limit of the batch) floats for the search
    plus the kept pairs.
    """

    t0 = time.perf_counter()
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
    return _search_pairs(
        state,
        meta,
        workers=workers,
        start_method=start_method,
        progress=progress,
        supply_names=supply_names,
        t_snap=time.perf_counter() - t0,
    )


def _search_pairs(
    state: dict,
    meta: CostPairs,
    *,
    workers: int,
    start_method: str,
    progress: Progress,
    supply_names: Sequence[str] | None,
    t_snap: float,
) -> CostPairs:
    """The searches of :func:`network_pairs` on a prepared state; fills ``meta``."""
    if start_method not in ("spawn", "forkserver"):
        raise ValueError(f"unsafe or unknown start method {start_method!r}")
    n_batches = state["n_batches"]
    workers = _n_workers(workers, state)
    t1 = time.perf_counter()
    settled = 0
    pool = _start_pool(state, workers, start_method, progress, meta.report) if workers > 1 else None
    t_start = time.perf_counter() - t1
    if pool is not None:
        try:
            settled = pool.search(progress)
            d, s, t = pool.pairs()
        finally:
            pool.close()
    else:
        workers = 1
        local = _scratch(state)
        parts_d, parts_s, parts_t = [], [], []
        for b in range(n_batches):
            progress(
                0.05 + 0.9 * b / n_batches,
                msg("Shortest paths: batch {done:,} of {n:,}", done=b + 1, n=n_batches),
            )
            part = _batch_pairs(state, b, local)
            parts_d.append(part[0])
            parts_s.append(part[1])
            parts_t.append(part[2])
            settled += part[3]

        def cat(parts, dtype):
            return np.concatenate(parts).astype(dtype) if parts else np.zeros(0, dtype)

        d, s, t = cat(parts_d, np.int32), cat(parts_s, np.int32), cat(parts_t, np.float64)
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
    if workers > 1:
        meta.report["process_start"] = start_method
        meta.report["search_processes_cpu_s"] = round(pool.search_cpu_s, 1)
        meta.report["timings_s"]["start_processes"] = round(t_start, 3)
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
    batch_size: int = DEFAULT_BATCH_SIZE,
    workers: int = 1,
    progress: Progress = _noop,
    start_method: str = _START_METHOD,
) -> tuple[CostPairs, TwoStepResult]:
    """Network travel times and the 2SFCA in one go: ``(pairs, result)``.

    With one process this is :func:`network_pairs` + :func:`two_step_fca` (the pairs are
    returned). With ``workers`` > 1 (0 = automatic, :func:`resolve_workers`) the pairs stay in
    the search processes: pass 1 sums each practice's weighted demand there (vectors of
    length n_practices come back), the ratios go out, pass 2 returns partial accessibility
    vectors over the demand locations, summed here. Only these short vectors use the pipes; the
    returned ``pairs`` then holds status and report but no pair arrays. ``ratio``,
    ``demand_reached``, ``n_reachable`` and ``nearest_min`` are bit-identical to one process,
    ``access`` equal up to the order of the floating-point sum (~1e-16 relative).
    ``start_method``: how the processes start ("spawn", or "forkserver" with an empty
    preload); never "fork".
    """
    if start_method not in ("spawn", "forkserver"):
        raise ValueError(f"unsafe or unknown start method {start_method!r}")
    kw = dict(
        demand_xy=demand_xy,
        supply_xy=supply_xy,
        max_snap_m=max_snap_m,
        access_speed_kmh=access_speed_kmh,
        supply_names=supply_names,
        supply_source=supply_source,
        batch_size=batch_size,
        progress=progress,
    )
    demand = np.asarray(demand, dtype="float64")
    capacity = np.asarray(capacity, dtype="float64")
    t0 = time.perf_counter()
    state, meta = _prepare_network(graph, threshold_min=decay.threshold_min, **kw)
    if demand.shape != (meta.n_demand,) or capacity.shape != (meta.n_supply,):
        raise ValueError("demand/capacity sizes do not match the locations")
    n_workers = _n_workers(workers, state)
    t_snap = time.perf_counter() - t0
    pool = None
    t_start = time.perf_counter()
    if n_workers > 1:
        pool = _start_pool(state, n_workers, start_method, progress, meta.report)
    t_start = time.perf_counter() - t_start
    if pool is None:
        pairs = _search_pairs(
            state,
            meta,
            workers=1,
            start_method=start_method,
            progress=progress,
            supply_names=supply_names,
            t_snap=t_snap,
        )
        del state
        t = time.perf_counter()
        res = two_step_fca(pairs, demand=demand, capacity=capacity, decay=decay)
        pairs.report["timings_s"]["two_step"] = round(time.perf_counter() - t, 3)
        return pairs, res
    try:
        t1 = time.perf_counter()
        settled = pool.search(progress)
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
            "process_start": start_method,
            "nodes_settled_total": settled,
            "pairs": int(n_reach.sum()),
            "pairs_kept_in": msg("{n} search processes (2SFCA sums computed there)", n=n_workers),
            "practices_unsnapped": _unsnapped_report(meta, supply_names),
            "search_processes_cpu_s": round(pool.search_cpu_s, 1),
            "timings_s": {
                "snap": round(t_snap, 3),
                "start_processes": round(t_start, 3),
                "shortest_paths": round(t_paths, 3),
                "two_step": round(time.perf_counter() - t2, 3),
            },
        }
    )
    progress(0.97, "Accessibility done")
    return meta, res
