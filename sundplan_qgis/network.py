"""Road networks as plain arrays: readers, speed defaults and the routable graph.

Units: coordinates and lengths in metres (a projected CRS), speeds in km/h, ferry durations
in minutes, graph edge weights (travel times) in seconds.

Every source (an OGR file, an OSM file, a QGIS layer, the sample generator) becomes a
:class:`RoadLines`; :func:`build_graph` turns it into a :class:`RoadGraph` whose every vertex
is a node and every segment an edge. No ``qgis`` imports here, ever.
"""

from __future__ import annotations

import math
import re
import struct
from collections.abc import Iterable, Mapping, Sequence
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

import numpy as np
from scipy.sparse import csr_matrix
from scipy.sparse.csgraph import connected_components

from . import _compat
from .errors import SundplanError, msg

__all__ = [
    "RoadLines",
    "RoadGraph",
    "DEFAULT_SPEEDS_KMH",
    "DEFAULT_FERRY_SPEED_KMH",
    "DEFAULT_FERRY_BOARDING_MIN",
    "DRIVABLE_HIGHWAYS",
    "read_lines_ogr",
    "read_osm",
    "speeds_from_table",
    "build_graph",
    "parse_maxspeed_kmh",
    "parse_speed_kmh",
    "speeds_from_values",
    "check_speeds",
    "implausible_speeds",
    "MAX_PLAUSIBLE_SPEED_KMH",
    "parse_duration_min",
    "parse_oneway",
]

# --------------------------------------------------------------------------- speed defaults

#: Free-flow car speed (km/h) per road class where the data has no speed; see docs/speeds.md.
#: Based on the general limits of Færdselsloven § 42 (50 in built-up areas, 80 outside,
#: 80 on motortrafikvej, 130 on motorvej) and the road class's usual setting.
DEFAULT_SPEEDS_KMH: dict[str, float] = {
    "motorway": 110.0,
    "motorway_link": 60.0,
    "trunk": 80.0,
    "trunk_link": 50.0,
    "primary": 70.0,
    "primary_link": 50.0,
    "secondary": 60.0,
    "secondary_link": 50.0,
    "tertiary": 50.0,
    "tertiary_link": 40.0,
    "unclassified": 50.0,
    "road": 40.0,
    "residential": 40.0,
    "living_street": 15.0,
    "service": 20.0,
    "ferry": 25.0,
    "ferry_connector": 20.0,
}

#: Ferry cruising speed (km/h) used when a ferry has neither a duration nor a speed.
DEFAULT_FERRY_SPEED_KMH: float = 25.0
#: Waiting/boarding time (minutes) added once per ferry crossing (half on entry, half on exit).
DEFAULT_FERRY_BOARDING_MIN: float = 15.0

#: OSM ``highway`` values a car may use.
DRIVABLE_HIGHWAYS: frozenset[str] = frozenset(
    {
        "motorway",
        "motorway_link",
        "trunk",
        "trunk_link",
        "primary",
        "primary_link",
        "secondary",
        "secondary_link",
        "tertiary",
        "tertiary_link",
        "unclassified",
        "residential",
        "living_street",
        "service",
        "road",
    }
)

_ONEWAY_FWD = ("yes", "1", "true", "t")
_ONEWAY_REV = ("-1", "reverse")
_NO_ACCESS = ("no", "private")
_MPH = 1.609344
_KNOT = 1.852
_MAXSPEED_WORDS = {
    "dk:urban": 50.0,
    "dk:rural": 80.0,
    "dk:motorway": 130.0,
    "dk:trunk": 80.0,
    "dk:motortrafikvej": 80.0,
}
_NUM_UNIT_RE = re.compile(r"^\s*([-+]?\d+(?:[.,]\d+)?)\s*(km/h|kmh|kph|mph|knots)?\s*$")
#: Speeds above this (km/h), or ≤ 0, are implausible for a Danish road (limit 130 km/h).
MAX_PLAUSIBLE_SPEED_KMH: float = 150.0
_ZONE_RE = re.compile(r"^[a-z]{2}:zone:?(\d+)$")


# --------------------------------------------------------------------------- data classes


@dataclass
class RoadLines:
    """Road centre lines as plain arrays (see docs/architecture.md).

    Attributes:
        coords: (V, 2) float64, metres in the projected CRS ``crs_wkt``.
        offsets: (L + 1,) int64; line i is ``coords[offsets[i]:offsets[i + 1]]``.
        road_class: (L,) object: OSM highway value ('motorway', ...), 'ferry' or ''.
        speed_kmh: (L,) float64 km/h, NaN where the source has no speed.
        oneway: (L,) int8: 0 both ways, 1 along the digitised direction, -1 against it.
        ferry_duration_min: (L,) float64 minutes, NaN unless a ferry with a known crossing time.
        crs_wkt: WKT of the CRS of ``coords`` (must be projected, metres).
        source_name: layer or file name, for messages.
    """

    coords: np.ndarray
    offsets: np.ndarray
    road_class: np.ndarray
    speed_kmh: np.ndarray
    oneway: np.ndarray
    ferry_duration_min: np.ndarray
    crs_wkt: str
    source_name: str

    @property
    def n_lines(self) -> int:
        """Number of lines L."""
        return int(len(self.offsets) - 1)

    def validate(self) -> RoadLines:
        """Check shapes, CRS and coordinates; raise :class:`SundplanError` if unusable.

        Returns ``self`` so it can be chained.
        """
        name = self.source_name or "the road layer"
        coords = np.asarray(self.coords)
        offsets = np.asarray(self.offsets)
        n = len(offsets) - 1
        if n <= 0 or coords.size == 0:
            raise SundplanError(
                "Road layer '{layer}' has no usable lines (no features, or none with a line "
                "geometry of at least two vertices). Check the layer, its filter and its "
                "geometry type.",
                layer=name,
            )
        if coords.ndim != 2 or coords.shape[1] != 2:
            raise SundplanError("Road layer '{layer}': coords must be an (V, 2) array.", layer=name)
        if offsets[0] != 0 or offsets[-1] != len(coords) or np.any(np.diff(offsets) < 0):
            raise SundplanError("Road layer '{layer}': offsets do not index coords.", layer=name)
        for attr in ("road_class", "speed_kmh", "oneway", "ferry_duration_min"):
            if len(getattr(self, attr)) != n:
                raise SundplanError(
                    "Road layer '{layer}': {attribute} has {count} values for {n} lines.",
                    layer=name,
                    attribute=attr,
                    count=len(getattr(self, attr)),
                    n=n,
                )
        _check_projected_metres(self.crs_wkt, name)
        bad = ~np.isfinite(coords).all(axis=1)
        if bad.any():
            line = int(np.searchsorted(offsets, int(np.argmax(bad)), side="right") - 1)
            raise SundplanError(
                "Road layer '{layer}' has {count} vertices with missing (NaN) "
                "coordinates, first in line {line}. Repair the geometries "
                "(e.g. Processing 'Fix geometries') or remove those features.",
                layer=name,
                count=int(bad.sum()),
                line=line,
            )
        return self


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

    @property
    def n_nodes(self) -> int:
        """Number of nodes N."""
        return int(self.node_xy.shape[0])


