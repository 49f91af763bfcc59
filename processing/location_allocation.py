"""``sundplan:location_allocation``: where k new practices or clinics help the most residents.

One road: the parameters, :meth:`LocationAllocationAlgorithm.read` turns them into
``location_allocation.LocationInputs``, ``location_allocation.run`` computes everything, the
sites, the per-area change, the coverage curve and the report are written.
"""

from __future__ import annotations

from qgis.core import (
    QgsCoordinateReferenceSystem,
    QgsProcessing,
    QgsProcessingParameterFeatureSink,
    QgsProcessingParameterFeatureSource,
    QgsProcessingParameterField,
    QgsProcessingParameterNumber,
)

from ..sundplan_qgis import location_allocation as la
from ..sundplan_qgis import need
from . import _inputs
from ._i18n import tr
from ._outputs import labelled
from ._params.areas import AreaParameters, embedded_kommune_areas
from ._params.need import NeedWeightParameters
from ._params.network import NetworkParameters
from ._params.residents import ResidentsParameters
from .base import SundplanAlgorithm

LABELS = {
    "objective": la.OBJECTIVE_LABELS,
    "method": la.METHOD_LABELS,
    "kind": la.KIND_LABELS,
    "candidates": la.CANDIDATE_LABELS,
}
"""Code columns of the outputs and their labels (``<code>_label`` fields)."""


