"""GP density per area: hand sums, roll-up, Gini/Lorenz, outside practices, bad input, and a
run on the real kommune boundaries and population (../shared/data) checked with pandas."""

from __future__ import annotations

import json

import numpy as np
import pandas as pd
import pytest
from shapely.geometry import box, shape

from sundplan_qgis import density as D
from sundplan_qgis import need
from sundplan_qgis.errors import SundplanError
from sundplan_qgis.reference import grouping_table


def practices(xy, cap, open_=None, list_size=None):
    n = len(cap)
    return D.Practices(
        xy=np.asarray(xy, float),
        capacity=np.asarray(cap, float),
        names=[f"P{i}" for i in range(n)],
        ids=list(range(n)),
        open_for_patients=None if open_ is None else np.asarray(open_, float),
        list_size=None if list_size is None else np.asarray(list_size, float),
    )


AREAS = [box(0, 0, 10, 10), box(10, 0, 20, 10), box(20, 0, 30, 10)]


def test_density_by_hand_with_outside_practice_and_zero_population():
    p = practices(
        [(1, 1), (2, 2), (15, 5), (100, 100)],
        [2, 1, 3, 1],
        open_=[1, 0, 0, 1],
        list_size=[3000, 1700, np.nan, 1500],
    )
    res = D.run_density(
        practices=p,
        area_ids=["A", "B", "C"],
        area_names=["Aby", "Bby", "Cby"],
        area_geometries=AREAS,
        population=np.array([6000.0, 3000.0, 0.0]),
    )
    a = res.areas.set_index("area_name")
    assert a.loc["Aby", "gp_capacity"] == 3 and a.loc["Aby", "n_practices"] == 2
    assert a.loc["Aby", "inhabitants_per_gp"] == 2000
    assert a.loc["Aby", "gps_per_10000"] == pytest.approx(5.0)
    assert a.loc["Aby", "shortage"] and not a.loc["Bby", "shortage"]
    assert a.loc["Aby", "practices_closed"] == 1 and a.loc[
        "Aby", "share_capacity_closed"
    ] == pytest.approx(1 / 3)
    assert a.loc["Aby", "list_size_per_gp"] == pytest.approx(4700 / 3)
    assert a.loc["Bby", "rank_shortage"] == 2 and a.loc["Aby", "rank_shortage"] == 1
    assert np.isnan(a.loc["Cby", "gps_per_10000"]) and np.isnan(a.loc["Cby", "rank_shortage"])
    # the practice outside every area is reported, not dropped
    assert a.loc["(outside all areas)", "gp_capacity"] == 1
    assert res.outside["practice"].tolist() == ["P3"]
    assert any("zero population" in w for w in res.report["warnings"])
    nat = res.groups.set_index("level").loc["national"]
    assert nat["gp_capacity"] == 6  # areas only; the outside capacity is in the summary
    assert res.summary.iloc[0]["capacity_outside_areas"] == 1


def test_gini_and_lorenz():
    g, lor = D.gini_lorenz(np.array([1.0, 2.0, 3.0]), np.array([1.0, 2.0, 3.0]), list("abc"))
    assert g == pytest.approx(0.0, abs=1e-12)
    g, lor = D.gini_lorenz(np.array([0.0, 0.0, 1.0]), np.array([1.0, 1.0, 1.0]), list("abc"))
    # Lorenz (0,0) (1/3,0) (2/3,0) (1,1): area under = 1/6 -> G = 1 - 2/6
    assert g == pytest.approx(2 / 3)
    assert lor["cum_need_share"].tolist() == pytest.approx([0, 1 / 3, 2 / 3, 1])
    assert lor["unit"].iloc[-1] == "c"


def test_need_weighting_and_rollup():
    ages = pd.DataFrame({"m_0_4": [100, 0], "k_85_plus": [0, 100]})
    p = practices([(5, 5), (15, 5)], [1, 1])
    w = need.load_weights()
    res = D.run_density(
        practices=p,
        area_ids=["101", "147"],
        area_names=["X", "Y"],
        area_geometries=AREAS[:2],
        age_table=ages,
        weights=w,
        grouping=pd.DataFrame({"kommunekode": ["0101", "0147"], "region": ["R", "R"]}),
        grouping_levels=["region"],
    )
    a = res.areas.set_index("area_id")
    lk = need.weight_lookup(w)
    assert a.loc["0101", "need_population"] == pytest.approx(100 * lk[("m", "0_4")])
    assert a.loc["0147", "need_population"] == pytest.approx(100 * lk[("k", "85_plus")])
    assert "sha256" in a.loc["0101", "weights"]
    g = res.groups[res.groups["level"] == "region"].iloc[0]
    assert g["population"] == 200 and g["gp_capacity"] == 2 and g["n_areas"] == 2
    assert set(res.summary["level"]) == {"area", "region"}


