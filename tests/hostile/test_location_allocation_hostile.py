"""Hostile inputs for sundplan:location_allocation (see conftest.py for the outcome classes).

Independent truth: the population raster's total read with GDAL (every resident is in the
per-area table, placed on the network or not)."""

from __future__ import annotations

import pytest

from .conftest import Case, Run, case_params, gdal_sum

pytestmark = pytest.mark.slow

TOOL = "sundplan:location_allocation"


def la_params(inp, out, **extra):
    g = inp / "sample_region.gpkg"
    p = {
        "CANDIDATES": f"{g}|layername=gp_practices",
        "EXISTING": f"{g}|layername=hospitals",
        "OBJECTIVE": 0,
        "K": 2,
        "TIME_LIMIT_MIN": 10,
        "POPULATION_RASTER": str(inp / "population.tif"),
        "AREAS": f"{g}|layername=kommuner",
        "AREA_ID_FIELD": "kommunekode",
        "NETWORK_FILE": str(inp / "roads.osm.pbf"),
        "SITES": str(out / "sites.gpkg"),
        "AREA_CHANGE": str(out / "areas.gpkg"),
        "CURVE": str(out / "curve.gpkg"),
        "REPORT": str(out / "report.json"),
    }
    p.update(extra)
    return {k: v for k, v in p.items() if v is not None}


def L(**extra):  # noqa: N802
    return lambda inp, out: la_params(inp, out, **extra)


def LH(layer: str, key: str = "CANDIDATES", **extra):  # noqa: N802
    """location_allocation with one layer of hostile.gpkg."""
    return lambda inp, out: la_params(
        inp, out, **{key: f"{inp / 'hostile.gpkg'}|layername={layer}"}, **extra
    )


def check_baseline(run: Run) -> None:
    rep = run.report()
    assert rep["method"] == "exact"
    areas = run.table("areas.gpkg")
    assert sum(a["population"] for a in areas) == pytest.approx(
        gdal_sum(run.inp / "population.tif")
    )
    values = [c["value"] for c in sorted(run.table("curve.gpkg"), key=lambda c: c["k"])]
    assert all(b >= a - 1e-6 for a, b in zip(values, values[1:], strict=False))
    assert [s["rank"] for s in run.table("sites.gpkg") if s["kind"] == "new"] == [1, 2]


def check_greedy(run: Run) -> None:
    rep = run.report()
    assert rep["method"] == "greedy"
    assert "problem too large for the exact solver" in rep["method_text"]
    assert {s["method"] for s in run.table("sites.gpkg")} == {"greedy"}
    assert {c["method"] for c in run.table("curve.gpkg") if c["k"] > 0} == {"greedy"}


def check_grid(run: Run) -> None:
    rep = run.report()
    assert rep["candidates"]["source"] == "grid"
    assert all(s["site_id"].startswith("G") for s in run.table("sites.gpkg") if s["kind"] == "new")


CASES = [
    Case("la_baseline", TOOL, L(), "result", check=check_baseline),
    Case(
        "la_k_more_than_candidates",
        TOOL,
        L(K=500),
        words=("k = 500", ("candidate", "CANDIDATES"), "gp_practices"),
    ),
    Case("la_k_zero", TOOL, L(K=0), words=(("K", "k must be at least 1", "number of new sites"),)),
    Case("la_time_zero", TOOL, L(TIME_LIMIT_MIN=0), words=("time limit", "positive")),
    Case("la_time_negative", TOOL, L(TIME_LIMIT_MIN=-5), words=(("time limit", "TIME_LIMIT_MIN"),)),
    Case(
        "la_candidates_far",
        TOOL,
        LH("gp_far"),
        words=("gp_far", "snap distance", ("m)", " m")),
    ),
    Case(
        "la_candidates_empty_grid",
        TOOL,
        LH("gp_empty", GRID_SPACING_M=4000),
        "result",
        check=check_grid,
    ),
    Case(
        "la_grid_too_fine",
        TOOL,
        L(CANDIDATES=None, GRID_SPACING_M=20),
        words=("grid", "spacing"),
    ),
    Case(
        "la_existing_far",
        TOOL,
        LH("gp_far", key="EXISTING"),
        words=("gp_far", "existing", "snap distance"),
    ),
    Case(
        "la_population_empty",
        TOOL,
        lambda inp, out: la_params(
            inp,
            out,
            POPULATION_RASTER=None,
            POPULATION_LAYER=f"{inp / 'hostile.gpkg'}|layername=pop_empty",
            POPULATION_FIELD="pop",
        ),
        words=(("pop_empty", "population", "residents"), ("empty", "no ")),
    ),
    Case("la_too_large_for_exact", TOOL, L(MAX_EXACT_NONZEROS=10), "result", check=check_greedy),
]

INPROC_ONLY = {c.id for c in CASES} - {"la_baseline", "la_k_more_than_candidates"}


@pytest.mark.parametrize(("case", "mode"), case_params(CASES, {}, INPROC_ONLY))
def test_location_allocation_hostile(case, mode, run_case):
    run_case(case, mode)
