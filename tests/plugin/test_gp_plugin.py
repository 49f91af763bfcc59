"""sundplan:gp_density and sundplan:fca_access headless through ``processing.run`` on the
sample region; numbers checked against the inputs read independently with ogr."""

from __future__ import annotations

import json
from pathlib import Path

import numpy as np
import pandas as pd
import pytest
from osgeo import ogr
from qgis.core import QgsProcessingException
from shapely import wkb
from shapely.geometry import Point
from shapely.prepared import prep

WEIGHTS_CSV = Path(__file__).resolve().parents[2] / "resources/data/need_weights_gp.csv"


def read_rows(path) -> list[dict]:
    ds = ogr.Open(str(path))
    rows = [f.items() for f in ds.GetLayer(0)]
    ds = None
    return rows


def read_features(path, layer=None) -> list[tuple[dict, object]]:
    """(attributes, shapely geometry) of every feature, read with ogr."""
    ds = ogr.Open(str(path))
    lyr = ds.GetLayer(0) if layer is None else ds.GetLayerByName(layer)
    out = [(f.items(), wkb.loads(bytes(f.GetGeometryRef().ExportToWkb()))) for f in lyr]
    ds = None
    return out


def kommune_need_factors(kommuner: list[tuple[dict, object]]) -> dict[str, float]:
    """Need factor per kommunekode straight from the age/sex columns and the weights CSV:
    Σ persons × weight ÷ Σ persons ('all' rows apply to both sexes)."""
    raw = pd.read_csv(WEIGHTS_CSV, dtype={"age_group": str})
    weight = {}
    for r in raw.itertuples(index=False):
        for sex in ("m", "k") if r.sex == "all" else (r.sex,):
            weight[(sex, r.age_group)] = float(r.weight)
    out = {}
    for attrs, _ in kommuner:
        cols = {c: v for c, v in attrs.items() if c[:2] in ("m_", "k_")}
        assert len(cols) == 36
        heads = sum(cols.values())
        weighted = sum(v * weight[(c[0], c[2:])] for c, v in cols.items())
        out[attrs["kommunekode"]] = weighted / heads
    return out


