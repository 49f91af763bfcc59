"""GP density per area ("lægedækning"): GPs per inhabitant per kommune, rolled up to regions,
sundhedsråd and sundhedsfællesskaber, with need weighting and a national summary.

Definitions (per area or grouping unit):

* ``gp_capacity``: sum of the practices' capacity (number of GPs / lægekapaciteter / ydernumre;
  1 per practice when no capacity field is given) of the practices inside the area;
* ``inhabitants_per_gp = population / gp_capacity`` and ``gps_per_10000 = 10 000 × capacity /
  population``; the ``need_`` versions use the need-weighted population instead;
* ``shortage``: ``need_inhabitants_per_gp`` above the threshold (default 1 600 residents per
  lægekapacitet, the capacity norm of almen praksis in Danmarks Statistik's documentation of
  LABY27 "borgere pr. lægekapacitet"), or an area with residents and no GP at all. With no
  need weights, need-weighted population = population;
* ``rank_shortage``: 1 = fewest need-adjusted GPs per 10 000 residents (worst covered); ties
  share the lowest rank (1, 2, 2, 4);
* Gini coefficient of GP capacity against need over the units (0 = capacity exactly
  proportional to need; 1 = all capacity in one unit): ``G = 1 − Σ (X_k − X_{k−1})(Y_k +
  Y_{k−1})`` with units sorted by capacity per need, ``X`` the cumulative need share and ``Y``
  the cumulative capacity share (the Lorenz curve, also output).

Areas outside the grouping (ids not in the grouping table, e.g. Christiansø 0411, which belongs
to no region) form the row "outside the grouping" of every roll-up (``outside_grouping`` =
true; in the area table they keep their own rows, flagged the same way): they count in the
totals but not in ``rank_shortage``, the Gini coefficient, best/worst unit nor the shortage
counts, and never stop a run (:func:`sundplan_qgis.reference.units_of`).

Practices outside every area are counted in an extra row "(outside all areas)" and listed,
never dropped. Areas with zero population get empty (NULL) ratios and are reported; no
division by zero.
"""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from dataclasses import dataclass, field
from typing import Any

import numpy as np
import pandas as pd

from . import grouping as grouping_mod
from . import inequality, reference
from . import need as need_mod
from .areas import OUTSIDE_AREAS, AreaTable, object_array
from .errors import SundplanError, listing, msg
from .practices import Practices, to_float

DEFAULT_SHORTAGE_THRESHOLD = 1600.0
"""Residents per lægekapacitet (DST LABY27 documentation: 1 lægekapacitet ≈ 1 600 patients)."""
SHORTAGE_SOURCE = msg(
    "1 600 residents per lægekapacitet: Danmarks Statistik, documentation of table LABY27 "
    "'Lægedækning' (borgere pr. lægekapacitet); the legacy closing limit of almen praksis"
)
PER = 10_000.0
DEFAULT_LEVELS = ("region", "region_2027", "sundhedsraad", "sundhedsfaellesskab")
OUTSIDE = OUTSIDE_AREAS
OUTSIDE_GROUPING = reference.OUTSIDE_GROUPING
ALL_AREAS = msg("all areas")
"""``area_name`` of the national row of the roll-ups (its ``area_id`` is ``all``)."""
ORIGIN = msg("(origin)")
"""``unit`` of the first point of every Lorenz curve (0, 0)."""
LEVEL_LABELS = {
    "area": msg("area"),
    "national": msg("the whole country"),
    "region": msg("region"),
    "region_2027": msg("region from 2027"),
    "sundhedsraad": msg("sundhedsråd"),
    "sundhedsfaellesskab": msg("sundhedsfællesskab"),
}
"""Labels of the ``level`` codes (the field ``level_label``; a grouping table's own levels
are shown as they are)."""


def validate_capacity(
    values: Sequence, *, names: Sequence[str], ids: Sequence, source_name: str, field_name: str
) -> np.ndarray:
    """Capacities as floats; NULL, zero or negative values are an error naming the features."""
    cap = np.array([np.nan if v is None else to_float(v) for v in values], dtype="float64").reshape(
        -1
    )
    bad = np.flatnonzero(~np.isfinite(cap) | (cap <= 0))
    if bad.size:
        practices = listing(
            msg(
                "'{name}' (feature {fid}: {value})",
                name=names[i],
                fid=ids[i],
                value="NULL" if not np.isfinite(cap[i]) else f"{cap[i]:g}",
            )
            for i in bad[:5]
        )
        raise SundplanError(
            "{count} practice(s) of '{layer}' have a NULL, zero or negative capacity "
            "in '{field}': {practices}. Each practice needs a capacity > 0 (number of GPs or "
            "lægekapaciteter); fix the values or filter those practices out.",
            count=bad.size,
            layer=source_name,
            field=field_name,
            practices=practices,
        )
    return cap


