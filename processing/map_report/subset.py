"""Atlas subsets: pages for one region, region from 2027, sundhedsråd (or an expression) while
the areas around it stay on the map, dimmed and with their borders.

An atlas layer with a QGIS filter is treated the same way: the filter chooses the pages, the
unfiltered layer is the backdrop, and the filtered-out neighbours are dimmed, never drawn as if
they were part of the analysis.
"""

from __future__ import annotations

from dataclasses import dataclass

from qgis.core import (
    QgsCoordinateReferenceSystem,
    QgsCoordinateTransform,
    QgsExpression,
    QgsExpressionContext,
    QgsExpressionContextUtils,
    QgsFeatureRequest,
    QgsFillSymbol,
    QgsGeometry,
    QgsProject,
    QgsSingleSymbolRenderer,
    QgsVectorLayer,
)

from ...sundplan_qgis import atlas_subset, reference
from ...sundplan_qgis.errors import SundplanError
from ..base import tr, translate_message
from .provenance import display_name, plain

#: Share of an atlas feature's area that must lie in the unit for the feature to belong to it
#: (the user's kommuner may be drawn at another resolution than the embedded ones).
MIN_SHARE_INSIDE = 0.5

KOMMUNE_CODE_FIELDS = ("kommunekode", "komkode", "kommune_kode", "area_id")


@dataclass
class AtlasSubset:
    """The pages' layer, the layer of everything on the map and what lies outside."""

    pages: QgsVectorLayer
    full: QgsVectorLayer
    outside: QgsVectorLayer | None
    label: str  # e.g. "Region Nordjylland" or the expression, for the legend and the report
    record: dict


def atlas_subset_of(atlas: QgsVectorLayer, text: str, context) -> AtlasSubset | None:
    """The subset ``text`` (a unit or an expression) of ``atlas``, or the atlas layer's own
    filter; None when neither limits the pages."""
    full = atlas
    own_filter = atlas.subsetString()
    if own_filter:
        options = QgsVectorLayer.LayerOptions()
        options.loadDefaultStyle = False
        full = QgsVectorLayer(atlas.source(), atlas.name(), atlas.providerType(), options)
        full.setSubsetString("")
    if not text.strip():
        if not own_filter:
            return None
        ids = {f.id() for f in atlas.getFeatures(QgsFeatureRequest().setNoAttributes())}
        record = {"filter": own_filter}
        return _subset(full, ids, own_filter, record)
    unit = atlas_subset.find_unit(text)
    if unit is not None:
        ids = _unit_members(full, unit)
        record = {
            "level": unit.level,
            "id": unit.unit_id,
            "name": unit.name,
            "kommuner": len(unit.kommunekoder),
        }
        label = unit.name
    else:
        ids = _expression_members(full, text, context)
        record = {"expression": text}
        label = text
    if own_filter:
        ids &= {f.id() for f in atlas.getFeatures(QgsFeatureRequest().setNoAttributes())}
        record["filter"] = own_filter
    if not ids:
        raise SundplanError(
            tr(
                "The atlas subset '{subset}' leaves no page of the atlas layer '{layer}'. "
                "Check the name, code or expression."
            ).format(subset=text, layer=display_name(atlas))
        )
    return _subset(full, ids, label, record)


def _subset(full: QgsVectorLayer, ids: set[int], label: str, record: dict) -> AtlasSubset:
    all_ids = {f.id() for f in full.getFeatures(QgsFeatureRequest().setNoAttributes())}
    pages = full.materialize(QgsFeatureRequest().setFilterFids(sorted(ids)))
    pages.setName(full.name())
    rest = sorted(all_ids - ids)
    outside = None
    if rest:
        outside = full.materialize(QgsFeatureRequest().setFilterFids(rest))
        outside.setRenderer(
            QgsSingleSymbolRenderer(
                QgsFillSymbol.createSimple(
                    {
                        "color": "255,255,255,190",
                        "outline_color": "#7a7a7a",
                        "outline_width": "0.25",
                    }
                )
            )
        )
    record = {**record, "pages": len(ids), "outside": len(rest)}
    return AtlasSubset(pages=pages, full=full, outside=outside, label=label, record=record)


def _unit_members(layer: QgsVectorLayer, unit: atlas_subset.Unit) -> set[int]:
    """Features of ``layer`` in ``unit``: by kommunekode when the layer has one, else the
    features lying mostly inside the unit's polygon."""
    names = {n.lower(): n for n in layer.fields().names()}
    code_field = next((names[f] for f in KOMMUNE_CODE_FIELDS if f in names), None)
    codes = set(unit.kommunekoder)
    if code_field is not None:
        hits = set()
        for feature in layer.getFeatures():
            if reference.normalise_code(plain(feature[code_field])) in codes:
                hits.add(feature.id())
        if hits:
            return hits
    geometry = QgsGeometry.fromWkt(unit.geometry.wkt)
    xform = QgsCoordinateTransform(
        QgsCoordinateReferenceSystem(reference.NATIONAL_CRS), layer.crs(), QgsProject.instance()
    )
    geometry.transform(xform)
    engine = QgsGeometry.createGeometryEngine(geometry.constGet())
    engine.prepareGeometry()
    hits = set()
    for feature in layer.getFeatures(QgsFeatureRequest().setNoAttributes()):
        shape = feature.geometry()
        if shape.isEmpty() or not engine.intersects(shape.constGet()):
            continue
        area = shape.area()
        inside = shape.intersection(geometry).area()
        if area > 0 and inside / area >= MIN_SHARE_INSIDE:
            hits.add(feature.id())
    return hits


def _expression_members(layer: QgsVectorLayer, text: str, context) -> set[int]:
    from .reading import field_list

    expression = QgsExpression(text)
    if expression.hasParserError():
        raise SundplanError(
            tr(
                "The atlas subset '{subset}' is neither a region, region from 2027, sundhedsråd "
                "or sundhedsfællesskab ({names}, or a code such as sundhedsraad:5) nor a valid "
                "QGIS expression: {error}"
            ).format(
                subset=text,
                names=", ".join(atlas_subset.unit_names()),
                error=expression.parserErrorString(),
            )
        )
    missing = [c for c in expression.referencedColumns() if layer.fields().indexOf(c) < 0]
    missing = [c for c in missing if c != QgsFeatureRequest.ALL_ATTRIBUTES]
    if missing:
        raise SundplanError(
            tr(
                "The atlas subset expression '{subset}' uses fields that the atlas layer "
                "'{layer}' does not have: {missing}. Its fields are: {fields}."
            ).format(
                subset=text,
                layer=display_name(layer),
                missing=", ".join(missing),
                fields=field_list(layer),
            )
        )
    expr_context = QgsExpressionContext(QgsExpressionContextUtils.globalProjectLayerScopes(layer))
    expression.prepare(expr_context)
    hits = set()
    for feature in layer.getFeatures():
        expr_context.setFeature(feature)
        value = expression.evaluate(expr_context)
        if expression.hasEvalError():
            raise SundplanError(
                tr("The atlas subset expression '{subset}' fails: {error}").format(
                    subset=text, error=translate_message(expression.evalErrorString())
                )
            )
        if value:
            hits.add(feature.id())
    return hits
