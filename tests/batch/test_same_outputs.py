"""Issue 14 guard: the refactor changes no output.

Every sundplan algorithm runs on the sample region twice, once with the plugin tree of the
pre-refactor commit :data:`BASELINE_COMMIT` (from ``git archive``) and once with this tree,
each in its own headless QGIS process; every file written, the run reports, the styles stored
in the outputs and the map report's text must be the same (see ``same_outputs.py`` for what
counts as the same and what is left out as volatile).

Cases are written in the vocabulary of the current tree. Where the baseline needs other values,
a case has a ``baseline`` override; renamed parameters are translated by ``same_outputs.RENAMES``
(each tree gets the name it declares); enum values are ``C(key, old_index)``, sent by key to a
tree that declares its options with ``add_choice`` and by position to the baseline.
"""

from __future__ import annotations

import json

import pytest

from tests import osm_mock

from . import same_outputs as so
from .same_outputs import C, Case

pytestmark = pytest.mark.slow

BASELINE_COMMIT = "bd0c8b5774142b0f33da75fe2414935bb3ada4df"

SAMPLE = "{sample}/sample_region.gpkg"
PBF = "{sample}/roads.osm.pbf"
RASTER = "{sample}/population.tif"
KOMMUNER = SAMPLE + "|layername=kommuner"
# The sample's kommuner under real kommunekoder (9004 -> Christiansø, 0411, in no region),
# so the embedded groupings and their rule for unmatched ids are exercised.
REAL_KOMMUNER = "{data}/kommuner_real.gpkg|layername=kommuner"
AREAS = {"AREAS": KOMMUNER, "AREA_ID_FIELD": "kommunekode", "AREA_NAME_FIELD": "kommune"}
REAL_AREAS = {**AREAS, "AREAS": REAL_KOMMUNER}
HOSPITALS = {
    "HOSPITALS": SAMPLE + "|layername=hospitals",
    "HOSPITAL_NAME_FIELD": "name",
    "ACTIVE_EXPRESSION": '"active" = 1',
}
LINE_NETWORK = {
    "NETWORK_LAYER": SAMPLE + "|layername=roads",
    "SPEED_FIELD": "maxspeed_kmh",
    "ONEWAY_FIELD": "oneway",
    "CLASS_FIELD": "road_class",
    "DURATION_FIELD": "duration_min",
}
CATCHMENT_OUTPUTS = {
    "TRAVEL_TIME": "{out}/tt.tif",
    "CATCHMENTS": "{out}/catchments.gpkg",
    "BAND_POLYGONS": "{out}/bands.gpkg",
    "AREA_SUMMARY": "{out}/areas.gpkg",
    "REPORT": "{out}/report.json",
}
SCENARIO_OUTPUTS = {
    "CHANGE_RASTER": "{out}/change.tif",
    "AREA_CHANGES": "{out}/area_changes.gpkg",
    "SWITCHES": "{out}/switches.gpkg",
    "REPORT": "{out}/report.json",
}
GP_PRACTICES = {
    "PRACTICES": SAMPLE + "|layername=gp_practices",
    "PRACTICE_NAME_FIELD": "name",
    "CAPACITY_FIELD": "n_gps",
}
GP_OUTPUTS = {
    "AREA_OUTPUT": "{out}/areas.gpkg",
    "GROUP_OUTPUT": "{out}/groups.gpkg",
    "SUMMARY": "{out}/summary.gpkg",
    "LORENZ": "{out}/lorenz.gpkg",
    "OUTSIDE_PRACTICES": "{out}/outside.gpkg",
    "REPORT": "{out}/report.json",
}
FCA_OUTPUTS = {
    "ACCESS_POINTS": "{out}/points.gpkg",
    "AREA_ACCESS": "{out}/areas.gpkg",
    "PRACTICE_RATIO": "{out}/practices.gpkg",
    "REPORT": "{out}/report.json",
}
SPECIALISTS = {
    "PRACTICES": SAMPLE + "|layername=specialists",
    "SPECIALTY_FIELD": "specialty",
    "CAPACITY_FIELD": "capacity",
}
GAPS_OUTPUTS = {
    "OUTPUT": "{out}/gaps.gpkg",
    "SUMMARY": "{out}/summary.gpkg",
    "RELOCATIONS": "{out}/moves.gpkg",
    "REPORT": "{out}/report.json",
}
MAP_COMMON = {"OUTPUT": "{out}/map.pdf", "REPORT": "{out}/report.json"}

