"""Need over time (``sundplan:need_projection``): the need weights applied to every year of a
population table, per kommune and rolled up to sundhedsråd, regions and the 2027 regions.

Population tables (one row per kommune, sex, age group and year; :class:`PopulationTable`):

* the embedded FOLK1A (:func:`embedded_population`): the 2021K1 total of every kommune spread
  over sex and age by its 2014K1 composition (:mod:`sundplan_qgis.embedded_areas`), year 2021;
* Danmarks Statistik's FRKM projection as written by ``sundplan:fetch_base_data``
  (``kommunekode;kommune;sex;age_group;year;persons;table``, see
  :func:`sundplan_qgis.dst.projection_tidy`);
* a user CSV with the same content (:func:`read_population_csv`): ``;`` or ``,`` separated;
  columns recognised by name (:data:`COLUMN_NAMES`); kommune codes with or without the leading
  zero (``101`` = ``0101``) or kommune names; sex ``m``/``k`` (also mænd/kvinder, men/women);
  the 5-year age groups ``0_4`` … ``85_plus`` (also ``0-4``, ``85+``).

A table must be complete: every year has every kommune (all 98, unless a caller asks for less),
both sexes and all 18 age groups, once each; persons are numbers ≥ 0. Anything else is an
error naming what is missing (the first few and the count). Christiansø (0411) is not a
kommune: its rows are left out and said so.

The shared table (:data:`TABLE_COLUMNS`; one row per area and year, read by
``sundplan:sundhedsraad_profile``):

* ``need_weighted`` = Σ persons × weight(sex, age group) (no rescaling per year, so the
  ageing of the population shows as growing need); without weights, the head count;
* ``need_index`` = (need_weighted / residents) ÷ (the same for the whole country in the base
  year) × 100: 100 = the average need per resident of the country in the base year;
* ``need_change_pct`` = (need_weighted / need_weighted of the same area in the base year − 1)
  × 100; ``residents_change_pct`` likewise for residents;
* ``share_75_plus`` = persons aged 75+ (age groups 75_79, 80_84, 85_plus) / residents (0–1).

Area codes: kommune = kommunekode (4 digits); sundhedsraad = ``sundhedsraad_id`` (1–17);
region = ``regionskode`` (1081–1085); region_2027 = ``region_2027_id`` (1–4), the ids of the
embedded reference tables (:mod:`sundplan_qgis.reference`). Units are sums of their kommuner.

This module never imports qgis.
"""

from __future__ import annotations

import re
from collections.abc import Callable, Sequence
from dataclasses import dataclass, field
from pathlib import Path

import numpy as np
import pandas as pd

from . import need as need_mod
from . import reference
from .errors import Message, SundplanError, listing, msg

KOMMUNE, SUNDHEDSRAAD, REGION, REGION_2027 = "kommune", "sundhedsraad", "region", "region_2027"
ALL_LEVELS = "all"
LEVELS = (
    (KOMMUNE, msg("kommune")),
    (SUNDHEDSRAAD, msg("sundhedsråd")),
    (REGION, msg("region")),
    (REGION_2027, msg("region from 2027")),
)
"""The levels of the shared table as (code, label); the ``level_label`` field."""
LEVEL_LABELS = dict(LEVELS)
LEVEL_CHOICES = (*LEVELS, (ALL_LEVELS, msg("all levels")))
"""The LEVEL parameter of need_projection (one level or all)."""
DEFAULT_LEVEL = ALL_LEVELS

AGE_GROUPS_75_PLUS = ("75_79", "80_84", "85_plus")
SEXES = ("m", "k")
EMBEDDED_SOURCE = msg("embedded FOLK1A (population {total_quarter}, age/sex {age_quarter})")

TABLE_COLUMNS = (
    "level",
    "area_code",
    "area_name",
    "year",
    "residents",
    "residents_75_plus",
    "share_75_plus",
    "need_weighted",
    "need_index",
    "need_change_pct",
    "base_year",
)
"""The shared columns, in this order (more follow: ``need_per_resident``,
``residents_change_pct``, ``residents_75_plus_change``, ``weights``, ``source``)."""

