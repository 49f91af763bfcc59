"""Sundhedsrådsprofil: the indicators of one planning unit (sundhedsråd, region, region from
2027 or kommune) beside the national value, from the outputs of the other tools.

Nothing is recomputed from raw data: every number comes from a table another tool wrote,
summed per unit. Inputs (each optional; a missing one leaves its section "not computed"):

* ``need_table``: the need-over-time table of the need tool (one row per area and year: ``level``,
  ``area_code``, ``year``, ``residents``, ``residents_75_plus``, ``need_weighted``,
  ``base_year``); without it today's residents and 75+ share come from the embedded
  population (FOLK1A 2021K1, :func:`sundplan_qgis.reference.population_age_sex`) and the
  target year is "not given";
* ``travel``: the AREA_SUMMARY of ``sundplan:catchments`` (per kommune or per unit);
* ``gp_density``: the AREA_OUTPUT of ``sundplan:gp_density`` (per kommune);
* ``fca``: the AREA_ACCESS of ``sundplan:fca_access`` (per kommune);
* ``gaps``: the OUTPUT of ``sundplan:specialist_gaps`` (per kommune and specialty).

Aggregation to a unit (rows per kommune, matched by kommunekode; a table already per unit,
matched by the unit's name or id, is used as it is):

* counts (residents, 75+, need-weighted residents, GP capacity, residents below the low-access
  level, specialist capacity and fair share, residents not reached) are summed;
* shares and ratios are ratios of those sums: 75+ share = Σ 75+ / Σ residents; GPs per
  10 000 = 10 000 × Σ capacity / Σ residents (need-adjusted: / Σ need-weighted residents);
  2SFCA low-access share = Σ residents below the level / Σ located residents; share over
  30 min = Σ residents beyond 30 min / Σ reached residents; specialist ratio = Σ capacity /
  Σ fair share;
* mean travel time: the kommune means weighted by their reached residents (exactly the mean
  over the unit's residents);
* P90 travel time: a percentile cannot be rebuilt from kommune percentiles. When the travel
  table is per unit (or the level is kommune) the tool's own P90 is shown; otherwise the
  highest kommune P90 of the unit, labelled as such (``travel_p90_rule`` = ``max_kommune``):
  an upper bound of the unit's P90, since at most 10 % of each kommune's residents, hence of
  the unit's, live beyond it;
* the national value is the same sum over every kommune (row) of the table.
"""

from __future__ import annotations

from collections.abc import Callable, Mapping
from dataclasses import dataclass, field

import numpy as np
import pandas as pd

from . import reference
from .errors import SundplanError, msg

