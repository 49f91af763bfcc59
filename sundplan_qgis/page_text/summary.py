"""The per-area summary table of a page: headings, printed cells, which rows fit."""

from __future__ import annotations

import math
from collections.abc import Iterable, Mapping, Sequence
from dataclasses import dataclass
from typing import Any

from .formatting import format_number, format_share, language_of, word
from .tables import (
    CLASS_NAMES,
    COLUMN_BY_FIELD,
    DEFAULT_LANGUAGE,
    DEFAULT_SUMMARY_FIELDS,
    KIND_SUMMARY_FIELDS,
    ROW_NAMES,
    SORT_KEYS,
)


# --------------------------------------------------------------------------- summary table
def column_heading(field: str, *, language: str = DEFAULT_LANGUAGE, long: bool = False) -> str:
    """Printed heading of a summary field (known fields translated; others as named).

    Short headings are for table columns (the table wraps them); ``long`` ones for the list of
    key figures of one area.
    """
    column = COLUMN_BY_FIELD.get(field)
    if column is None:
        return field
    if language_of(language) == "da":
        return (column.da_long or column.da) if long else column.da
    return (column.en_long or column.en) if long else column.en


def default_summary_fields(
    available: Iterable[str], *, limit: int = 7, kind: str | None = None
) -> list[str]:
    """The default summary columns present in ``available`` (at most ``limit``).

    ``kind``: the kind of the summary layer (its own choice of columns, see
    :data:`KIND_SUMMARY_FIELDS`). Without any known field: the first ``limit`` of ``available``.
    """
    names = list(available)
    preferred = KIND_SUMMARY_FIELDS.get(kind or "", DEFAULT_SUMMARY_FIELDS)
    chosen = [f for f in preferred if f in names]
    if "area_name" in chosen and "area_id" in chosen:
        chosen.remove("area_id")
    chosen = chosen[:limit]
    return chosen or names[:limit]


def format_cell(field: str, value: Any, *, language: str = DEFAULT_LANGUAGE) -> str:
    """One summary cell as printed (numbers in the page language's format)."""
    column = COLUMN_BY_FIELD.get(field)
    if value is None:
        return "–"
    if column is None:
        if isinstance(value, bool):
            return str(value)
        if isinstance(value, int):
            return format_number(value, language=language)
        if isinstance(value, float):
            return format_number(value, decimals=0 if value.is_integer() else 1, language=language)
        return str(value)
    if column.kind == "int":
        return format_number(value, decimals=0, language=language)
    if column.kind == "minutes":
        return format_number(value, decimals=column.decimals, language=language)
    if column.kind == "share":
        return format_share(value, language=language)
    if column.kind in ("number", "signed"):
        try:
            number = float(value)
        except (TypeError, ValueError):
            return "–"
        decimals = 0 if number.is_integer() and column.kind == "number" else column.decimals
        text = format_number(number, decimals=decimals, language=language)
        if column.kind == "signed" and number > 0 and text.strip("0,."):
            text = "+" + text
        return text.replace("-", "−") if column.kind == "signed" else text
    if column.kind == "yesno":
        if isinstance(value, str):
            value = value.strip().lower() in ("1", "true", "yes", "ja")
        return word("yes" if value else "no", language)
    if column.kind == "class":
        return CLASS_NAMES[language_of(language)].get(str(value), str(value))
    if isinstance(value, float) and math.isnan(value):
        return "–"
    return ROW_NAMES[language_of(language)].get(str(value), str(value))


def is_numeric_field(field: str) -> bool:
    """True for known numeric summary fields (printed right-aligned)."""
    column = COLUMN_BY_FIELD.get(field)
    return column is not None and column.kind not in ("text", "class", "yesno")


@dataclass
class SummaryTable:
    """Headings, printed rows and a note (e.g. "4 of 98 areas, longest travel time first")."""

    headings: list[str]
    rows: list[list[str]]
    numeric: list[bool]
    note: str = ""


def summary_table(
    rows: Sequence[Mapping[str, Any]],
    fields: Sequence[str],
    *,
    max_rows: int | None = None,
    language: str = DEFAULT_LANGUAGE,
) -> SummaryTable:
    """The summary table of ``rows`` (dicts of field -> value) restricted to ``fields``.

    When there are more rows than ``max_rows``, the most telling rows are kept and the note
    says so: the longest mean travel time (``mean_min``), the most residents per GP, the lowest
    coverage ratio or accessibility (see :data:`SORT_KEYS`), else the largest values of the
    first numeric field. Otherwise rows keep their order (sorted by name when an
    ``area_name`` field exists, then by specialty).
    """
    lang = language_of(language)
    items = list(rows)
    if "specialty" in fields:
        items.sort(key=lambda r: str(r.get("specialty") or ""))
    if "area_name" in fields:
        items.sort(key=lambda r: str(r.get("area_name") or ""))
    note = ""
    if max_rows is not None and len(items) > max_rows:
        key, largest_first, note_key = next(
            ((f, d, n) for f, d, n in SORT_KEYS if f in fields),
            (next((f for f in fields if is_numeric_field(f)), None), True, "summary_top"),
        )
        if key is not None:
            if largest_first:
                items.sort(key=lambda r: _sort_value(r.get(key)), reverse=True)
            else:
                items.sort(key=lambda r: _sort_value(r.get(key), missing=math.inf))
        note = word(note_key, lang).format(shown=max_rows, total=len(items))
        items = items[:max_rows]
    return SummaryTable(
        headings=[column_heading(f, language=lang) for f in fields],
        rows=[[format_cell(f, r.get(f), language=lang) for f in fields] for r in items],
        numeric=[is_numeric_field(f) for f in fields],
        note=note,
    )


def area_key_figures(
    row: Mapping[str, Any], fields: Sequence[str], *, language: str = DEFAULT_LANGUAGE
) -> SummaryTable:
    """The key figures of one area as a two-column list (long headings, values).

    Used on an atlas page whose area has exactly one summary row: easier to read than a
    one-row table with many columns. The columns' headings are the figure and the area name.
    """
    lang = language_of(language)
    name = row.get("area_name")
    figures = [f for f in fields if f != "area_name"]
    return SummaryTable(
        headings=[word("figure", lang), "" if name is None else str(name)],
        rows=[
            [column_heading(f, language=lang, long=True), format_cell(f, row.get(f), language=lang)]
            for f in figures
        ],
        numeric=[False, True],
    )


# --------------------------------------------------------------------------- not reached


def _sort_value(value: Any, *, missing: float = -math.inf) -> float:
    try:
        number = float(value)
    except (TypeError, ValueError):
        return missing
    return missing if math.isnan(number) else number


def page_summary_fields(
    available: Iterable[str], *, kind: str | None, has_counts: bool, one_specialty: bool
) -> list[str]:
    """The summary columns of a page when none are given: the kind's own choice, with the
    share not reached (after the residents) when the table has the two counts; without the
    specialty when the page shows one (it is in the title)."""
    names = list(available)
    if has_counts and "share_not_reached" not in names:
        names.insert(
            names.index("population") + 1 if "population" in names else len(names),
            "share_not_reached",
        )
    fields = default_summary_fields(names, kind=kind)
    if one_specialty and "specialty" in fields:
        fields.remove("specialty")
    return fields