# --------------------------------------------------------------------------- helpers


def _check_projected_metres(crs_wkt: str, name: str) -> None:
    from pyproj import CRS
    from pyproj.exceptions import CRSError

    if not crs_wkt:
        raise SundplanError(
            "Road layer '{layer}' has no coordinate reference system. Assign its CRS, then "
            "reproject it to a projected CRS in metres, e.g. EPSG:25832 (ETRS89 / UTM 32N).",
            layer=name,
        )
    try:
        crs = CRS.from_user_input(crs_wkt)
    except CRSError as exc:
        raise SundplanError(
            "Road layer '{layer}' has a CRS that cannot be read ({error}). Reproject it to "
            "EPSG:25832 (ETRS89 / UTM 32N).",
            layer=name,
            error=str(exc),
        ) from exc
    if crs.is_geographic or not crs.is_projected:
        raise SundplanError(
            "Road layer '{layer}' is in a geographic CRS ({crs}); lengths would be in "
            "degrees. Reproject it to a projected CRS in metres, e.g. EPSG:25832 "
            "(ETRS89 / UTM 32N), and try again.",
            layer=name,
            crs=crs.name,
        )
    method = ""
    if crs.coordinate_operation is not None:
        method = (crs.coordinate_operation.method_name or "").lower()
    if "mercator" in method and "transverse" not in method:
        raise SundplanError(
            "Road layer '{layer}' is in {crs}, a Mercator projection whose lengths are "
            "about 1.8 times too long in Denmark. Reproject it to EPSG:25832 "
            "(ETRS89 / UTM 32N).",
            layer=name,
            crs=crs.name,
        )
    units = {(ax.unit_name or "").lower() for ax in crs.axis_info[:2]}
    if not units <= {"metre", "meter", "m"}:
        raise SundplanError(
            "Road layer '{layer}' is in a projected CRS with units {units} "
            "({crs}), not metres. Reproject it to e.g. EPSG:25832 (ETRS89 / UTM 32N).",
            layer=name,
            units=sorted(units),
            crs=crs.name,
        )


def parse_maxspeed_kmh(value: Any) -> float:
    """The one speed parser: a speed value (a user's speed field, OSM ``maxspeed``) in km/h.

    Every network reader uses it (the OSM/pyosmium reader, the GDAL/Arrow file reader, the
    QGIS-layer reader and the osmnx download), so one value means the same everywhere:

    ===================================  =======================================================
    value                                outcome
    ===================================  =======================================================
    ``50``, ``'50'``, ``' 50 '``         50 km/h (plain numbers are km/h)
    ``'50 km/h'``, ``'50kmh'``, ``kph``  50 km/h
    ``'50,5'``                           50.5 km/h (decimal comma)
    ``'50 mph'``                         80.47 km/h (× 1.609344)
    ``'20 knots'``                       37.04 km/h (× 1.852)
    ``'DK:urban'``                       50 km/h (Færdselsloven § 42, built-up area)
    ``'DK:rural'``                       80 km/h (outside built-up areas)
    ``'DK:motorway'``                    130 km/h
    ``'DK:trunk'``/``'DK:motortrafikvej'``  80 km/h
    ``'DK:zone30'``                      30 km/h
    ``'50;60'``                          50 km/h (several values: the first)
    ``'none'``                           NaN → the road class's default speed (no limit is not
                                         a travel speed)
    ``'signals'``, ``'variable'``        NaN → class default (the limit is not in the data)
    ``'walk'``                           NaN → class default
    ``''``, ``None``, NULL, garbage      NaN → class default
    ``0``, ``'-5'``, ``'200'``           returned as is (0, -5, 200): the readers reject them as
                                         implausible (see :func:`check_speeds`), except OSM,
                                         where they fall back to the class default
    ===================================  =======================================================

    Case and surrounding spaces do not matter.
    """
    if value is None:
        return math.nan
    if isinstance(value, bool):
        return math.nan
    if isinstance(value, int | float | np.integer | np.floating):
        v = float(value)
        return v if math.isfinite(v) else math.nan
    text = str(value).strip().lower()
    if not text or text == "null":
        return math.nan
    text = text.split(";")[0].strip()
    if text in _MAXSPEED_WORDS:
        return _MAXSPEED_WORDS[text]
    m = _ZONE_RE.match(text)
    if m:
        return float(m.group(1))
    m = _NUM_UNIT_RE.match(text)
    if not m:
        return math.nan
    v = float(m.group(1).replace(",", "."))
    unit = m.group(2)
    if unit == "mph":
        v *= _MPH
    elif unit == "knots":
        v *= _KNOT
    return v if math.isfinite(v) else math.nan


parse_speed_kmh = parse_maxspeed_kmh


def speeds_from_values(values: Any) -> np.ndarray:
    """A column of speed values (numbers or text, nulls) → km/h per value (float64).

    Numeric columns are taken as km/h; text goes through :func:`parse_maxspeed_kmh` once per
    distinct value. NULL / unreadable → NaN (the class default applies). Values ≤ 0 or above
    :data:`MAX_PLAUSIBLE_SPEED_KMH` are kept, for :func:`check_speeds` to name.
    """
    if np.ma.isMaskedArray(values):
        if values.dtype.kind in "fiu":
            return _compat.column_to_float(values)
        values = _compat.column_to_str(values)
    arr = np.asarray(values)
    if arr.dtype.kind in "fiu":
        out = arr.astype(np.float64)
        out[~np.isfinite(out)] = np.nan
        return out
    if arr.dtype.kind == "b":
        return np.full(len(arr), np.nan)
    if arr.dtype.kind == "O":
        out = np.full(len(arr), np.nan)
        text_idx = []
        for i, v in enumerate(arr):
            if v is None or isinstance(v, bool):
                continue
            if isinstance(v, int | float | np.integer | np.floating):
                out[i] = parse_maxspeed_kmh(v)
            else:
                text_idx.append(i)
        if text_idx:
            idx = np.array(text_idx, dtype=np.int64)
            out[idx] = _parse_unique(
                np.array([str(arr[i]) for i in idx], dtype=object), parse_maxspeed_kmh
            )
        return out
    return _parse_unique(_compat.column_to_str(arr), parse_maxspeed_kmh)


