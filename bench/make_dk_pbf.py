"""Write a deterministic SYNTHETIC OpenStreetMap PBF of Denmark's size (issue 11 item 1).

Usage (from the repository root):

    python3 bench/make_dk_pbf.py /tmp/dk_synth.osm.pbf [--scale 1.0] [--seed 2027]

Target sizes (scale 1.0). The Geofabrik Denmark extract (``denmark-latest.osm.pbf`` on
Geofabrik's download server, https://download.geofabrik.de/europe/denmark.html) was about
450-480 MB in 2025 with roughly 55 M nodes, 7 M ways and 90 k relations (`osmium fileinfo -e`
order of magnitude; dominated by the imported buildings). The `search` tool (pages, docs,
issues and code corpora) did not return a page stating the current counts, so these are the
author's figures to be confirmed with ``osmium fileinfo -e`` on a fresh download; the file
here aims at them within ~20 %. Denmark's public roads are about 75,000 km; with service and
private ways OSM holds on the order of 120,000-140,000 km of drivable ways (issue 11).

What is written (every count scales with ``--scale``; the area with it, so densities stay):

* a road grid over a 300 km x 143 km rectangle (Denmark's 43,000 km2) in EPSG:25832 with
  junctions every ~660 m, jittered, and a shape point every 15-30 m (40-60 m on primary and
  above), i.e. ~134,000 km of drivable ways and ~5.3 M road vertices. Ways span 1-4 grid
  edges and share their junction nodes, so the network is connected. Classes motorway ...
  service; tags with OSM's variety: maxspeed "50", "80", "DK:urban", "DK:rural", "80 mph"
  (rare), "none"; oneway yes / -1 / no / reversible; access=private / motor_vehicle=no
  (which the reader drops); junction=roundabout; a few ferries (route=ferry) with and
  without ``duration``;
* non-drivable highways (footway, cycleway, path, track, steps) with their own nodes;
* buildings (closed ways of 4-8 corners), landuse / natural / water polygons, tagged POI
  nodes (amenity, shop, addresses), multipolygon and bus-route relations.

Streaming: nodes, then ways, then relations are written in increasing id order (as in an
extract); tiles are generated twice from per-tile seeds (pass 1 writes their nodes and counts
them, pass 2 writes their ways), so only one tile is in memory at a time. Road nodes' ids and
positions are arithmetic functions of the grid (hash-based jitter), so road ways need no
lookup. Not committed: write it to /tmp. Prints the counts and km as JSON.
"""

from __future__ import annotations

import argparse
import json
import math
import sys
import time
from pathlib import Path

import numpy as np

EPSG = 25832
WIDTH_M = 300_000.0
HEIGHT_M = 143_000.0
X0_M = 440_000.0
Y0_M = 6_080_000.0
ROAD_SPACING_M = 660.0
TILE_M = 10_000.0
#: per-km2 densities of the non-road content (tuned to the counts in the docstring)
BUILDINGS_PER_KM2 = 110.0
LANDUSE_PER_KM2 = 17.0
PATHS_PER_KM2 = 9.0
POIS_PER_KM2 = 70.0
MULTIPOLYGON_SHARE = 0.12
ROUTE_RELATIONS_PER_1000_KM2 = 50.0

_MAXSPEED = ["50", "80", "DK:urban", "DK:rural", "60", "40", "30", "none", "80 mph", "70"]
_MAXSPEED_P = [0.30, 0.25, 0.12, 0.08, 0.08, 0.06, 0.06, 0.02, 0.002, 0.028]
_ONEWAY = [None, "yes", "-1", "no", "reversible"]
_ONEWAY_P = [0.86, 0.07, 0.01, 0.055, 0.005]
_BUILDING = ["yes", "house", "detached", "garage", "shed", "apartments", "farm_auxiliary"]
_BUILDING_P = [0.40, 0.25, 0.10, 0.08, 0.08, 0.05, 0.04]
_AREA = [
    ("landuse", "farmland"),
    ("landuse", "residential"),
    ("landuse", "forest"),
    ("landuse", "meadow"),
    ("natural", "water"),
    ("natural", "wood"),
    ("leisure", "park"),
]
_PATH = ["footway", "cycleway", "path", "track", "steps", "pedestrian"]
_POI = [
    {"amenity": "bench"},
    {"amenity": "parking"},
    {"shop": "supermarket", "name": "Netto"},
    {"amenity": "cafe"},
    {"highway": "bus_stop"},
    {"addr:street": "Hovedgaden", "addr:housenumber": "12", "addr:postcode": "8000"},
    {"barrier": "gate"},
    {"natural": "tree"},
]


