"""``sundplan:fca_access``: 2SFCA / E2SFCA / Gaussian accessibility to practices.

One road: the parameters, :meth:`FcaAccessAlgorithm.read` turns them into ``fca.FcaInputs``,
``fca.run`` computes everything, the three tables and the report are written. The road network
parameters and their reading are those of the catchments algorithms (``NetworkParameters``).
"""

from __future__ import annotations

from qgis.core import (
    QgsCoordinateReferenceSystem,
    QgsProcessing,
    QgsProcessingParameterBoolean,
    QgsProcessingParameterFeatureSink,
    QgsProcessingParameterNumber,
    QgsProcessingParameterString,
)

from ..sundplan_qgis import fca, need
from . import _styling
from ._i18n import tr
from ._outputs import labelled
from ._params.areas import AreaParameters
from ._params.need import NeedWeightParameters
from ._params.network import NetworkParameters
from ._params.practices import PracticeParameters
from ._params.residents import ResidentsParameters
from .base import SundplanAlgorithm

LABELS = {
    "status": fca.STATUS_TEXT,
    "method": {},  # a core message: translated as it is
    "time_method": fca.TIME_METHOD_LABELS,
    "weights": {},
}
"""Code columns of the fca tables and their labels (``<code>_label`` fields)."""


class FcaAccessAlgorithm(
    PracticeParameters,
    NeedWeightParameters,
    NetworkParameters,
    ResidentsParameters,
    AreaParameters,
    SundplanAlgorithm,
):
    """Tilgængelighed til praksis (2SFCA)."""

    _name = "fca_access"
    _display_name = "Access to practices, 2SFCA (Tilgængelighed til praksis)"
    _group_id = "capacity"
    _requires = ("numpy", "scipy", "pandas", "pyproj", "rasterio", "shapely")
    _help_defaults = (
        "<b>With no road network</b>: the tool routes on the embedded national main-road "
        "network (OpenStreetMap 2021; 'oversigt: kun hovedveje') unless the straight-line "
        "fallback is chosen."
    )
    _tags = (
        "2SFCA",
        "E2SFCA",
        "floating catchment",
        "tilgængelighed",
        "almen praksis",
        "speciallæge",
    )
    _help = (
        "Spatial accessibility to practices with the two-step floating catchment area family: "
        "how many GPs (or specialists) residents can reach within the catchment threshold, "
        "competing with everyone else who can reach them.<br><br>"
        "<b>Method</b>: step 1, each practice's ratio R = capacity / (weighted) demand within "
        "the threshold; step 2, each location's accessibility = sum of the (weighted) ratios of "
        "the practices it reaches, shown as GPs per 10 000 residents. Variants: 2SFCA (step, "
        "Luo & Wang 2003), E2SFCA (zones in thirds of the threshold with weights 1.00 / 0.68 / "
        "0.22, Luo & Qi 2009), Gaussian decay (Dai 2010). The threshold is inclusive: a home "
        "exactly at the threshold is inside. Travel times run home → practice over the road "
        "network (homes and practices snapped to the nearest road within the maximum snap "
        "distance, access legs at the access speed). Without a network, tick the straight-line "
        "fallback: distance × detour factor (default 1.4: KL 2016, 20 km by road vs 14 km "
        "straight line) at 60 km/h; every output says which was used.<br>"
        "<b>Demand</b>: a population raster or points/polygons, optionally need-weighted with "
        "the age/sex columns of the areas. <b>Supply</b>: practices with capacity; a specialty "
        "filter makes the same tool serve specialist practices.<br>"
        "<b>Outputs</b>: accessibility per demand location, per area (population-weighted mean "
        "of reached residents, share of residents below the low-access level, default 6.25 per "
        "10 000 = 1 GP per 1 600) and the supply-to-demand ratio per practice; a run report with "
        "conservation check (Σ accessibility × demand = capacity of practices reaching "
        "anyone).<br>"
        "<b>Residents not reached</b>: a home with no practice within the threshold has "
        "accessibility 0 (a result). A home with no road within the maximum snap distance "
        "(unsnapped) or by a road whose network part holds no practice (unreachable) is not "
        "placed on the network: no accessibility (NULL), left out of every mean, and counted per "
        "area in pop_unsnapped, pop_unreachable and share_not_reached; the log warns, naming the "
        "worst areas, when more than the warning share (default 1 %) is not reached. When no "
        "practice lies within the snap distance of a road, the run stops."
    )

    def define_parameters(self, config=None) -> None:
        self.add_practice_parameters(list_and_open=False)
        self.add_residents_parameters(
            raster_label=tr("Demand: population raster (persons per cell)"),
            layer_label=tr("…or population points/polygons"),
            field_label=tr("Population field"),
        )
        self.add_area_parameters(tr("Areas for the summary and need factors, e.g. kommuner"))
        self.add_need_parameters(service=need.GP, default="none", matrix=True)
        self.add_choice("METHOD", tr("Method"), fca.METHODS, default="2sfca")
        label = tr("Catchment threshold (minutes, inclusive)")
        self._number("THRESHOLD_MIN", label, fca.DEFAULT_THRESHOLD_MIN)
        zones = tr("E2SFCA zone limits (minutes; empty = thirds of the threshold)")
        self.add_advanced(QgsProcessingParameterString("ZONE_BREAKS", zones, optional=True))
        weights = ",".join(str(w) for w in fca.LUO_QI_WEIGHTS)
        self.add_advanced(
            QgsProcessingParameterString(
                "ZONE_WEIGHTS", tr("E2SFCA zone weights"), defaultValue=weights, optional=True
            )
        )
        low = tr("Low access below (GPs per 10 000 residents)")
        self._number("LOW_ACCESS", low, fca.DEFAULT_LOW_ACCESS_PER_10000, minValue=0.0)
        self.add_network_parameters()
        self.add_snapping_parameters()
        self.add_not_reached_parameter()
        straight = tr("No network: use the straight-line fallback (labelled)")
        self.addParameter(
            QgsProcessingParameterBoolean("STRAIGHT_LINE", straight, defaultValue=False)
        )
        label = tr("Straight-line fallback: detour factor")
        self._number("DETOUR_FACTOR", label, fca.DEFAULT_DETOUR_FACTOR, advanced=True, minValue=1.0)
        label = tr("Straight-line fallback: speed (km/h)")
        speed = fca.DEFAULT_FALLBACK_SPEED_KMH
        self._number("FALLBACK_SPEED_KMH", label, speed, advanced=True, minValue=1.0)
        batch = tr("Practices per shortest-path batch (memory ∝ batch × nodes)")
        self._integer("BATCH_SIZE", batch, fca.DEFAULT_BATCH_SIZE, minValue=1, maxValue=256)
        workers = tr(
            "Parallel processes for the shortest paths (started as new Python processes; "
            "1 = off, 0 = automatic: one per core)"
        )
        self._integer("WORKERS", workers, fca.DEFAULT_WORKERS, minValue=0, maxValue=64)
        for key, label, kind, optional in (
            ("ACCESS_POINTS", tr("Accessibility per demand location"), "point", True),
            ("AREA_ACCESS", tr("Accessibility per area"), "any", True),
            ("PRACTICE_RATIO", tr("Supply-to-demand ratio per practice"), "point", False),
        ):
            geometry = (
                QgsProcessing.TypeVectorPoint if kind == "point" else QgsProcessing.TypeVector
            )
            extra = {"optional": True, "createByDefault": True} if optional else {}
            self.addParameter(QgsProcessingParameterFeatureSink(key, label, geometry, **extra))
        self.add_report_output()

    def _number(self, key: str, label: str, default: float, *, advanced=False, **limits) -> None:
        number = QgsProcessingParameterNumber
        param = number(key, label, number.Double, defaultValue=default, **limits)
        (self.add_advanced if advanced else self.addParameter)(param)

    def _integer(self, key: str, label: str, default: int, **limits) -> None:
        number = QgsProcessingParameterNumber
        self.add_advanced(number(key, label, number.Integer, defaultValue=default, **limits))

    def read(
        self, parameters, context, feedback
    ) -> tuple[fca.FcaInputs, QgsCoordinateReferenceSystem]:
        """The parameters as core inputs, layers read into the network's CRS (also returned:
        the outputs are written in it)."""

        number = lambda key: self.parameterAsDouble(parameters, key, context)  # noqa: E731
        text = lambda key: self.parameterAsString(parameters, key, context) or ""  # noqa: E731
        progress = self.progress(feedback)
        progress(0.0, tr("Reading the road network"))
        # no network: the shipped overview, unless the straight-line fallback is asked for
        straight = self.parameterAsBoolean(parameters, "STRAIGHT_LINE", context)
        graph, lines, net = self.read_network(parameters, context, feedback, required=not straight)
        crs = QgsCoordinateReferenceSystem("EPSG:25832")
        net_info = {}
        if graph is not None:
            crs = QgsCoordinateReferenceSystem.fromWkt(graph.crs_wkt)
            read_s = net["read_s"] + net["build_s"]
            net_info = {"source": graph.source_name, "lines": int(lines.offsets.size - 1)}
            net_info.update(nodes=int(graph.n_nodes), read_and_build_s=round(read_s, 3))
            keys = ("source", "file", "note", "cache", "cache_key")
            net_info.update({k: net[k] for k in keys if k in net})
        progress(0.1, tr("Reading practices and demand"))
        practices, practice_info = self.read_practices(
            parameters, context, crs, list_and_open=False
        )
        population = self.read_residents(
            parameters,
            context,
            crs=crs,
            cell_size_m=number("CELL_SIZE_M"),
            required=False,
            lines=lines,
        )
        self.push_warnings(feedback, population.warnings if population is not None else [])
        weights = self.read_need_weights(parameters, context, service=need.GP)
        areas = self.read_summary_areas(parameters, context, crs=crs, age_sex=True)
        return fca.FcaInputs(
            practices=practices,
            practices_info=practice_info,
            population=population,
            crs_wkt=crs.toWkt(),
            method=self.choice(parameters, "METHOD", context),
            threshold_min=number("THRESHOLD_MIN"),
            zone_breaks_min=text("ZONE_BREAKS"),
            zone_weights=text("ZONE_WEIGHTS"),
            graph=graph,
            network_info=net_info,
            straight_line=straight,
            detour_factor=number("DETOUR_FACTOR"),
            fallback_speed_kmh=number("FALLBACK_SPEED_KMH"),
            max_snap_m=number("MAX_SNAP_M"),
            access_speed_kmh=number("ACCESS_SPEED_KMH"),
            batch_size=self.parameterAsInt(parameters, "BATCH_SIZE", context),
            workers=self.parameterAsInt(parameters, "WORKERS", context),
            need_weights=weights,
            low_access_per_10000=number("LOW_ACCESS"),
            not_reached_warning_pct=number("NOT_REACHED_WARNING_PCT"),
            areas=areas,
        ), crs

    def compute(self, parameters, context, feedback):
        inputs, crs = self.read(parameters, context, feedback)
        progress = self.progress(feedback)
        progress(0.2, tr("Travel times within the catchment"))
        result = fca.run(inputs, progress=self.progress(feedback, start=0.2, end=0.85))
        self.push_warnings(feedback, result.warnings)
        progress(0.9, tr("Writing outputs"))
        adapt = _styling.fca_access(inputs.method, inputs.threshold_min)
        out = {}
        for key, frame, style, title in (
            (
                "ACCESS_POINTS",
                result.access_points,
                "fca_access",
                tr("Accessibility (GPs per 10 000)"),
            ),
            ("AREA_ACCESS", result.area_access, "fca_access_areas", tr("Accessibility per area")),
            ("PRACTICE_RATIO", result.practice_ratio, None, None),
        ):
            if frame is None:  # no areas given
                continue
            where = {"geometry": "geometry"} if "geometry" in frame else {"x": "x", "y": "y"}
            dest = self.write_frame(
                labelled(frame, LABELS), key, parameters, context, crs=crs, **where
            )
            if style is None:  # the required output: always returned
                out[key] = dest
            elif dest:
                out[key] = dest
                self.style_output(dest, style, context, title=title, adapt=adapt)
        out.update(self.write_report(result.report, parameters, context))
        progress(1.0, tr("Done"))
        return out
