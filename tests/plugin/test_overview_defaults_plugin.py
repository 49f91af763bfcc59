"""Zero inputs inside QGIS: with no network, sundplan:catchment_scenario and sundplan:fca_access
route on the shipped overview network; the scenario with no residents reads the embedded
kommuner (latest quarter, along roads) and them as summary areas; fca_access with the
straight-line fallback stays without a network."""

from __future__ import annotations

import json

import pytest
from qgis.core import QgsProcessingContext, QgsProcessingFeedback


@pytest.fixture(scope="module")
def sample(tmp_path_factory):
    from sundplan_qgis.sample import generate_sample_region

    return generate_sample_region(tmp_path_factory.mktemp("sample"), seed=2027)


def _algorithm(name: str):
    from qgis.core import QgsApplication

    return QgsApplication.processingRegistry().createAlgorithmById(f"sundplan:{name}")


def test_scenario_without_inputs_reads_the_embedded_defaults(sundplan_provider, tmp_path):
    """Only CLOSE and outputs: overview network, the 98 kommuner's 2021K1 residents placed
    along its roads, the 98 kommuner as areas; all three recorded in the provenance."""
    from sundplan_qgis import reference

    alg = _algorithm("catchment_scenario")
    params = {
        "CLOSE": "Bispebjerg Hospital",
        "CHANGE_RASTER": str(tmp_path / "ch.tif"),
        "AREA_CHANGES": str(tmp_path / "a.gpkg"),
        "SWITCHES": str(tmp_path / "s.gpkg"),
        "REPORT": str(tmp_path / "r.json"),
    }
    context = QgsProcessingContext()
    alg._provenance = alg.provenance_json(params, context)
    inputs = alg.read(params, context, QgsProcessingFeedback())
    routing = inputs.routing
    assert routing.network_report["source"] == "overview"
    assert routing.graph.stats["n_lines"] > 50_000
    latest = reference.population_quarters()
    latest = latest[latest["quarter"] == "2021K1"]
    expected = int(latest[latest["kommunekode"] != reference.CHRISTIANSOE]["population"].sum())
    assert routing.population.total == pytest.approx(expected, rel=1e-9)  # conserved
    assert "2021K1" in routing.population.source_name
    assert routing.population.allocation is not None  # placed along the roads
    assert len(routing.areas.ids) == 98
    assert reference.CHRISTIANSOE not in set(routing.areas.ids)
    defaults = json.loads(alg._provenance)["defaults"]
    assert defaults["network"]["source"] == "overview"
    assert defaults["population"]["quarter"] == "2021K1"
    assert defaults["population"]["allocation"] == "roads"
    assert defaults["areas"]["areas"] == 98
    assert len(inputs.baseline.names) == 21  # the embedded akutsygehuse


def test_fca_without_a_network_routes_on_the_overview(sundplan_provider, sample, tmp_path):
    import processing

    params = {
        "PRACTICES": sample.uri("gp_practices"),
        "CAPACITY_FIELD": "n_gps",
        "POPULATION_RASTER": str(sample.population_tif),
        "ACCESS_POINTS": str(tmp_path / "p.gpkg"),
        "PRACTICE_RATIO": str(tmp_path / "r.gpkg"),
        "REPORT": str(tmp_path / "r.json"),
        "MAX_SNAP_M": 5000,
    }
    res = processing.run("sundplan:fca_access", params)
    report = json.loads((tmp_path / "r.json").read_text("utf-8"))
    assert report["network"]["source"] == "overview"
    assert report["network"]["note"] == "overview: main roads only (OpenStreetMap 2021)"
    assert json.loads(res["PROVENANCE"])["defaults"]["network"]["source"] == "overview"

    straight = processing.run(
        "sundplan:fca_access",
        {**params, "STRAIGHT_LINE": True, "REPORT": str(tmp_path / "s.json")},
    )
    assert "defaults" not in json.loads(straight["PROVENANCE"])
    assert not json.loads((tmp_path / "s.json").read_text("utf-8"))["network"]
