"""Shape-point contraction: search on the junctions only, read every vertex off its chain.

A road line digitised from OpenStreetMap has a vertex every 15-60 m, but a route can only
turn at a junction. :func:`contract` keeps as *core* nodes the junctions (nodes where lines
meet or end), the ferry ports and docks, and any node the caller needs as a search source
(``keep``: the hospitals' or practices' nodes); every other vertex lies inside exactly one
*piece* of one line between two core nodes ``a`` (its first node as digitised) and ``b``.
A piece becomes one core edge a→b and/or b→a carrying the sum of its segments' times.

Exactness: a shortest path between two core nodes only enters a piece at one end and leaves
it at the other, so core-to-core times are those of the full graph. A contracted vertex x
at ``offset`` seconds from ``a`` (piece time ``T``) is reached from the sources in
``min(D[a] + offset, D[b] + T - offset)`` (each term only where the piece's one-way code
allows that direction), and reaches them in ``min(offset + D[a], T - offset + D[b])`` — no
path can start or end inside a piece other than through its ends, because the sources are
core nodes. Times differ from a search on the full graph only by the order of the floating
point sums (≈1e-12 relative).

Memory: one int64 piece id and one float64 offset per vertex, and a core graph of a few
percent of the nodes (the synthetic Denmark: 5.2 M vertices → about 200,000 core nodes).
"""

from __future__ import annotations

from dataclasses import dataclass

import numpy as np
from scipy.sparse import csr_matrix

from .graph import RoadGraph, _csr_min


@dataclass
class Contracted:
    """A :class:`RoadGraph` contracted to its core nodes (see the module docstring).

    Attributes:
        core_nodes: (C,) int64 graph node id of each core node.
        core_of: (N,) int64 core id of each graph node, -1 for a contracted vertex.
        forward: (C, C) CSR, ``forward[i, j]`` = travel time core i → core j in seconds.
        reverse: its transpose as CSR (search from sources on it for times *to* them).
        node_piece: (N,) int64 piece of each contracted vertex, -1 for core nodes.
        node_offset_s: (N,) float64 travel time from the piece's ``a`` end to the vertex along
            the piece (seconds; 0 for core nodes).
        piece_a, piece_b: (P,) int64 core ids of each piece's first and last node.
        piece_time_s: (P,) float64 travel time along the whole piece, seconds.
        piece_oneway: (P,) int8 one-way code of the piece (1: a→b only, -1: b→a only, 0: both).
    """

    core_nodes: np.ndarray
    core_of: np.ndarray
    forward: csr_matrix
    reverse: csr_matrix
    node_piece: np.ndarray
    node_offset_s: np.ndarray
    piece_a: np.ndarray
    piece_b: np.ndarray
    piece_time_s: np.ndarray
    piece_oneway: np.ndarray

    @property
    def n_core(self) -> int:
        """Number of core nodes C."""
        return int(self.core_nodes.size)

    def times_to(
        self, core_time_s: np.ndarray, nodes: np.ndarray | None = None
    ) -> tuple[np.ndarray, np.ndarray]:
        """Time from each graph node in ``nodes`` (default: all) *to* the search's sources.

        ``core_time_s`` is a search on :attr:`reverse` from the sources' core ids: (C,) or
        (B, C) for B searches. Returns the times (seconds; inf where unreachable) shaped
        (..., len(nodes)) and, per node, the core id of the end its best route leaves the
        piece by (its own core id for a core node; -1 where unreachable in a 1-D search).
        """
        return self._expand(core_time_s, nodes, to_sources=True)

    def times_from(
        self, core_time_s: np.ndarray, nodes: np.ndarray | None = None
    ) -> tuple[np.ndarray, np.ndarray]:
        """Time *from* the search's sources to each graph node in ``nodes`` (default: all),
        given a search on :attr:`forward`; as :meth:`times_to` otherwise."""
        return self._expand(core_time_s, nodes, to_sources=False)

    def _expand(
        self, core_time_s: np.ndarray, nodes: np.ndarray | None, *, to_sources: bool
    ) -> tuple[np.ndarray, np.ndarray]:
        d = np.asarray(core_time_s, dtype=np.float64)
        if nodes is None:
            nodes = np.arange(self.core_of.size)
        nodes = np.asarray(nodes, dtype=np.int64)
        core = self.core_of[nodes]
        time = np.empty(d.shape[:-1] + nodes.shape, dtype=np.float64)
        end = np.empty(time.shape, dtype=np.int64)
        at_core = np.flatnonzero(core >= 0)
        time[..., at_core] = d[..., core[at_core]]
        end[..., at_core] = core[at_core]
        inner = np.flatnonzero(core < 0)  # contracted vertices: the better of the two ends
        p = self.node_piece[nodes[inner]]
        a, b, ow = self.piece_a[p], self.piece_b[p], self.piece_oneway[p]
        off = self.node_offset_s[nodes[inner]]
        rest = self.piece_time_s[p] - off
        if to_sources:  # x → b runs along the digitised direction, x → a against it
            a_ok, b_ok = ow <= 0, ow >= 0
        else:  # a → x along it, b → x against it
            a_ok, b_ok = ow >= 0, ow <= 0
        via_a = np.where(a_ok, d[..., a] + off, np.inf)
        via_b = np.where(b_ok, d[..., b] + rest, np.inf)
        take_b = via_b < via_a
        time[..., inner] = np.where(take_b, via_b, via_a)
        end[..., inner] = np.where(take_b, b, a)
        if end.ndim == 1:
            end[~np.isfinite(time)] = -1
        return time, end