LEVELS = ("sundhedsraad", "region", "region_2027", "kommune")
LEVEL_CHOICES = (
    ("sundhedsraad", msg("sundhedsråd (17)")),
    ("region", msg("region (5)")),
    ("region_2027", msg("region from 2027 (4)")),
    ("kommune", msg("kommune (98)")),
)
DEFAULT_LEVEL = "sundhedsraad"
DEFAULT_TARGET_YEAR = 2030
"""The last year of the national health plan 2027–2030."""
LONG_TRAVEL_MIN = 30.0
NATIONAL = "national"
"""``unit_code`` of the national row."""
SECTIONS = ("population", "travel", "gp_density", "fca", "specialists")
SECTION_LABELS = {
    "population": msg("residents and 75+"),
    "travel": msg("travel time to the nearest akutsygehus"),
    "gp_density": msg("GP density"),
    "fca": msg("2SFCA access"),
    "specialists": msg("specialist gaps"),
}
NOT_COMPUTED = msg("not computed: no input")
EMBEDDED_POPULATION = msg("the embedded FOLK1A population (age composition 2014K1)")
MATCHED = {"kommune": msg("rows are kommuner"), "unit": msg("rows are units of the level")}
KOMMUNE = msg("kommune")
"""Label of the level code ``kommune`` (the other levels: ``density.LEVEL_LABELS``)."""
P90_RULES = {
    "unit": msg("the tool's P90 of the unit"),
    "max_kommune": msg("highest kommune P90 of the unit (an upper bound)"),
}
INPUT_NAMES = {
    "need_table": "NEED_TABLE",
    "travel": "TRAVEL_AREAS",
    "gp_density": "GP_DENSITY",
    "fca": "FCA_AREAS",
    "gaps": "SPECIALIST_GAPS",
}
REQUIRED = {
    "need_table": ("level", "area_code", "year", "residents", "residents_75_plus"),
    "travel": ("area_id", "population", "population_reached", "mean_min", "p90_min"),
    "gp_density": ("area_id", "population", "need_population", "gp_capacity"),
    "fca": ("area_id", "population_located", "pop_below_low_access"),
    "gaps": ("area_id", "specialty", "capacity", "fair_share", "need_weighted_population"),
}
TOOLS = {
    "need_table": msg(
        "a need-over-time table (one row per area and year: level, area_code, year, "
        "residents, residents_75_plus, need_weighted, base_year)"
    ),
    "travel": msg("the area summary (AREA_SUMMARY) of sundplan:catchments"),
    "gp_density": msg("the areas output (AREA_OUTPUT) of sundplan:gp_density"),
    "fca": msg("the areas output (AREA_ACCESS) of sundplan:fca_access"),
    "gaps": msg("the output (OUTPUT) of sundplan:specialist_gaps"),
}
TEXT_FIELDS = frozenset({"area_id", "area_code", "area_name", "level", "specialty", "kommunekode"})
MAP_INDICATORS = (
    "share_75_plus",
    "travel_mean_min",
    "travel_share_over_30_min",
    "gp_need_per_10000",
    "fca_share_low_access",
    "spec_ratio",
)
"""The per-kommune columns drawn on the page's small maps, in page order."""


@dataclass(frozen=True)
class Table:
    """One input table (attributes only) and the name of the layer it came from."""

    frame: pd.DataFrame
    name: str


@dataclass(frozen=True)
class ProfileInputs:
    """Everything one profile needs; no QGIS types. A ``None`` table is not computed."""

    level: str = DEFAULT_LEVEL
    target_year: int = DEFAULT_TARGET_YEAR
    need_table: Table | None = None
    travel: Table | None = None
    gp_density: Table | None = None
    fca: Table | None = None
    gaps: Table | None = None
    long_travel_min: float = LONG_TRAVEL_MIN


@dataclass
class ProfileResult:
    """Indicators per unit (+ the national row), per kommune (for the maps) and per
    specialty; which sections had no input; notes on how values were aggregated."""

    level: str
    indicators: pd.DataFrame
    kommuner: pd.DataFrame
    specialties: pd.DataFrame
    missing: list[str]
    today_label: str
    target_year: int | None
    p90_rule: str | None
    low_access_per_10000: float | None = None  # the 2SFCA run's level, when it records it
    sources: list[str] = field(default_factory=list)  # the names of the tables read
    report: dict = field(default_factory=dict)
    warnings: list = field(default_factory=list)


# --------------------------------------------------------------------------- units
def units(level: str) -> pd.DataFrame:
    """The units of ``level`` in page order: ``unit_code``, ``unit_name``, and per kommune
    (``kommunekode`` → ``unit_code``) via :func:`members`."""
    if level not in LEVELS:
        raise SundplanError(
            "Unknown level '{level}'; use one of {levels}.", level=level, levels=", ".join(LEVELS)
        )
    if level == "kommune":
        kom = reference.kommuner()
        frame = pd.DataFrame({"unit_code": kom["kommunekode"], "unit_name": kom["kommune"]})
    elif level == "sundhedsraad":
        table = reference.sundhedsraad()
        frame = pd.DataFrame(
            {"unit_code": table["sundhedsraad_id"].astype(str), "unit_name": table["sundhedsraad"]}
        )
    elif level == "region":
        table = reference.regioner()
        frame = pd.DataFrame(
            {"unit_code": table["regionskode"].astype(str), "unit_name": table["region"]}
        )
    else:
        table = reference.regioner_2027()
        frame = pd.DataFrame(
            {"unit_code": table["region_2027_id"].astype(str), "unit_name": table["region_2027"]}
        )
    return frame.reset_index(drop=True)


