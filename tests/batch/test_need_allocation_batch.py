"""sundplan:need_projection and sundplan:capacity_allocation through qgis_process (headless
batch): a fetch_base_data-style projection CSV (SYNTHETIC: the test machines are offline) and
a semicolon CSV of today's capacities, as a planner would give them on the command line."""

from __future__ import annotations

import json
import math
from pathlib import Path

import pandas as pd
import pytest

from tests.fixtures.projection.synthetic import write_synthetic_csv

from .conftest import read_table

pytestmark = pytest.mark.slow

# almen praksis kapaciteter 2018 per region: Table B.1 of "Patienten først" (embedded,
# reference.sundhedsfaellesskaber), summed per region by hand: 336, 825, 795, 1071, 498
B1_REGIONS = {1081: 336, 1082: 825, 1083: 795, 1084: 1071, 1085: 498}


def test_need_projection_and_allocation_batch(run_alg, tmp_path):
    csv = write_synthetic_csv(tmp_path / "frkm.csv", years=(2025, 2030))
    need = run_alg(
        "sundplan:need_projection",
        {
            "POPULATION_TABLE": csv,
            "YEARS": "2030",
            "BASE_YEAR": 2025,
            "LEVEL": "region_2027",
            "OUTPUT": tmp_path / "need.gpkg",
            "REPORT": tmp_path / "need.json",
        },
    )
    rows = read_table(tmp_path / "need.gpkg")
    assert len(rows) == 4 and {r["year"] for r in rows} == {2030}
    frame = pd.read_csv(csv, sep=";")
    total = frame[frame["year"] == 2030]["persons"].sum()
    assert sum(r["residents"] for r in rows) == total
    assert all(r["need_change_pct"] > 0 for r in rows)  # the synthetic ageing
    report = json.loads(Path(need["results"]["REPORT"]).read_text("utf-8"))
    assert report["population_table"]["columns"][0] == "kommunekode = kommunekode"

    capacity = tmp_path / "laeger.csv"
    capacity.write_text(
        "region;laeger\n" + "".join(f"{k};{v}\n" for k, v in B1_REGIONS.items()), "utf-8"
    )
    run_alg(
        "sundplan:capacity_allocation",
        {
            "POPULATION_TABLE": csv,
            "LEVEL": "region",
            "CURRENT_TABLE": capacity,
            "CURRENT_CODE_FIELD": "region",
            "CURRENT_VALUE_FIELD": "laeger",
            "ROUND": "true",
            "OUTPUT": tmp_path / "alloc.gpkg",
            "REPORT": tmp_path / "alloc.json",
        },
    )
    rows = read_table(tmp_path / "alloc.gpkg")
    assert {int(r["area_code"]): r["capacity_current"] for r in rows} == B1_REGIONS
    for column in ("fair_share_base", "fair_share_target"):
        assert math.fsum(r[column] for r in rows) == sum(B1_REGIONS.values())
    assert all(r["target_year"] == 2030 and r["base_year"] == 2025 for r in rows)
    assert {r["method"] for r in rows} == {"largest_remainder"}


def test_capacity_allocation_batch_refuses_a_target_year_not_in_the_table(
    qgis_process_tools, qgis_process_env, tmp_path
):
    capacity = tmp_path / "laeger.csv"
    capacity.write_text("region,laeger\n1081,336\n", "utf-8")
    data, proc = qgis_process_tools.run_qgis_process(
        qgis_process_env,
        "sundplan:capacity_allocation",
        {
            "TARGET_YEAR": 2030,
            "LEVEL": "region",
            "CURRENT_TABLE": capacity,
            "CURRENT_CODE_FIELD": "region",
            "CURRENT_VALUE_FIELD": "laeger",
            "OUTPUT": tmp_path / "alloc.gpkg",
        },
        check=False,
    )
    assert proc.returncode != 0
    assert "target year 2030 is not in the population table" in proc.stderr + proc.stdout
    assert "Traceback" not in proc.stderr
    assert not (tmp_path / "alloc.gpkg").exists()
