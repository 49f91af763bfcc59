"""The run's parameters as an output's provenance records them, read for the page text.

Option parameters are recorded by key (``"e2sfca"``, ``"default"``, ``"sundhedsraad"``).
Outputs of 0.1.0 recorded the option's position instead: a number is never decoded here
(the order of an option list is the processing layer's business), the page then does not
name the choice. Parameters renamed after 0.1.0 are looked up under their new name first,
then under the old one.
"""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from typing import Any

NEED_WEIGHTS = "NEED_WEIGHTS"
"""The need-weight choice (gp_density, fca_access, specialist_gaps)."""
GAP_WEIGHTS_NAMES = (NEED_WEIGHTS, "WEIGHTS")
"""specialist_gaps' need-weight choice: the agreed name, then its name before the rename."""
GROUPING_NAMES = ("GROUPING",)


def run_parameters(provenance: Mapping | None) -> Mapping:
    """The ``parameters`` of a provenance record ({} without one)."""
    return (provenance or {}).get("parameters") or {}


def run_defaults(provenance: Mapping | None) -> Mapping:
    """What stood in for inputs a run was not given (``defaults`` of its provenance, e.g.
    ``{"network": {"source": "overview", ...}, "population": {"quarter": "2021K1", ...}}``)."""
    return (provenance or {}).get("defaults") or {}


def uses_overview_network(provenance: Mapping | None) -> bool:
    """Did the run route on the shipped overview network (no network given)?"""
    return (run_defaults(provenance).get("network") or {}).get("source") == "overview"


def with_default_inputs(params: Mapping, provenance: Mapping | None) -> Mapping:
    """``params`` with the inputs the run's defaults stood in for filled in (the overview
    network, the embedded kommuner as residents and areas), so the notes that depend on
    "was a network / polygon residents / areas given" describe what the run did."""
    defaults = run_defaults(provenance)
    filled = dict(params)
    for role, key in (
        ("network", "NETWORK_FILE"),
        ("population", "POPULATION_LAYER"),
        ("areas", "AREAS"),
    ):
        info = defaults.get(role) or {}
        if info and not filled.get(key):
            filled[key] = str(info.get("file") or info.get("source") or role)
        if role == "population" and info.get("allocation") and not filled.get("POLYGON_ALLOCATION"):
            filled["POLYGON_ALLOCATION"] = info["allocation"]
    return filled


def number_param(params: Mapping, key: str, default: float) -> float:
    """A numeric parameter, ``default`` when absent, empty or not a number."""
    try:
        value = params.get(key)
        return float(default if value in (None, "") else value)
    except (TypeError, ValueError):
        return float(default)


def choice_key(params: Mapping, names: Sequence[str], *, default: str) -> str | None:
    """The key recorded for an option parameter under the first of ``names`` present.

    ``default`` (the tool's default key) when none is recorded; ``None`` when the value is a
    position (a number, as 0.1.0 recorded it): unknown, so the page does not name it.
    """
    for name in names:
        value: Any = params.get(name)
        if value is None or (isinstance(value, str) and not value.strip()):
            continue
        if isinstance(value, str) and not value.strip().lstrip("-").isdigit():
            return value.strip()
        return None
    return default
