"""``sundplan:gp_density``: GPs per inhabitant per kommune (lægedækning), need-weighted,
rolled up to regions / sundhedsråd / sundhedsfællesskaber, with a national summary.

Thin wrapper: parameters -> ``density.DensityInputs`` -> ``sundplan_qgis.density.run`` ->
tables out.
"""

from __future__ import annotations

from qgis.core import (
    QgsProcessing,
    QgsProcessingParameterFeatureSink,
    QgsProcessingParameterField,
    QgsProcessingParameterNumber,
    QgsProcessingParameterRasterLayer,
)

from ..sundplan_qgis import density, need
from . import _styling
from ._i18n import tr, translate_message
from ._outputs import labelled
from ._params.areas import AreaParameters
from ._params.embedded import EmbeddedAreas
from ._params.grouping import GroupingParameters, translate_outside_grouping
from ._params.need import NeedWeightParameters
from ._params.practices import PracticeParameters
from .base import SundplanAlgorithm

LABELS = {"level": density.LEVEL_LABELS, "weights": {}}
"""Code columns of the density tables and their labels (``<code>_label`` fields; the
weights' name is a core message, translated as it is)."""


class GpDensityAlgorithm(
    PracticeParameters,
    EmbeddedAreas,
    AreaParameters,
    GroupingParameters,
    NeedWeightParameters,
    SundplanAlgorithm,
):
    """Lægedækning pr. kommune."""

    _name = "gp_density"
    _display_name = "GP density per kommune (Lægedækning pr. kommune)"
    _group_id = "capacity"
    _requires = ("numpy", "scipy", "pandas", "pyproj", "rasterio", "shapely")
    _tags = ("lægedækning", "almen praksis", "GP", "kapacitet", "behovsvægt", "gini", "sundhedsråd")
    _help = (
        "GPs per inhabitant per kommune (or any area layer), need-weighted, rolled up to "
        "regions, the 2027 regions, sundhedsråd and sundhedsfællesskaber.<br><br>"
        "<b>Inputs</b>: practices (points; capacity = a field with the number of GPs / "
        "lægekapaciteter, or 1 per practice; optional list size and 'open for new patients' "
        "fields; optional specialty filter); areas with population as a field, as age/sex "
        "columns (m_0_4 … k_85_plus) or aggregated from a population raster; need weights.<br>"
        "<b>Need weights</b>: the default almen praksis weights (age and sex, national mean 1 on "
        "FOLK1A 2014; sources and derivation in resources/data/README.md) turn the age/sex "
        "columns into a need factor per area. The weights used (name and SHA-256) are written "
        "into every output.<br>"
        "<b>Outputs per area and per grouping unit</b>: population, need-weighted population, GP "
        "capacity, inhabitants per GP, GPs per 10 000, the same need-adjusted, closed practices, "
        "list size per GP, rank_shortage (1 = fewest need-adjusted GPs per 10 000) and a "
        "shortage flag: need-weighted residents per GP above the threshold (default 1 600 per "
        "lægekapacitet, Danmarks Statistik LABY27 documentation) or residents and no GP.<br>"
        "<b>National summary</b> per level: totals, best and worst unit and their ratio, the Gini "
        "coefficient of GP capacity against need, and the Lorenz curve points. Practices "
        "outside every area are counted in the row '(outside all areas)' and listed, never "
        "dropped. Areas with zero population get empty ratios and are reported. Areas whose id is "
        "not in the grouping table (Christiansø, 0411, is in no region) form the row 'outside "
        "the grouping' of every roll-up (field outside_grouping): counted in the totals, left "
        "out of rank_shortage, the Gini coefficient, best/worst unit and the shortage counts."
    )

    def define_parameters(self, config=None) -> None:
        self.add_practice_parameters(list_and_open=True)
        self.add_area_parameters(tr("Areas, e.g. kommuner (default: the 98 embedded kommuner)"))
        self.addParameter(
            QgsProcessingParameterField(
                "AREA_POPULATION_FIELD",
                tr("Population field of the areas (empty: sum of age/sex columns or raster)"),
                parentLayerParameterName="AREAS",
                type=QgsProcessingParameterField.Numeric,
                optional=True,
            )
        )
        self.addParameter(
            QgsProcessingParameterRasterLayer(
                "POPULATION_RASTER", tr("…or a population raster summed per area"), optional=True
            )
        )
        self.add_need_parameters(service=need.GP, default="default", matrix=True)
        self.add_grouping_parameters(all_levels=True)
        self.addParameter(
            QgsProcessingParameterNumber(
                "SHORTAGE_THRESHOLD",
                tr(
                    "Shortage threshold: need-weighted residents per GP (default 1 600, DST LABY27)"
                ),
                QgsProcessingParameterNumber.Double,
                defaultValue=density.DEFAULT_SHORTAGE_THRESHOLD,
                minValue=1.0,
            )
        )
        for key, label, kind in (
            ("AREA_OUTPUT", tr("GP density per area"), QgsProcessing.TypeVectorPolygon),
            ("GROUP_OUTPUT", tr("GP density per grouping unit"), QgsProcessing.TypeVector),
            ("SUMMARY", tr("National summary per level (Gini, spread)"), QgsProcessing.TypeVector),
            ("LORENZ", tr("Lorenz curve points"), QgsProcessing.TypeVector),
        ):
            self.addParameter(QgsProcessingParameterFeatureSink(key, label, kind))
        self.addParameter(
            QgsProcessingParameterFeatureSink(
                "OUTSIDE_PRACTICES",
                tr("Practices outside every area"),
                QgsProcessing.TypeVectorPoint,
                optional=True,
                createByDefault=True,
            )
        )
        self.add_report_output()

    def read(self, parameters, context, progress) -> density.DensityInputs:
        """The only place that turns this tool's parameters into core inputs."""
        population_field = (
            self.parameterAsString(parameters, "AREA_POPULATION_FIELD", context) or None
        )
        areas = self.read_area_polygons(parameters, context, population_field=population_field)
        raster = self.parameterAsRasterLayer(parameters, "POPULATION_RASTER", context)
        weights = self.read_need_weights(parameters, context, service=need.GP)
        progress(0.2, tr("Reading practices"))
        practices, practice_info = self.read_practices(
            parameters, context, areas.crs, list_and_open=True
        )
        return density.DensityInputs(
            practices=practices,
            areas=areas,
            practice_info=practice_info,
            population_field=population_field,
            population_raster=raster.source() if raster is not None else None,
            population_raster_name=raster.name() if raster is not None else "",
            weights=weights,
            grouping=self.read_grouping_levels(parameters, context),
            shortage_threshold=self.parameterAsDouble(parameters, "SHORTAGE_THRESHOLD", context),
        )

    def compute(self, parameters, context, feedback):
        progress = self.progress(feedback)
        progress(0.0, tr("Reading areas"))
        parameters, areas_note = self.with_default_areas(parameters, context, feedback)
        result = density.run(self.read(parameters, context, progress), progress=progress)
        if areas_note is not None:
            result.report["default_areas"] = areas_note
        for note in result.notes:
            feedback.pushInfo(translate_message(note))
        self.push_warnings(feedback, result.warnings)
        progress(0.8, tr("Writing outputs"))
        out = self.write(result, parameters, context)
        progress(1.0, tr("Done"))
        return out

    def write(self, result: density.DensityResult, parameters, context) -> dict:
        crs = result.crs
        out = {}
        out["AREA_OUTPUT"] = self.write_frame(
            labelled(translate_outside_grouping(result.areas), LABELS),
            "AREA_OUTPUT",
            parameters,
            context,
            geometry="geometry",
            crs=crs,
        )
        self.style_output(
            out["AREA_OUTPUT"],
            "gp_density",
            context,
            title=tr("GP density per area"),
            adapt=_styling.gp_density(
                self.parameterAsDouble(parameters, "SHORTAGE_THRESHOLD", context)
            ),
        )
        for key_out, frame in (
            ("GROUP_OUTPUT", translate_outside_grouping(result.groups)),
            ("SUMMARY", result.summary),
            ("LORENZ", result.lorenz),
        ):
            out[key_out] = self.write_frame(labelled(frame, LABELS), key_out, parameters, context)
        dest = self.write_frame(
            result.outside, "OUTSIDE_PRACTICES", parameters, context, x="x", y="y", crs=crs
        )
        if dest:
            out["OUTSIDE_PRACTICES"] = dest
        out.update(self.write_report(result.report, parameters, context))
        return out
