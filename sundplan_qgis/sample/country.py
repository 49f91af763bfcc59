"""A country-size synthetic road network and population for benchmarks and tests.

Not part of the plugin: the Makefile leaves this module out of the zip (it is only used by
``bench/`` and the tests), so nothing in the plugin may import it. It reuses the sample's
schema and writers, so its files read exactly like the sample region's.

* :func:`generate_country_network` - a perturbed-grid road network with towns and motorways
  (about 1.6 million directed edges), 21 hospitals and a population raster with about one
  million populated cells.
* :func:`generate_sparse_population_raster` - a huge, sparse population raster over the sample
  region (memory tests).
"""

from __future__ import annotations

import math
from collections.abc import Iterator
from dataclasses import dataclass, field
from pathlib import Path

import numpy as np

from .population import smooth_field
from .schema import (
    CELL_SIZE_M,
    EPSG,
    HOSPITAL_FIELDS,
    HOSPITALS_LAYER,
    ROAD_FIELDS,
    ROADS_LAYER,
    synthetic_note,
)
from .writers import (
    linestring_wkb,
    point_wkb,
    readme_text,
    write_gpkg_layer,
    write_osm_pbf,
    write_population_tif,
)


@dataclass
class CountryNetwork:
    """Paths and statistics of a generated country-size benchmark network.

    ``n_directed_edges`` counts each two-way segment twice and each one-way segment once;
    ``n_populated_cells`` counts raster cells with at least one person; ``bounds`` is
    (xmin, ymin, xmax, ymax) in metres, EPSG:25832.
    """

    out_dir: Path
    seed: int
    roads_gpkg: Path
    roads_osm_pbf: Path | None
    hospitals_gpkg: Path
    population_tif: Path
    readme: Path
    roads_layer: str = ROADS_LAYER
    hospitals_layer: str = HOSPITALS_LAYER
    epsg: int = EPSG
    bounds: tuple[float, float, float, float] = (0.0, 0.0, 0.0, 0.0)
    n_road_lines: int = 0
    n_road_segments: int = 0
    n_directed_edges: int = 0
    n_nodes: int = 0
    n_hospitals: int = 0
    n_populated_cells: int = 0
    total_population: int = 0
    timings_s: dict[str, float] = field(default_factory=dict)


_COUNTRY_X0 = 440_000.0
_COUNTRY_Y0 = 6_050_000.0
_CLASS_CODES = ("motorway", "primary", "secondary", "tertiary", "unclassified", "residential")
_MAX_SEGMENTS_PER_LINE = 12


@dataclass
class _CountryLayout:
    nx: int
    ny: int
    spacing_m: float
    xy: np.ndarray  # (ny, nx, 2) node coordinates
    valid: np.ndarray  # (ny, nx) bool: node exists (not in a lake / fjord)
    in_town: np.ndarray  # (ny, nx) bool
    holes: np.ndarray  # (H, 3) x, y, radius (m)
    towns: np.ndarray  # (T, 4) x, y, radius (m), residents


def _country_layout(seed: int, nx: int, ny: int, spacing_m: float) -> _CountryLayout:
    rng = np.random.default_rng([seed, nx, ny])
    gx = _COUNTRY_X0 + np.arange(nx) * spacing_m
    gy = _COUNTRY_Y0 + np.arange(ny) * spacing_m
    xy = np.stack(np.meshgrid(gx, gy), axis=-1)
    xy += rng.uniform(-0.3, 0.3, size=xy.shape) * spacing_m
    xy = np.round(xy, 2)
    w, h = nx * spacing_m, ny * spacing_m
    area_km2 = w * h / 1e6
    n_holes = max(2, int(area_km2 / 900))
    holes = np.column_stack(
        [
            _COUNTRY_X0 + rng.uniform(0.05, 0.95, n_holes) * w,
            _COUNTRY_Y0 + rng.uniform(0.05, 0.95, n_holes) * h,
            rng.uniform(3, 9, n_holes) * spacing_m,
        ]
    )
    valid = np.ones((ny, nx), dtype=bool)
    for hx, hy, hr in holes:
        valid &= (xy[..., 0] - hx) ** 2 + (xy[..., 1] - hy) ** 2 > hr**2
    n_towns = max(25, int(area_km2 / 350))
    towns = np.column_stack(
        [
            _COUNTRY_X0 + rng.uniform(0.03, 0.97, n_towns) * w,
            _COUNTRY_Y0 + rng.uniform(0.03, 0.97, n_towns) * h,
            rng.uniform(4, 14, n_towns) * spacing_m,
            np.round(rng.lognormal(np.log(8_000), 0.9, n_towns)),
        ]
    )
    in_town = np.zeros((ny, nx), dtype=bool)
    for tx, ty, tr, _ in towns:
        in_town |= (xy[..., 0] - tx) ** 2 + (xy[..., 1] - ty) ** 2 < tr**2
    return _CountryLayout(nx, ny, spacing_m, xy, valid, in_town, holes, towns)


