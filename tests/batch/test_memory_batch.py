"""Memory follows the residents, not the raster (issue 9 item 7), through ``qgis_process``.

A 20000 × 20000 population raster (3 m cells over the sample region) with 75,000 populated
cells, built by the test itself (tiled, compressed, written by windows: 2 MB on disk). Before
the fix ``sundplan:catchments`` took 12.6 GB on such a raster and failed; now it must finish
under 1 GB peak RSS (measured with ``getrusage(RUSAGE_CHILDREN)`` in a wrapper process whose
only child is ``qgis_process``), and its numbers must equal a run on the same residents given
as points (an independent path: no raster, no sparse surface).
"""

from __future__ import annotations

import json
import subprocess
import sys
from pathlib import Path

import numpy as np
import pytest
import rasterio

from .conftest import QGIS_PROCESS, read_table

pytestmark = pytest.mark.slow

LIMIT_MB = 1024

_MEASURE = """
import json, resource, subprocess, sys
proc = subprocess.run(sys.argv[1:], capture_output=True, text=True)
print(json.dumps({"rc": proc.returncode, "stdout": proc.stdout, "stderr": proc.stderr,
                  "maxrss_kb": resource.getrusage(resource.RUSAGE_CHILDREN).ru_maxrss}))
"""


def run_measured(env: dict, alg: str, params: dict) -> dict:
    """qgis_process in a fresh wrapper process: rc, output and the child's peak RSS (kB)."""
    args = [QGIS_PROCESS, "run", alg, "--json", "--"]
    args += [f"{k}={v}" for k, v in params.items() if v is not None]
    out = subprocess.run(
        [sys.executable, "-c", _MEASURE, *args],
        env=env,
        capture_output=True,
        text=True,
        timeout=900,
    )
    return json.loads(out.stdout)


@pytest.fixture(scope="module")
def big(sample, tmp_path_factory):
    from sundplan_qgis.sample.country import generate_sparse_population_raster

    folder = tmp_path_factory.mktemp("big")
    truth = generate_sparse_population_raster(
        folder / "pop20k.tif", source_tif=sample / "population.tif"
    )
    return folder / "pop20k.tif", truth


def params(sample: Path, out: Path, **population) -> dict:
    gpkg = sample / "sample_region.gpkg"
    return {
        "HOSPITALS": f"{gpkg}|layername=hospitals",
        "HOSPITAL_NAME_FIELD": "name",
        "ACTIVE_EXPRESSION": '"active" = 1',
        "NETWORK_FILE": sample / "roads.osm.pbf",
        "AREAS": f"{gpkg}|layername=kommuner",
        "AREA_ID_FIELD": "kommunekode",
        "AREA_NAME_FIELD": "kommune",
        "TRAVEL_TIME": out / "tt.tif",
        "CATCHMENTS": out / "catchments.gpkg",
        "BAND_POLYGONS": out / "bands.gpkg",
        "AREA_SUMMARY": out / "areas.gpkg",
        "REPORT": out / "report.json",
        **population,
    }


def write_points(path: Path, xy: np.ndarray, pop: np.ndarray, crs_wkt: str) -> None:
    from osgeo import ogr, osr

    srs = osr.SpatialReference()
    srs.ImportFromWkt(crs_wkt)
    ds = ogr.GetDriverByName("GPKG").CreateDataSource(str(path))
    layer = ds.CreateLayer("people", srs, ogr.wkbPoint)
    layer.CreateField(ogr.FieldDefn("pop", ogr.OFTReal))
    defn = layer.GetLayerDefn()
    layer.StartTransaction()
    for (x, y), p in zip(xy, pop, strict=True):
        f = ogr.Feature(defn)
        f["pop"] = float(p)
        f.SetGeometry(ogr.CreateGeometryFromWkt(f"POINT ({x!r} {y!r})"))
        layer.CreateFeature(f)
    layer.CommitTransaction()
    ds = None