COLUMN_NAMES: dict[str, tuple[str, ...]] = {
    "kommunekode": ("kommunekode", "kommune_kode", "komkode", "kommunenr", "kode", "code"),
    "kommune": ("kommune", "kommunenavn", "kommune_navn", "navn", "name", "omraade", "område"),
    "sex": ("sex", "køn", "koen", "kon", "gender"),
    "age_group": ("age_group", "aldersgruppe", "alder", "age", "agegroup"),
    "year": ("year", "år", "aar", "tid", "time"),
    "persons": ("persons", "personer", "antal", "indhold", "value", "count"),
}
"""Accepted column names per role (case-insensitive; the first match wins)."""

_UNIT_FIELDS = {
    SUNDHEDSRAAD: ("sundhedsraad_id", "sundhedsraad"),
    REGION: ("regionskode", "region"),
    REGION_2027: ("region_2027_id", "region_2027"),
}
_SHOWN = 5


@dataclass(frozen=True)
class PopulationTable:
    """A validated population table: ``frame`` with ``kommunekode`` (4 digits), ``kommune``,
    ``sex`` (m/k), ``age_group``, ``year`` (int) and ``persons`` (float ≥ 0), one row per
    kommune × sex × age group × year; ``source`` names it; ``recognised`` maps each role to the
    column it was read from; ``notes`` are what the run should say about it."""

    frame: pd.DataFrame
    source: str
    recognised: dict = field(default_factory=dict)
    notes: tuple = ()

    @property
    def years(self) -> list[int]:
        return sorted(int(y) for y in self.frame["year"].unique())


def _shown(items: Sequence, n: int = _SHOWN) -> str:
    """The first ``n`` items and, when there are more, how many in all."""
    items = [str(i) for i in items]
    text = ", ".join(items[:n])
    return text + (f" … ({len(items)})" if len(items) > n else "")


def _kommune_names() -> dict[str, str]:
    kom = reference.kommuner()
    return dict(zip(kom["kommunekode"], kom["kommune"], strict=True))


# --------------------------------------------------------------------------- reading
def recognised_message(population: PopulationTable) -> Message:
    """What the log says about the columns read (role = column) and the years found."""
    return msg(
        "Population table '{source}': columns recognised {columns}; years {years}.",
        source=population.source,
        columns=", ".join(f"{r} = {c}" for r, c in population.recognised.items()) or "-",
        years=_shown(population.years, 12),
    )


def embedded_population() -> PopulationTable:
    """The embedded FOLK1A as a population table of one year (2021)."""
    from . import embedded_areas

    wide = embedded_areas.default_areas()
    columns = need_mod.age_sex_columns(wide.columns)
    long = wide.melt(
        id_vars=["kommunekode", "kommune"],
        value_vars=list(columns),
        var_name="column",
        value_name="persons",
    )
    long["sex"] = [columns[c][0] for c in long["column"]]
    long["age_group"] = [columns[c][1] for c in long["column"]]
    quarter = str(wide["stat_quarter"].iloc[0])
    long["year"] = int(quarter[:4])
    source = msg(
        EMBEDDED_SOURCE,
        total_quarter=quarter,
        age_quarter=str(wide["age_sex_quarter"].iloc[0]),
    )
    frame = long[["kommunekode", "kommune", "sex", "age_group", "year", "persons"]]
    return PopulationTable(
        frame=frame.astype({"persons": float}).reset_index(drop=True),
        source=source,
        recognised={},
        notes=(embedded_areas.note(wide),),
    )


def read_population_csv(path: str | Path, *, all_kommuner: bool = True) -> PopulationTable:
    """A population CSV (``;`` or ``,``) -> :class:`PopulationTable` (see the module
    docstring for the columns and checks)."""
    path = Path(path)
    if not path.is_file():
        raise SundplanError("The population table '{path}' does not exist.", path=str(path))
    try:
        frame = pd.read_csv(
            path, sep=None, engine="python", dtype=str, encoding="utf-8-sig", keep_default_na=False
        )
    except (pd.errors.ParserError, pd.errors.EmptyDataError, UnicodeDecodeError) as exc:
        raise SundplanError(
            "Cannot read the population table '{path}': {error}", path=str(path), error=str(exc)
        ) from exc
    return population_from_frame(frame, source=path.name, all_kommuner=all_kommuner)


