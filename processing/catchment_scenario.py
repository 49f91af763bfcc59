"""``sundplan:catchment_scenario``: what changes when akutsygehuse close, move or open.

Parameters (baseline hospitals, closures and additions, road network, residents) ->
``scenario.ScenarioInputs`` -> the core's ``scenario.run`` -> ``_catchment_outputs.write_scenario``.
"""

from __future__ import annotations

from qgis.core import (
    QgsCoordinateReferenceSystem,
    QgsProcessing,
    QgsProcessingParameterFeatureSink,
    QgsProcessingParameterFeatureSource,
    QgsProcessingParameterField,
    QgsProcessingParameterRasterDestination,
    QgsProcessingParameterString,
)

from ..sundplan_qgis import scenario
from ..sundplan_qgis.catchments import Hospitals
from ..sundplan_qgis.parsing import split_list
from . import _inputs
from ._catchment_outputs import write_scenario
from ._i18n import tr
from ._params.areas import AreaParameters
from ._params.hospitals import HospitalParameters, hospital_ids
from ._params.network import ROUTING_REQUIRES, NetworkParameters
from ._params.residents import ResidentsParameters, push_land_note
from .base import SundplanAlgorithm


class CatchmentScenarioAlgorithm(
    HospitalParameters, NetworkParameters, ResidentsParameters, AreaParameters, SundplanAlgorithm
):
    """Scenario: close, move or add akutsygehuse and compare with the baseline."""

    _name = "catchment_scenario"
    _display_name = "Hospital scenario: close, move or add akutsygehuse (Scenarie)"
    _group_id = "accessibility"
    _requires = ROUTING_REQUIRES
    _tags = ("akutsygehus", "scenario", "scenarie", "lukning", "closure", "optageområde")
    _help = (
        "Compares travel times to the nearest akutsygehus between a baseline hospital set and "
        "a scenario: close hospitals by name, add new points (a moved hospital = close the old "
        "one and add the new site). Answers questions such as 'what happens if Thisted closes "
        "its akutmodtagelse' in one run.<br><br>"
        "<b>Outputs</b>: a raster of the change in minutes per cell (scenario − baseline; "
        "positive = longer trip), a table per area with the change in mean, median, 90th "
        "percentile and max minutes (each of the residents reached in that run) and in "
        "population beyond each band, the residents not reached in each run (base_pop_unsnapped, "
        "pop_unsnapped, pop_unreachable, share_not_reached ...) and those reached in only one "
        "(pop_newly_not_reached, pop_newly_reached), a table of the population that changes "
        "hospital with the from → to pair and both hospitals' own ids ('(not reached)' when a "
        "run reaches no hospital), and a run report. The log warns when more than "
        "NOT_REACHED_WARNING_PCT % of the residents are not reached in the scenario.<br><br>"
        "The method, units and defaults are those of 'Travel time and catchments': both runs use "
        "the same network, population and grid, so every cell is compared one to one."
    )

    def define_parameters(self, config=None) -> None:
        self.add_hospital_parameters(
            label=tr("Baseline hospitals (default: the 21 embedded akutsygehuse)")
        )
        self.addParameter(
            QgsProcessingParameterString(
                "CLOSE",
                tr("Hospitals to close in the scenario (names, comma separated)"),
                optional=True,
            )
        )
        self.addParameter(
            QgsProcessingParameterFeatureSource(
                "ADD_HOSPITALS",
                tr("Hospitals to add in the scenario (points)"),
                [QgsProcessing.TypeVectorPoint],
                optional=True,
            )
        )
        for name, label in (
            ("ADD_NAME_FIELD", tr("Name field of the added hospitals")),
            ("ADD_ID_FIELD", tr("Id field of the added hospitals (default: the feature id)")),
        ):
            self.addParameter(
                QgsProcessingParameterField(
                    name, label, parentLayerParameterName="ADD_HOSPITALS", optional=True
                )
            )
        self.add_network_parameters()
        self.add_routing_parameters()
        self.addParameter(
            QgsProcessingParameterRasterDestination(
                "CHANGE_RASTER", tr("Change in travel time (minutes, scenario − baseline)")
            )
        )
        self.addParameter(
            QgsProcessingParameterFeatureSink(
                "AREA_CHANGES",
                tr("Change per area"),
                QgsProcessing.TypeVector,
                optional=True,
                createByDefault=True,
            )
        )
        self.addParameter(
            QgsProcessingParameterFeatureSink(
                "SWITCHES", tr("Population changing hospital (from → to)"), QgsProcessing.TypeVector
            )
        )
        self.add_report_output()

    def read(self, parameters, context, feedback) -> scenario.ScenarioInputs:
        routing = self.read_routing(parameters, context, feedback)
        crs = QgsCoordinateReferenceSystem.fromWkt(routing.graph.crs_wkt)
        return scenario.ScenarioInputs(
            routing=routing,
            baseline=self.read_hospitals(parameters, context, crs),
            close=split_list(self.parameterAsString(parameters, "CLOSE", context)),
            added=self.read_added_hospitals(parameters, context, crs),
            new_label=tr("new"),
        )

    def read_added_hospitals(self, parameters, context, crs) -> Hospitals | None:
        """ADD_HOSPITALS with their names and ids (default: "new <feature id>", so they never
        clash with the baseline's ids)."""
        source = self.parameterAsSource(parameters, "ADD_HOSPITALS", context)
        if source is None:
            return None
        layer = self.layer_name(parameters, "ADD_HOSPITALS", context)
        id_field = self.parameterAsString(parameters, "ADD_ID_FIELD", context) or None
        added = _inputs.read_points(
            source,
            layer_name=layer,
            target_crs=crs,
            context=context,
            name_field=self.parameterAsString(parameters, "ADD_NAME_FIELD", context) or None,
            fields=(id_field,) if id_field else (),
        )
        ids, id_source = hospital_ids(added, id_field, layer)
        if not id_field:
            ids = [f"new {i}" for i in ids]
        return Hospitals(xy=added["xy"], names=list(added["names"]), ids=ids, id_source=id_source)

    def compute(self, parameters, context, feedback):
        inputs = self.read(parameters, context, feedback)
        result = scenario.run(inputs, progress=self.progress(feedback, start=0.35, end=0.9))
        self.push_warnings(feedback, result.warnings)
        push_land_note(result.report["scenario_run"], feedback)
        push_land_note(result.report["baseline_run"], feedback, show=False)
        out = write_scenario(self, result, parameters, context)
        feedback.pushInfo(
            tr("{pop:,.0f} residents change hospital; {longer:,.0f} get a longer trip.").format(
                pop=result.report["scenario"]["population_changing_hospital"],
                longer=result.report["scenario"]["population_with_longer_trip"],
            )
        )
        return out