def _line_class(index: np.ndarray, n: int) -> np.ndarray:
    """Class code per grid row/column index: a few motorways, then primary … unclassified."""
    code = np.full(index.shape, 4, dtype=np.int8)  # unclassified
    code[index % 4 == 0] = 3  # tertiary
    code[index % 12 == 0] = 2  # secondary
    code[index % 36 == 0] = 1  # primary
    for frac in (0.33, 0.71):
        code[index == int(round(frac * (n - 1)))] = 0  # motorway
    return code


def _country_segments(lay: _CountryLayout, *, vertical: bool) -> dict[str, np.ndarray]:
    """Segments along grid rows (or columns), grouped into lines.

    Returns node indices (into the flattened (ny, nx) grid) of every segment's start and end,
    the per-segment class code, oneway code (0 both, 1 along, -1 against) and maxspeed (0 =
    NULL), and the line id of every segment (segments of a line are consecutive).
    """
    valid, in_town = lay.valid, lay.in_town
    node_id = np.arange(lay.ny * lay.nx).reshape(lay.ny, lay.nx)
    if vertical:
        valid, in_town, node_id = valid.T, in_town.T, node_id.T
    nlines, nnodes = valid.shape  # rows of the (possibly transposed) grid
    seg_ok = valid[:, :-1] & valid[:, 1:]
    row_idx = np.broadcast_to(np.arange(nlines)[:, None], seg_ok.shape)
    col_idx = np.broadcast_to(np.arange(nnodes - 1)[None, :], seg_ok.shape)
    town = in_town[:, :-1] & in_town[:, 1:]
    cls = np.broadcast_to(_line_class(np.arange(nlines), nlines)[:, None], seg_ok.shape).copy()
    minor = cls >= 3
    cls[town & minor] = 5  # residential streets in towns
    oneway = np.zeros(seg_ok.shape, dtype=np.int8)
    ow_rows = (row_idx % 4 == 2) & town & minor
    oneway[ow_rows & (row_idx % 8 == 2)] = 1
    oneway[ow_rows & (row_idx % 8 == 6)] = -1
    speed = np.zeros(seg_ok.shape, dtype=np.int16)
    speed[cls == 0] = 130
    speed[(cls == 0) & town] = 110
    speed[(cls == 1) | (cls == 2)] = 80
    speed[((cls == 1) | (cls == 2)) & town] = 50
    speed[(cls == 3) & (row_idx % 8 == 0)] = 80

    sel = seg_ok.reshape(-1)
    r = row_idx.reshape(-1)[sel]
    c = col_idx.reshape(-1)[sel]
    cls_f = cls.reshape(-1)[sel]
    ow_f = oneway.reshape(-1)[sel]
    sp_f = speed.reshape(-1)[sel]
    start = node_id[r, c]
    end = node_id[r, c + 1]
    # a new line starts at a gap, a new row, or a change of attributes …
    new = np.ones(r.size, dtype=bool)
    new[1:] = (
        (r[1:] != r[:-1])
        | (c[1:] != c[:-1] + 1)
        | (cls_f[1:] != cls_f[:-1])
        | (ow_f[1:] != ow_f[:-1])
        | (sp_f[1:] != sp_f[:-1])
    )
    # … and every _MAX_SEGMENTS_PER_LINE segments within a run
    run = np.cumsum(new) - 1
    run_start = np.flatnonzero(new)
    pos = np.arange(r.size) - run_start[run]
    new |= pos % _MAX_SEGMENTS_PER_LINE == 0
    line = np.cumsum(new) - 1
    return {
        "start": start,
        "end": end,
        "cls": cls_f,
        "oneway": ow_f,
        "speed": sp_f,
        "line": line,
    }