def _fold(name: str) -> str:
    return str(name).strip().lower().replace(" ", "_")


def recognise_columns(columns: Sequence[str]) -> dict[str, str]:
    """``{role: column}`` for the roles of :data:`COLUMN_NAMES` found in ``columns``."""
    folded = {_fold(c): c for c in columns}
    found = {}
    for role, names in COLUMN_NAMES.items():
        for name in names:
            if name in folded and folded[name] not in found.values():
                found[role] = folded[name]
                break
    return found


def population_from_frame(
    frame: pd.DataFrame, *, source: str, all_kommuner: bool = True
) -> PopulationTable:
    """Rows of a population table (text or numbers) -> a validated :class:`PopulationTable`.

    ``all_kommuner``: every one of the 98 kommuner must be in the table (the need index is
    relative to the whole country); False allows a subset (each kommune still complete)."""
    roles = recognise_columns(list(frame.columns))
    names = _kommune_names()
    if "kommunekode" not in roles and "kommune" in roles:
        values = frame[roles["kommune"]].astype(str).str.strip()
        if values.str.fullmatch(r"\d{1,4}").all():  # a 'kommune' column holding codes
            roles["kommunekode"] = roles.pop("kommune")
    missing = [r for r in ("sex", "age_group", "year", "persons") if r not in roles]
    if "kommunekode" not in roles and "kommune" not in roles:
        missing.insert(0, "kommunekode")
    if missing:
        raise SundplanError(
            "The population table '{source}' has no column for {missing}. It needs kommune "
            "(code or name), sex, age group, year and persons; recognised: {recognised}; "
            "columns found: {columns}.",
            source=source,
            missing=", ".join(missing),
            recognised=", ".join(f"{r} = {c}" for r, c in roles.items()) or "-",
            columns=", ".join(map(str, frame.columns)),
        )
    if frame.empty:
        raise SundplanError("The population table '{source}' has no rows.", source=source)
    rows = np.arange(len(frame)) + 2  # line numbers in the file (after the header)
    if "kommunekode" in roles:
        codes = [reference.normalise_code(v) for v in frame[roles["kommunekode"]]]
    else:
        by_name = {n.lower(): k for k, n in names.items()}
        codes = [
            by_name.get(str(v).strip().lower(), str(v).strip()) for v in frame[roles["kommune"]]
        ]
    codes = np.asarray(codes, dtype=object)
    notes: list[Message] = []
    outside = codes == reference.CHRISTIANSOE
    if outside.any():
        notes.append(
            msg(
                "{n} row(s) of Christiansø (0411, not a kommune) are left out.",
                n=int(outside.sum()),
            )
        )
    written = frame[roles.get("kommunekode") or roles["kommune"]].astype(str).str.strip()
    unknown = sorted(
        {w for w, c, o in zip(written, codes, outside, strict=True) if not o and c not in names}
    )
    if unknown:
        raise SundplanError(
            "The population table '{source}' has kommune codes or names that are not among the "
            "98 kommuner: {codes} ({n} in all). Use kommunekoder (101 or 0101) or kommune names; "
            "leave out rows of regions or the whole country.",
            source=source,
            codes=_shown(unknown),
            n=len(unknown),
        )
    sex = np.asarray([need_mod._sex_key(v) for v in frame[roles["sex"]]], dtype=object)
    bad = sorted({str(v) for v, s in zip(frame[roles["sex"]], sex, strict=True) if s not in SEXES})
    if bad:
        raise SundplanError(
            "The population table '{source}' (column '{column}') has sex values {values}; use "
            "m (men) or k (women), one row per sex.",
            source=source,
            column=roles["sex"],
            values=_shown(bad),
        )
    ages = np.asarray(
        [need_mod._normalise_age_group(v) for v in frame[roles["age_group"]]], dtype=object
    )
    bad = sorted(
        {str(v) for v, a in zip(frame[roles["age_group"]], ages, strict=True) if a is None}
    )
    if bad:
        raise SundplanError(
            "The population table '{source}' (column '{column}') has age groups {values} that "
            "are not 5-year groups; use {groups}.",
            source=source,
            column=roles["age_group"],
            values=_shown(bad),
            groups=", ".join(need_mod.AGE_GROUPS),
        )
    year_text = frame[roles["year"]].astype(str).str.strip()
    years = pd.to_numeric(year_text.str.extract(r"^(\d{4})", expand=False), errors="coerce")
    bad_rows = np.flatnonzero(years.isna().to_numpy())
    if bad_rows.size:
        raise SundplanError(
            "The population table '{source}' (column '{column}') has rows without a year "
            "(line {rows}: {values}). Write the year as 2030.",
            source=source,
            column=roles["year"],
            rows=_shown(rows[bad_rows]),
            values=_shown(year_text.iloc[bad_rows]),
        )
    persons_text = (
        frame[roles["persons"]].astype(str).str.strip().str.replace(",", ".", regex=False)
    )
    persons = pd.to_numeric(persons_text, errors="coerce").to_numpy(dtype=float)
    bad_rows = np.flatnonzero(~np.isfinite(persons) | (persons < 0))
    if bad_rows.size:
        raise SundplanError(
            "The population table '{source}' (column '{column}') has persons that are empty, "
            "not a number or negative in {n} row(s): {rows}. Fill in 0 where nobody lives.",
            source=source,
            column=roles["persons"],
            n=int(bad_rows.size),
            rows=listing(
                msg(
                    "line {line} ({kommune} {sex} {age} {year}: '{value}')",
                    line=int(rows[i]),
                    kommune=codes[i],
                    sex=sex[i],
                    age=ages[i],
                    year=int(years.iloc[i]),
                    value=frame[roles["persons"]].iloc[i],
                )
                for i in bad_rows[:_SHOWN]
            ),
        )
    tidy = pd.DataFrame(
        {
            "kommunekode": codes,
            "sex": sex,
            "age_group": ages,
            "year": years.astype("int64").to_numpy(),
            "persons": persons,
        }
    )[~outside].reset_index(drop=True)
    tidy.insert(1, "kommune", tidy["kommunekode"].map(names))
    _check_complete(tidy, source=source, all_kommuner=all_kommuner, names=names)
    return PopulationTable(frame=tidy, source=source, recognised=roles, notes=tuple(notes))


