"""Download the drivable road network (and ferries) of a study area with osmnx.

One function, :func:`download_roads`, returns a :class:`network.RoadLines` like every other
network reader. osmnx's own HTTP cache (in ``cache_dir``) makes a repeated download of the
same area free: the second call sends no request. Version-specific osmnx calls live in
``_compat.py`` (osmnx 1.2 on Debian 12, 2.0 on Debian 13).

Each OSM way segment (two consecutive way nodes) becomes one two-vertex line, so every OSM
vertex stays a vertex and junctions need no splitting. osmnx adds two-way roads in both
directions to its ``MultiDiGraph``; only the copy in the digitised direction
(``reversed == False``) is kept, with oneway 0. One-way roads are kept as osmnx stores them
(already turned into the direction of travel for ``oneway=-1``), with oneway 1.
"""

from __future__ import annotations

import math
from pathlib import Path
from typing import Any

import numpy as np

from . import _compat, network
from .errors import SundplanError, msg

__all__ = ["MAX_AREA_KM2", "FERRY_FILTER", "download_roads", "bbox_area_km2"]

#: Largest study area (km², geodesic area of the bounding box) downloaded through Overpass.
MAX_AREA_KM2: float = 2500.0
#: Overpass way filter of the second query: ferries carry no ``highway`` tag, so osmnx's
#: network filters never return them.
FERRY_FILTER: str = '["route"="ferry"]'
#: Way tags osmnx should keep as edge attributes besides its defaults.
_EXTRA_WAY_TAGS = ("route", "duration", "motor_vehicle", "motorcar")
_NO_ACCESS = ("no", "private")
_PBF_HINT = msg(
    "download a .osm.pbf from a mirror (e.g. download.geofabrik.de/europe/denmark.html) and "
    "use the network file parameter instead"
)


def bbox_area_km2(bbox_lonlat: tuple[float, float, float, float]) -> float:
    """Geodesic area (km², WGS84 ellipsoid) of a (west, south, east, north) box."""
    from pyproj import Geod

    w, s, e, n = (float(v) for v in bbox_lonlat)
    area, _ = Geod(ellps="WGS84").polygon_area_perimeter([w, e, e, w], [s, s, n, n])
    return abs(area) / 1e6


def _check_bbox(bbox_lonlat: Any) -> tuple[float, float, float, float]:
    try:
        w, s, e, n = (float(v) for v in bbox_lonlat)
    except (TypeError, ValueError) as exc:
        raise SundplanError(
            "The download extent must be four numbers (west, south, east, north) in degrees, "
            "got {extent!r}.",
            extent=bbox_lonlat,
        ) from exc
    if not all(math.isfinite(v) for v in (w, s, e, n)):
        raise SundplanError(
            "The download extent {extent!r} has missing coordinates.", extent=bbox_lonlat
        )
    if not (-180 <= w < e <= 180 and -90 <= s < n <= 90):
        raise SundplanError(
            "The download extent (west {west}, south {south}, east {east}, north {north}) is "
            "not a valid longitude/latitude box: it needs west < east and south < north, in "
            "degrees (EPSG:4326).",
            west=w,
            south=s,
            east=e,
            north=n,
        )
    return w, s, e, n


def _first(value: Any) -> Any:
    """The first item of a list attribute (simplified osmnx edges), else the value."""
    if isinstance(value, list | tuple):
        return value[0] if value else None
    return value


def _truthy(value: Any) -> bool:
    value = _first(value)
    if isinstance(value, str):
        return value.strip().lower() in ("true", "yes", "1")
    return bool(value)


def _text(value: Any) -> str:
    value = _first(value)
    if value is None or (isinstance(value, float) and math.isnan(value)):
        return ""
    return str(value).strip()


