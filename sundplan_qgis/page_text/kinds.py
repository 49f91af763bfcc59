"""Which sundplan output a page shows (its *kind*, = a style name in resources/styles/), and
what each kind brings to the page: a summary table, residents, a hatch for land not reached."""

from __future__ import annotations

from collections.abc import Iterable

from .not_reached import ACCESS_KINDS, TRAVEL_KINDS

# Kinds whose pages show placed residents: the key figure "Ikke nået" is on every page of them
# (other kinds only when their area table has the counts).
RESIDENT_KINDS = TRAVEL_KINDS + ACCESS_KINDS
# Kinds drawn as a surface of travel times: where they leave land blank, it is hatched as
# "not reached" (the hatch lies under the output, a knock-out copy of the output hides it).
HATCH_KINDS = ("travel_time", "travel_time_bands", "catchments", "travel_time_change")
# Per kind: the provenance parameter naming the run's per-area table (the default summary).
SUMMARY_OUTPUTS = {"fca_access": "AREA_ACCESS", "travel_time_change": "AREA_CHANGES"}
# Kinds that are their own summary table (a row per area).
SELF_SUMMARY_KINDS = ("gp_density", "fca_access_areas", "specialist_gaps")
# Provenance parameters naming a run's per-area table (with the not-reached counts).
AREA_TABLE_OUTPUTS = ("AREA_SUMMARY", "AREA_ACCESS", "AREA_CHANGES", "OUTPUT")
SPECIALIST_KINDS = ("specialist_gaps", "specialist_relocations")
FCA_KINDS = ACCESS_KINDS


def raster_kind(units: str, *, algorithm: str = "") -> str:
    """The kind of a raster output by its ``units`` tag; the provenance's algorithm id settles
    what the tag alone does not (e.g. a scenario raster without tags)."""
    units = (units or "").lower()
    if units.startswith("minutes") and ("scenario" in units or "baseline" in units):
        return "travel_time_change"
    if algorithm == "sundplan:catchment_scenario":
        return "travel_time_change"
    if units.startswith("minutes") or algorithm == "sundplan:catchments":
        return "travel_time"
    return ""


def vector_kind(field_names: Iterable[str], *, algorithm: str = "") -> str:
    """The kind of a vector output by its fields (``""``: not a known sundplan output)."""
    names = set(field_names)
    if {"hospital_id", "hospital"} <= names:
        return "catchments"
    if "band_id" in names:
        return "travel_time_bands"
    if "mean_min" in names and "area_name" in names:
        return "area_summary"
    if "need_inhabitants_per_gp" in names or (
        algorithm == "sundplan:gp_density" and "inhabitants_per_gp" in names
    ):
        return "gp_density"
    if "access_per_10000" in names:
        return "fca_access"
    if "access_mean_per_10000" in names:
        return "fca_access_areas"
    if {"fair_share", "ratio", "class"} <= names:
        return "specialist_gaps"
    if {"from_area", "to_area", "capacities"} <= names:
        return "specialist_relocations"
    return ""
