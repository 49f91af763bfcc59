"""osm_download.download_roads against a local mock Overpass server (fully offline).

The canned network is described in ``tests/osm_mock.py``; every socket connection to a
non-loopback address fails during these tests.
"""

from __future__ import annotations

import math

import numpy as np
import pytest

pytest.importorskip("osmnx")

from sundplan_qgis import _compat, osm_download  # noqa: E402
from sundplan_qgis.errors import SundplanError  # noqa: E402
from tests import osm_mock  # noqa: E402 (the shared mock Overpass server)


@pytest.fixture
def offline(monkeypatch):
    osm_mock.loopback_only(monkeypatch)


@pytest.fixture
def server(offline):
    with osm_mock.OverpassMock() as mock:
        old = _compat.set_osmnx_overpass_endpoint(mock.endpoint)
        try:
            yield mock
        finally:
            _compat.set_osmnx_overpass_endpoint(old)


def _lonlat_of(lines):
    from pyproj import Transformer

    tr = Transformer.from_crs(lines.crs_wkt, "EPSG:4326", always_xy=True)
    lon, lat = tr.transform(lines.coords[:, 0], lines.coords[:, 1])
    return np.column_stack([lon, lat])


def _segments(lines):
    """{((lon, lat) from, (lon, lat) to): index} rounded to 1e-6 degrees."""
    ll = np.round(_lonlat_of(lines), 6)
    out = {}
    for i in range(lines.n_lines):
        a, b = lines.offsets[i], lines.offsets[i + 1]
        assert b - a == 2
        out[(tuple(ll[a]), tuple(ll[a + 1]))] = i
    return out


def _seg(lines, segs, n_from, n_to):
    key = (osm_mock.NODES[n_from], osm_mock.NODES[n_to])
    key = (tuple(np.round(key[0], 6)), tuple(np.round(key[1], 6)))
    return segs.get(key)


def test_download_converts_roads_and_ferry(server, tmp_path):
    lines = osm_download.download_roads(bbox_lonlat=osm_mock.BBOX, cache_dir=tmp_path / "cache")
    # 7 road segments (100: 2, 101: 1, 102: 2, 103: 1, 105: 1), footway dropped, ferry 2
    assert lines.n_lines == 9
    assert np.count_nonzero(lines.road_class == "ferry") == 2
    assert sorted(set(lines.road_class) - {"ferry"}) == ["primary", "residential", "tertiary"]
    assert "EPSG" in lines.crs_wkt and "25832" in lines.crs_wkt
    # projected metres around Aarhus (UTM 32N)
    assert 560_000 < lines.coords[:, 0].min() < lines.coords[:, 0].max() < 570_000
    assert 6_200_000 < lines.coords[:, 1].min() < 6_210_000

    segs = _segments(lines)
    # two-way roads appear once, in the digitised direction, with oneway 0
    for a, b in ((1, 2), (2, 3), (3, 6), (7, 8)):
        i = _seg(lines, segs, a, b)
        assert i is not None and lines.oneway[i] == 0, (a, b)
        assert _seg(lines, segs, b, a) is None, (b, a)
    # oneway=yes: along the way
    i = _seg(lines, segs, 3, 4)
    assert i is not None and lines.oneway[i] == 1
    # oneway=-1 on 4-5-2: stored in the travel direction 2 -> 5 -> 4, coded 1
    for a, b in ((2, 5), (5, 4)):
        i = _seg(lines, segs, a, b)
        assert i is not None and lines.oneway[i] == 1, (a, b)
    # speeds: maxspeed 80, DK:urban -> 50, none -> NaN (class default later)
    assert lines.speed_kmh[_seg(lines, segs, 1, 2)] == 80.0
    assert lines.speed_kmh[_seg(lines, segs, 3, 6)] == 50.0
    assert math.isnan(lines.speed_kmh[_seg(lines, segs, 7, 8)])
    # the ferry's 30 minutes are shared by its two segments in proportion to length
    ferry = lines.road_class == "ferry"
    assert np.isclose(np.nansum(lines.ferry_duration_min[ferry]), 30.0)
    assert np.all(lines.ferry_duration_min[ferry] > 0)
    assert np.all(np.isnan(lines.ferry_duration_min[~ferry]))
    assert np.all(lines.oneway[ferry] == 0)
    # one road query and one ferry query
    assert server.n_queries == 2
    assert sum('"route"="ferry"' in q for q in server.queries) == 1


def test_downloaded_network_routes_to_the_island(server, tmp_path):
    """The island (7, 8) is kept and reached by ferry: 30 min crossing + 10 min boarding."""
    from scipy.sparse.csgraph import dijkstra

    from sundplan_qgis import network

    lines = osm_download.download_roads(bbox_lonlat=osm_mock.BBOX, cache_dir=tmp_path)
    graph = network.build_graph(lines, ferry_boarding_min=10.0)
    assert graph.n_components == 1
    assert graph.stats["n_ferry_lines"] == 2

    def node(n):
        from pyproj import Transformer

        tr = Transformer.from_crs("EPSG:4326", lines.crs_wkt, always_xy=True)
        xy = np.array(tr.transform(*osm_mock.NODES[n]))
        d = np.hypot(*(graph.node_xy - xy).T)
        d[~graph.node_is_road] = np.inf
        return int(np.argmin(d))

    t = dijkstra(graph.forward, indices=node(6))
    assert t[node(7)] / 60 == pytest.approx(40.0, abs=0.01)
    # one-way 3 -> 4 only: 4 -> 3 must go round by 2 (4 -> 5 -> 2 is against oneway=-1)
    t4 = dijkstra(graph.forward, indices=node(4))
    assert not np.isfinite(t4[node(3)])


