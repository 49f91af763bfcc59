"""Danmarks Statistik's Statbank API: FOLK1A and the newest kommune population projection as
tidy tables ("Kilde: Danmarks Statistik", CC BY 4.0).

The API (``https://api.statbank.dk/v1``) has four functions, each answering a POSTed JSON
object: ``subjects``, ``tables`` (the table list: ``id``, ``text``, ``unit``, ``updated``,
``firstPeriod``, ``latestPeriod``, ``active``, ``variables``), ``tableinfo`` (one table's
variables, each with ``id``, ``text``, ``time`` and its ``values`` as ``{"id", "text"}``)
and ``data`` (``table``, ``format``, ``lang``, ``variables: [{"code", "values"}]``). We ask
``data`` for ``BULK``: semicolon-separated text with a header of the variable ids in capitals
and ``INDHOLD`` (the number), streamed without the 1,000,000-cell limit of ``CSV``, and every
variable must be given. The cells are the values' Danish texts by default ("København",
"Mænd", "0 år", "2025K3"); the parser also takes codes ("101", "1", "0") or "code text", since
it maps every cell through ``tableinfo``.

Why every request goes through the cache of :mod:`sundplan_qgis.fetch`: a cached answer is
reused without the network (also the table list, so the projection table chosen stays the same
until the user asks for a refresh), and the files are kept as received, for checking.

Tables: FOLK1A (population on the first day of the quarter by område, køn, alder, civilstand)
for the latest quarter in its ``tableinfo``; FRKM1yy ("Befolkningsfremskrivning 20yy efter
kommune, alder, køn og tid"), the newest found in the ``tables`` list (the year is never
hard-coded). Single ages are summed into the 5-year groups of :data:`need.AGE_GROUPS`; sex is
``m`` / ``k`` as in the embedded ``m_0_4`` … ``k_85_plus`` columns.

This module never imports qgis.
"""

from __future__ import annotations

import io
import json
import re
from dataclasses import dataclass, field
from pathlib import Path

import numpy as np
import pandas as pd

from . import fetch
from .errors import Message, SundplanError, msg
from .need import AGE_GROUPS

DST_URL = "https://api.statbank.dk/v1"
FOLK1A = "FOLK1A"
PROJECTION_ID = re.compile(r"^FRKM1(\d\d)$", re.IGNORECASE)
"""Kommune projection tables: FRKM1 + the year's two digits (FRKM125 = projection 2025)."""
PROJECTION_TEXT = "befolkningsfremskrivning"

AREA_VARIABLES = ("OMRÅDE", "KOMMUNEDK")
SEX_VARIABLES = ("KØN", "KOEN", "KON")
AGE_VARIABLES = ("ALDER",)
VALUE_COLUMN = "INDHOLD"
TOTAL_IDS = ("TOT", "IALT", "I ALT")
"""Value ids (upper case) of a variable's total ("I alt", "Alder i alt")."""
MISSING = ("..", ".", "")
_MEN = ("1", "M", "MÆND", "MEN")
_WOMEN = ("2", "K", "KVINDER", "WOMEN")

TIDY_FOLK1A_COLUMNS = ("kommunekode", "kommune", "sex", "age_group", "quarter", "persons")
TIDY_PROJECTION_COLUMNS = (
    "kommunekode",
    "kommune",
    "sex",
    "age_group",
    "year",
    "persons",
    "table",
)
WIDE_COLUMNS = tuple(f"{s}_{g}" for s in ("m", "k") for g in AGE_GROUPS)


@dataclass
class StatbankTable:
    """One fetched table: tidy rows, the period(s), warnings and what the report says."""

    table: str
    period: str  # "2025K3" for FOLK1A; "2025-2050" for a projection
    tidy: pd.DataFrame
    warnings: list[Message] = field(default_factory=list)
    report: dict = field(default_factory=dict)


