"""Hostile inputs for sundplan:sundhedsraad_profile (outcome classes: conftest.py).

The inputs are the tools' own national outputs (``tests/fixtures/profile/*.csv``), copied into
the case's input folder and spoilt there; independent truth for the result cases: the page
count and the sections the report lists as not computed."""

from __future__ import annotations

import shutil
from pathlib import Path

import pandas as pd
import pytest

from .conftest import Case, Run, case_params

pytestmark = pytest.mark.slow

PROFILE = "sundplan:sundhedsraad_profile"
FIXTURES = Path(__file__).resolve().parents[1] / "fixtures" / "profile"


def _copy(name: str, change=None):
    """prepare(): the fixture ``name`` in the input folder, changed by ``change(frame)``."""

    def prepare(inp: Path, _out: Path) -> None:
        if change is None:
            shutil.copy2(FIXTURES / name, inp / name)
            return
        frame = pd.read_csv(FIXTURES / name, dtype={"area_id": str, "area_code": str})
        change(frame).to_csv(inp / name, index=False)

    return prepare


def P(**layers):  # noqa: N802
    """Parameters: the given inputs (file names in the input folder) and the outputs."""

    def params(inp: Path, out: Path) -> dict:
        p = {
            key: str(inp / value) if value.endswith(".csv") else value
            for key, value in layers.items()
        }
        p.setdefault("OUTPUT", str(out / "profil.pdf"))
        p.update({"TABLE": str(out / "profil.gpkg"), "REPORT": str(out / "profil.json")})
        if p["OUTPUT"] == "":
            p["OUTPUT"] = str(out / "profil.txt")
        return p

    return params


def _sample_kommuner(inp: Path, _out: Path) -> None:
    """A table of the sample region's kommuner (codes 9001 …, no Danish kommune) with the
    fields of a gp_density output."""
    pd.DataFrame(
        {
            "area_id": ["9001", "9002"],
            "population": [1000, 2000],
            "need_population": [1000, 2000],
            "gp_capacity": [1, 2],
        }
    ).to_csv(inp / "gp_sample.csv", index=False)


def check_only_travel(run: Run) -> None:
    report = run.report()
    assert report["pages"] == 17
    assert report["not_computed"] == ["NEED_TABLE", "GP_DENSITY", "FCA_AREAS", "SPECIALIST_GAPS"]
    assert "GP_DENSITY" in run.text  # said in the log too


def check_no_30_band(run: Run) -> None:
    assert "pop_over_30_min" in run.text
    rows = run.table("profil.gpkg")
    assert len(rows) == 18
    assert all(r["travel_share_over_30_min"] is None for r in rows)
    assert all(r["travel_mean_min"] is not None for r in rows)


CASES = [
    Case(
        "profile_travel_is_not_an_area_summary",
        PROFILE,
        P(TRAVEL_AREAS="gp_density_areas.csv"),
        prepare=_copy("gp_density_areas.csv"),
        words=("TRAVEL_AREAS", "mean_min", "catchments"),
    ),
    Case(
        "profile_gp_not_kommuner",
        PROFILE,
        P(GP_DENSITY="gp_sample.csv"),
        prepare=_sample_kommuner,
        words=("GP_DENSITY", "kommune", "9001"),
    ),
    Case(
        "profile_need_table_without_target_year",
        PROFILE,
        P(NEED_TABLE="need_table_synthetic.csv"),
        prepare=_copy("need_table_synthetic.csv", lambda f: f[f["year"] < 2030]),
        words=("NEED_TABLE", "2030", "TARGET_YEAR"),
    ),
    Case(
        "profile_need_residents_text",
        PROFILE,
        P(NEED_TABLE="need_table_synthetic.csv"),
        prepare=_copy(
            "need_table_synthetic.csv",
            lambda f: f.assign(residents=f["residents"].astype(str).str.replace(".", ",")),
        ),
        words=("NEED_TABLE", "residents", "not numbers", "need_table_synthetic"),
    ),
    Case(
        "profile_output_not_pdf",
        PROFILE,
        P(TRAVEL_AREAS="catchments_areas.csv", OUTPUT=""),
        prepare=_copy("catchments_areas.csv"),
        words=("pdf",),
    ),
    Case(
        "profile_only_travel",
        PROFILE,
        P(TRAVEL_AREAS="catchments_areas.csv"),
        prepare=_copy("catchments_areas.csv"),
        outcome="result",
        check=check_only_travel,
    ),
    Case(
        "profile_travel_without_30_min_band",
        PROFILE,
        P(TRAVEL_AREAS="catchments_areas.csv"),
        prepare=_copy(
            "catchments_areas.csv",
            lambda f: f.drop(columns=["pop_over_30_min", "share_over_30_min"]),
        ),
        outcome="result",
        check=check_no_30_band,
    ),
]

INPROC_ONLY = {c.id for c in CASES}  # 17 rendered pages each: once is enough


@pytest.mark.parametrize(("case", "mode"), case_params(CASES, {}, INPROC_ONLY))
def test_profile_hostile(case, mode, run_case):
    run_case(case, mode)
