"""Generate the QML styles for the catchments algorithms' outputs.

Run headless from the repository root (QGIS 3.40, PyQGIS)::

    PATH=/usr/bin:$PATH QT_QPA_PLATFORM=offscreen python3 resources/styles/make_styles.py

It builds each renderer programmatically on an in-memory layer with the output's fields (a
small temporary GeoTIFF for the rasters) and saves it with ``saveNamedStyle`` next to this
script (or into the folder given as the first argument). The generated ``.qml`` files are
kept in the repository; the algorithms apply them with ``loadNamedStyle`` (see
``processing/base.py``). Edit this script, not the QML, and re-run it.

Legend texts are Danish (the users are Danish health planners); English in the comments.

Colours are colour-blind-safe where that is possible:

* sequential travel times: ColorBrewer YlGnBu (light = short, dark = long);
* change in travel time: ColorBrewer RdBu reversed (blue = shorter, red = longer), centred on
  a neutral "no change" class;
* catchments: 21+ hospitals cannot all be told apart by colour alone, so a 12-colour
  qualitative palette (Paul Tol's "muted" + three Okabe-Ito colours) is cycled and the second
  cycle (ids 13-24) is hatched. Ids outside 1..24 (or a different numbering) fall into the
  "all other values" category whose fill colour is data-defined from the same palette by
  ``hospital_id % 12``, so any id still gets a palette colour. Each catchment is also
  labelled with the hospital's name.

Style files written:

==========================  ===================================  =========================
file                        layer                                renderer
==========================  ===================================  =========================
travel_time.qml             raster, minutes, nodata -9999        pseudocolor, discrete
travel_time_bands.qml       polygons ``band_id`` 0..4, -1        categorized ``band_id``
catchments.qml              polygons ``hospital_id``, ``hospital``  categorized + labels
travel_time_change.qml      raster, minutes change, nodata -9999  pseudocolor, discrete
area_summary.qml            polygons ``mean_min``                rule-based classes
gp_density.qml              polygons ``need_inhabitants_per_gp``  rule-based + hatch
fca_access.qml              points ``access_per_10000``          rule-based classes
fca_access_areas.qml        polygons ``access_mean_per_10000``   rule-based classes
specialist_gaps.qml         polygons ``class``, ``ratio``        rule-based, diverging
specialist_relocations.qml  lines ``capacities``                 rule-based arrows
==========================  ===================================  =========================

``area_summary`` is rule-based (not "graduated") on purpose: a parent rule gives the legend a
title naming the method ("Befolkningsvægtet gns. rejsetid (min)"), which a graduated renderer
cannot show, and an ELSE rule draws areas without residents (NULL ``mean_min``) in grey
instead of leaving them out.

The capacity styles (GP density, 2SFCA accessibility, specialist gaps) are rule-based for the
same reason. Their rules carry a tag in the rule description (``sundplan:title``,
``sundplan:shortage``, ...) so that ``processing/_styling.py`` can fit titles and class limits
to a run (need weighting, 2SFCA method and catchment, the gap class thresholds):

* GP density: ``need_inhabitants_per_gp``, "borgere pr. læge" as Danmarks Statistik (LABY27)
  and the press report it, at fixed limits around the 1 600 residents per GP of the shortage
  norm; YlOrRd (dark = fewer doctors), areas with residents and no GP darkest, areas without
  residents grey, shortage areas (``shortage``) hatched on top;
* 2SFCA accessibility: GPs per 10 000 residents at fixed limits 4/5/6/7/8 (the norm of
  1 600 residents per GP is 6.25), the same colours reversed (dark = poor access);
* specialist gaps: ColorBrewer PuOr, orange = under-supplied, near-white = balance, purple =
  over-supplied; the algorithm's ``class`` decides the side (so custom thresholds keep the
  colours right), ``ratio`` the strength (< 0.5 and > 2 the strong classes);
* relocations: arrows from the over- to the under-supplied area, wider for more capacity.
"""

from __future__ import annotations

import math
import os
import re
import sys
import tempfile
import uuid
from pathlib import Path

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
sys.path.insert(0, str(Path(__file__).resolve().parents[2]))  # the plugin root, for the core
os.environ.setdefault("QT_HASH_SEED", "0")  # stable XML attribute order -> reviewable diffs

from qgis.core import (  # noqa: E402
    Qgis,
    QgsApplication,
    QgsArrowSymbolLayer,
    QgsCategorizedSymbolRenderer,
    QgsColorRampShader,
    QgsFillSymbol,
    QgsLinePatternFillSymbolLayer,
    QgsLineSymbol,
    QgsMapLayer,
    QgsMarkerSymbol,
    QgsPalLayerSettings,
    QgsProperty,
    QgsRasterLayer,
    QgsRasterMinMaxOrigin,
    QgsRasterShader,
    QgsRendererCategory,
    QgsRuleBasedRenderer,
    QgsSimpleFillSymbolLayer,
    QgsSingleBandPseudoColorRenderer,
    QgsSymbolLayer,
    QgsTextBufferSettings,
    QgsTextFormat,
    QgsUnitTypes,
    QgsVectorLayer,
    QgsVectorLayerSimpleLabeling,
)
from qgis.PyQt.QtGui import QColor, QFont  # noqa: E402

from sundplan_qgis.legends import (  # noqa: E402
    da_number,
    gap_rules,
)

STYLES_DIR = Path(__file__).resolve().parent
NODATA = -9999.0

