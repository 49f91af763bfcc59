"""The fordelingsmodel (``sundplan:capacity_allocation``): a total of capacities
(lægekapaciteter, or a specialty's ydernumre) distributed over units by need, against today's
capacities.

Definitions (per unit ``u`` of the chosen level; sums over all units of the country)
-----------------------------------------------------------------------------------
* need ``N_y[u]``: need-weighted residents in year ``y`` (:func:`projection.need_table`:
  Σ persons × weight(age group, sex)), for the base year ``b`` and the target year ``t``;
* total ``T``: the number given, or today's total Σ current capacity (default);
* need share ``s_y[u] = N_y[u] / Σ N_y``; quota ``q_y[u] = T × s_y[u]``;
* fair share: the quota, or with rounding the largest-remainder (Hamilton) apportionment of
  ``T`` whole units: every unit gets ``⌊q⌋`` and the ``T − Σ⌊q⌋`` units left go one each to
  the largest remainders ``q − ⌊q⌋``. Ties (remainders equal to 1e-9) go to the larger quota,
  then to the smaller area code (as text), so the result never depends on row order;
* change needed = fair share in the target year − current capacity (``change_needed_pct``: in %
  of the current capacity; the shipped style colours the units by it);
* per 10 000 residents: current and fair share now over the base year's residents, fair share
  in the target year over the target year's residents.

Totals are conserved exactly: the fair shares of each year sum to ``T`` (unrounded: the last
rounding error of the floating-point quotas is added to the largest one, so ``math.fsum`` of
the column is ``T``; rounded: integers summing to ``T``, which must then be a whole number).

Current capacity per unit comes from a table (unit code -> capacity; codes matched as the
level's codes, its names, or kommunekoder rolled up to the level; rows summed) or from
practices (points in the embedded geography's CRS, placed in the kommune polygons; those
outside every kommune are listed and not counted). A unit without capacity data has an empty
current capacity and change (never a silent 0) and is listed in a warning; without a TOTAL it
is an error, as today's total would miss it.

This module never imports qgis.
"""

from __future__ import annotations

import math
from collections.abc import Callable
from dataclasses import dataclass, field

import numpy as np
import pandas as pd

from . import need as need_mod
from . import projection, reference
from .errors import SundplanError, msg
from .practices import Practices

DEFAULT_LEVEL = projection.SUNDHEDSRAAD
"""The national plan's fordelingsmodel distributes on sundhedsråd level."""
LEVELS = projection.LEVELS
METHOD_SHARE, METHOD_LARGEST_REMAINDER = "need_share", "largest_remainder"
METHOD_LABELS = {
    METHOD_SHARE: msg("need share (not rounded)"),
    METHOD_LARGEST_REMAINDER: msg("need share, whole units by largest remainder"),
}
"""Codes of the ``method`` field and their labels (``method_label``)."""
TOTAL_GIVEN, TOTAL_TODAY = "given", "today"
TOTAL_LABELS = {TOTAL_GIVEN: msg("total given"), TOTAL_TODAY: msg("today's total capacity")}
PER_RESIDENTS = 10_000.0
CRS = reference.NATIONAL_CRS
"""CRS of the unit polygons and of the practices given (EPSG:25832)."""
_TIE_DECIMALS = 9


def largest_remainder(quotas: np.ndarray, codes: list[str], total: int) -> np.ndarray:
    """Whole numbers summing to ``total``: ``⌊q⌋`` plus one for the largest remainders (ties
    by larger quota, then smaller code)."""
    q = np.asarray(quotas, dtype=float)
    base = np.floor(q + 1e-12)  # 2.9999999999999996 is 3
    left = int(total - base.sum())
    if left < 0 or left > q.size:  # pragma: no cover - only with quotas not summing to total
        raise ValueError("quotas do not sum to the total")
    remainder = np.round(q - base, _TIE_DECIMALS)
    # lexsort: last key first; remainder and quota descending, code ascending
    rank = np.lexsort((np.asarray(codes, dtype=str), -q, -remainder))
    out = base.copy()
    out[rank[:left]] += 1.0
    return out


def exact_shares(shares: np.ndarray, total: float) -> np.ndarray:
    """``total × shares`` with the floating-point residue put on the largest value, so that
    ``math.fsum`` of the result is ``total``."""
    out = np.asarray(shares, dtype=float) * float(total)
    for _ in range(3):
        residue = float(total) - math.fsum(out)
        if residue == 0.0:
            break
        out[int(np.argmax(out))] += residue
    return out


