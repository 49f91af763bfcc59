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
    if arr.dtype.kind == "V":  # slicing one buffer: about twice as fast as x.tobytes() each
        size = arr.dtype.itemsize
        raw = arr.tobytes()
        out: list[bytes | None] = [raw[i : i + size] for i in range(0, len(raw), size)]
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


# --------------------------------------------------------------------------- pyproj

__all__ += ["pyproj_transform_xy"]


def pyproj_transform_xy(transformer: Any, x: Any, y: Any) -> tuple[np.ndarray, np.ndarray]:
    """``transformer.transform(x, y)`` for coordinate arrays, returned as float64 arrays.

    pyproj >= 3.5 first tries a scalar fast path that calls ``float()`` on its inputs; for a
    one-element array numpy >= 1.25 warns (DeprecationWarning, an error in later numpy), so
    a single point goes through the scalar call explicitly. Empty and longer arrays as is.
    """
    xa = np.asarray(x, dtype=np.float64)
    ya = np.asarray(y, dtype=np.float64)
    if xa.size == 1 and ya.size == 1:
        xs, ys = transformer.transform(float(xa.reshape(-1)[0]), float(ya.reshape(-1)[0]))
        return np.full(xa.shape, xs, dtype=np.float64), np.full(ya.shape, ys, dtype=np.float64)
    xt, yt = transformer.transform(xa, ya)
    return np.asarray(xt, dtype=np.float64), np.asarray(yt, dtype=np.float64)


# --------------------------------------------------------------------------- osmnx download
# (used by ``osm_download.py``) osmnx 1.2 calls the Overpass base URL ``overpass_endpoint``
# and the HTTP timeout ``timeout``; osmnx 2.0 calls them ``overpass_url`` and
# ``requests_timeout``. Both keep ``use_cache``, ``cache_folder``, ``overpass_rate_limit``,
# ``useful_tags_way`` and ``graph_from_polygon(polygon, network_type=, simplify=,
# retain_all=, truncate_by_edge=, custom_filter=)``.

import threading  # noqa: E402

__all__ += [
    "OverpassUnreachable",
    "OverpassFailed",
    "osmnx_overpass_endpoint",
    "set_osmnx_overpass_endpoint",
    "osmnx_overpass_session",
    "osmnx_graph_from_polygon",
]

_OSMNX_LOCK = threading.RLock()


class OverpassUnreachable(RuntimeError):
    """The Overpass server could not be reached (no internet, DNS, refused, timed out)."""


class OverpassFailed(RuntimeError):
    """The Overpass server answered with an error (HTTP status, not JSON)."""


def _osmnx_settings() -> Any:
    import osmnx

    return osmnx.settings


def _osmnx_endpoint_key(settings: Any) -> str:
    return "overpass_url" if hasattr(settings, "overpass_url") else "overpass_endpoint"


def osmnx_overpass_endpoint() -> str:
    """The Overpass base URL osmnx uses (e.g. ``https://overpass-api.de/api``)."""
    s = _osmnx_settings()
    return str(getattr(s, _osmnx_endpoint_key(s)))


def set_osmnx_overpass_endpoint(url: str) -> str:
    """Point osmnx at another Overpass base URL (without ``/interpreter``); returns the old one."""
    s = _osmnx_settings()
    key = _osmnx_endpoint_key(s)
    old = str(getattr(s, key))
    setattr(s, key, str(url).rstrip("/"))
    return old


def _overpass_pause_hook() -> tuple[Any, str] | None:
    """(module, attribute) of osmnx's "ask /status how long to wait" function, if known."""
    import importlib

    for mod_name, attr in (
        ("osmnx._overpass", "_get_overpass_pause"),
        ("osmnx.downloader", "_get_pause"),
    ):
        try:
            mod = importlib.import_module(mod_name)
        except ImportError:
            continue
        if callable(getattr(mod, attr, None)):
            return mod, attr
    return None


