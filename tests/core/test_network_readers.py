"""Tests of sundplan_qgis.network readers: GeoPackage/Shapefile layers (geometry variants,
bad input) and OSM (hand files, XML/PBF/bz2, the real extracts against an independent
xml.etree + networkx implementation and GDAL's OSM driver).
"""

from __future__ import annotations

import bz2
import math
import shutil
import subprocess
import xml.etree.ElementTree as ET
from pathlib import Path

import networkx as nx
import numpy as np
import pytest
from osgeo import ogr, osr
from pyproj import Transformer
from scipy.sparse.csgraph import dijkstra
from scipy.spatial import cKDTree

from sundplan_qgis import network as N
from sundplan_qgis.errors import SundplanError
from tests.core.network_helpers import (
    HAND,
    X0,
    Y0,
    A,
    B,
    C,
    D,
    ls,
    read_hand,
    write_gpkg,
)


@pytest.fixture()
def hand_gpkg(tmp_path: Path) -> Path:
    return write_gpkg(tmp_path / "hand.gpkg", HAND)


def test_read_hand_gpkg_attributes(hand_gpkg: Path) -> None:
    lines = read_hand(hand_gpkg)
    assert lines.n_lines == 10
    assert lines.source_name == "hand.gpkg|roads"
    assert lines.coords.dtype == np.float64 and lines.coords.shape == (23, 2)
    assert lines.offsets.dtype == np.int64
    assert list(np.diff(lines.offsets)) == [2, 3, 2, 2, 3, 3, 2, 2, 2, 2]
    assert lines.road_class[6] == "tertiary"  # lower-cased
    assert list(lines.oneway) == [0, 1, 0, -1, 0, 0, 0, 0, 0, 0]
    assert lines.oneway.dtype == np.int8
    np.testing.assert_array_equal(
        lines.speed_kmh, [60, 60, np.nan, 36, np.nan, np.nan, 50, np.nan, np.nan, 40]
    )
    np.testing.assert_array_equal(lines.ferry_duration_min, [np.nan] * 5 + [20.0] + [np.nan] * 4)
    np.testing.assert_allclose(lines.coords[0], [X0, Y0])
    assert "25832" in lines.crs_wkt or "UTM zone 32N" in lines.crs_wkt


# --------------------------------------------------------------------------- geometry variants


def test_multilinestring_3d_measured_and_shapefile(tmp_path: Path) -> None:
    feats = [
        {"wkt": "MULTILINESTRING ((0 0, 10 0), (20 0, 30 0, 30 10))", "road_class": "service"},
        {"wkt": "MULTILINESTRING ((40 0, 50 0))", "road_class": "service"},
        {"wkt": "LINESTRING Z (0 0 5, 0 10 6)", "road_class": "service"},
        {"wkt": "LINESTRING M (0 20 1, 0 30 2)", "road_class": "service"},
        {"wkt": "LINESTRING ZM (0 40 1 2, 0 50 3 4)", "road_class": "service"},
        {"wkt": "LINESTRING EMPTY", "road_class": "service"},
    ]
    p = write_gpkg(tmp_path / "multi.gpkg", feats, geom_type=ogr.wkbUnknown)
    lines = N.read_lines_ogr(p, class_field="road_class")
    assert list(np.diff(lines.offsets)) == [2, 3, 2, 2, 2, 2]
    np.testing.assert_array_equal(
        lines.coords,
        [[0, 0], [10, 0], [20, 0], [30, 0], [30, 10], [40, 0], [50, 0]]
        + [[0, 0], [0, 10], [0, 20], [0, 30], [0, 40], [0, 50]],
    )
    assert list(lines.road_class) == ["service"] * 6
    # a curve is linearised through OGR
    p2 = write_gpkg(
        tmp_path / "curve.gpkg",
        [{"wkt": "CIRCULARSTRING (0 0, 100 100, 200 0)", "road_class": "road"}],
        geom_type=ogr.wkbCircularString,
    )
    cl = N.read_lines_ogr(p2, class_field="road_class")
    assert cl.coords.shape[0] > 10
    np.testing.assert_allclose(np.hypot(cl.coords[:, 0] - 100, cl.coords[:, 1]), 100, atol=1e-6)
    # shapefile (MultiLineString type, .dbf fields truncated to 10 characters)
    shp = tmp_path / "roads.shp"
    ds = ogr.GetDriverByName("ESRI Shapefile").CreateDataSource(str(shp))
    srs = osr.SpatialReference()
    srs.ImportFromEPSG(25832)
    lyr = ds.CreateLayer("roads", srs, ogr.wkbMultiLineString)
    lyr.CreateField(ogr.FieldDefn("speed", ogr.OFTInteger))
    lyr.CreateField(ogr.FieldDefn("oneway", ogr.OFTInteger))
    for wkt, sp, ow in [
        ("MULTILINESTRING ((0 0, 100 0))", 50, 1),
        ("MULTILINESTRING ((100 0, 200 0), (300 0, 400 0))", None, -1),
    ]:
        f = ogr.Feature(lyr.GetLayerDefn())
        if sp is not None:  # an empty .dbf value reads as NULL (0 would be rejected)
            f.SetField("speed", sp)
        f.SetField("oneway", ow)
        f.SetGeometry(ogr.CreateGeometryFromWkt(wkt))
        lyr.CreateFeature(f)
    ds = None
    sl = N.read_lines_ogr(shp, speed_field="SPEED", oneway_field="oneway")
    assert sl.source_name == "roads"
    assert list(sl.oneway) == [1, -1, -1]
    np.testing.assert_array_equal(sl.speed_kmh, [50, np.nan, np.nan])
    assert list(sl.road_class) == ["", "", ""]


