"""The profile's A4 page, built in code: title, the indicator table (unit beside the whole
country), six small maps with their captions and legends, method note, sources and date; one
page per unit through the atlas (map_report's export, fade and PDF information)."""

from __future__ import annotations

import datetime as _dt
from dataclasses import dataclass

from qgis.core import (
    QgsLayoutFrame,
    QgsLayoutItemLabel,
    QgsLayoutItemLegend,
    QgsLayoutItemMap,
    QgsLayoutItemPage,
    QgsLayoutItemTextTable,
    QgsLayoutMeasurement,
    QgsLayoutPoint,
    QgsLayoutSize,
    QgsLayoutTable,
    QgsLayoutTableColumn,
    QgsLegendRenderer,
    QgsLegendStyle,
    QgsPrintLayout,
    QgsProject,
    QgsTextFormat,
    QgsUnitTypes,
)
from qgis.PyQt.QtCore import QRectF, Qt

from ...sundplan_qgis import page_text, profile
from ...sundplan_qgis.page_text import profile as words
from ..base import tr
from ..map_report.atlas import ATLAS_MARGIN, atlas_fade_layer, export_pdf
from ..map_report.layout import fit_box, fit_one_line, text_format
from ..map_report.legend import fill_legend
from ..map_report.pdf import PdfInfo, write_info
from . import layers as lyr

MARGIN = 12.0
PAGE_W, PAGE_H = 210.0, 297.0
WIDTH = PAGE_W - 2 * MARGIN
TABLE_TOP, TABLE_H = 27.0, 110.0
MAP_TOP = 140.0
MAP_W, MAP_H, CAPTION_H, LEGEND_H = 60.0, 40.0, 5.0, 13.0
FOOTER_TOP = 262.0
MAP_GAP = (WIDTH - 3 * MAP_W) / 2


def plain_text(size_pt: float, colour: str = "#333333", *, bold: bool = False):
    """map_report's text format without the white halo: on white paper it is not needed,
    and a halo is drawn as glyph outlines (the table's text would weigh megabytes)."""
    fmt = text_format(size_pt, colour, bold=bold)
    halo = fmt.buffer()
    halo.setEnabled(False)
    fmt.setBuffer(halo)
    return fmt


@dataclass
class ProfilePage:
    """Everything the page of one unit needs (see :func:`render`)."""

    result: profile.ProfileResult
    language: str
    long_travel_min: float
    organisation: str = ""


def _label(layout, text: str, x: float, y: float, w: float, h: float, fmt) -> QgsLayoutItemLabel:
    label = QgsLayoutItemLabel(layout)
    label.setTextFormat(fmt)
    label.setText(text)
    label.setMode(QgsLayoutItemLabel.Mode.ModeFont)
    label.attemptMove(QgsLayoutPoint(x, y, QgsUnitTypes.LayoutMillimeters))
    label.attemptResize(QgsLayoutSize(w, h, QgsUnitTypes.LayoutMillimeters))
    layout.addLayoutItem(label)
    return label


def _map(layout, project_crs, layers, x, y) -> QgsLayoutItemMap:
    item = QgsLayoutItemMap(layout)
    item.attemptMove(QgsLayoutPoint(x, y, QgsUnitTypes.LayoutMillimeters))
    item.attemptResize(QgsLayoutSize(MAP_W, MAP_H, QgsUnitTypes.LayoutMillimeters))
    item.setCrs(project_crs)
    item.setLayers(layers)
    item.setKeepLayerSet(True)
    item.setFrameEnabled(True)
    item.setFrameStrokeWidth(QgsLayoutMeasurement(0.2))
    item.setAtlasDriven(True)
    item.setAtlasScalingMode(QgsLayoutItemMap.AtlasScalingMode.Auto)
    item.setAtlasMargin(ATLAS_MARGIN)
    layout.addLayoutItem(item)
    item.zoomToExtent(layers[-1].extent())
    return item


