"""Population inputs, output grids, GeoTIFF writing and polygonising.

Population arrives either as a raster (every populated cell becomes a location at its
cell centre, so population is conserved exactly, whatever the raster's CRS) or as points
with a population value. Rasters are never resampled: cell centres are transformed into
the network's CRS instead.
"""

from __future__ import annotations

import contextlib
import functools
import os
import tempfile
from collections.abc import Callable, Sequence
from dataclasses import dataclass, field
from pathlib import Path

import numpy as np
import rasterio
import rasterio.features
from affine import Affine
from pyproj import CRS, Transformer

from . import _compat
from .errors import SundplanError, msg

Progress = Callable[[float, str], None]

NODATA_MIN = -9999.0
"""Nodata value of travel-time rasters (minutes)."""


@dataclass(frozen=True)
class Grid:
    """A north-up raster grid: ``transform`` maps (col, row) to map coordinates."""

    transform: Affine
    width: int
    height: int
    crs_wkt: str

    @property
    def cell_size_m(self) -> float:
        return float(abs(self.transform.a))

    @property
    def n_cells(self) -> int:
        return self.width * self.height

    def centres(self, flat_index: np.ndarray | None = None) -> np.ndarray:
        """Map coordinates (n, 2) of the centres of cells given by row-major flat index."""
        if flat_index is None:
            flat_index = np.arange(self.n_cells, dtype=np.int64)
        rows, cols = np.divmod(flat_index, self.width)
        t = self.transform
        x = t.c + (cols + 0.5) * t.a + (rows + 0.5) * t.b
        y = t.f + (cols + 0.5) * t.d + (rows + 0.5) * t.e
        return np.column_stack([x, y])

    def bounds(self) -> tuple[float, float, float, float]:
        t = self.transform
        xs = [t.c, t.c + self.width * t.a]
        ys = [t.f, t.f + self.height * t.e]
        return min(xs), min(ys), max(xs), max(ys)


def grid_for_bounds(
    bounds: tuple[float, float, float, float], *, cell_size_m: float, crs_wkt: str
) -> Grid:
    """A grid of ``cell_size_m`` cells covering ``bounds`` (xmin, ymin, xmax, ymax), snapped
    to multiples of the cell size so grids of different runs line up."""
    if not cell_size_m > 0:
        raise SundplanError(
            "The raster cell size must be positive (got {cell_size_m} m).", cell_size_m=cell_size_m
        )
    xmin, ymin, xmax, ymax = bounds
    x0 = np.floor(xmin / cell_size_m) * cell_size_m
    y1 = np.ceil(ymax / cell_size_m) * cell_size_m
    width = max(1, int(np.ceil((xmax - x0) / cell_size_m)))
    height = max(1, int(np.ceil((y1 - ymin) / cell_size_m)))
    if width * height > 200_000_000:
        raise SundplanError(
            "The output raster would have {width} × {height} cells at {cell_size_m} m; "
            "choose a larger cell size.",
            width=width,
            height=height,
            cell_size_m=cell_size_m,
        )
    return Grid(Affine(cell_size_m, 0, x0, 0, -cell_size_m, y1), width, height, crs_wkt)


@dataclass
class Population:
    """Population locations: where people live and how many.

    ``xy`` is in the CRS ``crs_wkt`` (the source's own CRS). For raster input ``grid`` and
    ``flat_index`` (row-major cell index of each location) are set.
    """

    xy: np.ndarray
    population: np.ndarray
    crs_wkt: str
    source_name: str
    kind: str
    grid: Grid | None = None
    flat_index: np.ndarray | None = None
    feature_ids: np.ndarray | None = None
    # How polygons were placed, for the run report (None: not polygons placed along roads).
    allocation: dict | None = None
    warnings: list = field(default_factory=list)  # errors.Message for the log

    @property
    def total(self) -> float:
        return float(self.population.sum())