def test_where_filter_and_text_speeds(tmp_path: Path) -> None:
    fields = {"class": ogr.OFTString, "maxspeed": ogr.OFTString, "ow": ogr.OFTString}
    feats = [
        {"wkt": ls(A, B), "class": "primary", "maxspeed": "DK:rural", "ow": "TRUE"},
        {"wkt": ls(B, C), "class": "primary", "maxspeed": "30 mph", "ow": "Reverse"},
        {"wkt": ls(C, D), "class": "track", "maxspeed": "signals", "ow": "T"},
    ]
    p = write_gpkg(tmp_path / "t.gpkg", feats, fields=fields)
    lines = N.read_lines_ogr(
        p, class_field="class", speed_field="maxspeed", oneway_field="ow", where="class <> 'track'"
    )
    assert lines.n_lines == 2
    np.testing.assert_allclose(lines.speed_kmh, [80.0, 30 * 1.609344])
    assert list(lines.oneway) == [1, -1]
    with pytest.raises(SundplanError, match="filter"):
        N.read_lines_ogr(p, where="no_such_column = 3")


# --------------------------------------------------------------------------- bad input


def test_geographic_crs_rejected(tmp_path: Path) -> None:
    p = write_gpkg(
        tmp_path / "wgs.gpkg",
        [{"wkt": "LINESTRING (12.5 55.7, 12.6 55.7)", "road_class": "primary"}],
        layer="veje_wgs84",
        epsg=4326,
    )
    with pytest.raises(SundplanError, match=r"veje_wgs84.*geographic.*EPSG:25832"):
        N.read_lines_ogr(p)


def test_web_mercator_rejected(tmp_path: Path) -> None:
    p = write_gpkg(
        tmp_path / "wm.gpkg",
        [{"wkt": "LINESTRING (1390000 7490000, 1391000 7490000)", "road_class": "primary"}],
        layer="veje_3857",
        epsg=3857,
    )
    with pytest.raises(SundplanError, match=r"veje_3857.*Mercator.*EPSG:25832"):
        N.read_lines_ogr(p)


def test_only_excluded_ferries_gives_clear_error(tmp_path: Path) -> None:
    p = write_gpkg(tmp_path / "f.gpkg", [{"wkt": ls(A, B), "road_class": "ferry"}])
    lines = read_hand(p)
    assert N.build_graph(lines).edge_count == 2
    with pytest.raises(SundplanError, match="no road segments"):
        N.build_graph(lines, include_ferries=False)