# --------------------------------------------------------------------------- palettes
# Travel-time classes (minutes): (upper limit, Danish label). A value v belongs to the first
# class with v <= upper, matching ``catchments.band_index`` (bands are (a, b], e.g. 15 min is
# in "0–15", 15.5 in "15–30"). ColorBrewer YlGnBu, 5 classes: light = short, dark = long.
TRAVEL_TIME_CLASSES: list[tuple[float, str, str]] = [
    (15.0, "0–15 min", "#ffffcc"),
    (30.0, "15–30 min", "#a1dab4"),
    (45.0, "30–45 min", "#41b6c4"),
    (60.0, "45–60 min", "#2c7fb8"),
    (math.inf, "> 60 min", "#253494"),
]
RASTER_OPACITY = 0.8
# Band polygons: same colours, fill alpha as the raster's opacity.
BAND_FILL_ALPHA = round(255 * RASTER_OPACITY)
OTHER_COLOR = "#bdbdbd"  # grey for "all other values" / no data
# Residents not reached: grey hatch on light grey (as map_report draws them under the output).
NOT_REACHED_BAND_ID = -1
NOT_REACHED_LABEL = "Ikke nået (ingen rejsetid)"
NOT_REACHED_HATCH = "#6b6b6b"

# Change in travel time (scenario - baseline, minutes): ColorBrewer RdBu reversed, so blue =
# shorter (better), red = longer (worse); near-white for "no change" (-1, 1].
CHANGE_CLASSES: list[tuple[float, str, str]] = [
    (-10.0, "≤ −10 min (kortere)", "#2166ac"),
    (-5.0, "−10 til −5 min", "#92c5de"),
    (-1.0, "−5 til −1 min", "#d1e5f0"),
    (1.0, "Ingen ændring (±1 min)", "#f7f7f7"),
    (5.0, "+1 til +5 min", "#fddbc7"),
    (10.0, "+5 til +10 min", "#f4a582"),
    (20.0, "+10 til +20 min", "#d6604d"),
    (math.inf, "> +20 min (længere)", "#b2182b"),
]

# Per-area population-weighted mean travel time (minutes): (lower, upper, label, colour),
# classes (lower, upper]; ColorBrewer YlGnBu, 6 classes.
AREA_TITLE = "Befolkningsvægtet gns. rejsetid (min)"  # population-weighted mean travel time
AREA_CLASSES: list[tuple[float, float, str, str]] = [
    (0.0, 10.0, "0–10 min", "#ffffcc"),
    (10.0, 15.0, "10–15 min", "#c7e9b4"),
    (15.0, 20.0, "15–20 min", "#7fcdbb"),
    (20.0, 30.0, "20–30 min", "#41b6c4"),
    (30.0, 45.0, "30–45 min", "#2c7fb8"),
    (45.0, math.inf, "> 45 min", "#253494"),
]
AREA_NO_DATA_LABEL = "Ingen data (ingen beboere)"  # no residents / not computed

# Catchments: 12 qualitative colours, ordered so that consecutive ids contrast (dark/light).
# Paul Tol "muted" (9, colour-blind safe) + Okabe-Ito orange and blue + Tol "light" pink.
CATCHMENT_PALETTE = [
    "#332288",  # indigo
    "#ddcc77",  # sand
    "#117733",  # green
    "#cc6677",  # rose
    "#88ccee",  # cyan
    "#882255",  # wine
    "#44aa99",  # teal
    "#e69f00",  # orange (Okabe-Ito)
    "#aa4499",  # purple
    "#999933",  # olive
    "#0072b2",  # blue (Okabe-Ito)
    "#ffaabb",  # pink (Tol light)
]
CATCHMENT_MAX_ID = 24  # explicit categories 1..24 (21 Danish akutsygehuse + spare)
CATCHMENT_FILL_ALPHA = 166  # ~65 % opaque: the base map shows through
CATCHMENT_LABEL_SIZE_PT = 8.0


def catchment_color(hospital_id: int) -> str:
    """Palette colour of a hospital id (1-based, cycles every 12)."""
    return CATCHMENT_PALETTE[(hospital_id - 1) % len(CATCHMENT_PALETTE)]


def catchment_fallback_color_expression() -> str:
    """QGIS expression: the palette colour (with fill alpha) for any ``hospital_id``."""
    rgba = []
    for hex_color in CATCHMENT_PALETTE:
        c = QColor(hex_color)
        rgba.append(f"'{c.red()},{c.green()},{c.blue()},{CATCHMENT_FILL_ALPHA}'")
    # ((id - 1) % 12 + 12) % 12 is in 0..11 for any integer id, also 0 and negatives.
    n = len(CATCHMENT_PALETTE)
    return (
        f"array_get(array({', '.join(rgba)}), "
        f'((coalesce("hospital_id", 0) - 1) % {n} + {n}) % {n})'
    )


# --------------------------------------------------------------------------- helpers
def _color(hex_color: str, alpha: int = 255) -> QColor:
    c = QColor(hex_color)
    c.setAlpha(alpha)
    return c


def _fill_symbol(fill: QColor, stroke: QColor, stroke_width_mm: float) -> QgsFillSymbol:
    layer = QgsSimpleFillSymbolLayer()
    layer.setFillColor(fill)
    layer.setStrokeColor(stroke)
    layer.setStrokeWidth(stroke_width_mm)
    layer.setStrokeWidthUnit(QgsUnitTypes.RenderMillimeters)
    symbol = QgsFillSymbol()
    symbol.changeSymbolLayer(0, layer)
    return symbol


def _hatch_layer(base_hex: str) -> QgsLinePatternFillSymbolLayer:
    """45° hatch for the second palette cycle: white lines on dark, dark lines on light fills."""
    c = QColor(base_hex)
    luminance = 0.299 * c.red() + 0.587 * c.green() + 0.114 * c.blue()
    line_color = _color("#ffffff", 220) if luminance < 128 else _color("#000000", 170)
    hatch = QgsLinePatternFillSymbolLayer()
    hatch.setLineAngle(45.0)
    hatch.setDistance(2.0)
    hatch.setDistanceUnit(QgsUnitTypes.RenderMillimeters)
    line = QgsLineSymbol.createSimple(
        {
            "line_color": f"{line_color.red()},{line_color.green()},{line_color.blue()},"
            f"{line_color.alpha()}",
            "line_width": "0.3",
            "line_width_unit": "MM",
        }
    )
    hatch.setSubSymbol(line)
    return hatch


