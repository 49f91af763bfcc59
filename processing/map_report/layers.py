"""The layers drawn on the page: the output in its style, the grey backdrop with names, the
labelled points, the atlas fade, and the hatch for land whose residents are not reached."""

from __future__ import annotations

from qgis.core import (
    Qgis,
    QgsCategorizedSymbolRenderer,
    QgsCoordinateTransform,
    QgsFeatureRequest,
    QgsFillSymbol,
    QgsMapLayer,
    QgsMarkerSymbol,
    QgsPalLayerSettings,
    QgsRasterLayer,
    QgsRectangle,
    QgsRenderContext,
    QgsRendererCategory,
    QgsSingleSymbolRenderer,
    QgsVectorLayer,
    QgsVectorLayerSimpleLabeling,
)
from qgis.PyQt.QtGui import QColor

from ...sundplan_qgis import page_text
from ...sundplan_qgis.errors import SundplanError
from ..base import STYLES_DIR, tr
from .layout import text_format
from .provenance import detect_kind, display_name, plain


def reopen(layer: QgsMapLayer, *, default_style: bool) -> QgsMapLayer:
    """A fresh layer on the same source (with or without the source's default style)."""
    if isinstance(layer, QgsRasterLayer):
        options = QgsRasterLayer.LayerOptions()
        options.loadDefaultStyle = default_style
        return QgsRasterLayer(layer.source(), layer.name(), layer.providerType(), options)
    options = QgsVectorLayer.LayerOptions()
    options.loadDefaultStyle = default_style
    return QgsVectorLayer(layer.source(), layer.name(), layer.providerType(), options)


def prepare_layer(
    source: QgsMapLayer, style: str | None, context, provenance: dict | None = None
) -> tuple[QgsMapLayer, str]:
    """The layer to draw (a copy, styled) and its kind (see :func:`detect_kind`)."""
    kind = detect_kind(source, provenance)
    in_project = context.project() is not None and context.project().mapLayer(source.id())
    if style:
        layer = reopen(source, default_style=False)
        message, ok = layer.loadNamedStyle(style)
        if not ok:
            raise SundplanError(
                tr("The style {file} could not be applied to '{layer}': {error}").format(
                    file=style, layer=source.name(), error=message
                )
            )
        return layer, kind
    if in_project:  # the user's own styling in the open project
        return source.clone(), kind
    layer = reopen(source, default_style=False)
    _message, has_default = layer.loadDefaultStyle()
    if not has_default and kind:
        qml = STYLES_DIR / f"{kind}.qml"
        if qml.is_file():
            layer.loadNamedStyle(str(qml))
    return layer, kind


def tidy_categories(layer: QgsMapLayer, kind: str) -> None:
    """Legend for print: only the categories present; catchments named by their hospital.

    The stored styles carry classes for up to 24 hospitals ("Sygehus nr. 13") and an "other
    values" class; a printed legend should list what is on the map.
    """
    if not isinstance(layer, QgsVectorLayer):
        return
    renderer = layer.renderer()
    if not isinstance(renderer, QgsCategorizedSymbolRenderer):
        return
    field = renderer.classAttribute()
    index = layer.fields().indexOf(field)
    if index < 0:
        return
    present = {v for v in layer.uniqueValues(index) if v is not None}
    names = {}
    if kind == "catchments" and layer.fields().indexOf("hospital") >= 0:
        for feature in layer.getFeatures():
            names[feature[field]] = feature["hospital"]
    covered = {c.value() for c in renderer.categories() if c.value() not in ("", None)}
    for i in reversed(range(len(renderer.categories()))):
        category = renderer.categories()[i]
        value = category.value()
        if value in ("", None):
            if present <= covered:
                renderer.deleteCategory(i)
        elif value not in present:
            renderer.deleteCategory(i)
        elif value in names and names[value]:
            renderer.updateCategoryLabel(i, str(names[value]))


