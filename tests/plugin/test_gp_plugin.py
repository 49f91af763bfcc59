"""sundplan:gp_density and sundplan:fca_access headless through ``processing.run`` on the
sample region; numbers checked against the inputs read independently with ogr."""

from __future__ import annotations

import json
from pathlib import Path

import pytest
from osgeo import ogr
from qgis.core import QgsProcessingException


def read_rows(path) -> list[dict]:
    ds = ogr.Open(str(path))
    rows = [f.items() for f in ds.GetLayer(0)]
    ds = None
    return rows


@pytest.fixture(scope="module")
def sample(tmp_path_factory, sundplan_package) -> Path:
    from sundplan.sundplan_qgis.sample import generate_sample_region

    out = tmp_path_factory.mktemp("gp_sample")
    generate_sample_region(out, seed=2027)
    return out


def test_gp_density_on_sample_region(sundplan_provider, sample, tmp_path):
    import processing

    gpkg = sample / "sample_region.gpkg"
    res = processing.run(
        "sundplan:gp_density",
        {
            "PRACTICES": f"{gpkg}|layername=gp_practices",
            "PRACTICE_NAME_FIELD": "name",
            "CAPACITY_FIELD": "n_gps",
            "LIST_SIZE_FIELD": "list_size",
            "OPEN_FIELD": "open_for_patients",
            "AREAS": f"{gpkg}|layername=kommuner",
            "AREA_ID_FIELD": "kommunekode",
            "AREA_NAME_FIELD": "kommune",
            "POPULATION_FIELD": "population",
            "NEED_WEIGHTS": 1,
            "AREA_OUTPUT": str(tmp_path / "areas.gpkg"),
            "GROUP_OUTPUT": str(tmp_path / "groups.gpkg"),
            "SUMMARY": str(tmp_path / "summary.gpkg"),
            "LORENZ": str(tmp_path / "lorenz.gpkg"),
            "OUTSIDE_PRACTICES": str(tmp_path / "outside.gpkg"),
            "REPORT": str(tmp_path / "report.json"),
        },
    )
    areas = read_rows(tmp_path / "areas.gpkg")
    ds = ogr.Open(str(gpkg))
    prac = [f.items() for f in ds.GetLayerByName("gp_practices")]
    kom = [f.items() for f in ds.GetLayerByName("kommuner")]
    ds = None
    total_cap = sum(p["n_gps"] for p in prac)
    assert sum(a["gp_capacity"] for a in areas) == pytest.approx(total_cap)
    assert sum(a["population"] for a in areas) == pytest.approx(sum(k["population"] for k in kom))
    for a in areas:
        if a["area_id"] and a["population"] > 0 and a["gp_capacity"] > 0:
            assert a["inhabitants_per_gp"] == pytest.approx(a["population"] / a["gp_capacity"])
        assert "need_weights_gp.csv" in a["weights"]
    report = json.loads(Path(res["REPORT"]).read_text("utf-8"))
    assert report["weights"]["sha256"]
    assert report["shortage_threshold"] == 1600
    summary = read_rows(tmp_path / "summary.gpkg")
    assert summary[0]["level"] == "area" and 0 <= summary[0]["gini_capacity_vs_need"] < 1
    assert json.loads(res["PROVENANCE"])["algorithm"] == "sundplan:gp_density"


def test_gp_density_bad_capacity_names_the_feature(sundplan_provider, sample, tmp_path):
    from qgis.core import QgsFeatureRequest, QgsVectorLayer

    import processing

    gpkg = sample / "sample_region.gpkg"
    layer = QgsVectorLayer(f"{gpkg}|layername=gp_practices", "gp", "ogr")
    mem = layer.materialize(QgsFeatureRequest())
    idx = mem.fields().indexOf("n_gps")
    first = next(mem.getFeatures())
    mem.dataProvider().changeAttributeValues({first.id(): {idx: 0}})
    with pytest.raises(QgsProcessingException, match=first["name"]):
        processing.run(
            "sundplan:gp_density",
            {
                "PRACTICES": mem,
                "PRACTICE_NAME_FIELD": "name",
                "CAPACITY_FIELD": "n_gps",
                "AREAS": f"{gpkg}|layername=kommuner",
                "AREA_ID_FIELD": "kommunekode",
                "AREA_OUTPUT": "TEMPORARY_OUTPUT",
                "GROUP_OUTPUT": "TEMPORARY_OUTPUT",
                "SUMMARY": "TEMPORARY_OUTPUT",
                "LORENZ": "TEMPORARY_OUTPUT",
                "REPORT": str(tmp_path / "r.json"),
            },
        )


