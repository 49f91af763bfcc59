"""The embedded national geography ``resources/data/denmark.gpkg``.

Everything but the last two tests checks the shipped file alone; the tests taking
``shared_data`` compare it with its source in ``../shared`` and rebuild it (skipped, with a
reason, where ``../shared`` is absent).
"""

from __future__ import annotations

import json

import pytest
from shapely.geometry import Polygon, shape
from shapely.ops import unary_union

from sundplan_qgis import reference

POPULATION_2021Q1 = 5_840_045  # FOLK1A 2021K1, all of Denmark incl. Christiansø
CHRISTIANSOE_2021Q1 = 90
UNIT_COUNTS = {"regioner": 5, "regioner_2027": 4, "sundhedsraad": 17, "sundhedsfaellesskaber": 21}
UNIT_KEYS = {  # layer -> (id field, name field) in the kommuner layer
    "regioner": ("regionskode", "region"),
    "regioner_2027": ("region_2027_id", "region_2027"),
    "sundhedsraad": ("sundhedsraad_id", "sundhedsraad"),
    "sundhedsfaellesskaber": ("sundhedsfaellesskab_id", "sundhedsfaellesskab"),
}
MAX_BYTES = 3_000_000  # "≤ 3 MB" for everything (issue 10)


@pytest.fixture(scope="module")
def kommuner():
    return reference.national_layer("kommuner")


def test_file_is_small_enough():
    assert (reference.DATA_DIR / reference.NATIONAL_GPKG).stat().st_size <= MAX_BYTES


def test_kommuner_99_features_98_kommuner_and_christiansoe_flagged(kommuner):
    assert len(kommuner) == 99
    assert kommuner["kommunekode"].is_unique
    assert kommuner["kommunekode"].str.fullmatch(r"\d{4}").all()
    outside = kommuner[kommuner["outside_kommune_division"] == 1]
    assert outside["kommunekode"].tolist() == [reference.CHRISTIANSOE]
    assert outside["population"].tolist() == [CHRISTIANSOE_2021Q1]
    assert outside[["region", "sundhedsraad", "sundhedsfaellesskab"]].isna().all().all()
    assert (kommuner["stat_quarter"] == "2021K1").all()
    assert kommuner["population"].sum() == POPULATION_2021Q1
    assert all(g.geom_type == "MultiPolygon" and g.is_valid for g in kommuner["geometry"])
    # EPSG:25832 metres, Denmark incl. Bornholm and Christiansø
    xmin, ymin, xmax, ymax = unary_union(list(kommuner["geometry"])).bounds
    assert 400_000 < xmin and xmax < 900_000 and 6_040_000 < ymin and ymax < 6_410_000


def test_kommune_polygons_match_the_kommune_table(kommuner):
    polygons = reference.kommune_polygons().set_index("kommunekode")
    table = reference.kommuner().set_index("kommunekode")
    assert len(polygons) == 98
    assert sorted(polygons.index) == sorted(table.index)
    assert (polygons.loc[table.index, "population"] == table["population_2021q1"]).all()
    assert (polygons.loc[table.index, "region"] == table["region"]).all()
    assert (polygons.loc[table.index, "sundhedsraad_id"] == table["sundhedsraad_id"]).all()
    assert len(reference.kommune_polygons(include_outside=True)) == 99


def test_neighbours_share_borders_no_overlap_no_gap(kommuner):
    geometries = list(kommuner["geometry"])
    union = unary_union(geometries)
    total_m2 = sum(g.area for g in geometries)
    assert abs(total_m2 - union.area) <= 1e-6 * total_m2, "kommuner overlap"
    # a gap between neighbours is a hole of the union that is no hole of a single kommune
    own_holes = [Polygon(r) for g in geometries for p in g.geoms for r in p.interiors]
    for polygon in getattr(union, "geoms", [union]):
        for ring in polygon.interiors:
            hole = Polygon(ring)
            assert any(
                hole.symmetric_difference(h).area <= 1e-6 * hole.area for h in own_holes
            ), f"gap between kommuner near {hole.representative_point().wkt}"


@pytest.mark.parametrize("layer", list(UNIT_COUNTS))
def test_units_dissolved_from_their_kommuner(kommuner, layer):
    units = reference.national_layer(layer)
    id_field, name_field = UNIT_KEYS[layer]
    assert len(units) == UNIT_COUNTS[layer]
    assert units[id_field].is_unique and units[name_field].is_unique
    assert (units["stat_quarter"] == "2021K1").all()
    members = kommuner[kommuner[name_field].notna()]
    assert units["population"].sum() == POPULATION_2021Q1 - CHRISTIANSOE_2021Q1
    assert units["n_kommuner"].sum() == 98
    for unit in units.itertuples():
        rows = members[members[name_field] == getattr(unit, name_field)]
        assert len(rows) == unit.n_kommuner
        assert rows["population"].sum() == unit.population
        expected = unary_union(list(rows["geometry"]))
        assert unit.geometry.is_valid
        assert unit.geometry.symmetric_difference(expected).area <= 1e-6 * expected.area


