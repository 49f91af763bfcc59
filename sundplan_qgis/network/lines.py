"""RoadLines: the one format every network source becomes, and its checks.

Coordinates in metres of a projected CRS; a layer in degrees or in web Mercator is refused
with the fix, before any length is measured. No ``qgis`` imports here, ever.
"""

from __future__ import annotations

import functools
from dataclasses import dataclass

import numpy as np

from ..errors import SundplanError


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
        fields: the attribute read for each role (class, speed, oneway, duration) and the
            roles detected by name (see :mod:`.fields`), for the run report; None if n/a.
        length_m: optional (L,) float64 travel length per line in metres, measured before its
            shape was generalised (the shipped overview network); NaN or None = measure the
            geometry. :func:`build_graph` scales the line's segments to sum to it.
    """

    coords: np.ndarray
    offsets: np.ndarray
    road_class: np.ndarray
    speed_kmh: np.ndarray
    oneway: np.ndarray
    ferry_duration_min: np.ndarray
    crs_wkt: str
    source_name: str
    fields: dict | None = None
    length_m: np.ndarray | None = None

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
        if self.length_m is not None:
            length = np.asarray(self.length_m, dtype=np.float64)
            if len(length) != n:
                raise SundplanError(
                    "Road layer '{layer}': {attribute} has {count} values for {n} lines.",
                    layer=name,
                    attribute="length_m",
                    count=len(length),
                    n=n,
                )
            if np.any(length[np.isfinite(length)] <= 0) or np.any(np.isinf(length)):
                raise SundplanError(
                    "Road layer '{layer}': the length field has values that are not positive "
                    "metres. Leave it empty (NULL) where the geometry's length applies.",
                    layer=name,
                )
        check_projected_metres(self.crs_wkt, name)
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


@dataclass(frozen=True)
class _CrsFacts:
    """What :func:`check_projected_metres` needs to know about a CRS (plain values)."""

    error: str | None  # pyproj's message when the WKT cannot be read
    name: str = ""
    geographic: bool = False
    projected: bool = False
    method: str = ""  # the projection method, lower case ('' when none)
    units: tuple[str, ...] = ()  # units of the first two axes, lower case


@functools.lru_cache(maxsize=32)
def _crs_facts(crs_wkt: str) -> _CrsFacts:
    """Facts of a CRS, built once per WKT: a pyproj CRS costs about 10 ms, and one run checks
    the same network CRS several times (read, cache, graph). Plain values are cached, not the
    pyproj object, so the cache is safe across threads."""
    from pyproj import CRS
    from pyproj.exceptions import CRSError

    try:
        crs = CRS.from_user_input(crs_wkt)
    except CRSError as exc:
        return _CrsFacts(error=str(exc))
    method = ""
    if crs.coordinate_operation is not None:
        method = (crs.coordinate_operation.method_name or "").lower()
    return _CrsFacts(
        error=None,
        name=crs.name,
        geographic=crs.is_geographic,
        projected=crs.is_projected,
        method=method,
        units=tuple((ax.unit_name or "").lower() for ax in crs.axis_info[:2]),
    )


def check_projected_metres(crs_wkt: str, name: str) -> None:
    if not crs_wkt:
        raise SundplanError(
            "Road layer '{layer}' has no coordinate reference system. Assign its CRS, then "
            "reproject it to a projected CRS in metres, e.g. EPSG:25832 (ETRS89 / UTM 32N).",
            layer=name,
        )
    crs = _crs_facts(crs_wkt)
    if crs.error is not None:
        raise SundplanError(
            "Road layer '{layer}' has a CRS that cannot be read ({error}). Reproject it to "
            "EPSG:25832 (ETRS89 / UTM 32N).",
            layer=name,
            error=crs.error,
        )
    if crs.geographic or not crs.projected:
        raise SundplanError(
            "Road layer '{layer}' is in a geographic CRS ({crs}); lengths would be in "
            "degrees. Reproject it to a projected CRS in metres, e.g. EPSG:25832 "
            "(ETRS89 / UTM 32N), and try again.",
            layer=name,
            crs=crs.name,
        )
    if "mercator" in crs.method and "transverse" not in crs.method:
        raise SundplanError(
            "Road layer '{layer}' is in {crs}, a Mercator projection whose lengths are "
            "about 1.8 times too long in Denmark. Reproject it to EPSG:25832 "
            "(ETRS89 / UTM 32N).",
            layer=name,
            crs=crs.name,
        )
    units = set(crs.units)
    if not units <= {"metre", "meter", "m"}:
        raise SundplanError(
            "Road layer '{layer}' is in a projected CRS with units {units} "
            "({crs}), not metres. Reproject it to e.g. EPSG:25832 (ETRS89 / UTM 32N).",
            layer=name,
            units=sorted(units),
            crs=crs.name,
        )
