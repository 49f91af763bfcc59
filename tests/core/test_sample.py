"""Tests of the synthetic sample region and country network (sundplan_qgis.sample).

Properties are checked independently of the generator: populations by point-in-polygon on
cell centres, connectivity with networkx on the written vertices, the OSM file with
xml.etree.
"""

from __future__ import annotations

import xml.etree.ElementTree as ET
from pathlib import Path

import networkx as nx
import numpy as np
import pytest
import rasterio
from osgeo import ogr
from shapely import wkb as shapely_wkb

from sundplan_qgis import sample
from sundplan_qgis.sample import (
    AGE_SEX_COLUMNS,
    SPECIALTIES,
    generate_sample_region,
)
from sundplan_qgis.sample.country import generate_country_network

ogr.UseExceptions()

LAYERS = ("roads", "hospitals", "gp_practices", "specialists", "kommuner")


@pytest.fixture(scope="module")
def region(tmp_path_factory: pytest.TempPathFactory) -> sample.SampleRegion:
    return generate_sample_region(tmp_path_factory.mktemp("region_a"), seed=2027)


@pytest.fixture(scope="module")
def region_again(tmp_path_factory: pytest.TempPathFactory) -> sample.SampleRegion:
    return generate_sample_region(tmp_path_factory.mktemp("region_b"), seed=2027)


@pytest.fixture(scope="module")
def region_other(tmp_path_factory: pytest.TempPathFactory) -> sample.SampleRegion:
    return generate_sample_region(tmp_path_factory.mktemp("region_c"), seed=7)


def read_layer(path: Path, layer: str) -> tuple[list[dict], list[bytes], object]:
    """Attributes, ISO WKB geometries and the spatial reference of a layer."""
    ds = ogr.Open(str(path))
    lyr = ds.GetLayerByName(layer)
    assert lyr is not None, f"layer {layer} missing"
    rows, geoms = [], []
    for f in lyr:
        rows.append(f.items())
        geoms.append(bytes(f.GetGeometryRef().ExportToIsoWkb()))
    srs = lyr.GetSpatialRef().Clone()
    meta = lyr.GetMetadata() or {}
    field_types = {
        lyr.GetLayerDefn().GetFieldDefn(i).GetName(): lyr.GetLayerDefn()
        .GetFieldDefn(i)
        .GetTypeName()
        for i in range(lyr.GetLayerDefn().GetFieldCount())
    }
    ds = None
    return rows, geoms, (srs, meta, field_types)


def road_lines(region: sample.SampleRegion) -> tuple[list[dict], list[np.ndarray]]:
    rows, geoms, _ = read_layer(region.roads_gpkg, region.roads_layer)
    coords = [np.asarray(shapely_wkb.loads(g).coords)[:, :2] for g in geoms]
    return rows, coords


def points_in(geom, x: np.ndarray, y: np.ndarray) -> np.ndarray:  # noqa: ANN001
    """Vectorised point-in-polygon with shapely 2 (contains_xy) or 1.8 (vectorized)."""
    import shapely

    if hasattr(shapely, "contains_xy"):
        return shapely.contains_xy(geom, x, y)
    from shapely import vectorized

    return vectorized.contains(geom, x, y)


# ---------------------------------------------------------------------------------------------
# determinism
# ---------------------------------------------------------------------------------------------


def test_same_seed_same_content(region, region_again) -> None:
    for layer in LAYERS:
        a_rows, a_geoms, _ = read_layer(region.gpkg, layer)
        b_rows, b_geoms, _ = read_layer(region_again.gpkg, layer)
        assert a_rows == b_rows, layer
        assert a_geoms == b_geoms, layer
    with rasterio.open(region.population_tif) as a, rasterio.open(region_again.population_tif) as b:
        assert np.array_equal(a.read(1), b.read(1))
        assert a.transform == b.transform
    assert region.roads_osm.read_bytes() == region_again.roads_osm.read_bytes()
    assert region.population_tif.read_bytes() == region_again.population_tif.read_bytes()
    assert region.gpkg.read_bytes() == region_again.gpkg.read_bytes()
    if region.roads_osm_pbf and region_again.roads_osm_pbf:
        assert region.roads_osm_pbf.read_bytes() == region_again.roads_osm_pbf.read_bytes()


