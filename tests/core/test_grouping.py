"""Areas outside the grouping (Christiansø 0411, or any id not in the grouping table): one rule
for GP density and specialist gaps, a row of their own left out of ranks, Gini, best/worst and
shortage counts, never an error; centres that lie inside their area. Hand cases plus the real
DAGI boundaries (../shared/data)."""

from __future__ import annotations

import json

import numpy as np
import pandas as pd
import pytest
from shapely.geometry import MultiPolygon, Point, box, shape

from sundplan_qgis import density as D
from sundplan_qgis import gaps, grouping, practices, reference
from sundplan_qgis.errors import SundplanError

OUT = "outside the grouping"
REUM, DERM = "Reumatologi", "Dermato-venerologi"


def gini_mean_difference(capacity, need) -> float:
    """Order-free Gini of capacity against need: ½ ΣΣ n_i n_j |d_i − d_j| / (N² μ)."""
    c = np.asarray(capacity, float)
    n = np.asarray(need, float)
    d = c / n
    mu = c.sum() / n.sum()
    return (
        0.5 * float((np.outer(n, n) * np.abs(d[:, None] - d[None, :])).sum()) / (n.sum() ** 2 * mu)
    )


# --------------------------------------------------------------------------- the one rule
def test_units_of_matches_codes_and_leaves_unknown_ids_outside():
    mapping = {"0101": "Hovedstaden", 147: "Hovedstaden", "851": "Nordjylland", "0999": None}
    got = reference.units_of(["101", "0147", 851.0, "0851", "0411", "0999", None], mapping)
    assert got == ["Hovedstaden", "Hovedstaden", "Nordjylland", "Nordjylland", None, None, None]
    # the same rule from both tools
    assert grouping.unit_of_areas(["101", "0411"], mapping) == ["Hovedstaden", OUT]
    with pytest.raises(SundplanError, match="more than one unit: 0101"):
        reference.units_of(["0101"], {"101": "A", "0101": "B"})


# --------------------------------------------------------------------------- GP density
AREAS = [box(0, 0, 10, 10), box(10, 0, 20, 10), box(20, 0, 30, 10)]


def _density(ids, pops, geoms, grouping):
    p = D.Practices(
        xy=np.array([[5.0, 5.0], [15.0, 5.0]]),
        capacity=np.array([3.0, 3.0]),
        names=["PA", "PB"],
        ids=[1, 2],
    )
    return D.run_density(
        practices=p,
        area_ids=ids,
        area_names=[{"0101": "Aby", "0147": "Bby", "0411": "Christiansø"}[i] for i in ids],
        area_geometries=geoms,
        population=np.array(pops, float),
        grouping=grouping,
        grouping_levels=["region"],
    )


GROUPING = pd.DataFrame({"kommunekode": ["0101", 147], "region": ["R1", "R2"]})


def test_density_outside_row_is_left_out_of_ranks_gini_best_worst_and_shortage_counts():
    res = _density(["0101", "0147", "0411"], [6000, 3000, 90], AREAS, GROUPING)
    a = res.areas.set_index("area_id")
    # Christiansø has residents and no GP: the lowest density, but outside the grouping
    assert a.loc["0411", "outside_grouping"] and not a.loc["0101", "outside_grouping"]
    assert np.isnan(a.loc["0411", "rank_shortage"])
    assert (a.loc["0101", "rank_shortage"], a.loc["0147", "rank_shortage"]) == (1, 2)
    s = res.summary.set_index("level")
    for level in ("area", "region"):
        assert s.loc[level, "worst_unit"] in ("Aby", "R1"), level
        assert s.loc[level, "best_unit"] in ("Bby", "R2"), level
        assert s.loc[level, "n_units"] == 2
        assert s.loc[level, "n_shortage"] == 1  # only A: 6 000 / 3 = 2 000 > 1 600
        assert s.loc[level, "population_in_shortage"] == 6000
        assert s.loc[level, "areas_outside_grouping"] == 1
        assert s.loc[level, "population_outside_grouping"] == 90
        assert s.loc[level, "population"] == 9090  # totals count everyone
        # Gini by hand: densities 5e-4 and 1e-3, need 6 000 and 3 000 -> 1/6
        assert s.loc[level, "gini_capacity_vs_need"] == pytest.approx(1 / 6)
        assert gini_mean_difference([3, 3], [6000, 3000]) == pytest.approx(1 / 6)
    g = res.groups[res.groups["level"] == "region"].set_index("area_name")
    assert list(g.index) == ["R1", "R2", OUT]
    assert g.loc[OUT, "outside_grouping"] and g.loc[OUT, "n_areas"] == 1
    assert g.loc[OUT, "population"] == 90 and np.isnan(g.loc[OUT, "rank_shortage"])
    assert (g.loc["R1", "rank_shortage"], g.loc["R2", "rank_shortage"]) == (1, 2)
    assert "outside the grouping" in str(res.report["warnings"])
    # Lorenz curves: Christiansø is on none of them
    assert OUT not in set(res.lorenz["unit"]) and "Christiansø" not in set(res.lorenz["unit"])


