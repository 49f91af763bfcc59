"""Build ``resources/data/overview_roads.gpkg``: Denmark's main roads for the offline overview.

Not shipped (the Makefile leaves ``resources/*/make_*.py`` out). Run from the repository root:

    python resources/data/make_overview_network.py [SOURCE_GPKG]

SOURCE_GPKG defaults to the project's read-only copy
``../shared/data/osm-roads-dk-2021/dk_roads_osm2021_z13.gpkg`` (OpenStreetMap, August 2021,
motorway to tertiary plus ferries; © OpenStreetMap contributors, ODbL 1.0; see its SOURCE.md).

The source is read with the plugin's own reader (``read_lines_ogr``, class field ``class``)
and its vertices merged exactly as ``build_graph`` merges them, so the topology here is the
one every run on the original file sees. Then:

1. every node where the network branches or ends, or where class or oneway changes, is a
   junction and stays a vertex, bit for bit (the merged node's coordinates);
2. each chain of segments between two junctions becomes one line, its travel length
   (``length_m``, the sum of the original segments the graph routes on) measured first;
3. only then is its shape generalised (Douglas-Peucker, ``SIMPLIFY_TOLERANCE_M``; the end
   points are kept, so junctions stay where they were).

``build_graph`` scales each line's segments to its ``length_m``, so travel times between
junctions equal those on the original file (``tests/core/test_overview_network.py``).
The output is deterministic: same input, same bytes.
"""

from __future__ import annotations

import sqlite3
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]
if str(ROOT) not in sys.path:  # appended: never shadow QGIS's own ``processing`` package
    sys.path.append(str(ROOT))

import numpy as np  # noqa: E402
from osgeo import gdal, ogr, osr  # noqa: E402
from shapely.geometry import LineString  # noqa: E402

from sundplan_qgis import reference  # noqa: E402
from sundplan_qgis.network import build_graph, read_lines_ogr  # noqa: E402

SOURCE = ROOT.parent / "shared" / "data" / "osm-roads-dk-2021" / "dk_roads_osm2021_z13.gpkg"
OUTPUT = ROOT / "resources" / "data" / reference.OVERVIEW_GPKG
LAYER = reference.OVERVIEW_LAYER
MERGE_TOLERANCE_M = 0.01  # build_graph's default: the topology every run sees
SIMPLIFY_TOLERANCE_M = 20.0  # shape only; travel lengths are measured before
INTERIOR_DECIMALS = 1  # interior vertices to 10 cm: smaller pages, junctions untouched
FIXED_DATE = "2021-08-06T00:00:00Z"  # the OSM snapshot's commit date: stable bytes
SQLITE_PAGE_SIZE_BYTES = 4096  # rows of ~90 bytes fill it to the last few bytes
DESCRIPTION = (
    "Denmark's main roads (motorway to tertiary, links folded in) and ferries, OpenStreetMap "
    "August 2021, for sundplan's offline national overview. Junctions kept; degree-2 chains "
    "of equal class and oneway joined into one line; length_m = travel length measured on "
    "the original geometry before its shape was generalised (Douglas-Peucker "
    f"{SIMPLIFY_TOLERANCE_M:g} m). duration_min: ferry crossing minutes (none in the source). "
    "Built by resources/data/make_overview_network.py from tokenless-tiles/denmark "
    "(gh-pages 6451d712). " + reference.OVERVIEW_CREDIT
)


