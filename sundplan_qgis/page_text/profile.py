"""Every word and number on a Sundhedsrådsprofil page (``sundplan:sundhedsraad_profile``):
title, the indicator table (unit beside the whole country), the specialist table, the map
captions and the method note, in both page languages.

A section without input says so in its cells ("ikke beregnet (intet input)"), never a dash
or a zero that could pass for a good value.
"""

from __future__ import annotations

import math
from collections.abc import Mapping, Sequence
from dataclasses import dataclass
from typing import Any

import pandas as pd

from .formatting import format_number, language_of

WORDS = {
    "da": {
        "title": {
            "sundhedsraad": "Sundhedsrådsprofil",
            "region": "Regionsprofil",
            "region_2027": "Regionsprofil (regioner fra 2027)",
            "kommune": "Kommuneprofil",
        },
        "subtitle": "Nøgletal mod hele landet · i dag: {today} · målår: {target}",
        "indicator": "Nøgletal",
        "national": "Hele landet",
        "not_computed": "ikke beregnet (intet input)",
        "not_given": "ikke angivet",
        "section_population": "Indbyggere og ældre",
        "residents": "Indbyggere {year}",
        "share_75": "Andel 75+ år {year}",
        "residents_no_target": "Indbyggere i målåret",
        "share_75_no_target": "Andel 75+ år i målåret",
        "need_index": "Behovsindeks {year} (landet {base} = 100)",
        "need_change": "Ændring i behov {base}–{year}",
        "section_travel": "Rejsetid til nærmeste akutsygehus",
        "travel_mean": "Middelrejsetid (min)",
        "travel_p90": "90 %-fraktil (min)",
        "travel_p90_max": "90 %-fraktil, højeste kommune (min)",
        "travel_over": "Andel over {minutes} min",
        "not_reached": "Ikke nået",
        "section_gp": "Almen praksis",
        "gp": "Læger pr. 10.000 indbyggere",
        "gp_need": "Behovsjusterede læger pr. 10.000",
        "fca_low": "Andel med lav adgang (2SFCA{limit})",
        "fca_limit": ", under {value} pr. 10.000",
        "section_spec": "Speciallæger: kapacitet mod behovsbaseret andel",
        "spec_all": "Alle specialer: kapacitet / andel",
        "spec_more": "… og {n} specialer mere (tabellen SPECIALTIES)",
        "spec_row": "{specialty}: kapacitet / andel",
        "maps": "Kort: kommunerne i {unit}, omgivelserne nedtonet",
        "map_75": "Andel 75+ år ({year})",
        "map_mean": "Middelrejsetid (min)",
        "map_over": "Andel over {minutes} min",
        "map_gp": "Behovsjusterede læger pr. 10.000",
        "map_fca": "Andel med lav adgang (2SFCA)",
        "map_spec": "Speciallæger: kapacitet / andel",
        "map_missing": "ikke beregnet (intet input)",
        "no_value": "ingen værdi",
        "method": (
            "Tal fra værktøjernes egne tabeller, summeret over enhedens kommuner: andele og "
            "tætheder er forholdet mellem summer, middelrejsetiden er kommunernes middel vægtet "
            "med nåede indbyggere. {p90} Ikke beregnet: {missing}."
        ),
        "p90_unit": "90 %-fraktilen er værktøjets egen for enheden.",
        "p90_max": (
            "90 %-fraktilen kan ikke lægges sammen: vist er den højeste kommune-fraktil "
            "(en øvre grænse for enhedens)."
        ),
        "none": "intet",
        "sources": "Kilder: {sources}",
        "embedded_population": "indbyggere: FOLK1A {today} (indlejret)",
        "page": "Side {number} af {total}",
    },
    "en": {
        "title": {
            "sundhedsraad": "Health council profile",
            "region": "Region profile",
            "region_2027": "Region profile (regions from 2027)",
            "kommune": "Municipality profile",
        },
        "subtitle": "Key figures against the whole country · today: {today} · target year: {target}",
        "indicator": "Indicator",
        "national": "Whole country",
        "not_computed": "not computed (no input)",
        "not_given": "not given",
        "section_population": "Residents and elderly",
        "residents": "Residents {year}",
        "share_75": "Share aged 75+ {year}",
        "residents_no_target": "Residents in the target year",
        "share_75_no_target": "Share aged 75+ in the target year",
        "need_index": "Need index {year} (country {base} = 100)",
        "need_change": "Change in need {base}–{year}",
        "section_travel": "Travel time to the nearest akutsygehus",
        "travel_mean": "Mean travel time (min)",
        "travel_p90": "90th percentile (min)",
        "travel_p90_max": "90th percentile, highest kommune (min)",
        "travel_over": "Share over {minutes} min",
        "not_reached": "Not reached",
        "section_gp": "General practice",
        "gp": "GPs per 10,000 residents",
        "gp_need": "Need-adjusted GPs per 10,000",
        "fca_low": "Share with low access (2SFCA{limit})",
        "fca_limit": ", below {value} per 10,000",
        "section_spec": "Specialists: capacity against need-based share",
        "spec_all": "All specialties: capacity / share",
        "spec_more": "… and {n} more specialties (the SPECIALTIES table)",
        "spec_row": "{specialty}: capacity / share",
        "maps": "Maps: the kommuner of {unit}, surroundings dimmed",
        "map_75": "Share aged 75+ ({year})",
        "map_mean": "Mean travel time (min)",
        "map_over": "Share over {minutes} min",
        "map_gp": "Need-adjusted GPs per 10,000",
        "map_fca": "Share with low access (2SFCA)",
        "map_spec": "Specialists: capacity / share",
        "map_missing": "not computed (no input)",
        "no_value": "no value",
        "method": (
            "Figures from the tools' own tables, summed over the unit's kommuner: shares and "
            "densities are ratios of sums, the mean travel time is the kommune means weighted "
            "by reached residents. {p90} Not computed: {missing}."
        ),
        "p90_unit": "The 90th percentile is the tool's own for the unit.",
        "p90_max": (
            "Percentiles do not add up: shown is the highest kommune percentile (an upper "
            "bound of the unit's)."
        ),
        "none": "nothing",
        "sources": "Sources: {sources}",
        "embedded_population": "residents: FOLK1A {today} (embedded)",
        "page": "Page {number} of {total}",
    },
}
SECTION_WORDS = {
    "da": {
        "need_table": "behov over tid",
        "travel": "rejsetid",
        "gp_density": "lægedækning",
        "fca": "2SFCA-adgang",
        "specialists": "speciallæger",
    },
    "en": {
        "need_table": "need over time",
        "travel": "travel time",
        "gp_density": "GP density",
        "fca": "2SFCA access",
        "specialists": "specialists",
    },
}