def _hash01(key: np.ndarray, seed: int, salt: int) -> np.ndarray:
    """Uniform [0, 1) from integer keys (splitmix64): reproducible jitter without RNG state."""
    with np.errstate(over="ignore"):
        z = key.astype(np.uint64) * np.uint64(0x9E3779B97F4A7C15)
        z += np.uint64((seed * 1_000_003 + salt) & 0xFFFFFFFFFFFF)
        z ^= z >> np.uint64(30)
        z *= np.uint64(0xBF58476D1CE4E5B9)
        z ^= z >> np.uint64(27)
        z *= np.uint64(0x94D049BB133111EB)
        z ^= z >> np.uint64(31)
    return (z >> np.uint64(11)).astype(np.float64) / float(1 << 53)


class _Grid:
    """The road grid: junction (i, j) and the shape points of every edge, all by formula."""

    def __init__(self, *, scale: float, seed: int) -> None:
        f = math.sqrt(scale)
        self.width_m = WIDTH_M * f
        self.height_m = HEIGHT_M * f
        self.nx = max(int(self.width_m / ROAD_SPACING_M), 2) + 1  # junction columns
        self.ny = max(int(self.height_m / ROAD_SPACING_M), 2) + 1  # junction rows
        self.seed = seed
        self.n_junctions = self.nx * self.ny
        # road class per row / column: every 40th motorway, 20th primary, 10th secondary,
        # 5th tertiary; the rest minor
        self.row_class = [self._line_class(j) for j in range(self.ny)]
        self.col_class = [self._line_class(i) for i in range(self.nx)]
        # edges: horizontal (row j, i -> i+1), vertical (column i, j -> j+1)
        self.n_h = (self.nx - 1) * self.ny
        self.n_v = self.nx * (self.ny - 1)
        h_major = np.repeat(
            np.array([c in _MAJOR for c in self.row_class]), self.nx - 1
        )  # row-major order
        v_major = np.repeat(np.array([c in _MAJOR for c in self.col_class]), self.ny - 1)
        self.h_shape = self._shape_counts(self.n_h, h_major, salt=11)
        self.v_shape = self._shape_counts(self.n_v, v_major, salt=12)
        self.h_off = self.n_junctions + 1 + np.concatenate([[0], np.cumsum(self.h_shape)])
        self.v_off = self.h_off[-1] + np.concatenate([[0], np.cumsum(self.v_shape)])
        self.n_nodes = int(self.v_off[-1] - 1)

    @staticmethod
    def _line_class(k: int) -> str:
        if k % 40 == 20:
            return "motorway"
        if k % 20 == 10:
            return "primary"
        if k % 10 == 5:
            return "secondary"
        if k % 5 == 0:
            return "tertiary"
        return "minor"

    def _shape_counts(self, n: int, major: np.ndarray, *, salt: int) -> np.ndarray:
        u = _hash01(np.arange(n), self.seed, salt)
        spacing = np.where(major, 40.0 + 20.0 * u, 15.0 + 15.0 * u)
        return np.maximum(np.round(ROAD_SPACING_M / spacing).astype(np.int64) - 1, 0)

    def junction_xy(self, ids0: np.ndarray) -> tuple[np.ndarray, np.ndarray]:
        """x, y (m) of junctions by 0-based index j * nx + i, jittered +-100 m."""
        i = ids0 % self.nx
        j = ids0 // self.nx
        jx = (_hash01(ids0, self.seed, 1) - 0.5) * 200.0
        jy = (_hash01(ids0, self.seed, 2) - 0.5) * 200.0
        return X0_M + i * ROAD_SPACING_M + jx, Y0_M + j * ROAD_SPACING_M + jy

    def edge_points(self, horizontal: bool, e0: int, e1: int) -> tuple[np.ndarray, np.ndarray]:
        """x, y of the shape points of edges e0..e1-1 (in id order), with a +-6 m wiggle."""
        if horizontal:
            counts = self.h_shape[e0:e1]
            e = np.arange(e0, e1)
            a = (e // (self.nx - 1)) * self.nx + e % (self.nx - 1)
            b = a + 1
        else:
            counts = self.v_shape[e0:e1]
            e = np.arange(e0, e1)
            i, j = e // (self.ny - 1), e % (self.ny - 1)
            a = j * self.nx + i
            b = a + self.nx
        ax, ay = self.junction_xy(a)
        bx, by = self.junction_xy(b)
        rep = np.repeat(np.arange(len(e)), counts)
        starts = np.concatenate([[0], np.cumsum(counts)[:-1]])
        k = np.arange(int(counts.sum())) - starts[rep] + 1
        t = k / (counts[rep] + 1.0)
        x = ax[rep] + t * (bx - ax)[rep]
        y = ay[rep] + t * (by - ay)[rep]
        key = (np.int64(e0) + rep) * 4096 + k + (0 if horizontal else 1 << 40)
        w = (_hash01(key, self.seed, 3) - 0.5) * 12.0
        if horizontal:
            y = y + w
        else:
            x = x + w
        return x, y


_MAJOR = ("motorway", "primary", "secondary")
_NO_TAGS: dict = {}


class _Writer:
    """SimpleWriter with reused mutable objects (2x faster than building one per call)."""

    def __init__(self, path: Path) -> None:
        import osmium
        from osmium.osm import mutable
        from pyproj import Transformer

        if path.exists():
            path.unlink()
        self.w = osmium.SimpleWriter(str(path))
        self.node = mutable.Node()
        self.way = mutable.Way()
        self.rel = mutable.Relation()
        self.tr = Transformer.from_crs(EPSG, 4326, always_xy=True)
        self.n_nodes = self.n_ways = self.n_rels = 0
        self.next_node = 1

    def nodes(self, x: np.ndarray, y: np.ndarray, tags: list[dict] | None = None) -> int:
        """Write nodes with consecutive ids from ``next_node``; returns the first id."""
        lon, lat = self.tr.transform(x, y)
        lon = np.round(lon, 7).tolist()
        lat = np.round(lat, 7).tolist()
        first = self.next_node
        n, add = self.node, self.w.add_node
        if tags is None:
            n.tags = {}
            for k, (lo, la) in enumerate(zip(lon, lat, strict=False)):
                n.id = first + k
                n.location = (lo, la)
                add(n)
        else:
            for k, (lo, la, tg) in enumerate(zip(lon, lat, tags, strict=False)):
                n.id = first + k
                n.location = (lo, la)
                n.tags = tg
                add(n)
        self.next_node += len(lon)
        self.n_nodes += len(lon)
        return first

    def add_way(self, wid: int, nodes: list[int], tags: dict) -> None:
        self.way.id = wid
        self.way.nodes = nodes
        self.way.tags = tags
        self.w.add_way(self.way)
        self.n_ways += 1

    def add_relation(self, rid: int, members: list[tuple], tags: dict) -> None:
        self.rel.id = rid
        self.rel.members = members
        self.rel.tags = tags
        self.w.add_relation(self.rel)
        self.n_rels += 1

    def close(self) -> None:
        self.w.close()


def _road_tags(cls: str, rng: np.random.Generator) -> dict:
    if cls == "minor":
        cls = str(
            rng.choice(
                ["residential", "unclassified", "service", "living_street", "road"],
                p=[0.50, 0.28, 0.18, 0.02, 0.02],
            )
        )
    tags = {"highway": cls}
    if rng.random() < 0.45:
        tags["maxspeed"] = str(rng.choice(_MAXSPEED, p=_MAXSPEED_P))
    if cls == "motorway":
        tags["maxspeed"] = "130"
        tags["oneway"] = "no"  # both carriageways as one way: keeps the grid connected
    else:
        ow = rng.choice(len(_ONEWAY), p=_ONEWAY_P)
        if _ONEWAY[ow] is not None:
            tags["oneway"] = _ONEWAY[ow]
    r = rng.random()
    if cls == "service" and r < 0.15:
        tags["access"] = "private"
    elif cls == "service" and r < 0.18:
        tags["motor_vehicle"] = "no"
    elif r < 0.003:
        tags["junction"] = "roundabout"
    if rng.random() < 0.3:
        tags["name"] = "Vej " + str(rng.integers(1, 5000))
    if rng.random() < 0.2:
        tags["surface"] = str(rng.choice(["asphalt", "paved", "gravel"]))
    return tags


def _write_road_ways(wr: _Writer, g: _Grid, rng: np.random.Generator) -> dict:
    """Ways of 1-4 consecutive edges along every row and column; returns drivable stats."""
    stats = {"road_ways": 0, "road_km": 0.0}
    wid = 1
    for horizontal, n_lines, n_edges, classes in (
        (True, g.ny, g.nx - 1, g.row_class),
        (False, g.nx, g.ny - 1, g.col_class),
    ):
        shape = g.h_shape if horizontal else g.v_shape
        off = g.h_off if horizontal else g.v_off
        for line in range(n_lines):
            c = 0
            while c < n_edges:
                run = int(min(rng.integers(1, 5), n_edges - c))
                nodes: list[int] = []
                for k in range(c, c + run):
                    e = line * n_edges + k
                    if horizontal:
                        a = line * g.nx + k + 1  # junction ids are 1-based
                    else:
                        a = k * g.nx + line + 1
                    nodes.append(a)
                    nodes.extend(range(int(off[e]), int(off[e] + shape[e])))
                last = (line * g.nx + c + run + 1) if horizontal else ((c + run) * g.nx + line + 1)
                nodes.append(last)
                wr.add_way(wid, nodes, _road_tags(classes[line], rng))
                wid += 1
                c += run
        stats["road_ways"] = wid - 1
    return stats


def _tile_content(g: _Grid, tile: int, n_tx: int, seed: int) -> dict:
    """Non-road content of one tile (nodes and ways), reproducible from (seed, tile)."""
    rng = np.random.default_rng([seed, 7, tile])
    tx, ty = tile % n_tx, tile // n_tx
    x0, y0 = X0_M + tx * TILE_M, Y0_M + ty * TILE_M
    w = min(TILE_M, g.width_m - tx * TILE_M)
    h = min(TILE_M, g.height_m - ty * TILE_M)
    area_km2 = w * h / 1e6
    out: dict = {"x": [], "y": [], "ways": [], "node_tags": []}
    n_nodes = 0

    def poly(n_poly: int, kmin: int, kmax: int, rmin: float, rmax: float) -> list[np.ndarray]:
        nonlocal n_nodes
        k = rng.integers(kmin, kmax + 1, n_poly)
        cx = x0 + rng.random(n_poly) * w
        cy = y0 + rng.random(n_poly) * h
        r = rmin + rng.random(n_poly) * (rmax - rmin)
        rep = np.repeat(np.arange(n_poly), k)
        starts = np.concatenate([[0], np.cumsum(k)[:-1]])
        idx = np.arange(int(k.sum())) - starts[rep]
        ang = 2 * np.pi * idx / k[rep] + rng.random(n_poly)[rep]
        rr = r[rep] * (0.8 + 0.4 * rng.random(len(rep)))
        out["x"].append(cx[rep] + rr * np.cos(ang))
        out["y"].append(cy[rep] + rr * np.sin(ang))
        lists = [n_nodes + starts[p] + np.arange(k[p]) for p in range(n_poly)]
        n_nodes += int(k.sum())
        return lists

    n_b = rng.poisson(BUILDINGS_PER_KM2 * area_km2)
    for loc in poly(n_b, 4, 8, 5.0, 15.0):
        tags = {"building": str(rng.choice(_BUILDING, p=_BUILDING_P))}
        if rng.random() < 0.3:
            tags["addr:street"] = "Byvej"
            tags["addr:housenumber"] = str(rng.integers(1, 200))
        out["ways"].append((loc, True, tags))
    n_l = rng.poisson(LANDUSE_PER_KM2 * area_km2)
    for loc in poly(n_l, 8, 30, 40.0, 300.0):
        key, val = _AREA[int(rng.integers(len(_AREA)))]
        out["ways"].append((loc, True, {key: val, "_mp": "1"}))
    n_p = rng.poisson(PATHS_PER_KM2 * area_km2)
    for loc in poly(n_p, 5, 25, 50.0, 200.0):
        tags = {"highway": str(rng.choice(_PATH))}
        if tags["highway"] == "track" and rng.random() < 0.5:
            tags["tracktype"] = "grade2"
        out["ways"].append((loc, False, tags))
    n_poi = rng.poisson(POIS_PER_KM2 * area_km2)
    out["x"].append(x0 + rng.random(n_poi) * w)
    out["y"].append(y0 + rng.random(n_poi) * h)
    out["node_tags"] = [_NO_TAGS] * n_nodes + [
        _POI[int(i)] for i in rng.integers(0, len(_POI), n_poi)
    ]
    out["n_nodes"] = n_nodes + n_poi
    out["x"] = np.concatenate(out["x"]) if out["x"] else np.zeros(0)
    out["y"] = np.concatenate(out["y"]) if out["y"] else np.zeros(0)
    return out


def make_dk_pbf(path: Path, *, scale: float = 1.0, seed: int = 2027) -> dict:
    """Write the file; returns the counts, drivable km and timings."""
    t0 = time.perf_counter()
    g = _Grid(scale=scale, seed=seed)
    wr = _Writer(path)
    rng = np.random.default_rng([seed, 1])
    # --- nodes: junctions, horizontal then vertical shape points (ids by formula)
    ids0 = np.arange(g.n_junctions)
    wr.nodes(*g.junction_xy(ids0))
    for horizontal, n_e in ((True, g.n_h), (False, g.n_v)):
        for e0 in range(0, n_e, 20_000):
            wr.nodes(*g.edge_points(horizontal, e0, min(e0 + 20_000, n_e)))
    assert wr.next_node == g.n_nodes + 1
    n_tx = math.ceil(g.width_m / TILE_M)
    n_ty = math.ceil(g.height_m / TILE_M)
    tile_node_base: list[int] = []
    ferry_nodes: list[list[int]] = []
    # ferries: straight lines between far junctions with their own shape points
    n_ferries = max(2, round(60 * scale))
    for _ in range(n_ferries):
        a = int(rng.integers(0, g.n_junctions))
        b = int(rng.integers(0, g.n_junctions))
        ax, ay = g.junction_xy(np.array([a]))
        bx, by = g.junction_xy(np.array([b]))
        t = np.linspace(0, 1, 12)[1:-1]
        first = wr.nodes(ax + t * (bx - ax) + 300.0, ay + t * (by - ay) + 300.0)
        ferry_nodes.append([a + 1, *range(first, first + len(t)), b + 1])
    t_road_nodes = time.perf_counter()
    for tile in range(n_tx * n_ty):
        c = _tile_content(g, tile, n_tx, seed)
        tile_node_base.append(wr.next_node)
        wr.nodes(c["x"], c["y"], c["node_tags"])
    t_nodes = time.perf_counter()
    # --- ways: roads, ferries, then the tiles' ways (regenerated)
    stats = _write_road_ways(wr, g, rng)
    wid = stats["road_ways"] + 1
    for f, nodes in enumerate(ferry_nodes):
        tags = {"route": "ferry", "name": f"Færge {f}"}
        if f % 2 == 0:
            tags["duration"] = ["00:45", "01:10", "30", "PT1H30M"][f % 4]
        if f % 5 == 0:
            tags["motor_vehicle"] = "no"
        wr.add_way(wid, nodes, tags)
        wid += 1
    mp_ways: list[int] = []
    for tile in range(n_tx * n_ty):
        c = _tile_content(g, tile, n_tx, seed)
        base = tile_node_base[tile]
        for loc, closed, tags in c["ways"]:
            nodes = (loc + base).tolist()
            if closed:
                nodes.append(nodes[0])
            if tags.pop("_mp", None) and rng.random() < MULTIPOLYGON_SHARE:
                mp_ways.append(wid)
            wr.add_way(wid, nodes, tags)
            wid += 1
    t_ways = time.perf_counter()
    # --- relations: multipolygons (one outer way each) and bus routes over road ways
    rid = 1
    for w_id in mp_ways:
        wr.add_relation(rid, [("w", w_id, "outer")], {"type": "multipolygon", "landuse": "forest"})
        rid += 1
    n_routes = max(1, round(ROUTE_RELATIONS_PER_1000_KM2 * g.width_m * g.height_m / 1e9))
    for r in range(n_routes):
        start = int(rng.integers(1, max(2, stats["road_ways"] - 20)))
        members = [("w", start + k, "") for k in range(int(rng.integers(3, 20)))]
        wr.add_relation(rid, members, {"type": "route", "route": "bus", "ref": str(r % 900)})
        rid += 1
    wr.close()
    t_end = time.perf_counter()
    # drivable km: every grid edge's polyline (junction + shape points), computed from the
    # same formulas in chunks (the reader's km also excludes access=private ways)
    km = _grid_km(g)
    return {
        "path": str(path),
        "scale": scale,
        "seed": seed,
        "file_mb": round(path.stat().st_size / 1e6, 1),
        "nodes": wr.n_nodes,
        "ways": wr.n_ways,
        "relations": wr.n_rels,
        "road_nodes": g.n_nodes,
        "road_ways": stats["road_ways"],
        "ferries": n_ferries,
        "road_grid_km": round(km, 1),
        "grid": [g.nx, g.ny],
        "timings_s": {
            "road_nodes": round(t_road_nodes - t0, 1),
            "all_nodes": round(t_nodes - t0, 1),
            "ways": round(t_ways - t_nodes, 1),
            "relations_close": round(t_end - t_ways, 1),
            "total": round(t_end - t0, 1),
        },
    }


def _grid_km(g: _Grid) -> float:
    """Length (km) of every grid edge's polyline (junction, shape points, junction)."""
    total_m = 0.0
    for horizontal, n_e in ((True, g.n_h), (False, g.n_v)):
        for e0 in range(0, n_e, 20_000):
            e1 = min(e0 + 20_000, n_e)
            x, y = g.edge_points(horizontal, e0, e1)
            counts = (g.h_shape if horizontal else g.v_shape)[e0:e1]
            e = np.arange(e0, e1)
            if horizontal:
                a = (e // (g.nx - 1)) * g.nx + e % (g.nx - 1)
                b = a + 1
            else:
                a = (e % (g.ny - 1)) * g.nx + e // (g.ny - 1)
                b = a + g.nx
            ax, ay = g.junction_xy(a)
            bx, by = g.junction_xy(b)
            starts = np.concatenate([[0], np.cumsum(counts)[:-1]])
            seg = np.hypot(np.diff(x), np.diff(y))
            keep = np.ones(len(seg), dtype=bool)
            cut = starts[1:][starts[1:] > 0] - 1  # a diff across two edges
            keep[cut[cut < len(seg)]] = False
            has = counts > 0
            first = np.hypot(x[starts[has]] - ax[has], y[starts[has]] - ay[has])
            last_i = starts[has] + counts[has] - 1
            last = np.hypot(bx[has] - x[last_i], by[has] - y[last_i])
            direct = np.hypot(bx[~has] - ax[~has], by[~has] - ay[~has])
            total_m += float(seg[keep].sum() + first.sum() + last.sum() + direct.sum())
    return total_m / 1000.0


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("out", type=Path, help="output .osm.pbf (e.g. in /tmp)")
    parser.add_argument("--scale", type=float, default=1.0, help="size factor (default 1.0)")
    parser.add_argument("--seed", type=int, default=2027, help="random seed (default 2027)")
    args = parser.parse_args(argv)
    if args.scale <= 0:
        parser.error("--scale must be > 0")
    print(json.dumps(make_dk_pbf(args.out, scale=args.scale, seed=args.seed), indent=2))
    return 0


if __name__ == "__main__":
    sys.exit(main())
