"""NEED_WEIGHTS (none / default / custom), NEED_WEIGHTS_FILE (CSV) and, where a tool has one,
NEED_WEIGHTS_MATRIX: one vocabulary for every tool, read by key."""

from __future__ import annotations

from qgis.core import QgsProcessingParameterFile, QgsProcessingParameterMatrix
from qgis.PyQt.QtCore import QT_TRANSLATE_NOOP

from ...sundplan_qgis import need
from ...sundplan_qgis.errors import SundplanError
from .._i18n import tr

LABELS = {
    need.SPECIALISTS: (
        ("none", QT_TRANSLATE_NOOP("sundplan", "Unweighted population")),
        (
            "default",
            QT_TRANSLATE_NOOP(
                "sundplan", "Default need weights per specialty (shipped, documented)"
            ),
        ),
        (
            "custom",
            QT_TRANSLATE_NOOP(
                "sundplan", "A weight table (CSV: specialty, age_group, sex, weight)"
            ),
        ),
    ),
    need.GP: (
        ("none", QT_TRANSLATE_NOOP("sundplan", "None: unweighted population")),
        (
            "default",
            QT_TRANSLATE_NOOP(
                "sundplan",
                "Default almen praksis age/sex weights (resources/data/need_weights_gp.csv)",
            ),
        ),
        ("custom", QT_TRANSLATE_NOOP("sundplan", "Custom weights (table below or CSV file)")),
    ),
}
"""(key, English label) per service; the keys are the same for every tool."""


class NeedWeightParameters:
    """Mixin (with ``SundplanAlgorithm``): declares and reads NEED_WEIGHTS*."""

    def add_need_parameters(
        self, *, service: str, default: str = "default", matrix: bool = False
    ) -> None:
        self.add_choice(
            "NEED_WEIGHTS", tr("Need weighting (behovsvægte)"), LABELS[service], default=default
        )
        # the GP tools (those with a matrix) keep the custom tables among the advanced parameters
        add = self.add_advanced if matrix else self.addParameter
        if matrix:
            add(
                QgsProcessingParameterMatrix(
                    "NEED_WEIGHTS_MATRIX",
                    tr("Custom need weights: age group (0_4 … 85_plus), sex (m/k/all), weight"),
                    headers=[tr("Age group"), tr("Sex"), tr("Weight")],
                    optional=True,
                )
            )
        add(
            QgsProcessingParameterFile(
                "NEED_WEIGHTS_FILE",
                tr("Weight table (CSV)")
                if service == need.SPECIALISTS
                else tr("…or a CSV of need weights (columns age_group, sex, weight)"),
                optional=True,
                fileFilter=tr("CSV files") + " (*.csv *.txt)",
            )
        )

    def read_need_weights(self, parameters, context, *, service: str):
        """The weight table chosen (None: unweighted)."""
        choice = self.choice(parameters, "NEED_WEIGHTS", context)
        if choice == "none":
            return None
        if choice == "default":
            return need.load_weights(service=service)
        path = self.parameterAsFile(parameters, "NEED_WEIGHTS_FILE", context)
        if path:
            return need.load_weights(path, service=service)
        matrix = (
            self.parameterAsMatrix(parameters, "NEED_WEIGHTS_MATRIX", context)
            if self.parameterDefinition("NEED_WEIGHTS_MATRIX") is not None
            else []
        )
        if not matrix:
            raise SundplanError(
                tr("Custom need weights chosen but neither a weight table nor a CSV file given.")
            )
        if len(matrix) % 3:
            raise SundplanError(tr("The need weight table needs rows of age group, sex, weight."))
        rows = [matrix[k : k + 3] for k in range(0, len(matrix), 3)]
        return need.weights_from_rows(rows, source="custom weight table")
