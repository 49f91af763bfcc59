"""Texts of the map report (``sundplan_qgis.page_text``): Danish by default, numbers in the
page language's format, provenance turned into method note and source line."""

from __future__ import annotations

import datetime as dt

import pytest

from sundplan_qgis import page_text as rt

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
        ["Gns. rejsetid af nåede indbyggere (min)", "19,4"],
        ["Andel af nåede over 30 min", "3 %"],
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


# --------------------------------------------------------------------------- newer outputs
GP_PROVENANCE = {
    "algorithm": "sundplan:gp_density",
    "parameters": {
        "NEED_WEIGHTS": "default",
        "SHORTAGE_THRESHOLD": 1600.0,
        "CAPACITY_FIELD": "n_gps",
    },
    "versions": {"sundplan": "0.1.0"},
}
FCA_PROVENANCE = {
    "algorithm": "sundplan:fca_access",
    "parameters": {
        "METHOD": "e2sfca",
        "THRESHOLD_MIN": 20.0,
        "LOW_ACCESS": 6.25,
        "NEED_WEIGHTS": "none",
    },
}
GAPS_PROVENANCE = {
    "algorithm": "sundplan:specialist_gaps",
    "parameters": {"NEED_WEIGHTS": "default", "UNDER_RATIO": 0.75, "OVER_RATIO": 1.5},
}


def test_gp_density_texts_name_weights_and_threshold():
    assert rt.title("gp_density") == "Lægedækning i almen praksis: borgere pr. læge"
    assert "residents per GP" in rt.title("gp_density", language="en")
    sub = rt.subtitle("gp_density", provenance=GP_PROVENANCE)
    assert "Behovsvægtede borgere pr. læge" in sub and "1.600" in sub
    note = rt.method_note("gp_density", provenance=GP_PROVENANCE)
    assert "standardvægte" in note and "1.600" in note and "LABY27" in note and "n_gps" in note
    unweighted = {
        **GP_PROVENANCE,
        "parameters": {"NEED_WEIGHTS": "none", "SHORTAGE_THRESHOLD": 1800},
    }
    assert "ingen behovsvægtning" in rt.method_note("gp_density", provenance=unweighted)
    assert "above 1,800" in rt.subtitle("gp_density", provenance=unweighted, language="en")
    assert "Made with" not in rt.method_note("gp_density", language="en")


def test_fca_texts_name_method_threshold_and_fallback():
    sub = rt.subtitle("fca_access", provenance=FCA_PROVENANCE)
    assert sub.startswith("E2SFCA") and "20 min" in sub and "vejnettet" in sub
    note = rt.method_note("fca_access", provenance=FCA_PROVENANCE)
    assert "E2SFCA" in note and "20 min" in note and "0,68" in note and "6,25" in note
    assert "omvejsfaktor" not in note
    straight = {"time_method": "straight line × 1.4 detour factor at 60 km/h (fallback)"}
    note = rt.method_note("fca_access", provenance=FCA_PROVENANCE, details=straight)
    assert "omvejsfaktor 1,4" in note and "60 km/t" in note
    english = rt.method_note("fca_access_areas", details={"method_label": "2SFCA (step)"})
    assert english.startswith("Tilgængelighed efter 2SFCA")  # Danish by default
    assert "Gaussian" in rt.subtitle("fca_access", details={"method_label": "Gaussian decay"})
    assert "speciallægepraksis" in rt.title("fca_access", details={"specialist": True})


