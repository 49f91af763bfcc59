"""Baseline versus scenario hospital sets: what changes when hospitals close, move or open.

Both runs use the same road graph, population and grid, so every location and grid cell can
be compared one to one.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass, field, replace

import numpy as np
import pandas as pd

from . import coverage
from .areas import AreaTable
from .catchments import (
    DEFAULT_ACCESS_SPEED_KMH,
    DEFAULT_BANDS_MIN,
    DEFAULT_CELL_SIZE_M,
    DEFAULT_MAX_SNAP_M,
    STATUS_OK,
    CatchmentResult,
    Hospitals,
    Progress,
    RoutingInputs,
    _noop,
    run_catchments,
)
from .errors import SundplanError, msg

UNREACHED = msg("(not reached)")


@dataclass
class ScenarioResult:
    baseline: CatchmentResult
    scenario: CatchmentResult
    change_min: np.ndarray  # (grid cells,) scenario − baseline minutes, NaN where either fails
    area_changes: pd.DataFrame | None
    switches: pd.DataFrame  # from_hospital, to_hospital, population
    report: dict  # run_scenario: the comparison; run: the tool's whole run report
    warnings: list = field(default_factory=list)  # errors.Message for the log (see run)


@dataclass(frozen=True)
class ScenarioInputs:
    """Everything ``sundplan:catchment_scenario`` needs."""

    routing: RoutingInputs
    baseline: Hospitals
    close: tuple[str, ...] = ()  # baseline hospitals to close: names or unique parts of them
    added: Hospitals | None = None  # new sites (a moved hospital = close it and add the site)
    new_label: str = "new"  # appended to an added hospital named like a kept one: "X (new)"


def run(inputs: ScenarioInputs, *, progress: Progress | None = None) -> ScenarioResult:
    """The scenario tool: close and add hospitals, run baseline and scenario, compare, and
    the run report (which hospitals closed and opened, both runs, coverage of the scenario
    with its warning in ``result.warnings``)."""
    progress = progress or _noop
    base, added, routing = inputs.baseline, inputs.added, inputs.routing
    closed = closed_hospitals(inputs.close, list(base.names))
    keep = [i for i in range(len(base.names)) if i not in closed]
    xy = [base.xy[i] for i in keep]
    names = [base.names[i] for i in keep]
    ids = [base.ids[i] for i in keep]
    if added is not None:
        xy += list(added.xy)
        names += [f"{n} ({inputs.new_label})" if n in names else n for n in added.names]
        ids += list(added.ids)
    if not names:
        raise SundplanError("The scenario closes every hospital: keep or add at least one.")
    warnings = []
    if not inputs.close and added is None:
        warnings.append(msg("The scenario equals the baseline: nothing closed or added."))
    res = run_scenario(
        routing.graph,
        baseline_xy=base.xy,
        baseline_names=base.names,
        baseline_ids=base.ids,
        scenario_xy=np.array(xy).reshape(-1, 2),
        scenario_names=names,
        scenario_ids=ids,
        progress=progress,
        **routing.run_arguments(),
    )
    scen_run = res.report["scenario"]
    scen_run["coverage"], warning = coverage.report_section(
        scen_run["coverage"], res.scenario.areas, threshold_pct=routing.not_reached_warning_pct
    )
    if warning is not None:
        warnings.append(warning)
    report = {
        "scenario": {
            "closed": list(inputs.close),
            "added": names[len(keep) :],
            "closed_hospitals": [
                {"hospital_id": base.ids[i], "hospital": base.names[i]} for i in sorted(closed)
            ],
            "added_hospitals": [
                {"hospital_id": i, "hospital": n}
                for i, n in zip(ids[len(keep) :], names[len(keep) :], strict=True)
            ],
            **{k: v for k, v in res.report.items() if k not in ("baseline", "scenario")},
        },
        "coverage": {
            **scen_run["coverage"],
            "of_run": "scenario",
            "baseline": res.report["baseline"]["coverage"],
        },
        "hospital_ids": {
            "baseline": base.id_source,
            "added": added.id_source if added is not None else None,
        },
        "baseline_run": res.report["baseline"],
        "scenario_run": scen_run,
    }
    report["baseline_run"]["network"].update(routing.network_report)
    return replace(res, report=report, warnings=warnings)


def closed_hospitals(queries: Sequence[str], names: list[str]) -> set[int]:
    """Indices of the hospitals ``queries`` close; each query must match exactly one."""
    closed = set()
    for query in queries:
        hits = find_hospital(query, names)
        if len(hits) != 1:
            raise SundplanError(
                "Hospital to close '{query}' matches {n} hospitals ({hits}). Use a unique part "
                "of the name. Hospitals in the baseline: {names}.",
                query=query,
                n=len(hits),
                hits=", ".join(names[i] for i in hits) or "-",
                names="; ".join(names),
            )
        closed.add(hits[0])
    return closed


def find_hospital(query: str, names: list[str]) -> list[int]:
    """Indices of the names matching ``query``: an exact (case-insensitive) match wins,
    else every name containing it ("Thisted" finds "Aalborg Universitetshospital, Thisted")."""
    q = query.casefold()
    exact = [i for i, n in enumerate(names) if n.casefold() == q]
    return exact or [i for i, n in enumerate(names) if q in n.casefold()]


def run_scenario(
    graph,
    *,
    baseline_xy: np.ndarray,
    baseline_names: Sequence[str],
    scenario_xy: np.ndarray,
    scenario_names: Sequence[str],
    population,
    areas: AreaTable | None = None,
    bands_min: Sequence[float] = DEFAULT_BANDS_MIN,
    max_snap_m: float = DEFAULT_MAX_SNAP_M,
    access_speed_kmh: float = DEFAULT_ACCESS_SPEED_KMH,
    cell_size_m: float = DEFAULT_CELL_SIZE_M,
    progress: Progress = _noop,
    baseline_ids: Sequence | None = None,
    scenario_ids: Sequence | None = None,
    land_mask: bool = True,
) -> ScenarioResult:
    """Run the baseline and the scenario and compare them (minutes, persons).

    ``baseline_ids`` / ``scenario_ids``: the user's hospital ids (default 1..H of each set).
    With areas and ``land_mask``, both runs use the same land mask (see ``run_catchments``).
    """
    from .catchments import _resolve_land

    common = {
        "population": population,
        "areas": areas,
        "land": _resolve_land(None, areas, land_mask),
        "land_mask": land_mask,
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
        hospital_ids=baseline_ids,
        progress=lambda f, m: progress(0.45 * f, msg("Baseline: {step}", step=m)),
        **common,
    )
    scen = run_catchments(
        graph,
        hospital_xy=scenario_xy,
        hospital_names=scenario_names,
        hospital_ids=scenario_ids,
        progress=lambda f, m: progress(0.45 + 0.45 * f, msg("Scenario: {step}", step=m)),
        **common,
    )
    progress(0.9, "Comparing")
    return compare(base, scen)


def compare(base: CatchmentResult, scen: CatchmentResult) -> ScenarioResult:
    """Per-cell change, per-area change and the population that changes hospital.

    Residents reached in one run and not in the other are never dropped: they appear in the
    switches as from/to :data:`UNREACHED`, per area as ``pop_newly_not_reached`` /
    ``pop_newly_reached``, and in the report. Means, medians, P90 and maxima of each run are
    of its reached residents."""
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
    b_ids = _ids(base)
    s_ids = _ids(scen)
    moved = (from_name != to_name) & (pop > 0)
    switches = (
        pd.DataFrame(
            {
                "from_hospital_id": b_ids[b_h[moved]],
                "from_hospital": from_name[moved],
                "to_hospital_id": s_ids[s_h[moved]],
                "to_hospital": to_name[moved],
                "population": pop[moved],
            }
        )
        .groupby(["from_hospital", "to_hospital"], as_index=False, sort=False)
        .agg(
            from_hospital_id=("from_hospital_id", "first"),
            to_hospital_id=("to_hospital_id", "first"),
            population=("population", "sum"),
        )
        .sort_values(["population", "from_hospital", "to_hospital"], ascending=[False, True, True])
        .reset_index(drop=True)
    )[["from_hospital_id", "from_hospital", "to_hospital_id", "to_hospital", "population"]]
    switches["from_hospital_id"] = _id_column(switches["from_hospital_id"])
    switches["to_hospital_id"] = _id_column(switches["to_hospital_id"])
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
        # Not reached: the baseline's, then the scenario's under the shared column names.
        for col in ("pop_unsnapped", "pop_unreachable", "share_not_reached"):
            area_changes[f"base_{col}"] = a[col].to_numpy()
        for col in ("pop_unsnapped", "pop_unreachable", "share_not_reached"):
            area_changes[col] = s[col].to_numpy()
        newly_lost, newly_reached = _per_area(
            base.location_area, len(a), pop, b_ok & ~s_ok, ~b_ok & s_ok
        )
        area_changes["pop_newly_not_reached"] = newly_lost
        area_changes["pop_newly_reached"] = newly_reached
        area_changes["base_main_hospital"] = a["main_hospital"]
        area_changes["scen_main_hospital"] = s["main_hospital"].to_numpy()
    report = {
        "population_changing_hospital": float(pop[moved].sum()),
        "population_with_longer_trip": float(pop[both & (delta > 1e-9)].sum()),
        "population_with_shorter_trip": float(pop[both & (delta < -1e-9)].sum()),
        "population_newly_unreached": float(pop[b_ok & ~s_ok].sum()),
        "population_newly_reached": float(pop[~b_ok & s_ok].sum()),
        "population_not_reached_in_both": float(pop[~b_ok & ~s_ok].sum()),
        "mean_change_covers": msg("residents reached in both runs"),
        "population_weighted_mean_change_min": (
            float(np.average(delta[both], weights=pop[both])) if pop[both].sum() > 0 else None
        ),
        "baseline": base.report,
        "scenario": scen.report,
    }
    return ScenarioResult(base, scen, change, area_changes, switches, report)


def _ids(result: CatchmentResult) -> np.ndarray:
    """The run's hospital ids, then None for "(not reached)"."""
    ids = list(result.hospital_ids) or list(range(1, len(result.hospital_names) + 1))
    out = np.empty(len(ids) + 1, dtype=object)
    out[: len(ids)] = ids
    out[-1] = None
    return out


def _id_column(values: pd.Series) -> pd.Series:
    """Integer ids stay integers (nullable, for the "(not reached)" rows), others text."""
    present = [v for v in values if v is not None]
    if present and all(isinstance(v, int | np.integer) for v in present):
        return values.astype("Int64")
    return values.astype(object)


def _per_area(area_index, n_rows: int, pop: np.ndarray, *masks) -> list[np.ndarray]:
    """Population of each mask per row of the area table: the areas, then the "(outside all
    areas)" row, which the table has only when someone lives outside every area."""
    if area_index is None:
        return [np.zeros(n_rows) for _ in masks]
    g = np.asarray(area_index)
    n_areas = n_rows - int(pop[g < 0].sum() > 0)
    idx = np.where(g >= 0, g, n_areas)
    return [np.bincount(idx[m], weights=pop[m], minlength=n_areas + 1)[:n_rows] for m in masks]
