"""The compiled Danish translation is picked up by the algorithms (pytest-qgis, headless).

The ``danish`` fixture (``conftest.py``) compiles the ``.ts`` with ``lrelease`` into a
temporary folder, installs it for the test and removes it afterwards, so the other tests keep
seeing English.
"""

from __future__ import annotations

import sys
from pathlib import Path

import pytest

REPO_DIR = Path(__file__).resolve().parents[2]


def _catchments(fresh: bool = False):
    from qgis.core import QgsApplication

    registry = QgsApplication.processingRegistry()
    if fresh:  # parameters are described when an instance is initialised
        return registry.createAlgorithmById("sundplan:catchments")
    return registry.algorithmById("sundplan:catchments")


def test_display_name_group_and_help_in_danish(danish):
    alg = _catchments()
    assert alg is not None
    assert alg.displayName() == "Rejsetid og optageområder til akutsygehuse"
    assert alg.group() == "Tilgængelighed"
    help_text = alg.shortHelpString()
    assert "<b>Metode</b>" in help_text and "akutsygehus" in help_text


def test_parameter_and_output_descriptions_in_danish(danish):
    alg = _catchments(fresh=True)
    assert alg is not None
    population = alg.parameterDefinition("POPULATION_RASTER")
    assert population.description() == "Befolkningsraster (personer pr. celle)"
    assert alg.parameterDefinition("CATCHMENTS").description() == "Optageområder"
    provenance = alg.outputDefinition("PROVENANCE")
    assert provenance.description() == "Proveniens (parametre og versioner, JSON)"


def test_every_algorithm_has_a_danish_name(danish, sundplan_provider):
    """No algorithm name of the provider is left in English."""
    untranslated = []
    from qgis.PyQt.QtCore import QCoreApplication

    for alg in sundplan_provider.algorithms():
        english = alg._display_name
        if QCoreApplication.translate("sundplan", english) == english:
            untranslated.append(f"{alg.id()}: {english}")
    assert not untranslated, "\n".join(untranslated)


def test_english_again_without_the_translator(sundplan_provider):
    alg = _catchments()
    assert alg.displayName().startswith("Travel time and catchments to akutsygehuse")
    fresh = _catchments(fresh=True)  # keep a reference: the parameters belong to it
    population = fresh.parameterDefinition("POPULATION_RASTER")
    assert population.description() == "Population raster (persons per cell)"


def test_plugin_picks_the_translation_from_the_qgis_locale(
    tmp_path, monkeypatch, sundplan_package, danish
):
    """With QGIS set to Danish (locale/userLocale), the plugin installs i18n/sundplan_da.qm."""
    import importlib

    from qgis.core import QgsSettings
    from qgis.PyQt.QtCore import QCoreApplication

    plugin_module = importlib.import_module("sundplan.plugin")
    (tmp_path / "plugin" / "i18n").mkdir(parents=True)
    qm = tmp_path / "plugin" / "i18n" / "sundplan_da.qm"
    qm.write_bytes((tmp_path / "sundplan_da.qm").read_bytes())  # compiled by `danish`
    monkeypatch.setattr(plugin_module, "PLUGIN_DIR", tmp_path / "plugin")
    QCoreApplication.removeTranslator(danish)  # only the plugin's own translator counts now

    settings = QgsSettings()
    previous = settings.value("locale/userLocale", None)
    settings.setValue("locale/userLocale", "da_DK")
    plugin = plugin_module.SundplanPlugin(None)
    try:
        assert plugin_module.user_language() == "da"
        plugin._install_translator()
        assert plugin.translator is not None
        assert QCoreApplication.translate("sundplan", "Accessibility") == "Tilgængelighed"
    finally:
        if plugin.translator is not None:
            QCoreApplication.removeTranslator(plugin.translator)
            plugin.translator = None
        if previous is None:
            settings.remove("locale/userLocale")
        else:
            settings.setValue("locale/userLocale", previous)
    assert QCoreApplication.translate("sundplan", "Accessibility") == "Accessibility"


