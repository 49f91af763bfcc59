"""The embedded defaults of a run with zero inputs: the kommuner's residents and what the map
page says about the overview network (``page_text``)."""

from __future__ import annotations

import pytest

from sundplan_qgis import page_text, reference

OVERVIEW_DA = "oversigt: kun hovedveje (OpenStreetMap 2021)"
OVERVIEW_EN = "overview: main roads only (OpenStreetMap 2021)"


def test_kommune_residents_are_the_98_kommuner_of_the_latest_quarter():
    residents = reference.kommune_residents()
    quarters = reference.population_quarters()
    latest = sorted(set(quarters["quarter"]))[-1]
    assert latest == "2021K1"
    assert len(residents) == 98
    assert reference.CHRISTIANSOE not in set(residents["kommunekode"])
    assert set(residents["quarter"]) == {latest}
    of_latest = quarters[quarters["quarter"] == latest].set_index("kommunekode")["population"]
    assert residents["population"].sum() == of_latest.drop(reference.CHRISTIANSOE).sum()
    assert residents["population"].sum() == 5_840_045 - 90  # FOLK1A 2021K1 minus Christiansø
    taarnby = residents[residents["kommunekode"] == "0185"].iloc[0]
    assert taarnby["kommune"] == "Tårnby" and taarnby["population"] == of_latest["0185"]


def test_kommune_residents_in_another_crs():
    utm = reference.kommune_residents()
    laea = reference.kommune_residents(crs_wkt="EPSG:3035")
    # the same kommune, reprojected: a different place, about the same area (both equal-area-ish)
    assert laea["geometry"][0].centroid.x != pytest.approx(utm["geometry"][0].centroid.x)
    assert laea["geometry"][0].area == pytest.approx(utm["geometry"][0].area, rel=0.01)


def _provenance(**defaults) -> dict:
    return {
        "algorithm": "sundplan:catchments",
        "parameters": {"TRAVEL_TIME": "tt.tif", "POLYGON_ALLOCATION": "roads"},
        "versions": {"sundplan": "0.1.0"},
        "defaults": defaults,
    }


OVERVIEW = {"source": "overview", "file": "overview_roads.gpkg", "note": OVERVIEW_EN}
RESIDENTS = {"source": "embedded kommuner", "quarter": "2021K1", "allocation": "roads"}
AREAS = {"source": "embedded kommuner", "areas": 98, "file": "denmark.gpkg"}


@pytest.mark.parametrize(("language", "note"), [("da", OVERVIEW_DA), ("en", OVERVIEW_EN)])
def test_method_and_source_notes_name_the_overview(language, note):
    prov = _provenance(network=OVERVIEW, population=RESIDENTS, areas=AREAS)
    method = page_text.method_note("travel_time", provenance=prov, language=language)
    assert note in method and "2021K1" in method
    # the embedded residents are polygons placed along the (overview) roads, areas keep to land
    assert ("langs vejene" if language == "da" else "along the roads") in method
    assert ("samme ø" if language == "da" else "same island") in method
    sources, _seed = page_text.sources.input_sources(prov, probe=lambda _: (False, None))
    line = page_text.sources_line(sources, provenance=prov, language=language)
    assert note in line and "OpenStreetMap" in line and "FOLK1A 2021K1" in line
    assert "DAGI" in line


def test_no_note_without_the_overview():
    prov = _provenance()
    prov["parameters"]["NETWORK_FILE"] = "/data/denmark-latest.osm.pbf"
    method = page_text.method_note("travel_time", provenance=prov, language="da")
    assert OVERVIEW_DA not in method
    sources, _seed = page_text.sources.input_sources(prov, probe=lambda _: (False, None))
    assert OVERVIEW_DA not in page_text.sources_line(sources, provenance=prov, language="da")


def test_the_note_is_one_message_with_its_danish_translation():
    from sundplan_qgis.errors import Message

    assert isinstance(reference.OVERVIEW_NOTE, Message)
    assert reference.OVERVIEW_NOTE.template == OVERVIEW_EN
    assert page_text.word("overview_note", "da") == OVERVIEW_DA
