"""Page text of 2SFCA accessibility (``sundplan:fca_access``): per home and per area."""

from __future__ import annotations

from collections.abc import Mapping

from ..density import DEFAULT_SHORTAGE_THRESHOLD
from ..fca import (
    DEFAULT_DETOUR_FACTOR,
    DEFAULT_FALLBACK_SPEED_KMH,
    DEFAULT_LOW_ACCESS_PER_10000,
    DEFAULT_MAX_SNAP_M,
    DEFAULT_THRESHOLD_MIN,
    LUO_QI_WEIGHTS,
)
from .formatting import format_number
from .gp_density import need_weights
from .params import choice_key, number_param
from .travel import placement_note

# Method key (``fca.METHODS``) -> printed name; the first is the tool's default.
METHOD_NAMES = {"2sfca": "2SFCA", "e2sfca": "E2SFCA", "gaussian": "Gaussian"}
DEFAULT_METHOD = "2sfca"
DEFAULT_NEED_WEIGHTS = "none"


def fca_method_name(params: Mapping, details: Mapping | None = None) -> str:
    """``2SFCA`` / ``E2SFCA`` / ``Gaussian``: from the output's ``method`` field, else the
    run's METHOD key; the default method when neither names one (0.1.0 recorded a position)."""
    label = str((details or {}).get("method_label") or "")
    for name in ("E2SFCA", "Gaussian", "2SFCA"):
        if label.lower().startswith(name.lower()):
            return name
    key = choice_key(params, ("METHOD",), default=DEFAULT_METHOD)
    return METHOD_NAMES.get(str(key).lower(), METHOD_NAMES[DEFAULT_METHOD])


def straight_line(params: Mapping, details: Mapping) -> bool:
    label = str(details.get("time_method") or "")
    if label:
        return label.lower().startswith("straight")
    return str(params.get("STRAIGHT_LINE", "")).lower() in ("true", "1")


def _threshold(params: Mapping, lang: str) -> str:
    return format_number(
        number_param(params, "THRESHOLD_MIN", DEFAULT_THRESHOLD_MIN), language=lang
    )


def subtitle_parts(params: Mapping, details: Mapping, lang: str) -> list[str]:
    threshold = _threshold(params, lang)
    method = fca_method_name(params, details)
    if lang == "da":
        how = "fugleflugt × omvejsfaktor" if straight_line(params, details) else "vejnettet"
        return [f"{method}, læger pr. 10.000 borgere inden for {threshold} min ad {how}"]
    how = "straight line × detour" if straight_line(params, details) else "road network"
    return [f"{method}, GPs per 10,000 residents within {threshold} min by {how}"]


def method_note(params: Mapping, details: Mapping, lang: str) -> str:
    method = fca_method_name(params, details)
    threshold = _threshold(params, lang)
    low_value = number_param(params, "LOW_ACCESS", DEFAULT_LOW_ACCESS_PER_10000)
    low = format_number(low_value, decimals=2, language=lang)
    norm = format_number(DEFAULT_SHORTAGE_THRESHOLD, language=lang)
    weights, _weighted = need_weights(params, lang, default=DEFAULT_NEED_WEIGHTS)
    zone_weights = str(params.get("ZONE_WEIGHTS") or ",".join(str(w) for w in LUO_QI_WEIGHTS))
    zones = " / ".join(
        format_number(float(w), decimals=2, language=lang)
        for w in zone_weights.replace(";", ",").split(",")
        if w.strip().replace(".", "", 1).isdigit()
    )
    straight = straight_line(params, details)
    detour = format_number(
        number_param(params, "DETOUR_FACTOR", DEFAULT_DETOUR_FACTOR), decimals=1, language=lang
    )
    speed = format_number(
        number_param(params, "FALLBACK_SPEED_KMH", DEFAULT_FALLBACK_SPEED_KMH), language=lang
    )
    snap = format_number(number_param(params, "MAX_SNAP_M", DEFAULT_MAX_SNAP_M), language=lang)
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
            f"tilgængelighed under {low} (1 læge pr. {norm}). Efterspørgsel: {weights}. "
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
            f"{norm}). Demand: {weights}. "
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
    return text + placement_note(params, lang)
