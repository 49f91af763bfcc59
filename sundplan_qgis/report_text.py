"""The words and numbers printed on a sundplan map report (``sundplan:map_report``).

Pure Python (no ``qgis``): the Processing algorithm passes in what it found out about the
layers (kind of output, provenance record, inputs) and gets back the texts to put into the
print layout: title, subtitle, method note, source line, date line, legend/summary headings and
the rows of the per-area summary table.

Language: the *page* language is chosen per report (``language`` = ``"da"`` or ``"en"``) and is
Danish by default, independent of the QGIS interface language: a planner with an English
QGIS still prints for a Danish meeting. The algorithm's parameter texts and messages go
through Qt's ``tr()`` as usual; the page texts live here, in both languages, keyed by language.

Number format follows the page language: Danish ``12.345`` / ``7,5`` / ``12 %``; English
``12,345`` / ``7.5`` / ``12%``.
"""

from __future__ import annotations

import datetime as _dt
import math
from collections.abc import Iterable, Mapping, Sequence
from dataclasses import dataclass
from typing import Any

LANGUAGES = ("da", "en")
DEFAULT_LANGUAGE = "da"

# Kinds of sundplan output a report can show (= the style names in resources/styles/).
KINDS = ("travel_time", "travel_time_bands", "catchments", "travel_time_change", "area_summary")

DEFAULT_BANDS = "15,30,45,60"
DEFAULT_SNAP_M = 1000
DEFAULT_ACCESS_KMH = 30

_MONTHS = {
    "da": (
        "januar februar marts april maj juni juli august september oktober november december"
    ).split(),
    "en": (
        "January February March April May June July August September October November December"
    ).split(),
}

# Fixed words on the page.
WORDS: dict[str, dict[str, str]] = {
    "da": {
        "legend": "Signaturforklaring",
        "sources": "Kilder",
        "method": "Metode",
        "date": "Dato",
        "computed": "beregnet",
        "page": "Side {number} af {total}",
        "summary": "Nøgletal pr. område",
        "figure": "Nøgletal",
        "summary_top": "{shown} af {total} områder, længst rejsetid først",
        "organisation": "Organisation",
        "backdrop": "Områdegrænser",
        "current_area": "Aktuelt område",
        "no_rows": "Ingen rækker for dette område",
        "made_with": "Lavet med sundplan {version}",
        "synthetic": (
            "SYNTETISKE eksempeldata (sundplan eksempelregion{seed}) – ikke virkelige steder, "
            "veje eller personer"
        ),
    },
    "en": {
        "legend": "Legend",
        "sources": "Sources",
        "method": "Method",
        "date": "Date",
        "computed": "computed",
        "page": "Page {number} of {total}",
        "summary": "Key figures per area",
        "figure": "Key figure",
        "summary_top": "{shown} of {total} areas, longest travel time first",
        "organisation": "Organisation",
        "backdrop": "Area boundaries",
        "current_area": "Current area",
        "no_rows": "No rows for this area",
        "made_with": "Made with sundplan {version}",
        "synthetic": (
            "SYNTHETIC sample data (sundplan sample region{seed}) – not real places, roads or "
            "people"
        ),
    },
}

# Titles of the kinds of output (title of the page and of the legend entry).
TITLES: dict[str, dict[str, str]] = {
    "da": {
        "travel_time": "Rejsetid til nærmeste akutsygehus",
        "travel_time_bands": "Rejsetidsbånd til nærmeste akutsygehus",
        "catchments": "Optageområder for akutsygehusene",
        "travel_time_change": "Ændring i rejsetid til nærmeste akutsygehus",
        "area_summary": "Gennemsnitlig rejsetid til akutsygehus pr. område",
        "": "Kort",
    },
    "en": {
        "travel_time": "Travel time to the nearest acute hospital",
        "travel_time_bands": "Travel-time bands to the nearest acute hospital",
        "catchments": "Catchment areas of the acute hospitals",
        "travel_time_change": "Change in travel time to the nearest acute hospital",
        "area_summary": "Mean travel time to an acute hospital per area",
        "": "Map",
    },
}