def test_specialist_gap_texts_name_specialty_reference_and_classes():
    details = {"specialty": "Dermato-venerologi", "reference_total": 5.5, "n_specialties": 1}
    title = rt.title("specialist_gaps", details=details)
    assert title == "Speciallægedækning mod behov: Dermato-venerologi"
    assert "Dermato-venerologi" in rt.legend_title("specialist_gaps", "x", details=details)
    sub = rt.subtitle("specialist_gaps", provenance=GAPS_PROVENANCE, details=details)
    assert "referencetotal 5,5 (dagens kapacitet)" in sub
    assert "< 0,75" in sub and "> 1,5" in sub
    note = rt.method_note("specialist_gaps", provenance=GAPS_PROVENANCE, details=details)
    assert "5,5" in note and "0,75" in note and "1,5" in note and "standardvægte" in note
    planned = {"parameters": {"PLANNED_TOTALS": "Dermato-venerologi=60"}}
    assert "planned total" in rt.subtitle(
        "specialist_gaps", provenance=planned, details=details, language="en"
    )
    several = rt.subtitle("specialist_gaps", details={"n_specialties": 6})
    assert "6 specialer" in several


def _notes(kind: str, parameters: dict, language: str = "da") -> str:
    provenance = {"algorithm": f"sundplan:{kind}", "parameters": parameters}
    return (
        rt.subtitle(kind, provenance=provenance, language=language)
        + " | "
        + (rt.method_note(kind, provenance=provenance, language=language))
    )


def test_choices_are_read_by_key():
    """Option parameters are recorded by key: each key names its choice in the page text."""
    assert "Behovsvægtede" in _notes("gp_density", {"NEED_WEIGHTS": "default"})
    assert "standardvægte for almen praksis" in _notes("gp_density", {"NEED_WEIGHTS": "default"})
    none = _notes("gp_density", {"NEED_WEIGHTS": "none"})
    assert "ingen behovsvægtning" in none and "Behovsvægtede" not in none
    assert "egne behovsvægte" in _notes("gp_density", {"NEED_WEIGHTS": "custom"})
    assert "own need weights" in _notes("gp_density", {"NEED_WEIGHTS": "custom"}, "en")
    for key, name in (("2sfca", "2SFCA"), ("e2sfca", "E2SFCA"), ("gaussian", "Gaussian")):
        notes = _notes("fca_access", {"METHOD": key})
        assert notes.startswith(f"{name},") and f"efter {name} " in notes
    assert "ingen behovsvægtning" in _notes("fca_access", {})  # 2SFCA: unweighted by default
    assert "egne behovsvægte" in _notes("fca_access", {"NEED_WEIGHTS": "custom"})
    gaps = {
        "default": "sundplans standardvægte pr. speciale",
        "none": "uvægtet befolkning",
        "custom": "egen vægttabel",
    }
    for key, text in gaps.items():
        assert text in _notes("specialist_gaps", {"NEED_WEIGHTS": key})
    assert "standardvægte pr. speciale" in _notes("specialist_gaps", {})
    grouped = _notes("specialist_gaps", {"GROUPING": "sundhedsraad"})
    assert "uden for inddelingen" in grouped
    assert "uden for inddelingen" not in _notes("specialist_gaps", {"GROUPING": "none"})
    assert "uden for inddelingen" not in _notes("specialist_gaps", {})


def test_choices_recorded_by_position_are_not_named():
    """Outputs of 0.1.0 recorded positions: the page does not guess what they meant."""
    gp = _notes("gp_density", {"NEED_WEIGHTS": 0})
    assert "som valgt i kørslen" in gp
    assert "ingen behovsvægtning" not in gp and "standardvægte" not in gp
    assert "as chosen in the run" in _notes("gp_density", {"NEED_WEIGHTS": 2}, "en")
    gaps = _notes("specialist_gaps", {"WEIGHTS": 1, "GROUPING": 3})
    assert "behovsvægte som valgt i kørslen" in gaps and "uvægtet" not in gaps
    assert "uden for inddelingen" not in gaps
    assert _notes("fca_access", {"METHOD": 1}).startswith("2SFCA,")  # the tool's default


def test_choices_fall_back_to_the_names_before_the_rename():
    """specialist_gaps recorded WEIGHTS before the agreed name NEED_WEIGHTS."""
    assert "uvægtet befolkning" in _notes("specialist_gaps", {"WEIGHTS": "none"})
    both = {"NEED_WEIGHTS": "custom", "WEIGHTS": "none"}
    assert "egen vægttabel" in _notes("specialist_gaps", both)


