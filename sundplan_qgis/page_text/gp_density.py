"""Page text of a GP density (``sundplan:gp_density``), and the need-weight wording it shares
with 2SFCA."""

from __future__ import annotations

from collections.abc import Mapping

from ..density import DEFAULT_SHORTAGE_THRESHOLD
from .formatting import format_number
from .params import NEED_WEIGHTS, choice_key, number_param

DEFAULT_NEED_WEIGHTS = "default"  # gp_density weights by default; 2SFCA does not

# Need-weight choice (key) -> its wording; None: recorded by position (0.1.0), not named.
NEED_WEIGHT_TEXTS = {
    "da": {
        "none": "ingen behovsvægtning (befolkningen som den er)",
        "default": "sundplans standardvægte for almen praksis efter alder og køn "
        "(need_weights_gp.csv)",
        "custom": "egne behovsvægte",
        None: "som valgt i kørslen",
    },
    "en": {
        "none": "no need weighting (the population as it is)",
        "default": "sundplan's default general-practice weights by age and sex "
        "(need_weights_gp.csv)",
        "custom": "own need weights",
        None: "as chosen in the run",
    },
}


def need_weights(params: Mapping, lang: str, *, default: str) -> tuple[str, bool | None]:
    """(text, weighted) of the NEED_WEIGHTS choice; weighted is None when not recorded by key.

    ``default``: the tool's default key, for outputs without the parameter.
    """
    key = choice_key(params, (NEED_WEIGHTS,), default=default)
    texts = NEED_WEIGHT_TEXTS[lang]
    if key not in texts:
        key = None if key is None else default
    return texts[key], (None if key is None else key != "none")


def _threshold(params: Mapping, lang: str) -> str:
    return format_number(
        number_param(params, "SHORTAGE_THRESHOLD", DEFAULT_SHORTAGE_THRESHOLD), language=lang
    )


def subtitle_parts(params: Mapping, lang: str) -> list[str]:
    threshold = _threshold(params, lang)
    _text, weighted = need_weights(params, lang, default=DEFAULT_NEED_WEIGHTS)
    if lang == "da":
        return [
            "Behovsvægtede borgere pr. læge" if weighted else "Borgere pr. læge",
            f"lægedækningstruet over {threshold} pr. læge",
        ]
    return [
        "Need-weighted residents per GP" if weighted else "Residents per GP",
        f"shortage above {threshold} per GP",
    ]


def method_note(params: Mapping, lang: str) -> str:
    threshold = _threshold(params, lang)
    limit = format_number(DEFAULT_SHORTAGE_THRESHOLD, language=lang)
    weights, weighted = need_weights(params, lang, default=DEFAULT_NEED_WEIGHTS)
    if lang == "da":
        text = (
            "Borgere pr. praktiserende læge i hvert område = {what} / lægekapacitet (læger i "
            "områdets praksisser{capacity}). Behovsvægte: {weights}{scaled}. "
            "Lægedækningstruet: over {threshold} behovsvægtede borgere pr. læge eller beboere "
            "uden læge (standardgrænsen {limit} som i Danmarks Statistiks LABY27)."
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
            "{limit} as in Statistics Denmark's LABY27)."
        )
        what = "need-weighted population" if weighted else "population"
        scaled = ", scaled so that they sum to the population" if weighted else ""
        field = params.get("CAPACITY_FIELD")
        capacity = f", field {field}" if field else ""
    return text.format(
        what=what,
        capacity=capacity,
        weights=weights,
        scaled=scaled,
        threshold=threshold,
        limit=limit,
    )
