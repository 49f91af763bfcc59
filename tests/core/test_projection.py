"""Need over time (``sundplan_qgis.projection``): every number checked against an independent
computation (pandas groupbys on the input table, hand arithmetic), never against earlier output.

The projection used is SYNTHETIC (``tests/fixtures/projection/synthetic.py``: the embedded 2021
population aged forward deterministically), since the test machines are offline.
"""

from __future__ import annotations

import numpy as np
import pandas as pd
import pytest

from sundplan_qgis import need, projection, reference
from sundplan_qgis.errors import SundplanError
from tests.fixtures.projection.synthetic import synthetic_projection, write_synthetic_csv

OLD = ("75_79", "80_84", "85_plus")


@pytest.fixture(scope="module")
def synthetic():
    return synthetic_projection([2025, 2030])


@pytest.fixture(scope="module")
def synthetic_table(synthetic):
    return projection.population_from_frame(synthetic, source="synthetic")


def blank_table(years=(2025,), kommuner=None) -> pd.DataFrame:
    """Every kommune × sex × age group × year with 0 persons."""
    codes = kommuner or list(reference.kommuner()["kommunekode"])
    index = pd.MultiIndex.from_product(
        [codes, ["m", "k"], list(need.AGE_GROUPS), list(years)],
        names=["kommunekode", "sex", "age_group", "year"],
    )
    return index.to_frame(index=False).assign(persons=0.0)


def test_75_plus_follows_the_table(synthetic, synthetic_table):
    """residents_75_plus of every kommune, sundhedsråd and region equals an independent groupby
    of the input rows (the kommuner's units taken from the reference table directly)."""
    tab = projection.need_table(
        synthetic_table, weights=need.load_weights(), levels=[k for k, _ in projection.LEVELS]
    )
    old = synthetic[synthetic["age_group"].isin(OLD)]
    kom = reference.kommuner()
    old = old.merge(kom[["kommunekode", "regionskode", "sundhedsraad_id"]], on="kommunekode")
    for level, key in (
        ("kommune", "kommunekode"),
        ("region", "regionskode"),
        ("sundhedsraad", "sundhedsraad_id"),
    ):
        expected = old.groupby([old[key].astype(str), "year"])["persons"].sum()
        got = tab[tab["level"] == level].set_index(["area_code", "year"])["residents_75_plus"]
        assert len(got) == len(expected)
        assert (got.sort_index().to_numpy() == expected.sort_index().to_numpy()).all(), level
    total = synthetic.groupby("year")["persons"].sum()
    national = tab[tab["level"] == "region"].groupby("year")["residents"].sum()
    assert national.to_dict() == total.to_dict()
    # the synthetic ageing: more 75+ in 2030 than in 2025, in the country and every region
    regions = tab[tab["level"] == "region"].pivot(
        index="area_code", columns="year", values="residents_75_plus"
    )
    assert (regions[2030] > regions[2025]).all()


