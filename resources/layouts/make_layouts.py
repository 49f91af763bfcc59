"""Generate the print layout templates ``resources/layouts/*.qpt`` for ``sundplan:map_report``.

Run headless from the repository root (QGIS 3.40, PyQGIS)::

    PATH=/usr/bin:$PATH QT_QPA_PLATFORM=offscreen python3 resources/layouts/make_layouts.py

Edit this script, not the ``.qpt`` files, and re-run it. Four templates are written:
``sundplan_a4_landscape.qpt``, ``sundplan_a4_portrait.qpt``, ``sundplan_a3_landscape.qpt`` and
``sundplan_a3_portrait.qpt``. They can also be used by hand in QGIS (Project ▸ New Print Layout
▸ from template): every item is there with a Danish placeholder text.

Item ids (``QgsLayoutItem.id()``); ``sundplan:map_report`` finds and fills them by id, so a
customised template must keep them (items it does not find are skipped, except ``map``):

================  ======================  ==================================================
id                type                    filled with
================  ======================  ==================================================
``title``         label                   the title (TITLE parameter or the output's name)
``subtitle``      label                   subtitle (what is shown, bands, scenario, data)
``organisation``  label                   ORGANISATION parameter (placeholder text if empty)
``logo``          picture                 LOGO parameter (SVG/PNG); hidden when empty
``header_rule``   shape                   – (a thin line under the header)
``map``           map                     the output layer over the areas backdrop; atlas-
                                          driven when there is an atlas coverage
``north_arrow``   picture (SVG)           – (linked to ``map``)
``scalebar``      scale bar               – (linked to ``map``, kilometres)
``overview_map``  map                     the whole coverage with the page's extent marked
                                          (atlas only; beside the map so it never hides
                                          map labels: above the legend in landscape, below
                                          the table in portrait; hidden otherwise, the
                                          legend/table then take its place)
``legend``        legend                  the output layer's classes and the backdrop
``summary_title`` label                   heading of the summary table
``summary_table`` frame of a text table   the summary rows (the page's area with an atlas)
``summary_note``  label                   e.g. "10 af 98 områder, længst rejsetid først"
``method_note``   label                   METHOD_NOTE parameter or the default method text
``sources``       label                   SOURCES parameter or the line derived from the
                                          output's provenance
``date``          label                   print date (and the date the data was computed)
``page_number``   label                   "Side 1 af 4" with an atlas, empty otherwise
``not_reached``   label (boxed, on the    the key figure "Ikke nået: N (x %)" of the page's
                  map's top left)         area (or all areas) and "af nåede indbyggere";
                                          hidden on pages that show no residents
================  ======================  ==================================================

Fonts: DejaVu Sans (Debian ``fonts-dejavu-core``, on every QGIS install as Qt's fallback);
colours: near-black text, grey rules, white background.
"""

from __future__ import annotations

import os
import sys
from dataclasses import dataclass
from pathlib import Path

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
os.environ.setdefault("QT_HASH_SEED", "0")  # stable XML attribute order -> reviewable diffs

from qgis.core import (  # noqa: E402
    Qgis,
    QgsApplication,
    QgsFillSymbol,
    QgsLayoutFrame,
    QgsLayoutItemLabel,
    QgsLayoutItemLegend,
    QgsLayoutItemMap,
    QgsLayoutItemPage,
    QgsLayoutItemPicture,
    QgsLayoutItemScaleBar,
    QgsLayoutItemShape,
    QgsLayoutItemTextTable,
    QgsLayoutMeasurement,
    QgsLayoutMultiFrame,
    QgsLayoutPoint,
    QgsLayoutSize,
    QgsLayoutTableColumn,
    QgsLegendStyle,
    QgsPrintLayout,
    QgsProject,
    QgsReadWriteContext,
    QgsTextFormat,
    QgsUnitTypes,
)
from qgis.PyQt.QtCore import Qt  # noqa: E402
from qgis.PyQt.QtGui import QColor, QFont  # noqa: E402

