"""The sample region's facilities: hospitals (one closed), GP practices where people live and
specialists deliberately clustered in Fjordby.

Each function returns the attribute rows (in the order of its ``*_FIELDS``) and the point
geometries as WKB; all draw from the shared random generator, in the order hospitals, GP
practices, specialists. Coordinates in metres, EPSG:25832; ydernumre 9xxxxx do not exist.
"""

from __future__ import annotations

import math

import numpy as np

from .population import PopulationGrid
from .roads import Town
from .writers import point_wkb

GP_PRACTICE_FIELDS: tuple[tuple[str, str], ...] = (
    ("name", "str"),
    ("n_gps", "int"),
    ("list_size", "int"),
    ("open_for_patients", "int"),
    ("ydernummer", "str"),
    ("synthetic", "int"),
)

SPECIALIST_FIELDS: tuple[tuple[str, str], ...] = (
    ("name", "str"),
    ("specialty", "str"),
    ("capacity", "real"),
    ("ydernummer", "str"),
    ("synthetic", "int"),
)

PointRows = tuple[list[list], list[bytes]]
"""(attribute rows, point WKBs) of one point layer."""

_HOSPITALS = (  # name, town, active
    ("Fjordby Sygehus", "Fjordby", 1),
    ("Sølund Sygehus", "Sølund", 1),
    ("Lyngå Sygehus", "Lyngå", 1),
    ("Havnsted Sygehus (lukket)", "Havnsted", 0),
)

_SPECIALISTS = {  # specialty: (number in Fjordby, number elsewhere)
    "Dermato-venerologi": (4, 1),
    "Øjenlægevidenskab": (4, 2),
    "Oto-rhino-laryngologi": (3, 2),
    "Psykiatri": (5, 1),
    "Reumatologi": (2, 0),
    "Gynækologi og obstetrik": (3, 1),
}

PERSONS_PER_GP = 1_600
"""Residents per GP the practices are sized for (and the mean list size per GP)."""


def hospitals(*, rng: np.random.Generator, towns: dict[str, Town]) -> PointRows:
    """Four hospitals (rows per :data:`schema.HOSPITAL_FIELDS`) near an inner street node of
    their town; Havnsted's is closed (active 0)."""
    rows, wkbs = [], []
    for hname, tname, active in _HOSPITALS:
        g = towns[tname].grid
        n = g.shape[0]
        node = g[rng.integers(1, n - 1), rng.integers(1, n - 1)]
        a = rng.uniform(0, 2 * np.pi)
        p = node + rng.uniform(40, 150) * np.array([math.cos(a), math.sin(a)])
        rows.append([hname, active, 1])
        wkbs.append(point_wkb(round(p[0], 2), round(p[1], 2)))
    return rows, wkbs


def gp_practices(
    *, rng: np.random.Generator, towns: dict[str, Town], grid: PopulationGrid
) -> PointRows:
    """GP practices (1-6 GPs) in cells drawn with weight population^1.5 until there is about
    one GP per :data:`PERSONS_PER_GP` residents; named after the nearest town within 3 km."""
    pop = grid.population
    ncols = pop.shape[1]
    total_pop = int(pop.sum())
    flat = pop.reshape(-1).astype(np.float64)
    weights = flat**1.5
    weights /= weights.sum()
    n_gps_needed = int(round(total_pop / PERSONS_PER_GP))
    size_choices = np.array([1, 2, 3, 4, 5, 6])
    size_p = np.array([0.24, 0.26, 0.2, 0.15, 0.1, 0.05])
    rows, wkbs = [], []
    gps = 0
    cells = rng.choice(flat.size, size=n_gps_needed, p=weights)
    town_centres = {k: np.array(v.centre) for k, v in towns.items()}
    count_by_town: dict[str, int] = {}
    for cell_idx in cells:
        if gps >= n_gps_needed:
            break
        r, c = divmod(int(cell_idx), ncols)
        p = np.array([grid.x_centre_m[c], grid.y_centre_m[r]]) + rng.uniform(-45, 45, 2)
        n_gps = int(rng.choice(size_choices, p=size_p))
        gps += n_gps
        near = min(town_centres, key=lambda k: float(np.hypot(*(town_centres[k] - p))))
        place = near if np.hypot(*(town_centres[near] - p)) < 3_000 else "Land"
        count_by_town[place] = count_by_town.get(place, 0) + 1
        list_size = int(round(n_gps * rng.normal(PERSONS_PER_GP, 160)))
        ydernr = f"9{len(rows) + 1:05d}"
        gp_name = f"Lægerne {place} {count_by_town[place]}"
        if place == "Land":
            gp_name = f"Landlægen {count_by_town[place]}"
        rows.append([gp_name, n_gps, list_size, int(rng.random() < 0.55), ydernr, 1])
        wkbs.append(point_wkb(round(p[0], 2), round(p[1], 2)))
    return rows, wkbs


def specialists(*, rng: np.random.Generator, towns: dict[str, Town]) -> PointRows:
    """Specialists per :data:`_SPECIALISTS`: most in Fjordby, the rest in other mainland towns,
    so access is deliberately uneven."""
    rows, wkbs = [], []
    others = ["Sølund", "Havnsted", "Lyngå", "Egeskov"]
    for specialty, (n_big, n_other) in _SPECIALISTS.items():
        places = ["Fjordby"] * n_big + [str(rng.choice(others)) for _ in range(n_other)]
        for place in places:
            g = towns[place].grid
            n = g.shape[0]
            node = g[rng.integers(0, n), rng.integers(0, n)]
            p = node + rng.uniform(-90, 90, 2)
            capacity = float(rng.choice([0.5, 1.0, 1.0, 1.0, 1.5, 2.0]))
            ydernr = f"98{len(rows) + 1:04d}"
            rows.append([f"Speciallæge {specialty}, {place}", specialty, capacity, ydernr, 1])
            wkbs.append(point_wkb(round(p[0], 2), round(p[1], 2)))
    return rows, wkbs