def test_missing_field_lists_fields(hand_gpkg: Path) -> None:
    with pytest.raises(SundplanError) as exc:
        N.read_lines_ogr(hand_gpkg, speed_field="hastighed")
    msg = str(exc.value)
    assert "hand" in msg and "hastighed" in msg
    assert "road_class, maxspeed_kmh, oneway, duration_min" in msg


def test_empty_layer(tmp_path: Path) -> None:
    p = write_gpkg(tmp_path / "empty.gpkg", [], layer="tomme_veje")
    with pytest.raises(SundplanError, match="tomme_veje"):
        N.read_lines_ogr(p)
    # a filter that keeps nothing is reported the same way
    with pytest.raises(SundplanError, match="hand.*no usable lines"):
        N.read_lines_ogr(write_gpkg(tmp_path / "hand.gpkg", HAND), where="road_class = 'x'")


def test_unreadable_files(tmp_path: Path) -> None:
    junk = tmp_path / "junk.gpkg"
    junk.write_bytes(b"this is not a geopackage" * 10)
    with pytest.raises(SundplanError, match="junk.gpkg"):
        N.read_lines_ogr(junk)
    with pytest.raises(SundplanError, match="nowhere.gpkg"):
        N.read_lines_ogr(tmp_path / "nowhere.gpkg")
    bad_osm = tmp_path / "bad.osm"
    bad_osm.write_text("<osm><node id='1' lat='x'")
    with pytest.raises(SundplanError, match="bad.osm"):
        N.read_osm(bad_osm)
    bad_pbf = tmp_path / "bad.osm.pbf"
    bad_pbf.write_bytes(b"\x00\x01garbage" * 100)
    with pytest.raises(SundplanError, match="bad.osm.pbf"):
        N.read_osm(bad_pbf)
    with pytest.raises(SundplanError, match="missing.osm.pbf"):
        N.read_osm(tmp_path / "missing.osm.pbf")


def test_wrong_layer_and_geometry_type(tmp_path: Path) -> None:
    p = write_gpkg(tmp_path / "two.gpkg", HAND[:2], layer="a")
    write_gpkg(p, HAND[:2], layer="b")
    with pytest.raises(SundplanError, match="2 layers"):
        N.read_lines_ogr(p)
    with pytest.raises(SundplanError, match="no layer 'c'.*a, b"):
        N.read_lines_ogr(p, layer="c")
    assert N.read_lines_ogr(p, layer="b").n_lines == 2
    pts = write_gpkg(
        tmp_path / "pts.gpkg",
        [{"wkt": "POINT (1 2)"}],
        layer="hospitals",
        geom_type=ogr.wkbPoint,
    )
    with pytest.raises(SundplanError, match="hospitals.*Point"):
        N.read_lines_ogr(pts)


def test_validate_and_unknown_class(hand_gpkg: Path) -> None:
    lines = read_hand(hand_gpkg)
    lines.coords[3, 1] = np.nan
    with pytest.raises(SundplanError, match="hand.*NaN.*line 1"):
        lines.validate()
    lines = read_hand(hand_gpkg)
    lines.road_class[2] = "sti"
    with pytest.raises(SundplanError, match="sti.*speed table"):
        N.build_graph(lines)
    lines.crs_wkt = ""
    with pytest.raises(SundplanError, match="no coordinate reference system"):
        lines.validate()
    with pytest.raises(SundplanError, match="realism"):
        N.build_graph(read_hand(hand_gpkg), realism_factor=0)


# --------------------------------------------------------------------------- OSM: hand file

