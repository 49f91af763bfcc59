"""Residents a run could not place or reach: one vocabulary for every tool.

Every tool that places residents on the road network (catchments, scenarios, 2SFCA, the
network reach of specialist gaps) reports the same three numbers per area and for the run:

* ``pop_unsnapped``: residents with no road within the snapping distance;
* ``pop_unreachable``: residents by a road from which no destination can be reached;
* ``share_not_reached`` = (unsnapped + unreachable) / population (NaN for an empty area).

Means, medians and P90s are "of reached residents". When more than a threshold (percent,
default :data:`DEFAULT_WARN_PCT`) of the residents is not reached, the tool warns in the log and
names the worst areas (:func:`warning`), so a planner never mistakes "not computed" for "fine".
"""

from __future__ import annotations

from collections.abc import Sequence

import numpy as np
import pandas as pd

from .errors import Message, listing, msg

DEFAULT_WARN_PCT = 1.0
"""Warn when more than this percentage of the residents is not reached."""

COLUMNS = ("pop_unsnapped", "pop_unreachable", "share_not_reached")


def add_share_not_reached(
    table: pd.DataFrame,
    *,
    total: str = "population",
    unsnapped: str = "pop_unsnapped",
    unreachable: str = "pop_unreachable",
) -> pd.DataFrame:
    """``table`` with ``share_not_reached`` = (unsnapped + unreachable) / total (0..1), NaN
    where the total is 0 or missing. Returns the same frame (changed in place)."""
    not_reached = table[unsnapped].fillna(0.0).to_numpy(float) + table[unreachable].fillna(
        0.0
    ).to_numpy(float)
    tot = table[total].to_numpy(float)
    with np.errstate(invalid="ignore", divide="ignore"):
        table["share_not_reached"] = np.where(
            tot > 0, not_reached / np.where(tot > 0, tot, 1), np.nan
        )
    return table


def summary(*, total: float, unsnapped: float, unreachable: float) -> dict:
    """The run's coverage as a report section: persons and shares (0..1)."""
    total = float(total)
    not_reached = float(unsnapped) + float(unreachable)
    share = not_reached / total if total > 0 else float("nan")
    return {
        "total": total,
        "reached": total - not_reached,
        "unsnapped": float(unsnapped),
        "unreachable": float(unreachable),
        "not_reached": not_reached,
        "share_not_reached": share,
        "statistics_cover": msg("reached residents only (means, medians, P90 and bands)"),
    }


def worst_areas(
    table: pd.DataFrame,
    *,
    threshold_pct: float = DEFAULT_WARN_PCT,
    name: str = "area_name",
    total: str = "population",
    most: int = 5,
) -> list[dict]:
    """Areas whose share not reached exceeds ``threshold_pct``, most residents not reached
    first (at most ``most``): ``{"area", "not_reached", "share_not_reached"}``."""
    if table is None or len(table) == 0 or "share_not_reached" not in table:
        return []
    share = table["share_not_reached"].to_numpy(float)
    n = (table["pop_unsnapped"].fillna(0.0) + table["pop_unreachable"].fillna(0.0)).to_numpy(float)
    over = np.flatnonzero(np.nan_to_num(share, nan=0.0) * 100.0 > threshold_pct)
    order = over[np.lexsort((-share[over], -n[over]))][:most]
    names = table[name].to_numpy(object) if name in table else np.arange(len(table))
    return [
        {
            "area": str(names[i]),
            "not_reached": float(n[i]),
            "share_not_reached": float(share[i]),
        }
        for i in order
    ]


def warning(cov: dict, worst: Sequence[dict], *, threshold_pct: float) -> Message | None:
    """The log warning when more than ``threshold_pct`` % of the residents is not reached,
    naming the worst areas; ``None`` when coverage is within the threshold."""
    share = cov.get("share_not_reached", float("nan"))
    if not np.isfinite(share) or share * 100.0 <= threshold_pct:
        return None
    text = msg(
        "{n:,.0f} residents ({pct:.1f} %) are not reached (more than {limit:g} %): "
        "{unsnapped:,.0f} have no road within the snapping distance, {unreachable:,.0f} live "
        "by roads that lead to no destination. Travel-time statistics cover reached residents "
        "only. Raise the maximum snapping distance, add the missing roads or ferries, or read "
        "the per-area columns pop_unsnapped, pop_unreachable and share_not_reached.",
        n=cov["not_reached"],
        pct=100.0 * share,
        limit=threshold_pct,
        unsnapped=cov["unsnapped"],
        unreachable=cov["unreachable"],
    )
    if not worst:
        return text
    areas = listing(
        msg(
            "{area} ({n:,.0f}, {pct:.1f} %)",
            area=w["area"],
            n=w["not_reached"],
            pct=100.0 * w["share_not_reached"],
        )
        for w in worst
    )
    return msg("{text} Worst areas: {areas}.", text=text, areas=areas)


def check_threshold(threshold_pct: float) -> None:
    """Reject a warning threshold that is not a percentage in [0, 100]."""
    from .errors import SundplanError

    if not np.isfinite(threshold_pct) or not 0.0 <= threshold_pct <= 100.0:
        raise SundplanError(
            "The warning threshold for residents not reached must be a percentage between 0 "
            "and 100, not {value}.",
            value=threshold_pct,
        )


def report_section(
    cov: dict, areas: pd.DataFrame | None, *, threshold_pct: float, name: str = "area_name"
) -> tuple[dict, Message | None]:
    """The report's coverage section (``cov`` plus the threshold and the worst areas of the
    table ``areas``) and the log warning, or None when within ``threshold_pct`` %."""
    check_threshold(threshold_pct)
    worst = worst_areas(areas, threshold_pct=threshold_pct, name=name)
    section = {**cov, "warning_threshold_pct": threshold_pct, "worst_areas": worst}
    return section, warning(cov, worst, threshold_pct=threshold_pct)
