"""The summary table of the page: the rows that fit (or the atlas page's rows), columns sized
to the frame."""

from __future__ import annotations

from qgis.core import (
    QgsLayoutFrame,
    QgsLayoutItemLabel,
    QgsLayoutItemTextTable,
    QgsLayoutTable,
    QgsLayoutTableColumn,
    QgsTextFormat,
    QgsVectorLayer,
)
from qgis.PyQt.QtCore import Qt

from ...sundplan_qgis import page_text
from .layout import text_width_mm
from .not_reached import AreaRows


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
        head_full = text_width_mm(heading, header)
        head_word = max((text_width_mm(w, header) for w in heading.split()), default=0.0)
        cell_full = max((text_width_mm(c, content) for c in cells), default=0.0)
        cell_word = max((text_width_mm(w, content) for c in cells for w in c.split()), default=0.0)
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
