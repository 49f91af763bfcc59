"""PRACTICES (specialty, capacity) or CAPACITY_TABLE: specialist capacity read into core inputs."""

from __future__ import annotations

import pandas as pd
from qgis.core import (
    QgsProcessing,
    QgsProcessingParameterFeatureSource,
    QgsProcessingParameterField,
)

from ...sundplan_qgis import practices
from ...sundplan_qgis.areas import AreaTable
from ...sundplan_qgis.errors import SundplanError
from .. import _inputs
from ..base import tr
from .areas import null_to_none


class CapacityParameters:
    """Mixin (with ``SundplanAlgorithm``): specialist practices as points or a capacity table."""

    def add_capacity_parameters(self) -> None:
        self.addParameter(
            QgsProcessingParameterFeatureSource(
                "PRACTICES",
                tr("Specialist practices (points)"),
                [QgsProcessing.TypeVectorPoint],
                optional=True,
            )
        )
        self.addParameter(
            QgsProcessingParameterField(
                "SPECIALTY_FIELD",
                tr("Specialty field of the practices"),
                parentLayerParameterName="PRACTICES",
                optional=True,
            )
        )
        self.addParameter(
            QgsProcessingParameterField(
                "CAPACITY_FIELD",
                tr("Capacity field (full-time ydernumre; empty = 1 per practice)"),
                parentLayerParameterName="PRACTICES",
                type=QgsProcessingParameterField.Numeric,
                optional=True,
            )
        )
        self.addParameter(
            QgsProcessingParameterFeatureSource(
                "CAPACITY_TABLE",
                tr("…or a capacity table per area and specialty"),
                [QgsProcessing.TypeVector],
                optional=True,
            )
        )
        for key, label in (
            ("CAPACITY_AREA_FIELD", tr("Area id field of the capacity table")),
            ("CAPACITY_SPECIALTY_FIELD", tr("Specialty field of the capacity table")),
            ("CAPACITY_VALUE_FIELD", tr("Capacity field of the capacity table")),
        ):
            self.addParameter(
                QgsProcessingParameterField(
                    key, label, parentLayerParameterName="CAPACITY_TABLE", optional=True
                )
            )

    def _source_name(self, parameters, key, context) -> str:
        layer = self.parameterAsVectorLayer(parameters, key, context)
        return layer.name() if layer is not None else key

    def read_capacity(self, parameters, context, *, areas: AreaTable) -> dict:
        """``{"practices": Practices}`` (in the areas' CRS) or ``{"capacity_table": rows,
        "capacity_source": name}``: the capacity keywords of ``gaps.GapInputs``."""
        source = self.parameterAsSource(parameters, "PRACTICES", context)
        table = self.parameterAsSource(parameters, "CAPACITY_TABLE", context)
        if source is not None:
            name = self._source_name(parameters, "PRACTICES", context)
            spec_field = self.parameterAsString(parameters, "SPECIALTY_FIELD", context)
            cap_field = self.parameterAsString(parameters, "CAPACITY_FIELD", context) or None
            if not spec_field:
                raise SundplanError(tr("Choose the specialty field of the practices."))
            if areas.geometries is None:
                raise SundplanError(
                    tr(
                        "Practices as points need polygon areas to be placed in. Give the "
                        "areas as polygons, or give a capacity table per area instead."
                    )
                )
            pts = _inputs.read_points(
                source,
                layer_name=name,
                target_crs=areas.crs,
                context=context,
                fields=tuple(f for f in (spec_field, cap_field) if f),
            )
            return {
                "practices": practices.specialist_practices(
                    xy=pts["xy"],
                    ids=pts["ids"],
                    specialty_values=[null_to_none(v) for v in pts[spec_field]],
                    capacity_values=(
                        [null_to_none(v) for v in pts[cap_field]] if cap_field else None
                    ),
                    source_name=name,
                    specialty_field=spec_field,
                    capacity_field=cap_field,
                )
            }
        if table is not None:
            name = self._source_name(parameters, "CAPACITY_TABLE", context)
            keys = [
                self.parameterAsString(parameters, k, context)
                for k in ("CAPACITY_AREA_FIELD", "CAPACITY_SPECIALTY_FIELD", "CAPACITY_VALUE_FIELD")
            ]
            if not all(keys):
                raise SundplanError(
                    tr("The capacity table needs its area id, specialty and capacity fields.")
                )
            rows = [
                (str(null_to_none(f[keys[0]])), null_to_none(f[keys[1]]), null_to_none(f[keys[2]]))
                for f in table.getFeatures()
            ]
            frame = pd.DataFrame(rows, columns=["area_id", "specialty", "capacity"])
            return {"capacity_table": frame, "capacity_source": f"{name}: {keys[1]}"}
        raise SundplanError(
            tr("Give the specialist practices (points) or a capacity table per area.")
        )
