"""The optional network part of a tool (specialist gaps): road network, travel time limit,
residents and snapping, read into ``gap_reach.Reach``."""

from __future__ import annotations

from qgis.core import QgsCoordinateReferenceSystem, QgsProcessingParameterNumber

from ...sundplan_qgis import gap_reach
from ...sundplan_qgis.areas import AreaTable
from ...sundplan_qgis.errors import SundplanError
from ...sundplan_qgis.practices import Practices
from .. import _inputs
from .._i18n import tr


class ReachParameters:
    """Mixin (with ``network.NetworkParameters`` and ``residents.ResidentsParameters``):
    declares and reads the network part."""

    def add_reach_parameters(self) -> None:
        self.add_network_parameters()
        self.addParameter(
            QgsProcessingParameterNumber(
                "TIME_LIMIT_MIN",
                tr("Network part: travel time limit (minutes)"),
                QgsProcessingParameterNumber.Double,
                gap_reach.DEFAULT_TIME_LIMIT_MIN,
                minValue=0.1,
            )
        )
        self.add_residents_parameters(
            raster_label=tr("Network part: residents (population raster)"),
            layer_label=tr("Network part: …or residents as points/polygons"),
            field_label=tr("Network part: population field"),
        )
        self.add_snapping_parameters()
        if self.parameterDefinition("NOT_REACHED_WARNING_PCT") is None:
            self.add_not_reached_parameter()

    def read_reach(
        self, parameters, context, feedback, *, areas: AreaTable, practices: Practices | None
    ) -> gap_reach.Reach | None:
        """The network part's inputs, or None when no network is given."""
        if not (
            self.parameterAsFile(parameters, "NETWORK_FILE", context)
            or self.parameterAsSource(parameters, "NETWORK_LAYER", context) is not None
        ):
            return None
        if practices is None or areas.geometries is None:
            raise SundplanError(
                tr("The network part needs the practices as points and the areas as polygons.")
            )
        limit = self.parameterAsDouble(parameters, "TIME_LIMIT_MIN", context)
        routing = self.read_routing(
            parameters, context, feedback, bands_min=[limit], embedded=False
        )
        if routing.areas is None:
            raise SundplanError(tr("The network part needs polygon areas."))
        network_crs = QgsCoordinateReferenceSystem.fromWkt(routing.graph.crs_wkt)
        return gap_reach.Reach(
            routing=routing,
            practice_xy=_transform_xy(practices.xy, areas.crs, network_crs, context),
            time_limit_min=limit,
            warning_threshold_pct=routing.not_reached_warning_pct,
        )


def _transform_xy(xy, src_crs, dst_crs, context):
    """Practice coordinates from the areas' CRS into the network's (QGIS transform)."""
    import numpy as np
    from qgis.core import QgsPointXY

    ct = _inputs.transform(src_crs, dst_crs, context)
    if ct is None:
        return xy
    out = np.empty_like(xy)
    for i, (x, y) in enumerate(xy):
        p = ct.transform(QgsPointXY(x, y))
        out[i] = (p.x(), p.y())
    return out