MAX_SPECIALTIES = 6
"""Specialty rows on a page (worst covered first); all of them are in the table output."""


def w(key: str, language: str) -> Any:
    return WORDS[language_of(language)][key]


def _missing(value: Any) -> bool:
    try:
        return value is None or math.isnan(float(value))
    except (TypeError, ValueError):
        return True


def number(value: Any, *, decimals: int = 0, language: str) -> str:
    return format_number(value, decimals=decimals, language=language)


def percent(value: Any, *, decimals: int = 1, language: str, share: bool = True) -> str:
    """``0.1234`` -> ``12,3 %`` (da) / ``12.3%`` (en); ``share=False``: the value is
    already in per cent; signed changes keep their sign."""
    if _missing(value):
        return "–"
    pct = float(value) * (100.0 if share else 1.0)
    text = format_number(pct, decimals=decimals, language=language)
    sep = " " if language_of(language) == "da" else ""
    return f"{text}{sep}%"


def signed_percent(value: Any, *, language: str) -> str:
    text = percent(value, language=language, share=False)
    if text != "–" and not text.startswith("-") and float(value) > 0:
        text = "+" + text
    return text


@dataclass(frozen=True)
class Row:
    """One line of the indicator table: a heading (no values) or an indicator."""

    label: str
    unit: str = ""
    national: str = ""
    heading: bool = False


