"""GP density and specialist gaps with AREAS left empty: the 98 embedded kommuner, with the
2021K1 totals of ``resources/data/kommuner.csv`` (read here independently) and the note in the
run report."""

from __future__ import annotations

import csv
import json
from pathlib import Path

import pytest

REPO_DIR = Path(__file__).resolve().parents[2]
KOMMUNER_CSV = REPO_DIR / "resources" / "data" / "kommuner.csv"
# practices at three akutsygehuse (EPSG:25832, metres): kommune, specialty, capacity
PRACTICES = [
    ("0751", "Øjenlægevidenskab", 3.0, 575_000.0, 6_222_000.0),  # Aarhus
    ("0461", "Øjenlægevidenskab", 1.0, 589_000.0, 6_137_000.0),  # Odense
    ("0851", "Psykiatri", 2.0, 557_000.0, 6_322_000.0),  # Aalborg
]


def totals() -> dict[str, int]:
    with KOMMUNER_CSV.open(encoding="utf-8") as handle:
        return {r["kommunekode"]: int(r["population_2021q1"]) for r in csv.DictReader(handle)}


@pytest.fixture
def practices(tmp_path) -> str:
    from osgeo import ogr, osr

    path = tmp_path / "praksis.gpkg"
    ds = ogr.GetDriverByName("GPKG").CreateDataSource(str(path))
    srs = osr.SpatialReference()
    srs.ImportFromEPSG(25832)
    layer = ds.CreateLayer("praksis", srs, ogr.wkbPoint)
    for name, kind in (("specialty", ogr.OFTString), ("capacity", ogr.OFTReal)):
        layer.CreateField(ogr.FieldDefn(name, kind))
    for _code, specialty, capacity, x, y in PRACTICES:
        feature = ogr.Feature(layer.GetLayerDefn())
        feature["specialty"], feature["capacity"] = specialty, capacity
        feature.SetGeometry(ogr.CreateGeometryFromWkt(f"POINT ({x} {y})"))
        layer.CreateFeature(feature)
    ds = None
    return str(path)


def rows(layer) -> list[dict]:
    names = layer.fields().names()
    return [{n: f[n] for n in names} for f in layer.getFeatures()]


def test_gp_density_defaults_to_the_embedded_kommuner(sundplan_provider, practices, tmp_path):
    import processing

    res = processing.run(
        "sundplan:gp_density",
        {
            "PRACTICES": practices,
            "CAPACITY_FIELD": "capacity",
            "AREA_OUTPUT": "TEMPORARY_OUTPUT",
            "GROUP_OUTPUT": "TEMPORARY_OUTPUT",
            "SUMMARY": "TEMPORARY_OUTPUT",
            "LORENZ": "TEMPORARY_OUTPUT",
            "REPORT": str(tmp_path / "report.json"),
        },
    )
    areas = {r["area_id"]: r for r in rows(res["AREA_OUTPUT"]) if r["area_id"]}
    expected = totals()
    assert set(areas) == set(expected)  # 98 kommuner, Christiansø not among them
    for code, population in expected.items():
        assert areas[code]["population"] == pytest.approx(population, rel=1e-9)
    for code, _spec, capacity, _x, _y in PRACTICES:
        assert areas[code]["gp_capacity"] == pytest.approx(capacity)
    report = json.loads((tmp_path / "report.json").read_text("utf-8"))
    assert "2021K1" in report["default_areas"] and "2014K1" in report["default_areas"]


def test_specialist_gaps_defaults_to_the_embedded_kommuner(sundplan_provider, practices, tmp_path):
    import processing

    res = processing.run(
        "sundplan:specialist_gaps",
        {
            "PRACTICES": practices,
            "SPECIALTY_FIELD": "specialty",
            "CAPACITY_FIELD": "capacity",
            "OUTPUT": "TEMPORARY_OUTPUT",
            "SUMMARY": "TEMPORARY_OUTPUT",
            "RELOCATIONS": "TEMPORARY_OUTPUT",
            "REPORT": str(tmp_path / "report.json"),
        },
    )
    out = rows(res["OUTPUT"])
    for specialty in ("Øjenlægevidenskab", "Psykiatri"):
        mine = [r for r in out if r["specialty"] == specialty and r["area_id"] in totals()]
        assert len(mine) == 98
        total = sum(c for _k, s, c, _x, _y in PRACTICES if s == specialty)
        assert sum(r["fair_share"] for r in mine) == pytest.approx(total)
        assert sum(r["capacity"] for r in mine) == pytest.approx(total)
    report = json.loads((tmp_path / "report.json").read_text("utf-8"))
    assert "fetch_base_data" in report["default_areas"]


def test_choices_can_be_given_by_key(sundplan_provider, practices, tmp_path):
    """GROUPING=none / NEED_WEIGHTS=none as on the command line: keys, not positions."""
    from qgis.core import QgsProcessingException

    import processing

    params = {
        "PRACTICES": practices,
        "CAPACITY_FIELD": "capacity",
        "GROUPING": "none",
        "NEED_WEIGHTS": "none",
        "AREA_OUTPUT": "TEMPORARY_OUTPUT",
        "GROUP_OUTPUT": "TEMPORARY_OUTPUT",
        "SUMMARY": "TEMPORARY_OUTPUT",
        "LORENZ": "TEMPORARY_OUTPUT",
        "REPORT": str(tmp_path / "report.json"),
    }
    processing.run("sundplan:gp_density", params)
    recorded = json.loads((tmp_path / "report.json").read_text("utf-8"))["provenance"]
    assert recorded["parameters"]["GROUPING"] == "none"
    assert recorded["parameters"]["NEED_WEIGHTS"] == "none"
    with pytest.raises(QgsProcessingException, match="GROUPING"):
        processing.run("sundplan:gp_density", {**params, "GROUPING": "amter"})