def _check_complete(
    tidy: pd.DataFrame, *, source: str, all_kommuner: bool, names: dict[str, str]
) -> None:
    """Every year × kommune × sex × age group once: else an error naming what is missing."""
    keys = ["year", "kommunekode", "sex", "age_group"]
    dup = tidy.duplicated(keys, keep=False)
    if dup.any():
        twice = tidy.loc[dup, keys].drop_duplicates()
        raise SundplanError(
            "The population table '{source}' has {n} year/kommune/sex/age group combination(s) "
            "more than once: {rows}. Give each once (sum single ages into the 5-year groups "
            "before).",
            source=source,
            n=len(twice),
            rows=_shown(["/".join(map(str, r)) for r in twice.itertuples(index=False)]),
        )
    kommuner = sorted(names) if all_kommuner else sorted(tidy["kommunekode"].unique())
    missing_k = [k for k in kommuner if k not in set(tidy["kommunekode"])]
    if missing_k:
        raise SundplanError(
            "The population table '{source}' has no rows for {n} of the 98 kommuner: "
            "{kommuner}. The need index compares with the whole country: give every kommune.",
            source=source,
            n=len(missing_k),
            kommuner=_shown([f"{k} {names[k]}" for k in missing_k]),
        )
    for role, allowed, what in (
        ("sex", SEXES, msg("sexes")),
        ("age_group", need_mod.AGE_GROUPS, msg("age groups")),
    ):
        absent = [v for v in allowed if v not in set(tidy[role])]
        if absent:
            raise SundplanError(
                "The population table '{source}' has no rows for the {what} {values} ({n} "
                "missing). Every year and kommune needs both sexes (m, k) and all 18 age "
                "groups (0_4 … 85_plus).",
                source=source,
                what=what,
                values=_shown(absent),
                n=len(absent),
            )
    years = sorted(tidy["year"].unique())
    full = pd.MultiIndex.from_product(
        [years, kommuner, list(SEXES), list(need_mod.AGE_GROUPS)], names=keys
    )
    have = pd.MultiIndex.from_frame(tidy[keys])
    gaps = full.difference(have)
    if len(gaps):
        by_year = pd.Series([g[0] for g in gaps]).value_counts().sort_index()
        raise SundplanError(
            "The population table '{source}' is incomplete: {n} year/kommune/sex/age group "
            "row(s) are missing ({per_year}), e.g. {rows}. Every year needs every kommune, "
            "both sexes and all 18 age groups.",
            source=source,
            n=len(gaps),
            per_year=", ".join(f"{y}: {c}" for y, c in by_year.items()),
            rows=_shown(["/".join(map(str, g)) for g in gaps]),
        )