# --------------------------------------------------------------------------- discovery
def newest_projection_table(tables: list[dict]) -> str:
    """The id of the newest kommune projection table (FRKM1yy with the largest yy whose text
    starts "Befolkningsfremskrivning"), from the ``tables`` list."""
    found = []
    for entry in tables:
        match = PROJECTION_ID.match(str(entry.get("id", "")))
        text = str(entry.get("text", "")).strip().lower()
        if match and text.startswith(PROJECTION_TEXT) and entry.get("active", True):
            found.append((int(match.group(1)), str(entry["id"]).upper()))
    if not found:
        raise SundplanError(
            "Danmarks Statistik's table list has no kommune population projection (a table "
            "FRKM1yy 'Befolkningsfremskrivning 20yy efter kommune, alder og køn'). The list may "
            "have changed; please report it."
        )
    return max(found)[1]


def _period_key(period: str) -> tuple[int, int]:
    """'2025K3' -> (2025, 3); '2025' -> (2025, 0): quarters and years in time order."""
    match = re.match(r"^(\d{4})(?:[KQM](\d+))?", period)
    return (int(match.group(1)), int(match.group(2) or 0)) if match else (0, 0)


# --------------------------------------------------------------------------- tableinfo
@dataclass(frozen=True)
class Variable:
    """One variable of a table (from ``tableinfo``)."""

    id: str
    time: bool
    values: tuple[tuple[str, str], ...]  # (id, text)

    @property
    def column(self) -> str:
        """Its column in a data answer (the id in capitals: ``Tid`` -> ``TID``)."""
        return self.id.upper()

    def total(self) -> str | None:
        """The id of its total value ("I alt"), if it has one."""
        for value_id, text in self.values:
            if value_id.upper() in TOTAL_IDS or text.strip().lower() in ("i alt", "alder i alt"):
                return value_id
        return None

    def lookup(self) -> dict[str, str]:
        """Cell text -> value id, taking ids, texts and "id text"."""
        table = {}
        for value_id, text in self.values:
            table[text] = value_id
            table[f"{value_id} {text}"] = value_id
        table.update({value_id: value_id for value_id, _text in self.values})
        return table


def variables_of(info: dict, *, table: str) -> list[Variable]:
    """The variables of a ``tableinfo`` answer."""
    try:
        return [
            Variable(
                id=str(v["id"]),
                time=bool(v.get("time", False)),
                values=tuple((str(x["id"]), str(x["text"])) for x in v["values"]),
            )
            for v in info["variables"]
        ]
    except (KeyError, TypeError) as exc:
        raise SundplanError(
            "Danmarks Statistik's description of table {table} is not as expected (missing "
            "{column}). The API may have changed; please report it.",
            table=table,
            column=exc,
        ) from None


def _role(variables: list[Variable], names: tuple[str, ...], *, table: str) -> Variable:
    """The variable whose id is one of ``names``; none is an error naming the table."""
    for v in variables:
        if v.id.upper() in names:
            return v
    raise SundplanError(
        "Danmarks Statistik's table {table} has no column {column} (it has: {columns}). The "
        "table has changed; please report it.",
        table=table,
        column=" / ".join(names),
        columns=", ".join(v.id for v in variables),
    )


def _time(variables: list[Variable], *, table: str) -> Variable:
    for v in variables:
        if v.time or v.id.upper() == "TID":
            return v
    return _role(variables, ("TID",), table=table)


