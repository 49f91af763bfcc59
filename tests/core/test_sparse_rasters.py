"""Memory follows the residents, not the raster (issue 9 item 7).

Population rasters are read by windows keeping only populated cells; grids larger than
``rasters.SURFACE_MAX_CELLS`` get their travel-time surface, polygons and GeoTIFF at the
populated cells only. Checked against a plain whole-array read (numpy) and against the
ordinary full-grid run of the same inputs (every table, every populated cell's minutes).
"""

from __future__ import annotations

import time

import numpy as np
import pytest
import rasterio
from affine import Affine
from shapely.geometry import MultiPolygon, box

from sundplan_qgis import catchments as C
from sundplan_qgis import network, rasters
from sundplan_qgis.areas import AreaTable
from sundplan_qgis.errors import SundplanError


def write_tif(path, values, *, nodata, tiled=True, block=16, dtype=None):
    h, w = values.shape
    profile = {
        "driver": "GTiff",
        "width": w,
        "height": h,
        "count": 1,
        "dtype": dtype or values.dtype.name,
        "crs": "EPSG:25832",
        "transform": Affine(100, 0, 500_000, 0, -100, 6_260_000),
        "nodata": nodata,
        "compress": "deflate",
    }
    if tiled:
        profile.update(tiled=True, blockxsize=block, blockysize=block)
    with rasterio.open(path, "w", **profile) as dst:
        dst.write(values.astype(profile["dtype"]), 1)
    return path


def whole_array_reading(path):
    """The reference: the whole band at once, masked, NaN and nodata as 0 (numpy only)."""
    with rasterio.open(path) as src:
        data = src.read(1, masked=True).astype("float64").filled(0.0).ravel()
    data[~np.isfinite(data)] = 0.0
    flat = np.flatnonzero(data > 0)
    return flat, data[flat]


@pytest.fixture
def small_windows(monkeypatch):
    """Force many strips, column windows and surface windows on small test rasters."""
    monkeypatch.setattr(rasters, "STRIP_CELLS", 700)
    monkeypatch.setattr(rasters, "_WINDOW", 32)
    monkeypatch.setattr(rasters, "_TILE", 16)


@pytest.mark.parametrize(
    ("dtype", "nodata", "tiled"),
    [
        ("int32", -1, True),
        ("float32", -9999.0, True),
        ("float32", None, False),
        ("uint16", 0, True),
    ],
)
def test_windowed_reading_equals_a_whole_array_read(tmp_path, small_windows, dtype, nodata, tiled):
    rng = np.random.default_rng(7)
    values = rng.integers(0, 5, size=(70, 90)).astype("float64")
    values[rng.random(values.shape) < 0.6] = 0  # sparse
    if nodata is not None:
        values[rng.random(values.shape) < 0.2] = nodata
    if dtype.startswith("float"):
        values[3, 4] = np.nan
        values[50, 60] = 2.5
    path = write_tif(tmp_path / "p.tif", values, nodata=nodata, tiled=tiled, dtype=dtype)
    pop = rasters.read_population_raster(path)
    flat, vals = whole_array_reading(path)
    assert pop.flat_index.tolist() == flat.tolist()  # row-major order, as before
    np.testing.assert_array_equal(pop.population, vals)
    np.testing.assert_allclose(pop.xy, pop.grid.centres(flat))


def test_negative_cells_named_as_by_a_whole_array_read(tmp_path, small_windows):
    values = np.ones((40, 50), dtype="int32")
    values[30, 45] = -3  # later row, but in an earlier column window than the next one
    values[12, 41] = -2  # the first in row-major order
    values[13, 3] = -5  # same strip, earlier column window, later row
    values[12, 5] = -1  # nodata, not negative
    path = write_tif(tmp_path / "n.tif", values, nodata=-1)
    with pytest.raises(SundplanError) as info:
        rasters.read_population_raster(path)
    text = str(info.value)
    assert "3 cells with negative values" in text
    assert "row 12, column 41: -2" in text


def test_reading_stops_at_the_first_progress_that_cancels(tmp_path, small_windows):
    values = np.ones((200, 200), dtype="int32")
    path = write_tif(tmp_path / "c.tif", values, nodata=-1)
    calls = []

    def progress(fraction, message):
        calls.append(fraction)
        if len(calls) > 1:
            raise KeyboardInterrupt  # stands in for Cancelled

    with pytest.raises(KeyboardInterrupt):
        rasters.read_population_raster(path, progress=progress)
    assert calls == [0.0, calls[1]] and 0 < calls[1] < 0.1  # stopped after one strip