def chains(lines, graph) -> dict[str, np.ndarray | list]:
    """Junction-to-junction chains of the graph's segments (undirected walk).

    Returns node sequences (lists of node ids), per chain the first segment's line (for its
    class), the chain's oneway in its node order (0 or 1) and its segments' lengths in metres
    (the lengths the graph routes on).
    """
    u, v, line = graph.seg_u, graph.seg_v, graph.seg_line
    length = graph.seg_length_m
    n_nodes = graph.n_nodes
    cls = np.asarray(lines.road_class, dtype=object)[line]
    oneway = np.asarray(lines.oneway, dtype=np.int8)[line]
    # one attribute id per segment: a chain never joins different ones
    _, attr = np.unique(
        np.array([f"{c}|{abs(o)}" for c, o in zip(cls, oneway, strict=True)]), return_inverse=True
    )
    n_seg = len(u)
    ends = np.concatenate([u, v])
    inc_seg = np.concatenate([np.arange(n_seg), np.arange(n_seg)])
    order = np.argsort(ends, kind="stable")
    inc_seg = inc_seg[order]
    start = np.zeros(n_nodes + 1, dtype=np.int64)
    np.cumsum(np.bincount(ends, minlength=n_nodes), out=start[1:])
    degree = np.diff(start)

    junction = degree != 2
    two = np.flatnonzero(degree == 2)
    s1, s2 = inc_seg[start[two]], inc_seg[start[two] + 1]
    junction[two[attr[s1] != attr[s2]]] = True
    # a one-way chain must run one way: one segment enters the node, the other leaves it
    ow = (oneway[s1] != 0) & (attr[s1] == attr[s2])
    enters1 = np.where(oneway[s1] > 0, v[s1] == two, u[s1] == two)
    enters2 = np.where(oneway[s2] > 0, v[s2] == two, u[s2] == two)
    junction[two[ow & (enters1 == enters2)]] = True

    used = np.zeros(n_seg, dtype=bool)
    out_nodes: list[list[int]] = []
    out_line: list[int] = []
    out_oneway: list[int] = []
    out_len: list[list[float]] = []

    def walk(node: int, seg: int) -> None:
        nodes = [node]
        lengths: list[float] = []
        forward = 0  # +1 digitised direction, -1 against it, for a one-way chain
        first = seg
        while True:
            used[seg] = True
            nxt = int(v[seg]) if u[seg] == node else int(u[seg])
            if oneway[seg] != 0 and forward == 0:
                forward = 1 if u[seg] == node else -1
            lengths.append(float(length[seg]))
            nodes.append(nxt)
            node = nxt
            if junction[node]:
                break
            a, b = inc_seg[start[node]], inc_seg[start[node] + 1]
            seg = int(b if a == seg else a)
            if used[seg]:  # back at the start of a loop without junctions
                break
        if oneway[first] != 0 and forward < 0:
            nodes.reverse()  # digitise one-way chains along their direction
            lengths.reverse()
        out_nodes.append(nodes)
        out_line.append(int(line[first]))
        out_oneway.append(1 if oneway[first] != 0 else 0)
        out_len.append(lengths)

    for node in np.flatnonzero(junction):
        for k in range(start[node], start[node + 1]):
            seg = int(inc_seg[k])
            if not used[seg]:
                walk(int(node), seg)
    for seg in np.flatnonzero(~used):  # rings without a junction: start anywhere
        if not used[seg]:
            junction[u[seg]] = True
            walk(int(u[seg]), int(seg))
    return {"nodes": out_nodes, "line": out_line, "oneway": out_oneway, "length_m": out_len}


def split_rings(found: dict, node_xy: np.ndarray) -> dict:
    """A chain that ends where it starts becomes two lines split at its middle vertex, so
    generalising its shape cannot collapse it to a point; ``length_m`` becomes one sum per
    line."""
    out = {k: [] for k in found}
    for i, nodes in enumerate(found["nodes"]):
        parts = [nodes]
        if nodes[0] == nodes[-1]:
            mid = len(nodes) // 2
            parts = [nodes[: mid + 1], nodes[mid:]]
        lengths = found["length_m"][i]
        done = 0
        for part in parts:
            n_seg = len(part) - 1
            out["nodes"].append(part)
            out["line"].append(found["line"][i])
            out["oneway"].append(found["oneway"][i])
            out["length_m"].append(float(np.sum(lengths[done : done + n_seg])))
            done += n_seg
    return out


def generalised(node_xy: np.ndarray, nodes: list[int]) -> np.ndarray:
    """The chain's shape, simplified; first and last vertex bit-identical, interior vertices
    (a subset of the originals) rounded to ``INTERIOR_DECIMALS``."""
    xy = node_xy[nodes]
    if len(xy) > 2:
        shape = LineString(xy).simplify(SIMPLIFY_TOLERANCE_M, preserve_topology=False)
        xy = np.array(shape.coords)
        xy[0], xy[-1] = node_xy[nodes[0]], node_xy[nodes[-1]]
        xy[1:-1] = np.round(xy[1:-1], INTERIOR_DECIMALS)
    return xy


