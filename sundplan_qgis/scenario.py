"""Baseline versus scenario hospital sets: what changes when hospitals close, move or open.

Both runs use the same road graph, population and grid, so every location and grid cell can
be compared one to one.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass

import numpy as np
import pandas as pd

from .catchments import (
    DEFAULT_ACCESS_SPEED_KMH,
    DEFAULT_BANDS_MIN,
    DEFAULT_MAX_SNAP_M,
    STATUS_OK,
    Areas,
    CatchmentResult,
    Progress,
    _noop,
    run_catchments,
)
from .errors import msg

UNREACHED = "(not reached)"


@dataclass
class ScenarioResult:
    baseline: CatchmentResult
    scenario: CatchmentResult
    change_min: np.ndarray  # (grid cells,) scenario − baseline minutes, NaN where either fails
    area_changes: pd.DataFrame | None
    switches: pd.DataFrame  # from_hospital, to_hospital, population
    report: dict


def run_scenario(
    graph,
    *,
    baseline_xy: np.ndarray,
    baseline_names: Sequence[str],
    scenario_xy: np.ndarray,
    scenario_names: Sequence[str],
    population,
    areas: Areas | None = None,
    bands_min: Sequence[float] = DEFAULT_BANDS_MIN,
    max_snap_m: float = DEFAULT_MAX_SNAP_M,
    access_speed_kmh: float = DEFAULT_ACCESS_SPEED_KMH,
    cell_size_m: float = 100.0,
    progress: Progress = _noop,
) -> ScenarioResult:
    """Run the baseline and the scenario and compare them (minutes, persons)."""
    common = {
        "population": population,
        "areas": areas,
        "bands_min": bands_min,
        "max_snap_m": max_snap_m,
        "access_speed_kmh": access_speed_kmh,
        "cell_size_m": cell_size_m,
        "polygons": False,
    }
    base = run_catchments(
        graph,
        hospital_xy=baseline_xy,
        hospital_names=baseline_names,
        progress=lambda f, m: progress(0.45 * f, msg("Baseline: {step}", step=m)),
        **common,
    )
    scen = run_catchments(
        graph,
        hospital_xy=scenario_xy,
        hospital_names=scenario_names,
        progress=lambda f, m: progress(0.45 + 0.45 * f, msg("Scenario: {step}", step=m)),
        **common,
    )
    progress(0.9, "Comparing")
    return compare(base, scen)


def compare(base: CatchmentResult, scen: CatchmentResult) -> ScenarioResult:
    """Per-cell change, per-area change and the population that changes hospital."""
    change = scen.surface_time_min - base.surface_time_min  # NaN propagates where either fails
    pop = base.population
    b_ok = base.locations.status == STATUS_OK
    s_ok = scen.locations.status == STATUS_OK
    b_names = np.array([*base.hospital_names, UNREACHED], dtype=object)
    s_names = np.array([*scen.hospital_names, UNREACHED], dtype=object)
    b_h = np.where(b_ok, base.locations.hospital, len(base.hospital_names))
    s_h = np.where(s_ok, scen.locations.hospital, len(scen.hospital_names))
    from_name = b_names[b_h]
    to_name = s_names[s_h]
    moved = (from_name != to_name) & (pop > 0)
    switches = (
        pd.DataFrame(
            {
                "from_hospital": from_name[moved],
                "to_hospital": to_name[moved],
                "population": pop[moved],
            }
        )
        .groupby(["from_hospital", "to_hospital"], as_index=False)["population"]
        .sum()
        .sort_values("population", ascending=False, ignore_index=True)
    )
    both = b_ok & s_ok
    delta = scen.locations.time_min - base.locations.time_min
    area_changes = None
    if base.areas is not None and scen.areas is not None:
        a, s = base.areas, scen.areas
        area_changes = pd.DataFrame({"area_id": a["area_id"], "area_name": a["area_name"]})
        area_changes["population"] = a["population"]
        for col in ("mean_min", "median_min", "p90_min", "max_min"):
            area_changes[f"base_{col}"] = a[col]
            area_changes[f"scen_{col}"] = s[col].to_numpy()
            area_changes[f"change_{col}"] = s[col].to_numpy() - a[col].to_numpy()
        for col in a.columns:
            if col.startswith("pop_over_"):
                area_changes[f"change_{col}"] = s[col].to_numpy() - a[col].to_numpy()
        area_changes["change_pop_unreachable"] = (
            s["pop_unreachable"].to_numpy() - a["pop_unreachable"].to_numpy()
        )
        area_changes["base_main_hospital"] = a["main_hospital"]
        area_changes["scen_main_hospital"] = s["main_hospital"].to_numpy()
    report = {
        "population_changing_hospital": float(pop[moved].sum()),
        "population_with_longer_trip": float(pop[both & (delta > 1e-9)].sum()),
        "population_with_shorter_trip": float(pop[both & (delta < -1e-9)].sum()),
        "population_newly_unreached": float(pop[b_ok & ~s_ok].sum()),
        "population_weighted_mean_change_min": (
            float(np.average(delta[both], weights=pop[both])) if pop[both].sum() > 0 else None
        ),
        "baseline": base.report,
        "scenario": scen.report,
    }
    return ScenarioResult(base, scen, change, area_changes, switches, report)