def members(level: str) -> dict[str, str]:
    """kommunekode → unit_code of ``level`` (kommuner in no unit, e.g. Christiansø, left out)."""
    table = reference.grouping_table()
    if level == "kommune":
        return {k: k for k in table["kommunekode"].astype(str)}
    code_of = dict(zip(units(level)["unit_name"], units(level)["unit_code"], strict=True))
    return {
        str(k): code_of[u]
        for k, u in zip(table["kommunekode"], table[level], strict=True)
        if isinstance(u, str) and u in code_of
    }


def _check_columns(key: str, table: Table, extra: tuple[str, ...] = ()) -> pd.DataFrame:
    """The table with its required fields (an error naming the layer otherwise); number
    fields read as text (a CSV layer) become numbers, the id and name fields stay text."""
    frame = table.frame
    missing = [c for c in (*REQUIRED[key], *extra) if c not in frame.columns]
    if missing:
        raise SundplanError(
            "The layer '{layer}' given as {parameter} has no field(s) {fields}. Give {tool}.",
            layer=table.name,
            parameter=INPUT_NAMES[key],
            fields=", ".join(missing),
            tool=TOOLS[key],
        )
    frame = frame.copy()
    for column in frame.columns:
        if column in TEXT_FIELDS or frame[column].dtype != object:
            continue
        numbers = pd.to_numeric(frame[column], errors="coerce")
        if numbers.notna().sum() == frame[column].notna().sum():
            frame[column] = numbers
        elif column in REQUIRED[key]:  # a count that is text would be summed as nothing
            bad = frame[column][numbers.isna() & frame[column].notna()]
            raise SundplanError(
                "The field '{field}' of '{layer}' ({parameter}) holds values that are not "
                "numbers: {values}. Give {tool}, or fix those values.",
                field=column,
                layer=table.name,
                parameter=INPUT_NAMES[key],
                values=", ".join(repr(v) for v in bad.unique()[:5]),
                tool=TOOLS[key],
            )
    return frame


def _keys(
    key: str, table: Table, frame: pd.DataFrame, level: str, id_column: str
) -> tuple[pd.DataFrame, str]:
    """``frame`` with ``kommunekode`` and ``unit_code`` per row and how it was matched:
    ``"kommune"`` (rows are kommuner) or ``"unit"`` (rows are units of ``level``). Rows whose
    id is neither (e.g. "outside all areas") are dropped. Nothing matches: an error."""
    frame = frame.copy()
    raw = frame[id_column]
    ids = [None if pd.isna(v) or str(v).strip() == "" else str(v).strip() for v in raw]
    kom_of = members(level)
    # the raw value: a real 101.0 (a numeric id field) is kommune 0101
    kom_ids = [
        None if i is None else reference.normalise_code(v) for i, v in zip(ids, raw, strict=True)
    ]
    n_kom = sum(1 for i in kom_ids if i in kom_of)
    unit_table = units(level)
    by_name = dict(zip(unit_table["unit_name"].str.lower(), unit_table["unit_code"], strict=True))
    by_code = {c: c for c in unit_table["unit_code"]}
    row_names = frame["area_name"] if "area_name" in frame.columns else [None] * len(ids)
    unit_ids = []
    for i, name in zip(ids, row_names, strict=True):
        unit = None if i is None else by_code.get(i) or by_name.get(i.lower())
        if unit is None and isinstance(name, str):
            unit = by_name.get(name.strip().lower())
        unit_ids.append(unit)
    n_unit = sum(1 for u in unit_ids if u is not None)
    if n_kom == 0 and n_unit == 0:
        raise SundplanError(
            "No row of '{layer}' ({parameter}) is a kommune (kommunekode in '{field}') or a "
            "unit of the level '{level}'. First ids: {ids}. Give {tool} run on the kommuner.",
            layer=table.name,
            parameter=INPUT_NAMES[key],
            field=id_column,
            level=level,
            ids=", ".join(str(i) for i in ids[:5]),
            tool=TOOLS[key],
        )
    if n_kom >= n_unit:
        frame["kommunekode"] = kom_ids
        frame["unit_code"] = [kom_of.get(k) if k is not None else None for k in kom_ids]
        keep = [k in kom_of for k in kom_ids]
        return frame[keep].reset_index(drop=True), "kommune"
    frame["kommunekode"] = None
    frame["unit_code"] = unit_ids
    return frame[[u is not None for u in unit_ids]].reset_index(drop=True), "unit"