HERE = Path(__file__).resolve().parent
FONT_FAMILY = "DejaVu Sans"
TEXT_COLOUR = QColor("#1f1f1f")
MUTED_COLOUR = QColor("#555555")
RULE_COLOUR = QColor("#8c8c8c")
NORTH_ARROW_SVG = "arrows/NorthArrow_02.svg"  # QGIS's SVG library (resolved on every install)

# (file stem, paper, orientation)
TEMPLATES = (
    ("sundplan_a4_landscape", "A4", "landscape"),
    ("sundplan_a4_portrait", "A4", "portrait"),
    ("sundplan_a3_landscape", "A3", "landscape"),
    ("sundplan_a3_portrait", "A3", "portrait"),
)
PAPER_MM = {"A4": (210.0, 297.0), "A3": (297.0, 420.0)}

ITEM_IDS = (
    "title",
    "subtitle",
    "organisation",
    "logo",
    "header_rule",
    "map",
    "north_arrow",
    "scalebar",
    "overview_map",
    "legend",
    "summary_title",
    "summary_table",
    "summary_note",
    "method_note",
    "sources",
    "date",
    "page_number",
    "not_reached",
)


@dataclass
class Box:
    """A rectangle on the page in millimetres."""

    x: float
    y: float
    w: float
    h: float


def text_format(size_pt: float, *, bold: bool = False, colour: QColor = TEXT_COLOUR):
    """A QgsTextFormat in the layouts' font."""
    fmt = QgsTextFormat()
    font = QFont(FONT_FAMILY)
    font.setBold(bold)
    fmt.setFont(font)
    fmt.setSize(size_pt)
    fmt.setSizeUnit(Qgis.RenderUnit.Points)
    fmt.setColor(colour)
    if bold:
        fmt.setForcedBold(True)
    return fmt


def place(item, box: Box) -> None:
    """Position and size ``item`` (mm, top-left reference point)."""
    item.attemptMove(QgsLayoutPoint(box.x, box.y, QgsUnitTypes.LayoutMillimeters))
    item.attemptResize(QgsLayoutSize(box.w, box.h, QgsUnitTypes.LayoutMillimeters))


def add_label(layout, item_id: str, text: str, box: Box, fmt, *, align=Qt.AlignLeft, valign=None):
    """A wrapping text label."""
    label = QgsLayoutItemLabel(layout)
    label.setId(item_id)
    label.setText(text)
    label.setTextFormat(fmt)
    label.setHAlign(align)
    label.setVAlign(valign if valign is not None else Qt.AlignTop)
    label.setMarginX(0.0)
    label.setMarginY(0.0)
    layout.addLayoutItem(label)
    place(label, box)
    return label