def test_huge_sparse_raster_runs_in_under_1_gb(qgis_process_env, sample, big, tmp_path):
    path, truth = big
    with rasterio.open(path) as src:  # the input really is 20000² and sparse
        assert (src.width, src.height) == (20_000, 20_000)
        assert src.profile["tiled"] and src.profile["compress"] == "deflate"
        transform = src.transform
    assert path.stat().st_size < 20e6 and truth["flat"].size == 75_000

    out = tmp_path / "raster"
    run = run_measured(
        qgis_process_env, "sundplan:catchments", params(sample, out, **{"POPULATION_RASTER": path})
    )
    assert run["rc"] == 0, run["stderr"][-3000:]
    assert "Traceback" not in run["stderr"]
    peak_mb = run["maxrss_kb"] / 1024
    assert peak_mb < LIMIT_MB, f"peak RSS {peak_mb:.0f} MB"

    report = json.loads((out / "report.json").read_text("utf-8"))
    total = float(truth["population"].sum())
    assert report["population"]["total"] == pytest.approx(total)
    assert report["surface_grid"]["cells_computed"] == "populated cells only"

    # The same residents as points at the cell centres: an independent path.
    rows, cols = np.divmod(truth["flat"], 20_000)
    xs = transform.c + (cols + 0.5) * transform.a
    ys = transform.f + (rows + 0.5) * transform.e
    write_points(
        tmp_path / "people.gpkg", np.column_stack([xs, ys]), truth["population"], truth["crs_wkt"]
    )
    ref_out = tmp_path / "points"
    ref = run_measured(
        qgis_process_env,
        "sundplan:catchments",
        params(sample, ref_out, POPULATION_LAYER=tmp_path / "people.gpkg", POPULATION_FIELD="pop"),
    )
    assert ref["rc"] == 0, ref["stderr"][-3000:]
    for name, key in (
        ("catchments.gpkg", "hospital"),
        ("bands.gpkg", "band"),
        ("areas.gpkg", "area_name"),
    ):
        got = {r[key]: r for r in read_table(out / name)}
        want = {r[key]: r for r in read_table(ref_out / name)}
        assert got.keys() == want.keys()
        for k, row in want.items():
            assert got[k]["population"] == pytest.approx(row["population"]), (name, k)
            if "mean_min" in row and row["mean_min"] is not None:
                assert got[k]["mean_min"] == pytest.approx(row["mean_min"], abs=0.01)

    # The travel-time GeoTIFF: 20000², tiled and compressed, minutes at the populated cells
    # reached (their population-weighted mean = the catchments' overall mean), nodata elsewhere.
    with rasterio.open(out / "tt.tif") as src:
        assert (src.width, src.height) == (20_000, 20_000)
        assert src.profile["tiled"] and src.profile["compress"] == "deflate"
        minutes = np.array([v[0] for v in src.sample(zip(xs, ys, strict=True))])
        tiles = set(zip((rows // 512).tolist(), (cols // 512).tolist(), strict=True))
        r, c = next((r, c) for r in range(39) for c in range(39) if (r, c) not in tiles)
        empty = src.read(1, window=((r * 512, r * 512 + 512), (c * 512, c * 512 + 512)))
    assert (out / "tt.tif").stat().st_size < 50e6
    assert np.all(empty == -9999)  # a tile where nobody lives
    ok = minutes != -9999
    # The land mask (the kommuner) leaves cells centred off land as nodata in the raster,
    # though their residents are reached: at most the locations off land are missing.
    ok_locations = report["population"]["locations_by_status"]["ok"]
    off_land = report["land_mask"]["locations_off_land"]
    assert ok_locations - off_land <= ok.sum() <= ok_locations
    catchments = read_table(out / "catchments.gpkg")
    pop_ok = sum(c["population"] for c in catchments)
    mean = sum(c["population"] * c["mean_min"] for c in catchments) / pop_ok
    weights = truth["population"][ok]
    tol = 1e-3 if ok.sum() == ok_locations else 0.05 * off_land / max(ok_locations, 1) * mean
    assert np.average(minutes[ok], weights=weights) == pytest.approx(mean, abs=max(tol, 1e-3))
    # Catchment polygons: the populated cells each hospital serves (9 m² per cell), clipped
    # to the land.
    area_km2 = sum(c["area_km2"] for c in catchments)
    assert (ok.sum() - off_land) * 9e-6 * (1 - 1e-6) <= area_km2 <= ok_locations * 9e-6 * (1 + 1e-6)