def owner_of(points, kommuner: list[tuple[dict, object]]) -> list[str | None]:
    """Kommunekode of the polygon containing each (x, y), None outside all."""
    polys = [(attrs["kommunekode"], prep(g)) for attrs, g in kommuner]
    out = []
    for x, y in points:
        pt = Point(x, y)
        out.append(next((code for code, g in polys if g.contains(pt)), None))
    return out


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
            "AREA_POPULATION_FIELD": "population",
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

    # need-adjusted columns against pandas from the raw kommune age/sex columns, the weights
    # CSV and the practices placed in the kommune polygons with shapely
    kfeat = read_features(gpkg, "kommuner")
    pfeat = read_features(gpkg, "gp_practices")
    factor = kommune_need_factors(kfeat)
    owner = owner_of([(g.x, g.y) for _, g in pfeat], kfeat)
    cap = pd.Series([a["n_gps"] for a, _ in pfeat]).groupby(pd.Series(owner)).sum()
    exp = pd.DataFrame(
        {
            "kommune": [a["kommune"] for a, _ in kfeat],
            "population": [float(a["population"]) for a, _ in kfeat],
        },
        index=[a["kommunekode"] for a, _ in kfeat],
    )
    exp["gp_capacity"] = cap.reindex(exp.index).fillna(0.0)
    exp["need_population"] = exp["population"] * pd.Series(factor)
    exp["need_gps_per_10000"] = 1e4 * exp["gp_capacity"] / exp["need_population"]
    exp["need_inhabitants_per_gp"] = exp["need_population"] / exp["gp_capacity"]
    exp["shortage"] = exp["need_inhabitants_per_gp"] > 1600
    exp["rank_shortage"] = exp["need_gps_per_10000"].rank(method="min")
    assert (exp["need_population"] != exp["population"]).all()  # the weights do something
    got = pd.DataFrame([a for a in areas if a["area_id"]]).set_index("area_id")
    assert sorted(got.index) == sorted(exp.index)
    for code, e in exp.iterrows():
        g = got.loc[code]
        assert g["gp_capacity"] == pytest.approx(e["gp_capacity"]), code
        assert g["need_population"] == pytest.approx(e["need_population"], rel=1e-9), code
        assert g["need_factor"] == pytest.approx(factor[code], rel=1e-9), code
        assert g["need_gps_per_10000"] == pytest.approx(e["need_gps_per_10000"], rel=1e-9)
        assert g["need_inhabitants_per_gp"] == pytest.approx(e["need_inhabitants_per_gp"])
        assert bool(g["shortage"]) == bool(e["shortage"]), code
        assert g["rank_shortage"] == e["rank_shortage"], code
    s = summary[0]
    best = exp["need_gps_per_10000"].idxmax()
    worst = exp["need_gps_per_10000"].idxmin()
    assert s["best_unit"] == exp.loc[best, "kommune"]
    assert s["worst_unit"] == exp.loc[worst, "kommune"]
    assert s["spread_ratio_best_worst"] == pytest.approx(
        exp.loc[best, "need_gps_per_10000"] / exp.loc[worst, "need_gps_per_10000"]
    )
    assert s["n_shortage"] == int(exp["shortage"].sum())
    assert s["need_population"] == pytest.approx(exp["need_population"].sum())
    assert s["need_gps_per_10000"] == pytest.approx(
        1e4 * exp["gp_capacity"].sum() / exp["need_population"].sum()
    )

    # a threshold between the head-count and the need-weighted residents per GP of one kommune:
    # the flag must follow need (the default 1 600 does not separate them on the sample)
    exp["inhabitants_per_gp"] = exp["population"] / exp["gp_capacity"]
    code = (exp["need_inhabitants_per_gp"] / exp["inhabitants_per_gp"] - 1).abs().idxmax()
    threshold = float(exp.loc[code, ["need_inhabitants_per_gp", "inhabitants_per_gp"]].mean())
    processing.run(
        "sundplan:gp_density",
        {
            "PRACTICES": f"{gpkg}|layername=gp_practices",
            "CAPACITY_FIELD": "n_gps",
            "AREAS": f"{gpkg}|layername=kommuner",
            "AREA_ID_FIELD": "kommunekode",
            "AREA_NAME_FIELD": "kommune",
            "AREA_POPULATION_FIELD": "population",
            "NEED_WEIGHTS": 1,
            "SHORTAGE_THRESHOLD": threshold,
            "AREA_OUTPUT": str(tmp_path / "areas_t.gpkg"),
            "GROUP_OUTPUT": "TEMPORARY_OUTPUT",
            "SUMMARY": str(tmp_path / "summary_t.gpkg"),
            "LORENZ": "TEMPORARY_OUTPUT",
            "REPORT": str(tmp_path / "report_t.json"),
        },
    )
    flags = {a["area_id"]: bool(a["shortage"]) for a in read_rows(tmp_path / "areas_t.gpkg")}
    expect = exp["need_inhabitants_per_gp"] > threshold
    assert flags[code] != bool(exp.loc[code, "inhabitants_per_gp"] > threshold)
    assert {k: flags[k] for k in exp.index} == expect.to_dict()
    assert read_rows(tmp_path / "summary_t.gpkg")[0]["n_shortage"] == int(expect.sum())


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
    pfeat = read_features(tmp_path / "pts.gpkg")
    pts = [a for a, _ in pfeat]
    # demand = population × the need factor of the kommune containing the location (1 outside
    # every kommune), computed from the raw age/sex columns and the weights CSV
    kfeat = read_features(gpkg, "kommuner")
    factor = kommune_need_factors(kfeat)
    owner = owner_of([(g.x, g.y) for _, g in pfeat], kfeat)
    demand = np.array(
        [p["population"] * (factor[k] if k else 1.0) for p, k in zip(pts, owner, strict=True)]
    )
    np.testing.assert_allclose([p["demand"] for p in pts], demand, rtol=1e-9)
    assert sum(k is not None for k in owner) > 0.9 * len(pts)
    # conservation: Σ access × demand over the located homes = capacity of the practices that
    # reach any demand, taken from the practices output
    ok = [k for k, p in enumerate(pts) if p["status"] == "ok"]
    lhs = sum((pts[k]["access_per_10000"] or 0) / 1e4 * demand[k] for k in ok)
    prac = read_rows(tmp_path / "prac.gpkg")
    rhs = sum(p["capacity"] for p in prac if (p["demand_reached"] or 0) > 0)
    assert rhs > 0 and lhs == pytest.approx(rhs, rel=1e-9)
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
    # no network: never a silent straight line, but the shipped national overview network,
    # said in the report (it was a refusal before the overview network shipped)
    processing.run("sundplan:fca_access", params)
    report = json.loads((tmp_path / "report.json").read_text("utf-8"))
    assert "overview" in json.dumps(report["network"])
    assert "straight line" not in json.dumps(read_rows(tmp_path / "prac.gpkg"))
    processing.run("sundplan:fca_access", {**params, "STRAIGHT_LINE": True})
    prac = read_rows(tmp_path / "prac.gpkg")
    assert len(prac) == 6  # the sample has 5 + 1 psychiatrists
    assert all("straight line × 1.4" in p["time_method"] for p in prac)
    with pytest.raises(QgsProcessingException, match="threshold"):
        processing.run("sundplan:fca_access", {**params, "STRAIGHT_LINE": True, "THRESHOLD_MIN": 0})
