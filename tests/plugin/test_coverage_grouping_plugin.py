"""fca_access and specialist_gaps headless: residents not reached per area (counted by hand on
the tiny network of test_gaps_plugin), no practice on the network stops the run, Christiansø
outside the grouping on the real DAGI kommuner, capacities that are all zero or not numbers."""

from __future__ import annotations

import json

import pytest
from qgis.core import (
    QgsFeature,
    QgsGeometry,
    QgsPointXY,
    QgsProcessingException,
    QgsProcessingFeedback,
    QgsVectorLayer,
)
from shapely import wkt as shapely_wkt
from shapely.geometry import Point

from tests.plugin.test_gaps_plugin import X0, Y0, _layer_frame, tiny_network  # noqa: F401

OUT = "outside the grouping"


def null(v) -> bool:
    return v is None or (hasattr(v, "isNull") and v.isNull()) or v != v


class Recorder(QgsProcessingFeedback):
    def __init__(self):
        super().__init__()
        self.warnings: list[str] = []

    def pushWarning(self, text):  # noqa: N802
        self.warnings.append(text)
        super().pushWarning(text)


def fca_params(gpkg, tmp_path, **kw):
    params = {
        "PRACTICES": f"{gpkg}|layername=practices",
        "CAPACITY_FIELD": "capacity",
        "POPULATION_LAYER": f"{gpkg}|layername=residents",
        "POPULATION_FIELD": "pop",
        "AREAS": f"{gpkg}|layername=areas",
        "AREA_ID_FIELD": "area_id",
        "AREA_NAME_FIELD": "area_id",
        "METHOD": 0,
        "THRESHOLD_MIN": 20,
        "NETWORK_LAYER": f"{gpkg}|layername=roads",
        "SPEED_FIELD": "speed",
        "MAX_SNAP_M": 1000,
        "ACCESS_SPEED_KMH": 30,
        "WORKERS": 1,
        "ACCESS_POINTS": "TEMPORARY_OUTPUT",
        "AREA_ACCESS": "TEMPORARY_OUTPUT",
        "PRACTICE_RATIO": "TEMPORARY_OUTPUT",
        "REPORT": str(tmp_path / "report.json"),
    }
    params.update(kw)
    return params


def test_fca_access_counts_residents_not_reached_by_hand(
    sundplan_provider,
    tiny_network,  # noqa: F811 (the fixture of test_gaps_plugin)
    tmp_path,
):
    """Road 1 min per km; practices (capacity 1) at x = 0, 40 and 100 km; threshold 20 min.
    Within reach: x=10 -> practice 0 (10 min); x=45 -> practice 1 (5); x=95 -> practice 2 (5).
    x=75 (25 min from practice 2) and x=71 (+900 m leg) have no practice within 20 min: reached,
    access 0. The 16 by the isolated road are unreachable, the 32 at 20 km from any road
    unsnapped. Ratios 1/100, 1/200, 1/800."""
    import processing

    fb = Recorder()
    res = processing.run("sundplan:fca_access", fca_params(tiny_network, tmp_path), feedback=fb)
    areas = _layer_frame(res["AREA_ACCESS"]).set_index("area_id")
    w, e = areas.loc["W"], areas.loc["E"]
    assert (w["population"], w["pop_unsnapped"], w["pop_unreachable"]) == (316, 0, 16)
    assert (e["population"], e["pop_unsnapped"], e["pop_unreachable"]) == (1296, 32, 0)
    assert w["share_not_reached"] == pytest.approx(16 / 316)
    assert e["share_not_reached"] == pytest.approx(32 / 1296)
    # means of reached residents: W (100/100 + 200/200) / 300, E (800/800) / (400 + 800 + 64)
    assert w["access_mean_per_10000"] == pytest.approx(2 / 300 * 1e4)
    assert e["access_mean_per_10000"] == pytest.approx(1 / 1264 * 1e4)
    assert e["pop_no_practice_within_threshold"] == 400 + 64  # a result, not "not reached"
    pts = _layer_frame(res["ACCESS_POINTS"])
    unplaced = pts[pts["status"] != "ok"]
    assert sorted(unplaced["population"]) == [16, 32]
    assert all(null(v) for v in unplaced["access_per_10000"])  # NULL, never 0
    report = json.loads((tmp_path / "report.json").read_text("utf-8"))
    cov = report["coverage"]
    assert (cov["total"], cov["unsnapped"], cov["unreachable"]) == (1612, 32, 16)
    assert cov["share_not_reached"] == pytest.approx(48 / 1612)
    assert [a["area"] for a in cov["worst_areas"]] == ["E", "W"]
    assert "reached residents" in report["demand"]["mean_access_covers"]
    warned = [t for t in fb.warnings if "48 residents" in t]
    assert len(warned) == 1 and "E (32, 2.5 %)" in warned[0] and "W (16, 5.1 %)" in warned[0]
    # above the threshold: no warning
    fb = Recorder()
    processing.run(
        "sundplan:fca_access",
        fca_params(tiny_network, tmp_path, NOT_REACHED_WARNING_PCT=5),
        feedback=fb,
    )
    assert not [t for t in fb.warnings if "not reached" in t]


