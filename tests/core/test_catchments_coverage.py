"""Issue 9 for the routing tools, by hand: residents not reached are counted and shown, access
legs stay on land (the union of the areas), and hospital ids are the user's ids."""

from __future__ import annotations

import numpy as np
import pandas as pd
import pytest
from shapely.geometry import Point, box

from sundplan_qgis import catchments as C
from sundplan_qgis.areas import AreaTable
from sundplan_qgis.errors import SundplanError
from sundplan_qgis.land import OFF_LAND, land_from_areas, part_of_points
from sundplan_qgis.rasters import population_from_points

from .test_catchments import WKT, tiny_graph, two_way

# Two islands and a 100 m strait: A = [0, 10 km]², B = [10.1 km, 20 km] × [0, 10 km].
ISLAND_A = box(0, 0, 10_000, 10_000)
ISLAND_B = box(10_100, 0, 20_000, 10_000)
HOSPITAL = (5000, 5050)


def island_road():
    """A road on island A only: node 0 at the hospital, node 1 by the strait, 60 s apart."""
    return tiny_graph([HOSPITAL, (9900, 5050)], two_way([(0, 1, 60)]))


def islands(max_snap_m=5000.0, *, land_mask=True, extra_xy=(), extra_pop=()):
    # r1 on A, 500 m north of node 1; r2 on B, 300 m east of node 1 across the strait.
    xy = np.array([(9900, 5550), (10_200, 5050), *extra_xy], dtype=float)
    pop = np.array([10.0, 4.0, *extra_pop])
    population = population_from_points(xy=xy, population=pop, crs_wkt=WKT, source_name="p")
    return C.run_catchments(
        island_road(),
        hospital_xy=[HOSPITAL],
        hospital_names=["H"],
        hospital_ids=[7],
        population=population,
        areas=AreaTable.from_polygons([ISLAND_A, ISLAND_B], ["A", "B"], ["Island A", "Island B"]),
        bands_min=[1, 2, 3],
        max_snap_m=max_snap_m,
        cell_size_m=100,
        land_mask=land_mask,
    )


def test_land_parts_of_two_islands():
    land = land_from_areas([ISLAND_B, ISLAND_A, box(0, 0, 5000, 5000)])
    assert len(land.parts) == 2  # A and the box inside it merge; B stays apart
    assert land.area_km2 == pytest.approx(100 + 99)
    parts = part_of_points(land, np.array([[1, 1], [15_000, 1], [10_050, 5000], [-5, 0]]))
    assert parts.tolist() == [0, 1, OFF_LAND, OFF_LAND]  # largest part first


def test_resident_across_a_strait_is_unsnapped_with_the_land_mask():
    res = islands(land_mask=True)
    # r1: 500 m at 30 km/h = 60 s, plus 60 s on the road = 2 minutes. r2 has no road on B.
    assert res.locations.status.tolist() == [C.STATUS_OK, C.STATUS_UNSNAPPED]
    assert res.locations.time_min[0] == pytest.approx(2.0, abs=1e-6)
    assert res.report["land_mask"]["used"] is True
    areas = res.areas.set_index("area_id")
    assert areas.loc["B", "pop_unsnapped"] == 4 and areas.loc["B", "share_not_reached"] == 1.0
    assert areas.loc["A", "share_not_reached"] == 0.0
    assert np.isnan(areas.loc["B", "mean_min"])  # means are of reached residents: none on B
    cov = res.report["coverage"]
    assert (cov["total"], cov["reached"], cov["unsnapped"], cov["not_reached"]) == (14, 10, 4, 4)
    assert cov["share_not_reached"] == pytest.approx(4 / 14)


def test_resident_across_a_strait_is_snapped_without_the_land_mask():
    res = islands(land_mask=False)
    assert res.locations.status.tolist() == [C.STATUS_OK, C.STATUS_OK]
    # r2: 300 m straight over the strait at 30 km/h = 36 s, plus 60 s on the road.
    assert res.locations.time_min[1] == pytest.approx(96 / 60, abs=1e-6)
    assert res.report["land_mask"]["used"] is False
    assert "No land mask was used" in res.report["land_mask"]["note"]


