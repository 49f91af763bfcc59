"""The key figure "Ikke nået: N (x %)" on the page: the rows of the per-area table that belong
to the page (all, or the atlas page's area), their totals, and what was printed."""

from __future__ import annotations

from qgis.core import (
    Qgis,
    QgsCoordinateTransform,
    QgsLayoutItemLabel,
    QgsLayoutPoint,
    QgsLayoutSize,
    QgsPrintLayout,
    QgsTextFormat,
    QgsUnitTypes,
    QgsVectorLayer,
)
from qgis.PyQt.QtGui import QColor

from ...sundplan_qgis import page_text
from ..base import tr
from .layout import html_text, text_format
from .provenance import display_name, plain


def add_not_reached_label(layout: QgsPrintLayout, map_item) -> QgsLayoutItemLabel:
    """The key figure box for templates without a ``not_reached`` item: the map's top left."""
    label = QgsLayoutItemLabel(layout)
    label.setId("not_reached")
    label.setTextFormat(text_format(8, "#1f1f1f"))
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
            row = {name: plain(feature[name]) for name in names}
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
        self.label.setText(f"<b>{html_text(figure)}</b>\n{html_text(note)}")
        self.printed[page] = {"page": page, "text": figure, **totals.as_dict()}

    def show_all(self) -> None:
        self._show(self.total, None)

    def show_feature(self, feature) -> None:
        """Slot for ``QgsLayoutAtlas.featureChanged``: the figure of the page's area."""
        if not feature.isValid():  # the atlas ends with an empty feature
            return
        name = None
        if self.name_field and feature.fields().indexOf(self.name_field) >= 0:
            name = str(plain(feature[self.name_field]))
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
        from ...sundplan_qgis import coverage as cov

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
