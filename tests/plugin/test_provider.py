"""The provider and the data algorithms, headless through ``processing.run``."""

from __future__ import annotations

import json

import pytest
from qgis.core import (
    QgsApplication,
    QgsProcessingContext,
    QgsProcessingException,
    QgsProcessingFeedback,
    QgsProject,
    QgsVectorLayer,
)

# Denmark incl. Bornholm in EPSG:25832 (metres), generous
DK_BBOX_25832 = (400_000, 6_030_000, 900_000, 6_420_000)


def test_provider_registers_and_lists_algorithms(sundplan_provider):
    registry = QgsApplication.processingRegistry()
    assert registry.providerById("sundplan") is sundplan_provider
    ids = {alg.id() for alg in sundplan_provider.algorithms()}
    assert {"sundplan:reference_data", "sundplan:sample_data"} <= ids
    for alg in sundplan_provider.algorithms():
        assert alg.displayName() and alg.group() and alg.shortHelpString()
        assert "sundplan" in alg.tags()
        assert not alg.icon().isNull()
        assert alg.createInstance() is not alg
        assert type(alg.createInstance()) is type(alg)
        assert alg.outputDefinition("PROVENANCE") is not None


def test_every_entry_of_algorithms_list_loads(sundplan_package, sundplan_provider):
    from sundplan.processing import provider

    assert len(provider.algorithm_classes()) == len(provider.ALGORITHMS)
    assert len(sundplan_provider.algorithms()) == len(provider.ALGORITHMS)


def test_reference_data_hospitals_and_kommuner(sundplan_provider):
    import processing

    results = processing.run(
        "sundplan:reference_data",
        {"HOSPITALS": "TEMPORARY_OUTPUT", "KOMMUNER": "TEMPORARY_OUTPUT"},
    )
    hospitals = results["HOSPITALS"]
    assert isinstance(hospitals, QgsVectorLayer)
    assert hospitals.featureCount() == 21
    assert hospitals.crs().authid() == "EPSG:25832"
    assert hospitals.geometryType() == 0  # point
    xmin, ymin, xmax, ymax = DK_BBOX_25832
    for feature in hospitals.getFeatures():
        point = feature.geometry().asPoint()
        assert xmin < point.x() < xmax and ymin < point.y() < ymax, feature["name"]
        assert feature["name"]
        assert feature["region"]
    kommuner = results["KOMMUNER"]
    assert kommuner.featureCount() == 98
    codes = [f["kommunekode"] for f in kommuner.getFeatures()]
    assert len(set(codes)) == 98
    assert all(isinstance(c, str) and len(c) == 4 for c in codes)
    # the 98 kommuner as polygons in EPSG:25832 with their population (FOLK1A 2021K1)
    assert kommuner.geometryType() == 2
    assert kommuner.crs().authid() == "EPSG:25832"
    assert sum(f["population_2021q1"] for f in kommuner.getFeatures()) == 5_840_045 - 90
    for feature in kommuner.getFeatures():
        xmin, ymin, xmax, ymax = DK_BBOX_25832
        box = feature.geometry().boundingBox()
        assert xmin < box.xMinimum() and box.xMaximum() < xmax, feature["kommune"]
        assert ymin < box.yMinimum() and box.yMaximum() < ymax, feature["kommune"]
    assert "REGIONS" not in results  # optional output not requested -> not written
    record = json.loads(results["PROVENANCE"])
    assert record["algorithm"] == "sundplan:reference_data"
    assert record["versions"]["qgis"]
    assert record["parameters"]["HOSPITALS"] == "TEMPORARY_OUTPUT"
    # layer metadata from the post-processor is only applied when loading in the GUI


