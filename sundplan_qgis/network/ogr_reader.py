"""Read any OGR line layer (GeoPackage, shapefile, ...) in bulk into :class:`RoadLines`."""

from __future__ import annotations

import math
from collections.abc import Mapping
from pathlib import Path
from typing import Any

import numpy as np

from .. import _compat
from ..errors import SundplanError, msg
from ._wkb import decode_wkb_lines
from .fields import find_field, read_oneway, resolve_fields
from .lines import RoadLines, check_projected_metres
from .speeds import (
    check_speeds,
    parse_duration_min,
    parse_unique,
    speeds_from_values,
)


def read_lines_ogr(
    path: str | Path,
    *,
    layer: str | int | None = None,
    speed_field: str | None = None,
    oneway_field: str | None = None,
    class_field: str | None = None,
    duration_field: str | None = None,
    length_field: str | None = None,
    where: str | None = None,
    detect_fields: bool = True,
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
        length_field: travel length of each line in metres, measured before its shape was
            generalised (NULL/NaN = the geometry's length); only for single-part lines, as
            the length belongs to the feature.
        where: an OGR SQL attribute filter, e.g. ``"class <> 'track'"``.
        detect_fields: for the roles given no field, use the usual names (``highway``,
            ``class``, ``fclass``, ``maxspeed``, ``oneway``...; see :mod:`.fields`).
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
    fields = resolve_fields(
        names,
        layer=source_name,
        speed_field=speed_field,
        oneway_field=oneway_field,
        class_field=class_field,
        duration_field=duration_field,
        detect=detect_fields,
    )
    f_speed, f_oneway = fields.speed, fields.oneway
    f_class, f_dur = fields.road_class, fields.duration
    f_len = (
        find_field(names, length_field, role="length", layer=source_name) if length_field else None
    )
    wanted = {f for f in (f_speed, f_oneway, f_class, f_dur, f_len) if f}
    srs = lyr.GetSpatialRef()
    crs_wkt = srs.ExportToWkt() if srs is not None else ""
    if crs_wkt:
        check_projected_metres(crs_wkt, source_name)

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
                coords, lengths, src, bad = decode_wkb_lines(wkbs)
                if bad:
                    fids = batch.get("fid", batch.get("OGC_FID"))
                    bad_fids.extend(fids[b] if fids is not None else b for b in bad[:5])
                if f_len and len(np.unique(src)) < len(src):
                    raise SundplanError(
                        "Road layer '{layer}': the length field belongs to whole features, "
                        "but some features are multi-part lines. Split them first "
                        "(Processing 'Multipart to singleparts').",
                        layer=source_name,
                    )
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
        if "speed" in fields.detected:  # a detected maxspeed: 0 means unknown (Geofabrik)
            speed[speed == 0] = np.nan
        check_speeds(
            speed,
            np.concatenate(line_fids) if line_fids else None,
            layer=source_name,
            field=f_speed,
        )
    else:
        speed = np.full(n, np.nan)
    oneway = read_oneway(col(f_oneway)) if f_oneway else np.zeros(n, dtype=np.int8)
    if f_dur:
        c = col(f_dur)
        if np.asarray(c).dtype.kind in "fiub":
            dur = _compat.column_to_float(c)
            dur[~(dur > 0)] = np.nan
        else:
            dur = parse_unique(_compat.column_to_str(c), parse_duration_min)
        dur[road_class != "ferry"] = np.nan
    else:
        dur = np.full(n, np.nan)
    length_m = None
    if f_len:
        length_m = _compat.column_to_float(col(f_len)).astype(np.float64)
    lines = RoadLines(
        coords=coords.astype(np.float64, copy=False),
        offsets=offsets,
        road_class=road_class,
        speed_kmh=speed.astype(np.float64),
        oneway=oneway.astype(np.int8),
        ferry_duration_min=dur.astype(np.float64),
        crs_wkt=crs_wkt,
        source_name=source_name,
        fields={**fields.as_report(), "found": names},
        length_m=length_m,
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