def test_bad_input_messages():
    with pytest.raises(SundplanError, match="'Lægehuset'.*NULL"):
        D.validate_capacity(
            [1, None], names=["A", "Lægehuset"], ids=[1, 2], source_name="gp", field_name="n_gps"
        )
    with pytest.raises(SundplanError, match="'B'.*-1"):
        D.validate_capacity([1, -1], names=["A", "B"], ids=[1, 2], source_name="gp", field_name="n")
    with pytest.raises(SundplanError, match="zero"):
        D.validate_capacity([0], names=["A"], ids=[1], source_name="gp", field_name="n")
    with pytest.raises(SundplanError, match="duplicate ids.*0101"):
        D.run_density(
            practices=practices([(1, 1)], [1]),
            area_ids=["0101", "101"],
            area_names=["a", "b"],
            area_geometries=AREAS[:2],
            population=np.ones(2),
        )
    with pytest.raises(SundplanError, match="no age/sex columns"):
        D.run_density(
            practices=practices([(1, 1)], [1]),
            area_ids=["a"],
            area_names=["a"],
            area_geometries=AREAS[:1],
            population=np.ones(1),
            weights=need.load_weights(),
            age_table=pd.DataFrame({"x": [1]}),
        )


@pytest.mark.shared
def test_real_kommuner_against_pandas_hand_sums(shared_data):
    """SOR speciallægepraksis points (capacity 1 each, a clearly labelled test table) in the
    99 real DAGI 2021 kommune polygons with FOLK1A 2021Q1 population."""
    kom = json.loads(
        (
            shared_data / "dagi-kommuner-regioner-2021-folk1a/kommuner_2021_folk1a.geojson"
        ).read_text()
    )["features"]
    sor = json.loads((shared_data / "sor-sundhedsenheder-2025/shak_from_sor.geojson").read_text())[
        "features"
    ]
    spec = [f for f in sor if f["properties"]["Unit_type"] == "speciallægepraksis"]
    xy = np.array([f["geometry"]["coordinates"][:2] for f in spec])
    geoms = [shape(f["geometry"]) for f in kom]
    ids = [f["properties"]["kode"] for f in kom]
    pop = np.array([f["properties"]["population"] for f in kom], float)
    p = practices(xy, np.ones(len(spec)))
    res = D.run_density(
        practices=p,
        area_ids=ids,
        area_names=[f["properties"]["navn"] for f in kom],
        area_geometries=geoms,
        population=pop,
        grouping=grouping_table(),
    )
    # independent: which polygon contains each point (shapely, one by one) + pandas groupby
    owner = []
    for pt in xy:
        from shapely.geometry import Point

        hit = [ids[k] for k, g in enumerate(geoms) if g.contains(Point(pt))]
        owner.append(hit[0] if hit else None)
    counts = pd.Series(owner).dropna().value_counts()
    a = res.areas.set_index("area_id")
    for code in ids:
        assert a.loc[code, "gp_capacity"] == counts.get(code, 0), code
        exp = 1e4 * counts.get(code, 0) / pop[ids.index(code)]
        assert a.loc[code, "gps_per_10000"] == pytest.approx(exp)
    n_out = sum(o is None for o in owner)
    assert res.report["practices_outside_areas"] == n_out
    # roll-up to regions equals a groupby of the kommune table
    gt = grouping_table().set_index("kommunekode")
    frame = pd.DataFrame({"code": ids, "pop": pop, "cap": [counts.get(c, 0) for c in ids]})
    frame = frame[frame["code"].isin(gt.index)]
    frame["sr"] = frame["code"].map(gt["sundhedsraad"])
    by = frame.groupby("sr")[["pop", "cap"]].sum()
    g = res.groups[res.groups["level"] == "sundhedsraad"].set_index("area_name")
    assert len(by) == 17
    for sr, row in by.iterrows():
        assert g.loc[sr, "population"] == pytest.approx(row["pop"])
        assert g.loc[sr, "gp_capacity"] == row["cap"]
    assert 0 < res.summary.set_index("level").loc["sundhedsraad", "gini_capacity_vs_need"] < 1


