"""Tables of a catchments run: time bands, per hospital and per area (minutes, persons)."""

from __future__ import annotations

from collections.abc import Sequence

import numpy as np
import pandas as pd

from . import coverage
from .areas import OUTSIDE_AREAS
from .errors import SundplanError, msg
from .snapping import STATUS_OK, STATUS_UNREACHABLE, STATUS_UNSNAPPED, LocationTimes

NOT_REACHED_BAND = -1
"""band_id of the "not reached" class (unsnapped + unreachable residents) in the bands."""
NOT_REACHED_LABEL = "not reached"
"""``band`` of the residents not reached (a code: styles and tests key on it)."""
BAND_LABELS = {NOT_REACHED_LABEL: msg("not reached")}
"""Labels of the ``band`` codes that are words (the others are numbers: '0–15', '> 60')."""


def validate_bands(bands_min: Sequence[float]) -> np.ndarray:
    """Sorted, positive, distinct band limits in minutes."""
    b = np.asarray(list(bands_min), dtype="float64")
    if b.size == 0 or not np.all(np.isfinite(b)) or np.any(b <= 0):
        raise SundplanError(
            "Time bands must be positive minutes, e.g. 15,30,45,60 (got {bands}).",
            bands=list(bands_min),
        )
    if np.any(np.diff(b) <= 0):
        raise SundplanError(
            "Time bands must be strictly increasing, e.g. 15,30,45,60 (got {bands}).",
            bands=list(bands_min),
        )
    return b


def band_index(time_min: np.ndarray, bands_min: np.ndarray) -> np.ndarray:
    """Band of each time: 0 for (0, b0], i for (b[i-1], b[i]], len(b) beyond; -1 for NaN."""
    idx = np.searchsorted(bands_min, time_min, side="left").astype(np.int32)
    idx[~np.isfinite(time_min)] = -1
    return idx


def band_labels(bands_min: np.ndarray) -> list[str]:
    """Human labels: '0–15', '15–30', ..., '> 60' (minutes)."""
    edges = [0.0, *bands_min.tolist()]
    labels = [f"{_fmt(a)}–{_fmt(b)}" for a, b in zip(edges[:-1], edges[1:], strict=True)]
    return [*labels, f"> {_fmt(bands_min[-1])}"]


def _fmt(v: float) -> str:
    return f"{v:g}"


def _field(v: float) -> str:
    """A band limit as part of a field name: 15 -> '15', 7.5 -> '7_5'."""
    return _fmt(v).replace(".", "_")


def weighted_quantiles(
    values: np.ndarray, weights: np.ndarray, groups: np.ndarray, n_groups: int, q: float
) -> np.ndarray:
    """Weighted ``q`` quantile of ``values`` per group (lower weighted quantile: the smallest
    value whose cumulative weight share reaches ``q``); NaN for groups with no weight."""
    out = np.full(n_groups, np.nan)
    keep = (groups >= 0) & np.isfinite(values) & (weights > 0)
    if not keep.any():
        return out
    v, w, g = values[keep], weights[keep], groups[keep]
    order = np.lexsort((v, g))
    v, w, g = v[order], w[order], g[order]
    cum = np.cumsum(w)
    starts = np.searchsorted(g, np.arange(n_groups), side="left")
    stops = np.searchsorted(g, np.arange(n_groups), side="right")
    for k in np.flatnonzero(stops > starts):
        base = cum[starts[k] - 1] if starts[k] > 0 else 0.0
        total = cum[stops[k] - 1] - base
        target = base + q * total
        # Tolerance so q = 0.5 of two equal weights picks the first, not float noise.
        pos = np.searchsorted(cum[starts[k] : stops[k]], target - 1e-9 * total, side="left")
        out[k] = v[starts[k] + min(pos, stops[k] - starts[k] - 1)]
    return out


def catchment_table(
    loc: LocationTimes,
    population: np.ndarray,
    hospital_names: Sequence[str],
    hospital_ids: Sequence | None = None,
) -> pd.DataFrame:
    """Per hospital: its id (the user's, unchanged; default 1..H), population served,
    population-weighted mean and max minutes of the reached residents it serves.
    ``hospital_index`` is the hospital's position in the run (internal, 0..H-1)."""
    n_h = len(hospital_names)
    ok = loc.status == STATUS_OK
    h = loc.hospital[ok]
    w = population[ok]
    t = loc.time_min[ok]
    pop = np.bincount(h, weights=w, minlength=n_h)
    wt = np.bincount(h, weights=w * t, minlength=n_h)
    mx = np.full(n_h, np.nan)
    if h.size:
        populated = w > 0
        np.fmax.at(mx, h[populated], t[populated])
    with np.errstate(invalid="ignore", divide="ignore"):
        mean = np.where(pop > 0, wt / pop, np.nan)
    ids = np.arange(1, n_h + 1) if hospital_ids is None else id_array(hospital_ids)
    return pd.DataFrame(
        {
            "hospital_index": np.arange(n_h),
            "hospital_id": ids,
            "hospital": list(hospital_names),
            "population": pop,
            "mean_min": mean,
            "max_min": mx,
        }
    )


