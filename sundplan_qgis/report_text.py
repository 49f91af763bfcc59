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
KINDS = (
    "travel_time",
    "travel_time_bands",
    "catchments",
    "travel_time_change",
    "area_summary",
    "gp_density",
    "fca_access",
    "fca_access_areas",
    "specialist_gaps",
    "specialist_relocations",
)
# Kinds whose layer is itself a table per area (the default summary table of the page).
AREA_KINDS = ("area_summary", "gp_density", "fca_access_areas", "specialist_gaps")

DEFAULT_SHORTAGE_THRESHOLD = 1600
DEFAULT_UNDER_RATIO = 0.8
DEFAULT_OVER_RATIO = 1.25
DEFAULT_FCA_THRESHOLD_MIN = 30
DEFAULT_LOW_ACCESS = 6.25
FCA_METHODS = ("2SFCA", "E2SFCA", "Gaussian")

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
        "summary_top_gp": "{shown} af {total} områder, flest borgere pr. læge først",
        "summary_top_ratio": "{shown} af {total} rækker, lavest dækning først",
        "summary_top_access": "{shown} af {total} områder, lavest tilgængelighed først",
        "yes": "ja",
        "no": "nej",
        "organisation": "Organisation",
        "backdrop": "Områdegrænser",
        "current_area": "Aktuelt område",
        "no_rows": "Ingen rækker for dette område",
        "not_reached": "Ikke nået",
        "unknown": "ukendt",
        "not_reached_of": "af {total} indbyggere",
        "reached_note": "{what}: af nåede indbyggere",
        "stats_travel": "Rejsetider (gns., median, 90 %, andele)",
        "stats_access": "Tilgængeligheden",
        "stats_other": "Tallene",
        "unknown_note": (
            "ingen områdetabel med kolonnerne pop_unsnapped og pop_unreachable (angiv "
            "kørslens områdetabel som SUMMARY)"
        ),
        "not_reached_class": "Ikke nået (ingen rejsetid)",
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
        "summary_top_gp": "{shown} of {total} areas, most residents per GP first",
        "summary_top_ratio": "{shown} of {total} rows, lowest coverage first",
        "summary_top_access": "{shown} of {total} areas, lowest accessibility first",
        "yes": "yes",
        "no": "no",
        "organisation": "Organisation",
        "backdrop": "Area boundaries",
        "current_area": "Current area",
        "no_rows": "No rows for this area",
        "not_reached": "Not reached",
        "unknown": "unknown",
        "not_reached_of": "of {total} residents",
        "reached_note": "{what}: of reached residents",
        "stats_travel": "Travel times (mean, median, 90%, shares)",
        "stats_access": "Accessibility",
        "stats_other": "Figures",
        "unknown_note": (
            "no area table with the columns pop_unsnapped and pop_unreachable (give the "
            "run's area table as SUMMARY)"
        ),
        "not_reached_class": "Not reached (no travel time)",
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
        "gp_density": "Lægedækning i almen praksis: borgere pr. læge",
        "fca_access": "Tilgængelighed til almen praksis",
        "fca_access_areas": "Tilgængelighed til almen praksis pr. område",
        "specialist_gaps": "Speciallægedækning mod behov",
        "specialist_relocations": "Flytning af speciallægekapacitet mod behov",
        "": "Kort",
    },
    "en": {
        "travel_time": "Travel time to the nearest acute hospital",
        "travel_time_bands": "Travel-time bands to the nearest acute hospital",
        "catchments": "Catchment areas of the acute hospitals",
        "travel_time_change": "Change in travel time to the nearest acute hospital",
        "area_summary": "Mean travel time to an acute hospital per area",
        "gp_density": "GP coverage in general practice: residents per GP",
        "fca_access": "Access to general practice",
        "fca_access_areas": "Access to general practice per area",
        "specialist_gaps": "Specialist coverage against need",
        "specialist_relocations": "Relocation of specialist capacity towards need",
        "": "Map",
    },
}