def _covered(frame: pd.DataFrame, how: str) -> int | None:
    """How many kommuner a per-kommune table has rows for (None for a table per unit)."""
    return int(frame["kommunekode"].nunique()) if how == "kommune" else None


def _num(frame: pd.DataFrame, column: str) -> pd.Series:
    return pd.to_numeric(frame[column], errors="coerce").astype("float64")


def _ratio(num: pd.Series | float, den: pd.Series | float, scale: float = 1.0):
    num = np.asarray(num, dtype="float64")
    den = np.asarray(den, dtype="float64")
    with np.errstate(divide="ignore", invalid="ignore"):
        return np.where(den > 0, scale * num / np.where(den > 0, den, 1.0), np.nan)


def _sums(frame: pd.DataFrame, by: str, columns: list[str]) -> pd.DataFrame:
    """Sums of ``columns`` per ``by`` plus the national row (key :data:`NATIONAL`)."""
    data = frame[[by]].copy()
    for c in columns:
        data[c] = _num(frame, c).fillna(0.0)
    per = data.groupby(by, sort=False)[columns].sum()
    per.loc[NATIONAL] = data[columns].sum()
    return per


# --------------------------------------------------------------------------- sections
def _population(inputs: ProfileInputs, level: str) -> tuple[pd.DataFrame, pd.DataFrame, dict]:
    """(per unit, per kommune, facts) of residents and 75+ today and in the target year."""
    if inputs.need_table is None:
        from .embedded_areas import default_areas

        # the gp_density / specialist_gaps default: 2021K1 totals, 2014K1 age composition
        pop = default_areas()
        ages = [c for c in pop.columns if c[:2] in ("m_", "k_")]
        old = [c for c in ages if c.endswith(("75_79", "80_84", "85_plus"))]
        frame = pd.DataFrame(
            {
                "area_code": pop["kommunekode"].astype(str),
                "residents": pd.to_numeric(pop["population"]).astype("float64"),
                "residents_75_plus": pop[old].sum(axis=1).astype("float64"),
            }
        )
        frame, _how = _keys("need_table", Table(frame, "FOLK1A"), frame, level, "area_code")
        sums = _sums(frame, "unit_code", ["residents", "residents_75_plus"])
        per_unit = pd.DataFrame(
            {
                "residents_today": sums["residents"],
                "share_75_plus_today": _ratio(sums["residents_75_plus"], sums["residents"]),
            }
        )
        kom = frame.set_index("kommunekode")
        per_kom = pd.DataFrame(
            {"share_75_plus": _ratio(kom["residents_75_plus"], kom["residents"])}, index=kom.index
        )
        return per_unit, per_kom, {"today": str(pop["stat_quarter"].iloc[0]), "target": None}
    table = inputs.need_table
    frame = _check_columns("need_table", table)
    years = sorted({int(y) for y in _num(frame, "year").dropna()})
    if "base_year" in frame.columns and _num(frame, "base_year").notna().any():
        base = int(_num(frame, "base_year").dropna().iloc[0])
    else:
        base = years[0] if years else None
    target = int(inputs.target_year)
    for wanted in (base, target):
        if wanted not in years:
            raise SundplanError(
                "The need table '{layer}' (NEED_TABLE) has no rows for the year {year}; it "
                "holds {years}. Choose a TARGET_YEAR it holds, or extend the projection.",
                layer=table.name,
                year=wanted,
                years=", ".join(map(str, years)) or "–",
            )
    levels = frame["level"].astype(str)
    use = "kommune" if (levels == "kommune").any() else level
    rows = frame[levels == use]
    if rows.empty:
        raise SundplanError(
            "The need table '{layer}' (NEED_TABLE) has no rows of level 'kommune' or "
            "'{level}'. Give the need table per kommune.",
            layer=table.name,
            level=level,
        )
    has_need = "need_weighted" in rows.columns
    rows, _how = _keys("need_table", table, rows, level, "area_code")
    out = {}
    per_kom = {}
    columns = ["residents", "residents_75_plus"] + (["need_weighted"] if has_need else [])
    for name, year in (("today", base), ("target", target)):
        part = rows[_num(rows, "year") == year]
        sums = _sums(part, "unit_code", columns)
        out[f"residents_{name}"] = sums["residents"]
        out[f"share_75_plus_{name}"] = pd.Series(
            _ratio(sums["residents_75_plus"], sums["residents"]), index=sums.index
        )
        if has_need:
            out[f"need_{name}"] = sums["need_weighted"]
        if use == "kommune":
            kom = part.set_index("kommunekode")
            per_kom[name] = pd.Series(
                _ratio(kom["residents_75_plus"], kom["residents"]), index=kom.index
            )
    per_unit = pd.DataFrame(out)
    if has_need:
        national_base = (
            per_unit.loc[NATIONAL, "need_today"] / per_unit.loc[NATIONAL, "residents_today"]
        )
        per_unit["need_index_target"] = _ratio(
            per_unit["need_target"], per_unit["residents_target"], 100.0 / national_base
        )
        per_unit["need_change_pct"] = _ratio(
            per_unit["need_target"] - per_unit["need_today"], per_unit["need_today"], 100.0
        )
        per_unit = per_unit.drop(columns=["need_today", "need_target"])
    else:
        per_unit["need_index_target"] = np.nan
        per_unit["need_change_pct"] = np.nan
    per_kom_frame = pd.DataFrame({"share_75_plus": per_kom.get("target", pd.Series(dtype=float))})
    return per_unit, per_kom_frame, {"today": str(base), "target": target}