def _graph_segments(graph: Any, *, ferry: bool, skip_osmids: set[Any]) -> dict[str, list]:
    """One record per OSM way segment of an osmnx graph (two-way roads once, not twice)."""
    out: dict[str, list] = {k: [] for k in ("lon", "lat", "cls", "maxspeed", "ow", "dur", "osm")}
    if graph is None:
        return out
    nodes = graph.nodes
    for u, v, d in graph.edges(data=True):
        if u == v:
            continue
        oneway = _truthy(d.get("oneway", False))
        if not oneway and _truthy(d.get("reversed", False)):
            continue  # the copy osmnx added for the opposite direction of a two-way road
        osmid = _first(d.get("osmid"))
        if ferry:
            if osmid in skip_osmids:
                continue  # a way with both a drivable highway and route=ferry: a road
            mv = _text(d.get("motor_vehicle")) or _text(d.get("motorcar"))
            if _text(d.get("access")) in _NO_ACCESS and mv not in (
                "yes",
                "designated",
                "permissive",
                "destination",
            ):
                continue
            cls = "ferry"
        else:
            cls = _text(d.get("highway")).lower()
            if cls not in network.DRIVABLE_HIGHWAYS:
                continue  # e.g. busway, rest_area: not in the speed table
        nu, nv = nodes[u], nodes[v]
        out["lon"].append((float(nu["x"]), float(nv["x"])))
        out["lat"].append((float(nu["y"]), float(nv["y"])))
        out["cls"].append(cls)
        out["maxspeed"].append(_text(d.get("maxspeed")))
        out["ow"].append(1 if oneway else 0)
        out["dur"].append(_text(d.get("duration")) if ferry else "")
        out["osm"].append(osmid)
    return out


def _road_osmids(graph: Any) -> set[Any]:
    if graph is None:
        return set()
    return {_first(d.get("osmid")) for _, _, d in graph.edges(data=True)}