def test_need_adjusted_density_shortage_rank_and_summary_by_hand():
    """Weights that change the picture: old X looks well covered per head but is short of GPs
    per need; young Y the reverse. Hand-worked with weights 85+: 2.0, 0-4: 0.5, women 30-34:
    1.5, everything else 1.0."""
    w = need.weights_from_rows(
        [[g, "all", 1.0] for g in need.AGE_GROUPS if g not in ("0_4", "30_34", "85_plus")]
        + [["0_4", "all", 0.5], ["85_plus", "all", 2.0], ["30_34", "m", 1.0], ["30_34", "k", 1.5]]
    )
    ages = pd.DataFrame(
        {
            "k_85_plus": [1000, 0, 0],
            "m_0_4": [0, 2000, 0],
            "m_30_34": [0, 0, 500],
            "k_30_34": [0, 0, 500],
        }
    )
    # X: 1 GP, Y: 1 GP, Z: 2 GPs
    p = practices([(5, 5), (15, 5), (25, 5), (26, 6)], [1, 1, 1, 1])
    res = D.run_density(
        practices=p,
        area_ids=["X", "Y", "Z"],
        area_names=["X", "Y", "Z"],
        area_geometries=AREAS,
        age_table=ages,
        weights=w,
    )
    a = res.areas.set_index("area_name")
    # need: X 1000*2 = 2000, Y 2000*0.5 = 1000, Z 500*1 + 500*1.5 = 1250
    assert a["population"].tolist() == [1000, 2000, 1000]
    assert a["need_population"].tolist() == pytest.approx([2000, 1000, 1250])
    assert a["need_factor"].tolist() == pytest.approx([2.0, 0.5, 1.25])
    assert a["need_inhabitants_per_gp"].tolist() == pytest.approx([2000, 1000, 625])
    assert a["need_gps_per_10000"].tolist() == pytest.approx([5.0, 10.0, 16.0])
    # unweighted the other way round (X 10, Y 5 per 10 000)
    assert a["gps_per_10000"].tolist() == pytest.approx([10.0, 5.0, 20.0])
    # shortage on need: X (2000 > 1600) yes although 1000 heads per GP; Y (1000) no although
    # 2000 heads per GP
    assert a["shortage"].tolist() == [True, False, False]
    assert a["rank_shortage"].tolist() == [1, 2, 3]
    s = res.summary.set_index("level").loc["area"]
    assert s["need_population"] == pytest.approx(4250)
    assert s["need_gps_per_10000"] == pytest.approx(1e4 * 4 / 4250)
    assert s["best_unit"] == "Z" and s["best_need_gps_per_10000"] == pytest.approx(16.0)
    assert s["worst_unit"] == "X" and s["worst_need_gps_per_10000"] == pytest.approx(5.0)
    assert s["spread_ratio_best_worst"] == pytest.approx(16 / 5)
    assert s["spread_difference"] == pytest.approx(11.0)
    assert s["n_shortage"] == 1 and s["population_in_shortage"] == 1000
    nat = res.groups.set_index("level").loc["national"]
    assert nat["need_inhabitants_per_gp"] == pytest.approx(4250 / 4)
    assert nat["need_gps_per_10000"] == pytest.approx(1e4 * 4 / 4250)


def test_need_factor_scales_a_population_field():
    """With a population field the age columns only give the factor: need = population × (weighted
    ÷ heads of the columns); here 3000 × (100*2 + 100*0.5) / 200."""
    w = need.weights_from_rows(
        [[g, "all", 1.0] for g in need.AGE_GROUPS if g not in ("0_4", "85_plus")]
        + [["0_4", "all", 0.5], ["85_plus", "all", 2.0]]
    )
    res = D.run_density(
        practices=practices([(5, 5)], [1]),
        area_ids=["X"],
        area_names=["X"],
        area_geometries=AREAS[:1],
        population=np.array([3000.0]),
        age_table=pd.DataFrame({"k_85_plus": [100], "m_0_4": [100]}),
        weights=w,
    )
    a = res.areas.iloc[0]
    assert a["need_factor"] == pytest.approx(1.25)
    assert a["need_population"] == pytest.approx(3750)
    assert a["need_inhabitants_per_gp"] == pytest.approx(3750)
    assert a["inhabitants_per_gp"] == pytest.approx(3000)
    assert any("different head count" in m for m in res.report["warnings"])


