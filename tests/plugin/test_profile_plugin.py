"""``sundplan:sundhedsraad_profile`` in QGIS, in Danish: 17 pages, every indicator on every
page, the numbers on the page equal to sums computed here from the input tables (not from the
tool), missing inputs stated on the page and in the log.

Inputs are the tools' own national outputs (``tests/fixtures/profile/``, made by
``make_inputs.py``: catchments with no inputs, gp_density / specialist_gaps / fca_access on
the embedded kommuner with SYNTHETIC practices) and a SYNTHETIC need table
(``synthetic_need.py``: the embedded 2021 population aged forward).
"""

from __future__ import annotations

import json
import re
import shutil
import subprocess
import unicodedata
from pathlib import Path

import pandas as pd
import pytest

FIXTURES = Path(__file__).resolve().parents[1] / "fixtures" / "profile"
pytestmark = pytest.mark.skipif(shutil.which("pdftotext") is None, reason="pdftotext missing")


def _csv(name: str) -> pd.DataFrame:
    return pd.read_csv(FIXTURES / name, dtype={"area_id": str, "area_code": str})


def _pages(pdf: Path) -> list[str]:
    done = subprocess.run(
        ["pdftotext", "-layout", str(pdf), "-"], capture_output=True, text=True, check=True
    )
    text = unicodedata.normalize("NFKC", done.stdout)  # the fi ligature of "profil"
    return [p for p in text.split("\f") if p.strip()]


def _da(value: float, decimals: int) -> str:
    text = f"{value:,.{decimals}f}"
    return text.translate(str.maketrans({",": ".", ".": ","}))


def _row(page: str, label: str) -> list[str]:
    """The cells after ``label`` on its line (split at two or more spaces)."""
    for line in page.splitlines():
        if line.strip().startswith(label):
            rest = line.strip()[len(label) :]
            return [c for c in re.split(r"\s{2,}", rest.strip()) if c]
    raise AssertionError(f"no line {label!r} on the page:\n{page}")


@pytest.fixture(scope="module")
def profile_run(sundplan_provider, tmp_path_factory):
    import processing

    from .conftest import danish_translation

    folder = tmp_path_factory.mktemp("profile")
    params = {
        "NEED_TABLE": str(FIXTURES / "need_table_synthetic.csv"),
        "TRAVEL_AREAS": str(FIXTURES / "catchments_areas.csv"),
        "GP_DENSITY": str(FIXTURES / "gp_density_areas.csv"),
        "FCA_AREAS": str(FIXTURES / "fca_access_areas.csv"),
        "SPECIALIST_GAPS": str(FIXTURES / "specialist_gaps_areas.csv"),
        "TARGET_YEAR": 2030,
        "OUTPUT": str(folder / "profil.pdf"),
        "TABLE": str(folder / "profil.gpkg"),
        "REPORT": str(folder / "profil.json"),
    }
    with danish_translation(folder):
        result = processing.run("sundplan:sundhedsraad_profile", params)
        missing = processing.run(
            "sundplan:sundhedsraad_profile",
            {
                "TRAVEL_AREAS": params["TRAVEL_AREAS"],
                "OUTPUT": str(folder / "mangler.pdf"),
                "TABLE": str(folder / "mangler.gpkg"),
                "REPORT": str(folder / "mangler.json"),
            },
        )
    return folder, result, missing


@pytest.fixture(scope="module")
def grouping():
    from sundplan_qgis import reference

    table = reference.grouping_table()
    return dict(zip(table["kommunekode"], table["sundhedsraad"], strict=True))


def _unit_pages(pages: list[str]) -> dict[str, str]:
    out = {}
    for page in pages:
        match = re.search(r"Sundhedsrådsprofil: (Sundhedsråd [^\n]+?)\s*$", page, re.M)
        assert match, page[:300]
        out[match.group(1).strip()] = page
    return out