def _section(
    rows: list[Row], heading: str, lines: Sequence[tuple[str, str, str]], missing: bool, lang
):
    rows.append(Row(heading, heading=True))
    for label, unit, national in lines:
        if missing:
            rows.append(Row(label, w("not_computed", lang), w("not_computed", lang)))
        else:
            rows.append(Row(label, unit, national))


def indicator_rows(
    unit: Mapping,
    national: Mapping,
    *,
    missing: Sequence[str],
    p90_rule: str | None,
    low_access_per_10000: float | None,
    long_travel_min: float,
    specialties: pd.DataFrame,
    language: str,
    max_specialties: int = MAX_SPECIALTIES,
) -> list[Row]:
    """The page's table for one unit (``unit`` and ``national``: rows of the indicators).
    Specialties: the ``max_specialties`` with the lowest capacity / share first (the rest
    are in the SPECIALTIES table; the page says how many)."""
    lang = language_of(language)
    rows: list[Row] = []
    today = str(unit["today"])
    target = unit.get("target_year")
    has_target = not _missing(target)
    year = str(int(target)) if has_target else w("not_given", lang)

    def both(column: str, fmt) -> tuple[str, str]:
        return fmt(unit[column]), fmt(national[column])

    def num0(v):
        return number(v, decimals=0, language=lang)

    def num1(v):
        return number(v, decimals=1, language=lang)

    def pct(v):
        return percent(v, language=lang)

    pop = [
        (w("residents", lang).format(year=today), *both("residents_today", num0)),
        (w("share_75", lang).format(year=today), *both("share_75_plus_today", pct)),
    ]
    if has_target:
        pop += [
            (w("residents", lang).format(year=year), *both("residents_target", num0)),
            (w("share_75", lang).format(year=year), *both("share_75_plus_target", pct)),
            (
                w("need_index", lang).format(year=year, base=today),
                *both("need_index_target", num1),
            ),
            (
                w("need_change", lang).format(year=year, base=today),
                *both("need_change_pct", lambda v: signed_percent(v, language=lang)),
            ),
        ]
    else:
        given = w("not_given", lang)
        pop += [
            (w("residents_no_target", lang), given, given),
            (w("share_75_no_target", lang), given, given),
        ]
    _section(rows, w("section_population", lang), pop, False, lang)

    p90_label = w("travel_p90" if p90_rule == "unit" else "travel_p90_max", lang)
    minutes = number(long_travel_min, decimals=0, language=lang)

    def reached(row):
        if _missing(row["travel_not_reached"]):
            return "–"
        return f"{num0(row['travel_not_reached'])} ({pct(row['travel_share_not_reached'])})"

    travel = [
        (w("travel_mean", lang), *both("travel_mean_min", num1)),
        (p90_label, *both("travel_p90_min", num1)),
        (w("travel_over", lang).format(minutes=minutes), *both("travel_share_over_30_min", pct)),
        (w("not_reached", lang), reached(unit), reached(national)),
    ]
    _section(rows, w("section_travel", lang), travel, "travel" in missing, lang)

    rows.append(Row(w("section_gp", lang), heading=True))
    for label, column, section in (
        (w("gp", lang), "gp_per_10000", "gp_density"),
        (w("gp_need", lang), "gp_need_per_10000", "gp_density"),
    ):
        if section in missing:
            rows.append(Row(label, w("not_computed", lang), w("not_computed", lang)))
        else:
            rows.append(Row(label, *both(column, num1)))
    limit = (
        w("fca_limit", lang).format(value=number(low_access_per_10000, decimals=1, language=lang))
        if low_access_per_10000 is not None
        else ""
    )
    fca_label = w("fca_low", lang).format(limit=limit)
    if "fca" in missing:
        rows.append(Row(fca_label, w("not_computed", lang), w("not_computed", lang)))
    else:
        rows.append(Row(fca_label, *both("fca_share_low_access", pct)))

    spec_lines = []
    if "specialists" not in missing:
        code = unit["unit_code"]
        own = specialties[specialties["unit_code"] == code].sort_values(["ratio", "specialty"])
        nat = specialties[specialties["unit_code"] == national["unit_code"]]
        nat = nat.set_index("specialty")
        for row in own.head(max_specialties).itertuples():
            spec_lines.append(
                (
                    w("spec_row", lang).format(specialty=row.specialty),
                    _spec_cell(row, lang),
                    _spec_cell(nat.loc[row.specialty], lang) if row.specialty in nat.index else "–",
                )
            )
        if len(own) > max_specialties:
            more = len(own) - max_specialties
            spec_lines.append((w("spec_more", lang).format(n=more), "", ""))
        spec_lines.append((w("spec_all", lang), *both("spec_ratio", pct)))
    else:
        spec_lines.append((w("spec_all", lang), "", ""))
    _section(rows, w("section_spec", lang), spec_lines, "specialists" in missing, lang)
    return rows


