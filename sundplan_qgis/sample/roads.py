"""The sample region's roads: town street grids, a motorway with one-way carriageways and two
interchanges, a rural grid of wiggly roads, island roads, a ferry and disconnected stubs.

Each step draws from the one shared random generator in a fixed order (the order is part of
the sample: same seed → same roads). Coordinates in metres, EPSG:25832.
"""

from __future__ import annotations

import math
from collections.abc import Callable, Sequence
from dataclasses import dataclass, field

import numpy as np

from .areas import Land
from .schema import REGION_SIZE_M, REGION_X0, REGION_Y0

# name, approximate centre (x, y), grid size n (n x n nodes), street spacing (m), residents
TOWNS = (
    ("Fjordby", (522_000.0, 6_235_000.0), 14, 180.0, 62_000),
    ("Sølund", (508_000.0, 6_212_000.0), 10, 180.0, 31_000),
    ("Havnsted", (0.0, 6_216_000.0), 7, 170.0, 14_000),  # x set from the coast
    ("Lyngå", (532_500.0, 6_223_500.0), 6, 170.0, 9_000),
    ("Egeskov", (531_000.0, 6_252_000.0), 6, 170.0, 8_000),
)
ISLAND_TOWN = ("Øby", 5, 160.0, 3_000)

_STREET_NAMES = (
    "Storegade",
    "Vestergade",
    "Østergade",
    "Nørregade",
    "Søndergade",
    "Skolevej",
    "Kirkevej",
    "Møllevej",
    "Havnevej",
    "Parkvej",
    "Engvej",
    "Bøgevej",
    "Birkevej",
    "Lindevej",
    "Åvej",
    "Stationsvej",
    "Torvegade",
    "Markvej",
)


@dataclass
class Roads:
    """Road lines under construction: coordinates (metres) and the documented attributes."""

    coords: list[np.ndarray] = field(default_factory=list)
    road_class: list[str] = field(default_factory=list)
    maxspeed_kmh: list[int | None] = field(default_factory=list)
    oneway: list[str | None] = field(default_factory=list)
    name: list[str | None] = field(default_factory=list)
    duration_min: list[float | None] = field(default_factory=list)

    def add(
        self,
        xy: np.ndarray | Sequence[Sequence[float]],
        *,
        road_class: str,
        maxspeed_kmh: int | None,
        oneway: str | None = None,
        name: str | None = None,
        duration_min: float | None = None,
    ) -> None:
        arr = np.round(np.asarray(xy, dtype=np.float64).reshape(-1, 2), 2)
        if len(arr) < 2:
            raise ValueError("a road line needs at least two vertices")
        self.coords.append(arr)
        self.road_class.append(road_class)
        self.maxspeed_kmh.append(maxspeed_kmh)
        self.oneway.append(oneway)
        self.name.append(name)
        self.duration_min.append(duration_min)

    def __len__(self) -> int:
        return len(self.coords)


@dataclass
class Town:
    """A town: its street grid (n, n, 2) [row j south→north, column i], centre and residents."""

    grid: np.ndarray
    centre: tuple[float, float]
    residents: int

    def edge_mid(self, side: str) -> np.ndarray:
        """The node in the middle of the grid's W, E, S or N edge (where roads leave town)."""
        g = self.grid
        m = g.shape[0] // 2
        return {"W": g[m, 0], "E": g[m, -1], "S": g[0, m], "N": g[-1, m]}[side]


@dataclass
class Motorway:
    """The motorway: its centre line x(y), the two carriageways and the interchange junctions
    (west and east end of each motorway bridge)."""

    mx: Callable[[np.ndarray | float], np.ndarray]
    north_cw: np.ndarray
    junctions: dict[int, tuple[np.ndarray, np.ndarray]]


