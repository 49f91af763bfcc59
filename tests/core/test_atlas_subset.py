"""Planning units named the way planners write them (core, no QGIS)."""

from __future__ import annotations

import csv
from pathlib import Path

import pytest

from sundplan_qgis import atlas_subset
from sundplan_qgis.errors import SundplanError

KOMMUNER_CSV = Path(__file__).resolve().parents[2] / "resources" / "data" / "kommuner.csv"


def codes(column: str, value: str) -> tuple[str, ...]:
    with KOMMUNER_CSV.open(encoding="utf-8") as handle:
        return tuple(sorted(r["kommunekode"] for r in csv.DictReader(handle) if r[column] == value))


@pytest.mark.parametrize(
    ("text", "level", "column", "value"),
    [
        ("Region Hovedstaden", "regioner", "region", "Region Hovedstaden"),
        ("region hovedstaden", "regioner", "region", "Region Hovedstaden"),
        ("Midtjylland", "regioner", "region", "Region Midtjylland"),
        ("1085", "regioner", "region", "Region Sjælland"),
        ("Østdanmark", "regioner_2027", "region_2027", "Region Østdanmark"),
        ("sundhedsraad:13", "sundhedsraad", "sundhedsraad_id", "13"),
        ("Sundhedsraad Fyn", "sundhedsraad", "sundhedsraad", "Sundhedsråd Fyn"),
        ("SUNDHEDSRÅD FYN", "sundhedsraad", "sundhedsraad", "Sundhedsråd Fyn"),
    ],
)
def test_units_by_name_or_code(text, level, column, value):
    unit = atlas_subset.find_unit(text)
    assert unit is not None and unit.level == level
    assert tuple(sorted(unit.kommunekoder)) == codes(column, value)


def test_a_name_two_levels_share_with_the_same_kommuner_is_one_unit():
    # Region Nordjylland exists in 2021 and 2027 with the same 11 kommuner
    unit = atlas_subset.find_unit("Region Nordjylland")
    assert unit is not None and len(unit.kommunekoder) == 11


def test_ambiguous_codes_are_refused_and_unknown_text_is_no_unit():
    with pytest.raises(SundplanError, match="sundhedsraad:3"):
        atlas_subset.find_unit("3")
    # a region and a sundhedsråd, with different kommuner
    with pytest.raises(SundplanError, match="regioner:1084.*sundhedsraad:13"):
        atlas_subset.find_unit("Hovedstaden")
    assert atlas_subset.find_unit("kommune = 'Aalborg'") is None
    assert atlas_subset.find_unit("   ") is None
