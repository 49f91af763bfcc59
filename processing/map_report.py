"""``sundplan:map_report``: a sundplan output as a print-ready PDF (one page or an atlas).

The layer is drawn over a basemap-free backdrop of the areas (light grey, thin boundaries,
names) in one of the templates ``resources/layouts/*.qpt`` (see ``make_layouts.py`` there for
the item ids), with legend, scale bar, north arrow, method note, sources, date and a summary
table. With an atlas coverage (e.g. the kommuner) there is one page per area, the map zoomed
to it, the neighbours faded and the summary table reduced to that area's row(s).

Everything happens in a private, in-memory ``QgsProject``: it runs headless in
``qgis_process`` and never touches the user's open project. The PDF is written to a temporary
file beside the destination and renamed at the end, so a failed run leaves no half-written PDF.

Page language: Danish by default (LANGUAGE parameter), independent of the QGIS interface
language; the page texts come from ``sundplan_qgis.page_text``. Parameter names, messages and
help go through ``tr()`` like everywhere else.
"""

from __future__ import annotations

import datetime as _dt
import json
import os
import re
import tempfile
from pathlib import Path

from qgis.core import (
    Qgis,
    QgsCategorizedSymbolRenderer,
    QgsCoordinateReferenceSystem,
    QgsCoordinateTransform,
    QgsExpression,
    QgsFeatureRequest,
    QgsFillSymbol,
    QgsLayoutExporter,
    QgsLayoutFrame,
    QgsLayoutItemLabel,
    QgsLayoutItemLegend,
    QgsLayoutItemMap,
    QgsLayoutItemPicture,
    QgsLayoutItemTextTable,
    QgsLayoutPoint,
    QgsLayoutSize,
    QgsLayoutTable,
    QgsLayoutTableColumn,
    QgsLegendStyle,
    QgsMapLayer,
    QgsMapLayerLegendUtils,
    QgsMarkerSymbol,
    QgsPalLayerSettings,
    QgsPrintLayout,
    QgsProcessing,
    QgsProcessingOutputNumber,
    QgsProcessingParameterEnum,
    QgsProcessingParameterField,
    QgsProcessingParameterFile,
    QgsProcessingParameterFileDestination,
    QgsProcessingParameterMapLayer,
    QgsProcessingParameterString,
    QgsProcessingParameterVectorLayer,
    QgsProject,
    QgsRasterLayer,
    QgsReadWriteContext,
    QgsRectangle,
    QgsRenderContext,
    QgsRendererCategory,
    QgsRuleBasedRenderer,
    QgsSingleSymbolRenderer,
    QgsTextBufferSettings,
    QgsTextFormat,
    QgsTextRenderer,
    QgsUnitTypes,
    QgsVectorLayer,
    QgsVectorLayerSimpleLabeling,
)
from qgis.PyQt.QtCore import QT_TRANSLATE_NOOP, Qt
from qgis.PyQt.QtGui import QColor, QFont
from qgis.PyQt.QtXml import QDomDocument

from ..sundplan_qgis import page_text
from ..sundplan_qgis.errors import SundplanError
from .base import PLUGIN_DIR, STYLES_DIR, SundplanAlgorithm, tr

LAYOUTS_DIR = PLUGIN_DIR / "resources" / "layouts"
# (template file stem, English label): order = TEMPLATE enum values.
TEMPLATES = (
    ("sundplan_a4_landscape", QT_TRANSLATE_NOOP("sundplan", "A4 landscape")),
    ("sundplan_a4_portrait", QT_TRANSLATE_NOOP("sundplan", "A4 portrait")),
    ("sundplan_a3_landscape", QT_TRANSLATE_NOOP("sundplan", "A3 landscape")),
    ("sundplan_a3_portrait", QT_TRANSLATE_NOOP("sundplan", "A3 portrait")),
)
LANGUAGE_CODES = ("da", "en")
LANGUAGE_LABELS = (
    QT_TRANSLATE_NOOP("sundplan", "Danish"),
    QT_TRANSLATE_NOOP("sundplan", "English"),
)
REQUIRED_ITEMS = ("map",)
FONT_FAMILY = "DejaVu Sans"
NAME_FIELDS = ("area_name", "kommune", "kommunenavn", "navn", "name", "region", "regionsnavn")
PDF_DPI = 200


