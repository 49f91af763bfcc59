"""The fordelingsmodel (``sundplan_qgis.allocation``): totals conserved exactly, a regional
case worked out by hand, units without capacity data listed, bad input refused with a message.
"""

from __future__ import annotations

import math

import numpy as np
import pandas as pd
import pytest

from sundplan_qgis import allocation, need, projection, reference
from sundplan_qgis.errors import SundplanError
from sundplan_qgis.practices import Practices
from tests.core.test_projection import blank_table
from tests.fixtures.projection.synthetic import synthetic_projection

# One kommune per region holds everybody (men 30-34); the other kommuner are empty.
SEAT = {"1081": "0851", "1082": "0751", "1083": "0461", "1084": "0101", "1085": "0370"}
RESIDENTS = {  # region -> (2025, 2030)
    "1081": (100, 100),
    "1082": (200, 200),
    "1083": (300, 300),
    "1084": (250, 300),
    "1085": (150, 100),
}
CURRENT = {"1081": 4, "1082": 11, "1083": 15, "1084": 12, "1085": 8}


@pytest.fixture(scope="module")
def regional():
    frame = blank_table(years=(2025, 2030))
    for region, (n25, n30) in RESIDENTS.items():
        for year, n in ((2025, n25), (2030, n30)):
            mask = (
                (frame["kommunekode"] == SEAT[region])
                & (frame["sex"] == "m")
                & (frame["age_group"] == "30_34")
                & (frame["year"] == year)
            )
            frame.loc[mask, "persons"] = n
    return projection.population_from_frame(frame, source="regional case")


def capacity(values: dict) -> pd.DataFrame:
    return pd.DataFrame({"unit_code": list(values), "capacity": list(values.values())})


def test_regional_case_by_hand(regional):
    """Unweighted, total = today's 50: fair now 5, 10, 15, 12.5, 7.5 (residents 100, 200, 300,
    250, 150 of 1000); in 2030 5, 10, 15, 15, 5; change +1, -1, 0, +3, -3."""
    result = allocation.run(
        allocation.AllocationInputs(
            population=regional,
            level="region",
            capacity_table=capacity(CURRENT),
            capacity_source="hand",
        )
    )
    tab = result.table.set_index("area_code")
    assert list(tab.index) == ["1081", "1082", "1083", "1084", "1085"]
    assert tab["fair_share_base"].to_list() == pytest.approx([5, 10, 15, 12.5, 7.5])
    assert tab["fair_share_target"].to_list() == pytest.approx([5, 10, 15, 15, 5])
    assert tab["change_needed"].to_list() == pytest.approx([1, -1, 0, 3, -3])
    assert tab["need_share_target"].to_list() == pytest.approx([0.1, 0.2, 0.3, 0.3, 0.1])
    assert tab["capacity_current_per_10000"].to_list() == pytest.approx(
        [400, 550, 500, 480, 8 / 150 * 1e4]
    )
    assert tab["fair_share_target_per_10000"].to_list() == pytest.approx([500] * 5)
    assert (tab["total"] == 50).all() and (tab["method"] == "need_share").all()
    assert (tab["base_year"] == 2025).all() and (tab["target_year"] == 2030).all()
    assert result.report["total"]["value"] == 50
    assert result.report["capacity_to_add"] == pytest.approx(4)
    assert result.report["capacity_to_remove"] == pytest.approx(4)


def test_regional_case_rounded_and_a_given_total(regional):
    """Largest remainder on 50: floors 5, 10, 15, 12, 7 (49); 1084 and 1085 tie on .5 and the
    larger quota (12.5) wins. A total of 73 in 2030: quotas 7.3, 14.6, 21.9, 21.9, 7.3, floors
    70, the three left go to the remainders .9, .9 (1083, 1084) and .6 (1082)."""
    inputs = allocation.AllocationInputs(
        population=regional, level="region", capacity_table=capacity(CURRENT), round_whole=True
    )
    tab = allocation.run(inputs).table.set_index("area_code")
    assert tab["fair_share_base"].to_list() == [5, 10, 15, 13, 7]
    assert tab["fair_share_target"].to_list() == [5, 10, 15, 15, 5]
    assert (tab["method"] == "largest_remainder").all()
    given = allocation.run(
        allocation.AllocationInputs(
            population=regional,
            level="region",
            capacity_table=capacity(CURRENT),
            round_whole=True,
            total=73,
        )
    ).table.set_index("area_code")
    assert given["quota_target"].to_list() == pytest.approx([7.3, 14.6, 21.9, 21.9, 7.3])
    assert given["fair_share_target"].to_list() == [7, 15, 22, 22, 7]
    assert given["change_needed"].to_list() == [3, 4, 7, 10, -1]