LEGEND_TITLES: dict[str, dict[str, str]] = {
    "da": {
        "travel_time": "Rejsetid i bil (minutter)",
        "travel_time_bands": "Rejsetid i bil (minutter)",
        "catchments": "Optageområde (akutsygehus)",
        "travel_time_change": "Ændring i rejsetid (minutter)",
        "area_summary": "Gns. rejsetid af nåede indbyggere (minutter)",
        "gp_density": "Lægedækning pr. område",
        "fca_access": "Tilgængelighed pr. bopæl (2SFCA)",
        "fca_access_areas": "Tilgængelighed pr. område (2SFCA)",
        "specialist_gaps": "Dækning pr. område",
        "specialist_relocations": "Foreslåede flytninger",
    },
    "en": {
        "travel_time": "Drive time (minutes)",
        "travel_time_bands": "Drive time (minutes)",
        "catchments": "Catchment (acute hospital)",
        "travel_time_change": "Change in drive time (minutes)",
        "area_summary": "Mean drive time of reached residents (minutes)",
        "gp_density": "GP coverage per area",
        "fca_access": "Accessibility per home (2SFCA)",
        "fca_access_areas": "Accessibility per area (2SFCA)",
        "specialist_gaps": "Coverage per area",
        "specialist_relocations": "Proposed relocations",
    },
}


