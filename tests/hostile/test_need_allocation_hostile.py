"""Hostile inputs for sundplan:need_projection and sundplan:capacity_allocation (outcome
classes: conftest.py): incomplete projection tables, bad persons, years not in the table,
totals ≤ 0, unknown unit codes, units without capacity data.

The projection tables are SYNTHETIC (``tests/fixtures/projection/synthetic.py``), written into
the case's input folder before it is hashed; independent truth is a pandas sum of that file.
"""

from __future__ import annotations

import functools
import math

import pandas as pd
import pytest

from tests.fixtures.projection.synthetic import synthetic_projection

from .conftest import Case, Run, case_params

pytestmark = pytest.mark.slow

NEED = "sundplan:need_projection"
ALLOC = "sundplan:capacity_allocation"
B1_REGIONS = {"1081": 336, "1082": 825, "1083": 795, "1084": 1071, "1085": 498}


@functools.lru_cache(maxsize=1)
def _projection() -> pd.DataFrame:
    return synthetic_projection([2025, 2030])


def write_projection(change=None, *, name: str = "frkm.csv", sep: str = ";"):
    """A ``prepare`` hook writing the synthetic projection (changed by ``change``)."""

    def prepare(inp, out):
        frame = _projection().copy()
        if change is not None:
            frame = change(frame)
        frame.to_csv(inp / name, sep=sep, index=False)
        (inp / "laeger.csv").write_text(
            "region;laeger\n" + "".join(f"{k};{v}\n" for k, v in B1_REGIONS.items()), "utf-8"
        )
        (inp / "laeger_4.csv").write_text(
            "region;laeger\n" + "".join(f"{k};{v}\n" for k, v in list(B1_REGIONS.items())[:4]),
            "utf-8",
        )
        (inp / "laeger_bad.csv").write_text("region;laeger\n1081;336\n9999;10\n1082;-4\n", "utf-8")

    return prepare


def N(**extra):  # noqa: N802
    def params(inp, out):
        p = {
            "POPULATION_TABLE": str(inp / "frkm.csv"),
            "OUTPUT": str(out / "need.gpkg"),
            "REPORT": str(out / "need.json"),
        }
        p.update(extra)
        return {k: v for k, v in p.items() if v is not None}

    return params


def A(capacity: str = "laeger.csv", **extra):  # noqa: N802
    def params(inp, out):
        p = {
            "POPULATION_TABLE": str(inp / "frkm.csv"),
            "LEVEL": "region",
            "CURRENT_TABLE": str(inp / capacity),
            "CURRENT_CODE_FIELD": "region",
            "CURRENT_VALUE_FIELD": "laeger",
            "OUTPUT": str(out / "alloc.gpkg"),
            "REPORT": str(out / "alloc.json"),
        }
        p.update(extra)
        return {k: v for k, v in p.items() if v is not None}

    return params


def check_user_csv(run: Run) -> None:
    """A user's comma CSV with Danish headers: residents per region = the file's sums."""
    frame = pd.read_csv(run.inp / "frkm.csv", dtype=str)
    frame["Antal"] = frame["Antal"].astype(int)
    codes = frame["Kommune"].str.zfill(4)
    from sundplan_qgis import reference

    region = codes.map(reference.kommuner().set_index("kommunekode")["regionskode"])
    expected = frame.groupby([region, frame["År"].astype(int)])["Antal"].sum()
    rows = [r for r in run.table("need.gpkg") if r["level"] == "region"]
    assert len(rows) == 10
    for r in rows:
        assert r["residents"] == expected[(r["area_code"], r["year"])]
    assert "Køn" in run.text and "Alder" in run.text  # the log names the recognised columns


def check_units_without_data(run: Run) -> None:
    rows = {r["area_code"]: r for r in run.table("alloc.gpkg")}
    assert rows["1085"]["capacity_current"] is None and rows["1085"]["change_needed"] is None
    assert not rows["1085"]["has_capacity_data"]
    assert math.fsum(r["fair_share_target"] for r in rows.values()) == 3000
    assert "1085 Region Sjælland" in run.text
    assert run.report()["units_without_capacity_data"] == ["1085 Region Sjælland"]


def _user_csv(frame: pd.DataFrame) -> pd.DataFrame:
    return pd.DataFrame(
        {
            "Kommune": frame["kommunekode"].str.lstrip("0"),
            "Køn": frame["sex"].map({"m": "Mænd", "k": "Kvinder"}),
            "Alder": frame["age_group"].str.replace("_plus", "+").str.replace("_", "-"),
            "År": frame["year"],
            "Antal": frame["persons"],
        }
    )