# --------------------------------------------------------------------------- arithmetic
def kommune_need(population: PopulationTable, *, weights, years: Sequence[int]) -> pd.DataFrame:
    """One row per kommune and year: ``kommunekode``, ``kommune``, ``year``, ``residents``,
    ``residents_75_plus``, ``need_weighted`` (Σ persons × weight; the head count without
    weights)."""
    tidy = population.frame[population.frame["year"].isin(list(years))]
    tidy = tidy.assign(column=tidy["sex"] + "_" + tidy["age_group"])
    wide = tidy.pivot_table(
        index=["kommunekode", "year"], columns="column", values="persons", aggfunc="sum"
    )
    columns = {f"{s}_{g}": (s, g) for s in SEXES for g in need_mod.AGE_GROUPS}
    wide = wide.reindex(columns=list(columns))
    residents = wide.sum(axis=1)
    old = [f"{s}_{g}" for s in SEXES for g in AGE_GROUPS_75_PLUS]
    if weights is None:
        needed = residents
    else:
        needed = need_mod.need_weighted_population(
            wide, weights=weights, columns=columns, row_names=[f"{k} {y}" for k, y in wide.index]
        )
    out = pd.DataFrame(
        {
            "residents": residents.to_numpy(float),
            "residents_75_plus": wide[old].sum(axis=1).to_numpy(float),
            "need_weighted": np.asarray(needed, dtype=float),
        },
        index=wide.index,
    ).reset_index()
    out.insert(1, "kommune", out["kommunekode"].map(_kommune_names()))
    return out


def unit_of_kommune(level: str) -> pd.DataFrame:
    """``kommunekode`` -> ``area_code``, ``area_name`` of its unit at ``level``."""
    kom = reference.kommuner()
    if level == KOMMUNE:
        return pd.DataFrame(
            {
                "kommunekode": kom["kommunekode"],
                "area_code": kom["kommunekode"],
                "area_name": kom["kommune"],
            }
        )
    if level not in _UNIT_FIELDS:
        raise SundplanError(
            "Unknown level '{level}'. Use {levels}.",
            level=level,
            levels=", ".join(k for k, _ in LEVELS),
        )
    code_field, name_field = _UNIT_FIELDS[level]
    if level == REGION_2027:
        ids = reference.regioner_2027().set_index("region_2027")["region_2027_id"]
        codes = kom["region_2027"].map(ids)
    else:
        codes = kom[code_field]
    return pd.DataFrame(
        {
            "kommunekode": kom["kommunekode"],
            "area_code": codes.astype(str),
            "area_name": kom[name_field],
        }
    )


