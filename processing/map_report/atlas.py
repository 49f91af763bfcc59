"""The atlas (one page per area: the map zoomed to it, the neighbours faded, the table and key
figure of that area) and the PDF export of one page or all atlas pages."""

from __future__ import annotations

from qgis.core import (
    Qgis,
    QgsExpression,
    QgsFillSymbol,
    QgsLayoutExporter,
    QgsLayoutItemMap,
    QgsRuleBasedRenderer,
    QgsVectorLayer,
)

from ...sundplan_qgis.errors import SundplanError
from ..base import tr
from .layers import clone_plain

# Resolution of what is printed as an image (rasters); text and lines stay vectors. 160 dpi:
# a 100 m cell is 1.6 mm on a kommune page; a 98-page national atlas stays under 25 MB
# (docs/benchmarks.md).
PDF_DPI = 160
ATLAS_MARGIN = 0.12  # share of the page's area left around it on the map


def export_error(result) -> str:
    names = {
        QgsLayoutExporter.ExportResult.FileError: tr("the file could not be written"),
        QgsLayoutExporter.ExportResult.PrintError: tr("printing failed"),
        QgsLayoutExporter.ExportResult.MemoryError: tr("not enough memory"),
        QgsLayoutExporter.ExportResult.IteratorError: tr("the atlas could not be prepared"),
        QgsLayoutExporter.ExportResult.Canceled: tr("cancelled"),
    }
    return names.get(result, str(result))


def atlas_fade_layer(
    source: QgsVectorLayer, *, fade_alpha: int = 150, outline_width_mm: float = 0.8
) -> QgsVectorLayer:
    """Fades the areas other than the page's (white at ``fade_alpha`` of 255) and outlines
    the page's area (``outline_width_mm``). The defaults are the map report's; the profile's
    small maps fade more and outline thinner."""
    layer = clone_plain(source)
    layer.setName("atlas_highlight")
    root = QgsRuleBasedRenderer.Rule(None)
    fade = QgsFillSymbol.createSimple(
        {"color": f"255,255,255,{int(fade_alpha)}", "outline_style": "no"}
    )
    root.appendChild(QgsRuleBasedRenderer.Rule(fade, 0, 0, "@atlas_featureid <> $id"))
    outline = QgsFillSymbol.createSimple(
        {
            "style": "no",
            "outline_color": "#1a1a1a",
            "outline_width": f"{outline_width_mm:g}",
            "joinstyle": "round",
        }
    )
    root.appendChild(QgsRuleBasedRenderer.Rule(outline, 0, 0, "@atlas_featureid = $id"))
    layer.setRenderer(QgsRuleBasedRenderer(root))
    return layer


def export_pdf(
    layout,
    map_item,
    legend,
    *,
    atlas_layer: QgsVectorLayer | None,
    atlas_name_field: str,
    atlas_name: str,
    slots: list,
    title: str,
    pdf_path: str,
    feedback,
) -> int:
    """Export the page (or, with an atlas coverage, its pages) to ``pdf_path``; ``slots``
    follow the atlas feature (they fill the table and key figure per page). The page count."""
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
        map_item.setAtlasMargin(ATLAS_MARGIN)
        if legend is not None:
            legend.setLegendFilterOutAtlas(False)
        pages = atlas.updateFeatures()
        if pages == 0:
            raise SundplanError(
                tr("The atlas coverage layer '{layer}' has no features to print.").format(
                    layer=atlas_name
                )
            )
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
                file=pdf_path, error=error or export_error(result)
            )
        )
    return pages
