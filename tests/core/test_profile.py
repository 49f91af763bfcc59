"""The profile's indicators (``sundplan_qgis.profile``) against sums computed here from small
hand-made tables: kommuner of two sundhedsråd, the national row, the P90 rule, tables per unit,
missing sections and bad input."""

from __future__ import annotations

import numpy as np
import pandas as pd
import pytest

from sundplan_qgis import profile, reference
from sundplan_qgis.errors import SundplanError
from sundplan_qgis.page_text import profile as words

FYN = "Sundhedsråd Fyn"
VENDSYSSEL = "Sundhedsråd Vendsyssel"


@pytest.fixture(scope="module")
def kommuner():
    table = reference.grouping_table()
    return dict(zip(table["kommunekode"], table["sundhedsraad"], strict=True))


def _travel(codes, rng):
    n = len(codes)
    reached = rng.uniform(1e3, 1e5, n)
    return pd.DataFrame(
        {
            "area_id": codes,
            "area_name": codes,
            "population": reached + 10.0,
            "population_reached": reached,
            "mean_min": rng.uniform(5, 40, n),
            "p90_min": rng.uniform(20, 90, n),
            "pop_over_30_min": reached * rng.uniform(0, 0.5, n),
            "pop_unsnapped": np.full(n, 6.0),
            "pop_unreachable": np.full(n, 4.0),
        }
    )


def test_units_and_members():
    assert len(profile.units("sundhedsraad")) == 17
    assert len(profile.units("region")) == 5
    assert len(profile.units("region_2027")) == 4
    assert len(profile.units("kommune")) == 98
    members = profile.members("sundhedsraad")
    assert len(members) == 98 and reference.CHRISTIANSOE not in members
    with pytest.raises(SundplanError, match="Unknown level"):
        profile.units("amt")


def test_travel_sums_per_unit_and_nation(kommuner):
    rng = np.random.default_rng(1)
    codes = sorted(kommuner)
    frame = _travel(codes, rng)
    frame.loc[len(frame)] = [None, "(outside all areas)", 50.0, 0.0, np.nan, np.nan, 0, 50, 0]
    result = profile.run(profile.ProfileInputs(travel=profile.Table(frame, "travel")))
    ind = result.indicators.set_index("unit_name")
    frame = frame.dropna(subset=["area_id"])
    frame["unit"] = frame["area_id"].map(kommuner)
    for name in (FYN, VENDSYSSEL):
        part = frame[frame["unit"] == name]
        mean = (part["mean_min"] * part["population_reached"]).sum() / part[
            "population_reached"
        ].sum()
        assert ind.loc[name, "travel_mean_min"] == pytest.approx(mean)
        assert ind.loc[name, "travel_p90_min"] == pytest.approx(part["p90_min"].max())
        assert ind.loc[name, "travel_share_over_30_min"] == pytest.approx(
            part["pop_over_30_min"].sum() / part["population_reached"].sum()
        )
        assert ind.loc[name, "travel_not_reached"] == pytest.approx(10.0 * len(part))
    national = profile.national_row(result)
    assert national["travel_mean_min"] == pytest.approx(
        (frame["mean_min"] * frame["population_reached"]).sum() / frame["population_reached"].sum()
    )
    assert result.p90_rule == "max_kommune"
    assert set(result.missing) == {"need_table", "gp_density", "fca", "specialists"}
    assert np.isnan(ind.loc[FYN, "gp_per_10000"])
    assert len(result.indicators) == 18


def test_a_travel_table_per_unit_gives_its_own_p90():
    units = profile.units("sundhedsraad")
    frame = _travel(list(units["unit_name"]), np.random.default_rng(2))
    frame["area_id"] = units["unit_code"]  # ids 1-17, names as the embedded units
    result = profile.run(profile.ProfileInputs(travel=profile.Table(frame, "per unit")))
    ind = result.indicators.set_index("unit_code")
    assert result.p90_rule == "unit"
    for row in frame.itertuples():
        assert ind.loc[str(row.area_id), "travel_p90_min"] == pytest.approx(row.p90_min)
        assert ind.loc[str(row.area_id), "travel_mean_min"] == pytest.approx(row.mean_min)
    assert np.isnan(ind.loc[profile.NATIONAL, "travel_p90_min"])  # no national P90 from units
    assert result.kommuner["travel_mean_min"].isna().all()  # no kommune values to map


