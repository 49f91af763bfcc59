"""GROUPING (a choice of ``sundplan_qgis.grouping.LEVELS``) and GROUPING_TABLE with its
fields, for every tool that reports for larger units."""

from __future__ import annotations

from typing import TYPE_CHECKING

from qgis.core import (
    QgsProcessing,
    QgsProcessingParameterFeatureSource,
    QgsProcessingParameterField,
)

from ...sundplan_qgis import grouping
from ...sundplan_qgis.errors import SundplanError
from ...sundplan_qgis.reference import OUTSIDE_GROUPING
from .._i18n import tr, translate_message
from .._inputs import null_to_none

if TYPE_CHECKING:
    import pandas as pd

SINGLE_LEVEL = grouping.choices(grouping.NONE, *grouping.REFERENCE_LEVELS, grouping.TABLE)
"""One level at a time (specialist gaps: each unit is compared with its fair share)."""
ALL_LEVELS = grouping.choices(grouping.NONE, grouping.EMBEDDED, grouping.TABLE)
"""Every level at once (GP density rolls up to all levels of the table in one run)."""


class GroupingParameters:
    """Mixin (with ``SundplanAlgorithm``): declares and reads GROUPING*."""

    def add_grouping_parameters(self, *, all_levels: bool = False) -> None:
        """GROUPING, GROUPING_TABLE, GROUPING_KEY_FIELD and GROUPING_UNIT_FIELD (one level)
        or GROUPING_LEVEL_FIELDS (``all_levels``: every level of the table at once)."""
        if all_levels:
            self.add_choice(
                "GROUPING", tr("Report for larger units"), ALL_LEVELS, default=grouping.EMBEDDED
            )
        else:
            self.add_choice(
                "GROUPING", tr("Report for larger units"), SINGLE_LEVEL, default=grouping.NONE
            )
        self.addParameter(
            QgsProcessingParameterFeatureSource(
                "GROUPING_TABLE",
                tr("Grouping table (for 'a grouping table')"),
                [QgsProcessing.TypeVector],
                optional=True,
            )
        )
        self.addParameter(
            QgsProcessingParameterField(
                "GROUPING_KEY_FIELD",
                tr("Grouping table: area id field"),
                parentLayerParameterName="GROUPING_TABLE",
                optional=True,
            )
        )
        self.addParameter(
            QgsProcessingParameterField(
                "GROUPING_LEVEL_FIELDS" if all_levels else "GROUPING_UNIT_FIELD",
                tr("Level fields of the grouping table")
                if all_levels
                else tr("Grouping table: unit field"),
                parentLayerParameterName="GROUPING_TABLE",
                optional=True,
                allowMultiple=all_levels,
            )
        )

    def _grouping_level(self, parameters, context) -> str:
        """The GROUPING key; a grouping table given with another choice is refused, so a
        table is never silently left unused."""
        level = self.choice(parameters, "GROUPING", context)
        if level != grouping.TABLE and self.parameterAsSource(
            parameters, "GROUPING_TABLE", context
        ):
            raise SundplanError(
                tr(
                    "A grouping table is given, but the grouping chosen is not 'A grouping "
                    "table (area id -> unit)'. Choose that grouping to use the table, or leave "
                    "the grouping table empty."
                )
            )
        return level

    def read_grouping(self, parameters, context) -> grouping.Grouping | None:
        """The chosen single-level grouping (None: the areas themselves)."""
        level = self._grouping_level(parameters, context)
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

    def read_grouping_levels(self, parameters, context) -> grouping.Grouping | None:
        """The chosen multi-level grouping: every embedded level, or the table's level
        fields (None: the areas only)."""
        import pandas as pd

        level = self._grouping_level(parameters, context)
        if level == grouping.NONE:
            return None
        if level == grouping.EMBEDDED:
            return grouping.Grouping(level=level)
        source = self.parameterAsSource(parameters, "GROUPING_TABLE", context)
        key = self.parameterAsString(parameters, "GROUPING_KEY_FIELD", context)
        levels = self.parameterAsFields(parameters, "GROUPING_LEVEL_FIELDS", context)
        if source is None or not key or not levels:
            raise SundplanError(
                tr("Choose the key field and the level fields of the grouping table.")
            )
        rows = [[null_to_none(f[c]) for c in [key, *levels]] for f in source.getFeatures()]
        return grouping.Grouping(
            level=level,
            table=pd.DataFrame(rows, columns=[key, *levels]),
            key_field=key,
            level_fields=tuple(levels),
        )


def translate_outside_grouping(
    frame: pd.DataFrame, *, columns: tuple[str, ...] = ("area_id", "area_name", "unit")
) -> pd.DataFrame:
    """``frame`` with the core's "outside the grouping" label printed in the UI language
    (``uden for inddeling``) in its name columns; the frame is copied only when needed. (The
    ``class`` field keeps its English codes, like every other class value.)"""
    label = translate_message(OUTSIDE_GROUPING)
    if label == str(OUTSIDE_GROUPING):
        return frame
    frame = frame.copy()
    for column in columns:
        if column in frame.columns:
            frame[column] = [
                label if isinstance(v, str) and v == OUTSIDE_GROUPING else v for v in frame[column]
            ]
    return frame