def _legend(layout, map_item, layer, x, y) -> QgsLayoutItemLegend:
    legend = QgsLayoutItemLegend(layout)
    legend.setTitle("")
    legend.setLinkedMap(map_item)
    layout.addLayoutItem(legend)
    legend.setResizeToContents(False)
    legend.attemptMove(QgsLayoutPoint(x, y, QgsUnitTypes.LayoutMillimeters))
    legend.attemptResize(QgsLayoutSize(MAP_W, LEGEND_H, QgsUnitTypes.LayoutMillimeters))
    legend.setColumnCount(2)
    legend.setSplitLayer(True)  # the classes of the one layer over the columns
    legend.setColumnSpace(2.0)
    legend.setBoxSpace(0.5)
    for style in (QgsLegendStyle.Style.SymbolLabel, QgsLegendStyle.Style.Group):
        legend.rstyle(style).setTextFormat(plain_text(6.0))
    legend.rstyle(QgsLegendStyle.Style.Symbol).setMargin(QgsLegendStyle.Side.Top, 0.8)
    legend.setSymbolHeight(2.5)
    legend.setSymbolWidth(4.0)
    fill_legend(legend, [layer])
    root = legend.model().rootGroup()
    for node in root.children():  # the caption above the map names the layer
        QgsLegendRenderer.setNodeLegendStyle(node, QgsLegendStyle.Style.Hidden)
    legend.updateLegend()  # six short class labels in two columns of three fit the box
    return legend


class TableFiller:
    """Fills the indicator table and the title for the atlas page's unit."""

    def __init__(self, page: ProfilePage, table, title, subtitle):
        self.page = page
        self.table = table
        self.title = title
        self.subtitle = subtitle
        result = page.result
        self.rows = result.indicators.set_index("unit_code", drop=False)
        self.national = profile.national_row(result)
        self.shown: dict[str, list[words.Row]] = {}
        self.header_format = QgsTextFormat(table.headerTextFormat())
        self.content_format = QgsTextFormat(table.contentTextFormat())
        self.error: Exception | None = None

    def rows_for(self, code: str) -> list[words.Row]:
        result, lang = self.page.result, self.page.language
        return words.indicator_rows(
            self.rows.loc[code],
            self.national,
            missing=result.missing,
            p90_rule=result.p90_rule,
            low_access_per_10000=result.low_access_per_10000,
            long_travel_min=self.page.long_travel_min,
            specialties=result.specialties,
            language=lang,
        )

    def show(self, code: str) -> None:
        lang = self.page.language
        unit = self.rows.loc[code]
        rows = self.rows_for(code)
        self.shown[code] = rows
        columns = []
        for heading, width, align in (
            (words.w("indicator", lang), 100.0, Qt.AlignLeft),
            (str(unit["unit_name"]), 43.0, Qt.AlignRight),
            (words.w("national", lang), 43.0, Qt.AlignRight),
        ):
            column = QgsLayoutTableColumn(heading)
            column.setWidth(width)
            column.setHAlignment(align)
            columns.append(column)
        self.table.setColumns(columns)
        self.table.setContents(
            [[r.label.upper() if r.heading else r.label, r.unit, r.national] for r in rows]
        )
        header, content = QgsTextFormat(self.header_format), QgsTextFormat(self.content_format)
        for _ in range(8):  # smaller text until every row fits the frame: never a hidden row
            self.table.setHeaderTextFormat(header)
            self.table.setContentTextFormat(content)
            self.table.refresh()
            if self.table.totalHeight() <= TABLE_H or content.size() <= 5.0:
                break
            header.setSize(header.size() * 0.92)
            content.setSize(content.size() * 0.92)
        self.title.setText(
            words.title(self.page.result.level, str(unit["unit_name"]), language=lang)
        )
        fit_one_line(self.title, self.title.text())

    def show_feature(self, feature) -> None:
        """Slot for ``QgsLayoutAtlas.featureChanged`` (the feature comes without its field
        names: ``unit_code`` is the first attribute). An error inside a Qt slot would end the
        process: it is kept and raised after the export."""
        attributes = feature.attributes()
        if not attributes:  # the atlas signals an empty feature when it ends
            return
        try:
            self.show(str(attributes[0]))
        except Exception as exc:  # raised by render() once the exporter has returned
            self.error = self.error or exc


