"""Need weights ("behovsvægte"): turn population by age (and sex) into need-weighted population.

A weight table maps 5-year age groups (``0_4`` … ``80_84``, ``85_plus``) and optionally sex
(``m`` = mænd, ``k`` = kvinder, ``all`` = both) to a relative weight. The need-weighted
population of an area is ``Σ count(sex, age group) × weight(sex, age group)``. With weights
whose national population-weighted mean is 1 (as the shipped defaults), the need-weighted
population is directly comparable with the head count ("sygdomsvægtede borgere").

Lookup rule: a sex-specific row (``m``/``k``) wins over an ``all`` row of the same age group; a
column without sex (``all_0_4``) uses the ``all`` row, or the plain mean of the ``m`` and ``k``
rows when the table has only sex-specific rows for that group.

Recognised population column names (case-insensitive), see :func:`age_sex_columns`:
``<sex>_<age group>`` with sex one of ``m``, ``men``, ``male``, ``maend``/``mænd`` (men);
``k``, ``f``, ``women``, ``female``, ``kvinder`` (women); ``all``, ``alle``, ``t``, ``total``
(both); and the age group ``0_4`` … ``80_84``, ``85_plus`` (also written ``85plus`` or ``85_``).
The sample region's kommuner layer uses ``m_0_4`` … ``k_85_plus``.

The shipped defaults are documented (sources, derivation) in ``resources/data/README.md``.
"""

from __future__ import annotations

import hashlib
import re
from collections.abc import Iterable, Mapping
from dataclasses import dataclass
from pathlib import Path

import numpy as np
import pandas as pd

from . import specialties
from .errors import SundplanError, msg

AGE_GROUPS: tuple[str, ...] = tuple(f"{a}_{a + 4}" for a in range(0, 85, 5)) + ("85_plus",)
"""The 18 five-year age groups, youngest first."""

SEXES = ("m", "k", "all")
DATA_DIR = Path(__file__).resolve().parents[1] / "resources" / "data"
GP = "almen_praksis"
SPECIALISTS = "specialists"
"""Services with weights: almen praksis (one table) and speciallægepraksis (one table per
specialty, column ``specialty``)."""
DEFAULT_WEIGHT_FILES = {
    GP: DATA_DIR / "need_weights_gp.csv",
    SPECIALISTS: DATA_DIR / "need_weights_specialists.csv",
}
"""Shipped default weight tables per service."""
GENERAL_PROFILE = "*"
"""``specialty`` value of the specialist weight rows used for every specialty without rows of
its own."""

_SEX_ALIASES = {
    "m": "m",
    "men": "m",
    "male": "m",
    "males": "m",
    "maend": "m",
    "mænd": "m",
    "k": "k",
    "f": "k",
    "women": "k",
    "female": "k",
    "females": "k",
    "kvinder": "k",
    "all": "all",
    "alle": "all",
    "t": "all",
    "total": "all",
}
_MISSING_SEX = ("", "nan")
"""A weight row without sex (empty, NULL) holds for both sexes."""
_COLUMN_RE = re.compile(r"^([a-zæøå]+)_(\d{1,2})_?(\d{1,2}|plus)?$", re.IGNORECASE)


def _age_group_of(lo: str, hi: str | None) -> str | None:
    group = f"{int(lo)}_{'plus' if hi in (None, '', 'plus') else int(hi)}"
    return group if group in AGE_GROUPS else None


def age_sex_columns(columns: Iterable[str]) -> dict[str, tuple[str, str]]:
    """The columns that hold population by sex and age group: ``{column: (sex, age_group)}``.

    ``sex`` is ``'m'``, ``'k'`` or ``'all'``; ``age_group`` one of :data:`AGE_GROUPS`. Columns
    that do not match (``population``, ``kommune`` …) are ignored. See the module docstring
    for the accepted spellings.
    """
    out: dict[str, tuple[str, str]] = {}
    for col in columns:
        m = _COLUMN_RE.match(str(col).strip())
        if not m:
            continue
        sex = _SEX_ALIASES.get(m.group(1).lower())
        group = _age_group_of(m.group(2), m.group(3))
        if sex is None or group is None:
            continue
        out[str(col)] = (sex, group)
    return out