LEGEND_TITLES: dict[str, dict[str, str]] = {
    "da": {
        "travel_time": "Rejsetid i bil (minutter)",
        "travel_time_bands": "Rejsetid i bil (minutter)",
        "catchments": "Optageområde (akutsygehus)",
        "travel_time_change": "Ændring i rejsetid (minutter)",
        "area_summary": "Befolkningsvægtet gns. rejsetid (minutter)",
    },
    "en": {
        "travel_time": "Drive time (minutes)",
        "travel_time_bands": "Drive time (minutes)",
        "catchments": "Catchment (acute hospital)",
        "travel_time_change": "Change in drive time (minutes)",
        "area_summary": "Population-weighted mean drive time (minutes)",
    },
}


@dataclass(frozen=True)
class Column:
    """A known summary field: short headings (table columns), long ones (a one-area list)."""

    field: str
    da: str
    en: str
    kind: str = "text"  # text | int | minutes | share
    decimals: int = 0
    da_long: str = ""
    en_long: str = ""


# Known fields of the catchments' area summary and the scenario's area changes.
COLUMNS: tuple[Column, ...] = (
    Column("area_name", "Område", "Area", da_long="Område", en_long="Area"),
    Column("population", "Indbyggere", "Residents", "int", 0, "Indbyggere", "Residents"),
    Column(
        "mean_min",
        "Gns. min",
        "Mean min",
        "minutes",
        1,
        "Gns. rejsetid (min)",
        "Mean travel time (min)",
    ),
    Column(
        "median_min",
        "Median min",
        "Median min",
        "minutes",
        1,
        "Median rejsetid (min)",
        "Median travel time (min)",
    ),
    Column(
        "p90_min",
        "90 % min",
        "90% min",
        "minutes",
        1,
        "90 % når frem inden for (min)",
        "90% arrive within (min)",
    ),
    Column(
        "max_min",
        "Maks. min",
        "Max min",
        "minutes",
        1,
        "Længste rejsetid (min)",
        "Longest travel time (min)",
    ),
    Column(
        "share_over_15_min",
        "Andel > 15 min",
        "Share > 15 min",
        "share",
        0,
        "Andel over 15 min",
        "Share over 15 min",
    ),
    Column(
        "share_over_30_min",
        "Andel > 30 min",
        "Share > 30 min",
        "share",
        0,
        "Andel over 30 min",
        "Share over 30 min",
    ),
    Column(
        "share_over_45_min",
        "Andel > 45 min",
        "Share > 45 min",
        "share",
        0,
        "Andel over 45 min",
        "Share over 45 min",
    ),
    Column(
        "share_over_60_min",
        "Andel > 60 min",
        "Share > 60 min",
        "share",
        0,
        "Andel over 60 min",
        "Share over 60 min",
    ),
    Column(
        "pop_over_30_min",
        "Indb. > 30 min",
        "Residents > 30 min",
        "int",
        0,
        "Indbyggere over 30 min",
        "Residents over 30 min",
    ),
    Column(
        "main_hospital",
        "Primært akutsygehus",
        "Main acute hospital",
        "text",
        0,
        "Primært akutsygehus",
        "Main acute hospital",
    ),
    Column(
        "hospital", "Akutsygehus", "Acute hospital", da_long="Akutsygehus", en_long="Acute hospital"
    ),
    Column(
        "base_mean_min",
        "Gns. min nu",
        "Mean min now",
        "minutes",
        1,
        "Gns. rejsetid nu (min)",
        "Mean travel time now (min)",
    ),
    Column(
        "scen_mean_min",
        "Gns. min scenarie",
        "Mean min scenario",
        "minutes",
        1,
        "Gns. rejsetid i scenariet (min)",
        "Mean travel time in the scenario (min)",
    ),
    Column(
        "change_mean_min",
        "Ændring gns. min",
        "Change mean min",
        "minutes",
        1,
        "Ændring i gns. rejsetid (min)",
        "Change in mean travel time (min)",
    ),
    Column(
        "change_p90_min",
        "Ændring 90 % min",
        "Change 90% min",
        "minutes",
        1,
        "Ændring i 90 %-fraktil (min)",
        "Change in 90th percentile (min)",
    ),
    Column(
        "scen_main_hospital",
        "Akutsygehus i scenariet",
        "Hospital in scenario",
        "text",
        0,
        "Primært akutsygehus i scenariet",
        "Main acute hospital in the scenario",
    ),
)
_COLUMN_BY_FIELD = {c.field: c for c in COLUMNS}