CASES = [
    Case(
        "need_missing_kommune",
        NEED,
        N(),
        prepare=write_projection(lambda f: f[f["kommunekode"] != "0101"]),
        words=("frkm.csv", "0101 København", "98 kommuner"),
    ),
    Case(
        "need_missing_age_group",
        NEED,
        N(),
        prepare=write_projection(lambda f: f[f["age_group"] != "85_plus"]),
        words=("85_plus", "age group"),
    ),
    Case(
        "need_missing_sex",
        NEED,
        N(),
        prepare=write_projection(lambda f: f[f["sex"] != "k"]),
        words=("sexes k", "both sexes"),
    ),
    Case(
        "need_missing_rows_of_a_year",
        NEED,
        N(),
        prepare=write_projection(
            lambda f: f[~((f["year"] == 2030) & (f["kommunekode"] == "0851"))]
        ),
        words=("incomplete", "2030: 36", "2030/0851"),
    ),
    Case(
        "need_negative_persons",
        NEED,
        N(),
        prepare=write_projection(lambda f: f.assign(persons=f["persons"].where(f.index != 3, -7))),
        words=("line 5", "'-7'", "negative"),
    ),
    Case(
        "need_region_rows",
        NEED,
        N(),
        prepare=write_projection(
            lambda f: pd.concat([f, f.iloc[:1].assign(kommunekode="084", kommune="Region")])
        ),
        words=("084", "98 kommuner", "regions"),
    ),
    Case(
        "need_year_not_in_table",
        NEED,
        N(YEARS="2030; 2040"),
        prepare=write_projection(),
        words=("2040", "2025, 2030"),
    ),
    Case(
        "need_years_text",
        NEED,
        N(YEARS="next year"),
        prepare=write_projection(),
        words=("next year", "2025-2030"),
    ),
    Case(
        "need_user_csv_danish_headers",
        NEED,
        N(LEVEL="region"),
        prepare=write_projection(_user_csv, sep=","),
        outcome="result",
        check=check_user_csv,
    ),
    Case(
        "alloc_total_zero",
        ALLOC,
        A(TOTAL=0),
        prepare=write_projection(),
        words=("total", "> 0"),
    ),
    Case(
        "alloc_total_negative",
        ALLOC,
        A(TOTAL=-30),
        prepare=write_projection(),
        words=("total", "> 0", "-30"),
    ),
    Case(
        "alloc_target_year_not_in_table",
        ALLOC,
        A(TARGET_YEAR=2040),
        prepare=write_projection(),
        words=("target year", "2040", "2025, 2030"),
    ),
    Case(
        "alloc_unknown_unit_and_bad_capacity",
        ALLOC,
        A("laeger_bad.csv"),
        prepare=write_projection(),
        words=("laeger_bad", "9999", "unit codes"),
    ),
    Case(
        "alloc_no_capacity_data_no_total",
        ALLOC,
        A("laeger_4.csv"),
        prepare=write_projection(),
        words=("1085 Region Sjælland", "TOTAL"),
    ),
    Case(
        "alloc_no_capacity_data_with_total",
        ALLOC,
        A("laeger_4.csv", TOTAL=3000),
        prepare=write_projection(),
        outcome="result",
        check=check_units_without_data,
    ),
    Case(
        "alloc_round_fractional_total",
        ALLOC,
        A(TOTAL=100.5, ROUND=True),
        prepare=write_projection(),
        words=("whole", "100.5"),
    ),
    Case(
        "alloc_table_without_fields",
        ALLOC,
        A(CURRENT_CODE_FIELD=None),
        prepare=write_projection(),
        words=("unit code field",),
    ),
    Case(
        "alloc_no_capacities",
        ALLOC,
        A(CURRENT_TABLE=None, CURRENT_CODE_FIELD=None, CURRENT_VALUE_FIELD=None),
        prepare=write_projection(),
        words=("today's capacities",),
    ),
]

INPROC_ONLY = {
    "need_missing_age_group",
    "need_missing_sex",
    "need_negative_persons",
    "need_region_rows",
    "need_years_text",
    "alloc_total_negative",
    "alloc_round_fractional_total",
    "alloc_table_without_fields",
    "alloc_no_capacities",
}


@pytest.mark.parametrize(("case", "mode"), case_params(CASES, None, INPROC_ONLY))
def test_need_and_allocation_hostile(case, mode, run_case):
    run_case(case, mode)
