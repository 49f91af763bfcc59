"""AREAS left empty in a tool that measures per area: the embedded kommuner take their place
(polygons, today's population, an age/sex composition; see ``sundplan_qgis.embedded_areas``),
said in the log and the run report."""

from __future__ import annotations

from qgis.core import QgsVectorLayer

from ...sundplan_qgis import embedded_areas, reference
from ...sundplan_qgis.errors import Message
from .._i18n import translate_message
from .._sinks import dataframe_to_layer


def embedded_kommuner_layer() -> tuple[QgsVectorLayer, Message]:
    """The default areas as a memory polygon layer (EPSG:25832) and the note saying what they
    hold (both FOLK1A quarters)."""
    frame = embedded_areas.default_areas()
    layer = dataframe_to_layer(
        frame, geometry="geometry", crs=reference.NATIONAL_CRS, name="kommuner (indlejret)"
    )
    return layer, embedded_areas.note(frame)


class EmbeddedAreas:
    """Mixin (with ``AreaParameters``): AREAS defaults to the embedded kommuner."""

    _help_defaults = (
        "<b>With no areas</b>: the 98 embedded kommuner with their population of the latest "
        "embedded quarter (FOLK1A 2021K1) and its age/sex composition from FOLK1A 2014K1 (the "
        "latest available offline) scaled to those totals; the report states both quarters. "
        "sundplan:fetch_base_data fetches the current composition as a kommune layer to give "
        "as areas."
    )

    def with_default_areas(self, parameters, context, feedback) -> tuple[dict, Message | None]:
        """``parameters`` with AREAS (and its id/name fields) set to the embedded kommuner when
        none were given, and the note to record; unchanged and None otherwise."""
        if self.parameterAsSource(parameters, "AREAS", context) is not None:
            return parameters, None
        layer, note = embedded_kommuner_layer()
        self._embedded_areas = layer  # alive while the run reads it
        if feedback is not None:
            feedback.pushInfo(translate_message(note))
        return {
            **parameters,
            "AREAS": layer,
            "AREA_ID_FIELD": "kommunekode",
            "AREA_NAME_FIELD": "kommune",
        }, note