# --------------------------------------------------------------------------- parsing
def parse_data(text: str, *, table: str, variables: list[Variable]) -> pd.DataFrame:
    """A ``data`` answer (BULK or CSV, ``;``-separated) as one row per cell:
    ``area_code`` (int), ``area`` (text), ``sex`` (``m``/``k``/``""`` total), ``age``
    (int, -1 for the total), ``period`` (str), ``persons`` (float; NaN where DST prints
    ``..``). Columns are checked against the table's variables: a missing one is an error
    naming the table and the column."""
    area = _role(variables, AREA_VARIABLES, table=table)
    sex = _role(variables, SEX_VARIABLES, table=table)
    age = _role(variables, AGE_VARIABLES, table=table)
    time = _time(variables, table=table)
    text = text.lstrip("\ufeff")  # CSV answers start with a byte order mark
    if text.strip():
        frame = pd.read_csv(io.StringIO(text), sep=";", dtype=str, keep_default_na=False)
    else:
        frame = pd.DataFrame()
    header = [str(c).strip().upper() for c in frame.columns]
    frame.columns = header
    for column in (area.column, sex.column, age.column, time.column, VALUE_COLUMN):
        if column not in header:
            raise SundplanError(
                "Danmarks Statistik's answer for table {table} has no column {column} (it has: "
                "{columns}). The table has changed; please report it.",
                table=table,
                column=column,
                columns=", ".join(header) or "-",
            )
    out = pd.DataFrame(
        {
            "area_code": _ids(frame[area.column], area, table=table),
            "sex": _ids(frame[sex.column], sex, table=table),
            "age": _ids(frame[age.column], age, table=table),
            "period": _ids(frame[time.column], time, table=table, strict=False),
        }
    )
    texts = {value_id: text for value_id, text in area.values}
    out["area"] = out["area_code"].map(texts).fillna(out["area_code"])
    out["area_code"] = _mapped(out["area_code"], _int_code).astype("int64")
    out["sex"] = _mapped(out["sex"], _sex)
    out["age"] = _mapped(out["age"], _age).astype("int64")
    values = frame[VALUE_COLUMN].str.strip()
    out["persons"] = pd.to_numeric(
        values.where(~values.isin(MISSING)).str.replace(",", ".", regex=False), errors="coerce"
    )
    bad = values[out["persons"].isna() & ~values.isin(MISSING)]
    if len(bad):
        raise SundplanError(
            "Danmarks Statistik's answer for table {table} has a value that is not a number in "
            "{column}: '{value}'.",
            table=table,
            column=VALUE_COLUMN,
            value=bad.iloc[0],
        )
    return out


def _ids(cells: pd.Series, variable: Variable, *, table: str, strict: bool = True) -> pd.Series:
    """Cells -> value ids through ``tableinfo`` (ids, texts, "id text"); mapped per distinct
    cell, since an answer has hundreds of thousands of rows but few distinct values."""
    lookup = variable.lookup()
    distinct = pd.unique(cells)
    ids = {}
    for cell in distinct:
        text = str(cell).strip()
        value = lookup.get(text)
        if value is None and " " in text:  # "code text" with a text other than tableinfo's
            value = lookup.get(text.split(" ", 1)[0])
        if value is None:
            if strict:
                raise SundplanError(
                    "Danmarks Statistik's answer for table {table} has a value '{value}' in "
                    "{column} that the table's description does not list.",
                    table=table,
                    value=text,
                    column=variable.column,
                )
            value = text
        ids[cell] = value
    return cells.map(ids)


def _mapped(values: pd.Series, function) -> pd.Series:
    """``function`` applied once per distinct value."""
    return values.map({v: function(v) for v in pd.unique(values)})


def _int_code(code: str) -> int:
    digits = re.match(r"^\d+", code)
    return int(digits.group(0)) if digits else -1


def _sex(value_id: str) -> str:
    key = value_id.strip().upper()
    return "m" if key in _MEN else "k" if key in _WOMEN else ""


def _age(value_id: str) -> int:
    digits = re.match(r"^\d+", value_id.strip())
    return int(digits.group(0)) if digits else -1  # "IALT" / "TOT": the total