@dataclass(frozen=True)
class AllocationInputs:
    """One capacity_allocation run; no QGIS types.

    ``population`` None = the embedded FOLK1A (one year: base = target). ``base_year`` None =
    the table's first year, ``target_year`` None = its last. ``total`` None = today's total.
    Current capacity from ``capacity_table`` (columns ``unit_code``, ``capacity``;
    ``capacity_source`` names it) or ``practices`` (points in
    :data:`reference.NATIONAL_CRS`)."""

    population: projection.PopulationTable | None = None
    weights: need_mod.NeedWeights | None = None
    level: str = DEFAULT_LEVEL
    base_year: int | None = None
    target_year: int | None = None
    total: float | None = None
    capacity_table: pd.DataFrame | None = None
    capacity_source: str = "capacity table"
    practices: Practices | None = None
    round_whole: bool = False
    unit_label: str = "lægekapaciteter"
    with_geometry: bool = False


@dataclass
class AllocationResult:
    """The table per unit (``geometry``: the units' polygons in :data:`CRS`, when asked),
    the run report, warnings (message templates)."""

    table: pd.DataFrame
    report: dict
    warnings: list = field(default_factory=list)
    notes: list = field(default_factory=list)


def _shown(items, n: int = 5) -> str:
    return projection._shown(items, n)


def unit_lookup(level: str) -> dict[str, str]:
    """Text a capacity row may name a unit by (its code, its name, lower case; a kommunekode
    of one of its kommuner) -> the unit's area code."""
    units = projection.unit_of_kommune(level)
    lookup: dict[str, str] = {}
    for kom, code, name in units.itertuples(index=False):
        lookup[str(kom)] = code
        lookup[str(name).strip().lower()] = code
    for _kom, code, _name in units.itertuples(index=False):  # own codes win over kommunekoder
        lookup[reference.normalise_code(code) if level == projection.KOMMUNE else str(code)] = code
    return lookup


def capacity_from_table(table: pd.DataFrame, *, level: str, source: str) -> pd.Series:
    """Current capacity per unit code (rows summed); unknown codes and bad numbers are errors
    naming the rows."""
    lookup = unit_lookup(level)
    keys = []
    for value in table["unit_code"]:
        text = "" if value is None or (isinstance(value, float) and value != value) else str(value)
        text = text.strip()
        if text.endswith(".0") and text[:-2].isdigit():
            text = text[:-2]
        keys.append(
            lookup.get(text)
            or lookup.get(reference.normalise_code(text))
            or lookup.get(text.lower())
        )
    unknown = sorted({str(v) for v, k in zip(table["unit_code"], keys, strict=True) if k is None})
    if unknown:
        raise SundplanError(
            "The capacity table '{source}' has unit codes that are not {level} codes, names or "
            "kommunekoder: {codes} ({n} in all). Use the codes of the level chosen (kommunekode; "
            "sundhedsraad_id 1-17; regionskode 1081-1085; region_2027_id 1-4), the units' "
            "names, or kommunekoder.",
            source=source,
            level=level,
            codes=_shown(unknown),
            n=len(unknown),
        )
    values = pd.to_numeric(
        table["capacity"].astype(str).str.strip().str.replace(",", ".", regex=False),
        errors="coerce",
    ).to_numpy(float)
    bad = np.flatnonzero(~np.isfinite(values) | (values < 0))
    if bad.size:
        raise SundplanError(
            "The capacity table '{source}' has capacities that are empty, not numbers or "
            "negative: {rows}. Give a number ≥ 0 for every row (or leave the row out).",
            source=source,
            rows=_shown(
                [f"{table['unit_code'].iloc[i]}: '{table['capacity'].iloc[i]}'" for i in bad]
            ),
        )
    return pd.Series(values).groupby(np.asarray(keys, dtype=object)).sum()


def capacity_from_practices(practices: Practices, *, level: str) -> tuple[pd.Series, list]:
    """Current capacity per unit code from practice points (summed per kommune polygon,
    rolled up) and the practices outside every kommune."""
    from .catchment_tables import assign_areas_by_point

    kommuner = reference.kommune_polygons()
    where = assign_areas_by_point(practices.xy, list(kommuner["geometry"]))
    outside = [
        {"feature_id": practices.ids[i], "capacity": float(practices.capacity[i])}
        for i in np.flatnonzero(where < 0)
    ]
    inside = where >= 0
    codes = kommuner["kommunekode"].to_numpy()[where[inside]]
    units = projection.unit_of_kommune(level).set_index("kommunekode")["area_code"]
    per_unit = pd.Series(practices.capacity[inside]).groupby(units.loc[codes].to_numpy()).sum()
    return per_unit, outside


