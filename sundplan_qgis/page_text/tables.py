"""The tables of fixed page text, in both page languages: words, titles, legend titles, the
known summary columns and the kinds of output a page can show. Data only, no logic."""

from __future__ import annotations

from dataclasses import dataclass

from ..errors import msg

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


MONTHS = {
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
        "overview_note": "oversigt: kun hovedveje (OpenStreetMap 2021)",
        "default_network": "Uden eget vejnet: {note}.",
        "default_residents": "Indbyggere: kommunernes folketal {quarter} (FOLK1A).",
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
        "overview_note": "overview: main roads only (OpenStreetMap 2021)",
        "default_network": "No road network given: {note}.",
        "default_residents": "Residents: the kommuner's population {quarter} (FOLK1A).",
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
COLUMN_BY_FIELD = {c.field: c for c in COLUMNS}

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

# Names of the rows the tools add themselves (written in the UI language of the run), printed in
# the page's language: a Danish page of an English run says "(uden for alle områder)".
ROW_NAMES = {
    "da": {
        "(outside all areas)": "(uden for alle områder)",
        "all areas": "alle områder",
        "(not reached)": "(ikke nået)",
        "outside the grouping": "uden for inddeling",
    },
    "en": {
        "(uden for alle områder)": "(outside all areas)",
        "alle områder": "all areas",
        "(ikke nået)": "(not reached)",
        "uden for inddeling": "outside the grouping",
    },
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


# Options of ``sundplan:map_report`` as (key, English label); the provenance records the key.
LANGUAGE_CHOICES = (("da", msg("Danish")), ("en", msg("English")))
# Key: the template's file stem in resources/layouts/.
TEMPLATE_CHOICES = (
    ("sundplan_a4_landscape", msg("A4 landscape")),
    ("sundplan_a4_portrait", msg("A4 portrait")),
    ("sundplan_a3_landscape", msg("A3 landscape")),
    ("sundplan_a3_portrait", msg("A3 portrait")),
)
DEFAULT_TEMPLATE = "sundplan_a4_landscape"