def test_other_seed_other_content(region, region_other) -> None:
    _, a_geoms, _ = read_layer(region.gpkg, "roads")
    _, b_geoms, _ = read_layer(region_other.gpkg, "roads")
    assert a_geoms != b_geoms
    with rasterio.open(region.population_tif) as a, rasterio.open(region_other.population_tif) as b:
        assert not np.array_equal(a.read(1), b.read(1))
    k_a, _, _ = read_layer(region.gpkg, "kommuner")
    k_b, _, _ = read_layer(region_other.gpkg, "kommuner")
    assert [r["population"] for r in k_a] != [r["population"] for r in k_b]


def test_unknown_scale_rejected(tmp_path: Path) -> None:
    with pytest.raises(ValueError, match="scale"):
        generate_sample_region(tmp_path, seed=1, scale="planet")


# ---------------------------------------------------------------------------------------------
# layers, CRS, validity, synthetic markers
# ---------------------------------------------------------------------------------------------


def test_layers_valid_and_in_25832(region) -> None:
    xmin, ymin, xmax, ymax = region.bounds
    assert (xmin, ymin, xmax, ymax) == (500_000.0, 6_200_000.0, 560_000.0, 6_260_000.0)
    for layer in LAYERS:
        rows, geoms, (srs, _meta, _types) = read_layer(region.gpkg, layer)
        assert rows, f"{layer} is empty"
        assert srs.GetAuthorityName(None) == "EPSG"
        assert srs.GetAuthorityCode(None) == "25832"
        for g in geoms:
            shp = shapely_wkb.loads(g)
            assert shp.is_valid and not shp.is_empty, layer
            bx = shp.bounds
            assert xmin <= bx[0] and bx[2] <= xmax and ymin <= bx[1] and bx[3] <= ymax, layer
    with rasterio.open(region.population_tif) as src:
        assert src.crs.to_epsg() == 25832
        assert src.res == (100.0, 100.0)
        assert src.nodata is not None
        assert tuple(src.bounds) == region.bounds
        assert src.dtypes[0] in ("int32", "float32")


def test_everything_says_synthetic(region) -> None:
    for layer in LAYERS:
        rows, _, (_srs, meta, _types) = read_layer(region.gpkg, layer)
        assert all(r["synthetic"] == 1 for r in rows), layer
        assert "SYNTHETIC" in meta.get("DESCRIPTION", ""), layer
        assert "seed 2027" in meta["DESCRIPTION"]
    with rasterio.open(region.population_tif) as src:
        tags = src.tags()
        assert tags["SYNTHETIC"] == "1"
        assert "SYNTHETIC" in tags["DESCRIPTION"]
    assert "SYNTHETIC" in region.readme.read_text(encoding="utf-8")
    assert "SYNTHETIC" in region.roads_osm.read_text(encoding="utf-8")


def test_counts_match_result(region) -> None:
    for layer, n in (
        ("roads", region.n_road_lines),
        ("hospitals", region.n_hospitals),
        ("gp_practices", region.n_gp_practices),
        ("specialists", region.n_specialists),
        ("kommuner", region.n_kommuner),
    ):
        rows, _, _ = read_layer(region.gpkg, layer)
        assert len(rows) == n, layer
    assert 2 <= region.n_hospitals <= 4
    assert region.uri("roads") == f"{region.gpkg}|layername=roads"
    assert 3 <= region.n_kommuner <= 5


# ---------------------------------------------------------------------------------------------
# roads
# ---------------------------------------------------------------------------------------------