def implausible_speeds(speed_kmh: np.ndarray) -> np.ndarray:
    """Boolean mask: a speed is given (finite) but ≤ 0 or > :data:`MAX_PLAUSIBLE_SPEED_KMH`."""
    s = np.asarray(speed_kmh, dtype=np.float64)
    with np.errstate(invalid="ignore"):
        return np.isfinite(s) & ((s <= 0) | (s > MAX_PLAUSIBLE_SPEED_KMH))


def check_speeds(
    speed_kmh: np.ndarray,
    feature_ids: Sequence[Any] | np.ndarray | None,
    *,
    layer: str,
    field: str,
) -> None:
    """Reject implausible speeds (≤ 0 or > 150 km/h) of a user's speed field, naming the
    features (at most 10) and the fix.

    Raises:
        SundplanError: when any line has such a speed.
    """
    bad = np.flatnonzero(implausible_speeds(speed_kmh))
    if not len(bad):
        return
    speeds = np.asarray(speed_kmh, dtype=np.float64)
    ids = list(feature_ids) if feature_ids is not None else list(range(len(speeds)))
    seen: dict[Any, float] = {}
    for i in bad:
        fid = ids[i] if i < len(ids) else i
        fid = fid.item() if hasattr(fid, "item") else fid
        if fid not in seen:
            seen[fid] = float(speeds[i])
    examples = ", ".join(f"{fid} ({kmh:g} km/h)" for fid, kmh in list(seen.items())[:10])
    raise SundplanError(
        "Road layer '{layer}': the speed field '{field}' has implausible speeds (≤ 0 or more "
        "than {max:g} km/h) in {count} features: {features}. Correct them, or set them to NULL "
        "so the road class's default speed is used.",
        layer=layer,
        field=field,
        max=MAX_PLAUSIBLE_SPEED_KMH,
        count=len(seen),
        features=examples,
    )


def parse_duration_min(value: Any) -> float:
    """An OSM ``duration`` in minutes; NaN if missing or unreadable.

    Accepts 'HH:MM', 'H:MM:SS', plain minutes ('45', '45.5') and ISO 8601 'PT1H30M'.
    """
    if value is None:
        return math.nan
    if isinstance(value, int | float | np.integer | np.floating):
        v = float(value)
        return v if math.isfinite(v) and v > 0 else math.nan
    text = str(value).strip()
    if not text:
        return math.nan
    try:
        if ":" in text:
            parts = [float(p) for p in text.split(":")]
            if len(parts) == 2:
                return parts[0] * 60.0 + parts[1]
            if len(parts) == 3:
                return parts[0] * 60.0 + parts[1] + parts[2] / 60.0
            return math.nan
        m = re.match(
            r"^P(?:T)?(?:(\d+(?:\.\d+)?)H)?(?:(\d+(?:\.\d+)?)M)?(?:(\d+(?:\.\d+)?)S)?$", text
        )
        if m and text.startswith("PT"):
            h, mi, s = (float(g) if g else 0.0 for g in m.groups())
            return h * 60.0 + mi + s / 60.0
        v = float(text.replace(",", "."))
        return v if v > 0 else math.nan
    except ValueError:
        return math.nan


def parse_oneway(values: Any) -> np.ndarray:
    """Oneway codes (int8) from a column of text or numbers.

    'yes', '1', 'true', 't' → 1 (along the line); '-1', 'reverse' → -1; anything else → 0.
    Case-insensitive; integer and float columns work too (1 → 1, -1 → -1).
    """
    text = _compat.column_to_str(values)
    low = np.array([s.strip().lower() for s in text], dtype=object)
    out = np.zeros(len(low), dtype=np.int8)
    if len(low):
        out[np.isin(low, _ONEWAY_FWD)] = 1
        out[np.isin(low, _ONEWAY_REV)] = -1
    return out


def _parse_unique(values: np.ndarray, fn: Any) -> np.ndarray:
    """Apply a scalar parser once per distinct value (fast for low-cardinality columns)."""
    if len(values) == 0:
        return np.zeros(0, dtype=np.float64)
    uniq, inv = _compat.unique_inverse(values.astype(str))
    parsed = np.array([fn(u) for u in uniq], dtype=np.float64)
    return parsed[inv]


# --------------------------------------------------------------------------- WKB decoding

_WKB_LINESTRING = 2
_WKB_MULTILINESTRING = 5


def _u32_le(buf: np.ndarray, pos: np.ndarray) -> np.ndarray:
    """Little-endian uint32 at byte positions ``pos`` of a uint8 buffer, as int64."""
    b = buf[pos[:, None] + np.arange(4)].astype(np.int64)
    return b[:, 0] | (b[:, 1] << 8) | (b[:, 2] << 16) | (b[:, 3] << 24)


def _wkb_type_dims(code: np.ndarray) -> tuple[np.ndarray, np.ndarray, np.ndarray]:
    """Split (ISO or EWKB) geometry type codes into (base type, ndim, has_srid)."""
    code = code.astype(np.int64)
    ewkb_z = (code & 0x80000000) != 0
    ewkb_m = (code & 0x40000000) != 0
    srid = (code & 0x20000000) != 0
    iso = code & 0x0FFFFFFF
    base = iso % 1000
    iso_dim = iso // 1000  # 0 xy, 1 z, 2 m, 3 zm
    ndim = (
        2
        + ((iso_dim == 1) | (iso_dim == 3) | ewkb_z).astype(np.int64)
        + ((iso_dim == 2) | (iso_dim == 3) | ewkb_m).astype(np.int64)
    )
    return base, ndim, srid


