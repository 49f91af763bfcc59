"""Page text of the travel-time kinds: travel time, bands, catchments, area summary and the
scenario change (``sundplan:catchments`` / ``sundplan:catchment_scenario``)."""

from __future__ import annotations

from collections.abc import Mapping
from typing import Any

from ..catchments import DEFAULT_ACCESS_SPEED_KMH, DEFAULT_BANDS_MIN, DEFAULT_MAX_SNAP_M
from ..placement import RESIDENTIAL_ROAD_WEIGHTS
from .formatting import format_number
from .params import choice_key

NETWORK_KINDS = ("travel_time", "travel_time_bands", "catchments", "area_summary")
BAND_KINDS = NETWORK_KINDS


def is_scenario(kind: str | None, algorithm: str) -> bool:
    return kind == "travel_time_change" or algorithm.endswith("catchment_scenario")


def bands_text(params: Mapping, language: str) -> str:
    raw = str(params.get("BANDS") or ",".join(f"{b:g}" for b in DEFAULT_BANDS_MIN))
    parts = [p.strip() for p in raw.replace(";", ",").split(",") if p.strip()]
    numbers = []
    for part in parts:
        try:
            numbers.append(format_number(float(part), decimals=0, language=language))
        except ValueError:
            continue
    return ", ".join(numbers) if numbers else raw


def _hospitals_text(value: Any) -> str:
    if isinstance(value, list | tuple):
        return ", ".join(str(v) for v in value if str(v).strip())
    return ", ".join(p.strip() for p in str(value or "").split(",") if p.strip())


def placement_note(params: Mapping, lang: str) -> str:
    """How residents given per polygon were placed, when along roads ("" otherwise: outputs
    before the "roads" allocation recorded none and were spread evenly)."""
    roads = choice_key(params, ("POLYGON_ALLOCATION",), default="areal") == "roads"
    network = any(params.get(k) for k in ("NETWORK_FILE", "NETWORK_LAYER", "DOWNLOAD_EXTENT"))
    if not (roads and network and params.get("POPULATION_LAYER")) or params.get(
        "POPULATION_RASTER"
    ):
        return ""
    classes = ", ".join(RESIDENTIAL_ROAD_WEIGHTS)
    if lang == "da":
        return (
            " Indbyggere opgivet pr. område (polygoner) er placeret langs vejene i området "
            f"efter længden af boligveje ({classes}); et område uden boligveje efter alle "
            "dets veje, et uden veje jævnt over arealet."
        )
    return (
        " Residents given per area (polygons) are placed along the roads inside the area by "
        f"the length of residential roads ({classes}); an area without residential roads by "
        "all its roads, one without roads evenly over its surface."
    )


def scenario_parts(params: Mapping, details: Mapping, lang: str) -> list[str]:
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


def subtitle_parts(
    kind: str | None, algorithm: str, params: Mapping, details: Mapping, lang: str
) -> list[str]:
    """The bands (travel-time kinds) and the scenario (change kinds) of the subtitle."""
    parts: list[str] = []
    if kind in BAND_KINDS:
        parts.append(
            (
                "Bil ad vejnettet, tidsbånd {b} min"
                if lang == "da"
                else "By car on the road network, bands {b} min"
            ).format(b=bands_text(params, lang))
        )
    if is_scenario(kind, algorithm):
        scenario = scenario_parts(params, details, lang)
        if scenario:
            parts.append(("Scenarie: " if lang == "da" else "Scenario: ") + ", ".join(scenario))
        else:
            parts.append("Scenarie mod nuværende" if lang == "da" else "Scenario against today")
    return parts


def method_note(
    kind: str | None, algorithm: str, params: Mapping, details: Mapping, lang: str
) -> str | None:
    """The method note of a travel-time page; None for other kinds."""
    if not (
        algorithm.startswith("sundplan:catchment")
        or kind in NETWORK_KINDS
        or kind == "travel_time_change"
    ):
        return None
    values = {
        "bands": bands_text(params, lang),
        "snap": format_number(params.get("MAX_SNAP_M") or DEFAULT_MAX_SNAP_M, language=lang),
        "access": format_number(
            params.get("ACCESS_SPEED_KMH") or DEFAULT_ACCESS_SPEED_KMH, language=lang
        ),
    }
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
    text += placement_note(params, lang).replace("{", "{{").replace("}", "}}")
    if is_scenario(kind, algorithm):
        scenario = [
            p.replace("lukkes", "lukket").replace("tilføjes", "tilføjet")
            for p in scenario_parts(params, details, lang)
        ]
        if lang == "da":
            text += " Ændring = scenarie minus nuværende situation"
        else:
            text += " Change = scenario minus the current situation"
        text += f" ({', '.join(scenario)})." if scenario else "."
    return text.format(**values)