@dataclass(frozen=True)
class Column:
    """A known summary field: short headings (table columns), long ones (a one-area list)."""

    field: str
    da: str
    en: str
    kind: str = "text"  # text | int | minutes | share | number | signed | yesno | class
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
        "Gns. rejsetid af nåede indbyggere (min)",
        "Mean travel time of reached residents (min)",
    ),
    Column(
        "median_min",
        "Median min",
        "Median min",
        "minutes",
        1,
        "Median rejsetid af nåede indbyggere (min)",
        "Median travel time of reached residents (min)",
    ),
    Column(
        "p90_min",
        "90 % min",
        "90% min",
        "minutes",
        1,
        "90 % af nåede indbyggere når frem inden for (min)",
        "90% of reached residents arrive within (min)",
    ),
    Column(
        "max_min",
        "Maks. min",
        "Max min",
        "minutes",
        1,
        "Længste rejsetid af nåede indbyggere (min)",
        "Longest travel time of reached residents (min)",
    ),
    Column(
        "share_over_15_min",
        "Andel > 15 min",
        "Share > 15 min",
        "share",
        0,
        "Andel af nåede over 15 min",
        "Share of reached over 15 min",
    ),
    Column(
        "share_over_30_min",
        "Andel > 30 min",
        "Share > 30 min",
        "share",
        0,
        "Andel af nåede over 30 min",
        "Share of reached over 30 min",
    ),
    Column(
        "share_over_45_min",
        "Andel > 45 min",
        "Share > 45 min",
        "share",
        0,
        "Andel af nåede over 45 min",
        "Share of reached over 45 min",
    ),
    Column(
        "share_over_60_min",
        "Andel > 60 min",
        "Share > 60 min",
        "share",
        0,
        "Andel af nåede over 60 min",
        "Share of reached over 60 min",
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
        "pop_not_reached",
        "Ikke nået",
        "Not reached",
        "int",
        0,
        "Ikke nået (indbyggere)",
        "Not reached (residents)",
    ),
    Column(
        "share_not_reached",
        "Andel ikke nået",
        "Share not reached",
        "share",
        0,
        "Andel ikke nået",
        "Share not reached",
    ),
    Column(
        "pop_unsnapped",
        "Ikke tilknyttet",
        "Unsnapped",
        "int",
        0,
        "Ikke tilknyttet (ingen vej inden for tilknytningsafstanden)",
        "Unsnapped (no road within the snapping distance)",
    ),
    Column(
        "pop_unreachable",
        "Uden forbindelse",
        "Unreachable",
        "int",
        0,
        "Uden forbindelse (vej uden forbindelse til et mål)",
        "Unreachable (road with no link to a destination)",
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
# Known fields of the GP density, 2SFCA and specialist gap outputs.
COLUMNS += (
    Column("gp_capacity", "Læger", "GPs", "number", 1, "Læger (kapacitet)", "GPs (capacity)"),
    Column(
        "inhabitants_per_gp",
        "Borgere pr. læge",
        "Residents per GP",
        "int",
        0,
        "Borgere pr. læge",
        "Residents per GP",
    ),
    Column(
        "need_inhabitants_per_gp",
        "Behovsv. borgere pr. læge",
        "Need-weighted residents per GP",
        "int",
        0,
        "Behovsvægtede borgere pr. læge",
        "Need-weighted residents per GP",
    ),
    Column(
        "need_gps_per_10000",
        "Læger pr. 10.000 (behovsv.)",
        "GPs per 10,000 (need-w.)",
        "number",
        2,
        "Læger pr. 10.000 behovsvægtede borgere",
        "GPs per 10,000 need-weighted residents",
    ),
    Column(
        "shortage",
        "Truet område",
        "Shortage",
        "yesno",
        0,
        "Lægedækningstruet",
        "GP shortage",
    ),
    Column("specialty", "Speciale", "Specialty", da_long="Speciale", en_long="Specialty"),
    Column("capacity", "Kapacitet", "Capacity", "number", 1, "Kapacitet i dag", "Capacity today"),
    Column(
        "fair_share",
        "Behovsbaseret andel",
        "Need-based share",
        "number",
        1,
        "Behovsbaseret andel",
        "Need-based fair share",
    ),
    Column("gap", "Gap", "Gap", "signed", 1, "Gap (kapacitet − andel)", "Gap (capacity − share)"),
    Column(
        "ratio",
        "Ratio",
        "Ratio",
        "number",
        2,
        "Kapacitet / behovsbaseret andel",
        "Capacity / fair share",
    ),
    Column("class", "Dækning", "Coverage", "class", 0, "Dækning", "Coverage"),
    Column(
        "access_mean_per_10000",
        "Gns. læger pr. 10.000",
        "Mean GPs per 10,000",
        "number",
        2,
        "Gns. tilgængelighed (læger pr. 10.000)",
        "Mean accessibility (GPs per 10,000)",
    ),
    Column(
        "access_min_per_10000",
        "Laveste pr. 10.000",
        "Lowest per 10,000",
        "number",
        2,
        "Laveste tilgængelighed (læger pr. 10.000)",
        "Lowest accessibility (GPs per 10,000)",
    ),
    Column(
        "share_below_low_access",
        "Andel lav adgang",
        "Share low access",
        "share",
        0,
        "Andel med lav tilgængelighed",
        "Share with low accessibility",
    ),
    Column(
        "pop_no_practice_within_threshold",
        "Indb. uden læge inden for grænsen",
        "Residents without GP within limit",
        "int",
        0,
        "Indbyggere uden læge inden for grænsen",
        "Residents without a GP within the limit",
    ),
)
_COLUMN_BY_FIELD = {c.field: c for c in COLUMNS}

# Printed names of the specialist gap classes (field ``class``).
CLASS_NAMES = {
    "da": {
        "under-supplied": "underdækket",
        "balanced": "balance",
        "over-supplied": "overdækket",
        "no population": "ingen befolkning",
        "outside the grouping": "uden for inddeling",
    },
    "en": {},
}

# Per kind: the default summary columns (the first ones present are used).
KIND_SUMMARY_FIELDS = {
    "gp_density": (
        "area_name",
        "population",
        "gp_capacity",
        "inhabitants_per_gp",
        "need_inhabitants_per_gp",
        "shortage",
    ),
    "specialist_gaps": (
        "area_name",
        "specialty",
        "capacity",
        "fair_share",
        "gap",
        "ratio",
        "class",
    ),
    "fca_access_areas": (
        "area_name",
        "area_id",
        "population",
        "access_mean_per_10000",
        "access_min_per_10000",
        "share_below_low_access",
        "pop_no_practice_within_threshold",
        "share_not_reached",
    ),
}

# Which rows stay when the table is full: (field, largest first?, note key), first match wins.
SORT_KEYS = (
    ("mean_min", True, "summary_top"),
    ("change_mean_min", True, "summary_top"),
    ("need_inhabitants_per_gp", True, "summary_top_gp"),
    ("inhabitants_per_gp", True, "summary_top_gp"),
    ("ratio", False, "summary_top_ratio"),
    ("access_mean_per_10000", False, "summary_top_access"),
)

# Default choice of summary columns for a layer (the first ones present, at most this many).
DEFAULT_SUMMARY_FIELDS = (
    "area_name",
    "population",
    "share_not_reached",
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
def title(
    kind: str | None,
    *,
    details: Mapping | None = None,
    language: str = DEFAULT_LANGUAGE,
) -> str:
    """Default page title for a kind of output (see :data:`KINDS`).

    ``details`` (what the algorithm read from the layer): ``specialty`` (the one specialty on
    the map) is added to the specialist titles; ``specialist`` (2SFCA of specialist practices)
    changes "almen praksis" to "speciallægepraksis".
    """
    lang = language_of(language)
    titles = TITLES[lang]
    text = titles.get(kind or "", titles[""])
    details = details or {}
    if kind in ("fca_access", "fca_access_areas") and details.get("specialist"):
        text = text.replace(
            "almen praksis" if lang == "da" else "general practice",
            "speciallægepraksis" if lang == "da" else "specialist practices",
        )
    if kind in ("specialist_gaps", "specialist_relocations") and details.get("specialty"):
        text = f"{text}: {details['specialty']}"
    return text


def legend_title(
    kind: str | None,
    layer_name: str,
    *,
    details: Mapping | None = None,
    language: str = DEFAULT_LANGUAGE,
) -> str:
    """The legend's name for the mapped layer: a known kind's title, else the layer name."""
    text = LEGEND_TITLES[language_of(language)].get(kind or "", layer_name)
    specialty = (details or {}).get("specialty")
    if kind in ("specialist_gaps", "specialist_relocations") and specialty:
        text = f"{text} ({specialty})"
    return text


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


def _number_param(params: Mapping, key: str, default: float) -> float:
    try:
        value = params.get(key)
        return float(default if value in (None, "") else value)
    except (TypeError, ValueError):
        return float(default)


def _hospitals_text(value: Any) -> str:
    if isinstance(value, list | tuple):
        return ", ".join(str(v) for v in value if str(v).strip())
    return ", ".join(p.strip() for p in str(value or "").split(",") if p.strip())


def _scenario_parts(params: Mapping, details: Mapping, lang: str) -> list[str]:
    """ "Sølund lukkes", "+ Nyby Sygehus" (closed and added hospitals of a scenario)."""
    closed = _hospitals_text(params.get("CLOSE"))
    added = _hospitals_text(details.get("added") or "")
    parts = []
    if closed:
        parts.append(f"{closed} lukkes" if lang == "da" else f"{closed} closed")
    if added:
        parts.append(f"{added} tilføjes" if lang == "da" else f"{added} added")
    elif params.get("ADD_HOSPITALS"):
        parts.append("nye sygehuse tilføjes" if lang == "da" else "new hospitals added")
    return parts


def fca_method_name(params: Mapping, details: Mapping | None = None) -> str:
    """``2SFCA`` / ``E2SFCA`` / ``Gaussian``: from the run's METHOD or the output's field."""
    label = str((details or {}).get("method_label") or "")
    for name in ("E2SFCA", "Gaussian", "2SFCA"):
        if label.lower().startswith(name.lower()):
            return name
    from .fca import METHOD_KEYS

    return FCA_METHODS[_choice_index(params.get("METHOD", 0), METHOD_KEYS, default=0)]


def _choice_index(value, keys: tuple[str, ...], *, default: int) -> int:
    """Position of a choice the provenance recorded by key (older runs: by position)."""
    if isinstance(value, str) and value in keys:
        return keys.index(value)
    try:
        index = int(value)
    except (TypeError, ValueError):
        return default
    return index if 0 <= index < len(keys) else default


def _straight_line(params: Mapping, details: Mapping) -> bool:
    label = str(details.get("time_method") or "")
    if label:
        return label.lower().startswith("straight")
    return str(params.get("STRAIGHT_LINE", "")).lower() in ("true", "1")


def _need_weights_gp(params: Mapping, lang: str) -> tuple[str, bool]:
    """(text, weighted) of the GP density / 2SFCA NEED_WEIGHTS choice."""
    choice = _choice_index(params.get("NEED_WEIGHTS", 1), ("none", "default", "custom"), default=1)
    texts = {
        "da": (
            "ingen behovsvægtning (befolkningen som den er)",
            "sundplans standardvægte for almen praksis efter alder og køn " "(need_weights_gp.csv)",
            "egne behovsvægte",
        ),
        "en": (
            "no need weighting (the population as it is)",
            "sundplan's default general-practice weights by age and sex (need_weights_gp.csv)",
            "own need weights",
        ),
    }[lang]
    return texts[choice], choice != 0


def _gap_weights(params: Mapping, lang: str) -> str:
    try:
        choice = int(params.get("WEIGHTS", 0))
    except (TypeError, ValueError):
        choice = 0
    texts = {
        "da": (
            "sundplans standardvægte pr. speciale efter alder og køn",
            "uvægtet befolkning",
            "egen vægttabel",
        ),
        "en": (
            "sundplan's default weights per specialty by age and sex",
            "unweighted population",
            "own weight table",
        ),
    }[lang]
    return texts[choice if 0 <= choice < 3 else 0]


def _reference_text(params: Mapping, details: Mapping, lang: str) -> str:
    """ "referencetotal 5,5 (dagens kapacitet)" or the planned total."""
    total = details.get("reference_total")
    planned = str(params.get("PLANNED_TOTALS") or "").strip()
    specialty = details.get("specialty")
    is_planned = bool(planned) and (not specialty or str(specialty).lower() in planned.lower())
    if lang == "da":
        what = "planlagt total" if is_planned else "dagens kapacitet"
        word_total = "referencetotal"
    else:
        what = "planned total" if is_planned else "today's capacity"
        word_total = "reference total"
    if total is None:
        return f"{word_total}: {what}"
    number = format_number(total, decimals=0 if float(total).is_integer() else 1, language=lang)
    return f"{word_total} {number} ({what})"


def subtitle(
    kind: str | None,
    *,
    provenance: Mapping | None = None,
    synthetic: bool = False,
    details: Mapping | None = None,
    language: str = DEFAULT_LANGUAGE,
) -> str:
    """Default subtitle: what is shown and on which data, e.g. the bands and the scenario.

    ``details``: facts read from the layer (see :func:`title`; ``reference_total``,
    ``method_label``, ``time_method``, ``added``).
    """
    lang = language_of(language)
    params = _params(provenance)
    details = details or {}
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
        scenario = _scenario_parts(params, details, lang)
        if scenario:
            parts.append(("Scenarie: " if lang == "da" else "Scenario: ") + ", ".join(scenario))
        else:
            parts.append("Scenarie mod nuværende" if lang == "da" else "Scenario against today")
    if kind == "gp_density":
        threshold = format_number(
            _number_param(params, "SHORTAGE_THRESHOLD", DEFAULT_SHORTAGE_THRESHOLD), language=lang
        )
        _text, weighted = _need_weights_gp(params, lang)
        if lang == "da":
            parts.append("Behovsvægtede borgere pr. læge" if weighted else "Borgere pr. læge")
            parts.append(f"lægedækningstruet over {threshold} pr. læge")
        else:
            parts.append("Need-weighted residents per GP" if weighted else "Residents per GP")
            parts.append(f"shortage above {threshold} per GP")
    if kind in ("fca_access", "fca_access_areas"):
        threshold = format_number(
            _number_param(params, "THRESHOLD_MIN", DEFAULT_FCA_THRESHOLD_MIN), language=lang
        )
        method = fca_method_name(params, details)
        if lang == "da":
            how = "fugleflugt × omvejsfaktor" if _straight_line(params, details) else "vejnettet"
            parts.append(f"{method}, læger pr. 10.000 borgere inden for {threshold} min ad {how}")
        else:
            how = "straight line × detour" if _straight_line(params, details) else "road network"
            parts.append(f"{method}, GPs per 10,000 residents within {threshold} min by {how}")
    if kind in ("specialist_gaps", "specialist_relocations"):
        if not details.get("specialty") and details.get("n_specialties", 0) > 1:
            parts.append(
                "{n} specialer".format(n=details["n_specialties"])
                if lang == "da"
                else "{n} specialties".format(n=details["n_specialties"])
            )
        parts.append(_reference_text(params, details, lang))
        under, over = _ratio_limits(params, lang)
        parts.append(
            f"underdækket < {under}, overdækket > {over}"
            if lang == "da"
            else f"under-supplied < {under}, over-supplied > {over}"
        )
    if synthetic:
        parts.append("syntetiske eksempeldata" if lang == "da" else "synthetic sample data")
    return " · ".join(parts)


# --------------------------------------------------------------------------- method note
def method_note(
    kind: str | None,
    *,
    provenance: Mapping | None = None,
    details: Mapping | None = None,
    language: str = DEFAULT_LANGUAGE,
) -> str:
    """Default method note: how the mapped numbers were computed, with the run's parameters."""
    lang = language_of(language)
    params = _params(provenance)
    details = details or {}
    algorithm = str((provenance or {}).get("algorithm") or "")
    if kind == "gp_density" or (not kind and algorithm == "sundplan:gp_density"):
        return _gp_density_note(params, lang)
    if kind in ("fca_access", "fca_access_areas") or (
        not kind and algorithm == "sundplan:fca_access"
    ):
        return _fca_note(params, details, lang)
    if kind in ("specialist_gaps", "specialist_relocations") or (
        not kind and algorithm == "sundplan:specialist_gaps"
    ):
        return _gaps_note(kind, params, details, lang)
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
                "(Dijkstra). Hastighed efter skiltning, ellers standardhastighed pr. vejklasse "
                "(fx motorvej 110, primærvej 70, tertiærvej 50 km/t); færger med overfartstid. "
                "Bopæle knyttes til nærmeste vej inden for {snap} m og køres dertil med {access} km/t. Tidsbånd {bands} min, "
                "lukket til højre (præcis 15,0 min hører til 0–15). Gennemsnit og fraktiler er "
                "befolkningsvægtede og gælder de nåede indbyggere; indbyggere uden vej inden for "
                "{snap} m eller uden forbindelse til et akutsygehus tælles for sig (ikke nået)."
            )
            if params.get("AREAS"):
                text += " Adgangsvejen holder sig på land: bopæle knyttes kun til veje på samme ø."
        else:
            text = (
                "Drive time on the road network from every resident's home (population cell) to "
                "the nearest active acute hospital: shortest travel time from all hospitals at "
                "once (Dijkstra). Signed speed limits, else a default speed per road class "
                "(e.g. motorway 110, primary 70, tertiary 50 km/h); ferries with their crossing "
                "time. Homes are joined to the nearest road within {snap} m, reached at {access} km/h. Bands "
                "{bands} min, closed on the right (exactly 15.0 min is in 0–15). Means and "
                "percentiles are population-weighted, of reached residents; residents with no "
                "road within {snap} m or no connection to a hospital are counted apart (not "
                "reached)."
            )
            if params.get("AREAS"):
                text += " Access legs stay on land: homes join only roads on the same island."
        if kind == "travel_time_change" or algorithm.endswith("catchment_scenario"):
            scenario = _scenario_parts(params, details, lang)
            scenario = [
                p.replace("lukkes", "lukket").replace("tilføjes", "tilføjet") for p in scenario
            ]
            if lang == "da":
                text += " Ændring = scenarie minus nuværende situation"
            else:
                text += " Change = scenario minus the current situation"
            text += f" ({', '.join(scenario)})." if scenario else "."
        return text.format(**values)
    version = str(((provenance or {}).get("versions") or {}).get("sundplan") or "")
    return word("made_with", lang).format(version=version).strip() + "."


def _gp_density_note(params: Mapping, lang: str) -> str:
    threshold = format_number(
        _number_param(params, "SHORTAGE_THRESHOLD", DEFAULT_SHORTAGE_THRESHOLD), language=lang
    )
    weights, weighted = _need_weights_gp(params, lang)
    if lang == "da":
        text = (
            "Borgere pr. praktiserende læge i hvert område = {what} / lægekapacitet (læger i "
            "områdets praksisser{capacity}). Behovsvægte: {weights}{scaled}. "
            "Lægedækningstruet: over {threshold} behovsvægtede borgere pr. læge eller beboere "
            "uden læge (standardgrænsen 1.600 som i Danmarks Statistiks LABY27)."
        )
        what = "behovsvægtet befolkning" if weighted else "befolkning"
        scaled = ", skaleret så summen er befolkningen" if weighted else ""
        field = params.get("CAPACITY_FIELD")
        capacity = f", feltet {field}" if field else ""
    else:
        text = (
            "Residents per general practitioner in each area = {what} / GP capacity (GPs in the "
            "area's practices{capacity}). Need weights: {weights}{scaled}. Shortage: more than "
            "{threshold} need-weighted residents per GP, or residents and no GP (default limit "
            "1,600 as in Statistics Denmark's LABY27)."
        )
        what = "need-weighted population" if weighted else "population"
        scaled = ", scaled so that they sum to the population" if weighted else ""
        field = params.get("CAPACITY_FIELD")
        capacity = f", field {field}" if field else ""
    return text.format(
        what=what, capacity=capacity, weights=weights, scaled=scaled, threshold=threshold
    )


def _fca_note(params: Mapping, details: Mapping, lang: str) -> str:
    method = fca_method_name(params, details)
    threshold = format_number(
        _number_param(params, "THRESHOLD_MIN", DEFAULT_FCA_THRESHOLD_MIN), language=lang
    )
    low_value = _number_param(params, "LOW_ACCESS", DEFAULT_LOW_ACCESS)
    low = format_number(low_value, decimals=2, language=lang)
    weights, _weighted = _need_weights_gp({"NEED_WEIGHTS": params.get("NEED_WEIGHTS", 0)}, lang)
    zone_weights = str(params.get("ZONE_WEIGHTS") or "1.0,0.68,0.22")
    zones = " / ".join(
        format_number(float(w), decimals=2, language=lang)
        for w in zone_weights.replace(";", ",").split(",")
        if w.strip().replace(".", "", 1).isdigit()
    )
    straight = _straight_line(params, details)
    detour = format_number(_number_param(params, "DETOUR_FACTOR", 1.4), decimals=1, language=lang)
    speed = format_number(_number_param(params, "FALLBACK_SPEED_KMH", 60), language=lang)
    snap = format_number(_number_param(params, "MAX_SNAP_M", DEFAULT_SNAP_M), language=lang)
    if lang == "da":
        variant = {
            "2SFCA": "trinfunktion (alle inden for grænsen tæller fuldt, Luo & Wang 2003)",
            "E2SFCA": f"zoner i tredjedele af grænsen med vægte {zones} (Luo & Qi 2009)",
            "Gaussian": "gaussisk aftagende vægt med rejsetiden (Dai 2010)",
        }[method]
        text = (
            f"Tilgængelighed efter {method} (two-step floating catchment area): trin 1 giver "
            f"hver praksis forholdet kapacitet / efterspørgsel inden for {threshold} min "
            f"(grænsen medregnet); trin 2 summerer for hver bopæl forholdene for de praksisser, "
            f"den når. Vægtning: {variant}. Vist som læger pr. 10.000 borgere; lav "
            f"tilgængelighed under {low} (1 læge pr. 1.600). Efterspørgsel: {weights}. "
        )
        if straight:
            text += (
                f"Rejsetid uden vejnet: fugleflugtsafstand × omvejsfaktor {detour} (KL 2016) "
                f"ved {speed} km/t."
            )
        else:
            text += (
                f"Rejsetid bopæl → praksis ad vejnettet; bopæle og praksisser knyttes til "
                f"nærmeste vej inden for {snap} m. Gennemsnit og andele gælder de nåede "
                "indbyggere; indbyggere uden vej inden for tilknytningsafstanden (ikke "
                "tilknyttet) eller ved veje uden forbindelse til en praksis (uden forbindelse) "
                "tælles for sig (ikke nået)."
            )
    else:
        variant = {
            "2SFCA": "step function (everyone within the limit counts fully, Luo & Wang 2003)",
            "E2SFCA": f"zones in thirds of the limit weighted {zones} (Luo & Qi 2009)",
            "Gaussian": "Gaussian decay with travel time (Dai 2010)",
        }[method]
        text = (
            f"Accessibility by {method} (two-step floating catchment area): step 1 gives each "
            f"practice its ratio capacity / demand within {threshold} min (limit included); "
            f"step 2 sums, for each home, the ratios of the practices it reaches. Weighting: "
            f"{variant}. Shown as GPs per 10,000 residents; low access below {low} (1 GP per "
            f"1,600). Demand: {weights}. "
        )
        if straight:
            text += (
                f"Travel time without a road network: straight-line distance × detour factor "
                f"{detour} (KL 2016) at {speed} km/h."
            )
        else:
            text += (
                f"Travel time home → practice on the road network; homes and practices joined "
                f"to the nearest road within {snap} m. Means and shares are of reached "
                "residents; residents with no road within the snapping distance (unsnapped) or "
                "by roads that lead to no practice (unreachable) are counted apart (not reached)."
            )
    return text


def _ratio_limits(params: Mapping, lang: str) -> tuple[str, str]:
    """The under/over-supplied ratio limits as printed: ``0,8`` and ``1,25``."""

    def text(key: str, default: float) -> str:
        value = format_number(_number_param(params, key, default), decimals=2, language=lang)
        return value.rstrip("0").rstrip(",.") if ("," in value or "." in value) else value

    return text("UNDER_RATIO", DEFAULT_UNDER_RATIO), text("OVER_RATIO", DEFAULT_OVER_RATIO)


def _gaps_note(kind: str | None, params: Mapping, details: Mapping, lang: str) -> str:
    weights = _gap_weights(params, lang)
    reference = _reference_text(params, details, lang)
    under, over = _ratio_limits(params, lang)
    grouped = str(params.get("GROUPING") or "0").strip() not in ("0", "", "None")
    if lang == "da":
        text = (
            f"Behovsvægtet befolkning = Σ personer × vægt ({weights}), skaleret så summen er "
            f"befolkningen. Behovsbaseret andel = {reference} × områdets andel af behovet. "
            f"Gap = kapacitet − andel; ratio = kapacitet / andel; underdækket under {under}, "
            f"overdækket over {over}."
        )
        if grouped:
            text += " Områder uden for inddelingen indgår ikke i sammenligningen."
        if kind == "specialist_relocations":
            text += (
                " Flytningerne går fra over- til underdækkede områder og når de behovsbaserede "
                "andele med mindst kapacitet × km mellem områdernes centre (transportproblem)."
            )
    else:
        text = (
            f"Need-weighted population = Σ persons × weight ({weights}), scaled so that it sums "
            f"to the population. Need-based share = {reference} × the area's share of need. "
            f"Gap = capacity − share; ratio = capacity / share; under-supplied below {under}, "
            f"over-supplied above {over}."
        )
        if grouped:
            text += " Areas outside the grouping are not compared."
        if kind == "specialist_relocations":
            text += (
                " The moves go from over- to under-supplied areas and reach the need-based "
                "shares with the least capacity × km between area centres (transport problem)."
            )
    return text


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
        "practices": "praksisser",
        "other": "data",
    },
    "en": {
        "hospitals": "hospitals",
        "network": "roads",
        "population": "population",
        "areas": "areas",
        "practices": "practices",
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
    return str(value)


def is_numeric_field(field: str) -> bool:
    """True for known numeric summary fields (printed right-aligned)."""
    column = _COLUMN_BY_FIELD.get(field)
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


def _sort_value(value: Any, *, missing: float = -math.inf) -> float:
    try:
        number = float(value)
    except (TypeError, ValueError):
        return missing
    return missing if math.isnan(number) else number


__all__ = [
    "AREA_KINDS",
    "NotReached",
    "format_percent",
    "has_not_reached_counts",
    "not_reached_figure",
    "not_reached_note",
    "not_reached_totals",
    "with_not_reached",
    "COLUMNS",
    "fca_method_name",
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