def _travel(inputs: ProfileInputs, level: str) -> tuple[pd.DataFrame, pd.DataFrame, dict]:
    table = inputs.travel
    frame = _check_columns("travel", table)
    frame, how = _keys("travel", table, frame, level, "area_id")
    over = f"pop_over_{inputs.long_travel_min:g}_min"
    has_over = over in frame.columns
    parts = [_num(frame, c).fillna(0.0) for c in ("pop_unsnapped", "pop_unreachable") if c in frame]
    frame["pop_not_reached"] = sum(parts) if parts else 0.0
    frame["time_sum"] = _num(frame, "mean_min").fillna(0.0) * _num(frame, "population_reached")
    cols = ["population", "population_reached", "time_sum", "pop_not_reached"]
    if has_over:
        cols.append(over)
    sums = _sums(frame, "unit_code", cols)
    p90 = _num(frame, "p90_min")
    p90_by = pd.Series(p90.to_numpy(), index=frame["unit_code"]).groupby(level=0).max()
    # per unit: the tool's own P90 (rows are units, or kommuner at level kommune), else the
    # highest kommune P90; nationally the highest kommune P90 (none from a per-unit table)
    p90_by.loc[NATIONAL] = p90.max() if how == "kommune" else np.nan
    rule = "unit" if how == "unit" or level == "kommune" else "max_kommune"
    known_not_reached = any(c in table.frame.columns for c in ("pop_unsnapped", "pop_unreachable"))
    per_unit = pd.DataFrame(
        {
            "travel_mean_min": _ratio(sums["time_sum"], sums["population_reached"]),
            "travel_p90_min": p90_by.reindex(sums.index).to_numpy(),
            "travel_share_over_30_min": (
                _ratio(sums[over], sums["population_reached"]) if has_over else np.nan
            ),
            "travel_not_reached": sums["pop_not_reached"] if known_not_reached else np.nan,
            "travel_share_not_reached": (
                _ratio(sums["pop_not_reached"], sums["population"]) if known_not_reached else np.nan
            ),
        },
        index=sums.index,
    )
    per_kom = pd.DataFrame()
    if how == "kommune":
        kom = frame.set_index("kommunekode")
        per_kom = pd.DataFrame(
            {
                "travel_mean_min": _num(kom, "mean_min"),
                "travel_share_over_30_min": (
                    _ratio(_num(kom, over), _num(kom, "population_reached")) if has_over else np.nan
                ),
            },
            index=kom.index,
        )
    warnings = []
    if not has_over:
        warnings.append(
            msg(
                "'{layer}' (TRAVEL_AREAS) has no field {field}: the share beyond {minutes:g} "
                "minutes is not computed. Run sundplan:catchments with {minutes:g} among the BANDS.",
                layer=table.name,
                field=over,
                minutes=inputs.long_travel_min,
            )
        )
    return (
        per_unit,
        per_kom,
        {"p90_rule": rule, "matched": how, "kommuner": _covered(frame, how), "warnings": warnings},
    )