def _sex_key(value) -> str | None:
    """``m``, ``k`` or ``all`` for a sex written in any accepted way (NULL/empty = ``all``);
    None when not recognised. The one sex rule of every weight table."""
    text = "" if value is None or (isinstance(value, float) and value != value) else str(value)
    text = text.strip().lower()
    return "all" if text in _MISSING_SEX else _SEX_ALIASES.get(text)


def _normalise_age_group(value) -> str | None:
    """``'85+'``, ``'85-plus'``, ``'0-4'`` -> ``'85_plus'``, ``'0_4'``; None when not an age
    group. The one age-group rule of every weight table."""
    text = str(value).strip().lower().replace("-", "_").replace("+", "_plus").replace(" ", "")
    text = re.sub(r"_+", "_", text)
    m = re.match(r"^(\d{1,2})_?(\d{1,2}|plus)?$", text)
    if not m:
        return None
    return _age_group_of(m.group(1), m.group(2))


@dataclass(frozen=True)
class NeedWeights:
    """A validated weight table and what outputs record about it.

    ``table``: ``age_group``, ``sex`` (m/k/all), ``weight``, ``source`` (and ``specialty`` for
    ``service="specialists"``); ``label`` names it, ``sha256`` is :func:`weights_hash`."""

    table: pd.DataFrame
    label: str
    sha256: str
    service: str = GP

    def __len__(self) -> int:
        return len(self.table)


def as_table(weights) -> pd.DataFrame:
    """The rows of ``weights`` (:class:`NeedWeights` or a plain table, as ``fca`` passes)."""
    return weights.table if isinstance(weights, NeedWeights) else weights


NO_WEIGHTS_LABEL = msg("none (unweighted population)")


def label_of(weights, default: str = "user table") -> str:
    """The label of ``weights`` (a plain table: its ``attrs['label']`` or ``default``)."""
    if isinstance(weights, NeedWeights):
        return weights.label
    return str(weights.attrs.get("label", default))


def weights_from_rows(rows: Iterable[Iterable], *, source: str = "user table") -> NeedWeights:
    """Rows ``(age_group, sex, weight)`` (e.g. a Processing matrix) -> a validated table."""
    rows = [list(r) for r in rows]
    frame = pd.DataFrame(
        [(r[0], r[1] if len(r) > 1 else "all", r[2] if len(r) > 2 else None) for r in rows],
        columns=["age_group", "sex", "weight"],
    )
    frame["source"] = source
    return _validate(frame, label=source)


def _validate(frame: pd.DataFrame, *, label: str) -> NeedWeights:
    missing = [c for c in ("age_group", "weight") if c not in frame.columns]
    if missing:
        raise SundplanError(
            "The need weights '{label}' have no column(s) {missing}. Expected "
            "columns: age_group, sex (m/k/all, optional), weight.",
            label=label,
            missing=", ".join(missing),
        )
    frame = frame.copy()
    if "sex" not in frame.columns:
        frame["sex"] = "all"
    if "source" not in frame.columns:
        frame["source"] = label
    groups, sexes, weights = [], [], []
    for i, row in enumerate(frame.itertuples(index=False), start=1):
        group = _normalise_age_group(row.age_group)
        if group is None:
            raise SundplanError(
                "Row {row} of the need weights '{label}': age group '{value}' is not one "
                "of {groups}.",
                row=i,
                label=label,
                value=row.age_group,
                groups=", ".join(AGE_GROUPS),
            )
        sex = _sex_key(row.sex)
        if sex is None:
            raise SundplanError(
                "Row {row} of the need weights '{label}': sex '{value}' must be m, k or all.",
                row=i,
                label=label,
                value=row.sex,
            )
        try:
            w = float(row.weight)
        except (TypeError, ValueError):
            w = float("nan")
        if not np.isfinite(w) or w <= 0:
            raise SundplanError(
                "Row {row} of the need weights '{label}' (age group {group}, sex {sex}): the "
                "weight must be a positive number (got {value!r}).",
                row=i,
                label=label,
                group=group,
                sex=sex,
                value=row.weight,
            )
        groups.append(group)
        sexes.append(sex)
        weights.append(w)
    frame["age_group"], frame["sex"], frame["weight"] = groups, sexes, weights
    dup = frame.duplicated(["age_group", "sex"], keep=False)
    if dup.any():
        pairs = sorted({f"{g}/{s}" for g, s in frame.loc[dup, ["age_group", "sex"]].values})
        raise SundplanError(
            "The need weights '{label}' list some age groups twice: {pairs}.",
            label=label,
            pairs=", ".join(pairs[:6]),
        )
    if frame.empty:
        raise SundplanError("The need weights '{label}' are empty.", label=label)
    out = frame[["age_group", "sex", "weight", "source"]].reset_index(drop=True)
    return NeedWeights(table=out, label=label, sha256=weights_hash(out))