def style_needs(layer: QgsMapLayer) -> set[str]:
    """Field names the layer's renderer and labels refer to."""
    needed: set[str] = set()
    if not isinstance(layer, QgsVectorLayer):
        return needed
    context = QgsRenderContext()
    renderer = layer.renderer()
    if renderer is not None:
        needed |= {n for n in renderer.usedAttributes(context) if n}
    if layer.labelsEnabled() and layer.labeling() is not None:
        labeling = layer.labeling()
        providers = labeling.subProviders() if hasattr(labeling, "subProviders") else [""]
        for provider in providers:
            settings = labeling.settings(provider)
            if settings is not None:
                needed |= {n for n in settings.referencedFields(context) if n}
    return needed


def check_style_fields(layer: QgsMapLayer, style_name: str) -> None:
    """Refuse a style that needs fields the layer lacks (it would draw nothing or wrongly)."""
    if isinstance(layer, QgsRasterLayer):
        renderer = layer.renderer()
        bands = renderer.usesBands() if renderer is not None else []
        too_high = [b for b in bands if b > layer.bandCount()]
        if too_high:
            raise SundplanError(
                tr(
                    "The style of '{layer}' uses band {band}, but the raster has {count} "
                    "band(s). Choose the matching sundplan output or another style."
                ).format(layer=display_name(layer), band=too_high[0], count=layer.bandCount())
            )
        return
    available = set(layer.fields().names())
    missing = sorted(style_needs(layer) - available)
    if missing:
        raise SundplanError(
            tr(
                "The style of '{layer}' ({style}) needs the field(s) {missing}, which the layer "
                "does not have (it has: {available}). Map the sundplan output the style is "
                "made for, or give a STYLE that fits this layer."
            ).format(
                layer=display_name(layer),
                style=style_name,
                missing=", ".join(missing),
                available=", ".join(sorted(available)) or "-",
            )
        )


def clone_plain(layer: QgsVectorLayer) -> QgsVectorLayer:
    clone = layer.materialize(QgsFeatureRequest()) if layer.providerType() == "memory" else None
    if clone is None:
        options = QgsVectorLayer.LayerOptions()
        options.loadDefaultStyle = False
        clone = QgsVectorLayer(layer.source(), layer.name(), layer.providerType(), options)
        if layer.subsetString():
            clone.setSubsetString(layer.subsetString())
    return clone


def backdrop_layers(
    source: QgsVectorLayer, label_field: str, language: str
) -> tuple[QgsVectorLayer, QgsVectorLayer]:
    """Grey fill under the output; boundaries and names over it."""
    fill = clone_plain(source)
    fill.setName("backdrop_fill")
    fill.setRenderer(
        QgsSingleSymbolRenderer(
            QgsFillSymbol.createSimple(
                {"color": "#ececec", "outline_color": "#ececec", "outline_width": "0.1"}
            )
        )
    )
    lines = clone_plain(source)
    lines.setName(page_text.backdrop_title(display_name(source), language=language))
    lines.setRenderer(
        QgsSingleSymbolRenderer(
            QgsFillSymbol.createSimple(
                {
                    "style": "no",
                    "outline_color": "#5a5a5a",
                    "outline_width": "0.3",
                    "joinstyle": "round",
                }
            )
        )
    )
    if label_field:
        settings = QgsPalLayerSettings()
        settings.fieldName = label_field
        settings.placement = Qgis.LabelPlacement.Horizontal
        settings.setFormat(text_format(7.5, "#3a3a3a", italic=True))
        settings.priority = 3
        lines.setLabeling(QgsVectorLayerSimpleLabeling(settings))
        lines.setLabelsEnabled(True)
    return fill, lines


def overview_layer(source: QgsVectorLayer) -> QgsVectorLayer:
    """The areas for the small overview inset: simplified to about a 400th of their extent
    (finer detail is invisible there) and unlabelled, so an atlas does not print the whole
    country's boundaries at full detail on every page."""
    outline = source.materialize(QgsFeatureRequest().setNoAttributes())
    extent = outline.extent()  # in the layer's own units, like the geometries simplified
    tolerance = max(extent.width(), extent.height()) / 400.0
    changes = {}
    for feature in outline.getFeatures():
        shape = feature.geometry()
        if not shape.isEmpty():
            simple = shape.simplify(tolerance)
            changes[feature.id()] = simple if not simple.isEmpty() else shape
    outline.dataProvider().changeGeometryValues(changes)
    outline.setName("overview")
    outline.setRenderer(
        QgsSingleSymbolRenderer(
            QgsFillSymbol.createSimple(
                {"color": "#e4e4e4", "outline_color": "#9a9a9a", "outline_width": "0.1"}
            )
        )
    )
    return outline


