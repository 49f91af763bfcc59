"""sundplan:location_allocation headless through ``processing.run`` on the sample region
(SYNTHETIC): the outputs agree with each other and with the population raster read with
GDAL; the coverage curve is monotone; the greedy fallback is labelled."""

from __future__ import annotations

import json
from pathlib import Path

import numpy as np
import pytest
from osgeo import gdal, ogr


def read_rows(path) -> list[dict]:
    ds = ogr.Open(str(path))
    rows = [f.items() for f in ds.GetLayer(0)]
    ds = None
    return rows


@pytest.fixture(scope="module")
def sample(tmp_path_factory, sundplan_package) -> Path:
    from sundplan.sundplan_qgis.sample import generate_sample_region

    out = tmp_path_factory.mktemp("la_sample")
    generate_sample_region(out, seed=2027)
    return out


def params(sample: Path, out: Path, **extra) -> dict:
    gpkg = sample / "sample_region.gpkg"
    p = {
        "CANDIDATES": f"{gpkg}|layername=gp_practices",
        "CANDIDATES_NAME_FIELD": "name",
        "EXISTING": f"{gpkg}|layername=hospitals",
        "EXISTING_NAME_FIELD": "name",
        "OBJECTIVE": 0,
        "K": 3,
        "TIME_LIMIT_MIN": 8,
        "POPULATION_RASTER": str(sample / "population.tif"),
        "AREAS": f"{gpkg}|layername=kommuner",
        "AREA_ID_FIELD": "kommunekode",
        "AREA_NAME_FIELD": "kommune",
        "NETWORK_LAYER": f"{gpkg}|layername=roads",
        "SPEED_FIELD": "maxspeed_kmh",
        "ONEWAY_FIELD": "oneway",
        "CLASS_FIELD": "road_class",
        "DURATION_FIELD": "duration_min",
        "SITES": str(out / "sites.gpkg"),
        "AREA_CHANGE": str(out / "areas.gpkg"),
        "CURVE": str(out / "curve.gpkg"),
        "REPORT": str(out / "report.json"),
    }
    p.update(extra)
    return p


def raster_total(path: Path) -> float:
    ds = gdal.Open(str(path))
    band = ds.GetRasterBand(1)
    a = band.ReadAsArray().astype(float)
    nodata = band.GetNoDataValue()
    if nodata is not None:
        a[a == nodata] = 0
    return float(a[a > 0].sum())


def test_mclp_on_sample_region(sundplan_provider, sample, tmp_path):
    import processing

    processing.run("sundplan:location_allocation", params(sample, tmp_path))
    report = json.loads((tmp_path / "report.json").read_text("utf-8"))
    assert report["method"] == "exact" and report["model"]["optimal"]
    assert "provenance" in report and report["provenance"]["parameters"]["K"] == 3
    sites = read_rows(tmp_path / "sites.gpkg")
    new = [s for s in sites if s["kind"] == "new"]
    assert [s["rank"] for s in new] == [1, 2, 3]
    assert all(s["kind_label"] and s["method_label"] for s in sites)
    assert (
        sum(s["kind"] == "existing" for s in sites)
        == ogr.Open(str(sample / "sample_region.gpkg"))
        .GetLayerByName("hospitals")
        .GetFeatureCount()
    )
    result = report["result"]
    # the gains add up to the improvement, the areas to the covered residents (unweighted)
    assert sum(s["gain_residents"] for s in new) == pytest.approx(result["gain"])
    areas = read_rows(tmp_path / "areas.gpkg")
    assert sum(a["pop_within_after"] for a in areas) == pytest.approx(result["value_after"])
    assert sum(a["pop_within_before"] for a in areas) == pytest.approx(result["value_before"])
    assert sum(a["demand_within_after"] for a in areas) == pytest.approx(result["value_after"])
    # every resident of the raster is in the area table, placed or not
    assert sum(a["population"] for a in areas) == pytest.approx(
        raster_total(sample / "population.tif")
    )
    curve = read_rows(tmp_path / "curve.gpkg")
    values = [c["value"] for c in sorted(curve, key=lambda c: c["k"])]
    assert len(values) == 4 and np.all(np.diff(values) >= -1e-6)
    assert values[-1] == pytest.approx(result["value_after"])
    assert (tmp_path / "report.txt").is_file()


def test_pmedian_grid_greedy_labelled(sundplan_provider, sample, tmp_path):
    import processing

    processing.run(
        "sundplan:location_allocation",
        params(
            sample,
            tmp_path,
            CANDIDATES=None,
            EXISTING=None,
            OBJECTIVE=1,
            K=2,
            TIME_LIMIT_MIN=30,
            GRID_SPACING_M=4000,
            MAX_EXACT_NONZEROS=10,
            NEED_WEIGHTS=1,
        ),
    )
    report = json.loads((tmp_path / "report.json").read_text("utf-8"))
    assert report["method"] == "greedy"
    assert "problem too large for the exact solver" in report["method_text"]
    assert report["candidates"]["source"] == "grid"
    sites = read_rows(tmp_path / "sites.gpkg")
    assert {s["method"] for s in sites} == {"greedy"}
    assert all(s["site_id"].startswith("G") for s in sites)
    assert sum(s["gain_person_min"] for s in sites) == pytest.approx(report["result"]["gain"])
    assert report["need_weights"]  # the weights are recorded
