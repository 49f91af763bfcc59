"""Grouping areas into larger units (regions, sundhedsråd, sundhedsfællesskaber, a table).

One rule for every roll-up (GP density, specialist gaps): ids are matched as codes
(:func:`sundplan_qgis.reference.normalise_code`, ``101`` = ``0101``); an id not in the grouping
is counted, warned about and shown as the unit :data:`OUTSIDE` ("outside the grouping"),
left out of every comparison, never hidden and never an error.

This module never imports qgis.
"""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from dataclasses import dataclass

import numpy as np
import pandas as pd

from . import reference
from .errors import SundplanError, msg

OUTSIDE = reference.OUTSIDE_GROUPING
normalise_code = reference.normalise_code

NONE = "none"
TABLE = "table"
EMBEDDED = "embedded"
"""All embedded levels at once (GP density rolls up to every level of the reference table)."""
REFERENCE_LEVELS = ("region", "region_2027", "sundhedsraad", "sundhedsfaellesskab")
"""Columns of :func:`sundplan_qgis.reference.grouping_table`, keyed by kommunekode."""
LEVELS = (
    (NONE, msg("None: the areas themselves")),
    ("region", msg("Regions (5, until 2026), by kommunekode")),
    ("region_2027", msg("Regions from 2027 (4), by kommunekode")),
    ("sundhedsraad", msg("Sundhedsråd (17), by kommunekode")),
    ("sundhedsfaellesskab", msg("Sundhedsfællesskaber (21, 2019 proposal), by kommunekode")),
    (
        EMBEDDED,
        msg(
            "Roll up to regions / sundhedsråd / sundhedsfællesskaber (embedded table; area ids "
            "must be kommunekoder)"
        ),
    ),
    (TABLE, msg("A grouping table (area id -> unit)")),
)
"""Every grouping choice as (key, English label); a tool offers the subset it supports."""


def choices(*keys: str) -> tuple[tuple[str, str], ...]:
    """The (key, label) pairs of :data:`LEVELS` for ``keys``, in that order."""
    labels = dict(LEVELS)
    return tuple((k, labels[k]) for k in keys)


@dataclass(frozen=True)
class Grouping:
    """A chosen grouping: ``level`` (a :data:`LEVELS` key) and either ``mapping`` (area id ->
    unit, one level) or ``table`` (key column + one column per level)."""

    level: str
    mapping: Mapping[str, str] | None = None
    table: pd.DataFrame | None = None
    key_field: str = "kommunekode"
    level_fields: tuple[str, ...] | None = None


def from_rows(rows: Sequence[tuple]) -> dict[str, str]:
    """Rows (area id, unit) of a grouping table -> mapping; rows with a NULL id or unit are
    skipped (their areas fall outside the grouping)."""
    return {str(k).strip(): str(u) for k, u in rows if k is not None and u is not None}


def reference_mapping(level: str) -> dict[str, str]:
    """kommunekode -> unit at ``level`` (``region``, ``region_2027``, ``sundhedsraad``,
    ``sundhedsfaellesskab``) from the embedded reference data."""
    table = reference.grouping_table()
    if level not in table.columns or level in ("kommunekode", "kommune"):
        raise SundplanError(
            "Unknown grouping level '{level}'. Use region, region_2027, sundhedsraad or "
            "sundhedsfaellesskab.",
            level=level,
        )
    return dict(zip(table["kommunekode"], table[level], strict=True))