def test_need_table_today_target_index_and_change(kommuner):
    codes = sorted(kommuner)
    rows = []
    for year, growth in ((2025, 1.0), (2030, 1.1)):
        for i, code in enumerate(codes):
            residents = 1000.0 + 10 * i
            rows.append(
                {
                    "level": "kommune",
                    "area_code": code,
                    "year": str(year),  # text, as a CSV layer gives it
                    "residents": str(residents),
                    "residents_75_plus": residents * 0.1 * growth,
                    "need_weighted": residents * (1.0 + 0.002 * i) * growth,
                    "base_year": 2025,
                }
            )
    table = pd.DataFrame(rows)
    result = profile.run(
        profile.ProfileInputs(need_table=profile.Table(table, "need"), target_year=2030)
    )
    ind = result.indicators.set_index("unit_name")
    num = table.assign(
        unit=table["area_code"].map(kommuner),
        year=table["year"].astype(int),
        residents=table["residents"].astype(float),
    )
    base = num[num["year"] == 2025]
    target = num[num["year"] == 2030]
    national_base = base["need_weighted"].sum() / base["residents"].sum()
    fyn_t = target[target["unit"] == FYN]
    fyn_b = base[base["unit"] == FYN]
    assert ind.loc[FYN, "residents_today"] == pytest.approx(fyn_b["residents"].sum())
    assert ind.loc[FYN, "share_75_plus_target"] == pytest.approx(0.11)
    assert ind.loc[FYN, "need_index_target"] == pytest.approx(
        100 * fyn_t["need_weighted"].sum() / fyn_t["residents"].sum() / national_base
    )
    assert ind.loc[FYN, "need_change_pct"] == pytest.approx(10.0)
    assert result.today_label == "2025" and result.target_year == 2030
    with pytest.raises(SundplanError, match="no rows for the year 2031; it holds 2025, 2030"):
        profile.run(
            profile.ProfileInputs(need_table=profile.Table(table, "need"), target_year=2031)
        )


def test_without_need_table_today_is_the_embedded_population():
    result = profile.run(profile.ProfileInputs())
    national = profile.national_row(result)
    totals = reference.kommune_residents()
    assert national["residents_today"] == pytest.approx(totals["population"].sum())
    assert result.today_label == "2021K1" and result.target_year is None
    assert np.isnan(national["residents_target"])
    assert len(result.warnings) == 5  # one per section without input


def test_gp_fca_and_specialists(kommuner):
    codes = sorted(kommuner)
    rng = np.random.default_rng(3)
    n = len(codes)
    gp = pd.DataFrame(
        {
            "area_id": codes,
            "population": rng.uniform(1e4, 1e5, n),
            "need_population": rng.uniform(1e4, 1e5, n),
            "gp_capacity": rng.uniform(5, 60, n),
        }
    )
    fca = pd.DataFrame(
        {
            "area_id": codes,
            "population_located": rng.uniform(1e4, 1e5, n),
            "pop_below_low_access": rng.uniform(0, 1e4, n),
            "low_access_per_10000": 5.0,
        }
    )
    gaps = pd.concat(
        [
            pd.DataFrame(
                {
                    "area_id": codes,
                    "specialty": spec,
                    "capacity": rng.uniform(0, 5, n),
                    "fair_share": rng.uniform(0.5, 5, n),
                    "need_weighted_population": rng.uniform(1e4, 1e5, n),
                }
            )
            for spec in ("Oftalmologi", "Psykiatri")
        ],
        ignore_index=True,
    )
    result = profile.run(
        profile.ProfileInputs(
            gp_density=profile.Table(gp, "gp"),
            fca=profile.Table(fca, "fca"),
            gaps=profile.Table(gaps, "gaps"),
        )
    )
    ind = result.indicators.set_index("unit_name")
    part = gp[gp["area_id"].map(kommuner) == FYN]
    assert ind.loc[FYN, "gp_need_per_10000"] == pytest.approx(
        1e4 * part["gp_capacity"].sum() / part["need_population"].sum()
    )
    part = fca[fca["area_id"].map(kommuner) == FYN]
    assert ind.loc[FYN, "fca_share_low_access"] == pytest.approx(
        part["pop_below_low_access"].sum() / part["population_located"].sum()
    )
    part = gaps[gaps["area_id"].map(kommuner) == FYN]
    assert ind.loc[FYN, "spec_ratio"] == pytest.approx(
        part["capacity"].sum() / part["fair_share"].sum()
    )
    spec = result.specialties
    fyn_psy = spec[(spec["unit_name"] == FYN) & (spec["specialty"] == "Psykiatri")].iloc[0]
    psy = part[part["specialty"] == "Psykiatri"]
    assert fyn_psy["gap"] == pytest.approx(psy["capacity"].sum() - psy["fair_share"].sum())
    assert result.report["sections"]["fca"]["low_access_per_10000"] == 5.0
    # per-kommune values for the maps
    kom = result.kommuner.set_index("kommunekode")
    first = gp.iloc[0]
    assert kom.loc[first["area_id"], "gp_need_per_10000"] == pytest.approx(
        1e4 * first["gp_capacity"] / first["need_population"]
    )