def age_group(age: np.ndarray) -> np.ndarray:
    """Single ages -> the 5-year group names of :data:`need.AGE_GROUPS` (85 and over:
    ``85_plus``)."""
    index = np.minimum(np.asarray(age, dtype=int) // 5, len(AGE_GROUPS) - 1)
    return np.asarray(AGE_GROUPS, dtype=object)[index]


def tidy(cells: pd.DataFrame, *, table: str, kommuner: set[str]) -> tuple[pd.DataFrame, dict]:
    """Kommune rows (area code 100 and up) by sex and 5-year age group, summed from the single
    ages; and the checks: totals (country, ages) against the sums, codes outside ``kommuner``
    (Christiansø, 0411, ...) counted, missing values counted."""
    single = cells[(cells["sex"] != "") & (cells["age"] >= 0)].copy()
    local = single[single["area_code"] >= 100].copy()  # below 100: the country and regions
    local["kommunekode"] = [f"{c:04d}" for c in local["area_code"]]
    local["age_group"] = age_group(local["age"].to_numpy())
    group = ["kommunekode", "area", "sex", "age_group", "period"]
    summed = local.groupby(group, sort=False, as_index=False)["persons"].sum(min_count=1)
    order = {g: i for i, g in enumerate(AGE_GROUPS)}
    summed = summed.sort_values(
        ["kommunekode", "period", "sex", "age_group"],
        key=lambda s: s.map(order) if s.name == "age_group" else s,
        ascending=[True, True, False, True],  # m before k, as m_0_4 ... k_85_plus
    ).reset_index(drop=True)
    summed = summed.rename(columns={"area": "kommune"})
    outside = (
        local[~local["kommunekode"].isin(kommuner)]
        .groupby(["kommunekode", "area"], as_index=False)["persons"]
        .sum()
    )
    checks = {
        "rows": int(len(cells)),
        "missing_values": int(cells["persons"].isna().sum()),
        "kommuner": int(summed.loc[summed["kommunekode"].isin(kommuner), "kommunekode"].nunique()),
        "outside_kommuner": [
            {"kommunekode": k, "name": a, "persons": float(p)}
            for k, a, p in outside.itertuples(index=False)
        ],
    }
    # The published totals, where the answer has them, against our sums
    country = cells[(cells["area_code"] == 0) & (cells["sex"] != "") & (cells["age"] < 0)]
    if len(country):
        by_period = local.groupby("period")["persons"].sum()
        published = country.groupby("period")["persons"].sum()
        checks["country_total_difference"] = float(
            (published - by_period.reindex(published.index).fillna(0)).abs().max()
        )
    totals = cells[(cells["area_code"] >= 100) & (cells["sex"] != "") & (cells["age"] < 0)]
    if len(totals):
        keys = ["area_code", "sex", "period"]
        ours = single[single["area_code"] >= 100].groupby(keys)["persons"].sum()
        theirs = totals.groupby(keys)["persons"].sum()
        checks["age_total_difference"] = float(
            (theirs - ours.reindex(theirs.index).fillna(0)).abs().max()
        )
    return summed, checks


def _warnings(checks: dict, *, table: str) -> list[Message]:
    warnings = []
    for row in checks["outside_kommuner"]:
        warnings.append(
            msg(
                "{table}: {code} {name} ({persons:,.0f} persons) is not one of the 98 kommuner; "
                "it is in the table but not on the kommune layer.",
                table=table,
                code=row["kommunekode"],
                name=row["name"],
                persons=row["persons"],
            )
        )
    if checks["missing_values"]:
        warnings.append(
            msg(
                "{table}: {n} values are missing ('..') and count as 0.",
                table=table,
                n=checks["missing_values"],
            )
        )
    for key in ("country_total_difference", "age_total_difference"):
        if checks.get(key, 0) > 0.5:
            warnings.append(
                msg(
                    "{table}: the sum of the rows differs from Danmarks Statistik's total by up "
                    "to {difference:,.0f} persons.",
                    table=table,
                    difference=checks[key],
                )
            )
    return warnings


def folk1a_tidy(
    cells: pd.DataFrame, *, kommuner: set[str]
) -> tuple[pd.DataFrame, dict, list[Message]]:
    """FOLK1A cells -> ``kommunekode;kommune;sex;age_group;quarter;persons``."""
    summed, checks = tidy(cells, table=FOLK1A, kommuner=kommuner)
    summed["persons"] = summed["persons"].fillna(0).round().astype("int64")
    out = summed.rename(columns={"period": "quarter"})[list(TIDY_FOLK1A_COLUMNS)]
    return out, checks, _warnings(checks, table=FOLK1A)


def projection_tidy(
    cells: pd.DataFrame, *, table: str, kommuner: set[str]
) -> tuple[pd.DataFrame, dict, list[Message]]:
    """FRKM1yy cells -> ``kommunekode;kommune;sex;age_group;year;persons;table``."""
    summed, checks = tidy(cells, table=table, kommuner=kommuner)
    summed["year"] = [_period_key(p)[0] for p in summed["period"]]
    summed["persons"] = summed["persons"].fillna(0).round().astype("int64")
    summed["table"] = table
    return summed[list(TIDY_PROJECTION_COLUMNS)], checks, _warnings(checks, table=table)


def wide(tidy_frame: pd.DataFrame) -> pd.DataFrame:
    """Tidy rows of one period -> one row per kommunekode with ``m_0_4`` … ``k_85_plus`` and
    ``population`` (their sum)."""
    frame = tidy_frame.assign(column=tidy_frame["sex"] + "_" + tidy_frame["age_group"])
    table = frame.pivot_table(
        index="kommunekode", columns="column", values="persons", aggfunc="sum", fill_value=0
    )
    table = table.reindex(columns=list(WIDE_COLUMNS), fill_value=0).astype("int64")
    table["population"] = table.sum(axis=1)
    return table.reset_index()


def check_kommuner(tidy_frame: pd.DataFrame, *, table: str) -> None:
    """Every one of the 98 kommuner must have rows: else the kommune codes have changed (or
    the answer is incomplete), and a kommune counted as 0 would mislead every tool."""
    from . import reference

    kommuner = reference.kommuner()
    missing = sorted(set(kommuner["kommunekode"]) - set(tidy_frame["kommunekode"]))
    if missing:
        names = dict(zip(kommuner["kommunekode"], kommuner["kommune"], strict=True))
        raise SundplanError(
            "Danmarks Statistik's table {table} has no rows for {n} of the 98 kommuner: "
            "{kommuner}. The kommune codes may have changed; please report it.",
            table=table,
            n=len(missing),
            kommuner=", ".join(f"{k} {names[k]}" for k in missing[:5]),
        )


def kommune_layer(tidy_frame: pd.DataFrame, *, quarter: str) -> pd.DataFrame:
    """The 98 embedded kommune polygons (:func:`reference.kommune_polygons`) with the wide
    age/sex columns, ``population`` and ``quarter``: usable directly as AREAS /
    POPULATION_LAYER. A kommune without rows in the table is an error naming it."""
    from . import reference

    polygons = reference.kommune_polygons()
    keep = [c for c in polygons.columns if c not in ("population", "stat_quarter", "geometry")]
    counts = wide(tidy_frame)
    check_kommuner(tidy_frame, table=FOLK1A)
    layer = polygons[keep].merge(counts, on="kommunekode", how="left", validate="1:1")
    layer["quarter"] = quarter
    layer["source"] = f"Kilde: Danmarks Statistik, {FOLK1A} {quarter}"
    layer["geometry"] = polygons["geometry"].to_numpy()
    return layer


# --------------------------------------------------------------------------- client
class StatbankClient:
    """The Statbank API through the download cache (``cache_dir``): every answer is a cache
    entry, reused without the network unless ``refresh``."""

    def __init__(
        self,
        *,
        base_url: str = DST_URL,
        cache_dir: Path,
        refresh: bool = False,
        timeout_s: float = fetch.DEFAULT_TIMEOUT_S,
        lang: str = "da",
    ):
        self.base_url = base_url.rstrip("/")
        self.cache_dir = Path(cache_dir)
        self.refresh = refresh
        self.timeout_s = timeout_s
        self.lang = lang

    def _post(self, function: str, body: dict, name: str) -> fetch.CacheEntry:
        return fetch.fetch_file(
            f"{self.base_url}/{function}",
            self.cache_dir / name,
            data=json.dumps(body, ensure_ascii=False).encode("utf-8"),
            headers={"Content-Type": "application/json; charset=utf-8"},
            timeout_s=self.timeout_s,
            refresh=self.refresh,
            label=name,
        )

    def _json(self, function: str, body: dict, name: str, *, table: str):
        entry = self._post(function, body, name)
        try:
            return json.loads(entry.path.read_text("utf-8-sig")), entry
        except ValueError:
            fetch.discard(entry.path)
            raise SundplanError(
                "Danmarks Statistik's answer for {table} is not JSON ({url}). Run again later.",
                table=table,
                url=entry.url,
            ) from None

    def tables(self) -> list[dict]:
        """The ``tables`` list (active tables)."""
        answer, _entry = self._json(
            "tables", {"lang": self.lang, "format": "JSON"}, "tables.json", table="tables"
        )
        return list(answer)

    def tableinfo(self, table: str) -> list[Variable]:
        """The variables of ``table``."""
        answer, _entry = self._json(
            "tableinfo",
            {"table": table, "lang": self.lang, "format": "JSON"},
            f"tableinfo_{table}.json",
            table=table,
        )
        return variables_of(answer, table=table)

    def data(
        self, table: str, selection: dict[str, list[str]], *, name: str
    ) -> tuple[str, fetch.CacheEntry]:
        """The ``data`` answer (BULK) for ``selection`` (variable id -> value ids)."""
        body = {
            "table": table,
            "format": "BULK",
            "lang": self.lang,
            "variables": [{"code": k, "values": v} for k, v in selection.items()],
        }
        entry = self._post("data", body, name)
        return entry.path.read_text("utf-8-sig"), entry

    def _selection(self, table: str, variables: list[Variable], time_values: list[str]):
        """Every area, men and women, every age, the given periods, and the total of any
        other variable (FOLK1A's civilstand); a variable without a total is an error."""
        sex = _role(variables, SEX_VARIABLES, table=table)
        time = _time(variables, table=table)
        selection = {}
        for v in variables:
            if v is time:
                selection[v.id] = time_values
            elif v is sex:
                selection[v.id] = [i for i, _t in v.values if _sex(i) or _sex(_t)]
            elif v.id.upper() in AREA_VARIABLES + AGE_VARIABLES:
                selection[v.id] = ["*"]
            else:
                total = v.total()
                if total is None:
                    raise SundplanError(
                        "Danmarks Statistik's table {table} has a column {column} without a "
                        "total; the table has changed, please report it.",
                        table=table,
                        column=v.id,
                    )
                selection[v.id] = [total]
        return selection

    def folk1a(self) -> StatbankTable:
        """FOLK1A for the latest quarter: tidy rows, checks and warnings."""
        variables = self.tableinfo(FOLK1A)
        time = _time(variables, table=FOLK1A)
        if not time.values:
            raise SundplanError(
                "Danmarks Statistik's table {table} lists no periods.", table=FOLK1A
            )
        quarter = max((i for i, _t in time.values), key=_period_key)
        text, entry = self.data(
            FOLK1A,
            self._selection(FOLK1A, variables, [quarter]),
            name=f"{FOLK1A}_{quarter}.csv",
        )
        cells = parse_data(text, table=FOLK1A, variables=variables)
        frame, checks, warnings = folk1a_tidy(cells, kommuner=_kommuner())
        return StatbankTable(
            table=FOLK1A,
            period=quarter,
            tidy=frame,
            warnings=warnings,
            report={"table": FOLK1A, "quarter": quarter, **entry.as_dict(), "checks": checks},
        )

    def projection(self) -> StatbankTable:
        """The newest FRKM1yy, every year it projects."""
        table = newest_projection_table(self.tables())
        variables = self.tableinfo(table)
        time = _time(variables, table=table)
        years = [i for i, _t in time.values]
        text, entry = self.data(
            table, self._selection(table, variables, ["*"]), name=f"{table}.csv"
        )
        cells = parse_data(text, table=table, variables=variables)
        frame, checks, warnings = projection_tidy(cells, table=table, kommuner=_kommuner())
        check_kommuner(frame, table=table)
        period = f"{min(years, key=_period_key)}-{max(years, key=_period_key)}" if years else ""
        return StatbankTable(
            table=table,
            period=period,
            tidy=frame,
            warnings=warnings,
            report={"table": table, "years": period, **entry.as_dict(), "checks": checks},
        )


def _kommuner() -> set[str]:
    from . import reference

    return set(reference.kommuner()["kommunekode"])


def write_csv(frame: pd.DataFrame, path: str | Path) -> Path:
    """A tidy table as UTF-8 CSV with ``;`` between fields (as Statbank writes them and as
    Danish spreadsheets open them), plus a ``.csvt`` beside it giving each column's type, so
    GDAL/QGIS read ``kommunekode`` as text ("0101") and the counts as integers. Written to a
    temporary name and renamed, so no half-written table remains."""
    import os

    path = Path(path)
    path.parent.mkdir(parents=True, exist_ok=True)
    tmp = path.with_name(path.name + ".tmp")
    frame.to_csv(tmp, sep=";", index=False, encoding="utf-8", lineterminator="\n")
    os.replace(tmp, path)
    types = [
        "Integer64"
        if pd.api.types.is_integer_dtype(frame[c])
        else "Real"
        if pd.api.types.is_float_dtype(frame[c])
        else "String"
        for c in frame.columns
    ]
    path.with_suffix(".csvt").write_text(",".join(f'"{t}"' for t in types) + "\n", "utf-8")
    return path