def test_density_summary_is_unchanged_when_the_outside_area_is_added():
    without = _density(["0101", "0147"], [6000, 3000], AREAS[:2], GROUPING).summary
    with_ = _density(["0101", "0147", "0411"], [6000, 3000, 90], AREAS, GROUPING).summary
    cols = ["level", "n_units", "best_unit", "worst_unit", "gini_capacity_vs_need", "n_shortage"]
    pd.testing.assert_frame_equal(without[cols], with_[cols])


def test_density_with_every_area_outside_the_grouping_still_runs():
    res = _density(["0101", "0147"], [6000, 3000], AREAS[:2], pd.DataFrame(
        {"kommunekode": ["9999"], "region": ["R9"]}
    ))  # fmt: skip
    s = res.summary.set_index("level")
    assert s.loc["region", "n_units"] == 0 and np.isnan(s.loc["region", "gini_capacity_vs_need"])
    assert s.loc["region", "worst_unit"] is None
    assert res.groups[res.groups["level"] == "region"]["area_name"].tolist() == [OUT]


# --------------------------------------------------------------------------- specialist gaps
def _gap_population():
    return pd.DataFrame(
        {
            "area_id": ["A", "B", "X"],
            "area_name": ["Aby", "Bby", "Xø"],
            "m_0_4": [600, 0, 40],
            "k_0_4": [400, 500, 50],
            "m_85_plus": [0, 250, 0],
            "k_85_plus": [0, 250, 0],
        }
    )


def _gap_capacity():
    return pd.DataFrame(
        {
            "area_id": ["North", "South", "North", "South", OUT],
            "specialty": [REUM, REUM, DERM, DERM, REUM],
            "capacity": [3.0, 0.0, 2.0, 5.0, 1.0],
        }
    )


def test_group_areas_puts_unknown_ids_in_one_outside_row():
    grouped = grouping.group_areas(_gap_population(), {"A": "North", "B": "South"})
    assert grouped["area_id"].tolist() == ["North", "South", OUT]
    assert grouped["outside_grouping"].tolist() == [False, False, True]
    assert grouped.set_index("area_id").loc[OUT, "m_0_4"] == 40


def test_gaps_outside_row_changes_nothing_else():
    grouped = grouping.group_areas(_gap_population(), {"A": "North", "B": "South"})
    centres = np.array([[0.0, 0], [30_000, 40_000], [900_000, 0]])
    with_ = gaps.specialist_gaps(
        capacity=_gap_capacity(), population=grouped, weights=None, centres_xy=centres
    )
    cap_in = _gap_capacity()[lambda d: d["area_id"] != OUT]
    without = gaps.specialist_gaps(
        capacity=cap_in,
        population=grouped[~grouped["outside_grouping"]].drop(columns="outside_grouping"),
        weights=None,
        centres_xy=centres[:2],
    )
    inner = with_.areas[~with_.areas["outside_grouping"]].drop(columns="outside_grouping")
    pd.testing.assert_frame_equal(
        inner.reset_index(drop=True), without.areas.drop(columns="outside_grouping")
    )
    cols = ["specialty", "capacity_today", "gini", "dissimilarity_index", "n_under_supplied"]
    pd.testing.assert_frame_equal(with_.summary[cols], without.summary[cols])
    pd.testing.assert_frame_equal(with_.relocations, without.relocations)
    out = with_.areas[with_.areas["outside_grouping"]].set_index("specialty")
    assert out.loc[REUM, "class"] == OUT and out.loc[REUM, "capacity"] == 1
    assert out.loc[REUM, "population"] == 90 and np.isnan(out.loc[REUM, "fair_share"])
    assert out.loc[REUM, "capacity_per_100k_pop"] == pytest.approx(1 / 90 * 1e5)
    s = with_.summary.set_index("specialty")
    assert s.loc[REUM, "capacity_outside_grouping"] == 1 and s.loc[REUM, "capacity_today"] == 3
    assert s.loc[DERM, "population_outside_grouping"] == 90