def download_roads(
    *,
    bbox_lonlat: tuple[float, float, float, float],
    cache_dir: Path,
    include_ferries: bool = True,
    target_crs: str = "EPSG:25832",
    network_type: str = "drive",
    overpass_url: str | None = None,
    max_area_km2: float = MAX_AREA_KM2,
) -> network.RoadLines:
    """Download drivable roads (and ``route=ferry`` ways) of a box through osmnx/Overpass.

    Args:
        bbox_lonlat: (west, south, east, north) in degrees (EPSG:4326).
        cache_dir: folder of osmnx's HTTP cache (created); a repeated call for the same box
            is answered from it without any request.
        include_ferries: also run a second query for ``route=ferry`` ways (class 'ferry',
            ``duration`` → minutes spread over the way's segments by length). Passenger-only
            ferries are kept, ``access=no/private`` ones skipped (as in ``network.read_osm``).
        target_crs: projected metric CRS of the result.
        network_type: osmnx network type ('drive' or 'drive_service').
        overpass_url: Overpass base URL (without ``/interpreter``); None = osmnx's setting
            (see ``_compat.set_osmnx_overpass_endpoint``).
        max_area_km2: larger boxes are refused (use a .osm.pbf file instead).

    The graph is unsimplified (every OSM vertex a vertex) with ``retain_all=True`` (islands
    and disconnected parts kept) and ``truncate_by_edge=True`` (segments crossing the box
    edge kept). Road class = first ``highway`` value, restricted to
    ``network.DRIVABLE_HIGHWAYS``; speed = ``network.parse_maxspeed_kmh(maxspeed)`` (NaN =
    class default); oneway 1 for osmnx one-way edges (already in the travel direction),
    else 0 (two-way segments appear once).

    Raises:
        SundplanError: bad or too large box, osmnx missing, Overpass unreachable or failing,
            or no roads in the box.
    """
    from pyproj import CRS, Transformer

    w, s, e, n = _check_bbox(bbox_lonlat)
    box_txt = f"{w:.4f}, {s:.4f}, {e:.4f}, {n:.4f}"
    area = bbox_area_km2((w, s, e, n))
    if area > max_area_km2:
        raise SundplanError(
            "The download extent ({extent}) covers {area:,.0f} km², more than the "
            "{max_area:,.0f} km² sundplan downloads through Overpass. Choose a smaller "
            "extent, or {hint}.",
            extent=box_txt,
            area=area,
            max_area=max_area_km2,
            hint=_PBF_HINT,
        )
    try:
        tcrs = CRS.from_user_input(target_crs)
    except Exception as exc:  # pyproj raises CRSError, subclass varies
        raise SundplanError(
            "Unknown target CRS {crs!r}: {error}", crs=target_crs, error=str(exc)
        ) from exc
    try:
        import osmnx  # noqa: F401
        from shapely.geometry import box
    except ImportError as exc:
        from . import deps

        raise SundplanError(
            "Downloading the road network needs osmnx ({error}). {hint}",
            error=str(exc),
            hint=deps.install_hint(["osmnx"]),
        ) from exc

    cache = Path(cache_dir)
    try:
        cache.mkdir(parents=True, exist_ok=True)
    except OSError as exc:
        raise SundplanError(
            "Cannot create the download cache folder '{folder}': {error}",
            folder=cache,
            error=str(exc),
        ) from exc

    polygon = box(w, s, e, n)
    old_url = None
    if overpass_url:
        old_url = _compat.set_osmnx_overpass_endpoint(overpass_url)
    endpoint = overpass_url or _compat.osmnx_overpass_endpoint()
    what = msg("the road network")
    try:
        with _compat.osmnx_overpass_session(cache_dir=str(cache), extra_way_tags=_EXTRA_WAY_TAGS):
            roads = _compat.osmnx_graph_from_polygon(polygon, network_type=network_type)
            ferries = None
            if include_ferries:
                what = msg("the ferries")
                ferries = _compat.osmnx_graph_from_polygon(polygon, custom_filter=FERRY_FILTER)
    except (_compat.OverpassUnreachable, _compat.OverpassFailed) as exc:
        unreachable = isinstance(exc, _compat.OverpassUnreachable)
        raise SundplanError(
            "Could not download {what} for the extent ({extent}) from Overpass "
            "({endpoint}, {reason}: {error}); {hint}.",
            what=what,
            extent=box_txt,
            endpoint=endpoint,
            reason=msg("unreachable") if unreachable else msg("error"),
            error=_short(exc),
            hint=_PBF_HINT,
        ) from exc
    finally:
        if old_url is not None:
            _compat.set_osmnx_overpass_endpoint(old_url)

    road_seg = _graph_segments(roads, ferry=False, skip_osmids=set())
    ferry_seg = _graph_segments(ferries, ferry=True, skip_osmids=_road_osmids(roads))
    n_lines = len(road_seg["cls"]) + len(ferry_seg["cls"])
    if n_lines == 0:
        if include_ferries:
            raise SundplanError(
                "OpenStreetMap has no drivable roads or ferries in the download extent "
                "({extent}). Check the extent (and its CRS): it must cover the study area.",
                extent=box_txt,
            )
        raise SundplanError(
            "OpenStreetMap has no drivable roads in the download extent ({extent}). Check the "
            "extent (and its CRS): it must cover the study area.",
            extent=box_txt,
        )

    def col(key: str) -> list:
        return road_seg[key] + ferry_seg[key]

    lon = np.asarray(col("lon"), dtype=np.float64).reshape(-1)
    lat = np.asarray(col("lat"), dtype=np.float64).reshape(-1)
    tr = Transformer.from_crs("EPSG:4326", tcrs, always_xy=True)
    x, y = tr.transform(lon, lat)
    coords = np.column_stack([np.asarray(x, np.float64), np.asarray(y, np.float64)])
    offsets = np.arange(0, 2 * n_lines + 1, 2, dtype=np.int64)
    cls = np.asarray(col("cls"), dtype=object)
    speed = np.array([network.parse_maxspeed_kmh(v) for v in col("maxspeed")], dtype=np.float64)
    oneway = np.asarray(col("ow"), dtype=np.int8)

    # a ferry way's duration is for the whole way: share it among its segments by length
    dur = np.full(n_lines, np.nan)
    is_ferry = cls == "ferry"
    if is_ferry.any():
        way_dur = np.array([network.parse_duration_min(v) for v in col("dur")], dtype=np.float64)[
            is_ferry
        ]
        seg_len = np.hypot(*(coords[1::2] - coords[0::2]).T)[is_ferry]
        osm = np.asarray([str(v) for v in col("osm")], dtype=object)[is_ferry]
        _, way = _compat.unique_inverse(osm)
        way_len = np.bincount(way, weights=seg_len)
        share = np.where(way_len[way] > 0, seg_len / np.where(way_len[way] > 0, way_len[way], 1), 0)
        dur[is_ferry] = way_dur * share
    lines = network.RoadLines(
        coords=coords,
        offsets=offsets,
        road_class=cls,
        speed_kmh=speed,
        oneway=oneway,
        ferry_duration_min=dur,
        crs_wkt=tcrs.to_wkt(),
        source_name=f"OpenStreetMap download ({box_txt})",
    )
    return lines.validate()


def _short(exc: BaseException, limit: int = 160) -> str:
    """The gist of a requests/urllib3 error: 'Connection refused', 'timed out', ..."""
    import re

    text = " ".join(str(exc).split())
    m = re.search(r"\[Errno -?\d+\] ([^'\")]+)", text)
    if m:
        return m.group(1).strip()
    if "timed out" in text.lower():
        return "timed out"
    return text if len(text) <= limit else text[: limit - 1] + "…"
