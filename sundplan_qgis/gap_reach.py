"""The optional network part of specialist gaps: residents beyond a travel time from the
nearest practice of each specialty, per area (the ACCESS table).

``pop_beyond`` = reached residents whose drive time to the nearest practice of the specialty
exceeds the limit (``> limit``, as the bands of :mod:`sundplan_qgis.catchments`);
``share_beyond = pop_beyond / population_reached``. Residents the network cannot place are
counted apart (``pop_unsnapped``, ``pop_unreachable``, ``share_not_reached``). A specialty
without any practice: everyone is beyond (the not-reached columns NULL: nothing was placed).

This module never imports qgis.
"""

from __future__ import annotations

from collections.abc import Callable, Mapping
from dataclasses import dataclass
from typing import TYPE_CHECKING

import numpy as np
import pandas as pd

from . import coverage
from .errors import msg

if TYPE_CHECKING:
    from . import catchments

DEFAULT_TIME_LIMIT_MIN = 60.0

DEFINITION = msg(
    "pop_beyond = reached residents whose drive time to the nearest practice of the "
    "specialty exceeds the limit; share_beyond = pop_beyond / population_reached (of "
    "reached residents). Not reached, counted apart and not as beyond: pop_unsnapped "
    "(no road within the snapping distance) and pop_unreachable (by a road whose network "
    "part holds no practice of the specialty), share_not_reached = their sum / "
    "population. A specialty without practices: everyone is beyond"
)


@dataclass(frozen=True)
class Reach:
    """Routing inputs of the network part (all in the network's CRS).

    ``routing``: the catchments routing inputs (graph, residents, summary areas, snapping);
    ``practice_xy``: every practice in the network CRS, in the order of the gap inputs'
    practices."""

    routing: catchments.RoutingInputs
    practice_xy: np.ndarray
    time_limit_min: float = DEFAULT_TIME_LIMIT_MIN
    warning_threshold_pct: float = coverage.DEFAULT_WARN_PCT


def access_table(
    reach: Reach,
    *,
    specialty: np.ndarray,
    base_ids: list,
    gap_areas: pd.DataFrame,
    unit_of: Mapping[str, str] | None,
    progress: Callable[[float, str], None],
) -> tuple[pd.DataFrame, dict, dict | None, list]:
    """(ACCESS table, report section ``network_part``, ``coverage`` section or None, warnings)."""
    from . import catchments
    from .errors import msg

    routing = reach.routing
    limit = reach.time_limit_min
    coverages: dict[str, dict] = {}
    specs = sorted(set(gap_areas["specialty"]))
    frames, info = [], {"time_limit_min": limit, "specialties": {}}
    for k, spec in enumerate(specs):
        progress(0.4 + 0.45 * k / max(len(specs), 1), msg("Travel times: {s}", s=spec))
        sel = np.flatnonzero(specialty == spec)
        if sel.size == 0:
            tab = pd.DataFrame({"area_id": base_ids})
            tab["population"] = np.nan
            tab["pop_beyond"] = np.nan
            tab["pop_unsnapped"] = np.nan
            tab["pop_unreachable"] = np.nan
            info["specialties"][spec] = msg("no practices: everyone is beyond the limit")
        else:
            res = catchments.run_catchments(
                routing.graph,
                hospital_xy=reach.practice_xy[sel],
                hospital_names=[f"{spec} {i}" for i in range(sel.size)],
                population=routing.population,
                areas=routing.areas,
                bands_min=[limit],
                max_snap_m=routing.max_snap_m,
                access_speed_kmh=routing.access_speed_kmh,
                cell_size_m=routing.cell_size_m,
                polygons=False,
            )
            # the one band's column, named by catchments (pop_over_<limit>_min)
            column = next(c for c in res.areas.columns if c.startswith("pop_over_"))
            a = res.areas[res.areas["area_id"].notna()].copy()
            a["area_id"] = a["area_id"].astype(str)
            tab = pd.DataFrame(
                {
                    "area_id": a["area_id"],
                    "population": a["population"],
                    "pop_beyond": a[column],
                    "pop_unsnapped": a["pop_unsnapped"],
                    "pop_unreachable": a["pop_unreachable"],
                }
            )
            info["specialties"][spec] = {"practices": int(sel.size)}
            # outside every area: in the run's coverage, not in any area row
            outside = res.areas[res.areas["area_id"].isna()]
            coverages[spec] = coverage.summary(
                total=float(res.areas["population"].sum()),
                unsnapped=float(a["pop_unsnapped"].sum()) + float(outside["pop_unsnapped"].sum()),
                unreachable=float(a["pop_unreachable"].sum())
                + float(outside["pop_unreachable"].sum()),
            )
        if unit_of is not None:
            from . import grouping

            tab["area_id"] = grouping.unit_of_areas(tab["area_id"], unit_of)
            tab = tab.groupby("area_id", as_index=False, sort=False).sum(min_count=1)
        tab.insert(1, "specialty", spec)
        if sel.size == 0:
            pops = gap_areas[gap_areas["specialty"] == spec].set_index("area_id")
            tab["population"] = tab["area_id"].map(pops["population"])
            tab["pop_beyond"] = tab["population"]
            tab["population_reached"] = tab["population"]
        else:
            tab["population_reached"] = (
                tab["population"] - tab["pop_unsnapped"] - tab["pop_unreachable"]
            )
        coverage.add_share_not_reached(tab)
        if sel.size == 0:
            tab["share_not_reached"] = np.nan  # nothing was placed on the network
        with np.errstate(divide="ignore", invalid="ignore"):
            tab["share_beyond"] = np.where(
                tab["population_reached"] > 0,
                tab["pop_beyond"] / tab["population_reached"],
                np.nan,
            )
        tab["time_limit_min"] = limit
        frames.append(tab)
    info["definition"] = DEFINITION
    access = pd.concat(frames, ignore_index=True)
    names = dict(zip(gap_areas["area_id"], gap_areas["area_name"], strict=False))
    access.insert(1, "area_name", access["area_id"].map(names))
    info["coverage_by_specialty"] = coverages
    section, warnings = None, []
    if coverages:
        worst = max(
            coverages,
            key=lambda k: np.nan_to_num(coverages[k]["share_not_reached"], nan=-1.0),
        )
        rows = access[access["specialty"] == worst]
        threshold = reach.warning_threshold_pct
        coverage.check_threshold(threshold)
        worst_areas = coverage.worst_areas(rows, threshold_pct=threshold, name="area_name")
        warning = coverage.warning(coverages[worst], worst_areas, threshold_pct=threshold)
        if warning is not None:
            warnings.append(warning)
        section = {
            **coverages[worst],
            "warning_threshold_pct": threshold,
            "worst_areas": worst_areas,
            "specialty": worst,
        }
    return access, info, section, warnings
