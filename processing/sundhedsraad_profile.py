"""``sundplan:sundhedsraad_profile``: one PDF page per sundhedsråd (or region / kommune) with
residents and 75+ today and in the target year, travel time to the nearest akutsygehus, GP
density, 2SFCA low access and specialist gaps, each beside the national value, with a small
map per indicator, and the same figures as a table.

Thin wrapper: the tools' output layers -> ``profile.ProfileInputs`` ->
``sundplan_qgis.profile.run`` -> table, PDF (``profile_report.render``) and run report.
"""

from __future__ import annotations

import os

from qgis.core import (
    QgsProcessing,
    QgsProcessingOutputNumber,
    QgsProcessingParameterFeatureSink,
    QgsProcessingParameterFileDestination,
    QgsProcessingParameterNumber,
    QgsProcessingParameterString,
    QgsProcessingParameterVectorLayer,
)

from ..sundplan_qgis import density, page_text, profile
from ..sundplan_qgis.errors import SundplanError
from ._i18n import tr, translate_message
from ._outputs import labelled
from .base import SundplanAlgorithm
from .map_report.reading import check_report_path, is_given, prepare_output
from .profile_report.reading import read_table
from .profile_report.render import ProfilePage, render

LABELS = {
    "level": {**density.LEVEL_LABELS, "kommune": profile.KOMMUNE},
    "travel_p90_rule": profile.P90_RULES,
}
"""Code columns of the indicator table and their labels (``<code>_label`` fields)."""