def test_shortage_is_strictly_above_the_threshold_and_rank_ties_share_the_lowest_rank():
    """Documented (module docstring, algorithm help, README): shortage = need-weighted residents
    per GP *above* the threshold, so exactly 1 600 per GP is not a shortage; an area with
    residents and no GP is. rank_shortage ties: pandas ``method='min'`` (competition ranking:
    equal values share the lowest rank, the next rank is skipped: 1, 2, 3, 3, 5)."""
    p = practices([(5, 5), (15, 5), (25, 5), (26, 6), (45, 5)], [1, 1, 1, 1, 4])
    five = [*AREAS, box(30, 0, 40, 10), box(40, 0, 50, 10)]
    res = D.run_density(
        practices=p,
        area_ids=["A", "B", "C", "D", "E"],
        area_names=["A", "B", "C", "D", "E"],
        area_geometries=five,
        population=np.array([1600.0, 1601.0, 3200.0, 10.0, 1000.0]),
    )
    a = res.areas.set_index("area_name")
    assert a.loc["A", "need_inhabitants_per_gp"] == 1600
    assert a["shortage"].tolist() == [False, True, False, True, False]
    # need GPs per 10 000: A 6.25, B 6.246, C 6.25 (2 GPs / 3200), D 0 (no GP), E 40
    assert a.loc["D", "need_gps_per_10000"] == 0
    assert a["rank_shortage"].tolist() == [3, 2, 3, 1, 5]
    s = res.summary.iloc[0]
    assert s["n_shortage"] == 2 and s["population_in_shortage"] == 1611
    assert s["worst_unit"] == "D" and s["best_unit"] == "E"
    # the same exact-threshold rule with need weights: 800 persons × weight 2 = 1600 per GP
    w = need.weights_from_rows(
        [[g, "all", 1.0] for g in need.AGE_GROUPS if g != "85_plus"] + [["85_plus", "all", 2.0]]
    )
    res = D.run_density(
        practices=practices([(5, 5), (15, 5)], [1, 1]),
        area_ids=["A", "B"],
        area_names=["A", "B"],
        area_geometries=AREAS[:2],
        age_table=pd.DataFrame({"k_85_plus": [800, 801]}),
        weights=w,
    )
    a = res.areas.set_index("area_name")
    assert a["need_inhabitants_per_gp"].tolist() == [1600, 1602]
    assert a["shortage"].tolist() == [False, True]
    # a lower threshold moves the line
    res = D.run_density(
        practices=practices([(5, 5)], [1]),
        area_ids=["A"],
        area_names=["A"],
        area_geometries=AREAS[:1],
        population=np.array([1600.0]),
        shortage_threshold=1599.0,
    )
    assert bool(res.areas.iloc[0]["shortage"])


def test_density_gini_is_the_gaps_gini_in_density_order():
    """One measure for both algorithms: ordered by capacity per need, capacity without need
    counted as concentration (see sundplan_qgis.inequality)."""
    from sundplan_qgis import gaps

    # Capacity [2, 1] against need [10, 1]: by density the Lorenz curve is (0,0), (10/11, 2/3),
    # (1, 1), so G = 1 − (10/11 · 2/3 + 1/11 · 5/3) = 8/33; by capacity it would be −8/33.
    g, lor = D.gini_lorenz(np.array([2.0, 1.0]), np.array([10.0, 1.0]), ["a", "b"])
    assert g == pytest.approx(8 / 33)
    assert lor.unit.tolist() == ["(origin)", "a", "b"]
    # A GP where nobody lives is concentration, as in the specialist gaps.
    cap, need = np.array([2.0, 1.0, 1.0]), np.array([10.0, 1.0, 0.0])
    assert D.gini_lorenz(cap, need, list("abc"))[0] == pytest.approx(gaps.gini(cap, need))
    assert D.gini_lorenz(cap, need, list("abc"))[0] == pytest.approx(1 - (1 - 1 / 4) * (1 - 8 / 33))
