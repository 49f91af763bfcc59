"""Population polygons placed along roads (``POLYGON_ALLOCATION`` "roads", issue 10 item 3)."""

from __future__ import annotations

import numpy as np
import pytest
from pyproj import CRS
from shapely.geometry import MultiPolygon, Point, box

from sundplan_qgis import placement
from sundplan_qgis.errors import SundplanError
from sundplan_qgis.network import RoadLines
from sundplan_qgis.rasters import population_from_polygons

WKT = CRS.from_epsg(25832).to_wkt()


def road_lines(*lines: tuple[str, list[tuple[float, float]]]) -> RoadLines:
    """RoadLines from (class, vertices) pairs."""
    coords = np.array([xy for _cls, pts in lines for xy in pts], dtype="float64")
    offsets = np.cumsum([0] + [len(pts) for _cls, pts in lines]).astype(np.int64)
    n = len(lines)
    return RoadLines(
        coords=coords,
        offsets=offsets,
        road_class=np.array([cls for cls, _pts in lines], dtype=object),
        speed_kmh=np.full(n, np.nan),
        oneway=np.zeros(n, dtype=np.int8),
        ferry_duration_min=np.full(n, np.nan),
        crs_wkt=WKT,
        source_name="roads",
    ).validate()


def place(geoms, pop, lines, **kw):
    return population_from_polygons(
        geometries=geoms,
        population=pop,
        crs_wkt=WKT,
        source_name="k",
        method="roads",
        cell_size_m=kw.pop("cell_size_m", 100),
        lines=lines,
        **kw,
    )


def test_two_roads_share_by_weighted_length():
    """1000 residents in a 700 m × 1000 m polygon, a residential street 600 m inside it
    (weight 1) and a 400 m tertiary road (weight 0.5, so 200 m): 750 along the street, 250
    along the tertiary road; the motorway through the polygon gets nobody, the 700 m of
    the street outside the polygon neither."""
    lines = road_lines(
        ("residential", [(100, 250), (400, 250), (1400, 250)]),  # 600 m inside, 700 m outside
        ("tertiary", [(100, 750), (300, 750), (500, 750)]),
        ("motorway", [(50, 0), (50, 1000)]),
    )
    p = place([box(0, 0, 700, 1000)], [1000.0], lines)
    assert p.population.sum() == pytest.approx(1000.0, abs=1e-9)
    street = np.isclose(p.xy[:, 1], 250)
    tertiary = np.isclose(p.xy[:, 1], 750)
    assert (street | tertiary).all()
    assert p.population[street].sum() == pytest.approx(750.0)
    assert p.population[tertiary].sum() == pytest.approx(250.0)
    assert (p.xy[:, 0] > 100).all() and (p.xy[:, 0] < 700).all()
    # one location per 100 m cell holding road: 6 along the street, 4 along the tertiary road,
    # each 125 (street) or 62.5 (tertiary) residents per 100 m
    assert street.sum() == 6 and tertiary.sum() == 4
    np.testing.assert_allclose(p.population[street], 125.0)
    np.testing.assert_allclose(p.population[tertiary], 62.5)
    assert p.kind.startswith("polygons (along roads")
    assert p.allocation["method"] == "along roads (residential road length)"
    assert p.allocation["polygons_along_residential_roads"] == 1
    assert p.warnings == []


