"""Reading QGIS inputs into the core's plain data (shared by the accessibility algorithms).

Big inputs are read in bulk: file-backed OGR line layers go straight to the core's GDAL Arrow
reader; other providers (PostGIS, memory, ...) are read once through the QGIS provider with
only the needed attributes.
"""

from __future__ import annotations

from pathlib import Path

import numpy as np
from qgis.core import (
    QgsCoordinateReferenceSystem,
    QgsCoordinateTransform,
    QgsExpression,
    QgsExpressionContext,
    QgsExpressionContextUtils,
    QgsFeature,
    QgsFeatureRequest,
    QgsFields,
    QgsGeometry,
    QgsPointXY,
    QgsProcessingFeatureSource,
    QgsProject,
    QgsVectorLayer,
    QgsWkbTypes,
)

from ..sundplan_qgis.errors import SundplanError
from ._i18n import tr
from ._sinks import _field

EPSG_25832 = "EPSG:25832"


def transform(src_crs, dst_crs, context) -> QgsCoordinateTransform | None:
    """The transform from ``src_crs`` to ``dst_crs`` in the project's transform context;
    None when none is needed (same CRS) or possible (an invalid CRS)."""
    if not src_crs.isValid() or not dst_crs.isValid() or src_crs == dst_crs:
        return None
    project = context.project() if context is not None else None
    tc = project.transformContext() if project else QgsProject.instance().transformContext()
    return QgsCoordinateTransform(src_crs, dst_crs, tc)


def default_hospitals_layer() -> QgsVectorLayer:
    """The embedded 21 akutsygehuse as a memory point layer in EPSG:25832."""
    from ..sundplan_qgis import reference

    df = reference.akutsygehuse()
    layer = QgsVectorLayer("Point?crs=EPSG:25832", "akutsygehuse", "memory")
    fields = QgsFields()
    fields.append(_field("hospital_id", "int"))
    for name in ("name", "short_name", "region"):
        fields.append(_field(name, "string"))
    layer.dataProvider().addAttributes(list(fields))
    layer.updateFields()
    feats = []
    for row in df.itertuples():
        f = QgsFeature(layer.fields())
        f.setAttributes([int(row.hospital_id), row.name, row.short_name, row.region])
        f.setGeometry(QgsGeometry.fromPointXY(QgsPointXY(row.x_25832, row.y_25832)))
        feats.append(f)
    layer.dataProvider().addFeatures(feats)
    return layer


def read_points(
    source,
    *,
    layer_name: str,
    target_crs: QgsCoordinateReferenceSystem,
    context,
    name_field: str | None = None,
    active_expression: str | None = None,
    expression_parameter: str = "ACTIVE_EXPRESSION",
    fields: tuple[str, ...] = (),
) -> dict:
    """Point features -> {'xy': (n,2) in target CRS, 'names': [...], 'ids': [...], field: [...]}.

    Polygons/multipoints use their centroid / first point. NULL geometries are errors naming the
    feature. ``active_expression`` (a QGIS expression, from the parameter
    ``expression_parameter``) filters which features count, with QGIS's semantics (see
    :func:`select_by_expression`).
    """
    if source is None:
        raise SundplanError(tr("The layer '{name}' could not be read.").format(name=layer_name))
    ct = transform(source.sourceCrs(), target_crs, context)
    selected = None
    if active_expression:
        selected = select_by_expression(
            source,
            active_expression,
            context=context,
            layer_name=layer_name,
            parameter=expression_parameter,
        )
    field_names = source.fields().names()
    for f in (name_field, *fields):
        if f and f not in field_names:
            raise SundplanError(
                tr("The layer '{layer}' has no field '{field}'. Fields found: {fields}.").format(
                    layer=layer_name, field=f, fields=", ".join(field_names)
                )
            )
    xy, names, ids = [], [], []
    extra: dict[str, list] = {f: [] for f in fields}
    for feat in source.getFeatures():
        if selected is not None and feat.id() not in selected:
            continue
        geom = feat.geometry()
        if geom is None or geom.isNull() or geom.isEmpty():
            raise SundplanError(
                tr(
                    "Feature {fid} of '{layer}' has no geometry. Give it a location or remove it."
                ).format(fid=feat.id(), layer=layer_name)
            )
        if QgsWkbTypes.geometryType(geom.wkbType()) != QgsWkbTypes.PointGeometry:
            geom = geom.centroid()
        elif geom.isMultipart():
            geom = QgsGeometry.fromPointXY(geom.asMultiPoint()[0])
        if ct is not None:
            geom.transform(ct)
        p = geom.asPoint()
        xy.append((p.x(), p.y()))
        ids.append(feat.id())
        names.append(str(feat[name_field]) if name_field else f"{layer_name} {feat.id()}")
        for f in fields:
            extra[f].append(feat[f])
    out = {"xy": np.array(xy, dtype=float).reshape(-1, 2), "names": names, "ids": ids}
    out.update(extra)
    return out


