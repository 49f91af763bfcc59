"""sundplan:need_projection and sundplan:capacity_allocation headless through ``processing.run``:
outputs read back with ogr and checked against independent sums of the inputs; provenance and
the report carry the method, weights, years and total.

The projection is SYNTHETIC (``tests/fixtures/projection/synthetic.py``; offline machines).
"""

from __future__ import annotations

import json
import math

import pandas as pd
import pytest
from osgeo import ogr
from qgis.core import QgsProcessingException

from tests.fixtures.projection.synthetic import synthetic_projection, write_synthetic_csv

OLD = ("75_79", "80_84", "85_plus")


def read_rows(path) -> list[dict]:
    ds = ogr.Open(str(path))
    rows = [f.items() for f in ds.GetLayer(0)]
    ds = None
    return rows


@pytest.fixture(scope="module")
def projection_csv(tmp_path_factory):
    folder = tmp_path_factory.mktemp("projection")
    return write_synthetic_csv(folder / "frkm_synthetic.csv", years=(2025, 2030))


def test_need_projection_on_the_synthetic_projection(sundplan_provider, projection_csv, tmp_path):
    import processing

    results = processing.run(
        "sundplan:need_projection",
        {
            "POPULATION_TABLE": str(projection_csv),
            "LEVEL": "sundhedsraad",
            "OUTPUT": str(tmp_path / "need.gpkg"),
            "REPORT": str(tmp_path / "need.json"),
        },
    )
    rows = read_rows(results["OUTPUT"])
    assert len(rows) == 17 * 2
    frame = pd.read_csv(projection_csv, sep=";", dtype={"kommunekode": str})
    from sundplan_qgis import reference

    frame = frame.merge(reference.kommuner()[["kommunekode", "sundhedsraad_id"]])
    old = frame[frame["age_group"].isin(OLD)].groupby(["sundhedsraad_id", "year"])["persons"].sum()
    for row in rows:
        assert row["level"] == "sundhedsraad" and row["level_label"] == "sundhedsråd"
        assert row["residents_75_plus"] == old[(int(row["area_code"]), row["year"])]
        assert row["base_year"] == 2025
        assert row["weights"].startswith("default almen_praksis")
    report = json.loads((tmp_path / "need.json").read_text("utf-8"))
    assert report["base_year"] == 2025 and report["years"] == [2025, 2030]
    assert report["provenance"]["parameters"]["LEVEL"] == "sundhedsraad"
    assert json.loads(results["PROVENANCE"]) == report["provenance"]


def test_need_projection_default_is_the_embedded_population(sundplan_provider, tmp_path):
    import processing

    results = processing.run(
        "sundplan:need_projection",
        {"OUTPUT": str(tmp_path / "need.gpkg"), "REPORT": str(tmp_path / "need.json")},
    )
    rows = read_rows(results["OUTPUT"])
    assert {r["level"] for r in rows} == {"kommune", "sundhedsraad", "region", "region_2027"}
    assert {r["year"] for r in rows} == {2021}
    regions = [r for r in rows if r["level"] == "region"]
    assert sum(r["residents"] for r in regions) == pytest.approx(5_840_045 - 90, abs=0.5)


def test_need_projection_names_a_missing_year(sundplan_provider, projection_csv, tmp_path):
    import processing

    with pytest.raises(QgsProcessingException, match="no year 2040"):
        processing.run(
            "sundplan:need_projection",
            {
                "POPULATION_TABLE": str(projection_csv),
                "YEARS": "2030; 2040",
                "OUTPUT": str(tmp_path / "need.gpkg"),
                "REPORT": str(tmp_path / "need.json"),
            },
        )
    assert not (tmp_path / "need.gpkg").exists()


