"""The provenance of a run: every parameter (defaults included) as evaluated, and versions."""

from __future__ import annotations

from typing import Any

from qgis.core import (
    Qgis,
    QgsCoordinateReferenceSystem,
    QgsMapLayer,
    QgsProcessingContext,
    QgsProcessingOutputLayerDefinition,
    QgsProperty,
    QgsRectangle,
)

from ..sundplan_qgis.provenance import provenance_json

PROVIDER_ID = "sundplan"


class ProvenanceRecorder:
    """Mixin of :class:`base.SundplanAlgorithm`: the run's parameters and versions as JSON."""

    def provenance_json(self, parameters: dict, context: QgsProcessingContext | None = None) -> str:
        """Provenance of this run: parameters, sundplan/Python/library/GDAL/QGIS versions.

        With ``context``, numbers, booleans and enums are recorded as evaluated values (from
        ``qgis_process`` they arrive as strings); everything else as given.
        """
        params = {}
        # Defaults count too: a run is reproducible only with every value that shaped it.
        given = dict(parameters)
        for definition in self.parameterDefinitions():
            if definition.name() not in given and definition.defaultValue() is not None:
                given[definition.name()] = definition.defaultValue()
        for key, value in given.items():
            definition = self.parameterDefinition(key)
            if context is not None and definition is not None:
                value = self._evaluated_parameter(definition, given, context, value)
            params[key] = _jsonable_parameter(value)
        return provenance_json(
            params, algorithm=f"{PROVIDER_ID}:{self._name}", extra_versions={"qgis": Qgis.version()}
        )

    def _evaluated_parameter(self, definition, parameters, context, raw):
        name = definition.name()
        kind = definition.type()
        try:
            if kind == "number":
                integer = definition.dataType() == definition.Type.Integer
                return (
                    self.parameterAsInt(parameters, name, context)
                    if integer
                    else self.parameterAsDouble(parameters, name, context)
                )
            if kind in ("distance", "duration"):
                return self.parameterAsDouble(parameters, name, context)
            if kind == "boolean":
                return self.parameterAsBool(parameters, name, context)
            if kind == "enum":
                if name in self._choice_keys:  # recorded by key, not position
                    return self.choice(parameters, name, context)
                if definition.allowMultiple():
                    return self.parameterAsEnums(parameters, name, context)
                return self.parameterAsEnum(parameters, name, context)
        except Exception:  # provenance must never break a run
            return raw
        return raw


def _jsonable_parameter(value: Any) -> Any:
    """Processing parameter values in a form that survives JSON."""
    if isinstance(value, QgsProcessingOutputLayerDefinition):
        return _jsonable_parameter(value.sink)
    if isinstance(value, QgsProperty):
        return (
            value.staticValue()
            if value.propertyType() == QgsProperty.Type.StaticProperty
            else value.expressionString()
        )
    if isinstance(value, QgsMapLayer):
        return value.source()
    if isinstance(value, QgsCoordinateReferenceSystem):
        return value.authid() or value.toWkt()
    if isinstance(value, QgsRectangle):
        return value.toString()
    if isinstance(value, list | tuple):
        return [_jsonable_parameter(v) for v in value]
    if isinstance(value, dict):
        return {str(k): _jsonable_parameter(v) for k, v in value.items()}
    return value
