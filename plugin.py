"""The QGIS plugin object: Processing provider, Danish translation, menu and toolbar button.

``initProcessing`` is all ``qgis_process`` calls (headless); the desktop additionally calls
``initGui``. ``unload`` removes everything either of them added.
"""

from __future__ import annotations

from functools import partial
from pathlib import Path

from qgis.core import QgsApplication, QgsSettings
from qgis.PyQt.QtCore import QCoreApplication, QLocale, QTranslator
from qgis.PyQt.QtWidgets import QAction

from .processing._i18n import tr
from .processing._provenance import PROVIDER_ID
from .processing.base import icon
from .processing.provider import SundplanProvider, log_dependency_problem_once

PLUGIN_DIR = Path(__file__).resolve().parent
MENU_NAME = "&Sundplan"
ACTION_PREFIX = "sundplan_"  # objectName prefix of every QAction the plugin creates


def user_language() -> str:
    """Two-letter language of the QGIS user interface (QGIS setting, else the system's)."""
    locale = QgsSettings().value("locale/userLocale", "", type=str) or QLocale().name()
    return (locale or "en")[:2].lower()


def translation_file(language: str) -> Path | None:
    """``i18n/sundplan_<language>.qm`` if it exists."""
    path = PLUGIN_DIR / "i18n" / f"sundplan_{language}.qm"
    return path if path.is_file() else None


class SundplanPlugin:
    """Created by ``classFactory``; ``iface`` is None inside ``qgis_process``."""

    def __init__(self, iface):
        self.iface = iface
        self.provider: SundplanProvider | None = None
        self.translator: QTranslator | None = None
        self.actions: list[QAction] = []
        self.toolbar_action: QAction | None = None

    # -- headless part ------------------------------------------------------------------
    def initProcessing(self) -> None:  # noqa: N802 (QGIS API)
        """Install the translation and register the Processing provider (once)."""
        self._install_translator()
        if self.provider is None:
            self.provider = SundplanProvider()
            QgsApplication.processingRegistry().addProvider(self.provider)

    def _install_translator(self) -> None:
        if self.translator is not None:
            return
        qm = translation_file(user_language())
        if qm is None:
            return
        translator = QTranslator()
        if translator.load(str(qm)):
            QCoreApplication.installTranslator(translator)
            self.translator = translator

    # -- desktop part -------------------------------------------------------------------
    def initGui(self) -> None:  # noqa: N802 (QGIS API)
        """Provider, translation, the Sundplan menu and toolbar button."""
        self.initProcessing()
        parent = self.iface.mainWindow()

        toolbox_action = self._new_action(
            tr("Sundplan tools in the Processing Toolbox"), parent, "toolbox"
        )
        toolbox_action.setIcon(icon())
        toolbox_action.setToolTip(tr("Show the Sundplan tools in the Processing Toolbox"))
        toolbox_action.triggered.connect(self.show_toolbox)
        self.iface.addPluginToMenu(MENU_NAME, toolbox_action)
        self.iface.addToolBarIcon(toolbox_action)
        self.toolbar_action = toolbox_action

        for alg in sorted(self.provider.algorithms(), key=lambda a: (a.group(), a.displayName())):
            action = self._new_action(alg.displayName() + "…", parent, alg.name())
            action.setIcon(alg.icon())
            action.triggered.connect(partial(self.open_algorithm, alg.id()))
            self.iface.addPluginToMenu(MENU_NAME, action)

        problem = log_dependency_problem_once() or ""
        if problem:
            self.iface.messageBar().pushWarning("Sundplan", problem.replace("\n", " "))

    def _new_action(self, text: str, parent, key: str) -> QAction:
        action = QAction(text, parent)
        action.setObjectName(ACTION_PREFIX + key)
        self.actions.append(action)
        return action

    def show_toolbox(self) -> None:
        """Open the Processing Toolbox filtered to the Sundplan tools."""
        from qgis import utils

        processing_plugin = utils.plugins.get("processing")
        toolbox = getattr(processing_plugin, "toolbox", None)
        if toolbox is None:
            self.iface.messageBar().pushWarning(
                "Sundplan", tr("The Processing plugin is not enabled (Plugins ▸ Manage).")
            )
            return
        if hasattr(toolbox, "setUserVisible"):
            toolbox.setUserVisible(True)
        else:
            toolbox.setVisible(True)
        toolbox.raise_()
        toolbox.searchBox.setText(PROVIDER_ID)
        toolbox.searchBox.setFocus()

    def open_algorithm(self, alg_id: str, _checked: bool = False) -> None:
        """Open the dialog of the algorithm ``alg_id`` (``sundplan:...``)."""
        from .processing import qgis_processing

        qgis_processing().execAlgorithmDialog(alg_id)

    def unload(self) -> None:
        """Remove menu entries, toolbar button, provider and translator."""
        for action in self.actions:
            if self.iface is not None:
                self.iface.removePluginMenu(MENU_NAME, action)
            action.setParent(None)
            action.deleteLater()
        if self.toolbar_action is not None and self.iface is not None:
            self.iface.removeToolBarIcon(self.toolbar_action)
        self.actions = []
        self.toolbar_action = None
        if self.provider is not None:
            QgsApplication.processingRegistry().removeProvider(self.provider)
            self.provider = None
        if self.translator is not None:
            QCoreApplication.removeTranslator(self.translator)
            self.translator = None
