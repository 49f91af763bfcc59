"""The only place with calls that differ between library generations.

Supported: Debian 12 (numpy 1.24, GDAL 3.6, pyosmium 3.6, osmnx 1.2) and Debian 13
(numpy 2.2, GDAL 3.10, pyosmium 4.0, osmnx 2.0). Everything here is small and tested in
``tests/core/test_compat.py``.
"""

from __future__ import annotations

import contextlib
from collections.abc import Iterator
from typing import Any

import numpy as np

__all__ = [
    "gdal_exceptions",
    "ogr_arrow_batches",
    "column_to_str",
    "column_to_float",
    "wkb_column_to_list",
    "unique_inverse",
    "pyosmium_version",
    "osm_apply_file",
    "osm_wkb_factory",
    "osmnx_graph_from_xml",
]


# --------------------------------------------------------------------------- numpy


def unique_inverse(values: np.ndarray) -> tuple[np.ndarray, np.ndarray]:
    """``np.unique(values, return_inverse=True)`` with a 1-D inverse on numpy 1 and 2.

    numpy 2.0.0 returned the inverse in the input's shape (reverted in 2.0.1); ravel always.
    """
    uniq, inv = np.unique(values, return_inverse=True)
    return uniq, np.asarray(inv).ravel()


# --------------------------------------------------------------------------- GDAL / OGR


@contextlib.contextmanager
def gdal_exceptions() -> Iterator[None]:
    """Run a block with GDAL/OGR exceptions on, restoring the process-wide state afterwards.

    QGIS shares the GDAL module state with plugins, so never flip it permanently.
    GDAL >= 3.7 has ``ExceptionMgr``; 3.6 needs the per-module Use/DontUse calls.
    """
    from osgeo import gdal, ogr

    if hasattr(gdal, "ExceptionMgr"):
        ogr_mgr = getattr(ogr, "ExceptionMgr", None)
        with gdal.ExceptionMgr(useExceptions=True):
            if ogr_mgr is None:
                yield
            else:
                with ogr_mgr(useExceptions=True):
                    yield
        return
    prev_gdal = gdal.GetUseExceptions()
    prev_ogr = ogr.GetUseExceptions()
    gdal.UseExceptions()
    ogr.UseExceptions()
    try:
        yield
    finally:
        # GDAL keeps a stack of error handlers: undo in reverse order
        if not prev_ogr:
            ogr.DontUseExceptions()
        if not prev_gdal:
            gdal.DontUseExceptions()


def ogr_arrow_batches(layer: Any, *, batch_size: int = 65536) -> Iterator[dict[str, Any]]:
    """Yield record batches of an ``ogr.Layer`` as ``{column: numpy array}`` dicts.

    Uses ``Layer.GetArrowStreamAsNumPy`` (GDAL >= 3.6). Columns with nulls come as
    ``numpy.ma.MaskedArray``; the geometry column holds WKB ``bytes`` objects (ISO WKB).
    """
    if not hasattr(layer, "GetArrowStreamAsNumPy"):
        raise RuntimeError("GDAL >= 3.6 is needed (Layer.GetArrowStreamAsNumPy)")
    options = ["USE_MASKED_ARRAYS=YES", f"MAX_FEATURES_IN_BATCH={int(batch_size)}"]
    stream = layer.GetArrowStreamAsNumPy(options=options)
    try:
        yield from stream
    finally:
        del stream


def column_to_str(values: Any) -> np.ndarray:
    """An Arrow/numpy text column (bytes ``|S``, str ``<U``, object, masked) as object str.

    Nulls become ``''``. GDAL 3.6 gives fixed-width bytes; later versions may give objects.
    """
    mask = np.ma.getmaskarray(values) if np.ma.isMaskedArray(values) else None
    arr = np.ma.getdata(values) if mask is not None else np.asarray(values)
    if arr.dtype.kind == "S":
        out = np.char.decode(arr, "utf-8", errors="replace").astype(object)
    elif arr.dtype.kind == "U":
        out = arr.astype(object)
    elif arr.dtype.kind == "O":
        out = np.array(
            [
                ""
                if v is None
                else (v.decode("utf-8", "replace") if isinstance(v, bytes | bytearray) else str(v))
                for v in arr
            ],
            dtype=object,
        )
    elif arr.dtype.kind == "f":
        # integral floats print as '1', not '1.0', so '1' / '-1' tests still match
        out = np.array(
            ["" if not np.isfinite(v) else (f"{v:g}") for v in arr.tolist()], dtype=object
        )
    else:
        out = arr.astype(str).astype(object)
    if mask is not None and mask.any():
        out[mask] = ""
    return out


def wkb_column_to_list(values: Any) -> list[bytes | None]:
    """The geometry column of an Arrow batch as a list of WKB ``bytes`` (None for nulls).

    GDAL 3.6 gives an object array of bytes, but a fixed-width void array (``|V41``) when
    every WKB in the batch has the same size; nulls may come masked or as None.
    """
    mask = np.ma.getmaskarray(values) if np.ma.isMaskedArray(values) else None
    arr = np.ma.getdata(values) if mask is not None else np.asarray(values)
    if arr.dtype.kind == "V":
        out: list[bytes | None] = [x.tobytes() for x in arr]
    else:
        out = [None if v is None else bytes(v) for v in arr]
    if mask is not None and mask.any():
        for i in np.flatnonzero(mask):
            out[i] = None
    return out


def column_to_float(values: Any) -> np.ndarray:
    """A numeric Arrow/numpy column as float64, nulls (masked) as NaN."""
    if np.ma.isMaskedArray(values):
        return np.ma.filled(values.astype(np.float64), np.nan)
    return np.asarray(values, dtype=np.float64)


# --------------------------------------------------------------------------- pyosmium


def pyosmium_version() -> tuple[int, ...]:
    """pyosmium release as a tuple of ints, e.g. (3, 6, 0) or (4, 0, 2)."""
    import osmium.version

    return tuple(int(p) for p in osmium.version.pyosmium_release.split(".")[:3] if p.isdigit())


def osm_apply_file(handler: Any, path: str, *, idx: str = "flex_mem") -> None:
    """Stream an OSM file through a ``SimpleHandler`` with node locations on ways.

    ``apply_file(path, locations=True, idx=...)`` is in pyosmium 3 and kept in 4.
    'flex_mem' switches from a sparse to a dense index for country-size files.
    """
    handler.apply_file(str(path), locations=True, idx=idx)


def osm_wkb_factory() -> Any:
    """A pyosmium geometry factory whose ``create_linestring(way)`` returns hex WKB (lon/lat)."""
    import osmium.geom

    return osmium.geom.WKBFactory()


# --------------------------------------------------------------------------- osmnx


def osmnx_graph_from_xml(path: str, *, simplify: bool = False, retain_all: bool = True) -> Any:
    """``osmnx.graph_from_xml`` (offline), the same keywords in osmnx 1.2 and 2.0."""
    import osmnx

    return osmnx.graph_from_xml(str(path), simplify=simplify, retain_all=retain_all)


# --------------------------------------------------------------------------- shapely


def points_in_polygon(geom: Any, x: np.ndarray, y: np.ndarray) -> np.ndarray:
    """Boolean mask of points (x, y) inside ``geom`` (boundary counts as outside).

    shapely 2 has ``contains_xy``; shapely 1.8 has ``shapely.vectorized.contains``.
    """
    import shapely

    if hasattr(shapely, "contains_xy"):
        return np.asarray(shapely.contains_xy(geom, x, y), dtype=bool)
    from shapely import vectorized  # shapely < 2

    return np.asarray(vectorized.contains(geom, x, y), dtype=bool)