def geometry(paper: str, orientation: str) -> dict[str, Box | float]:
    """Where every item goes on this paper size; ``scale`` is the font scale."""
    short, long_ = PAPER_MM[paper]
    width, height = (long_, short) if orientation == "landscape" else (short, long_)
    scale = 1.0 if paper == "A4" else 1.3
    m = 10.0 * (1.0 if paper == "A4" else 1.25)  # outer margin
    gap = 5.0 * scale
    header_h = 22.0 * scale
    footer_h = 13.0 * scale
    logo_w = 55.0 * scale
    g: dict[str, Box | float] = {"scale": scale, "width": width, "height": height}
    g["title"] = Box(m, m, width - 2 * m - logo_w - gap, 11.0 * scale)
    g["subtitle"] = Box(m, m + 12.0 * scale, width - 2 * m - logo_w - gap, 8.0 * scale)
    g["logo"] = Box(width - m - logo_w, m, 22.0 * scale, 18.0 * scale)
    g["organisation"] = Box(
        width - m - logo_w + 23.0 * scale, m, logo_w - 23.0 * scale, 18.0 * scale
    )
    g["header_rule"] = Box(m, m + header_h - 1.0, width - 2 * m, 0.35)
    body_top = m + header_h + 2.0
    footer_top = height - m - footer_h
    g["sources"] = Box(m, footer_top + 2.0, width - 2 * m - 70.0 * scale, footer_h - 2.0)
    g["date"] = Box(width - m - 66.0 * scale, footer_top + 2.0, 66.0 * scale, 7.0 * scale)
    g["page_number"] = Box(
        width - m - 66.0 * scale, footer_top + 2.0 + 7.0 * scale, 66.0 * scale, 5.0 * scale
    )
    body_h = footer_top - body_top - 2.0
    # The overview inset (atlas pages) sits beside the map, never on it where it would hide
    # the map's labels: landscape, in the side panel above the legend; portrait, below the
    # summary table. On pages without an atlas map_report gives its place to the legend
    # (landscape) or the table (portrait).
    if orientation == "landscape":
        panel_w = 0.28 * width
        map_box = Box(m, body_top, width - 2 * m - panel_w - gap, body_h)
        px = map_box.x + map_box.w + gap
        ov_h = 0.18 * body_h
        g["overview_map"] = Box(px, body_top, min(panel_w, 1.35 * ov_h), ov_h)
        legend_top = body_top + ov_h + 0.8 * gap
        legend_h = 0.26 * body_h
        g["legend"] = Box(px, legend_top, panel_w, legend_h)
        y = legend_top + legend_h + gap
        g["summary_title"] = Box(px, y, panel_w, 5.0 * scale)
        table_h = 0.22 * body_h
        g["summary_table"] = Box(px, y + 6.0 * scale, panel_w, table_h)
        y += 6.0 * scale + table_h + 1.0
        g["summary_note"] = Box(px, y, panel_w, 4.0 * scale)
        y += 4.0 * scale + 2.0
        g["method_note"] = Box(px, y, panel_w, body_top + body_h - y)
    else:
        map_h = 0.56 * body_h
        map_box = Box(m, body_top, width - 2 * m, map_h)
        y = body_top + map_h + gap
        lower_h = body_top + body_h - y
        legend_w = 0.40 * (width - 2 * m)
        method_h = 0.25 * lower_h
        g["legend"] = Box(m, y, legend_w, lower_h - method_h - gap)
        tx = m + legend_w + gap
        tw = width - m - tx
        g["summary_title"] = Box(tx, y, tw, 5.0 * scale)
        ov_h = 0.24 * lower_h
        column_h = lower_h - method_h - gap  # title, table, note, overview
        table_h = column_h - 6.0 * scale - 5.0 * scale - ov_h - 0.8 * gap
        g["summary_table"] = Box(tx, y + 6.0 * scale, tw, table_h)
        g["summary_note"] = Box(tx, y + 6.0 * scale + table_h + 1.0, tw, 4.0 * scale)
        g["overview_map"] = Box(tx, y + column_h - ov_h, min(tw, 1.35 * ov_h), ov_h)
        g["method_note"] = Box(m, y + lower_h - method_h, width - 2 * m, method_h)
    g["map"] = map_box
    arrow = 12.0 * scale
    g["north_arrow"] = Box(
        map_box.x + map_box.w - arrow - 3.0, map_box.y + 3.0, arrow * 0.75, arrow
    )
    g["scalebar"] = Box(map_box.x + 3.0, map_box.y + map_box.h - 13.0 * scale, 60.0 * scale, 10.0)
    g["not_reached"] = Box(
        map_box.x + 3.0, map_box.y + 3.0, min(85.0 * scale, 0.5 * map_box.w), 13.0 * scale
    )
    return g


