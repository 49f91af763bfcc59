"""Specialist-practice capacity against a need-based distribution (sundplan:specialist_gaps).

Definitions (per specialty ``s`` and area ``a``; all sums over the areas of the run)
-----------------------------------------------------------------------------------
* capacity ``C[a]``: full-time capacities (ydernumre) located in the area;
* population ``P[a]``; need-weighted population ``N[a]`` = Σ persons × weight(age group, sex)
  (:func:`sundplan_qgis.need.need_weighted_population`), then **scaled so that Σ N = Σ P**:
  the need-weighted population of an area is "inhabitants of average need", and multiplying all
  weights by a constant changes nothing;
* reference total ``R``: today's capacity Σ C (default) or a planned total;
* fair share ``F[a] = R × N[a] / Σ N``; gap ``C[a] − F[a]``; ratio ``C[a] / F[a]``;
* density ``C[a] / N[a] × 100 000`` (capacity per 100 000 need-weighted inhabitants);
* class: ``under-supplied`` (ratio < under), ``over-supplied`` (ratio > over), ``balanced``
  otherwise, so a ratio exactly at a threshold is balanced; ``no population`` where ``N[a] = 0``.

Per specialty: highest and lowest density (areas with need) and their ratio; the number of
areas with need and no capacity (``n_areas_without_capacity``; areas without population are
not counted, they are class ``no population``); the Gini
coefficient of capacity against need (Lorenz curve of cumulative capacity share against
cumulative need share, areas ordered by density); the index of dissimilarity
``D = ½ Σ |C[a]/ΣC − N[a]/ΣN|`` (the share of today's capacity that would have to move to match
need) and the number of capacities that means, ``D × ΣC``. With ``R = ΣC`` that number equals the
sum of the positive gaps.

Relocation plan: a transport problem (``scipy.optimize.linprog``, HiGHS dual simplex) moving
capacity from areas with a positive gap to areas with a negative gap, minimising
capacity × straight-line distance between area centres. Its moves reach the fair shares
exactly; with ``R = ΣC`` it moves exactly ``D × ΣC``. With a planned total ``R ≠ ΣC`` it moves
``min(Σ surplus, Σ deficit)`` and the rest is listed as new capacities (``R > ΣC``) or
capacities withdrawn (``R < ΣC``). Capacities are continuous (0.5 = a part-time ydernummer).

This module never imports qgis.
"""

from __future__ import annotations

from collections.abc import Callable, Mapping, Sequence
from dataclasses import dataclass, field
from typing import Any

import numpy as np
import pandas as pd

from . import gap_reach
from . import grouping as grouping_mod
from . import reference as reference_mod
from . import specialties as specialties_mod
from .areas import AreaTable, object_array
from .errors import SundplanError, listing, msg
from .inequality import gini  # noqa: F401 (part of this module's API)
from .need import (
    GENERAL_PROFILE,
    NO_WEIGHTS_LABEL,
    SPECIALISTS,
    NeedWeights,
    as_table,
    label_of,
)
from .practices import Practices, specialist_practices  # noqa: F401 (API)

DEFAULT_UNDER_RATIO = 0.8
DEFAULT_OVER_RATIO = 1.25
"""Default class thresholds on capacity / fair share: below 0.8 under-supplied, above 1.25
over-supplied (symmetric on a log scale: 0.8 = 1 / 1.25). Our choice, not an official norm
(no Danish norm for speciallægepraksis was found; see resources/data/README.md)."""

CLASS_UNDER = "under-supplied"
CLASS_BALANCED = "balanced"
CLASS_OVER = "over-supplied"
CLASS_NO_POPULATION = "no population"
CLASS_OUTSIDE = reference_mod.OUTSIDE_GROUPING
"""Class of the row of the areas outside the grouping (no fair share, not compared)."""
CLASS_LABELS = {
    CLASS_UNDER: msg("under-supplied"),
    CLASS_BALANCED: msg("balanced"),
    CLASS_OVER: msg("over-supplied"),
    CLASS_NO_POPULATION: msg("no population"),
    CLASS_OUTSIDE: msg("outside the grouping"),
}
"""What a planner reads for each ``class`` code (the field ``class_label``)."""

KIND_MOVE, KIND_WITHDRAW, KIND_NEW = "move", "withdraw", "new"
KIND_LABELS = {KIND_MOVE: msg("move"), KIND_WITHDRAW: msg("withdraw"), KIND_NEW: msg("new")}
"""Codes of the relocation plan's ``kind`` and their labels (the field ``kind_label``)."""

REFERENCE_PLANNED, REFERENCE_TODAY = "planned total", "today's capacity"
REFERENCE_LABELS = {
    REFERENCE_PLANNED: msg("planned total"),
    REFERENCE_TODAY: msg("today's capacity"),
}
"""Codes of the summary's ``reference`` and their labels (the field ``reference_label``)."""