# Default choice of summary columns for a layer (the first ones present, at most this many).
DEFAULT_SUMMARY_FIELDS = (
    "area_name",
    "population",
    "mean_min",
    "p90_min",
    "max_min",
    "share_over_30_min",
    "main_hospital",
    "base_mean_min",
    "scen_mean_min",
    "change_mean_min",
    "scen_main_hospital",
)


# --------------------------------------------------------------------------- basics
def language_of(code: str | None) -> str:
    """``"en"`` for English codes (``en``, ``en_GB``, ``English``), else ``"da"``."""
    if code and str(code).strip().lower().startswith("en"):
        return "en"
    return DEFAULT_LANGUAGE


def word(key: str, language: str) -> str:
    """A fixed page word (see :data:`WORDS`)."""
    return WORDS[language_of(language)][key]


def format_number(value: Any, *, decimals: int = 0, language: str = DEFAULT_LANGUAGE) -> str:
    """``12345.6`` -> ``"12.346"`` (da, 0 decimals) / ``"12,345.6"`` (en, 1 decimal).

    ``None`` / NaN / text that is not a number -> ``"–"``.
    """
    try:
        number = float(value)
    except (TypeError, ValueError):
        return "–"
    if math.isnan(number) or math.isinf(number):
        return "–"
    text = f"{number:,.{decimals}f}"
    if text in ("-0", "-0." + "0" * decimals):
        text = text[1:]
    if language_of(language) == "da":
        text = text.replace(",", "\x00").replace(".", ",").replace("\x00", ".")
    return text


def format_share(value: Any, *, language: str = DEFAULT_LANGUAGE) -> str:
    """A share 0..1 as a whole percentage: ``0.123`` -> ``"12 %"`` (da) / ``"12%"`` (en).

    Shares above 0 that round to 0 are printed ``"< 1 %"`` so nobody reads them as none.
    """
    try:
        share = float(value)
    except (TypeError, ValueError):
        return "–"
    if math.isnan(share):
        return "–"
    percent = 100.0 * share
    sep = " " if language_of(language) == "da" else ""
    if 0 < percent < 0.5:
        return f"< 1{sep}%"
    return f"{format_number(percent, decimals=0, language=language)}{sep}%"


def format_date(date: _dt.date, *, language: str = DEFAULT_LANGUAGE) -> str:
    """``25. november 2026`` (da) / ``25 November 2026`` (en)."""
    lang = language_of(language)
    month = _MONTHS[lang][date.month - 1]
    if lang == "da":
        return f"{date.day}. {month} {date.year}"
    return f"{date.day} {month} {date.year}"


def _parse_date(text: str | None) -> _dt.date | None:
    if not text:
        return None
    try:
        return _dt.datetime.fromisoformat(str(text).replace("Z", "+00:00")).date()
    except ValueError:
        return None


def date_line(
    *,
    printed: _dt.date,
    provenance: Mapping | None = None,
    language: str = DEFAULT_LANGUAGE,
) -> str:
    """``Dato: 25. november 2026 (data beregnet 24. november 2026)``."""
    lang = language_of(language)
    text = f"{word('date', lang)}: {format_date(printed, language=lang)}"
    computed = _parse_date((provenance or {}).get("timestamp_utc"))
    if computed is not None and computed != printed:
        text += f" (data {word('computed', lang)} {format_date(computed, language=lang)})"
    return text