HAND_OSM = """<?xml version='1.0' encoding='UTF-8'?>
<osm version="0.6" generator="sundplan-test">
  <node id="1" lat="55.70" lon="12.50" version="1"/>
  <node id="2" lat="55.70" lon="12.51" version="1"/>
  <node id="3" lat="55.71" lon="12.51" version="1"/>
  <node id="4" lat="55.71" lon="12.50" version="1"/>
  <node id="5" lat="55.72" lon="12.50" version="1"/>
  <node id="6" lat="55.80" lon="12.50" version="1"/>
  <node id="7" lat="55.72" lon="12.52" version="1"/>
  <way id="10" version="1"><nd ref="1"/><nd ref="2"/>
    <tag k="highway" v="primary"/><tag k="maxspeed" v="DK:rural"/></way>
  <way id="11" version="1"><nd ref="2"/><nd ref="3"/>
    <tag k="highway" v="motorway"/></way>
  <way id="12" version="1"><nd ref="3"/><nd ref="4"/>
    <tag k="highway" v="residential"/><tag k="oneway" v="-1"/><tag k="maxspeed" v="30"/></way>
  <way id="13" version="1"><nd ref="4"/><nd ref="1"/>
    <tag k="highway" v="tertiary"/><tag k="junction" v="roundabout"/></way>
  <way id="14" version="1"><nd ref="4"/><nd ref="5"/><nd ref="6"/>
    <tag k="route" v="ferry"/><tag k="duration" v="01:30"/></way>
  <way id="15" version="1"><nd ref="1"/><nd ref="3"/>
    <tag k="highway" v="footway"/></way>
  <way id="16" version="1"><nd ref="1"/><nd ref="3"/>
    <tag k="highway" v="service"/><tag k="access" v="private"/></way>
  <way id="17" version="1"><nd ref="1"/><nd ref="2"/><nd ref="3"/><nd ref="1"/>
    <tag k="highway" v="pedestrian"/><tag k="area" v="yes"/></way>
  <way id="18" version="1"><nd ref="5"/><nd ref="7"/><nd ref="99"/><nd ref="2"/><nd ref="3"/>
    <tag k="highway" v="unclassified"/><tag k="oneway" v="no"/><tag k="maxspeed" v="50 mph"/></way>
  <way id="19" version="1"><nd ref="1"/><nd ref="4"/>
    <tag k="highway" v="service"/><tag k="area" v="yes"/></way>
</osm>
"""


def test_read_osm_hand(tmp_path: Path) -> None:
    p = tmp_path / "hand.osm"
    p.write_text(HAND_OSM)
    lines = N.read_osm(p)
    # ways 10, 11, 12, 13, 14 (ferry) and 18 split at the missing node 99 into 2 parts
    assert list(lines.road_class) == [
        "primary",
        "motorway",
        "residential",
        "tertiary",
        "ferry",
        "unclassified",
        "unclassified",
    ]
    assert list(lines.oneway) == [0, 1, -1, 1, 0, 0, 0]
    np.testing.assert_allclose(
        lines.speed_kmh, [80, np.nan, 30, np.nan, np.nan, 80.4672, 80.4672], rtol=1e-9
    )
    np.testing.assert_array_equal(lines.ferry_duration_min, [np.nan] * 4 + [90.0, np.nan, np.nan])
    assert list(np.diff(lines.offsets)) == [2, 2, 2, 2, 3, 2, 2]
    tr = Transformer.from_crs("EPSG:4326", "EPSG:25832", always_xy=True)
    np.testing.assert_allclose(lines.coords[0], tr.transform(12.50, 55.70), atol=1e-6)
    assert lines.source_name == "hand.osm"
    no_ferry = N.read_osm(p, include_ferries=False)
    assert "ferry" not in set(no_ferry.road_class)
    # the ferry 4-5-6 is the only link to node 6, which has no road: 90 min + half the
    # boarding (road -> dock at 4); passing the port at node 5 on board costs nothing
    g = N.build_graph(lines)
    road = np.flatnonzero(g.node_is_road)
    tree = cKDTree(g.node_xy[road])
    i1 = int(road[tree.query(tr.transform(12.50, 55.70))[1]])
    i4 = int(road[tree.query(tr.transform(12.50, 55.71))[1]])
    i5 = int(road[tree.query(tr.transform(12.50, 55.72))[1]])
    i6 = int(cKDTree(g.node_xy).query(tr.transform(12.50, 55.80))[1])
    assert not g.node_is_road[i6]
    d = dijkstra(g.forward, indices=i4)
    assert d[i6] == pytest.approx(90 * 60.0 + 450.0, abs=1e-6)
    leg = dijkstra(g.forward, indices=i5)[i6]
    assert d[i5] + leg > d[i6]  # getting off at 5 and on again would pay boarding twice
    # 4 -> 1 is the roundabout's digitised direction, so allowed; 1 -> 4 is not direct
    dr = dijkstra(g.forward, indices=i1)
    assert dr[i4] > d[i1]