def weights_hash(weights) -> str:
    """A short SHA-256 of the (age_group, sex, weight) rows, order-independent."""
    rows = sorted(
        f"{g}|{s}|{w:.10g}"
        for g, s, w in as_table(weights)[["age_group", "sex", "weight"]].itertuples(index=False)
    )
    return hashlib.sha256("\n".join(rows).encode()).hexdigest()[:16]


def load_weights(path_or_frame=None, *, service: str = GP) -> NeedWeights:
    """A validated weight table: columns ``age_group``, ``sex`` (m/k/all), ``weight``, ``source``.

    ``service="specialists"``: the table has a ``specialty`` column too (names or aliases, or
    ``*`` = :data:`GENERAL_PROFILE`) and weights may be 0 (a specialty that does not serve an
    age group or sex); see :func:`_load_specialist_table`. Every other service: weights > 0.
    Both use one sex rule (:func:`_sex_key`) and one age-group rule
    (:func:`_normalise_age_group`).

    ``None`` -> the shipped default for ``service`` (``resources/data/need_weights_gp.csv`` for
    ``almen_praksis``); a path -> a CSV (comma or semicolon separated) with columns
    ``age_group``, ``weight`` and optionally ``sex``, ``service`` (rows of other services are
    skipped), ``source``; a DataFrame with the same columns (its ``attrs['label']`` names it). Returns
    :class:`NeedWeights` (record its label and sha256 in outputs).
    """
    if service == SPECIALISTS:
        return _load_specialist_table(path_or_frame)
    if path_or_frame is None:
        path = DEFAULT_WEIGHT_FILES.get(service)
        if path is None:
            raise SundplanError(
                "No default need weights for the service '{service}'. Give a weight table "
                "(defaults exist for: {services}).",
                service=service,
                services=", ".join(DEFAULT_WEIGHT_FILES),
            )
        frame = pd.read_csv(path, dtype=str, encoding="utf-8")
        label = msg("default {service} ({file})", service=service, file=path.name)
    elif isinstance(path_or_frame, pd.DataFrame):
        frame = path_or_frame.copy()
        label = str(path_or_frame.attrs.get("label", "user table"))
    else:
        path = Path(path_or_frame)
        if not path.is_file():
            raise SundplanError("The need weight file '{path}' does not exist.", path=path)
        try:
            frame = pd.read_csv(path, dtype=str, sep=None, engine="python", encoding="utf-8-sig")
        except (pd.errors.ParserError, UnicodeDecodeError) as exc:
            raise SundplanError(
                "Cannot read the need weight file '{path}': {error}", path=path, error=str(exc)
            ) from exc
        frame.columns = [str(c).strip().lower() for c in frame.columns]
        label = path.name
    if "service" in frame.columns:
        frame = frame[frame["service"].astype(str).str.strip() == service]
        if frame.empty:
            raise SundplanError(
                "The need weights '{label}' have no rows for service '{service}'.",
                label=label,
                service=service,
            )
    return _validate(frame, label=label)


