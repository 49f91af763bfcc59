"""The shipped overview network (``resources/data/overview_roads.gpkg``): travel times equal to
those on the original 2021 main-road file, size and attribution; and ``length_m`` in the graph."""

from __future__ import annotations

import numpy as np
import pytest
from scipy.sparse.csgraph import dijkstra
from scipy.spatial import cKDTree

from sundplan_qgis import network, reference

ORIGINAL = ("osm-roads-dk-2021", "dk_roads_osm2021_z13.gpkg")


def _node_index(graph: network.RoadGraph) -> dict[tuple[float, float], int]:
    """Node id by exact coordinates (vertex nodes only; ferry dock twins come later)."""
    index: dict[tuple[float, float], int] = {}
    for i, (x, y) in enumerate(graph.node_xy.tolist()):
        index.setdefault((x, y), i)
    return index


def _times_to_nearest_hospital_min(graph, sources) -> np.ndarray:
    return dijkstra(graph.reverse, indices=sources, min_only=True) / 60.0


@pytest.mark.parametrize("oneway", [False, True], ids=["as-run", "oneway-respected"])
def test_times_on_the_overview_equal_the_original(shared_data, oneway):
    """Multi-source times from the 21 akutsygehuse at every junction common to both graphs,
    computed independently on the original file, agree to 1e-6 relative. With the one-way
    flags respected too (the chains keep one-way runs in their direction)."""
    original = network.read_lines_ogr(
        shared_data.joinpath(*ORIGINAL),
        class_field="class",
        oneway_field="oneway" if oneway else None,
    )
    shipped = network.read_lines_ogr(
        reference.overview_network_path(),
        class_field="class",
        duration_field="duration_min",
        length_field="length_m",
        oneway_field="oneway" if oneway else None,
    )
    g0 = network.build_graph(original)
    g1 = network.build_graph(shipped)
    assert shipped.n_lines < 0.75 * original.n_lines
    assert len(shipped.coords) < 0.5 * len(original.coords)

    idx0, idx1 = _node_index(g0), _node_index(g1)
    # the junctions: line ends of the shipped file (interior vertices are only shape), every
    # one a node of the original at bit-identical coordinates
    ends = shipped.coords[np.concatenate([shipped.offsets[:-1], shipped.offsets[1:] - 1])]
    common = sorted({(x, y) for x, y in ends.tolist()})
    assert all(xy in idx0 for xy in common)
    assert len(common) > 39_000  # the original has 39,501 nodes of degree other than 2

    # the sources: the road junction of the overview nearest each akutsygehus
    hospitals = reference.akutsygehuse()
    common_xy = np.array(common)
    road = g1.node_is_road[[idx1[xy] for xy in common]]
    tree = cKDTree(common_xy[road])
    dist_m, k = tree.query(hospitals[["x_25832", "y_25832"]].to_numpy())
    assert dist_m.max() < 3_000
    src_xy = [tuple(p) for p in common_xy[road][k].tolist()]
    t0 = _times_to_nearest_hospital_min(g0, [idx0[xy] for xy in src_xy])
    t1 = _times_to_nearest_hospital_min(g1, [idx1[xy] for xy in src_xy])
    a = t0[[idx0[xy] for xy in common]]
    b = t1[[idx1[xy] for xy in common]]
    assert np.array_equal(np.isfinite(a), np.isfinite(b))
    fin = np.isfinite(a)
    assert fin.mean() > 0.99
    np.testing.assert_allclose(b[fin], a[fin], rtol=1e-6, atol=1e-9)
    assert 5 < np.median(a[fin]) < 45  # minutes to the nearest akutsygehus, a sanity bound