def test_conservation_per_polygon_and_fallbacks_warned():
    """Per polygon the placed residents sum to its population: with residential roads, with
    only a motorway (all roads, warned) and with no road (areal, warned), and one of 0."""
    geoms = [
        box(0, 0, 1000, 1000),  # residential
        MultiPolygon([box(2000, 0, 2500, 500), box(3000, 0, 3500, 500)]),  # motorway only
        box(5000, 0, 6000, 1000),  # no road: areal
        box(7000, 0, 8000, 1000),  # nobody lives here
    ]
    pop = [1234.5, 77.0, 31.0, 0.0]
    lines = road_lines(
        ("residential", [(10, 10), (990, 990)]),
        ("living_street", [(10, 990), (500, 500)]),
        ("motorway", [(2100, 250), (2400, 250), (3100, 260), (3400, 260)]),
        ("ferry", [(5100, 500), (5900, 500)]),  # ferries carry nobody
        ("residential", [(7100, 500), (7900, 500)]),
    )
    p = place(geoms, pop, lines)
    for i, g in enumerate(geoms):
        inside = p.feature_ids == i
        assert p.population[inside].sum() == pytest.approx(pop[i], rel=1e-12, abs=1e-9)
        assert all(g.contains(Point(x, y)) for x, y in p.xy[inside])
    assert p.population.dtype == np.float64
    assert (p.feature_ids == 2).sum() == 100  # areal: 10 × 10 cells of 100 m
    assert p.allocation["polygons_along_all_roads"] == 1
    assert p.allocation["polygons_without_roads_areal"] == 1
    texts = [str(w) for w in p.warnings]
    assert len(texts) == 2
    assert texts[0].startswith("1 population polygons have no residential roads")
    assert texts[1].startswith("1 population polygons have no road inside")


def test_without_road_lines_roads_is_areal():
    geoms = [box(0, 0, 1000, 1000), box(2000, 0, 2010, 10)]
    roads = place(geoms, [100.0, 5.0], None)
    areal = population_from_polygons(
        geometries=geoms,
        population=[100.0, 5.0],
        crs_wkt=WKT,
        source_name="k",
        method="areal",
        cell_size_m=100,
    )
    np.testing.assert_array_equal(roads.xy, areal.xy)
    np.testing.assert_array_equal(roads.population, areal.population)
    assert roads.kind == areal.kind and roads.allocation is None


def test_unknown_method_names_the_choices():
    with pytest.raises(SundplanError, match="'roads', 'areal' or 'centroid'"):
        population_from_polygons(
            geometries=[box(0, 0, 1, 1)], population=[1.0], crs_wkt=WKT, source_name="k", method="x"
        )


def test_samples_every_100_m_at_piece_middles():
    lines = road_lines(("residential", [(0, 0), (250, 0)]), ("ferry", [(0, 5), (900, 5)]))
    xy, metres, res_w, drv_w = placement.road_samples(lines)
    np.testing.assert_allclose(xy[:, 0], [250 / 6, 125, 250 * 5 / 6])
    np.testing.assert_allclose(metres, [250 / 3] * 3)
    assert (res_w == 1.0).all() and (drv_w == 1.0).all()


def test_tarnby_residents_stay_on_amager(shared_data):
    """Tårnby (0185) includes Saltholm, an island without roads east of Amager: spread
    evenly, 27 % of Tårnby's residents landed there; along roads none do. All 98 kommuner
    over the national main roads in seconds, every kommune's population conserved."""
    import time

    import geopandas as gpd

    from sundplan_qgis import network

    lines = network.read_lines_ogr(
        shared_data / "osm-roads-dk-2021" / "dk_roads_osm2021_z13.gpkg", class_field="class"
    )
    k = gpd.read_file(
        shared_data / "dagi-kommuner-regioner-2021-folk1a" / "kommuner_2021_folk1a.geojson"
    ).to_crs(25832)
    t0 = time.perf_counter()
    p = place(list(k.geometry), k.population.astype(float).tolist(), lines, cell_size_m=500)
    assert time.perf_counter() - t0 < 20
    got = np.bincount(p.feature_ids, weights=p.population, minlength=len(k))
    np.testing.assert_allclose(got, k.population.to_numpy(float), rtol=1e-12, atol=1e-6)

    tarnby = int(np.flatnonzero(k.kode.astype(str) == "0185")[0])
    parts = list(k.geometry.iloc[tarnby].geoms)
    saltholm = max((g for g in parts if g.bounds[0] > 734000), key=lambda g: g.area)
    assert saltholm.area > 10e6  # the island (about 16 km²), not a skerry
    mine = p.feature_ids == tarnby
    assert p.population[mine].sum() == pytest.approx(float(k.population.iloc[tarnby]))
    on_saltholm = np.array([saltholm.buffer(500).contains(Point(x, y)) for x, y in p.xy[mine]])
    assert not on_saltholm.any()
    assert (p.xy[mine, 0] < 733000).all()
