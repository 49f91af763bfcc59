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

from collections.abc import Sequence
from dataclasses import dataclass, field

import numpy as np
import pandas as pd

from . import coverage
from .areas import AreaTable
from .catchment_tables import (  # noqa: F401 (re-exported: the catchments API in one place)
    NOT_REACHED_BAND,
    NOT_REACHED_LABEL,
    _field,
    area_summary,
    assign_areas_by_point,
    band_index,
    band_labels,
    band_table,
    catchment_table,
    id_array,
    validate_bands,
    weighted_quantiles,
)
from .errors import SundplanError, msg
from .snapping import (  # noqa: F401 (re-exported)
    DEFAULT_ACCESS_SPEED_KMH,
    DEFAULT_MAX_SNAP_M,
    STATUS_LABELS,
    STATUS_OK,
    STATUS_UNREACHABLE,
    STATUS_UNSNAPPED,
    LocationTimes,
    NetworkSolution,
    Progress,
    _noop,
    locate,
    solve_network,
)

DEFAULT_BANDS_MIN = (15.0, 30.0, 45.0, 60.0)
DEFAULT_CELL_SIZE_M = 100.0
"""Cell size of the travel-time raster when the population is points or polygons."""

REACHED_NOTE = "of reached residents"
"""What means, medians, P90 and maxima cover: residents not reached are counted apart."""


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
    warnings: list = field(default_factory=list)  # errors.Message for the log (see run)


@dataclass(frozen=True)
class Hospitals:
    """The hospitals of a run: positions in the network's CRS, names and the user's ids."""

    xy: np.ndarray  # (H, 2)
    names: list[str]
    ids: list | None = None  # the user's ids, in hospital order (None: 1..H)
    id_source: str = ""  # where the ids come from, for the report


@dataclass(frozen=True)
class RoutingInputs:
    """What every run over the road network shares: the graph, the residents, the summary
    areas, the time bands and how locations join the roads."""

    graph: object  # network.RoadGraph
    population: object  # rasters.Population
    areas: AreaTable | None = None
    bands_min: Sequence[float] = DEFAULT_BANDS_MIN
    max_snap_m: float = DEFAULT_MAX_SNAP_M
    access_speed_kmh: float = DEFAULT_ACCESS_SPEED_KMH
    cell_size_m: float = DEFAULT_CELL_SIZE_M
    not_reached_warning_pct: float = coverage.DEFAULT_WARN_PCT
    network_report: dict = field(default_factory=dict)  # how the network was read and built

    def run_arguments(self) -> dict:
        """The keyword arguments of :func:`run_catchments` these inputs fill in."""
        return {
            "population": self.population,
            "areas": self.areas,
            "bands_min": self.bands_min,
            "max_snap_m": self.max_snap_m,
            "access_speed_kmh": self.access_speed_kmh,
            "cell_size_m": self.cell_size_m,
        }


@dataclass(frozen=True)
class CatchmentInputs:
    """Everything ``sundplan:catchments`` needs."""

    routing: RoutingInputs
    hospitals: Hospitals


def run(inputs: CatchmentInputs, *, progress: Progress | None = None) -> CatchmentResult:
    """The catchments tool: :func:`run_catchments`, with the network's reading, the hospital
    ids' source and the coverage warning (``result.warnings``) in the report."""
    progress = progress or _noop
    routing, hospitals = inputs.routing, inputs.hospitals
    result = run_catchments(
        routing.graph,
        hospital_xy=hospitals.xy,
        hospital_names=hospitals.names,
        hospital_ids=hospitals.ids,
        progress=progress,
        **routing.run_arguments(),
    )
    result.report["network"].update(routing.network_report)
    result.report["hospital_ids"] = hospitals.id_source
    result.report["coverage"], warning = coverage.report_section(
        result.report["coverage"], result.areas, threshold_pct=routing.not_reached_warning_pct
    )
    result.warnings = [warning] if warning is not None else []
    return result


def run_catchments(
    graph,
    *,
    hospital_xy: np.ndarray,
    hospital_names: Sequence[str],
    population,
    areas: AreaTable | None = None,
    bands_min: Sequence[float] = DEFAULT_BANDS_MIN,
    max_snap_m: float = DEFAULT_MAX_SNAP_M,
    access_speed_kmh: float = DEFAULT_ACCESS_SPEED_KMH,
    cell_size_m: float = DEFAULT_CELL_SIZE_M,
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
        "method": msg("multi-source Dijkstra (scipy.sparse.csgraph) on the reversed road graph"),
        "disconnected_parts": disconnected_parts(graph, sol, loc, pop),
        "network": {
            "source": graph.source_name,
            "nodes": int(graph.node_xy.shape[0]),
            "directed_edges": int(graph.reverse.nnz),
            "components": int(getattr(graph, "n_components", -1)),
            "nodes_reaching_a_hospital": int(np.isfinite(sol.node_time_s).sum()),
            "search_nodes": int(sol.search_nodes),
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
            **({"allocation": population.allocation} if population.allocation else {}),
            "locations": int(pop.size),
            "total": float(pop.sum()),
            "reached": status_pop["ok"],
            "unsnapped": status_pop["unsnapped"],
            "unreachable": status_pop["unreachable"],
            "locations_by_status": status_n,
            "unsnapped_reason": msg(
                "no road node within the maximum snap distance of {max_snap_m:g} m",
                max_snap_m=max_snap_m,
            ),
            "unreachable_reason": msg(
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
            "cells_computed": "all" if cells is None else msg("populated cells only"),
        },
        "parameters": {
            "bands_min": bands.tolist(),
            "max_snap_m": max_snap_m,
            "access_speed_kmh": access_speed_kmh,
            "tie_rule": msg("equal times go to the hospital listed first"),
            "band_rule": msg("bands closed on the right: exactly 15.0 min is in 0–15"),
            "statistics": msg("mean, median, P90 and max minutes are of reached residents"),
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


def _resolve_land(land, areas: AreaTable | None, land_mask: bool):
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
        "rule": msg(
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
    """Polygon parts per label (GeoJSON-like dicts or shapely Polygons, see
    :func:`rasters.polygonize`) -> one shapely MultiPolygon per label, in the network's CRS.
    Parts of one label never touch (rasterio merges touching cells)."""
    from shapely.geometry import MultiPolygon, mapping, shape

    from . import rasters

    same = _same_crs(grid.crs_wkt, graph.crs_wkt)
    out = {}
    for label, geoms in parts.items():
        polys = []
        for g in geoms:
            if not same:
                if not isinstance(g, dict):
                    g = mapping(g)
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
            polys.append(shape(g) if isinstance(g, dict) else g)  # shapely: merged parts
        out[label] = MultiPolygon(polys)
    return out
