"""The Processing provider ``sundplan``.

To add an algorithm: add one line ``"module:ClassName"`` to :data:`ALGORITHMS`. Modules are
imported lazily and one by one, so a module that fails to import is reported in the log and
the other algorithms still load.
"""

from __future__ import annotations

import importlib

from qgis.core import Qgis, QgsMessageLog, QgsProcessingProvider

from ._i18n import tr
from ._provenance import PROVIDER_ID
from ._runtime import dependency_problem
from .base import icon

# "module (in this package):class". One line per algorithm; order = toolbox order.
ALGORITHMS: tuple[str, ...] = (
    "reference_data:ReferenceDataAlgorithm",
    "sample_data:SampleDataAlgorithm",
    "fetch_base_data:FetchBaseDataAlgorithm",
    "catchments:CatchmentsAlgorithm",
    "catchment_scenario:CatchmentScenarioAlgorithm",
    "gp_density:GpDensityAlgorithm",
    "fca_access:FcaAccessAlgorithm",
    "specialist_gaps:SpecialistGapsAlgorithm",
    "location_allocation:LocationAllocationAlgorithm",
    "need_projection:NeedProjectionAlgorithm",
    "capacity_allocation:CapacityAllocationAlgorithm",
    "map_report:MapReportAlgorithm",
    "sundhedsraad_profile:SundhedsraadProfileAlgorithm",
)

LOG_TAG = "Sundplan"

_dependency_warning_logged = False


def algorithm_classes() -> list[type]:
    """Import the classes named in :data:`ALGORITHMS`; log and skip those that fail."""
    classes = []
    for entry in ALGORITHMS:
        module_name, class_name = entry.split(":")
        try:
            module = importlib.import_module(f".{module_name}", __package__)
            classes.append(getattr(module, class_name))
        except Exception as exc:  # a broken module must not take the provider down
            QgsMessageLog.logMessage(
                tr("Could not load algorithm {entry}: {error}").format(entry=entry, error=exc),
                LOG_TAG,
                Qgis.MessageLevel.Critical,
            )
    return classes


def log_dependency_problem_once() -> str:
    """Log the missing-dependency hint to the QGIS message log once per session; return it."""
    global _dependency_warning_logged
    problem = dependency_problem()
    if problem and not _dependency_warning_logged:
        _dependency_warning_logged = True
        QgsMessageLog.logMessage(problem, LOG_TAG, Qgis.MessageLevel.Warning)
    return problem


class SundplanProvider(QgsProcessingProvider):
    """Provider id ``sundplan``: registers whether or not the dependencies are installed.

    With missing dependencies the algorithms are listed but refuse to run with the install
    hint (see ``SundplanAlgorithm.checkParameterValues`` / ``processAlgorithm``).
    """

    def id(self) -> str:
        """Provider id, prefix of every algorithm id (``sundplan:...``)."""
        return PROVIDER_ID

    def name(self) -> str:
        """Short name shown in the toolbox."""
        return "Sundplan"

    def longName(self) -> str:  # noqa: N802
        """Long name shown in the toolbox tooltip."""
        return tr("Sundplan: health planning for Denmark (travel time, catchments, capacity)")

    def icon(self):
        """The plugin icon."""
        return icon()

    def loadAlgorithms(self) -> None:  # noqa: N802
        """Add one instance of every class in :data:`ALGORITHMS`."""
        log_dependency_problem_once()
        for cls in algorithm_classes():
            self.addAlgorithm(cls())