def test_defaults_come_from_the_core_modules_that_own_them():
    from sundplan_qgis import catchments, density, fca, gaps

    gp = _notes("gp_density", {}, "en")
    assert f"above {density.DEFAULT_SHORTAGE_THRESHOLD:,.0f} per GP" in gp
    under, over = (f"{x:g}" for x in (gaps.DEFAULT_UNDER_RATIO, gaps.DEFAULT_OVER_RATIO))
    assert f"under-supplied < {under}, over-supplied > {over}" in _notes(
        "specialist_gaps", {}, "en"
    )
    assert f"within {fca.DEFAULT_THRESHOLD_MIN:g} min" in _notes("fca_access", {}, "en")
    travel = _notes("catchments", {}, "en")
    assert "bands " + ", ".join(f"{b:g}" for b in catchments.DEFAULT_BANDS_MIN) in travel
    assert f"within {catchments.DEFAULT_MAX_SNAP_M:,.0f} m" in travel


def test_scenario_texts_name_closed_and_added_hospitals():
    prov = {"algorithm": "sundplan:catchment_scenario", "parameters": {"CLOSE": "Sølund"}}
    details = {"added": "Nyby Sygehus"}
    sub = rt.subtitle("travel_time_change", provenance=prov, details=details)
    assert sub == "Scenarie: Sølund lukkes, Nyby Sygehus tilføjes"
    note = rt.method_note("travel_time_change", provenance=prov, details=details, language="en")
    assert note.endswith("(Sølund closed, Nyby Sygehus added).")


def test_summary_of_the_newer_outputs():
    rows = [
        {"area_name": "B", "specialty": "X", "gap": -1.26, "ratio": 0.4, "class": "under-supplied"},
        {"area_name": "A", "specialty": "X", "gap": 2.0, "ratio": 2.5, "class": "over-supplied"},
        {"area_name": "C", "specialty": "X", "gap": 0.0, "ratio": None, "class": "no population"},
    ]
    fields = rt.default_summary_fields(
        ["area_id", "area_name", "specialty", "capacity", "fair_share", "gap", "ratio", "class"],
        kind="specialist_gaps",
    )
    assert fields == [
        "area_name", "specialty", "capacity", "fair_share", "gap", "ratio", "class"
    ]  # fmt: skip
    table = rt.summary_table(rows, ["area_name", "gap", "ratio", "class"], max_rows=2)
    assert [r[0] for r in table.rows] == ["B", "A"]  # lowest coverage first, missing last
    assert table.rows[0][1:] == ["−1,3", "0,40", "underdækket"]
    assert table.rows[1][1] == "+2,0"
    assert table.note == "2 af 3 rækker, lavest dækning først"
    gp = rt.summary_table(
        [{"area_name": "A", "need_inhabitants_per_gp": 1700.4, "shortage": 1}],
        ["area_name", "need_inhabitants_per_gp", "shortage"],
        language="en",
    )
    assert gp.rows == [["A", "1,700", "yes"]] and gp.numeric == [False, True, False]
    assert "need_inhabitants_per_gp" in rt.default_summary_fields(
        ["area_name", "population", "need_inhabitants_per_gp", "mean_min"], kind="gp_density"
    )


# --------------------------------------------------------------------------- not reached
LAESOE = {"area_name": "Læsø", "population": 1764.0, "pop_unsnapped": 950.0}


def test_not_reached_figure_in_both_languages():
    totals = rt.not_reached_totals([{**LAESOE, "pop_unreachable": 55.0}])
    assert (totals.not_reached, totals.population) == (1005.0, 1764.0)
    assert rt.not_reached_figure(totals) == "Ikke nået: 1.005 (57,0 %)"
    assert rt.not_reached_figure(totals, language="en") == "Not reached: 1,005 (57.0 %)"
    note = rt.not_reached_note(totals, "travel_time")
    assert note.startswith("af 1.764 indbyggere. Rejsetider") and "af nåede indbyggere" in note
    assert "of reached residents" in rt.not_reached_note(totals, "fca_access", language="en")


