"""Coverage vocabulary: shares, the worst areas and the warning, checked by hand."""

from __future__ import annotations

import math

import pandas as pd
import pytest

from sundplan_qgis import coverage
from sundplan_qgis.errors import SundplanError


def _table():
    return pd.DataFrame(
        {
            "area_name": ["Læsø", "Aarhus", "Tom", "Samsø"],
            "population": [1800.0, 300000.0, 0.0, 3700.0],
            "pop_unsnapped": [1000.0, 300.0, 0.0, 0.0],
            "pop_unreachable": [26.0, 0.0, 0.0, 370.0],
        }
    )


def test_share_not_reached_by_hand_and_nan_for_empty_areas():
    t = coverage.add_share_not_reached(_table())
    assert t["share_not_reached"].iloc[0] == pytest.approx(1026 / 1800)
    assert t["share_not_reached"].iloc[1] == pytest.approx(0.001)
    assert math.isnan(t["share_not_reached"].iloc[2])
    assert t["share_not_reached"].iloc[3] == pytest.approx(0.1)


def test_worst_areas_over_threshold_most_not_reached_first():
    t = coverage.add_share_not_reached(_table())
    worst = coverage.worst_areas(t, threshold_pct=1.0)
    assert [w["area"] for w in worst] == ["Læsø", "Samsø"]  # Aarhus is 0.1 %: under 1 %
    assert worst[0]["not_reached"] == 1026.0
    assert coverage.worst_areas(t, threshold_pct=0.05, most=1)[0]["area"] == "Læsø"


def test_warning_only_above_threshold_and_names_the_areas():
    t = coverage.add_share_not_reached(_table())
    cov = coverage.summary(total=305500.0, unsnapped=1300.0, unreachable=396.0)
    assert cov["not_reached"] == 1696.0
    assert cov["reached"] == 305500.0 - 1696.0
    # 0.555 % not reached: silent at 1 %, loud at 0.5 %
    assert coverage.warning(cov, [], threshold_pct=1.0) is None
    text = coverage.warning(cov, coverage.worst_areas(t, threshold_pct=0.5), threshold_pct=0.5)
    assert text is not None
    assert "1,696 residents (0.6 %)" in text
    assert "Læsø (1,026, 57.0 %)" in text
    assert text.template.startswith("{text} Worst areas")


@pytest.mark.parametrize("bad", [-1.0, 100.5, float("nan"), float("inf")])
def test_threshold_must_be_a_percentage(bad):
    with pytest.raises(SundplanError, match="percentage"):
        coverage.check_threshold(bad)
