"""Practices (GP or specialist) as plain arrays: the one practices type of the core, and the
capacity rules shared by the tools that read them.

This module never imports qgis.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass

import numpy as np

from .errors import SundplanError


@dataclass
class Practices:
    """Practices as plain arrays (coordinates in the areas' CRS)."""

    xy: np.ndarray  # (P, 2)
    capacity: np.ndarray  # (P,) float, validated > 0
    names: list[str]
    ids: list
    list_size: np.ndarray | None = None  # (P,) float, NaN unknown
    open_for_patients: np.ndarray | None = None  # (P,) float 1/0, NaN unknown
    source_name: str = "practices"
    specialty: np.ndarray | None = None  # (P,) object, canonical names (specialist practices)


def to_float(v) -> float:
    """A number, or NaN for anything that is not one (NULL, text)."""
    try:
        return float(v)
    except (TypeError, ValueError):
        return float("nan")


def practice_capacities(values: Sequence, *, ids: Sequence, layer: str, field: str) -> np.ndarray:
    """The capacity (full-time ydernumre) of every practice as floats: numbers ≥ 0, not all 0.

    NULL, values that are not finite numbers and negative values are errors naming the
    features (at most 20); capacity 0 everywhere is an error with the fix."""

    def number(v) -> float:
        try:
            return float(v)
        except (TypeError, ValueError):
            return float("nan")

    caps = np.array([number(v) for v in values], dtype=float)
    is_null = np.array([v is None for v in values], dtype=bool)

    def listed(bad: np.ndarray, item: str) -> str:
        return ", ".join(item.format(id=ids[i], value=values[i]) for i in np.flatnonzero(bad)[:20])

    if is_null.any():
        raise SundplanError(
            "Practices without a capacity in '{layer}' ({field}): feature ids {ids}. Fill in "
            "the number of full-time ydernumre.",
            layer=layer,
            field=field,
            ids=listed(is_null, "{id}"),
        )
    if not np.isfinite(caps).all():
        raise SundplanError(
            "Capacities that are not finite numbers in '{layer}' ({field}): feature ids "
            "{ids}. Fill in the number of full-time ydernumre.",
            layer=layer,
            field=field,
            ids=listed(~np.isfinite(caps), "{id} ('{value}')"),
        )
    if (caps < 0).any():
        raise SundplanError(
            "Negative capacities in '{layer}' ({field}): feature ids {ids}. Capacities are "
            "numbers of full-time ydernumre, 0 or more.",
            layer=layer,
            field=field,
            ids=listed(caps < 0, "{id} ({value})"),
        )
    if caps.size and caps.sum() <= 0:
        raise SundplanError(
            "Every practice of '{layer}' has capacity 0 in '{field}': there is no capacity to "
            "compare with need. Choose the field with the number of full-time ydernumre, or "
            "leave the capacity field empty (1 per practice).",
            layer=layer,
            field=field,
        )
    return caps


def specialist_practices(
    *,
    xy: np.ndarray,
    ids: Sequence,
    specialty_values: Sequence,
    capacity_values: Sequence | None,
    source_name: str,
    specialty_field: str,
    capacity_field: str | None,
) -> Practices:
    """Specialist practices from raw attribute values: specialty names matched to the 15
    specialties, capacities checked (:func:`practice_capacities`; no field = 1 each)."""
    from . import specialties

    specs = specialties.normalise_specialties(
        list(specialty_values), source_name=f"{source_name}: {specialty_field}"
    )
    if capacity_field:
        caps = practice_capacities(
            list(capacity_values), ids=ids, layer=source_name, field=capacity_field
        )
    else:
        caps = np.ones(len(specs))
    return Practices(
        xy=np.asarray(xy, dtype=float),
        capacity=caps,
        names=[str(i) for i in ids],
        ids=list(ids),
        source_name=source_name,
        specialty=np.array(specs, dtype=object),
    )