def _count_directed(lay: _CountryLayout) -> int:
    total = 0
    for vertical in (False, True):
        s = _country_segments(lay, vertical=vertical)
        total += int(np.where(s["oneway"] == 0, 2, 1).sum())
    return total


def generate_country_network(
    out_dir: Path,
    *,
    seed: int = 2027,
    target_directed_edges: int = 1_600_000,
    target_populated_cells: int = 1_000_000,
    write_pbf: bool = True,
) -> CountryNetwork:
    """Generate a synthetic country-size road network for benchmarks into ``out_dir``.

    A perturbed street grid (spacing chosen from the targets, typically 200–300 m) with lakes
    cut out, towns (residential streets, some one-way), primary/secondary/tertiary roads every
    36th/12th/4th grid line and two motorways each way. Writes ``roads.gpkg`` (layer ``roads``,
    the documented road schema), ``roads.osm.pbf`` (pyosmium), ``hospitals.gpkg`` (21 points,
    layer ``hospitals``), ``population.tif`` (int32 persons per 100 m cell) and
    ``README.txt``. At least ``target_directed_edges`` directed edges (two-way segments count
    twice) and at least ``target_populated_cells`` cells with residents. Deterministic in
    ``seed``; EPSG:25832 metres.
    """
    import time

    timings: dict[str, float] = {}
    t0 = time.perf_counter()

    def lap(name: str) -> None:
        timings[name] = time.perf_counter() - t0 - sum(timings.values())

    out_dir = Path(out_dir)
    out_dir.mkdir(parents=True, exist_ok=True)
    lay = _sized_layout(seed, target_directed_edges, target_populated_cells)
    segs = [_country_segments(lay, vertical=v) for v in (False, True)]
    lap("layout")
    lines = _country_lines(lay, segs)
    lap("lines")
    note = synthetic_note(seed)
    roads_gpkg = out_dir / "roads.gpkg"
    _write_country_roads(roads_gpkg, lines, note=note)
    lap("write_gpkg")
    rng = np.random.default_rng([seed, 21])
    hospitals_gpkg = out_dir / "hospitals.gpkg"
    n_hospitals = _write_country_hospitals(hospitals_gpkg, lay, lines, rng=rng, note=note)
    pop_tif = out_dir / "population.tif"
    bounds, populated, total_pop = _write_country_population(
        pop_tif, lay, lines, rng=rng, target_populated_cells=target_populated_cells, seed=seed
    )
    lap("hospitals_population")
    pbf: Path | None = None
    if write_pbf:
        pbf = _write_country_pbf(out_dir / "roads.osm.pbf", lines, note=note)
        lap("write_pbf")

    readme = out_dir / "README.txt"
    readme.write_text(readme_text(seed, "country"), encoding="utf-8")
    timings["total"] = time.perf_counter() - t0
    return CountryNetwork(
        out_dir=out_dir,
        seed=seed,
        roads_gpkg=roads_gpkg,
        roads_osm_pbf=pbf,
        hospitals_gpkg=hospitals_gpkg,
        population_tif=pop_tif,
        readme=readme,
        bounds=bounds,
        n_road_lines=lines.n_lines,
        n_road_segments=int(lines.verts.size - lines.n_lines),
        n_directed_edges=int(sum(np.where(s["oneway"] == 0, 2, 1).sum() for s in segs)),
        n_nodes=int(lines.used_idx.size),
        n_hospitals=n_hospitals,
        n_populated_cells=populated,
        total_population=total_pop,
        timings_s=timings,
    )


def _sized_layout(
    seed: int, target_directed_edges: int, target_populated_cells: int
) -> _CountryLayout:
    """The grid layout, its size grown until it has at least the target directed edges."""
    fill = 0.45  # expected share of populated cells
    area_m2 = target_populated_cells / fill * CELL_SIZE_M**2
    n_nodes = target_directed_edges / 3.7
    spacing = max(120.0, math.sqrt(area_m2 / n_nodes))
    ny = max(int(math.sqrt(n_nodes * 3 / 4)), 10)
    nx = max(int(n_nodes / ny), 10)
    for _ in range(20):
        lay = _country_layout(seed, nx, ny, spacing)
        n_dir = _count_directed(lay)
        if n_dir >= target_directed_edges:
            break
        grow = math.sqrt(target_directed_edges / n_dir) * 1.003
        nx, ny = int(math.ceil(nx * grow)), int(math.ceil(ny * grow))
    return lay