WEIGHTS_USED_LABELS = {"general": msg("general"), "specialty": msg("specialty")}
"""Codes of the summary's ``weights`` (which need weights a specialty used) and labels."""

_PER = 100_000.0
_EPS = 1e-9


def weights_for(weights: NeedWeights, specialty: str) -> tuple[NeedWeights, str]:
    """The weight rows for ``specialty`` and which they are (``"specialty"`` or ``"general"``)."""
    table = as_table(weights)
    for rows, kind in (
        (table[table["specialty"] == specialty], "specialty"),
        (table[table["specialty"] == GENERAL_PROFILE], "general"),
    ):
        if len(rows):
            # the label travels with the rows: messages name the table they came from
            return NeedWeights(
                table=rows.reset_index(drop=True),
                label=label_of(weights, "need weights"),
                sha256="",
                service=SPECIALISTS,
            ), kind
    raise SundplanError(
        "The need-weight table has no rows for '{specialty}' and no general rows "
        "(specialty '{general}'). Add rows for it, or a '{general}' profile.",
        specialty=specialty,
        general=GENERAL_PROFILE,
    )


def _check_weights_cover(
    weights: NeedWeights, specialty: str, columns: Mapping[str, tuple[str, str]]
) -> None:
    """Every (sex, age group) present in the population must have a weight."""
    from . import need

    lookup = need.weight_lookup(weights)
    missing = sorted(
        {f"{age} ({sex})" for sex, age in columns.values() if (sex, age) not in lookup},
        key=lambda t: (need.AGE_GROUPS.index(t.split(" ")[0]), t),
    )
    if missing:
        raise SundplanError(
            "The need weights for '{specialty}' miss the age group(s) {groups} "
            "that the population has. Give a weight for every age group (per sex, or sex 'all').",
            specialty=specialty,
            groups=", ".join(missing),
        )


def need_weighted(
    population: pd.DataFrame,
    *,
    specialties_: Sequence[str],
    weights: NeedWeights | None,
) -> tuple[pd.DataFrame, pd.Series, dict[str, str]]:
    """Need-weighted population per area (rows) and specialty (columns), scaled to Σ P.

    ``population``: one row per area with age/sex columns (``m_0_4`` … ``k_85_plus``) and/or a
    ``population`` column. ``weights`` None: unweighted (need = population). Returns
    (need frame, population series, {specialty: "specialty" | "general" | "unweighted"}).
    """
    from . import need

    columns = need.age_sex_columns(population.columns)
    if columns:
        counts = population[list(columns)].apply(pd.to_numeric, errors="coerce")
        if counts.isna().any().any():
            bad = counts.isna().any(axis=1)
            raise SundplanError(
                "The population has empty or non-numeric age/sex counts for the area(s) "
                "{areas}.",
                areas=", ".join(map(str, population.index[bad][:10])),
            )
        if (counts < 0).any().any():
            raise SundplanError("The population has negative age/sex counts.")
        total = counts.sum(axis=1).astype(float)
    elif "population" in population.columns:
        total = pd.to_numeric(population["population"], errors="coerce").astype(float)
        if total.isna().any() or (total < 0).any():
            raise SundplanError("The population column has empty, non-numeric or negative values.")
    else:
        raise SundplanError(
            "The areas have no population: give age/sex columns (m_0_4, k_0_4, … m_85_plus, "
            "k_85_plus) or a 'population' column. Columns found: {columns}.",
            columns=", ".join(population.columns),
        )
    out = pd.DataFrame(index=population.index)
    used: dict[str, str] = {}
    for spec in specialties_:
        if weights is None:
            raw = total.copy()
            used[spec] = "unweighted"
        else:
            if not columns:
                raise SundplanError(
                    "Need weights are by age group, but the population has no age/sex columns "
                    "(m_0_4 … k_85_plus). Give them, or choose unweighted population."
                )
            rows, kind = weights_for(weights, spec)
            _check_weights_cover(rows, spec, columns)
            try:
                raw = need.need_weighted_population(counts, weights=rows, columns=columns).astype(
                    float
                )
            except SundplanError as exc:
                raise SundplanError(
                    "Need weights for '{specialty}': {error}", specialty=spec, error=exc
                ) from None
            used[spec] = kind
        raw_total = float(raw.sum())
        if raw_total <= 0:
            raise SundplanError(
                "The need-weighted population for '{specialty}' is zero in every area: no "
                "population, or all its weights are zero.",
                specialty=spec,
            )
        out[spec] = raw.to_numpy() * (float(total.sum()) / raw_total)
    return out, total, used