def points_layer(source: QgsVectorLayer, label_field: str, language: str) -> QgsVectorLayer:
    points = clone_plain(source)
    points.setName(page_text.points_title(display_name(source), language=language))
    symbol = QgsMarkerSymbol.createSimple(
        {
            "name": "square",
            "color": "#b2182b",
            "outline_color": "#ffffff",
            "outline_width": "0.4",
            "size": "3",
        }
    )
    cross = QgsMarkerSymbol.createSimple(
        {
            "name": "cross2",
            "color": "#ffffff",
            "outline_color": "#ffffff",
            "size": "2.2",
            "outline_width": "0.5",
        }
    )
    symbol.appendSymbolLayer(cross.symbolLayer(0).clone())
    points.setRenderer(QgsSingleSymbolRenderer(symbol))
    if label_field:
        settings = QgsPalLayerSettings()
        settings.fieldName = label_field
        settings.placement = Qgis.LabelPlacement.OrderedPositionsAroundPoint
        settings.dist = 1.5
        settings.setFormat(text_format(8, "#7a0f1c", bold=True))
        settings.priority = 8
        # every hospital keeps its label: overlap only where no free position is left
        placement = settings.placementSettings()
        placement.setOverlapHandling(Qgis.LabelOverlapHandling.AllowOverlapIfRequired)
        placement.setAllowDegradedPlacement(True)
        settings.setPlacementSettings(placement)
        points.setLabeling(QgsVectorLayerSimpleLabeling(settings))
        points.setLabelsEnabled(True)
    return points


def extent_of(layers, crs, project) -> QgsRectangle:
    extent = QgsRectangle()
    extent.setNull()
    for layer in layers:
        if layer is None:
            continue
        rect = layer.extent()
        if rect.isNull() or rect.isEmpty():
            continue
        if layer.crs() != crs:
            transform = QgsCoordinateTransform(layer.crs(), crs, project)
            rect = transform.transformBoundingBox(rect)
        extent.combineExtentWith(rect)
    return extent


def grow(rect: QgsRectangle, fraction: float) -> QgsRectangle:
    grown = QgsRectangle(rect)
    if not grown.isNull():
        grown.grow(max(grown.width(), grown.height()) * fraction)
    return grown


def polygons_or_none(layer):
    if isinstance(layer, QgsVectorLayer) and layer.geometryType() == Qgis.GeometryType.Polygon:
        return layer
    return None


def not_reached_symbol() -> QgsFillSymbol:
    """The "not reached" class of the bands style (grey hatch on light grey, band_id -1;
    made by ``resources/styles/make_styles.py``); plain grey if the style lacks it."""
    layer = QgsVectorLayer("Polygon?crs=EPSG:25832&field=band_id:integer", "s", "memory")
    _message, ok = layer.loadNamedStyle(str(STYLES_DIR / "travel_time_bands.qml"))
    renderer = layer.renderer()
    if ok and isinstance(renderer, QgsCategorizedSymbolRenderer):
        index = renderer.categoryIndexForValue(page_text.not_reached.NOT_REACHED_BAND_ID)
        if index >= 0:
            categories = renderer.categories()  # keep the copies alive while cloning
            return categories[index].symbol().clone()
    return QgsFillSymbol.createSimple({"color": "#bdbdbd", "outline_color": "#6b6b6b"})


def not_reached_hatch_layer(land: QgsVectorLayer, language: str) -> QgsVectorLayer:
    """The land hatched as "not reached"; drawn under the output, so only what the output
    leaves blank shows (see :func:`knockout_layer`)."""
    hatch = clone_plain(land)
    hatch.setName(page_text.word("not_reached_class", language))
    hatch.setRenderer(QgsSingleSymbolRenderer(not_reached_symbol()))
    return hatch