def _load_specialist_table(path_or_frame=None) -> NeedWeights:
    """Need weights per specialty, age group and sex (``service="specialists"``).

    ``None``: the shipped defaults (``resources/data/need_weights_specialists.csv``); else a
    path to a CSV or a DataFrame with columns ``specialty``, ``age_group``, ``sex`` (``m``, ``k``
    or ``all``) and ``weight`` (``source``/``derivation`` optional). ``specialty`` is a specialty
    name (aliases allowed) or ``*`` (the profile for specialties without rows of their own).
    Returns the rows with canonical specialty names; weights must be finite and ≥ 0.
    """
    if path_or_frame is None:
        path_or_frame = DEFAULT_WEIGHT_FILES[SPECIALISTS]
    if isinstance(path_or_frame, pd.DataFrame):
        frame = path_or_frame.copy()
        name = "weights table"
    else:
        name = str(path_or_frame)
        try:
            frame = pd.read_csv(path_or_frame, dtype=str, encoding="utf-8", keep_default_na=False)
        except FileNotFoundError as exc:
            raise SundplanError(
                "The need-weight table '{table}' does not exist.", table=name
            ) from exc
    frame.columns = [str(c).strip().lower() for c in frame.columns]
    missing = [c for c in ("specialty", "age_group", "weight") if c not in frame.columns]
    if missing:
        raise SundplanError(
            "The need-weight table '{table}' lacks the column(s) {missing}. It needs "
            "specialty, age_group, sex (m/k/all) and weight; found: {found}.",
            table=name,
            missing=", ".join(missing),
            found=", ".join(frame.columns),
        )
    if "sex" not in frame.columns:
        frame["sex"] = "all"
    if "source" not in frame.columns:
        frame["source"] = ""
    frame["sex"] = [_sex_key(v) or str(v) for v in frame["sex"]]
    bad_sex = sorted(set(frame["sex"]) - {"m", "k", "all"})
    if bad_sex:
        raise SundplanError(
            "The need-weight table '{table}' has sex values {values}; use m, k or all.",
            table=name,
            values=", ".join(bad_sex),
        )
    frame["age_group"] = [_normalise_age_group(v) or str(v) for v in frame["age_group"]]
    bad_age = sorted({str(v) for v in frame["age_group"] if v not in AGE_GROUPS})
    if bad_age:
        raise SundplanError(
            "The need-weight table '{table}' has age groups {values}; use {allowed}.",
            table=name,
            values=", ".join(bad_age),
            allowed=", ".join(AGE_GROUPS),
        )
    weight = pd.to_numeric(frame["weight"], errors="coerce")
    bad = frame.index[~np.isfinite(weight.to_numpy(dtype=float)) | (weight < 0).to_numpy()]
    if len(bad):
        rows = ", ".join(
            f"{frame.at[i, 'specialty']}/{frame.at[i, 'age_group']}: '{frame.at[i, 'weight']}'"
            for i in bad[:5]
        )
        raise SundplanError(
            "The need-weight table '{table}' has weights that are not numbers ≥ 0: {rows}.",
            table=name,
            rows=rows,
        )
    frame["weight"] = weight.astype(float)
    spec = frame["specialty"].astype(str).str.strip()
    general = spec.isin([GENERAL_PROFILE, "all", "alle"])
    canonical = spec.copy()
    if (~general).any():
        canonical[~general] = specialties.normalise_specialties(
            list(spec[~general]), source_name=f"{name} (column specialty)"
        )
    canonical[general] = GENERAL_PROFILE
    frame["specialty"] = canonical
    dup = frame.duplicated(["specialty", "age_group", "sex"], keep=False)
    if dup.any():
        pairs = sorted(
            {"/".join(r) for r in frame.loc[dup, ["specialty", "age_group", "sex"]].values}
        )
        raise SundplanError(
            "The need-weight table '{table}' lists some rows twice: {rows}.",
            table=name,
            rows=", ".join(pairs[:6]),
        )
    frame = frame.reset_index(drop=True)
    default = Path(name) == DEFAULT_WEIGHT_FILES[SPECIALISTS]
    rows = sorted(
        f"{p}|{g}|{s}|{w:.10g}"
        for p, g, s, w in frame[["specialty", "age_group", "sex", "weight"]].itertuples(index=False)
    )
    return NeedWeights(
        table=frame,
        label=msg("default ({file})", file=Path(name).name) if default else name,
        sha256=hashlib.sha256("\n".join(rows).encode()).hexdigest()[:16],
        service=SPECIALISTS,
    )


def weight_lookup(weights) -> dict[tuple[str, str], float]:
    """``{(sex, age_group): weight}`` with the lookup rule of the module docstring applied."""
    rows = as_table(weights)[["age_group", "sex", "weight"]].values
    table = {(s, g): float(w) for g, s, w in rows}
    out: dict[tuple[str, str], float] = {}
    for g in AGE_GROUPS:
        for s in ("m", "k"):
            if (s, g) in table:
                out[(s, g)] = table[(s, g)]
            elif ("all", g) in table:
                out[(s, g)] = table[("all", g)]
        if ("all", g) in table:
            out[("all", g)] = table[("all", g)]
        elif ("m", g) in table and ("k", g) in table:
            out[("all", g)] = 0.5 * (table[("m", g)] + table[("k", g)])
    return out