def test_not_reached_is_unknown_when_a_count_is_missing_never_zero():
    for rows in ([LAESOE], [{**LAESOE, "pop_unreachable": None}], []):
        totals = rt.not_reached_totals(rows)
        assert not totals.known and totals.share is None
        assert rt.not_reached_figure(totals) == "Ikke nået: ukendt"
        assert rt.not_reached_figure(totals, language="en") == "Not reached: unknown"
    # one area without the counts makes the page's sum unknown, not a smaller number
    rows = [{**LAESOE, "pop_unreachable": 55.0}, {"area_name": "X", "population": 10.0}]
    assert not rt.not_reached_totals(rows).known


def test_not_reached_sums_areas_once_and_computes_the_share():
    rows = [
        {"area_id": "1", "population": 100.0, "pop_unsnapped": 5.0, "pop_unreachable": 1.0},
        {"area_id": "2", "population": 300.0, "pop_unsnapped": 0.0, "pop_unreachable": 0.0},
        # a second specialty row of area 1 (same residents): counted once, the larger count
        {"area_id": "1", "population": 100.0, "pop_unsnapped": 5.0, "pop_unreachable": 3.0},
    ]
    totals = rt.not_reached_totals(rows)
    assert (totals.not_reached, totals.population, totals.areas) == (8.0, 400.0, 2)
    assert totals.share == 8.0 / 400.0
    assert rt.not_reached_figure(totals, language="en") == "Not reached: 8 (2.0 %)"
    tiny = rt.NotReached(1.0, 100_000.0)
    assert rt.not_reached_figure(tiny) == "Ikke nået: 1 (< 0,1 %)"
    nobody = rt.NotReached(0.0, 0.0)
    assert rt.not_reached_figure(nobody) == "Ikke nået: 0"


def test_with_not_reached_completes_older_rows_only_from_both_counts():
    older = rt.with_not_reached({**LAESOE, "pop_unreachable": 55.0})
    assert older["pop_not_reached"] == 1005.0
    assert older["share_not_reached"] == 1005.0 / 1764.0
    newer = rt.with_not_reached({**LAESOE, "pop_unreachable": 55.0, "share_not_reached": 0.5})
    assert newer["share_not_reached"] == 0.5  # the tool's own value is kept
    assert "share_not_reached" not in rt.with_not_reached(LAESOE)
    assert rt.format_cell("share_not_reached", older["share_not_reached"]) == "57 %"
    assert rt.column_heading("share_not_reached", language="en") == "Share not reached"


# --------------------------------------------------------------------------- page rules
def test_kind_of_an_output_by_its_fields_or_raster_units():
    from sundplan_qgis.page_text import kinds

    assert kinds.vector_kind(["hospital_id", "hospital", "band_id"]) == "catchments"
    assert kinds.vector_kind(["band_id", "band"]) == "travel_time_bands"
    assert kinds.vector_kind(["area_name", "mean_min"]) == "area_summary"
    assert kinds.vector_kind(["need_inhabitants_per_gp"]) == "gp_density"
    gp = kinds.vector_kind(["inhabitants_per_gp"], algorithm="sundplan:gp_density")
    assert gp == "gp_density" and kinds.vector_kind(["inhabitants_per_gp"]) == ""
    assert kinds.vector_kind(["access_per_10000"]) == "fca_access"
    assert kinds.vector_kind(["access_mean_per_10000"]) == "fca_access_areas"
    assert kinds.vector_kind(["fair_share", "ratio", "class"]) == "specialist_gaps"
    assert kinds.vector_kind(["from_area", "to_area", "capacities"]) == "specialist_relocations"
    assert kinds.raster_kind("minutes (scenario - baseline)") == "travel_time_change"
    assert kinds.raster_kind("", algorithm="sundplan:catchment_scenario") == "travel_time_change"
    assert kinds.raster_kind("Minutes") == "travel_time"
    assert kinds.raster_kind("", algorithm="sundplan:catchments") == "travel_time"
    assert kinds.raster_kind("persons") == ""
    assert set(kinds.HATCH_KINDS) <= set(kinds.RESIDENT_KINDS) | {"travel_time_change"}