# --------------------------------------------------------------------------- measures
def dissimilarity(capacity: np.ndarray, need: np.ndarray) -> float:
    """Index of dissimilarity ``½ Σ |C/ΣC − N/ΣN|``: share of capacity to move to match need."""
    c = np.asarray(capacity, dtype=float)
    n = np.asarray(need, dtype=float)
    if c.sum() <= 0 or n.sum() <= 0:
        return float("nan")
    return float(0.5 * np.abs(c / c.sum() - n / n.sum()).sum())


def classify(ratio: np.ndarray, need: np.ndarray, *, under: float, over: float) -> np.ndarray:
    """Class per area from capacity / fair share (see the module docstring)."""
    ratio = np.asarray(ratio, dtype=float)
    out = np.full(ratio.shape, CLASS_BALANCED, dtype=object)
    out[ratio < under] = CLASS_UNDER
    out[ratio > over] = CLASS_OVER
    out[np.asarray(need, dtype=float) <= 0] = CLASS_NO_POPULATION
    return out


def distance_matrix_km(xy: np.ndarray | None, n: int) -> np.ndarray | None:
    """Straight-line distances (km) between area centres in metres; None without centres."""
    if xy is None:
        return None
    xy = np.asarray(xy, dtype=float).reshape(n, 2)
    return np.hypot(xy[:, None, 0] - xy[None, :, 0], xy[:, None, 1] - xy[None, :, 1]) / 1000.0


def transport_plan(
    surplus: np.ndarray, deficit: np.ndarray, cost: np.ndarray
) -> tuple[np.ndarray, float]:
    """Min-cost flow from ``surplus`` (S,) to ``deficit`` (D,) with unit costs ``cost`` (S, D).

    Moves ``min(Σ surplus, Σ deficit)``: the smaller side is met exactly, the larger one up to
    its amounts. Solved with ``scipy.optimize.linprog`` (HiGHS dual simplex, a vertex
    solution, so at most S + D − 1 routes are used). Returns (flows (S, D), total cost).
    """
    from scipy.optimize import linprog

    s = np.asarray(surplus, dtype=float)
    d = np.asarray(deficit, dtype=float)
    n_s, n_d = s.size, d.size
    flows = np.zeros((n_s, n_d))
    if n_s == 0 or n_d == 0 or s.sum() <= _EPS or d.sum() <= _EPS:
        return flows, 0.0
    rows = np.zeros((n_s, n_s * n_d))
    cols = np.zeros((n_d, n_s * n_d))
    for i in range(n_s):
        rows[i, i * n_d : (i + 1) * n_d] = 1.0
    for j in range(n_d):
        cols[j, j::n_d] = 1.0
    if s.sum() <= d.sum():
        a_eq, b_eq, a_ub, b_ub = rows, s, cols, d
    else:
        a_eq, b_eq, a_ub, b_ub = cols, d, rows, s
    res = linprog(
        np.asarray(cost, dtype=float).reshape(-1),
        A_ub=a_ub,
        b_ub=b_ub,
        A_eq=a_eq,
        b_eq=b_eq,
        bounds=(0, None),
        method="highs-ds",
    )
    if res.status != 0:  # pragma: no cover - a balanced transport problem is always feasible
        raise SundplanError("The relocation plan could not be solved: {reason}", reason=res.message)
    flows = np.clip(res.x.reshape(n_s, n_d), 0.0, None)
    flows[flows < _EPS] = 0.0
    return flows, float((flows * cost).sum())


# --------------------------------------------------------------------------- whole run
@dataclass
class GapResult:
    """Tables of one run: per area × specialty, per specialty, the relocation plan, a report."""

    areas: pd.DataFrame
    summary: pd.DataFrame
    relocations: pd.DataFrame
    report: dict = field(default_factory=dict)
    # set by run(): the network part, the areas' CRS when the outputs carry geometry, and the
    # messages for the log (templates; translated by the Processing layer)
    access: pd.DataFrame | None = None
    crs: Any = None
    warnings: list = field(default_factory=list)
    outside_message: Any = None


def _rounded(x: float) -> float:
    """``x`` to one decimal, or whole when that close (for ``{n:g}`` in a sentence)."""
    return round(float(x), 1) if abs(x - round(x)) > 0.05 else float(round(x))