def _parse_wkb_slow(wkb: bytes) -> list[tuple[int, int, int, bool]]:
    """Linear parts of one WKB geometry as (coord byte offset, npoints, ndim, little_endian).

    Handles LineString, MultiLineString and GeometryCollection nesting, either byte order.
    Raises ValueError for other geometry types (curves are handled by the caller via OGR).
    """
    parts: list[tuple[int, int, int, bool]] = []

    def walk(pos: int) -> int:
        le = wkb[pos] == 1
        fmt = "<I" if le else ">I"
        (code,) = struct.unpack_from(fmt, wkb, pos + 1)
        iso = code & 0x0FFFFFFF
        base, iso_dim = iso % 1000, iso // 1000
        ndim = 2 + int(iso_dim in (1, 3) or bool(code & 0x80000000))
        ndim += int(iso_dim in (2, 3) or bool(code & 0x40000000))
        srid = bool(code & 0x20000000)
        pos += 5 + (4 if srid else 0)
        (n,) = struct.unpack_from(fmt, wkb, pos)
        pos += 4
        if base == _WKB_LINESTRING:
            parts.append((pos, n, ndim, le))
            return pos + n * 8 * ndim
        if base in (_WKB_MULTILINESTRING, 7):
            for _ in range(n):
                pos = walk(pos)
            return pos
        raise ValueError(f"geometry type {code} is not a line")

    walk(0)
    return parts


def _decode_wkb_lines(
    wkbs: Sequence[bytes | None],
) -> tuple[np.ndarray, np.ndarray, np.ndarray, list[int]]:
    """Decode WKB (Multi)LineStrings in bulk.

    Returns (coords (V, 2) float64, lengths (P,) int64 vertices per part, part_src (P,) int64
    index of the input geometry of each part, bad: indices of non-line geometries). Z and M
    are dropped; null geometries and parts with fewer than 2 vertices are skipped.
    The common case (little-endian LineString or single-part MultiLineString) is decoded
    without a Python loop; other geometries loop over their part headers only.
    """
    n_in = len(wkbs)
    empty = (np.zeros((0, 2)), np.zeros(0, np.int64), np.zeros(0, np.int64), [])
    if n_in == 0:
        return empty
    present = np.fromiter((w is not None for w in wkbs), dtype=bool, count=n_in)
    idx = np.flatnonzero(present)
    if len(idx) == 0:
        return empty
    items = [bytes(wkbs[i]) for i in idx]
    lens = np.fromiter(map(len, items), dtype=np.int64, count=len(items))
    keep_nonempty = lens >= 9
    starts = np.zeros(len(items), dtype=np.int64)
    np.cumsum(lens[:-1], out=starts[1:])
    raw = b"".join(items)
    buf = np.frombuffer(raw, dtype=np.uint8)
    starts_ok = starts[keep_nonempty]
    lens_ok = lens[keep_nonempty]
    src_ok = idx[keep_nonempty]

    le = buf[starts_ok] == 1
    code = np.zeros(len(starts_ok), dtype=np.int64)
    code[le] = _u32_le(buf, starts_ok[le] + 1)
    base, ndim, srid = _wkb_type_dims(code)
    simple_line = le & (base == _WKB_LINESTRING) & ~srid
    multi = le & (base == _WKB_MULTILINESTRING) & ~srid
    n_multi_parts = np.zeros(len(starts_ok), dtype=np.int64)
    n_multi_parts[multi] = _u32_le(buf, starts_ok[multi] + 5)
    # single-part multilinestring whose inner linestring is little-endian with the same dims
    single_multi = multi & (n_multi_parts == 1)
    inner = starts_ok[single_multi] + 9
    inner_ok = buf[inner] == 1
    inner_code = _u32_le(buf, inner + 1)
    ib, ind, isrid = _wkb_type_dims(inner_code)
    inner_ok &= (ib == _WKB_LINESTRING) & ~isrid
    sm_idx = np.flatnonzero(single_multi)
    single_multi[sm_idx[~inner_ok]] = False
    ndim_sm = ind[inner_ok]
    multi_empty = multi & (n_multi_parts == 0)

    # part tables: coordinate byte offset, number of points, ndim, source index
    p_off = [starts_ok[simple_line] + 9, starts_ok[single_multi] + 18]
    p_n = [
        _u32_le(buf, starts_ok[simple_line] + 5),
        _u32_le(buf, starts_ok[single_multi] + 14),
    ]
    p_dim = [ndim[simple_line], ndim_sm]
    p_src = [src_ok[simple_line], src_ok[single_multi]]

    slow = np.flatnonzero(~simple_line & ~single_multi & ~multi_empty)
    bad: list[int] = []
    extra_coords: list[np.ndarray] = []
    extra_src: list[int] = []
    for k in slow:
        s, e = int(starts_ok[k]), int(starts_ok[k] + lens_ok[k])
        wkb = raw[s:e]
        try:
            parts = _parse_wkb_slow(wkb)
        except (ValueError, struct.error):
            parts = None
        if parts is None:
            lin = _linearize_with_ogr(wkb)
            if lin is None:
                bad.append(int(src_ok[k]))
                continue
            parts = _parse_wkb_slow(lin)
            wkb = lin
        for off, n, d, is_le in parts:
            arr = np.frombuffer(wkb, dtype="<f8" if is_le else ">f8", count=n * d, offset=off)
            extra_coords.append(arr.reshape(n, d)[:, :2].astype(np.float64))
            extra_src.append(int(src_ok[k]))

    off = np.concatenate(p_off)
    npts = np.concatenate(p_n)
    dim = np.concatenate(p_dim)
    src = np.concatenate(p_src)
    # buffer order (= input order): _gather_xy reads the coordinate blocks in byte order
    order = np.argsort(off, kind="stable")
    ok = npts[order] >= 2
    order = order[ok]
    off, npts, dim, src = off[order], npts[order], dim[order], src[order]
    coords_fast = _gather_xy(buf, off, npts, dim)

    if extra_coords:
        ex_len = np.array([len(c) for c in extra_coords], dtype=np.int64)
        ex_ok = ex_len >= 2
        ex_coords = [c for c, o in zip(extra_coords, ex_ok, strict=True) if o]
        coords_all = np.concatenate([coords_fast, *ex_coords]) if ex_coords else coords_fast
        lengths = np.concatenate([npts, ex_len[ex_ok]])
        srcs = np.concatenate([src, np.asarray(extra_src, dtype=np.int64)[ex_ok]])
    else:
        coords_all, lengths, srcs = coords_fast, npts, src
    # restore input order of parts (multi-part features were appended at the end)
    order = np.argsort(srcs, kind="stable")
    if np.any(order != np.arange(len(order))):
        line_start = np.zeros(len(lengths), dtype=np.int64)
        np.cumsum(lengths[:-1], out=line_start[1:])
        vidx = _ranges(line_start[order], lengths[order])
        coords_all = coords_all[vidx]
        lengths = lengths[order]
        srcs = srcs[order]
    return coords_all, lengths.astype(np.int64), srcs.astype(np.int64), bad