def not_reached_symbol() -> QgsFillSymbol:
    """Residents not reached: 45° grey hatch on light grey (as in ``sundplan:map_report``)."""
    symbol = _fill_symbol(_color("#e4e4e4"), _color(NOT_REACHED_HATCH), 0.1)
    hatch = QgsLinePatternFillSymbolLayer()
    hatch.setLineAngle(45.0)
    hatch.setDistance(1.4)
    hatch.setDistanceUnit(QgsUnitTypes.RenderMillimeters)
    hatch.setSubSymbol(
        QgsLineSymbol.createSimple({"line_color": NOT_REACHED_HATCH, "line_width": "0.22"})
    )
    symbol.appendSymbolLayer(hatch)
    return symbol


def _memory_layer(geometry: str, fields: list[tuple[str, str]], name: str) -> QgsVectorLayer:
    spec = "&".join(f"field={n}:{t}" for n, t in fields)
    layer = QgsVectorLayer(f"{geometry}?crs=EPSG:25832&{spec}", name, "memory")
    if not layer.isValid():
        raise RuntimeError(f"could not create memory layer {name}")
    return layer


def _raster_layer(folder: Path, name: str) -> QgsRasterLayer:
    """A tiny float32 GeoTIFF with nodata -9999 (the renderer needs a provider)."""
    from osgeo import gdal, osr

    path = folder / f"{name}.tif"
    ds = gdal.GetDriverByName("GTiff").Create(str(path), 4, 4, 1, gdal.GDT_Float32)
    ds.SetGeoTransform((700000.0, 100.0, 0.0, 6200000.0, 0.0, -100.0))
    srs = osr.SpatialReference()
    srs.ImportFromEPSG(25832)
    ds.SetProjection(srs.ExportToWkt())
    band = ds.GetRasterBand(1)
    band.SetNoDataValue(NODATA)
    band.Fill(10.0)
    ds = None
    layer = QgsRasterLayer(str(path), name, "gdal")
    if not layer.isValid():
        raise RuntimeError(f"could not open {path}")
    return layer


_UUID = re.compile(r"\{[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}\}")


def _save(layer: QgsMapLayer, path: Path, categories) -> Path:
    """``saveNamedStyle``, then replace the random ids (symbol layers, rules) by stable ones."""
    message, ok = layer.saveNamedStyle(str(path), categories)
    if not ok:
        raise RuntimeError(f"saving {path} failed: {message}")
    text = path.read_text("utf-8")
    stable: dict[str, str] = {}

    def _stable(match: re.Match) -> str:
        key = match.group(0)
        if key not in stable:
            name = f"sundplan/{path.stem}/{len(stable)}"
            stable[key] = "{" + str(uuid.uuid5(uuid.NAMESPACE_URL, name)) + "}"
        return stable[key]

    path.write_text(_UUID.sub(_stable, text), "utf-8")
    return path


VECTOR_CATEGORIES = QgsMapLayer.StyleCategory.Symbology | QgsMapLayer.StyleCategory.Labeling
RASTER_CATEGORIES = QgsMapLayer.StyleCategory.Symbology


# --------------------------------------------------------------------------- rasters
def discrete_raster_renderer(
    layer: QgsRasterLayer, classes: list[tuple[float, str, str]], minimum: float
) -> QgsSingleBandPseudoColorRenderer:
    """Single-band pseudocolor, DISCRETE: value v gets the first class with v <= upper."""
    ramp = QgsColorRampShader()
    ramp.setColorRampType(Qgis.ShaderInterpolationMethod.Discrete)
    ramp.setClassificationMode(Qgis.ShaderClassificationMethod.Continuous)
    ramp.setColorRampItemList(
        [QgsColorRampShader.ColorRampItem(upper, QColor(c), label) for upper, label, c in classes]
    )
    ramp.setClip(False)
    finite_max = max(upper for upper, _l, _c in classes if math.isfinite(upper))
    ramp.setMinimumValue(minimum)
    ramp.setMaximumValue(finite_max)
    shader = QgsRasterShader()
    shader.setRasterShaderFunction(ramp)
    shader.setMinimumValue(minimum)
    shader.setMaximumValue(finite_max)
    renderer = QgsSingleBandPseudoColorRenderer(layer.dataProvider(), 1, shader)
    renderer.setClassificationMin(minimum)
    renderer.setClassificationMax(finite_max)
    # User-defined limits: QGIS must not recompute min/max (and the classes) from the data.
    origin = QgsRasterMinMaxOrigin()
    origin.setLimits(QgsRasterMinMaxOrigin.Limits.None_)
    renderer.setMinMaxOrigin(origin)
    renderer.setOpacity(RASTER_OPACITY)
    return renderer


def make_travel_time(folder: Path, tmp: Path) -> Path:
    """Travel time raster (minutes to the nearest hospital)."""
    layer = _raster_layer(tmp, "travel_time")
    layer.setRenderer(discrete_raster_renderer(layer, TRAVEL_TIME_CLASSES, 0.0))
    return _save(layer, folder / "travel_time.qml", RASTER_CATEGORIES)


def make_travel_time_change(folder: Path, tmp: Path) -> Path:
    """Change in travel time raster (scenario - baseline, minutes)."""
    layer = _raster_layer(tmp, "travel_time_change")
    layer.setRenderer(discrete_raster_renderer(layer, CHANGE_CLASSES, -30.0))
    return _save(layer, folder / "travel_time_change.qml", RASTER_CATEGORIES)