class LocationAllocationAlgorithm(
    NeedWeightParameters,
    NetworkParameters,
    ResidentsParameters,
    AreaParameters,
    SundplanAlgorithm,
):
    """Placering af ny kapacitet."""

    _name = "location_allocation"
    _display_name = "Where to add capacity (Placering af ny kapacitet)"
    _group_id = "capacity"
    _requires = ("numpy", "scipy", "pandas", "pyproj", "rasterio", "shapely")
    _tags = ("placering", "location-allocation", "MCLP", "p-median", "almen praksis", "klinik")
    _help_defaults = (
        "<b>With no inputs</b>: no road network = the embedded national main-road network "
        "(OpenStreetMap 2021); no residents = the embedded kommuner's population (FOLK1A), "
        "placed along the roads; no areas = the embedded kommuner; no candidates = a grid of "
        "candidate points on the roads every grid spacing metres. Every output says so."
    )
    _help = (
        "Chooses k sites for new practices or clinics among candidate points, on travel times "
        "over the road network, with today's sites (optional) kept open.<br><br>"
        "<b>Objectives</b>: MCLP, the most residents (optionally need-weighted) within the "
        "time limit of a site; p-median, the least population-weighted travel time to the "
        "nearest site (a time beyond the limit counts as the limit; those residents are "
        "counted as beyond reach).<br>"
        "<b>Method</b>: residents are snapped to the nearest road node and summed per node; "
        "one shortest-path search (Dijkstra, limited to the time limit) runs from every "
        "candidate and existing site. The choice is solved exactly with the HiGHS "
        "mixed-integer solver (scipy) up to the size limit (nonzeros of the model; default "
        "100 000, about 10 s per solve) within the solver time limit; above it, a greedy "
        "heuristic adds the site with the largest gain k times. The method used is written "
        "into every output, the report and the log.<br>"
        "<b>Outputs</b>: the chosen sites in rank order with their gain (residents covered, "
        "or person-minutes saved), the existing sites; per area the share of residents "
        "within the limit and their mean time, before and after; the coverage curve for k = 0 … "
        "K (exact per k when the exact solver is used); a run report.<br>"
        "<b>Residents not placed</b>: residents with no road within the maximum snap distance "
        "are counted per area (pop_unsnapped), never dropped."
    )

    def define_parameters(self, config=None) -> None:
        point = [QgsProcessing.TypeVectorPoint]
        for key, label in (
            ("CANDIDATES", tr("Candidate sites (points; empty = a grid on the roads)")),
            ("EXISTING", tr("Existing sites, kept open (points, optional)")),
        ):
            self.addParameter(QgsProcessingParameterFeatureSource(key, label, point, optional=True))
            self.addParameter(
                QgsProcessingParameterField(
                    f"{key}_NAME_FIELD",
                    tr("Name field"),
                    parentLayerParameterName=key,
                    optional=True,
                )
            )
        self.add_choice("OBJECTIVE", tr("Objective"), la.OBJECTIVES, default="mclp")
        number = QgsProcessingParameterNumber
        self.addParameter(
            number("K", tr("Number of new sites (k)"), number.Integer, la.DEFAULT_K, minValue=1)
        )
        limit = tr("Time limit (minutes): covered within it (MCLP) / search limit (p-median)")
        self.addParameter(number("TIME_LIMIT_MIN", limit, number.Double, la.DEFAULT_TIME_LIMIT_MIN))
        grid = tr("Grid spacing of candidate points when no candidates are given (m)")
        spacing = la.DEFAULT_GRID_SPACING_M
        self.addParameter(number("GRID_SPACING_M", grid, number.Double, spacing))
        self.add_residents_parameters(
            raster_label=tr("Residents: population raster (persons per cell)"),
            layer_label=tr("…or population points/polygons"),
            field_label=tr("Population field"),
        )
        self.add_area_parameters(tr("Areas for the before/after table (empty = kommuner)"))
        self.add_need_parameters(service=need.GP, default="none", matrix=True)
        self.add_network_parameters()
        self.add_snapping_parameters()
        self.add_not_reached_parameter()
        solver = tr("Exact solver: time limit per solve (s)")
        default_s = la.DEFAULT_SOLVER_TIME_LIMIT_S
        self.add_advanced(number("SOLVER_TIME_LIMIT_S", solver, number.Double, default_s))
        size = tr("Exact solver up to this many nonzeros (larger: greedy heuristic)")
        nonzeros = la.DEFAULT_MAX_EXACT_NONZEROS
        self.add_advanced(number("MAX_EXACT_NONZEROS", size, number.Integer, nonzeros, minValue=0))
        for key, label, kind, optional in (
            ("SITES", tr("Chosen sites"), QgsProcessing.TypeVectorPoint, False),
            ("AREA_CHANGE", tr("Before and after per area"), QgsProcessing.TypeVector, True),
            ("CURVE", tr("Coverage curve k = 0 … K"), QgsProcessing.TypeVector, True),
        ):
            extra = {"optional": True, "createByDefault": True} if optional else {}
            self.addParameter(QgsProcessingParameterFeatureSink(key, label, kind, **extra))
        self.add_report_output()

    def _sites(self, parameters, context, key: str, crs) -> la.Sites | None:
        source = self.parameterAsSource(parameters, key, context)
        if source is None:
            return None
        name = self._sublayer_name(parameters, key, context)
        field = self.parameterAsString(parameters, f"{key}_NAME_FIELD", context) or None
        pts = _inputs.read_points(
            source, layer_name=name, target_crs=crs, context=context, name_field=field
        )
        ids = [int(i) for i in pts["ids"]]
        return la.Sites(pts["xy"], [str(n) for n in pts["names"]], ids, name)

    def _sublayer_name(self, parameters, key: str, context) -> str:
        """The layer's name, or the GeoPackage layer's own name when the layer is named after
        its file (``file.gpkg|layername=x``): messages then name what the user picked."""
        from qgis.core import QgsProviderRegistry

        layer = self.parameterAsVectorLayer(parameters, key, context)
        if layer is None:
            return key
        parts = QgsProviderRegistry.instance().decodeUri(layer.providerType(), layer.source())
        return str(parts.get("layerName") or "") or layer.name()

    def _areas(self, parameters, context, crs, weights):
        """AREAS (with age/sex columns), else the embedded kommuner with the embedded
        age/sex composition (for need weights) and the sentence saying so."""
        if self.parameterAsSource(parameters, "AREAS", context) is not None:
            return self.read_summary_areas(parameters, context, crs=crs, age_sex=True), None
        from ..sundplan_qgis import embedded_areas
        from ..sundplan_qgis.reference import normalise_code

        table = embedded_kommune_areas(self, crs_wkt=crs.toWkt())
        if weights is None:
            return table, None
        frame = embedded_areas.default_areas()
        cols = list(need.age_sex_columns(frame.columns))
        ages = frame.set_index(frame["kommunekode"].map(normalise_code))[cols]
        codes = [normalise_code(c) for c in table.ids]
        merged = table.frame.join(ages.loc[codes].reset_index(drop=True))
        return type(table)(
            frame=merged,
            geometries=table.geometries,
            crs=table.crs,
            source_name=table.source_name,
            crs_wkt=table.crs_wkt,
        ), embedded_areas.note(frame)

    def read(self, parameters, context, feedback) -> tuple[la.LocationInputs, object]:
        """The parameters as core inputs in the network's CRS (also returned: the outputs
        are written in it)."""
        number = lambda key: self.parameterAsDouble(parameters, key, context)  # noqa: E731
        progress = self.progress(feedback)
        progress(0.0, tr("Reading the road network"))
        graph, lines, net = self.read_network(parameters, context, feedback)
        crs = QgsCoordinateReferenceSystem.fromWkt(graph.crs_wkt)
        net_info = {"source": graph.source_name, "lines": int(lines.offsets.size - 1)}
        net_info.update(nodes=int(graph.n_nodes))
        net_info.update({k: net[k] for k in ("file", "note", "cache") if k in net})
        progress(0.1, tr("Reading sites and residents"))
        population = self.read_residents(
            parameters,
            context,
            crs=crs,
            cell_size_m=number("CELL_SIZE_M"),
            feedback=feedback,
            lines=lines,
            embedded=True,
        )
        self.push_warnings(feedback, population.warnings)
        weights = self.read_need_weights(parameters, context, service=need.GP)
        areas, note = self._areas(parameters, context, crs, weights)
        return la.LocationInputs(
            graph=graph,
            population=population,
            objective=self.choice(parameters, "OBJECTIVE", context),
            k=self.parameterAsInt(parameters, "K", context),
            time_limit_min=number("TIME_LIMIT_MIN"),
            candidates=self._sites(parameters, context, "CANDIDATES", crs),
            existing=self._sites(parameters, context, "EXISTING", crs),
            grid_spacing_m=number("GRID_SPACING_M"),
            areas=areas,
            need_weights=weights,
            max_snap_m=number("MAX_SNAP_M"),
            access_speed_kmh=number("ACCESS_SPEED_KMH"),
            solver_time_limit_s=number("SOLVER_TIME_LIMIT_S"),
            max_exact_nonzeros=self.parameterAsInt(parameters, "MAX_EXACT_NONZEROS", context),
            network_info=net_info,
            not_reached_warning_pct=number("NOT_REACHED_WARNING_PCT"),
            areas_note=note,
        ), crs

    def compute(self, parameters, context, feedback):
        inputs, crs = self.read(parameters, context, feedback)
        result = la.run(inputs, progress=self.progress(feedback, start=0.2, end=0.9))
        feedback.pushInfo(
            tr("Method: {method}").format(method=self.translated(result.report["method_text"]))
        )
        self.push_warnings(feedback, result.warnings)
        self.progress(feedback)(0.92, tr("Writing outputs"))
        out = {}
        for key, frame, where, style, title in (
            ("SITES", result.sites, {"x": "x", "y": "y"}, "location_sites", tr("New sites")),
            (
                "AREA_CHANGE",
                result.areas,
                {"geometry": "geometry"},
                "location_areas",
                tr("Share within the time limit, after"),
            ),
            ("CURVE", result.curve, {}, None, tr("Coverage curve")),
        ):
            dest = self.write_frame(
                labelled(frame, LABELS), key, parameters, context, crs=crs, **where
            )
            if dest:
                out[key] = dest
                self.style_output(dest, style, context, title=title)
        out.update(self.write_report(result.report, parameters, context))
        return out

    @staticmethod
    def translated(message) -> str:
        from ._i18n import translate_message

        return translate_message(message)