def wiggle_line(
    a: np.ndarray, b: np.ndarray, *, rng: np.random.Generator, step_m: float, amp_m: float
) -> np.ndarray:
    """A gently curving line from ``a`` to ``b`` with a vertex about every ``step_m`` metres.

    The ends are exactly ``a`` and ``b``; the sideways offset (≤ ``amp_m`` metres) is a
    random-phase sine, zero at both ends.
    """
    a = np.asarray(a, dtype=np.float64)
    b = np.asarray(b, dtype=np.float64)
    d = b - a
    length = float(np.hypot(*d))
    n = max(int(math.ceil(length / step_m)), 1)
    t = np.linspace(0.0, 1.0, n + 1)
    pts = a[None, :] + t[:, None] * d[None, :]
    if n > 1 and length > 0:
        normal = np.array([-d[1], d[0]]) / length
        k = rng.integers(1, 3)
        off = amp_m * rng.uniform(0.3, 1.0) * np.sin(math.pi * k * t) * rng.choice([-1.0, 1.0])
        off += rng.normal(0.0, amp_m * 0.08, size=t.size) * np.sin(math.pi * t)
        pts = pts + off[:, None] * normal[None, :]
    pts[0], pts[-1] = a, b
    return pts


def _town_grid(
    centre: tuple[float, float], n: int, spacing: float, rng: np.random.Generator
) -> np.ndarray:
    """(n, n, 2) jittered street-grid node coordinates, [row j (south→north), column i]."""
    k = (np.arange(n) - (n - 1) / 2) * spacing
    gx, gy = np.meshgrid(centre[0] + k, centre[1] + k)
    grid = np.stack([gx, gy], axis=-1)
    grid += rng.uniform(-0.15, 0.15, size=grid.shape) * spacing
    return np.round(grid, 2)


def _add_town_streets(
    roads: Roads, grid: np.ndarray, *, town: str, rng: np.random.Generator, oneway_rows: int
) -> None:
    """Street lines of a town grid: each row and column one line through shared nodes.

    The middle row and column are 'secondary' main streets; up to ``oneway_rows`` other rows
    are one-way (alternating direction, the last one digitised against its direction, '-1').
    """
    n = grid.shape[0]
    mid = n // 2
    candidates = [j for j in range(1, n - 1) if j != mid]
    picked = sorted(rng.choice(candidates, size=min(oneway_rows, len(candidates)), replace=False))
    names = list(_STREET_NAMES)
    for j in range(n):
        cls = "secondary" if j == mid else "residential"
        speed = 50 if (j == mid or rng.random() < 0.3) else None
        xy = grid[j, :, :]
        oneway = None
        if j in picked:
            k = picked.index(j)
            if k == len(picked) - 1 and len(picked) >= 2:
                xy, oneway = xy[::-1], "-1"  # drawn east→west, traffic west→east
            else:
                oneway = "yes"
                if k % 2 == 1:
                    xy = xy[::-1]
        roads.add(xy, road_class=cls, maxspeed_kmh=speed, oneway=oneway, name=names[j % 18])
    for i in range(n):
        cls = "secondary" if i == mid else "residential"
        speed = 50 if (i == mid or rng.random() < 0.3) else None
        roads.add(
            grid[:, i, :],
            road_class=cls,
            maxspeed_kmh=speed,
            name=f"{names[(i + 7) % 18]} ({town})" if i != mid else f"{town} Hovedgade",
        )


def add_towns(roads: Roads, *, rng: np.random.Generator, land: Land) -> dict[str, Town]:
    """The mainland towns (Havnsted on the coast) and the island town, with their streets."""
    towns: dict[str, Town] = {}
    for name, (cx, cy), n, spacing, residents in TOWNS:
        cy = cy + rng.uniform(-800, 800)
        if name == "Havnsted":
            cx = float(land.coast_x(cy)) - (n - 1) * spacing / 2 - 700.0
        else:
            cx = cx + rng.uniform(-800, 800)
        grid = _town_grid((cx, cy), n, spacing, rng)
        towns[name] = Town(grid=grid, centre=(cx, cy), residents=residents)
        _add_town_streets(roads, grid, town=name, rng=rng, oneway_rows=3 if n >= 10 else 1)
    iname, in_, ispacing, iresidents = ISLAND_TOWN
    ic = land.island_centre
    icentre = (ic[0] - 900.0, ic[1] + rng.uniform(-300, 300))
    igrid = _town_grid(icentre, in_, ispacing, rng)
    towns[iname] = Town(grid=igrid, centre=icentre, residents=iresidents)
    _add_town_streets(roads, igrid, town=iname, rng=rng, oneway_rows=0)
    return towns