# --------------------------------------------------------------------------- vectors
def make_travel_time_bands(folder: Path) -> Path:
    """Travel-time band polygons, categorized on ``band_id`` with the raster's colours."""
    layer = _memory_layer(
        "MultiPolygon",
        [
            ("band_id", "integer"),
            ("band", "string"),
            ("from_min", "double"),
            ("to_min", "double"),
            ("population", "double"),
        ],
        "travel_time_bands",
    )
    outline = _color("#4d4d4d", 110)  # thin, semi-transparent dark grey
    categories = []
    for band_id, (_upper, label, hex_color) in enumerate(TRAVEL_TIME_CLASSES):
        symbol = _fill_symbol(_color(hex_color, BAND_FILL_ALPHA), outline, 0.1)
        categories.append(QgsRendererCategory(band_id, symbol, label, True, str(band_id)))
    # Residents not reached (no road within the snapping distance, or a road with no link to
    # a hospital): an explicit band row with band_id -1, grey and hatched, never blank.
    categories.append(
        QgsRendererCategory(
            NOT_REACHED_BAND_ID, not_reached_symbol(), NOT_REACHED_LABEL, True, "not_reached"
        )
    )
    # "All other values" (empty value): bands beyond the default five when the user sets
    # other limits.
    other = _fill_symbol(_color(OTHER_COLOR, BAND_FILL_ALPHA), outline, 0.1)
    categories.append(QgsRendererCategory("", other, "Øvrige bånd", True, "other"))
    layer.setRenderer(QgsCategorizedSymbolRenderer("band_id", categories))
    return _save(layer, folder / "travel_time_bands.qml", VECTOR_CATEGORIES)


def _catchment_symbol(hospital_id: int) -> QgsFillSymbol:
    base = catchment_color(hospital_id)
    symbol = _fill_symbol(_color(base, CATCHMENT_FILL_ALPHA), _color("#ffffff"), 0.5)
    if (hospital_id - 1) // len(CATCHMENT_PALETTE) % 2 == 1:  # second cycle: hatched
        symbol.insertSymbolLayer(1, _hatch_layer(base))
    return symbol


def catchment_labeling() -> QgsVectorLayerSimpleLabeling:
    """Hospital name inside each catchment: 8 pt, white buffer, wrapped at ~18 characters."""
    fmt = QgsTextFormat()
    # Arial: on every Windows/macOS machine; on Linux fontconfig substitutes Liberation Sans.
    # (Without a family QGIS would store the generating machine's default font.)
    font = QFont("Arial")
    font.setBold(True)
    fmt.setFont(font)
    fmt.setSize(CATCHMENT_LABEL_SIZE_PT)
    fmt.setSizeUnit(QgsUnitTypes.RenderPoints)
    fmt.setColor(QColor("#1a1a1a"))
    buffer = QgsTextBufferSettings()
    buffer.setEnabled(True)
    buffer.setSize(1.0)
    buffer.setSizeUnit(QgsUnitTypes.RenderMillimeters)
    buffer.setColor(QColor("#ffffff"))
    buffer.setOpacity(0.85)
    fmt.setBuffer(buffer)
    settings = QgsPalLayerSettings()
    settings.fieldName = "hospital"
    settings.isExpression = False
    settings.setFormat(fmt)
    settings.placement = Qgis.LabelPlacement.OverPoint  # at the centroid ...
    settings.centroidInside = True  # ... forced inside the polygon
    settings.centroidWhole = True  # centroid of the whole polygon, not the visible part
    settings.autoWrapLength = 18
    settings.multilineAlignment = Qgis.LabelMultiLineAlignment.Center
    settings.priority = 7
    return QgsVectorLayerSimpleLabeling(settings)


def make_catchments(folder: Path) -> Path:
    """Catchment polygons, categorized on ``hospital_id`` with a fallback, labelled by name."""
    layer = _memory_layer(
        "MultiPolygon",
        [
            ("hospital_id", "integer"),
            ("hospital", "string"),
            ("population", "double"),
            ("mean_min", "double"),
            ("max_min", "double"),
            ("area_km2", "double"),
        ],
        "catchments",
    )
    categories = [
        QgsRendererCategory(i, _catchment_symbol(i), f"Sygehus nr. {i}", True, str(i))
        for i in range(1, CATCHMENT_MAX_ID + 1)
    ]
    # "All other values": QGIS uses the empty-value category for values without their own
    # category. Its fill colour is data-defined from the palette, so any id gets a colour.
    other = _fill_symbol(_color(OTHER_COLOR, CATCHMENT_FILL_ALPHA), _color("#ffffff"), 0.5)
    other.symbolLayer(0).setDataDefinedProperty(
        QgsSymbolLayer.Property.FillColor,
        QgsProperty.fromExpression(catchment_fallback_color_expression()),
    )
    categories.append(QgsRendererCategory("", other, "Øvrige sygehuse", True, "other"))
    layer.setRenderer(QgsCategorizedSymbolRenderer("hospital_id", categories))
    layer.setLabeling(catchment_labeling())
    layer.setLabelsEnabled(True)
    return _save(layer, folder / "catchments.qml", VECTOR_CATEGORIES)


