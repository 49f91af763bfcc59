"""Road classes and speeds: class defaults, the one speed / oneway / duration parsers and
the user speed table. Speeds in km/h, durations in minutes."""

from __future__ import annotations

import math
import re
from collections.abc import Iterable, Mapping, Sequence
from typing import Any

import numpy as np

from .. import _compat
from ..errors import SundplanError

# --------------------------------------------------------------------------- speed defaults

#: Free-flow car speed (km/h) per road class where the data has no speed; see docs/speeds.md.
#: Based on the general limits of Færdselsloven § 42 (50 in built-up areas, 80 outside,
#: 80 on motortrafikvej, 130 on motorvej) and the road class's usual setting.
DEFAULT_SPEEDS_KMH: dict[str, float] = {
    "motorway": 110.0,
    "motorway_link": 60.0,
    "trunk": 80.0,
    "trunk_link": 50.0,
    "primary": 70.0,
    "primary_link": 50.0,
    "secondary": 60.0,
    "secondary_link": 50.0,
    "tertiary": 50.0,
    "tertiary_link": 40.0,
    "unclassified": 50.0,
    "road": 40.0,
    "residential": 40.0,
    "living_street": 15.0,
    "service": 20.0,
    "ferry": 25.0,
    "ferry_connector": 20.0,
}

#: Ferry cruising speed (km/h) used when a ferry has neither a duration nor a speed.
DEFAULT_FERRY_SPEED_KMH: float = 25.0
#: Waiting/boarding time (minutes) added once per ferry crossing (half on entry, half on exit).
DEFAULT_FERRY_BOARDING_MIN: float = 15.0

#: OSM ``highway`` values a car may use.
DRIVABLE_HIGHWAYS: frozenset[str] = frozenset(
    {
        "motorway",
        "motorway_link",
        "trunk",
        "trunk_link",
        "primary",
        "primary_link",
        "secondary",
        "secondary_link",
        "tertiary",
        "tertiary_link",
        "unclassified",
        "residential",
        "living_street",
        "service",
        "road",
    }
)

ONEWAY_FWD = ("yes", "1", "true", "t")
ONEWAY_REV = ("-1", "reverse")
_MPH = 1.609344
_KNOT = 1.852
_MAXSPEED_WORDS = {
    "dk:urban": 50.0,
    "dk:rural": 80.0,
    "dk:motorway": 130.0,
    "dk:trunk": 80.0,
    "dk:motortrafikvej": 80.0,
}
_NUM_UNIT_RE = re.compile(r"^\s*([-+]?\d+(?:[.,]\d+)?)\s*(km/h|kmh|kph|mph|knots)?\s*$")
#: Speeds above this (km/h), or ≤ 0, are implausible for a Danish road (limit 130 km/h).
MAX_PLAUSIBLE_SPEED_KMH: float = 150.0
_ZONE_RE = re.compile(r"^[a-z]{2}:zone:?(\d+)$")


def parse_maxspeed_kmh(value: Any) -> float:
    """The one speed parser: a speed value (a user's speed field, OSM ``maxspeed``) in km/h.

    Every network reader uses it (the OSM/pyosmium reader, the GDAL/Arrow file reader, the
    QGIS-layer reader and the osmnx download), so one value means the same everywhere:

    ===================================  =======================================================
    value                                outcome
    ===================================  =======================================================
    ``50``, ``'50'``, ``' 50 '``         50 km/h (plain numbers are km/h)
    ``'50 km/h'``, ``'50kmh'``, ``kph``  50 km/h
    ``'50,5'``                           50.5 km/h (decimal comma)
    ``'50 mph'``                         80.47 km/h (× 1.609344)
    ``'20 knots'``                       37.04 km/h (× 1.852)
    ``'DK:urban'``                       50 km/h (Færdselsloven § 42, built-up area)
    ``'DK:rural'``                       80 km/h (outside built-up areas)
    ``'DK:motorway'``                    130 km/h
    ``'DK:trunk'``/``'DK:motortrafikvej'``  80 km/h
    ``'DK:zone30'``                      30 km/h
    ``'50;60'``                          50 km/h (several values: the first)
    ``'none'``                           NaN → the road class's default speed (no limit is not
                                         a travel speed)
    ``'signals'``, ``'variable'``        NaN → class default (the limit is not in the data)
    ``'walk'``                           NaN → class default
    ``''``, ``None``, NULL, garbage      NaN → class default
    ``0``, ``'-5'``, ``'200'``           returned as is (0, -5, 200): the readers reject them as
                                         implausible (see :func:`check_speeds`), except OSM,
                                         where they fall back to the class default
    ===================================  =======================================================

    Case and surrounding spaces do not matter.
    """
    if value is None:
        return math.nan
    if isinstance(value, bool):
        return math.nan
    if isinstance(value, int | float | np.integer | np.floating):
        v = float(value)
        return v if math.isfinite(v) else math.nan
    text = str(value).strip().lower()
    if not text or text == "null":
        return math.nan
    text = text.split(";")[0].strip()
    if text in _MAXSPEED_WORDS:
        return _MAXSPEED_WORDS[text]
    m = _ZONE_RE.match(text)
    if m:
        return float(m.group(1))
    m = _NUM_UNIT_RE.match(text)
    if not m:
        return math.nan
    v = float(m.group(1).replace(",", "."))
    unit = m.group(2)
    if unit == "mph":
        v *= _MPH
    elif unit == "knots":
        v *= _KNOT
    return v if math.isfinite(v) else math.nan