def _ranges(starts: np.ndarray, counts: np.ndarray) -> np.ndarray:
    """Concatenated ``arange(s, s + c)`` for all (s, c), vectorised."""
    total = int(counts.sum())
    if total == 0:
        return np.zeros(0, dtype=np.int64)
    out_start = np.zeros(len(counts), dtype=np.int64)
    np.cumsum(counts[:-1], out=out_start[1:])
    return np.repeat(starts - out_start, counts) + np.arange(total, dtype=np.int64)


def _gather_xy(buf: np.ndarray, off: np.ndarray, npts: np.ndarray, dim: np.ndarray) -> np.ndarray:
    """x, y of coordinate blocks at byte offsets ``off`` (little-endian doubles) in ``buf``.

    Marks the blocks' bytes with a cumulative-sum mask, copies them out contiguously (so the
    doubles become aligned) and picks x, y; no Python loop.
    """
    if len(off) == 0:
        return np.zeros((0, 2), dtype=np.float64)
    nbytes = npts * 8 * dim
    marks = np.zeros(len(buf) + 1, dtype=np.int8)
    marks[off] = 1
    marks[off + nbytes] -= 1
    mask = np.cumsum(marks[:-1], dtype=np.int8).astype(bool)
    flat = buf[mask].view("<f8")
    if np.all(dim == 2):
        return flat.reshape(-1, 2).astype(np.float64, copy=False)
    # mixed / 3-D / measured: index x of every vertex, y follows it
    fstart = np.zeros(len(npts), dtype=np.int64)
    np.cumsum((npts * dim)[:-1], out=fstart[1:])
    vstart = np.zeros(len(npts), dtype=np.int64)
    np.cumsum(npts[:-1], out=vstart[1:])
    total = int(npts.sum())
    k = np.arange(total, dtype=np.int64) - np.repeat(vstart, npts)
    pos = np.repeat(fstart, npts) + k * np.repeat(dim, npts)
    return np.column_stack([flat[pos], flat[pos + 1]])


def _linearize_with_ogr(wkb: bytes) -> bytes | None:
    """Curved / unusual geometries → linear ISO WKB through OGR; None if not a line."""
    from osgeo import ogr

    try:
        with _compat.gdal_exceptions():
            geom = ogr.CreateGeometryFromWkb(wkb)
            if geom is None:
                return None
            geom = geom.GetLinearGeometry()
            geom = ogr.ForceToMultiLineString(geom)
            if geom is None or ogr.GT_Flatten(geom.GetGeometryType()) != ogr.wkbMultiLineString:
                return None
            geom.FlattenTo2D()
            return bytes(geom.ExportToIsoWkb(ogr.wkbNDR))
    except RuntimeError:
        return None


# --------------------------------------------------------------------------- OGR reader


def _find_field(names: list[str], wanted: str | None, what: str, layer_name: str) -> str | None:
    if wanted is None or wanted == "":
        return None
    if wanted in names:
        return wanted
    lower = {n.lower(): n for n in names}
    if wanted.lower() in lower:
        return lower[wanted.lower()]
    raise SundplanError(
        "Road layer '{layer}' has no field '{field}' (given as the {what} field). "
        "Fields found: {fields}. Choose one of those.",
        layer=layer_name,
        field=wanted,
        what=what,
        fields=", ".join(names) if names else msg("(none)"),
    )