KNOCKOUT_GREY = "#ececec"


def flatten_raster_over_knockout(layer: QgsMapLayer) -> bool:
    """A translucent pseudocolour raster drawn over its opaque grey knockout looks like the same
    raster, opaque, in colours blended with that grey: print it so (True when done), which
    saves the knockout image and the transparency mask on every page."""
    from qgis.core import QgsSingleBandPseudoColorRenderer

    if not isinstance(layer, QgsRasterLayer):
        return False
    renderer = layer.renderer()
    if not isinstance(renderer, QgsSingleBandPseudoColorRenderer):
        return False
    opacity = renderer.opacity()
    shader = renderer.shader()
    ramp = shader.rasterShaderFunction() if shader is not None else None
    if opacity >= 1.0 or ramp is None or not hasattr(ramp, "colorRampItemList"):
        return False
    grey = QColor(KNOCKOUT_GREY)
    items = []
    for item in ramp.colorRampItemList():
        colour = item.color
        alpha = opacity * colour.alphaF()
        item.color = QColor.fromRgbF(
            alpha * colour.redF() + (1 - alpha) * grey.redF(),
            alpha * colour.greenF() + (1 - alpha) * grey.greenF(),
            alpha * colour.blueF() + (1 - alpha) * grey.blueF(),
        )
        items.append(item)
    ramp.setColorRampItemList(items)
    renderer.setOpacity(1.0)
    return True


def knockout_layer(layer: QgsMapLayer) -> QgsMapLayer | None:
    """An opaque copy of the output in the backdrop's grey, under the (partly transparent)
    styled output: the hatch beneath shows only where the output has no value."""
    if isinstance(layer, QgsRasterLayer):
        from qgis.core import (
            QgsColorRampShader,
            QgsRasterShader,
            QgsSingleBandPseudoColorRenderer,
        )

        copy = reopen(layer, default_style=False)
        if not copy.isValid():
            return None
        ramp = QgsColorRampShader()
        ramp.setColorRampType(QgsColorRampShader.Type.Discrete)
        ramp.setColorRampItemList(
            [QgsColorRampShader.ColorRampItem(float("inf"), QColor(KNOCKOUT_GREY), "")]
        )
        shader = QgsRasterShader()
        shader.setRasterShaderFunction(ramp)
        copy.setRenderer(QgsSingleBandPseudoColorRenderer(copy.dataProvider(), 1, shader))
        copy.setName("knockout")
        return copy
    if isinstance(layer, QgsVectorLayer):
        copy = clone_plain(layer)
        copy.setName("knockout")
        copy.setRenderer(
            QgsSingleSymbolRenderer(
                QgsFillSymbol.createSimple({"color": "#ececec", "outline_style": "no"})
            )
        )
        return copy
    return None


def style_not_reached_class(layer: QgsMapLayer, kind: str, language: str) -> bool:
    """Give the bands' "not reached" class (if the layer has one) the hatch and its name;
    True when the layer has such a class (then no extra legend entry is needed)."""
    if kind != "travel_time_bands" or not isinstance(layer, QgsVectorLayer):
        return False
    names = layer.fields().names()
    values = set()
    for feature in layer.getFeatures():
        row = {
            n: plain(feature[n]) for n in ("band_id", "band", "from_min", "to_min") if n in names
        }
        if page_text.not_reached.is_not_reached_band(row):
            values.add(row.get("band_id"))
    if not values:
        return False
    renderer = layer.renderer()
    label = page_text.word("not_reached_class", language)
    if (
        isinstance(renderer, QgsCategorizedSymbolRenderer)
        and renderer.classAttribute() == "band_id"
    ):
        for value in values:
            index = renderer.categoryIndexForValue(value)
            if index >= 0:
                renderer.updateCategorySymbol(index, not_reached_symbol())
                renderer.updateCategoryLabel(index, label)
            else:
                renderer.addCategory(QgsRendererCategory(value, not_reached_symbol(), label, True))
    return True