def read_population_raster(
    path: str | os.PathLike, *, band: int = 1, progress: Progress | None = None
) -> Population:
    """Read a population raster: every cell with a value > 0 is one location at its centre.

    Nodata and NaN cells count as zero people. Negative values are an error. The raster is
    read in strips of whole rows (a multiple of its block height), keeping only the populated
    cells, so memory grows with the populated cells, not the raster. ``progress(fraction,
    message)`` is called after every strip (it may raise to cancel).
    """
    name = Path(path).name
    try:
        with (
            leave_no_sidecar(path),
            rasterio.Env(GDAL_CACHEMAX=_CACHE_MB),
            rasterio.open(path) as src,
        ):
            if src.crs is None:
                raise SundplanError(
                    "The population raster '{raster}' has no CRS. Assign its CRS (for Danish "
                    "grids usually EPSG:25832) in the layer properties or with gdal_edit.py -a_srs.",
                    raster=name,
                )
            grid = Grid(src.transform, src.width, src.height, src.crs.to_wkt())
            if abs(src.transform.b) > 0 or abs(src.transform.d) > 0:
                raise SundplanError(
                    "The population raster '{raster}' is rotated; warp it to a north-up grid first.",
                    raster=name,
                )
            flat, values, negative = _read_populated_cells(src, band, grid, name, progress)
    except rasterio.errors.RasterioIOError as exc:
        raise SundplanError(
            "Cannot read the population raster '{path}': {error}", path=path, error=str(exc)
        ) from exc
    if negative is not None:
        count, first, value = negative
        r, c = divmod(first, grid.width)
        raise SundplanError(
            "The population raster '{raster}' has {count} cells with negative values "
            "(first at row {row}, column {column}: {value}). Population must be ≥ 0; "
            "set those cells to 0 or nodata.",
            raster=name,
            count=count,
            row=r,
            column=c,
            value=value,
        )
    return Population(
        xy=grid.centres(flat),
        population=values,
        crs_wkt=grid.crs_wkt,
        source_name=name,
        kind=msg("raster cells (cell centre)"),
        grid=grid,
        flat_index=flat,
    )


@contextlib.contextmanager
def leave_no_sidecar(path: str | os.PathLike):
    """Read a raster without leaving a new GDAL ``.aux.xml`` beside the user's file (GDAL
    writes one when it computes anything it keeps; the input must stay as it was). PAM stays
    on while reading, so a CRS or nodata kept in an existing side-car is still honoured."""
    sidecar = Path(str(path) + ".aux.xml")
    existed = sidecar.exists()
    try:
        yield
    finally:
        if not existed and sidecar.exists():
            sidecar.unlink(missing_ok=True)


STRIP_CELLS = 4_000_000
"""About how many cells one strip of a raster holds when it is read or written by windows."""