def build_layout(project: QgsProject, paper: str, orientation: str) -> QgsPrintLayout:
    """One template's layout, every item with its id and a placeholder."""
    g = geometry(paper, orientation)
    s = float(g["scale"])
    layout = QgsPrintLayout(project)
    layout.initializeDefaults()
    layout.setName(f"sundplan {paper} {orientation}")
    page = layout.pageCollection().page(0)
    page.setPageSize(
        paper,
        QgsLayoutItemPage.Orientation.Landscape
        if orientation == "landscape"
        else QgsLayoutItemPage.Orientation.Portrait,
    )

    # --- header
    add_label(layout, "title", "Titel", g["title"], text_format(17 * s, bold=True))
    add_label(
        layout, "subtitle", "Undertitel", g["subtitle"], text_format(10 * s, colour=MUTED_COLOUR)
    )
    logo = QgsLayoutItemPicture(layout)
    logo.setId("logo")
    logo.setResizeMode(QgsLayoutItemPicture.ResizeMode.Zoom)
    logo.setPictureAnchor(QgsLayoutItemPicture.ReferencePoint.MiddleRight)
    layout.addLayoutItem(logo)
    place(logo, g["logo"])
    add_label(
        layout,
        "organisation",
        "Organisation",
        g["organisation"],
        text_format(9 * s, bold=True, colour=MUTED_COLOUR),
        align=Qt.AlignRight,
        valign=Qt.AlignVCenter,
    )
    rule = QgsLayoutItemShape(layout)
    rule.setId("header_rule")
    rule.setShapeType(QgsLayoutItemShape.Shape.Rectangle)
    rule.setSymbol(
        QgsFillSymbol.createSimple(
            {"color": RULE_COLOUR.name(), "outline_style": "no", "style": "solid"}
        )
    )
    layout.addLayoutItem(rule)
    place(rule, g["header_rule"])

    # --- map with north arrow and scale bar; overview inset (in the side panel)
    map_item = QgsLayoutItemMap(layout)
    map_item.setId("map")
    map_item.setFrameEnabled(True)
    map_item.setFrameStrokeColor(RULE_COLOUR)
    map_item.setFrameStrokeWidth(QgsLayoutMeasurement(0.3, QgsUnitTypes.LayoutMillimeters))
    map_item.setBackgroundColor(QColor("#ffffff"))
    layout.addLayoutItem(map_item)
    place(map_item, g["map"])

    overview = QgsLayoutItemMap(layout)
    overview.setId("overview_map")
    overview.setFrameEnabled(True)
    overview.setFrameStrokeColor(RULE_COLOUR)
    overview.setBackgroundColor(QColor("#ffffff"))
    layout.addLayoutItem(overview)
    place(overview, g["overview_map"])
    frame_overview = overview.overview()
    frame_overview.setLinkedMap(map_item)
    frame_overview.setFrameSymbol(
        QgsFillSymbol.createSimple(
            {"color": "200,30,30,60", "outline_color": "200,30,30,255", "outline_width": "0.4"}
        )
    )

    arrow = QgsLayoutItemPicture(layout)
    arrow.setId("north_arrow")
    arrow.setPicturePath(str(Path(QgsApplication.pkgDataPath()) / "svg" / NORTH_ARROW_SVG))
    arrow.setLinkedMap(map_item)
    arrow.setNorthMode(QgsLayoutItemPicture.NorthMode.GridNorth)
    arrow.setSvgFillColor(TEXT_COLOUR)
    arrow.setSvgStrokeColor(TEXT_COLOUR)
    arrow.setBackgroundEnabled(True)
    arrow.setBackgroundColor(QColor(255, 255, 255, 200))
    layout.addLayoutItem(arrow)
    place(arrow, g["north_arrow"])

    bar = QgsLayoutItemScaleBar(layout)
    bar.setId("scalebar")
    bar.setStyle("Single Box")
    bar.setLinkedMap(map_item)
    bar.setUnits(Qgis.DistanceUnit.Kilometers)
    bar.setUnitLabel("km")
    bar.setNumberOfSegmentsLeft(0)
    bar.setNumberOfSegments(4)
    bar.setSegmentSizeMode(Qgis.ScaleBarSegmentSizeMode.FitWidth)
    bar.setMinimumBarWidth(30.0 * s)
    bar.setMaximumBarWidth(55.0 * s)
    bar.setHeight(2.0 * s)
    bar.setTextFormat(text_format(7 * s))
    bar.setBackgroundEnabled(True)
    bar.setBackgroundColor(QColor(255, 255, 255, 210))
    layout.addLayoutItem(bar)
    bar.attemptMove(
        QgsLayoutPoint(g["scalebar"].x, g["scalebar"].y, QgsUnitTypes.LayoutMillimeters)
    )

    # --- key figure: residents not reached (a box on the map's top left)
    key_format = text_format(8 * s)
    key_format.setAllowHtmlFormatting(True)  # the figure in bold, the note below it plain
    key_figure = add_label(
        layout,
        "not_reached",
        "<b>Ikke nået: –</b>\naf … indbyggere. Rejsetider: af nåede indbyggere",
        g["not_reached"],
        key_format,
    )
    key_figure.setMarginX(1.5)
    key_figure.setMarginY(1.0)
    key_figure.setBackgroundEnabled(True)
    key_figure.setBackgroundColor(QColor(255, 255, 255, 235))
    key_figure.setFrameEnabled(True)
    key_figure.setFrameStrokeColor(TEXT_COLOUR)

    # --- legend
    legend = QgsLayoutItemLegend(layout)
    legend.setId("legend")
    legend.setTitle("Signaturforklaring")
    legend.setLinkedMap(map_item)
    legend.setResizeToContents(False)
    legend.setWrapString("\\n")
    for style, fmt in (
        (QgsLegendStyle.Title, text_format(10 * s, bold=True)),
        (QgsLegendStyle.Group, text_format(8.5 * s, bold=True)),
        (QgsLegendStyle.Subgroup, text_format(8 * s, bold=True)),
        (QgsLegendStyle.SymbolLabel, text_format(8 * s)),
    ):
        legend.rstyle(style).setTextFormat(fmt)
    legend.setSymbolWidth(7.0 * s)
    legend.setSymbolHeight(4.0 * s)
    layout.addLayoutItem(legend)
    place(legend, g["legend"])

    # --- summary table (a text table: map_report fills the rows per page)
    add_label(
        layout,
        "summary_title",
        "Nøgletal pr. område",
        g["summary_title"],
        text_format(9 * s, bold=True),
    )
    table = QgsLayoutItemTextTable(layout)
    table.setHeaderTextFormat(text_format(7 * s, bold=True))
    table.setContentTextFormat(text_format(7 * s))
    table.setCellMargin(0.8 * s)
    table.setGridStrokeWidth(0.15)
    table.setGridColor(QColor("#b0b0b0"))
    table.setHorizontalGrid(True)
    table.setVerticalGrid(False)
    table.setShowGrid(True)
    table.setEmptyTableBehavior(QgsLayoutItemTextTable.EmptyTableMode.ShowMessage)
    table.setEmptyTableMessage("–")
    table.setResizeMode(QgsLayoutMultiFrame.ResizeMode.UseExistingFrames)
    table.setColumns([QgsLayoutTableColumn("Område"), QgsLayoutTableColumn("Indbyggere")])
    table.setContents([["…", "…"]])
    layout.addMultiFrame(table)
    frame = QgsLayoutFrame(layout, table)
    frame.setId("summary_table")
    frame.setHidePageIfEmpty(False)
    place(frame, g["summary_table"])
    table.addFrame(frame)
    add_label(
        layout, "summary_note", "", g["summary_note"], text_format(6.5 * s, colour=MUTED_COLOUR)
    )

    # --- method, sources, date
    add_label(layout, "method_note", "Metode: …", g["method_note"], text_format(7 * s))
    add_label(
        layout, "sources", "Kilder: …", g["sources"], text_format(6.5 * s, colour=MUTED_COLOUR)
    )
    add_label(
        layout,
        "date",
        "Dato: [% format_date(now(), 'd.M.yyyy') %]",
        g["date"],
        text_format(7.5 * s),
        align=Qt.AlignRight,
    )
    add_label(
        layout,
        "page_number",
        "",
        g["page_number"],
        text_format(7 * s, colour=MUTED_COLOUR),
        align=Qt.AlignRight,
    )
    return layout


def write_templates(folder: Path = HERE) -> list[Path]:
    """Build and save every template in ``folder``; return the written paths."""
    folder.mkdir(parents=True, exist_ok=True)
    project = QgsProject()
    written = []
    for stem, paper, orientation in TEMPLATES:
        layout = build_layout(project, paper, orientation)
        path = folder / f"{stem}.qpt"
        if not layout.saveAsTemplate(str(path), QgsReadWriteContext()):
            raise RuntimeError(f"could not write {path}")
        written.append(path)
    return written


def main(argv: list[str]) -> int:
    folder = Path(argv[1]) if len(argv) > 1 else HERE
    app = QgsApplication.instance()
    own_app = app is None
    if own_app:
        QgsApplication.setPrefixPath("/usr", True)
        app = QgsApplication([], False)
        app.initQgis()
    for path in write_templates(folder):
        print(path)
    if own_app:
        app.exitQgis()
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv))