def make_area_summary(folder: Path) -> Path:
    """Per-area summary: rule-based classes of ``mean_min`` under a titled parent rule."""
    layer = _memory_layer(
        "MultiPolygon",
        [
            ("area_id", "string"),
            ("area_name", "string"),
            ("population", "double"),
            ("mean_min", "double"),
            ("median_min", "double"),
            ("p90_min", "double"),
            ("max_min", "double"),
        ],
        "area_summary",
    )
    outline = _color("#4d4d4d")
    root = QgsRuleBasedRenderer.Rule(None)
    title = QgsRuleBasedRenderer.Rule(None, 0, 0, "", AREA_TITLE)
    root.appendChild(title)
    for lower, upper, label, hex_color in AREA_CLASSES:
        if math.isfinite(upper):
            flt = f'"mean_min" > {lower:g} AND "mean_min" <= {upper:g}'
        else:
            flt = f'"mean_min" > {lower:g}'
        if lower == 0.0:  # the first class includes 0 (a hospital inside the area)
            flt = flt.replace(f'"mean_min" > {lower:g}', f'"mean_min" >= {lower:g}')
        symbol = _fill_symbol(_color(hex_color), outline, 0.2)
        title.appendChild(QgsRuleBasedRenderer.Rule(symbol, 0, 0, flt, label))
    no_data = _fill_symbol(_color("#e0e0e0"), outline, 0.2)
    else_rule = QgsRuleBasedRenderer.Rule(no_data, 0, 0, "ELSE", AREA_NO_DATA_LABEL)
    title.appendChild(else_rule)
    layer.setRenderer(QgsRuleBasedRenderer(root))
    return _save(layer, folder / "area_summary.qml", VECTOR_CATEGORIES)


# --------------------------------------------------------------------------- capacity styles
# Rule descriptions used as tags: ``processing/_styling.py`` finds the rules it rewrites by them.
TAG_TITLE = "sundplan:title"
TAG_SHORTAGE = "sundplan:shortage"
TAG_NONE = "sundplan:none"
TAG_NO_DATA = "sundplan:no_data"
TAG_CLASS = "sundplan:class:{index}"

# Sequential colours for GP supply, "good" to "bad": ColorBrewer YlOrRd (9 classes) without its
# two lightest colours, so that the best class still shows on white paper and as small points.
SUPPLY_COLORS = ["#fed976", "#feb24c", "#fd8d3c", "#fc4e2a", "#e31a1c", "#bd0026", "#800026"]
NO_DATA_COLOR = "#e0e0e0"
POLYGON_OUTLINE = "#4d4d4d"

# GP density: need-weighted residents per GP ("borgere pr. læge", Danmarks Statistik LABY27),
# classes (lower, upper] around the shortage norm of 1 600 (= 6.25 GPs per 10 000).
DENSITY_FIELD = "need_inhabitants_per_gp"
DENSITY_TITLE = "Behovsvægtede borgere pr. læge"
DENSITY_LIMITS = [1200.0, 1400.0, 1600.0, 1800.0, 2000.0]
DENSITY_NO_GP_LABEL = "Ingen læge i området"
DENSITY_NO_DATA_LABEL = "Ingen beboere"
DENSITY_SHORTAGE_THRESHOLD = 1600.0  # the algorithm's default SHORTAGE_THRESHOLD
DENSITY_SHORTAGE_LABEL = "Lægedækningstruet: over {threshold} pr. læge eller ingen læge"

# 2SFCA accessibility: GPs per 10 000 residents, classes (lower, upper]; 0 = no practice
# within the catchment.
ACCESS_POINT_FIELD = "access_per_10000"
ACCESS_AREA_FIELD = "access_mean_per_10000"
ACCESS_TITLE = "Læger pr. 10.000 borgere (2SFCA)"
ACCESS_AREA_TITLE = "Gns. læger pr. 10.000 borgere (2SFCA)"
ACCESS_LIMITS = [4.0, 5.0, 6.0, 7.0, 8.0]
ACCESS_NONE_LABEL = "Ingen læge inden for oplandet"
ACCESS_POINT_NO_DATA_LABEL = "Ikke på vejnettet / ingen data"
ACCESS_POINT_SIZE_MM = 0.8
# sundplan_qgis.fca.STATUS_LABELS[STATUS_UNREACHABLE]: on a part of the road network without a
# practice, so no practice within the catchment (its accessibility is NULL, not 0).
ACCESS_STATUS_NO_PRACTICE = "no practice in its network part"

# Specialist gaps: ratio = capacity / fair share, ColorBrewer PuOr (5 classes): orange =
# under-supplied, near-white = balance, purple = over-supplied. Values of the ``class`` field
# written by sundplan_qgis.gaps (CLASS_UNDER, CLASS_BALANCED, CLASS_OVER).
GAP_TITLE = "Kapacitet ift. behovsbaseret andel (ratio)"
GAP_UNDER_RATIO = 0.8  # sundplan_qgis.gaps.DEFAULT_UNDER_RATIO
GAP_OVER_RATIO = 1.25  # sundplan_qgis.gaps.DEFAULT_OVER_RATIO
GAP_COLORS = ["#e66101", "#fdb863", "#f7f7f7", "#b2abd2", "#5e3c99"]
GAP_NO_DATA_LABEL = "Ingen befolkning"

# Relocation plan: arrows from the over- to the under-supplied area, width by capacities moved.
RELOCATION_TITLE = "Foreslået flytning af kapacitet (ydernumre)"
RELOCATION_CLASSES: list[tuple[float, float, float]] = [  # (lower, upper], arrow width mm
    (0.0, 0.5, 0.8),
    (0.5, 1.0, 1.3),
    (1.0, 2.0, 1.9),
    (2.0, 5.0, 2.6),
    (5.0, math.inf, 3.4),
]
RELOCATION_COLOR = "#252525"


def interval_filter(field_name: str, lower: float | None, upper: float | None) -> str:
    """Expression for the class (lower, upper]; None = open end."""
    parts = []
    if lower is not None:
        parts.append(f'"{field_name}" > {lower:g}')
    if upper is not None and math.isfinite(upper):
        parts.append(f'"{field_name}" <= {upper:g}')
    return " AND ".join(parts)


