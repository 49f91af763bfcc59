"""2SFCA: residents not reached are counted per area, never silently dropped; no practice on
the network stops the run. Numbers counted by hand on a tiny road network."""

from __future__ import annotations

import numpy as np
import pytest
from pyproj import CRS

from sundplan_qgis import coverage, fca, fca_network, network
from sundplan_qgis.errors import SundplanError

WKT = CRS.from_epsg(25832).to_wkt()


def roads(*polylines, speed=60.0):
    """RoadLines from polylines (lists of (x, y) metres), two-way, 60 km/h = 1 min per km."""
    coords = [np.asarray(p, float) for p in polylines]
    offsets = np.concatenate([[0], np.cumsum([len(c) for c in coords])])
    k = len(coords)
    return network.RoadLines(
        coords=np.concatenate(coords),
        offsets=offsets,
        road_class=np.array(["residential"] * k, dtype=object),
        speed_kmh=np.full(k, speed),
        oneway=np.zeros(k, dtype=np.int8),
        ferry_duration_min=np.full(k, np.nan),
        crs_wkt=WKT,
        source_name="tiny roads",
    )


# Main road y = 0 from x = 0 to 2 km (a vertex every km) with the practice at (0, 0); an
# isolated 1 km road at y = 10 km that leads to no practice.
GRAPH = network.build_graph(roads([(0, 0), (1000, 0), (2000, 0)], [(0, 10_000), (1000, 10_000)]))
# resident: (x, y, population, area)
RESIDENTS = [
    (1000, 0, 10, 0),  # on the road, 1 min: reached
    (2000, 100, 20, 0),  # 2 min + 100 m at 30 km/h (0.2 min) = 2.2 > 1.5: reached, access 0
    (500, 10_000, 30, 0),  # 500 m from the isolated road: unreachable
    (5000, 5000, 40, 1),  # 5 km from any road: unsnapped
    (1000, 50, 50, 1),  # 1 min + 0.1 min: reached
]


@pytest.mark.parametrize("workers", [1, 2])
def test_not_reached_per_area_counted_by_hand(workers):
    xy = np.array([r[:2] for r in RESIDENTS], float)
    pop = np.array([r[2] for r in RESIDENTS], float)
    area = np.array([r[3] for r in RESIDENTS])
    pairs, res = fca_network.network_fca(
        GRAPH,
        demand_xy=xy,
        supply_xy=np.array([[0.0, 0.0]]),
        demand=pop,
        capacity=np.array([1.0]),
        decay=fca.make_decay("2sfca", 1.5),
        max_snap_m=1000,
        access_speed_kmh=30,
        workers=workers,
    )
    assert pairs.demand_status.tolist() == [
        fca.STATUS_OK,
        fca.STATUS_OK,
        fca.STATUS_UNREACHABLE,
        fca.STATUS_UNSNAPPED,
        fca.STATUS_OK,
    ]
    # the practice serves the 10 and the 50 within 1.5 min: ratio 1 / 60
    ratio = 1 / 60
    np.testing.assert_allclose(res.access[[0, 1, 4]], [ratio, 0.0, ratio], rtol=1e-12)
    assert np.isnan(res.access[2]) and np.isnan(res.access[3])  # not computed, not 0
    df = fca.area_access(
        res.access,
        pop,
        area_index=area,
        area_ids=["A", "B"],
        area_names=["Aby", "Bby"],
        status=pairs.demand_status,
    )
    a, b = df.iloc[0], df.iloc[1]
    assert (a["population"], a["pop_unsnapped"], a["pop_unreachable"]) == (60, 0, 30)
    assert (b["population"], b["pop_unsnapped"], b["pop_unreachable"]) == (90, 40, 0)
    assert a["share_not_reached"] == pytest.approx(30 / 60)
    assert b["share_not_reached"] == pytest.approx(40 / 90)
    # means are of reached residents only: A = (10 × 1/60 + 20 × 0) / 30
    assert a["access_mean_per_10000"] == pytest.approx((10 * ratio + 20 * 0) / 30 * 1e4)
    assert b["access_mean_per_10000"] == pytest.approx(ratio * 1e4)
    # "no practice within the threshold" is a result (reached, access 0), not "not reached"
    assert a["pop_no_practice_within_threshold"] == 20
    assert a["pop_not_located"] == a["pop_unsnapped"] + a["pop_unreachable"]
    cov = fca.coverage_of(pop, pairs.demand_status)
    assert (cov["total"], cov["unsnapped"], cov["unreachable"]) == (150, 40, 30)
    assert cov["share_not_reached"] == pytest.approx(70 / 150)
    worst = coverage.worst_areas(df, threshold_pct=1.0)
    assert [w["area"] for w in worst] == ["Bby", "Aby"]  # 40 before 30 not reached


def test_straight_line_reaches_everyone():
    pairs = fca.straight_line_pairs(
        np.array([[0.0, 0], [1e6, 0]]), np.zeros((1, 2)), threshold_min=5
    )
    cov = fca.coverage_of(np.array([3.0, 4.0]), pairs.demand_status)
    assert cov["not_reached"] == 0 and cov["share_not_reached"] == 0


@pytest.mark.parametrize("workers", [1, 2])
def test_every_practice_off_the_network_stops_with_a_message(workers):
    with pytest.raises(SundplanError) as info:
        fca_network.network_fca(
            GRAPH,
            demand_xy=np.array([[1000.0, 0]]),
            supply_xy=np.array([[50_000.0, 0], [0.0, 30_000]]),
            demand=np.array([5.0]),
            capacity=np.array([1.0, 2.0]),
            decay=fca.make_decay("2sfca", 30),
            max_snap_m=1000,
            supply_names=["Fjernklinikken", "Havpraksis"],
            supply_source="Lægepraksis 2025",
            workers=workers,
        )
    text = str(info.value)
    assert "None of the 2 practice(s) of 'Lægepraksis 2025'" in text
    assert "'tiny roads'" in text and "maximum snap distance" in text
    # the nearest one first: Havpraksis is 20 km from the isolated road, the other 48 km
    assert text.index("Havpraksis") < text.index("Fjernklinikken")
    assert "20,000 m" in text


def test_some_practices_off_the_network_are_reported_not_an_error():
    pairs = fca_network.network_pairs(
        GRAPH,
        demand_xy=np.array([[1000.0, 0]]),
        supply_xy=np.array([[0.0, 0], [50_000.0, 0]]),
        threshold_min=30,
        supply_names=["Near", "Far"],
    )
    assert pairs.supply_status.tolist() == [fca.STATUS_OK, fca.STATUS_UNSNAPPED]