# --------------------------------------------------------------------------- titles
def title(kind: str | None, *, language: str = DEFAULT_LANGUAGE) -> str:
    """Default page title for a kind of output (see :data:`KINDS`)."""
    titles = TITLES[language_of(language)]
    return titles.get(kind or "", titles[""])


def legend_title(kind: str | None, layer_name: str, *, language: str = DEFAULT_LANGUAGE) -> str:
    """The legend's name for the mapped layer: a known kind's title, else the layer name."""
    return LEGEND_TITLES[language_of(language)].get(kind or "", layer_name)


def _params(provenance: Mapping | None) -> Mapping:
    return (provenance or {}).get("parameters") or {}


def _bands_text(params: Mapping, language: str) -> str:
    raw = str(params.get("BANDS") or DEFAULT_BANDS)
    parts = [p.strip() for p in raw.replace(";", ",").split(",") if p.strip()]
    numbers = []
    for part in parts:
        try:
            numbers.append(format_number(float(part), decimals=0, language=language))
        except ValueError:
            continue
    return ", ".join(numbers) if numbers else raw


def subtitle(
    kind: str | None,
    *,
    provenance: Mapping | None = None,
    synthetic: bool = False,
    language: str = DEFAULT_LANGUAGE,
) -> str:
    """Default subtitle: what is shown and on which data, e.g. the bands and the scenario."""
    lang = language_of(language)
    params = _params(provenance)
    parts: list[str] = []
    if kind in ("travel_time", "travel_time_bands", "area_summary", "catchments"):
        parts.append(
            (
                "Bil ad vejnettet, tidsbånd {b} min"
                if lang == "da"
                else "By car on the road network, bands {b} min"
            ).format(b=_bands_text(params, lang))
        )
    if kind == "travel_time_change" or (provenance or {}).get("algorithm", "").endswith(
        "catchment_scenario"
    ):
        closed = params.get("CLOSE")
        if closed:
            parts.append(
                ("Scenarie: {c} lukkes" if lang == "da" else "Scenario: {c} closed").format(
                    c=closed
                )
            )
        else:
            parts.append("Scenarie mod nuværende" if lang == "da" else "Scenario against today")
    if synthetic:
        parts.append("syntetiske eksempeldata" if lang == "da" else "synthetic sample data")
    return " · ".join(parts)


# --------------------------------------------------------------------------- method note
def method_note(
    kind: str | None,
    *,
    provenance: Mapping | None = None,
    language: str = DEFAULT_LANGUAGE,
) -> str:
    """Default method note: how the mapped numbers were computed, with the run's parameters."""
    lang = language_of(language)
    params = _params(provenance)
    algorithm = str((provenance or {}).get("algorithm") or "")
    snap = params.get("MAX_SNAP_M") or DEFAULT_SNAP_M
    access = params.get("ACCESS_SPEED_KMH") or DEFAULT_ACCESS_KMH
    values = {
        "bands": _bands_text(params, lang),
        "snap": format_number(snap, language=lang),
        "access": format_number(access, language=lang),
    }
    network_kinds = ("travel_time", "travel_time_bands", "catchments", "area_summary")
    if (
        algorithm.startswith("sundplan:catchment")
        or kind in network_kinds
        or (kind == "travel_time_change")
    ):
        if lang == "da":
            text = (
                "Rejsetid i bil ad vejnettet fra hver beboers bopæl (befolkningscelle) til "
                "nærmeste aktive akutsygehus: korteste rejsetid fra alle sygehuse på én gang "
                "(Dijkstra). Hastighed efter skiltning, ellers efter vejklasse (50/80/130 km/t, "
                "Færdselsloven § 42); færger med overfartstid. Bopæle knyttes til nærmeste vej "
                "inden for {snap} m og køres dertil med {access} km/t. Tidsbånd {bands} min, "
                "lukket til højre (præcis 15,0 min hører til 0–15). Gennemsnit og fraktiler er "
                "befolkningsvægtede."
            )
        else:
            text = (
                "Drive time on the road network from every resident's home (population cell) to "
                "the nearest active acute hospital: shortest travel time from all hospitals at "
                "once (Dijkstra). Signed speed limits, else by road class (50/80/130 km/h, "
                "Danish Road Traffic Act § 42); ferries with their crossing time. Homes are "
                "joined to the nearest road within {snap} m, reached at {access} km/h. Bands "
                "{bands} min, closed on the right (exactly 15.0 min is in 0–15). Means and "
                "percentiles are population-weighted."
            )
        if kind == "travel_time_change" or algorithm.endswith("catchment_scenario"):
            closed = params.get("CLOSE")
            if lang == "da":
                text += " Ændring = scenarie minus nuværende situation"
                text += f" ({closed} lukket)." if closed else "."
            else:
                text += " Change = scenario minus the current situation"
                text += f" ({closed} closed)." if closed else "."
        return text.format(**values)
    version = str(((provenance or {}).get("versions") or {}).get("sundplan") or "")
    return word("made_with", lang).format(version=version).strip() + "."