def test_need_weighted_by_hand_on_two_kommuner():
    """Two kommuner, a few persons, weights chosen so the sums are easy by hand."""
    frame = blank_table(years=(2025, 2030), kommuner=["0101", "0147"])
    rows = {
        ("0101", "m", "30_34", 2025): 100,
        ("0101", "k", "30_34", 2025): 100,
        ("0101", "k", "85_plus", 2025): 10,
        ("0147", "m", "75_79", 2025): 50,
        ("0101", "m", "30_34", 2030): 100,
        ("0101", "k", "30_34", 2030): 80,
        ("0101", "k", "85_plus", 2030): 20,
        ("0147", "m", "75_79", 2030): 60,
        ("0147", "k", "80_84", 2030): 10,
    }
    for (kom, sex, age, year), n in rows.items():
        mask = (
            (frame["kommunekode"] == kom)
            & (frame["sex"] == sex)
            & (frame["age_group"] == age)
            & (frame["year"] == year)
        )
        frame.loc[mask, "persons"] = n
    frame["kommunekode"] = frame["kommunekode"].str.lstrip("0")  # codes without the zero
    table = projection.population_from_frame(frame, source="hand", all_kommuner=False)
    weights = need.weights_from_rows(
        [[g, "all", 1.0] for g in need.AGE_GROUPS if g not in ("30_34", "75_79", "85_plus")]
        + [["30_34", "m", 0.5], ["30_34", "k", 1.5], ["75_79", "all", 2.0], ["85_plus", "k", 4.0]]
        + [["85_plus", "m", 3.0]],
        source="hand weights",
    )
    tab = projection.need_table(table, weights=weights, levels=["kommune", "region"])
    got = tab[tab["level"] == "kommune"].set_index(["area_code", "year"])
    # København 2025: 100 × 0.5 + 100 × 1.5 + 10 × 4 = 240; 2030: 50 + 120 + 80 = 250
    # Frederiksberg 2025: 50 × 2 = 100; 2030: 60 × 2 + 10 × 1 = 130
    assert got.loc[("0101", 2025), "need_weighted"] == pytest.approx(240.0)
    assert got.loc[("0101", 2030), "need_weighted"] == pytest.approx(250.0)
    assert got.loc[("0147", 2025), "need_weighted"] == pytest.approx(100.0)
    assert got.loc[("0147", 2030), "need_weighted"] == pytest.approx(130.0)
    # the country in 2025: 340 need over 260 residents; København 2025: 240 / 210
    assert got.loc[("0101", 2025), "need_index"] == pytest.approx(240 / 210 / (340 / 260) * 100)
    assert got.loc[("0147", 2030), "need_change_pct"] == pytest.approx(30.0)
    assert got.loc[("0101", 2030), "need_change_pct"] == pytest.approx(250 / 240 * 100 - 100)
    assert got.loc[("0147", 2030), "residents_75_plus"] == 70
    assert got.loc[("0147", 2030), "share_75_plus"] == pytest.approx(1.0)
    assert got.loc[("0101", 2030), "share_75_plus"] == pytest.approx(20 / 200)
    # both are in Region Hovedstaden: the region row is their sum
    region = tab[tab["level"] == "region"].set_index("year")
    assert list(region["area_code"].unique()) == ["1084"]
    assert region.loc[2030, "need_weighted"] == pytest.approx(380.0)
    assert region.loc[2025, "need_index"] == pytest.approx(100.0)
    assert (tab["base_year"] == 2025).all()


def test_rolled_up_values_are_sums_of_kommuner(synthetic_table):
    tab = projection.need_table(
        synthetic_table, weights=need.load_weights(), levels=[k for k, _ in projection.LEVELS]
    )
    kom = tab[tab["level"] == "kommune"].merge(
        reference.kommuner()[["kommunekode", "region", "region_2027", "sundhedsraad"]],
        left_on="area_code",
        right_on="kommunekode",
    )
    for level in ("region", "region_2027", "sundhedsraad"):
        expected = kom.groupby([level, "year"])[
            ["residents", "residents_75_plus", "need_weighted"]
        ].sum()
        got = tab[tab["level"] == level].set_index(["area_name", "year"])[expected.columns]
        got.index.names = expected.index.names
        pd.testing.assert_frame_equal(
            got.sort_index(), expected.sort_index(), check_exact=False, rtol=1e-12
        )
    assert tab.groupby("level").size().to_dict() == {
        "kommune": 196,
        "region": 10,
        "region_2027": 8,
        "sundhedsraad": 34,
    }
    # the need index is 100 for the whole country in the base year
    base = tab[(tab["level"] == "region") & (tab["year"] == 2025)]
    national = base["need_weighted"].sum() / base["residents"].sum()
    first = base["need_weighted"] / base["residents"] / national * 100
    assert base["need_index"].to_numpy() == pytest.approx(first.to_numpy())
    assert (base["residents"] * base["need_index"]).sum() / base["residents"].sum() == (
        pytest.approx(100.0)
    )