parse_speed_kmh = parse_maxspeed_kmh


def speeds_from_values(values: Any) -> np.ndarray:
    """A column of speed values (numbers or text, nulls) → km/h per value (float64).

    Numeric columns are taken as km/h; text goes through :func:`parse_maxspeed_kmh` once per
    distinct value. NULL / unreadable → NaN (the class default applies). Values ≤ 0 or above
    :data:`MAX_PLAUSIBLE_SPEED_KMH` are kept, for :func:`check_speeds` to name.
    """
    if np.ma.isMaskedArray(values):
        if values.dtype.kind in "fiu":
            return _compat.column_to_float(values)
        values = _compat.column_to_str(values)
    arr = np.asarray(values)
    if arr.dtype.kind in "fiu":
        out = arr.astype(np.float64)
        out[~np.isfinite(out)] = np.nan
        return out
    if arr.dtype.kind == "b":
        return np.full(len(arr), np.nan)
    if arr.dtype.kind == "O":
        out = np.full(len(arr), np.nan)
        text_idx = []
        for i, v in enumerate(arr):
            if v is None or isinstance(v, bool):
                continue
            if isinstance(v, int | float | np.integer | np.floating):
                out[i] = parse_maxspeed_kmh(v)
            else:
                text_idx.append(i)
        if text_idx:
            idx = np.array(text_idx, dtype=np.int64)
            out[idx] = parse_unique(
                np.array([str(arr[i]) for i in idx], dtype=object), parse_maxspeed_kmh
            )
        return out
    return parse_unique(_compat.column_to_str(arr), parse_maxspeed_kmh)


def implausible_speeds(speed_kmh: np.ndarray) -> np.ndarray:
    """Boolean mask: a speed is given (finite) but ≤ 0 or > :data:`MAX_PLAUSIBLE_SPEED_KMH`."""
    s = np.asarray(speed_kmh, dtype=np.float64)
    with np.errstate(invalid="ignore"):
        return np.isfinite(s) & ((s <= 0) | (s > MAX_PLAUSIBLE_SPEED_KMH))


def check_speeds(
    speed_kmh: np.ndarray,
    feature_ids: Sequence[Any] | np.ndarray | None,
    *,
    layer: str,
    field: str,
) -> None:
    """Reject implausible speeds (≤ 0 or > 150 km/h) of a user's speed field, naming the
    features (at most 10) and the fix.

    Raises:
        SundplanError: when any line has such a speed.
    """
    bad = np.flatnonzero(implausible_speeds(speed_kmh))
    if not len(bad):
        return
    speeds = np.asarray(speed_kmh, dtype=np.float64)
    ids = list(feature_ids) if feature_ids is not None else list(range(len(speeds)))
    seen: dict[Any, float] = {}
    for i in bad:
        fid = ids[i] if i < len(ids) else i
        fid = fid.item() if hasattr(fid, "item") else fid
        if fid not in seen:
            seen[fid] = float(speeds[i])
    examples = ", ".join(f"{fid} ({kmh:g} km/h)" for fid, kmh in list(seen.items())[:10])
    raise SundplanError(
        "Road layer '{layer}': the speed field '{field}' has implausible speeds (≤ 0 or more "
        "than {max:g} km/h) in {count} features: {features}. Correct them, or set them to NULL "
        "so the road class's default speed is used.",
        layer=layer,
        field=field,
        max=MAX_PLAUSIBLE_SPEED_KMH,
        count=len(seen),
        features=examples,
    )