# --------------------------------------------------------------------------- core messages
@pytest.fixture(scope="module")
def sample(tmp_path_factory):
    from sundplan_qgis.sample import generate_sample_region

    return generate_sample_region(tmp_path_factory.mktemp("sample"), seed=2027)


def _hospitals_with_one_offshore(sample):
    """The sample's active hospitals plus 'Havsygehus', 30 km out at sea (no road near)."""
    from qgis.core import QgsFeature, QgsGeometry, QgsPointXY, QgsVectorLayer

    source = QgsVectorLayer(sample.uri("hospitals"), "h", "ogr")
    layer = QgsVectorLayer("Point?crs=EPSG:25832&field=name:string", "hospitals_sea", "memory")
    features = []
    points = [f.geometry().asPoint() for f in source.getFeatures() if f["active"] == 1]
    names = [f["name"] for f in source.getFeatures() if f["active"] == 1]
    for name, point in [*zip(names, points, strict=True), ("Havsygehus", None)]:
        feature = QgsFeature(layer.fields())
        feature.setAttributes([name])
        xy = point if point is not None else QgsPointXY(470_000.0, 6_230_000.0)
        feature.setGeometry(QgsGeometry.fromPointXY(xy))
        features.append(feature)
    layer.dataProvider().addFeatures(features)
    return layer


def _run_catchments_with_offshore_hospital(sample, tmp_path, feedback=None):
    import processing

    params = {
        "HOSPITALS": _hospitals_with_one_offshore(sample),
        "HOSPITAL_NAME_FIELD": "name",
        "NETWORK_FILE": str(sample.roads_osm_pbf),
        "POPULATION_RASTER": str(sample.population_tif),
        "MAX_SNAP_M": 1000.0,
        "TRAVEL_TIME": str(tmp_path / "tt.tif"),
        "AREAS": sample.uri("kommuner"),
        "AREA_ID_FIELD": "kommunekode",
        "AREA_NAME_FIELD": "kommune",
        "CATCHMENTS": str(tmp_path / "c.gpkg"),
        "BAND_POLYGONS": str(tmp_path / "b.gpkg"),
        "AREA_SUMMARY": str(tmp_path / "a.gpkg"),
        "REPORT": str(tmp_path / "r.json"),
    }
    return processing.run("sundplan:catchments", params, feedback=feedback)


def _recording_feedback():
    """A feedback that records its progress texts."""
    from qgis.core import QgsProcessingFeedback

    class Recording(QgsProcessingFeedback):
        def __init__(self):
            super().__init__()
            self.texts: list[str] = []

        def setProgressText(self, text):  # noqa: N802 (QGIS API)
            self.texts.append(text)
            super().setProgressText(text)

    return Recording()


def test_core_error_reaches_the_user_in_danish(danish, sample, tmp_path):
    """A SundplanError raised in the core (a hospital beyond the snap distance) is shown in
    Danish, naming the hospital; the core's progress texts are Danish too."""
    from qgis.core import QgsProcessingException

    feedback = _recording_feedback()
    with pytest.raises(QgsProcessingException) as caught:
        _run_catchments_with_offshore_hospital(sample, tmp_path, feedback)
    message = str(caught.value)
    assert "1 sygehus(e) ligger længere fra en vej i" in message, message
    assert "'Havsygehus' (" in message and "(1000 m)" in message
    assert "hæv den største afstand ved tilknytning" in message
    assert "farther" not in message
    assert "Knytter sygehusene til vejnettet" in feedback.texts, feedback.texts


def test_core_error_in_english_without_the_translator(sundplan_provider, sample, tmp_path):
    from qgis.core import QgsProcessingException

    with pytest.raises(QgsProcessingException) as caught:
        _run_catchments_with_offshore_hospital(sample, tmp_path)
    message = str(caught.value)
    assert message.startswith("1 hospital(s) lie farther than the maximum snap distance (1000 m)")
    assert "'Havsygehus' (" in message