def _strip_rows(src, band: int) -> tuple[int, int]:
    """(rows, columns) of the windows a raster is read in: multiples of its block size (each
    block decompressed once) holding about :data:`STRIP_CELLS` cells, at least one block."""
    block_h, block_w = (max(1, int(v)) for v in src.block_shapes[band - 1])
    rows = max(block_h, max(1, STRIP_CELLS // max(1, src.width)) // block_h * block_h)
    rows = min(rows, max(block_h, 1024 // block_h * block_h))
    cols = max(block_w, STRIP_CELLS // rows // block_w * block_w)
    return rows, min(cols, src.width)


def _read_populated_cells(src, band: int, grid: Grid, name: str, progress: Progress | None):
    """(row-major flat indices, values) of the cells > 0, and (count, first flat index, value)
    of negative cells or None. Strips of rows are read in order (each in windows of columns)
    and sorted, so the cells and the first negative cell come in row-major order, exactly as
    when the whole band is read at once."""
    from rasterio.windows import Window

    rows, cols = _strip_rows(src, band)
    flats: list[np.ndarray] = []
    vals: list[np.ndarray] = []
    n_neg, first_neg, first_value = 0, -1, 0.0
    text = msg("Reading the population raster '{raster}'", raster=name)
    for row0 in range(0, grid.height, rows):
        if progress is not None:
            progress(row0 / grid.height, text)
        h = min(rows, grid.height - row0)
        strip_flat: list[np.ndarray] = []
        strip_vals: list[np.ndarray] = []
        strip_neg: list[tuple[int, float]] = []
        for col0 in range(0, grid.width, cols):
            w = min(cols, grid.width - col0)
            data = _read_window(src, band, Window(col0, row0, w, h))
            r, c = np.divmod(np.flatnonzero(data < 0), w)
            if r.size:
                first = (row0 + r[0]) * grid.width + col0 + c[0]  # first of this window
                strip_neg.append((int(first), data[r[0], c[0]]))
                n_neg += int(r.size)
            r, c = np.divmod(np.flatnonzero(data > 0), w)
            strip_flat.append((row0 + r) * grid.width + col0 + c)
            strip_vals.append(data[r, c])
            del data
        if strip_neg and first_neg < 0:
            first_neg, first_value = min(strip_neg, key=lambda fv: fv[0])
        flat = np.concatenate(strip_flat).astype(np.int64)
        order = np.argsort(flat, kind="stable")
        flats.append(flat[order])
        vals.append(np.concatenate(strip_vals)[order])
    if progress is not None:
        progress(1.0, text)
    flat = np.concatenate(flats) if flats else np.zeros(0, dtype=np.int64)
    values = np.concatenate(vals) if vals else np.zeros(0, dtype="float64")
    negative = (n_neg, first_neg, first_value) if n_neg else None
    return flat, values, negative


def _read_window(src, band: int, window) -> np.ndarray:
    """One window as float64 with nodata, masked and NaN cells 0 (as a masked read, filled)."""
    from rasterio.enums import MaskFlags

    flags = set(src.mask_flag_enums[band - 1])
    nodata = src.nodatavals[band - 1]
    if flags <= {MaskFlags.all_valid, MaskFlags.nodata}:
        # Only a nodata value (or nothing) masks cells: compare in the band's own type,
        # as GDAL's nodata mask does, instead of building a masked array of every cell.
        raw = src.read(band, window=window)
        data = raw.astype("float64")
        if nodata is not None and not np.isnan(nodata):
            try:
                same = np.array(nodata).astype(raw.dtype) == nodata
            except (OverflowError, ValueError):
                same = False
            if same:
                data[raw == np.array(nodata).astype(raw.dtype)] = 0.0
                data[~np.isfinite(data)] = 0.0
                return data
        else:
            data[~np.isfinite(data)] = 0.0
            return data
    data = src.read(band, window=window, masked=True).astype("float64").filled(0.0)
    data[~np.isfinite(data)] = 0.0
    return data


def population_from_points(
    *,
    xy: np.ndarray,
    population: Sequence[float | None] | np.ndarray,
    crs_wkt: str,
    source_name: str,
    feature_ids: np.ndarray | None = None,
    kind: str = "points",
) -> Population:
    """Population at points. NULL (None/NaN) or negative values are errors naming the feature."""
    xy = np.asarray(xy, dtype="float64").reshape(-1, 2)
    pop = np.array([np.nan if v is None else v for v in population], dtype="float64")
    ids = np.arange(len(pop)) if feature_ids is None else np.asarray(feature_ids)
    bad = np.flatnonzero(~np.isfinite(pop))
    if bad.size:
        raise SundplanError(
            "The population layer '{layer}' has {count} features with a NULL or non-numeric "
            "population (first: feature id {fid}). Fill them in with numbers (0 if nobody "
            "lives there) or filter them out.",
            layer=source_name,
            count=bad.size,
            fid=ids[bad[0]],
        )
    neg = np.flatnonzero(pop < 0)
    if neg.size:
        raise SundplanError(
            "The population layer '{layer}' has {count} features with a negative "
            "population (first: feature id {fid}, value {value}). "
            "Population must be ≥ 0.",
            layer=source_name,
            count=neg.size,
            fid=ids[neg[0]],
            value=pop[neg[0]],
        )
    bad_xy = np.flatnonzero(~np.isfinite(xy).all(axis=1))
    if bad_xy.size:
        raise SundplanError(
            "The population layer '{layer}' has {count} features without a "
            "geometry (first: feature id {fid}). Repair or remove them.",
            layer=source_name,
            count=bad_xy.size,
            fid=ids[bad_xy[0]],
        )
    return Population(xy, pop, crs_wkt, source_name, kind, feature_ids=ids)


@functools.lru_cache(maxsize=32)
def crs_from_wkt(wkt: str) -> CRS:
    """A pyproj CRS per WKT string, built once (building one costs milliseconds)."""
    return CRS.from_wkt(wkt)


@functools.lru_cache(maxsize=32)
def same_crs(a_wkt: str, b_wkt: str) -> bool:
    """True when two WKT strings describe the same CRS (axis order ignored)."""
    return a_wkt == b_wkt or crs_from_wkt(a_wkt).equals(crs_from_wkt(b_wkt), ignore_axis_order=True)


@functools.lru_cache(maxsize=32)
def _transformer(src_wkt: str, dst_wkt: str) -> Transformer:
    return Transformer.from_crs(crs_from_wkt(src_wkt), crs_from_wkt(dst_wkt), always_xy=True)


def transform_xy(xy: np.ndarray, *, src_wkt: str, dst_wkt: str) -> np.ndarray:
    """Transform (n, 2) coordinates between CRSs (vectorised; no-op when they are equal)."""
    if same_crs(src_wkt, dst_wkt):
        return xy
    x, y = _compat.pyproj_transform_xy(_transformer(src_wkt, dst_wkt), xy[:, 0], xy[:, 1])
    return np.column_stack([x, y])


def write_geotiff(
    path: str | os.PathLike,
    values: np.ndarray,
    grid: Grid,
    *,
    nodata: float = NODATA_MIN,
    tags: dict[str, str] | None = None,
    description: str = "",
    cells: np.ndarray | None = None,
) -> None:
    """Write a single-band float32 GeoTIFF atomically (temp file, then rename).

    ``values`` holds every cell of ``grid`` (row-major), or with ``cells`` (sorted flat
    indices, see :func:`surface_cells`) the values of those cells only: then the file is
    written window by window (tiled, compressed) and every other cell is ``nodata``, so
    memory follows the cells, not the grid.
    NaN values are written as ``nodata``.
    """
    path = Path(path)
    path.parent.mkdir(parents=True, exist_ok=True)
    fd, tmp = tempfile.mkstemp(suffix=".tif", dir=path.parent)
    os.close(fd)
    try:
        profile = {
            "driver": "GTiff",
            "width": grid.width,
            "height": grid.height,
            "count": 1,
            "dtype": "float32",
            "crs": crs_from_wkt(grid.crs_wkt).to_wkt(),
            "transform": grid.transform,
            "nodata": nodata,
            "compress": "deflate",
            "tiled": grid.width >= 256 and grid.height >= 256,
        }
        if cells is not None:
            profile.update(tiled=True, blockxsize=_TILE, blockysize=_TILE)
        with rasterio.Env(GDAL_CACHEMAX=_CACHE_MB), rasterio.open(tmp, "w", **profile) as dst:
            if cells is None:
                _write_strips(dst, values.reshape(grid.height, grid.width), nodata)
            else:
                _write_cells(dst, np.asarray(values), grid, cells, nodata)
            if tags:
                dst.update_tags(**tags)
            if description:
                dst.set_band_description(1, description)
        umask = os.umask(0)
        os.umask(umask)
        os.chmod(tmp, 0o666 & ~umask)  # mkstemp creates 0600; give the usual file mode
        os.replace(tmp, path)
    except BaseException:
        if os.path.exists(tmp):
            os.remove(tmp)
        raise


def polygonize(
    labels: np.ndarray, grid: Grid, *, cells: np.ndarray | None = None
) -> dict[int, list]:
    """Polygons of equal-label regions of a (height, width) int32 array; labels < 0 are skipped.

    With ``cells`` (sorted flat indices, see :func:`surface_cells`), ``labels`` holds the
    labels of those cells only and all other cells are unlabelled: the cells are polygonised
    window by window and the parts of a label that meet across windows are merged.

    Returns {label: [polygons]} in the grid's CRS: GeoJSON-like dicts as rasterio gives
    them, and shapely Polygons where parts from different windows were merged (turning those
    back into dicts only for the caller to turn them into shapely again cost more than the
    merge).
    """
    out: dict[int, list] = {}
    if cells is None:
        labels = labels.reshape(grid.height, grid.width).astype("int32", copy=False)
        for geom, value in rasterio.features.shapes(
            labels, mask=labels >= 0, transform=grid.transform
        ):
            out.setdefault(int(value), []).append(geom)
        return out
    labels = np.asarray(labels).astype("int32", copy=False)
    rows, cols = np.divmod(np.asarray(cells, dtype=np.int64), grid.width)
    size = _WINDOW
    edge_parts: dict[int, list] = {}
    t = grid.transform
    for (r0, c0, h, w), sel in cell_windows(grid, cells, size=size):
        arr = np.full((h, w), -1, dtype="int32")
        arr[rows[sel] - r0, cols[sel] - c0] = labels[sel]
        transform = t * Affine.translation(c0, r0)
        # The window's own edges (aligned to ``size``), shrunk by half a cell: only parts
        # reaching them can touch parts of a neighbouring window and need merging.
        wr0, wc0 = r0 // size * size, c0 // size * size
        wr1, wc1 = min(wr0 + size, grid.height), min(wc0 + size, grid.width)
        xs = sorted((t.c + (wc0 + 0.5) * t.a, t.c + (wc1 - 0.5) * t.a))
        ys = sorted((t.f + (wr0 + 0.5) * t.e, t.f + (wr1 - 0.5) * t.e))
        for geom, value in rasterio.features.shapes(arr, mask=arr >= 0, transform=transform):
            ring = np.asarray(geom["coordinates"][0], dtype="float64")
            lo, hi = ring.min(axis=0), ring.max(axis=0)
            at_edge = lo[0] < xs[0] or hi[0] > xs[1] or lo[1] < ys[0] or hi[1] > ys[1]
            (edge_parts if at_edge else out).setdefault(int(value), []).append(geom)
    for label, parts in edge_parts.items():
        out.setdefault(label, []).extend(_merged(parts) if len(parts) > 1 else parts)
    return out


def _merged(parts: list) -> list:
    """GeoJSON polygons merged where they touch (parts of one label from different windows),
    as shapely Polygons."""
    from shapely.geometry import shape
    from shapely.ops import unary_union

    union = unary_union([shape(g) for g in parts])
    polys = list(union.geoms) if hasattr(union, "geoms") else [union]
    return [p for p in polys if p.geom_type == "Polygon" and not p.is_empty]


def rasterize_areas(geometries: Sequence, grid: Grid) -> np.ndarray:
    """Area index (0..n-1) of every grid cell by cell centre, -1 outside all areas (flat)."""
    shapes = ((g, i) for i, g in enumerate(geometries) if g is not None and not g.is_empty)
    arr = rasterio.features.rasterize(
        shapes,
        out_shape=(grid.height, grid.width),
        transform=grid.transform,
        fill=-1,
        dtype="int32",
        all_touched=False,
    )
    return arr.ravel()


# --------------------------------------------------------------------------- large sparse grids

SURFACE_MAX_CELLS = 25_000_000
"""Grids with more cells get a travel-time surface at the populated cells only (see
:func:`surface_cells`); smaller grids get every cell."""

_WINDOW = 2048  # cells per side of the windows large grids are processed in (multiple of _TILE)
_TILE = 512  # block size of GeoTIFFs written by windows
_CACHE_MB = 64  # GDAL block cache while reading/writing by windows (GDAL's default: 5 % of RAM)


def surface_cells(grid: Grid, population: Population) -> np.ndarray | None:
    """The cells of ``grid`` the travel-time surface is computed for.

    ``None`` (every cell) for grids of up to :data:`SURFACE_MAX_CELLS` cells. For larger grids
    the sorted flat indices of the cells where people live (the raster's populated cells, or
    the cells holding population points), so memory follows the residents, not the grid: the
    surface, its polygons and its GeoTIFF then cover those cells only.
    """
    if grid.n_cells <= SURFACE_MAX_CELLS:
        return None
    if population.flat_index is not None and population.grid is grid:
        return np.unique(population.flat_index)
    xy = transform_xy(population.xy, src_wkt=population.crs_wkt, dst_wkt=grid.crs_wkt)
    return np.unique(cells_of_points(grid, xy))


def cells_of_points(grid: Grid, xy: np.ndarray) -> np.ndarray:
    """Row-major flat index of the cell holding each point (clipped to the grid's edge)."""
    inv = ~grid.transform
    col, row = inv * (xy[:, 0], xy[:, 1])
    col = np.clip(np.floor(col), 0, grid.width - 1).astype(np.int64)
    row = np.clip(np.floor(row), 0, grid.height - 1).astype(np.int64)
    return row * grid.width + col


def cell_positions(cells: np.ndarray | None, flat_index: np.ndarray) -> np.ndarray:
    """Where the cells ``flat_index`` sit in a surface over ``cells`` (None: every cell)."""
    if cells is None:
        return flat_index
    return np.searchsorted(cells, flat_index)


SURFACE_CHUNK = 2_000_000
"""Cells located at a time while the travel-time surface is computed."""

_LOCATION_FIELDS = ("time_min", "hospital", "snap_m", "status", "node")


@dataclass
class Surface:
    """Minutes (NaN where no hospital is reached) and hospital (-1) per surface cell."""

    time_min: np.ndarray
    hospital: np.ndarray


def surface_in_chunks(
    grid: Grid,
    cells: np.ndarray | None,
    *,
    dst_wkt: str,
    locate: Callable,
    keep: np.ndarray | None = None,
    progress: Progress | None = None,
    chunk: int | None = None,
) -> tuple[Surface, dict | None]:
    """The travel-time surface over ``cells`` (None: every cell of ``grid``), located
    :data:`SURFACE_CHUNK` cell centres at a time, so only minutes and hospital (12 bytes) are
    kept per cell, never the centres or the snapping of the whole grid.

    ``locate(xy, progress)`` returns the ``catchments.LocationTimes`` of points ``xy`` in
    ``dst_wkt``. For the surface positions ``keep`` (the populated cells) every field of the
    LocationTimes is kept too and returned as a dict (else None): the same numbers as
    locating the whole grid at once and indexing it.
    """
    chunk = int(chunk or SURFACE_CHUNK)
    n = grid.n_cells if cells is None else int(np.asarray(cells).size)
    surface = Surface(np.full(n, np.nan), np.full(n, -1, dtype=np.int32))
    kept = order = sorted_keep = None
    if keep is not None:
        keep = np.asarray(keep, dtype=np.int64)
        order = np.argsort(keep, kind="stable")
        sorted_keep = keep[order]
        kept = {}
    for start in range(0, n, chunk):
        stop = min(n, start + chunk)
        flat = np.arange(start, stop, dtype=np.int64) if cells is None else cells[start:stop]
        xy = transform_xy(grid.centres(flat), src_wkt=grid.crs_wkt, dst_wkt=dst_wkt)
        text = msg("Snapping locations {start:,}–{stop:,} of {n:,}", start=start, stop=stop, n=n)

        def part_progress(fraction, _message, start=start, stop=stop, text=text):
            if progress is not None:
                progress((start + fraction * (stop - start)) / max(n, 1), text)

        part = locate(xy, part_progress)
        del xy
        surface.time_min[start:stop] = part.time_min
        surface.hospital[start:stop] = part.hospital
        if kept is not None:
            a, b = np.searchsorted(sorted_keep, (start, stop))
            sel = order[a:b]
            for name in _LOCATION_FIELDS:
                values = getattr(part, name)
                if name not in kept:
                    kept[name] = np.empty(keep.size, dtype=values.dtype)
                kept[name][sel] = values[keep[sel] - start]
    if kept is not None and not kept:  # an empty surface
        kept = {name: np.zeros(0) for name in _LOCATION_FIELDS}
    return surface, kept


def cell_windows(grid: Grid, cells: np.ndarray, *, size: int | None = None):
    """Yield ((row0, col0, height, width), positions) per ``size`` × ``size`` window of the grid
    holding some of ``cells`` (flat indices): the bounding box of those cells inside the window
    and their positions in ``cells``. Windows are aligned to multiples of ``size``."""
    size = int(size or _WINDOW)
    cells = np.asarray(cells, dtype=np.int64)
    if cells.size == 0:
        return
    rows, cols = np.divmod(cells, grid.width)
    n_across = -(-grid.width // size)
    key = (rows // size) * n_across + cols // size
    order = np.argsort(key, kind="stable")
    bounds = np.flatnonzero(np.diff(key[order])) + 1
    for sel in np.split(order, bounds):
        r, c = rows[sel], cols[sel]
        r0, c0 = int(r.min()), int(c.min())
        yield (r0, c0, int(r.max()) - r0 + 1, int(c.max()) - c0 + 1), sel


def areas_at_cells(geometries: Sequence, grid: Grid, flat_index: np.ndarray) -> np.ndarray:
    """Area index of the cells ``flat_index`` by cell centre (as :func:`rasterize_areas`), -1
    outside all areas. Large grids are rasterised only in the windows holding those cells."""
    flat_index = np.asarray(flat_index, dtype=np.int64)
    if grid.n_cells <= SURFACE_MAX_CELLS:
        return rasterize_areas(geometries, grid)[flat_index]
    out = np.full(flat_index.size, -1, dtype=np.int32)
    rows, cols = np.divmod(flat_index, grid.width)
    boxes = [g.bounds if g is not None and not g.is_empty else None for g in geometries]
    for (r0, c0, h, w), sel in cell_windows(grid, flat_index):
        transform = grid.transform * Affine.translation(c0, r0)
        xs = (transform.c, transform.c + w * transform.a)
        ys = (transform.f, transform.f + h * transform.e)
        wx0, wx1, wy0, wy1 = min(xs), max(xs), min(ys), max(ys)
        shapes = [
            (g, i)
            for i, (g, b) in enumerate(zip(geometries, boxes, strict=True))
            if b is not None and b[0] <= wx1 and b[2] >= wx0 and b[1] <= wy1 and b[3] >= wy0
        ]
        if not shapes:
            continue
        arr = rasterio.features.rasterize(
            shapes,
            out_shape=(h, w),
            transform=transform,
            fill=-1,
            dtype="int32",
            all_touched=False,
        )
        out[sel] = arr[rows[sel] - r0, cols[sel] - c0]
    return out


def _write_strips(dst, values: np.ndarray, nodata: float) -> None:
    """Write a (height, width) array as float32 by strips of whole tiles (a float32 copy of
    one strip at a time, not of the whole grid); NaN is written as ``nodata``."""
    from rasterio.windows import Window

    height, width = values.shape
    block_h = int(dst.block_shapes[0][0])
    rows = max(block_h, max(1, STRIP_CELLS // max(1, width)) // block_h * block_h)
    for row0 in range(0, height, rows):
        strip = values[row0 : row0 + rows].astype("float32")
        strip[np.isnan(strip)] = nodata
        dst.write(strip, 1, window=Window(0, row0, width, strip.shape[0]))


def _write_cells(dst, values: np.ndarray, grid: Grid, cells: np.ndarray, nodata: float) -> None:
    """Write the values of ``cells`` into an open dataset, one window at a time. Windows are
    aligned to the tile size, so no tile is written twice; GDAL fills the tiles never written
    with ``nodata`` when the file is closed."""
    from rasterio.windows import Window

    rows, cols = np.divmod(np.asarray(cells, dtype=np.int64), grid.width)
    size = -(-_WINDOW // _TILE) * _TILE
    for (r0, c0, h, w), sel in cell_windows(grid, cells, size=size):
        arr = np.full((h, w), nodata, dtype="float32")
        arr[rows[sel] - r0, cols[sel] - c0] = values[sel]
        arr[np.isnan(arr)] = nodata
        dst.write(arr, 1, window=Window(c0, r0, w, h))


POLYGON_ALLOCATIONS = (
    ("areal", msg("Areal: spread evenly over the polygon (raster cells)")),
    ("centroid", msg("Centroid: one point inside each polygon")),
    ("roads", msg("Along roads: by the length of residential roads in the polygon")),
)
"""How polygons place their residents: (key, English label) for ``population_from_polygons``.
New keys go last: a number given for the option (qgis_process) keeps its meaning."""
DEFAULT_POLYGON_ALLOCATION = "roads"
"""With a road network; without one "roads" falls back to :data:`NO_NETWORK_POLYGON_ALLOCATION`."""
NO_NETWORK_POLYGON_ALLOCATION = "areal"


def population_from_polygons(
    *,
    geometries: Sequence,
    population: Sequence[float | None] | np.ndarray,
    crs_wkt: str,
    source_name: str,
    feature_ids: np.ndarray | None = None,
    method: str = DEFAULT_POLYGON_ALLOCATION,
    cell_size_m: float = 250.0,
    lines=None,
) -> Population:
    """Population given per polygon (e.g. per kommune), turned into locations.

    ``method="roads"``: each polygon's population is shared out along the road ``lines``
    (``network.RoadLines`` in ``crs_wkt``) inside it, by residential road length, summed per
    ``cell_size_m`` cell (see :mod:`.placement`; polygons without residential roads use all
    roads, those without roads the areal spread, both warned in ``warnings``). Without
    ``lines`` it is ``"areal"``. ``method="areal"``: each polygon's population is spread
    evenly over the centres of the ``cell_size_m`` grid cells inside it (a polygon too small
    to contain a cell centre keeps its population at a point on its surface).
    ``method="centroid"``: one location per polygon at a point on its surface (inside the
    polygon, unlike a plain centroid). All conserve the population of every polygon exactly.
    Geometries must be in ``crs_wkt`` (projected, metres, for areal and roads).
    """
    if method not in dict(POLYGON_ALLOCATIONS):
        raise SundplanError(
            "Unknown allocation method '{method}': use 'roads', 'areal' or 'centroid'.",
            method=method,
        )
    if method == "roads" and lines is None:
        method = NO_NETWORK_POLYGON_ALLOCATION
    n = len(geometries)
    ids = np.arange(n) if feature_ids is None else np.asarray(feature_ids)
    anchors = np.full((n, 2), np.nan)
    for i, g in enumerate(geometries):
        if g is not None and not g.is_empty:
            p = g.representative_point()
            anchors[i] = (p.x, p.y)
    base = population_from_points(
        xy=anchors,
        population=population,
        crs_wkt=crs_wkt,
        source_name=source_name,
        feature_ids=ids,
        kind=msg("polygons (point on surface)"),
    )
    if method == "centroid":
        return base
    if method == "areal":
        xy, pop, poly = _areal(geometries, base.population, anchors, np.arange(n), cell_size_m)
        return Population(
            xy=xy,
            population=pop,
            crs_wkt=crs_wkt,
            source_name=source_name,
            kind=msg(
                "polygons (areal: spread evenly over {cell_size_m:g} m cells)",
                cell_size_m=cell_size_m,
            ),
            feature_ids=ids[poly],
        )
    from . import placement

    grid = _polygons_grid(geometries, np.arange(n), cell_size_m)
    placed = placement.place_along_roads(
        geometries=geometries,
        population=base.population,
        lines=lines,
        cell_of=lambda xy: cells_of_points(grid, xy),
    )
    xy, pop, poly = _areal(geometries, base.population, anchors, placed.areal, cell_size_m)
    return Population(
        xy=np.concatenate([placed.xy, xy]),
        population=np.concatenate([placed.population, pop]),
        crs_wkt=crs_wkt,
        source_name=source_name,
        kind=msg(
            "polygons ({method}, per {cell_size_m:g} m cell)",
            method=placement.METHOD_LABEL,
            cell_size_m=cell_size_m,
        ),
        feature_ids=np.concatenate([ids[placed.polygon], ids[poly]]),
        allocation=placed.report,
        warnings=placed.warnings,
    )


def _polygons_grid(geometries: Sequence, which: np.ndarray, cell_size_m: float) -> Grid:
    bounds = np.array([geometries[i].bounds for i in which])
    return grid_for_bounds(
        (bounds[:, 0].min(), bounds[:, 1].min(), bounds[:, 2].max(), bounds[:, 3].max()),
        cell_size_m=cell_size_m,
        crs_wkt="",
    )


def _areal(
    geometries: Sequence,
    population: np.ndarray,
    anchors: np.ndarray,
    which: np.ndarray,
    cell_size_m: float,
) -> tuple[np.ndarray, np.ndarray, np.ndarray]:
    """The polygons ``which`` spread evenly over their cell centres: (xy, population, polygon
    index); a polygon too small for a cell centre stays at its ``anchors`` point."""
    if which.size == 0:
        return np.empty((0, 2)), np.empty(0), np.empty(0, dtype=np.int64)
    grid = _polygons_grid(geometries, which, cell_size_m)
    owner = rasterize_areas([geometries[i] for i in which], grid)
    cells = np.flatnonzero(owner >= 0)
    local = owner[cells]
    n_cells = np.bincount(local, minlength=which.size)
    pop = population[which]
    share = np.where(n_cells > 0, pop / np.maximum(n_cells, 1), 0.0)
    tiny = np.flatnonzero((n_cells == 0) & (pop > 0))
    return (
        np.concatenate([grid.centres(cells), anchors[which[tiny]]]),
        np.concatenate([share[local], pop[tiny]]),
        np.concatenate([which[local], which[tiny]]),
    )
