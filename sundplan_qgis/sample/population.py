"""The sample region's residents: a population raster (int32 persons per 100 m cell) from
towns, villages at rural crossroads and a smooth rural density, zero outside the kommuner.

Draws from the shared random generator after the roads and kommuner (the order is part of the
sample). Cells: 100 m, EPSG:25832, row 0 at the top (north).
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from typing import TYPE_CHECKING, Any

import numpy as np

from .schema import CELL_SIZE_M, REGION_SIZE_M, REGION_X0, REGION_Y0

if TYPE_CHECKING:
    from .roads import Town


@dataclass
class PopulationGrid:
    """Residents per cell and the kommune of each cell, over the whole region.

    ``population`` and ``kommune_index`` are (nrows, ncols); ``kommune_index`` is -1 outside
    every kommune (the sea). ``x_centre_m`` (ncols,) and ``y_centre_m`` (nrows,) are the cell
    centres; the grid's top-left corner is (``x0_m``, ``y_top_m``).
    """

    population: np.ndarray
    kommune_index: np.ndarray
    x_centre_m: np.ndarray
    y_centre_m: np.ndarray
    x0_m: float
    y_top_m: float


def _cells_inside(
    rings: Sequence[np.ndarray], *, x0: float, y_top: float, cell: float, nrows: int, ncols: int
) -> np.ndarray:
    """Boolean (nrows, ncols) mask of cells whose centre lies inside the rings (even-odd rule).

    ``rings`` are closed or open (N, 2) coordinate arrays (all rings of a (multi)polygon:
    exteriors and holes). Scanline per row of cell centres; exact up to float rounding.
    """
    yc = y_top - (np.arange(nrows) + 0.5) * cell
    xc = x0 + (np.arange(ncols) + 0.5) * cell
    mask = np.zeros((nrows, ncols), dtype=bool)
    segs = []
    for ring in rings:
        r = np.asarray(ring, dtype=np.float64)
        if not np.array_equal(r[0], r[-1]):
            r = np.vstack([r, r[:1]])
        segs.append(np.hstack([r[:-1], r[1:]]))
    s = np.vstack(segs)
    x1, y1, x2, y2 = s[:, 0], s[:, 1], s[:, 2], s[:, 3]
    crosses = (y1[None, :] > yc[:, None]) != (y2[None, :] > yc[:, None])
    with np.errstate(divide="ignore", invalid="ignore"):
        xi = x1[None, :] + (yc[:, None] - y1[None, :]) * (x2 - x1)[None, :] / (y2 - y1)[None, :]
    for row in np.flatnonzero(crosses.any(axis=1)):
        xs = np.sort(xi[row, crosses[row]])
        mask[row] = (np.searchsorted(xs, xc, side="left") % 2) == 1
    return mask


def _polygon_rings(geom) -> list[np.ndarray]:  # noqa: ANN001 - shapely (multi)polygon
    """All rings (exteriors and interiors) of a shapely Polygon or MultiPolygon."""
    polys = list(geom.geoms) if geom.geom_type == "MultiPolygon" else [geom]
    rings: list[np.ndarray] = []
    for p in polys:
        rings.append(np.asarray(p.exterior.coords))
        rings.extend(np.asarray(i.coords) for i in p.interiors)
    return rings


def smooth_field(
    rng: np.random.Generator, *, nrows: int, ncols: int, block: int, sigma: float
) -> np.ndarray:
    """A smooth positive random field (mean about 1): lognormal noise on a coarse grid of
    ``block``-cell spacing, bilinearly interpolated to (nrows, ncols)."""
    cr, cc = nrows // block + 2, ncols // block + 2
    coarse = rng.lognormal(-0.5 * sigma**2, sigma, size=(cr, cc))
    r = (np.arange(nrows) + 0.5) / block
    c = (np.arange(ncols) + 0.5) / block
    rows = np.empty((nrows, cc))
    for k in range(cc):
        rows[:, k] = np.interp(r, np.arange(cr), coarse[:, k])
    out = np.empty((nrows, ncols))
    for k in range(nrows):
        out[k] = np.interp(c, np.arange(cc), rows[k])
    return out


def generate_population(
    *,
    rng: np.random.Generator,
    towns: dict[str, Town],
    villages_xy: np.ndarray,
    kommune_geoms: list[Any],
) -> PopulationGrid:
    """Poisson residents per cell: a Gaussian bump per town (its residents), a village at about
    half of the rural grid nodes ``villages_xy``, plus a smooth rural density."""
    x0, y1, size = REGION_X0, REGION_Y0 + REGION_SIZE_M, REGION_SIZE_M
    nrows = ncols = int(size / CELL_SIZE_M)
    kid = np.full((nrows, ncols), -1, dtype=np.int16)
    for k, g in enumerate(kommune_geoms):
        inside = _cells_inside(
            _polygon_rings(g), x0=x0, y_top=y1, cell=CELL_SIZE_M, nrows=nrows, ncols=ncols
        )
        kid[inside & (kid < 0)] = k
    xc = x0 + (np.arange(ncols) + 0.5) * CELL_SIZE_M
    yc = y1 - (np.arange(nrows) + 0.5) * CELL_SIZE_M
    cx, cy = np.meshgrid(xc, yc)
    lam = np.zeros((nrows, ncols))
    for t in towns.values():
        g = t.grid
        sigma = 0.42 * (g[..., 0].max() - g[..., 0].min()) / 2 + 150.0
        tx, ty = t.centre
        lam += (
            t.residents
            * CELL_SIZE_M**2
            / (2 * np.pi * sigma**2)
            * np.exp(-((cx - tx) ** 2 + (cy - ty) ** 2) / (2 * sigma**2))
        )
    # villages at rural grid nodes, and a smooth rural density
    for v in villages_xy:
        if rng.random() < 0.5:
            sigma = rng.uniform(120, 250)
            lam += (
                rng.uniform(80, 400)
                * CELL_SIZE_M**2
                / (2 * np.pi * sigma**2)
                * np.exp(-((cx - v[0]) ** 2 + (cy - v[1]) ** 2) / (2 * sigma**2))
            )
    rural_lam = 0.33 * smooth_field(rng, nrows=nrows, ncols=ncols, block=40, sigma=0.5)
    lam += rural_lam
    pop = rng.poisson(lam).astype(np.int32)
    pop[kid < 0] = 0
    return PopulationGrid(
        population=pop, kommune_index=kid, x_centre_m=xc, y_centre_m=yc, x0_m=x0, y_top_m=y1
    )
