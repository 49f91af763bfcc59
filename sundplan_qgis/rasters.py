"""Population inputs, output grids, GeoTIFF writing and polygonising.

Population arrives either as a raster (every populated cell becomes a location at its
cell centre, so population is conserved exactly, whatever the raster's CRS) or as points
with a population value. Rasters are never resampled: cell centres are transformed into
the network's CRS instead.
"""

from __future__ import annotations

import functools
import os
import tempfile
from collections.abc import Sequence
from dataclasses import dataclass
from pathlib import Path

import numpy as np
import rasterio
import rasterio.features
from affine import Affine
from pyproj import CRS, Transformer

from . import _compat
from .errors import SundplanError

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

    @property
    def total(self) -> float:
        return float(self.population.sum())


def read_population_raster(path: str | os.PathLike, *, band: int = 1) -> Population:
    """Read a population raster: every cell with a value > 0 is one location at its centre.

    Nodata and NaN cells count as zero people. Negative values are an error.
    """
    name = Path(path).name
    try:
        with rasterio.open(path) as src:
            if src.crs is None:
                raise SundplanError(
                    "The population raster '{raster}' has no CRS. Assign its CRS (for Danish "
                    "grids usually EPSG:25832) in the layer properties or with gdal_edit.py -a_srs.",
                    raster=name,
                )
            values = src.read(band, masked=True).astype("float64")
            grid = Grid(src.transform, src.width, src.height, src.crs.to_wkt())
            if abs(src.transform.b) > 0 or abs(src.transform.d) > 0:
                raise SundplanError(
                    "The population raster '{raster}' is rotated; warp it to a north-up grid first.",
                    raster=name,
                )
    except rasterio.errors.RasterioIOError as exc:
        raise SundplanError(
            "Cannot read the population raster '{path}': {error}", path=path, error=str(exc)
        ) from exc
    data = values.filled(0.0).ravel()
    data[~np.isfinite(data)] = 0.0
    negative = np.flatnonzero(data < 0)
    if negative.size:
        r, c = divmod(int(negative[0]), grid.width)
        raise SundplanError(
            "The population raster '{raster}' has {count} cells with negative values "
            "(first at row {row}, column {column}: {value}). Population must be ≥ 0; "
            "set those cells to 0 or nodata.",
            raster=name,
            count=negative.size,
            row=r,
            column=c,
            value=data[negative[0]],
        )
    flat = np.flatnonzero(data > 0).astype(np.int64)
    return Population(
        xy=grid.centres(flat),
        population=data[flat],
        crs_wkt=grid.crs_wkt,
        source_name=name,
        kind="raster cells (cell centre)",
        grid=grid,
        flat_index=flat,
    )


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
            "The population layer '{layer}' has {count} features with a NULL "
            "population (first: feature id {fid}). Fill them in (0 if nobody lives "
            "there) or filter them out.",
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
) -> None:
    """Write a single-band float32 GeoTIFF atomically (temp file, then rename)."""
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
        with rasterio.open(tmp, "w", **profile) as dst:
            dst.write(values.reshape(grid.height, grid.width).astype("float32"), 1)
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


def polygonize(labels: np.ndarray, grid: Grid) -> dict[int, list]:
    """Polygons of equal-label regions of a (height, width) int32 array; labels < 0 are skipped.

    Returns {label: [GeoJSON-like polygon dicts]} in the grid's CRS.
    """
    labels = labels.reshape(grid.height, grid.width).astype("int32")
    out: dict[int, list] = {}
    for geom, value in rasterio.features.shapes(labels, mask=labels >= 0, transform=grid.transform):
        out.setdefault(int(value), []).append(geom)
    return out


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


def population_from_polygons(
    *,
    geometries: Sequence,
    population: Sequence[float | None] | np.ndarray,
    crs_wkt: str,
    source_name: str,
    feature_ids: np.ndarray | None = None,
    method: str = "areal",
    cell_size_m: float = 250.0,
) -> Population:
    """Population given per polygon (e.g. per kommune), turned into locations.

    ``method="areal"``: each polygon's population is spread evenly over the centres of the
    ``cell_size_m`` grid cells inside it (a polygon too small to contain a cell centre keeps
    its population at a point on its surface). ``method="centroid"``: one location per polygon
    at a point on its surface (inside the polygon, unlike a plain centroid). Both conserve the
    population exactly. Geometries must be in ``crs_wkt`` (projected, metres, for areal).
    """
    if method not in ("areal", "centroid"):
        raise SundplanError(
            "Unknown allocation method '{method}': use 'areal' or 'centroid'.", method=method
        )
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
        kind="polygons (point on surface)",
    )
    if method == "centroid":
        return base
    bounds = np.array([g.bounds for g in geometries])
    grid = grid_for_bounds(
        (bounds[:, 0].min(), bounds[:, 1].min(), bounds[:, 2].max(), bounds[:, 3].max()),
        cell_size_m=cell_size_m,
        crs_wkt=crs_wkt,
    )
    owner = rasterize_areas(geometries, grid)
    cells = np.flatnonzero(owner >= 0)
    poly = owner[cells]
    n_cells = np.bincount(poly, minlength=n)
    share = np.where(n_cells > 0, base.population / np.maximum(n_cells, 1), 0.0)
    xy = grid.centres(cells)
    pop = share[poly]
    tiny = np.flatnonzero((n_cells == 0) & (base.population > 0))
    return Population(
        xy=np.concatenate([xy, anchors[tiny]]),
        population=np.concatenate([pop, base.population[tiny]]),
        crs_wkt=crs_wkt,
        source_name=source_name,
        kind=f"polygons (areal: spread evenly over {cell_size_m:g} m cells)",
        feature_ids=np.concatenate([ids[poly], ids[tiny]]),
    )