def interval_labels(limits: list[float]) -> list[str]:
    """'≤ 4', '4–5', …, '> 8' for the limits [4, 5, …, 8]."""
    labels = [f"≤ {da_number(limits[0])}"]
    labels += [f"{da_number(a)}–{da_number(b)}" for a, b in zip(limits, limits[1:], strict=False)]
    labels.append(f"> {da_number(limits[-1])}")
    return labels


def _rule(symbol, flt: str, label: str, tag: str, *, else_rule: bool = False):
    return QgsRuleBasedRenderer.Rule(symbol, 0, 0, flt, label, tag, else_rule)


def _polygon_class_symbol(hex_color: str) -> QgsFillSymbol:
    return _fill_symbol(_color(hex_color), _color(POLYGON_OUTLINE), 0.2)


def _point_class_symbol(hex_color: str) -> QgsMarkerSymbol:
    """Small square without outline: demand points (raster cells) read as a surface."""
    return QgsMarkerSymbol.createSimple(
        {
            "name": "square",
            "color": hex_color,
            "size": f"{ACCESS_POINT_SIZE_MM:g}",
            "size_unit": "MM",
            "outline_style": "no",
        }
    )


def _shortage_symbol() -> QgsFillSymbol:
    """Hatch only (no fill): drawn on top of the class colour of shortage areas."""
    hatch = QgsLinePatternFillSymbolLayer()
    hatch.setLineAngle(45.0)
    hatch.setDistance(2.0)
    hatch.setDistanceUnit(QgsUnitTypes.RenderMillimeters)
    hatch.setSubSymbol(
        QgsLineSymbol.createSimple(
            {"line_color": "0,0,0,200", "line_width": "0.3", "line_width_unit": "MM"}
        )
    )
    symbol = QgsFillSymbol()
    symbol.changeSymbolLayer(0, hatch)
    return symbol


def _titled_renderer(title: str, children: list, extra: list | None = None) -> QgsRuleBasedRenderer:
    """Root > [title rule (legend heading) > children, *extra top-level rules]."""
    root = QgsRuleBasedRenderer.Rule(None)
    heading = _rule(None, "", title, TAG_TITLE)
    root.appendChild(heading)
    for child in children:
        heading.appendChild(child)
    for rule in extra or []:
        root.appendChild(rule)
    return QgsRuleBasedRenderer(root)


def make_gp_density(folder: Path) -> Path:
    """GP density per area: need-weighted residents per GP, shortage areas hatched."""
    layer = _memory_layer(
        "MultiPolygon",
        [
            ("area_id", "string"),
            ("area_name", "string"),
            ("population", "double"),
            ("need_population", "double"),
            ("gp_capacity", "double"),
            ("inhabitants_per_gp", "double"),
            ("gps_per_10000", "double"),
            ("need_inhabitants_per_gp", "double"),
            ("need_gps_per_10000", "double"),
            ("shortage", "boolean"),
            ("rank_shortage", "double"),
            ("weights", "string"),
        ],
        "gp_density",
    )
    bounds = [None, *DENSITY_LIMITS, None]
    children = [
        _rule(
            _polygon_class_symbol(SUPPLY_COLORS[i]),
            interval_filter(DENSITY_FIELD, bounds[i], bounds[i + 1]),
            label,
            TAG_CLASS.format(index=i),
        )
        for i, label in enumerate(interval_labels(DENSITY_LIMITS))
    ]
    children.append(
        _rule(
            _polygon_class_symbol(SUPPLY_COLORS[len(DENSITY_LIMITS) + 1]),
            '"gp_capacity" <= 0 AND "need_population" > 0',
            DENSITY_NO_GP_LABEL,
            TAG_NONE,
        )
    )
    children.append(
        _rule(
            _polygon_class_symbol(NO_DATA_COLOR),
            "ELSE",
            DENSITY_NO_DATA_LABEL,
            TAG_NO_DATA,
            else_rule=True,
        )
    )
    shortage = _rule(
        _shortage_symbol(),
        '"shortage"',
        DENSITY_SHORTAGE_LABEL.format(threshold=da_number(DENSITY_SHORTAGE_THRESHOLD)),
        TAG_SHORTAGE,
    )
    layer.setRenderer(_titled_renderer(DENSITY_TITLE, children, [shortage]))
    return _save(layer, folder / "gp_density.qml", VECTOR_CATEGORIES)


def _access_children(field_name: str, symbol_fn, none_filter: str, no_data_label: str) -> list:
    bounds = [0.0, *ACCESS_LIMITS, None]
    colors = list(reversed(SUPPLY_COLORS))  # dark = poor access
    children = [_rule(symbol_fn(colors[0]), none_filter, ACCESS_NONE_LABEL, TAG_NONE)]
    for i, label in enumerate(interval_labels(ACCESS_LIMITS)):
        children.append(
            _rule(
                symbol_fn(colors[i + 1]),
                interval_filter(field_name, bounds[i], bounds[i + 1]),
                label,
                TAG_CLASS.format(index=i),
            )
        )
    children.append(
        _rule(symbol_fn(NO_DATA_COLOR), "ELSE", no_data_label, TAG_NO_DATA, else_rule=True)
    )
    return children


def make_fca_access(folder: Path) -> Path:
    """2SFCA accessibility per demand point (GPs per 10 000 residents)."""
    layer = _memory_layer(
        "Point",
        [
            ("population", "double"),
            ("demand", "double"),
            ("access_per_10000", "double"),
            ("n_practices_reachable", "integer"),
            ("nearest_practice_min", "double"),
            ("status", "string"),
            ("area_id", "string"),
            ("method", "string"),
            ("time_method", "string"),
            ("weights", "string"),
        ],
        "fca_access",
    )
    children = _access_children(
        ACCESS_POINT_FIELD,
        _point_class_symbol,
        f'"{ACCESS_POINT_FIELD}" <= 0 OR "status" = \'{ACCESS_STATUS_NO_PRACTICE}\'',
        ACCESS_POINT_NO_DATA_LABEL,
    )
    layer.setRenderer(_titled_renderer(ACCESS_TITLE, children))
    return _save(layer, folder / "fca_access.qml", VECTOR_CATEGORIES)


