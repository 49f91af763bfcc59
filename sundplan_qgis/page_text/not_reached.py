"""The key figure "Ikke nået: N (x %)": residents not reached, from the per-area counts."""

from __future__ import annotations

import math
from collections.abc import Iterable, Mapping, Sequence
from dataclasses import dataclass
from typing import Any

from .formatting import format_number, language_of, word
from .tables import DEFAULT_LANGUAGE

# Kinds whose statistics are travel times of reached residents, or accessibility of them.
TRAVEL_KINDS = (
    "travel_time",
    "travel_time_bands",
    "catchments",
    "travel_time_change",
    "area_summary",
)
ACCESS_KINDS = ("fca_access", "fca_access_areas")
NOT_REACHED_COUNTS = ("pop_unsnapped", "pop_unreachable")


@dataclass(frozen=True)
class NotReached:
    """Residents not reached on one page (an area, the areas of an atlas page, or all rows).

    ``not_reached`` is ``None`` when it is unknown (a table without the two count columns, a
    row with an empty count, or no rows): never read as 0. ``population`` likewise.
    """

    not_reached: float | None
    population: float | None
    unsnapped: float | None = None
    unreachable: float | None = None
    areas: int = 0

    @property
    def known(self) -> bool:
        return self.not_reached is not None

    @property
    def share(self) -> float | None:
        """Share not reached (0..1), ``None`` when unknown or without residents."""
        if self.not_reached is None or not self.population:
            return None
        return self.not_reached / self.population

    def as_dict(self) -> dict:
        return {
            "not_reached": self.not_reached,
            "unsnapped": self.unsnapped,
            "unreachable": self.unreachable,
            "population": self.population,
            "share_not_reached": self.share,
            "areas": self.areas,
        }


def _number_or_none(value: Any) -> float | None:
    if value is None or isinstance(value, bool):
        return None
    try:
        number = float(value)
    except (TypeError, ValueError):
        return None
    return None if math.isnan(number) or math.isinf(number) else number


def has_not_reached_counts(fields: Iterable[str]) -> bool:
    """True when a table has both count columns (``pop_unsnapped``, ``pop_unreachable``)."""
    names = set(fields)
    return all(c in names for c in NOT_REACHED_COUNTS)


def with_not_reached(row: Mapping[str, Any]) -> dict:
    """``row`` plus ``pop_not_reached`` and, when missing (older outputs), ``share_not_reached``
    computed from the two counts and ``population``. Absent or empty counts stay absent: a
    share is never made up from a missing column."""
    out = dict(row)
    unsnapped = _number_or_none(row.get("pop_unsnapped"))
    unreachable = _number_or_none(row.get("pop_unreachable"))
    if unsnapped is None or unreachable is None:
        return out
    out["pop_not_reached"] = unsnapped + unreachable
    if _number_or_none(row.get("share_not_reached")) is None:
        population = _number_or_none(row.get("population"))
        out["share_not_reached"] = (unsnapped + unreachable) / population if population else None
    return out


def not_reached_totals(
    rows: Iterable[Mapping[str, Any]], *, keys: Sequence[str] = ("area_id", "area_name")
) -> NotReached:
    """The residents not reached over ``rows`` (one page's areas).

    Rows of the same area (the first of ``keys`` present; e.g. one row per specialty) count
    once, with the most residents not reached. Unknown (``None``) as soon as one row lacks a
    count: a partial sum would understate.
    """
    per_area: dict[Any, tuple[float, float, float, float | None]] = {}
    unknown = False
    for index, row in enumerate(rows):
        key_field = next((k for k in keys if k in row and row.get(k) is not None), None)
        key = (key_field, row[key_field]) if key_field else ("#", index)
        unsnapped = _number_or_none(row.get("pop_unsnapped"))
        unreachable = _number_or_none(row.get("pop_unreachable"))
        if unsnapped is None or unreachable is None:
            unknown = True
            continue
        population = _number_or_none(row.get("population"))
        previous = per_area.get(key)
        if previous is None or unsnapped + unreachable > previous[0]:
            per_area[key] = (unsnapped + unreachable, unsnapped, unreachable, population)
    if unknown or not per_area:
        return NotReached(None, None, areas=len(per_area))
    values = list(per_area.values())
    populations = [v[3] for v in values]
    return NotReached(
        not_reached=sum(v[0] for v in values),
        population=None if any(p is None for p in populations) else sum(populations),
        unsnapped=sum(v[1] for v in values),
        unreachable=sum(v[2] for v in values),
        areas=len(values),
    )