def test_read_osm_pbf_and_bz2_match_xml(tmp_path: Path) -> None:
    p = tmp_path / "hand.osm"
    p.write_text(HAND_OSM)
    ref = N.read_osm(p)
    pbf = tmp_path / "hand.osm.pbf"
    _osm_to_pbf(p, pbf)
    _assert_same_lines(N.read_osm(pbf), ref)
    bz = tmp_path / "hand.osm.bz2"
    bz.write_bytes(bz2.compress(HAND_OSM.encode()))
    _assert_same_lines(N.read_osm(bz), ref)


def _osm_to_pbf(src: Path, dst: Path) -> None:
    """.osm -> .osm.pbf with osmium-tool when present, else pyosmium's SimpleWriter."""
    try:
        subprocess.run(["osmium", "cat", str(src), "-o", str(dst), "-O"], check=True)
        return
    except (OSError, subprocess.CalledProcessError):
        pass
    import osmium

    class Copy(osmium.SimpleHandler):
        def __init__(self, writer: osmium.SimpleWriter) -> None:
            super().__init__()
            self.w = writer

        def node(self, n: object) -> None:
            self.w.add_node(n)

        def way(self, w: object) -> None:
            self.w.add_way(w)

        def relation(self, r: object) -> None:
            self.w.add_relation(r)

    writer = osmium.SimpleWriter(str(dst))
    try:
        Copy(writer).apply_file(str(src))
    finally:
        writer.close()


def _assert_same_lines(a: N.RoadLines, b: N.RoadLines) -> None:
    np.testing.assert_array_equal(a.offsets, b.offsets)
    np.testing.assert_allclose(a.coords, b.coords, rtol=0, atol=1e-6)
    np.testing.assert_array_equal(a.road_class, b.road_class)
    np.testing.assert_array_equal(a.speed_kmh, b.speed_kmh)
    np.testing.assert_array_equal(a.oneway, b.oneway)
    np.testing.assert_array_equal(a.ferry_duration_min, b.ferry_duration_min)
    assert a.crs_wkt == b.crs_wkt


# --------------------------------------------------------------------------- OSM: real extracts

EXTRACTS = [
    "copenhagen_oesterbro_small.osm",
    "kalvebod_faelled_amager.osm",
    "ronne_bornholm.osm",
    "sindal.osm",
]


def _etree_graph(path: Path) -> tuple[nx.DiGraph, dict[tuple[float, float], int]]:
    """Independent reference: xml.etree parse, the same tag rules, networkx edges in seconds.

    Nodes are keyed by projected coordinates rounded to 1 mm (OSM nodes at the same place
    are one node, as in the graph under test).
    """
    root = ET.parse(path).getroot()
    loc = {n.get("id"): (float(n.get("lon")), float(n.get("lat"))) for n in root.iter("node")}
    tr = Transformer.from_crs("EPSG:4326", "EPSG:25832", always_xy=True)
    drivable = {
        "motorway", "motorway_link", "trunk", "trunk_link", "primary", "primary_link",
        "secondary", "secondary_link", "tertiary", "tertiary_link", "unclassified",
        "residential", "living_street", "service", "road",
    }  # fmt: skip
    g = nx.DiGraph()
    for way in root.iter("way"):
        tags = {t.get("k"): t.get("v") for t in way.iter("tag")}
        hw = tags.get("highway")
        if hw not in drivable or tags.get("area") == "yes":
            continue
        if tags.get("access") in ("no", "private") or tags.get("motor_vehicle") in ("no",):
            continue
        if tags.get("motorcar") in ("no", "private"):
            continue
        ms = (tags.get("maxspeed") or "").strip()
        speed = float(ms) if ms.isdigit() and int(ms) > 0 else N.DEFAULT_SPEEDS_KMH[hw]
        ow = tags.get("oneway", "")
        if ow in ("yes", "1", "true"):
            dirn = 1
        elif ow in ("-1", "reverse"):
            dirn = -1
        elif ow == "" and (tags.get("junction") == "roundabout" or hw == "motorway"):
            dirn = 1
        else:
            dirn = 0
        refs = [nd.get("ref") for nd in way.iter("nd") if nd.get("ref") in loc]
        for r1, r2 in zip(refs[:-1], refs[1:], strict=True):
            x1, y1 = tr.transform(*loc[r1])
            x2, y2 = tr.transform(*loc[r2])
            p, q = (round(x1, 3), round(y1, 3)), (round(x2, 3), round(y2, 3))
            if p == q:
                continue
            t = math.hypot(x2 - x1, y2 - y1) / (speed / 3.6)
            for a, b in {1: [(p, q)], -1: [(q, p)], 0: [(p, q), (q, p)]}[dirn]:
                if not g.has_edge(a, b) or g[a][b]["w"] > t:
                    g.add_edge(a, b, w=t)
    return g, {}