def make_fca_access_areas(folder: Path) -> Path:
    """2SFCA accessibility per area: population-weighted mean (GPs per 10 000 residents)."""
    layer = _memory_layer(
        "MultiPolygon",
        [
            ("area_id", "string"),
            ("area_name", "string"),
            ("population", "double"),
            ("population_located", "double"),
            ("access_mean_per_10000", "double"),
            ("access_min_per_10000", "double"),
            ("access_max_per_10000", "double"),
            ("share_below_low_access", "double"),
            ("method", "string"),
            ("weights", "string"),
        ],
        "fca_access_areas",
    )
    children = _access_children(
        ACCESS_AREA_FIELD,
        _polygon_class_symbol,
        f'"{ACCESS_AREA_FIELD}" <= 0',
        DENSITY_NO_DATA_LABEL,
    )
    layer.setRenderer(_titled_renderer(ACCESS_AREA_TITLE, children))
    return _save(layer, folder / "fca_access_areas.qml", VECTOR_CATEGORIES)


def make_specialist_gaps(folder: Path) -> Path:
    """Specialist gaps per area × specialty on a diverging ramp centred on balance."""
    layer = _memory_layer(
        "MultiPolygon",
        [
            ("area_id", "string"),
            ("area_name", "string"),
            ("specialty", "string"),
            ("capacity", "double"),
            ("fair_share", "double"),
            ("gap", "double"),
            ("ratio", "double"),
            ("class", "string"),
        ],
        "specialist_gaps",
    )
    children = [
        _rule(_polygon_class_symbol(GAP_COLORS[i]), flt, label, TAG_CLASS.format(index=i))
        for i, (flt, label) in enumerate(gap_rules(GAP_UNDER_RATIO, GAP_OVER_RATIO))
    ]
    children.append(
        _rule(
            _polygon_class_symbol(NO_DATA_COLOR),
            "ELSE",
            GAP_NO_DATA_LABEL,
            TAG_NO_DATA,
            else_rule=True,
        )
    )
    layer.setRenderer(_titled_renderer(GAP_TITLE, children))
    return _save(layer, folder / "specialist_gaps.qml", VECTOR_CATEGORIES)


def _arrow_symbol(width_mm: float) -> QgsLineSymbol:
    arrow = QgsArrowSymbolLayer()
    arrow.setIsCurved(False)
    arrow.setIsRepeated(False)
    arrow.setHeadType(QgsArrowSymbolLayer.HeadType.HeadSingle)
    arrow.setArrowType(QgsArrowSymbolLayer.ArrowType.ArrowPlain)
    for unit_setter in (
        arrow.setArrowWidthUnit,
        arrow.setArrowStartWidthUnit,
        arrow.setHeadLengthUnit,
        arrow.setHeadThicknessUnit,
    ):
        unit_setter(QgsUnitTypes.RenderMillimeters)
    arrow.setArrowWidth(width_mm)
    arrow.setArrowStartWidth(width_mm)
    arrow.setHeadLength(max(3.0, 2.5 * width_mm))
    arrow.setHeadThickness(max(1.5, width_mm))
    arrow.setSubSymbol(_fill_symbol(_color(RELOCATION_COLOR), _color("#ffffff"), 0.2))
    symbol = QgsLineSymbol()
    symbol.changeSymbolLayer(0, arrow)
    return symbol


def make_specialist_relocations(folder: Path) -> Path:
    """Relocation plan: arrows from the over- to the under-supplied area, width by capacities."""
    layer = _memory_layer(
        "LineString",
        [
            ("specialty", "string"),
            ("kind", "string"),
            ("from_area_id", "string"),
            ("from_area", "string"),
            ("to_area_id", "string"),
            ("to_area", "string"),
            ("capacities", "double"),
            ("distance_km", "double"),
        ],
        "specialist_relocations",
    )
    limits = [upper for _lower, upper, _w in RELOCATION_CLASSES[:-1]]
    children = [
        _rule(
            _arrow_symbol(width),
            interval_filter("capacities", lower if lower > 0 else None, upper),
            label,
            TAG_CLASS.format(index=i),
        )
        for i, ((lower, upper, width), label) in enumerate(
            zip(RELOCATION_CLASSES, interval_labels(limits), strict=True)
        )
    ]
    layer.setRenderer(_titled_renderer(RELOCATION_TITLE, children))
    return _save(layer, folder / "specialist_relocations.qml", VECTOR_CATEGORIES)


# --------------------------------------------------------------------------- location allocation
LOCATION_TITLE = "Placering af ny kapacitet"
LOCATION_NEW_COLOR = "#d55e00"  # vermillion (Okabe-Ito): the chosen sites stand out
LOCATION_EXISTING_COLOR = "#4d4d4d"
LOCATION_CHANGE_TITLE = "Ændring i andel inden for tidsgrænsen"
# change of the share within the time limit (0-1), classes (lower, upper], ColorBrewer Greens
LOCATION_CHANGE_CLASSES: list[tuple[float | None, float | None, str, str]] = [
    (None, 0.0, "Ingen ændring", "#f7fcf5"),
    (0.0, 0.05, "0–5 procentpoint", "#c7e9c0"),
    (0.05, 0.10, "5–10 procentpoint", "#74c476"),
    (0.10, 0.25, "10–25 procentpoint", "#31a354"),
    (0.25, None, "Over 25 procentpoint", "#006d2c"),
]


