"""Fit the shipped QML styles to a run's data: legend labels from the hospital names, only the
hospitals present, and travel-time classes at the bands the user chose.

The QML files in ``resources/styles/`` hold the colours; these adapters keep those colours
and rewrite classes and labels, so the legend of a printed map says "Thisted", not
"Sygehus nr. 21", and "0–20 min" when the user chose 20-minute bands.
"""

from __future__ import annotations

from collections.abc import Callable, Sequence

from qgis.core import (
    QgsCategorizedSymbolRenderer,
    QgsColorRampShader,
    QgsRendererCategory,
    QgsSingleBandPseudoColorRenderer,
)
from qgis.PyQt.QtGui import QColor

from .base import tr


def _fmt(v: float) -> str:
    return f"{v:g}"


def _interpolate(colours: Sequence[QColor], n: int) -> list[QColor]:
    """``n`` colours spread evenly along the given colours (first and last kept)."""
    if n <= 0:
        return []
    if len(colours) == 1 or n == 1:
        return [QColor(colours[0])] * n
    out = []
    for i in range(n):
        pos = i * (len(colours) - 1) / (n - 1)
        a = int(pos)
        b = min(a + 1, len(colours) - 1)
        t = pos - a
        ca, cb = colours[a], colours[b]
        out.append(
            QColor(
                round(ca.red() + (cb.red() - ca.red()) * t),
                round(ca.green() + (cb.green() - ca.green()) * t),
                round(ca.blue() + (cb.blue() - ca.blue()) * t),
                round(ca.alpha() + (cb.alpha() - ca.alpha()) * t),
            )
        )
    return out


def band_label(lower: float, upper: float | None) -> str:
    """'0–15 min', '> 60 min'."""
    if upper is None:
        return tr("> {limit} min").format(limit=_fmt(lower))
    return tr("{lower}–{upper} min").format(lower=_fmt(lower), upper=_fmt(upper))


def travel_time_raster(bands_min: Sequence[float]) -> Callable:
    """Adapter: discrete raster classes at ``bands_min`` plus '> last', in the style's colours."""
    limits = [float(b) for b in bands_min]

    def adapt(layer) -> None:
        renderer = layer.renderer()
        if not isinstance(renderer, QgsSingleBandPseudoColorRenderer):
            return
        shader_fn = renderer.shader().rasterShaderFunction()
        items = shader_fn.colorRampItemList()
        colours = _interpolate([it.color for it in items] or [QColor("#ffffcc")], len(limits) + 1)
        new_items = []
        lower = 0.0
        for limit, colour in zip(limits, colours, strict=False):
            new_items.append(
                QgsColorRampShader.ColorRampItem(limit, colour, band_label(lower, limit))
            )
            lower = limit
        new_items.append(
            QgsColorRampShader.ColorRampItem(float("inf"), colours[-1], band_label(lower, None))
        )
        shader_fn.setColorRampType(QgsColorRampShader.Discrete)
        shader_fn.setColorRampItemList(new_items)
        shader_fn.setMinimumValue(0.0)
        shader_fn.setMaximumValue(limits[-1])
        renderer.setClassificationMin(0.0)
        renderer.setClassificationMax(limits[-1])

    return adapt


def categories_from_features(value_field: str, label_field: str, *, suffix: str = "") -> Callable:
    """Adapter for a categorized renderer: one category per value present in the layer,
    labelled from ``label_field``, with the style's colour for that value (or its palette,
    cycled, for values the style does not list). Keeps the 'all other values' fallback out."""

    def adapt(layer) -> None:
        renderer = layer.renderer()
        if not isinstance(renderer, QgsCategorizedSymbolRenderer):
            return
        idx_v = layer.fields().indexOf(value_field)
        idx_l = layer.fields().indexOf(label_field)
        if idx_v < 0 or idx_l < 0:
            return
        present = {}
        for f in layer.getFeatures():
            present[f.attributes()[idx_v]] = f.attributes()[idx_l]
        existing = [c for c in renderer.categories() if c.value() not in (None, "")]
        by_value = {str(c.value()): c for c in existing}
        palette = [c.symbol() for c in existing] or [renderer.sourceSymbol()]
        new = []
        for i, value in enumerate(sorted(v for v in present if v is not None)):
            cat = by_value.get(str(value))
            symbol = (cat.symbol() if cat is not None else palette[i % len(palette)]).clone()
            label = f"{present[value]}{suffix}"
            new.append(QgsRendererCategory(value, symbol, label))
        if not new:
            return
        renderer.deleteAllCategories()
        for cat in new:
            renderer.addCategory(cat)

    return adapt


def band_polygons() -> Callable:
    """Adapter for the band polygons: legend labels '0–15 min' from the ``band`` field."""
    return categories_from_features("band_id", "band", suffix=" min")


def catchments() -> Callable:
    """Adapter for catchment polygons: one legend entry per hospital, by name."""
    return categories_from_features("hospital_id", "hospital")