def _text_format(size_pt: float, colour: str = "#333333", *, bold=False, italic=False):
    fmt = QgsTextFormat()
    font = QFont(FONT_FAMILY)
    font.setBold(bold)
    font.setItalic(italic)
    fmt.setFont(font)
    fmt.setSize(size_pt)
    fmt.setSizeUnit(Qgis.RenderUnit.Points)
    fmt.setColor(QColor(colour))
    if bold:
        fmt.setForcedBold(True)
    buffer = QgsTextBufferSettings()
    buffer.setEnabled(True)
    buffer.setSize(0.8)
    buffer.setColor(QColor(255, 255, 255, 230))
    fmt.setBuffer(buffer)
    return fmt


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
        self.addParameter(
            QgsProcessingParameterEnum(
                "TEMPLATE",
                self.tr("Page"),
                options=[self.tr(label) for _stem, label in TEMPLATES],
                defaultValue=0,
            )
        )
        self.addParameter(
            QgsProcessingParameterEnum(
                "LANGUAGE",
                self.tr("Language of the page"),
                options=[self.tr(label) for label in LANGUAGE_LABELS],
                defaultValue=0,
            )
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
        language = LANGUAGE_CODES[self.parameterAsEnum(parameters, "LANGUAGE", context)]
        output = self.parameterAsFileOutput(parameters, "OUTPUT", context)
        report = (
            self.parameterAsFileOutput(parameters, "REPORT", context)
            if _is_given(parameters.get("REPORT"))
            else ""
        )
        _check_report_path(report, output)
        self._report = {}
        tmp_pdf = _prepare_output(output)
        try:
            pages = self._render(parameters, context, feedback, language, tmp_pdf)
            if feedback.isCanceled():
                raise SundplanError(tr("Cancelled by the user."))
            os.replace(tmp_pdf, output)
        finally:
            if os.path.exists(tmp_pdf):
                os.remove(tmp_pdf)
        results = {"OUTPUT": output, "PAGES": pages}
        if report:
            results.update(
                self.write_report({"output": output, **self._report}, parameters, context)
            )
        return results

    def _render(self, parameters, context, feedback, language, pdf_path) -> int:
        source = self._layer(parameters, "LAYER", context, vector=False)
        if source is None:
            raise SundplanError(
                tr("No layer to map was given (parameter {parameter}).").format(parameter="LAYER")
            )
        if isinstance(source, QgsVectorLayer) and source.featureCount() == 0:
            raise SundplanError(
                tr(
                    "The layer to map '{layer}' (parameter {parameter}) has no features{filter}: "
                    "there is nothing to draw. Choose a sundplan output with features, or "
                    "change its filter."
                ).format(
                    layer=display_name(source),
                    parameter="LAYER",
                    filter=_filter_text(source),
                )
            )
        project = QgsProject()
        style = self._file(parameters, "STYLE", context) or None
        provenance = read_provenance(source)
        layer, kind = _prepare_layer(source, style, context, provenance)
        check_style_fields(layer, style or tr("its style"))
        tidy_categories(layer, kind)
        has_not_reached_class = style_not_reached_class(layer, kind, language)
        details = layer_details(source, kind, provenance)
        if details.get("n_specialties", 0) > 1:
            feedback.pushWarning(
                tr(
                    "'{layer}' holds {n} specialties, drawn on top of each other. Map one "
                    "specialty at a time: filter the layer, e.g. {example}."
                ).format(
                    layer=display_name(source),
                    n=details["n_specialties"],
                    example="specialist_gaps.gpkg|subset=\"specialty\" = '…'",
                )
            )
        sources, seed = describe_inputs(provenance, source)
        synthetic = any(s.synthetic for s in sources)
        crs = layer.crs()
        if not crs.isValid() or crs.isGeographic():
            crs = QgsCoordinateReferenceSystem("EPSG:25832")
        project.setCrs(crs)

        feedback.setProgressText(tr("Preparing the page"))
        backdrop_src = self._layer(parameters, "BACKDROP", context)
        atlas_src = self._layer(parameters, "ATLAS_LAYER", context)
        summary_src = self._layer(parameters, "SUMMARY", context)
        if summary_src is None:
            summary_src = default_summary_layer(source, kind, provenance)
        points_src = self._layer(parameters, "POINTS", context)
        if atlas_src is not None and atlas_src.featureCount() == 0:
            raise SundplanError(
                tr(
                    "The atlas coverage layer '{layer}' has no features{filter}, so there is no "
                    "area to make a page for. Choose a layer with areas (e.g. the kommuner), or "
                    "leave the atlas coverage empty for a single page."
                ).format(layer=display_name(atlas_src), filter=_filter_text(atlas_src))
            )
        atlas_field = self._field(
            parameters, "ATLAS_NAME_FIELD", "ATLAS_LAYER", atlas_src, context, feedback
        )
        if backdrop_src is None:
            backdrop_src = atlas_src
        backdrop_field = self._field(
            parameters,
            "BACKDROP_LABEL_FIELD",
            "ATLAS_LAYER" if atlas_src is not None and backdrop_src is atlas_src else "BACKDROP",
            backdrop_src,
            context,
            feedback,
        )
        if backdrop_src is atlas_src and not backdrop_field:
            backdrop_field = atlas_field
        points_field = self._field(
            parameters, "POINTS_LABEL_FIELD", "POINTS", points_src, context, feedback
        )

        layers_top_first: list[QgsMapLayer] = []
        legend_layers: list[QgsMapLayer] = []
        layer.setName(
            page_text.legend_title(kind, display_name(source), details=details, language=language)
        )
        backdrop_fill = backdrop_lines = None
        if backdrop_src is not None:
            backdrop_fill, backdrop_lines = _backdrop_layers(
                backdrop_src, backdrop_field or _guess_name_field(backdrop_src), language
            )
        points = None
        if points_src is not None:
            points = _points_layer(
                points_src, points_field or _guess_name_field(points_src), language
            )
        atlas_layer = atlas_fade = None
        atlas_name_field = ""
        if atlas_src is not None:
            atlas_layer = _clone_plain(atlas_src)
            atlas_name_field = atlas_field or _guess_name_field(atlas_src)
            atlas_fade = _atlas_fade_layer(atlas_src)
        # --- residents not reached: the area table with the counts, the land they live on
        coverage_src = coverage_table(source, kind, provenance, summary_src)
        fallback = None if coverage_src is not None else report_totals(provenance)
        shows_residents = coverage_src is not None or fallback is not None or kind in RESIDENT_KINDS
        hatch = knockout = None
        if kind in HATCH_KINDS:
            land = backdrop_src or _polygons_or_none(coverage_src)
            if land is not None:
                hatch = _not_reached_hatch_layer(land, language)
                knockout = _knockout_layer(layer)
        for item in (points, backdrop_lines, atlas_fade, layer, knockout, hatch, backdrop_fill):
            if item is not None:
                layers_top_first.append(item)
        legend_hatch = hatch if not has_not_reached_class else None
        for item in (points, layer, legend_hatch, backdrop_lines):
            if item is not None:
                legend_layers.append(item)
        for item in [*layers_top_first, atlas_layer]:
            if item is not None:
                project.addMapLayer(item, False)

        layout = _load_template(project, self._template_path(parameters, context), feedback)
        items = {item.id(): item for item in layout.items() if hasattr(item, "id") and item.id()}
        map_item = items["map"]
        map_item.setCrs(crs)
        map_item.setLayers(layers_top_first)
        map_item.setKeepLayerSet(True)
        full_extent = _extent([layer, backdrop_fill or layer, atlas_layer or layer], crs, project)
        map_item.zoomToExtent(_grow(full_extent, 0.04))

        # --- texts
        title = self.parameterAsString(parameters, "TITLE", context) or page_text.title(
            kind, details=details, language=language
        )
        subtitle = self.parameterAsString(parameters, "SUBTITLE", context)
        if not subtitle:
            subtitle = page_text.subtitle(
                kind,
                provenance=provenance,
                synthetic=synthetic,
                details=details,
                language=language,
            )
        if atlas_layer is not None and atlas_name_field:
            title = f"{title} – [% @atlas_pagename %]"
        method = self.parameterAsString(parameters, "METHOD_NOTE", context) or (
            page_text.method_note(kind, provenance=provenance, details=details, language=language)
        )
        sources_text = self.parameterAsString(parameters, "SOURCES", context)
        if not sources_text:
            sources_text = page_text.sources_line(
                sources, provenance=provenance, seed=seed, language=language
            )
        elif not sources_text.lower().startswith(page_text.word("sources", language).lower()):
            sources_text = f"{page_text.word('sources', language)}: {sources_text}"
        organisation = self.parameterAsString(parameters, "ORGANISATION", context)
        texts = {
            "title": title,
            "subtitle": subtitle,
            "organisation": organisation,
            "method_note": f"{page_text.word('method', language)}: {method}",
            "sources": sources_text,
            "date": page_text.date_line(
                printed=_dt.date.today(), provenance=provenance, language=language
            ),
            "summary_title": page_text.word("summary", language),
            "summary_note": "",
            "page_number": "",
        }
        if atlas_layer is not None:
            texts["page_number"] = page_text.word("page", language).format(
                number="[% @atlas_featurenumber %]", total="[% @atlas_totalfeatures %]"
            )
        longest_name = ""
        if atlas_layer is not None and atlas_name_field:
            names = [str(f[atlas_name_field]) for f in atlas_layer.getFeatures()]
            longest_name = max(names, key=len, default="")
        for item_id in ("title", "subtitle"):
            label = items.get(item_id)
            if isinstance(label, QgsLayoutItemLabel):
                _fit_one_line(label, texts[item_id].replace("[% @atlas_pagename %]", longest_name))
        for item_id, text in texts.items():
            label = items.get(item_id)
            if isinstance(label, QgsLayoutItemLabel):
                label.setText(
                    _escape_expressions(text)
                    if item_id not in ("title", "page_number") or atlas_layer is None
                    else text
                )
        logo_path = self._file(parameters, "LOGO", context)
        logo = items.get("logo")
        if isinstance(logo, QgsLayoutItemPicture):
            if logo_path:
                if not Path(logo_path).is_file():
                    raise SundplanError(
                        tr("The logo file {file} does not exist.").format(file=logo_path)
                    )
                logo.setPicturePath(
                    logo_path,
                    QgsLayoutItemPicture.Format.FormatSVG
                    if logo_path.lower().endswith(".svg")
                    else QgsLayoutItemPicture.Format.FormatRaster,
                )
            else:
                logo.setVisibility(False)

        # --- key figure: residents not reached (on every page that shows residents)
        figure = None
        label = items.get("not_reached")
        if shows_residents:
            if not isinstance(label, QgsLayoutItemLabel):
                label = _add_not_reached_label(layout, map_item)
            figure = NotReachedFigure(
                label,
                AreaRows(coverage_src, crs, project) if coverage_src is not None else None,
                kind,
                language,
                fallback=fallback,
                name_field=atlas_name_field,
            )
        elif isinstance(label, QgsLayoutItemLabel):
            label.setVisibility(False)

        # --- legend
        legend = items.get("legend")
        if isinstance(legend, QgsLayoutItemLegend):
            legend.setTitle(page_text.word("legend", language))
            _fill_legend(legend, legend_layers)

        # --- overview map (atlas only)
        overview = items.get("overview_map")
        if isinstance(overview, QgsLayoutItemMap):
            if atlas_layer is None:
                overview.setVisibility(False)
                _reclaim_overview_space(items)
            else:
                overview.setCrs(crs)
                overview.setLayers([lyr for lyr in (backdrop_lines, layer, backdrop_fill) if lyr])
                overview.setKeepLayerSet(True)
                overview.zoomToExtent(_grow(full_extent, 0.02))

        # --- summary table
        summary = None
        frame = items.get("summary_table")
        table = frame.multiFrame() if isinstance(frame, QgsLayoutFrame) else None
        if summary_src is not None and isinstance(table, QgsLayoutItemTextTable):
            as_strings = getattr(self, "parameterAsStrings", None) or self.parameterAsFields
            fields = as_strings(parameters, "SUMMARY_FIELDS", context)
            missing = [f for f in fields if summary_src.fields().indexOf(f) < 0]
            if missing:
                raise SundplanError(
                    tr(
                        "The summary layer '{layer}' has no field(s) {fields} (SUMMARY_FIELDS). "
                        "Its fields are: {available}."
                    ).format(
                        layer=display_name(summary_src),
                        fields=", ".join(missing),
                        available=_field_list(summary_src),
                    )
                )
            if not fields:
                available = summary_src.fields().names()
                if _has_counts(summary_src) and "share_not_reached" not in available:
                    available.insert(
                        available.index("population") + 1
                        if "population" in available
                        else len(available),
                        "share_not_reached",
                    )
                fields = page_text.default_summary_fields(
                    available, kind=detect_kind(summary_src)
                )
                if details.get("specialty") and "specialty" in fields:
                    fields.remove("specialty")  # one specialty: it is in the title
            summary = SummaryFiller(
                table,
                frame,
                items.get("summary_note"),
                items.get("summary_title"),
                summary_src,
                fields,
                language,
                crs,
                project,
                name_field=atlas_name_field,
            )
        else:
            for item_id in ("summary_title", "summary_table", "summary_note"):
                if items.get(item_id) is not None:
                    items[item_id].setVisibility(False)
            if frame is not None and table is not None:
                table.setContents([])
            _grow_legend_into_free_space(items)
        if figure is not None and atlas_layer is None:
            figure.show_all()
        if summary is not None and atlas_layer is None:
            summary.show_all()
            _legend_into_spare_table_room(items, summary)
        if isinstance(legend, QgsLayoutItemLegend):
            _fit_legend(legend)

        # --- atlas
        atlas = layout.atlas()
        pages = 1
        settings = QgsLayoutExporter.PdfExportSettings()
        settings.dpi = PDF_DPI
        settings.rasterizeWholeImage = False
        settings.forceVectorOutput = False
        settings.appendGeoreference = True
        settings.exportMetadata = True
        settings.simplifyGeometries = True
        settings.textRenderFormat = Qgis.TextRenderFormat.AlwaysText
        layout.setCustomProperty("pdfTitle", title)
        feedback.setProgressText(tr("Writing the PDF"))
        if atlas_layer is not None:
            atlas.setCoverageLayer(atlas_layer)
            atlas.setEnabled(True)
            atlas.setHideCoverage(False)
            if atlas_name_field:
                quoted = QgsExpression.quotedColumnRef(atlas_name_field)
                atlas.setPageNameExpression(quoted)
                atlas.setSortFeatures(True)
                atlas.setSortExpression(quoted)
            map_item.setAtlasDriven(True)
            map_item.setAtlasScalingMode(QgsLayoutItemMap.AtlasScalingMode.Auto)
            map_item.setAtlasMargin(0.12)
            if isinstance(legend, QgsLayoutItemLegend):
                legend.setLegendFilterOutAtlas(False)
            pages = atlas.updateFeatures()
            if pages == 0:
                raise SundplanError(
                    tr("The atlas coverage layer '{layer}' has no features to print.").format(
                        layer=atlas_src.name()
                    )
                )
            slots = [f.show_feature for f in (summary, figure) if f is not None]
            for slot in slots:
                atlas.featureChanged.connect(slot)
            try:
                result, error = QgsLayoutExporter.exportToPdf(atlas, pdf_path, settings, feedback)
            finally:
                for slot in slots:
                    atlas.featureChanged.disconnect(slot)
        else:
            result = QgsLayoutExporter(layout).exportToPdf(pdf_path, settings)
            error = ""
        if result != QgsLayoutExporter.ExportResult.Success:
            raise SundplanError(
                tr("Could not write the PDF {file}: {error}").format(
                    file=pdf_path, error=error or _export_error(result)
                )
            )
        feedback.pushInfo(tr("{pages} page(s) written.").format(pages=pages))
        self._report = {
            "pages": pages,
            "kind": kind,
            "language": language,
            "coverage": figure.report() if figure is not None else None,
        }
        if figure is not None:
            for line in figure.log_lines():
                feedback.pushInfo(line)
        return pages

    def _file(self, parameters, key: str, context) -> str:
        """The file of parameter ``key`` ("" when not given); a message naming the parameter
        when it was given but is not an existing file (never silently left out)."""
        path = self.parameterAsFile(parameters, key, context) or ""
        given = parameters.get(key)
        if _is_given(given) and not (path and Path(path).is_file()):
            raise SundplanError(
                tr("The file given for {parameter} does not exist: {file}.").format(
                    parameter=key, file=path or _parameter_text(given)
                )
            )
        return path

    def _layer(self, parameters, key: str, context, *, vector: bool = True):
        """The layer of parameter ``key`` (None when not given); a clear message when it was
        given but cannot be opened, or when its filter is not valid."""
        value = parameters.get(key)
        if vector:
            layer = self.parameterAsVectorLayer(parameters, key, context)
        else:
            layer = self.parameterAsLayer(parameters, key, context)
        if not _is_given(value):
            return layer
        if layer is None or not layer.isValid():
            raise SundplanError(
                tr(
                    "The layer given for {parameter} could not be opened: {value}. Check the "
                    "file path and the layer name after '|layername=', or leave {parameter} "
                    "empty."
                ).format(parameter=key, value=_parameter_text(value))
            )
        if isinstance(layer, QgsVectorLayer) and layer.subsetString() and layer.featureCount() < 0:
            raise SundplanError(
                tr(
                    "The filter of the layer '{layer}' given for {parameter} is not valid: "
                    "{filter}. Write it as a QGIS expression on the layer's fields ({fields}), "
                    "e.g. kommune = 'Læsø'."
                ).format(
                    layer=display_name(layer),
                    parameter=key,
                    filter=layer.subsetString(),
                    fields=_field_list(layer),
                )
            )
        return layer

    def _field(self, parameters, key: str, parent_key: str, layer, context, feedback=None) -> str:
        """The field named by parameter ``key`` ("" when not given); a clear message naming the
        parameter, the layer and its fields when the layer has no such field."""
        name = self.parameterAsString(parameters, key, context) or ""
        if name and layer is None:
            if feedback is not None:
                feedback.pushWarning(
                    tr(
                        "{parameter} is ignored: it names a field of {parent}, which is empty."
                    ).format(parameter=key, parent=parent_key)
                )
            return ""
        if not name:
            return name
        if layer.fields().indexOf(name) < 0:
            raise SundplanError(
                tr(
                    "The field '{field}' given for {parameter} is not in the layer '{layer}' "
                    "({parent}). Its fields are: {fields}. Choose one of them, or leave "
                    "{parameter} empty to use the first name-like field."
                ).format(
                    field=name,
                    parameter=key,
                    layer=display_name(layer),
                    parent=parent_key,
                    fields=_field_list(layer),
                )
            )
        return name

    def _template_path(self, parameters, context) -> Path:
        own = self._file(parameters, "TEMPLATE_FILE", context)
        if own:
            return Path(own)
        index = self.parameterAsEnum(parameters, "TEMPLATE", context)
        return LAYOUTS_DIR / f"{TEMPLATES[index][0]}.qpt"


# --------------------------------------------------------------------------- helpers
def _is_given(value) -> bool:
    return value is not None and not (isinstance(value, str) and not value.strip())


def _parameter_text(value) -> str:
    """A parameter value as the user gave it (path, layer source or text)."""
    if isinstance(value, QgsMapLayer):
        return value.source()
    source = getattr(value, "source", None)
    if source is not None and hasattr(source, "staticValue"):
        return str(source.staticValue())
    return str(value)


def _field_list(layer: QgsVectorLayer, most: int = 25) -> str:
    """The layer's field names for a message (at most ``most``, then how many more)."""
    names = layer.fields().names()
    text = ", ".join(names[:most]) or "-"
    if len(names) > most:
        text += tr(" … ({n} more)").format(n=len(names) - most)
    return text


def _filter_text(layer: QgsVectorLayer) -> str:
    """`` (filter: "x" = 1)`` when the layer is filtered, else ``""`` (for messages)."""
    subset = layer.subsetString() if isinstance(layer, QgsVectorLayer) else ""
    return tr(" (filter: {filter})").format(filter=subset) if subset else ""


def _escape_expressions(text: str) -> str:
    """Layout labels evaluate ``[% ... %]``: keep user text literal."""
    return text.replace("[%", "[ %")


def _prepare_output(output: str) -> str:
    """Check the PDF destination can be written; return a temporary path beside it."""
    if not output:
        raise SundplanError(tr("No PDF file name was given."))
    path = Path(output)
    if path.suffix.lower() != ".pdf":
        raise SundplanError(
            tr(
                "The PDF file name {file} (OUTPUT) does not end in .pdf; give a name ending in "
                ".pdf."
            ).format(file=output)
        )
    try:
        path.parent.mkdir(parents=True, exist_ok=True)
        fd, tmp = tempfile.mkstemp(prefix=f".{path.stem}.", suffix=".pdf.part", dir=path.parent)
        os.close(fd)
    except OSError as exc:
        raise SundplanError(
            tr(
                "The PDF cannot be written to {file}: {reason}. Choose a folder you can write to."
            ).format(file=output, reason=exc.strerror or exc)
        ) from None
    if path.is_dir():
        os.remove(tmp)
        raise SundplanError(
            tr("The PDF destination {file} is a folder; give a file name ending in .pdf.").format(
                file=output
            )
        )
    return tmp


def _check_report_path(report: str, output: str) -> None:
    """The run report must not overwrite the PDF and its folder must be writable."""
    if not report:
        return
    if os.path.abspath(report) == os.path.abspath(output):
        raise SundplanError(
            tr(
                "The run report (REPORT) and the PDF (OUTPUT) were given the same file {file}; "
                "give the report its own name ending in .json."
            ).format(file=report)
        )
    if Path(report).suffix.lower() != ".json":
        raise SundplanError(
            tr(
                "The run report {file} (REPORT) does not end in .json; give a name ending in "
                ".json (a text copy is written beside it)."
            ).format(file=report)
        )
    folder = Path(report).parent
    try:
        folder.mkdir(parents=True, exist_ok=True)
        writable = os.access(folder, os.W_OK)
    except OSError:
        writable = False
    if not writable or Path(report).is_dir():
        raise SundplanError(
            tr(
                "The run report cannot be written to {file}. Choose a folder you can write to."
            ).format(file=report)
        )


def _export_error(result) -> str:
    names = {
        QgsLayoutExporter.ExportResult.FileError: tr("the file could not be written"),
        QgsLayoutExporter.ExportResult.PrintError: tr("printing failed"),
        QgsLayoutExporter.ExportResult.MemoryError: tr("not enough memory"),
        QgsLayoutExporter.ExportResult.IteratorError: tr("the atlas could not be prepared"),
        QgsLayoutExporter.ExportResult.Canceled: tr("cancelled"),
    }
    return names.get(result, str(result))


def _load_template(project: QgsProject, path: Path, feedback) -> QgsPrintLayout:
    """A print layout of ``project`` from the .qpt at ``path`` (with the required items)."""
    if not path.is_file():
        raise SundplanError(tr("The layout template {file} does not exist.").format(file=path))
    document = QDomDocument()
    if not document.setContent(path.read_text("utf-8")):
        raise SundplanError(tr("The layout template {file} is not valid XML.").format(file=path))
    layout = QgsPrintLayout(project)
    _items, ok = layout.loadFromTemplate(document, QgsReadWriteContext())
    if not ok:
        raise SundplanError(tr("The layout template {file} could not be loaded.").format(file=path))
    ids = {item.id() for item in layout.items() if hasattr(item, "id")}
    missing = [i for i in REQUIRED_ITEMS if i not in ids]
    if missing:
        raise SundplanError(
            tr("The layout template {file} has no item with the id {ids}.").format(
                file=path, ids=", ".join(missing)
            )
        )
    return layout


def _reopen(layer: QgsMapLayer, *, default_style: bool) -> QgsMapLayer:
    """A fresh layer on the same source (with or without the source's default style)."""
    if isinstance(layer, QgsRasterLayer):
        options = QgsRasterLayer.LayerOptions()
        options.loadDefaultStyle = default_style
        return QgsRasterLayer(layer.source(), layer.name(), layer.providerType(), options)
    options = QgsVectorLayer.LayerOptions()
    options.loadDefaultStyle = default_style
    return QgsVectorLayer(layer.source(), layer.name(), layer.providerType(), options)


def detect_kind(layer: QgsMapLayer, provenance: dict | None = None) -> str:
    """Which sundplan output this is (a style name in resources/styles), or ``""``.

    By the raster's ``units`` tag or the vector's fields; the provenance's algorithm id
    settles the cases the data alone does not (e.g. a scenario raster without tags).
    """
    algorithm = str((provenance or {}).get("algorithm") or "")
    if isinstance(layer, QgsRasterLayer):
        units = _raster_metadata(layer).get("units", "").lower()
        if units.startswith("minutes") and ("scenario" in units or "baseline" in units):
            return "travel_time_change"
        if algorithm == "sundplan:catchment_scenario":
            return "travel_time_change"
        if units.startswith("minutes") or algorithm == "sundplan:catchments":
            return "travel_time"
        return ""
    names = set(layer.fields().names())
    if {"hospital_id", "hospital"} <= names:
        return "catchments"
    if "band_id" in names:
        return "travel_time_bands"
    if "mean_min" in names and "area_name" in names:
        return "area_summary"
    if "need_inhabitants_per_gp" in names or (
        algorithm == "sundplan:gp_density" and "inhabitants_per_gp" in names
    ):
        return "gp_density"
    if "access_per_10000" in names:
        return "fca_access"
    if "access_mean_per_10000" in names:
        return "fca_access_areas"
    if {"fair_share", "ratio", "class"} <= names:
        return "specialist_gaps"
    if {"from_area", "to_area", "capacities"} <= names:
        return "specialist_relocations"
    return ""


def _unique_values(layer: QgsVectorLayer, field: str) -> list:
    index = layer.fields().indexOf(field)
    if index < 0:
        return []
    return sorted((v for v in layer.uniqueValues(index) if _plain(v) not in (None, "")), key=str)


def _first_value(layer: QgsVectorLayer, field: str):
    if layer.fields().indexOf(field) < 0:
        return None
    request = QgsFeatureRequest().setSubsetOfAttributes([field], layer.fields()).setLimit(1)
    request.setFlags(QgsFeatureRequest.Flag.NoGeometry)
    for feature in layer.getFeatures(request):
        return _plain(feature[field])
    return None


def layer_details(layer: QgsMapLayer, kind: str, provenance: dict | None) -> dict:
    """What the page texts need to know from the mapped data itself (see page_text.title).

    Specialist gaps: the specialty when the layer (or its filter) holds one, the number of
    specialties otherwise, the reference total (Σ fair shares of that specialty); 2SFCA: the
    method and travel-time method written into the output; scenario: the added hospitals'
    names (read from the run's ADD_HOSPITALS layer when it still exists).
    """
    details: dict = {}
    params = (provenance or {}).get("parameters") or {}
    if isinstance(layer, QgsVectorLayer) and kind in ("specialist_gaps", "specialist_relocations"):
        specialties = _unique_values(layer, "specialty")
        details["n_specialties"] = len(specialties)
        if len(specialties) == 1:
            details["specialty"] = str(specialties[0])
            if kind == "specialist_gaps":
                total = 0.0
                for feature in layer.getFeatures():
                    value = _plain(feature["fair_share"])
                    if isinstance(value, int | float):
                        total += float(value)
                details["reference_total"] = round(total, 6)
    if isinstance(layer, QgsVectorLayer) and kind in ("fca_access", "fca_access_areas"):
        details["method_label"] = _first_value(layer, "method") or ""
        details["time_method"] = _first_value(layer, "time_method") or ""
        details["specialist"] = bool(params.get("SPECIALTIES"))
    if kind == "travel_time_change" and params.get("ADD_HOSPITALS"):
        added = QgsVectorLayer(str(params["ADD_HOSPITALS"]), "added", "ogr")
        name_field = str(params.get("ADD_NAME_FIELD") or "")
        if added.isValid():
            name_field = name_field or _guess_name_field(added)
            if name_field and added.fields().indexOf(name_field) >= 0:
                names = [str(f[name_field]) for f in added.getFeatures()]
                details["added"] = ", ".join(n for n in names if n and n != "NULL")
    return details


# Per kind: the provenance parameter naming the run's per-area table (the default summary).
SUMMARY_OUTPUTS = {"fca_access": "AREA_ACCESS", "travel_time_change": "AREA_CHANGES"}
# Kinds that are their own summary table (a row per area).
SELF_SUMMARY_KINDS = ("gp_density", "fca_access_areas", "specialist_gaps")


def default_summary_layer(source: QgsMapLayer, kind: str, provenance: dict | None):
    """The summary table for a page without SUMMARY: the layer itself for per-area outputs,
    the run's own per-area output for the 2SFCA points and the scenario raster, else None."""
    if kind in SELF_SUMMARY_KINDS and isinstance(source, QgsVectorLayer):
        return source
    key = SUMMARY_OUTPUTS.get(kind)
    value = ((provenance or {}).get("parameters") or {}).get(key) if key else None
    if not value or not isinstance(value, str):
        return None
    if not Path(value.split("|", 1)[0]).is_file():
        return None
    layer = QgsVectorLayer(value, key.lower(), "ogr")
    return layer if layer.isValid() and layer.featureCount() > 0 else None


def _prepare_layer(
    source: QgsMapLayer, style: str | None, context, provenance: dict | None = None
) -> tuple[QgsMapLayer, str]:
    """The layer to draw (a copy, styled) and its kind (see :func:`detect_kind`)."""
    kind = detect_kind(source, provenance)
    in_project = context.project() is not None and context.project().mapLayer(source.id())
    if style:
        layer = _reopen(source, default_style=False)
        message, ok = layer.loadNamedStyle(style)
        if not ok:
            raise SundplanError(
                tr("The style {file} could not be applied to '{layer}': {error}").format(
                    file=style, layer=source.name(), error=message
                )
            )
        return layer, kind
    if in_project:  # the user's own styling in the open project
        return source.clone(), kind
    layer = _reopen(source, default_style=False)
    _message, has_default = layer.loadDefaultStyle()
    if not has_default and kind:
        qml = STYLES_DIR / f"{kind}.qml"
        if qml.is_file():
            layer.loadNamedStyle(str(qml))
    return layer, kind


def tidy_categories(layer: QgsMapLayer, kind: str) -> None:
    """Legend for print: only the categories present; catchments named by their hospital.

    The stored styles carry classes for up to 24 hospitals ("Sygehus nr. 13") and an "other
    values" class; a printed legend should list what is on the map.
    """
    if not isinstance(layer, QgsVectorLayer):
        return
    renderer = layer.renderer()
    if not isinstance(renderer, QgsCategorizedSymbolRenderer):
        return
    field = renderer.classAttribute()
    index = layer.fields().indexOf(field)
    if index < 0:
        return
    present = {v for v in layer.uniqueValues(index) if v is not None}
    names = {}
    if kind == "catchments" and layer.fields().indexOf("hospital") >= 0:
        for feature in layer.getFeatures():
            names[feature[field]] = feature["hospital"]
    covered = {c.value() for c in renderer.categories() if c.value() not in ("", None)}
    for i in reversed(range(len(renderer.categories()))):
        category = renderer.categories()[i]
        value = category.value()
        if value in ("", None):
            if present <= covered:
                renderer.deleteCategory(i)
        elif value not in present:
            renderer.deleteCategory(i)
        elif value in names and names[value]:
            renderer.updateCategoryLabel(i, str(names[value]))


def style_needs(layer: QgsMapLayer) -> set[str]:
    """Field names the layer's renderer and labels refer to."""
    needed: set[str] = set()
    if not isinstance(layer, QgsVectorLayer):
        return needed
    context = QgsRenderContext()
    renderer = layer.renderer()
    if renderer is not None:
        needed |= {n for n in renderer.usedAttributes(context) if n}
    if layer.labelsEnabled() and layer.labeling() is not None:
        labeling = layer.labeling()
        providers = labeling.subProviders() if hasattr(labeling, "subProviders") else [""]
        for provider in providers:
            settings = labeling.settings(provider)
            if settings is not None:
                needed |= {n for n in settings.referencedFields(context) if n}
    return needed


def check_style_fields(layer: QgsMapLayer, style_name: str) -> None:
    """Refuse a style that needs fields the layer lacks (it would draw nothing or wrongly)."""
    if isinstance(layer, QgsRasterLayer):
        renderer = layer.renderer()
        bands = renderer.usesBands() if renderer is not None else []
        too_high = [b for b in bands if b > layer.bandCount()]
        if too_high:
            raise SundplanError(
                tr(
                    "The style of '{layer}' uses band {band}, but the raster has {count} "
                    "band(s). Choose the matching sundplan output or another style."
                ).format(layer=display_name(layer), band=too_high[0], count=layer.bandCount())
            )
        return
    available = set(layer.fields().names())
    missing = sorted(style_needs(layer) - available)
    if missing:
        raise SundplanError(
            tr(
                "The style of '{layer}' ({style}) needs the field(s) {missing}, which the layer "
                "does not have (it has: {available}). Map the sundplan output the style is "
                "made for, or give a STYLE that fits this layer."
            ).format(
                layer=display_name(layer),
                style=style_name,
                missing=", ".join(missing),
                available=", ".join(sorted(available)) or "-",
            )
        )


def _raster_metadata(layer: QgsMapLayer) -> dict[str, str]:
    """GDAL metadata of a raster layer's file (lower-case keys), {} when not a GDAL file."""
    try:
        from osgeo import gdal
    except ImportError:
        return {}
    path = layer.source().split("|", 1)[0]
    if not os.path.isfile(path):
        return {}
    dataset = gdal.Open(path)
    if dataset is None:
        return {}
    metadata = {k.lower(): v for k, v in (dataset.GetMetadata() or {}).items()}
    band = dataset.GetRasterBand(1)
    metadata.update({k.lower(): v for k, v in (band.GetMetadata() or {}).items()})
    dataset = None
    return metadata


def _parse_json_after_brace(text: str) -> dict | None:
    start = text.find("{")
    if start < 0:
        return None
    try:
        value, _end = json.JSONDecoder().raw_decode(text[start:])
    except json.JSONDecodeError:
        return None
    return value if isinstance(value, dict) else None


def read_provenance(layer: QgsMapLayer) -> dict | None:
    """The sundplan provenance record of an output (layer metadata or GeoTIFF tag)."""
    if isinstance(layer, QgsRasterLayer):
        tag = _raster_metadata(layer).get("sundplan_provenance")
        if tag:
            return _parse_json_after_brace(tag)
    abstract = layer.metadata().abstract() if layer.metadata() is not None else ""
    if not abstract and isinstance(layer, QgsVectorLayer):
        reopened = QgsVectorLayer(layer.source(), "p", layer.providerType())
        abstract = reopened.metadata().abstract()
    return _parse_json_after_brace(abstract or "")


def _synthetic_file(path_or_uri: str) -> tuple[bool, int | None]:
    """Is a file (or ``file|layername=x``) sundplan's synthetic sample data? (+ the seed)."""
    path = str(path_or_uri).split("|", 1)[0]
    texts: list[str] = []
    if os.path.isfile(path):
        readme = Path(path).parent / "README.txt"
        if path.lower().endswith((".osm", ".pbf")) and readme.is_file():
            texts.append(readme.read_text("utf-8", errors="replace")[:300])
        else:
            try:
                from osgeo import gdal

                dataset = gdal.OpenEx(path)
            except (ImportError, RuntimeError):
                dataset = None
            if dataset is not None:
                texts.extend(f"{k}={v}" for k, v in (dataset.GetMetadata() or {}).items())
                match = re.search(r"layername=([^|]+)", str(path_or_uri))
                layer = dataset.GetLayerByName(match.group(1)) if match else None
                if layer is None and dataset.GetLayerCount():
                    layer = dataset.GetLayer(0)
                if layer is not None:
                    texts.extend(f"{k}={v}" for k, v in (layer.GetMetadata() or {}).items())
                dataset = None
    joined = "\n".join(texts)
    synthetic = "SYNTHETIC=1" in joined or "SYNTHETIC sample data" in joined
    seed = re.search(r"seed (\d+)", joined)
    return synthetic, int(seed.group(1)) if seed else None


def describe_inputs(
    provenance: dict | None, layer: QgsMapLayer
) -> tuple[list[page_text.SourceInfo], int | None]:
    """The inputs named in the provenance, as :class:`page_text.SourceInfo` (+ sample seed)."""
    sources: list[page_text.SourceInfo] = []
    seed = None
    params = (provenance or {}).get("parameters") or {}
    if provenance is None:
        synthetic, seed = _synthetic_file(layer.source())
        if synthetic:
            sources.append(page_text.SourceInfo("other", layer.name(), synthetic=True))
        return sources, seed
    roles = (
        ("hospitals", ("HOSPITALS",)),
        ("network", ("NETWORK_FILE", "NETWORK_LAYER")),
        ("population", ("POPULATION_RASTER", "POPULATION_LAYER")),
        ("areas", ("AREAS",)),
        ("practices", ("PRACTICES", "CAPACITY_TABLE")),
    )
    for role, keys in roles:
        value = next((params.get(k) for k in keys if params.get(k)), None)
        if value is None:
            if role == "hospitals" and str(provenance.get("algorithm", "")).startswith(
                "sundplan:catchment"
            ):
                sources.append(page_text.SourceInfo("hospitals", embedded=True))
            continue
        value = str(value)
        synthetic, found_seed = _synthetic_file(value)
        seed = seed or found_seed
        name = Path(value.split("|", 1)[0]).name
        layername = re.search(r"layername=([^|]+)", value)
        if layername:
            name = f"{name} ({layername.group(1)})"
        osm = value.split("|", 1)[0].lower().endswith((".osm", ".pbf"))
        sources.append(page_text.SourceInfo(role, name, osm=osm, synthetic=synthetic))
    return sources, seed


def display_name(layer: QgsMapLayer) -> str:
    """The GeoPackage layer name of ``file.gpkg|layername=x`` sources, else the layer name."""
    match = re.search(r"layername=([^|]+)", layer.source())
    return match.group(1) if match else layer.name()


def _guess_name_field(layer: QgsVectorLayer) -> str:
    names = layer.fields().names()
    for candidate in NAME_FIELDS:
        if candidate in names:
            return candidate
    for field in layer.fields():
        if field.type() == 10 or field.typeName().lower() in ("string", "text", "varchar"):
            return field.name()
    return ""


def _clone_plain(layer: QgsVectorLayer) -> QgsVectorLayer:
    clone = layer.materialize(QgsFeatureRequest()) if layer.providerType() == "memory" else None
    if clone is None:
        options = QgsVectorLayer.LayerOptions()
        options.loadDefaultStyle = False
        clone = QgsVectorLayer(layer.source(), layer.name(), layer.providerType(), options)
        if layer.subsetString():
            clone.setSubsetString(layer.subsetString())
    return clone


def _backdrop_layers(
    source: QgsVectorLayer, label_field: str, language: str
) -> tuple[QgsVectorLayer, QgsVectorLayer]:
    """Grey fill under the output; boundaries and names over it."""
    fill = _clone_plain(source)
    fill.setName("backdrop_fill")
    fill.setRenderer(
        QgsSingleSymbolRenderer(
            QgsFillSymbol.createSimple(
                {"color": "#ececec", "outline_color": "#ececec", "outline_width": "0.1"}
            )
        )
    )
    lines = _clone_plain(source)
    lines.setName(page_text.backdrop_title(display_name(source), language=language))
    lines.setRenderer(
        QgsSingleSymbolRenderer(
            QgsFillSymbol.createSimple(
                {
                    "style": "no",
                    "outline_color": "#5a5a5a",
                    "outline_width": "0.3",
                    "joinstyle": "round",
                }
            )
        )
    )
    if label_field:
        settings = QgsPalLayerSettings()
        settings.fieldName = label_field
        settings.placement = Qgis.LabelPlacement.Horizontal
        settings.setFormat(_text_format(7.5, "#3a3a3a", italic=True))
        settings.priority = 3
        lines.setLabeling(QgsVectorLayerSimpleLabeling(settings))
        lines.setLabelsEnabled(True)
    return fill, lines


def _points_layer(source: QgsVectorLayer, label_field: str, language: str) -> QgsVectorLayer:
    points = _clone_plain(source)
    points.setName(page_text.points_title(display_name(source), language=language))
    symbol = QgsMarkerSymbol.createSimple(
        {
            "name": "square",
            "color": "#b2182b",
            "outline_color": "#ffffff",
            "outline_width": "0.4",
            "size": "3",
        }
    )
    cross = QgsMarkerSymbol.createSimple(
        {
            "name": "cross2",
            "color": "#ffffff",
            "outline_color": "#ffffff",
            "size": "2.2",
            "outline_width": "0.5",
        }
    )
    symbol.appendSymbolLayer(cross.symbolLayer(0).clone())
    points.setRenderer(QgsSingleSymbolRenderer(symbol))
    if label_field:
        settings = QgsPalLayerSettings()
        settings.fieldName = label_field
        settings.placement = Qgis.LabelPlacement.OrderedPositionsAroundPoint
        settings.dist = 1.5
        settings.setFormat(_text_format(8, "#7a0f1c", bold=True))
        settings.priority = 8
        points.setLabeling(QgsVectorLayerSimpleLabeling(settings))
        points.setLabelsEnabled(True)
    return points


def _atlas_fade_layer(source: QgsVectorLayer) -> QgsVectorLayer:
    """Fades the areas other than the page's and outlines the page's area."""
    layer = _clone_plain(source)
    layer.setName("atlas_highlight")
    root = QgsRuleBasedRenderer.Rule(None)
    fade = QgsFillSymbol.createSimple({"color": "255,255,255,150", "outline_style": "no"})
    root.appendChild(QgsRuleBasedRenderer.Rule(fade, 0, 0, "@atlas_featureid <> $id"))
    outline = QgsFillSymbol.createSimple(
        {"style": "no", "outline_color": "#1a1a1a", "outline_width": "0.8", "joinstyle": "round"}
    )
    root.appendChild(QgsRuleBasedRenderer.Rule(outline, 0, 0, "@atlas_featureid = $id"))
    layer.setRenderer(QgsRuleBasedRenderer(root))
    return layer


def _extent(layers, crs, project) -> QgsRectangle:
    extent = QgsRectangle()
    extent.setNull()
    for layer in layers:
        if layer is None:
            continue
        rect = layer.extent()
        if rect.isNull() or rect.isEmpty():
            continue
        if layer.crs() != crs:
            transform = QgsCoordinateTransform(layer.crs(), crs, project)
            rect = transform.transformBoundingBox(rect)
        extent.combineExtentWith(rect)
    return extent


def _grow(rect: QgsRectangle, fraction: float) -> QgsRectangle:
    grown = QgsRectangle(rect)
    if not grown.isNull():
        grown.grow(max(grown.width(), grown.height()) * fraction)
    return grown


def _fill_legend(legend: QgsLayoutItemLegend, layers: list[QgsMapLayer]) -> None:
    """Only the mapped output and the backdrop's boundaries in the legend (no helpers)."""
    legend.setAutoUpdateModel(False)
    root = legend.model().rootGroup()
    root.removeAllChildren()
    model = legend.model()
    for layer in layers:
        node = root.addLayer(layer)
        if isinstance(layer, QgsRasterLayer):
            # the pseudocolour legend starts with "Band 1: <description> (Gray)": not for print
            nodes = model.layerLegendNodes(node)
            band_names = {layer.renderer().displayBandName(b) for b in layer.renderer().usesBands()}
            keep = [
                i
                for i, legend_node in enumerate(nodes)
                if legend_node.data(Qt.DisplayRole) not in band_names
            ]
            if len(keep) < len(nodes):
                QgsMapLayerLegendUtils.setLegendNodeOrder(node, keep)
                model.refreshLayerLegend(node)
    legend.updateLegend()


def _fit_one_line(label: QgsLayoutItemLabel, text: str, *, smallest: float = 0.6) -> None:
    """Smaller text until ``text`` fits the label's width on one line (down to 60 %)."""
    fmt = QgsTextFormat(label.textFormat())
    start = fmt.size()
    width = label.rect().width()
    while _text_width_mm(text, fmt) * 1.03 > width and fmt.size() > start * smallest:
        fmt.setSize(fmt.size() * 0.95)
    label.setTextFormat(fmt)


def _grow_legend_into_free_space(items: dict) -> None:
    """Without a summary table, the legend may use the table's place."""
    legend, table = items.get("legend"), items.get("summary_table")
    note = items.get("summary_note") or table
    if legend is None or table is None:
        return
    if abs(legend.pos().x() - table.pos().x()) > 1.0:  # portrait: legend beside the table
        return
    bottom = note.pos().y() + note.rect().height()
    legend.attemptResize(
        QgsLayoutSize(
            legend.rect().width(), bottom - legend.pos().y(), QgsUnitTypes.LayoutMillimeters
        )
    )


def _reclaim_overview_space(items: dict) -> None:
    """Without an atlas there is no overview inset: its neighbour in the column takes its place.

    Landscape templates have it above the legend (the legend moves up), portrait ones below
    the summary table (the table grows down, its note moves with it).
    """
    overview = items.get("overview_map")
    legend, frame, note = (items.get(k) for k in ("legend", "summary_table", "summary_note"))
    if overview is None:
        return
    mm = QgsUnitTypes.LayoutMillimeters
    top, bottom = overview.pos().y(), overview.pos().y() + overview.rect().height()
    if legend is not None and abs(legend.pos().x() - overview.pos().x()) <= 1.0:
        if legend.pos().y() > top:
            legend_bottom = legend.pos().y() + legend.rect().height()
            legend.attemptMove(QgsLayoutPoint(legend.pos().x(), top, mm))
            legend.attemptResize(QgsLayoutSize(legend.rect().width(), legend_bottom - top, mm))
            return
    if frame is not None and abs(frame.pos().x() - overview.pos().x()) <= 1.0:
        lowest = note if note is not None else frame
        if overview.pos().y() > frame.pos().y():
            extra = bottom - (lowest.pos().y() + lowest.rect().height())
            if extra > 0:
                frame.attemptResize(
                    QgsLayoutSize(frame.rect().width(), frame.rect().height() + extra, mm)
                )
                if note is not None:
                    note.attemptMove(QgsLayoutPoint(note.pos().x(), note.pos().y() + extra, mm))


def _legend_into_spare_table_room(items: dict, summary: SummaryFiller) -> None:
    """A short table below the legend (side panel) gives its unused height to the legend."""
    legend, frame = items.get("legend"), items.get("summary_table")
    if legend is None or frame is None or abs(legend.pos().x() - frame.pos().x()) > 1.0:
        return
    spare = frame.rect().height() - summary.table.totalHeight() - 2.0
    if spare <= 1.0:
        return
    for item_id in ("summary_title", "summary_table", "summary_note"):
        item = items.get(item_id)
        if item is not None:
            item.attemptMove(
                QgsLayoutPoint(
                    item.pos().x(), item.pos().y() + spare, QgsUnitTypes.LayoutMillimeters
                )
            )
    frame.attemptResize(
        QgsLayoutSize(
            frame.rect().width(), frame.rect().height() - spare, QgsUnitTypes.LayoutMillimeters
        )
    )
    legend.attemptResize(
        QgsLayoutSize(
            legend.rect().width(), legend.rect().height() + spare, QgsUnitTypes.LayoutMillimeters
        )
    )


def _legend_content_size(legend: QgsLayoutItemLegend) -> tuple[float, float]:
    from qgis.core import QgsLegendRenderer

    renderer = QgsLegendRenderer(legend.model(), legend.legendSettings())
    size = renderer.minimumSize()
    return size.width(), size.height()


def _wrap_long_legend_labels(legend: QgsLayoutItemLegend) -> None:
    """Labels wider than the legend box break at a space (the legend's wrap string)."""
    wrap = legend.wrapString()
    if not wrap:
        return
    fmt = legend.rstyle(QgsLegendStyle.SymbolLabel).textFormat()
    room = legend.rect().width() - legend.symbolWidth() - 6.0
    model = legend.model()
    for node in model.rootGroup().findLayers():
        changed = False
        for index, legend_node in enumerate(model.layerLegendNodes(node)):
            text = str(legend_node.data(Qt.DisplayRole) or "")
            if wrap in text or _text_width_mm(text, fmt) <= room:
                continue
            lines, line = [], ""
            for part in text.split(" "):
                candidate = f"{line} {part}".strip()
                if line and _text_width_mm(candidate, fmt) > room:
                    lines.append(line)
                    line = part
                else:
                    line = candidate
            lines.append(line)
            QgsMapLayerLegendUtils.setLegendNodeUserLabel(node, index, wrap.join(lines))
            changed = True
        if changed:
            model.refreshLayerLegend(node)
    legend.updateLegend()


def _fit_legend(legend: QgsLayoutItemLegend) -> None:
    """Keep the legend inside its box: long labels wrapped, more columns, then smaller text."""
    _wrap_long_legend_labels(legend)
    box_w, box_h = legend.rect().width(), legend.rect().height()
    width, height = _legend_content_size(legend)
    columns = 1
    while height > box_h and columns < 3:
        columns += 1
        legend.setColumnCount(columns)
        legend.setSplitLayer(True)
        legend.updateLegend()
        width, height = _legend_content_size(legend)
        if width > box_w:  # more columns do not fit side by side: back off
            columns -= 1
            legend.setColumnCount(columns)
            legend.updateLegend()
            width, height = _legend_content_size(legend)
            break
    factor = 1.0
    while (height > box_h or width > box_w) and factor > 0.55:
        factor *= 0.9
        for style in (
            QgsLegendStyle.Title,
            QgsLegendStyle.Group,
            QgsLegendStyle.Subgroup,
            QgsLegendStyle.SymbolLabel,
        ):
            fmt = legend.rstyle(style).textFormat()
            fmt.setSize(fmt.size() * 0.9)
            legend.rstyle(style).setTextFormat(fmt)
        legend.setSymbolHeight(legend.symbolHeight() * 0.9)
        legend.setSymbolWidth(legend.symbolWidth() * 0.9)
        legend.updateLegend()
        width, height = _legend_content_size(legend)


# --------------------------------------------------------------------------- not reached
# Kinds whose pages show placed residents: the key figure "Ikke nået" is on every page of them
# (other kinds only when their area table has the counts).
RESIDENT_KINDS = page_text.TRAVEL_KINDS + page_text.ACCESS_KINDS
# Kinds drawn as a surface of travel times: where they leave land blank, it is hatched as
# "not reached" (the hatch lies under the output, a knock-out copy of the output hides it).
HATCH_KINDS = ("travel_time", "travel_time_bands", "catchments", "travel_time_change")
# Provenance parameters naming a run's per-area table (with the not-reached counts).
AREA_TABLE_OUTPUTS = ("AREA_SUMMARY", "AREA_ACCESS", "AREA_CHANGES", "OUTPUT")
NOT_REACHED_BAND_WORDS = ("not reached", "ikke nået", "unreached", "not_reached")
NOT_REACHED_BAND_ID = -1  # the bands style's class for residents not reached


def _has_counts(layer) -> bool:
    return isinstance(layer, QgsVectorLayer) and page_text.has_not_reached_counts(
        layer.fields().names()
    )


def coverage_table(source, kind: str, provenance: dict | None, summary_src):
    """The per-area table with ``pop_unsnapped`` and ``pop_unreachable`` for this page: the
    summary table, the mapped layer itself, or the run's own per-area output (provenance);
    None when none of them has both counts (the figure is then "unknown", never 0)."""
    for candidate in (summary_src, source):
        if _has_counts(candidate):
            return candidate
    params = (provenance or {}).get("parameters") or {}
    for key in AREA_TABLE_OUTPUTS:
        value = params.get(key)
        if not isinstance(value, str) or not value:
            continue
        if not Path(value.split("|", 1)[0]).is_file():
            continue
        layer = QgsVectorLayer(value, key.lower(), "ogr")
        if layer.isValid() and _has_counts(layer):
            return layer
    return None


def report_totals(provenance: dict | None) -> page_text.NotReached | None:
    """The run's totals from its JSON run report (section ``coverage`` or ``population``), for
    outputs made without areas; None when there is no such report."""
    params = (provenance or {}).get("parameters") or {}
    path = params.get("REPORT")
    if not isinstance(path, str) or not os.path.isfile(path):
        return None
    try:
        report = json.loads(Path(path).read_text("utf-8"))
    except (OSError, ValueError):
        return None
    for key in ("coverage", "population"):
        section = report.get(key) if isinstance(report, dict) else None
        if not isinstance(section, dict):
            continue
        row = {
            "pop_unsnapped": section.get("unsnapped"),
            "pop_unreachable": section.get("unreachable"),
            "population": section.get("total"),
        }
        totals = page_text.not_reached_totals([row])
        if totals.known:
            return totals
    return None


def _polygons_or_none(layer):
    if isinstance(layer, QgsVectorLayer) and layer.geometryType() == Qgis.GeometryType.Polygon:
        return layer
    return None


def not_reached_symbol() -> QgsFillSymbol:
    """The "not reached" class of the bands style (grey hatch on light grey, band_id -1;
    made by ``resources/styles/make_styles.py``); plain grey if the style lacks it."""
    layer = QgsVectorLayer("Polygon?crs=EPSG:25832&field=band_id:integer", "s", "memory")
    _message, ok = layer.loadNamedStyle(str(STYLES_DIR / "travel_time_bands.qml"))
    renderer = layer.renderer()
    if ok and isinstance(renderer, QgsCategorizedSymbolRenderer):
        index = renderer.categoryIndexForValue(NOT_REACHED_BAND_ID)
        if index >= 0:
            categories = renderer.categories()  # keep the copies alive while cloning
            return categories[index].symbol().clone()
    return QgsFillSymbol.createSimple({"color": "#bdbdbd", "outline_color": "#6b6b6b"})


def _not_reached_hatch_layer(land: QgsVectorLayer, language: str) -> QgsVectorLayer:
    """The land hatched as "not reached"; drawn under the output, so only what the output
    leaves blank shows (see :func:`_knockout_layer`)."""
    hatch = _clone_plain(land)
    hatch.setName(page_text.word("not_reached_class", language))
    hatch.setRenderer(QgsSingleSymbolRenderer(not_reached_symbol()))
    return hatch


def _knockout_layer(layer: QgsMapLayer) -> QgsMapLayer | None:
    """An opaque copy of the output in the backdrop's grey, under the (partly transparent)
    styled output: the hatch beneath shows only where the output has no value."""
    if isinstance(layer, QgsRasterLayer):
        from qgis.core import (
            QgsColorRampShader,
            QgsRasterShader,
            QgsSingleBandPseudoColorRenderer,
        )

        copy = _reopen(layer, default_style=False)
        if not copy.isValid():
            return None
        ramp = QgsColorRampShader()
        ramp.setColorRampType(QgsColorRampShader.Type.Discrete)
        ramp.setColorRampItemList(
            [QgsColorRampShader.ColorRampItem(float("inf"), QColor("#ececec"), "")]
        )
        shader = QgsRasterShader()
        shader.setRasterShaderFunction(ramp)
        copy.setRenderer(QgsSingleBandPseudoColorRenderer(copy.dataProvider(), 1, shader))
        copy.setName("knockout")
        return copy
    if isinstance(layer, QgsVectorLayer):
        copy = _clone_plain(layer)
        copy.setName("knockout")
        copy.setRenderer(
            QgsSingleSymbolRenderer(
                QgsFillSymbol.createSimple({"color": "#ececec", "outline_style": "no"})
            )
        )
        return copy
    return None


def _is_not_reached_band(values: dict) -> bool:
    """A band polygon row for the residents not reached (explicit class of newer outputs)."""
    text = str(values.get("band") or "").strip().lower()
    if any(w in text for w in NOT_REACHED_BAND_WORDS):
        return True
    band_id = values.get("band_id")
    if isinstance(band_id, int | float) and not isinstance(band_id, bool) and band_id < 0:
        return True
    return "from_min" in values and values.get("from_min") is None and values.get("to_min") is None


def style_not_reached_class(layer: QgsMapLayer, kind: str, language: str) -> bool:
    """Give the bands' "not reached" class (if the layer has one) the hatch and its name;
    True when the layer has such a class (then no extra legend entry is needed)."""
    if kind != "travel_time_bands" or not isinstance(layer, QgsVectorLayer):
        return False
    names = layer.fields().names()
    values = set()
    for feature in layer.getFeatures():
        row = {
            n: _plain(feature[n]) for n in ("band_id", "band", "from_min", "to_min") if n in names
        }
        if _is_not_reached_band(row):
            values.add(row.get("band_id"))
    if not values:
        return False
    renderer = layer.renderer()
    label = page_text.word("not_reached_class", language)
    if (
        isinstance(renderer, QgsCategorizedSymbolRenderer)
        and renderer.classAttribute() == "band_id"
    ):
        for value in values:
            index = renderer.categoryIndexForValue(value)
            if index >= 0:
                renderer.updateCategorySymbol(index, not_reached_symbol())
                renderer.updateCategoryLabel(index, label)
            else:
                renderer.addCategory(QgsRendererCategory(value, not_reached_symbol(), label, True))
    return True


def _add_not_reached_label(layout: QgsPrintLayout, map_item) -> QgsLayoutItemLabel:
    """The key figure box for templates without a ``not_reached`` item: the map's top left."""
    label = QgsLayoutItemLabel(layout)
    label.setId("not_reached")
    label.setTextFormat(_text_format(8, "#1f1f1f"))
    label.setMarginX(1.5)
    label.setMarginY(1.0)
    label.setBackgroundEnabled(True)
    label.setBackgroundColor(QColor(255, 255, 255, 235))
    label.setFrameEnabled(True)
    layout.addLayoutItem(label)
    mm = QgsUnitTypes.LayoutMillimeters
    label.attemptMove(QgsLayoutPoint(map_item.pos().x() + 3.0, map_item.pos().y() + 3.0, mm))
    label.attemptResize(QgsLayoutSize(min(85.0, 0.5 * map_item.rect().width()), 13.0, mm))
    return label


class AreaRows:
    """The rows of a per-area table, with a point inside each area to find a page's rows.

    Counts of residents not reached are completed (``pop_not_reached``, and
    ``share_not_reached`` when an older output lacks it), see ``page_text.with_not_reached``.
    """

    def __init__(self, source: QgsVectorLayer, crs, project):
        self.rows: list[dict] = []
        self.points = []
        self.crs = crs
        self.project = project
        self.name = display_name(source)
        transform = None
        if source.crs() != crs and source.crs().isValid():
            transform = QgsCoordinateTransform(source.crs(), crs, project)
        has_geometry = source.geometryType() not in (
            Qgis.GeometryType.Null,
            Qgis.GeometryType.Unknown,
        )
        names = source.fields().names()
        for feature in source.getFeatures():
            row = {name: _plain(feature[name]) for name in names}
            self.rows.append(page_text.with_not_reached(row))
            point = None
            if has_geometry and feature.hasGeometry():
                point = feature.geometry().pointOnSurface()
                if transform is not None:
                    point.transform(transform)
            self.points.append(point)

    def rows_for(self, geometry, name) -> list[dict]:
        """Rows whose area lies in ``geometry`` (or, without geometry, whose name matches)."""
        chosen = []
        for row, point in zip(self.rows, self.points, strict=True):
            if point is not None and geometry is not None and not geometry.isNull():
                if geometry.intersects(point):
                    chosen.append(row)
            elif name is not None and str(name) in {str(v) for v in row.values() if v}:
                chosen.append(row)
        return chosen

    def feature_rows(self, feature, coverage_crs, name_field: str) -> list[dict]:
        """Rows of an atlas feature (its geometry in the page CRS, or its name)."""
        geometry = feature.geometry() if feature.hasGeometry() else None
        if geometry is not None and coverage_crs is not None and coverage_crs != self.crs:
            geometry.transform(QgsCoordinateTransform(coverage_crs, self.crs, self.project))
        name = None
        if name_field and feature.fields().indexOf(name_field) >= 0:
            name = feature[name_field]
        return self.rows_for(geometry, name)


class NotReachedFigure:
    """Fills the key figure "Ikke nået: N (x %)": all rows, or the atlas page's rows; keeps
    what it printed for the run report."""

    def __init__(
        self, label, rows: AreaRows | None, kind, language, *, fallback=None, name_field=""
    ):
        self.label = label
        self.area_rows = rows
        self.kind = kind
        self.language = language
        self.fallback = fallback
        self.name_field = name_field
        self.printed: dict = {}
        self.total = self._totals(rows.rows if rows is not None else None)

    def _totals(self, rows) -> page_text.NotReached:
        if rows is None:
            return self.fallback or page_text.NotReached(None, None)
        return page_text.not_reached_totals(rows)

    def _show(self, totals: page_text.NotReached, page: str | None) -> None:
        figure = page_text.not_reached_figure(totals, language=self.language)
        note = page_text.not_reached_note(totals, self.kind, language=self.language)
        fmt = QgsTextFormat(self.label.textFormat())
        fmt.setAllowHtmlFormatting(True)
        self.label.setTextFormat(fmt)
        self.label.setText(f"<b>{_html(figure)}</b>\n{_html(note)}")
        self.printed[page] = {"page": page, "text": figure, **totals.as_dict()}

    def show_all(self) -> None:
        self._show(self.total, None)

    def show_feature(self, feature) -> None:
        """Slot for ``QgsLayoutAtlas.featureChanged``: the figure of the page's area."""
        if not feature.isValid():  # the atlas ends with an empty feature
            return
        name = None
        if self.name_field and feature.fields().indexOf(self.name_field) >= 0:
            name = str(_plain(feature[self.name_field]))
        if self.area_rows is None:
            totals = page_text.NotReached(None, None)
        else:
            atlas = self.label.layout().atlas()
            coverage = atlas.coverageLayer()
            rows = self.area_rows.feature_rows(
                feature, coverage.crs() if coverage is not None else None, self.name_field
            )
            totals = page_text.not_reached_totals(rows)
        self._show(totals, name if name is not None else str(feature.id()))

    def report(self) -> dict:
        """The run report's ``coverage`` section: the totals of the table and every figure
        printed (one per page)."""
        from ..sundplan_qgis import coverage as cov

        total = self.total
        section: dict = {"known": total.known, "source": self._source_name()}
        if total.known and total.population is not None:
            section.update(
                cov.summary(
                    total=total.population,
                    unsnapped=total.unsnapped or 0.0,
                    unreachable=total.unreachable or 0.0,
                )
            )
        else:
            section.update(total.as_dict())
        section["printed"] = list(self.printed.values())
        return section

    def _source_name(self) -> str:
        if self.area_rows is not None:
            return self.area_rows.name
        return "run report" if self.fallback is not None else ""

    def log_lines(self) -> list[str]:
        if not self.printed:
            return []
        first = next(iter(self.printed.values()))["text"] if len(self.printed) == 1 else None
        if first is not None:
            return [tr("Printed on the page: {figure}").format(figure=first)]
        return [
            tr("Printed on {n} pages; all areas together: {figure}").format(
                n=len(self.printed),
                figure=page_text.not_reached_figure(self.total, language=self.language),
            )
        ]


def _html(text: str) -> str:
    return text.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;")


class SummaryFiller:
    """Fills the summary text table: all rows, or the rows of the current atlas feature."""

    def __init__(
        self,
        table: QgsLayoutItemTextTable,
        frame: QgsLayoutFrame,
        note,
        heading,
        source: QgsVectorLayer,
        fields: list[str],
        language: str,
        crs,
        project,
        *,
        name_field: str = "",
    ):
        self.table = table
        self.frame = frame
        self.note = note if isinstance(note, QgsLayoutItemLabel) else None
        self.fields = fields
        self.language = language
        self.name_field = name_field
        # The frame's width follows the table's, so the room comes from the heading above it
        # (same width in the templates); its height is the frame's own.
        self.frame_width = max(
            frame.rect().width(), heading.rect().width() if heading is not None else 0.0
        )
        self.frame_height = frame.rect().height()
        self.header_format = table.headerTextFormat()
        self.content_format = table.contentTextFormat()
        self.area_rows = AreaRows(source, crs, project)
        self.rows = self.area_rows.rows
        self.crs = crs
        self.project = project

    # -- contents
    def _set(self, summary: page_text.SummaryTable) -> None:
        header, content = QgsTextFormat(self.header_format), QgsTextFormat(self.content_format)
        available = self.frame_width
        n = max(len(summary.headings), 1)
        widths = None
        for _ in range(10):  # smaller text until the columns fit the frame's width
            room = available - n * 2 * self.table.cellMargin() - (n + 1) * 0.3 - 0.5
            widths = column_widths(summary, header, content, room)
            if widths is not None or content.size() <= 5.0:
                break
            header.setSize(header.size() * 0.92)
            content.setSize(content.size() * 0.92)
        if widths is None:  # still too wide at 5 pt: wrap the contents too
            room = available - n * 2 * self.table.cellMargin() - (n + 1) * 0.3 - 0.5
            widths = column_widths(summary, header, content, room, wrap_contents=True)
        columns = []
        for i, (heading, numeric) in enumerate(zip(summary.headings, summary.numeric, strict=True)):
            column = QgsLayoutTableColumn(heading)
            column.setHAlignment(Qt.AlignRight if numeric else Qt.AlignLeft)
            if widths is not None:
                column.setWidth(widths[i])
            columns.append(column)
        self.table.setWrapBehavior(QgsLayoutTable.WrapBehavior.WrapText)
        self.table.setHeaderTextFormat(header)
        self.table.setContentTextFormat(content)
        self.table.setColumns(columns)
        self.table.setContents(summary.rows)
        self.table.refresh()
        if self.note is not None:
            self.note.setText(summary.note)

    def show_all(self) -> None:
        """Every row; when they do not fit the frame, those with the longest times."""
        max_rows = len(self.rows)
        while True:
            summary = page_text.summary_table(
                self.rows,
                self.fields,
                max_rows=max_rows if max_rows < len(self.rows) else None,
                language=self.language,
            )
            self._set(summary)
            if self.table.totalHeight() <= self.frame_height or max_rows <= 1:
                break
            max_rows -= 1

    def rows_for(self, geometry, name) -> list[dict]:
        """Rows whose area lies in ``geometry`` (or, without geometry, whose name matches)."""
        return self.area_rows.rows_for(geometry, name)

    def show_feature(self, feature) -> None:
        """Slot for ``QgsLayoutAtlas.featureChanged``: the rows of the page's area."""
        coverage = self.table.layout().atlas().coverageLayer()
        rows = self.area_rows.feature_rows(
            feature, coverage.crs() if coverage is not None else None, self.name_field
        )
        if len(rows) == 1:
            summary = page_text.area_key_figures(rows[0], self.fields, language=self.language)
        else:
            summary = page_text.summary_table(rows, self.fields, language=self.language)
            if not rows:
                summary.note = page_text.word("no_rows", self.language)
        self._set(summary)


def _text_width_mm(text: str, fmt: QgsTextFormat) -> float:
    """Width of one line of ``text`` in ``fmt`` in millimetres (as the layout measures it)."""
    context = QgsRenderContext()
    context.setScaleFactor(100.0)  # 100 px per mm: fonts are sized in whole pixels
    return QgsTextRenderer.textWidth(context, fmt, [text]) / 100.0


def column_widths(
    summary: page_text.SummaryTable,
    header: QgsTextFormat,
    content: QgsTextFormat,
    room_mm: float,
    *,
    wrap_contents: bool = False,
) -> list[float] | None:
    """Column widths (mm) that fit ``room_mm``, wrapping headings at spaces; None: no fit."""
    natural, minimum = [], []
    for i, heading in enumerate(summary.headings):
        cells = [row[i] for row in summary.rows if i < len(row)]
        head_full = _text_width_mm(heading, header)
        head_word = max((_text_width_mm(w, header) for w in heading.split()), default=0.0)
        cell_full = max((_text_width_mm(c, content) for c in cells), default=0.0)
        cell_word = max((_text_width_mm(w, content) for c in cells for w in c.split()), default=0.0)
        natural.append(max(head_full, cell_full) * 1.03 + 0.5)
        minimum.append(max(head_word, cell_word if wrap_contents else cell_full) * 1.03 + 0.5)
    if sum(natural) <= room_mm:
        return natural
    if sum(minimum) > room_mm:
        return minimum if wrap_contents else None
    spare = room_mm - sum(minimum)
    stretch = [n - m for n, m in zip(natural, minimum, strict=True)]
    total = sum(stretch) or 1.0
    return [m + spare * s / total for m, s in zip(minimum, stretch, strict=True)]


def _plain(value):
    """QVariant NULL -> None; everything else as is."""
    try:
        from qgis.PyQt.QtCore import QVariant

        if isinstance(value, QVariant):
            return None if value.isNull() else value.value()
    except ImportError:  # pragma: no cover
        pass
    return value


__all__ = [
    "MapReportAlgorithm",
    "check_style_fields",
    "describe_inputs",
    "detect_kind",
    "read_provenance",
    "style_needs",
]