@dataclass
class _CountryLines:
    """The road lines as arrays: line i has the grid nodes ``verts[offsets[i]:offsets[i+1]]``
    and the codes ``attrs[i]`` = (class, oneway, maxspeed)."""

    flat_xy: np.ndarray  # (ny * nx, 2) coordinates of every grid node
    verts: np.ndarray  # grid node index of every vertex, line after line
    offsets: np.ndarray  # (L + 1,)
    attrs: np.ndarray  # (L, 3)
    used_idx: np.ndarray  # grid nodes that are a vertex of some line

    @property
    def n_lines(self) -> int:
        return int(self.attrs.shape[0])

    @property
    def used_xy(self) -> np.ndarray:
        return self.flat_xy[self.used_idx]


def _country_lines(lay: _CountryLayout, segs: list[dict[str, np.ndarray]]) -> _CountryLines:
    """Vertex node ids and offsets of every line, from the row and column segments."""
    line_nodes: list[np.ndarray] = []
    line_offsets: list[np.ndarray] = []
    line_attr: list[np.ndarray] = []
    base = 0
    for s in segs:
        nseg = s["line"].size
        nline = int(s["line"][-1]) + 1 if nseg else 0
        first = np.flatnonzero(np.r_[True, s["line"][1:] != s["line"][:-1]])
        last = np.r_[first[1:] - 1, nseg - 1]
        verts = np.empty(nseg + nline, dtype=np.int64)
        verts[np.arange(nseg) + s["line"]] = s["start"]
        verts[last + np.arange(nline) + 1] = s["end"][last]
        line_nodes.append(verts)
        line_offsets.append(first + np.arange(nline) + base)
        base += verts.size
        line_attr.append(np.column_stack([s["cls"][first], s["oneway"][first], s["speed"][first]]))
    verts = np.concatenate(line_nodes)
    flat_xy = lay.xy.reshape(-1, 2)
    used = np.zeros(flat_xy.shape[0], dtype=bool)
    used[verts] = True
    return _CountryLines(
        flat_xy=flat_xy,
        verts=verts,
        offsets=np.r_[np.concatenate(line_offsets), verts.size],
        attrs=np.vstack(line_attr),
        used_idx=np.flatnonzero(used),
    )


_ONEWAY_TEXT = {0: None, 1: "yes", -1: "-1"}
_ROAD_NAMES = {0: "E99", 1: "Hovedvej"}  # by class code: motorways and primary roads


def _write_country_roads(path: Path, lines: _CountryLines, *, note: str) -> None:
    """``roads.gpkg``: the documented road schema, one feature per line."""
    from osgeo import ogr

    coords_all = lines.flat_xy[lines.verts]
    off_list = lines.offsets.tolist()
    cls_list = lines.attrs[:, 0].tolist()
    ow_list = lines.attrs[:, 1].tolist()
    sp_list = lines.attrs[:, 2].tolist()
    rows = [
        [
            _CLASS_CODES[cls_list[i]],
            sp_list[i] or None,
            _ONEWAY_TEXT[ow_list[i]],
            _ROAD_NAMES.get(cls_list[i]),
            None,
            1,
        ]
        for i in range(lines.n_lines)
    ]
    wkbs = [linestring_wkb(coords_all[off_list[i] : off_list[i + 1]]) for i in range(lines.n_lines)]
    write_gpkg_layer(
        path,
        name=ROADS_LAYER,
        geom_type=ogr.wkbLineString,
        fields=ROAD_FIELDS,
        rows=rows,
        wkbs=wkbs,
        description=note,
    )


def _write_country_hospitals(
    path: Path,
    lay: _CountryLayout,
    lines: _CountryLines,
    *,
    rng: np.random.Generator,
    note: str,
) -> int:
    """``hospitals.gpkg``: 21 hospitals in the biggest towns, next to a road node."""
    from osgeo import ogr

    used_xy = lines.used_xy
    order = np.argsort(-lay.towns[:, 3], kind="stable")
    rows, wkbs = [], []
    for k in range(21):
        if k < order.size:
            tx, ty = lay.towns[order[k], :2]
        else:
            tx, ty = used_xy[rng.integers(used_xy.shape[0])]
        d = np.hypot(used_xy[:, 0] - tx, used_xy[:, 1] - ty)
        node = used_xy[int(np.argmin(d))]
        a = rng.uniform(0, 2 * np.pi)
        p = node + rng.uniform(20, 120) * np.array([math.cos(a), math.sin(a)])
        rows.append([f"Sygehus {k + 1}", 1, 1])
        wkbs.append(point_wkb(round(p[0], 2), round(p[1], 2)))
    write_gpkg_layer(
        path,
        name=HOSPITALS_LAYER,
        geom_type=ogr.wkbPoint,
        fields=HOSPITAL_FIELDS,
        rows=rows,
        wkbs=wkbs,
        description=note,
    )
    return len(rows)


