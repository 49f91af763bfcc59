"""Writing pandas frames to Processing feature sinks, with fields typed from the dtypes."""

from __future__ import annotations

import math
from collections.abc import Iterable
from typing import Any

from qgis.core import (
    Qgis,
    QgsCoordinateReferenceSystem,
    QgsFeature,
    QgsFeatureSink,
    QgsField,
    QgsFields,
    QgsGeometry,
    QgsPointXY,
    QgsProcessingAlgorithm,
    QgsProcessingContext,
    QgsProcessingException,
    QgsProcessingFeedback,
    QgsProcessingParameterDefinition,
    QgsVectorLayer,
    QgsWkbTypes,
)
from qgis.PyQt.QtCore import QDate, QDateTime, QVariant

from ..sundplan_qgis.errors import SundplanError
from ._i18n import tr


def _field(name: str, kind: str) -> QgsField:
    """A QgsField of ``kind`` in ('bool', 'int', 'double', 'datetime', 'date', 'string')."""
    if Qgis.QGIS_VERSION_INT >= 33800:
        from qgis.PyQt.QtCore import QMetaType

        types = {
            "bool": QMetaType.Type.Bool,
            "int": QMetaType.Type.LongLong,
            "double": QMetaType.Type.Double,
            "datetime": QMetaType.Type.QDateTime,
            "date": QMetaType.Type.QDate,
            "string": QMetaType.Type.QString,
        }
    else:  # QGIS 3.34/3.36: QVariant types
        types = {
            "bool": QVariant.Bool,
            "int": QVariant.LongLong,
            "double": QVariant.Double,
            "datetime": QVariant.DateTime,
            "date": QVariant.Date,
            "string": QVariant.String,
        }
    return QgsField(name, types[kind])


def _dtype_kind(series) -> str:
    import pandas as pd

    dtype = series.dtype
    if pd.api.types.is_bool_dtype(dtype):
        return "bool"
    if pd.api.types.is_integer_dtype(dtype):
        return "int"
    if pd.api.types.is_float_dtype(dtype):
        return "double"
    if pd.api.types.is_datetime64_any_dtype(dtype):
        return "datetime"
    return "string"


def fields_from_dataframe(df, *, exclude: Iterable[str] = ()) -> QgsFields:
    """QgsFields typed from the frame's dtypes (int -> 64-bit int, float -> double, ...)."""
    excluded = set(exclude)
    fields = QgsFields()
    for column in df.columns:
        if column in excluded:
            continue
        fields.append(_field(str(column), _dtype_kind(df[column])))
    return fields


def _qgis_value(value: Any, kind: str) -> Any:
    if value is None or type(value).__name__ == "NAType":  # pandas' missing value (Int64)
        return None
    try:
        if isinstance(value, float) and math.isnan(value):
            return None
    except TypeError:
        pass
    if kind == "datetime":
        import pandas as pd

        if value is pd.NaT or (hasattr(value, "isnull") and value.isnull()):
            return None
        return QDateTime(pd.Timestamp(value).to_pydatetime())
    if kind == "date":
        return QDate(value)
    if hasattr(value, "item") and not isinstance(value, str):
        value = value.item()  # numpy scalar -> Python
        if isinstance(value, float) and math.isnan(value):
            return None
    if kind == "string" and not isinstance(value, str):
        import pandas as pd

        if pd.isna(value):
            return None
        return str(value)
    if kind == "int" and isinstance(value, float):
        return int(value)
    return value


def _sink_geometry_type(geometries) -> Qgis.WkbType:
    names = {g.geom_type for g in geometries if g is not None and not g.is_empty}
    if not names:
        return Qgis.WkbType.NoGeometry
    bases = {n.replace("Multi", "") for n in names}
    if len(bases) > 1:
        raise SundplanError(f"mixed geometry types cannot be written to one layer: {sorted(names)}")
    base = bases.pop()
    multi = any(n.startswith("Multi") for n in names)
    return QgsWkbTypes.parseType(("Multi" if multi else "") + base)


