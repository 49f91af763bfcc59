"""The texts around the map: title, legend names, subtitle and method note (one page kind per
module: :mod:`.travel`, :mod:`.gp_density`, :mod:`.access`, :mod:`.specialist_gaps`)."""

from __future__ import annotations

from collections.abc import Mapping

from . import access, gp_density, specialist_gaps, travel
from .formatting import language_of, word
from .params import run_defaults, run_parameters, uses_overview_network, with_default_inputs
from .tables import DEFAULT_LANGUAGE, LEGEND_TITLES, TITLES

GAP_KINDS = ("specialist_gaps", "specialist_relocations")
FCA_KINDS = ("fca_access", "fca_access_areas")


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
    params = run_parameters(provenance)
    details = details or {}
    algorithm = str((provenance or {}).get("algorithm", ""))
    parts = travel.subtitle_parts(kind, algorithm, params, details, lang)
    if kind == "gp_density":
        parts += gp_density.subtitle_parts(params, lang)
    if kind in FCA_KINDS:
        parts += access.subtitle_parts(params, details, lang)
    if kind in GAP_KINDS:
        parts += specialist_gaps.subtitle_parts(params, details, lang)
    if synthetic:
        parts.append("syntetiske eksempeldata" if lang == "da" else "synthetic sample data")
    return " · ".join(parts)


def method_note(
    kind: str | None,
    *,
    provenance: Mapping | None = None,
    details: Mapping | None = None,
    language: str = DEFAULT_LANGUAGE,
) -> str:
    """Default method note: how the mapped numbers were computed, with the run's parameters."""
    lang = language_of(language)
    params = with_default_inputs(run_parameters(provenance), provenance)
    details = details or {}
    algorithm = str((provenance or {}).get("algorithm") or "")
    if kind == "gp_density" or (not kind and algorithm == "sundplan:gp_density"):
        return gp_density.method_note(params, lang)
    if kind in FCA_KINDS or (not kind and algorithm == "sundplan:fca_access"):
        return access.method_note(params, details, lang) + defaults_note(provenance, lang)
    if kind in GAP_KINDS or (not kind and algorithm == "sundplan:specialist_gaps"):
        return specialist_gaps.method_note(kind, params, details, lang)
    text = travel.method_note(kind, algorithm, params, details, lang)
    if text is not None:
        return text + defaults_note(provenance, lang)
    version = str(((provenance or {}).get("versions") or {}).get("sundplan") or "")
    return word("made_with", lang).format(version=version).strip() + "."


def defaults_note(provenance: Mapping | None, language: str = DEFAULT_LANGUAGE) -> str:
    """ " No road network given: overview: main roads only (OpenStreetMap 2021)." and the
    embedded residents' quarter, for a run that used them ("" otherwise)."""
    lang = language_of(language)
    parts = []
    if uses_overview_network(provenance):
        parts.append(word("default_network", lang).format(note=word("overview_note", lang)))
    population = run_defaults(provenance).get("population") or {}
    if population.get("quarter"):
        parts.append(word("default_residents", lang).format(quarter=population["quarter"]))
    return "".join(f" {p}" for p in parts)


def points_title(layer_name: str, *, language: str = DEFAULT_LANGUAGE) -> str:
    """Legend name of the point layer: "Akutsygehuse" for hospitals, else the layer name."""
    lang = language_of(language)
    lowered = (layer_name or "").lower()
    if "hospital" in lowered or "sygehus" in lowered:
        return "Akutsygehuse" if lang == "da" else "Acute hospitals"
    return layer_name


def outside_subset_title(subset: str, *, language: str = DEFAULT_LANGUAGE) -> str:
    """Legend name of the dimmed areas around an atlas subset (e.g. a region's pages)."""
    if language_of(language) == "da":
        return f"Uden for {subset} (nedtonet)"
    return f"Outside {subset} (dimmed)"


def backdrop_title(layer_name: str, *, language: str = DEFAULT_LANGUAGE) -> str:
    """Legend name of the backdrop areas: kommune / region boundaries when the name says so."""
    lang = language_of(language)
    lowered = (layer_name or "").lower()
    if "kommun" in lowered or "municipal" in lowered:
        return "Kommunegrænser" if lang == "da" else "Municipal boundaries"
    if "region" in lowered:
        return "Regionsgrænser" if lang == "da" else "Region boundaries"
    return word("backdrop", lang)