def open_flags(values: Sequence) -> np.ndarray:
    """'Open for new patients' values -> 1.0 open, 0.0 closed, NaN unknown.

    Accepts booleans, 1/0, and text yes/ja/true/åben/open vs no/nej/false/lukket/closed.
    """
    out = np.full(len(values), np.nan)
    for i, v in enumerate(values):
        if v is None:
            continue
        if isinstance(v, bool | np.bool_):
            out[i] = float(v)
            continue
        if isinstance(v, int | float | np.integer | np.floating):
            if np.isfinite(v):
                out[i] = 1.0 if v != 0 else 0.0
            continue
        t = str(v).strip().lower()
        if t in ("1", "yes", "y", "ja", "j", "true", "t", "open", "åben", "aaben", "åbent"):
            out[i] = 1.0
        elif t in ("0", "no", "n", "nej", "false", "f", "closed", "lukket"):
            out[i] = 0.0
    return out


def check_unique_ids(ids: Sequence, *, source_name: str, field_name: str | None) -> None:
    """Duplicate area ids are an error naming them."""
    seen, dupes = set(), []
    for i in ids:
        key = str(i)
        if key in seen and key not in dupes:
            dupes.append(key)
        seen.add(key)
    if dupes:
        raise SundplanError(
            "The area layer '{layer}' has duplicate ids in '{field}': "
            "{ids}. Each area needs a unique id (dissolve multi-part areas "
            "first).",
            layer=source_name,
            field=field_name or msg("feature id"),
            ids=", ".join(dupes[:5]),
        )


def _metrics(
    df: pd.DataFrame, threshold: float, *, compare: np.ndarray | None = None
) -> pd.DataFrame:
    """Ratios from the summed columns (population, need_population, gp_capacity, ...).

    ``rank_shortage`` ranks the rows where ``compare`` is True (default: all); the others
    (outside the grouping) get no rank."""
    pop = df["population"].to_numpy(dtype="float64")
    need = df["need_population"].to_numpy(dtype="float64")
    cap = df["gp_capacity"].to_numpy(dtype="float64")
    with np.errstate(divide="ignore", invalid="ignore"):
        df["need_factor"] = np.where(pop > 0, need / pop, np.nan)
        df["inhabitants_per_gp"] = np.where((cap > 0) & (pop > 0), pop / cap, np.nan)
        df["gps_per_10000"] = np.where(pop > 0, PER * cap / pop, np.nan)
        df["need_inhabitants_per_gp"] = np.where((cap > 0) & (need > 0), need / cap, np.nan)
        df["need_gps_per_10000"] = np.where(need > 0, PER * cap / need, np.nan)
        closed = df["capacity_closed"].to_numpy(dtype="float64")
        known = df["capacity_open_known"].to_numpy(dtype="float64")
        df["share_capacity_closed"] = np.where(known > 0, closed / known, np.nan)
        ls = df["list_size_total"].to_numpy(dtype="float64")
        lcap = df["capacity_with_list_size"].to_numpy(dtype="float64")
        df["list_size_per_gp"] = np.where(lcap > 0, ls / lcap, np.nan)
    shortage = (df["need_inhabitants_per_gp"] > threshold) | ((cap <= 0) & (need > 0))
    df["shortage"] = shortage.astype(bool)
    value = df["need_gps_per_10000"].to_numpy(dtype="float64")
    if compare is not None:
        value = np.where(np.asarray(compare, dtype=bool), value, np.nan)
    rank = pd.Series(value).rank(method="min", ascending=True, na_option="keep")
    df["rank_shortage"] = rank.astype("float64").to_numpy()
    return df