def test_fca_access_without_any_practice_on_the_network_stops(
    sundplan_provider,
    tiny_network,  # noqa: F811 (the fixture of test_gaps_plugin)
    tmp_path,
):
    import processing

    far = QgsVectorLayer(
        "Point?crs=EPSG:25832&field=capacity:double", "Fjerne praksisser", "memory"
    )
    feats = []
    for dx, dy in ((50_000, 30_000), (-30_000, -30_000)):
        f = QgsFeature(far.fields())
        f.setGeometry(QgsGeometry.fromPointXY(QgsPointXY(X0 + dx, Y0 + dy)))
        f["capacity"] = 2.0
        feats.append(f)
    far.dataProvider().addFeatures(feats)
    report = tmp_path / "r.json"
    with pytest.raises(QgsProcessingException) as info:
        processing.run(
            "sundplan:fca_access",
            fca_params(tiny_network, tmp_path, PRACTICES=far, REPORT=str(report)),
        )
    text = str(info.value)
    assert "'Fjerne praksisser'" in text and "maximum snap distance" in text
    assert not report.exists()


# --------------------------------------------------------------------------- real kommuner
def _dagi(shared_data):
    return shared_data / "dagi-kommuner-regioner-2021-folk1a" / "kommuner_2021_folk1a.geojson"


def _rheumatologists(kommuner_path, capacities: dict[str, float]) -> QgsVectorLayer:
    """One Reumatologi practice per listed kommune, at a point on its surface (EPSG:25832)."""
    from qgis.core import QgsCoordinateReferenceSystem, QgsCoordinateTransform, QgsProject

    src = QgsVectorLayer(str(kommuner_path), "kommuner", "ogr")
    ct = QgsCoordinateTransform(
        src.crs(), QgsCoordinateReferenceSystem("EPSG:25832"), QgsProject.instance()
    )
    layer = QgsVectorLayer(
        "Point?crs=EPSG:25832&field=specialty:string&field=capacity:double", "reum", "memory"
    )
    feats = []
    for k in src.getFeatures():
        if k["kode"] in capacities:
            g = k.geometry().pointOnSurface()
            g.transform(ct)
            f = QgsFeature(layer.fields())
            f.setGeometry(g)
            f["specialty"] = "Reumatologi"
            f["capacity"] = capacities[k["kode"]]
            feats.append(f)
    layer.dataProvider().addFeatures(feats)
    return layer


CAPACITIES = {"0101": 20.0, "0751": 6.0, "0851": 2.0, "0461": 4.0, "0330": 3.0, "0400": 1.0}


