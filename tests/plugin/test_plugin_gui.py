"""initGui / unload with pytest-qgis's stub iface: everything added is removed again."""

from __future__ import annotations

import shutil
import subprocess
from unittest.mock import MagicMock

import pytest
from qgis.core import QgsApplication
from qgis.PyQt.QtCore import QCoreApplication
from qgis.PyQt.QtWidgets import QAction

TS = """<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="da_DK">
<context>
    <name>sundplan</name>
    <message>
        <source>Reference data: akutsygehuse, kommuner, regioner, sundhedsråd</source>
        <translation>Referencedata: akutsygehuse, kommuner, regioner, sundhedsråd</translation>
    </message>
</context>
</TS>
"""


@pytest.fixture
def spied_iface(qgis_iface, monkeypatch):
    """The stub iface with the plugin-facing methods replaced by mocks we can count."""
    for name in (
        "addPluginToMenu",
        "removePluginMenu",
        "addToolBarIcon",
        "removeToolBarIcon",
        "messageBar",
    ):
        monkeypatch.setattr(qgis_iface, name, MagicMock(name=name), raising=False)
    return qgis_iface


def _our_actions(iface):
    return [
        a
        for a in iface.mainWindow().findChildren(QAction)
        if a.objectName().startswith("sundplan_")
    ]


def _flush_deletes():
    from qgis.PyQt.QtCore import QEvent

    QCoreApplication.sendPostedEvents(None, QEvent.Type.DeferredDelete)
    QCoreApplication.processEvents()


def test_load_unload_twice_leaves_nothing_behind(
    qgis_app, qgis_processing, sundplan_package, spied_iface
):
    registry = QgsApplication.processingRegistry()
    providers_before = {p.id() for p in registry.providers()}
    for _round in range(2):
        for mock in (
            spied_iface.addPluginToMenu,
            spied_iface.removePluginMenu,
            spied_iface.addToolBarIcon,
            spied_iface.removeToolBarIcon,
        ):
            mock.reset_mock()
        plugin = sundplan_package.classFactory(spied_iface)
        plugin.initGui()
        assert registry.providerById("sundplan") is not None
        added_menu = [c.args for c in spied_iface.addPluginToMenu.call_args_list]
        # one toolbox entry + one per algorithm
        assert len(added_menu) == 1 + len(plugin.provider.algorithms())
        assert all(menu == "&Sundplan" for menu, _action in added_menu)
        assert spied_iface.addToolBarIcon.call_count == 1
        assert _our_actions(spied_iface)

        plugin.unload()
        _flush_deletes()
        removed_menu = [c.args for c in spied_iface.removePluginMenu.call_args_list]
        assert sorted(map(id, (a for _m, a in removed_menu))) == sorted(
            map(id, (a for _m, a in added_menu))
        )
        assert [c.args for c in spied_iface.removeToolBarIcon.call_args_list] == [
            c.args for c in spied_iface.addToolBarIcon.call_args_list
        ]
        assert registry.providerById("sundplan") is None
        assert {p.id() for p in registry.providers()} == providers_before - {"sundplan"}
        assert _our_actions(spied_iface) == []
        assert plugin.translator is None and plugin.actions == []


def test_danish_translator_installed_and_removed(
    qgis_app, qgis_processing, sundplan_package, spied_iface, tmp_path, monkeypatch
):
    lrelease = shutil.which("lrelease") or "/usr/lib/qt5/bin/lrelease"
    if not shutil.which(lrelease):
        pytest.skip("lrelease not installed")
    ts = tmp_path / "sundplan_da.ts"
    ts.write_text(TS, encoding="utf-8")
    qm = tmp_path / "sundplan_da.qm"
    subprocess.run([lrelease, "-silent", str(ts), "-qm", str(qm)], check=True)

    from sundplan import plugin as plugin_module

    monkeypatch.setattr(plugin_module, "user_language", lambda: "da")
    monkeypatch.setattr(
        plugin_module, "translation_file", lambda lang: qm if lang == "da" else None
    )
    plugin = sundplan_package.classFactory(spied_iface)
    plugin.initGui()
    try:
        assert plugin.translator is not None
        alg = plugin.provider.algorithm("reference_data")
        assert alg.displayName().startswith("Referencedata")
        menu_texts = [c.args[1].text() for c in spied_iface.addPluginToMenu.call_args_list]
        assert any(t.startswith("Referencedata") for t in menu_texts)
    finally:
        plugin.unload()
    from sundplan.processing.base import tr

    assert tr("Reference data: akutsygehuse, kommuner, regioner, sundhedsråd").startswith(
        "Reference data"
    )


def test_toolbox_action_filters_toolbox(qgis_app, sundplan_package, spied_iface, monkeypatch):
    from qgis import utils

    toolbox = MagicMock()
    monkeypatch.setitem(utils.plugins, "processing", MagicMock(toolbox=toolbox))
    plugin = sundplan_package.classFactory(spied_iface)
    plugin.initGui()
    try:
        plugin.toolbar_action.trigger()
        toolbox.setUserVisible.assert_called_once_with(True)
        toolbox.searchBox.setText.assert_called_once_with("sundplan")
    finally:
        plugin.unload()


def test_toolbox_action_without_processing_plugin_warns(
    qgis_app, sundplan_package, spied_iface, monkeypatch
):
    from qgis import utils

    monkeypatch.delitem(utils.plugins, "processing", raising=False)
    plugin = sundplan_package.classFactory(spied_iface)
    plugin.initGui()
    try:
        spied_iface.messageBar.reset_mock()
        plugin.show_toolbox()
        spied_iface.messageBar.return_value.pushWarning.assert_called_once()
    finally:
        plugin.unload()


def test_menu_entry_opens_algorithm_dialog(qgis_app, sundplan_package, spied_iface, monkeypatch):
    import processing

    dialog = MagicMock()
    monkeypatch.setattr(processing, "execAlgorithmDialog", dialog)
    plugin = sundplan_package.classFactory(spied_iface)
    plugin.initGui()
    try:
        action = next(
            c.args[1]
            for c in spied_iface.addPluginToMenu.call_args_list
            if c.args[1].objectName() == "sundplan_reference_data"
        )
        action.trigger()
        dialog.assert_called_once_with("sundplan:reference_data")
    finally:
        plugin.unload()


def test_missing_dependencies_shown_in_message_bar(
    qgis_app, sundplan_package, spied_iface, simulate_missing, monkeypatch
):
    from sundplan.processing import provider

    simulate_missing("osmnx")
    monkeypatch.setattr(provider, "_dependency_warning_logged", False)
    plugin = sundplan_package.classFactory(spied_iface)
    plugin.initGui()
    try:
        push = spied_iface.messageBar.return_value.pushWarning
        push.assert_called_once()
        assert "python3-osmnx" in push.call_args.args[1]
    finally:
        plugin.unload()