def _features(df, fields: QgsFields, kinds: list[str], *, x, y, geometry, multi: bool):
    """One QgsFeature per row of ``df`` (attributes typed by ``kinds``, NaN/None -> NULL;
    geometry from ``x``/``y`` or the shapely column ``geometry``)."""
    columns = [f.name() for f in fields]
    values = [
        df[c].tolist() if k != "datetime" else list(df[c])
        for c, k in zip(columns, kinds, strict=True)
    ]
    xs = df[x].to_numpy(dtype=float) if x and y else None
    ys = df[y].to_numpy(dtype=float) if x and y else None
    geoms = list(df[geometry]) if geometry else None
    for i in range(len(df)):
        feature = QgsFeature(fields)
        feature.setAttributes([_qgis_value(v[i], k) for v, k in zip(values, kinds, strict=True)])
        if xs is not None:
            if not (math.isnan(xs[i]) or math.isnan(ys[i])):
                feature.setGeometry(QgsGeometry.fromPointXY(QgsPointXY(xs[i], ys[i])))
        elif geoms is not None and geoms[i] is not None and not geoms[i].is_empty:
            geom = QgsGeometry()
            geom.fromWkb(bytes(geoms[i].wkb))
            if multi and not geom.isMultipart():
                geom.convertToMultiType()
            feature.setGeometry(geom)
        yield feature


def dataframe_to_layer(df, *, geometry: str, crs: str, name: str) -> QgsVectorLayer:
    """A memory layer of ``df`` (fields typed like :func:`dataframe_to_sink`'s) with the
    shapely geometries of column ``geometry`` in ``crs`` (an auth id)."""
    fields = fields_from_dataframe(df, exclude=[geometry])
    kinds = [_dtype_kind(df[f.name()]) for f in fields]
    wkb_type = _sink_geometry_type(df[geometry])
    layer = QgsVectorLayer(f"{QgsWkbTypes.displayString(wkb_type)}?crs={crs}", name, "memory")
    layer.dataProvider().addAttributes(list(fields))
    layer.updateFields()
    features = _features(
        df,
        layer.fields(),
        kinds,
        x=None,
        y=None,
        geometry=geometry,
        multi=QgsWkbTypes.isMultiType(wkb_type),
    )
    layer.dataProvider().addFeatures(list(features))
    return layer


def dataframe_to_sink(
    algorithm: QgsProcessingAlgorithm,
    df,
    parameters: dict,
    name: str,
    context: QgsProcessingContext,
    *,
    x: str | None = None,
    y: str | None = None,
    geometry: str | None = None,
    crs: QgsCoordinateReferenceSystem | str | None = None,
    feedback: QgsProcessingFeedback | None = None,
) -> str | None:
    """Write a pandas DataFrame to the feature sink parameter ``name``; return its dest id.

    Returns None (writes nothing) for an optional sink the user did not ask for.

    Geometry comes from point columns ``x``/``y`` or from a column ``geometry`` of shapely
    objects (shapely 1.8 or 2; ``None`` = no geometry); with neither, a table is written.
    ``crs`` is a ``QgsCoordinateReferenceSystem`` or an auth id such as ``"EPSG:25832"``.
    Fields are typed from the dtypes; the coordinate / geometry columns are not written as
    fields. NaN / None become NULL.
    """
    if isinstance(crs, str):
        crs = QgsCoordinateReferenceSystem(crs)
    crs = crs or QgsCoordinateReferenceSystem()
    exclude = [c for c in (x, y, geometry) if c]
    fields = fields_from_dataframe(df, exclude=exclude)
    kinds = [_dtype_kind(df[f.name()]) for f in fields]

    if x and y:
        wkb_type = QgsWkbTypes.parseType("Point")
    elif geometry:
        wkb_type = _sink_geometry_type(df[geometry])
    else:
        wkb_type = Qgis.WkbType.NoGeometry
    multi = QgsWkbTypes.isMultiType(wkb_type)

    sink, dest_id = algorithm.parameterAsSink(parameters, name, context, fields, wkb_type, crs)
    if sink is None:
        definition = algorithm.parameterDefinition(name)
        optional = definition is not None and bool(
            definition.flags() & QgsProcessingParameterDefinition.Flag.FlagOptional
        )
        if optional and parameters.get(name) in (None, ""):
            return None  # an optional output the user did not ask for
        raise QgsProcessingException(algorithm.invalidSinkError(parameters, name))

    for i, feature in enumerate(
        _features(df, fields, kinds, x=x, y=y, geometry=geometry, multi=multi)
    ):
        if feedback is not None and feedback.isCanceled():
            break
        if not sink.addFeature(feature, QgsFeatureSink.Flag.FastInsert):
            raise QgsProcessingException(
                tr("Could not write feature {i} to output {name}: {error}").format(
                    i=i, name=name, error=sink.lastError()
                )
            )
    del sink  # flush and close the output before post-processing reads it
    register = getattr(algorithm, "register_output", None)  # a SundplanAlgorithm
    if register is not None:
        definition = algorithm.parameterDefinition(name)
        register(dest_id, title=definition.description() if definition is not None else name)
    return dest_id