@pytest.mark.shared
def test_specialist_gaps_by_region_with_christianso(sundplan_provider, shared_data, tmp_path):
    import processing

    kommuner = _dagi(shared_data)
    params = {
        "PRACTICES": _rheumatologists(kommuner, CAPACITIES),
        "SPECIALTY_FIELD": "specialty",
        "CAPACITY_FIELD": "capacity",
        "AREAS": str(kommuner),
        "AREA_ID_FIELD": "kode",
        "AREA_NAME_FIELD": "navn",
        "GROUPING": 1,  # regions
        "NEED_WEIGHTS": 0,  # unweighted: the layer has a population column
        "OUTPUT": "TEMPORARY_OUTPUT",
        "SUMMARY": "TEMPORARY_OUTPUT",
        "RELOCATIONS": "TEMPORARY_OUTPUT",
        "REPORT": str(tmp_path / "r.json"),
    }
    fb = Recorder()
    res = processing.run("sundplan:specialist_gaps", params, feedback=fb)
    out = _layer_frame(res["OUTPUT"]).set_index("area_id")
    assert len(out) == 6 and bool(out.loc[OUT, "outside_grouping"])
    assert out.loc[OUT, "class"] == OUT and out.loc[OUT, "capacity"] == 0
    kom = QgsVectorLayer(str(kommuner), "k", "ogr")
    chr_pop = next(f["population"] for f in kom.getFeatures() if f["kode"] == "0411")
    assert out.loc[OUT, "population"] == chr_pop
    assert any("0411" in t for t in fb.warnings)
    # fair shares over the five regions only, independently from the layer's attributes
    from sundplan.sundplan_qgis import reference

    region = dict(
        zip(reference.kommuner()["kommunekode"], reference.kommuner()["region"], strict=True)
    )
    pop, cap = {}, {}
    for f in kom.getFeatures():
        r = region.get(f["kode"])
        if r:
            pop[r] = pop.get(r, 0) + f["population"]
            cap[r] = cap.get(r, 0) + CAPACITIES.get(f["kode"], 0.0)
    total = sum(cap.values())
    for r in pop:
        fair = total * pop[r] / sum(pop.values())
        assert out.loc[r, "fair_share"] == pytest.approx(fair, rel=1e-9), r
    # relocations run between regions only, and their ends lie on land in their region
    reloc = res["RELOCATIONS"]
    assert reloc.featureCount() > 0
    shapes = {a: shapely_wkt.loads(g.asWkt()) for a, g in _geoms(res["OUTPUT"]).items()}
    for f in reloc.getFeatures():
        assert OUT not in (f["from_area_id"], f["to_area_id"])
        line = f.geometry().asPolyline()
        for end, area in ((line[0], f["from_area_id"]), (line[-1], f["to_area_id"])):
            assert shapes[area].buffer(1.0).contains(Point(end.x(), end.y())), area


def _geoms(layer) -> dict:
    return {f["area_id"]: f.geometry() for f in layer.getFeatures()}


@pytest.mark.parametrize(
    "capacities, message",
    [
        ({"0101": 0.0, "0751": 0.0}, "capacity 0"),
        ({"0101": float("nan"), "0751": 1.0}, "not finite numbers"),
    ],
)
@pytest.mark.shared
def test_specialist_gaps_rejects_zero_and_nan_capacities(
    sundplan_provider, shared_data, tmp_path, capacities, message
):
    import processing

    kommuner = _dagi(shared_data)
    layer = _rheumatologists(kommuner, capacities)
    with pytest.raises(QgsProcessingException, match=message) as info:
        processing.run(
            "sundplan:specialist_gaps",
            {
                "PRACTICES": layer,
                "SPECIALTY_FIELD": "specialty",
                "CAPACITY_FIELD": "capacity",
                "AREAS": str(kommuner),
                "AREA_ID_FIELD": "kode",
                "NEED_WEIGHTS": 0,
                "OUTPUT": str(tmp_path / "out.gpkg"),
                "SUMMARY": "TEMPORARY_OUTPUT",
                "RELOCATIONS": "TEMPORARY_OUTPUT",
            },
        )
    assert "'reum'" in str(info.value)
    assert not (tmp_path / "out.gpkg").exists()