class SundhedsraadProfileAlgorithm(SundplanAlgorithm):
    """Sundhedsrådsprofil (PDF)."""

    _name = "sundhedsraad_profile"
    _display_name = "Health council profile as PDF (Sundhedsrådsprofil)"
    _group_id = "maps"
    _requires = ("numpy", "pandas", "shapely")
    _tags = ("sundhedsråd", "profil", "nærsundhedsplan", "pdf", "75+", "2030", "region")
    _help = (
        "One page per sundhedsråd (17; or per region, region from 2027 or kommune) for the "
        "nærsundhedsplan: residents and the share aged 75+ today and in the target year, travel "
        "time to the nearest akutsygehus (mean, 90th percentile, share over 30 minutes, not "
        "reached), GP density raw and need-adjusted, the 2SFCA low-access share and the "
        "specialist capacity against the need-based share per specialty, each beside the "
        "national value, with a small map per indicator (the unit's kommuner coloured, the "
        "surroundings dimmed). The same figures are written as a table (one row per unit and "
        "a national row).<br><br>"
        "<b>Inputs</b> are the outputs of the other tools, never recomputed: the need table "
        "(one row per area and year), the area summary of catchments, the areas output of "
        "gp_density, the areas output of fca_access and the output of specialist_gaps, per "
        "kommune (a table per unit is used as it is). Counts are summed over the unit's "
        "kommuner; shares and densities are ratios of those sums; the mean travel time is "
        "weighted by reached residents. A 90th percentile cannot be summed: unless the travel "
        "table is per unit, the page shows the highest kommune value, labelled as such.<br>"
        "<b>A missing input</b> leaves its section saying 'not computed' on every page and in "
        "the log, never a value that looks fine."
    )
    _help_defaults = (
        "Without a need table today's residents and 75+ share are the embedded FOLK1A 2021K1 "
        "figures (age composition 2014K1) and the target year is printed as not given. Every "
        "other section without its input is printed as not computed."
    )

    def define_parameters(self, config=None) -> None:
        self.add_choice(
            "LEVEL", tr("One page per"), profile.LEVEL_CHOICES, default=profile.DEFAULT_LEVEL
        )
        for key, label in (
            ("NEED_TABLE", tr("Need over time table (level, area_code, year, residents …)")),
            ("TRAVEL_AREAS", tr("Travel time per area (area summary of catchments)")),
            ("GP_DENSITY", tr("GP density per area (areas output of gp_density)")),
            ("FCA_AREAS", tr("2SFCA access per area (areas output of fca_access)")),
            ("SPECIALIST_GAPS", tr("Specialist gaps (output of specialist_gaps)")),
        ):
            self.addParameter(
                QgsProcessingParameterVectorLayer(
                    key, label, [QgsProcessing.SourceType.TypeVector], optional=True
                )
            )
        self.addParameter(
            QgsProcessingParameterNumber(
                "TARGET_YEAR",
                tr("Target year (from the need table)"),
                QgsProcessingParameterNumber.Type.Integer,
                defaultValue=profile.DEFAULT_TARGET_YEAR,
                minValue=1900,
                maxValue=2200,
            )
        )
        self.add_choice(
            "LANGUAGE",
            tr("Language of the page"),
            page_text.LANGUAGE_CHOICES,
            default=page_text.DEFAULT_LANGUAGE,
        )
        self.addParameter(
            QgsProcessingParameterString(
                "ORGANISATION", tr("Organisation (top of the page)"), optional=True
            )
        )
        self.addParameter(
            QgsProcessingParameterFileDestination("OUTPUT", tr("PDF file"), tr("PDF files (*.pdf)"))
        )
        self.addParameter(
            QgsProcessingParameterFeatureSink(
                "TABLE", tr("Indicators per unit (table)"), QgsProcessing.TypeVector
            )
        )
        self.addParameter(
            QgsProcessingParameterFeatureSink(
                "SPECIALTIES",
                tr("Specialist capacity per unit and specialty (table)"),
                QgsProcessing.TypeVector,
                optional=True,
                createByDefault=False,
            )
        )
        self.addOutput(QgsProcessingOutputNumber("PAGES", tr("Number of pages")))
        self.add_report_output(optional=True)

    def read(self, parameters, context) -> profile.ProfileInputs:
        """The only place that turns this tool's parameters into core inputs."""
        return profile.ProfileInputs(
            level=self.choice(parameters, "LEVEL", context),
            target_year=self.parameterAsInt(parameters, "TARGET_YEAR", context),
            need_table=read_table(self, parameters, "NEED_TABLE", context),
            travel=read_table(self, parameters, "TRAVEL_AREAS", context),
            gp_density=read_table(self, parameters, "GP_DENSITY", context),
            fca=read_table(self, parameters, "FCA_AREAS", context),
            gaps=read_table(self, parameters, "SPECIALIST_GAPS", context),
        )

    def compute(self, parameters, context, feedback):
        progress = self.progress(feedback, end=0.3)
        output = self.parameterAsFileOutput(parameters, "OUTPUT", context)
        report_path = (
            self.parameterAsFileOutput(parameters, "REPORT", context)
            if is_given(parameters.get("REPORT"))
            else ""
        )
        check_report_path(report_path, output)
        inputs = self.read(parameters, context)
        result = profile.run(inputs, progress=progress)
        self.push_warnings(feedback, result.warnings)
        tmp_pdf = prepare_output(output)
        try:
            page = ProfilePage(
                result=result,
                language=self.choice(parameters, "LANGUAGE", context),
                long_travel_min=inputs.long_travel_min,
                organisation=self.parameterAsString(parameters, "ORGANISATION", context),
            )
            pages, record = render(page, feedback, pdf_path=tmp_pdf)
            if feedback.isCanceled():
                raise SundplanError(tr("Cancelled by the user."))
            out = self.write(result, parameters, context)
            os.replace(tmp_pdf, output)
        finally:
            if os.path.exists(tmp_pdf):
                os.remove(tmp_pdf)
        out.update({"OUTPUT": output, "PAGES": pages})
        if report_path:
            report = {"output": output, **result.report, **record}
            out.update(self.write_report(report, parameters, context))
        return out

    def write(self, result: profile.ProfileResult, parameters, context) -> dict:
        table = labelled(result.indicators, LABELS)
        table["not_computed_label"] = ", ".join(
            translate_message(profile.SECTION_LABELS[profile.section_of(k)]) for k in result.missing
        )
        out = {"TABLE": self.write_frame(table, "TABLE", parameters, context)}
        self.register_output(out["TABLE"], title=tr("Indicators per unit"))
        dest = self.write_frame(labelled(result.specialties), "SPECIALTIES", parameters, context)
        if dest:
            out["SPECIALTIES"] = dest
            self.register_output(dest, title=tr("Specialist capacity per unit and specialty"))
        return out