def specialist_gaps(
    *,
    capacity: pd.DataFrame,
    population: pd.DataFrame,
    weights: NeedWeights | None = None,
    reference_totals: Mapping[str, float] | None = None,
    centres_xy: np.ndarray | None = None,
    under_ratio: float = DEFAULT_UNDER_RATIO,
    over_ratio: float = DEFAULT_OVER_RATIO,
    only_specialties: Sequence[str] | None = None,
    unit_label: str = "ydernumre",
) -> GapResult:
    """Capacity against need-based fair shares, per area and specialty.

    ``capacity``: rows with ``area_id``, ``specialty`` (canonical names; see
    :func:`sundplan_qgis.specialties.normalise_specialties`) and ``capacity`` (≥ 0); several rows per area/specialty are
    summed; ``area_id`` must be an area of ``population``. ``population``: one row per area,
    column ``area_id`` (unique), optional ``area_name``, age/sex columns and/or ``population``.
    ``weights``: ``need.load_weights(service="specialists")`` or None (unweighted). ``reference_totals``:
    planned total per specialty (others: today's capacity). ``centres_xy``: (A, 2) area centres
    in metres in a projected CRS, in the order of ``population``, for the relocation distances
    (None: all distances equal, distance_km NULL). Specialties: those in ``capacity`` plus any
    in ``reference_totals`` (or ``only_specialties``).
    """
    if not 0 < under_ratio <= 1 <= over_ratio:
        raise SundplanError(
            "The class thresholds must satisfy 0 < under ≤ 1 ≤ over; got under {under:g} "
            "and over {over:g}.",
            under=under_ratio,
            over=over_ratio,
        )
    pop = population.copy()
    if "area_id" not in pop.columns:
        raise SundplanError("The population table needs an 'area_id' column.")
    pop["area_id"] = pop["area_id"].astype(str)
    dupes = pop["area_id"][pop["area_id"].duplicated()].unique()
    if len(dupes):
        raise SundplanError(
            "Duplicate area ids in the population: {ids}. Each area once.",
            ids=", ".join(dupes[:10]),
        )
    if "area_name" not in pop.columns:
        pop["area_name"] = pop["area_id"]
    pop = pop.set_index("area_id", drop=False)
    # Units outside the grouping (group_areas): a row of their own, compared with nothing.
    if "outside_grouping" in pop.columns:
        is_out = pop["outside_grouping"].fillna(False).astype(bool).to_numpy()
    else:
        is_out = np.zeros(len(pop), dtype=bool)
    out_pop = pop[is_out]
    pop = pop[~is_out]
    if centres_xy is not None:
        centres_xy = np.asarray(centres_xy, dtype=float).reshape(-1, 2)[~is_out]
    area_ids = list(pop.index)
    if not area_ids:
        raise SundplanError(
            "Every area is outside the grouping: no area id is in the grouping table. Check "
            "that the area ids are the table's keys (e.g. kommunekoder)."
        )

    cap = capacity.copy()
    for col in ("area_id", "specialty", "capacity"):
        if col not in cap.columns:
            raise SundplanError("The capacity table needs a '{column}' column.", column=col)
    cap["area_id"] = cap["area_id"].astype(str)
    values = pd.to_numeric(cap["capacity"], errors="coerce").astype(float)
    not_finite = ~np.isfinite(values.to_numpy())
    if not_finite.any():
        rows = cap.index[not_finite][:10]
        raise SundplanError(
            "Empty or non-numeric capacity for {rows}. Give every practice a capacity "
            "(full-time ydernumre) or leave the field unset.",
            rows=listing(
                (
                    msg(
                        "{specialty} in area {area}",
                        specialty=cap.at[i, "specialty"],
                        area=cap.at[i, "area_id"],
                    )
                    for i in rows
                ),
                sep="; ",
            ),
        )
    if (values < 0).any():
        rows = cap.index[values < 0][:10]
        raise SundplanError(
            "Negative capacity for {rows}. Capacities are numbers of full-time ydernumre, "
            "0 or more.",
            rows=listing(
                (
                    msg(
                        "{specialty} in area {area} ({value:g})",
                        specialty=cap.at[i, "specialty"],
                        area=cap.at[i, "area_id"],
                        value=values[i],
                    )
                    for i in rows
                ),
                sep="; ",
            ),
        )
    cap["capacity"] = values.astype(float)
    unknown_areas = sorted(set(cap["area_id"]) - set(area_ids) - set(out_pop.index))
    if unknown_areas:
        raise SundplanError(
            "The capacity table has area ids that are not among the areas: "
            "{unknown}. Areas: {areas}.",
            unknown=", ".join(unknown_areas[:20]),
            areas=", ".join(area_ids[:20]) + (" …" if len(area_ids) > 20 else ""),
        )
    reference_totals = dict(reference_totals or {})
    for spec, total in reference_totals.items():
        if not np.isfinite(total) or total < 0:
            raise SundplanError(
                "The planned total for '{specialty}' must be a number ≥ 0.", specialty=spec
            )
    specs = list(only_specialties) if only_specialties else []
    if not specs:
        specs = sorted(set(cap["specialty"]) | set(reference_totals))
    if not specs:
        raise SundplanError("No specialist capacity given: the practices/capacity table is empty.")

    cap_out = cap[cap["area_id"].isin(set(out_pop.index))]
    cap = cap[~cap["area_id"].isin(set(out_pop.index))]
    _check_some_capacity(cap, specs, reference_totals)
    need, total_pop, used = need_weighted(pop, specialties_=specs, weights=weights)
    out_heads = _head_count(out_pop)
    table = cap.groupby(["area_id", "specialty"])["capacity"].sum()
    dist = distance_matrix_km(centres_xy, len(area_ids))
    rows, summaries, moves = [], [], []
    warnings: list[str] = []
    no_pop = [a for a in area_ids if total_pop[a] <= 0]
    if no_pop:
        warnings.append(
            msg(
                "{n} area(s) have no population: {areas}. Their fair share is 0; any capacity "
                "there counts as over-supply (class '{no_population}').",
                n=len(no_pop),
                areas=", ".join(map(str, no_pop[:20])),
                no_population=CLASS_LABELS[CLASS_NO_POPULATION],
            )
        )
    names = pop["area_name"].astype(str).to_numpy()
    for spec in specs:
        c = np.array([float(table.get((a, spec), 0.0)) for a in area_ids])
        n = need[spec].to_numpy(dtype=float)
        today = float(c.sum())
        planned = spec in reference_totals
        ref = float(reference_totals[spec]) if planned else today
        fair = ref * n / n.sum()
        gap = c - fair
        with np.errstate(divide="ignore", invalid="ignore"):
            ratio = np.where(fair > 0, c / np.where(fair > 0, fair, 1), np.nan)
            density = np.where(n > 0, c / np.where(n > 0, n, 1) * _PER, np.nan)
            density_raw = np.where(
                total_pop.to_numpy() > 0,
                c / np.where(total_pop.to_numpy() > 0, total_pop.to_numpy(), 1) * _PER,
                np.nan,
            )
        cls = classify(np.where(np.isnan(ratio), 1.0, ratio), n, under=under_ratio, over=over_ratio)
        rows.append(
            pd.DataFrame(
                {
                    "area_id": area_ids,
                    "area_name": names,
                    "specialty": spec,
                    "capacity": c,
                    "population": total_pop.to_numpy(dtype=float),
                    "need_weighted_population": n,
                    "need_share": n / n.sum(),
                    "fair_share": fair,
                    "gap": gap,
                    "ratio": ratio,
                    "capacity_per_100k_need": density,
                    "capacity_per_100k_pop": density_raw,
                    "class": cls,
                }
            )
        )
        has_need = n > 0
        dens = density[has_need]
        hi = int(np.nanargmax(dens)) if dens.size else 0
        lo = int(np.nanargmin(dens)) if dens.size else 0
        idx = np.flatnonzero(has_need)
        d_index = dissimilarity(c, n)
        summaries.append(
            {
                "specialty": spec,
                "n_areas": len(area_ids),
                "capacity_today": today,
                "reference_total": ref,
                "reference": REFERENCE_PLANNED if planned else REFERENCE_TODAY,
                "population": float(total_pop.sum()),
                "weights": used[spec],
                "density_high_per_100k": float(dens[hi]) if dens.size else np.nan,
                "density_high_area": str(names[idx[hi]]) if dens.size else None,
                "density_low_per_100k": float(dens[lo]) if dens.size else np.nan,
                "density_low_area": str(names[idx[lo]]) if dens.size else None,
                "density_ratio": (
                    float(dens[hi] / dens[lo]) if dens.size and dens[lo] > 0 else np.nan
                ),
                "n_areas_without_capacity": int(((c <= 0) & has_need).sum()),
                "gini": gini(c, n),
                "dissimilarity_index": d_index,
                "capacities_to_move": d_index * today if np.isfinite(d_index) else 0.0,
                "total_surplus": float(np.clip(gap, 0, None).sum()),
                "total_deficit": float(np.clip(-gap, 0, None).sum()),
                "n_under_supplied": int((cls == CLASS_UNDER).sum()),
                "n_balanced": int((cls == CLASS_BALANCED).sum()),
                "n_over_supplied": int((cls == CLASS_OVER).sum()),
            }
        )
        moves.extend(_relocations(spec, gap, area_ids, names, dist, unit_label))
    if len(out_pop):
        out_table = cap_out.groupby(["area_id", "specialty"])["capacity"].sum()
        for spec, srow in zip(specs, summaries, strict=True):
            c = np.array([float(out_table.get((a, spec), 0.0)) for a in out_pop.index])
            with np.errstate(divide="ignore", invalid="ignore"):
                raw = np.where(
                    out_heads > 0, c / np.where(out_heads > 0, out_heads, 1) * _PER, np.nan
                )
            rows.append(
                pd.DataFrame(
                    {
                        "area_id": list(out_pop.index),
                        "area_name": out_pop["area_name"].astype(str).to_numpy(),
                        "specialty": spec,
                        "capacity": c,
                        "population": out_heads,
                        "need_weighted_population": np.nan,
                        "need_share": np.nan,
                        "fair_share": np.nan,
                        "gap": np.nan,
                        "ratio": np.nan,
                        "capacity_per_100k_need": np.nan,
                        "capacity_per_100k_pop": raw,
                        "class": CLASS_OUTSIDE,
                    }
                )
            )
            srow["capacity_outside_grouping"] = float(c.sum())
            srow["population_outside_grouping"] = float(out_heads.sum())
    for r in rows:
        r["outside_grouping"] = r["class"] == CLASS_OUTSIDE
    areas_tab = pd.concat(rows, ignore_index=True)
    summary = pd.DataFrame(summaries)
    summary["moved_in_plan"] = [
        sum(m["capacities"] for m in moves if m["specialty"] == s and m["kind"] == KIND_MOVE)
        for s in summary["specialty"]
    ]
    reloc = pd.DataFrame(
        moves,
        columns=[
            "specialty",
            "kind",
            "from_area_id",
            "from_area",
            "to_area_id",
            "to_area",
            "capacities",
            "distance_km",
            "capacity_km",
            "description",
        ],
    )
    for col in ("capacities", "distance_km", "capacity_km"):
        reloc[col] = reloc[col].astype(float)
    report = {
        "method": {
            "need_weighted_population": msg(
                "Σ persons × weight(age group, sex), scaled so that its total over the areas "
                "equals the total population (average need = 1)"
            ),
            "fair_share": msg("reference total × area's share of need-weighted population"),
            "gap": msg("capacity − fair share (positive = more than the need-based share)"),
            "class": msg(
                "ratio = capacity / fair share; under-supplied below {under:g}, "
                "over-supplied above {over:g}",
                under=under_ratio,
                over=over_ratio,
            ),
            "gini": msg("Lorenz curve of capacity share against need share, areas by density"),
            "dissimilarity_index": msg("½ Σ |capacity share − need share|"),
            "relocation": (
                msg(
                    "transport problem, scipy.optimize.linprog (HiGHS dual simplex), minimising "
                    "capacity × straight-line km between area centres"
                )
                if dist is not None
                else msg(
                    "transport problem, scipy.optimize.linprog (HiGHS); the areas had no "
                    "geometry, so every distance counts the same and distance_km is empty"
                )
            ),
        },
        "thresholds": {"under_ratio": under_ratio, "over_ratio": over_ratio},
        "weights_used": used,
        "reference_totals": {
            s: {
                "kind": REFERENCE_LABELS[r["reference"]],
                "total": r["reference_total"],
                "capacity_today": r["capacity_today"],
            }
            for s, r in zip(summary["specialty"], summaries, strict=True)
        },
        "areas": len(area_ids),
        "population_total": float(total_pop.sum()),
        "warnings": warnings,
    }
    return GapResult(areas=areas_tab, summary=summary, relocations=reloc, report=report)