@contextlib.contextmanager
def osmnx_overpass_session(
    *, cache_dir: str, extra_way_tags: tuple[str, ...] = (), connect_timeout_s: float = 15.0
) -> Iterator[None]:
    """Run osmnx downloads with the HTTP cache in ``cache_dir``, restoring osmnx's settings.

    * ``use_cache`` on, ``cache_folder`` = ``cache_dir``; ``extra_way_tags`` are added to
      ``useful_tags_way`` (e.g. ``route``, ``duration``).
    * Fail fast: before osmnx asks ``/status`` (only on a cache miss), a short GET checks
      the server is reachable and raises :class:`OverpassUnreachable` otherwise (osmnx
      would sleep 60 s and then try anyway).
    * Offline with a warm cache: osmnx resolves the host name before looking in the cache;
      a failed DNS lookup falls back to the host name (osmnx 1.2 would try DNS-over-HTTPS
      at Google and fail; osmnx 2.0: ``doh_url_template=None``).
    * osmnx replaces ``socket.getaddrinfo`` process-wide (its ``_config_dns``): restored after.
    """
    import socket

    import requests

    with _OSMNX_LOCK:
        s = _osmnx_settings()
        names = ["use_cache", "cache_folder", "useful_tags_way", "log_console"]
        if hasattr(s, "doh_url_template"):
            names.append("doh_url_template")
        saved = {n: getattr(s, n) for n in names if hasattr(s, n)}
        saved_getaddrinfo = socket.getaddrinfo
        patches: list[tuple[Any, str, Any]] = []
        try:
            s.use_cache = True
            s.cache_folder = str(cache_dir)
            s.log_console = False
            s.useful_tags_way = list(s.useful_tags_way) + [
                t for t in extra_way_tags if t not in s.useful_tags_way
            ]
            if hasattr(s, "doh_url_template"):
                s.doh_url_template = None
            hook = _overpass_pause_hook()
            if hook is not None:
                mod, attr = hook
                original = getattr(mod, attr)

                def _checked_pause(base_endpoint: str, *args: Any, **kwargs: Any) -> Any:
                    url = str(base_endpoint).rstrip("/") + "/status"
                    try:
                        requests.get(url, timeout=connect_timeout_s, **s.requests_kwargs)
                    except requests.RequestException as exc:
                        raise OverpassUnreachable(f"{url}: {exc}") from exc
                    return original(base_endpoint, *args, **kwargs)

                patches.append((mod, attr, original))
                setattr(mod, attr, _checked_pause)
            try:
                import osmnx.downloader as _dl  # osmnx 1.2: DNS-over-HTTPS fallback at Google
            except ImportError:
                _dl = None
            if _dl is not None and callable(getattr(_dl, "_get_host_by_name", None)):
                orig_host = _dl._get_host_by_name

                def _host_by_name(host: str) -> Any:
                    try:
                        return orig_host(host)
                    except requests.RequestException:
                        return [host]

                patches.append((_dl, "_get_host_by_name", orig_host))
                _dl._get_host_by_name = _host_by_name
            yield
        finally:
            for mod, attr, original in reversed(patches):
                setattr(mod, attr, original)
            for n, v in saved.items():
                setattr(s, n, v)
            socket.getaddrinfo = saved_getaddrinfo


def osmnx_graph_from_polygon(
    polygon: Any, *, network_type: str | None = None, custom_filter: str | None = None
) -> Any:
    """``osmnx.graph_from_polygon`` unsimplified, keeping islands and edges crossing the edge.

    Returns the ``MultiDiGraph``, or None when OSM has nothing there (osmnx 1.2:
    ``EmptyOverpassResponse`` / ValueError "no graph nodes"; 2.0: ``InsufficientResponseError``).
    Raises :class:`OverpassUnreachable` / :class:`OverpassFailed` for network and server errors.
    """
    import osmnx
    import requests

    errors_mod = getattr(osmnx, "_errors", None)
    empty_types = tuple(
        t
        for t in (
            getattr(errors_mod, "EmptyOverpassResponse", None),
            getattr(errors_mod, "InsufficientResponseError", None),
        )
        if isinstance(t, type)
    )
    status_error = getattr(errors_mod, "ResponseStatusCodeError", None)
    kwargs: dict[str, Any] = {"simplify": False, "retain_all": True, "truncate_by_edge": True}
    if custom_filter is not None:
        kwargs["custom_filter"] = custom_filter
    if network_type is not None:
        kwargs["network_type"] = network_type
    try:
        return osmnx.graph_from_polygon(polygon, **kwargs)
    except OverpassUnreachable:
        raise
    except requests.RequestException as exc:
        if isinstance(exc, requests.ConnectionError | requests.Timeout):
            raise OverpassUnreachable(str(exc)) from exc
        raise OverpassFailed(str(exc)) from exc
    except Exception as exc:
        if empty_types and isinstance(exc, empty_types):
            return None
        msg = str(exc)
        if isinstance(exc, ValueError) and "no graph nodes" in msg.lower():
            return None
        if (isinstance(status_error, type) and isinstance(exc, status_error)) or (
            msg.startswith("Server returned")
        ):
            raise OverpassFailed(msg.strip().splitlines()[0] if msg.strip() else msg) from exc
        raise