def test_road_schema(region) -> None:
    rows, coords = road_lines(region)
    _, _, (_srs, _meta, types) = read_layer(region.gpkg, "roads")
    assert types["road_class"] == "String"
    assert types["maxspeed_kmh"] == "Integer"
    assert types["oneway"] == "String"
    assert types["name"] == "String"
    assert types["duration_min"] == "Real"
    classes = {r["road_class"] for r in rows}
    assert classes <= set(sample.ROAD_CLASSES)
    assert {"motorway", "primary", "residential", "ferry"} <= classes
    speeds = [r["maxspeed_kmh"] for r in rows]
    assert any(s is None for s in speeds), "some lines must use the class default speed"
    assert {s for s in speeds if s is not None} <= {50, 60, 80, 110, 130}
    oneways = [r["oneway"] for r in rows]
    assert oneways.count("yes") >= 4 and oneways.count("-1") >= 1
    motorway_oneway = {r["oneway"] for r in rows if r["road_class"] == "motorway"}
    assert motorway_oneway <= {"yes", "-1"}
    for r in rows:
        if r["road_class"] == "ferry":
            assert r["duration_min"] is not None and r["duration_min"] > 0
        else:
            assert r["duration_min"] is None
    assert all(len(c) >= 2 for c in coords)
    assert 1_000 <= sum(len(c) - 1 for c in coords) <= 20_000  # "a few thousand segments"


def _graph(rows: list[dict], coords: list[np.ndarray], *, skip_ferry: bool = False) -> nx.Graph:
    g = nx.Graph()
    for r, xy in zip(rows, coords, strict=True):
        if skip_ferry and r["road_class"] == "ferry":
            continue
        pts = [tuple(p) for p in xy.tolist()]
        nx.add_path(g, pts)
    return g


def test_island_only_connected_by_ferry(region) -> None:
    rows, coords = road_lines(region)
    kom_rows, kom_geoms, _ = read_layer(region.gpkg, "kommuner")
    multi = [shapely_wkb.loads(g) for g in kom_geoms]
    assert sum(len(m.geoms) > 1 for m in multi) == 1, "exactly one kommune has an island part"
    # the island: the smallest polygon part of the kommune with several parts
    island = min((p for m in multi if len(m.geoms) > 1 for p in m.geoms), key=lambda p: p.area)

    ferries = [xy for r, xy in zip(rows, coords, strict=True) if r["road_class"] == "ferry"]
    assert len(ferries) == 1
    a, b = map(tuple, (ferries[0][0], ferries[0][-1]))
    xs = np.array([a[0], b[0]])
    ys = np.array([a[1], b[1]])
    on_island = points_in(island, xs, ys)
    assert on_island.sum() == 1, "one ferry end on the island, the other on the mainland"
    island_end, main_end = (a, b) if on_island[0] else (b, a)

    g_no_ferry = _graph(rows, coords, skip_ferry=True)
    island_comp = nx.node_connected_component(g_no_ferry, island_end)
    pts = np.array(list(island_comp))
    assert points_in(island, pts[:, 0], pts[:, 1]).all(), "island roads stay on the island"
    assert main_end not in island_comp
    # island roads exist beyond the harbour, and nothing else touches the island
    assert len(island_comp) > 20
    all_pts = np.array([p for xy in coords for p in xy.tolist()])
    n_on_island = int(points_in(island, all_pts[:, 0], all_pts[:, 1]).sum())
    ferry_vertices_on_island = int(points_in(island, ferries[0][:, 0], ferries[0][:, 1]).sum())
    island_line_vertices = sum(
        len(xy)
        for r, xy in zip(rows, coords, strict=True)
        if r["road_class"] != "ferry" and tuple(xy[0]) in island_comp
    )
    assert n_on_island == island_line_vertices + ferry_vertices_on_island

    g = _graph(rows, coords)
    assert nx.has_path(g, island_end, main_end)