def _relocations(
    spec: str,
    gap: np.ndarray,
    area_ids: list,
    names: np.ndarray,
    dist: np.ndarray | None,
    unit_label: str,
) -> list[dict]:
    """Rows of the relocation plan for one specialty (moves, then new / withdrawn)."""
    give = np.flatnonzero(gap > _EPS)
    take = np.flatnonzero(gap < -_EPS)
    surplus, deficit = gap[give], -gap[take]
    cost = dist[np.ix_(give, take)] if dist is not None else np.ones((give.size, take.size))
    flows, _cost = transport_plan(surplus, deficit, cost)
    out = []
    for a, i in enumerate(give):
        for b, j in enumerate(take):
            x = float(flows[a, b])
            if x <= _EPS:
                continue
            km = float(dist[i, j]) if dist is not None else np.nan
            out.append(
                {
                    "specialty": spec,
                    "kind": KIND_MOVE,
                    "from_area_id": str(area_ids[i]),
                    "from_area": str(names[i]),
                    "to_area_id": str(area_ids[j]),
                    "to_area": str(names[j]),
                    "capacities": x,
                    "distance_km": km,
                    "capacity_km": x * km,
                    "description": msg(
                        "move {n:g} {unit} in {specialty} from {source} to {target}",
                        n=_rounded(x),
                        unit=unit_label,
                        specialty=spec,
                        source=str(names[i]),
                        target=str(names[j]),
                    ),
                }
            )
    left_give = surplus - flows.sum(axis=1)
    left_take = deficit - flows.sum(axis=0)
    for a, i in enumerate(give):
        if left_give[a] > 1e-7:
            out.append(
                {
                    "specialty": spec,
                    "kind": KIND_WITHDRAW,
                    "from_area_id": str(area_ids[i]),
                    "from_area": str(names[i]),
                    "to_area_id": None,
                    "to_area": None,
                    "capacities": float(left_give[a]),
                    "distance_km": np.nan,
                    "capacity_km": np.nan,
                    "description": msg(
                        "withdraw {n:g} {unit} in {specialty} from {source} "
                        "(the planned total is below today's capacity)",
                        n=_rounded(left_give[a]),
                        unit=unit_label,
                        specialty=spec,
                        source=str(names[i]),
                    ),
                }
            )
    for b, j in enumerate(take):
        if left_take[b] > 1e-7:
            out.append(
                {
                    "specialty": spec,
                    "kind": KIND_NEW,
                    "from_area_id": None,
                    "from_area": None,
                    "to_area_id": str(area_ids[j]),
                    "to_area": str(names[j]),
                    "capacities": float(left_take[b]),
                    "distance_km": np.nan,
                    "capacity_km": np.nan,
                    "description": msg(
                        "add {n:g} new {unit} in {specialty} in {target} "
                        "(the planned total is above today's capacity)",
                        n=_rounded(left_take[b]),
                        unit=unit_label,
                        specialty=spec,
                        target=str(names[j]),
                    ),
                }
            )
    return out