def test_shared_columns_and_types(synthetic_table):
    tab = projection.need_table(synthetic_table, weights=None, levels=["sundhedsraad"])
    assert list(tab.columns[: len(projection.TABLE_COLUMNS)]) == list(projection.TABLE_COLUMNS)
    assert tab["year"].dtype == "int64" and tab["base_year"].dtype == "int64"
    assert sorted(tab["area_code"].unique(), key=int) == [str(i) for i in range(1, 18)]
    assert ((tab["share_75_plus"] > 0) & (tab["share_75_plus"] < 1)).all()
    # unweighted: need = residents
    assert (tab["need_weighted"] == tab["residents"]).all()


def test_embedded_base_year_is_the_2021_totals():
    pop = projection.embedded_population()
    assert pop.years == [2021]
    per_kommune = pop.frame.groupby("kommunekode")["persons"].sum()
    kom = reference.kommuner().set_index("kommunekode")["population_2021q1"]
    assert per_kommune.to_numpy() == pytest.approx(kom.loc[per_kommune.index].to_numpy())
    result = projection.run(projection.NeedInputs(weights=need.load_weights()))
    assert set(result.table["year"]) == {2021}
    region = result.table[result.table["level"] == "region"]
    assert region["residents"].sum() == pytest.approx(kom.sum())


def test_reads_the_fetch_csv_and_a_user_csv(tmp_path, synthetic):
    path = write_synthetic_csv(tmp_path / "frkm.csv", years=(2021, 2030))
    table = projection.read_population_csv(path)
    assert table.years == [2021, 2030]
    assert table.recognised == {
        "kommunekode": "kommunekode",
        "kommune": "kommune",
        "sex": "sex",
        "age_group": "age_group",
        "year": "year",
        "persons": "persons",
    }
    # a user's spelling: comma separated, Danish headers, codes without the zero, 85+ / 0-4
    user = synthetic[synthetic["year"] == 2030].copy()
    user = pd.DataFrame(
        {
            "Kommune": user["kommunekode"].str.lstrip("0"),
            "Køn": user["sex"].map({"m": "Mænd", "k": "Kvinder"}),
            "Alder": user["age_group"].str.replace("_plus", "+").str.replace("_", "-"),
            "År": user["year"],
            "Antal": user["persons"],
        }
    )
    user.to_csv(tmp_path / "user.csv", sep=",", index=False)
    mine = projection.read_population_csv(tmp_path / "user.csv")
    assert mine.recognised == {
        "kommunekode": "Kommune",
        "sex": "Køn",
        "age_group": "Alder",
        "year": "År",
        "persons": "Antal",
    }
    a = projection.need_table(mine, weights=None, levels=["region"])
    b = projection.need_table(table, weights=None, levels=["region"], years=[2030])
    assert a["residents"].to_numpy() == pytest.approx(b["residents"].to_numpy())


def test_christiansoe_rows_are_left_out_and_said(synthetic):
    extra = synthetic[synthetic["kommunekode"] == "0101"].assign(kommunekode="0411")
    table = projection.population_from_frame(
        pd.concat([synthetic, extra]), source="with Christiansø"
    )
    assert "0411" not in set(table.frame["kommunekode"])
    assert "Christiansø" in str(table.notes[0])


