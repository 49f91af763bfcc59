"""Land, not sea: the union of the summary areas as a land mask for routing.

When areas (kommuner) are given, land = the union of their polygons. The union falls apart
into connected polygon parts (Jutland, Funen, Zealand, Saltholm, ...). A resident's straight
access leg to the road network must not leave the land, so each location snaps only to road
nodes on the *same* land part: a resident of a road-less island stays unsnapped instead of
"walking" across the strait to the next island's road.

Locations off all land (a populated coastal raster cell whose centre lies in the sea, a point
slightly outside generalised coastlines) keep the unconstrained rule: nearest road node within
the snapping distance. Road nodes off all land (bridges, roads outside generalised coastlines)
are then only used by such off-land locations.

Part labels are found by exact point-in-polygon for points (road nodes, hospitals, population
points) and by cell centre (rasterised) for the cells of a grid.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass, field

import numpy as np
from scipy.spatial import cKDTree

OFF_LAND = -1


@dataclass
class Land:
    """Connected polygon parts of the union of the areas (in the network's CRS)."""

    parts: list  # shapely Polygons
    union: object  # shapely (Multi)Polygon
    source_name: str = "areas"
    _cache: dict = field(default_factory=dict, repr=False)

    @property
    def area_km2(self) -> float:
        return float(self.union.area) / 1e6


def land_from_areas(geometries: Sequence, *, source_name: str = "areas") -> Land | None:
    """The land mask of the area polygons; None when no area has a polygon."""
    from shapely.geometry import MultiPolygon, Polygon
    from shapely.ops import unary_union

    polys = [g for g in geometries if g is not None and not g.is_empty]
    if not polys:
        return None
    union = unary_union([g if g.is_valid else g.buffer(0) for g in polys])
    if isinstance(union, Polygon):
        parts = [union]
    elif isinstance(union, MultiPolygon):
        parts = list(union.geoms)
    else:  # a GeometryCollection: keep its polygons
        parts = []
        for g in getattr(union, "geoms", []):
            parts += list(g.geoms) if isinstance(g, MultiPolygon) else [g]
        parts = [p for p in parts if isinstance(p, Polygon) and not p.is_empty]
        union = MultiPolygon(parts)
    # Largest first, so part 0 is the mainland and labels are stable between runs.
    parts.sort(key=lambda p: -p.area)
    return Land(parts=parts, union=union, source_name=source_name)


def part_of_points(land: Land, xy: np.ndarray) -> np.ndarray:
    """Land part (0..K-1) containing each point, :data:`OFF_LAND` (-1) in the sea."""
    from .catchments import assign_areas_by_point  # the parts are areas that never overlap

    xy = np.asarray(xy, dtype="float64").reshape(-1, 2)
    out = assign_areas_by_point(xy, land.parts).astype(np.int32)
    out[out < 0] = OFF_LAND
    return out


def part_of_cells(land: Land, grid) -> np.ndarray:
    """Land part of every cell of ``grid`` (row-major, flat) by cell centre; -1 off land.
    ``grid`` must be in the land's CRS."""
    from .rasters import rasterize_areas

    return rasterize_areas(land.parts, grid).astype(np.int32)


def node_parts(land: Land, graph) -> np.ndarray:
    """Land part of every road node of ``graph`` (cached per graph)."""
    key = ("nodes", id(graph))
    if key not in land._cache:
        land._cache[key] = part_of_points(land, graph.node_xy)
    return land._cache[key]


class PartSnapper:
    """Nearest candidate road node on the same land part as each location.

    ``candidates``: node ids a location may snap to; ``node_part``: land part of every node.
    Off-land locations (part -1) snap to the nearest candidate anywhere.
    """

    def __init__(self, node_xy: np.ndarray, candidates: np.ndarray, node_part: np.ndarray):
        self.node_xy = node_xy
        self.candidates = np.asarray(candidates, dtype=np.int64)
        self.cand_part = node_part[self.candidates] if self.candidates.size else np.array([])
        self._trees: dict[int, tuple[cKDTree | None, np.ndarray]] = {}

    def _tree(self, part: int) -> tuple[cKDTree | None, np.ndarray]:
        if part not in self._trees:
            nodes = self.candidates if part < 0 else self.candidates[self.cand_part == part]
            tree = cKDTree(self.node_xy[nodes]) if nodes.size else None
            self._trees[part] = (tree, nodes)
        return self._trees[part]

    def query(
        self, xy: np.ndarray, part: np.ndarray, max_snap_m: float
    ) -> tuple[np.ndarray, np.ndarray]:
        """(distance m, node id) of each location; (inf, -1) where no node within reach."""
        n = xy.shape[0]
        dist = np.full(n, np.inf)
        node = np.full(n, -1, dtype=np.int64)
        if n == 0 or self.candidates.size == 0:
            return dist, node
        order = np.argsort(part, kind="stable")
        sorted_part = part[order]
        bounds = np.flatnonzero(np.diff(sorted_part)) + 1
        for chunk in np.split(order, bounds):
            p = int(part[chunk[0]])
            tree, nodes = self._tree(p)
            if tree is None:
                continue
            d, j = tree.query(xy[chunk], k=1, distance_upper_bound=max_snap_m, workers=-1)
            ok = np.isfinite(d)
            dist[chunk[ok]] = d[ok]
            node[chunk[ok]] = nodes[j[ok]]
        return dist, node


def clip(geometry, land: Land):
    """``geometry`` ∩ land, as a MultiPolygon (empty when nothing is left)."""
    from shapely.geometry import MultiPolygon, Polygon

    if geometry is None or geometry.is_empty:
        return geometry
    g = geometry if geometry.is_valid else geometry.buffer(0)
    cut = g.intersection(land.union)
    if isinstance(cut, MultiPolygon):
        return cut
    if isinstance(cut, Polygon):
        return MultiPolygon([cut]) if not cut.is_empty else MultiPolygon()
    polys = []
    for p in getattr(cut, "geoms", []):
        if isinstance(p, Polygon):
            polys.append(p)
        elif isinstance(p, MultiPolygon):
            polys += list(p.geoms)
    return MultiPolygon(polys)