def _spec_cell(row: Any, lang: str) -> str:
    """``12,3 / 14,0 (88,1 %)``: capacity / fair share (ratio)."""
    return (
        f"{number(getattr(row, 'capacity', None), decimals=1, language=lang)} / "
        f"{number(getattr(row, 'fair_share', None), decimals=1, language=lang)} "
        f"({percent(getattr(row, 'ratio', None), language=lang)})"
    )


def title(level: str, unit_name: str, *, language: str) -> str:
    return f"{w('title', language)[level]}: {unit_name}"


def subtitle(today: str, target_year: Any, *, language: str) -> str:
    target = w("not_given", language) if _missing(target_year) else str(int(target_year))
    return w("subtitle", language).format(today=today, target=target)


MAP_KEYS = (
    ("share_75_plus", "map_75", "need_table"),
    ("travel_mean_min", "map_mean", "travel"),
    ("travel_share_over_30_min", "map_over", "travel"),
    ("gp_need_per_10000", "map_gp", "gp_density"),
    ("fca_share_low_access", "map_fca", "fca"),
    ("spec_ratio", "map_spec", "specialists"),
)
"""(per-kommune column, caption word, section) of the six small maps, in page order."""


def map_captions(
    *, missing: Sequence[str], today: str, target_year: Any, long_travel_min: float, language
) -> list[tuple[str, str, bool]]:
    """(column, caption, computed) per small map. The 75+ map shows the target year when a
    need table is given, else today; a map not computed says so over its grey kommuner."""
    lang = language_of(language)
    year = today if _missing(target_year) else str(int(target_year))
    out = []
    for column, key, section in MAP_KEYS:
        caption = w(key, lang).format(
            year=year, minutes=number(long_travel_min, decimals=0, language=lang)
        )
        computed = section == "need_table" or section not in missing
        out.append((column, caption, computed))
    return out


def method_note(*, missing: Sequence[str], p90_rule: str | None, language: str) -> str:
    lang = language_of(language)
    p90 = "" if p90_rule is None else w("p90_unit" if p90_rule == "unit" else "p90_max", lang)
    names = [SECTION_WORDS[lang][k] for k in missing]
    return (
        w("method", lang)
        .format(p90=p90, missing=", ".join(names) or w("none", lang))
        .replace("  ", " ")
    )


def sources_line(names: Sequence[str], *, today: str, embedded: bool, language: str) -> str:
    lang = language_of(language)
    parts = list(names)
    if embedded:
        parts.insert(0, w("embedded_population", lang).format(today=today))
    return w("sources", lang).format(sources="; ".join(parts))