def test_with_polygons_joins_every_reference_table():
    regions = reference.with_polygons(reference.regioner(), "regioner", key="regionskode")
    assert len(regions) == 5 and regions["geometry"].notna().all()
    table = reference.sundhedsraad()
    assert len(reference.with_polygons(table, "sundhedsraad", key="sundhedsraad_id")) == 17
    with pytest.raises(ValueError, match="sundhedsraad_id"):
        reference.with_polygons(
            table.assign(sundhedsraad_id=table["sundhedsraad_id"] + 100),
            "sundhedsraad",
            key="sundhedsraad_id",
        )


@pytest.mark.shared
def test_same_kommuner_as_the_source(shared_data, kommuner):
    path = shared_data / "dagi-kommuner-regioner-2021-folk1a" / "kommuner_2021_folk1a.geojson"
    with open(path, encoding="utf-8") as handle:
        features = json.load(handle)["features"]
    source = {f["properties"]["kode"]: f for f in features}
    assert set(source) == set(kommuner["kommunekode"])
    from pyproj import Transformer
    from shapely.ops import transform

    to_utm = Transformer.from_crs("EPSG:4326", "EPSG:25832", always_xy=True).transform
    for row in kommuner.itertuples():
        feature = source[row.kommunekode]
        assert row.population == int(feature["properties"]["population"])
        assert row.kommune == feature["properties"]["navn"]
        expected = transform(to_utm, shape(feature["geometry"]))
        # only reprojected and rounded to 1 cm: the shapes differ by less than a 1 cm band
        assert row.geometry.symmetric_difference(expected).area <= 0.01 * expected.length
    source_union = unary_union([shape(f["geometry"]) for f in features])
    ours = unary_union(list(kommuner["geometry"]))
    holes = sum(len(p.interiors) for p in getattr(source_union, "geoms", [source_union]))
    assert sum(len(p.interiors) for p in ours.geoms) == holes, "a gap that is not in the source"


@pytest.mark.shared
def test_generator_rebuilds_the_same_features_deterministically(shared_data, tmp_path):
    """The committed file is what the script makes (same features); two runs here give the
    same bytes (bytes are not compared with the committed file: another GDAL may lay the
    SQLite file out differently)."""
    import importlib.util

    script = reference.DATA_DIR / "make_national.py"
    spec = importlib.util.spec_from_file_location("make_national", script)
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    source = shared_data / "dagi-kommuner-regioner-2021-folk1a" / "kommuner_2021_folk1a.geojson"
    for run in ("a", "b"):
        (tmp_path / run).mkdir()
        module.main(source, tmp_path / run / reference.NATIONAL_GPKG)
    first = (tmp_path / "a" / reference.NATIONAL_GPKG).read_bytes()
    assert first == (tmp_path / "b" / reference.NATIONAL_GPKG).read_bytes()
    for layer in reference.NATIONAL_LAYERS:
        rebuilt = reference.national_layer(layer, data_dir=tmp_path / "a")
        shipped = reference.national_layer(layer)
        columns = [c for c in shipped.columns if c != "geometry"]
        assert rebuilt[columns].equals(shipped[columns]), layer
        assert [g.wkb for g in rebuilt["geometry"]] == [g.wkb for g in shipped["geometry"]]


def test_population_age_sex_agrees_with_the_quarterly_series():
    """Two FOLK1A tables, embedded separately, agree: kommune × sex × age summed per kommune
    equals the kommune total of the same quarter (2014K1), and the national total is DST's
    5 627 235 for 1 January 2014."""
    from sundplan_qgis import need

    ages = reference.population_age_sex()
    quarters = reference.population_quarters()
    assert len(ages) == 99 and ages["kommunekode"].is_unique
    columns = need.age_sex_columns(ages.columns)
    assert len(columns) == 2 * len(need.AGE_GROUPS)  # m_ and k_ for every 5-year group
    assert (ages["stat_quarter"] == "2014K1").all()
    assert (ages[list(columns)].sum(axis=1) == ages["population"]).all()
    assert ages["population"].sum() == 5_627_235
    q2014 = quarters[quarters["quarter"] == "2014K1"].set_index("kommunekode")["population"]
    assert ages.set_index("kommunekode")["population"].to_dict() == q2014.to_dict()


def test_population_quarters_every_quarter_every_kommune():
    quarters = reference.population_quarters()
    expected = [f"{y}K{q}" for y in range(2008, 2021) for q in range(1, 5)][:-1] + ["2021K1"]
    assert sorted(set(quarters["quarter"])) == sorted(expected)  # 2008K1 … 2020K3, 2021K1
    assert (quarters.groupby("quarter")["kommunekode"].nunique() == 99).all()
    q2021 = quarters[quarters["quarter"] == "2021K1"]
    kommuner = reference.national_layer("kommuner")
    assert q2021["population"].sum() == kommuner["population"].sum() == POPULATION_2021Q1