# --------------------------------------------------------------------------- input helpers


def _head_count(frame: pd.DataFrame) -> np.ndarray:
    """Persons per row: the sum of the age/sex columns, else the ``population`` column."""
    from . import need

    columns = list(need.age_sex_columns(frame.columns))
    if columns:
        counts = frame[columns].apply(pd.to_numeric, errors="coerce").fillna(0)
        return counts.sum(axis=1).to_numpy(float)
    if "population" in frame.columns:
        return pd.to_numeric(frame["population"], errors="coerce").fillna(0).to_numpy(float)
    return np.zeros(len(frame))


def _check_some_capacity(
    cap: pd.DataFrame, specs: Sequence[str], reference_totals: Mapping[str, float]
) -> None:
    """A specialty whose capacity is 0 in every area and that has no planned total has nothing
    to compare with need (every gap would be 0): an error naming it and the fix."""
    totals = cap.groupby("specialty")["capacity"].sum()
    empty = [s for s in specs if float(totals.get(s, 0.0)) <= 0 and s not in reference_totals]
    if empty:
        raise SundplanError(
            "The capacity of {specialties} is 0 in every area, so there is nothing to compare "
            "with need. Check the capacity field (full-time ydernumre per practice: all 0 or "
            "empty?), leave those specialties out, or give a planned total for them "
            "(e.g. '{example}=60').",
            specialties=", ".join(f"'{s}'" for s in empty),
            example=empty[0],
        )