def roll_up(per_kommune: pd.DataFrame, *, level: str) -> pd.DataFrame:
    """Sums of ``residents``, ``residents_75_plus`` and ``need_weighted`` per unit of
    ``level`` and year (kommune: the rows themselves)."""
    units = unit_of_kommune(level)
    merged = per_kommune.merge(units, on="kommunekode", how="left", validate="m:1")
    sums = (
        merged.groupby(["area_code", "area_name", "year"], sort=False)[
            ["residents", "residents_75_plus", "need_weighted"]
        ]
        .sum()
        .reset_index()
    )
    order = {c: i for i, c in enumerate(dict.fromkeys(units["area_code"]))}
    if level != KOMMUNE:
        order = {c: (int(c) if c.isdigit() else i) for i, c in enumerate(order)}
    sums["_order"] = sums["area_code"].map(order)
    sums = sums.sort_values(["_order", "year"]).drop(columns="_order").reset_index(drop=True)
    sums.insert(0, "level", level)
    return sums


def need_table(
    population: PopulationTable,
    *,
    weights,
    levels: Sequence[str],
    years: Sequence[int] | None = None,
    base_year: int | None = None,
) -> pd.DataFrame:
    """The shared table (:data:`TABLE_COLUMNS` and more) for ``levels`` and ``years``
    (None: every year of the table); ``base_year`` None: the first year of the table."""
    available = population.years
    base = available[0] if base_year is None else int(base_year)
    wanted = available if not years else sorted({int(y) for y in years})
    missing = [y for y in [base, *wanted] if y not in available]
    if missing:
        raise SundplanError(
            "The population table '{source}' has no year {years}; its years are {available}.",
            source=population.source,
            years=", ".join(map(str, sorted(set(missing)))),
            available=_shown(available, 12),
        )
    computed = sorted({base, *wanted})
    per_kommune = kommune_need(population, weights=weights, years=computed)
    national = per_kommune[per_kommune["year"] == base]
    if not float(national["residents"].sum()) > 0:
        raise SundplanError(
            "The population table '{source}' has no residents in the base year {year}.",
            source=population.source,
            year=base,
        )
    national_rate = float(national["need_weighted"].sum()) / float(national["residents"].sum())
    frames = []
    for level in levels:
        tab = roll_up(per_kommune, level=level)
        base_rows = tab[tab["year"] == base].set_index("area_code")
        base_need = tab["area_code"].map(base_rows["need_weighted"]).to_numpy(float)
        base_res = tab["area_code"].map(base_rows["residents"]).to_numpy(float)
        base_old = tab["area_code"].map(base_rows["residents_75_plus"]).to_numpy(float)
        res = tab["residents"].to_numpy(float)
        need_w = tab["need_weighted"].to_numpy(float)
        with np.errstate(divide="ignore", invalid="ignore"):
            tab["share_75_plus"] = np.where(res > 0, tab["residents_75_plus"] / res, np.nan)
            per_res = np.where(res > 0, need_w / res, np.nan)
            tab["need_index"] = per_res / national_rate * 100.0
            tab["need_change_pct"] = np.where(
                base_need > 0, (need_w / base_need - 1.0) * 100.0, np.nan
            )
            tab["residents_change_pct"] = np.where(
                base_res > 0, (res / base_res - 1.0) * 100.0, np.nan
            )
        tab["need_per_resident"] = per_res
        tab["residents_75_plus_change"] = tab["residents_75_plus"].to_numpy(float) - base_old
        tab["base_year"] = base
        frames.append(tab[tab["year"].isin(wanted)])
    out = pd.concat(frames, ignore_index=True)
    out["year"] = out["year"].astype("int64")
    out["base_year"] = out["base_year"].astype("int64")
    extra = ["need_per_resident", "residents_change_pct", "residents_75_plus_change"]
    return out[[*TABLE_COLUMNS, *extra]]


# --------------------------------------------------------------------------- the tool
@dataclass(frozen=True)
class NeedInputs:
    """One need_projection run: ``population`` None = the embedded FOLK1A; ``weights`` None =
    unweighted; ``level`` one of :data:`LEVEL_CHOICES`; ``years`` empty = every year."""

    population: PopulationTable | None = None
    weights: need_mod.NeedWeights | None = None
    level: str = DEFAULT_LEVEL
    years: tuple[int, ...] = ()
    base_year: int | None = None