# --------------------------------------------------------------------------- capacities
def test_capacity_zero_everywhere_is_rejected_with_the_fix():
    cap = _gap_capacity()[lambda d: d["area_id"] != OUT].assign(capacity=0.0)
    pop = grouping.group_areas(_gap_population(), {"A": "North", "B": "South", "X": "North"})
    with pytest.raises(SundplanError) as info:
        gaps.specialist_gaps(capacity=cap, population=pop, weights=None)
    text = str(info.value)
    assert f"'{DERM}', '{REUM}'" in text and "0 in every area" in text
    assert "planned total" in text
    # a planned total makes a zero capacity meaningful (all new)
    with pytest.raises(SundplanError, match=f"'{REUM}' is 0"):
        gaps.specialist_gaps(capacity=cap, population=pop, weights=None, reference_totals={DERM: 5})
    res = gaps.specialist_gaps(
        capacity=cap, population=pop, weights=None, reference_totals={DERM: 5, REUM: 2}
    )
    assert res.summary["capacity_today"].tolist() == [0, 0]


@pytest.mark.parametrize("value", [np.nan, np.inf, "mange"])
def test_capacity_not_a_finite_number_is_rejected(value):
    cap = _gap_capacity()[lambda d: d["area_id"] != OUT].astype({"capacity": object})
    cap.loc[1, "capacity"] = value
    pop = grouping.group_areas(_gap_population(), {"A": "North", "B": "South", "X": "North"})
    with pytest.raises(SundplanError, match=f"non-numeric capacity for {REUM} in area South"):
        gaps.specialist_gaps(capacity=cap, population=pop, weights=None)


# --------------------------------------------------------------------------- centres
def test_inside_point_hand_cases():
    u = box(0, 0, 10, 1).union(box(0, 0, 1, 10))  # an L: its centroid lies outside
    assert not u.contains(u.centroid)
    x, y = reference.inside_point(u)
    assert u.contains(Point(x, y))
    assert Point(x, y).distance(u.centroid) < u.exterior.distance(u.centroid) + 0.05
    # two islands: the weighted centre between them is in the sea -> nearest island
    islands = MultiPolygon([box(0, 0, 1, 1), box(10, 0, 11, 1)])
    x, y = reference.weighted_inside_point(islands, [[0.5, 0.5], [10.5, 0.5]], [3, 1])
    assert islands.contains(Point(x, y)) and x < 1.01  # 3:1 centre at 3.0 is nearer the left
    # a centre that is inside stays exactly where it is
    got = reference.weighted_inside_point(islands, [[0.2, 0.5], [0.4, 0.5]], [1, 3])
    assert got == pytest.approx((0.35, 0.5), abs=1e-12)


def _dagi(shared_data):
    from pyproj import Transformer
    from shapely.ops import transform

    t = Transformer.from_crs("EPSG:4326", "EPSG:25832", always_xy=True)
    folder = shared_data / "dagi-kommuner-regioner-2021-folk1a"
    kom = json.loads((folder / "kommuner_2021_folk1a.geojson").read_text(encoding="utf-8"))
    reg = json.loads((folder / "regioner_2021_folk1a.geojson").read_text(encoding="utf-8"))
    kom = [(f["properties"], transform(t.transform, shape(f["geometry"]))) for f in kom["features"]]
    reg = {
        f["properties"]["navn"]: transform(t.transform, shape(f["geometry"]))
        for f in reg["features"]
    }
    return kom, reg


