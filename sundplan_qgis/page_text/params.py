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