def test_capacity_allocation_from_a_table(sundplan_provider, projection_csv, tmp_path):
    from qgis.core import QgsVectorLayer

    import processing

    kommuner = synthetic_projection([2025])["kommunekode"].unique()
    cap = tmp_path / "capacity.csv"
    pd.DataFrame({"kode": kommuner, "laeger": [3.5] * len(kommuner)}).to_csv(cap, index=False)
    layer = QgsVectorLayer(f"file://{cap}?delimiter=,&type=csv", "kapacitet", "delimitedtext")
    assert layer.isValid()
    results = processing.run(
        "sundplan:capacity_allocation",
        {
            "POPULATION_TABLE": str(projection_csv),
            "TARGET_YEAR": 2030,
            "LEVEL": "region",
            "CURRENT_TABLE": layer,
            "CURRENT_CODE_FIELD": "kode",
            "CURRENT_VALUE_FIELD": "laeger",
            "TOTAL": 3431,
            "ROUND": True,
            "OUTPUT": str(tmp_path / "alloc.gpkg"),
            "REPORT": str(tmp_path / "alloc.json"),
        },
    )
    rows = read_rows(results["OUTPUT"])
    assert len(rows) == 5
    assert math.fsum(r["fair_share_target"] for r in rows) == 3431
    assert math.fsum(r["fair_share_base"] for r in rows) == 3431
    assert all(r["fair_share_target"] == round(r["fair_share_target"]) for r in rows)
    assert math.fsum(r["capacity_current"] for r in rows) == pytest.approx(3.5 * 98)
    assert {r["method"] for r in rows} == {"largest_remainder"}
    assert {r["total"] for r in rows} == {3431}
    ds = ogr.Open(str(results["OUTPUT"]))
    assert ds.GetLayer(0).GetGeomType() in (ogr.wkbMultiPolygon, ogr.wkbPolygon)
    ds = None
    report = json.loads((tmp_path / "alloc.json").read_text("utf-8"))
    assert report["total"]["value"] == 3431 and report["target_year"] == 2030
    assert report["base_year"] == 2025 and report["weights"]["sha256"]
    assert report["provenance"]["parameters"]["TOTAL"] == 3431


def test_capacity_allocation_from_the_sample_practices(sundplan_provider, tmp_path):
    """The sample region's practices lie in the embedded kommuner' space (EPSG:25832); those
    outside every kommune are listed; units without practices stop a run without TOTAL."""
    import processing

    sample = tmp_path / "sample"
    processing.run("sundplan:sample_data", {"SEED": 2027, "OUTPUT_FOLDER": str(sample)})
    params = {
        "PRACTICES": f"{sample / 'sample_region.gpkg'}|layername=gp_practices",
        "CAPACITY_FIELD": "n_gps",
        "LEVEL": "region",
        "OUTPUT": str(tmp_path / "alloc.gpkg"),
        "REPORT": str(tmp_path / "alloc.json"),
    }
    try:
        processing.run("sundplan:capacity_allocation", params)
    except QgsProcessingException as exc:
        assert "no capacity data" in str(exc) and "TOTAL" in str(exc)
        assert not (tmp_path / "alloc.gpkg").exists()
        results = processing.run("sundplan:capacity_allocation", params | {"TOTAL": 1000})
        rows = read_rows(results["OUTPUT"])
        assert any(r["capacity_current"] is None for r in rows)
        assert math.fsum(r["fair_share_target"] for r in rows) == 1000
    else:  # every region had practices: today's total is the practices' sum
        rows = read_rows(tmp_path / "alloc.gpkg")
        assert all(r["has_capacity_data"] for r in rows)