@pytest.mark.shared
def test_real_region_centres_lie_on_land(shared_data):
    kom, reg = _dagi(shared_data)
    ids = [p["kode"] for p, _g in kom]
    pop = np.array([p["population"] for p, _g in kom], float)
    units = grouping.unit_of_areas(ids, grouping.reference_mapping("region"))
    assert [i for i, u in zip(ids, units, strict=True) if u == OUT] == ["0411"]
    hoved = reg["Region Hovedstaden"]
    assert not hoved.contains(hoved.centroid)  # the plain centroid lies in Øresund
    assert hoved.contains(Point(reference.inside_point(hoved)))
    for name, region in reg.items():
        idx = [k for k, u in enumerate(units) if u == name]
        centres = np.array([reference.inside_point(kom[k][1]) for k in idx])
        assert all(kom[k][1].contains(Point(c)) for k, c in zip(idx, centres, strict=True))
        x, y = reference.weighted_inside_point(region, centres, pop[idx])
        assert region.buffer(1.0).contains(Point(x, y)), name  # DAGI regions vs kommuner: 1 m
    # the old rule (weighted mean of member centroids) leaves Syddanmark's centre in the sea
    idx = [k for k, u in enumerate(units) if u == "Region Syddanmark"]
    c = np.array([[kom[k][1].centroid.x, kom[k][1].centroid.y] for k in idx])
    old = (c * pop[idx, None]).sum(0) / pop[idx].sum()
    assert not reg["Region Syddanmark"].contains(Point(old))
    # Christiansø: its own centre lies on the islands
    chr_geom = kom[ids.index("0411")][1]
    assert chr_geom.contains(Point(reference.inside_point(chr_geom)))


@pytest.mark.shared
def test_real_kommuner_gp_density_christianso_is_outside_every_rollup(shared_data):
    kom, _reg = _dagi(shared_data)
    ids = [p["kode"] for p, _g in kom]
    geoms = [g for _p, g in kom]
    pop = np.array([p["population"] for p, _g in kom], float)
    # one practice per kommune except Christiansø, capacity ~ population / 1 500 (varied)
    keep = [k for k, i in enumerate(ids) if i != "0411"]
    cap = np.round(pop[keep] / (1500 + 7 * np.arange(len(keep)) % 400), 1)
    p = D.Practices(
        xy=np.array([reference.inside_point(geoms[k]) for k in keep]),
        capacity=cap,
        names=[ids[k] for k in keep],
        ids=keep,
    )
    res = D.run_density(
        practices=p,
        area_ids=ids,
        area_names=[pp["navn"] for pp, _g in kom],
        area_geometries=geoms,
        population=pop,
        grouping=reference.grouping_table(),
    )
    s = res.summary.set_index("level")
    assert "Christiansø" not in set(s["worst_unit"]) and OUT not in set(s["worst_unit"])
    assert (s["areas_outside_grouping"] == 1).all()
    assert (s["population_outside_grouping"] == pop[ids.index("0411")]).all()
    assert s.loc["area", "n_units"] == 98 and s.loc["region", "n_units"] == 5
    # Gini of the 5 regions, independently: pandas groupby + mean-difference form
    gt = reference.grouping_table().set_index("kommunekode")
    frame = pd.DataFrame({"code": [ids[k] for k in keep], "pop": pop[keep], "cap": cap})
    by = frame.assign(r=frame["code"].map(gt["region"])).groupby("r")[["pop", "cap"]].sum()
    assert s.loc["region", "gini_capacity_vs_need"] == pytest.approx(
        gini_mean_difference(by["cap"], by["pop"]), rel=1e-9
    )
    for level in ("region", "region_2027", "sundhedsraad", "sundhedsfaellesskab"):
        g = res.groups[res.groups["level"] == level]
        out = g[g["outside_grouping"]]
        assert out["area_name"].tolist() == [OUT] and out["n_areas"].tolist() == [1]
        assert g["rank_shortage"].notna().sum() == len(g) - 1


def test_practice_capacities_name_the_features():
    ok = practices.practice_capacities([1, 0, "2.5"], ids=[7, 8, 9], layer="spec", field="cap")
    assert ok.tolist() == [1.0, 0.0, 2.5]
    cases = [
        ([1, None], "Practices without a capacity in 'spec' \\(cap\\): feature ids 8"),
        ([1, float("nan"), "mange"], "not finite numbers .*feature ids 8 \\('nan'\\), 9"),
        ([1, float("inf")], "not finite numbers"),
        ([1, -2], "Negative capacities .*feature ids 8 \\(-2\\)"),
        ([0, 0.0], "Every practice of 'spec' has capacity 0 in 'cap'"),
    ]
    for values, message in cases:
        with pytest.raises(SundplanError, match=message):
            practices.practice_capacities(
                values, ids=[7, 8, 9][: len(values)], layer="spec", field="cap"
            )
