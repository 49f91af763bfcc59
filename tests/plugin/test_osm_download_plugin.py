"""sundplan:catchments with DOWNLOAD_EXTENT: the network comes from osmnx, here from the mock
Overpass server of ``tests/osm_mock.py`` on 127.0.0.1 (no internet is ever contacted)."""

from __future__ import annotations

import json
from pathlib import Path

import numpy as np
import pytest
import rasterio
from qgis.core import (
    QgsFeature,
    QgsGeometry,
    QgsPointXY,
    QgsProcessingException,
    QgsVectorLayer,
)

pytest.importorskip("osmnx")


from tests import osm_mock  # noqa: E402 (the shared mock Overpass server)

W, S, E, N = osm_mock.BBOX
EXTENT_4326 = f"{W},{E},{S},{N} [EPSG:4326]"


@pytest.fixture
def overpass(monkeypatch, sundplan_package):
    compat = sundplan_package.sundplan_qgis._compat
    osm_mock.loopback_only(monkeypatch)
    with osm_mock.OverpassMock() as mock:
        old = compat.set_osmnx_overpass_endpoint(mock.endpoint)
        try:
            yield mock
        finally:
            compat.set_osmnx_overpass_endpoint(old)


def memory_layer(geom, name, crs, rows, fields="field=name:string&field=pop:double"):
    layer = QgsVectorLayer(f"{geom}?crs={crs}&{fields}", name, "memory")
    feats = []
    for g, *attrs in rows:
        f = QgsFeature(layer.fields())
        f.setAttributes(list(attrs))
        f.setGeometry(g)
        feats.append(f)
    layer.dataProvider().addFeatures(feats)
    return layer


def pt(node, dlat=0.0):
    lon, lat = osm_mock.NODES[node]
    return QgsGeometry.fromPointXY(QgsPointXY(lon, lat + dlat))


def params(tmp_path, **extra):
    hospitals = memory_layer("Point", "hospitals", "EPSG:4326", [(pt(2), "Testsygehus", 0.0)])
    # residents 100 m north of nodes 1, 3 and 8 (8 is on the island, only reached by ferry)
    people = memory_layer(
        "Point",
        "people",
        "EPSG:4326",
        [(pt(1, 0.0009), "a", 10.0), (pt(3, 0.0009), "b", 20.0), (pt(8, 0.0009), "c", 5.0)],
    )
    p = {
        "HOSPITALS": hospitals,
        "HOSPITAL_NAME_FIELD": "name",
        "DOWNLOAD_EXTENT": EXTENT_4326,
        "DOWNLOAD_CACHE": str(tmp_path / "osm_cache"),
        "POPULATION_LAYER": people,
        "POPULATION_FIELD": "pop",
        "CELL_SIZE_M": 100.0,
        "TRAVEL_TIME": str(tmp_path / "tt.tif"),
        "CATCHMENTS": str(tmp_path / "c.gpkg"),
        "BAND_POLYGONS": str(tmp_path / "b.gpkg"),
        "REPORT": str(tmp_path / "r.json"),
    }
    p.update(extra)
    return p


def run(p):
    import processing

    return processing.run("sundplan:catchments", p)


def test_catchments_on_a_downloaded_network(sundplan_provider, overpass, tmp_path):
    res = run(params(tmp_path))
    assert overpass.n_queries == 2  # roads + ferries
    assert any((tmp_path / "osm_cache").iterdir())
    report = json.loads(Path(res["REPORT"]).read_text("utf-8"))
    assert report["network"]["lines"] == 9
    assert "OpenStreetMap download" in json.dumps(report)

    catch = QgsVectorLayer(res["CATCHMENTS"], "c", "ogr")
    feats = list(catch.getFeatures())
    assert len(feats) == 1 and feats[0]["population"] == pytest.approx(35.0)
    # the island resident: 30 min ferry + 15 min boarding (default) + a little road
    assert 45.0 < feats[0]["max_min"] < 50.0
    with rasterio.open(res["TRAVEL_TIME"]) as src:
        tt = src.read(1)
        assert src.crs.to_epsg() == 25832
    valid = tt[tt != -9999.0]
    assert valid.size >= 3 and valid.min() < 5.0 and valid.max() > 45.0

    # the same extent again: answered from the cache, no request
    again = tmp_path / "again"
    again.mkdir()
    run(
        params(
            again,
            DOWNLOAD_CACHE=str(tmp_path / "osm_cache"),
        )
    )
    assert overpass.n_queries == 2


