"""sundplan:location_allocation through qgis_process (headless batch) on the SYNTHETIC sample
region: the p-median on the OSM file, the outputs agree with the report."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from .conftest import read_table

pytestmark = pytest.mark.slow


def test_location_allocation_batch_on_sample(run_alg, sample, tmp_path):
    gpkg = sample / "sample_region.gpkg"
    out = run_alg(
        "sundplan:location_allocation",
        {
            "CANDIDATES": f"{gpkg}|layername=gp_practices",
            "EXISTING": f"{gpkg}|layername=hospitals",
            "OBJECTIVE": "pmedian",
            "K": 2,
            "TIME_LIMIT_MIN": 12,
            "POPULATION_RASTER": sample / "population.tif",
            "AREAS": f"{gpkg}|layername=kommuner",
            "AREA_ID_FIELD": "kommunekode",
            "NETWORK_FILE": sample / "roads.osm.pbf",
            "SITES": tmp_path / "sites.gpkg",
            "AREA_CHANGE": tmp_path / "areas.gpkg",
            "CURVE": tmp_path / "curve.gpkg",
            "REPORT": tmp_path / "report.json",
        },
    )
    report = json.loads(Path(out["results"]["REPORT"]).read_text("utf-8"))
    assert report["objective"] == "pmedian"
    # small enough for the exact solver at T = 12 min (at 30 min it is greedy, labelled)
    assert report["model"]["nonzeros"] <= report["model"]["max_exact_nonzeros"]
    assert report["method"] == "exact"
    sites = read_table(tmp_path / "sites.gpkg")
    new = [s for s in sites if s["kind"] == "new"]
    assert [s["rank"] for s in new] == [1, 2]
    assert sum(s["gain_person_min"] for s in new) == pytest.approx(report["result"]["gain"])
    values = [c["value"] for c in sorted(read_table(tmp_path / "curve.gpkg"), key=lambda c: c["k"])]
    assert all(
        b <= a + 1e-6 for a, b in zip(values, values[1:], strict=False)
    )  # p-median: never worse
    assert Path(out["results"]["REPORT_TEXT"]).is_file()