# Inputs the test writes into {data}: a grouping table that leaves one kommune out (the
# "outside the grouping" rule) and need-weight tables for the custom modes.
AGE_GROUPS = (
    "0_4 5_9 10_14 15_19 20_24 25_29 30_34 35_39 40_44 45_49 50_54 55_59 60_64 65_69 70_74 "
    "75_79 80_84 85_plus"
).split()
DATA_FILES = {
    "grouping.csv": "kommunekode,unit,district\n9001,Vest,V1\n9002,Vest,V2\n9003,Øst,Ø1\n",
    "weights_gp.csv": "age_group,sex,weight\n"
    + "".join(f"{a},all,{0.6 + 0.05 * i:.2f}\n" for i, a in enumerate(AGE_GROUPS)),
    "weights_specialists.csv": "specialty,age_group,sex,weight\n"
    + "".join(f"*,{a},all,{1.4 - 0.04 * i:.2f}\n" for i, a in enumerate(AGE_GROUPS))
    + "".join(f"Psykiatri,{a},all,{0.5 + 0.1 * (i % 5):.2f}\n" for i, a in enumerate(AGE_GROUPS)),
}


def _points(rows: list[tuple[float, float, dict]]) -> str:
    features = [
        {"type": "Feature", "geometry": {"type": "Point", "coordinates": [x, y]}, "properties": p}
        for x, y, p in rows
    ]
    return json.dumps({"type": "FeatureCollection", "features": features})


# The download path (DOWNLOAD_EXTENT) against the offline Overpass mock: one hospital at node
# 2, residents by nodes 1, 3 and 8 (8 on the island reached by ferry).
W, S, E, N = osm_mock.BBOX
DATA_FILES["osm_hospitals.geojson"] = _points([(*osm_mock.NODES[2], {"name": "Testsygehus"})])
DATA_FILES["osm_people.geojson"] = _points(
    [(x, y + 0.0009, {"pop": pop})
     for (x, y), pop in ((osm_mock.NODES[1], 10.0), (osm_mock.NODES[3], 20.0),
                         (osm_mock.NODES[8], 5.0))]
)  # fmt: skip
# 9004 becomes Christiansø (0411): in no region, so the "outside the grouping" row appears.
REAL_CODES = {"9001": "0101", "9002": "0147", "9003": "0151", "9004": "0411"}
GP_MATRIX = [v for i, a in enumerate(AGE_GROUPS) for v in (a, "all", f"{1.5 - 0.05 * i:.2f}")]


def _map(case_id: str, layer: str, template: C, language: C, **extra) -> Case:
    return Case(
        case_id,
        "map_report",
        {"LAYER": layer, "TEMPLATE": template, "LANGUAGE": language, **MAP_COMMON, **extra},
    )


A4_LANDSCAPE = C("sundplan_a4_landscape", 0)
A4_PORTRAIT = C("sundplan_a4_portrait", 1)
A3_LANDSCAPE = C("sundplan_a3_landscape", 2)
A3_PORTRAIT = C("sundplan_a3_portrait", 3)
DA, EN = C("da", 0), C("en", 1)