def test_shipped_file_is_small_and_credits_openstreetmap():
    from osgeo import ogr

    path = reference.overview_network_path()
    assert path.stat().st_size <= 6_000_000
    dataset = ogr.Open(str(path))
    assert dataset.GetLayerCount() == 1
    layer = dataset.GetLayerByName(reference.OVERVIEW_LAYER)
    assert layer.GetSpatialRef().GetAuthorityCode(None) == "25832"
    meta = layer.GetMetadata()
    assert "© OpenStreetMap contributors, ODbL 1.0" in meta["DESCRIPTION"]
    assert meta["ATTRIBUTION"] == "© OpenStreetMap contributors, ODbL 1.0"
    names = [layer.GetLayerDefn().GetFieldDefn(i).GetName() for i in range(4)]
    assert names == ["class", "oneway", "duration_min", "length_m"]
    lines = reference.overview_network()
    classes = set(lines.road_class)
    assert classes == {
        "motorway", "trunk", "primary", "secondary", "tertiary", "ferry", "ferry_connector"
    }  # fmt: skip
    assert np.isfinite(lines.length_m).all()
    readme = (reference.DATA_DIR / "README.md").read_text("utf-8")
    assert "overview_roads.gpkg" in readme and "ODbL" in readme


def test_length_m_scales_the_line_and_leaves_ferry_durations():
    """A 300 m geometry with length_m 600 takes as long as 600 m; NaN keeps the geometry's
    length; a ferry with a duration keeps it whatever its length_m."""
    lines = network.RoadLines(
        coords=np.array(
            [[0, 0], [100, 0], [300, 0], [300, 0], [300, 100], [300, 100], [300, 1100]], float
        ),
        offsets=np.array([0, 3, 5, 7]),
        road_class=np.array(["primary", "primary", "ferry"], dtype=object),
        speed_kmh=np.array([72.0, 72.0, np.nan]),
        oneway=np.zeros(3, dtype=np.int8),
        ferry_duration_min=np.array([np.nan, np.nan, 30.0]),
        crs_wkt="EPSG:25832",
        source_name="t",
        length_m=np.array([600.0, np.nan, 5000.0]),
    )
    g = network.build_graph(lines, ferry_boarding_min=0.0)
    t = dijkstra(g.forward, indices=0)
    xy = {tuple(p): i for i, p in enumerate(g.node_xy.tolist())}
    assert t[xy[(300.0, 0.0)]] == pytest.approx(600 / 20)  # 72 km/h = 20 m/s
    assert t[xy[(300.0, 100.0)]] == pytest.approx(600 / 20 + 100 / 20)
    assert t[xy[(300.0, 1100.0)]] == pytest.approx(600 / 20 + 100 / 20 + 30 * 60)
    assert g.stats["total_length_km"] == pytest.approx((600 + 100 + 5000) / 1000)


def test_length_m_must_be_positive():
    lines = network.RoadLines(
        coords=np.array([[0, 0], [100, 0]], float),
        offsets=np.array([0, 2]),
        road_class=np.array(["primary"], dtype=object),
        speed_kmh=np.array([np.nan]),
        oneway=np.zeros(1, dtype=np.int8),
        ferry_duration_min=np.array([np.nan]),
        crs_wkt="EPSG:25832",
        source_name="t",
        length_m=np.array([-5.0]),
    )
    with pytest.raises(network.lines.SundplanError, match="not positive"):
        lines.validate()


def test_length_field_refuses_multipart_features(tmp_path):
    """The length belongs to a feature: a multi-part line would give each part the whole."""
    from osgeo import ogr, osr

    path = tmp_path / "multi.gpkg"
    srs = osr.SpatialReference()
    srs.ImportFromEPSG(25832)
    ds = ogr.GetDriverByName("GPKG").CreateDataSource(str(path))
    layer = ds.CreateLayer("roads", srs, ogr.wkbMultiLineString)
    layer.CreateField(ogr.FieldDefn("length_m", ogr.OFTReal))
    feature = ogr.Feature(layer.GetLayerDefn())
    feature.SetField("length_m", 250.0)
    feature.SetGeometry(ogr.CreateGeometryFromWkt("MULTILINESTRING ((0 0, 100 0), (0 10, 100 10))"))
    layer.CreateFeature(feature)
    ds = None
    with pytest.raises(network.lines.SundplanError, match="multi-part"):
        network.read_lines_ogr(path, length_field="length_m")
    assert network.read_lines_ogr(path).n_lines == 2  # without the field: as before