def expression_context(source, context) -> QgsExpressionContext:
    """The expression context Processing gives a feature-based algorithm: the processing
    context's scopes (global and project when it has none), then the source's layer scope —
    as ``QgsProcessingAlgorithm::createExpressionContext`` builds it for
    ``native:extractbyexpression``."""
    ectx = QgsExpressionContext(context.expressionContext()) if context is not None else None
    if ectx is None or ectx.scopeCount() == 0:
        ectx = QgsExpressionContext()
        project = context.project() if context is not None else None
        ectx.appendScope(QgsExpressionContextUtils.globalScope())
        ectx.appendScope(QgsExpressionContextUtils.projectScope(project or QgsProject.instance()))
    if hasattr(source, "createExpressionContextScope"):
        ectx.appendScope(source.createExpressionContextScope())
    elif isinstance(source, QgsVectorLayer):
        ectx.appendScope(QgsExpressionContextUtils.layerScope(source))
    ectx.setFields(source.fields())
    return ectx


def select_by_expression(
    source, expression: str, *, context, layer_name: str, parameter: str
) -> set[int]:
    """Ids of the features of ``source`` for which the QGIS ``expression`` is true.

    QGIS semantics, not Python's: the selection is made by a ``QgsFeatureRequest`` filter with
    :func:`expression_context`, exactly as ``native:extractbyexpression`` makes it (NULL and
    0 are false, the text 'no' is true, the texts '', '0' and 'false' are false). A parse
    error stops with QGIS's parser message; an evaluation error (an unknown field, text that
    cannot be compared) stops naming the first feature where it happens.
    """
    expr = QgsExpression(expression)
    if expr.hasParserError():
        raise SundplanError(
            tr(
                "The expression in {parameter} cannot be read: {error} (expression: {expression}). "
                'Write field names in double quotes ("active") and texts in single quotes '
                "('yes')."
            ).format(parameter=parameter, error=expr.parserErrorString(), expression=expression)
        )
    ectx = expression_context(source, context)
    expr.prepare(ectx)
    if expr.hasEvalError():
        raise SundplanError(
            tr(
                "The expression in {parameter} cannot be evaluated on '{layer}': {error}. "
                "Fields found: {fields}."
            ).format(
                parameter=parameter,
                layer=layer_name,
                error=expr.evalErrorString(),
                fields=", ".join(source.fields().names()),
            )
        )
    for feat in source.getFeatures():
        ectx.setFeature(feat)
        expr.evaluate(ectx)
        if expr.hasEvalError():
            raise SundplanError(
                tr(
                    "The expression in {parameter} cannot be evaluated for feature {fid} of "
                    "'{layer}': {error}."
                ).format(
                    parameter=parameter,
                    fid=feat.id(),
                    layer=layer_name,
                    error=expr.evalErrorString(),
                )
            )
    request = QgsFeatureRequest()
    request.setFilterExpression(expression)
    request.setExpressionContext(expression_context(source, context))
    request.setFlags(QgsFeatureRequest.NoGeometry)
    return {feat.id() for feat in source.getFeatures(request)}


def read_polygons(
    source,
    *,
    layer_name: str,
    target_crs: QgsCoordinateReferenceSystem,
    context,
    id_field: str | None,
    name_field: str | None,
    fields: tuple[str, ...] = (),
) -> dict:
    """Polygon features -> {'geometries': [shapely], 'ids': [...], 'names': [...]} (target CRS).

    Duplicate ids are an error naming them.
    """
    from shapely import wkb

    ct = transform(source.sourceCrs(), target_crs, context)
    names_found = source.fields().names()
    for f in (id_field, name_field, *fields):
        if f and f not in names_found:
            raise SundplanError(
                tr("The layer '{layer}' has no field '{field}'. Fields found: {fields}.").format(
                    layer=layer_name, field=f, fields=", ".join(names_found)
                )
            )
    geoms, ids, names = [], [], []
    extra: dict[str, list] = {f: [] for f in fields}
    for feat in source.getFeatures():
        geom = QgsGeometry(feat.geometry())
        if geom.isNull() or geom.isEmpty():
            raise SundplanError(
                tr("Feature {fid} of '{layer}' has no geometry. Repair or remove it.").format(
                    fid=feat.id(), layer=layer_name
                )
            )
        if ct is not None:
            geom.transform(ct)
        if not geom.isGeosValid():
            geom = geom.makeValid()
        shp = wkb.loads(bytes(geom.asWkb()))
        geoms.append(shp)
        ids.append(feat[id_field] if id_field else feat.id())
        names.append(str(feat[name_field]) if name_field else str(ids[-1]))
        for f in fields:
            extra[f].append(feat[f])
    if not geoms:
        raise SundplanError(tr("The area layer '{layer}' is empty.").format(layer=layer_name))
    seen, dupes = set(), []
    for i in ids:
        if i in seen:
            dupes.append(i)
        seen.add(i)
    if dupes:
        raise SundplanError(
            tr(
                "The area layer '{layer}' has duplicate ids in '{field}': {ids}. Each area needs "
                "a unique id (dissolve multi-part areas first)."
            ).format(layer=layer_name, field=id_field, ids=", ".join(map(str, dupes[:5])))
        )
    return {"geometries": geoms, "ids": ids, "names": names, **extra}


