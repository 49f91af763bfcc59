"""Filling the print layout: the template, its labels (title, notes, logo) and text sizes."""

from __future__ import annotations

from pathlib import Path

from qgis.core import (
    Qgis,
    QgsLayoutItemLabel,
    QgsLayoutItemPicture,
    QgsPrintLayout,
    QgsProject,
    QgsReadWriteContext,
    QgsRenderContext,
    QgsTextBufferSettings,
    QgsTextFormat,
    QgsTextRenderer,
)
from qgis.PyQt.QtGui import QColor, QFont
from qgis.PyQt.QtXml import QDomDocument

from ...sundplan_qgis.errors import SundplanError
from ..base import tr

REQUIRED_ITEMS = ("map",)
FITTED_BOXES = ("method_note", "sources", "summary_note")  # multi-line texts fitted to their box
FONT_FAMILY = "DejaVu Sans"


def text_format(size_pt: float, colour: str = "#333333", *, bold=False, italic=False):
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


def text_width_mm(text: str, fmt: QgsTextFormat) -> float:
    """Width of one line of ``text`` in ``fmt`` in millimetres (as the layout measures it)."""
    context = QgsRenderContext()
    context.setScaleFactor(100.0)  # 100 px per mm: fonts are sized in whole pixels
    return QgsTextRenderer.textWidth(context, fmt, [text]) / 100.0


def fit_one_line(label: QgsLayoutItemLabel, text: str, *, smallest: float = 0.6) -> None:
    """Smaller text until ``text`` fits the label's width on one line (down to 60 %)."""
    fmt = QgsTextFormat(label.textFormat())
    start = fmt.size()
    width = label.rect().width()
    while text_width_mm(text, fmt) * 1.03 > width and fmt.size() > start * smallest:
        fmt.setSize(fmt.size() * 0.95)
    label.setTextFormat(fmt)


def wrapped_lines(text: str, fmt: QgsTextFormat, width_mm: float) -> list[str]:
    """``text`` broken at spaces into lines no wider than ``width_mm`` (its own line breaks
    kept), as a label box wraps it."""
    lines: list[str] = []
    for paragraph in text.split("\n"):
        line = ""
        for word in paragraph.split(" "):
            candidate = f"{line} {word}" if line else word
            if line and text_width_mm(candidate, fmt) > width_mm:
                lines.append(line)
                line = word
            else:
                line = candidate
        lines.append(line)
    return lines


def fit_box(label: QgsLayoutItemLabel, text: str, *, smallest: float = 0.5) -> None:
    """Smaller text until the wrapped ``text`` fits the label's box, so a long method note or
    source line never runs over the items below it or off the page (down to 50 %)."""
    fmt = QgsTextFormat(label.textFormat())
    start = fmt.size()
    width = label.rect().width() - 2 * label.marginX() - 1.0
    height = label.rect().height() - 2 * label.marginY()
    context = QgsRenderContext()
    context.setScaleFactor(100.0)
    while fmt.size() > start * smallest:
        lines = wrapped_lines(text, fmt, width)
        if QgsTextRenderer.textHeight(context, fmt, lines) / 100.0 <= height:
            break
        fmt.setSize(fmt.size() * 0.93)
    label.setTextFormat(fmt)


def escape_expressions(text: str) -> str:
    """Layout labels evaluate ``[% ... %]``: keep user text literal."""
    return text.replace("[%", "[ %")


def html_text(text: str) -> str:
    return text.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;")


def load_template(project: QgsProject, path: Path, feedback) -> QgsPrintLayout:
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


def fill_labels(items: dict, texts: dict, atlas_layer, atlas_name_field: str, logo_path: str):
    """Put ``texts`` into the labels of the same id (title and subtitle made to fit one line,
    for the longest atlas page name) and the logo into its picture (hidden without one)."""
    longest_name = ""
    if atlas_layer is not None and atlas_name_field:
        names = [str(f[atlas_name_field]) for f in atlas_layer.getFeatures()]
        longest_name = max(names, key=len, default="")
    for item_id in ("title", "subtitle"):
        label = items.get(item_id)
        if isinstance(label, QgsLayoutItemLabel):
            fit_one_line(label, texts[item_id].replace("[% @atlas_pagename %]", longest_name))
    for item_id in FITTED_BOXES:
        label = items.get(item_id)
        if isinstance(label, QgsLayoutItemLabel) and item_id in texts:
            fit_box(label, texts[item_id])
    for item_id, text in texts.items():
        label = items.get(item_id)
        if isinstance(label, QgsLayoutItemLabel):
            label.setText(
                escape_expressions(text)
                if item_id not in ("title", "page_number") or atlas_layer is None
                else text
            )
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
