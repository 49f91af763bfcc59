"""``sundplan:catchments``: travel time and optageområder to the akutsygehuse.

Parameters (hospitals, road network, residents) -> ``catchments.CatchmentInputs`` -> the core's
``catchments.run`` -> ``_catchment_outputs.write_catchments``.
"""

from __future__ import annotations

from qgis.core import (
    QgsCoordinateReferenceSystem,
    QgsProcessing,
    QgsProcessingParameterFeatureSink,
    QgsProcessingParameterRasterDestination,
)

from ..sundplan_qgis import catchments
from ._catchment_outputs import write_catchments
from ._i18n import tr
from ._params.areas import AreaParameters
from ._params.hospitals import HospitalParameters
from ._params.network import ROUTING_REQUIRES, NetworkParameters
from ._params.residents import ResidentsParameters, push_land_note
from .base import SundplanAlgorithm


class CatchmentsAlgorithm(
    HospitalParameters, NetworkParameters, ResidentsParameters, AreaParameters, SundplanAlgorithm
):
    """Rejsetid og optageområder til akutsygehuse."""

    _name = "catchments"
    _display_name = "Travel time and catchments to akutsygehuse (Rejsetid og optageområder)"
    _group_id = "accessibility"
    _requires = ROUTING_REQUIRES
    _tags = ("akutsygehus", "optageområde", "rejsetid", "catchment", "isochrone", "travel time")
    _help = (
        "Computes, for every resident, the drive time in minutes to the nearest active "
        "akutsygehus over the road network, which hospital's optageområde (catchment) they "
        "belong to, and summaries per kommune or any area layer.<br><br>"
        "<b>Method</b>: the road network becomes a directed graph (every vertex a node, one-way "
        "streets respected from home to hospital, ferries with their duration or a default "
        "speed plus boarding time). One multi-source Dijkstra search runs from all hospitals "
        "on the reversed graph (scipy.sparse.csgraph). Population locations (raster cell "
        "centres or points) are snapped to the nearest reachable road within the maximum snap "
        "distance; the straight access leg is driven at the access speed. With areas, land = "
        "the union of the areas: a resident snaps only to roads on the same island (land "
        "part), and the raster and polygons are clipped to the land; without areas no land "
        "mask is used. Equal times go to the "
        "hospital listed first. Bands are closed on the right: exactly 15.0 minutes is in "
        "0–15.<br><br>"
        "<b>Defaults</b>: the 21 akutsygehuse embedded in the plugin (Sundhedsdatastyrelsen "
        "SOR); Danish speed defaults per road class (Færdselsloven §42: 50 km/h in towns, 80 "
        "outside, 130 on motorways; the table per road class is on the Help page); bands 15, "
        "30, 45, 60 minutes; snap "
        "distance 1 000 m; access speed 30 km/h.<br><br>"
        "<b>Outputs</b>: a travel-time raster (minutes, nodata where unreachable or off land), "
        "catchment polygons with the hospital's own id, population and mean/max minutes, "
        "time-band polygons with population and a 'not reached' class, an area table "
        "(population, mean, median, 90th percentile and max minutes, population and share "
        "beyond each band, the main hospital, pop_unsnapped, pop_unreachable and "
        "share_not_reached) and a run report (JSON and text) with parameters, versions, "
        "network size, coverage and what could not be snapped and why. Mean, median, 90th "
        "percentile and max minutes are of reached residents; residents not reached are "
        "counted apart, and the log warns when more than NOT_REACHED_WARNING_PCT % are not "
        "reached. Population is conserved: bands + not reached = input total.<br><br>"
        "<b>Hospital ids</b>: HOSPITAL_ID_FIELD (default: hospital_id of the embedded "
        "akutsygehuse; for your own layer without it, the feature id) is carried unchanged "
        "into the outputs and the report."
    )

    def define_parameters(self, config=None) -> None:
        self.add_hospital_parameters()
        self.add_network_parameters()
        self.add_routing_parameters()
        self.addParameter(
            QgsProcessingParameterRasterDestination(
                "TRAVEL_TIME", tr("Travel time to the nearest akutsygehus (minutes)")
            )
        )
        self.addParameter(
            QgsProcessingParameterFeatureSink(
                "CATCHMENTS", tr("Catchments (optageområder)"), QgsProcessing.TypeVectorPolygon
            )
        )
        self.addParameter(
            QgsProcessingParameterFeatureSink(
                "BAND_POLYGONS", tr("Travel-time bands"), QgsProcessing.TypeVectorPolygon
            )
        )
        self.addParameter(
            QgsProcessingParameterFeatureSink(
                "AREA_SUMMARY",
                tr("Summary per area"),
                QgsProcessing.TypeVector,
                optional=True,
                createByDefault=True,
            )
        )
        self.add_report_output()

    def read(self, parameters, context, feedback) -> catchments.CatchmentInputs:
        routing = self.read_routing(parameters, context, feedback)
        crs = QgsCoordinateReferenceSystem.fromWkt(routing.graph.crs_wkt)
        hospitals = self.read_hospitals(parameters, context, crs)
        return catchments.CatchmentInputs(routing=routing, hospitals=hospitals)

    def compute(self, parameters, context, feedback):
        inputs = self.read(parameters, context, feedback)
        result = catchments.run(inputs, progress=self.progress(feedback, start=0.35, end=0.9))
        self.push_warnings(feedback, result.warnings)
        push_land_note(result.report, feedback)
        return write_catchments(self, result, inputs.routing, parameters, context, feedback)