@pytest.mark.parametrize(
    ("change", "words"),
    [
        (lambda f: f[f["kommunekode"] != "0101"], ["1 of the 98 kommuner", "0101 København"]),
        (
            lambda f: f[~f["kommunekode"].isin(["0101", "0147", "0151"])],
            ["3 of the 98 kommuner", "0101 København", "0147 Frederiksberg"],
        ),
        (lambda f: f[f["age_group"] != "85_plus"], ["age groups 85_plus", "(1 missing)"]),
        (lambda f: f[f["sex"] != "k"], ["sexes k"]),
        (
            lambda f: f[~((f["year"] == 2030) & (f["kommunekode"] == "0101"))],
            ["36 year/kommune/sex/age group row(s) are missing", "2030: 36", "2030/0101/k/0_4"],
        ),
        (lambda f: f.assign(age_group="90_94"), ["age groups 90_94", "0_4, 5_9"]),
        (lambda f: f.assign(sex="t"), ["sex values t", "m (men) or k (women)"]),
        (lambda f: pd.concat([f, f.iloc[:2]]), ["2 year/kommune/sex/age group combination"]),
        (
            lambda f: f.assign(kommunekode=f["kommunekode"].where(f.index > 0, "084")),
            ["not among the 98 kommuner: 084", "(1 in all)"],
        ),
        (lambda f: f.drop(columns="year"), ["no column for year", "columns found"]),
    ],
)
def test_incomplete_tables_name_what_is_missing(synthetic, change, words):
    with pytest.raises(SundplanError) as caught:
        projection.population_from_frame(change(synthetic.copy()), source="bad.csv")
    text = str(caught.value)
    assert "bad.csv" in text
    for word in words:
        assert word in text, text


def test_negative_and_empty_persons_are_named_rows(synthetic):
    bad = synthetic.copy().astype({"persons": object})
    bad.loc[5, "persons"] = -3
    bad.loc[9, "persons"] = ""
    with pytest.raises(SundplanError) as caught:
        projection.population_from_frame(bad, source="bad.csv")
    text = str(caught.value)
    assert "2 row(s)" in text
    assert f"line 7 ({bad.loc[5, 'kommunekode']} {bad.loc[5, 'sex']}" in text
    assert "'-3'" in text and "line 11" in text


def test_years_not_in_the_table_are_named(synthetic_table):
    with pytest.raises(SundplanError, match=r"no year 2040; its years are 2025, 2030"):
        projection.need_table(synthetic_table, weights=None, levels=["region"], years=[2040])
    with pytest.raises(SundplanError, match=r"no year 2021"):
        projection.need_table(synthetic_table, weights=None, levels=["region"], base_year=2021)


def test_parse_years_and_levels():
    assert projection.parse_years("2025; 2030") == (2025, 2030)
    assert projection.parse_years("2028-2030") == (2028, 2029, 2030)
    assert projection.parse_years("") == ()
    with pytest.raises(SundplanError, match="not a year"):
        projection.parse_years("next year")
    assert projection.levels_of("all") == ("kommune", "sundhedsraad", "region", "region_2027")
    with pytest.raises(SundplanError, match="Unknown level"):
        projection.levels_of("parish")


def test_run_reports_the_national_75_plus(synthetic_table):
    result = projection.run(
        projection.NeedInputs(population=synthetic_table, weights=need.load_weights())
    )
    national = {row["year"]: row for row in result.report["national"]}
    assert national[2025]["need_index"] == pytest.approx(100.0)
    assert national[2030]["need_index"] > 100.0
    old = synthetic_table.frame[synthetic_table.frame["age_group"].isin(OLD)]
    assert national[2030]["residents_75_plus"] == pytest.approx(
        old[old["year"] == 2030]["persons"].sum()
    )
    assert result.table["weights"].iloc[0].startswith("default almen_praksis")
    assert np.isfinite(result.table["need_index"]).all()


def test_kommune_names_instead_of_codes(synthetic):
    by_name = synthetic.drop(columns="kommunekode").rename(columns={"kommune": "Kommunenavn"})
    table = projection.population_from_frame(by_name, source="names.csv")
    assert table.recognised["kommune"] == "Kommunenavn"
    assert set(table.frame["kommunekode"]) == set(reference.kommuner()["kommunekode"])
    with pytest.raises(SundplanError, match="Atlantis"):
        projection.population_from_frame(
            by_name.assign(Kommunenavn=by_name["Kommunenavn"].where(by_name.index > 0, "Atlantis")),
            source="names.csv",
        )
