"""The residents group: where people live (POPULATION_RASTER | POPULATION_LAYER with
POPULATION_FIELD, POLYGON_ALLOCATION), how they join the road network (MAX_SNAP_M,
ACCESS_SPEED_KMH, CELL_SIZE_M) and NOT_REACHED_WARNING_PCT; read into
``rasters.Population`` and, with the road network group, ``catchments.RoutingInputs``."""

from __future__ import annotations

import numpy as np
from qgis.core import (
    QgsCoordinateReferenceSystem,
    QgsProcessing,
    QgsProcessingParameterFeatureSource,
    QgsProcessingParameterField,
    QgsProcessingParameterNumber,
    QgsProcessingParameterRasterLayer,
    QgsProcessingParameterString,
    QgsWkbTypes,
)

from ...sundplan_qgis import catchments, coverage, rasters
from ...sundplan_qgis.errors import SundplanError
from ...sundplan_qgis.parsing import split_list
from .. import _inputs
from .._i18n import tr, translate_message
from .network import record_default


class ResidentsParameters:
    """Mixin of a :class:`base.SundplanAlgorithm`: the residents of a routing tool.

    :meth:`read_routing` also reads the road network, so a tool that routes composes this
    group with :class:`_params.network.NetworkParameters`, and with
    :class:`_params.areas.AreaParameters` for the optional summary AREAS.
    """

    # the tools that route residents (catchments, scenario) say what stands in for them
    _help_defaults = (
        "<b>With no inputs</b>: with no road network given, the tool routes on the embedded "
        "national main-road network (OpenStreetMap 2021, motorway to tertiary plus ferries; "
        "'oversigt: kun hovedveje'). With no residents, it uses the embedded kommuner's "
        "population of the latest quarter (FOLK1A), placed along the roads, and reports per "
        "kommune when no areas are given. Every output and map then says so."
    )

    def add_residents_parameters(
        self, *, raster_label: str, layer_label: str, field_label: str, optional: bool = True
    ) -> None:
        """Where people live: POPULATION_RASTER, or POPULATION_LAYER (points or polygons) with
        POPULATION_FIELD, and how polygons place their residents (POLYGON_ALLOCATION: along
        the roads of the tool's network by default, evenly over cells without a network)."""
        self.addParameter(
            QgsProcessingParameterRasterLayer("POPULATION_RASTER", raster_label, optional=True)
        )
        self.addParameter(
            QgsProcessingParameterFeatureSource(
                "POPULATION_LAYER",
                layer_label,
                [QgsProcessing.TypeVectorPoint, QgsProcessing.TypeVectorPolygon],
                optional=True,
            )
        )
        self.addParameter(
            QgsProcessingParameterField(
                "POPULATION_FIELD",
                field_label,
                parentLayerParameterName="POPULATION_LAYER",
                type=QgsProcessingParameterField.Numeric,
                optional=True,
            )
        )
        self.add_choice(
            "POLYGON_ALLOCATION",
            tr("Population polygons: how to place their residents"),
            rasters.POLYGON_ALLOCATIONS,
            default=rasters.DEFAULT_POLYGON_ALLOCATION,
            advanced=True,
        )

    def add_snapping_parameters(self) -> None:
        """MAX_SNAP_M, ACCESS_SPEED_KMH and CELL_SIZE_M: how locations join the road network
        and the cell size used where population is not a raster."""
        self.addParameter(
            QgsProcessingParameterNumber(
                "MAX_SNAP_M",
                tr("Maximum snapping distance to the road network (m)"),
                QgsProcessingParameterNumber.Double,
                defaultValue=catchments.DEFAULT_MAX_SNAP_M,
                minValue=0.0,
            )
        )
        self.add_advanced(
            QgsProcessingParameterNumber(
                "ACCESS_SPEED_KMH",
                tr("Access speed between a location and the road (km/h, straight line)"),
                QgsProcessingParameterNumber.Double,
                defaultValue=catchments.DEFAULT_ACCESS_SPEED_KMH,
                minValue=0.1,
            )
        )
        self.add_advanced(
            QgsProcessingParameterNumber(
                "CELL_SIZE_M",
                tr("Raster cell size when population is not a raster (m)"),
                QgsProcessingParameterNumber.Double,
                defaultValue=catchments.DEFAULT_CELL_SIZE_M,
                minValue=1.0,
            )
        )

    def add_routing_parameters(self) -> None:
        """The residents, summary AREAS, BANDS, snapping and NOT_REACHED_WARNING_PCT of the
        hospital tools (catchments, scenario)."""
        self.add_residents_parameters(
            raster_label=tr("Population raster (persons per cell)"),
            layer_label=tr("…or population points/polygons"),
            field_label=tr("Population field"),
        )
        self.add_area_parameters(tr("Areas for the summary, e.g. kommuner"))
        self.addParameter(
            QgsProcessingParameterString(
                "BANDS",
                tr("Time bands (minutes, comma separated)"),
                defaultValue=",".join(f"{b:g}" for b in catchments.DEFAULT_BANDS_MIN),
            )
        )
        self.add_snapping_parameters()
        self.add_not_reached_parameter()

    def read_residents(
        self,
        parameters,
        context,
        *,
        crs,
        cell_size_m: float,
        required: bool = True,
        feedback=None,
        lines=None,
        embedded: bool = False,
    ):
        """``rasters.Population`` from the residents parameters (points and polygons in
        ``crs``, a raster in its own CRS); None when not given and not ``required``. ``lines``
        (the road lines the tool read, in ``crs``) place polygon residents along roads; the
        caller pushes the population's ``warnings`` (placement fallbacks) to the log. With
        ``embedded`` and no residents given: the embedded kommuner's latest population."""
        pop_raster = self.parameterAsRasterLayer(parameters, "POPULATION_RASTER", context)
        pop_source = self.parameterAsSource(parameters, "POPULATION_LAYER", context)
        if pop_raster is not None:
            return rasters.read_population_raster(
                pop_raster.source(), progress=self.progress(feedback, start=0.30, end=0.35)
            )
        if pop_source is None and embedded:
            return self._embedded_residents(
                parameters,
                context,
                crs=crs,
                cell_size_m=cell_size_m,
                feedback=feedback,
                lines=lines,
            )
        if pop_source is None:
            if not required:
                return None
            raise SundplanError(
                tr("No population given. Choose a population raster or a point/polygon layer.")
            )
        field = self.parameterAsString(parameters, "POPULATION_FIELD", context)
        if not field:
            raise SundplanError(tr("Choose the population field of the population layer."))
        layer = self.parameterAsVectorLayer(parameters, "POPULATION_LAYER", context)
        name = layer.name() if layer is not None else "POPULATION_LAYER"
        crs_wkt = crs.toWkt()
        if "Polygon" in QgsWkbTypes.displayString(pop_source.wkbType()):
            polys = _inputs.read_polygons(
                pop_source,
                layer_name=name,
                target_crs=crs,
                context=context,
                id_field=None,
                name_field=None,
                fields=(field,),
            )
            return rasters.population_from_polygons(
                geometries=polys["geometries"],
                population=_numbers(polys[field]),
                crs_wkt=crs_wkt,
                source_name=name,
                feature_ids=np.array(polys["ids"]),
                method=self.choice(parameters, "POLYGON_ALLOCATION", context),
                cell_size_m=cell_size_m,
                lines=lines,
            )
        pts = _inputs.read_points(
            pop_source, layer_name=name, target_crs=crs, context=context, fields=(field,)
        )
        return rasters.population_from_points(
            xy=pts["xy"],
            population=_numbers(pts[field]),
            crs_wkt=crs_wkt,
            source_name=name,
            feature_ids=np.array(pts["ids"]),
        )

    def _embedded_residents(self, parameters, context, *, crs, cell_size_m, feedback, lines):
        """The embedded 98 kommuner with their latest quarter's population, placed by
        POLYGON_ALLOCATION (along the roads by default); said in the log and provenance."""
        from ...sundplan_qgis import reference

        kommuner = reference.kommune_residents(crs_wkt=crs.toWkt())
        quarter = str(kommuner["quarter"].iloc[0])
        method = self.choice(parameters, "POLYGON_ALLOCATION", context)
        total = int(kommuner["population"].sum())
        record_default(
            self,
            "population",
            {
                "source": "embedded kommuner",
                "quarter": quarter,
                "total": total,
                "allocation": method,
                "credit": "FOLK1A, Danmarks Statistik",
            },
        )
        if feedback is not None:
            feedback.pushInfo(
                tr(
                    "No residents given: using the embedded {n} kommuner with their "
                    "population of {quarter} (FOLK1A, Danmarks Statistik; {total:,} "
                    "residents), placed: {method}."
                ).format(
                    n=len(kommuner),
                    quarter=quarter,
                    total=total,
                    method=translate_message(dict(rasters.POLYGON_ALLOCATIONS)[method]),
                )
            )
        return rasters.population_from_polygons(
            geometries=list(kommuner["geometry"]),
            population=[float(v) for v in kommuner["population"]],
            crs_wkt=crs.toWkt(),
            source_name=f"kommuner (FOLK1A {quarter})",
            feature_ids=np.array(kommuner["kommunekode"]),
            method=method,
            cell_size_m=cell_size_m,
            lines=lines,
        )

    def read_routing(
        self, parameters, context, feedback, *, bands_min=None, embedded: bool = True
    ) -> catchments.RoutingInputs:
        """Road network, residents, summary areas, bands and snapping, validated.
        ``bands_min`` overrides BANDS (for tools that ask for a single time limit). With
        ``embedded``: no network = the shipped overview, no residents = the embedded
        kommuner (then also the summary areas when AREAS is empty)."""
        if bands_min is None:
            bands_min = _parse_bands(self.parameterAsString(parameters, "BANDS", context))
        bands = catchments.validate_bands(bands_min)
        max_snap_m = self.parameterAsDouble(parameters, "MAX_SNAP_M", context)
        access = self.parameterAsDouble(parameters, "ACCESS_SPEED_KMH", context)
        cell = self.parameterAsDouble(parameters, "CELL_SIZE_M", context)

        graph, lines, network_report = self.read_network(
            parameters, context, feedback, required=embedded
        )
        if graph is None:  # not embedded and no network: the caller checked, say it plainly
            raise SundplanError(tr("No road network given."))
        crs = QgsCoordinateReferenceSystem.fromWkt(graph.crs_wkt)
        feedback.setProgress(30)
        own_residents = (
            self.parameterAsRasterLayer(parameters, "POPULATION_RASTER", context) is not None
            or self.parameterAsSource(parameters, "POPULATION_LAYER", context) is not None
        )
        population = self.read_residents(
            parameters,
            context,
            crs=crs,
            cell_size_m=cell,
            feedback=feedback,
            lines=lines,
            embedded=embedded,
        )
        self.push_warnings(feedback, population.warnings)
        areas = self.read_summary_areas(
            parameters, context, crs=crs, embedded=embedded and not own_residents
        )
        warn_pct = coverage.DEFAULT_WARN_PCT
        if self.parameterDefinition("NOT_REACHED_WARNING_PCT") is not None:
            warn_pct = self.parameterAsDouble(parameters, "NOT_REACHED_WARNING_PCT", context)
        return catchments.RoutingInputs(
            graph=graph,
            population=population,
            areas=areas,
            bands_min=bands,
            max_snap_m=max_snap_m,
            access_speed_kmh=access,
            cell_size_m=cell,
            not_reached_warning_pct=warn_pct,
            network_report=network_report,
        )


def push_land_note(report: dict, feedback, *, show: bool = True) -> None:
    """Translate the land-mask note of a run ``report``; with ``show``, also say in the log
    when no land mask was used."""
    land = report.get("land_mask") or {}
    if "note" in land:
        land["note"] = translate_message(land["note"])
    if show and land and not land.get("used") and land.get("note") and feedback is not None:
        feedback.pushInfo(land["note"])


def _parse_bands(text: str) -> list[float]:
    try:
        return [float(x) for x in split_list(text)]
    except ValueError as exc:
        raise SundplanError(
            tr("Time bands must be numbers in minutes separated by commas, e.g. 15,30,45,60.")
        ) from exc


def _numbers(values: list) -> list[float | None]:
    """Attribute values as floats; NULL and what is not a number -> None, so the core sees
    missing values as missing."""
    out = []
    for v in values:
        v = _inputs.null_to_none(v)
        try:
            out.append(None if v is None else float(v))
        except (TypeError, ValueError):
            out.append(None)
    return out
