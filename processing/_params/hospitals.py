"""The hospitals group: HOSPITALS (default: the embedded akutsygehuse), their name and id
fields and ACTIVE_EXPRESSION; read into ``catchments.Hospitals``."""

from __future__ import annotations

from qgis.core import (
    QgsCoordinateReferenceSystem,
    QgsProcessing,
    QgsProcessingParameterExpression,
    QgsProcessingParameterFeatureSource,
    QgsProcessingParameterField,
)

from ...sundplan_qgis.catchments import Hospitals
from ...sundplan_qgis.errors import SundplanError
from .. import _inputs
from .._i18n import tr


class HospitalParameters:
    """Mixin of a :class:`base.SundplanAlgorithm`: the hospitals a tool routes to."""

    def add_hospital_parameters(self, *, label: str | None = None) -> None:
        """HOSPITALS, HOSPITAL_NAME_FIELD, HOSPITAL_ID_FIELD and ACTIVE_EXPRESSION."""
        self.addParameter(
            QgsProcessingParameterFeatureSource(
                "HOSPITALS",
                label or tr("Hospitals (default: the 21 embedded akutsygehuse)"),
                [QgsProcessing.TypeVectorPoint],
                optional=True,
            )
        )
        self.addParameter(
            QgsProcessingParameterField(
                "HOSPITAL_NAME_FIELD",
                tr("Hospital name field"),
                parentLayerParameterName="HOSPITALS",
                optional=True,
            )
        )
        self.addParameter(
            QgsProcessingParameterField(
                "HOSPITAL_ID_FIELD",
                tr(
                    "Hospital id field (default: hospital_id of the embedded akutsygehuse, "
                    "else the feature id)"
                ),
                parentLayerParameterName="HOSPITALS",
                optional=True,
            )
        )
        self.addParameter(
            QgsProcessingParameterExpression(
                "ACTIVE_EXPRESSION",
                tr("Which hospitals are active (expression; empty = all)"),
                parentLayerParameterName="HOSPITALS",
                optional=True,
            )
        )

    def read_hospitals(self, parameters, context, crs: QgsCoordinateReferenceSystem) -> Hospitals:
        """The active hospitals in ``crs``, with the user's ids (HOSPITAL_ID_FIELD; default
        the embedded layer's ``hospital_id``, else the feature ids) and where they come from."""
        source = self.parameterAsSource(parameters, "HOSPITALS", context)
        name_field = self.parameterAsString(parameters, "HOSPITAL_NAME_FIELD", context) or None
        id_field = self.parameterAsString(parameters, "HOSPITAL_ID_FIELD", context) or None
        layer_name = self.layer_name(parameters, "HOSPITALS", context)
        if source is None:
            layer = _inputs.default_hospitals_layer()
            source, layer_name = layer, tr("embedded akutsygehuse")
            name_field = name_field or "name"
            id_field = id_field or "hospital_id"
            self._default_hospitals = layer  # keep alive while reading
        expression = self.parameterAsExpression(parameters, "ACTIVE_EXPRESSION", context) or None
        pts = _inputs.read_points(
            source,
            layer_name=layer_name,
            target_crs=crs,
            context=context,
            name_field=name_field,
            active_expression=expression,
            fields=(id_field,) if id_field else (),
        )
        ids, id_source = hospital_ids(pts, id_field, layer_name)
        if len(pts["names"]) == 0:
            raise SundplanError(
                tr(
                    "No active hospitals in '{layer}'. Check the layer and the expression for "
                    "active hospitals."
                ).format(layer=layer_name)
            )
        return Hospitals(xy=pts["xy"], names=list(pts["names"]), ids=ids, id_source=id_source)


def hospital_ids(points: dict, id_field: str | None, layer_name: str) -> tuple[list, str]:
    """The user's hospital ids of ``points`` (from ``_inputs.read_points``): the values of
    ``id_field`` unchanged (integers stay integers), else the feature ids; and a sentence
    for the report saying where they come from."""
    if id_field:
        ids = [_plain_value(v) for v in points[id_field]]
        return ids, tr("field '{field}' of '{layer}'").format(field=id_field, layer=layer_name)
    return [int(i) for i in points["ids"]], tr(
        "feature ids of '{layer}' (no hospital id field chosen)"
    ).format(layer=layer_name)


def _plain_value(value):
    """A QGIS attribute as a plain Python value: NULL -> None, whole doubles -> int."""
    value = _inputs.null_to_none(value)
    if value is None:
        return None
    if isinstance(value, float) and value.is_integer():
        return int(value)
    if isinstance(value, int | float | str):
        return value
    return str(value)