def add_motorway(roads: Roads, *, rng: np.random.Generator, towns: dict[str, Town]) -> Motorway:
    """A north-south motorway with one-way carriageways and interchanges at Sølund and Fjordby."""
    y0, y1 = REGION_Y0, REGION_Y0 + REGION_SIZE_M
    mx0 = 514_500.0 + rng.uniform(-500, 500)

    def mx(y: np.ndarray | float) -> np.ndarray:
        return mx0 + 700.0 * np.sin((np.asarray(y) - y0) / 15_000.0)

    ic_ys = [
        float(np.round(towns["Sølund"].centre[1])),
        float(np.round(towns["Fjordby"].centre[1])),
    ]
    m_start, m_end = y0 + 800.0, y1 - 800.0
    ramp_ys = sorted({y + d for y in ic_ys for d in (-300.0, 300.0)})
    ys = np.unique(np.concatenate([np.arange(m_start, m_end, 450.0), [m_end], ramp_ys]))
    north_cw = np.column_stack([mx(ys) + 12.0, ys])
    south_cw = np.column_stack([mx(ys) - 12.0, ys])
    north_cw[0] = south_cw[0] = (float(mx(m_start)), m_start)  # carriageways merge at the ends
    north_cw[-1] = south_cw[-1] = (float(mx(m_end)), m_end)
    cut_ys = [m_start, *ramp_ys, m_end]
    speeds = [130, None, 110, None, 130]  # per section between ramp points
    for k in range(len(cut_ys) - 1):
        sel = (ys >= cut_ys[k]) & (ys <= cut_ys[k + 1])
        speed = speeds[k % len(speeds)]
        roads.add(
            north_cw[sel], road_class="motorway", maxspeed_kmh=speed, oneway="yes", name="E99 Nord"
        )
        if k == 2:  # one southbound section digitised northward, traffic against it
            roads.add(
                south_cw[sel],
                road_class="motorway",
                maxspeed_kmh=speed,
                oneway="-1",
                name="E99 Syd",
            )
        else:
            roads.add(
                south_cw[sel][::-1],
                road_class="motorway",
                maxspeed_kmh=speed,
                oneway="yes",
                name="E99 Syd",
            )
    junctions = {}
    for k, yi in enumerate(ic_ys):
        jw = np.array([float(mx(yi)) - 260.0, yi])
        je = np.array([float(mx(yi)) + 260.0, yi])
        junctions[k] = (jw, je)
        ramp = f"Frakørsel {k + 1}"
        nb = lambda yy: north_cw[np.searchsorted(ys, yy)]  # noqa: E731
        sb = lambda yy: south_cw[np.searchsorted(ys, yy)]  # noqa: E731
        roads.add(
            [nb(yi - 300), je], road_class="primary", maxspeed_kmh=60, oneway="yes", name=ramp
        )
        roads.add(
            [je, nb(yi + 300)], road_class="primary", maxspeed_kmh=60, oneway="yes", name=ramp
        )
        roads.add(
            [sb(yi + 300), jw], road_class="primary", maxspeed_kmh=60, oneway="yes", name=ramp
        )
        roads.add(
            [jw, sb(yi - 300)], road_class="primary", maxspeed_kmh=60, oneway="yes", name=ramp
        )
        roads.add([jw, je], road_class="primary", maxspeed_kmh=80, name=f"Motorvejsbro {k + 1}")
    return Motorway(mx=mx, north_cw=north_cw, junctions=junctions)