def ogr_file_of(layer) -> tuple[str, str | None] | None:
    """(path, layer name) when ``layer`` is a plain, unfiltered OGR file layer, else None."""
    if layer is None or layer.providerType() != "ogr":
        return None
    parts = layer.dataProvider().dataSourceUri().split("|")
    path = parts[0]
    if not Path(path).is_file():
        return None
    layer_name = None
    for p in parts[1:]:
        if p.startswith("subset="):
            return None
        if p.startswith("layername="):
            layer_name = p.split("=", 1)[1]
    if layer.subsetString():
        return None
    return path, layer_name


def null_to_none(value):
    """QGIS NULL (a null QVariant) -> None, everything else unchanged: the one NULL rule of
    the readers and parameter groups."""
    if value is None or (hasattr(value, "isNull") and value.isNull()):
        return None
    return value


def lines_from_source(
    source: QgsProcessingFeatureSource,
    *,
    layer_name: str,
    speed_field: str | None,
    oneway_field: str | None,
    class_field: str | None,
    duration_field: str | None,
    feedback=None,
):
    """Read a line layer through its QGIS provider in one pass into ``network.RoadLines``."""
    from ..sundplan_qgis import network
    from ..sundplan_qgis.network import fields as road_fields

    names_found = source.fields().names()
    found = road_fields.resolve_fields(
        names_found,
        layer=layer_name,
        speed_field=speed_field,
        oneway_field=oneway_field,
        class_field=class_field,
        duration_field=duration_field,
    )
    speed_field, oneway_field = found.speed, found.oneway
    class_field, duration_field = found.road_class, found.duration
    wanted = [f for f in (speed_field, oneway_field, class_field, duration_field) if f]
    request = QgsFeatureRequest().setSubsetOfAttributes(wanted, source.fields())
    parts: list[np.ndarray] = []
    fids: list[int] = []  # feature id per line part, to name implausible speeds
    attrs: dict[str, list] = {f: [] for f in wanted}
    total = max(1, source.featureCount())
    for i, feat in enumerate(source.getFeatures(request)):
        if feedback is not None and i % 2000 == 0:
            if feedback.isCanceled():
                raise SundplanError(tr("Cancelled by the user."))
            feedback.setProgress(min(100.0, 100.0 * i / total) * 0.1)
        geom = feat.geometry()
        if geom.isNull() or geom.isEmpty():
            continue
        lines = geom.asMultiPolyline() if geom.isMultipart() else [geom.asPolyline()]
        for line in lines:
            if len(line) < 2:
                continue
            parts.append(np.array([(p.x(), p.y()) for p in line], dtype=float))
            fids.append(feat.id())
            for f in wanted:
                attrs[f].append(null_to_none(feat[f]))
    if not parts:
        raise SundplanError(
            tr("The road layer '{layer}' has no line features.").format(layer=layer_name)
        )
    n = len(parts)
    lengths = np.array([len(p) for p in parts], dtype=np.int64)

    def floats(values):
        if values is None:
            return np.full(n, np.nan)
        out = np.full(n, np.nan)
        for i, v in enumerate(values):
            try:
                out[i] = float(v)
            except (TypeError, ValueError):
                pass
        return out

    road_class = attrs.get(class_field) if class_field else None
    if speed_field:
        speed = network.speeds_from_values(np.array(attrs[speed_field], dtype=object))
        if "speed" in found.detected:  # a detected maxspeed: 0 means unknown (Geofabrik)
            speed[speed == 0] = np.nan
        network.check_speeds(speed, fids, layer=layer_name, field=speed_field)
    else:
        speed = np.full(n, np.nan)
    return network.RoadLines(
        coords=np.concatenate(parts),
        offsets=np.concatenate([[0], np.cumsum(lengths)]).astype(np.int64),
        road_class=np.array(
            ["" if v is None else str(v) for v in road_class] if road_class else [""] * n,
            dtype=object,
        ),
        speed_kmh=speed,
        oneway=road_fields.read_oneway(
            np.array(["" if v is None else str(v) for v in attrs[oneway_field]], dtype=object)
            if oneway_field
            else np.full(n, "", dtype=object)
        ),
        ferry_duration_min=floats(attrs.get(duration_field) if duration_field else None),
        crs_wkt=source.sourceCrs().toWkt(),
        source_name=layer_name,
        fields={**found.as_report(), "found": list(names_found)},
    )