CASES: tuple[Case, ...] = (
    Case("sample_data", "sample_data", {"SEED": 2027, "OUTPUT_FOLDER": "{out}"}),
    # reference_data left out: issue 10 made its area outputs polygons on purpose (tested in
    # tests/core/test_national.py and tests/plugin/test_provider.py).
    # --- catchments: OSM file and line layer, default and own bands, raster and polygons
    Case(
        "catchments_osm",
        "catchments",
        {
            **HOSPITALS,
            **AREAS,
            "NETWORK_FILE": PBF,
            "POPULATION_RASTER": RASTER,
            "BANDS": "15,30,45,60",
            **CATCHMENT_OUTPUTS,
        },
    ),  # fmt: skip
    Case(
        "catchments_lines_polygons",
        "catchments",
        {
            **HOSPITALS,
            **AREAS,
            **LINE_NETWORK,
            "POPULATION_LAYER": KOMMUNER,
            "POPULATION_FIELD": "population",
            "POLYGON_ALLOCATION": C("centroid", 1),
            "BANDS": "10,20,40",
            **CATCHMENT_OUTPUTS,
        },
    ),  # fmt: skip
    Case(
        "catchments_areal_polygons",
        "catchments",
        {
            **HOSPITALS,
            **AREAS,
            "NETWORK_FILE": PBF,
            "POPULATION_LAYER": KOMMUNER,
            "POPULATION_FIELD": "population",
            "POLYGON_ALLOCATION": C("areal", 0),
            "BANDS": "20,45",
            **CATCHMENT_OUTPUTS,
        },
    ),  # fmt: skip
    Case(
        "catchments_osm_download",
        "catchments",
        {
            "HOSPITALS": "{data}/osm_hospitals.geojson",
            "HOSPITAL_NAME_FIELD": "name",
            "DOWNLOAD_EXTENT": f"{W},{E},{S},{N} [EPSG:4326]",
            "DOWNLOAD_CACHE": "{out}_cache",
            "POPULATION_LAYER": "{data}/osm_people.geojson",
            "POPULATION_FIELD": "pop",
            "CELL_SIZE_M": 100.0,
            "TRAVEL_TIME": "{out}/tt.tif",
            "CATCHMENTS": "{out}/catchments.gpkg",
            "BAND_POLYGONS": "{out}/bands.gpkg",
            "REPORT": "{out}/report.json",
        },
    ),  # fmt: skip
    # --- scenario: close one hospital; close one and open the closed one
    Case(
        "scenario_close",
        "catchment_scenario",
        {
            **HOSPITALS,
            **AREAS,
            "NETWORK_FILE": PBF,
            "POPULATION_RASTER": RASTER,
            "CLOSE": "Sølund",
            **SCENARIO_OUTPUTS,
        },
    ),  # fmt: skip
    Case(
        "scenario_move",
        "catchment_scenario",
        {
            **HOSPITALS,
            **AREAS,
            "NETWORK_FILE": PBF,
            "POPULATION_RASTER": RASTER,
            "CLOSE": "Fjordby",
            "ADD_HOSPITALS": SAMPLE + '|layername=hospitals|subset="active" = 0',
            "ADD_NAME_FIELD": "name",
            "BANDS": "20,40",
            **SCENARIO_OUTPUTS,
        },
    ),  # fmt: skip
    # --- gp_density: need weights none/default/custom (matrix, file); groupings
    Case(
        "gp_default_weights_embedded",
        "gp_density",
        {
            **GP_PRACTICES,
            **REAL_AREAS,
            "LIST_SIZE_FIELD": "list_size",
            "OPEN_FIELD": "open_for_patients",
            "NEED_WEIGHTS": C("default", 1),
            **GP_OUTPUTS,
        },
    ),  # fmt: skip
    Case(
        "gp_none_raster_no_grouping",
        "gp_density",
        {
            **GP_PRACTICES,
            **AREAS,
            "POPULATION_RASTER": RASTER,
            "NEED_WEIGHTS": C("none", 0),
            "GROUPING": C("none", 0),
            "SHORTAGE_THRESHOLD": 1200,
            **GP_OUTPUTS,
        },
    ),  # fmt: skip
    Case(
        "gp_none_population_field",
        "gp_density",
        {
            **GP_PRACTICES,
            **REAL_AREAS,
            "AREA_POPULATION_FIELD": "population",
            "NEED_WEIGHTS": C("none", 0),
            **GP_OUTPUTS,
        },
    ),  # fmt: skip
    Case(
        "gp_custom_matrix_grouping_table",
        "gp_density",
        {
            **GP_PRACTICES,
            **AREAS,
            "NEED_WEIGHTS": C("custom", 2),
            "NEED_WEIGHTS_MATRIX": GP_MATRIX,
            "GROUPING": C("table", 2),
            "GROUPING_TABLE": "{data}/grouping.csv",
            "GROUPING_KEY_FIELD": "kommunekode",
            "GROUPING_LEVEL_FIELDS": ["unit", "district"],
            **GP_OUTPUTS,
        },
    ),  # fmt: skip
    Case(
        "gp_custom_file",
        "gp_density",
        {
            **GP_PRACTICES,
            **REAL_AREAS,
            "NEED_WEIGHTS": C("custom", 2),
            "NEED_WEIGHTS_FILE": "{data}/weights_gp.csv",
            **GP_OUTPUTS,
        },
    ),  # fmt: skip
    # --- fca_access: the three methods, need weights, residents as raster and polygons
    Case(
        "fca_2sfca_raster",
        "fca_access",
        {
            **GP_PRACTICES,
            **AREAS,
            "POPULATION_RASTER": RASTER,
            "NETWORK_FILE": PBF,
            "METHOD": C("2sfca", 0),
            "THRESHOLD_MIN": 20,
            **FCA_OUTPUTS,
        },
    ),  # fmt: skip
    Case(
        "fca_e2sfca_default_weights",
        "fca_access",
        {
            **GP_PRACTICES,
            **AREAS,
            "POPULATION_RASTER": RASTER,
            "NETWORK_FILE": PBF,
            "METHOD": C("e2sfca", 1),
            "THRESHOLD_MIN": 30,
            "ZONE_BREAKS": "10,20,30",
            "NEED_WEIGHTS": C("default", 1),
            **FCA_OUTPUTS,
        },
    ),  # fmt: skip
    Case(
        "fca_gaussian_polygons",
        "fca_access",
        {
            **GP_PRACTICES,
            **AREAS,
            "POPULATION_LAYER": KOMMUNER,
            "POPULATION_FIELD": "population",
            "POLYGON_ALLOCATION": C("areal", 0),  # the default is "roads" since issue 10
            **LINE_NETWORK,
            "METHOD": C("gaussian", 2),
            "THRESHOLD_MIN": 25,
            "NEED_WEIGHTS": C("custom", 2),
            "NEED_WEIGHTS_FILE": "{data}/weights_gp.csv",
            **FCA_OUTPUTS,
        },
    ),  # fmt: skip
    Case(
        "fca_straight_line",
        "fca_access",
        {
            **GP_PRACTICES,
            **AREAS,
            "POPULATION_RASTER": RASTER,
            "STRAIGHT_LINE": True,
            "METHOD": C("e2sfca", 1),
            **FCA_OUTPUTS,
        },
    ),  # fmt: skip
    # --- specialist_gaps: weights, groupings, planned totals, with and without network part
    Case(
        "gaps_defaults",
        "specialist_gaps",
        {**SPECIALISTS, **AREAS, **GAPS_OUTPUTS},
    ),
    Case(
        "gaps_unweighted_table_planned",
        "specialist_gaps",
        {
            **SPECIALISTS,
            **AREAS,
            "NEED_WEIGHTS": C("none", 1),
            "GROUPING": C("table", 5),
            "GROUPING_TABLE": "{data}/grouping.csv",
            "GROUPING_KEY_FIELD": "kommunekode",
            "GROUPING_UNIT_FIELD": "unit",
            "SPECIALTIES": "Psykiatri; Reumatologi; Dermato-venerologi",
            "PLANNED_TOTALS": "Psykiatri=12; Reumatologi=3",
            "UNDER_RATIO": 0.9,
            "OVER_RATIO": 1.1,
            **GAPS_OUTPUTS,
        },
    ),  # fmt: skip
    Case(
        "gaps_custom_weights_regions",
        "specialist_gaps",
        {
            **SPECIALISTS,
            **REAL_AREAS,
            "NEED_WEIGHTS": C("custom", 2),
            "NEED_WEIGHTS_FILE": "{data}/weights_specialists.csv",
            "GROUPING": C("region", 1),
            **GAPS_OUTPUTS,
        },
    ),  # fmt: skip
    Case(
        "gaps_sundhedsraad",
        "specialist_gaps",
        {**SPECIALISTS, **REAL_AREAS, "GROUPING": C("sundhedsraad", 3), **GAPS_OUTPUTS},
    ),
    Case(
        "gaps_network",
        "specialist_gaps",
        {
            **SPECIALISTS,
            **AREAS,
            "UNDER_RATIO": 0.9,
            "OVER_RATIO": 1.1,
            "NETWORK_FILE": PBF,
            "POPULATION_RASTER": RASTER,
            "TIME_LIMIT_MIN": 20,
            "ACCESS": "{out}/access.gpkg",
            **GAPS_OUTPUTS,
        },
    ),  # fmt: skip
    Case(
        "gaps_unknown_specialty",  # an error: the message must stay the same
        "specialist_gaps",
        {**SPECIALISTS, "SPECIALTY_FIELD": "name", **AREAS, **GAPS_OUTPUTS},
    ),
    # --- map_report on each tree's own outputs ({own}): every kind, template and language
    _map(
        "map_travel_time_atlas",
        "{own}/catchments_osm/tt.tif",
        A4_LANDSCAPE,
        DA,
        ATLAS_LAYER=KOMMUNER,
        ATLAS_NAME_FIELD="kommune",
        SUMMARY="{own}/catchments_osm/areas.gpkg",
        POINTS=SAMPLE + '|layername=hospitals|subset="active" = 1',
        POINTS_LABEL_FIELD="name",
        ORGANISATION="Eksempelregionen",
    ),  # fmt: skip
    _map("map_bands", "{own}/catchments_lines_polygons/bands.gpkg", A4_PORTRAIT, EN),
    _map(
        "map_catchments",
        "{own}/catchments_osm/catchments.gpkg",
        A3_LANDSCAPE,
        DA,
        BACKDROP=KOMMUNER,
        BACKDROP_LABEL_FIELD="kommune",
    ),  # fmt: skip
    _map(
        "map_change",
        "{own}/scenario_close/change.tif",
        A3_PORTRAIT,
        DA,
        SUMMARY="{own}/scenario_close/area_changes.gpkg",
    ),  # fmt: skip
    _map("map_area_summary", "{own}/catchments_osm/areas.gpkg", A4_LANDSCAPE, EN),
    _map("map_gp_density", "{own}/gp_default_weights_embedded/areas.gpkg", A4_PORTRAIT, DA),
    _map("map_fca_points", "{own}/fca_e2sfca_default_weights/points.gpkg", A4_LANDSCAPE, DA),
    _map(
        "map_fca_areas",
        "{own}/fca_2sfca_raster/areas.gpkg",
        A3_LANDSCAPE,
        EN,
        TITLE="Adgang",
        SUBTITLE="Test",
        SOURCES="Syntetisk",
        METHOD_NOTE="2SFCA",
    ),  # fmt: skip
    _map(
        "map_gaps_atlas",
        "{own}/gaps_network/gaps.gpkg",
        A4_LANDSCAPE,
        DA,
        ATLAS_LAYER=KOMMUNER,
        ATLAS_NAME_FIELD="kommune",
    ),  # fmt: skip
    _map("map_relocations", "{own}/gaps_defaults/moves.gpkg", A4_PORTRAIT, EN),
)


def test_outputs_are_the_same_as_before_the_refactor(tmp_path):
    so.require_baseline(so.REPO_DIR, BASELINE_COMMIT)
    so.require_qgis()
    report = so.run_and_compare(
        CASES,
        baseline_commit=BASELINE_COMMIT,
        work=tmp_path,
        data_files=DATA_FILES,
        real_codes=REAL_CODES,
    )
    assert not report.differences, report.text()
