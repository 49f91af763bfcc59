"""The default AREAS: embedded kommuner with today's totals and an age/sex composition."""

from __future__ import annotations

import csv
from pathlib import Path

import numpy as np
import pytest

from sundplan_qgis import embedded_areas, reference
from sundplan_qgis.need import age_sex_columns

KOMMUNER_CSV = Path(__file__).resolve().parents[2] / "resources" / "data" / "kommuner.csv"


def test_totals_are_the_latest_quarter_and_composition_the_age_sex_quarter():
    frame = embedded_areas.default_areas()
    assert len(frame) == 98 and reference.CHRISTIANSOE not in set(frame["kommunekode"])
    # totals: the kommune table's FOLK1A 2021K1 figures, read independently from the CSV
    with KOMMUNER_CSV.open(encoding="utf-8") as handle:
        csv_totals = {r["kommunekode"]: int(r["population_2021q1"]) for r in csv.DictReader(handle)}
    assert dict(zip(frame["kommunekode"], frame["population"], strict=True)) == csv_totals
    columns = list(age_sex_columns(frame.columns))
    assert len(columns) == 36
    np.testing.assert_allclose(frame[columns].sum(axis=1), frame["population"], rtol=1e-12)
    # each kommune's composition is its 2014K1 composition
    old = reference.population_age_sex().set_index("kommunekode")
    for row in frame.sample(5, random_state=1).itertuples():
        expected = old.loc[row.kommunekode, columns].astype(float)
        got = frame.loc[frame["kommunekode"] == row.kommunekode, columns].iloc[0]
        np.testing.assert_allclose(got / got.sum(), expected / expected.sum(), rtol=1e-12)
    assert set(frame["stat_quarter"]) == {"2021K1"} and set(frame["age_sex_quarter"]) == {"2014K1"}


def test_the_note_states_both_quarters():
    text = str(embedded_areas.note(embedded_areas.default_areas()))
    assert "2021K1" in text and "2014K1" in text and "fetch_base_data" in text
    assert "Danmarks Statistik" in text


@pytest.mark.parametrize("column", ["m_0_4", "k_85_plus"])
def test_columns_are_the_need_weights_columns(column):
    assert column in embedded_areas.default_areas().columns