def make_location_sites(folder: Path) -> Path:
    """Chosen sites (stars, labelled by rank) and the existing sites (grey squares)."""
    layer = _memory_layer(
        "Point",
        [
            ("rank", "integer"),
            ("site_id", "string"),
            ("name", "string"),
            ("kind", "string"),
            ("gain_residents", "double"),
        ],
        "location_sites",
    )
    new = QgsMarkerSymbol.createSimple(
        {
            "name": "star",
            "color": LOCATION_NEW_COLOR,
            "size": "5",
            "size_unit": "MM",
            "outline_color": "#ffffff",
            "outline_width": "0.3",
        }
    )
    existing = QgsMarkerSymbol.createSimple(
        {
            "name": "square",
            "color": LOCATION_EXISTING_COLOR,
            "size": "2.5",
            "size_unit": "MM",
            "outline_color": "#ffffff",
            "outline_width": "0.2",
        }
    )
    children = [
        _rule(new, "\"kind\" = 'new'", "Nyt sted (nummer = rang)", TAG_CLASS.format(index=0)),
        _rule(existing, "\"kind\" = 'existing'", "Eksisterende sted", TAG_CLASS.format(index=1)),
    ]
    layer.setRenderer(_titled_renderer(LOCATION_TITLE, children))
    labeling = catchment_labeling()
    settings = labeling.settings()
    settings.fieldName = '"rank"'
    settings.isExpression = True
    settings.placement = Qgis.LabelPlacement.AroundPoint
    layer.setLabeling(QgsVectorLayerSimpleLabeling(settings))
    layer.setLabelsEnabled(True)
    return _save(layer, folder / "location_sites.qml", VECTOR_CATEGORIES)


def make_location_areas(folder: Path) -> Path:
    """Per area: the change in the share of residents within the time limit."""
    layer = _memory_layer(
        "MultiPolygon",
        [
            ("area_id", "string"),
            ("area_name", "string"),
            ("population", "double"),
            ("share_within_before", "double"),
            ("share_within_after", "double"),
            ("change_share_within", "double"),
        ],
        "location_areas",
    )
    children = [
        _rule(
            _polygon_class_symbol(color),
            interval_filter("change_share_within", lower, upper),
            label,
            TAG_CLASS.format(index=i),
        )
        for i, (lower, upper, label, color) in enumerate(LOCATION_CHANGE_CLASSES)
    ]
    children.append(
        _rule(
            _polygon_class_symbol(NO_DATA_COLOR),
            "ELSE",
            "Ingen indbyggere",
            TAG_NO_DATA,
            else_rule=True,
        )
    )
    layer.setRenderer(_titled_renderer(LOCATION_CHANGE_TITLE, children))
    return _save(layer, folder / "location_areas.qml", VECTOR_CATEGORIES)


# --------------------------------------------------------------------------- main
# Capacity allocation (fordelingsmodel): change needed in % of today's capacity, diverging
# (purple = fewer than today, orange = more needed; the colours of specialist gaps).
ALLOCATION_FIELD = "change_needed_pct"
ALLOCATION_TITLE = "Nødvendig ændring i målåret (% af dagens kapacitet)"
ALLOCATION_LIMITS = [-10.0, -2.5, 2.5, 10.0]
ALLOCATION_NO_DATA_LABEL = "Ingen kapacitetsdata"


def make_capacity_allocation(folder: Path) -> Path:
    """Fair shares per unit (sundplan_qgis.allocation), coloured by the change needed."""
    layer = _memory_layer(
        "MultiPolygon",
        [
            ("level", "string"),
            ("area_code", "string"),
            ("area_name", "string"),
            ("capacity_current", "double"),
            ("fair_share_target", "double"),
            ("change_needed", "double"),
            (ALLOCATION_FIELD, "double"),
        ],
        "capacity_allocation",
    )
    bounds = [None, *ALLOCATION_LIMITS, None]
    colors = list(reversed(GAP_COLORS))
    children = [
        _rule(
            _polygon_class_symbol(colors[i]),
            interval_filter(ALLOCATION_FIELD, bounds[i], bounds[i + 1]),
            label,
            TAG_CLASS.format(index=i),
        )
        for i, label in enumerate(interval_labels(ALLOCATION_LIMITS))
    ]
    children.append(
        _rule(
            _polygon_class_symbol(NO_DATA_COLOR),
            "ELSE",
            ALLOCATION_NO_DATA_LABEL,
            TAG_NO_DATA,
            else_rule=True,
        )
    )
    layer.setRenderer(_titled_renderer(ALLOCATION_TITLE, children))
    return _save(layer, folder / "capacity_allocation.qml", VECTOR_CATEGORIES)


def make_all(folder: Path = STYLES_DIR) -> list[Path]:
    """Write all style files into ``folder``; return their paths."""
    folder.mkdir(parents=True, exist_ok=True)
    with tempfile.TemporaryDirectory(prefix="sundplan_styles_") as tmp:
        tmp_dir = Path(tmp)
        paths = [
            make_travel_time(folder, tmp_dir),
            make_travel_time_bands(folder),
            make_catchments(folder),
            make_travel_time_change(folder, tmp_dir),
            make_area_summary(folder),
            make_gp_density(folder),
            make_fca_access(folder),
            make_fca_access_areas(folder),
            make_specialist_gaps(folder),
            make_specialist_relocations(folder),
            make_location_sites(folder),
            make_location_areas(folder),
            make_capacity_allocation(folder),
        ]
    return paths


def main(argv: list[str]) -> int:
    folder = Path(argv[1]) if len(argv) > 1 else STYLES_DIR
    app = None
    if QgsApplication.instance() is None:
        app = QgsApplication([], False)
        app.initQgis()
    try:
        for path in make_all(folder):
            print(path)
    finally:
        if app is not None:
            app.exitQgis()
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv))