@pytest.mark.shared
@pytest.mark.parametrize("name", EXTRACTS)
def test_osm_extract_times_match_networkx(shared_data: Path, name: str) -> None:
    path = shared_data / "osm-extracts-dk" / name
    lines = N.read_osm(path)
    graph = N.build_graph(lines)
    ref, _ = _etree_graph(path)
    ref_xy = np.array(list(ref.nodes))
    tree = cKDTree(graph.node_xy)
    d, ids = tree.query(ref_xy)
    assert d.max() < 0.005  # every reference node is a node of ours
    assert graph.n_nodes == ref.number_of_nodes()
    assert graph.edge_count == ref.number_of_edges()
    rng = np.random.default_rng(7)
    for k in rng.choice(len(ref_xy), size=4, replace=False):
        src = tuple(ref_xy[k])
        want = nx.single_source_dijkstra_path_length(ref, src, weight="w")
        mine = dijkstra(graph.forward, indices=int(ids[k]))
        got = mine[tree.query(np.array(list(want.keys())))[1]]
        np.testing.assert_allclose(got, list(want.values()), rtol=1e-9, atol=1e-6)
        assert np.isfinite(mine).sum() == len(want)


@pytest.mark.shared
def test_osm_extract_pbf_matches_xml(shared_data: Path, tmp_path: Path) -> None:
    src = shared_data / "osm-extracts-dk" / "sindal.osm"
    pbf = tmp_path / "sindal.osm.pbf"
    _osm_to_pbf(src, pbf)
    _assert_same_lines(N.read_osm(pbf), N.read_osm(src))


@pytest.mark.shared
def test_osm_extract_against_gdal_osm_driver(shared_data: Path, monkeypatch) -> None:
    """Cross-check lengths of the highway lines with GDAL's OSM driver (another parser)."""
    from osgeo import gdal

    path = shared_data / "osm-extracts-dk" / "ronne_bornholm.osm"
    lines = N.read_osm(path)
    gdal.SetConfigOption("OSM_USE_CUSTOM_INDEXING", "NO")
    try:
        ds = ogr.Open(str(path))
        lyr = ds.GetLayerByName("lines")
        tr = osr.CoordinateTransformation(lyr.GetSpatialRef(), _srs(25832))
        total = 0.0
        drivable = "','".join(sorted(N.DRIVABLE_HIGHWAYS))
        lyr.SetAttributeFilter(f"highway IN ('{drivable}')")
        for f in lyr:
            tags = f.GetField("other_tags") or ""
            if '"access"=>"private"' in tags or '"access"=>"no"' in tags:
                continue
            if '"area"=>"yes"' in tags:
                continue
            geom = f.GetGeometryRef().Clone()
            geom.Transform(tr)
            total += geom.Length()
        ds = None
    finally:
        gdal.SetConfigOption("OSM_USE_CUSTOM_INDEXING", None)
    seg = np.diff(lines.coords, axis=0)
    mask = np.ones(len(seg), dtype=bool)
    mask[lines.offsets[1:-1] - 1] = False
    mine = np.hypot(seg[mask, 0], seg[mask, 1]).sum()
    assert mine == pytest.approx(total, rel=1e-6)


def _srs(epsg: int) -> osr.SpatialReference:
    s = osr.SpatialReference()
    s.ImportFromEPSG(epsg)
    s.SetAxisMappingStrategy(osr.OAMS_TRADITIONAL_GIS_ORDER)
    return s


