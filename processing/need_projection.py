"""``sundplan:need_projection`` (Behovsfremskrivning): the need weights applied to every year of
a population table, per kommune and rolled up to sundhedsråd, regions and the 2027 regions.

Thin wrapper: parameters -> ``projection.NeedInputs`` -> ``sundplan_qgis.projection.run`` ->
one table out (the shared table read by ``sundplan:sundhedsraad_profile``). The population
table parameters (POPULATION_TABLE, BASE_YEAR) are shared with ``sundplan:capacity_allocation``
through :class:`PopulationTableParameters`.
"""

from __future__ import annotations

from qgis.core import (
    QgsProcessing,
    QgsProcessingParameterFeatureSink,
    QgsProcessingParameterFile,
    QgsProcessingParameterNumber,
    QgsProcessingParameterString,
)

from ..sundplan_qgis import need, projection
from ._i18n import tr, translate_message
from ._outputs import labelled
from ._params.need import NeedWeightParameters
from .base import SundplanAlgorithm


class PopulationTableParameters:
    """Mixin (with ``SundplanAlgorithm``): POPULATION_TABLE (a CSV; empty = the embedded
    FOLK1A) and the year parameters, read into a core ``projection.PopulationTable``."""

    def add_population_table_parameters(self) -> None:
        self.addParameter(
            QgsProcessingParameterFile(
                "POPULATION_TABLE",
                tr(
                    "Population table by kommune, sex, age group and year (CSV, e.g. the "
                    "projection from fetch_base_data; empty = the embedded FOLK1A 2021)"
                ),
                optional=True,
                fileFilter=tr("CSV files") + " (*.csv *.txt)",
            )
        )
        self.add_year_parameter("BASE_YEAR", tr("Base year (empty = the first year of the table)"))

    def add_year_parameter(self, name: str, description: str) -> None:
        self.addParameter(
            QgsProcessingParameterNumber(
                name,
                description,
                QgsProcessingParameterNumber.Integer,
                optional=True,
                minValue=1900,
                maxValue=2200,
            )
        )

    def read_year(self, parameters, name: str, context) -> int | None:
        """An optional year parameter (None when not given)."""
        if parameters.get(name) in (None, ""):
            return None
        return self.parameterAsInt(parameters, name, context)

    def run_core(self, parameters, context, feedback, run):
        """``read`` → the core's ``run``, with the population table's recognised columns and
        the core's notes and warnings in the log; (progress, result)."""
        progress = self.progress(feedback)
        inputs = self.read(parameters, context)
        if inputs.population is not None:
            feedback.pushInfo(translate_message(projection.recognised_message(inputs.population)))
        result = run(inputs, progress=progress)
        for note in result.notes:
            feedback.pushInfo(translate_message(note))
        self.push_warnings(feedback, result.warnings)
        progress(0.9, tr("Writing outputs"))
        return progress, result

    def read_population_table(self, parameters, context) -> projection.PopulationTable | None:
        """The population table given (None: the embedded FOLK1A)."""
        path = self.parameterAsFile(parameters, "POPULATION_TABLE", context)
        return projection.read_population_csv(path) if path else None


class NeedProjectionAlgorithm(PopulationTableParameters, NeedWeightParameters, SundplanAlgorithm):
    """Behovsfremskrivning."""

    _name = "need_projection"
    _display_name = "Need over time (Behovsfremskrivning)"
    _group_id = "capacity"
    _requires = ("numpy", "pandas")
    _tags = (
        "behov",
        "need",
        "befolkningsfremskrivning",
        "projection",
        "FRKM",
        "75+",
        "sundhedsråd",
        "2030",
    )
    _help = (
        "The need weights (age and sex) applied to every year of a population table: "
        "need-weighted residents, a need index and its change from the base year, per kommune "
        "and rolled up to sundhedsråd, regions and the regions from 2027.<br><br>"
        "<b>Population table</b>: a CSV with one row per kommune, sex, age group and year "
        "(columns recognised by name: kommunekode or kommune, sex/køn, age_group/alder, "
        "year/år/tid, persons/personer/antal; ';' or ',' between fields; kommune codes with or "
        "without the leading zero; sex m/k; the 5-year age groups 0_4 … 85_plus), e.g. the "
        "projection CSV written by fetch_base_data (Danmarks Statistik's FRKM table). The log "
        "says which columns were recognised. Every year must have all 98 kommuner, both sexes "
        "and all 18 age groups: what is missing is named.<br><br>"
        "<b>Output</b>, one row per area and year: level, area_code (kommunekode, "
        "sundhedsraad_id 1-17, regionskode, region_2027_id 1-4), area_name, year, residents, "
        "residents_75_plus, share_75_plus (0-1), need_weighted (Σ persons × weight, not "
        "rescaled per year, so an older population shows as more need), need_index (need per "
        "resident against the whole country in the base year = 100), need_change_pct (change "
        "of need_weighted from the base year, %) and base_year. Units are sums of their "
        "kommuner. The weights used (name and SHA-256) are written into the table and the "
        "report."
    )
    _help_defaults = (
        "<b>With no population table</b>: the embedded population (FOLK1A 2021K1 totals with "
        "the 2014K1 age/sex composition), one year. <b>Years</b> empty: every year of the "
        "table; base year empty: its first year."
    )

    def define_parameters(self, config=None) -> None:
        self.add_population_table_parameters()
        self.addParameter(
            QgsProcessingParameterString(
                "YEARS",
                tr("Years (e.g. 2025; 2030 or 2025-2030; empty = every year of the table)"),
                optional=True,
            )
        )
        self.add_choice(
            "LEVEL", tr("Level"), projection.LEVEL_CHOICES, default=projection.DEFAULT_LEVEL
        )
        self.add_need_parameters(service=need.GP, default="default", matrix=True)
        self.addParameter(
            QgsProcessingParameterFeatureSink(
                "OUTPUT", tr("Need per area and year"), QgsProcessing.TypeVector
            )
        )
        self.add_report_output(optional=True)

    def read(self, parameters, context) -> projection.NeedInputs:
        """The only place that turns this tool's parameters into core inputs."""
        return projection.NeedInputs(
            population=self.read_population_table(parameters, context),
            weights=self.read_need_weights(parameters, context, service=need.GP),
            level=self.choice(parameters, "LEVEL", context),
            years=projection.parse_years(self.parameterAsString(parameters, "YEARS", context)),
            base_year=self.read_year(parameters, "BASE_YEAR", context),
        )

    def compute(self, parameters, context, feedback):
        progress, result = self.run_core(parameters, context, feedback, projection.run)
        out = {
            "OUTPUT": self.write_frame(
                labelled(result.table, {"level": projection.LEVEL_LABELS}),
                "OUTPUT",
                parameters,
                context,
                feedback=feedback,
            )
        }
        self.style_output(out["OUTPUT"], None, context, title=tr("Need per area and year"))
        if parameters.get("REPORT") not in (None, ""):
            out.update(self.write_report(result.report, parameters, context))
        progress(1.0, "")
        return out
