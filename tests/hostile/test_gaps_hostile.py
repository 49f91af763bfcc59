"""Hostile inputs for sundplan:specialist_gaps (outcome classes: conftest.py).

Independent truth: capacity per specialty read here from the practices layer with OGR."""

from __future__ import annotations

from collections import defaultdict

import pytest

from .conftest import REAL_CODES, Case, Run, case_params, ogr_values

pytestmark = pytest.mark.slow

TOOL = "sundplan:specialist_gaps"


def params(inp, out, **extra):
    g = inp / "sample_region.gpkg"
    p = {
        "PRACTICES": f"{g}|layername=specialists",
        "SPECIALTY_FIELD": "specialty",
        "CAPACITY_FIELD": "capacity",
        "AREAS": f"{g}|layername=kommuner",
        "AREA_ID_FIELD": "kommunekode",
        "AREA_NAME_FIELD": "kommune",
        "OUTPUT": str(out / "gaps.gpkg"),
        "SUMMARY": str(out / "summary.gpkg"),
        "RELOCATIONS": str(out / "moves.gpkg"),
        "REPORT": str(out / "report.json"),
    }
    p.update(extra)
    return {k: v for k, v in p.items() if v is not None}


def P(**extra):  # noqa: N802
    return lambda inp, out: params(inp, out, **extra)


def PH(layer: str, key: str = "PRACTICES", **extra):  # noqa: N802
    return lambda inp, out: params(
        inp, out, **{key: f"{inp / 'hostile.gpkg'}|layername={layer}"}, **extra
    )


def capacity_by_specialty(gpkg) -> dict[str, float]:
    caps: dict[str, float] = defaultdict(float)
    specs = ogr_values(gpkg, "specialists", "specialty")
    for s, c in zip(specs, ogr_values(gpkg, "specialists", "capacity"), strict=True):
        caps[s] += c
    return dict(caps)


def check_gaps(run: Run, n_areas: int = 4) -> None:
    """Per specialty: capacity = the input's, fair shares sum to it, gap = capacity - share,
    and the relocation plan moves exactly what the summary says must move."""
    caps = capacity_by_specialty(run.inp / "sample_region.gpkg")
    rows = run.table("gaps.gpkg")
    by_spec: dict[str, list] = defaultdict(list)
    for r in rows:
        by_spec[r["specialty"]].append(r)
        assert r["gap"] == pytest.approx(r["capacity"] - r["fair_share"], abs=1e-9)
    assert set(by_spec) == set(caps)
    for spec, rs in by_spec.items():
        assert len(rs) == n_areas
        assert sum(r["capacity"] for r in rs) == pytest.approx(caps[spec])
        assert sum(r["fair_share"] for r in rs) == pytest.approx(caps[spec])
    moves = run.table("moves.gpkg")
    for s in run.table("summary.gpkg"):
        moved = sum(m["capacities"] for m in moves if m["specialty"] == s["specialty"])
        assert moved == pytest.approx(s["capacities_to_move"], abs=1e-6)


def check_christianso(run: Run) -> None:
    """Grouping by region: Christiansø (0411) is in no region, must not stop the run, keeps
    its row, and every capacity is still counted once."""
    rows = run.table("gaps.gpkg")
    ids = {r["area_id"] for r in rows}
    # The four real kommuner roll up into regions; Christiansø gets the outside row.
    assert {"Region Hovedstaden", "outside the grouping"} <= ids
    assert not ids & set(REAL_CODES.values())
    caps = capacity_by_specialty(run.inp / "sample_region.gpkg")
    total = sum(r["capacity"] for r in rows)
    assert total == pytest.approx(sum(caps.values()))


CASES = [
    Case("baseline", TOOL, P(), "result", check=check_gaps),
    Case(
        "christianso_outside_grouping",
        TOOL,
        lambda inp, out: params(
            inp, out, AREAS=f"{inp / 'hostile.gpkg'}|layername=kommuner_real", GROUPING=1
        ),
        "result",
        check=check_christianso,
    ),
    Case("capacity_all_zero", TOOL, PH("spec_zero"), words=("capacity", ("zero", " 0"))),
    Case("capacity_negative", TOOL, PH("spec_negative"), words=("capacity", ("negative", "-1"))),
    Case("specialty_field_missing", TOOL, P(SPECIALTY_FIELD="fag"), words=("fag",)),
    Case(
        "under_above_over",
        TOOL,
        P(UNDER_RATIO=1.5, OVER_RATIO=1.2),
        words=(("UNDER_RATIO", "under"), ("OVER_RATIO", "over")),
    ),
    Case("under_ratio_nan", TOOL, P(UNDER_RATIO="nan"), words=(("UNDER_RATIO", "under"), "nan")),
    Case(
        "planned_totals_text",
        TOOL,
        P(PLANNED_TOTALS="Psykiatri=abc"),
        words=(("PLANNED_TOTALS", "planned"), "abc"),
    ),
    Case(
        "same_path_two_outputs",
        TOOL,
        lambda inp, out: params(inp, out, SUMMARY=str(out / "gaps.gpkg")),
        words=(("OUTPUT", "SUMMARY"), ("same", "twice", "one path", "also given")),
    ),
]


XFAIL = {}
INPROC_ONLY = {
    "capacity_negative",
    "specialty_field_missing",
    "under_ratio_nan",
}


@pytest.mark.parametrize(("case", "mode"), case_params(CASES, XFAIL, INPROC_ONLY))
def test_gaps_hostile(case, mode, run_case):
    run_case(case, mode)
