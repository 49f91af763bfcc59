"""The compiled Danish translation is picked up by the algorithms (pytest-qgis, headless).

The ``.ts`` is compiled with ``lrelease`` into a temporary folder (the repository's own
``i18n/sundplan_da.qm`` may be missing or stale), installed with a ``QTranslator`` for the
test and removed afterwards, so the other tests keep seeing English.
"""

from __future__ import annotations

import shutil
import subprocess
from pathlib import Path

import pytest

REPO_DIR = Path(__file__).resolve().parents[2]
TS_FILE = REPO_DIR / "i18n" / "sundplan_da.ts"


def _lrelease() -> str | None:
    found = shutil.which("lrelease")
    if found:
        return found
    fallback = Path("/usr/lib/qt5/bin/lrelease")
    return str(fallback) if fallback.exists() else None


@pytest.fixture
def danish(tmp_path, sundplan_provider):
    """Install the freshly compiled Danish translation; remove it afterwards."""
    from qgis.PyQt.QtCore import QCoreApplication, QTranslator

    lrelease = _lrelease()
    if lrelease is None:
        pytest.skip("lrelease not installed (qttools5-dev-tools)")
    qm = tmp_path / "sundplan_da.qm"
    done = subprocess.run(
        [lrelease, "-silent", str(TS_FILE), "-qm", str(qm)],
        capture_output=True,
        text=True,
        check=False,
    )
    assert done.returncode == 0 and qm.is_file(), done.stdout + done.stderr
    translator = QTranslator()
    assert translator.load(str(qm)), f"QTranslator could not load {qm}"
    QCoreApplication.installTranslator(translator)
    try:
        yield translator
    finally:
        QCoreApplication.removeTranslator(translator)


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
