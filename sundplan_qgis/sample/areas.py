"""The sample region's areas: the land (a mainland west of a wavy coast, an island in the sea
to the east) and four fictional kommuner cut from it, with residents by age and sex.

Coordinates in metres, EPSG:25832; kommune codes 9001-9004 do not exist.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any

import numpy as np

from .schema import AGE_SEX_COLUMNS, REGION_SIZE_M, REGION_X0, REGION_Y0

KOMMUNER = (  # code, name; assigned to the quadrants NW, NE, SW, SE (+ island)
    ("9001", "Vesterå"),
    ("9002", "Fjordby"),
    ("9003", "Sølund"),
    ("9004", "Havnsted"),
)

KOMMUNE_FIELDS: tuple[tuple[str, str], ...] = (
    ("kommunekode", "str"),
    ("kommune", "str"),
    ("population", "int"),
    *[(c, "int") for c in AGE_SEX_COLUMNS],
    ("synthetic", "int"),
)

# Danish-like age profile (share of the population, 5-year groups 0-4 … 85+), and urban /
# rural tilts; female share by age group.
_AGE_BASE = np.array(
    [5.4, 5.6, 5.8, 5.9, 6.6, 6.9, 6.3, 5.9, 5.9, 6.6, 7.0, 6.8, 6.0, 5.4, 5.3, 4.6, 2.8, 2.1]
)
_AGE_URBAN = np.array(
    [1.1, 1.0, 0.95, 0.95, 1.35, 1.4, 1.25, 1.1, 1.0, 0.95, 0.9, 0.85, 0.85, 0.85, 0.85, 0.85, 0.9]
    + [0.95]
)
_AGE_RURAL = np.array(
    [0.9, 1.0, 1.05, 1.05, 0.6, 0.6, 0.75, 0.9, 1.0, 1.05, 1.1, 1.2, 1.25, 1.25, 1.25, 1.2, 1.15]
    + [1.1]
)
_FEMALE_SHARE = np.array(
    [0.487, 0.487, 0.487, 0.486, 0.49, 0.495, 0.497, 0.5, 0.5, 0.5, 0.5, 0.502, 0.505, 0.51, 0.52]
    + [0.545, 0.59, 0.67]
)


@dataclass
class Land:
    """The mainland and the island (shapely polygons) and the random shape of the coast."""

    mainland: Any  # shapely Polygon
    island: Any  # shapely Polygon
    island_centre: np.ndarray  # (2,) metres
    phase: float
    wobble: np.ndarray

    def coast_x(self, y: np.ndarray | float) -> np.ndarray:
        """East coast of the mainland (x, metres) as a function of y (metres)."""
        return _coast_x(y, self.phase, self.wobble)


def _coast_x(y: np.ndarray | float, phase: float, wobble: np.ndarray) -> np.ndarray:
    t = (np.asarray(y, dtype=np.float64) - REGION_Y0) / REGION_SIZE_M
    base = 541_000.0 + 1_500.0 * np.sin(2 * np.pi * 2.6 * t + phase)
    base += 500.0 * np.sin(2 * np.pi * 7.0 * t + 2 * phase)
    return base + np.interp(t, np.linspace(0, 1, wobble.size), wobble)


def generate_land(rng: np.random.Generator) -> Land:
    """Mainland west of a wavy coast, an island (about 6 km across) in the sea to the east."""
    from shapely.geometry import Polygon

    x0, y0 = REGION_X0, REGION_Y0
    y1 = y0 + REGION_SIZE_M
    phase = float(rng.uniform(0, 2 * np.pi))
    wobble = np.convolve(rng.normal(0, 350, 40), np.ones(4) / 4, mode="same")
    coast_y = np.linspace(y0, y1, 61)
    coast_x = _coast_x(coast_y, phase, wobble)
    mainland = Polygon([(x0, y0), *zip(coast_x, coast_y, strict=True), (x0, y1)])
    ic = np.array([553_500.0 + rng.uniform(-500, 500), 6_214_000.0 + rng.uniform(-1500, 1500)])
    ang = np.linspace(0, 2 * np.pi, 48, endpoint=False)
    rad = 3_000.0 * (
        1 + 0.18 * np.sin(2 * ang + rng.uniform(0, 6)) + 0.08 * np.sin(5 * ang + rng.uniform(0, 6))
    )
    island = Polygon(np.column_stack([ic[0] + rad * np.cos(ang), ic[1] + 0.8 * rad * np.sin(ang)]))
    return Land(mainland=mainland, island=island, island_centre=ic, phase=phase, wobble=wobble)


def kommune_polygons(*, rng: np.random.Generator, land: Land) -> list[Any]:
    """Four kommuner (MultiPolygons, NW NE SW SE) from two wavy dividers across the land; the
    island belongs to the quadrant it lies in."""
    from shapely.geometry import LineString, MultiPolygon, box
    from shapely.ops import polygonize, unary_union

    x0, y0 = REGION_X0, REGION_Y0
    x1, y1 = x0 + REGION_SIZE_M, y0 + REGION_SIZE_M
    vdiv_y = np.linspace(y0 - 1_000, y1 + 1_000, 32)
    vdiv = np.column_stack([518_000.0 + np.cumsum(rng.normal(0, 80, vdiv_y.size)), vdiv_y])
    hdiv_x = np.linspace(x0 - 1_000, x1 + 1_000, 32)
    hdiv = np.column_stack([hdiv_x, 6_229_000.0 + np.cumsum(rng.normal(0, 120, hdiv_x.size))])
    frame = box(x0, y0, x1, y1)
    pieces = list(
        polygonize(
            unary_union(
                [
                    frame.exterior,
                    LineString(vdiv).intersection(frame),
                    LineString(hdiv).intersection(frame),
                ]
            )
        )
    )
    all_land = unary_union([land.mainland, land.island])
    quads: dict[str, object] = {}
    for piece in pieces:
        c = piece.representative_point()
        west = c.x < float(np.interp(c.y, vdiv[:, 1], vdiv[:, 0]))
        north = c.y > float(np.interp(c.x, hdiv[:, 0], hdiv[:, 1]))
        quads[("NW", "NE", "SW", "SE")[(0 if north else 2) + (0 if west else 1)]] = piece
    kommune_geoms = []
    for q in ("NW", "NE", "SW", "SE"):
        g = quads[q].intersection(all_land)
        polys = [
            p
            for p in (g.geoms if hasattr(g, "geoms") else [g])
            if p.geom_type == "Polygon" and p.area > 1.0
        ]
        kommune_geoms.append(MultiPolygon(polys))
    return kommune_geoms


def kommune_rows(
    *, rng: np.random.Generator, population: np.ndarray, kommune_index: np.ndarray
) -> list[list]:
    """One row per kommune (:data:`KOMMUNE_FIELDS`): its raster residents split by age and sex
    with a profile tilted by how urban it is (share living in cells of ≥ 25 persons)."""
    rows = []
    for k, (code, kname) in enumerate(KOMMUNER):
        in_k = kommune_index == k
        total = int(population[in_k].sum())
        urban = int(population[in_k & (population >= 25)].sum()) / max(total, 1)
        prof = _AGE_BASE * (urban * _AGE_URBAN + (1 - urban) * _AGE_RURAL)
        prof = prof / prof.sum()
        probs = np.column_stack([prof * (1 - _FEMALE_SHARE), prof * _FEMALE_SHARE]).reshape(-1)
        counts = rng.multinomial(total, probs / probs.sum())
        rows.append([code, kname, total, *[int(c) for c in counts], 1])
    return rows
