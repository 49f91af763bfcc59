"""``sundplan:specialist_gaps``: specialist-practice capacity against a need-based distribution.

Thin wrapper: parameters -> ``gaps.GapInputs`` -> ``sundplan_qgis.gaps.run`` -> tables (and
area polygons / relocation lines) out. The optional network part (the ACCESS table: residents
beyond the time limit, and those not reached, per area and specialty) is defined in
``sundplan_qgis.gap_reach``; areas outside the grouping form one row "outside the grouping"
(``sundplan_qgis.reference.units_of``, the rule of every roll-up), compared with nothing.
"""

from __future__ import annotations

from qgis.core import (
    QgsProcessing,
    QgsProcessingParameterFeatureSink,
    QgsProcessingParameterNumber,
    QgsProcessingParameterString,
)

from ..sundplan_qgis import gaps, need
from ..sundplan_qgis.parsing import split_list
from . import _styling
from ._i18n import tr, translate_message
from ._outputs import labelled
from ._params.areas import AreaParameters
from ._params.embedded import EmbeddedAreas
from ._params.grouping import GroupingParameters, translate_outside_grouping
from ._params.need import NeedWeightParameters
from ._params.network import NetworkParameters
from ._params.practices import CapacityParameters
from ._params.reach import ReachParameters
from ._params.residents import ResidentsParameters
from .base import SundplanAlgorithm