def read_lines_ogr(
    path: str | Path,
    *,
    layer: str | int | None = None,
    speed_field: str | None = None,
    oneway_field: str | None = None,
    class_field: str | None = None,
    duration_field: str | None = None,
    where: str | None = None,
    progress: Any = None,
) -> RoadLines:
    """Read any OGR line layer (GeoPackage, shapefile, ...) in bulk into :class:`RoadLines`.

    Uses GDAL's Arrow stream (``Layer.GetArrowStreamAsNumPy``, GDAL >= 3.6) and decodes the
    WKB with numpy; Z/M are dropped; each part of a MultiLineString becomes its own line.

    Args:
        path: the file (or any OGR data source name).
        layer: layer name or index; required when the source has several layers.
        speed_field: speed in km/h (numeric, or text such as '50' / 'DK:urban'); NULL → NaN.
        oneway_field: 'yes'/'1'/'true'/'t' → 1, '-1'/'reverse' → -1, anything else 0.
        class_field: road class (OSM highway values, 'ferry'); stored lower-case.
        duration_field: ferry crossing time in minutes (used for class 'ferry' only).
        where: an OGR SQL attribute filter, e.g. ``"class <> 'track'"``.
        progress: ``progress(fraction, message)``, called before every batch of features
            (it may raise to cancel the reading).

    Raises:
        SundplanError: unreadable file, unknown layer or field, not a line layer, no lines,
            geographic CRS, or invalid filter; the message names the file/layer.
    """
    from osgeo import gdal, ogr

    path_s = str(path)
    fname = Path(path_s).name or path_s
    try:
        with _compat.gdal_exceptions():
            ds = gdal.OpenEx(path_s, gdal.OF_VECTOR | gdal.OF_READONLY)
    except RuntimeError as exc:
        raise SundplanError(
            "Cannot read the road file '{path}': {error}. Check that it "
            "exists and is a vector format GDAL can open (GeoPackage, shapefile, ...).",
            path=path_s,
            error=str(exc).rstrip("."),
        ) from exc
    if ds is None:
        raise SundplanError(
            "Cannot read the road file '{path}'. Check that it exists and is a vector "
            "format GDAL can open (GeoPackage, shapefile, ...).",
            path=path_s,
        )
    layer_names = [ds.GetLayer(i).GetName() for i in range(ds.GetLayerCount())]
    if layer is None:
        if len(layer_names) != 1:
            raise SundplanError(
                "Road file '{file}' has {count} layers ({layers}); choose one.",
                file=fname,
                count=len(layer_names),
                layers=", ".join(layer_names) or msg("none"),
            )
        lyr = ds.GetLayer(0)
    elif isinstance(layer, int):
        lyr = ds.GetLayer(layer) if 0 <= layer < len(layer_names) else None
    else:
        lyr = ds.GetLayerByName(layer)
    if lyr is None:
        raise SundplanError(
            "Road file '{file}' has no layer {layer!r}. Layers found: {layers}.",
            file=fname,
            layer=layer,
            layers=", ".join(layer_names) or msg("(none)"),
        )
    lname = lyr.GetName()
    source_name = lname if lname == Path(fname).stem else f"{fname}|{lname}"
    gtype = ogr.GT_Flatten(lyr.GetGeomType())
    line_types = {
        ogr.wkbLineString,
        ogr.wkbMultiLineString,
        ogr.wkbUnknown,
        ogr.wkbGeometryCollection,
        ogr.wkbCircularString,
        ogr.wkbCompoundCurve,
        ogr.wkbMultiCurve,
    }
    if gtype not in line_types:
        raise SundplanError(
            "Road layer '{layer}' has {geometry_type} geometries; a line layer is needed.",
            layer=source_name,
            geometry_type=ogr.GeometryTypeToName(gtype),
        )
    defn = lyr.GetLayerDefn()
    names = [defn.GetFieldDefn(i).GetName() for i in range(defn.GetFieldCount())]
    f_speed = _find_field(names, speed_field, "speed", source_name)
    f_oneway = _find_field(names, oneway_field, "oneway", source_name)
    f_class = _find_field(names, class_field, "road class", source_name)
    f_dur = _find_field(names, duration_field, "ferry duration", source_name)
    wanted = {f for f in (f_speed, f_oneway, f_class, f_dur) if f}
    srs = lyr.GetSpatialRef()
    crs_wkt = srs.ExportToWkt() if srs is not None else ""
    if crs_wkt:
        _check_projected_metres(crs_wkt, source_name)

    coords_parts: list[np.ndarray] = []
    len_parts: list[np.ndarray] = []
    cols: dict[str, list[Any]] = {f: [] for f in wanted}
    line_fids: list[np.ndarray] = []  # feature id per line, to name implausible speeds
    bad_fids: list[Any] = []
    try:
        with _compat.gdal_exceptions():
            lyr.SetIgnoredFields([n for n in names if n not in wanted])
            if where:
                lyr.SetAttributeFilter(where)
            lyr.ResetReading()
            geom_col = lyr.GetGeometryColumn() or "wkb_geometry"
            total, done = lyr.GetFeatureCount(force=0), 0
            text = msg("Reading the road network '{network}'", network=source_name)
            for batch in _compat.ogr_arrow_batches(lyr):
                if progress is not None:
                    progress(done / total if total > 0 else math.nan, text)
                    done += len(next(iter(batch.values())))
                gcol = geom_col if geom_col in batch else _guess_geom_column(batch)
                wkbs = _compat.wkb_column_to_list(batch[gcol])
                coords, lengths, src, bad = _decode_wkb_lines(wkbs)
                if bad:
                    fids = batch.get("fid", batch.get("OGC_FID"))
                    bad_fids.extend(fids[b] if fids is not None else b for b in bad[:5])
                coords_parts.append(coords)
                len_parts.append(lengths)
                for f in wanted:
                    cols[f].append(_take(batch[f], src))
                if f_speed:
                    fids = batch.get("fid", batch.get("OGC_FID"))
                    line_fids.append(np.asarray(fids)[src] if fids is not None else np.asarray(src))
    except RuntimeError as exc:
        if where:
            raise SundplanError(
                "Cannot read road layer '{layer}': {error}. Check the filter expression.",
                layer=source_name,
                error=str(exc),
            ) from exc
        raise SundplanError(
            "Cannot read road layer '{layer}': {error}.", layer=source_name, error=str(exc)
        ) from exc
    finally:
        lyr.SetIgnoredFields([])
        lyr.SetAttributeFilter(None)
    if bad_fids:
        raise SundplanError(
            "Road layer '{layer}' has features that are not lines (feature ids "
            "{fids}). Filter them out or convert them to lines.",
            layer=source_name,
            fids=", ".join(str(b) for b in bad_fids),
        )
    lengths = np.concatenate(len_parts) if len_parts else np.zeros(0, np.int64)
    coords = np.concatenate(coords_parts) if coords_parts else np.zeros((0, 2))
    offsets = np.zeros(len(lengths) + 1, dtype=np.int64)
    np.cumsum(lengths, out=offsets[1:])
    n = len(lengths)

    def col(f: str | None) -> Any:
        return _concat_cols(cols[f]) if f else None

    if f_class:
        road_class = np.array([s.strip().lower() for s in _compat.column_to_str(col(f_class))])
        road_class = road_class.astype(object) if n else np.zeros(0, dtype=object)
    else:
        road_class = np.full(n, "", dtype=object)
    if f_speed:
        speed = speeds_from_values(col(f_speed))
        check_speeds(
            speed,
            np.concatenate(line_fids) if line_fids else None,
            layer=source_name,
            field=f_speed,
        )
    else:
        speed = np.full(n, np.nan)
    oneway = parse_oneway(col(f_oneway)) if f_oneway else np.zeros(n, dtype=np.int8)
    if f_dur:
        c = col(f_dur)
        if np.asarray(c).dtype.kind in "fiub":
            dur = _compat.column_to_float(c)
            dur[~(dur > 0)] = np.nan
        else:
            dur = _parse_unique(_compat.column_to_str(c), parse_duration_min)
        dur[road_class != "ferry"] = np.nan
    else:
        dur = np.full(n, np.nan)
    lines = RoadLines(
        coords=coords.astype(np.float64, copy=False),
        offsets=offsets,
        road_class=road_class,
        speed_kmh=speed.astype(np.float64),
        oneway=oneway.astype(np.int8),
        ferry_duration_min=dur.astype(np.float64),
        crs_wkt=crs_wkt,
        source_name=source_name,
    )
    return lines.validate()


def _guess_geom_column(batch: Mapping[str, Any]) -> str:
    for k, v in batch.items():
        arr = np.asarray(v)
        if arr.dtype == object and len(arr) and isinstance(arr[0], bytes | bytearray):
            return k
    raise SundplanError("The layer's Arrow stream has no geometry column.")