def test_reference_data_all_tables(sundplan_provider):
    import processing

    outputs = ["REGIONS", "REGIONS_2027", "SUNDHEDSRAAD", "SUNDHEDSFAELLESSKABER", "GROUPING"]
    tables = ["POPULATION_AGE_SEX", "POPULATION_QUARTERS"]
    results = processing.run(
        "sundplan:reference_data",
        {"HOSPITALS": "TEMPORARY_OUTPUT", **{o: "TEMPORARY_OUTPUT" for o in outputs + tables}},
    )
    ages, quarters = (results[t] for t in tables)  # FOLK1A tables, every row with its quarter
    assert ages.featureCount() == 99 and not ages.isSpatial()
    assert {f["stat_quarter"] for f in ages.getFeatures()} == {"2014K1"}
    assert sum(f["population"] for f in ages.getFeatures()) == 5_627_235
    q2021 = [f["population"] for f in quarters.getFeatures() if f["quarter"] == "2021K1"]
    assert len(q2021) == 99 and sum(q2021) == 5_840_045
    counts = {o: results[o].featureCount() for o in outputs}
    assert counts == {
        "REGIONS": 5,
        "REGIONS_2027": 4,
        "SUNDHEDSRAAD": 17,
        "SUNDHEDSFAELLESSKABER": 21,
        "GROUPING": 98,
    }
    assert not results["GROUPING"].isSpatial()  # the grouping stays a table
    for output in outputs[:-1]:  # the units: polygons dissolved from the kommuner
        layer = results[output]
        assert layer.geometryType() == 2, output  # polygon
        assert layer.crs().authid() == "EPSG:25832", output
        assert all(f.hasGeometry() and f.geometry().area() > 0 for f in layer.getFeatures())


def test_gpkg_output_gets_style_and_metadata(sundplan_provider, base_module, tmp_path, monkeypatch):
    import processing

    styles = tmp_path / "styles"
    styles.mkdir()
    (styles / "akutsygehuse.qml").write_text(
        "<!DOCTYPE qgis PUBLIC 'http://mrcc.com/qgis.dtd' 'SYSTEM'>\n"
        '<qgis version="3.40" styleCategories="Symbology"><renderer-v2 type="singleSymbol">'
        '<symbols><symbol type="marker" name="0" alpha="1"><layer class="SimpleMarker" '
        'enabled="1" pass="0" locked="0"><Option type="Map">'
        '<Option type="QString" name="color" value="200,16,46,255"/>'
        '<Option type="QString" name="size" value="4.5"/></Option></layer></symbol></symbols>'
        "</renderer-v2></qgis>",
        encoding="utf-8",
    )
    monkeypatch.setattr(base_module, "STYLES_DIR", styles)
    out = tmp_path / "h.gpkg"
    results = processing.run("sundplan:reference_data", {"HOSPITALS": str(out)})
    assert results["HOSPITALS"] == str(out)
    layer = QgsVectorLayer(f"{out}|layername=h", "h", "ogr")
    assert layer.isValid() and layer.featureCount() == 21
    # default style stored in the GeoPackage is applied on load
    symbol = layer.renderer().symbol()
    assert symbol.color().name() == "#c8102e"
    assert abs(symbol.size() - 4.5) < 1e-9
    # provenance stored as layer metadata in the GeoPackage
    abstract = layer.metadata().abstract()
    assert "sundplan:reference_data" in abstract
    assert json.loads(abstract[abstract.index("{") :])["versions"]["sundplan"]


def test_post_processor_styles_loaded_layer(sundplan_provider, base_module, tmp_path, monkeypatch):
    """GUI path: the layer loaded on completion gets the QML and the provenance metadata."""
    import processing

    styles = tmp_path / "styles"
    styles.mkdir()
    (styles / "akutsygehuse.qml").write_text(
        "<!DOCTYPE qgis PUBLIC 'http://mrcc.com/qgis.dtd' 'SYSTEM'>\n"
        '<qgis version="3.40" styleCategories="Symbology"><renderer-v2 type="singleSymbol">'
        '<symbols><symbol type="marker" name="0" alpha="1"><layer class="SimpleMarker" '
        'enabled="1" pass="0" locked="0"><Option type="Map">'
        '<Option type="QString" name="color" value="0,0,255,255"/></Option></layer></symbol>'
        "</symbols></renderer-v2></qgis>",
        encoding="utf-8",
    )
    monkeypatch.setattr(base_module, "STYLES_DIR", styles)
    project = QgsProject.instance()
    before = set(project.mapLayers())
    processing.runAndLoadResults("sundplan:reference_data", {"HOSPITALS": "TEMPORARY_OUTPUT"})
    new = [project.mapLayer(i) for i in set(project.mapLayers()) - before]
    try:
        assert len(new) == 1
        layer = new[0]
        assert layer.featureCount() == 21
        assert layer.renderer().symbol().color().name() == "#0000ff"
        assert "sundplan:reference_data" in layer.metadata().abstract()
    finally:
        project.removeMapLayers([layer.id() for layer in new])