class SpecialistGapsAlgorithm(
    CapacityParameters,
    EmbeddedAreas,
    AreaParameters,
    GroupingParameters,
    NeedWeightParameters,
    ReachParameters,
    NetworkParameters,
    ResidentsParameters,
    SundplanAlgorithm,
):
    """Speciallægedækning mod behovsbaseret fordeling."""

    _name = "specialist_gaps"
    _display_name = "Specialist-practice gaps against need (Speciallægedækning mod behov)"
    _group_id = "capacity"
    _requires = ("numpy", "scipy", "pandas", "shapely")
    _tags = (
        "speciallæge",
        "speciallægepraksis",
        "ydernummer",
        "behov",
        "need",
        "specialist",
        "gap",
        "Gini",
        "dissimilarity",
        "relocation",
    )
    _help = (
        "Compares, per specialty and area, today's specialist capacity (ydernumre) with a "
        "need-based fair share, and shows what it would take to close the gap.<br><br>"
        "<b>Inputs</b>: specialist practices as points (specialty field; capacity field, "
        "default 1 per practice) or a table of capacity per area and specialty; areas with "
        "population by age and sex (columns m_0_4, k_0_4 … m_85_plus, k_85_plus, or a "
        "'population' column), as polygons or a table; optionally a grouping into regions, "
        "sundhedsråd (embedded, by kommunekode) or your own grouping table; need weights per "
        "specialty (shipped defaults, none, or your CSV); the reference total per specialty: "
        "today's capacity (default) or a planned total ('Dermato-venerologi=60; "
        "Reumatologi=50'). Specialty names may be Danish, English or common aliases "
        "(hudlæge, øjenlæge, ENT …).<br><br>"
        "<b>Method</b>: need-weighted population = Σ persons × weight, scaled so its total "
        "equals the total population. Fair share = reference total × the area's share of "
        "need. Gap = capacity − fair share; ratio = capacity / fair share; classes under- / "
        "over-supplied at your thresholds (default 0.8 and 1.25). Per specialty: the highest "
        "to lowest capacity per 100 000 need-weighted inhabitants, a Gini coefficient of "
        "capacity against need, and the index of dissimilarity (the share of capacity that "
        "would have to move) with the number of capacities it means. The relocation plan is "
        "a transport problem solved with scipy/HiGHS: moves from over- to under-supplied "
        "areas reaching the fair shares with the least capacity × km between area centres; "
        "with today's total it moves exactly dissimilarity × capacity. A planned total adds "
        "'new' (or 'withdraw') rows for the difference.<br><br>"
        "<b>Optional network part</b>: with a road network and resident locations (raster or "
        "points), the population beyond a travel time (default 60 minutes) from the nearest "
        "practice of each specialty, per area, as a share of reached residents. Residents with "
        "no road within the snap distance (pop_unsnapped) or by a road that leads to no practice "
        "of the specialty (pop_unreachable) are counted apart (share_not_reached), and the log "
        "warns when more than the warning share (default 1 %) is not reached.<br><br>"
        "Practices outside all areas are reported and not counted; areas without population "
        "get fair share 0. Areas whose id is not in the grouping (Christiansø, 0411, is in no "
        "region) form the row 'outside the grouping': shown, but without a fair share and left "
        "out of Gini, dissimilarity, classes and relocations. Capacities must be numbers ≥ 0, "
        "and not 0 everywhere. Relocation centres lie inside their area (population-weighted "
        "for grouping units). Defaults and sources: resources/data/README.md."
    )

    # ------------------------------------------------------------------ parameters
    def define_parameters(self, config=None) -> None:
        self.add_capacity_parameters()
        self.add_area_parameters(
            tr(
                "Areas with population by age and sex (polygons or a table; default: the 98 "
                "embedded kommuner)"
            ),
            tables=True,
        )
        self.add_grouping_parameters()
        self.add_need_parameters(service=need.SPECIALISTS)
        self.addParameter(
            QgsProcessingParameterString(
                "SPECIALTIES",
                tr("Only these specialties (separated by ';', empty = all found)"),
                optional=True,
            )
        )
        self.addParameter(
            QgsProcessingParameterString(
                "PLANNED_TOTALS",
                tr("Planned totals (specialty=number; …; empty = today's national capacity)"),
                optional=True,
            )
        )
        for key, label, default in (
            (
                "UNDER_RATIO",
                tr("Under-supplied below capacity / fair share"),
                gaps.DEFAULT_UNDER_RATIO,
            ),
            (
                "OVER_RATIO",
                tr("Over-supplied above capacity / fair share"),
                gaps.DEFAULT_OVER_RATIO,
            ),
        ):
            self.addParameter(
                QgsProcessingParameterNumber(
                    key, label, QgsProcessingParameterNumber.Double, default, minValue=0.0
                )
            )
        self.add_reach_parameters()
        # Outputs ---------------------------------------------------------------------
        for key, label, kind in (
            ("OUTPUT", tr("Gaps per area and specialty"), QgsProcessing.TypeVectorAnyGeometry),
            ("SUMMARY", tr("Summary per specialty"), QgsProcessing.TypeVector),
            (
                "RELOCATIONS",
                tr("Relocation plan (moves between area centres)"),
                QgsProcessing.TypeVectorAnyGeometry,
            ),
        ):
            self.addParameter(QgsProcessingParameterFeatureSink(key, label, kind))
        self.addParameter(
            QgsProcessingParameterFeatureSink(
                "ACCESS",
                tr("Population beyond the time limit per area and specialty (network part)"),
                QgsProcessing.TypeVector,
                optional=True,
                createByDefault=False,
            )
        )
        self.add_report_output(optional=True)

    # ------------------------------------------------------------------ reading
    def read(self, parameters, context, feedback) -> gaps.GapInputs:
        """The only place that turns this tool's parameters into core inputs."""
        areas = self.read_area_table(parameters, context)
        capacity = self.read_capacity(parameters, context, areas=areas)
        return gaps.GapInputs(
            areas=areas,
            **capacity,
            grouping=self.read_grouping(parameters, context),
            weights=self.read_need_weights(parameters, context, service=need.SPECIALISTS),
            specialties=split_list(self.parameterAsString(parameters, "SPECIALTIES", context)),
            planned_totals=self.parameterAsString(parameters, "PLANNED_TOTALS", context) or "",
            under_ratio=self.parameterAsDouble(parameters, "UNDER_RATIO", context),
            over_ratio=self.parameterAsDouble(parameters, "OVER_RATIO", context),
            reach=self.read_reach(
                parameters, context, feedback, areas=areas, practices=capacity.get("practices")
            ),
        )

    # ------------------------------------------------------------------ running
    def compute(self, parameters, context, feedback):
        progress = self.progress(feedback)
        progress(0.02, tr("Reading areas and population"))
        parameters, areas_note = self.with_default_areas(parameters, context, feedback)
        inputs = self.read(parameters, context, feedback)
        result = gaps.run(inputs, progress=progress)
        if areas_note is not None:
            result.report["default_areas"] = areas_note
        if result.outside_message is not None:
            feedback.reportError(translate_message(result.outside_message), False)
        self.push_warnings(feedback, result.warnings)
        progress(0.9, tr("Writing outputs"))
        out = self.write(result, parameters, context, feedback)
        progress(1.0, "")
        return out

    def write(self, result: gaps.GapResult, parameters, context, feedback) -> dict:
        out = {}
        tab = result.areas
        has_geometry = "geometry" in tab.columns
        out["OUTPUT"] = self.write_frame(
            labelled(translate_outside_grouping(tab), {"class": gaps.CLASS_LABELS}),
            "OUTPUT",
            parameters,
            context,
            geometry="geometry" if has_geometry else None,
            crs=result.crs,
            feedback=feedback,
        )
        self.style_output(
            out["OUTPUT"],
            "specialist_gaps",
            context,
            title=tr("Specialist gaps"),
            adapt=_styling.specialist_gaps(
                self.parameterAsDouble(parameters, "UNDER_RATIO", context),
                self.parameterAsDouble(parameters, "OVER_RATIO", context),
            ),
        )
        summary_labels = {"reference": gaps.REFERENCE_LABELS, "weights": gaps.WEIGHTS_USED_LABELS}
        out["SUMMARY"] = self.write_frame(
            labelled(result.summary, summary_labels),
            "SUMMARY",
            parameters,
            context,
            feedback=feedback,
        )
        self.style_output(out["SUMMARY"], None, context, title=tr("Summary per specialty"))
        reloc = result.relocations
        lines = "geometry" in reloc.columns
        out["RELOCATIONS"] = self.write_frame(
            labelled(reloc, {"kind": gaps.KIND_LABELS}),
            "RELOCATIONS",
            parameters,
            context,
            geometry="geometry" if lines and len(reloc) else None,
            crs=result.crs,
            feedback=feedback,
        )
        self.style_output(
            out["RELOCATIONS"],
            "specialist_relocations" if lines else None,
            context,
            title=tr("Relocation plan"),
        )
        if result.access is not None and parameters.get("ACCESS") not in (None, ""):
            out["ACCESS"] = self.write_frame(
                labelled(translate_outside_grouping(result.access)),
                "ACCESS",
                parameters,
                context,
                feedback=feedback,
            )
        if parameters.get("REPORT") not in (None, ""):
            out.update(self.write_report(result.report, parameters, context))
        return out
