"""The hospitals on a travel-time or catchment page when no POINTS are given: the ones the run
routed to, read from its provenance (HOSPITALS, HOSPITAL_NAME_FIELD, ACTIVE_EXPRESSION), or the
embedded akutsygehuse when the run used those. A planner reading a catchment map must see where
the hospitals are without adding a layer by hand."""

from __future__ import annotations

from qgis.core import (
    QgsExpression,
    QgsFeatureRequest,
    QgsVectorLayer,
)

from .. import _inputs
from ..base import tr

#: Page kinds whose map is about travel to the hospitals.
HOSPITAL_KINDS = ("travel_time", "travel_time_bands", "catchments", "travel_time_change")

ROUTING_TOOLS = ("sundplan:catchments", "sundplan:catchment_scenario")


def run_hospitals(
    kind: str, provenance: dict | None, feedback
) -> tuple[QgsVectorLayer, str] | None:
    """(layer, label field) of the run's active hospitals, or None when the page is of another
    kind, the output was not made by a routing tool, or its hospital layer is gone (warned)."""
    if kind not in HOSPITAL_KINDS or not provenance:
        return None
    if provenance.get("algorithm") not in ROUTING_TOOLS:
        return None
    params = provenance.get("parameters") or {}
    given = params.get("HOSPITALS")
    if isinstance(given, str) and given.strip():
        layer = QgsVectorLayer(given, "akutsygehuse", "ogr")
        if not layer.isValid():
            feedback.pushWarning(
                tr(
                    "The hospitals of the run ({source}) could not be opened, so they are not "
                    "drawn; give them as POINTS."
                ).format(source=given)
            )
            return None
        name_field = params.get("HOSPITAL_NAME_FIELD") or ""
    elif given in (None, ""):
        layer = _inputs.default_hospitals_layer()
        # the town: short enough for all 21 labels to fit on a national page
        name_field = params.get("HOSPITAL_NAME_FIELD") or "short_name"
    else:
        return None  # a layer object or anything else not recorded as a source
    if name_field and layer.fields().indexOf(name_field) < 0:
        name_field = ""
    expression = params.get("ACTIVE_EXPRESSION")
    if isinstance(expression, str) and expression.strip():
        request = QgsFeatureRequest(QgsExpression(expression))
        active = layer.materialize(request)
        if active.featureCount() > 0:
            layer = active
    layer.setName(tr("akutsygehuse"))
    return layer, name_field