def _take(values: Any, idx: np.ndarray) -> Any:
    if np.ma.isMaskedArray(values):
        return values[idx]
    return np.asarray(values)[idx]


def _concat_cols(chunks: list[Any]) -> Any:
    if not chunks:
        return np.zeros(0)
    if any(np.ma.isMaskedArray(c) for c in chunks):
        return np.ma.concatenate([np.ma.asarray(c) for c in chunks])
    if all(np.asarray(c).dtype.kind == "S" for c in chunks):
        width = max(np.asarray(c).dtype.itemsize for c in chunks)
        return np.concatenate([np.asarray(c).astype(f"S{max(width, 1)}") for c in chunks])
    return np.concatenate([np.asarray(c) for c in chunks])


# --------------------------------------------------------------------------- OSM reader


def _osm_way_attrs(tags: Any, include_ferries: bool) -> tuple[str, str, int, str] | None:
    """(class, maxspeed text, oneway, duration text) for a usable way; None to skip it."""
    hw = tags.get("highway")
    if hw in DRIVABLE_HIGHWAYS:
        cls = hw
    elif include_ferries and tags.get("route") == "ferry":
        cls = "ferry"
    else:
        return None
    t = tags  # tags.get() is cheaper than building a dict of a pyosmium TagList
    if cls != "ferry" and t.get("area") == "yes":
        return None
    # passenger-only ferries (motor_vehicle=no) are kept: islanders still reach the mainland
    mv = t.get("motor_vehicle") or t.get("motorcar")
    if (mv in _NO_ACCESS and cls != "ferry") or (
        t.get("access") in _NO_ACCESS
        and mv not in ("yes", "designated", "permissive", "destination")
    ):
        return None
    ow_tag = (t.get("oneway") or "").strip().lower()
    if ow_tag in _ONEWAY_FWD:
        ow = 1
    elif ow_tag in _ONEWAY_REV:
        ow = -1
    elif ow_tag:
        ow = 0  # 'no', 'reversible', 'alternating', ...
    elif t.get("junction") in ("roundabout", "circular") or hw == "motorway":
        ow = 1
    else:
        ow = 0
    return cls, t.get("maxspeed") or "", ow, t.get("duration") or ""


OSM_PROGRESS_EVERY = 5000
"""How many ways :func:`read_osm` reads between two progress (and cancel) checks."""


def read_osm(
    path: str | Path,
    *,
    include_ferries: bool = True,
    target_crs: str = "EPSG:25832",
    progress: Any = None,
) -> RoadLines:
    """Read drivable roads (and ferries) from .osm.pbf / .osm / .osm.bz2 with pyosmium.

    Keeps ways with a drivable ``highway`` (see :data:`DRIVABLE_HIGHWAYS`), skipping
    ``access``/``motor_vehicle``/``motorcar`` = no/private and ``area=yes``; with
    ``include_ferries`` also ``route=ferry`` ways (class 'ferry', ``duration`` → minutes;
    passenger-only ferries are kept, ``access=no/private`` ones skipped).
    ``maxspeed`` → km/h (NaN = class default); oneway from ``oneway``, implied for
    ``junction=roundabout`` and ``highway=motorway``. Every vertex is kept (the graph makes
    every vertex a node, so junctions need no splitting). A way with nodes missing from the
    file (clipped extracts) is split into its runs of located nodes. Coordinates are
    projected from WGS84 to ``target_crs`` (metres) in one vectorised pyproj call.
    ``progress(fraction, message)`` is called every few thousand ways (it may raise to cancel
    the reading; pyosmium stops at once).

    Raises:
        SundplanError: missing/unreadable file, no usable ways, or a non-metric target CRS.
    """
    import osmium
    from pyproj import CRS, Transformer

    path_s = str(path)
    fname = Path(path_s).name
    if not Path(path_s).is_file():
        raise SundplanError("OSM file '{path}' does not exist or is not a file.", path=path_s)
    try:
        tcrs = CRS.from_user_input(target_crs)
    except Exception as exc:  # pyproj raises CRSError, subclass varies
        raise SundplanError(
            "Unknown target CRS {crs!r} for '{file}': {error}",
            crs=target_crs,
            file=fname,
            error=str(exc),
        ) from exc
    _check_projected_metres(tcrs.to_wkt(), f"{fname} (target CRS {target_crs})")

    factory = _compat.osm_wkb_factory()
    invalid_loc = getattr(osmium, "InvalidLocationError", RuntimeError)

    class _Handler(osmium.SimpleHandler):  # type: ignore[misc]
        def __init__(self) -> None:
            super().__init__()
            self.hex_chunks: list[str] = []
            self.coord_chunks: list[np.ndarray] = []
            self.len_chunks: list[np.ndarray] = []
            self.src_chunks: list[np.ndarray] = []
            self.pending_hex: list[str] = []
            self.pending_src: list[int] = []
            self.cls: list[str] = []
            self.maxspeed: list[str] = []
            self.oneway: list[int] = []
            self.duration: list[str] = []
            self.slow_parts: list[tuple[int, np.ndarray]] = []
            self.n_ways = 0

        def way(self, w: Any) -> None:
            self.n_ways += 1
            if progress is not None and self.n_ways % OSM_PROGRESS_EVERY == 0:
                progress(math.nan, text)
            attrs = _osm_way_attrs(w.tags, include_ferries)
            if attrs is None:
                return
            wid = len(self.cls)
            try:
                self.pending_hex.append(factory.create_linestring(w))
                self.pending_src.append(wid)
            except (invalid_loc, RuntimeError):
                runs = _located_runs(w)
                if not runs:
                    return
                for run in runs:
                    self.slow_parts.append((wid, run))
            self.cls.append(attrs[0])
            self.maxspeed.append(attrs[1])
            self.oneway.append(attrs[2])
            self.duration.append(attrs[3])
            if len(self.pending_hex) >= 50_000:
                self.flush()

        def flush(self) -> None:
            if not self.pending_hex:
                return
            raw = bytes.fromhex("".join(self.pending_hex))
            # split the concatenated WKB: each LineString is 9 + 16 n bytes
            wkbs = _split_concat_linestrings(raw)
            coords, lengths, src, _ = _decode_wkb_lines(wkbs)
            self.coord_chunks.append(coords)
            self.len_chunks.append(lengths)
            self.src_chunks.append(np.asarray(self.pending_src, dtype=np.int64)[src])
            self.pending_hex = []
            self.pending_src = []

    handler = _Handler()
    text = msg("Reading the road network '{network}'", network=fname)
    if progress is not None:
        progress(0.0, text)
    try:
        _compat.osm_apply_file(handler, path_s, idx="flex_mem")
    except (RuntimeError, ValueError, OSError) as exc:
        raise SundplanError(
            "Cannot read OSM file '{file}': {error}. Check that it is an OSM XML (.osm, "
            ".osm.bz2) or PBF (.osm.pbf) file and not truncated.",
            file=fname,
            error=str(exc),
        ) from exc
    handler.flush()
    for wid, run in handler.slow_parts:
        handler.coord_chunks.append(run)
        handler.len_chunks.append(np.array([len(run)], dtype=np.int64))
        handler.src_chunks.append(np.array([wid], dtype=np.int64))
    if not handler.len_chunks:
        if include_ferries:
            raise SundplanError(
                "OSM file '{file}' has no drivable roads or ferries (highway=motorway ... "
                "service). Check the extract covers the area.",
                file=fname,
            )
        raise SundplanError(
            "OSM file '{file}' has no drivable roads (highway=motorway ... service). Check "
            "the extract covers the area.",
            file=fname,
        )
    lonlat = np.concatenate(handler.coord_chunks)
    lengths = np.concatenate(handler.len_chunks)
    src = np.concatenate(handler.src_chunks)
    # ways in file order (slow-path parts were appended last)
    order = np.argsort(src, kind="stable")
    if np.any(order != np.arange(len(order))):
        starts = np.zeros(len(lengths), dtype=np.int64)
        np.cumsum(lengths[:-1], out=starts[1:])
        lonlat = lonlat[_ranges(starts[order], lengths[order])]
        lengths, src = lengths[order], src[order]
    offsets = np.zeros(len(lengths) + 1, dtype=np.int64)
    np.cumsum(lengths, out=offsets[1:])

    tr = Transformer.from_crs("EPSG:4326", tcrs, always_xy=True)
    x, y = tr.transform(lonlat[:, 0], lonlat[:, 1])
    coords = np.column_stack([np.asarray(x, np.float64), np.asarray(y, np.float64)])

    cls = np.asarray(handler.cls, dtype=object)[src]
    speed = _parse_unique(np.asarray(handler.maxspeed, dtype=object), parse_maxspeed_kmh)[src]
    # OSM data is not the user's to correct: implausible tags fall back to the class default
    speed[implausible_speeds(speed)] = np.nan
    oneway = np.asarray(handler.oneway, dtype=np.int8)[src]
    dur = _parse_unique(np.asarray(handler.duration, dtype=object), parse_duration_min)[src]
    dur[cls != "ferry"] = np.nan
    lines = RoadLines(
        coords=coords,
        offsets=offsets,
        road_class=cls,
        speed_kmh=speed,
        oneway=oneway,
        ferry_duration_min=dur,
        crs_wkt=tcrs.to_wkt(),
        source_name=fname,
    )
    return lines.validate()


