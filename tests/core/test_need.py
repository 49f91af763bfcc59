"""Need weights: column recognition, the shipped defaults and their national mean, errors."""

from __future__ import annotations

import numpy as np
import pandas as pd
import pytest

from sundplan_qgis import need
from sundplan_qgis.errors import SundplanError

FOLK1A_2014 = "folk1a-2014q1-kommune-koen-alder/folk1a_2014q1_kommune_koen_alder.csv"


def test_age_groups_are_the_18_five_year_groups():
    assert len(need.AGE_GROUPS) == 18
    assert need.AGE_GROUPS[0] == "0_4" and need.AGE_GROUPS[-2] == "80_84"
    assert need.AGE_GROUPS[-1] == "85_plus"


def test_age_sex_columns_recognises_the_documented_spellings():
    cols = need.age_sex_columns(
        [
            "kommune",
            "population",
            "m_0_4",
            "K_85_plus",
            "women_30_34",
            "men_85plus",
            "all_5_9",
            "m_3_7",
            "x_0_4",
        ]
    )
    assert cols == {
        "m_0_4": ("m", "0_4"),
        "K_85_plus": ("k", "85_plus"),
        "women_30_34": ("k", "30_34"),
        "men_85plus": ("m", "85_plus"),
        "all_5_9": ("all", "5_9"),
    }


def test_default_weights_cover_every_group_and_sex():
    w = need.load_weights()
    lookup = need.weight_lookup(w)
    for g in need.AGE_GROUPS:
        for s in ("m", "k", "all"):
            assert lookup[(s, g)] > 0
    assert w.sha256 and "need_weights_gp.csv" in w.label
    # published anchors kept: 80+ = 2.38 x average (KL), women/men 30-59 = 8.2/4.7 (DST)
    assert lookup[("m", "85_plus")] == pytest.approx(2.38, abs=0.01)
    assert lookup[("k", "40_44")] / lookup[("m", "40_44")] == pytest.approx(8.2 / 4.7, rel=1e-3)


def test_default_weights_have_national_mean_one_on_folk1a_2014(shared_data):
    df = pd.read_csv(shared_data / FOLK1A_2014, dtype={"kommunekode": str})
    df["group"] = [need.AGE_GROUPS[min(a // 5, 17)] for a in df["age"]]
    df["sex"] = df["sex"].map({"Men": "m", "Women": "k"})
    lookup = need.weight_lookup(need.load_weights())
    w = np.array([lookup[(s, g)] for s, g in zip(df["sex"], df["group"], strict=True)])
    mean = float((w * df["population"]).sum() / df["population"].sum())
    assert mean == pytest.approx(1.0, abs=1e-3)
    # KL anchor: 65+ had 32 % of the consultations
    old = df["age"] >= 65
    share = float((w * df["population"])[old].sum() / (w * df["population"]).sum())
    assert share == pytest.approx(0.32, abs=0.002)


def test_default_weights_keep_kl_80_plus_index_on_folk1a_2014(shared_data):
    """KL's 2.38 is for everyone aged 80+ against the average citizen: the FOLK1A-weighted mean
    weight over 80-84 and 85+, both sexes, divided by the mean over everyone. Weights read
    from the shipped CSV with pandas ('all' rows apply to both sexes)."""
    raw = pd.read_csv(need.DEFAULT_WEIGHT_FILES["almen_praksis"], dtype={"age_group": str})
    rows = []
    for r in raw.itertuples(index=False):
        for sex in ("Men", "Women") if r.sex == "all" else ({"m": "Men", "k": "Women"}[r.sex],):
            lo = 85 if r.age_group == "85_plus" else int(r.age_group.split("_")[0])
            hi = 200 if r.age_group == "85_plus" else int(r.age_group.split("_")[1])
            rows += [(sex, age, r.weight) for age in range(lo, hi + 1)]
    table = pd.DataFrame(rows, columns=["sex", "age", "weight"])
    assert not table.duplicated(["sex", "age"]).any()
    df = pd.read_csv(shared_data / FOLK1A_2014, dtype={"kommunekode": str})
    df = df.merge(table, on=["sex", "age"], how="left", validate="many_to_one")
    assert df["weight"].notna().all()
    wpop = df["weight"] * df["population"]
    old = df["age"] >= 80
    mean_all = wpop.sum() / df["population"].sum()
    mean_old = wpop[old].sum() / df.loc[old, "population"].sum()
    assert mean_old / mean_all == pytest.approx(2.38, abs=0.005)


def test_need_weighted_population_by_hand():
    weights = need.weights_from_rows(
        [[g, "all", 1.0] for g in need.AGE_GROUPS[:-1]]
        + [["85_plus", "m", 3.0], ["85_plus", "k", 2.0]]
    )
    pop = pd.DataFrame(
        {"m_0_4": [10, 0], "k_85_plus": [5, 1], "m_85_plus": [1, 0], "all_85_plus": [2, 0]}
    )
    got = need.need_weighted_population(pop, weights=weights)
    # 10*1 + 5*2 + 1*3 + 2*(3+2)/2
    assert got.tolist() == [10 + 10 + 3 + 5, 2]


def test_weights_missing_an_age_group_are_named():
    weights = need.weights_from_rows([[g, "all", 1.0] for g in need.AGE_GROUPS if g != "70_74"])
    pop = pd.DataFrame({"m_70_74": [3], "m_0_4": [1]})
    with pytest.raises(SundplanError, match="70_74"):
        need.need_weighted_population(pop, weights=weights)


def test_negative_or_null_counts_name_the_row():
    w = need.load_weights()
    pop = pd.DataFrame({"m_0_4": [1, -2]}, index=["Aby", "Bby"])
    with pytest.raises(SundplanError, match="Bby"):
        need.need_weighted_population(pop, weights=w)
    pop = pd.DataFrame({"m_0_4": [1, None]}, index=["Aby", "Bby"])
    with pytest.raises(SundplanError, match="NULL.*Bby"):
        need.need_weighted_population(pop, weights=w)


def test_bad_weight_tables(tmp_path):
    with pytest.raises(SundplanError, match="positive"):
        need.weights_from_rows([["0_4", "all", 0]])
    with pytest.raises(SundplanError, match="not one of"):
        need.weights_from_rows([["0_3", "all", 1]])
    with pytest.raises(SundplanError, match="twice"):
        need.weights_from_rows([["0_4", "all", 1], ["0-4", "all", 2]])
    p = tmp_path / "w.csv"
    p.write_text("age_group;sex;weight\n0-4;all;1.5\n85+;k;2\n", encoding="utf-8")
    w = need.load_weights(p)
    assert set(w.table["age_group"]) == {"0_4", "85_plus"}
    assert w.label == "w.csv"


def test_weights_record_names_table_and_hash():
    w = need.load_weights()
    rec = need.weights_record(w)
    assert rec["sha256"] == need.weights_hash(w)
    assert len(rec["table"]) == len(w)
    assert need.weights_record(None)["label"].startswith("none")