def need_weighted_population(
    pop: pd.DataFrame,
    *,
    weights: NeedWeights | pd.DataFrame,
    columns: Mapping[str, tuple[str, str]] | None = None,
    row_names: Iterable | None = None,
) -> pd.Series:
    """Need-weighted population, one value per row of ``pop`` (same index).

    ``columns`` maps population columns to ``(sex, age_group)``; ``None`` recognises them with
    :func:`age_sex_columns`. ``row_names`` (e.g. kommune names) are used in messages; default
    the index. Raises :class:`SundplanError` when no age/sex columns are found, when the
    weights do not cover an age group (and sex) present, or for NULL or negative counts.
    """
    cols = dict(columns) if columns is not None else age_sex_columns(pop.columns)
    if not cols:
        raise SundplanError(
            "No population-by-age columns found (expected names like m_0_4, k_0_4, …, "
            "k_85_plus). Give age/sex columns or switch need weighting off."
        )
    absent = [c for c in cols if c not in pop.columns]
    if absent:
        raise SundplanError("Population columns not found: {columns}.", columns=", ".join(absent))
    lookup = weight_lookup(weights)
    label = label_of(weights, "need weights")
    missing = sorted(
        {f"{g} ({s})" for s, g in cols.values() if (s, g) not in lookup},
        key=lambda t: AGE_GROUPS.index(t.split(" ")[0]),
    )
    if missing:
        raise SundplanError(
            "The need weights '{label}' do not cover these age groups present in the "
            "population: {groups}. Add a weight for each (sex 'all' covers both).",
            label=label,
            groups=", ".join(missing),
        )
    names = list(row_names) if row_names is not None else list(pop.index)
    total = np.zeros(len(pop))
    for col, (sex, group) in cols.items():
        values = pd.to_numeric(pop[col], errors="coerce").to_numpy(dtype="float64")
        bad = np.flatnonzero(~np.isfinite(values))
        if bad.size:
            raise SundplanError(
                "The population column '{column}' is NULL or not a number for "
                "{rows}. Fill in 0 where nobody lives.",
                column=col,
                rows=", ".join(str(names[i]) for i in bad[:5]),
            )
        neg = np.flatnonzero(values < 0)
        if neg.size:
            raise SundplanError(
                "The population column '{column}' is negative for {rows}.",
                column=col,
                rows=", ".join(f"{names[i]} ({values[i]:g})" for i in neg[:5]),
            )
        total += values * lookup[(sex, group)]
    return pd.Series(total, index=pop.index, name="need_population")


def age_sex_total(pop: pd.DataFrame, columns: Mapping[str, tuple[str, str]]) -> pd.Series:
    """Head count summed over the age/sex columns."""
    if not columns:
        return pd.Series(np.zeros(len(pop)), index=pop.index)
    return pop[list(columns)].apply(pd.to_numeric, errors="coerce").sum(axis=1, min_count=1)


def weights_record(weights: NeedWeights | pd.DataFrame | None) -> dict:
    """What to record in outputs about the weights used (label, hash and the table)."""
    if weights is None:
        return {"label": NO_WEIGHTS_LABEL, "sha256": None, "table": []}
    return {
        "label": label_of(weights),
        "sha256": (weights.sha256 if isinstance(weights, NeedWeights) else weights_hash(weights)),
        "table": [
            {"age_group": g, "sex": s, "weight": round(float(w), 6)}
            for g, s, w in as_table(weights)[["age_group", "sex", "weight"]].itertuples(index=False)
        ],
    }


def weights_label(weights: NeedWeights | pd.DataFrame | None) -> str:
    """Short text for a field in output tables: 'label (sha256 …)' or 'none'."""
    rec = weights_record(weights)
    if rec["sha256"] is None:
        return rec["label"]
    return msg("{label} [sha256 {sha256}]", label=rec["label"], sha256=rec["sha256"])