def test_components_and_stubs(region) -> None:
    rows, coords = road_lines(region)
    g = _graph(rows, coords)
    comps = sorted(nx.connected_components(g), key=len, reverse=True)
    assert len(comps) >= 3, "a few disconnected stubs"
    assert all(len(c) <= 5 for c in comps[1:]), "stubs are short"
    # the directed network (oneway honoured) of the main component is strongly connected
    d = nx.DiGraph()
    for r, xy in zip(rows, coords, strict=True):
        pts = [tuple(p) for p in xy.tolist()]
        ow = r["oneway"]
        for p, q in zip(pts[:-1], pts[1:], strict=True):
            if ow in ("yes", "1", "true"):
                d.add_edge(p, q)
            elif ow in ("-1", "reverse"):
                d.add_edge(q, p)
            else:
                d.add_edge(p, q)
                d.add_edge(q, p)
    main = d.subgraph(comps[0])
    assert nx.is_strongly_connected(main)


def test_hospitals_near_roads(region) -> None:
    rows, geoms, _ = read_layer(region.gpkg, "hospitals")
    _, coords = road_lines(region)
    verts = np.vstack(
        [
            c
            for r, c in zip(road_lines(region)[0], coords, strict=True)
            if r["road_class"] != "ferry"
        ]
    )
    assert {r["active"] for r in rows} <= {0, 1} and any(r["active"] == 1 for r in rows)
    for g in geoms:
        p = shapely_wkb.loads(g)
        d = np.hypot(verts[:, 0] - p.x, verts[:, 1] - p.y).min()
        assert d < 500.0


# ---------------------------------------------------------------------------------------------
# population and kommuner
# ---------------------------------------------------------------------------------------------


def test_population_raster(region) -> None:
    with rasterio.open(region.population_tif) as src:
        pop = src.read(1)
        nodata = src.nodata
    assert not (pop == nodata).any()
    assert (pop >= 0).all()
    assert 150_000 <= int(pop.sum()) <= 300_000
    assert int(pop.sum()) == region.total_population
    assert pop.max() >= 100, "towns have hundreds per cell"
    assert (pop[:, 450:470] == 0).all(), "the strait at x 545-547 km is empty sea"
    assert np.median(pop[pop > 0]) < 10, "the countryside is sparse"


def test_kommune_population_equals_raster_by_cell_centre(region) -> None:
    rows, geoms, _ = read_layer(region.gpkg, "kommuner")
    with rasterio.open(region.population_tif) as src:
        pop = src.read(1).astype(np.int64)
        t = src.transform
    r, c = np.nonzero(pop)
    x = t.c + (c + 0.5) * t.a
    y = t.f + (r + 0.5) * t.e
    vals = pop[r, c]
    assigned = np.zeros(vals.size, dtype=int)
    for row, g in zip(rows, geoms, strict=True):
        inside = points_in(shapely_wkb.loads(g), x, y)
        assigned += inside
        assert row["population"] == int(vals[inside].sum()), row["kommune"]
    assert (assigned == 1).all(), "every populated cell centre is in exactly one kommune"
    assert sum(row["population"] for row in rows) == int(pop.sum())


def test_kommune_attributes_and_age_sex(region) -> None:
    rows, geoms, (_srs, _meta, types) = read_layer(region.gpkg, "kommuner")
    assert len(AGE_SEX_COLUMNS) == 36
    assert AGE_SEX_COLUMNS[:2] == ("m_0_4", "k_0_4")
    assert AGE_SEX_COLUMNS[-2:] == ("m_85_plus", "k_85_plus")
    for col in AGE_SEX_COLUMNS:
        assert types[col] == "Integer"
    codes = [r["kommunekode"] for r in rows]
    assert len(set(codes)) == len(codes)
    assert all(len(code) == 4 and code.startswith("9") for code in codes)
    assert all(r["kommune"] for r in rows)
    for r in rows:
        parts = [r[col] for col in AGE_SEX_COLUMNS]
        assert all(v >= 0 for v in parts)
        assert sum(parts) == r["population"]
        # plausible: women outnumber men among the oldest, 0-19 is a fifth or so
        assert r["k_85_plus"] >= r["m_85_plus"]
        young = sum(r[f"{s}_{g}"] for s in "mk" for g in ("0_4", "5_9", "10_14", "15_19"))
        assert 0.15 < young / r["population"] < 0.3
    for g in geoms:
        assert shapely_wkb.loads(g).geom_type == "MultiPolygon"


