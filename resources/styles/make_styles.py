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
travel_time_bands.qml       polygons ``band_id`` 0..4            categorized ``band_id``
catchments.qml              polygons ``hospital_id``, ``hospital``  categorized + labels
travel_time_change.qml      raster, minutes change, nodata -9999  pseudocolor, discrete
area_summary.qml            polygons ``mean_min``                rule-based classes
==========================  ===================================  =========================

``area_summary`` is rule-based (not "graduated") on purpose: a parent rule gives the legend a
title naming the method ("Befolkningsvægtet gns. rejsetid (min)"), which a graduated renderer
cannot show, and an ELSE rule draws areas without residents (NULL ``mean_min``) in grey
instead of leaving them out.
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
os.environ.setdefault("QT_HASH_SEED", "0")  # stable XML attribute order -> reviewable diffs

from qgis.core import (  # noqa: E402
    Qgis,
    QgsApplication,
    QgsCategorizedSymbolRenderer,
    QgsColorRampShader,
    QgsFillSymbol,
    QgsLinePatternFillSymbolLayer,
    QgsLineSymbol,
    QgsMapLayer,
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


# --------------------------------------------------------------------------- main
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
