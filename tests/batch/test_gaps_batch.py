"""sundplan:specialist_gaps through qgis_process (headless batch), incl. the network part."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from .conftest import read_table

pytestmark = pytest.mark.slow


def test_specialist_gaps_with_network_part(run_alg, sample, tmp_path):
    gpkg = sample / "sample_region.gpkg"
    out = run_alg(
        "sundplan:specialist_gaps",
        {
            "PRACTICES": f"{gpkg}|layername=specialists",
            "SPECIALTY_FIELD": "specialty",
            "CAPACITY_FIELD": "capacity",
            "AREAS": f"{gpkg}|layername=kommuner",
            "AREA_ID_FIELD": "kommunekode",
            "AREA_NAME_FIELD": "kommune",
            "UNDER_RATIO": 0.9,
            "OVER_RATIO": 1.1,
            "NETWORK_FILE": sample / "roads.osm.pbf",
            "POPULATION_RASTER": sample / "population.tif",
            "TIME_LIMIT_MIN": 20,
            "OUTPUT": tmp_path / "gaps.gpkg",
            "SUMMARY": tmp_path / "summary.gpkg",
            "RELOCATIONS": tmp_path / "moves.gpkg",
            "ACCESS": tmp_path / "access.gpkg",
            "REPORT": tmp_path / "report.json",
        },
    )
    res = out["results"]
    gaps_rows = read_table(tmp_path / "gaps.gpkg")
    summary = {r["specialty"]: r for r in read_table(tmp_path / "summary.gpkg")}
    moves = read_table(tmp_path / "moves.gpkg")
    access = read_table(tmp_path / "access.gpkg")
    assert len(summary) == 6
    for spec, s in summary.items():
        rows = [r for r in gaps_rows if r["specialty"] == spec]
        assert abs(sum(r["gap"] for r in rows)) < 1e-6
        assert sum(r["fair_share"] for r in rows) == pytest.approx(s["capacity_today"])
        moved = sum(m["capacities"] for m in moves if m["specialty"] == spec)
        assert moved == pytest.approx(s["dissimilarity_index"] * s["capacity_today"], abs=1e-6)
        for r in rows:
            expected = (
                "under-supplied" if r["ratio"] < 0.9
                else "over-supplied" if r["ratio"] > 1.1 else "balanced"
            )  # fmt: skip
            assert r["class"] == expected
    # network part: per area and specialty, beyond ≤ population, shares in [0, 1]
    assert {a["specialty"] for a in access} == set(summary)
    for a in access:
        assert 0 <= a["pop_beyond"] <= a["population"] + 1e-6
        assert a["time_limit_min"] == 20
    # Reumatologi has practices only in Fjordby: more people beyond 20 min than for psychiatry
    beyond = {s: sum(a["pop_beyond"] for a in access if a["specialty"] == s) for s in summary}
    assert beyond["Reumatologi"] >= beyond["Psykiatri"]
    report = json.loads(Path(res["REPORT"]).read_text("utf-8"))
    assert report["provenance"]["algorithm"] == "sundplan:specialist_gaps"
    assert report["network_part"]["time_limit_min"] == 20


def test_unknown_specialty_is_a_message(qgis_process_env, qgis_process_tools, sample, tmp_path):
    gpkg = sample / "sample_region.gpkg"
    data, proc = qgis_process_tools.run_qgis_process(
        qgis_process_env,
        "sundplan:specialist_gaps",
        {
            "PRACTICES": f"{gpkg}|layername=specialists",
            "SPECIALTY_FIELD": "name",
            "AREAS": f"{gpkg}|layername=kommuner",
            "AREA_ID_FIELD": "kommunekode",
            "OUTPUT": tmp_path / "g.gpkg",
            "SUMMARY": tmp_path / "s.gpkg",
            "RELOCATIONS": tmp_path / "m.gpkg",
        },
        check=False,
    )
    assert proc.returncode != 0
    text = proc.stdout + proc.stderr
    assert "Unknown specialty names" in text and "Traceback" not in text
