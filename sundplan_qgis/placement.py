"""Residents of population polygons placed along the roads inside them ("roads" allocation).

A kommune's residents live along its streets, not evenly over fields, forests and uninhabited
islands. Each polygon's population is shared out over points sampled every
:data:`SAMPLE_SPACING_M` along the road lines inside it, in proportion to road length times the
class weight of :data:`RESIDENTIAL_ROAD_WEIGHTS`. A polygon without those classes falls back to
all drivable roads (equal weight per metre), one without any road to the areal spread; both
fallbacks are counted and warned, never dropped. The samples are summed per polygon and grid
cell (``cell_size_m``), at the sample nearest their weighted mean, so the locations lie on roads
inside their polygon and are at most as many as the areal method's.
"""

from __future__ import annotations

from collections.abc import Callable, Sequence
from dataclasses import dataclass, field

import numpy as np

from .errors import Message, msg
from .network.speeds import DRIVABLE_HIGHWAYS

RESIDENTIAL_ROAD_WEIGHTS: dict[str, float] = {
    "residential": 1.0,
    "living_street": 1.0,
    "unclassified": 0.5,  # rural minor roads: farms and hamlets, sparser than streets
    "tertiary": 0.5,  # village through roads: houses along them, but also open country
}
"""OSM ``highway`` classes where people live, weight per metre of road. Motorways, trunk,
primary and secondary roads are left out: few homes open onto them."""

FALLBACK_ROAD_CLASSES: frozenset[str] = DRIVABLE_HIGHWAYS | {""}
"""Classes used (weight 1 per metre) in a polygon without residential roads: every drivable
road, and lines of unknown class. Ferries never carry residents."""

SAMPLE_SPACING_M = 100.0
"""Maximum distance between the sample points along a road (metres)."""

METHOD_LABEL = msg("along roads (residential road length)")


@dataclass
class RoadPlacement:
    """Where the residents of each polygon went: ``xy`` (locations), ``polygon`` (index of its
    polygon), ``population``; ``areal`` the polygons left to the areal spread (no road)."""

    xy: np.ndarray
    polygon: np.ndarray
    population: np.ndarray
    areal: np.ndarray
    report: dict = field(default_factory=dict)
    warnings: list[Message] = field(default_factory=list)


def road_samples(lines, *, spacing_m: float = SAMPLE_SPACING_M):
    """Points every ``spacing_m`` (at most) along ``lines`` (``network.RoadLines``), at the
    middle of equal pieces of each segment: (xy, metres of road each stands for, residential
    weight per metre, fallback weight per metre). Ferries and unknown classes get no
    residential weight."""
    coords = np.asarray(lines.coords, dtype="float64")
    offsets = np.asarray(lines.offsets, dtype=np.int64)
    # weights per distinct class, then spread to the lines (no Python loop per line)
    names, class_of_line = np.unique(np.asarray(lines.road_class).astype(str), return_inverse=True)
    res_w = np.array([RESIDENTIAL_ROAD_WEIGHTS.get(c, 0.0) for c in names])[class_of_line]
    drv_w = np.array([float(c in FALLBACK_ROAD_CLASSES) for c in names])[class_of_line]
    line_of_vertex = np.repeat(np.arange(len(offsets) - 1), np.diff(offsets))
    start = np.flatnonzero(np.arange(len(coords)) + 1 < offsets[line_of_vertex + 1])
    line = line_of_vertex[start]
    keep = drv_w[line] > 0
    start, line = start[keep], line[keep]
    a, b = coords[start], coords[start + 1]
    length = np.hypot(*(b - a).T)
    pieces = np.maximum(np.ceil(length / spacing_m), 1).astype(np.int64)
    seg = np.repeat(np.arange(len(start)), pieces)
    k = np.arange(seg.size) - np.repeat(np.cumsum(pieces) - pieces, pieces)
    t = (k + 0.5) / pieces[seg]
    xy = a[seg] + t[:, None] * (b[seg] - a[seg])
    metres = length[seg] / pieces[seg]
    return xy, metres, res_w[line[seg]], drv_w[line[seg]]


def place_along_roads(
    *,
    geometries: Sequence,
    population: np.ndarray,
    lines,
    cell_of: Callable[[np.ndarray], np.ndarray],
) -> RoadPlacement:
    """Share each polygon's ``population`` out along its roads (see the module docstring).

    ``cell_of`` maps points to grid cell ids (samples are summed per polygon and cell, at the
    sample nearest their weighted mean). Polygons with no road at all are returned in ``areal``
    for the caller to spread evenly. Per polygon the placed population sums to its population
    (float precision).
    """
    from .catchment_tables import assign_areas_by_point

    n = len(geometries)
    xy, metres, res_w, drv_w = road_samples(lines)
    poly = assign_areas_by_point(xy, geometries)
    inside = poly >= 0
    xy, metres, res_w, drv_w, poly = (v[inside] for v in (xy, metres, res_w, drv_w, poly))
    res_total = np.bincount(poly, weights=metres * res_w, minlength=n)
    drv_total = np.bincount(poly, weights=metres * drv_w, minlength=n)
    use_res = res_total > 0
    weight = metres * np.where(use_res[poly], res_w, drv_w)
    sel = weight > 0
    xy, weight, poly = xy[sel], weight[sel], poly[sel]

    # One location per (polygon, cell): the sample nearest the samples' weighted mean, so it
    # is on a road and inside its polygon (a mean could leave a concave polygon).
    cell = np.asarray(cell_of(xy), dtype=np.int64)
    key = poly.astype(np.int64) * (int(cell.max(initial=0)) + 1) + cell
    _, group = np.unique(key, return_inverse=True)
    group = group.ravel()
    w = np.bincount(group, weights=weight)
    mean = np.column_stack([np.bincount(group, weights=weight * xy[:, i]) / w for i in (0, 1)])
    order = np.lexsort((np.hypot(*(xy - mean[group]).T), group))
    nearest = order[np.r_[0, np.flatnonzero(np.diff(group[order])) + 1]] if order.size else order
    loc_xy, loc_poly = xy[nearest], poly[nearest].astype(np.int64)
    total = np.where(use_res, res_total, drv_total)
    pop = np.asarray(population, dtype="float64")
    loc_pop = pop[loc_poly] * (w / total[loc_poly])

    fallback = np.flatnonzero(~use_res & (drv_total > 0))
    areal = np.flatnonzero((res_total <= 0) & (drv_total <= 0))
    report = {
        "method": METHOD_LABEL,
        "road_class_weights_per_m": dict(RESIDENTIAL_ROAD_WEIGHTS),
        "sample_spacing_m": SAMPLE_SPACING_M,
        "polygons_along_residential_roads": int(use_res.sum()),
        "polygons_along_all_roads": int(fallback.size),
        "polygons_without_roads_areal": int(areal.size),
    }
    warnings = []
    if fallback.size:
        warnings.append(
            msg(
                "{count} population polygons have no residential roads ({classes}): their "
                "residents were placed along all their roads.",
                count=int(fallback.size),
                classes=", ".join(RESIDENTIAL_ROAD_WEIGHTS),
            )
        )
    if areal.size:
        warnings.append(
            msg(
                "{count} population polygons have no road inside: their residents were "
                "spread evenly over the polygon (areal).",
                count=int(areal.size),
            )
        )
    return RoadPlacement(loc_xy, loc_poly, loc_pop, areal, report, warnings)