def gini_lorenz(
    capacity: np.ndarray, need: np.ndarray, names: Sequence[str]
) -> tuple[float, pd.DataFrame]:
    """Gini coefficient of ``capacity`` against ``need`` and the Lorenz curve points
    (``sundplan_qgis.inequality``: the same measure as the specialist gaps). Units with
    neither need nor capacity are left out; capacity where there is no need counts as
    concentration. Returns (gini, frame with order, unit, need_share, capacity_share,
    cum_need_share, cum_capacity_share), starting at the point (0, 0).
    """
    capacity = np.asarray(capacity, dtype="float64")
    need = np.asarray(need, dtype="float64")
    keep = np.flatnonzero((need > 0) | (capacity > 0))
    columns = [
        "order",
        "unit",
        "need_share",
        "capacity_share",
        "cum_need_share",
        "cum_capacity_share",
    ]
    if keep.size == 0 or capacity[keep].sum() <= 0 or need[keep].sum() <= 0:
        return float("nan"), pd.DataFrame(columns=columns)
    c, n = capacity[keep], need[keep]
    order, xs, ys = inequality.lorenz_curve(c, n)
    frame = pd.DataFrame(
        {
            "order": np.arange(keep.size + 1, dtype=np.int64),
            "unit": [ORIGIN, *[str(names[k]) for k in keep[order]]],
            "need_share": np.concatenate([[0.0], n[order] / n.sum()]),
            "capacity_share": np.concatenate([[0.0], c[order] / c.sum()]),
            "cum_need_share": xs,
            "cum_capacity_share": ys,
        }
    )
    return inequality.gini(c, n), frame


@dataclass
class DensityResult:
    """Tables of one density run."""

    areas: pd.DataFrame  # one row per area (+ the outside row when practices lie outside)
    groups: pd.DataFrame  # long format: level, unit + the same measures
    summary: pd.DataFrame  # one row per level (area, each grouping level, national)
    lorenz: pd.DataFrame  # level, order, unit, shares
    outside: pd.DataFrame  # practices outside every area
    practice_area: np.ndarray  # (P,) area index, -1 outside
    report: dict = field(default_factory=dict)
    # set by run(): messages for the log (templates; translated by the Processing layer)
    warnings: list = field(default_factory=list)
    notes: list = field(default_factory=list)
    crs: Any = None  # the areas' CRS as the reader gave it


_SUMS = (
    "population",
    "need_population",
    "gp_capacity",
    "n_practices",
    "practices_closed",
    "capacity_closed",
    "capacity_open_known",
    "list_size_total",
    "capacity_with_list_size",
)


def _practice_sums(practices: Practices, idx: np.ndarray, n_areas: int) -> dict[str, np.ndarray]:
    g = np.where(idx >= 0, idx, n_areas)
    n_g = n_areas + 1
    cap = practices.capacity
    out = {
        "gp_capacity": np.bincount(g, weights=cap, minlength=n_g),
        "n_practices": np.bincount(g, minlength=n_g).astype("int64"),
    }
    op = practices.open_for_patients
    if op is None:
        op = np.full(cap.size, np.nan)
    closed = op == 0
    known = np.isfinite(op)
    out["practices_closed"] = np.bincount(g[closed], minlength=n_g).astype("int64")
    out["capacity_closed"] = np.bincount(g[closed], weights=cap[closed], minlength=n_g)
    out["capacity_open_known"] = np.bincount(g[known], weights=cap[known], minlength=n_g)
    ls = practices.list_size
    if ls is None:
        ls = np.full(cap.size, np.nan)
    has = np.isfinite(ls)
    out["list_size_total"] = np.bincount(g[has], weights=ls[has], minlength=n_g)
    out["capacity_with_list_size"] = np.bincount(g[has], weights=cap[has], minlength=n_g)
    return out