def test_not_reached_band_rows_and_run_report_totals():
    from sundplan_qgis.page_text import not_reached as nr

    assert nr.is_not_reached_band({"band": "Ikke nået", "band_id": 9})
    assert nr.is_not_reached_band({"band_id": nr.NOT_REACHED_BAND_ID})
    assert nr.is_not_reached_band({"from_min": None, "to_min": None})
    assert not nr.is_not_reached_band({"band": "0–15", "band_id": 1, "from_min": 0, "to_min": 15})
    assert not nr.is_not_reached_band({"band_id": True})
    report = {"coverage": {"unsnapped": 10, "unreachable": 5, "total": 1000}}
    totals = nr.totals_from_run_report(report)
    assert totals.not_reached == 15 and totals.population == 1000
    population = {"coverage": {"unsnapped": None}, "population": {"unsnapped": 1, "total": 4}}
    assert nr.totals_from_run_report(population) is None  # one count missing: unknown
    population["population"]["unreachable"] = 1
    assert nr.totals_from_run_report(population).not_reached == 2
    assert nr.totals_from_run_report([]) is None


def test_input_sources_name_roles_osm_and_sample_data():
    from sundplan_qgis.page_text import sources

    def probe(path):
        return ("sample" in path, 7 if "sample" in path else None)

    provenance = {
        "algorithm": "sundplan:catchments",
        "parameters": {
            "NETWORK_FILE": "/data/roads.osm.pbf",
            "POPULATION_RASTER": "/data/sample/pop.tif",
            "AREAS": "/data/areas.gpkg|layername=kommuner",
        },
    }
    found, seed = sources.input_sources(provenance, probe=probe)
    assert seed == 7
    assert [(s.role, s.name, s.osm, s.synthetic, s.embedded) for s in found] == [
        ("hospitals", "", False, False, True),
        ("network", "roads.osm.pbf", True, False, False),
        ("population", "pop.tif", False, True, False),
        ("areas", "areas.gpkg (kommuner)", False, False, False),
    ]
    alone, seed = sources.input_sources(
        None, probe=probe, layer_source="/x/sample.gpkg", layer_name="s"
    )
    assert [(s.role, s.name, s.synthetic) for s in alone] == [("other", "s", True)] and seed == 7
    assert sources.synthetic_marker(["a=1", "SYNTHETIC=1 seed 42"]) == (True, 42)
    assert sources.synthetic_marker(["plain"]) == (False, None)
    assert sources.layer_name_of("f.gpkg|layername=x|subset=y") == "x"


def test_an_osm_derived_road_layer_is_credited_to_openstreetmap():
    # a GeoPackage whose classes are OSM highway values: the run records it, the map credits it
    from sundplan_qgis.page_text import sources

    provenance = {
        "algorithm": "sundplan:catchments",
        "parameters": {"NETWORK_FILE": "/data/dk_roads_osm2021_z13.gpkg"},
        "input_traits": {"network": {"osm_schema": True}},
    }
    found, _seed = sources.input_sources(provenance, probe=lambda path: (False, None))
    (network,) = [s for s in found if s.role == "network"]
    assert network.osm and network.name == "dk_roads_osm2021_z13.gpkg"
    line = sources.sources_line(found, provenance=provenance, language="da")
    assert "© OpenStreetMap-bidragydere (ODbL)" in line
    plain = {**provenance, "input_traits": {}}
    found, _seed = sources.input_sources(plain, probe=lambda path: (False, None))
    assert "OpenStreetMap" not in sources.sources_line(found, provenance=plain, language="da")