def _write_country_population(
    path: Path,
    lay: _CountryLayout,
    lines: _CountryLines,
    *,
    rng: np.random.Generator,
    target_populated_cells: int,
    seed: int,
) -> tuple[tuple[float, float, float, float], int, int]:
    """``population.tif``: a smooth rural density plus a bump per town, none in lakes, topped
    up to ``target_populated_cells``. Returns (bounds, populated cells, total residents)."""
    flat_xy = lines.flat_xy
    xmin = math.floor((float(flat_xy[:, 0].min()) - 500.0) / 1_000.0) * 1_000.0
    ymin = math.floor((float(flat_xy[:, 1].min()) - 500.0) / 1_000.0) * 1_000.0
    xmax = math.ceil((float(flat_xy[:, 0].max()) + 500.0) / 1_000.0) * 1_000.0
    ymax = math.ceil((float(flat_xy[:, 1].max()) + 500.0) / 1_000.0) * 1_000.0
    ncols = int(round((xmax - xmin) / CELL_SIZE_M))
    nrows = int(round((ymax - ymin) / CELL_SIZE_M))
    lam = 0.55 * smooth_field(rng, nrows=nrows, ncols=ncols, block=60, sigma=0.6)
    xc = xmin + (np.arange(ncols) + 0.5) * CELL_SIZE_M
    yc = ymax - (np.arange(nrows) + 0.5) * CELL_SIZE_M

    def window(x: float, y: float, r: float) -> tuple[slice, slice]:
        c0 = max(int((x - r - xmin) / CELL_SIZE_M), 0)
        c1 = min(int((x + r - xmin) / CELL_SIZE_M) + 1, ncols)
        r0 = max(int((ymax - y - r) / CELL_SIZE_M), 0)
        r1 = min(int((ymax - y + r) / CELL_SIZE_M) + 1, nrows)
        return slice(r0, r1), slice(c0, c1)

    for tx, ty, tr, residents in lay.towns:
        sigma = 0.5 * tr
        rs, cs = window(tx, ty, 4 * sigma)
        d2 = (xc[cs][None, :] - tx) ** 2 + (yc[rs][:, None] - ty) ** 2
        lam[rs, cs] += (
            residents * CELL_SIZE_M**2 / (2 * np.pi * sigma**2) * np.exp(-d2 / (2 * sigma**2))
        )
    lake = np.zeros((nrows, ncols), dtype=bool)
    for hx, hy, hr in lay.holes:
        rs, cs = window(hx, hy, hr)
        d2 = (xc[cs][None, :] - hx) ** 2 + (yc[rs][:, None] - hy) ** 2
        lake[rs, cs] |= d2 < (0.8 * hr) ** 2
    lam[lake] = 0.0
    pop = rng.poisson(lam).astype(np.int32)
    populated = int(np.count_nonzero(pop))
    if populated < target_populated_cells:
        empty = np.flatnonzero((pop.reshape(-1) == 0) & ~lake.reshape(-1))
        need = min(target_populated_cells - populated, empty.size)
        pick = rng.choice(empty, size=need, replace=False)
        pop.reshape(-1)[pick] = 1
        populated += need
    write_population_tif(path, pop, x0=xmin, y_top=ymax, seed=seed)
    return (xmin, ymin, xmax, ymax), populated, int(pop.sum(dtype=np.int64))