def test_read_osm_access_rules_and_degenerate_ways(tmp_path: Path) -> None:
    p = tmp_path / "rules.osm"
    p.write_text(
        "<?xml version='1.0' encoding='UTF-8'?><osm version='0.6'>"
        "<node id='1' lat='55.0' lon='12.0' version='1'/>"
        "<node id='2' lat='55.0' lon='12.01' version='1'/>"
        "<node id='3' lat='55.0' lon='12.01' version='1'/>"
        # passenger-only ferry: kept
        "<way id='10' version='1'><nd ref='1'/><nd ref='2'/><tag k='route' v='ferry'/>"
        "<tag k='motor_vehicle' v='no'/><tag k='duration' v='25'/></way>"
        # access=no but motor_vehicle=yes: kept
        "<way id='11' version='1'><nd ref='1'/><nd ref='2'/><tag k='highway' v='service'/>"
        "<tag k='access' v='no'/><tag k='motor_vehicle' v='yes'/></way>"
        # motorcar=no: dropped
        "<way id='12' version='1'><nd ref='1'/><nd ref='2'/><tag k='highway' v='service'/>"
        "<tag k='motorcar' v='no'/></way>"
        # both nodes at the same place: no usable geometry, dropped without error
        "<way id='13' version='1'><nd ref='2'/><nd ref='3'/><tag k='highway' v='road'/></way>"
        # oneway=no on a motorway overrides the implied one-way
        "<way id='14' version='1'><nd ref='2'/><nd ref='1'/><tag k='highway' v='motorway'/>"
        "<tag k='oneway' v='no'/></way>"
        "</osm>"
    )
    lines = N.read_osm(p)
    assert list(lines.road_class) == ["ferry", "service", "motorway"]
    assert list(lines.oneway) == [0, 0, 0]
    np.testing.assert_array_equal(lines.ferry_duration_min, [25.0, np.nan, np.nan])
    with pytest.raises(SundplanError, match="footway.osm.*no drivable roads"):
        N.read_osm(_only_footway(tmp_path))
    with pytest.raises(SundplanError, match="EPSG:4326"):
        N.read_osm(p, target_crs="EPSG:4326")


def _only_footway(tmp_path: Path) -> Path:
    p = tmp_path / "footway.osm"
    p.write_text(
        "<?xml version='1.0' encoding='UTF-8'?><osm version='0.6'>"
        "<node id='1' lat='55.0' lon='12.0' version='1'/>"
        "<node id='2' lat='55.0' lon='12.01' version='1'/>"
        "<way id='10' version='1'><nd ref='1'/><nd ref='2'/><tag k='highway' v='footway'/></way>"
        "</osm>"
    )
    return p


@pytest.mark.shared
@pytest.mark.skipif(shutil.which("osmium") is None, reason="osmium-tool is not installed")
def test_prefiltered_pbf_reads_the_same_lines(shared_data: Path, tmp_path: Path, monkeypatch):
    """A PBF cut down to its roads by osmium-tool (issue 11: the national extract) gives the
    same lines as reading every object of it with pyosmium; the temporary file is removed."""
    from sundplan_qgis.network import osm_reader

    for name in ("sindal.osm", "ronne_bornholm.osm"):
        pbf = tmp_path / (name + ".pbf")
        _osm_to_pbf(shared_data / "osm-extracts-dk" / name, pbf)
        monkeypatch.setattr(osm_reader, "PREFILTER_MIN_BYTES", 10**15)
        direct = N.read_osm(pbf)
        monkeypatch.setattr(osm_reader, "PREFILTER_MIN_BYTES", 0)
        seen: list[str] = []
        real_apply = osm_reader._compat.osm_apply_file
        monkeypatch.setattr(
            osm_reader._compat,
            "osm_apply_file",
            lambda h, p, seen=seen, apply=real_apply, **kw: (seen.append(p), apply(h, p, **kw))[1],
        )
        filtered = N.read_osm(pbf)
        monkeypatch.setattr(osm_reader._compat, "osm_apply_file", real_apply)
        assert seen and seen[0] != str(pbf) and not Path(seen[0]).exists()  # read, removed
        _assert_same_lines(filtered, direct)
        assert filtered.n_lines > 100