def test_sample_data_outputs_load(sundplan_provider, tmp_path):
    import processing

    results = processing.run(
        "sundplan:sample_data", {"SEED": 11, "OUTPUT_FOLDER": str(tmp_path / "s")}
    )
    for name in ("ROADS", "HOSPITALS", "GP_PRACTICES", "SPECIALISTS", "KOMMUNER"):
        layer = QgsVectorLayer(results[name], name, "ogr")
        assert layer.isValid(), name
        assert layer.featureCount() > 0, name
        assert layer.crs().authid() == "EPSG:25832"
    from qgis.core import QgsRasterLayer

    raster = QgsRasterLayer(results["POPULATION"], "population")
    assert raster.isValid()
    assert (tmp_path / "s" / "README.txt").is_file()
    assert json.loads(results["PROVENANCE"])["parameters"]["SEED"] == 11


def test_missing_dependency_gives_message_not_traceback(sundplan_provider, simulate_missing):
    import processing

    simulate_missing("pandas,osmnx")
    alg = QgsApplication.processingRegistry().createAlgorithmById("sundplan:reference_data")
    ok, message = alg.checkParameterValues(
        {"HOSPITALS": "TEMPORARY_OUTPUT"}, QgsProcessingContext()
    )
    assert not ok
    assert "python3-pandas" in message and "Traceback" not in message
    assert "python3-osmnx" not in message  # reference data does not need osmnx
    assert "pandas" in alg.shortHelpString()

    with pytest.raises(QgsProcessingException) as info:
        processing.run("sundplan:reference_data", {"HOSPITALS": "TEMPORARY_OUTPUT"})
    assert "Traceback" not in str(info.value)

    # processAlgorithm itself refuses too (for callers that skip checkParameterValues)
    context = QgsProcessingContext()
    feedback = QgsProcessingFeedback()
    alg.initAlgorithm({})
    with pytest.raises(QgsProcessingException, match="python3-pandas"):
        alg.processAlgorithm({"HOSPITALS": "TEMPORARY_OUTPUT"}, context, feedback)


def test_dependency_problem_logged_once(sundplan_package, simulate_missing, monkeypatch):
    from sundplan.processing import provider

    simulate_missing("geopandas")
    monkeypatch.setattr(provider, "_dependency_warning_logged", False)
    messages = []

    def collect(message, tag, level):
        if tag == provider.LOG_TAG:
            messages.append(message)

    log = QgsApplication.messageLog()
    log.messageReceived.connect(collect)
    try:
        first = provider.log_dependency_problem_once()
        provider.log_dependency_problem_once()
        p = provider.SundplanProvider()
        p.loadAlgorithms()
    finally:
        log.messageReceived.disconnect(collect)
    assert "python3-geopandas" in first
    assert messages == [first]


def test_sample_data_loads_layers_in_gui(sundplan_provider, tmp_path):
    """GUI path: the six sample layers are added to the project with provenance metadata."""
    import processing

    project = QgsProject.instance()
    before = set(project.mapLayers())
    processing.runAndLoadResults(
        "sundplan:sample_data", {"SEED": 3, "OUTPUT_FOLDER": str(tmp_path / "s")}
    )
    new = [project.mapLayer(i) for i in set(project.mapLayers()) - before]
    try:
        names = sorted(layer.name() for layer in new)
        assert len(new) == 6, names
        assert all(layer.isValid() for layer in new)
        assert all("sundplan:sample_data" in layer.metadata().abstract() for layer in new)
        assert sum(layer.type() == layer.type().RasterLayer for layer in new) == 1
    finally:
        project.removeMapLayers([layer.id() for layer in new])