def render(page: ProfilePage, feedback, *, pdf_path: str) -> tuple[int, dict]:
    """Write the PDF (one page per unit); (pages, the figures printed per unit)."""
    result, lang = page.result, page.language
    project = QgsProject()
    kommuner = lyr.kommune_layer(result)
    units = lyr.unit_layer(result)
    project.setCrs(kommuner.crs())
    backdrop = lyr.backdrop(kommuner)
    fade = atlas_fade_layer(units, fade_alpha=190, outline_width_mm=0.45)
    for layer in (kommuner, units, backdrop, fade):
        project.addMapLayer(layer, False)

    layout = QgsPrintLayout(project)
    layout.initializeDefaults()
    layout.pageCollection().page(0).setPageSize("A4", QgsLayoutItemPage.Orientation.Portrait)
    title = _label(layout, "", MARGIN, 8.0, WIDTH, 10.0, plain_text(15.0, "#1a1a1a", bold=True))
    subtitle_text = words.subtitle(result.today_label, result.target_year, language=lang)
    subtitle = _label(layout, subtitle_text, MARGIN, 18.0, WIDTH, 6.0, plain_text(8.5))
    fit_one_line(subtitle, subtitle_text)
    if page.organisation:
        _label(layout, page.organisation, MARGIN, 3.0, WIDTH, 5.0, plain_text(7.0))

    table = QgsLayoutItemTextTable(layout)
    layout.addMultiFrame(table)
    frame = QgsLayoutFrame(layout, table)
    frame.attemptSetSceneRect(QRectF(MARGIN, TABLE_TOP, WIDTH, TABLE_H))
    table.addFrame(frame)
    table.setHeaderTextFormat(plain_text(8.0, "#1a1a1a", bold=True))
    table.setContentTextFormat(plain_text(7.5))
    table.setCellMargin(0.9)
    table.setWrapBehavior(QgsLayoutTable.WrapBehavior.WrapText)
    filler = TableFiller(page, table, title, subtitle)

    captions = words.map_captions(
        missing=result.missing,
        today=result.today_label,
        target_year=result.target_year,
        long_travel_min=page.long_travel_min,
        language=lang,
    )
    maps = []
    for i, (column, caption, computed) in enumerate(captions):
        x = MARGIN + (i % 3) * (MAP_W + MAP_GAP)
        y = MAP_TOP + (i // 3) * (CAPTION_H + MAP_H + LEGEND_H + 2.0)
        _label(layout, caption, x, y, MAP_W, CAPTION_H, plain_text(7.5, "#1a1a1a", bold=True))
        indicator = None
        if computed:
            indicator = lyr.indicator_layer(kommuner, column, caption, lang)
            project.addMapLayer(indicator, False)
        drawn = [fade, indicator or backdrop]
        item = _map(layout, kommuner.crs(), drawn, x, y + CAPTION_H)
        maps.append(item)
        if not computed:  # said on the map itself: grey is "not computed", never "fine"
            note = _label(
                layout,
                words.w("map_missing", lang),
                x,
                y + CAPTION_H + MAP_H / 2 - 3.0,
                MAP_W,
                6.0,
                text_format(8.0, "#1a1a1a", bold=True),  # with the halo: over the map
            )
            note.setHAlign(Qt.AlignHCenter)
        if indicator is not None:
            _legend(layout, item, indicator, x, y + CAPTION_H + MAP_H + 0.5)

    note = words.method_note(missing=result.missing, p90_rule=result.p90_rule, language=lang)
    footer_top = FOOTER_TOP
    method = _label(layout, note, MARGIN, footer_top, WIDTH, 11.0, plain_text(6.5))
    method.setText(note)
    fit_box(method, note)
    sources = words.sources_line(
        result.sources,
        today=result.today_label,
        embedded="need_table" in result.missing,
        language=lang,
    )
    source_label = _label(layout, sources, MARGIN, footer_top + 11.5, WIDTH, 7.0, plain_text(6.5))
    fit_box(source_label, sources)
    date = page_text.date_line(printed=_dt.date.today(), language=lang)
    _label(layout, date, MARGIN, PAGE_H - 8.0, WIDTH / 2, 5.0, plain_text(6.5))
    number = words.w("page", lang).format(
        number="[% @atlas_featurenumber %]", total="[% @atlas_totalfeatures %]"
    )
    pager = _label(layout, number, PAGE_W / 2, PAGE_H - 8.0, WIDTH / 2, 5.0, plain_text(6.5))
    pager.setHAlign(Qt.AlignRight)

    first = next(iter(units.getFeatures()), None)
    if first is not None:
        filler.show(str(first["unit_code"]))
    document_title = words.w("title", lang)[result.level]
    pages = export_pdf(
        layout,
        maps[0],
        None,
        atlas_layer=units,
        atlas_name_field="unit_name",
        atlas_name=units.name(),
        slots=[filler.show_feature],
        title=document_title,
        pdf_path=pdf_path,
        feedback=feedback,
    )
    if filler.error is not None:
        raise filler.error
    write_info(
        pdf_path,
        PdfInfo(document_title, subject=subtitle_text, author=page.organisation),
        feedback,
    )
    feedback.pushInfo(tr("{pages} page(s) written.").format(pages=pages))
    names = result.indicators.set_index("unit_code")["unit_name"]
    printed = [
        {
            "unit": str(names[code]),
            "rows": [[r.label, r.unit, r.national] for r in rows if not r.heading],
        }
        for code, rows in filler.shown.items()
    ]
    return pages, {"pages": pages, "language": lang, "printed": printed}
