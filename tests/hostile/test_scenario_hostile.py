"""Hostile inputs for sundplan:catchment_scenario (see conftest.py for the outcome classes)."""

from __future__ import annotations

import pytest

from .conftest import Case, Run, case_params, catchments_params, gdal_sum

pytestmark = pytest.mark.slow

TOOL = "sundplan:catchment_scenario"


def params(inp, out, **extra):
    p = catchments_params(inp, out)
    for key in ("TRAVEL_TIME", "CATCHMENTS", "BAND_POLYGONS", "AREA_SUMMARY"):
        p.pop(key)
    p.update(
        {
            "CLOSE": "Sølund",
            "CHANGE_RASTER": str(out / "change.tif"),
            "AREA_CHANGES": str(out / "area_changes.gpkg"),
            "SWITCHES": str(out / "switches.gpkg"),
        }
    )
    p.update(extra)
    return {k: v for k, v in p.items() if v is not None}


def P(**extra):  # noqa: N802
    return lambda inp, out: params(inp, out, **extra)


def check_close(run: Run) -> None:
    """Closing Sølund: everyone who switches comes from Sølund, no trip gets shorter, the
    switching population adds up, and the areas hold the raster's own total."""
    import numpy as np
    from osgeo import gdal

    switches = run.table("switches.gpkg")
    assert switches and all(s["from_hospital"] == "Sølund Sygehus" for s in switches)
    assert all(s["to_hospital"] != "Sølund Sygehus" for s in switches)
    ds = gdal.Open(str(run.out / "change.tif"))
    band = ds.GetRasterBand(1)
    arr = band.ReadAsArray()
    valid = arr[arr != band.GetNoDataValue()]
    ds = None
    assert valid.size and np.nanmin(valid) >= -1e-6 and np.nanmax(valid) > 0
    moved = run.report()["scenario"]["population_changing_hospital"]
    assert moved == pytest.approx(sum(s["population"] for s in switches))
    areas = run.table("area_changes.gpkg")
    pop_keys = [k for k in areas[0] if k == "population"]
    if pop_keys:
        assert sum(a["population"] for a in areas) == pytest.approx(
            gdal_sum(run.inp / "population.tif"), abs=0.5
        )


CASES = [
    Case("close_one", TOOL, P(), "result", check=check_close),
    Case("close_unknown", TOOL, P(CLOSE="Atlantis"), words=("Atlantis", "Fjordby Sygehus")),
    Case(
        "close_all",
        TOOL,
        P(CLOSE="Fjordby,Sølund,Lyngå"),
        words=(("CLOSE", "no hospital", "every hospital", "all"),),
    ),
    Case(
        "add_at_sea",
        TOOL,
        lambda inp, out: params(
            inp,
            out,
            CLOSE=None,
            ADD_HOSPITALS=f"{inp / 'hostile.gpkg'}|layername=hospitals_sea",
            ADD_NAME_FIELD="name",
        ),
        words=("Havhospitalet", "snap"),
    ),
    Case(
        "active_parse_error",
        TOOL,
        P(ACTIVE_EXPRESSION='"active" = '),
        words=(("ACTIVE_EXPRESSION", "expression"), ("syntax", "parser", "unexpected")),
    ),
    Case(
        "same_path_two_outputs",
        TOOL,
        lambda inp, out: params(inp, out, AREA_CHANGES=str(out / "switches.gpkg")),
        words=(("AREA_CHANGES", "SWITCHES"), ("same", "twice", "one path", "also given")),
    ),
    Case(
        "raster_as_txt",
        TOOL,
        lambda inp, out: params(inp, out, CHANGE_RASTER=str(out / "change.txt")),
        words=(("CHANGE_RASTER", "change.txt"), (".tif", "extension", "raster")),
    ),
    Case(
        "max_snap_nan",
        TOOL,
        P(MAX_SNAP_M="nan"),
        words=(("MAX_SNAP_M", "snapping distance", "snap distance"),),
    ),
    Case("bands_descending", TOOL, P(BANDS="30,15"), words=(("BANDS", "time bands"),)),
]


XFAIL = {}
INPROC_ONLY = {
    "add_at_sea",
    "bands_descending",
    "close_all",
    "max_snap_nan",
}


@pytest.mark.parametrize(("case", "mode"), case_params(CASES, XFAIL, INPROC_ONLY))
def test_scenario_hostile(case, mode, run_case):
    run_case(case, mode)