def run_density(
    *,
    practices: Practices,
    area_ids: Sequence,
    area_names: Sequence[str],
    area_geometries: Sequence | None = None,
    practice_area: np.ndarray | None = None,
    population: np.ndarray | None = None,
    age_table: pd.DataFrame | None = None,
    weights: need_mod.NeedWeights | None = None,
    grouping: pd.DataFrame | None = None,
    grouping_key: str = "kommunekode",
    grouping_levels: Sequence[str] | None = None,
    shortage_threshold: float = DEFAULT_SHORTAGE_THRESHOLD,
    area_source: str = "areas",
) -> DensityResult:
    """GP density per area and per grouping unit, with the national summary.

    Population per area comes from ``population`` (head count; e.g. a field or aggregated from a
    raster) or, when that is None, from the sum of the age/sex columns of ``age_table`` (one
    row per area, same order). With ``weights`` the age/sex columns give each area's need
    factor (need-weighted ÷ head count of the columns) and need-weighted population =
    population × factor. Practices are placed in areas by ``practice_area`` or point-in-polygon
    on ``area_geometries`` (same CRS as ``practices.xy``).
    """
    from .catchments import assign_areas_by_point

    ids = [reference.normalise_code(i) for i in area_ids]
    names = [str(n) for n in area_names]
    n_a = len(ids)
    if n_a == 0:
        raise SundplanError("The area layer '{layer}' has no areas.", layer=area_source)
    check_unique_ids(ids, source_name=area_source, field_name=None)
    if not np.isfinite(shortage_threshold) or shortage_threshold <= 0:
        raise SundplanError(
            "The shortage threshold must be a positive number of residents per GP (got "
            "{threshold}).",
            threshold=shortage_threshold,
        )
    report: dict = {"warnings": []}
    cols = need_mod.age_sex_columns(age_table.columns) if age_table is not None else {}
    if population is None:
        if not cols:
            raise SundplanError(
                "No population for the areas of '{layer}': choose a population field, "
                "age/sex columns (m_0_4 … k_85_plus) or a population raster/layer.",
                layer=area_source,
            )
        population = need_mod.age_sex_total(age_table, cols).to_numpy(dtype="float64")
        report["population_source"] = msg("sum of the age/sex columns")
    pop = np.asarray(population, dtype="float64").reshape(-1)
    if pop.size != n_a:
        raise ValueError("population must have one value per area")
    bad = np.flatnonzero(~np.isfinite(pop) | (pop < 0))
    if bad.size:
        raise SundplanError(
            "The population of {count} area(s) of '{layer}' is NULL or negative: "
            "{areas}. Fill in the population (0 if nobody lives there).",
            count=bad.size,
            layer=area_source,
            areas=", ".join(f"'{names[i]}' ({ids[i]})" for i in bad[:5]),
        )
    if weights is not None:
        if not cols:
            raise SundplanError(
                "Need weighting needs population by age (and sex) per area, but the area layer "
                "'{layer}' has no age/sex columns (expected m_0_4, k_0_4, …, k_85_plus). "
                "Add them or switch need weighting off.",
                layer=area_source,
            )
        need_cols = need_mod.need_weighted_population(
            age_table,
            weights=weights,
            columns=cols,
            row_names=[f"'{n}' ({i})" for n, i in zip(names, ids, strict=True)],
        ).to_numpy(dtype="float64")
        heads = need_mod.age_sex_total(age_table, cols).to_numpy(dtype="float64")
        with np.errstate(divide="ignore", invalid="ignore"):
            factor = np.where(heads > 0, need_cols / heads, np.nan)
        no_ages = np.flatnonzero((pop > 0) & ~np.isfinite(factor))
        if no_ages.size:
            raise SundplanError(
                "{count} area(s) of '{layer}' have residents but no one in the "
                "age/sex columns, so no need factor: {areas}",
                count=no_ages.size,
                layer=area_source,
                areas=", ".join(f"'{names[i]}' ({ids[i]})" for i in no_ages[:5]),
            )
        need_pop = np.where(pop > 0, pop * np.nan_to_num(factor, nan=1.0), 0.0)
        diff = np.flatnonzero(np.abs(heads - pop) > 0.5 + 1e-6 * pop)
        if diff.size:
            report["warnings"].append(
                msg(
                    "{n} area(s): the age/sex columns sum to a different head count than "
                    "the population used; their age structure was applied as a need factor. "
                    "First: {areas}",
                    n=int(diff.size),
                    areas=listing(
                        msg(
                            "'{name}' {heads:.0f} vs {pop:.0f}",
                            name=names[i],
                            heads=heads[i],
                            pop=pop[i],
                        )
                        for i in diff[:3]
                    ),
                )
            )
    else:
        need_pop = pop.copy()
    zero = np.flatnonzero(pop <= 0)
    if zero.size:
        report["warnings"].append(
            msg(
                "{n} area(s) with zero population (ratios left empty, no division by zero): "
                "{areas}",
                n=int(zero.size),
                areas=", ".join(f"'{names[i]}' ({ids[i]})" for i in zero[:10]),
            )
        )

    if practice_area is None:
        if area_geometries is None:
            raise ValueError("give practice_area or area_geometries")
        practice_area = assign_areas_by_point(np.asarray(practices.xy, float), area_geometries)
    practice_area = np.asarray(practice_area, dtype=np.int64)
    sums = _practice_sums(practices, practice_area, n_a)
    table = pd.DataFrame(
        {
            "area_id": [*ids, None],
            "area_name": [*names, OUTSIDE],
            "population": np.concatenate([pop, [0.0]]),
            "need_population": np.concatenate([need_pop, [0.0]]),
            **sums,
        }
    )
    # ---- grouping: which areas are outside it (one rule: reference.units_of) --------------
    levels = (
        []
        if grouping is None
        else list(grouping_levels or [c for c in DEFAULT_LEVELS if c in grouping.columns])
    )
    units: dict[str, list] = {}
    outside_grouping = np.zeros(n_a, dtype=bool)
    if levels:
        units, outside_grouping, grouping_warnings = grouping_mod.units_by_level(
            ids, grouping, key=grouping_key, levels=levels
        )
        report["warnings"].extend(grouping_warnings)
    table = _metrics(table.iloc[:n_a].copy(), shortage_threshold, compare=~outside_grouping)
    table["outside_grouping"] = outside_grouping
    outside_row = None
    n_out = int(sums["n_practices"][n_a])
    if n_out:
        outside_row = {
            "area_id": None,
            "area_name": OUTSIDE,
            **{k: v[n_a] for k, v in sums.items()},
            "population": 0.0,
            "need_population": 0.0,
        }
    wlabel = need_mod.weights_label(weights)
    table["weights"] = wlabel

    # ---- roll-up --------------------------------------------------------------------------
    group_frames = []
    lorenz_frames = []
    summary_rows = []
    base = table[["area_id", "area_name", *_SUMS]].copy()

    def summarise(level: str, frame: pd.DataFrame) -> None:
        """One summary row; units outside the grouping count in the totals only."""
        frame = frame.reset_index(drop=True)
        inside = ~frame["outside_grouping"].to_numpy(dtype=bool)
        comp = frame[inside].reset_index(drop=True)
        units_ = comp["area_name"].astype(str).tolist()
        gini, lor = gini_lorenz(
            comp["gp_capacity"].to_numpy(), comp["need_population"].to_numpy(), units_
        )
        lor.insert(0, "level", level)
        lorenz_frames.append(lor)
        val = comp["need_gps_per_10000"].to_numpy(dtype="float64")
        ok = np.isfinite(val)
        best = worst = None
        if ok.any():
            best = int(np.nanargmax(np.where(ok, val, -np.inf)))
            worst = int(np.nanargmin(np.where(ok, val, np.inf)))
        tot_pop = float(frame["population"].sum())
        tot_need = float(frame["need_population"].sum())
        tot_cap = float(frame["gp_capacity"].sum())
        out_frame = frame[~inside]
        summary_rows.append(
            {
                "level": level,
                "n_units": int(len(comp)),
                "population": tot_pop,
                "need_population": tot_need,
                "gp_capacity": tot_cap,
                "inhabitants_per_gp": tot_pop / tot_cap if tot_cap > 0 else np.nan,
                "gps_per_10000": PER * tot_cap / tot_pop if tot_pop > 0 else np.nan,
                "need_gps_per_10000": PER * tot_cap / tot_need if tot_need > 0 else np.nan,
                "best_unit": units_[best] if best is not None else None,
                "best_need_gps_per_10000": val[best] if best is not None else np.nan,
                "worst_unit": units_[worst] if worst is not None else None,
                "worst_need_gps_per_10000": val[worst] if worst is not None else np.nan,
                "spread_ratio_best_worst": (
                    val[best] / val[worst] if best is not None and val[worst] > 0 else np.nan
                ),
                "spread_difference": val[best] - val[worst] if best is not None else np.nan,
                "gini_capacity_vs_need": gini,
                "n_shortage": int(comp["shortage"].sum()),
                "population_in_shortage": float(comp.loc[comp["shortage"], "population"].sum()),
                "shortage_threshold": shortage_threshold,
                "areas_outside_grouping": int(outside_grouping.sum()),
                "population_outside_grouping": float(out_frame["population"].sum()),
                "capacity_outside_grouping": float(out_frame["gp_capacity"].sum()),
                "capacity_outside_areas": float(sums["gp_capacity"][n_a]),
                "practices_outside_areas": n_out,
                "weights": wlabel,
            }
        )

    summarise("area", table)
    for lv in levels:
        unit = pd.Series(units[lv], dtype=object)
        out_lv = unit.isna().to_numpy()
        frame = base[~out_lv].assign(unit=unit[~out_lv].to_numpy())
        frame = frame.groupby("unit", sort=True)[list(_SUMS)].sum()
        frame = frame.reset_index().rename(columns={"unit": "area_name"})
        frame.insert(0, "area_id", frame["area_name"])
        frame = _metrics(frame, shortage_threshold)
        frame["n_areas"] = unit[~out_lv].value_counts().reindex(frame["area_name"]).to_numpy()
        frame["outside_grouping"] = False
        if out_lv.any():
            extra = base[out_lv][list(_SUMS)].sum().to_frame().T
            extra.insert(0, "area_name", OUTSIDE_GROUPING)
            extra.insert(0, "area_id", None)
            extra = _metrics(extra, shortage_threshold, compare=np.zeros(1, dtype=bool))
            extra["n_areas"] = int(out_lv.sum())
            extra["outside_grouping"] = True
            frame = pd.concat([frame, extra[frame.columns]], ignore_index=True)
        frame.insert(0, "level", lv)
        group_frames.append(frame)
        summarise(lv, frame)
    national = base.sum(numeric_only=True).to_frame().T
    national.insert(0, "area_id", "all")
    national.insert(1, "area_name", ALL_AREAS)
    national = _metrics(national, shortage_threshold)
    national["n_areas"] = n_a
    national["outside_grouping"] = False
    national.insert(0, "level", "national")
    group_frames.append(national)
    groups = pd.concat(group_frames, ignore_index=True)
    groups["weights"] = wlabel

    if outside_row is not None:
        out_df = pd.DataFrame([outside_row])
        out_df = _metrics(out_df, shortage_threshold)
        out_df["shortage"] = False
        out_df["rank_shortage"] = np.nan
        out_df["outside_grouping"] = False
        out_df["weights"] = wlabel
        table = pd.concat([table, out_df[table.columns]], ignore_index=True)
    outside_idx = np.flatnonzero(practice_area < 0)
    outside = pd.DataFrame(
        {
            "practice": [practices.names[i] for i in outside_idx],
            "feature_id": [practices.ids[i] for i in outside_idx],
            "capacity": practices.capacity[outside_idx],
            "x": practices.xy[outside_idx, 0] if outside_idx.size else np.zeros(0),
            "y": practices.xy[outside_idx, 1] if outside_idx.size else np.zeros(0),
        }
    )
    if n_out:
        report["warnings"].append(
            msg(
                "{n} practice(s) with capacity {capacity:g} lie outside every area (counted in "
                "the row '{outside}'): {practices}",
                n=int(n_out),
                capacity=float(sums["gp_capacity"][n_a]),
                outside=OUTSIDE,
                practices=", ".join(f"'{p}'" for p in outside["practice"].head(10)),
            )
        )
    summary = pd.DataFrame(summary_rows)
    lorenz = pd.concat(lorenz_frames, ignore_index=True) if lorenz_frames else pd.DataFrame()
    report.update(
        {
            "areas": n_a,
            "practices": int(practices.capacity.size),
            "practices_outside_areas": n_out,
            "capacity_total": float(practices.capacity.sum()),
            "capacity_outside_areas": float(sums["gp_capacity"][n_a]),
            "population_total": float(pop.sum()),
            "need_population_total": float(need_pop.sum()),
            "shortage_threshold": shortage_threshold,
            "shortage_threshold_source": SHORTAGE_SOURCE,
            "shortage_rule": msg(
                "need-weighted residents per GP > threshold, or residents and no GP"
            ),
            "rank_rule": msg(
                "rank_shortage 1 = fewest need-adjusted GPs per 10 000 residents; "
                "ties share the lowest rank (1, 2, 2, 4)"
            ),
            "grouping_levels": levels,
            "weights": need_mod.weights_record(weights),
            "summary": summary.replace({np.nan: None}).to_dict(orient="records"),
        }
    )
    return DensityResult(table, groups, summary, lorenz, outside, practice_area, report)