@pytest.mark.shared
def test_gp_density_christianso_is_outside_every_rollup(sundplan_provider, shared_data, tmp_path):
    import processing

    kommuner = _dagi(shared_data)
    gps = _rheumatologists(kommuner, {k: 5.0 + i for i, k in enumerate(CAPACITIES)})
    res = processing.run(
        "sundplan:gp_density",
        {
            "PRACTICES": gps,
            "CAPACITY_FIELD": "capacity",
            "AREAS": str(kommuner),
            "AREA_ID_FIELD": "kode",
            "AREA_NAME_FIELD": "navn",
            "AREA_POPULATION_FIELD": "population",
            "NEED_WEIGHTS": 0,
            "AREA_OUTPUT": "TEMPORARY_OUTPUT",
            "GROUP_OUTPUT": "TEMPORARY_OUTPUT",
            "SUMMARY": "TEMPORARY_OUTPUT",
            "LORENZ": "TEMPORARY_OUTPUT",
            "REPORT": str(tmp_path / "r.json"),
        },
    )
    summary = _layer_frame(res["SUMMARY"]).set_index("level")
    assert "Christiansø" not in set(summary["worst_unit"]) and OUT not in set(summary["worst_unit"])
    assert (summary["areas_outside_grouping"] == 1).all()
    assert summary.loc["region", "n_units"] == 5 and summary.loc["area", "n_units"] == 98
    groups = _layer_frame(res["GROUP_OUTPUT"])
    outside = groups[groups["outside_grouping"].astype(bool)]
    assert sorted(outside["level"]) == sorted(
        ["region", "region_2027", "sundhedsraad", "sundhedsfaellesskab"]
    )
    assert set(outside["area_name"]) == {OUT}
    areas = _layer_frame(res["AREA_OUTPUT"]).set_index("area_id")
    assert bool(areas.loc["0411", "outside_grouping"])
    assert null(areas.loc["0411", "rank_shortage"])


def test_outside_the_grouping_label_is_printed_translated(sundplan_provider, tmp_path):
    """The core's label goes through the translation (here a one-entry .ts compiled on the
    spot; the full Danish text comes from i18n/pending/fcagaps.json)."""
    import shutil
    import subprocess

    import pandas as pd
    from qgis.PyQt.QtCore import QCoreApplication, QTranslator
    from sundplan.processing._params.grouping import translate_outside_grouping
    from sundplan.sundplan_qgis.reference import OUTSIDE_GROUPING

    lrelease = shutil.which("lrelease") or "/usr/lib/qt5/bin/lrelease"
    if not shutil.which(lrelease):
        pytest.skip("lrelease not installed")
    ts = tmp_path / "one.ts"
    ts.write_text(
        '<?xml version="1.0" encoding="utf-8"?><!DOCTYPE TS><TS version="2.1" language="da">'
        "<context><name>sundplan</name><message><source>outside the grouping</source>"
        "<translation>uden for inddeling</translation></message></context></TS>",
        encoding="utf-8",
    )
    qm = tmp_path / "one.qm"
    subprocess.run([lrelease, "-silent", str(ts), "-qm", str(qm)], check=True)
    frame = pd.DataFrame(
        {"area_id": ["R1", OUTSIDE_GROUPING], "area_name": ["R1", OUTSIDE_GROUPING],
         "class": ["balanced", OUTSIDE_GROUPING]}
    )  # fmt: skip
    assert translate_outside_grouping(frame) is frame  # English: unchanged, not copied
    translator = QTranslator()
    assert translator.load(str(qm))
    QCoreApplication.installTranslator(translator)
    try:
        got = translate_outside_grouping(frame)
    finally:
        QCoreApplication.removeTranslator(translator)
    assert got["area_name"].tolist() == ["R1", "uden for inddeling"]
    assert got["area_id"].tolist() == ["R1", "uden for inddeling"]
    assert got["class"].tolist() == ["balanced", "outside the grouping"]  # codes stay English
    assert frame["area_name"].tolist() == ["R1", "outside the grouping"]  # input untouched