def test_extent_in_another_crs_is_transformed(sundplan_provider, overpass, tmp_path):
    from pyproj import Transformer

    to_utm = Transformer.from_crs(4326, 25832, always_xy=True)
    xs, ys = to_utm.transform([W, E, W, E], [S, S, N, N])
    extent = f"{min(xs)},{max(xs)},{min(ys)},{max(ys)} [EPSG:25832]"
    res = run(params(tmp_path, DOWNLOAD_EXTENT=extent))
    assert overpass.n_queries == 2
    report = json.loads(Path(res["REPORT"]).read_text("utf-8"))
    assert report["network"]["lines"] == 9


def test_network_layer_takes_precedence_over_the_extent(sundplan_provider, overpass, tmp_path):
    from pyproj import Transformer

    to_utm = Transformer.from_crs(4326, 25832, always_xy=True)
    line = QgsGeometry.fromPolylineXY(
        [QgsPointXY(*to_utm.transform(*osm_mock.NODES[n])) for n in (1, 2, 3)]
    )
    roads = memory_layer(
        "LineString", "roads", "EPSG:25832", [(line, "primary")], "field=road_class:string"
    )
    # only residents near that road
    people = memory_layer("Point", "people", "EPSG:4326", [(pt(1, 0.0009), "a", 10.0)])
    p = params(
        tmp_path,
        NETWORK_LAYER=roads,
        CLASS_FIELD="road_class",
        POPULATION_LAYER=people,
    )
    res = run(p)
    assert overpass.n_queries == 0
    report = json.loads(Path(res["REPORT"]).read_text("utf-8"))
    assert report["network"]["lines"] == 1


def test_unreachable_overpass_names_the_fix(
    sundplan_provider, monkeypatch, sundplan_package, tmp_path
):
    compat = sundplan_package.sundplan_qgis._compat
    osm_mock.loopback_only(monkeypatch)
    old = compat.set_osmnx_overpass_endpoint(osm_mock.unreachable_endpoint())
    try:
        with pytest.raises(QgsProcessingException, match=r"(?is)could not download.*\.osm\.pbf"):
            run(params(tmp_path))
    finally:
        compat.set_osmnx_overpass_endpoint(old)


def test_without_an_extent_nothing_is_downloaded(sundplan_provider, overpass, tmp_path):
    """No network and no extent: the shipped overview network, never a download."""
    p = params(tmp_path, MAX_SNAP_M=5000.0)
    p.pop("DOWNLOAD_EXTENT")
    res = run(p)
    assert overpass.n_queries == 0
    report = json.loads(Path(res["REPORT"]).read_text("utf-8"))
    assert report["network"]["source"] == "overview"


def test_download_parameters_exist(sundplan_provider):
    from qgis.core import QgsApplication

    alg = QgsApplication.processingRegistry().algorithmById("sundplan:catchments")
    ext = alg.parameterDefinition("DOWNLOAD_EXTENT")
    cache = alg.parameterDefinition("DOWNLOAD_CACHE")
    assert ext is not None and ext.flags() & ext.FlagOptional
    assert cache is not None and str(cache.defaultValue()).endswith(
        str(Path("sundplan", "osm_cache"))
    )
    assert np.bool_(cache.flags() & cache.FlagAdvanced)