# ---------------------------------------------------------------------------------------------
# health-care points
# ---------------------------------------------------------------------------------------------


def test_gp_practices(region) -> None:
    rows, _, _ = read_layer(region.gpkg, "gp_practices")
    n_gps = sum(r["n_gps"] for r in rows)
    per_gp = region.total_population / n_gps
    assert 1_400 <= per_gp <= 2_000
    assert all(1 <= r["n_gps"] <= 6 for r in rows)
    assert {r["open_for_patients"] for r in rows} == {0, 1}
    ydernumre = [r["ydernummer"] for r in rows]
    assert len(set(ydernumre)) == len(ydernumre) and all(isinstance(y, str) for y in ydernumre)
    assert all(r["list_size"] > 0 for r in rows)


def test_specialists_uneven(region) -> None:
    rows, geoms, _ = read_layer(region.gpkg, "specialists")
    assert {r["specialty"] for r in rows} <= set(SPECIALTIES)
    assert len({r["specialty"] for r in rows}) >= 4
    assert all(r["capacity"] > 0 for r in rows)
    k_rows, k_geoms, _ = read_layer(region.gpkg, "kommuner")
    counts = []
    for kg in k_geoms:
        shp = shapely_wkb.loads(kg)
        pts = [shapely_wkb.loads(g) for g in geoms]
        xs = np.array([p.x for p in pts])
        ys = np.array([p.y for p in pts])
        counts.append(int(points_in(shp, xs, ys).sum()))
    assert max(counts) > len(rows) / 2, "clustered in one kommune"
    assert min(counts) < len(rows) / 10


# ---------------------------------------------------------------------------------------------
# OSM
# ---------------------------------------------------------------------------------------------


def test_osm_xml_matches_roads(region) -> None:
    rows, coords = road_lines(region)
    root = ET.parse(region.roads_osm).getroot()
    nodes = {n.get("id"): (float(n.get("lon")), float(n.get("lat"))) for n in root.iter("node")}
    ways = list(root.iter("way"))
    assert len(ways) == len(rows)
    n_unique_vertices = len({tuple(p) for xy in coords for p in xy.tolist()})
    assert len(nodes) == n_unique_vertices, "junction vertices are shared nodes"
    for way, r, xy in zip(ways, rows, coords, strict=True):
        refs = [nd.get("ref") for nd in way.iter("nd")]
        assert len(refs) == len(xy)
        assert all(ref in nodes for ref in refs)
        tags = {t.get("k"): t.get("v") for t in way.iter("tag")}
        if r["road_class"] == "ferry":
            assert tags["route"] == "ferry"
            hh, mm = tags["duration"].split(":")
            assert int(hh) * 60 + int(mm) == round(r["duration_min"])
        else:
            assert tags["highway"] == r["road_class"]
        if r["maxspeed_kmh"] is not None:
            assert tags["maxspeed"] == str(r["maxspeed_kmh"])
        else:
            assert "maxspeed" not in tags
        assert tags.get("oneway") == r["oneway"]
    # lon/lat roughly in Denmark (UTM 32N around x 500-560 km, y 6200-6260 km)
    lon = np.array([v[0] for v in nodes.values()])
    lat = np.array([v[1] for v in nodes.values()])
    assert 8.9 < lon.min() and lon.max() < 10.0 and 55.9 < lat.min() and lat.max() < 56.6