def _gp(inputs: ProfileInputs, level: str) -> tuple[pd.DataFrame, pd.DataFrame, dict]:
    table = inputs.gp_density
    frame = _check_columns("gp_density", table)
    frame, how = _keys("gp_density", table, frame, level, "area_id")
    sums = _sums(frame, "unit_code", ["population", "need_population", "gp_capacity"])
    per_unit = pd.DataFrame(
        {
            "gp_per_10000": _ratio(sums["gp_capacity"], sums["population"], 10_000.0),
            "gp_need_per_10000": _ratio(sums["gp_capacity"], sums["need_population"], 10_000.0),
        },
        index=sums.index,
    )
    per_kom = pd.DataFrame()
    if how == "kommune":
        kom = frame.set_index("kommunekode")
        per_kom = pd.DataFrame(
            {
                "gp_need_per_10000": _ratio(
                    _num(kom, "gp_capacity"), _num(kom, "need_population"), 10_000.0
                )
            },
            index=kom.index,
        )
    return per_unit, per_kom, {"matched": how, "kommuner": _covered(frame, how)}


def _fca(inputs: ProfileInputs, level: str) -> tuple[pd.DataFrame, pd.DataFrame, dict]:
    table = inputs.fca
    frame = _check_columns("fca", table)
    frame, how = _keys("fca", table, frame, level, "area_id")
    sums = _sums(frame, "unit_code", ["population_located", "pop_below_low_access"])
    per_unit = pd.DataFrame(
        {"fca_share_low_access": _ratio(sums["pop_below_low_access"], sums["population_located"])},
        index=sums.index,
    )
    low = None
    if (
        "low_access_per_10000" in frame.columns
        and _num(frame, "low_access_per_10000").notna().any()
    ):
        low = float(_num(frame, "low_access_per_10000").dropna().iloc[0])
    per_kom = pd.DataFrame()
    if how == "kommune":
        kom = frame.set_index("kommunekode")
        per_kom = pd.DataFrame(
            {
                "fca_share_low_access": _ratio(
                    _num(kom, "pop_below_low_access"), _num(kom, "population_located")
                )
            },
            index=kom.index,
        )
    return (
        per_unit,
        per_kom,
        {"matched": how, "kommuner": _covered(frame, how), "low_access_per_10000": low},
    )