_UNIT_LAYERS = {
    projection.SUNDHEDSRAAD: ("sundhedsraad", "sundhedsraad_id"),
    projection.REGION: ("regioner", "regionskode"),
    projection.REGION_2027: ("regioner_2027", "region_2027_id"),
}


def unit_polygons(level: str, codes: list[str]) -> list:
    """The embedded polygon of every unit code at ``level`` (metres, NATIONAL_CRS)."""
    if level == projection.KOMMUNE:
        layer, key = reference.kommune_polygons(), "kommunekode"
    else:
        name, key = _UNIT_LAYERS[level]
        layer = reference.national_layer(name)
    lookup = dict(zip(layer[key].astype(str), layer["geometry"], strict=True))
    return [lookup.get(c) for c in codes]


def _noop(fraction: float, message: str = "") -> None:
    return None


def run(
    inputs: AllocationInputs, *, progress: Callable[[float, str], None] | None = None
) -> AllocationResult:
    """Fair shares now and in the target year against today's capacities, per unit."""
    progress = progress or _noop
    if inputs.level not in projection.LEVEL_LABELS:
        raise SundplanError(
            "Unknown level '{level}'. Use {levels}.",
            level=inputs.level,
            levels=", ".join(k for k, _ in LEVELS),
        )
    if inputs.total is not None and not (math.isfinite(inputs.total) and inputs.total > 0):
        raise SundplanError(
            "The total to distribute must be a number > 0 (got {total}). Leave it empty to "
            "distribute today's total capacity.",
            total=inputs.total,
        )
    progress(0.05, msg("Reading the population table"))
    population = inputs.population or projection.embedded_population()
    years = population.years
    base = years[0] if inputs.base_year is None else int(inputs.base_year)
    target = years[-1] if inputs.target_year is None else int(inputs.target_year)
    for what, year in ((msg("target year"), target), (msg("base year"), base)):
        if year not in years:
            raise SundplanError(
                "The {what} {year} is not in the population table '{source}'; its years are "
                "{years}. Choose one of them, or give a projection table with that year.",
                what=what,
                year=year,
                source=population.source,
                years=_shown(years, 12),
            )
    progress(0.2, msg("Need-weighted residents per unit"))
    tab = projection.need_table(
        population,
        weights=inputs.weights,
        levels=[inputs.level],
        years=sorted({base, target}),
        base_year=base,
    )
    now = tab[tab["year"] == base].set_index("area_code")
    later = tab[tab["year"] == target].set_index("area_code")
    codes = list(now.index)

    warnings: list = []
    outside: list = []
    if inputs.practices is not None:
        current, outside = capacity_from_practices(inputs.practices, level=inputs.level)
        source = inputs.practices.source_name
        if outside:
            warnings.append(
                msg(
                    "{n} practice(s) lie outside every kommune and are not counted (feature "
                    "ids {ids}).",
                    n=len(outside),
                    ids=_shown([o["feature_id"] for o in outside], 20),
                )
            )
    elif inputs.capacity_table is not None:
        current = capacity_from_table(
            inputs.capacity_table, level=inputs.level, source=inputs.capacity_source
        )
        source = inputs.capacity_source
    else:
        raise SundplanError(
            "Give today's capacities: a table of capacity per unit, or the practices as points."
        )
    cap = np.array([float(current[c]) if c in current.index else np.nan for c in codes])
    no_data = [c for c, v in zip(codes, cap, strict=True) if not np.isfinite(v)]
    names = dict(zip(now.index, now["area_name"], strict=True))
    no_data_named = [f"{c} {names[c]}" for c in no_data]
    if inputs.total is None:
        if no_data:
            raise SundplanError(
                "{n} unit(s) have no capacity data in '{source}': {units}. Today's total would "
                "miss them: give their capacity (0 if they have none), or give the TOTAL to "
                "distribute.",
                n=len(no_data),
                source=source,
                units=_shown(no_data_named),
            )
        total, total_kind = float(np.nansum(cap)), TOTAL_TODAY
        if total <= 0:
            raise SundplanError(
                "Today's total capacity in '{source}' is 0, so there is nothing to distribute. "
                "Give the TOTAL to distribute.",
                source=source,
            )
    else:
        total, total_kind = float(inputs.total), TOTAL_GIVEN
        if no_data:
            warnings.append(
                msg(
                    "{n} unit(s) have no capacity data: {units}. Their current capacity and "
                    "change needed are left empty.",
                    n=len(no_data),
                    units=_shown(no_data_named, 20),
                )
            )
    if inputs.round_whole and abs(total - round(total)) > 1e-9:
        raise SundplanError(
            "Rounding to whole units needs a whole total; the total is {total:g}. Give a whole "
            "TOTAL, or switch rounding off.",
            total=total,
        )

    progress(0.6, msg("Fair shares"))
    need_now = now["need_weighted"].to_numpy(float)
    need_later = later.loc[codes, "need_weighted"].to_numpy(float)
    for year, values in ((base, need_now), (target, need_later)):
        if not values.sum() > 0:
            raise SundplanError(
                "The population table '{source}' has no residents with need in {year}, so "
                "there is no share to distribute by.",
                source=population.source,
                year=year,
            )
    share_now, share_later = need_now / need_now.sum(), need_later / need_later.sum()
    quota_now, quota_later = exact_shares(share_now, total), exact_shares(share_later, total)
    if inputs.round_whole:
        whole = int(round(total))
        fair_now = largest_remainder(quota_now, codes, whole)
        fair_later = largest_remainder(quota_later, codes, whole)
        method = METHOD_LARGEST_REMAINDER
    else:
        fair_now, fair_later, method = quota_now, quota_later, METHOD_SHARE
    res_now = now["residents"].to_numpy(float)
    res_later = later.loc[codes, "residents"].to_numpy(float)
    per_now = np.divide(PER_RESIDENTS, res_now, out=np.full(len(codes), np.nan), where=res_now > 0)
    per_later = np.divide(
        PER_RESIDENTS, res_later, out=np.full(len(codes), np.nan), where=res_later > 0
    )
    out = pd.DataFrame(
        {
            "level": inputs.level,
            "area_code": codes,
            "area_name": [names[c] for c in codes],
            "base_year": base,
            "target_year": target,
            "residents_base": res_now,
            "residents_target": res_later,
            "residents_75_plus_target": later.loc[codes, "residents_75_plus"].to_numpy(float),
            "need_weighted_base": need_now,
            "need_weighted_target": need_later,
            "need_share_base": share_now,
            "need_share_target": share_later,
            "capacity_current": cap,
            "has_capacity_data": np.isfinite(cap),
            "quota_base": quota_now,
            "quota_target": quota_later,
            "fair_share_base": fair_now,
            "fair_share_target": fair_later,
            "change_needed": fair_later - cap,
            "change_needed_pct": np.divide(
                (fair_later - cap) * 100.0, cap, out=np.full(len(codes), np.nan), where=cap > 0
            ),
            "capacity_current_per_10000": cap * per_now,
            "fair_share_base_per_10000": fair_now * per_now,
            "fair_share_target_per_10000": fair_later * per_later,
            "total": total,
            "method": method,
            "weights": need_mod.weights_label(inputs.weights),
        }
    )
    if inputs.with_geometry:
        from .areas import object_array

        out["geometry"] = object_array(unit_polygons(inputs.level, codes))
    moves = out["change_needed"].to_numpy(float)
    report = {
        "method": {
            "fair_share": msg(
                "total × the unit's share of the need-weighted residents of the country"
            ),
            "rounding": msg(
                "largest remainder: whole parts first, the units left to the largest "
                "remainders; ties to the larger quota, then the smaller area code"
            )
            if inputs.round_whole
            else msg("none: fair shares are not rounded"),
            "change_needed": msg("fair share in the target year − current capacity"),
        },
        "level": inputs.level,
        "base_year": base,
        "target_year": target,
        "total": {
            "kind": TOTAL_LABELS[total_kind],
            "value": total,
            "capacity_today": float(np.nansum(cap)),
            "sum_fair_share_base": float(math.fsum(fair_now)),
            "sum_fair_share_target": float(math.fsum(fair_later)),
        },
        "unit": inputs.unit_label,
        "capacity_source": source,
        "population_table": str(population.source),
        "weights": need_mod.weights_record(inputs.weights),
        "units": len(codes),
        "units_without_capacity_data": no_data_named,
        "capacity_to_add": float(np.nansum(np.clip(moves, 0, None))),
        "capacity_to_remove": float(-np.nansum(np.clip(moves, None, 0))),
        "warnings": warnings,
    }
    if outside:
        report["practices_outside_all_areas"] = {"count": len(outside), "practices": outside[:50]}
    progress(1.0, "")
    return AllocationResult(
        table=out, report=report, warnings=warnings, notes=list(population.notes)
    )