def test_seventeen_danish_pages_with_every_indicator(profile_run):
    from .test_danish_outputs import english_in

    folder, result, _missing = profile_run
    assert result["PAGES"] == 17
    pages = _pages(folder / "profil.pdf")
    assert len(pages) == 17
    units = _unit_pages(pages)
    assert len(units) == 17
    for page in pages:
        for label in (
            "Indbyggere 2021",
            "Andel 75+ år 2030",
            "Behovsindeks 2030",
            "Middelrejsetid (min)",
            "90 %-fraktil, højeste kommune (min)",
            "Andel over 30 min",
            "Ikke nået",
            "Læger pr. 10.000 indbyggere",
            "Behovsjusterede læger pr. 10.000",
            "Andel med lav adgang (2SFCA",
            "Alle specialer: kapacitet / andel",
            "Hele landet",
            "Side ",
        ):
            assert label in page, f"{label!r} missing on a page"
        assert "ikke beregnet" not in page
        problems = [line for line in page.splitlines() if english_in(line)]
        assert not problems, problems[:10]


def test_page_numbers_equal_sums_of_the_input_tables(profile_run, grouping):
    folder, _result, _missing = profile_run
    units = _unit_pages(_pages(folder / "profil.pdf"))
    need = _csv("need_table_synthetic.csv")
    need["unit"] = need["area_code"].map(grouping)
    travel = _csv("catchments_areas.csv").dropna(subset=["area_id"])
    travel["unit"] = travel["area_id"].map(grouping)
    gp = _csv("gp_density_areas.csv").dropna(subset=["area_id"])
    gp["unit"] = gp["area_id"].map(grouping)
    fca = _csv("fca_access_areas.csv").dropna(subset=["area_id"])
    fca["unit"] = fca["area_id"].map(grouping)
    gaps = _csv("specialist_gaps_areas.csv").dropna(subset=["fair_share"])
    gaps["unit"] = gaps["area_id"].map(grouping)
    for name in ("Sundhedsråd Fyn", "Sundhedsråd Vendsyssel", "Sundhedsråd Hovedstaden"):
        page = units[name]
        today = need[(need["unit"] == name) & (need["year"] == 2021)]
        target = need[(need["unit"] == name) & (need["year"] == 2030)]
        assert _row(page, "Indbyggere 2021")[0] == _da(today["residents"].sum(), 0)
        share = target["residents_75_plus"].sum() / target["residents"].sum()
        assert _row(page, "Andel 75+ år 2030")[0] == _da(100 * share, 1) + " %"
        t = travel[travel["unit"] == name]
        mean = (t["mean_min"] * t["population_reached"]).sum() / t["population_reached"].sum()
        assert _row(page, "Middelrejsetid (min)")[0] == _da(mean, 1)
        over = t["pop_over_30_min"].sum() / t["population_reached"].sum()
        assert _row(page, "Andel over 30 min")[0] == _da(100 * over, 1) + " %"
        assert _row(page, "90 %-fraktil, højeste kommune (min)")[0] == _da(t["p90_min"].max(), 1)
        g = gp[gp["unit"] == name]
        assert _row(page, "Læger pr. 10.000 indbyggere")[0] == _da(
            1e4 * g["gp_capacity"].sum() / g["population"].sum(), 1
        )
        assert _row(page, "Behovsjusterede læger pr. 10.000")[0] == _da(
            1e4 * g["gp_capacity"].sum() / g["need_population"].sum(), 1
        )
        f = fca[fca["unit"] == name]
        low = f["pop_below_low_access"].sum() / f["population_located"].sum()
        assert _row(page, "Andel med lav adgang (2SFCA")[-2] == _da(100 * low, 1) + " %"
        s = gaps[gaps["unit"] == name]
        ratio = s["capacity"].sum() / s["fair_share"].sum()
        assert _row(page, "Alle specialer: kapacitet / andel")[0] == _da(100 * ratio, 1) + " %"
    # the national column: the same sums over every kommune
    page = units["Sundhedsråd Fyn"]
    g = gp
    assert _row(page, "Behovsjusterede læger pr. 10.000")[1] == _da(
        1e4 * g["gp_capacity"].sum() / g["need_population"].sum(), 1
    )
    assert _row(page, "Indbyggere 2021")[1] == _da(need[need["year"] == 2021]["residents"].sum(), 0)


