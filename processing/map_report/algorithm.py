"""The algorithm ``sundplan:map_report``: its parameters, read into a page request, one call
to :func:`.render.render`, the PDF and the run report written."""

from __future__ import annotations

import os

from qgis.core import (
    QgsProcessing,
    QgsProcessingOutputNumber,
    QgsProcessingParameterField,
    QgsProcessingParameterFile,
    QgsProcessingParameterFileDestination,
    QgsProcessingParameterMapLayer,
    QgsProcessingParameterString,
    QgsProcessingParameterVectorLayer,
)
from qgis.PyQt.QtCore import QT_TRANSLATE_NOOP

from ...sundplan_qgis import page_text
from ...sundplan_qgis.errors import SundplanError
from ..base import SundplanAlgorithm, tr
from .reading import check_report_path, is_given, prepare_output, read_request
from .render import render


class MapReportAlgorithm(SundplanAlgorithm):
    """Kortrapport (PDF)."""

    _name = "map_report"
    _display_name = QT_TRANSLATE_NOOP("sundplan", "Map report as PDF (Kortrapport)")
    _group_id = "maps"
    _requires: tuple[str, ...] = ()
    _tags = ("pdf", "kort", "map", "atlas", "layout", "print", "rapport", "report", "udskrift")
    _help = QT_TRANSLATE_NOOP(
        "sundplan",
        "Makes a print-ready PDF of a sundplan output (travel-time raster, bands, catchments, "
        "area summary, scenario change, GP density, 2SFCA access or specialist gaps) for "
        "reports and meetings.<br><br>"
        "The layer is drawn in its own style (the style stored in the GeoPackage, else the "
        "sundplan style for its kind, or the STYLE you give) over a basemap-free backdrop of "
        "the areas: light grey, thin boundaries and names. The page has a title, subtitle, "
        "legend, scale bar, north arrow, a method note, the data sources, the date (printing "
        "and computing) and an optional organisation name and logo.<br><br>"
        "<b>Atlas</b>: with an atlas coverage layer (e.g. the kommuner) there is one page per "
        "feature, the map zoomed to it and the neighbours faded; the summary table then shows "
        "that area's row(s) (rows whose area lies inside the page's feature, or whose name "
        "matches it for tables without geometry). Without an atlas, one page shows all rows; "
        "when they do not fit, the areas with the longest mean travel time are shown and the "
        "note says so.<br><br>"
        "<b>Residents not reached</b>: every page that shows residents has the key figure "
        '"Ikke nået: N (x %)" (residents with no road within the snapping distance or with no '
        "link to a destination, for the page's area or all areas) and says that travel times "
        "are of reached residents; the numbers come from the columns pop_unsnapped and "
        "pop_unreachable of the area table (SUMMARY, the layer itself or the run's own area "
        "table) and are printed as unknown, never as 0, when those columns are missing. Land "
        "that a travel-time, band or catchment map leaves blank is hatched and named in the "
        "legend. The run report (REPORT) records every figure printed.<br><br>"
        "<b>Templates</b>: A4/A3, landscape/portrait (resources/layouts/*.qpt, usable in QGIS "
        "too), or your own .qpt that keeps the item ids. <b>Language</b> of the page: Danish "
        "(default) or English, independent of the QGIS interface language.<br><br>"
        "<b>Defaults</b>: title, legend, method note and source line are derived from the kind "
        "of output and the provenance recorded in it (parameters, inputs, versions), e.g. the "
        "need weights and shortage threshold of a GP density, the 2SFCA method and threshold, "
        "the specialty and reference total of specialist gaps, the closed hospitals of a "
        "scenario. Per-area outputs (GP density, specialist gaps, 2SFCA per area) are their own "
        "summary table; for 2SFCA points and scenario rasters the run's per-area table is used "
        "when it still exists. Synthetic sample data is marked as such on the page. The PDF is "
        "written only when everything succeeded.",
    )

    # ------------------------------------------------------------------ parameters
    def define_parameters(self, config=None) -> None:
        self.addParameter(
            QgsProcessingParameterMapLayer(
                "LAYER",
                self.tr("Output layer to map (raster or vector)"),
                types=[
                    QgsProcessing.SourceType.TypeVectorAnyGeometry,
                    QgsProcessing.SourceType.TypeRaster,
                ],
            )
        )
        self.addParameter(
            QgsProcessingParameterFile(
                "STYLE",
                self.tr("Style file (.qml) to use instead of the layer's own style"),
                extension="qml",
                optional=True,
            )
        )
        self.addParameter(
            QgsProcessingParameterVectorLayer(
                "BACKDROP",
                self.tr("Areas drawn as backdrop (e.g. kommuner)"),
                [QgsProcessing.SourceType.TypeVectorPolygon],
                optional=True,
            )
        )
        self.addParameter(
            QgsProcessingParameterField(
                "BACKDROP_LABEL_FIELD",
                self.tr("Backdrop name field (labels)"),
                parentLayerParameterName="BACKDROP",
                optional=True,
            )
        )
        self.addParameter(
            QgsProcessingParameterVectorLayer(
                "ATLAS_LAYER",
                self.tr("Atlas coverage: one page per feature (e.g. kommuner or regioner)"),
                [QgsProcessing.SourceType.TypeVectorPolygon],
                optional=True,
            )
        )
        self.addParameter(
            QgsProcessingParameterField(
                "ATLAS_NAME_FIELD",
                self.tr("Atlas page name field"),
                parentLayerParameterName="ATLAS_LAYER",
                optional=True,
            )
        )
        self.addParameter(
            QgsProcessingParameterString(
                "ATLAS_SUBSET",
                self.tr(
                    "Atlas pages only for: a region, region from 2027 or sundhedsråd (name or "
                    "code, e.g. Region Nordjylland, sundhedsraad:5) or an expression"
                ),
                optional=True,
            )
        )
        self.addParameter(
            QgsProcessingParameterVectorLayer(
                "SUMMARY",
                self.tr("Summary table layer (e.g. the area summary)"),
                [QgsProcessing.SourceType.TypeVector],
                optional=True,
            )
        )
        self.addParameter(
            QgsProcessingParameterField(
                "SUMMARY_FIELDS",
                self.tr("Summary table fields (default: name, residents, minutes, shares)"),
                parentLayerParameterName="SUMMARY",
                allowMultiple=True,
                optional=True,
            )
        )
        self.addParameter(
            QgsProcessingParameterVectorLayer(
                "POINTS",
                self.tr("Points drawn on top with labels (e.g. the hospitals)"),
                [QgsProcessing.SourceType.TypeVectorPoint],
                optional=True,
            )
        )
        self.addParameter(
            QgsProcessingParameterField(
                "POINTS_LABEL_FIELD",
                self.tr("Point label field"),
                parentLayerParameterName="POINTS",
                optional=True,
            )
        )
        self.add_choice(
            "TEMPLATE",
            self.tr("Page"),
            page_text.TEMPLATE_CHOICES,
            default=page_text.DEFAULT_TEMPLATE,
        )
        self.add_choice(
            "LANGUAGE",
            self.tr("Language of the page"),
            page_text.LANGUAGE_CHOICES,
            default=page_text.DEFAULT_LANGUAGE,
        )
        for key, label, multiline in (
            ("TITLE", self.tr("Title (default: from the kind of output)"), False),
            ("SUBTITLE", self.tr("Subtitle (default: bands, scenario, data)"), False),
            ("ORGANISATION", self.tr("Organisation (top right of the page)"), False),
            ("SOURCES", self.tr("Data sources (default: from the output's provenance)"), True),
            ("METHOD_NOTE", self.tr("Method note (default: from the output's provenance)"), True),
        ):
            self.addParameter(
                QgsProcessingParameterString(key, label, multiLine=multiline, optional=True)
            )
        logo = QgsProcessingParameterFile(
            "LOGO", self.tr("Logo (SVG or PNG, top right)"), optional=True
        )
        logo.setFileFilter(self.tr("Images (*.svg *.png *.jpg *.jpeg)"))
        template_file = QgsProcessingParameterFile(
            "TEMPLATE_FILE",
            self.tr("Own layout template (.qpt with the sundplan item ids; overrides Page)"),
            extension="qpt",
            optional=True,
        )
        for param in (logo, template_file):
            param.setFlags(param.flags() | param.Flag.FlagAdvanced)
            self.addParameter(param)
        self.addParameter(
            QgsProcessingParameterFileDestination(
                "OUTPUT", self.tr("PDF file"), self.tr("PDF files (*.pdf)")
            )
        )
        self.addOutput(QgsProcessingOutputNumber("PAGES", self.tr("Number of pages")))
        self.add_report_output(optional=True)

    # ------------------------------------------------------------------ running
    def compute(self, parameters, context, feedback):
        output = self.parameterAsFileOutput(parameters, "OUTPUT", context)
        report = (
            self.parameterAsFileOutput(parameters, "REPORT", context)
            if is_given(parameters.get("REPORT"))
            else ""
        )
        check_report_path(report, output)
        tmp_pdf = prepare_output(output)
        try:
            request = read_request(self, parameters, context, feedback)
            pages, record = render(request, context, feedback, pdf_path=tmp_pdf)
            if feedback.isCanceled():
                raise SundplanError(tr("Cancelled by the user."))
            os.replace(tmp_pdf, output)
        finally:
            if os.path.exists(tmp_pdf):
                os.remove(tmp_pdf)
        results = {"OUTPUT": output, "PAGES": pages}
        if report:
            if request.atlas_subset:
                record = {**record, "atlas_subset": request.atlas_subset}
            results.update(self.write_report({"output": output, **record}, parameters, context))
        return results