# --------------------------------------------------------------------------- sources
@dataclass
class SourceInfo:
    """What the algorithm found out about one input of the mapped output.

    ``role``: ``hospitals`` | ``network`` | ``population`` | ``areas`` | ``other``;
    ``name``: layer or file name; ``osm``: an OpenStreetMap file; ``embedded``: sundplan's
    embedded reference data; ``synthetic``: the sample region.
    """

    role: str
    name: str = ""
    osm: bool = False
    embedded: bool = False
    synthetic: bool = False


_ROLE_WORDS = {
    "da": {
        "hospitals": "sygehuse",
        "network": "vejnet",
        "population": "befolkning",
        "areas": "områder",
        "other": "data",
    },
    "en": {
        "hospitals": "hospitals",
        "network": "roads",
        "population": "population",
        "areas": "areas",
        "other": "data",
    },
}


def sources_line(
    sources: Sequence[SourceInfo] = (),
    *,
    provenance: Mapping | None = None,
    seed: int | None = None,
    language: str = DEFAULT_LANGUAGE,
) -> str:
    """``Kilder: akutsygehuse: Sundhedsdatastyrelsen (SOR); vejnet © OpenStreetMap-…``.

    Synthetic inputs are named as such (never credited to OpenStreetMap or Danmarks
    Statistik). Without any known input a sensible default is returned.
    """
    lang = language_of(language)
    role_words = _ROLE_WORDS[lang]
    parts: list[str] = []
    if any(s.synthetic for s in sources):
        parts.append(word("synthetic", lang).format(seed=f", seed {seed}" if seed else ""))
    for source in sources:
        if source.synthetic:
            continue
        if source.role == "hospitals" and source.embedded:
            parts.append(
                "akutsygehuse: Sundhedsdatastyrelsen (SOR), indlejret i sundplan"
                if lang == "da"
                else "acute hospitals: Danish Health Data Authority (SOR), embedded in sundplan"
            )
        elif source.role == "network" and source.osm:
            parts.append(
                "vejnet © OpenStreetMap-bidragydere (ODbL)"
                if lang == "da"
                else "roads © OpenStreetMap contributors (ODbL)"
            )
        elif source.name:
            parts.append(f"{role_words.get(source.role, role_words['other'])}: {source.name}")
    if not parts:
        parts.append(
            "sundplan; vejnet © OpenStreetMap-bidragydere; befolkning: Danmarks Statistik"
            if lang == "da"
            else "sundplan; roads © OpenStreetMap contributors; population: Statistics Denmark"
        )
    versions = (provenance or {}).get("versions") or {}
    software = []
    if versions.get("sundplan"):
        software.append(f"sundplan {versions['sundplan']}")
    if versions.get("qgis"):
        software.append(f"QGIS {str(versions['qgis']).split('-')[0]}")
    if software:
        parts.append(("beregning: " if lang == "da" else "computed with ") + ", ".join(software))
    return f"{word('sources', lang)}: " + "; ".join(parts)