def test_second_call_is_served_from_the_cache(server, tmp_path):
    cache = tmp_path / "osm_cache"
    first = osm_download.download_roads(bbox_lonlat=osm_mock.BBOX, cache_dir=cache)
    n = server.n_queries
    status = server.status_requests
    assert n == 2 and any(cache.iterdir())
    second = osm_download.download_roads(bbox_lonlat=osm_mock.BBOX, cache_dir=cache)
    assert server.n_queries == n  # no new interpreter request
    assert server.status_requests == status  # and no status check either
    assert np.array_equal(first.coords, second.coords)
    assert np.array_equal(first.oneway, second.oneway)


def test_cache_works_with_the_server_gone(offline, tmp_path):
    cache = tmp_path / "c"
    with osm_mock.OverpassMock() as mock:
        url = mock.endpoint
        a = osm_download.download_roads(
            bbox_lonlat=osm_mock.BBOX, cache_dir=cache, overpass_url=url
        )
    b = osm_download.download_roads(bbox_lonlat=osm_mock.BBOX, cache_dir=cache, overpass_url=url)
    assert a.n_lines == b.n_lines == 9


def test_ferries_can_be_left_out(server, tmp_path):
    lines = osm_download.download_roads(
        bbox_lonlat=osm_mock.BBOX, cache_dir=tmp_path, include_ferries=False
    )
    assert lines.n_lines == 7 and "ferry" not in set(lines.road_class)
    assert server.n_queries == 1


def test_other_target_crs(server, tmp_path):
    lines = osm_download.download_roads(
        bbox_lonlat=osm_mock.BBOX, cache_dir=tmp_path, target_crs="EPSG:3035"
    )
    assert "3035" in lines.crs_wkt
    assert 4_000_000 < lines.coords[:, 0].min() < 5_000_000


def test_unreachable_overpass_is_a_clear_error(offline, tmp_path):
    url = osm_mock.unreachable_endpoint()
    with pytest.raises(
        SundplanError, match=r"(?is)could not download.*Overpass.*refused.*\.osm\.pbf"
    ):
        osm_download.download_roads(bbox_lonlat=osm_mock.BBOX, cache_dir=tmp_path, overpass_url=url)
    # the endpoint osmnx uses is restored afterwards
    assert _compat.osmnx_overpass_endpoint() != url


def test_settings_are_restored(server, tmp_path):
    import socket

    import osmnx

    before = (osmnx.settings.cache_folder, list(osmnx.settings.useful_tags_way))
    getaddrinfo = socket.getaddrinfo
    osm_download.download_roads(bbox_lonlat=osm_mock.BBOX, cache_dir=tmp_path)
    assert (osmnx.settings.cache_folder, list(osmnx.settings.useful_tags_way)) == before
    assert socket.getaddrinfo is getaddrinfo


def test_empty_area_is_a_clear_error(offline, tmp_path):
    with osm_mock.OverpassMock(empty=True) as mock:
        with pytest.raises(SundplanError, match="no drivable roads.*download extent"):
            osm_download.download_roads(
                bbox_lonlat=osm_mock.BBOX, cache_dir=tmp_path, overpass_url=mock.endpoint
            )


def test_too_large_area_is_refused_before_any_request(server, tmp_path):
    with pytest.raises(SundplanError, match=r"km².*\.osm\.pbf"):
        osm_download.download_roads(bbox_lonlat=(8.0, 54.5, 12.7, 57.8), cache_dir=tmp_path)
    assert server.n_queries == 0 and server.status_requests == 0


@pytest.mark.parametrize("bbox", [(10.1, 56.0, 10.0, 56.1), (10.0, 56.0, 10.1), (200, 0, 201, 1)])
def test_bad_extent_is_refused(server, tmp_path, bbox):
    with pytest.raises(SundplanError, match="extent"):
        osm_download.download_roads(bbox_lonlat=bbox, cache_dir=tmp_path)


def test_bbox_area():
    # 0.1 x 0.1 degree at 56 N: about 11.1 km x 6.2 km
    assert 65 < osm_download.bbox_area_km2((10.0, 56.0, 10.1, 56.1)) < 72


def test_offline_dns_falls_back_to_the_host_name(monkeypatch, tmp_path):
    """osmnx 1.2 resolves the Overpass host before reading its cache, falling back to
    DNS-over-HTTPS at Google; offline that must not raise, so a warm cache still works."""
    import osmnx
    import requests

    dl = getattr(osmnx, "downloader", None)
    if dl is None or not hasattr(dl, "_get_host_by_name"):
        pytest.skip("osmnx >= 2 has settings.doh_url_template instead")

    def no_internet(*args, **kwargs):
        raise requests.ConnectionError("no internet (test)")

    monkeypatch.setattr(requests, "get", no_internet)
    with _compat.osmnx_overpass_session(cache_dir=str(tmp_path)):
        assert dl._get_host_by_name("overpass.example") == ["overpass.example"]
    with pytest.raises(requests.ConnectionError):
        dl._get_host_by_name("overpass.example")