def add_rural_roads(
    roads: Roads,
    *,
    rng: np.random.Generator,
    land: Land,
    towns: dict[str, Town],
    motorway: Motorway,
) -> np.ndarray:
    """The rural road grid on the mainland, roads from each town to it, primary roads between
    towns and to the interchanges. Returns the (K, 2) rural grid nodes kept (villages)."""
    from shapely.geometry import LineString, Point, box
    from shapely.ops import unary_union
    from shapely.prepared import prep

    x0, y0 = REGION_X0, REGION_Y0
    x1, y1 = x0 + REGION_SIZE_M, y0 + REGION_SIZE_M
    mx = motorway.mx
    town_boxes = []
    for t in towns.values():
        g = t.grid
        town_boxes.append(
            box(
                g[..., 0].min() - 300,
                g[..., 1].min() - 300,
                g[..., 0].max() + 300,
                g[..., 1].max() + 300,
            )
        )
    towns_area = prep(unary_union(town_boxes))

    gx = np.arange(x0 + 1_500.0, x1, 3_000.0)
    gy = np.arange(y0 + 1_500.0, y1, 3_000.0)
    rural = np.stack(np.meshgrid(gx, gy), axis=-1) + rng.uniform(-500, 500, (gy.size, gx.size, 2))
    rural = np.round(rural, 2)
    shrunk = prep(land.mainland.buffer(-600.0))
    keep = np.zeros(rural.shape[:2], dtype=bool)
    for j in range(gy.size):
        for i in range(gx.size):
            p = Point(*rural[j, i])
            keep[j, i] = (
                shrunk.contains(p)
                and not towns_area.contains(p)
                and abs(rural[j, i, 0] - float(mx(rural[j, i, 1]))) > 500.0
            )
    land_shrunk = prep(land.mainland.buffer(-150.0))
    blocked = towns_area

    def add_rural(a: np.ndarray, b: np.ndarray, *, cls: str, name: str | None) -> bool:
        amp = max(220.0, 0.03 * float(np.hypot(*(np.asarray(b) - np.asarray(a)))))
        xy = wiggle_line(a, b, rng=rng, step_m=250.0, amp_m=amp)
        line = LineString(xy)
        if not land_shrunk.contains(line):
            return False
        speed = 80 if rng.random() < 0.7 else None
        roads.add(xy, road_class=cls, maxspeed_kmh=speed, name=name)
        return True

    for j in range(gy.size):
        for i in range(gx.size):
            if not keep[j, i]:
                continue
            if i + 1 < gx.size and keep[j, i + 1]:
                line = LineString([rural[j, i], rural[j, i + 1]])
                if not blocked.intersects(line):
                    cls = "secondary" if j % 3 == 1 else "tertiary"
                    add_rural(rural[j, i], rural[j, i + 1], cls=cls, name=None)
            if j + 1 < gy.size and keep[j + 1, i]:
                line = LineString([rural[j, i], rural[j + 1, i]])
                if not blocked.intersects(line):
                    cls = "tertiary" if i % 3 == 1 else "unclassified"
                    add_rural(rural[j, i], rural[j + 1, i], cls=cls, name=None)
    kept_nodes = rural[keep]

    def nearest_rural(p: np.ndarray) -> np.ndarray:
        d = np.hypot(*(kept_nodes - p).T)
        return kept_nodes[int(np.argmin(d))]

    # towns → nearest rural node from each side
    for tname in [t[0] for t in TOWNS]:
        for side in "WENS":
            a = towns[tname].edge_mid(side)
            off = {"W": (-1, 0), "E": (1, 0), "S": (0, -1), "N": (0, 1)}[side]
            cand = kept_nodes[((kept_nodes - a) @ np.array(off, dtype=float)) > 400.0]
            if cand.size == 0:
                continue
            d = np.hypot(*(cand - a).T)
            b = cand[int(np.argmin(d))]
            if d.min() < 4_500.0:
                add_rural(a, b, cls="tertiary", name=f"{tname}vej")
    # primary roads between towns and to the interchanges
    links = [
        ("Fjordby", "N", "Egeskov", "S"),
        ("Fjordby", "E", "Lyngå", "N"),
        ("Lyngå", "S", "Havnsted", "W"),
        ("Sølund", "E", "Havnsted", "S"),
    ]
    for ta, sa, tb, sb_ in links:
        a, b = towns[ta].edge_mid(sa), towns[tb].edge_mid(sb_)
        if not add_rural(a, b, cls="primary", name=f"{ta}–{tb}"):
            roads.add([a, b], road_class="primary", maxspeed_kmh=80, name=f"{ta}–{tb}")
    jw0, je0 = motorway.junctions[0]
    jw1, je1 = motorway.junctions[1]
    add_rural(jw0, towns["Sølund"].edge_mid("E"), cls="trunk", name="Sølund Motorvejstilkørsel")
    add_rural(je0, nearest_rural(je0), cls="primary", name=None)
    add_rural(je1, towns["Fjordby"].edge_mid("W"), cls="trunk", name="Fjordby Motorvejstilkørsel")
    add_rural(jw1, nearest_rural(jw1), cls="primary", name=None)
    for end in (motorway.north_cw[0], motorway.north_cw[-1]):
        add_rural(end, nearest_rural(end), cls="primary", name=None)
    return kept_nodes