def band_table(loc: LocationTimes, population: np.ndarray, bands_min: np.ndarray) -> pd.DataFrame:
    """Population per time band (reached residents), then the "not reached" class
    (band_id :data:`NOT_REACHED_BAND`: unsnapped + unreachable), so the rows add up to the
    input total."""
    labels = band_labels(bands_min)
    b = band_index(loc.time_min, bands_min)
    ok = (loc.status == STATUS_OK) & (b >= 0)
    pop = np.bincount(b[ok], weights=population[ok], minlength=len(labels))
    not_reached = float(population[loc.status != STATUS_OK].sum())
    lower = np.concatenate([[0.0], bands_min, [np.nan]])
    upper = np.concatenate([bands_min, [np.inf, np.nan]])
    return pd.DataFrame(
        {
            "band_id": np.append(np.arange(len(labels)), NOT_REACHED_BAND),
            "band": [*labels, NOT_REACHED_LABEL],
            "from_min": lower,
            "to_min": upper,
            "population": np.append(pop, not_reached),
        }
    )


def id_array(ids: Sequence) -> np.ndarray:
    """The user's ids as one column: integers stay integers (int64), anything else text."""
    values = list(ids)
    if values and all(
        isinstance(v, int | np.integer) and not isinstance(v, bool | np.bool_) for v in values
    ):
        return np.asarray(values, dtype=np.int64)
    return np.array([None if v is None else str(v) for v in values], dtype=object)


def area_summary(
    loc: LocationTimes,
    population: np.ndarray,
    *,
    area_index: np.ndarray,
    area_ids: Sequence,
    area_names: Sequence[str],
    bands_min: np.ndarray,
    hospital_names: Sequence[str],
) -> pd.DataFrame:
    """One row per area: population, travel-time statistics (minutes, population-weighted),
    population and share beyond each band, main hospital, unsnapped/unreachable population.

    ``area_index`` (P,) gives each location's area (0..A-1), -1 outside every area; locations
    outside all areas are summarised in an extra row with area id ``None``.
    """
    n_a = len(area_ids)
    n_h = len(hospital_names)
    g = np.where(area_index >= 0, area_index, n_a).astype(np.int64)  # n_a = "outside"
    n_g = n_a + 1
    ok = loc.status == STATUS_OK
    total = np.bincount(g, weights=population, minlength=n_g)
    pop_ok = np.bincount(g[ok], weights=population[ok], minlength=n_g)
    unsnapped = np.bincount(
        g[loc.status == STATUS_UNSNAPPED],
        weights=population[loc.status == STATUS_UNSNAPPED],
        minlength=n_g,
    )
    unreachable = np.bincount(
        g[loc.status == STATUS_UNREACHABLE],
        weights=population[loc.status == STATUS_UNREACHABLE],
        minlength=n_g,
    )
    t = np.where(ok, loc.time_min, np.nan)
    wsum = np.bincount(g[ok], weights=population[ok] * t[ok], minlength=n_g)
    with np.errstate(invalid="ignore", divide="ignore"):
        mean = np.where(pop_ok > 0, wsum / pop_ok, np.nan)
    gq = np.where(ok, g, -1)
    median = weighted_quantiles(t, population, gq, n_g, 0.5)
    p90 = weighted_quantiles(t, population, gq, n_g, 0.9)
    mx = np.full(n_g, np.nan)
    populated = ok & (population > 0)
    np.fmax.at(mx, g[populated], t[populated])
    # Main hospital: the one serving most residents of the area.
    hs = np.bincount(
        g[ok] * n_h + loc.hospital[ok], weights=population[ok], minlength=n_g * n_h
    ).reshape(n_g, n_h)
    main = hs.argmax(axis=1)
    main_name = np.array([hospital_names[i] for i in main], dtype=object)
    main_name[hs.max(axis=1) <= 0] = None
    df = pd.DataFrame(
        {
            "area_id": [*list(area_ids), None],
            "area_name": [*list(area_names), OUTSIDE_AREAS],
            "population": total,
            "population_reached": pop_ok,
            "mean_min": mean,
            "median_min": median,
            "p90_min": p90,
            "max_min": mx,
        }
    )
    for b in bands_min:
        beyond = ok & (t > b)
        pb = np.bincount(g[beyond], weights=population[beyond], minlength=n_g)
        df[f"pop_over_{_field(b)}_min"] = pb
        with np.errstate(invalid="ignore", divide="ignore"):
            df[f"share_over_{_field(b)}_min"] = np.where(pop_ok > 0, pb / pop_ok, np.nan)
    df["main_hospital"] = main_name
    df["main_hospital_share"] = np.where(
        pop_ok > 0, hs.max(axis=1) / np.where(pop_ok > 0, pop_ok, 1), np.nan
    )
    df["pop_unsnapped"] = unsnapped
    df["pop_unreachable"] = unreachable
    coverage.add_share_not_reached(df)
    # Keep the "outside" row only when someone lives outside every area.
    if total[n_a] <= 0:
        df = df.iloc[:n_a].reset_index(drop=True)
    return df


def assign_areas_by_point(xy: np.ndarray, geometries: Sequence) -> np.ndarray:
    """Index of the (first) polygon containing each point, -1 outside all (vectorised per area)."""
    from ._compat import points_in_polygon

    out = np.full(xy.shape[0], -1, dtype=np.int64)
    for i, geom in enumerate(geometries):
        if geom is None or geom.is_empty:
            continue
        xmin, ymin, xmax, ymax = geom.bounds
        cand = np.flatnonzero(
            (out < 0)
            & (xy[:, 0] >= xmin)
            & (xy[:, 0] <= xmax)
            & (xy[:, 1] >= ymin)
            & (xy[:, 1] <= ymax)
        )
        if cand.size:
            inside = points_in_polygon(geom, xy[cand, 0], xy[cand, 1])
            out[cand[inside]] = i
    return out


# --------------------------------------------------------------------------- whole run