@pytest.mark.parametrize("method", [0, 1, 2])
def test_fca_access_on_sample_region(sundplan_provider, sample, tmp_path, method):
    import processing

    gpkg = sample / "sample_region.gpkg"
    res = processing.run(
        "sundplan:fca_access",
        {
            "PRACTICES": f"{gpkg}|layername=gp_practices",
            "PRACTICE_NAME_FIELD": "name",
            "CAPACITY_FIELD": "n_gps",
            "POPULATION_RASTER": str(sample / "population.tif"),
            "AREAS": f"{gpkg}|layername=kommuner",
            "AREA_ID_FIELD": "kommunekode",
            "AREA_NAME_FIELD": "kommune",
            "NEED_WEIGHTS": 1,
            "METHOD": method,
            "THRESHOLD_MIN": 15,
            "NETWORK_LAYER": f"{gpkg}|layername=roads",
            "SPEED_FIELD": "maxspeed_kmh",
            "ONEWAY_FIELD": "oneway",
            "CLASS_FIELD": "road_class",
            "DURATION_FIELD": "duration_min",
            "ACCESS_POINTS": str(tmp_path / "pts.gpkg"),
            "AREA_ACCESS": str(tmp_path / "areas.gpkg"),
            "PRACTICE_RATIO": str(tmp_path / "prac.gpkg"),
            "REPORT": str(tmp_path / "report.json"),
        },
    )
    report = json.loads(Path(res["REPORT"]).read_text("utf-8"))
    assert report["conservation"]["relative_difference"] < 1e-9
    assert report["time_method"] == "network"
    pts = read_rows(tmp_path / "pts.gpkg")
    ok = [p for p in pts if p["status"] == "ok"]
    lhs = sum((p["access_per_10000"] or 0) / 1e4 * p["demand"] for p in ok)
    assert lhs == pytest.approx(report["conservation"]["capacity_of_practices_reaching_demand"])
    assert all("need_weights_gp.csv" in p["weights"] for p in pts[:5])
    areas = read_rows(tmp_path / "areas.gpkg")
    assert sum(a["population"] for a in areas) == pytest.approx(sum(p["population"] for p in pts))


def test_fca_straight_line_fallback_is_explicit_and_labelled(sundplan_provider, sample, tmp_path):
    import processing

    gpkg = sample / "sample_region.gpkg"
    params = {
        "PRACTICES": f"{gpkg}|layername=specialists",
        "CAPACITY_FIELD": "capacity",
        "SPECIALTY_FIELD": "specialty",
        "SPECIALTIES": "Psykiatri",
        "POPULATION_RASTER": str(sample / "population.tif"),
        "THRESHOLD_MIN": 30,
        "ACCESS_POINTS": "TEMPORARY_OUTPUT",
        "PRACTICE_RATIO": str(tmp_path / "prac.gpkg"),
        "REPORT": str(tmp_path / "report.json"),
    }
    with pytest.raises(QgsProcessingException, match="straight-line"):
        processing.run("sundplan:fca_access", params)
    processing.run("sundplan:fca_access", {**params, "STRAIGHT_LINE": True})
    prac = read_rows(tmp_path / "prac.gpkg")
    assert len(prac) == 6  # the sample has 5 + 1 psychiatrists
    assert all("straight line × 1.4" in p["time_method"] for p in prac)
    with pytest.raises(QgsProcessingException, match="threshold"):
        processing.run("sundplan:fca_access", {**params, "STRAIGHT_LINE": True, "THRESHOLD_MIN": 0})