def add_island_roads_and_ferry(
    roads: Roads, *, rng: np.random.Generator, land: Land, towns: dict[str, Town]
) -> float:
    """Roads on the island and the ferry Havnsted–island. Returns the crossing in minutes."""
    from shapely.geometry import LineString
    from shapely.prepared import prep

    iname = ISLAND_TOWN[0]
    ic = land.island_centre
    island_in = prep(land.island.buffer(-150.0))
    for side, target in (
        ("E", ic + np.array([2_300.0, 200.0])),
        ("N", ic + np.array([600.0, 1_700.0])),
        ("S", ic + np.array([300.0, -1_700.0])),
    ):
        xy = wiggle_line(towns[iname].edge_mid(side), target, rng=rng, step_m=200.0, amp_m=120.0)
        if island_in.contains(LineString(xy)):
            roads.add(xy, road_class="unclassified", maxspeed_kmh=None, name=f"{iname} Landevej")
    ferry_a = towns["Havnsted"].edge_mid("E")
    ferry_b = towns[iname].edge_mid("W")
    t = np.array([0.0, 0.3, 0.7, 1.0])
    ferry_xy = ferry_a[None, :] + t[:, None] * (ferry_b - ferry_a)[None, :]
    ferry_xy[1:3, 1] += np.array([-400.0, -350.0]) * rng.uniform(0.5, 1.0)
    ferry_xy[0], ferry_xy[-1] = ferry_a, ferry_b
    ferry_duration = float(rng.integers(30, 50))
    roads.add(
        ferry_xy,
        road_class="ferry",
        maxspeed_kmh=None,
        name=f"Færgen Havnsted–{iname}",
        duration_min=ferry_duration,
    )
    return ferry_duration


def add_stubs(roads: Roads, *, rng: np.random.Generator, land: Land) -> None:
    """Three short dead-end roads far from every other road (disconnected components)."""
    from shapely.geometry import LineString, Point
    from shapely.ops import unary_union
    from shapely.prepared import prep

    x0, y0 = REGION_X0, REGION_Y0
    y1 = y0 + REGION_SIZE_M
    shrunk = prep(land.mainland.buffer(-600.0))
    all_lines = unary_union([LineString(c) for c in roads.coords])
    stubs = 0
    while stubs < 3:
        p = np.array([rng.uniform(x0 + 2_000, 538_000.0), rng.uniform(y0 + 2_000, y1 - 2_000)])
        if not shrunk.contains(Point(*p)) or all_lines.distance(Point(*p)) < 700.0:
            continue
        a = rng.uniform(0, 2 * np.pi)
        q = p + rng.uniform(250, 500) * np.array([math.cos(a), math.sin(a)])
        xy = np.vstack([p, (p + q) / 2 + rng.normal(0, 20, 2), q])
        if all_lines.distance(LineString(xy)) < 500.0:
            continue
        roads.add(xy, road_class="unclassified", maxspeed_kmh=None, name="Markvej (blind)")
        stubs += 1