def test_outputs_read_danish(sundplan_provider, projection_csv, tmp_path):
    """With Danish installed: the reports' .txt and sentences, and the *_label fields, have no
    English words (the detector of test_danish_outputs); codes stay English."""
    import processing

    from .conftest import danish_translation
    from .test_danish_outputs import _without_provenance, english_in

    cap = tmp_path / "laeger.csv"
    cap.write_text("region;laeger\n1081;336\n1082;825\n1083;795\n1084;1071\n", "utf-8")
    with danish_translation(tmp_path):
        processing.run(
            "sundplan:need_projection",
            {
                "POPULATION_TABLE": str(projection_csv),
                "OUTPUT": str(tmp_path / "behov.gpkg"),
                "REPORT": str(tmp_path / "need_report.json"),
            },
        )
        processing.run(
            "sundplan:capacity_allocation",
            {
                "POPULATION_TABLE": str(projection_csv),
                "LEVEL": "region",
                "CURRENT_TABLE": str(cap),
                "CURRENT_CODE_FIELD": "region",
                "CURRENT_VALUE_FIELD": "laeger",
                "TOTAL": 3525,
                "ROUND": True,
                "OUTPUT": str(tmp_path / "fordeling.gpkg"),
                "REPORT": str(tmp_path / "allocation_report.json"),
            },
        )
    problems = []
    for name in ("need_report", "allocation_report"):
        body = _without_provenance((tmp_path / f"{name}.txt").read_text("utf-8"))
        problems += [f"{name}: {line!r}" for line in body.splitlines() if english_in(line)]
    for name, fields in (
        ("behov.gpkg", ("level_label", "weights", "source")),
        ("fordeling.gpkg", ("level_label", "method_label", "weights")),
    ):
        rows = read_rows(tmp_path / name)
        for field in fields:
            for value in {str(r[field]) for r in rows}:
                if english_in(value):
                    problems.append(f"{name} {field} = {value!r}: {english_in(value)}")
    assert not problems, "\n".join(problems[:40])
    rows = read_rows(tmp_path / "fordeling.gpkg")
    assert {(r["method"], r["method_label"]) for r in rows} == {
        ("largest_remainder", "behovsandel, hele enheder efter største rest")
    }
    text = (tmp_path / "allocation_report.txt").read_text("utf-8")
    assert "enheder uden kapacitetsdata" in text and "Region Sjælland" in text


def test_capacity_allocation_of_a_specialty_uses_its_weights(
    sundplan_provider, projection_csv, tmp_path
):
    """SPECIALTY with the default weights: the shipped weights of that specialty (paediatrics:
    children weigh most), ydernumre as the unit; expected need summed with pandas."""
    import processing
    from sundplan_qgis import gaps, need, reference

    cap = tmp_path / "ydernumre.csv"
    cap.write_text("region,ydernumre\n1081,10\n1082,20\n1083,20\n1084,30\n1085,12\n", "utf-8")
    common = {
        "POPULATION_TABLE": str(projection_csv),
        "LEVEL": "region",
        "CURRENT_TABLE": str(cap),
        "CURRENT_CODE_FIELD": "region",
        "CURRENT_VALUE_FIELD": "ydernumre",
    }
    processing.run(
        "sundplan:capacity_allocation",
        common
        | {
            "SPECIALTY": "pædiatri",
            "OUTPUT": str(tmp_path / "eye.gpkg"),
            "REPORT": str(tmp_path / "eye.json"),
        },
    )
    rows = {r["area_code"]: r for r in read_rows(tmp_path / "eye.gpkg")}
    report = json.loads((tmp_path / "eye.json").read_text("utf-8"))
    assert report["unit"] == "ydernumre"
    assert report["weights"]["label"].endswith(": Pædiatri")
    assert len(report["weights"]["sha256"]) == 16
    weights, kind = gaps.weights_for(need.load_weights(service=need.SPECIALISTS), "Pædiatri")
    assert kind == "specialty"  # its own rows, not the general profile
    lookup = need.weight_lookup(weights)  # independent of the tool: pandas on the CSV
    frame = pd.read_csv(projection_csv, sep=";", dtype={"kommunekode": str})
    frame = frame[frame["year"] == 2030].merge(reference.kommuner()[["kommunekode", "regionskode"]])
    frame["need"] = [
        n * lookup[(s, g)]
        for n, s, g in zip(frame["persons"], frame["sex"], frame["age_group"], strict=False)
    ]
    expected = frame.groupby("regionskode")["need"].sum()
    assert len(rows) == len(expected) == 5
    for code, row in rows.items():
        assert row["need_weighted_target"] == pytest.approx(expected[code])
        assert row["fair_share_target"] == pytest.approx(92 * expected[code] / expected.sum())