def parse_duration_min(value: Any) -> float:
    """An OSM ``duration`` in minutes; NaN if missing or unreadable.

    Accepts 'HH:MM', 'H:MM:SS', plain minutes ('45', '45.5') and ISO 8601 'PT1H30M'.
    """
    if value is None:
        return math.nan
    if isinstance(value, int | float | np.integer | np.floating):
        v = float(value)
        return v if math.isfinite(v) and v > 0 else math.nan
    text = str(value).strip()
    if not text:
        return math.nan
    try:
        if ":" in text:
            parts = [float(p) for p in text.split(":")]
            if len(parts) == 2:
                return parts[0] * 60.0 + parts[1]
            if len(parts) == 3:
                return parts[0] * 60.0 + parts[1] + parts[2] / 60.0
            return math.nan
        m = re.match(
            r"^P(?:T)?(?:(\d+(?:\.\d+)?)H)?(?:(\d+(?:\.\d+)?)M)?(?:(\d+(?:\.\d+)?)S)?$", text
        )
        if m and text.startswith("PT"):
            h, mi, s = (float(g) if g else 0.0 for g in m.groups())
            return h * 60.0 + mi + s / 60.0
        v = float(text.replace(",", "."))
        return v if v > 0 else math.nan
    except ValueError:
        return math.nan


def parse_oneway(values: Any) -> np.ndarray:
    """Oneway codes (int8) from a column of text or numbers.

    'yes', '1', 'true', 't' → 1 (along the line); '-1', 'reverse' → -1; anything else → 0.
    Case-insensitive; integer and float columns work too (1 → 1, -1 → -1).
    """
    text = _compat.column_to_str(values)
    low = np.array([s.strip().lower() for s in text], dtype=object)
    out = np.zeros(len(low), dtype=np.int8)
    if len(low):
        out[np.isin(low, ONEWAY_FWD)] = 1
        out[np.isin(low, ONEWAY_REV)] = -1
    return out


def parse_unique(values: np.ndarray, fn: Any) -> np.ndarray:
    """Apply a scalar parser once per distinct value (fast for low-cardinality columns)."""
    if len(values) == 0:
        return np.zeros(0, dtype=np.float64)
    uniq, inv = _compat.unique_inverse(values.astype(str))
    parsed = np.array([fn(u) for u in uniq], dtype=np.float64)
    return parsed[inv]


def speeds_from_table(rows: Iterable[Sequence[Any]] | Mapping[str, Any]) -> dict[str, float]:
    """A user speed table → ``{road_class: km/h}`` (classes lower-cased, values > 0).

    ``rows`` is a mapping or an iterable of (class, km/h) pairs, e.g. rows of a CSV or of a
    QGIS matrix parameter. The result overrides :data:`DEFAULT_SPEEDS_KMH` in
    :func:`build_graph`; classes not listed keep their default.

    Raises:
        SundplanError: a row without two values, or a speed that is not a number in
            (0, :data:`MAX_PLAUSIBLE_SPEED_KMH`] km/h.
    """
    items = rows.items() if isinstance(rows, Mapping) else rows
    out: dict[str, float] = {}
    for i, row in enumerate(items, start=1):
        try:
            cls, kmh = row[0], row[1]
        except (TypeError, IndexError, KeyError) as exc:
            raise SundplanError(
                "Speed table row {row} ({value!r}) needs two values: road class and km/h.",
                row=i,
                value=row,
            ) from exc
        name = str(cls).strip().lower()
        try:
            v = float(str(kmh).strip().replace(",", "."))
        except ValueError:
            v = math.nan
        if not (math.isfinite(v) and v > 0):
            raise SundplanError(
                "Speed table row {row}: the speed for class '{road_class}' is {value!r}; give a "
                "positive number of km/h.",
                row=i,
                road_class=name,
                value=kmh,
            )
        if v > MAX_PLAUSIBLE_SPEED_KMH:
            raise SundplanError(
                "Speed table row {row}: {value!r} km/h for class '{road_class}' is implausible; "
                "give at most {max:g} km/h.",
                row=i,
                road_class=name,
                value=kmh,
                max=MAX_PLAUSIBLE_SPEED_KMH,
            )
        out[name] = v
    return out
