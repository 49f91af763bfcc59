"""sundplan:sundhedsraad_profile through qgis_process (headless batch): the regions from 2027
from the national travel-time fixture (tests/fixtures/profile), choices given by key."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from .conftest import read_table

pytestmark = pytest.mark.slow

FIXTURES = Path(__file__).resolve().parents[1] / "fixtures" / "profile"


def test_profile_batch_regions_2027(run_alg, tmp_path):
    out = run_alg(
        "sundplan:sundhedsraad_profile",
        {
            "LEVEL": "region_2027",
            "LANGUAGE": "en",
            "TRAVEL_AREAS": FIXTURES / "catchments_areas.csv",
            "OUTPUT": tmp_path / "regions.pdf",
            "TABLE": tmp_path / "regions.gpkg",
            "REPORT": tmp_path / "report.json",
        },
    )
    results = out["results"]
    assert results["PAGES"] == 4
    assert (tmp_path / "regions.pdf").stat().st_size > 0
    rows = read_table(tmp_path / "regions.gpkg")
    assert len(rows) == 5  # four regions from 2027 and the national row
    assert sum(1 for r in rows if r["unit_code"] == "national") == 1
    report = json.loads((tmp_path / "report.json").read_text("utf-8"))
    assert report["pages"] == 4 and report["language"] == "en"
    assert report["not_computed"] == ["NEED_TABLE", "GP_DENSITY", "FCA_AREAS", "SPECIALIST_GAPS"]
    assert json.loads(results["PROVENANCE"])["parameters"]["LEVEL"] == "region_2027"
