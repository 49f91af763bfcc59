"""``fca.run``: the whole fca_access computation without QGIS (need factors, fallback,
tables, report, warnings), checked by hand on a straight line of homes."""

from __future__ import annotations

import numpy as np
import pandas as pd
import pytest
from pyproj import CRS
from shapely.geometry import box

from sundplan_qgis import fca, need
from sundplan_qgis.areas import AreaTable
from sundplan_qgis.density import Practices
from sundplan_qgis.errors import SundplanError
from sundplan_qgis.rasters import Population

WKT = CRS.from_epsg(25832).to_wkt()


def inputs(**kw) -> fca.FcaInputs:
    """Three homes at 0, 1 and 2 km east of one practice (1 GP); 1 km × 1.4 at 60 km/h =
    1.4 min, the threshold: homes 0 and 1 inside."""
    base = dict(
        practices=Practices(
            xy=np.array([[0.0, 0.0]]), capacity=np.array([1.0]), names=["P"], ids=[7]
        ),
        practices_info={"layer": "gps"},
        population=Population(
            xy=np.array([[0.0, 0], [1000.0, 0], [2000.0, 0]]),
            population=np.array([100.0, 300.0, 50.0]),
            crs_wkt=WKT,
            source_name="homes",
            kind="points",
        ),
        crs_wkt=WKT,
        threshold_min=1.4,
        straight_line=True,
    )
    base.update(kw)
    return fca.FcaInputs(**base)


def test_straight_line_run_tables_report_and_warning():
    res = fca.run(inputs())
    pts = res.access_points
    assert pts["access_per_10000"].tolist() == pytest.approx([25.0, 25.0, 0.0])  # 1 / 400
    assert pts["n_practices_reachable"].tolist() == [1, 1, 0]
    assert res.area_access is None
    assert res.practice_ratio["ratio_per_10000"].tolist() == pytest.approx([25.0])
    assert res.practice_ratio["feature_id"].tolist() == ["7"]
    assert [str(w) for w in res.warnings] == [
        "Straight-line fallback used: straight line × 1.4 detour factor at 60 km/h (fallback)."
    ]
    rep = res.report
    assert rep["conservation"]["relative_difference"] == pytest.approx(0.0, abs=1e-12)
    # population-weighted mean over reached homes: (100 + 300) × 25 / 450
    assert rep["demand"]["population_weighted_mean_access_per_10000"] == pytest.approx(
        400 * 25 / 450
    )
    assert rep["need_weights"]["label"] == "none (unweighted population)"
    assert rep["coverage"]["worst_areas"] == []


def test_need_factor_per_area_and_area_table_with_geometry():
    ages = pd.DataFrame({"m_0_4": [10.0, 0.0], "k_85_plus": [0.0, 10.0]})
    areas = AreaTable.from_polygons(
        [box(-500, -500, 500, 500), box(500, -500, 2500, 500)],
        ["a", "b"],
        ["A", "B"],
        "kommuner",
        columns=ages,
    )
    weights = need.load_weights()
    res = fca.run(inputs(need_weights=weights, areas=areas))
    factor = fca.need_factors(ages, weights=weights, area_names=["A", "B"], areas_source="kommuner")
    assert res.access_points["demand"].tolist() == pytest.approx(
        [100 * factor[0], 300 * factor[1], 50 * factor[1]]
    )
    assert res.access_points["area_id"].tolist() == ["a", "b", "b"]
    tab = res.area_access
    assert tab["area_id"].tolist() == ["a", "b"]
    assert tab["geometry"].tolist() == areas.geometries
    assert (tab["weights"] == need.weights_label(weights)).all()
    with pytest.raises(SundplanError, match="age/sex columns .* 'kommuner'"):
        no_ages = AreaTable.from_polygons(areas.geometries, ["a", "b"], ["A", "B"], "kommuner")
        fca.run(inputs(need_weights=weights, areas=no_ages))
    with pytest.raises(SundplanError, match="needs an area layer"):
        fca.run(inputs(need_weights=weights))


@pytest.mark.parametrize(
    ("kw", "words"),
    [
        ({"straight_line": False}, "No road network given"),
        ({"zone_weights": "1,abc", "method": "e2sfca"}, "ZONE_WEIGHTS: '1,abc' must be numbers"),
        ({"threshold_min": 0.0}, "catchment threshold"),
        ({"population": None}, "No demand given"),
    ],
)
def test_run_refuses_bad_inputs_with_the_same_messages(kw, words):
    with pytest.raises(SundplanError, match=words):
        fca.run(inputs(**kw))


def test_zone_texts_are_parsed_in_the_core():
    assert fca.parse_numbers("5; 12,20", key="ZONE_BREAKS") == [5.0, 12.0, 20.0]
    assert fca.parse_numbers("", key="ZONE_BREAKS") == []
    res = fca.run(inputs(method="e2sfca", zone_breaks_min="0.5;1.4", zone_weights="1,0.5"))
    assert "zones ≤0.5 min: 1, ≤1.4 min: 0.5" in res.report["method"]