def _write_country_pbf(path: Path, lines: _CountryLines, *, note: str) -> Path | None:
    """``roads.osm.pbf``: OSM node ids 1..N for the used grid nodes, one way per line; None
    when pyosmium is missing or cannot write it."""
    from pyproj import Transformer

    used_idx = lines.used_idx
    used_xy = lines.used_xy
    tr = Transformer.from_crs(EPSG, 4326, always_xy=True)
    lon, lat = tr.transform(used_xy[:, 0], used_xy[:, 1])
    osm_id = np.zeros(lines.flat_xy.shape[0], dtype=np.int64)
    osm_id[used_idx] = np.arange(1, used_idx.size + 1)
    way_nodes = osm_id[lines.verts]
    off_list = lines.offsets.tolist()
    cls_list = lines.attrs[:, 0].tolist()
    ow_list = lines.attrs[:, 1].tolist()
    sp_list = lines.attrs[:, 2].tolist()
    tag_cache: dict[tuple[int, int, int], dict[str, str]] = {}

    def way_iter() -> Iterator[tuple[np.ndarray, dict[str, str]]]:
        for i in range(lines.n_lines):
            key = (cls_list[i], ow_list[i], sp_list[i])
            tags = tag_cache.get(key)
            if tags is None:
                tags = {"highway": _CLASS_CODES[key[0]]}
                if key[2]:
                    tags["maxspeed"] = str(key[2])
                if key[1]:
                    tags["oneway"] = _ONEWAY_TEXT[key[1]]
                if key[0] in _ROAD_NAMES:
                    tags["name"] = _ROAD_NAMES[key[0]]
                tags["note"] = note
                tag_cache[key] = tags
            yield way_nodes[off_list[i] : off_list[i + 1]], tags

    try:
        return write_osm_pbf(path, lonlat=np.column_stack([lon, lat]), ways=way_iter())
    except Exception:  # noqa: BLE001 - fall back to the osmium command line tool
        return None


def generate_sparse_population_raster(
    path: Path,
    *,
    source_tif: Path,
    size: int = 20_000,
    n_cells: int = 75_000,
    seed: int = 2027,
    block: int = 512,
) -> dict:
    """A huge, sparse population raster over the extent of ``source_tif`` (the sample
    region's 100 m population): ``size`` × ``size`` cells of which ``n_cells`` are populated.

    ``n_cells`` populated cells of ``source_tif`` are drawn (seeded); each puts its residents
    in the fine cell holding its centre, so the people stay where the sample puts them, near
    the sample roads. Written tiled and compressed, one block row at a time, so neither this
    function nor the file grows with ``size`` (tiles never written are filled with nodata by
    GDAL). Returns ``{"flat": fine-cell indices (row-major), "population": values, "transform",
    "crs_wkt"}`` of the populated cells, for tests to check against.
    """
    import rasterio
    from affine import Affine
    from rasterio.windows import Window

    with rasterio.open(source_tif) as src:
        coarse = src.read(1, masked=True).filled(0)
        t, crs = src.transform, src.crs
        width_m = src.width * t.a
    rows, cols = np.nonzero(coarse > 0)
    rng = np.random.default_rng(seed)
    pick = np.sort(rng.choice(rows.size, size=min(n_cells, rows.size), replace=False))
    rows, cols = rows[pick], cols[pick]
    values = coarse[rows, cols].astype(np.int32)
    cell = width_m / size
    fine = Affine(cell, 0.0, t.c, 0.0, -cell, t.f)
    x = t.c + (cols + 0.5) * t.a
    y = t.f + (rows + 0.5) * t.e
    fcol, frow = ~fine * (x, y)
    frow = np.floor(frow).astype(np.int64)
    fcol = np.floor(fcol).astype(np.int64)
    flat = frow * size + fcol
    order = np.argsort(flat)
    flat, values, frow, fcol = flat[order], values[order], frow[order], fcol[order]
    profile = {
        "driver": "GTiff",
        "width": size,
        "height": size,
        "count": 1,
        "dtype": "int32",
        "crs": crs,
        "transform": fine,
        "nodata": -1,
        "compress": "deflate",
        "tiled": True,
        "blockxsize": block,
        "blockysize": block,
    }
    path = Path(path)
    path.parent.mkdir(parents=True, exist_ok=True)
    with rasterio.Env(GDAL_CACHEMAX=64), rasterio.open(path, "w", **profile) as dst:
        band_of = frow // block
        for b in np.unique(band_of):
            sel = np.flatnonzero(band_of == b)
            r0 = int(b) * block
            h = min(block, size - r0)
            c0, c1 = int(fcol[sel].min()), int(fcol[sel].max()) + 1
            arr = np.zeros((h, c1 - c0), dtype=np.int32)
            arr[frow[sel] - r0, fcol[sel] - c0] = values[sel]
            dst.write(arr, 1, window=Window(c0, r0, c1 - c0, h))
    return {"flat": flat, "population": values, "transform": fine, "crs_wkt": crs.to_wkt()}