# --------------------------------------------------------------------------- whole runs


@pytest.fixture(scope="module")
def region(tmp_path_factory):
    from sundplan_qgis.sample import generate_sample_region

    out = tmp_path_factory.mktemp("region")
    r = generate_sample_region(out, seed=2027)
    graph = network.build_graph(network.read_osm(r.roads_osm_pbf))
    from osgeo import ogr
    from shapely import wkb

    ds = ogr.Open(str(r.gpkg))
    hxy, names = [], []
    for f in ds.GetLayerByName("hospitals"):
        if f["active"] == 1:
            g = f.GetGeometryRef()
            hxy.append((g.GetX(), g.GetY()))
            names.append(f["name"])
    geoms, ids, labels = [], [], []
    for f in ds.GetLayerByName("kommuner"):
        geoms.append(wkb.loads(bytes(f.GetGeometryRef().ExportToWkb())))
        ids.append(f["kommunekode"])
        labels.append(f["kommune"])
    ds = None
    return {
        "region": r,
        "graph": graph,
        "hxy": np.array(hxy),
        "names": names,
        "areas": AreaTable.from_polygons(geoms, ids, labels),
    }


def _run(region, pop, *, land_mask=False):
    # Without the land mask by default: these tests compare surfaces cell by cell.
    return C.run_catchments(
        region["graph"],
        hospital_xy=region["hxy"],
        hospital_names=region["names"],
        population=pop,
        areas=region["areas"],
        land_mask=land_mask,
    )


def test_sparse_surface_with_the_land_mask_gives_the_full_grid_tables(region, monkeypatch):
    """Land mask and a huge sparse grid together: the same tables and located residents as
    the full grid with the land mask (the land part of each cell found chunk by chunk)."""
    pop = rasters.read_population_raster(region["region"].population_tif)
    full = _run(region, pop, land_mask=True)
    monkeypatch.setattr(rasters, "SURFACE_MAX_CELLS", 0)
    monkeypatch.setattr(rasters, "_WINDOW", 64)
    sparse = _run(region, pop, land_mask=True)
    assert sparse.report["land_mask"]["used"] is True
    assert full.areas.equals(sparse.areas)
    for f in ("time_min", "hospital", "status"):
        np.testing.assert_array_equal(getattr(full.locations, f), getattr(sparse.locations, f))
    np.testing.assert_array_equal(
        sparse.surface_time_min, full.surface_time_min[sparse.surface_cells]
    )


def test_sparse_surface_equals_the_full_grid_at_every_populated_cell(region, tmp_path, monkeypatch):
    """The sample region run twice: on the full 600 × 600 grid, and as if the grid were huge
    (surface at populated cells only, many windows). Every table and every populated cell's
    minutes and hospital are identical; the polygons are the populated cells of the full
    run's polygons; the GeoTIFF has the full run's minutes at those cells, nodata elsewhere."""
    pop = rasters.read_population_raster(region["region"].population_tif)
    full = _run(region, pop)
    assert full.surface_cells is None and full.surface_time_min.size == pop.grid.n_cells

    monkeypatch.setattr(rasters, "SURFACE_MAX_CELLS", 0)
    monkeypatch.setattr(rasters, "_WINDOW", 64)
    monkeypatch.setattr(rasters, "_TILE", 32)
    sparse = _run(region, pop)
    cells = sparse.surface_cells
    assert cells.tolist() == pop.flat_index.tolist()
    assert sparse.report["surface_grid"]["cells_computed"] == "populated cells only"
    for a, b in ((full.catchments, sparse.catchments), (full.bands, sparse.bands)):
        cols = [c for c in a.columns if c != "area_km2"]
        assert a[cols].equals(b[cols])
    assert full.areas.equals(sparse.areas)
    for f in ("time_min", "hospital", "snap_m", "status", "node"):
        np.testing.assert_array_equal(getattr(full.locations, f), getattr(sparse.locations, f))
    np.testing.assert_array_equal(sparse.surface_time_min, full.surface_time_min[cells])
    np.testing.assert_array_equal(sparse.surface_hospital, full.surface_hospital[cells])

    # Polygons: exactly the populated cells of each label (area = cells × 1 ha), inside the
    # full run's polygon of that label, valid, parts merged across windows.
    cell_km2 = pop.grid.cell_size_m**2 / 1e6
    for polys, labels in (
        (sparse.catchment_polygons, sparse.surface_hospital),
        (sparse.band_polygons, _bands(sparse)),
    ):
        for k, geom in polys.items():
            assert isinstance(geom, MultiPolygon) and geom.is_valid
            assert geom.area / 1e6 == pytest.approx(np.count_nonzero(labels == k) * cell_km2)
    for k, geom in sparse.catchment_polygons.items():
        assert geom.difference(full.catchment_polygons[k]).area < 1e-3

    values = np.where(np.isfinite(sparse.surface_time_min), sparse.surface_time_min, -9999.0)
    rasters.write_geotiff(tmp_path / "s.tif", values, sparse.grid, nodata=-9999.0, cells=cells)
    with rasterio.open(tmp_path / "s.tif") as src:
        assert src.profile["tiled"] and src.profile["compress"] == "deflate"
        written = src.read(1).ravel()
    expected = np.full(pop.grid.n_cells, -9999.0, dtype="float32")
    dense = np.where(np.isfinite(full.surface_time_min), full.surface_time_min, -9999.0)
    expected[cells] = dense[cells]
    np.testing.assert_array_equal(written, expected)