def test_table_output_equals_gp_density_own_rollup(profile_run):
    """The table's GP densities per sundhedsråd equal gp_density's own GROUP_OUTPUT sums
    (computed here from the per-kommune fixture), and it has the national row."""
    from osgeo import ogr

    folder, _result, _missing = profile_run
    ds = ogr.Open(str(folder / "profil.gpkg"))
    rows = [f.items() for f in ds.GetLayer(0)]
    ds = None
    assert len(rows) == 18
    national = [r for r in rows if r["unit_code"] == "national"]
    assert len(national) == 1 and national[0]["level_label"] == "hele landet"
    assert {r["level_label"] for r in rows if r["unit_code"] != "national"} == {"sundhedsråd"}
    fyn = next(r for r in rows if r["unit_name"] == "Sundhedsråd Fyn")
    gp = _csv("gp_density_areas.csv").dropna(subset=["area_id"])
    from sundplan_qgis import reference

    table = reference.grouping_table()
    codes = set(table.loc[table["sundhedsraad"] == "Sundhedsråd Fyn", "kommunekode"])
    part = gp[gp["area_id"].isin(codes)]
    assert fyn["gp_per_10000"] == pytest.approx(
        1e4 * part["gp_capacity"].sum() / part["population"].sum()
    )
    assert fyn["travel_p90_rule_label"] == "højeste kommune-P90 i enheden (en øvre grænse)"


def test_missing_inputs_are_said_on_the_page_and_in_the_log(profile_run):
    folder, _result, missing = profile_run
    pages = _pages(folder / "mangler.pdf")
    assert len(pages) == 17
    for page in pages:
        assert "Middelrejsetid (min)" in page and "ikke beregnet" in page
        for label in (
            "Læger pr. 10.000 indbyggere",
            "Andel med lav adgang (2SFCA)",
            "Alle specialer: kapacitet / andel",
        ):
            assert _row(page, label) == ["ikke beregnet (intet input)"] * 2, label
        assert "ikke angivet" in page  # no need table: the target year is not given
    report = json.loads((folder / "mangler.json").read_text("utf-8"))
    assert report["not_computed"] == ["NEED_TABLE", "GP_DENSITY", "FCA_AREAS", "SPECIALIST_GAPS"]
    text = (folder / "mangler.txt").read_text("utf-8")
    assert "GP_DENSITY" in text


def test_regions_with_many_specialties_keep_every_row(sundplan_provider, tmp_path):
    """LEVEL=region: 5 pages; ten specialties: the six worst covered on the page, the count of
    the others, and the last row of the table still printed (the text shrinks to fit)."""
    import processing

    gaps = _csv("specialist_gaps_areas.csv")
    names = sorted(gaps["specialty"].unique())
    many = pd.concat(
        [gaps.assign(specialty=gaps["specialty"] + f" {i}") for i in range(4)], ignore_index=True
    )
    many = many[many["specialty"].isin(sorted(many["specialty"].unique())[:10])]
    many.to_csv(tmp_path / "gaps.csv", index=False)
    result = processing.run(
        "sundplan:sundhedsraad_profile",
        {
            "LEVEL": "region",
            "NEED_TABLE": str(FIXTURES / "need_table_synthetic.csv"),
            "TRAVEL_AREAS": str(FIXTURES / "catchments_areas.csv"),
            "SPECIALIST_GAPS": str(tmp_path / "gaps.csv"),
            "OUTPUT": str(tmp_path / "regioner.pdf"),
            "TABLE": str(tmp_path / "regioner.gpkg"),
            "SPECIALTIES": str(tmp_path / "specialer.gpkg"),
        },
    )
    assert result["PAGES"] == 5 and len(names) == 3
    pages = _pages(tmp_path / "regioner.pdf")
    assert len(pages) == 5
    for page in pages:
        assert "Regionsprofil: Region " in page
        assert "... og 4 specialer mere (tabellen SPECIALTIES)" in page  # NFKC: … is ...
        assert _row(page, "Alle specialer: kapacitet / andel")  # the last row is printed
        assert page.count(": kapacitet / andel") == 8  # six specialties, all, the map caption
    from osgeo import ogr

    ds = ogr.Open(str(tmp_path / "specialer.gpkg"))
    assert ds.GetLayer(0).GetFeatureCount() == 10 * 6  # 5 regions + the nation
    ds = None