def group_areas(
    frame: pd.DataFrame,
    mapping: Mapping[str, str],
    *,
    key: str = "area_id",
    source_name: str = "areas",
    pad_codes: bool = True,
) -> pd.DataFrame:
    """Sum the numeric columns of ``frame`` per unit of ``mapping`` (area id -> unit name).

    Ids are matched by :func:`sundplan_qgis.reference.units_of`, the one rule of every
    roll-up: as codes (``101`` = ``0101``); ids not in the mapping (Christiansø, 0411, is in
    no region) go to one extra row :data:`OUTSIDE` ("outside the grouping", column
    ``outside_grouping`` true), which :func:`specialist_gaps` reports but leaves out of fair
    shares, Gini, ranks and relocations. Returns one row per unit with ``area_id`` =
    ``area_name`` = unit name. (``pad_codes`` is kept for compatibility: codes always match
    that way.)
    """
    units = unit_of_areas(frame[key], mapping, source_name=source_name)
    numeric = frame.drop(
        columns=[c for c in (key, "area_name", "outside_grouping") if c in frame.columns]
    )
    numeric = numeric.apply(pd.to_numeric, errors="coerce")
    out = numeric.groupby(np.asarray(units, dtype=object)).sum(min_count=1)
    out = out.reset_index(names="area_id")
    outside = np.array([u == OUTSIDE for u in out["area_id"]], dtype=bool)
    out = pd.concat([out[~outside], out[outside]], ignore_index=True)
    out["area_id"] = [OUTSIDE if u == OUTSIDE else u for u in out["area_id"]]
    out.insert(1, "area_name", out["area_id"])
    out["outside_grouping"] = np.concatenate(
        [np.zeros((~outside).sum(), bool), np.ones(outside.sum(), bool)]
    )
    return out


def unit_of_areas(
    ids: Sequence, mapping: Mapping[str, str], *, source_name: str = "grouping table"
) -> list[str]:
    """The unit of every area id (:func:`group_areas`' rule): the unit name, or
    :data:`OUTSIDE` for ids outside the grouping."""
    units = reference.units_of([str(i).strip() for i in ids], mapping, source_name=source_name)
    return [OUTSIDE if u is None else u for u in units]


def units_by_level(
    ids: Sequence[str], table: pd.DataFrame, *, key: str, levels: Sequence[str]
) -> tuple[dict[str, list], np.ndarray, list]:
    """The unit of every area (ids already :func:`normalise_code`-d) at each level of
    ``table``, the mask of ids outside the grouping and the warnings (one naming them)."""
    if key not in table.columns:
        raise SundplanError(
            "The grouping table has no column '{column}' (columns: {columns}).",
            column=key,
            columns=", ".join(map(str, table.columns)),
        )
    keys = [normalise_code(v) for v in table[key]]
    dupl = sorted({k for k in keys if keys.count(k) > 1})
    if dupl:
        raise SundplanError(
            "The grouping table lists these keys more than once: {keys}.",
            keys=", ".join(dupl[:5]),
        )
    missing_levels = [lv for lv in levels if lv not in table.columns]
    if missing_levels:
        raise SundplanError(
            "The grouping table has no column(s) {missing} (columns: {columns}).",
            missing=", ".join(missing_levels),
            columns=", ".join(map(str, table.columns)),
        )
    units = {
        lv: reference.units_of(
            ids, dict(zip(keys, table[lv], strict=True)), source_name="grouping table"
        )
        for lv in levels
    }
    key_set = set(keys)
    outside = np.array([i not in key_set for i in ids], dtype=bool)
    warnings = []
    if outside.any():
        warnings.append(
            msg(
                "{n} area id(s) are not in the grouping table: {ids}. They form the row "
                "'{label}' of every roll-up, left out of ranks, Gini, best/worst and "
                "shortage counts.",
                n=int(outside.sum()),
                ids=", ".join(np.asarray(ids, dtype=object)[outside][:10]),
                label=OUTSIDE,
            )
        )
    return units, outside, warnings


def unit_geometry(
    base: pd.DataFrame,
    geometries: Sequence,
    centres: np.ndarray,
    unit_of: Mapping[str, str],
    units: Sequence[str],
) -> tuple[np.ndarray, list]:
    """Dissolved polygons per unit and their centres: the population-weighted centre of the
    member areas' centres when it lies inside the unit, else the nearest point inside
    (:func:`sundplan_qgis.reference.weighted_inside_point`; a region's centre never lies in
    the sea between its islands)."""
    from shapely.ops import unary_union

    from . import need

    cols = list(need.age_sex_columns(base.columns)) or ["population"]
    weight = base[cols].sum(axis=1).to_numpy(dtype=float)
    out_c, out_g = [], []
    for u in units:
        idx = [i for i, a in enumerate(base["area_id"]) if unit_of[a] == u]
        geom = unary_union([geometries[i] for i in idx])
        out_c.append(reference.weighted_inside_point(geom, centres[idx], weight[idx]))
        out_g.append(geom)
    return np.array(out_c, dtype=float), out_g