def test_translate_message(danish, sundplan_package):
    """Templates are looked up and filled in; nested messages and lists are translated; a
    message without a translation, or with a broken one, stays English."""
    import importlib
    import pickle

    base = importlib.import_module("sundplan.processing.base")
    errors = importlib.import_module("sundplan.sundplan_qgis.errors")

    error = errors.SundplanError("The area layer '{layer}' has no areas.", layer="kommuner")
    assert str(error) == "The area layer 'kommuner' has no areas."
    assert base.translate_message(error) == "Områdelaget 'kommuner' har ingen områder."
    again = pickle.loads(pickle.dumps(error))  # from a worker process
    assert type(again) is type(error) and base.translate_message(again) == (
        "Områdelaget 'kommuner' har ingen områder."
    )
    assert base.translate_message(errors.msg("Snapping hospitals to the road network")) == (
        "Knytter sygehusene til vejnettet"
    )
    progress = errors.msg("Baseline: {step}", step=errors.msg("Locations done"))
    assert str(progress) == "Baseline: Locations done"
    assert base.translate_message(progress).startswith("Udgangssituation: ")
    assert base.translate_message(progress) != str(progress)
    rows = errors.listing(
        (errors.msg("{specialty} in area {area}", specialty=s, area=a) for s, a in [("X", 1)]),
        sep="; ",
    )
    nested = errors.SundplanError(
        "Negative capacity for {rows}. Capacities are numbers of "
        "full-time ydernumre, 0 or more.",
        rows=rows,
    )
    assert "X in area 1" in str(nested)
    assert base.translate_message(nested).startswith("Negativ kapacitet for X i område 1.")
    inner = errors.SundplanError("The need weights '{label}' are empty.", label="w")
    outer = errors.SundplanError(
        "Need weights for '{specialty}': {error}", specialty="A", error=inner
    )
    assert base.translate_message(outer) == "Behovsvægte for 'A': Behovsvægtene 'w' er tomme."
    # no translation: English; literal braces without values are left alone
    assert base.translate_message(errors.SundplanError("not in the .ts {x}", x=1)) == (
        "not in the .ts 1"
    )
    assert base.translate_message(errors.SundplanError("literal {braces}")) == "literal {braces}"
    assert base.translate_message("Comparing") == base.tr("Comparing")


def test_every_parameter_description_and_option_has_a_danish_translation(
    sundplan_provider, tmp_path
):
    """Descriptions and enum options of every algorithm (English instances) are messages of
    the .ts (with the pending translations) with a current translation: options defined in the
    core as ``(key, msg(label))`` pairs must reach the extractor, else ``lrelease`` drops their
    Danish text."""
    import xml.etree.ElementTree as ET

    from qgis.core import QgsApplication

    from .conftest import ts_with_pending

    translated = set()
    ts_file = ts_with_pending(tmp_path / "sundplan_da.ts")
    for message in ET.parse(ts_file).getroot().iter("message"):
        translation = message.find("translation")
        kind = translation.get("type") if translation is not None else "unfinished"
        if translation is not None and (translation.text or "").strip() and kind is None:
            translated.add(message.findtext("source"))
    sys.path.insert(0, str(REPO_DIR / "i18n"))
    try:
        import update_ts
    finally:
        sys.path.pop(0)
    extraction = update_ts.extract()
    extracted = set(extraction.strings)
    translated &= extracted  # a string the extractor no longer sees would be dropped
    missing = []
    registry = QgsApplication.processingRegistry()
    for alg in sundplan_provider.algorithms():
        fresh = registry.createAlgorithmById(alg.id())
        for definition in fresh.parameterDefinitions():
            texts = [definition.description()]
            if definition.type() == "enum":
                texts += list(definition.options())
            missing += [
                f"{alg.id()} {definition.name()}: {t!r}" for t in texts if t not in translated
            ]
    assert not missing, "\n".join(missing)