def format_percent(share: Any, *, decimals: int = 1, language: str = DEFAULT_LANGUAGE) -> str:
    """A share 0..1 as a percentage with ``decimals``: ``0.5702`` -> ``"57,0 %"`` (da) /
    ``"57.0 %"`` (en); above 0 but rounding to 0: ``"< 0,1 %"``."""
    value = _number_or_none(share)
    if value is None:
        return "–"
    percent = 100.0 * value
    smallest = 0.5 * 10.0**-decimals
    if 0 < percent < smallest:
        return f"< {format_number(2 * smallest, decimals=decimals, language=language)} %"
    return f"{format_number(percent, decimals=decimals, language=language)} %"


def not_reached_figure(totals: NotReached, *, language: str = DEFAULT_LANGUAGE) -> str:
    """The key figure ``Ikke nået: 1.005 (57,0 %)`` / ``Not reached: 1,005 (57.0 %)``;
    ``Ikke nået: ukendt`` when the counts are unknown."""
    lang = language_of(language)
    label = word("not_reached", lang)
    if not totals.known:
        return f"{label}: {word('unknown', lang)}"
    text = f"{label}: {format_number(totals.not_reached, decimals=0, language=lang)}"
    if totals.share is not None:
        text += f" ({format_percent(totals.share, language=lang)})"
    return text


def not_reached_note(
    totals: NotReached, kind: str | None, *, language: str = DEFAULT_LANGUAGE
) -> str:
    """The line under the key figure: of how many residents, and that the statistics are of
    reached residents only (or why the figure is unknown)."""
    lang = language_of(language)
    if not totals.known:
        return word("unknown_note", lang)
    what = word(
        "stats_travel"
        if kind in TRAVEL_KINDS
        else "stats_access"
        if kind in ACCESS_KINDS
        else "stats_other",
        lang,
    )
    parts = []
    if totals.population is not None:
        total = format_number(totals.population, decimals=0, language=lang)
        parts.append(word("not_reached_of", lang).format(total=total))
    parts.append(word("reached_note", lang).format(what=what))
    return ". ".join(parts)


# Band rows for the residents not reached (the explicit class of newer band outputs).
NOT_REACHED_BAND_WORDS = ("not reached", "ikke nået", "unreached", "not_reached")
NOT_REACHED_BAND_ID = -1  # the bands style's class for residents not reached


def is_not_reached_band(values: Mapping[str, Any]) -> bool:
    """A band polygon row (``band_id``, ``band``, ``from_min``, ``to_min``) for the residents
    not reached."""
    text = str(values.get("band") or "").strip().lower()
    if any(w in text for w in NOT_REACHED_BAND_WORDS):
        return True
    band_id = values.get("band_id")
    if isinstance(band_id, int | float) and not isinstance(band_id, bool) and band_id < 0:
        return True
    return "from_min" in values and values.get("from_min") is None and values.get("to_min") is None


def totals_from_run_report(report: Any) -> NotReached | None:
    """The totals of a tool's JSON run report (section ``coverage`` or ``population``), for
    outputs made without areas; None when the report has neither with known counts."""
    for key in ("coverage", "population"):
        section = report.get(key) if isinstance(report, dict) else None
        if not isinstance(section, dict):
            continue
        row = {
            "pop_unsnapped": section.get("unsnapped"),
            "pop_unreachable": section.get("unreachable"),
            "population": section.get("total"),
        }
        totals = not_reached_totals([row])
        if totals.known:
            return totals
    return None
