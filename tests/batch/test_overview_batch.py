"""The offline national overview: ``sundplan:catchments`` with nothing but its outputs routes
the embedded kommuner's residents (latest quarter, along the roads) to the 21 embedded
akutsygehuse over the shipped main-road network, and says so."""

from __future__ import annotations

import json

import pytest

from .conftest import read_table, run_qgis_process

pytestmark = pytest.mark.slow

NOTE_EN = "overview: main roads only (OpenStreetMap 2021)"
NOTE_DA = "oversigt: kun hovedveje (OpenStreetMap 2021)"


def test_catchments_with_only_outputs_gives_the_national_picture(qgis_process_env, tmp_path):
    from sundplan_qgis import reference

    outputs = {
        "TRAVEL_TIME": tmp_path / "rejsetid.tif",
        "CATCHMENTS": tmp_path / "optageomraader.gpkg",
        "BAND_POLYGONS": tmp_path / "baand.gpkg",
        "AREA_SUMMARY": tmp_path / "rejsetid_pr_kommune.gpkg",
        "REPORT": tmp_path / "rapport.json",
    }
    data, proc = run_qgis_process(qgis_process_env, "sundplan:catchments", outputs)
    assert "Traceback" not in proc.stderr
    log = proc.stdout + proc.stderr
    assert NOTE_EN in log or NOTE_DA in log
    assert "2021K1" in log  # the residents' quarter

    # the expected figures, straight from the embedded FOLK1A table (not from the run)
    quarters = reference.population_quarters()
    latest = quarters[quarters["quarter"] == "2021K1"]
    latest = latest[latest["kommunekode"] != reference.CHRISTIANSOE]
    expected_total = int(latest["population"].sum())
    assert expected_total == 5_840_045 - 90

    areas = read_table(outputs["AREA_SUMMARY"])
    assert len(areas) == 98
    assert sum(a["population"] for a in areas) == pytest.approx(expected_total, rel=1e-9)
    assert reference.CHRISTIANSOE not in {str(a["area_id"]) for a in areas}

    bands = read_table(outputs["BAND_POLYGONS"])
    assert sum(b["population"] for b in bands) == pytest.approx(expected_total, rel=1e-9)

    report = json.loads(outputs["REPORT"].read_text("utf-8"))
    pop = report["population"]
    assert pop["total"] == pytest.approx(expected_total, rel=1e-9)
    assert pop["reached"] + pop["unsnapped"] + pop["unreachable"] == pytest.approx(pop["total"])
    assert pop["reached"] > 0.99 * pop["total"]
    assert "2021K1" in pop["source"]
    assert report["network"]["source"] == "overview"
    assert report["network"]["note"] in (NOTE_EN, NOTE_DA)
    assert report["provenance"]["defaults"]["population"]["quarter"] == "2021K1"
    assert len(report["hospitals"]) == 21
    text = outputs["REPORT"].with_suffix(".txt").read_text("utf-8")
    assert NOTE_EN in text or NOTE_DA in text

    # Tårnby: all its residents on Amager's roads (none on Saltholm, an island without
    # roads, which would leave them unsnapped), a short drive to Amager/Hvidovre or the city
    taarnby = next(a for a in areas if int(a["area_id"]) == 185)
    expected = int(latest[latest["kommunekode"] == "0185"]["population"].iloc[0])
    assert taarnby["area_name"] == "Tårnby"
    assert taarnby["population"] == pytest.approx(expected)
    assert taarnby["pop_unsnapped"] + taarnby["pop_unreachable"] == pytest.approx(0, abs=1e-6)
    assert 3 < taarnby["mean_min"] < 30
    assert taarnby["max_min"] < 30
    # islands reached only by ferry still get their (long) times
    laesoe = next(a for a in areas if int(a["area_id"]) == 825)
    assert 60 < laesoe["mean_min"] < 200