def _gaps(
    inputs: ProfileInputs, level: str
) -> tuple[pd.DataFrame, pd.DataFrame, pd.DataFrame, dict]:
    table = inputs.gaps
    frame = _check_columns("gaps", table)
    frame, how = _keys("gaps", table, frame, level, "area_id")
    frame = frame[_num(frame, "fair_share").notna()]  # rows outside the grouping have none
    cols = ["capacity", "fair_share", "need_weighted_population"]
    rows = []
    for specialty, part in frame.groupby(frame["specialty"].astype(str), sort=True):
        sums = _sums(part, "unit_code", cols)
        rows.append(
            pd.DataFrame(
                {
                    "unit_code": sums.index,
                    "specialty": specialty,
                    "capacity": sums["capacity"].to_numpy(),
                    "fair_share": sums["fair_share"].to_numpy(),
                    "gap": (sums["capacity"] - sums["fair_share"]).to_numpy(),
                    "ratio": _ratio(sums["capacity"], sums["fair_share"]),
                    "per_100k_need": _ratio(
                        sums["capacity"], sums["need_weighted_population"], 100_000.0
                    ),
                }
            )
        )
    specialties = pd.concat(rows, ignore_index=True) if rows else pd.DataFrame()
    sums = _sums(frame, "unit_code", cols)
    per_unit = pd.DataFrame(
        {"spec_ratio": _ratio(sums["capacity"], sums["fair_share"])}, index=sums.index
    )
    per_kom = pd.DataFrame()
    if how == "kommune":
        kom = frame.groupby("kommunekode")[["capacity", "fair_share"]].sum()
        per_kom = pd.DataFrame(
            {"spec_ratio": _ratio(kom["capacity"], kom["fair_share"])}, index=kom.index
        )
    return per_unit, per_kom, specialties, {"matched": how, "kommuner": _covered(frame, how)}


# --------------------------------------------------------------------------- run
INDICATOR_COLUMNS = (
    "residents_today",
    "share_75_plus_today",
    "residents_target",
    "share_75_plus_target",
    "need_index_target",
    "need_change_pct",
    "travel_mean_min",
    "travel_p90_min",
    "travel_share_over_30_min",
    "travel_not_reached",
    "travel_share_not_reached",
    "gp_per_10000",
    "gp_need_per_10000",
    "fca_share_low_access",
    "spec_ratio",
)