def test_weights_move_the_shares(regional):
    """Weight 2 for men 30-34 changes nothing (every resident is one); a region's residents
    made older changes its share: checked on the kommune sum, not on the code's output."""
    weights = need.weights_from_rows([[g, "all", 2.0] for g in need.AGE_GROUPS], source="x2")
    tab = allocation.run(
        allocation.AllocationInputs(
            population=regional, level="region", capacity_table=capacity(CURRENT), weights=weights
        )
    ).table
    assert tab["fair_share_target"].to_list() == pytest.approx([5, 10, 15, 15, 5])
    assert tab["need_weighted_target"].sum() == pytest.approx(2000)


def test_largest_remainder_ties_do_not_depend_on_order():
    quotas = np.array([1.5, 2.5, 1.5, 0.5])
    codes = ["b", "a", "c", "d"]
    # 6 = 1 + 2 + 1 + 0 (4) + 2 more: remainders all .5; larger quota first (a), then code b
    assert allocation.largest_remainder(quotas, codes, 6).tolist() == [2, 3, 1, 0]
    order = [3, 2, 1, 0]
    again = allocation.largest_remainder(quotas[order], [codes[i] for i in order], 6)
    assert again.tolist() == [0, 1, 3, 2]


@pytest.fixture(scope="module")
def national():
    return projection.population_from_frame(synthetic_projection([2025, 2030]), source="synthetic")


@pytest.mark.parametrize("level", ["kommune", "sundhedsraad", "region", "region_2027"])
@pytest.mark.parametrize("total", [3401.7, 1e-3 + 2 / 3, 98765])
def test_totals_conserved_exactly(national, level, total):
    units = projection.unit_of_kommune(level)["area_code"].unique()
    cap = capacity({u: 10 + i for i, u in enumerate(units)})
    for round_whole in (False, True):
        wanted = round(total) if round_whole else total
        if round_whole and wanted == 0:
            continue
        tab = allocation.run(
            allocation.AllocationInputs(
                population=national,
                weights=need.load_weights(),
                level=level,
                capacity_table=cap,
                total=wanted,
                round_whole=round_whole,
            )
        ).table
        for column in ("fair_share_base", "fair_share_target"):
            assert math.fsum(tab[column]) == wanted, (level, column, round_whole)
            if round_whole:
                assert (tab[column] == np.round(tab[column])).all()
                assert (np.abs(tab[column] - tab[column.replace("fair_share", "quota")]) < 1).all()


def test_default_total_is_todays_capacity_and_sums_kommuner(national):
    """Capacity given per kommune, allocated per sundhedsråd: rolled up by kommunekode."""
    kom = reference.kommuner()
    cap = capacity({k.lstrip("0"): 2.5 for k in kom["kommunekode"]})
    tab = allocation.run(
        allocation.AllocationInputs(population=national, level="sundhedsraad", capacity_table=cap)
    ).table
    per_sr = kom.groupby(kom["sundhedsraad_id"].astype(str)).size() * 2.5
    assert tab.set_index("area_code")["capacity_current"].to_dict() == per_sr.to_dict()
    assert math.fsum(tab["fair_share_target"]) == 98 * 2.5


def test_units_without_capacity_data_are_listed_never_zero(national):
    cap = capacity({str(i): 100 for i in range(1, 16)})  # sundhedsråd 16 and 17 missing
    with pytest.raises(SundplanError) as caught:
        allocation.run(
            allocation.AllocationInputs(
                population=national, level="sundhedsraad", capacity_table=cap
            )
        )
    text = str(caught.value)
    assert "2 unit(s) have no capacity data" in text
    assert "16 Sundhedsråd Nordsjælland" in text and "17 Sundhedsråd Østsjælland" in text
    result = allocation.run(
        allocation.AllocationInputs(
            population=national, level="sundhedsraad", capacity_table=cap, total=1700
        )
    )
    tab = result.table.set_index("area_code")
    assert tab.loc[["16", "17"], "capacity_current"].isna().all()
    assert tab.loc[["16", "17"], "change_needed"].isna().all()
    assert not tab.loc["16", "has_capacity_data"] and tab.loc["1", "has_capacity_data"]
    assert result.report["units_without_capacity_data"] == [
        "16 Sundhedsråd Nordsjælland",
        "17 Sundhedsråd Østsjælland og Øerne",
    ]
    assert any("16 Sundhedsråd Nordsjælland" in str(w) for w in result.warnings)