# --------------------------------------------------------------------------- one run
@dataclass(frozen=True)
class GapInputs:
    """Everything one specialist-gaps run needs; no QGIS types.

    Capacity comes from ``practices`` (points in the areas' CRS, ``specialty`` canonical,
    placed in the area polygons; practices outside every area are listed) or from
    ``capacity_table`` (rows area_id, specialty as given, capacity; ``capacity_source`` names it).
    """

    areas: AreaTable
    practices: Practices | None = None
    capacity_table: pd.DataFrame | None = None
    capacity_source: str = "capacity table"
    grouping: grouping_mod.Grouping | None = None
    weights: NeedWeights | None = None
    specialties: tuple[str, ...] = ()
    planned_totals: str = ""
    under_ratio: float = DEFAULT_UNDER_RATIO
    over_ratio: float = DEFAULT_OVER_RATIO
    reach: gap_reach.Reach | None = None


def _noop(fraction: float, message: str = "") -> None:
    return None


def _capacity_rows(inputs: GapInputs) -> tuple[pd.DataFrame, list[dict]]:
    """Capacity rows (area_id, specialty, capacity) at the level of the input areas and the
    practices outside every area."""
    from .catchments import assign_areas_by_point

    outside: list[dict] = []
    areas = inputs.areas
    if inputs.practices is not None:
        pr = inputs.practices
        where = assign_areas_by_point(pr.xy, areas.geometries)
        ids = areas.frame["area_id"].to_numpy()
        for i in np.flatnonzero(where < 0):
            outside.append(
                {
                    "feature_id": int(pr.ids[i]),
                    "specialty": pr.specialty[i],
                    "capacity": float(pr.capacity[i]),
                    "x": round(float(pr.xy[i, 0]), 1),
                    "y": round(float(pr.xy[i, 1]), 1),
                }
            )
        inside = where >= 0
        rows = pd.DataFrame(
            {
                "area_id": ids[where[inside]],
                "specialty": pr.specialty[inside],
                "capacity": pr.capacity[inside],
            }
        )
        return rows, outside
    table = inputs.capacity_table
    specs = specialties_mod.normalise_specialties(
        list(table["specialty"]), source_name=inputs.capacity_source
    )
    return table.assign(specialty=specs), outside