def test_polygons_and_raster_are_clipped_to_the_land():
    # With 8 km snapping every cell of A reaches a road node on A; B has no road at all.
    res = islands(max_snap_m=8000)
    catch = res.catchments.set_index("hospital_id")
    assert catch.loc[7, "area_km2"] == pytest.approx(100.0)  # exactly island A, no strait
    assert res.catchment_polygons[0].within(ISLAND_A.buffer(1e-6))
    bands = res.bands.set_index("band_id")
    reached = bands.drop(index=C.NOT_REACHED_BAND)
    assert reached.area_km2.sum() == pytest.approx(100.0)
    # The "not reached" class: r2's 4 residents and their cell (100 m × 100 m on B).
    nr = bands.loc[C.NOT_REACHED_BAND]
    assert nr.band == "not reached" and nr.population == 4
    assert nr.area_km2 == pytest.approx(0.01)
    assert res.band_polygons[C.NOT_REACHED_BAND].contains(Point(10_250, 5050))
    assert bands.population.sum() == 14  # bands + not reached = input total
    # Raster: cells centred in the strait are nodata; cells on A have a time.
    grid = res.grid
    t = grid.transform

    def cell(x, y):
        return int((y - t.f) // t.e) * grid.width + int((x - t.c) // t.a)

    assert np.isnan(res.surface_time_min[cell(10_050, 5050)])
    assert np.isfinite(res.surface_time_min[cell(9950, 5050)])
    assert np.isnan(res.surface_time_min[cell(10_150, 5050)])  # on B: no road
    # Without the mask the strait cell gets a time (its leg crosses the sea).
    free = islands(max_snap_m=8000, land_mask=False)
    assert np.isfinite(free.surface_time_min[cell(10_050, 5050)])
    assert free.catchments.area_km2.iloc[0] > 100.0


def test_hospital_snaps_only_on_its_own_island():
    g = island_road()
    land = land_from_areas([ISLAND_A, ISLAND_B])
    with pytest.raises(SundplanError, match="no road on its land part"):
        C.solve_network(
            g, hospital_xy=[(10_200, 5050)], hospital_names=["On B"], max_snap_m=5000, land=land
        )
    # Without the land mask it would snap to node 1 across the strait (300 m).
    sol = C.solve_network(g, hospital_xy=[(10_200, 5050)], hospital_names=["On B"])
    assert sol.hospital_snap_m[0] == pytest.approx(300)


def test_off_land_residents_keep_the_nearest_road():
    # A populated point 50 m off A's coast (in the strait) still snaps, to node 1 (150 m).
    res = islands(extra_xy=[(10_050, 5050)], extra_pop=[3.0])
    assert res.locations.status[2] == C.STATUS_OK
    assert res.locations.snap_m[2] == pytest.approx(150)
    assert res.report["land_mask"]["population_off_land"] == 3


def test_hospital_ids_are_the_users_ids():
    g = tiny_graph([(0, 0), (1000, 0), (2000, 0)], two_way([(0, 1, 60), (1, 2, 60)]))
    xy = np.array([[0, 0], [2000, 0]], dtype=float)
    population = population_from_points(
        xy=xy, population=np.array([5.0, 6.0]), crs_wkt=WKT, source_name="p"
    )
    run = {
        "hospital_xy": [(0, 0), (2000, 0)],
        "hospital_names": ["W", "E"],
        "population": population,
    }
    res = C.run_catchments(g, hospital_ids=[17, 4], **run)
    assert res.catchments.hospital_id.tolist() == [17, 4]
    assert res.catchments.hospital_id.dtype.kind == "i"
    assert [h["hospital_id"] for h in res.report["hospitals"]] == [17, 4]
    assert res.catchments.population.tolist() == [5.0, 6.0]
    text = C.run_catchments(g, hospital_ids=["SOR-9", "SOR-2"], **run)
    assert text.catchments.hospital_id.tolist() == ["SOR-9", "SOR-2"]
    # Without ids: 1..H in the order given.
    assert C.run_catchments(g, **run).catchments.hospital_id.tolist() == [1, 2]
    with pytest.raises(SundplanError, match="used by both 'W' and 'E'"):
        C.run_catchments(g, hospital_ids=[3, 3], **run)
    with pytest.raises(SundplanError, match="Hospital 'E' has no id"):
        C.run_catchments(g, hospital_ids=[3, None], **run)


def test_scenario_counts_residents_reached_in_only_one_run():
    from sundplan_qgis.scenario import UNREACHED, run_scenario

    # Island B gets its own road (nodes 2-3) and hospital "Ø"; closing it strands B.
    g = tiny_graph(
        [HOSPITAL, (9900, 5050), (10_500, 5050), (15_000, 5050)],
        two_way([(0, 1, 60), (2, 3, 120)]),
    )
    xy = np.array([(9900, 5550), (10_500, 5350)], dtype=float)
    population = population_from_points(
        xy=xy, population=np.array([10.0, 4.0]), crs_wkt=WKT, source_name="p"
    )
    res = run_scenario(
        g,
        baseline_xy=[HOSPITAL, (15_000, 5050)],
        baseline_names=["H", "Ø"],
        baseline_ids=[7, 21],
        scenario_xy=[HOSPITAL],
        scenario_names=["H"],
        scenario_ids=[7],
        population=population,
        areas=AreaTable.from_polygons([ISLAND_A, ISLAND_B], ["A", "B"], ["Island A", "Island B"]),
        bands_min=[5],
    )
    # The 4 on B: baseline 300 m (36 s) + 120 s to Ø; in the scenario their road leads nowhere.
    assert res.baseline.locations.time_min[1] == pytest.approx(156 / 60)
    assert res.scenario.locations.status[1] == C.STATUS_UNREACHABLE
    assert len(res.switches) == 1
    row = res.switches.iloc[0]
    assert (row.from_hospital_id, row.from_hospital, row.to_hospital) == (21, "Ø", UNREACHED)
    assert pd.isna(row.to_hospital_id) and row.population == 4
    assert res.report["population_newly_unreached"] == 4
    assert res.report["population_newly_reached"] == 0
    ac = res.area_changes.set_index("area_id")
    assert ac.loc["B", "pop_newly_not_reached"] == 4 and ac.loc["A", "pop_newly_not_reached"] == 0
    assert ac.loc["B", "base_pop_unreachable"] == 0 and ac.loc["B", "pop_unreachable"] == 4
    assert ac.loc["B", "base_share_not_reached"] == 0 and ac.loc["B", "share_not_reached"] == 1
    assert ac.loc["B", "change_pop_unreachable"] == 4
    # The other way round (opening Ø) the 4 are newly reached.
    back = run_scenario(
        g,
        baseline_xy=[HOSPITAL],
        baseline_names=["H"],
        scenario_xy=[HOSPITAL, (15_000, 5050)],
        scenario_names=["H", "Ø"],
        population=population,
        areas=AreaTable.from_polygons([ISLAND_A, ISLAND_B], ["A", "B"], ["Island A", "Island B"]),
        bands_min=[5],
    )
    assert back.report["population_newly_reached"] == 4
    assert back.area_changes.set_index("area_id").loc["B", "pop_newly_reached"] == 4


def test_method_note_says_statistics_are_of_reached_residents():
    from sundplan_qgis import page_text as rt

    prov = {"algorithm": "sundplan:catchments", "parameters": {"MAX_SNAP_M": 500}}
    da = rt.method_note("travel_time", provenance=prov)
    assert "gælder de nåede indbyggere" in da and "inden for 500 m" in da
    assert "samme ø" not in da  # no areas: no land mask to speak of
    with_areas = {**prov, "parameters": {"MAX_SNAP_M": 500, "AREAS": "kommuner.gpkg"}}
    assert "samme ø" in rt.method_note("travel_time", provenance=with_areas)
    en = rt.method_note("area_summary", provenance=with_areas, language="en")
    assert "of reached residents" in en and "same island" in en


def test_real_kommuner_catchments_cover_the_land_not_the_sea(shared_data):
    """Denmark's main roads (OSM 2021), the 21 akutsygehuse, FOLK1A 2021 spread over the
    kommuner: catchments add up to the kommuner's land area minus the land nobody reaches
    (roadless islands), against an independent union (geopandas) and rasterisation (rasterio)."""
    gpd = pytest.importorskip("geopandas")
    import rasterio.features
    from pyproj import CRS

    from sundplan_qgis import network, reference
    from sundplan_qgis.rasters import population_from_polygons

    roads = shared_data / "osm-roads-dk-2021" / "dk_roads_osm2021_z13.gpkg"
    graph = network.build_graph(network.read_lines_ogr(roads, class_field="class"))
    k = gpd.read_file(
        shared_data / "dagi-kommuner-regioner-2021-folk1a" / "kommuner_2021_folk1a.geojson"
    ).to_crs(25832)
    wkt = CRS.from_epsg(25832).to_wkt()
    population = population_from_polygons(
        geometries=list(k.geometry),
        population=k.population.astype(float).tolist(),
        crs_wkt=wkt,
        source_name="kommuner",
        cell_size_m=500,
    )
    h = reference.akutsygehuse()
    res = C.run_catchments(
        graph,
        hospital_xy=h[["x_25832", "y_25832"]].to_numpy(),
        hospital_names=list(h.name),
        hospital_ids=list(h.hospital_id),
        population=population,
        areas=AreaTable.from_polygons(list(k.geometry), list(k.kode), list(k.navn), "kommuner"),
        max_snap_m=5000,
        cell_size_m=500,
    )
    land_km2 = k.unary_union.area / 1e6
    assert res.report["land_mask"]["land_area_km2"] == pytest.approx(land_km2, abs=1e-3)
    on_land = (
        rasterio.features.rasterize(
            [(g, 1) for g in k.geometry],
            out_shape=(res.grid.height, res.grid.width),
            transform=res.grid.transform,
            fill=0,
        )
        .ravel()
        .astype(bool)
    )
    assert np.isnan(res.surface_time_min[~on_land]).all()  # no time at sea
    unreached_km2 = (on_land & (res.surface_hospital < 0)).sum() * 0.25
    catch_km2 = res.catchments.area_km2.sum()
    assert catch_km2 <= land_km2 * (1 + 1e-9)
    assert catch_km2 == pytest.approx(land_km2 - unreached_km2, rel=0.005)
    # Bands + not reached = the input total, to the person.
    assert res.bands.population.sum() == pytest.approx(k.population.sum())
    assert res.catchments.hospital_id.tolist() == list(h.hospital_id)
