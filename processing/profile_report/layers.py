"""The layers of the profile's small maps: the kommuner coloured by one indicator (five classes
over all kommuner, so every page uses the same scale), a grey backdrop, and the units (the
atlas coverage, faded outside the page's unit by map_report's atlas fade)."""

from __future__ import annotations

import math

import numpy as np
from qgis.core import (
    QgsCoordinateReferenceSystem,
    QgsFeature,
    QgsFeatureRequest,
    QgsField,
    QgsFillSymbol,
    QgsGeometry,
    QgsGraduatedSymbolRenderer,
    QgsRendererRange,
    QgsRuleBasedRenderer,
    QgsSingleSymbolRenderer,
    QgsVectorLayer,
)
from qgis.PyQt.QtCore import QMetaType

from ...sundplan_qgis import profile, reference
from ...sundplan_qgis.page_text import profile as words
from .._inputs import null_to_none

SIMPLIFY_M = {"kommune": 100.0, "sundhedsraad": 400.0, "region": 700.0, "region_2027": 900.0}
"""Simplification per level, about a quarter of a millimetre on the small maps (a unit fills
~6 cm: 1 mm is ~0.5 km for a kommune, 1-3 km for a sundhedsråd, 4-6 km for a region); the
vertices drawn six times per page are what makes the PDF's size."""
BACKDROP_GREY = "#e6e6e6"
COLOURS = ("#f1eef6", "#bdc9e1", "#74a9cf", "#2b8cbe", "#045a8d")
SHARE_COLUMNS = {"share_75_plus", "travel_share_over_30_min", "fca_share_low_access", "spec_ratio"}
DECIMALS = {"travel_mean_min": 1, "gp_need_per_10000": 1}


def _memory_layer(name: str, fields: list[tuple[str, QMetaType.Type]]) -> QgsVectorLayer:
    crs = QgsCoordinateReferenceSystem(reference.NATIONAL_CRS)
    layer = QgsVectorLayer(f"MultiPolygon?crs={crs.authid()}", name, "memory")
    layer.dataProvider().addAttributes([QgsField(n, t) for n, t in fields])
    layer.updateFields()
    return layer


def _geometry(shape, level: str) -> QgsGeometry:
    return QgsGeometry.fromWkt(shape.simplify(SIMPLIFY_M[level], preserve_topology=True).wkt)


def kommune_layer(result: profile.ProfileResult) -> QgsVectorLayer:
    """The kommuner with the per-kommune indicator columns of ``result``."""
    shapes = reference.kommune_polygons()
    values = result.kommuner.set_index("kommunekode")
    columns = list(profile.MAP_INDICATORS)
    fields = [("kommunekode", QMetaType.Type.QString), ("unit_code", QMetaType.Type.QString)]
    fields += [(c, QMetaType.Type.Double) for c in columns]
    layer = _memory_layer("kommuner", fields)
    features = []
    for code, shape in zip(shapes["kommunekode"].astype(str), shapes["geometry"], strict=True):
        feature = QgsFeature(layer.fields())
        row = values.loc[code] if code in values.index else None
        attrs = [code, None if row is None else row["unit_code"]]
        for c in columns:
            v = None if row is None else row[c]
            attrs.append(None if v is None or not math.isfinite(float(v)) else float(v))
        feature.setAttributes(attrs)
        feature.setGeometry(_geometry(shape, result.level))
        features.append(feature)
    layer.dataProvider().addFeatures(features)
    return layer


def unit_layer(result: profile.ProfileResult) -> QgsVectorLayer:
    """One polygon per unit (its kommuner dissolved): ``unit_code``, ``unit_name``."""
    from shapely.ops import unary_union

    shapes = reference.kommune_polygons()
    by_code = dict(zip(shapes["kommunekode"].astype(str), shapes["geometry"], strict=True))
    layer = _memory_layer(
        "units", [("unit_code", QMetaType.Type.QString), ("unit_name", QMetaType.Type.QString)]
    )
    frame = result.kommuner
    features = []
    for row in result.indicators.itertuples():
        if row.unit_code == profile.NATIONAL:
            continue
        codes = frame.loc[frame["unit_code"] == row.unit_code, "kommunekode"]
        parts = [by_code[c] for c in codes if c in by_code]
        if not parts:
            continue
        feature = QgsFeature(layer.fields())
        feature.setAttributes([str(row.unit_code), str(row.unit_name)])
        feature.setGeometry(_geometry(unary_union(parts), result.level))
        features.append(feature)
    layer.dataProvider().addFeatures(features)
    return layer


def backdrop(kommuner: QgsVectorLayer) -> QgsVectorLayer:
    """All kommuner light grey with thin white borders (what has no value stays grey)."""
    layer = kommuner.materialize(QgsFeatureRequest())
    layer.setName("backdrop")
    layer.setRenderer(
        QgsSingleSymbolRenderer(
            QgsFillSymbol.createSimple(
                {"color": BACKDROP_GREY, "outline_color": "#ffffff", "outline_width": "0.1"}
            )
        )
    )
    return layer


def class_limits(values: np.ndarray, n: int = len(COLOURS)) -> list[float]:
    """Quantile class limits over the finite ``values`` (duplicates merged)."""
    finite = values[np.isfinite(values)]
    if finite.size == 0:
        return []
    limits = np.unique(np.quantile(finite, np.linspace(0.0, 1.0, n + 1)))
    return [float(v) for v in limits] if limits.size > 1 else [float(finite[0])] * 2


def format_limit(value: float, column: str, language: str) -> str:
    if column in SHARE_COLUMNS:
        return words.percent(value, language=language, decimals=1)
    return words.number(value, decimals=DECIMALS.get(column, 0), language=language)


def indicator_layer(
    kommuner: QgsVectorLayer, column: str, caption: str, language: str
) -> QgsVectorLayer:
    """The kommuner coloured by ``column`` (quantile classes, labels in the page's format)."""
    layer = kommuner.materialize(QgsFeatureRequest())
    layer.setName(caption)
    values = np.array(
        [
            np.nan if null_to_none(f[column]) is None else float(f[column])
            for f in layer.getFeatures()
        ],
        dtype=float,
    )
    limits = class_limits(values)
    ranges = []
    n = max(len(limits) - 1, 1)
    for i in range(len(limits) - 1):
        lower, upper = limits[i], limits[i + 1]
        colour = COLOURS[round(i * (len(COLOURS) - 1) / max(n - 1, 1))]
        symbol = QgsFillSymbol.createSimple(
            {"color": colour, "outline_color": "#ffffff", "outline_width": "0.1"}
        )
        label = f"{format_limit(lower, column, language)} – {format_limit(upper, column, language)}"
        ranges.append(QgsRendererRange(lower, upper, symbol, label))
    # as rules, with kommuner without a value in the backdrop's grey: one layer per map
    rules = QgsRuleBasedRenderer.convertFromRenderer(QgsGraduatedSymbolRenderer(column, ranges))
    grey = QgsFillSymbol.createSimple(
        {"color": BACKDROP_GREY, "outline_color": "#ffffff", "outline_width": "0.1"}
    )
    rules.rootRule().appendChild(
        QgsRuleBasedRenderer.Rule(grey, 0, 0, "ELSE", words.w("no_value", language), "", True)
    )
    layer.setRenderer(rules)
    return layer