def _located_runs(way: Any) -> list[np.ndarray]:
    """(lon, lat) runs of consecutive nodes with a known location (≥ 2 distinct nodes)."""
    runs: list[np.ndarray] = []
    cur: list[tuple[float, float]] = []
    for n in way.nodes:
        loc = n.location
        if loc.valid():
            pt = (loc.lon, loc.lat)
            if not cur or cur[-1] != pt:
                cur.append(pt)
        else:
            if len(cur) >= 2:
                runs.append(np.array(cur, dtype=np.float64))
            cur = []
    if len(cur) >= 2:
        runs.append(np.array(cur, dtype=np.float64))
    return runs


def _split_concat_linestrings(raw: bytes) -> list[bytes]:
    """Split back-to-back little-endian 2-D WKB LineStrings (as pyosmium writes them)."""
    out: list[bytes] = []
    pos = 0
    n_total = len(raw)
    unpack = struct.unpack_from
    while pos < n_total:
        (n,) = unpack("<I", raw, pos + 5)
        end = pos + 9 + 16 * n
        out.append(raw[pos:end])
        pos = end
    return out


# --------------------------------------------------------------------------- speeds


def speeds_from_table(rows: Iterable[Sequence[Any]] | Mapping[str, Any]) -> dict[str, float]:
    """A user speed table → ``{road_class: km/h}`` (classes lower-cased, values > 0).

    ``rows`` is a mapping or an iterable of (class, km/h) pairs, e.g. rows of a CSV or of a
    QGIS matrix parameter. The result overrides :data:`DEFAULT_SPEEDS_KMH` in
    :func:`build_graph`; classes not listed keep their default.

    Raises:
        SundplanError: a row without two values, or a speed that is not a number in
            (0, :data:`MAX_PLAUSIBLE_SPEED_KMH`] km/h.
    """
    items = rows.items() if isinstance(rows, Mapping) else rows
    out: dict[str, float] = {}
    for i, row in enumerate(items, start=1):
        try:
            cls, kmh = row[0], row[1]
        except (TypeError, IndexError, KeyError) as exc:
            raise SundplanError(
                "Speed table row {row} ({value!r}) needs two values: road class and km/h.",
                row=i,
                value=row,
            ) from exc
        name = str(cls).strip().lower()
        try:
            v = float(str(kmh).strip().replace(",", "."))
        except ValueError:
            v = math.nan
        if not (math.isfinite(v) and v > 0):
            raise SundplanError(
                "Speed table row {row}: the speed for class '{road_class}' is {value!r}; give a "
                "positive number of km/h.",
                row=i,
                road_class=name,
                value=kmh,
            )
        if v > MAX_PLAUSIBLE_SPEED_KMH:
            raise SundplanError(
                "Speed table row {row}: {value!r} km/h for class '{road_class}' is implausible; "
                "give at most {max:g} km/h.",
                row=i,
                road_class=name,
                value=kmh,
                max=MAX_PLAUSIBLE_SPEED_KMH,
            )
        out[name] = v
    return out


# --------------------------------------------------------------------------- graph


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
        miss_cls = sorted({str(c) or "(empty)" for c in cls[missing]})
        raise SundplanError(
            "Road layer '{layer}': {count} lines have no speed and their road "
            "class has no default speed (classes: {classes}). Add these "
            "classes to the speed table, or choose a speed field.",
            layer=name,
            count=int(missing.sum()),
            classes=", ".join(miss_cls[:10]),
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
    )


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
