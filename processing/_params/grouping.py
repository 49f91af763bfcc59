"""GROUPING (a choice of ``sundplan_qgis.grouping.LEVELS``) and GROUPING_TABLE with its
fields, for every tool that reports for larger units."""

from __future__ import annotations

from qgis.core import (
    QgsProcessing,
    QgsProcessingParameterFeatureSource,
    QgsProcessingParameterField,
)

from ...sundplan_qgis import grouping
from ...sundplan_qgis.errors import SundplanError
from ..base import tr
from .areas import null_to_none

SINGLE_LEVEL = grouping.choices(grouping.NONE, *grouping.REFERENCE_LEVELS, grouping.TABLE)
"""One level at a time (specialist gaps: each unit is compared with its fair share)."""


class GroupingParameters:
    """Mixin (with ``SundplanAlgorithm``): declares and reads GROUPING*."""

    def add_grouping_parameters(self, *, choices=SINGLE_LEVEL, default: str = grouping.NONE):
        self.add_choice("GROUPING", tr("Report for larger units"), choices, default=default)
        self.addParameter(
            QgsProcessingParameterFeatureSource(
                "GROUPING_TABLE",
                tr("Grouping table (for 'a grouping table')"),
                [QgsProcessing.TypeVector],
                optional=True,
            )
        )
        for key, label in (
            ("GROUPING_KEY_FIELD", tr("Grouping table: area id field")),
            ("GROUPING_UNIT_FIELD", tr("Grouping table: unit field")),
        ):
            self.addParameter(
                QgsProcessingParameterField(
                    key, label, parentLayerParameterName="GROUPING_TABLE", optional=True
                )
            )

    def read_grouping(self, parameters, context) -> grouping.Grouping | None:
        """The chosen single-level grouping (None: the areas themselves)."""
        level = self.choice(parameters, "GROUPING", context)
        if level == grouping.NONE:
            return None
        if level != grouping.TABLE:
            return grouping.Grouping(level=level, mapping=grouping.reference_mapping(level))
        source = self.parameterAsSource(parameters, "GROUPING_TABLE", context)
        key_field = self.parameterAsString(parameters, "GROUPING_KEY_FIELD", context)
        unit_field = self.parameterAsString(parameters, "GROUPING_UNIT_FIELD", context)
        if source is None or not key_field or not unit_field:
            raise SundplanError(
                tr(
                    "Grouping by a table needs the grouping table and its area id and unit "
                    "fields."
                )
            )
        rows = [
            (null_to_none(f[key_field]), null_to_none(f[unit_field])) for f in source.getFeatures()
        ]
        return grouping.Grouping(level=grouping.TABLE, mapping=grouping.from_rows(rows))
