"""Legend fitting: only the mapped layers, long labels wrapped, more columns or smaller text
until it fits its box; the legend takes the room that the overview map or the table leave."""

from __future__ import annotations

from typing import TYPE_CHECKING

from qgis.core import (
    QgsLayoutItemLegend,
    QgsLayoutPoint,
    QgsLayoutSize,
    QgsLegendRenderer,
    QgsLegendStyle,
    QgsMapLayer,
    QgsMapLayerLegendUtils,
    QgsRasterLayer,
    QgsUnitTypes,
)
from qgis.PyQt.QtCore import Qt

from .layout import text_width_mm

if TYPE_CHECKING:
    from .summary import SummaryFiller


def fill_legend(legend: QgsLayoutItemLegend, layers: list[QgsMapLayer]) -> None:
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


def grow_legend_into_free_space(items: dict) -> None:
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


def reclaim_overview_space(items: dict) -> None:
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


def legend_into_spare_table_room(items: dict, summary: SummaryFiller) -> None:
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
            if wrap in text or text_width_mm(text, fmt) <= room:
                continue
            lines, line = [], ""
            for part in text.split(" "):
                candidate = f"{line} {part}".strip()
                if line and text_width_mm(candidate, fmt) > room:
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


def fit_legend(legend: QgsLayoutItemLegend) -> None:
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