def run(
    inputs: ProfileInputs, *, progress: Callable[[float, str], None] | None = None
) -> ProfileResult:
    """The indicators of every unit of ``inputs.level`` and of the whole country."""
    progress = progress or (lambda _f, _t: None)
    level = inputs.level
    unit_table = units(level)
    index = [*unit_table["unit_code"], NATIONAL]
    parts: list[pd.DataFrame] = []
    kom_parts: list[pd.DataFrame] = []
    missing: list[str] = []
    warnings: list = []
    report: dict = {"level": level, "sections": {}}
    progress(0.1, msg("Residents and 75+"))
    pop_unit, pop_kom, facts = _population(inputs, level)
    parts.append(pop_unit)
    kom_parts.append(pop_kom)
    report["sections"]["population"] = {
        "input": inputs.need_table.name if inputs.need_table is not None else EMBEDDED_POPULATION
    }
    if inputs.need_table is None:
        missing.append("need_table")
    p90_rule = None
    specialties = pd.DataFrame(
        columns=["unit_code", "specialty", "capacity", "fair_share", "gap", "ratio"]
    )
    steps = (
        ("travel", inputs.travel, _travel),
        ("gp_density", inputs.gp_density, _gp),
        ("fca", inputs.fca, _fca),
        ("specialists", inputs.gaps, None),
    )
    for i, (key, table, fn) in enumerate(steps):
        progress(0.2 + 0.15 * i, SECTION_LABELS[key])
        if table is None:
            missing.append(key)
            report["sections"][key] = NOT_COMPUTED
            continue
        if key == "specialists":
            unit_part, kom_part, specialties, info = _gaps(inputs, level)
        else:
            unit_part, kom_part, info = fn(inputs, level)
        warnings.extend(info.pop("warnings", []))
        if key == "travel":
            p90_rule = info["p90_rule"]
        parts.append(unit_part)
        kom_parts.append(kom_part)
        info.pop("p90_rule", None)  # the report's p90_rule says it in words
        total = len(members(level))
        if info["kommuner"] is not None and info["kommuner"] < total:
            warnings.append(
                msg(
                    "'{layer}' ({parameter}) has rows for {n} of the {total} kommuner: its "
                    "national value is over those kommuner only, and a unit without rows is "
                    "printed as –.",
                    layer=table.name,
                    parameter=INPUT_NAMES[_input_of(key)],
                    n=info["kommuner"],
                    total=total,
                )
            )
        info["matched"] = MATCHED[info["matched"]]
        report["sections"][key] = {"input": table.name, **info}
    frame = pd.concat([p.reindex(index) for p in parts], axis=1)
    for column in INDICATOR_COLUMNS:
        if column not in frame.columns:
            frame[column] = np.nan
    frame = frame[list(INDICATOR_COLUMNS)]
    names = dict(zip(unit_table["unit_code"], unit_table["unit_name"], strict=True))
    frame.insert(0, "unit_name", [names.get(c, msg("the whole country")) for c in index])
    frame.insert(0, "unit_code", index)
    frame.insert(0, "level", [level] * len(unit_table) + [NATIONAL])
    frame["today"] = facts["today"]
    frame["target_year"] = facts["target"] if facts["target"] is not None else np.nan
    frame["travel_p90_rule"] = p90_rule
    frame["not_computed"] = ", ".join(missing)
    frame = frame.reset_index(drop=True)
    kom_of = members(level)
    kommuner = pd.DataFrame({"kommunekode": sorted(kom_of)})
    kommuner["unit_code"] = kommuner["kommunekode"].map(kom_of)
    for part in kom_parts:
        for column in part.columns:
            kommuner[column] = kommuner["kommunekode"].map(part[column]).astype("float64")
    for column in MAP_INDICATORS:
        if column not in kommuner.columns:
            kommuner[column] = np.nan
    if len(specialties):
        specialties.insert(
            1,
            "unit_name",
            [names.get(c, msg("the whole country")) for c in specialties["unit_code"]],
        )
    for key in missing:
        if key == "need_table":
            warnings.append(
                msg(
                    "No NEED_TABLE given: the target year is printed as not given; today's "
                    "residents are the embedded FOLK1A population."
                )
            )
        else:
            warnings.append(
                msg(
                    "No {parameter} given: '{section}' is printed as not computed.",
                    parameter=INPUT_NAMES[_input_of(key)],
                    section=SECTION_LABELS[key],
                )
            )
    report.update(
        {
            "units": len(unit_table),
            "today": facts["today"],
            "target_year": facts["target"],
            "not_computed": [INPUT_NAMES[_input_of(k)] for k in missing],
            "p90_rule": P90_RULES.get(p90_rule) if p90_rule else None,
        }
    )
    fca_info = report["sections"].get("fca")
    low_access = fca_info.get("low_access_per_10000") if isinstance(fca_info, dict) else None
    progress(0.9, msg("Indicators ready"))
    return ProfileResult(
        level=level,
        indicators=frame,
        kommuner=kommuner,
        specialties=specialties.reset_index(drop=True),
        missing=missing,
        today_label=facts["today"],
        target_year=facts["target"],
        p90_rule=p90_rule,
        low_access_per_10000=low_access,
        sources=[
            t.name
            for t in (inputs.need_table, inputs.travel, inputs.gp_density, inputs.fca, inputs.gaps)
            if t is not None
        ],
        report=report,
        warnings=warnings,
    )


def _input_of(section: str) -> str:
    """The input (key of :data:`INPUT_NAMES`) of a section or missing key."""
    return {"specialists": "gaps", "population": "need_table"}.get(section, section)


def section_of(missing_key: str) -> str:
    """The section (key of :data:`SECTION_LABELS`) of an entry of ``ProfileResult.missing``."""
    return "population" if missing_key == "need_table" else missing_key


def national_row(result: ProfileResult) -> Mapping:
    """The national row of the indicators."""
    return result.indicators[result.indicators["unit_code"] == NATIONAL].iloc[0]