def _bands(res):
    b = C.band_index(res.surface_time_min, res.bands_min)
    b[~np.isfinite(res.surface_time_min)] = -1
    return b


def test_huge_sparse_raster_reads_in_little_memory_and_time(region, tmp_path):
    """A 20000 × 20000 raster with 75,000 populated cells: read back exactly those cells,
    and computing the catchments keeps per-cell arrays at the populated cells."""
    from sundplan_qgis.sample.country import generate_sparse_population_raster

    truth = generate_sparse_population_raster(
        tmp_path / "big.tif", source_tif=region["region"].population_tif
    )
    assert (tmp_path / "big.tif").stat().st_size < 20e6
    t0 = time.perf_counter()
    pop = rasters.read_population_raster(tmp_path / "big.tif")
    assert time.perf_counter() - t0 < 60
    assert pop.grid.n_cells == 400_000_000
    np.testing.assert_array_equal(pop.flat_index, truth["flat"])
    np.testing.assert_array_equal(pop.population, truth["population"])

    res = _run(region, pop)
    assert res.surface_cells.size == 75_000 and res.surface_time_min.size == 75_000
    # Independent: the same residents as points (exact cell centres) give the same tables.
    pts = rasters.population_from_points(
        xy=pop.grid.centres(truth["flat"]),
        population=truth["population"].astype(float),
        crs_wkt=pop.crs_wkt,
        source_name="points",
    )
    ref = _run(region, pts)
    np.testing.assert_allclose(res.catchments.population, ref.catchments.population)
    np.testing.assert_allclose(res.bands.population, ref.bands.population)
    np.testing.assert_allclose(res.areas.population, ref.areas.population)
    np.testing.assert_allclose(res.areas.mean_min, ref.areas.mean_min, rtol=1e-12)
    # Catchment polygons cover exactly the populated cells (9 m² each).
    served = np.bincount(res.surface_hospital[res.surface_hospital >= 0])
    for k, geom in res.catchment_polygons.items():
        assert geom.area == pytest.approx(served[k] * 9.0)
    assert box(*pop.grid.bounds()).contains(res.catchment_polygons[0])


def test_surface_in_chunks_equals_locating_every_cell_at_once(region, monkeypatch):
    """The surface is located a chunk of cells at a time (only minutes and hospital kept per
    cell): the same numbers as locating every cell centre in one call and indexing it."""
    pop = rasters.read_population_raster(region["region"].population_tif)
    monkeypatch.setattr(rasters, "SURFACE_CHUNK", 7_777)
    res = _run(region, pop)
    sol = C.solve_network(
        region["graph"], hospital_xy=region["hxy"], hospital_names=region["names"]
    )
    whole = C.locate(region["graph"], sol, pop.grid.centres())
    np.testing.assert_array_equal(res.surface_time_min, whole.time_min)
    np.testing.assert_array_equal(res.surface_hospital, whole.hospital)
    for f in ("time_min", "hospital", "snap_m", "status", "node"):
        np.testing.assert_array_equal(
            getattr(res.locations, f), getattr(whole, f)[pop.flat_index], err_msg=f
        )
