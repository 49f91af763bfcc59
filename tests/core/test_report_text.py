"""Texts of the map report (``sundplan_qgis.report_text``): Danish by default, numbers in the
page language's format, provenance turned into method note and source line."""

from __future__ import annotations

import datetime as dt

import pytest

from sundplan_qgis import report_text as rt

PROVENANCE = {
    "algorithm": "sundplan:catchments",
    "parameters": {"BANDS": "10,20", "MAX_SNAP_M": "500", "ACCESS_SPEED_KMH": 20},
    "versions": {"sundplan": "0.1.0", "qgis": "3.40.6-Bratislava"},
    "timestamp_utc": "2026-11-24T12:53:35+00:00",
}


def test_language_default_is_danish():
    assert rt.language_of(None) == "da"
    assert rt.language_of("da_DK") == "da"
    assert rt.language_of("en_GB") == "en"
    assert rt.word("legend", "da") == "Signaturforklaring"
    assert rt.word("legend", "en") == "Legend"
    for key in ("legend", "sources", "method", "date"):
        assert rt.WORDS["da"][key] != rt.WORDS["en"][key]
    assert set(rt.WORDS["da"]) == set(rt.WORDS["en"])


@pytest.mark.parametrize(
    ("value", "decimals", "language", "expected"),
    [
        (12345.67, 1, "da", "12.345,7"),
        (12345.67, 1, "en", "12,345.7"),
        (104695, 0, "da", "104.695"),
        (-0.04, 1, "da", "0,0"),
        (None, 0, "da", "–"),
        (float("nan"), 1, "en", "–"),
        ("x", 0, "da", "–"),
    ],
)
def test_format_number(value, decimals, language, expected):
    assert rt.format_number(value, decimals=decimals, language=language) == expected


def test_format_share_never_hides_small_shares():
    assert rt.format_share(0.123) == "12 %"
    assert rt.format_share(0.123, language="en") == "12%"
    assert rt.format_share(0.001) == "< 1 %"
    assert rt.format_share(0.0) == "0 %"
    assert rt.format_share(None) == "–"


def test_dates():
    day = dt.date(2026, 11, 25)
    assert rt.format_date(day) == "25. november 2026"
    assert rt.format_date(day, language="en") == "25 November 2026"
    line = rt.date_line(printed=day, provenance=PROVENANCE)
    assert line == "Dato: 25. november 2026 (data beregnet 24. november 2026)"
    assert rt.date_line(printed=day) == "Dato: 25. november 2026"


def test_titles_for_every_kind_in_both_languages():
    for kind in rt.KINDS:
        assert rt.title(kind, language="da") != rt.title(kind, language="en")
        assert rt.legend_title(kind, "x", language="da")
    assert rt.title("unknown") == "Kort"
    assert rt.legend_title("", "my layer") == "my layer"


def test_method_note_uses_the_run_parameters():
    note = rt.method_note("travel_time", provenance=PROVENANCE)
    assert "500 m" in note and "20 km/t" in note and "10, 20 min" in note
    assert "Dijkstra" in note and "befolkningsvægtede" in note
    english = rt.method_note("travel_time", provenance=PROVENANCE, language="en")
    assert "500 m" in english and "20 km/h" in english
    default = rt.method_note("travel_time")
    assert "1.000 m" in default and "15, 30, 45, 60 min" in default


def test_scenario_subtitle_and_method_name_the_closed_hospital():
    prov = {"algorithm": "sundplan:catchment_scenario", "parameters": {"CLOSE": "Sølund"}}
    assert "Sølund lukkes" in rt.subtitle("travel_time_change", provenance=prov)
    assert "Sølund lukket" in rt.method_note("travel_time_change", provenance=prov)


def test_sources_line_names_synthetic_data_and_never_credits_osm_for_it():
    synthetic = [
        rt.SourceInfo("network", "roads.osm.pbf", osm=True, synthetic=True),
        rt.SourceInfo("population", "population.tif", synthetic=True),
    ]
    line = rt.sources_line(synthetic, provenance=PROVENANCE, seed=2027)
    assert line.startswith("Kilder: SYNTETISKE eksempeldata")
    assert "seed 2027" in line and "OpenStreetMap" not in line
    assert "sundplan 0.1.0" in line and "QGIS 3.40.6" in line
    real = [
        rt.SourceInfo("hospitals", embedded=True),
        rt.SourceInfo("network", "dk.osm.pbf", osm=True),
        rt.SourceInfo("population", "befolkning.tif"),
    ]
    line = rt.sources_line(real)
    assert "Sundhedsdatastyrelsen" in line
    assert "© OpenStreetMap-bidragydere" in line
    assert "befolkning: befolkning.tif" in line
    assert rt.sources_line([], language="en").startswith("Sources: sundplan; roads ©")


ROWS = [
    {"area_name": "Vesterå", "population": 28120, "mean_min": 19.42, "share_over_30_min": 0.03},
    {"area_name": "Fjordby", "population": 104695, "mean_min": 7.52, "share_over_30_min": 0.0},
    {"area_name": "Havnsted", "population": 60322, "mean_min": 14.05, "share_over_30_min": 0.07},
]
FIELDS = ["area_name", "population", "mean_min", "share_over_30_min"]


def test_summary_table_all_rows_sorted_by_name():
    table = rt.summary_table(ROWS, FIELDS)
    assert table.headings == ["Område", "Indbyggere", "Gns. min", "Andel > 30 min"]
    assert [r[0] for r in table.rows] == ["Fjordby", "Havnsted", "Vesterå"]
    assert table.rows[0] == ["Fjordby", "104.695", "7,5", "0 %"]
    assert table.numeric == [False, True, True, True]
    assert table.note == ""


def test_summary_table_too_many_rows_keeps_the_longest_times_and_says_so():
    table = rt.summary_table(ROWS, FIELDS, max_rows=2, language="en")
    assert [r[0] for r in table.rows] == ["Vesterå", "Havnsted"]
    assert table.note == "2 of 3 areas, longest travel time first"
    assert table.rows[0][1] == "28,120"


def test_key_figures_of_one_area():
    table = rt.area_key_figures(ROWS[0], FIELDS)
    assert table.headings == ["Nøgletal", "Vesterå"]
    assert table.rows == [
        ["Indbyggere", "28.120"],
        ["Gns. rejsetid (min)", "19,4"],
        ["Andel over 30 min", "3 %"],
    ]


def test_default_summary_fields_and_unknown_fields():
    fields = ["fid", "area_id", "area_name", "population", "mean_min", "p90_min", "max_min"]
    fields += ["share_over_30_min", "main_hospital", "pop_unsnapped"]
    assert rt.default_summary_fields(fields) == [
        "area_name",
        "population",
        "mean_min",
        "p90_min",
        "max_min",
        "share_over_30_min",
        "main_hospital",
    ]
    assert rt.default_summary_fields(["a", "b"]) == ["a", "b"]
    assert rt.column_heading("custom") == "custom"
    assert rt.format_cell("custom", 2.5) == "2,5"
    assert rt.format_cell("custom", 3) == "3"


def test_legend_names_of_backdrop_and_points():
    assert rt.backdrop_title("kommuner") == "Kommunegrænser"
    assert rt.backdrop_title("regioner_2027", language="en") == "Region boundaries"
    assert rt.backdrop_title("zones") == "Områdegrænser"
    assert rt.points_title("hospitals") == "Akutsygehuse"
    assert rt.points_title("gp_practices") == "gp_practices"