# --------------------------------------------------------------------------- summary table
def column_heading(field: str, *, language: str = DEFAULT_LANGUAGE, long: bool = False) -> str:
    """Printed heading of a summary field (known fields translated; others as named).

    Short headings are for table columns (the table wraps them); ``long`` ones for the list of
    key figures of one area.
    """
    column = _COLUMN_BY_FIELD.get(field)
    if column is None:
        return field
    if language_of(language) == "da":
        return (column.da_long or column.da) if long else column.da
    return (column.en_long or column.en) if long else column.en


def default_summary_fields(available: Iterable[str], *, limit: int = 7) -> list[str]:
    """The default summary columns present in ``available`` (at most ``limit``).

    Without any known field: the first ``limit`` of ``available``.
    """
    names = list(available)
    chosen = [f for f in DEFAULT_SUMMARY_FIELDS if f in names][:limit]
    return chosen or names[:limit]


def format_cell(field: str, value: Any, *, language: str = DEFAULT_LANGUAGE) -> str:
    """One summary cell as printed (numbers in the page language's format)."""
    column = _COLUMN_BY_FIELD.get(field)
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
    if isinstance(value, float) and math.isnan(value):
        return "–"
    return str(value)


def is_numeric_field(field: str) -> bool:
    """True for known numeric summary fields (printed right-aligned)."""
    column = _COLUMN_BY_FIELD.get(field)
    return column is not None and column.kind != "text"


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

    When there are more rows than ``max_rows``, the rows with the longest mean travel time
    (``mean_min``, else the first numeric field) are kept and the note says so; otherwise rows
    keep their order (sorted by name when an ``area_name`` field exists).
    """
    lang = language_of(language)
    items = list(rows)
    if "area_name" in fields:
        items.sort(key=lambda r: str(r.get("area_name") or ""))
    note = ""
    if max_rows is not None and len(items) > max_rows:
        key = (
            "mean_min"
            if "mean_min" in fields
            else next((f for f in fields if is_numeric_field(f)), None)
        )
        if key is not None:
            items.sort(key=lambda r: _sort_value(r.get(key)), reverse=True)
        note = word("summary_top", lang).format(shown=max_rows, total=len(items))
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


def points_title(layer_name: str, *, language: str = DEFAULT_LANGUAGE) -> str:
    """Legend name of the point layer: "Akutsygehuse" for hospitals, else the layer name."""
    lang = language_of(language)
    lowered = (layer_name or "").lower()
    if "hospital" in lowered or "sygehus" in lowered:
        return "Akutsygehuse" if lang == "da" else "Acute hospitals"
    return layer_name


def backdrop_title(layer_name: str, *, language: str = DEFAULT_LANGUAGE) -> str:
    """Legend name of the backdrop areas: kommune / region boundaries when the name says so."""
    lang = language_of(language)
    lowered = (layer_name or "").lower()
    if "kommun" in lowered or "municipal" in lowered:
        return "Kommunegrænser" if lang == "da" else "Municipal boundaries"
    if "region" in lowered:
        return "Regionsgrænser" if lang == "da" else "Region boundaries"
    return word("backdrop", lang)


def _sort_value(value: Any) -> float:
    try:
        number = float(value)
    except (TypeError, ValueError):
        return -math.inf
    return -math.inf if math.isnan(number) else number


__all__ = [
    "COLUMNS",
    "area_key_figures",
    "backdrop_title",
    "points_title",
    "DEFAULT_LANGUAGE",
    "KINDS",
    "LANGUAGES",
    "SourceInfo",
    "SummaryTable",
    "column_heading",
    "date_line",
    "default_summary_fields",
    "format_cell",
    "format_date",
    "format_number",
    "format_share",
    "language_of",
    "legend_title",
    "method_note",
    "sources_line",
    "subtitle",
    "summary_table",
    "title",
    "word",
]