@dataclass
class NeedResult:
    """The shared table, the run report and warnings (message templates)."""

    table: pd.DataFrame
    report: dict
    warnings: list = field(default_factory=list)
    notes: list = field(default_factory=list)


def levels_of(level: str) -> tuple[str, ...]:
    """The levels a LEVEL choice stands for."""
    if level == ALL_LEVELS:
        return tuple(k for k, _ in LEVELS)
    if level not in LEVEL_LABELS:
        raise SundplanError(
            "Unknown level '{level}'. Use {levels}.",
            level=level,
            levels=", ".join(k for k, _ in LEVEL_CHOICES),
        )
    return (level,)


def parse_years(text: str) -> tuple[int, ...]:
    """'2025; 2030' or '2025-2030' -> (2025, 2030) / (2025, …, 2030)."""
    from .parsing import split_list

    years: list[int] = []
    for part in split_list(text or ""):
        m = re.fullmatch(r"\s*(\d{4})\s*(?:[-–]\s*(\d{4}))?\s*", part)
        if not m:
            raise SundplanError(
                "'{value}' is not a year or a range of years (write 2030 or 2025-2030).",
                value=part,
            )
        lo, hi = int(m.group(1)), int(m.group(2) or m.group(1))
        years.extend(range(min(lo, hi), max(lo, hi) + 1))
    return tuple(sorted(set(years)))


def _noop(fraction: float, message: str = "") -> None:
    return None


def run(inputs: NeedInputs, *, progress: Callable[[float, str], None] | None = None) -> NeedResult:
    """The shared table for the chosen levels and years, and the run report."""
    progress = progress or _noop
    progress(0.05, msg("Reading the population table"))
    population = inputs.population if inputs.population is not None else embedded_population()
    progress(0.3, msg("Need-weighted residents per kommune and year"))
    table = need_table(
        population,
        weights=inputs.weights,
        levels=levels_of(inputs.level),
        years=inputs.years,
        base_year=inputs.base_year,
    )
    table["weights"] = need_mod.weights_label(inputs.weights)
    table["source"] = str(population.source)
    national = (
        roll_up(
            kommune_need(
                population,
                weights=inputs.weights,
                years=sorted({*table["year"], int(table["base_year"].iloc[0])}),
            ),
            level=REGION,
        )
        .groupby("year")[["residents", "residents_75_plus", "need_weighted"]]
        .sum()
    )
    base = int(table["base_year"].iloc[0])
    rate = national.loc[base, "need_weighted"] / national.loc[base, "residents"]
    report = {
        "population_table": {
            "source": population.source,
            "columns": [f"{role} = {column}" for role, column in population.recognised.items()]
            or msg("embedded (no columns to recognise)"),
            "years": population.years,
            "kommuner": int(population.frame["kommunekode"].nunique()),
        },
        "weights": need_mod.weights_record(inputs.weights),
        "base_year": base,
        "years": sorted(int(y) for y in table["year"].unique()),
        "levels": list(levels_of(inputs.level)),
        "method": {
            "need_weighted": msg("Σ persons × weight(age group, sex), not rescaled per year"),
            "need_index": msg(
                "need per resident ÷ need per resident of the whole country in the base year × 100"
            ),
            "need_change_pct": msg("change of need_weighted from the base year, %"),
        },
        "national": [
            {
                "year": int(y),
                "residents": round(float(r.residents), 1),
                "residents_75_plus": round(float(r.residents_75_plus), 1),
                "need_weighted": round(float(r.need_weighted), 1),
                "need_index": round(float(r.need_weighted / r.residents / rate * 100), 3),
            }
            for y, r in national.iterrows()
        ],
        "notes": list(population.notes),
    }
    progress(1.0, "")
    return NeedResult(table=table, report=report, notes=list(population.notes))