# --------------------------------------------------------------------------- one run
@dataclass(frozen=True)
class DensityInputs:
    """Everything one GP-density run needs; no QGIS types.

    ``areas.frame``: ``area_id`` (as read), ``area_name``, the ``population_field`` and the
    age/sex columns; population from ``population_field``, else ``population_raster`` (a
    path, summed per area by cell centre), else the age/sex columns."""

    practices: Practices
    areas: AreaTable
    practice_info: Mapping = field(default_factory=dict)
    population_field: str | None = None
    population_raster: str | None = None
    population_raster_name: str = ""
    weights: need_mod.NeedWeights | None = None
    grouping: grouping_mod.Grouping | None = None
    shortage_threshold: float = DEFAULT_SHORTAGE_THRESHOLD


def run(inputs: DensityInputs, *, progress=None) -> DensityResult:
    """One GP-density run: population per area, the grouping, :func:`run_density`, and the
    outputs' geometry; ``result.warnings``/``result.notes`` are templates for the log."""
    from . import rasters
    from .catchments import assign_areas_by_point

    progress = progress or (lambda fraction, message="": None)
    areas = inputs.areas
    frame = areas.frame
    ids = list(frame["area_id"])
    check_unique_ids(
        [reference.normalise_code(i) for i in ids],
        source_name=areas.source_name,
        field_name=areas.id_field,
    )
    age_cols = need_mod.age_sex_columns(
        [c for c in frame.columns if c not in ("area_id", "area_name")]
    )
    age_table = frame[list(age_cols)].reset_index(drop=True) if age_cols else None
    population = None
    pop_label = msg("sum of the age/sex columns")
    if inputs.population_field:
        population = np.array(
            [np.nan if v is None else float(v) for v in frame[inputs.population_field]]
        )
        pop_label = msg("field '{field}'", field=inputs.population_field)
    elif inputs.population_raster:
        progress(0.1, msg("Summing the population raster per area"))
        pop = rasters.read_population_raster(inputs.population_raster)
        xy = rasters.transform_xy(pop.xy, src_wkt=pop.crs_wkt, dst_wkt=areas.crs_wkt)
        idx = assign_areas_by_point(xy, areas.geometries)
        population = np.bincount(
            idx[idx >= 0], weights=pop.population[idx >= 0], minlength=len(ids)
        )
        pop_label = msg(
            "raster '{raster}' summed per area (cell centres)", raster=inputs.population_raster_name
        )
    weights = inputs.weights
    warnings: list = []
    notes: list = []
    if weights is not None and not age_cols:
        warnings.append(
            msg(
                "Need weighting chosen but '{layer}' has no age/sex columns (m_0_4 … k_85_plus).",
                layer=areas.source_name,
            )
        )
    table, key, levels = None, "kommunekode", None
    group = inputs.grouping
    if group is not None and group.level == grouping_mod.TABLE:
        table, key, levels = group.table, group.key_field, list(group.level_fields)
    elif group is not None and group.level == grouping_mod.EMBEDDED:
        codes = set(reference.grouping_table()["kommunekode"])
        if any(reference.normalise_code(i) in codes for i in ids):
            table = reference.grouping_table()
        else:
            notes.append(msg("Area ids are not kommunekoder: no embedded roll-up."))
    progress(0.4, msg("Computing GP density"))
    result = run_density(
        practices=inputs.practices,
        area_ids=ids,
        area_names=list(frame["area_name"]),
        area_geometries=areas.geometries,
        population=population,
        age_table=age_table,
        weights=weights if age_cols else None,
        grouping=table,
        grouping_key=key,
        grouping_levels=levels,
        shortage_threshold=inputs.shortage_threshold,
        area_source=areas.source_name,
    )
    result.warnings = warnings + list(result.report["warnings"])
    result.notes = notes
    result.report["inputs"] = {
        "areas": areas.source_name,
        "population": pop_label,
        "practices": dict(inputs.practice_info),
        "need_weighting_applied": bool(weights is not None and age_cols),
    }
    result.crs = areas.crs
    geoms = list(areas.geometries)
    result.areas = result.areas.assign(
        geometry=object_array(geoms + [None] * (len(result.areas) - len(geoms)))
    )
    result.outside = result.outside.assign(
        weights=need_mod.weights_label(weights if age_cols else None)
    )
    return result