def write(output: Path, lines, found: dict, node_xy: np.ndarray) -> int:
    if output.exists():
        output.unlink()
    srs = osr.SpatialReference()
    srs.ImportFromEPSG(25832)
    dataset = ogr.GetDriverByName("GPKG").CreateDataSource(str(output))
    layer = dataset.CreateLayer(
        LAYER,
        srs,
        ogr.wkbLineString,
        options=[
            f"DESCRIPTION={DESCRIPTION}",
            f"IDENTIFIER={LAYER}",
            "FID=fid",
            "SPATIAL_INDEX=NO",  # the index would cost about half the size budget
        ],
    )
    layer.SetMetadataItem("ATTRIBUTION", reference.OVERVIEW_ATTRIBUTION)
    layer.SetMetadataItem("LICENSE", "ODbL 1.0, https://opendatacommons.org/licenses/odbl/1-0/")
    for name, kind in (
        ("class", ogr.OFTString),
        ("oneway", ogr.OFTInteger),
        ("duration_min", ogr.OFTReal),
        ("length_m", ogr.OFTReal),
    ):
        layer.CreateField(ogr.FieldDefn(name, kind))
    dur = np.asarray(lines.ferry_duration_min, dtype=np.float64)
    layer.StartTransaction()
    n_vertices = 0
    for fid, nodes in enumerate(found["nodes"], start=1):
        src = found["line"][fid - 1]
        xy = generalised(node_xy, nodes)
        n_vertices += len(xy)
        feature = ogr.Feature(layer.GetLayerDefn())
        feature.SetFID(fid)
        feature.SetField("class", str(lines.road_class[src]))
        feature.SetField("oneway", int(found["oneway"][fid - 1]))
        if np.isfinite(dur[src]):
            feature.SetField("duration_min", float(dur[src]))
        else:
            feature.SetFieldNull("duration_min")
        feature.SetField("length_m", float(found["length_m"][fid - 1]))
        feature.SetGeometry(ogr.CreateGeometryFromWkb(LineString(xy).wkb))
        layer.CreateFeature(feature)
    layer.CommitTransaction()
    dataset = None
    compact(output)
    return n_vertices


def _without_envelope(blob: bytes) -> bytes:
    """A GeoPackage geometry blob without its optional envelope (GeoPackage 1.2, 2.1.3:
    envelope contents indicator 0): 32 bytes less per line, which the size budget needs;
    GDAL and QGIS read such blobs (the envelope is computed when needed)."""
    flags = blob[3]
    size = {0: 0, 1: 32, 2: 48, 3: 48, 4: 64}[(flags >> 1) & 0b111]
    return blob[:3] + bytes([flags & ~0b1110]) + blob[4:8] + blob[8 + size :]


def compact(path: Path) -> None:
    """Strip the envelopes, then rewrite the file with tightly packed pages."""
    connection = sqlite3.connect(path)
    try:
        connection.create_function("without_envelope", 1, _without_envelope, deterministic=True)
        connection.execute(f"UPDATE {LAYER} SET geom = without_envelope(geom)")
        connection.commit()
        connection.execute(f"PRAGMA page_size = {SQLITE_PAGE_SIZE_BYTES}")
        connection.execute("VACUUM")
    finally:
        connection.close()


def main(source: Path = SOURCE, output: Path = OUTPUT) -> None:
    gdal.UseExceptions()
    ogr.UseExceptions()
    gdal.SetConfigOption("OGR_CURRENT_DATE", FIXED_DATE)
    gdal.SetConfigOption("OGR_SQLITE_JOURNAL", "DELETE")
    lines = read_lines_ogr(source, class_field="class", oneway_field="oneway")
    # no boarding time: no dock twins, so every segment joins two vertex nodes
    graph = build_graph(lines, ferry_boarding_min=0.0, merge_tolerance_m=MERGE_TOLERANCE_M)
    found = split_rings(chains(lines, graph), graph.node_xy)
    n_vertices = write(output, lines, found, graph.node_xy)
    print(
        f"{output.name}: {len(found['nodes']):,} lines, {n_vertices:,} vertices from "
        f"{lines.n_lines:,} lines, {len(lines.coords):,} vertices; "
        f"{output.stat().st_size / 1e6:.2f} MB"
    )


if __name__ == "__main__":
    main(Path(sys.argv[1]) if len(sys.argv) > 1 else SOURCE)