def test_osm_pbf_matches_xml(region) -> None:
    osmium = pytest.importorskip("osmium")
    if region.roads_osm_pbf is None:
        pytest.skip("pyosmium could not write the .osm.pbf")

    class Count(osmium.SimpleHandler):
        def __init__(self) -> None:
            super().__init__()
            self.nodes = 0
            self.ways = 0
            self.ferries = 0

        def node(self, n) -> None:  # noqa: ANN001
            self.nodes += 1

        def way(self, w) -> None:  # noqa: ANN001
            self.ways += 1
            if w.tags.get("route") == "ferry":
                self.ferries += 1

    h = Count()
    h.apply_file(str(region.roads_osm_pbf))
    root = ET.parse(region.roads_osm).getroot()
    assert h.ways == len(list(root.iter("way")))
    assert h.nodes == len(list(root.iter("node")))
    assert h.ferries == 1


# ---------------------------------------------------------------------------------------------
# country network (small target)
# ---------------------------------------------------------------------------------------------


def test_country_network_small(tmp_path: Path) -> None:
    res = generate_country_network(
        tmp_path, seed=3, target_directed_edges=20_000, target_populated_cells=20_000
    )
    rows, geoms, (srs, meta, _types) = read_layer(res.roads_gpkg, res.roads_layer)
    assert srs.GetAuthorityCode(None) == "25832"
    assert "SYNTHETIC" in meta["DESCRIPTION"]
    assert len(rows) == res.n_road_lines
    n_seg = 0
    n_dir = 0
    verts = set()
    for r, g in zip(rows, geoms, strict=True):
        xy = np.asarray(shapely_wkb.loads(g).coords)
        k = len(xy) - 1
        n_seg += k
        n_dir += k if r["oneway"] in ("yes", "-1") else 2 * k
        verts.update(map(tuple, xy.tolist()))
        assert r["road_class"] in sample.ROAD_CLASSES
    assert n_seg == res.n_road_segments
    assert n_dir == res.n_directed_edges >= 20_000
    assert n_dir < 30_000
    assert len(verts) == res.n_nodes
    classes = {r["road_class"] for r in rows}
    assert {"motorway", "residential", "unclassified"} <= classes
    assert any(r["oneway"] == "yes" for r in rows)

    h_rows, _, _ = read_layer(res.hospitals_gpkg, res.hospitals_layer)
    assert len(h_rows) == res.n_hospitals == 21

    with rasterio.open(res.population_tif) as src:
        pop = src.read(1)
        assert src.crs.to_epsg() == 25832 and src.res == (100.0, 100.0)
    assert int(np.count_nonzero(pop)) == res.n_populated_cells >= 20_000
    assert int(pop.sum()) == res.total_population

    if res.roads_osm_pbf is not None:
        osmium = pytest.importorskip("osmium")

        class Count(osmium.SimpleHandler):
            def __init__(self) -> None:
                super().__init__()
                self.ways = 0
                self.nodes = 0

            def way(self, w) -> None:  # noqa: ANN001
                self.ways += 1

            def node(self, n) -> None:  # noqa: ANN001
                self.nodes += 1

        h = Count()
        h.apply_file(str(res.roads_osm_pbf))
        assert h.ways == res.n_road_lines
        assert h.nodes == res.n_nodes


def test_country_network_deterministic(tmp_path: Path) -> None:
    kw = {"seed": 5, "target_directed_edges": 8_000, "target_populated_cells": 5_000}
    a = generate_country_network(tmp_path / "a", **kw)
    b = generate_country_network(tmp_path / "b", **kw)
    assert a.roads_gpkg.read_bytes() == b.roads_gpkg.read_bytes()
    assert a.population_tif.read_bytes() == b.population_tif.read_bytes()
    assert a.n_directed_edges == b.n_directed_edges