def run(inputs: GapInputs, *, progress: Callable[[float, str], None] | None = None) -> GapResult:
    """One specialist-gaps run: capacity rows, grouping into units (sums, merged polygons,
    centres), the gaps, the optional network part and the geometries of the outputs."""
    from shapely.geometry import LineString

    progress = progress or _noop
    areas = inputs.areas
    cap_rows, outside = _capacity_rows(inputs)
    only = (
        specialties_mod.normalise_specialties(list(inputs.specialties), source_name="specialties")
        if inputs.specialties
        else None
    )
    planned = specialties_mod.parse_planned_totals(inputs.planned_totals or "")
    if only:
        cap_rows = cap_rows[cap_rows["specialty"].isin(only)]

    # Grouping: population, capacity and geometry per unit
    base, geoms = areas.frame, areas.geometries
    centres = None
    if geoms is not None:
        centres = np.array([reference_mod.inside_point(g) for g in geoms])
    group = inputs.grouping
    mapping = group.mapping if group is not None and group.level != grouping_mod.NONE else None
    unit_of = None
    if mapping is not None:
        population = grouping_mod.group_areas(base, mapping, source_name=areas.source_name)
        units = grouping_mod.unit_of_areas(base["area_id"], mapping)
        unit_of = dict(zip(base["area_id"], units, strict=True))
        if inputs.practices is not None or set(cap_rows["area_id"]) <= set(base["area_id"]):
            cap_rows = cap_rows.assign(area_id=cap_rows["area_id"].map(unit_of))
        if geoms is not None:
            centres, geoms = grouping_mod.unit_geometry(
                base, geoms, centres, unit_of, list(population["area_id"])
            )
    else:
        population = base
    progress(0.3, msg("Need-weighted population, fair shares and gaps"))
    result = specialist_gaps(
        capacity=cap_rows,
        population=population,
        weights=inputs.weights,
        reference_totals=planned,
        centres_xy=centres,
        under_ratio=inputs.under_ratio,
        over_ratio=inputs.over_ratio,
        only_specialties=only,
    )
    report = result.report
    weights = inputs.weights
    report["weights"] = (
        {"label": label_of(weights), "rows": len(as_table(weights))}
        if weights is not None
        else {"label": NO_WEIGHTS_LABEL}
    )
    report["grouping"] = group.level if mapping is not None else "none"
    if outside:
        by_spec = pd.DataFrame(outside).groupby("specialty")["capacity"].agg(["count", "sum"])
        report["practices_outside_all_areas"] = {
            "count": len(outside),
            "capacity_by_specialty": {k: float(v) for k, v in by_spec["sum"].items()},
            "practices": outside[:50],
            "note": msg("not counted in any area nor in today's national capacity"),
        }
        result.outside_message = msg(
            "{n} practice(s) lie outside all areas and are not counted (feature ids "
            "{ids}). See the report.",
            n=len(outside),
            ids=", ".join(str(o["feature_id"]) for o in outside[:20]),
        )
    result.warnings.extend(report["warnings"])
    n_out = int(population.get("outside_grouping", pd.Series(dtype=bool)).sum())
    if n_out:
        outs = [a for a, u in unit_of.items() if u == CLASS_OUTSIDE]
        result.warnings.append(
            msg(
                "{n} area(s) are not in the grouping ({areas}): they form the row 'outside "
                "the grouping', shown without a fair share and left out of the comparison.",
                n=len(outs),
                areas=", ".join(map(str, outs[:10])),
            )
        )
        report["areas_outside_grouping"] = outs

    if inputs.reach is not None:
        access, info, section, warns = gap_reach.access_table(
            inputs.reach,
            specialty=inputs.practices.specialty,
            base_ids=list(base["area_id"]),
            gap_areas=result.areas,
            unit_of=unit_of,
            progress=progress,
        )
        result.warnings.extend(warns)
        result.access = access
        report["network_part"] = info
        if section is not None:
            report["coverage"] = section

    # Geometry of the outputs (areas or merged units; lines between centres)
    if geoms is not None:
        gmap = dict(zip(population["area_id"].astype(str), geoms, strict=True))
        result.areas = result.areas.assign(
            geometry=object_array([gmap.get(a) for a in result.areas["area_id"]])
        )
        result.crs = areas.crs
    if centres is not None:
        cmap = dict(zip(population["area_id"].astype(str), map(tuple, centres), strict=True))
        reloc = result.relocations
        result.relocations = reloc.assign(
            geometry=object_array(
                [
                    LineString([cmap[f], cmap[t]]) if f in cmap and t in cmap else None
                    for f, t in zip(reloc["from_area_id"], reloc["to_area_id"], strict=True)
                ]
            )
        )
    return result