def test_capacity_from_practices(national):
    """Points at kommune centres: each practice counted in its kommune's sundhedsråd; a point
    in the sea is listed, not counted."""
    kom = reference.kommune_polygons()
    xy = np.array([reference.inside_point(g) for g in kom["geometry"]] + [[700000.0, 6300000.0]])
    practices = Practices(
        xy=xy,
        capacity=np.full(len(xy), 2.0),
        names=[f"p{i}" for i in range(len(xy))],
        ids=list(range(1, len(xy) + 1)),
        source_name="points",
    )
    result = allocation.run(
        allocation.AllocationInputs(population=national, level="region_2027", practices=practices)
    )
    tab = result.table
    assert tab["capacity_current"].sum() == 2 * 98
    assert result.report["practices_outside_all_areas"]["count"] == 1
    assert "99" in str(result.warnings[0])
    members = reference.kommuner().groupby("region_2027").size()
    got = tab.set_index("area_name")["capacity_current"]
    assert got.to_dict() == (members * 2.0).to_dict()


@pytest.mark.parametrize(
    ("kwargs", "words"),
    [
        ({"total": 0}, ["must be a number > 0 (got 0)"]),
        ({"total": -5}, ["must be a number > 0 (got -5)"]),
        ({"total": float("nan")}, ["must be a number > 0"]),
        ({"target_year": 2040}, ["target year 2040 is not in the population table", "2025, 2030"]),
        ({"base_year": 2020}, ["base year 2020"]),
        ({"round_whole": True, "total": 50.5}, ["whole total; the total is 50.5"]),
        ({"level": "parish"}, ["Unknown level 'parish'"]),
        ({"capacity_table": None}, ["Give today's capacities"]),
        (
            {"capacity_table": capacity({"1081": 1, "9999": 2, "Region Atlantis": 1})},
            ["not region codes", "9999, Region Atlantis", "(2 in all)"],
        ),
        (
            {"capacity_table": capacity({"1081": 1, "1082": -2, "1083": "x"})},
            ["1082: '-2'", "1083: 'x'"],
        ),
        ({"capacity_table": capacity(dict.fromkeys(CURRENT, 0))}, ["total capacity", "is 0"]),
    ],
)
def test_bad_input_is_a_clear_message(regional, kwargs, words):
    inputs = {
        "population": regional,
        "level": "region",
        "capacity_table": capacity(CURRENT),
        "capacity_source": "kapacitet.csv",
    } | kwargs
    with pytest.raises(SundplanError) as caught:
        allocation.run(allocation.AllocationInputs(**inputs))
    for word in words:
        assert word in str(caught.value), str(caught.value)


def test_names_and_codes_both_match(regional):
    cap = pd.DataFrame(
        {
            "unit_code": ["region nordjylland", 1082, "1083.0", "Region Hovedstaden", "0370"],
            "capacity": ["4", 11, 15, "12,0", 8],
        }
    )
    tab = allocation.run(
        allocation.AllocationInputs(population=regional, level="region", capacity_table=cap)
    ).table
    assert tab["capacity_current"].to_list() == [4, 11, 15, 12, 8]


def test_kommune_level_with_empty_kommuner_has_no_infinities(regional):
    """The regional case per kommune: most kommuner have nobody, so their per-10 000 figures
    are empty (not infinite) and their fair share is 0."""
    kom = reference.kommuner()["kommunekode"]
    tab = allocation.run(
        allocation.AllocationInputs(
            population=regional,
            level="kommune",
            capacity_table=capacity(dict.fromkeys(kom, 1)),
        )
    ).table.set_index("area_code")
    assert tab.loc["0851", "fair_share_target"] == pytest.approx(98 * 0.1)
    empty = tab.drop(index=list(SEAT.values()))
    assert (empty["fair_share_target"] == 0).all()
    assert empty["fair_share_target_per_10000"].isna().all()
    assert not np.isinf(tab.select_dtypes("number").to_numpy()).any()


def test_no_residents_is_a_message():
    frame = blank_table(years=(2025,))
    empty = projection.population_from_frame(frame, source="tom.csv")
    with pytest.raises(SundplanError, match="no residents in the base year 2025"):
        allocation.run(
            allocation.AllocationInputs(
                population=empty, capacity_table=capacity({"1": 1}), total=5
            )
        )
