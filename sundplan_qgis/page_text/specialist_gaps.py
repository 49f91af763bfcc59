"""Page text of specialist gaps and relocations (``sundplan:specialist_gaps``)."""

from __future__ import annotations

from collections.abc import Iterable, Mapping

from .. import grouping
from ..gaps import DEFAULT_OVER_RATIO, DEFAULT_UNDER_RATIO
from .formatting import format_number
from .params import GAP_WEIGHTS_NAMES, GROUPING_NAMES, choice_key, number_param

DEFAULT_NEED_WEIGHTS = "default"
NO_GROUPING = grouping.NONE

# Need-weight choice (key) -> its wording; None: recorded by position (0.1.0), not named.
WEIGHT_TEXTS = {
    "da": {
        "default": "sundplans standardvægte pr. speciale efter alder og køn",
        "none": "uvægtet befolkning",
        "custom": "egen vægttabel",
        None: "behovsvægte som valgt i kørslen",
    },
    "en": {
        "default": "sundplan's default weights per specialty by age and sex",
        "none": "unweighted population",
        "custom": "own weight table",
        None: "need weights as chosen in the run",
    },
}


def weights_text(params: Mapping, lang: str) -> str:
    key = choice_key(params, GAP_WEIGHTS_NAMES, default=DEFAULT_NEED_WEIGHTS)
    texts = WEIGHT_TEXTS[lang]
    return texts[key if key in texts else DEFAULT_NEED_WEIGHTS]


def is_grouped(params: Mapping) -> bool:
    """Compared within a grouping; False also when the choice is not known by key (0.1.0)."""
    key = choice_key(params, GROUPING_NAMES, default=NO_GROUPING)
    return key is not None and key.lower() not in (NO_GROUPING, "")


def reference_total(fair_shares: Iterable) -> float:
    """The reference total of one specialty: the sum of its areas' fair shares (numbers only)."""
    total = 0.0
    for value in fair_shares:
        if isinstance(value, int | float):
            total += float(value)
    return round(total, 6)


def reference_text(params: Mapping, details: Mapping, lang: str) -> str:
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


def ratio_limits(params: Mapping, lang: str) -> tuple[str, str]:
    """The under/over-supplied ratio limits as printed: ``0,8`` and ``1,25``."""

    def text(key: str, default: float) -> str:
        value = format_number(number_param(params, key, default), decimals=2, language=lang)
        return value.rstrip("0").rstrip(",.") if ("," in value or "." in value) else value

    return text("UNDER_RATIO", DEFAULT_UNDER_RATIO), text("OVER_RATIO", DEFAULT_OVER_RATIO)


def subtitle_parts(params: Mapping, details: Mapping, lang: str) -> list[str]:
    parts: list[str] = []
    if not details.get("specialty") and details.get("n_specialties", 0) > 1:
        parts.append(
            "{n} specialer".format(n=details["n_specialties"])
            if lang == "da"
            else "{n} specialties".format(n=details["n_specialties"])
        )
    parts.append(reference_text(params, details, lang))
    under, over = ratio_limits(params, lang)
    parts.append(
        f"underdækket < {under}, overdækket > {over}"
        if lang == "da"
        else f"under-supplied < {under}, over-supplied > {over}"
    )
    return parts


def method_note(kind: str | None, params: Mapping, details: Mapping, lang: str) -> str:
    weights = weights_text(params, lang)
    reference = reference_text(params, details, lang)
    under, over = ratio_limits(params, lang)
    grouped = is_grouped(params)
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
