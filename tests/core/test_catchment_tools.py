"""The core entries of the hospital tools: ``catchments.run`` and ``scenario.run`` (plain
pytest, no QGIS): what the tool adds around the engine, and closing hospitals by name."""

from __future__ import annotations

import numpy as np
import pytest
from shapely.geometry import box

from sundplan_qgis import catchments as C
from sundplan_qgis import scenario as S
from sundplan_qgis.areas import AreaTable
from sundplan_qgis.errors import SundplanError
from sundplan_qgis.rasters import population_from_points

from .test_catchments import WKT, line_graph


def _routing(**kwargs) -> C.RoutingInputs:
    xy = np.array([[0, 0], [1000, 0], [2000, 0], [3000, 0], [9000, 0]])
    pop = np.array([10.0, 20.0, 30.0, 40.0, 5.0])
    population = population_from_points(xy=xy, population=pop, crs_wkt=WKT, source_name="p")
    areas = AreaTable.from_polygons(
        [box(-100, -100, 1500, 100), box(1500, -100, 9100, 100)], ["a", "b"], ["A", "B"]
    )
    values = {
        "graph": line_graph(),
        "population": population,
        "areas": areas,
        "bands_min": (1.0, 2.0),
        "network_report": {"lines": 3},
    }
    return C.RoutingInputs(**{**values, **kwargs})


BASELINE = C.Hospitals(
    xy=np.array([[0.0, 0.0], [3000.0, 0.0]]), names=["West", "East"], ids=[7, 9], id_source="f"
)


def test_catchments_run_is_run_catchments_plus_the_tool_report():
    inputs = C.CatchmentInputs(routing=_routing(), hospitals=BASELINE)
    res = C.run(inputs)
    plain = C.run_catchments(
        inputs.routing.graph,
        hospital_xy=BASELINE.xy,
        hospital_names=BASELINE.names,
        hospital_ids=BASELINE.ids,
        **inputs.routing.run_arguments(),
    )
    assert res.catchments.equals(plain.catchments)
    assert res.areas.equals(plain.areas)
    assert res.report["network"]["lines"] == 3
    assert res.report["hospital_ids"] == "f"
    # 5 of 105 residents are not reached (4.8 %): above the default 1 % threshold.
    assert res.report["coverage"]["warning_threshold_pct"] == 1.0
    assert [w["area"] for w in res.report["coverage"]["worst_areas"]] == ["B"]
    assert len(res.warnings) == 1 and "B" in res.warnings[0]
    quiet = C.run(
        C.CatchmentInputs(routing=_routing(not_reached_warning_pct=10.0), hospitals=BASELINE)
    )
    assert quiet.warnings == [] and quiet.report["coverage"]["worst_areas"] == []


def test_scenario_run_closes_by_unique_name_and_adds_sites():
    added = C.Hospitals(xy=np.array([[2000.0, 0.0]]), names=["West"], ids=["new 1"])
    inputs = S.ScenarioInputs(
        routing=_routing(), baseline=BASELINE, close=("east",), added=added, new_label="ny"
    )
    res = S.run(inputs)
    report = res.report
    assert report["scenario"]["closed"] == ["east"]
    assert report["scenario"]["closed_hospitals"] == [{"hospital_id": 9, "hospital": "East"}]
    # An added site named like a kept hospital gets the label.
    assert report["scenario"]["added"] == ["West (ny)"]
    assert report["scenario"]["added_hospitals"] == [
        {"hospital_id": "new 1", "hospital": "West (ny)"}
    ]
    assert report["coverage"]["of_run"] == "scenario"
    assert report["baseline_run"]["network"]["lines"] == 3
    assert list(report) == ["scenario", "coverage", "hospital_ids", "baseline_run", "scenario_run"]
    assert res.scenario.hospital_names == ["West", "West (ny)"]


def test_scenario_run_refuses_ambiguous_closures_and_closing_everything():
    with pytest.raises(SundplanError, match="matches 2 hospitals"):
        S.run(S.ScenarioInputs(routing=_routing(), baseline=BASELINE, close=("st",)))
    with pytest.raises(SundplanError, match="closes every hospital"):
        S.run(S.ScenarioInputs(routing=_routing(), baseline=BASELINE, close=("West", "East")))


def test_scenario_run_without_changes_warns():
    res = S.run(S.ScenarioInputs(routing=_routing(not_reached_warning_pct=50.0), baseline=BASELINE))
    assert [w.template for w in res.warnings] == [
        "The scenario equals the baseline: nothing closed or added."
    ]
    assert res.report["scenario"]["population_changing_hospital"] == 0


def test_exact_name_wins_over_parts():
    names = ["Thisted", "Aalborg Universitetshospital, Thisted"]
    assert S.find_hospital("thisted", names) == [0]
    assert S.find_hospital("Aalborg", names) == [1]