def contract(graph: RoadGraph, *, keep: np.ndarray | None = None) -> Contracted:
    """Contract the shape points of ``graph`` (see the module docstring).

    ``keep``: graph node ids that must stay core nodes (every node a search starts from).
    Needs the segment arrays of :func:`build_graph` (``seg_time_s``, ``seg_oneway``).
    """
    n = graph.n_nodes
    su = np.asarray(graph.seg_u, dtype=np.int64)
    sv = np.asarray(graph.seg_v, dtype=np.int64)
    sl = np.asarray(graph.seg_line, dtype=np.int64)
    st = np.asarray(graph.seg_time_s, dtype=np.float64)
    so = np.asarray(graph.seg_oneway, dtype=np.int8)
    s = su.size
    # A vertex is interior to a piece when it joins two consecutive segments of one line and
    # no other segment touches it (count 2), and nobody needs it as a search source.
    count = np.bincount(su, minlength=n) + np.bincount(sv, minlength=n)
    free = count == 2
    docks = np.zeros((0, 2), np.int64) if graph.dock_links is None else graph.dock_links
    free[np.asarray(docks, dtype=np.int64).ravel()] = False
    if keep is not None:
        free[np.asarray(keep, dtype=np.int64).ravel()] = False
    if s > 1:
        interior = (sl[:-1] == sl[1:]) & (sv[:-1] == su[1:]) & free[sv[:-1]]
    else:
        interior = np.zeros(0, dtype=bool)
    starts = np.flatnonzero(np.concatenate([[True], ~interior])) if s else np.zeros(0, np.int64)
    ends = np.concatenate([starts[1:] - 1, [s - 1]]) if s else starts
    piece_of_seg = np.cumsum(np.concatenate([[True], ~interior])) - 1 if s else starts
    piece_time = np.add.reduceat(st, starts) if s else np.zeros(0)

    is_core = np.ones(n, dtype=bool)
    mid_seg = np.flatnonzero(interior)  # joint between segment i and i + 1
    mids = sv[mid_seg]
    is_core[mids] = False
    core_nodes = np.flatnonzero(is_core)
    core_of = np.full(n, -1, dtype=np.int64)
    core_of[core_nodes] = np.arange(core_nodes.size)

    node_piece = np.full(n, -1, dtype=np.int64)
    node_offset = np.zeros(n, dtype=np.float64)
    if mid_seg.size:
        # offset = time of the piece's segments up to and including segment i, from a
        # cumulative sum restarted at each piece (exact per piece up to rounding)
        cs = np.cumsum(st)
        before_piece = (cs - st)[starts]
        pid = piece_of_seg[mid_seg]
        node_piece[mids] = pid
        node_offset[mids] = cs[mid_seg] - before_piece[pid]

    pa = core_of[su[starts]]
    pb = core_of[sv[ends]]
    po = so[starts]
    fw = (po >= 0) & (pa != pb)
    bw = (po <= 0) & (pa != pb)
    src = [pa[fw], pb[bw]]
    dst = [pb[fw], pa[bw]]
    wt = [piece_time[fw], piece_time[bw]]
    if len(docks):
        port, dock = docks[:, 0], docks[:, 1]
        link = np.asarray(graph.forward[port, dock]).ravel()
        src += [core_of[port], core_of[dock]]
        dst += [core_of[dock], core_of[port]]
        wt += [link, link]
    c = core_nodes.size
    forward = _csr_min(np.concatenate(src), np.concatenate(dst), np.concatenate(wt), c)
    reverse = forward.T.tocsr()
    reverse.sort_indices()
    return Contracted(
        core_nodes=core_nodes,
        core_of=core_of,
        forward=forward,
        reverse=reverse,
        node_piece=node_piece,
        node_offset_s=node_offset,
        piece_a=pa,
        piece_b=pb,
        piece_time_s=piece_time,
        piece_oneway=po,
    )


def can_contract(graph) -> bool:
    """True when ``graph`` carries the segment arrays :func:`contract` needs."""
    return getattr(graph, "seg_time_s", None) is not None and (
        getattr(graph, "seg_oneway", None) is not None
    )