def test_reference_and_fetched_data_are_credited_by_source_not_file_name():
    from sundplan_qgis.page_text import sources

    provenance = {
        "algorithm": "sundplan:catchments",
        "parameters": {
            "POPULATION_LAYER": "/tmp/dk/kommuner.gpkg",
            "AREAS": "/tmp/dk/kommuner_folk1a.gpkg",
        },
    }
    writers = {
        "/tmp/dk/kommuner.gpkg": "sundplan:reference_data",
        "/tmp/dk/kommuner_folk1a.gpkg": "sundplan:fetch_base_data",
    }
    found, _ = sources.input_sources(
        provenance, probe=lambda path: (False, None), origin=writers.get
    )
    line = sources.sources_line(found, provenance=provenance, language="da")
    assert "befolkning: Danmarks Statistik (FOLK1A), indlejret i sundplan" in line
    assert "kommuner: DAGI (SDFI)" in line and "kommuner.gpkg" not in line
    swapped = {"POPULATION_LAYER": "/tmp/dk/kommuner_folk1a.gpkg"}
    found, _ = sources.input_sources(
        {**provenance, "parameters": swapped},
        probe=lambda path: (False, None),
        origin=writers.get,
    )
    assert "Danmarks Statistik (FOLK1A), hentet med sundplan" in sources.sources_line(
        found, provenance=provenance, language="da"
    )


def test_default_summary_fields_of_a_page():
    from sundplan_qgis.page_text import specialist_gaps, summary

    fields = summary.page_summary_fields(
        ["area_name", "population", "mean_min", "pop_unsnapped", "pop_unreachable"],
        kind="area_summary",
        has_counts=True,
        one_specialty=False,
    )
    assert fields == ["area_name", "population", "share_not_reached", "mean_min"]
    gaps = ["area_name", "specialty", "capacity", "fair_share", "gap", "ratio", "class"]
    one = summary.page_summary_fields(
        gaps, kind="specialist_gaps", has_counts=False, one_specialty=True
    )
    assert "specialty" not in one and one[0] == "area_name"
    assert specialist_gaps.reference_total([1.25, None, "x", 2, 2.25]) == 5.5


@pytest.mark.parametrize(
    ("kind", "algorithm"),
    [("travel_time", "sundplan:catchments"), ("fca_access", "sundplan:fca_access")],
)
def test_method_note_states_residents_placed_along_roads(kind, algorithm):
    """Issue 10 item 3: polygon residents placed along roads are said so on the page; the
    areal spread (and outputs made before "roads", which record no choice) add nothing."""
    params = {"NETWORK_FILE": "roads.pbf", "POPULATION_LAYER": "kommuner.gpkg"}

    def note(language, **extra):
        prov = {"algorithm": algorithm, "parameters": {**params, **extra}}
        return rt.method_note(kind, provenance=prov, language=language)

    roads_en = note("en", POLYGON_ALLOCATION="roads")
    assert "placed along the roads inside the area by the length of residential roads" in roads_en
    assert "residential, living_street, unclassified, tertiary" in roads_en
    assert "langs vejene i området efter længden af boligveje" in note(
        "da", POLYGON_ALLOCATION="roads"
    )
    assert note("en", POLYGON_ALLOCATION="areal") == note("en")
    assert "along the roads" not in note("en")
    raster = note("en", POLYGON_ALLOCATION="roads", POPULATION_RASTER="pop.tif")
    assert "along the roads" not in raster


def test_rows_the_tools_add_are_named_in_the_page_language():
    """A run in one UI language, a page in the other: the tools' own row names follow the page."""
    from sundplan_qgis.page_text.summary import format_cell

    assert format_cell("area_name", "(outside all areas)", language="da") == (
        "(uden for alle områder)"
    )
    assert format_cell("area_name", "(uden for alle områder)", language="en") == (
        "(outside all areas)"
    )
    assert format_cell("area_name", "alle områder", language="da") == "alle områder"
    assert format_cell("area_name", "Fjordby", language="en") == "Fjordby"
