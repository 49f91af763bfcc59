"""How unevenly capacity follows need: the Lorenz curve and Gini coefficient shared by GP
density and specialist gaps, so both report the same measure for the same numbers.

Areas are ordered by capacity per need (rising; ties by capacity). The Lorenz curve runs from
(0, 0) through the cumulative need share (x) and capacity share (y) of the ordered areas, and
``G = 1 − Σ (x_k − x_{k−1})(y_k + y_{k−1})``: 0 when capacity is exactly proportional to need,
towards 1 when it is concentrated. For areas that all have need this equals the need-weighted
mean difference of the densities, ``½ Σ_i Σ_j n_i n_j |d_i − d_j| / (N² μ)``. Capacity in an
area with no need has infinite density and comes last (a vertical step at x = 1): with a share
``s`` of capacity there, ``G = 1 − (1 − s)(1 − G')``, ``G'`` the Gini of the areas with need.
"""

from __future__ import annotations

import numpy as np


def lorenz_order(capacity: np.ndarray, need: np.ndarray) -> np.ndarray:
    """Indices of the areas in Lorenz order (capacity per need rising, no-need areas last)."""
    c = np.asarray(capacity, dtype=float)
    n = np.asarray(need, dtype=float)
    with np.errstate(divide="ignore", invalid="ignore"):
        density = np.where(n > 0, c / np.where(n > 0, n, 1), np.inf)
    return np.lexsort((c, density))


def lorenz_curve(
    capacity: np.ndarray, need: np.ndarray
) -> tuple[np.ndarray, np.ndarray, np.ndarray]:
    """(order, x, y): the Lorenz order and the cumulative need (x) and capacity (y) shares,
    both starting at 0. Needs positive total capacity and need."""
    c = np.asarray(capacity, dtype=float)
    n = np.asarray(need, dtype=float)
    order = lorenz_order(c, n)
    x = np.concatenate([[0.0], np.cumsum(n[order]) / n.sum()])
    y = np.concatenate([[0.0], np.cumsum(c[order]) / c.sum()])
    return order, x, y


def gini(capacity: np.ndarray, need: np.ndarray) -> float:
    """Gini coefficient of ``capacity`` against ``need`` (NaN without capacity or need)."""
    c = np.asarray(capacity, dtype=float)
    n = np.asarray(need, dtype=float)
    if c.sum() <= 0 or n.sum() <= 0:
        return float("nan")
    _order, x, y = lorenz_curve(c, n)
    return float(1.0 - np.sum(np.diff(x) * (y[1:] + y[:-1])))