def test_bad_input_names_the_layer_and_the_fix():
    with pytest.raises(SundplanError) as err:
        profile.run(
            profile.ProfileInputs(
                gp_density=profile.Table(pd.DataFrame({"area_id": ["0101"]}), "x")
            )
        )
    text = str(err.value)
    assert "'x'" in text and "GP_DENSITY" in text and "gp_capacity" in text
    assert "sundplan:gp_density" in text
    text = _travel(["0101", "0147"], np.random.default_rng(4))
    text["population_reached"] = ["12 000", "n/a"]
    with pytest.raises(SundplanError, match="'population_reached' of 't' .* not numbers: '12 000'"):
        profile.run(profile.ProfileInputs(travel=profile.Table(text, "t")))
    frame = _travel(["A", "B"], np.random.default_rng(4))
    with pytest.raises(SundplanError, match="No row of 'y' \\(TRAVEL_AREAS\\) is a kommune"):
        profile.run(profile.ProfileInputs(travel=profile.Table(frame, "y")))


def test_page_rows_say_not_computed_and_format_danish(kommuner):
    frame = _travel(sorted(kommuner), np.random.default_rng(5))
    result = profile.run(profile.ProfileInputs(travel=profile.Table(frame, "travel")))
    fyn = result.indicators.set_index("unit_name").loc[FYN]
    rows = words.indicator_rows(
        fyn,
        profile.national_row(result),
        missing=result.missing,
        p90_rule=result.p90_rule,
        low_access_per_10000=None,
        long_travel_min=30,
        specialties=result.specialties,
        language="da",
    )
    by_label = {r.label: r for r in rows if not r.heading}
    assert by_label["Læger pr. 10.000 indbyggere"].unit == "ikke beregnet (intet input)"
    assert by_label["Indbyggere i målåret"].unit == "ikke angivet"
    assert by_label["Middelrejsetid (min)"].unit == words.number(
        fyn["travel_mean_min"], decimals=1, language="da"
    )
    assert "," in by_label["Middelrejsetid (min)"].unit
    assert words.percent(0.1234, language="da") == "12,3 %"
    assert words.signed_percent(1.5, language="da") == "+1,5 %"
    note = words.method_note(missing=result.missing, p90_rule="max_kommune", language="da")
    assert "lægedækning" in note and "højeste kommune-fraktil" in note


def test_level_kommune_uses_each_kommunes_own_values(kommuner):
    """LEVEL kommune: 98 units, each the kommune's own row (P90 included, rule ``unit``)."""
    codes = sorted(kommuner)
    frame = _travel(codes, np.random.default_rng(6))
    frame["area_id"] = [float(c) for c in codes]  # 101.0 for 0101: a numeric id field
    result = profile.run(
        profile.ProfileInputs(level="kommune", travel=profile.Table(frame, "travel"))
    )
    ind = result.indicators.set_index("unit_code")
    assert len(ind) == 99 and result.p90_rule == "unit"
    for row in frame.head(5).itertuples():
        code = reference.normalise_code(row.area_id)
        assert ind.loc[code, "travel_p90_min"] == pytest.approx(row.p90_min)
        assert ind.loc[code, "travel_mean_min"] == pytest.approx(row.mean_min)
    assert ind.loc[profile.NATIONAL, "travel_p90_min"] == pytest.approx(frame["p90_min"].max())


def test_a_table_of_some_kommuner_is_said(kommuner):
    """A travel table of Fyn's kommuner only: Fyn computed, the other units '–' (NaN), and a
    warning that the national value covers those kommuner only."""
    fyn = sorted(k for k, u in kommuner.items() if u == FYN)
    frame = _travel(fyn, np.random.default_rng(7))
    result = profile.run(profile.ProfileInputs(travel=profile.Table(frame, "fyn")))
    ind = result.indicators.set_index("unit_name")
    assert np.isfinite(ind.loc[FYN, "travel_mean_min"])
    assert np.isnan(ind.loc[VENDSYSSEL, "travel_mean_min"])
    assert ind.loc[FYN, "travel_mean_min"] == pytest.approx(
        profile.national_row(result)["travel_mean_min"]
    )
    assert any(f"has rows for {len(fyn)} of the 98 kommuner" in w for w in result.warnings)
    assert result.report["sections"]["travel"]["kommuner"] == len(fyn)
